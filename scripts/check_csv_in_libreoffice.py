"""Open an exported CSV in a real spreadsheet and look for formulas (issue 7).

    python scripts/check_csv_in_libreoffice.py

Exports the test project (quotes there start with `=SUM(A1:A3)`, `-` and `@`, and
one is the working formula `=1+2`) to CSV twice, neutralised (the default) and raw, has LibreOffice
Calc open each as a user would (comma separated, UTF-8) and save it as XLSX, and
reads the result back: the default export must hold no formula at all. The raw one
shows why the default exists. Needs LibreOffice Calc (scripts/render_docx.sh installs it).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import openpyxl  # noqa: E402

from annotator.core.documents import NewDocument, store_document  # noqa: E402
from annotator.core.exports.formats import ExportOptions, write_export  # noqa: E402
from tests.core.exports.conftest import build_report_project  # noqa: E402


def formulas_after_opening(csv_path: Path, work: Path) -> list[str]:
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{work}/profile",
            "--headless",
            # comma, double quote, UTF-8, from line 1, ..., and "evaluate formulas" on, as
            # Excel always does (Calc asks; a user may well say yes)
            "--infilter=CSV:44,34,76,1,,0,false,true,false,false,false,-1,true",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(work),
            str(csv_path),
        ],
        check=True,
        capture_output=True,
    )
    sheet = openpyxl.load_workbook(work / f"{csv_path.stem}.xlsx").active
    return [
        f"{c.coordinate}: {c.value}" for row in sheet.iter_rows() for c in row if c.data_type == "f"
    ]


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        report = build_report_project(work / "study.annotator")
        # and a quote that is a working formula, as a hostile web page could plant
        report.docs["planted"] = store_document(
            report.project, NewDocument(title="Planted", text="=1+2\n\nwas on the page.")
        )
        report.code("planted", "legal", "=1+2")
        with report.project as project:
            write_export(project, "csv", work / "default.csv", ExportOptions())
            write_export(project, "csv", work / "raw.csv", ExportOptions(raw=True))
        default = formulas_after_opening(work / "default.csv", work)
        raw = formulas_after_opening(work / "raw.csv", work)
    print(f"default export: {len(default)} formula cells after opening in LibreOffice Calc")
    print(f"raw export:     {len(raw)} formula cells ({'; '.join(raw) or 'none'})")
    if default:
        print("FAILED: the default export let a spreadsheet run", default)
        return 1
    print("OK: no formula runs from the default export")
    return 0


if __name__ == "__main__":
    sys.exit(main())
