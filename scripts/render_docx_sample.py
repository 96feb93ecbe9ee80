"""Write the Word exports that scripts/render_docx.sh renders (issue 7).

    python scripts/render_docx_sample.py OUTDIR

Writes OUTDIR/sample-report.docx (the bundled sample project, as a new user would
export it) and OUTDIR/mixed-scripts-report.docx (excerpts in English, Arabic,
Chinese with emoji, with memos) plus the codebook annex, so a person can look at
headings, quotes, citations, right-to-left paragraphs and CJK/emoji glyphs.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.core.exports.formats import ExportOptions, write_export  # noqa: E402
from annotator.core.project import open_project  # noqa: E402
from annotator.core.sample_project import build_sample_project  # noqa: E402
from tests.core.exports.conftest import build_report_project  # noqa: E402


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        sample = build_sample_project(Path(work) / "Sample project.annotator")
        with open_project(sample) as project:
            write_export(project, "docx", out / "sample-report.docx", ExportOptions())
        mixed = build_report_project(Path(work) / "mixed.annotator")
        with mixed.project as project:
            options = ExportOptions(include_memos=True, include_empty_codes=True)
            write_export(project, "docx", out / "mixed-scripts-report.docx", options)
            write_export(project, "codebook-docx", out / "mixed-scripts-codebook.docx")
    for path in sorted(out.glob("*.docx")):
        print(path)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "render")
