"""The core says which id it takes: a code's, a document's, a coder's or a coding's.

mypy keeps the typed ids apart (`CodeId` is not a `DocumentId`), but only where a
signature names them: a parameter written as plain `str` takes any of them. This scan
finds such parameters and fields by their names (`code_id`, `document_ids`, ...).
Ids read from another project's file (the REFI-QDA exchange) are that file's, plain
text until the merge maps them to ours; those modules are listed below.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import annotator.core

CORE = Path(annotator.core.__file__).parent
ID_NAME = re.compile(r"^(code|coder|coding|document|doc|parent)_ids?$")
PLAIN = re.compile(r"\bstr\b")
# The other file's ids, before a merge maps them to ours.
THEIR_IDS = {"exchange/incoming.py", "exchange/qdc.py", "exchange/merge_plan.py"}
# Named one by one, with the reason.
ALLOWED = {
    "exchange/agreement.py code_id",  # "" stands for the figures pooled over every code
    "exchange/merge.py parent_id",  # the merge plan's codes: the file's, as mapped
}


def _untyped(path: Path, root: Path = CORE) -> list[str]:
    """`file:line name: annotation` of each id parameter or field written as plain text."""
    tree = ast.parse(path.read_text("utf-8"))
    found: list[str] = []
    for node in ast.walk(tree):
        named: list[tuple[str, ast.expr | None]] = []
        if isinstance(node, ast.arguments):
            every = [*node.posonlyargs, *node.args, *node.kwonlyargs]
            named = [(a.arg, a.annotation) for a in every]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            named = [(node.target.id, node.annotation)]
        for name, annotation in named:
            if annotation is None or not ID_NAME.match(name):
                continue
            text = ast.unparse(annotation)
            if PLAIN.search(text):
                found.append(f"{path.relative_to(root)}:{annotation.lineno} {name}: {text}")
    return found


def test_every_id_the_core_takes_is_typed() -> None:
    modules = [p for p in CORE.rglob("*.py") if str(p.relative_to(CORE)) not in THEIR_IDS]
    assert len(modules) > 50
    untyped = [
        hit
        for path in sorted(modules)
        for hit in _untyped(path)
        if f"{hit.split(':')[0]} {hit.split(' ')[1].rstrip(':')}" not in ALLOWED
    ]
    assert untyped == [], "use CodeId, DocumentId, CoderId or CodingId:\n" + "\n".join(untyped)


def test_the_scan_finds_an_id_written_as_plain_text(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "def f(code_id: str, document_ids: list[str] | None, coder_id: CoderId) -> None:\n"
        "    parent_id: str | None = None\n"
        "    name: str = ''\n",
        "utf-8",
    )
    assert _untyped(sample, tmp_path) == [
        "sample.py:1 code_id: str",
        "sample.py:1 document_ids: list[str] | None",
        "sample.py:2 parent_id: str | None",
    ]
