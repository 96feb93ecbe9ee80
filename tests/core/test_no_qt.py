"""annotator.core must never import Qt: the CLI and tests run it without a display."""

import subprocess
import sys
from pathlib import Path

import annotator.core

CORE = Path(annotator.core.__file__).parent


def test_importing_every_core_module_loads_no_qt() -> None:
    modules = sorted(
        "annotator.core." + ".".join(p.relative_to(CORE).with_suffix("").parts)
        for p in CORE.rglob("*.py")
        if p.name != "__init__.py"
    )
    script = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + "qt = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'PyQt5', 'PyQt6'))\n"
        "print(','.join(qt))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert len(modules) > 10
    assert result.stdout.strip() == ""


def test_no_core_source_mentions_a_qt_import() -> None:
    offenders = [
        str(p)
        for p in CORE.rglob("*.py")
        for line in p.read_text("utf-8").splitlines()
        if line.lstrip().startswith(("import PySide6", "from PySide6", "import shiboken6"))
    ]
    assert offenders == []
