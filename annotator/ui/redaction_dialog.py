"""File > Share Redacted Copy: the names to hide, a preview of every replacement, a copy.

The researcher edits the list (or loads one), sees each replacement in context before
anything is written, chooses a project file or a REFI-QDA archive, and optionally a
passphrase. The copy is written off the GUI thread through a connection of its own;
the project itself never changes (its audit log notes the copy).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core import errors
from annotator.core.project import Project, open_project
from annotator.core.redacted_copy import RedactedCopy
from annotator.core.redacted_copy import write_redacted_copy as write_copy
from annotator.core.redaction import RedactionPlan, plan_redaction
from annotator.core.redaction_rules import (
    ListProblem,
    RedactionListError,
    RedactionRule,
    parse_rules,
    read_list,
)
from annotator.core.storage.atomic_write import write_bytes
from annotator.core.user_settings import configured_coder
from annotator.ui import messages
from annotator.ui.background import Background, Operation, stopped_by_bug
from annotator.ui.passphrase_dialog import choose_passphrase

PREVIEW_LIMIT = 5000  # rows shown; the count above the list is always complete


def _write(
    project: Project, rules: list[RedactionRule], target: Path, passphrase: str | None
) -> RedactedCopy:
    """Writes the copy through its own connection: SQLite connections stay on one thread."""
    identity = configured_coder()
    with open_project(
        project.path, read_only=project.read_only, passphrase=project.passphrase
    ) as own:
        return write_copy(
            own,
            rules,
            target,
            passphrase=passphrase,
            coder_id=identity.id if identity else None,
        )


class RedactionDialog(QDialog):
    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.rules: list[RedactionRule] = []
        self.plan: RedactionPlan | None = None
        self.written: RedactedCopy | None = None
        self.background = Background(self)
        self._writing: Operation | None = None
        self.setWindowTitle(self.tr("Share a redacted copy"))
        self.resize(1000, 640)
        self._build()
        self._update_state()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_list())
        splitter.addWidget(self._build_preview())
        splitter.setSizes([320, 680])
        layout.addWidget(splitter, 1)
        self._build_output(layout)

    def _build_list(self) -> QWidget:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(
            self.tr(
                "One name a line; it is replaced wherever it occurs, ignoring case. "
                "“re:” starts a regular expression, “=> text” chooses the placeholder, "
                "“#” a comment."
            )
        )
        hint.setWordWrap(True)
        left_layout.addWidget(hint)
        self.list_edit = QPlainTextEdit()
        self.list_edit.setPlaceholderText(
            self.tr("Amina Rasheed => [Source A]\nre:\\+?\\d[\\d ]{7,}\\d")
        )
        self.list_edit.textChanged.connect(self._list_edited)
        left_layout.addWidget(self.list_edit)
        buttons = QHBoxLayout()
        self.load_button = QPushButton(self.tr("Load list…"))
        self.load_button.clicked.connect(self._load_list)
        self.save_list_button = QPushButton(self.tr("Save list…"))
        self.save_list_button.clicked.connect(self._save_list)
        self.preview_button = QPushButton(self.tr("Preview replacements"))
        self.preview_button.clicked.connect(self.preview)
        for button in (self.load_button, self.save_list_button, self.preview_button):
            buttons.addWidget(button)
        left_layout.addLayout(buttons)
        return left

    def _build_preview(self) -> QWidget:
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        right_layout.addWidget(self.summary)
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(
            [self.tr("Where"), self.tr("In"), self.tr("Text around it"), self.tr("Becomes")]
        )
        self.table.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        right_layout.addWidget(self.table)
        return right

    def _build_output(self, layout: QVBoxLayout) -> None:
        form = QFormLayout()
        self.format_box = QComboBox()
        for suffix, label in (
            (".annotator", self.tr("Annotator project (.annotator)")),
            (".qdpx", self.tr("REFI-QDA project (.qdpx)")),
        ):
            self.format_box.addItem(label, suffix)
        self.format_box.currentIndexChanged.connect(self._format_changed)
        form.addRow(self.tr("Write as:"), self.format_box)
        target_row = QHBoxLayout()
        self.target_edit = QLineEdit()
        self.target_edit.textChanged.connect(self._update_state)
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_target)
        target_row.addWidget(self.target_edit, 1)
        target_row.addWidget(browse)
        form.addRow(self.tr("File:"), target_row)
        self.encrypt_box = QCheckBox(self.tr("Encrypt the copy with a passphrase"))
        self.encrypt_box.toggled.connect(self._update_state)
        form.addRow("", self.encrypt_box)
        layout.addLayout(form)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        layout.addWidget(self.warning)
        bottom = QHBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        bottom.addWidget(self.status, 1)
        self.write_button = QPushButton(self.tr("Write redacted copy"))
        self.write_button.clicked.connect(self.write)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        bottom.addWidget(self.write_button)
        bottom.addWidget(self.close_button)
        layout.addLayout(bottom)

    # -- the list and its preview -------------------------------------------------

    def _list_edited(self) -> None:
        """An edited list must be previewed again before anything is written."""
        self.plan = None
        self.table.clear()
        self.summary.setText(self.tr("Press “Preview replacements” to see every change."))
        self._update_state()

    def preview(self) -> None:
        try:
            self.rules = parse_rules(self.list_edit.toPlainText())
            if not self.rules:
                raise RedactionListError(ListProblem.EMPTY)
            self.plan = plan_redaction(self.project, self.rules)
        except errors.AnnotatorError as exc:
            self.plan = None
            self.table.clear()
            problem = messages.describe(exc)  # the list's own words, or a stopped pattern's
            self.summary.setText(self.tr("The list cannot be used.") + " " + problem)
            self._update_state()
            return
        self._show_plan(self.plan)
        self._update_state()

    def _show_plan(self, plan: RedactionPlan) -> None:
        self.table.clear()
        places = self._places()
        items = []
        for replacement in plan.replacements[:PREVIEW_LIMIT]:
            context = (
                f"…{replacement.context_before}[{replacement.before}]{replacement.context_after}…"
            ).replace("\n", " ⏎ ")
            place = places.get((replacement.table, replacement.field), replacement.place)
            items.append(QTreeWidgetItem([place, replacement.label, context, replacement.after]))
        self.table.addTopLevelItems(items)
        lines = [
            self.tr("{count} replacements:").format(count=len(plan.replacements)),
            *(f"  {rule.pattern} → {rule.placeholder}: {plan.count(rule)}" for rule in plan.rules),
        ]
        unused = plan.unused_rules()
        if unused:
            names = ", ".join(rule.pattern for rule in unused)
            lines.append(self.tr("Found nowhere (check the spelling): {names}").format(names=names))
        if len(plan.replacements) > PREVIEW_LIMIT:
            lines.append(self.tr("The first {count} are listed.").format(count=PREVIEW_LIMIT))
        self.summary.setText("\n".join(lines))

    def _places(self) -> dict[tuple[str, str], str]:
        """Where a replacement is, in words: (table, column) -> what the preview shows.

        The core's own `Replacement.place` (English) stands in for a column added later.
        """
        return {
            ("documents", "title"): self.tr("document title"),
            ("documents", "source_url"): self.tr("document source_url"),
            ("documents", "publisher"): self.tr("document publisher"),
            ("documents", "author"): self.tr("document author"),
            ("documents", "published_date"): self.tr("document published_date"),
            ("documents", "accessed_date"): self.tr("document accessed_date"),
            ("documents", "language"): self.tr("document language"),
            ("documents", "notes"): self.tr("document notes"),
            ("documents", "memo"): self.tr("document memo"),
            ("documents", "text"): self.tr("document text"),
            ("codes", "name"): self.tr("code name"),
            ("codes", "definition"): self.tr("code definition"),
            ("codes", "memo"): self.tr("code memo"),
            ("codings", "memo"): self.tr("coding memo"),
            ("coders", "name"): self.tr("coder name"),
            ("project_settings", "value"): self.tr("project setting value"),
            ("events", "details"): self.tr("audit log details"),
        }

    def _load_list(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Load a redaction list"), "", self.tr("Text files (*.txt)")
        )
        if not path:
            return
        try:
            self.list_edit.setPlainText(read_list(Path(path)))
        except errors.AnnotatorError as exc:
            self.summary.setText(messages.describe(exc))

    def _save_list(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the redaction list"),
            self.tr("names.txt"),
            self.tr("Text files (*.txt)"),
        )
        if path:
            try:
                write_bytes(path, self.list_edit.toPlainText().encode("utf-8"))
            except errors.AnnotatorError as exc:
                self.summary.setText(messages.describe(exc))

    # -- the copy -------------------------------------------------------------------

    def _suffix(self) -> str:
        return str(self.format_box.currentData())

    def _format_changed(self) -> None:
        text = self.target_edit.text()
        if text:
            self.target_edit.setText(str(Path(text).with_suffix(self._suffix())))
        self._update_state()

    def _choose_target(self) -> None:
        name = self.tr("{project}-redacted").format(project=self.project.path.stem)
        suggested = self.project.path.with_name(name + self._suffix())
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Write the redacted copy to"), str(suggested), f"*{self._suffix()}"
        )
        if path:
            self.target_edit.setText(str(Path(path).with_suffix(self._suffix())))

    def _update_state(self) -> None:
        can_encrypt = self._suffix() == ".annotator"
        self.encrypt_box.setEnabled(can_encrypt)
        encrypted = can_encrypt and self.encrypt_box.isChecked()
        self.warning.setText(
            ""
            if encrypted
            else self.tr(
                "This copy will not be encrypted: anyone who gets the file can read what "
                "is left in it. Send it only through a channel you trust."
            )
        )
        target = self.target_edit.text().strip()
        idle = self._writing is None
        self.write_button.setEnabled(
            idle and self.plan is not None and bool(self.plan.replacements) and bool(target)
        )
        self.close_button.setEnabled(idle)

    def write(self) -> None:
        if self.plan is None:
            return
        target = Path(self.target_edit.text().strip()).with_suffix(self._suffix())
        if target.resolve() == self.project.path.resolve():
            self.status.setText(self.tr("Choose another file: this is the project itself."))
            return
        passphrase = None
        if self.encrypt_box.isEnabled() and self.encrypt_box.isChecked():
            passphrase = choose_passphrase(self)
            if passphrase is None:
                return
        self.status.setText(self.tr("Writing {name}…").format(name=target.name))
        project, rules = self.project, list(self.rules)
        self._writing = self.background.run(
            lambda _task: _write(project, rules, target, passphrase),
            self._written,
            self._refused,
            ended=self._write_ended,
        )
        self._update_state()

    def _refused(self, exc: errors.AnnotatorError) -> None:
        self.status.setText("")
        messages.show_error(self, exc, self.tr("Redacted copy not written"))

    def _written(self, outcome: RedactedCopy) -> None:
        self.written = outcome
        self.status.setText(
            self.tr(
                "Wrote {path}: {documents} documents, {codings} codings, "
                "{replacements} replacements."
            ).format(
                path=outcome.path,
                documents=outcome.documents,
                codings=outcome.codings,
                replacements=outcome.replacements,
            )
        )

    def _write_ended(self) -> None:
        """After the copy, a refusal or a bug (shown in the error report)."""
        if self._writing is not None and self._writing.crashed:
            self.status.setText(stopped_by_bug())
        self._writing = None
        self._update_state()

    # -- closing: not while the copy is being written (what happened would be hidden) --

    def reject(self) -> None:
        if self._writing is None:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._writing is not None:
            event.ignore()
            return
        super().closeEvent(event)
