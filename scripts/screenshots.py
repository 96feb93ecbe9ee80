"""Screenshots of the real app on a fresh sample project, coded through its widgets.

Run under a display (see scripts/screenshots.sh, which starts Xvfb):

    python scripts/screenshots.py docs/screenshots

A throwaway user (config and data folders in a temporary directory) goes through
first launch, opens the sample project, codes passages with a digit key, a click on
a code, the quick-code palette and in vivo (some of them overlapping and nested),
and the script saves what the screen shows at each step as PNG files.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QTextCursor
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
    window.close()
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


class Shots:
    def __init__(self, app: QApplication, out_dir: Path) -> None:
        self.app = app
        self.out_dir = out_dir

    def settle(self, ms: int = 200) -> None:
        QTest.qWait(ms)

    def screen(self, name: str) -> None:
        self.app.primaryScreen().grabWindow(0, 0, 0, WIDTH, HEIGHT).save(str(self.out_dir / name))
        print("saved", name)

    def widget_region(self, window: QWidget, widget: QWidget, name: str, margin: int = 0) -> None:
        top_left = widget.mapTo(window, QPoint(0, 0))
        x, y = window.x() + top_left.x(), window.y() + top_left.y()
        self.app.primaryScreen().grabWindow(0, x, y, widget.width() + margin, widget.height()).save(
            str(self.out_dir / name)
        )
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
            dialog.grab().save(str(self.out_dir / "first-launch.png"))
            print("saved first-launch.png")
            QTest.keyClick(dialog.name_edit, Qt.Key.Key_Return)

        QTimer.singleShot(300, answer)
        assert ask_coder_name() is not None

    def palette(self, typed: str, name: str) -> None:
        palette = self.app.activeModalWidget()
        assert palette is not None
        QTest.keyClicks(palette.query, typed)  # type: ignore[attr-defined]
        self.settle()
        palette.grab().save(str(self.out_dir / name))
        print("saved", name)
        QTest.keyClick(palette.query, Qt.Key.Key_Return)  # type: ignore[attr-defined]


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")))
