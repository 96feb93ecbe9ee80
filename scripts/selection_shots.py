"""Pictures of the one selection widget where the researcher meets it, without a display.

    QT_QPA_PLATFORM=offscreen python scripts/selection_shots.py /tmp/selection-shots [es]

Builds the sample project in a throwaway data folder, codes a few passages, then grabs
(QWidget.grab) the Export dialog and the Excerpts, Overviews and Agreement views at the
sizes they open at, so a change to `ui.selection_picker` can be looked at as a user
would see it. Fonts and style differ from a real desktop (scripts/screenshots.sh).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

# the Export dialog opens at its own size; the views at a small window's dock or tab
SIZES = {"excerpts": (1100, 640), "overviews": (1100, 640), "agreement": (1100, 640)}


def main(out_dir: Path, language: str) -> int:
    home = Path(tempfile.mkdtemp(prefix="annotator-selection-shots-"))
    os.environ["ANNOTATOR_CONFIG_DIR"] = str(home / "config")
    os.environ["ANNOTATOR_DATA_DIR"] = str(home / "data")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out_dir.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    if language:  # longer words, e.g. Spanish, test the room the titles have
        from annotator.ui.i18n import install_translations

        install_translations(app, language)

    from annotator.core import codebook, coders, coding, documents
    from annotator.core.project import open_project
    from annotator.ui.agreement_view import AgreementView
    from annotator.ui.excerpts_view import ExcerptsView
    from annotator.ui.export_dialog import ExportDialog
    from annotator.ui.overviews import OverviewsView
    from annotator.ui.sample import ensure_sample_project

    project = open_project(ensure_sample_project())
    codes = [node.code for node in codebook.codebook_tree(project)]
    people = [coders.find_coder(project, name, create=True) for name in ("Ana", "Ben")]
    for n, document in enumerate(documents.list_documents(project)[:6]):
        for k, person in enumerate(people):
            coding.add_coding(project, document.id, codes[n % len(codes)].id, 0, 40 + k, person.id)
    views: dict[str, QWidget] = {
        "export": ExportDialog(project),
        "excerpts": ExcerptsView(project),
        "overviews": OverviewsView(project),
        "agreement": AgreementView(project),
    }
    excerpts_view = views["excerpts"]
    assert isinstance(excerpts_view, ExcerptsView)
    excerpts_view.picker.tick_exactly("codes", [codes[0].id, codes[1].id])
    for name, view in views.items():
        if name in SIZES:
            view.resize(*SIZES[name])
        view.show()
        app.processEvents()
        path = out_dir / f"{name}.png"
        view.grab().save(str(path))
        print(f"{path} {view.width()}x{view.height()}")
        view.close()
    project.close()
    return 0


if __name__ == "__main__":
    args = [*sys.argv[1:], "/tmp/selection-shots", ""]
    sys.exit(main(Path(args[0]), args[1] if len(sys.argv) > 2 else ""))
