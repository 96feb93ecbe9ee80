"""The process the open and memory benchmarks time: the app, started from nothing.

    python -m tests.benchmarks.open_child open PROJECT [BIG_DOCUMENT_ID]
    python -m tests.benchmarks.open_child bare

`open` starts Qt, shows the main window on PROJECT (the last document, painted) and
prints READY; given a document id it then shows that document, waits for the
background backup and health check, and prints its memory as JSON. `bare` only shows
an empty Qt window, for scale. Kept apart from the benchmark code so that nothing
but the app is imported before READY.
"""

from __future__ import annotations

import os
import sys

READY = "READY"


def open_app(path: str, big_document_id: str | None) -> None:
    from PySide6.QtWidgets import QApplication

    from annotator.ui.main_window import MainWindow

    app = QApplication([])
    window = MainWindow()
    window.show()
    window.open_project(path)
    app.processEvents()
    if window.workbench is not None:
        window.workbench.viewer.viewport().repaint()
    print(READY, flush=True)
    if big_document_id and window.workbench is not None:
        import json
        import time

        from tests.benchmarks.timing import rss_mb

        window.workbench.open_document(big_document_id)
        window.workbench.viewer.viewport().repaint()
        while window.care is not None and window.care.busy:
            app.processEvents()
            time.sleep(0.02)
        app.processEvents()
        resident, peak = rss_mb()
        print(json.dumps({"rss": resident, "peak": peak}), flush=True)
    os._exit(0)  # what happens after ready is not part of opening


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([])
    window = QMainWindow()
    window.show()
    app.processEvents()
    window.repaint()
    print(READY, flush=True)
    os._exit(0)


if __name__ == "__main__":
    if sys.argv[1:2] == ["bare"]:
        bare()
    elif sys.argv[1:2] == ["open"] and len(sys.argv) in (3, 4):
        open_app(sys.argv[2], sys.argv[3] if len(sys.argv) == 4 else None)
    sys.exit(__doc__)
