"""The app speaks the language chosen, and the Spanish catalogue covers the main window.

Three kinds of proof: the real window built under the shipped Spanish catalogue reads
Spanish; a pseudo-translator that brackets every string shows that every text the main
window puts on screen went through Qt's translation (a string that bypasses it stays
unbracketed); and the shipped files are what the tooling makes from today's code.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDockWidget,
    QLabel,
    QMenu,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)

from annotator.core import coders
from annotator.ui import i18n
from annotator.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
SPANISH_TS = ROOT / "resources" / "translations" / "annotator_es.ts"
# The main window: its menus, panes and the dialogs it opens most (the proof of issue 12).
MAIN_WINDOW_CONTEXTS = {
    "MainWindow",
    "Workbench",
    "DocumentListPanel",
    "DocumentTableModel",
    "CodebookPanel",
    "CodebookModel",
    "DetailsPane",
    "DocumentViewer",
    "WelcomePage",
    "PreferencesDialog",
    "CoderNameDialog",
}


@pytest.fixture
def language(qapp: QApplication) -> Iterator[Callable[[str], str]]:
    """Switch the running app's language; back to English afterwards."""
    yield lambda code: i18n.install_translations(qapp, code)
    i18n.install_translations(qapp, "en")


def _menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_the_main_window_reads_spanish_when_spanish_is_chosen(
    language: Callable[[str], str], make_window: Callable[[], MainWindow], workbench_path: Path
) -> None:
    i18n.set_preferred_language("es")
    assert language(i18n.preferred_language()) == "es"
    window = make_window()
    assert window.open_project(workbench_path)
    assert _menu_titles(window) == [
        "&Archivo",
        "&Editar",
        "&Códigos",
        "&Ver",
        "&Revisión",
        "Ay&uda",
    ]
    file_menu = window.menuBar().actions()[0].menu()
    assert "&Importar documentos…" in [a.text() for a in file_menu.actions()]
    # Qt's own words come in the same language (the catalogue shipped in the PySide6 wheel)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"


def test_english_stays_english_and_an_unknown_language_falls_back_to_it(
    language: Callable[[str], str], make_window: Callable[[], MainWindow]
) -> None:
    assert language("en") == "en"
    assert _menu_titles(make_window())[:2] == ["&File", "&Edit"]
    assert language("tlh") == "en"  # Klingon: no catalogue, so English, never blank
    assert _menu_titles(make_window())[:2] == ["&File", "&Edit"]


def test_the_system_language_is_followed_when_nothing_is_chosen(tmp_path: Path) -> None:
    probe = (
        "from PySide6.QtCore import QCoreApplication\n"
        "from annotator.ui import i18n\n"
        "app = QCoreApplication([])\n"
        "print(i18n.install_translations(app, i18n.preferred_language()))\n"
        "print(i18n.translate('MainWindow', '&File'))\n"
    )
    env = {
        **os.environ,
        "LANGUAGE": "es_ES:es",
        "LANG": "es_ES.UTF-8",
        "ANNOTATOR_CONFIG_DIR": str(tmp_path),
    }
    env.pop("LC_ALL", None)
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
    )
    assert done.stdout.split("\n")[:2] == ["es", "&Archivo"]


def test_preferences_remember_the_language_for_the_next_start(qtbot: object) -> None:
    from annotator.ui.preferences import PreferencesDialog

    dialog = PreferencesDialog("Amina", 12)
    assert dialog.language() == i18n.SYSTEM
    assert not dialog.language_note.isVisibleTo(dialog)
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("es"))
    assert dialog.language_note.isVisibleTo(dialog)  # says it applies at the next start
    dialog.accept()
    assert i18n.preferred_language() == "es"
    assert PreferencesDialog("Amina", 12).language() == "es"


