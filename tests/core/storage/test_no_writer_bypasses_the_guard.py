"""No code writes a file except through `storage.atomic_write` (issue 18, "Outputs").

A scan of the app's source for every way Python (and Qt) can create, replace or
rename a file. Only the storage modules may use them; the few other uses are listed
with the reason they are safe, and the list only shrinks (an entry that no longer
matches anything fails too). A new writer that bypasses the guard fails here.
"""

from __future__ import annotations

import ast
from pathlib import Path

import annotator

PACKAGE = Path(annotator.__file__).parent
STORAGE = {"core/storage/atomic_write.py", "core/storage/leftovers.py"}
ALLOWED = {
    ("core/backups.py", "os.link"): "a second name for the project a restore replaces",
    ("core/exchange/qdpx_export.py", "ZipFile(w)"): "writes into atomic_write's stream",
    (
        "logs.py",
        ".open(w)",
    ): "appends crash stacks to the app's own log (faulthandler needs a file)",
}
WRITING_FLAGS = {"O_WRONLY", "O_RDWR", "O_CREAT", "O_APPEND", "O_TRUNC"}
RISKY_CALLS = {
    "os.replace", "os.rename", "os.renames", "os.link", "os.symlink",
    "os.truncate", "shutil.copy", "shutil.copy2", "shutil.copyfile", "shutil.move",
    "shutil.copytree", "tempfile.mkstemp", "tempfile.mkdtemp", "tempfile.NamedTemporaryFile",
    "tempfile.TemporaryFile", "tempfile.TemporaryDirectory", "tempfile.SpooledTemporaryFile",
}  # fmt: skip
RISKY_METHODS = {"write_text", "write_bytes", "touch", "symlink_to", "hardlink_to"}
QT_FILES = {"QFile", "QSaveFile", "QTemporaryFile", "QTemporaryDir"}


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_name(node.value)}.{node.attr}"
    return ""


def _writes_mode(node: ast.expr | None) -> bool:
    if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
        return False
    mode = node.value
    return bool(mode) and set(mode) <= set("rwxabt+U") and bool(set(mode) & set("wxa+"))


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


def _findings(call: ast.Call) -> list[str]:
    """What is risky about one call: its name as the allow-list spells it."""
    name = _name(call.func)
    found = []
    if name in RISKY_CALLS:
        found.append(name)
    if name == "os.open" and any(
        isinstance(n, ast.Attribute) and n.attr in WRITING_FLAGS for n in ast.walk(call)
    ):
        found.append("os.open(write)")
    if name == "os.fdopen" and _writes_mode(
        call.args[1] if len(call.args) > 1 else _keyword(call, "mode")
    ):
        found.append("os.fdopen(w)")
    method = call.func.attr if isinstance(call.func, ast.Attribute) else ""
    if method in RISKY_METHODS:
        found.append(f".{method}")
    if method in ("rename", "replace") and len(call.args) == 1 and not call.keywords:
        found.append(f".{method}")  # Path.rename/replace (str.replace takes two)
    if name in ("open", "io.open") and _writes_mode(
        call.args[1] if len(call.args) > 1 else _keyword(call, "mode")
    ):
        found.append("open(w)")
    if method == "open" and _writes_mode(call.args[0] if call.args else _keyword(call, "mode")):
        found.append(".open(w)")
    if name.endswith("ZipFile") and _writes_mode(
        call.args[1] if len(call.args) > 1 else _keyword(call, "mode")
    ):
        found.append("ZipFile(w)")
    if method == "save" and call.args and isinstance(call.args[0], ast.Constant | ast.Call):
        first = call.args[0]
        if isinstance(first, ast.Constant) or _name(first.func) == "str":  # Qt saving to a path
            found.append(".save(path)")
    return found


def scan() -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        module = path.relative_to(PACKAGE).as_posix()
        if module in STORAGE:
            continue
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                found.update((module, what) for what in _findings(node))
            elif isinstance(node, ast.Name) and node.id in QT_FILES:
                found.add((module, node.id))
    return found


def test_every_file_is_written_through_the_guarded_atomic_write() -> None:
    found = scan()
    bypassing = sorted(found - set(ALLOWED))
    assert bypassing == [], "write through annotator.core.storage.atomic_write instead"
    assert set(ALLOWED) <= found, "an allowed exception is gone: drop it from ALLOWED"


def test_the_scan_sees_each_kind_of_writer() -> None:
    """The scan itself must be able to fail: each of these is a write it catches."""
    writers = [
        "Path(p).write_text('x')",
        "p.write_bytes(b'x')",
        "open(p, 'w')",
        "open(p, mode='a')",
        "p.open('wb')",
        "os.replace(a, b)",
        "partial.replace(target)",
        "shutil.copyfile(a, b)",
        "tempfile.TemporaryDirectory()",
        "os.open(p, os.O_WRONLY | os.O_CREAT)",
        "os.fdopen(fd, 'wb')",
        "pixmap.save(str(p), 'PNG')",
        "zipfile.ZipFile(p, 'w')",
    ]
    for source in writers:
        call = ast.parse(source).body[0].value  # type: ignore[attr-defined]
        assert _findings(call), source
    readers = [
        "open(p)",
        "p.open('rb')",
        "os.fdopen(fd, 'rb')",
        "text.replace('a', 'b')",
        "zf.open('x.qde', 'w')",
    ]
    for source in readers:
        call = ast.parse(source).body[0].value  # type: ignore[attr-defined]
        assert not _findings(call), source
