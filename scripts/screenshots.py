"""Screenshots of the real app on a fresh sample project, coded through its widgets.

Run under a display (see scripts/screenshots.sh, which starts Xvfb):

    python scripts/screenshots.py docs/screenshots

A throwaway user (config and data folders in a temporary directory) goes through
first launch, opens the sample project, codes passages with a digit key, a click on
a code, the quick-code palette and in vivo (some of them overlapping and nested),
then reviews: a search with its results, auto-coding its matches, the excerpts of
some codes, the overviews (bar chart and heat map), agreement with a second coder,
the export dialog and the import preview of a pasted news page; last, the main window
in Spanish. The script saves what the
screen shows at each step as PNG files.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QPixmap, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

WIDTH, HEIGHT = 1400, 900
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the document list's id role


def main(out_dir: Path) -> int:
    home = Path(tempfile.mkdtemp(prefix="annotator-screenshots-"))
    os.environ["ANNOTATOR_CONFIG_DIR"] = str(home / "config")
    os.environ["ANNOTATOR_DATA_DIR"] = str(home / "data")
    os.environ.pop("QT_QPA_PLATFORM", None)  # a real (virtual) display, not offscreen
    out_dir.mkdir(parents=True, exist_ok=True)

    app = QApplication(sys.argv[:1])
    from annotator.ui.identity import apply_identity

    apply_identity(app)
    shots = Shots(app, out_dir)
    shots.first_launch()

    from annotator.ui.main_window import MainWindow

    window = MainWindow()
    window.setGeometry(0, 0, WIDTH, HEIGHT)
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowActive(window)  # keys reach shortcuts only in the active window
    shots.settle()
    assert window.open_sample_project(), "the sample project did not open"
    code_passages(window, shots)
    window.menus.undo_action.trigger()  # undo the in-vivo coding (and its new code)
    shots.settle()
    review(window, shots)
    import_preview(window, shots)
    assert window.project is not None
    sample = window.project.path
    window.close()
    in_spanish(app, sample, shots)
    print(f"screenshots in {out_dir}")
    return 0


def open_document_about(window: MainWindow, word: str) -> None:
    listing = window.workbench.documents  # type: ignore[union-attr]
    rows = range(listing.proxy.rowCount())
    ids = {listing.proxy.index(r, 0).data(): listing.proxy.index(r, 0).data(ID_ROLE) for r in rows}
    title = next((t for t in ids if word in t), next(iter(ids)))
    listing.select_document(ids[title])


def code_passages(window: MainWindow, shots: Shots) -> None:
    """Code with a digit, a click, the palette and in vivo; shoot the result."""
    from annotator.core import codebook

    bench = window.workbench
    assert bench is not None and window.project is not None
    open_document_about(window, "pyware")
    viewer = bench.viewer
    text = viewer.current_document.text  # type: ignore[union-attr]
    paragraphs = [p for p in text.split("\n\n") if len(p) > 200]
    target = paragraphs[1] if len(paragraphs) > 1 else text
    base = text.index(target)

    def select(start: int, end: int) -> None:
        viewer.select_span(base + start, base + end)
        viewer.setFocus()
        shots.settle()

    def code_id(name: str) -> str:
        return codebook.find_code(window.project, name).id  # type: ignore[arg-type]

    # a digit key codes the selection (the first nine codes have 1-9)
    select(0, min(len(target), 180))
    QTest.keyClick(viewer, bench.codebook.model.key_of(code_id("CCTV")) or "2")
    # a click on a code codes it (nested inside the first)
    select(40, 110)
    tree = bench.codebook.tree
    index = bench.codebook.model.index_of(code_id("Journalists"))
    tree.scrollTo(index)
    shots.settle()
    QTest.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center()
    )
    # the quick-code palette, overlapping the end of the first coding
    select(150, min(len(target), 260))
    QTimer.singleShot(300, lambda: shots.palette("phone interc", "quick-code-palette.png"))
    window.menus.quick_code_action.trigger()
    # in vivo, on a later paragraph
    later = paragraphs[2] if len(paragraphs) > 2 else target
    quote = " ".join(later.split()[3:7])
    at = text.index(quote, text.index(later))
    viewer.select_span(at, at + len(quote))
    window.menus.in_vivo_action.trigger()

    # the cursor inside the overlap shows all its codings in the details pane
    cursor = QTextCursor(viewer.document())
    cursor.setPosition(base + 160)
    viewer.setTextCursor(cursor)
    viewer.centerCursor()
    shots.settle()
    shots.screen("workbench.png")
    # hovering a highlight names its codes, coder and memo
    point = viewer.cursorRect(cursor).center()
    QToolTip.showText(
        viewer.viewport().mapToGlobal(point + QPoint(0, 12)),
        viewer.describe(viewer.codings_at(base + 160)),
        viewer.viewport(),
    )
    shots.settle(600)
    shots.widget_region(window, viewer, "overlapping-codings.png", margin=40)
    QToolTip.hideText()


def review(window: MainWindow, shots: Shots) -> None:
    """Search, auto-code, excerpts, overviews, agreement and export, as a user would."""
    from annotator.core import codebook, coders
    from annotator.core.selection import Selection

    assert window.project is not None
    menus = window.menus
    # Search all documents (Ctrl+Shift+F), open a hit
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    QTest.keyClick(
        window,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    shots.settle()
    panel = window.review.view("search")
    QTest.keyClicks(panel.query, "facial recognition")  # type: ignore[union-attr]
    QTest.keyClick(panel.query, Qt.Key.Key_Return)  # type: ignore[union-attr]
    shots.settle()
    view = panel.view  # type: ignore[union-attr]
    index = panel.model.index(min(2, panel.model.rowCount() - 1), 2)  # type: ignore[union-attr]
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    shots.settle(400)
    shots.screen("search.png")
    # Code all matches of the search: the preview, then one undoable step
    face = codebook.find_code(window.project, "Facial recognition").id
    QTimer.singleShot(400, lambda: shots.autocode(face, "autocode.png"))
    panel.autocode_button.click()  # type: ignore[union-attr]
    shots.settle()
    second_coder_codes(window)
    # Excerpts of two codes, one selected to read
    menus.review.excerpts_action.trigger()
    excerpts = window.review.view("excerpts")
    cctv = codebook.find_code(window.project, "CCTV").id
    excerpts.show_selection(Selection(code_ids=(face, cctv)))  # type: ignore[union-attr]
    excerpts.view.selectRow(1)  # type: ignore[union-attr]
    shots.settle(400)
    shots.screen("excerpts.png")
    # Overviews: the bar chart, then codes by documents as a heat map
    menus.review.overviews_action.trigger()
    shots.settle(400)
    shots.screen("overviews-frequencies.png")
    overviews = window.review.view("overviews")
    overviews.tabs.setCurrentWidget(overviews.matrix)  # type: ignore[union-attr]
    # the heat map needs more height than half the window: drag the dock up, as a user would
    dock = window.review["overviews"]
    window.resizeDocks([dock], [int(HEIGHT * 0.72)], Qt.Orientation.Vertical)
    shots.settle(400)
    shots.screen("overviews-matrix.png")
    # Agreement between the researcher and a second coder
    window.resizeDocks([dock], [HEIGHT // 2], Qt.Orientation.Vertical)
    menus.review.agreement_action.trigger()
    agreement = window.review.view("agreement")
    picker = agreement.picker  # type: ignore[union-attr]
    compared = [c.id for c in coders.list_coders(window.project) if c.name != "Sample coder"]
    picker.tick_exactly("coders", compared)
    picker.tick_exactly("codes", [face])
    shots.settle(400)
    shots.screen("agreement.png")
    # The export dialog over the window
    QTimer.singleShot(600, lambda: shots.active_dialog("export-dialog.png"))
    menus.export_action.trigger()


def import_preview(window: MainWindow, shots: Shots) -> None:
    """The import preview of a pasted news page (the made-up test fixture), cleaned up,
    its first photo caption kept once, before anything is imported."""
    from annotator.ui.import_dialog import ImportDialog

    assert window.session is not None
    page = Path(__file__).resolve().parents[1] / "tests/fixtures/importing/pasted-news-page.txt"
    dialog = ImportDialog(window.session.project, window.session.coder_id or "", window)
    dialog.resize(1250, 820)
    dialog.show()
    dialog.clean.setChecked(True)
    dialog.add_pasted(page.read_text("utf-8"))
    for _ in range(100):
        if dialog.preview.draft is not None:
            break
        shots.settle(100)
    dialog.preview.removals.item(1).setCheckState(Qt.CheckState.Unchecked)  # a caption kept
    shots.settle()
    save(dialog.grab(), shots.out_dir / "import-preview.png")
    dialog.reject()
    dialog.deleteLater()


def in_spanish(app: QApplication, project: Path, shots: Shots) -> None:
    """The main window as a Spanish-speaking user sees it, its File menu open."""
    from annotator.ui.i18n import install_translations
    from annotator.ui.main_window import MainWindow

    install_translations(app, "es")
    window = MainWindow()
    window.setGeometry(0, 0, WIDTH, HEIGHT)
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    assert window.open_project(project), "the sample project did not reopen"
    shots.settle()
    bar = window.menuBar()
    bar.setActiveAction(bar.actions()[0])  # opens Archivo
    shots.settle(400)
    shots.screen("workbench-es.png")
    bar.actions()[0].menu().close()
    window.close()
    install_translations(app, "en")


def second_coder_codes(window: MainWindow) -> None:
    """A colleague's copy, merged in: the same search coded a little differently."""
    from annotator.core import autocode, codebook, coders
    from annotator.core.project import open_project

    assert window.project is not None
    with open_project(window.project.path) as elsewhere:
        omar = coders.add_coder(elsewhere, "Omar Haddad")
        face = codebook.find_code(elsewhere, "Facial recognition").id
        found = autocode.preview(elsewhere, face, "facial recognition", omar.id, scope="sentence")
        autocode.apply(elsewhere, face, found[::2], omar.id, query="facial recognition")
        me = window.session.coder_id  # type: ignore[union-attr]
        for document_id in {p.document_id for p in found}:
            for coder_id in (omar.id, me):
                coders.set_finished(elsewhere, document_id, coder_id, True)  # type: ignore[arg-type]
    QTest.qWait(1500)  # the window notices another window's changes within a second


