"""Extract the UI's strings into the translation files and compile them for the app.

    python scripts/translations.py update    # annotator/ui -> resources/translations/*.ts
    python scripts/translations.py release   # *.ts -> *.qm (what the app loads)
    python scripts/translations.py           # both (`make translations`)

`update` keeps every translation already made, adds new strings as unfinished and drops
strings the code no longer has. Translators edit the .ts files with Qt Linguist
(`pyside6-linguist`) or any text editor; docs/translating.md says how.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "annotator" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"


def tool(name: str) -> str:
    """A Qt tool from the PySide6 wheel installed beside this Python."""
    found = Path(sys.executable).parent / f"pyside6-{name}"
    return str(found) if found.exists() else f"pyside6-{name}"


def catalogues() -> list[Path]:
    from annotator.ui.i18n import LANGUAGES

    return [TRANSLATIONS / f"annotator_{lang.code}.ts" for lang in LANGUAGES if lang.code != "en"]


def update(targets: list[Path]) -> None:
    sources = sorted(str(p.relative_to(ROOT)) for p in UI.rglob("*.py"))
    for ts in targets:
        # no line numbers: the file changes only when the strings do
        command = [tool("lupdate"), "-locations", "none", "-no-obsolete", *sources, "-ts"]
        subprocess.run([*command, str(ts.relative_to(ROOT))], cwd=ROOT, check=True)


def release(targets: list[Path]) -> None:
    for ts in targets:
        qm = ts.with_suffix(".qm")
        subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main(argv: list[str]) -> int:
    steps = argv or ["update", "release"]
    unknown = set(steps) - {"update", "release"}
    if unknown:
        print(__doc__, file=sys.stderr)
        return 2
    targets = catalogues()
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    if "update" in steps:
        update(targets)
    if "release" in steps:
        release(targets)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
