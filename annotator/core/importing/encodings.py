"""Turn bytes into text: find the encoding, and normalise what will be frozen.

Order of trust: an encoding the user chose; a byte-order mark; the charset an HTML
page declares; strict UTF-8; then charset-normalizer's guess. charset-normalizer
often hesitates between single-byte Latin code pages (French in cp1252 reads "as
well" in cp1257), so among its near-equal guesses we prefer decodings without
symbols stuck inside words, then the code pages people most often meet.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

import charset_normalizer
from charset_normalizer.md import mess_ratio

from annotator.core.importing import errors

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Labels that browsers (WHATWG) read as windows-1252, which is a superset.
_WINDOWS_1252_LABELS = {"iso8859-1", "latin-1", "ascii", "iso8859-15", "cp819"}

# Tie-breaker among near-equal guesses: the code pages most often met in practice.
_PREFERRED = (
    "cp1252",
    "cp1250",
    "cp1251",
    "cp1256",
    "gb18030",
    "big5",
    "cp932",
    "euc_jp",
    "euc_kr",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp1257",
    "cp874",
    "koi8_r",
)
_CHAOS_MARGIN = 0.1
# Above this share of control characters, the "text" is binary data.
_MAX_CONTROL_SHARE = 0.005
_MIN_CONTROLS = 3

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # a Python codec name, e.g. "utf-8", "cp1252", "utf-16"
    detected: bool  # False when the user chose it or the file declared it


def canonical(encoding: str) -> str:
    """Python's name for an encoding label (`latin1` -> `iso8859-1`); raises LookupError."""
    return codecs.lookup(encoding.strip()).name


def decode(
    data: bytes, source: str, *, override: str | None = None, declared: str | None = None
) -> Decoded:
    """The text of `data`; raises NotText for binary data whatever the encoding."""
    decoded = _decode(data, source, override, declared)
    if decoded is None or looks_binary(decoded.text):
        raise errors.NotText(source)
    return decoded


def _decode(data: bytes, source: str, override: str | None, declared: str | None) -> Decoded | None:
    if override:
        encoding = _known(override, source)
        return Decoded(_strict(data, source, encoding), encoding, False)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(_strict(data, source, encoding), encoding, False)
    if declared:
        decoded = _try_declared(data, declared)
        if decoded is not None:
            return decoded
    try:
        return Decoded(data.decode("utf-8"), "utf-8", True)
    except UnicodeDecodeError:
        return _guess(data)


def _known(encoding: str, source: str) -> str:
    try:
        return canonical(encoding)
    except LookupError:
        raise errors.UnknownEncoding(source, encoding) from None


def _strict(data: bytes, source: str, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise errors.WrongEncoding(source, encoding, exc.start) from None


def _try_declared(data: bytes, declared: str) -> Decoded | None:
    try:
        encoding = canonical(declared)
    except LookupError:
        return None
    candidates = [encoding]
    if encoding in _WINDOWS_1252_LABELS:
        candidates = ["cp1252", "iso8859-1"]  # cp1252 leaves five bytes undefined
    for candidate in candidates:
        try:
            return Decoded(data.decode(candidate), candidate, False)
        except UnicodeDecodeError:
            continue
    return None


def _guess(data: bytes) -> Decoded | None:
    candidates = [
        (m.chaos, str(m), canonical(m.encoding))
        for m in charset_normalizer.from_bytes(data)
        if not (m.encoding.startswith(("utf_16", "utf_32")) and b"\x00" not in data)
    ]
    # charset-normalizer sometimes leaves out the commonest code page when another
    # decodes the same bytes equally well; judge it by the same measure of mess.
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    else:
        if all(encoding != "cp1252" for _, _, encoding in candidates):
            candidates.append((mess_ratio(western, maximum_threshold=1.0), western, "cp1252"))
    if not candidates:
        return None
    best_chaos = min(chaos for chaos, _, _ in candidates)
    near = [(text, enc) for chaos, text, enc in candidates if chaos <= best_chaos + _CHAOS_MARGIN]
    text, encoding = min(near, key=lambda d: (_symbols_inside_words(d[0]), _rank(d[1])))
    return Decoded(text, encoding, True)


def _rank(encoding: str) -> int:
    return _PREFERRED.index(encoding) if encoding in _PREFERRED else len(_PREFERRED)


# Symbols that never sit inside a word: `zainstalowa³a` is Polish read as cp1252.
# Dashes, quotes and apostrophes (Pd, Pi, Pf) and the Catalan middle dot do.
_ODD_INSIDE_WORDS = {"No", "So", "Sc", "Sm", "Sk", "Po"}


def _symbols_inside_words(text: str) -> int:
    count = 0
    for index in range(1, len(text) - 1):
        char = text[index]
        if (
            ord(char) > 0x7F
            and char != "\u00b7"
            and unicodedata.category(char) in _ODD_INSIDE_WORDS
            and text[index - 1].isalpha()
            and text[index + 1].isalpha()
        ):
            count += 1
    return count


def looks_binary(text: str) -> bool:
    """Control characters in more than a trace: binary data, or the wrong encoding."""
    controls = len(_CONTROL.findall(text))
    return controls > _MIN_CONTROLS and controls > _MAX_CONTROL_SHARE * len(text)


# --- what is frozen -----------------------------------------------------------------

_NEWLINES = re.compile(r"\r\n?|\u0085")
_SURROGATES = re.compile("[\ud800-\udfff]")
_DROPPED_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")


@dataclass(frozen=True)
class Normalised:
    text: str
    controls_removed: int  # NULs and other invisible control characters


def normalise(text: str) -> Normalised:
    """The text as it will be frozen: `\\n` newlines, no BOM, no lone surrogates.

    A form feed (page break) becomes a blank line, a vertical tab a line break;
    other control characters are invisible and break selections, so they go (and
    the preview says how many).
    """
    if _SURROGATES.search(text):  # join pairs into one code point; a lone half is U+FFFD
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    if "\r" in text or "\u0085" in text:
        text = _NEWLINES.sub("\n", text)
    text = text.replace("\f", "\n\n").replace("\v", "\n").replace("\ufeff", "")
    removed = 0
    if _DROPPED_CONTROLS.search(text):
        text, removed = _DROPPED_CONTROLS.subn("", text)
    text = text.strip()
    if " \n" in text or "\t\n" in text:  # the check is much faster than the substitution
        text = _TRAILING_SPACE.sub("\n", text)
    return Normalised(text, removed)