def save(shot: QPixmap, path: Path) -> None:
    """A PNG of at most 256 colours (Pillow, from the test extras, when installed).

    Screen captures of text reduce to a palette without visible change, and the
    committed screenshots stay well under 300 KB each.
    """
    shot.save(str(path), "PNG")
    try:
        from PIL import Image
    except ImportError:
        return
    with Image.open(path) as image:
        fewer = image.convert("RGB").quantize(
            256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
        )
    fewer.save(path, optimize=True)


class Shots:
    def __init__(self, app: QApplication, out_dir: Path) -> None:
        self.app = app
        self.out_dir = out_dir

    def settle(self, ms: int = 200) -> None:
        QTest.qWait(ms)

    def screen(self, name: str) -> None:
        save(self.app.primaryScreen().grabWindow(0, 0, 0, WIDTH, HEIGHT), self.out_dir / name)
        print("saved", name)

    def widget_region(self, window: QWidget, widget: QWidget, name: str, margin: int = 0) -> None:
        top_left = widget.mapTo(window, QPoint(0, 0))
        x, y = window.x() + top_left.x(), window.y() + top_left.y()
        shot = self.app.primaryScreen().grabWindow(
            0, x, y, widget.width() + margin, widget.height()
        )
        save(shot, self.out_dir / name)
        print("saved", name)

    def first_launch(self) -> None:
        from annotator.ui.app import ask_coder_name
        from annotator.ui.preferences import CoderNameDialog

        def answer() -> None:
            dialog = self.app.activeModalWidget()
            assert isinstance(dialog, CoderNameDialog)
            dialog.move(WIDTH // 2 - dialog.width() // 2, 200)
            QTest.keyClicks(dialog.name_edit, "Amina Rasheed")
            self.settle()
            save(dialog.grab(), self.out_dir / "first-launch.png")
            print("saved first-launch.png")
            QTest.keyClick(dialog.name_edit, Qt.Key.Key_Return)

        QTimer.singleShot(300, answer)
        assert ask_coder_name() is not None

    def active_dialog(self, name: str) -> None:
        dialog = self.app.activeModalWidget()
        assert dialog is not None
        self.settle(400)
        save(dialog.grab(), self.out_dir / name)
        print("saved", name)
        dialog.reject()  # type: ignore[attr-defined]

    def autocode(self, code_id: str, name: str) -> None:
        dialog = self.app.activeModalWidget()
        assert dialog is not None
        dialog.code.setCurrentIndex(dialog.code.findData(code_id))  # type: ignore[attr-defined]
        dialog.preview_button.click()  # type: ignore[attr-defined]
        self.settle(400)
        save(dialog.grab(), self.out_dir / name)
        print("saved", name)
        dialog.ok_button.click()  # type: ignore[attr-defined]

    def palette(self, typed: str, name: str) -> None:
        palette = self.app.activeModalWidget()
        assert palette is not None
        QTest.keyClicks(palette.query, typed)  # type: ignore[attr-defined]
        self.settle()
        save(palette.grab(), self.out_dir / name)
        print("saved", name)
        QTest.keyClick(palette.query, Qt.Key.Key_Return)  # type: ignore[attr-defined]


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")))
