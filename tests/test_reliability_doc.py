"""docs/reliability.md names the tests behind every promise: each one must exist.

A table row names tests as `tests/x.py::test_name`, and `::other_name` after it for
another test of the same file. A renamed or deleted test would leave the page
promising a check nobody runs.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).parent.parent
PAGE = ROOT / "docs" / "reliability.md"
REFERENCE = re.compile(r"`((?:tests/[\w/]+\.py)?)::(\w+)`")


def named_tests() -> list[tuple[str, str]]:
    """(file, test) for every `file::name` and `::name` on the page, in order."""
    found: list[tuple[str, str]] = []
    for line in PAGE.read_text("utf-8").splitlines():
        current = ""
        for match in REFERENCE.finditer(line):
            current = match.group(1) or current
            assert current, f"`::{match.group(2)}` follows no file: {line[:80]}"
            found.append((current, match.group(2)))
    return found


def _tests_in(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    return {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    }


def test_every_test_the_page_names_exists() -> None:
    references = named_tests()
    assert len(references) > 80  # the hostile-class table at least
    missing = [
        f"{file}::{name}"
        for file, name in references
        if not (ROOT / file).is_file() or name not in _tests_in(ROOT / file)
    ]
    assert missing == []
