"""docs/methods.md states numbers a report may cite: recompute them with the core.

The worked agreement example is read from the page itself (documents, codings, the
figures table), built in a real project and measured with `agreement`, so the page
and the code cannot drift apart. The smaller examples (a position, a paragraph
number, a citation) are checked the same way.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from annotator.core import coders, coding, documents
from annotator.core.codebook import find_code
from annotator.core.documents import NewDocument, sha256_hex
from annotator.core.exchange.agreement import AgreementReport, CodeAgreement, agreement
from annotator.core.exports.citations import citation
from annotator.core.exports.rows import SourceDocument
from annotator.core.ids import DocumentId
from annotator.core.positions import Paragraphs
from annotator.core.project import Project
from annotator.core.selection import Selection

PAGE = Path(__file__).resolve().parent.parent / "docs" / "methods.md"


def page() -> str:
    return PAGE.read_text("utf-8")


def table(first_header: str) -> list[dict[str, str]]:
    """The rows of the Markdown table whose first column is `first_header`."""
    lines = page().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"| {first_header} |"))
    headers = [h.strip() for h in lines[start].strip("|").split("|")]
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        cells = [c.strip().strip("`") for c in line.strip().strip("|").split("|")]
        rows.append(dict(zip(headers, cells, strict=True)))
    return rows


@pytest.fixture
def example(project: Project) -> dict[str, dict[str, str]]:
    """The worked example's project, built from the page's own tables."""
    ids: dict[str, dict[str, str]] = {"document": {}, "coder": {}, "code": {}}
    for row in table("document"):
        text = row["text"]
        assert len(text) == int(row["characters"])
        doc = documents.store_document(project, NewDocument(title=row["document"], text=text))
        ids["document"][row["document"]] = doc.id
    for row in table("coder"):
        coder = ids["coder"].get(row["coder"]) or coders.add_coder(project, row["coder"]).id
        ids["coder"][row["coder"]] = coder
        code = find_code(project, row["code"]).id
        ids["code"][row["code"]] = code
        doc = ids["document"][row["document"]]
        start, end = int(row["start"]), int(row["end"])
        added = coding.add_coding(project, doc, code, start, end, coder)
        assert added is not None
        text = documents.get_document(project, doc).text
        assert text[start:end] == row["passage"], row
    for row in table("document"):
        for name in row["finished by"].split(", "):
            coders.set_finished(project, ids["document"][row["document"]], ids["coder"][name], True)
    return ids


def figure_cells(row: CodeAgreement) -> tuple[str, str, str, str]:
    def three(value: float | None) -> str:
        return "—" if value is None else f"{value:.3f}"

    percent = "—" if row.percent is None else f"{row.percent:.1f}"
    return str(row.characters), percent, three(row.kappa), three(row.alpha)


def test_the_figures_table_is_what_agreement_reports(
    project: Project, example: dict[str, dict[str, str]]
) -> None:
    rows = table("coders")
    assert len(rows) >= 8
    reports: dict[tuple[str, str], AgreementReport] = {}
    for row in rows:
        key = (row["coders"], row["documents"])
        if key not in reports:
            coder_ids = [example["coder"][name] for name in row["coders"].split(", ")]
            reports[key] = agreement(
                project,
                Selection(coder_ids=coder_ids),
                include_unfinished=row["documents"] == "all coded",
            )
        report = reports[key]
        if row["code"] == "overall":
            measured = report.overall
        else:
            code_id = example["code"][row["code"]]
            measured = next(c for c in report.codes if c.code_id == code_id)
        wanted = (row["characters"], row["agreement %"], row["kappa"], row["alpha"])
        assert figure_cells(measured) == wanted, row


def test_the_hand_worked_steps_match(project: Project, example: dict[str, dict[str, str]]) -> None:
    """The intermediate numbers the page derives by hand, and its one disagreement."""
    amina, jonas = example["coder"]["Amina"], example["coder"]["Jonas"]
    report = agreement(project, Selection(coder_ids=[amina, jonas]))
    cctv = next(c for c in report.codes if c.code_id == example["code"]["CCTV"])
    assert cctv.coded == {amina: 19, jonas: 7}
    assert cctv.alpha == pytest.approx(1 - 948 / 1404)
    assert cctv.kappa == pytest.approx((0.7 - 0.51625) / (1 - 0.51625))
    assert report.overall.alpha == pytest.approx(1 - 159 * 12 / (118 * 42))
    mean = sum(c.alpha or 0 for c in report.codes) / len(report.codes)
    assert f"per-code alphas ({mean:.3f})" in page()
    [gap] = report.disagreements
    assert (gap.start, gap.end, gap.quote, gap.coded_by) == (7, 19, " at the gate", (amina,))
    assert "characters 7–19 (` at the gate`), coded by Amina and not by Jonas" in page()
    unfinished = agreement(project, Selection(coder_ids=[amina, jonas]), include_unfinished=True)
    cctv_all = next(c for c in unfinished.codes if c.code_id == example["code"]["CCTV"])
    assert cctv_all.coded[amina] == 12 + 13 + 7  # " at the gate", "Police drones", "Cameras"
    three = agreement(project, Selection(coder_ids=[amina, jonas, example["coder"]["Lina"]]))
    cctv3 = next(c for c in three.codes if c.code_id == example["code"]["CCTV"])
    assert cctv3.alpha == pytest.approx(1 - 119 * 12 / (87 * 33))


def test_the_position_example() -> None:
    text = "Cameras at the gate film every reporter."
    assert "the passage\n`reporter` is `start` 31, `end` 39" in page()
    assert text[31:39] == "reporter"


def test_the_paragraph_example() -> None:
    block = re.search(r"```text\n(Lusaka police.*?)```", page(), re.S)
    assert block is not None
    text = block.group(1).strip()
    paragraphs = Paragraphs.of(text)
    assert paragraphs.number_at(text.index("By CHILESHE")) == 1
    assert paragraphs.number_at(text.index("Police in Lusaka")) == 2
    start = text.index("live facial recognition")
    end = text.index("the capital") + len("the capital")
    assert paragraphs.span_label(start, end) == "¶2"
    assert paragraphs.span_label(0, end) == "¶1–2"


def source(**fields: str) -> SourceDocument:
    empty = dict.fromkeys(
        ("title", "source_url", "publisher", "author", "published_date", "accessed_date"), ""
    )
    return SourceDocument(
        id=DocumentId("d"),
        language="",
        text_sha256="",
        original_sha256="",
        paragraphs=Paragraphs.of(""),
        **(empty | fields),
    )


def test_the_citation_example() -> None:
    document = source(
        title="Title",
        publisher="Publisher",
        author="Author",
        published_date="2024-04-16",
        source_url="URL",
        accessed_date="2024-05-01",
    )
    line = citation(document, "¶12")
    assert f"    {line}\n" in page()
    missing = source(title="Title", accessed_date="2024-05-01")
    assert citation(missing) == "— Title, accessed 1 May 2024"
    assert "printed as `accessed 1 May 2024`" in page()


def test_the_text_hash_is_of_the_utf8_frozen_text(project: Project) -> None:
    """What the page tells readers to recompute with sha256sum."""
    text = "Caméras à la porte 🚨\r\nسطر"
    stored = documents.store_document(project, NewDocument(title="t", text=text, original=b"x"))
    assert stored.text_sha256 == sha256_hex(stored.text.encode("utf-8"))
    assert "\r" not in stored.text
    assert stored.original_sha256 == sha256_hex(b"x")
