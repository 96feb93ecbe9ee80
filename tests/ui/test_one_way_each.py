"""One way to do each thing, read from the source (issue 19).

- Only the session sends the change signal: everything else calls `session.run`,
  `record` or `notify`, so views hear every change the same way. A widget may send its
  own `changed` signal (`self.changed.emit` in a class that declares `changed`).
- Threads and pools exist only in `ui/background.py`: work off the GUI thread is a
  background operation, with its progress, cancel and error handling in one place.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ANNOTATOR = ROOT / "annotator"
SESSION = ANNOTATOR / "ui" / "session.py"
BACKGROUND = ANNOTATOR / "ui" / "background.py"
THREADS = {"QThread", "QRunnable", "QThreadPool"}


def _sources() -> list[Path]:
    return sorted(ANNOTATOR.rglob("*.py"))


def _name(node: ast.expr) -> str:
    """`QRunnable` for both `QRunnable` and `QtCore.QRunnable`."""
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""


def _declares_changed(cls: ast.ClassDef) -> bool:
    return any(
        isinstance(statement, ast.Assign | ast.AnnAssign)
        and any(
            isinstance(target, ast.Name) and target.id == "changed"
            for target in (
                statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            )
        )
        for statement in cls.body
    )


def changed_emits(tree: ast.AST) -> list[int]:
    """Lines sending a `changed` signal that is not the sending class's own."""
    own: set[int] = set()  # lines of `self.changed.emit` inside a class declaring `changed`
    for cls in ast.walk(tree):
        if isinstance(cls, ast.ClassDef) and _declares_changed(cls):
            for node in ast.walk(cls):
                if (
                    isinstance(node, ast.Attribute)
                    and node.attr == "emit"
                    and isinstance(node.value, ast.Attribute)
                    and node.value.attr == "changed"
                    and isinstance(node.value.value, ast.Name)
                    and node.value.value.id == "self"
                ):
                    own.add(node.lineno)
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr == "emit"
        and isinstance(node.value, ast.Attribute)
        and node.value.attr == "changed"
        and node.lineno not in own
    ]


def thread_uses(tree: ast.AST) -> list[int]:
    """Lines subclassing or making a QThread, QRunnable or QThreadPool, or using Qt's
    global pool (asking `QThread.currentThread()` is fine)."""
    return [node.lineno for node in ast.walk(tree) if _makes_a_thread(node)]


def _makes_a_thread(node: ast.AST) -> bool:
    if isinstance(node, ast.ClassDef):
        return any(_name(base) in THREADS for base in node.bases)
    if isinstance(node, ast.Call):
        return _name(node.func) in THREADS
    return isinstance(node, ast.Attribute) and _name(node.value) == "QThreadPool"


def test_only_the_session_sends_the_change_signal() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in _sources()
        if path != SESSION
        for line in changed_emits(ast.parse(path.read_text("utf-8")))
    ]
    assert not found, "use session.run, record or notify:\n" + "\n".join(found)


def test_threads_only_in_the_background_module() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in _sources()
        if path != BACKGROUND
        for line in thread_uses(ast.parse(path.read_text("utf-8")))
    ]
    assert not found, "run work with ui.background.Background:\n" + "\n".join(found)


@pytest.mark.parametrize(
    "source",
    [
        "session.changed.emit(change)",
        "self.session.changed.emit(Change('Set coder'))",
        "class Panel:\n    def f(self):\n        self.changed.emit(1)",  # not its own signal
    ],
)
def test_the_scan_finds_a_change_sent_around_the_session(source: str) -> None:
    assert changed_emits(ast.parse(source))


def test_the_scan_lets_a_widget_send_its_own_changed_signal() -> None:
    source = "class Picker:\n    changed = Signal()\n    def f(self):\n        self.changed.emit()"
    assert changed_emits(ast.parse(source)) == []


@pytest.mark.parametrize(
    "source",
    [
        "class Job(QRunnable):\n    pass",
        "class Worker(QtCore.QThread):\n    pass",
        "pool = QThreadPool(self)",
        "QThreadPool.globalInstance().start(job)",
    ],
)
def test_the_scan_finds_a_hand_rolled_thread(source: str) -> None:
    assert thread_uses(ast.parse(source))
