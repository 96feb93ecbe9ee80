"""Projects and a configured coder for driving the real widgets offscreen."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from annotator.core import coders, user_settings
from annotator.core.codebook_file import new_project
from annotator.core.documents import NewDocument, find_document, store_document
from annotator.ui.main_window import MainWindow
from annotator.ui.workbench import Workbench

# pytest-qt gives up waiting after 5 s by default. A wait is for something that will
# happen, not a timing budget: on a loaded 2-core machine a backup and a health check
# after opening took longer, and a test failed that was right. Waits without their own
# timeout get a minute; one that never comes still fails, only later.
PATIENT_WAIT_MS = 60_000


def _patient(wait: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(wait)
    def waiting(*args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("timeout", PATIENT_WAIT_MS)
        return wait(*args, **kwargs)

    return waiting


for _name in ("waitUntil", "waitSignal", "waitSignals", "waitCallback", "waitExposed"):
    setattr(QtBot, _name, _patient(getattr(QtBot, _name)))


# Our own text (never a published article): emoji, Arabic, CJK and a combining accent.
MIXED_TEXT = (
    "Checkpoint cameras 📷 watch the bridge.\n\n"
    "قالت الشرطة إن الكاميرات تعمل ليلاً ونهاراً.\n\n"
    "天眼系统 records every face 👁️ at the gate.\n\n"
    "The café\u0301 owner was asked for his ID card."
)
REPORT_TEXT = (
    "Border guards installed thermal sensors along the river.\n\n"
    "Residents said drones flew over the villages every night.\n\n"
    "A ministry spokesperson declined to comment on the contract."
)


@pytest.fixture
def identity() -> user_settings.CoderIdentity:
    """The researcher at the keyboard, as first launch would have asked."""
    return user_settings.set_configured_coder("Amina Rasheed")


@pytest.fixture
def workbench_path(tmp_path: Path, identity: user_settings.CoderIdentity) -> Path:
    """A closed project file with the default codebook and two documents."""
    path = tmp_path / "workbench.annotator"
    project = new_project(path)
    coders.add_coder(project, identity.name, identity.id)
    store_document(
        project,
        NewDocument(
            title="Mixed scripts at the border",
            text=MIXED_TEXT,
            provenance={"publisher": "Field notes", "published_date": "2024-03-02"},
        ),
    )
    store_document(
        project,
        NewDocument(
            title="Sensors on the river",
            text=REPORT_TEXT,
            provenance={"publisher": "Daily Ledger", "published_date": "2024-01-15"},
        ),
    )
    project.close()
    return path


@pytest.fixture
def shown_errors() -> list[Exception]:
    """Refusals the window would have shown in a dialog, recorded instead."""
    return []


@pytest.fixture
def make_window(qtbot: QtBot, shown_errors: list[Exception]) -> Callable[[], MainWindow]:
    """Open a real main window offscreen (several, for quit-and-relaunch tests)."""

    def make() -> MainWindow:
        window = MainWindow(report_error=lambda _parent, exc: shown_errors.append(exc))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def window(make_window: Callable[[], MainWindow], workbench_path: Path) -> MainWindow:
    """The main window on the workbench project, showing its last document."""
    window = make_window()
    assert window.open_project(workbench_path)
    return window


def bench(window: MainWindow) -> Workbench:
    assert window.workbench is not None
    return window.workbench


def select_quote(window: MainWindow, quote: str, occurrence: int = 0) -> tuple[int, int]:
    """Select a quote of the shown document in the viewer; its code-point span."""
    viewer = bench(window).viewer
    assert viewer.current_document is not None
    text = viewer.current_document.text
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    viewer.select_span(start, start + len(quote))
    return start, start + len(quote)


def show_document(window: MainWindow, title: str) -> None:
    project = window.project
    assert project is not None
    document = find_document(project, title)
    assert bench(window).documents.select_document(document.id)
    assert bench(window).viewer.current_document is not None
    assert bench(window).viewer.current_document.id == document.id
