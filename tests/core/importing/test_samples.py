"""The shipped sample articles: right titles, dates, authors and hashes, and a clean clean-up."""

from __future__ import annotations

import hashlib

import pytest

from annotator.core.importing import ImportOptions, Reason, prepare_file
from annotator.core.resources import resource_path

SAMPLES = resource_path("samples")

EXPECTED = {
    "01-lusaka-facial-recognition.txt": (
        "Lusaka police switch on facial recognition at 300 junctions", "2021-09-14",
        "Chileshe Mwanza",
    ),
    "02-lima-registro-biometrico.txt": (
        "Migraciones exigirá huellas, iris y fotografía a venezolanos que pidan el carné temporal",
        "2022-03-08", "Valeria Quispe Huamán",
    ),
    "03-amman-spyware-journalists.txt": (
        "Spyware found on phones of five Jordanian journalists, forensic study says",
        "2023-06-21", "Leila Haddad",
    ),
    "04-lithuania-border-sensors.txt": (
        "Sensors, thermal cameras and razor wire: Lithuania finishes its Belarus border barrier",
        "2022-08-30", "Baltic Desk",
    ),
    "05-rakhine-checkpoints-permits.txt": (
        '"Every trip is a negotiation": permits and checkpoints hem in Rohingya in Rakhine',
        "2023-02-10", "Sandar Lwin",
    ),
    "06-minsk-informant-network.txt": (
        "Neighbours, caretakers and a chatbot: how Minsk built a network of informers after the "
        "protests", "2021-05-19", "Maryna Hrytsevich",
    ),
    "07-johannesburg-plate-recognition.txt": (
        "Private camera network feeds number-plate reads to police in Johannesburg suburbs",
        "2020-07-22", "Naledi Mokoena",
    ),
    "08-zanzibar-shutdown-social-media.txt": (
        "Mobile data cut in Zanzibar as police cyber unit watches WhatsApp groups", "2020-10-30",
        "Zawadi Mrema",
    ),
    "09-russia-camera-parts-sanctions.txt": (
        "Through Bishkek and Dubai: how restricted camera parts still reach Russia's "
        "surveillance networks", "2024-03-12", "Investigations Unit",
    ),
    "10-nairobi-phone-location-protests.html": (
        "Police tracked protest organisers through phone location data, court papers show",
        "2023-07-28", "Achieng Otieno",
    ),
    "11-uzbekistan-vendor-map.docx": (
        "Cameras, servers and contracts: who supplied urban surveillance in Uzbekistan",
        "2023-11-06", "Open Ledger Research",
    ),
    "12-zimbabwe-interception-oversight.pdf": (
        "Interception without a judge: Zimbabwe's new interception regulations", "2022-11-21",
        "Rutendo Chikwanha, Centre for Constitutional Accountability",
    ),
}  # fmt: skip


def test_every_shipped_sample_is_covered() -> None:
    assert sorted(p.name for p in SAMPLES.iterdir() if p.name != "README.md") == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_details_and_hashes(name: str) -> None:
    path = SAMPLES / name
    draft = prepare_file(path, ImportOptions(clean=True))
    title, published, author = EXPECTED[name]
    assert (draft.title, draft.provenance["published_date"], draft.provenance["author"]) == (
        title,
        published,
        author,
    )
    assert draft.original == path.read_bytes()
    assert (
        hashlib.sha256(draft.original).hexdigest() == hashlib.sha256(path.read_bytes()).hexdigest()
    )
    assert draft.text.strip() and "\r" not in draft.text and "\n\n\n" not in draft.text


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if n.endswith(".txt")))
def test_scrape_clean_up_removes_junk_teasers_and_repeated_captions(name: str) -> None:
    draft = prepare_file(SAMPLES / name, ImportOptions(clean=True))
    reasons = {r.reason for r in draft.applied_removals}
    assert {Reason.TEASERS, Reason.REPEATED, Reason.BOILERPLATE, Reason.DATE_MARKER} <= reasons
    lines = draft.text.split("\n")
    junk = {"Advertisement", "Publicidad", "Share", "Save", "Compartir", "Skip to content"}
    assert not junk & set(lines)
    assert not any(line.endswith(("1/2", "1/3", "1/4", "2/3", "2/4")) for line in lines)
    assert not any(line.endswith(("min read", "de 5 min")) for line in lines)
    assert len(lines) == len(set(filter(None, lines))) + lines.count("")  # no line twice
    untouched = [  # paragraphs the clean-up has nothing to say about
        p
        for p in draft.extracted_text.split("\n\n")
        if not any(r.text in p for r in draft.removals)
    ]
    assert len(untouched) >= 8
    assert draft.text.split("\n\n")[1:] == untouched  # the article itself, unchanged


def test_the_web_page_sample_reports_what_main_content_extraction_left_out() -> None:
    draft = prepare_file(SAMPLES / "10-nairobi-phone-location-protests.html")
    assert draft.provenance["publisher"] == "The Meridian Post"
    assert draft.provenance["source_url"].startswith("https://news.example.org/africa/2023/07/28/")
    assert "Recommended Stories" in draft.outside_main_content
    assert any("We use cookies" in line for line in draft.outside_main_content)
    assert "Recommended Stories" not in draft.text and "cookies" not in draft.text


def test_the_pdf_sample_running_header_and_page_footers_are_proposed() -> None:
    draft = prepare_file(
        SAMPLES / "12-zimbabwe-interception-oversight.pdf", ImportOptions(clean=True)
    )
    assert [(r.reason, r.text) for r in draft.applied_removals] == [
        (Reason.BOILERPLATE, "Page 1 of 2"),
        (Reason.REPEATED, "CCA Policy Brief No. 7/2022"),
        (Reason.BOILERPLATE, "Page 2 of 2"),
    ]
