"""The one background operation: outcome, refusal, bug, progress and cancel, in the GUI thread."""

from __future__ import annotations

import threading
from pathlib import Path
from types import TracebackType
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QThread
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from annotator.core import errors
from annotator.ui import messages
from annotator.ui.background import Background, Task, stopped_by_bug


@pytest.fixture
def owner(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def in_gui_thread() -> bool:
    app = QCoreApplication.instance()
    assert app is not None
    return QThread.currentThread() == app.thread() and (
        threading.current_thread() is threading.main_thread()
    )


def test_the_result_arrives_in_the_gui_thread(qtbot: QtBot, owner: QWidget) -> None:
    background = Background(owner)
    worked_in: list[int] = []
    delivered: list[tuple[object, bool]] = []
    ended: list[bool] = []

    def work(_task: Task) -> str:
        worked_in.append(threading.get_ident())
        return "counted"

    operation = background.run(
        work,
        lambda result: delivered.append((result, in_gui_thread())),
        ended=lambda: ended.append(in_gui_thread()),
    )
    assert background.busy and operation.running
    qtbot.waitUntil(lambda: bool(ended))
    assert worked_in != [threading.get_ident()]  # the work ran in a worker
    assert delivered == [("counted", True)]
    assert ended == [True]
    assert not background.busy and not operation.running and not operation.crashed


def test_a_refusal_goes_to_the_error_dialog_by_default(
    qtbot: QtBot, owner: QWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[QWidget | None, errors.AnnotatorError, bool]] = []
    monkeypatch.setattr(
        messages,
        "show_error",
        lambda parent, exc, title="": shown.append((parent, exc, in_gui_thread())),
    )
    refusal = errors.ProjectNotFound(Path("gone.annotator"))

    def work(_task: Task) -> None:
        raise refusal

    succeeded: list[object] = []
    Background(owner).run(work, succeeded.append)
    qtbot.waitUntil(lambda: bool(shown))
    assert shown == [(owner, refusal, True)]
    assert succeeded == []


def test_a_refusal_goes_to_the_callers_own_failure(qtbot: QtBot, owner: QWidget) -> None:
    refusal = errors.InvalidValue(errors.ValueProblem.FULL_DATE, "2024-13-01", field="date")

    def work(_task: Task) -> None:
        raise refusal

    succeeded: list[object] = []
    refused: list[tuple[errors.AnnotatorError, bool]] = []
    Background(owner).run(
        work, succeeded.append, lambda exc: refused.append((exc, in_gui_thread()))
    )
    qtbot.waitUntil(lambda: bool(refused))
    assert refused == [(refusal, True)]
    assert succeeded == []


def test_a_bug_reaches_the_error_report_and_the_caller_leaves_its_busy_state(
    qtbot: QtBot, owner: QWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    reported: list[tuple[BaseException, bool]] = []

    def report(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        reported.append((exc, in_gui_thread()))

    monkeypatch.setattr("sys.excepthook", report)
    bug = ZeroDivisionError("division by zero")

    def work(_task: Task) -> None:
        raise bug

    outcomes: list[object] = []
    ended: list[bool] = []
    operation = Background(owner).run(
        work, outcomes.append, outcomes.append, ended=lambda: ended.append(operation.crashed)
    )
    qtbot.waitUntil(lambda: bool(ended))
    assert reported == [(bug, True)]
    assert outcomes == []  # neither a result nor a refusal: a bug
    assert ended == [True]
    assert stopped_by_bug()  # what a dialog says in its status line meanwhile


def test_progress_arrives_in_order_before_the_result(qtbot: QtBot, owner: QWidget) -> None:
    seen: list[tuple[object, bool]] = []

    def work(task: Task) -> str:
        for done in range(1, 4):
            task.report((done, 3))
        return "written"

    Background(owner).run(
        work,
        lambda result: seen.append((result, in_gui_thread())),
        progress=lambda step: seen.append((step, in_gui_thread())),
    )
    qtbot.waitUntil(lambda: len(seen) == 4)
    assert seen == [((1, 3), True), ((2, 3), True), ((3, 3), True), ("written", True)]


def test_cancel_is_seen_by_the_work(qtbot: QtBot, owner: QWidget) -> None:
    started = threading.Event()

    def work(task: Task) -> str:
        started.set()
        assert task.wait_for_cancel(60)  # a ceiling, never reached when cancelled
        return "stopped after the current file" if task.cancelled() else "finished"

    results: list[Any] = []
    operation = Background(owner).run(work, results.append)
    assert started.wait(60)
    assert not operation.cancelled
    operation.cancel()
    assert operation.cancelled
    qtbot.waitUntil(lambda: bool(results))
    assert results == ["stopped after the current file"]


def test_wait_and_deliver_runs_the_callbacks_before_returning(owner: QWidget) -> None:
    """A closing dialog gets its final report before it goes (the import's Close)."""
    background = Background(owner, workers=None)
    results: list[int] = []
    for n in range(3):
        background.run(lambda _task, n=n: n, results.append)
    background.wait_and_deliver()
    assert sorted(results) == [0, 1, 2]
    assert not background.busy


def test_one_worker_by_default_so_work_never_overlaps(owner: QWidget) -> None:
    background = Background(owner)
    running = 0
    most = 0
    lock = threading.Lock()

    def work(_task: Task) -> None:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        threading.Event().wait(0.01)
        with lock:
            running -= 1

    for _ in range(4):
        background.run(work, lambda _result: None)
    background.wait_and_deliver()
    assert most == 1
