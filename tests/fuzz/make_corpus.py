"""Write the fuzzing seed corpus: one small valid file of every kind we read.

Run `python -m tests.fuzz.make_corpus` to rebuild it; the files are checked in so a
fuzz run starts from the same seeds everywhere. The texts are made up.
"""

from __future__ import annotations

import io
import shutil
import sqlite3
import tempfile
from pathlib import Path

CORPUS = Path(__file__).parent / "corpus"

HEADLINE = "Cameras at the river gate"
BODY = [
    "date 2024-03-18",
    "By MARTA OKONJO",
    "Police installed forty cameras along the river road, residents said.",
    "قال شهود إن الشرطة صادرت الهواتف عند نقطة التفتيش.",
    "天网摄像头覆盖了整个老城区。 A leaked contract lists 📷 facial recognition.",
    "Cafe\u0301 owners keep guest lists for thirty days.",
]
TEXT = "\n\n".join([HEADLINE, *BODY])


def _texts(folder: Path) -> None:
    (folder / "utf8.txt").write_bytes(TEXT.encode("utf-8"))
    (folder / "utf8-bom-crlf.txt").write_bytes(
        b"\xef\xbb\xbf" + TEXT.replace("\n", "\r\n").encode()
    )
    (folder / "utf16.txt").write_bytes(TEXT.encode("utf-16"))
    latin = "Caf\u00e9 owners near the gate said police took \u201cevery\u201d phone.\n\nBy ANA"
    (folder / "cp1252.txt").write_bytes(latin.encode("cp1252"))
    arabic = "قال شهود إن الشرطة صادرت الهواتف عند نقطة التفتيش.\n\nونشرت كاميرات جديدة."
    (folder / "cp1256.txt").write_bytes(arabic.encode("cp1256"))
    (folder / "gb18030.txt").write_bytes(
        "天网摄像头覆盖了整个老城区。\n\n警方表示。".encode("gb18030")
    )


def _markdown(folder: Path) -> None:
    lines = [f"# {HEADLINE}", "", *(f"{line}\n" for line in BODY), "- a list item", "> a quote"]
    (folder / "note.md").write_text("\n".join(lines), "utf-8")


def _html(folder: Path) -> None:
    paragraphs = "".join(f"<p>{line}</p>" for line in BODY)
    page = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{HEADLINE}</title><meta name='author' content='Marta Okonjo'>"
        "<meta property='article:published_time' content='2024-03-18'></head><body>"
        "<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        "<div class='cookie'>We use cookies. Accept all</div>"
        f"<article><h1>{HEADLINE}</h1>{paragraphs}<figure><figcaption>A camera. 1/2"
        "</figcaption></figure></article><aside>Recommended Stories</aside>"
        "<footer>Copyright 2024</footer></body></html>"
    )
    (folder / "page.html").write_text(page, "utf-8")
    legacy = (
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1256'>"
        "</head><body><p>قال شهود إن الشرطة صادرت الهواتف.</p></body></html>"
    )
    (folder / "cp1256.html").write_bytes(legacy.encode("cp1256"))


def _docx(folder: Path) -> None:
    import docx

    document = docx.Document()
    document.core_properties.title = HEADLINE
    document.core_properties.author = "Marta Okonjo"
    document.add_heading(HEADLINE, level=1)
    for line in BODY:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Cameras"
    table.cell(0, 1).text = "40"
    document.save(folder / "small.docx")


def _odt(folder: Path) -> None:
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text=HEADLINE))
    for line in BODY:
        document.text.addElement(P(text=line))
    document.save(str(folder / "small.odt"))


def _pdf(folder: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title(HEADLINE)
    pdf.set_author("Marta Okonjo")
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    for line in [HEADLINE, *BODY[:3], BODY[5]]:
        pdf.multi_cell(190, 8, line.encode("latin-1", "replace").decode("latin-1"))
        pdf.set_x(10)
    pdf.output(str(folder / "small.pdf"))


def _project_files(root: Path) -> None:
    """A small coded project, and what it exports: .qdpx, .qdc, codebook CSV."""
    from annotator.core import coders, coding, documents
    from annotator.core.codebook import find_code
    from annotator.core.codebook_file import new_project
    from annotator.core.exchange.qdc import export_qdc
    from annotator.core.exchange.qdpx_export import export_qdpx
    from annotator.core.exports.codebook_csv import write_codebook_csv

    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "small.annotator"
        with new_project(path) as project:
            coder = coders.add_coder(project, "Marta Okonjo")
            doc = documents.store_document(
                project,
                documents.NewDocument(title=HEADLINE, text=TEXT, original=TEXT.encode()),
                coder_id=coder.id,
            )
            for name, quote in [("CCTV", "forty cameras"), ("Facial recognition", "📷 facial")]:
                start = doc.text.index(quote)
                code_id = find_code(project, name).id
                coding.add_coding(project, doc.id, code_id, start, start + len(quote), coder.id)
            coders.set_finished(project, doc.id, coder.id, True)
            export_qdpx(project, root / "qdpx" / "small.qdpx")
            export_qdc(project, root / "qdc" / "codebook.qdc")
            write_codebook_csv(project, root / "codebook-csv" / "codebook.csv")
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("VACUUM")
        conn.close()
        shutil.copyfile(path, root / "project" / "small.annotator")
    taguette = "tag,description\nCCTV,Cameras in public space\nDrones,\n"
    (root / "codebook-csv" / "taguette.csv").write_bytes(taguette.encode())
    (root / "codebook-json" / "small.json").write_text(
        '{"name": "Small", "codes": [{"name": "Cameras", "color": "#112233", '
        '"children": [{"name": "CCTV", "definition": "Fixed cameras"}]}, {"name": "Drones"}]}',
        "utf-8",
    )


def main() -> None:
    makers = {"text": _texts, "markdown": _markdown, "html": _html, "docx": _docx}
    makers |= {"odt": _odt, "pdf": _pdf}
    for kind in [*makers, "qdpx", "qdc", "codebook-csv", "codebook-json", "project"]:
        folder = CORPUS / kind
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    for kind, make in makers.items():
        make(CORPUS / kind)
    _project_files(CORPUS)
    listing = io.StringIO()
    for path in sorted(CORPUS.rglob("*.*")):
        listing.write(f"{path.relative_to(CORPUS)}\t{path.stat().st_size}\n")
    print(listing.getvalue(), end="")


if __name__ == "__main__":
    main()
