"""Bytes to text: detection, BOMs, declared charsets, overrides, and what is frozen."""

from __future__ import annotations

import codecs
import os

import pytest

from annotator.core.importing import errors
from annotator.core.importing.encodings import decode, normalise

FRENCH = "Les caméras « intelligentes » surveillent la place depuis l'été, a déclaré la préfète."
SPANISH = "Las cámaras de la policía vigilan la plaza desde el martes, según el señor García."
ENGLISH_QUOTES = "“Nobody asked us,” said the owner – a café near the square – who didn’t want it."
POLISH = "Policja zainstalowała kamery na placu. Mieszkańcy są zaniepokojeni, że będą śledzeni."
ARABIC = "قالت الشرطة إن الكاميرات تراقب الساحة الرئيسية في المدينة منذ يوم الثلاثاء الماضي."
CHINESE = "警方表示，摄像头自上周二以来一直在监控城市主广场。人脸识别系统已经投入使用。"
RUSSIAN = "Полиция установила камеры распознавания лиц на площади, сообщили в министерстве."
GREEK = "Η αστυνομία εγκατέστησε κάμερες αναγνώρισης προσώπου στην πλατεία, ανακοίνωσε."


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (FRENCH, "cp1252"),
        (SPANISH, "cp1252"),
        (ENGLISH_QUOTES, "cp1252"),
        (POLISH, "cp1250"),
        (ARABIC, "cp1256"),
        (CHINESE, "gb18030"),
        (RUSSIAN, "cp1251"),
        (GREEK, "cp1253"),
        (FRENCH + " 👁️ " + CHINESE, "utf-8"),
        (FRENCH, "utf-16-le"),
        (FRENCH, "utf-16-be"),
    ],
)
def test_a_good_detector_reads_common_encodings(text: str, encoding: str) -> None:
    decoded = decode(text.encode(encoding), "a.txt")
    assert decoded.text == text
    assert decoded.encoding == codecs.lookup(encoding).name
    assert decoded.detected


@pytest.mark.parametrize(
    ("bom", "encoding", "expected"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    ],
)
def test_a_byte_order_mark_decides_and_disappears(bom: bytes, encoding: str, expected: str) -> None:
    decoded = decode(bom + ARABIC.encode(encoding), "a.txt")
    assert decoded.encoding == expected
    assert normalise(decoded.text).text == ARABIC


def test_a_declared_latin1_charset_is_read_as_windows_1252_like_browsers_do() -> None:
    data = "“Café” – 10 €".encode("cp1252")
    decoded = decode(data, "page.html", declared="ISO-8859-1")
    assert (decoded.text, decoded.encoding, decoded.detected) == ("“Café” – 10 €", "cp1252", False)


def test_an_unknown_declared_charset_falls_back_to_detection() -> None:
    assert decode(FRENCH.encode("utf-8"), "p.html", declared="x-no-such").encoding == "utf-8"


def test_the_researchers_choice_overrides_detection() -> None:
    data = "Ça coûte 5 €".encode("iso8859-15")
    assert decode(data, "a.txt").text == "Ça coûte 5 ¤"  # read as cp1252
    decoded = decode(data, "a.txt", override="ISO-8859-15")
    assert (decoded.text, decoded.encoding, decoded.detected) == (
        "Ça coûte 5 €",
        "iso8859-15",
        False,
    )


def test_an_override_that_does_not_fit_names_the_file_and_the_byte() -> None:
    with pytest.raises(errors.WrongEncoding) as caught:
        decode(b"abc \xff def", "notes.txt", override="utf-8")
    assert caught.value.position == 4
    assert "notes.txt" in str(caught.value) and "utf-8" in str(caught.value)


def test_an_unknown_override_is_refused_by_name() -> None:
    with pytest.raises(errors.UnknownEncoding, match="klingon"):
        decode(b"abc", "a.txt", override="klingon")


def test_binary_data_is_not_text_whatever_the_detector_says() -> None:
    with pytest.raises(errors.NotText, match=r"x\.txt"):
        decode(os.urandom(4096), "x.txt")
    with pytest.raises(errors.NotText):
        decode(b"\x00" * 200 + b"text", "x.txt")  # valid UTF-8, still binary


def test_normalise_newlines_bom_controls_and_page_breaks() -> None:
    result = normalise("\ufeffTitle\r\nline two\rline three\x00\f\nnext page \t\n\n")
    assert result.text == "Title\nline two\nline three\n\n\nnext page"
    assert result.controls_removed == 1


def test_normalise_joins_surrogate_pairs_and_replaces_lone_halves() -> None:
    assert normalise("eye \ud83d\udc41 here").text == "eye 👁 here"
    assert normalise("broken \ud83d half").text == "broken \ufffd half"