class _Brackets(QTranslator):
    """Every string Qt is asked to translate comes back in brackets."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return f"⟦{source}⟧" if source else source


def _visible_texts(window: MainWindow) -> list[tuple[str, str]]:
    """(what, text) for every piece of interface text on the window and in its menus."""
    texts: list[tuple[str, str]] = [("window title", window.windowTitle())]

    def menu_texts(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            if action.isSeparator():
                continue
            where = f"{path} > {action.text()}"
            texts.append((where, action.text()))
            if action.toolTip() and action.toolTip() != action.text().replace("&", ""):
                texts.append((f"{where} (tooltip)", action.toolTip()))
            if action.menu():
                menu_texts(action.menu(), where)

    for action in window.menuBar().actions():
        texts.append(("menu", action.text()))
        menu_texts(action.menu(), action.text())
    for dock in window.findChildren(QDockWidget):
        texts.append(("dock", dock.windowTitle()))
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QLabel) and widget.text() and not widget.buddy():
            texts.append((f"label {widget.objectName()}", widget.text()))
        elif isinstance(widget, QAbstractButton) and widget.text():
            texts.append((f"button {widget.objectName()}", widget.text()))
        if isinstance(widget, QTabWidget):
            texts += [("tab", widget.tabText(i)) for i in range(widget.count())]
        if widget.toolTip():
            texts.append((f"tooltip of {type(widget).__name__}", widget.toolTip()))
        header = widget.horizontalHeader() if isinstance(widget, QTableView) else None
        header = widget.header() if isinstance(widget, QTreeView) else header
        if header is not None and not header.isHidden():
            texts += [
                (
                    f"column header of {type(widget).__name__}",
                    str(header.model().headerData(i, Qt.Orientation.Horizontal) or ""),
                )
                for i in range(header.count())
            ]
        if widget.accessibleName():
            texts.append((f"accessible name of {type(widget).__name__}", widget.accessibleName()))
    return texts


def test_every_text_on_the_main_window_goes_through_translation(
    qapp: QApplication,
    make_window: Callable[[], MainWindow],
    workbench_path: Path,
    language: Callable[[str], str],
) -> None:
    brackets = _Brackets(qapp)
    qapp.installTranslator(brackets)
    try:
        window = make_window()
        assert window.open_project(workbench_path)
        texts = _visible_texts(window)
    finally:
        qapp.removeTranslator(brackets)
    assert window.project is not None
    # the project's data is shown as it is (the coders' names in View › Show coders)
    data = {c.name for c in coders.list_coders(window.project)}
    missed = [
        f"{where}: {text!r}"
        for where, text in texts
        if any(ch.isalpha() for ch in text) and "⟦" not in text and text not in data
    ]
    assert len(texts) > 60
    assert sum(where.startswith("column header") for where, _ in texts) >= 5
    assert not missed, "\n".join(missed)


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_the_spanish_catalogue_translates_the_whole_main_window() -> None:
    messages = _messages(SPANISH_TS)
    contexts = {context for context, _ in messages}
    assert contexts >= MAIN_WINDOW_CONTEXTS - {"WelcomePage"}
    untranslated = [
        f"{context}: {source!r}"
        for (context, source), message in messages.items()
        if context in MAIN_WINDOW_CONTEXTS
        and (message.find("translation").get("type") == "unfinished" or not _translation(message))
    ]
    assert not untranslated, "\n".join(untranslated)


def _translation(message: ET.Element) -> str:
    found = message.find("translation")
    if found is None:
        return ""
    forms = found.findall("numerusform")
    return "".join(f.text or "" for f in forms) if forms else found.text or ""


def test_the_catalogue_holds_every_string_of_todays_code(tmp_path: Path) -> None:
    fresh = tmp_path / "annotator_es.ts"
    shutil.copy(SPANISH_TS, fresh)
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    sources = sorted(str(p) for p in (ROOT / "annotator" / "ui").rglob("*.py"))
    subprocess.run(
        [str(lupdate), "-locations", "none", "-no-obsolete", *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    assert set(_messages(fresh)) == set(_messages(SPANISH_TS)), (
        "the UI's strings changed: run `make translations` and translate what is new"
    )


def test_the_shipped_qm_is_compiled_from_the_shipped_ts(tmp_path: Path) -> None:
    compiled = tmp_path / "annotator_es.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run(
        [str(lrelease), "-silent", str(SPANISH_TS), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    assert compiled.read_bytes() == SPANISH_TS.with_suffix(".qm").read_bytes(), (
        "run `make translations` to compile the catalogue"
    )
