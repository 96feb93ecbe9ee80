"""The researcher's main verbs: code the selected text, and change or remove codings.

Every way of coding ends here (a click on a code, its key, a drop on it, the palette,
in-vivo), so they all behave alike: one core call through the session, one undo
step, and a word in the status bar when there is nothing to code.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from annotator.core import codebook, coding
from annotator.core.coded_spans import CodedSpan
from annotator.core.coding import Span
from annotator.core.ids import CodeId, CoderId, CodingId, new_id
from annotator.core.names import name_key
from annotator.ui import change_wording, colors
from annotator.ui.code_dialogs import TextDialog
from annotator.ui.codebook_model import CodebookModel
from annotator.ui.quick_code import QuickCodePalette, candidates_from
from annotator.ui.session import ProjectSession
from annotator.ui.viewer import DocumentViewer

IN_VIVO_LENGTH = 60
_TRIM = " \t\n.,;:!?\"'“”‘’«»()[]{}"


def in_vivo_name(quote: str, limit: int = IN_VIVO_LENGTH) -> str:
    """A code name made of the researcher's selected words (trimmed, one line)."""
    name = " ".join(quote.split()).strip(_TRIM).replace("/", "-")
    if len(name) > limit:
        name = (name[:limit].rsplit(" ", 1)[0] or name[:limit]).rstrip(_TRIM) + "…"
    return name


class CodingActions(QObject):
    status = Signal(str)  # a short word for the status bar

    def __init__(
        self,
        session: ProjectSession,
        viewer: DocumentViewer,
        codes: CodebookModel,
        dialog_parent: QWidget,
    ) -> None:
        super().__init__(dialog_parent)
        self._session = session
        self._viewer = viewer
        self._codes = codes
        self._dialog_parent = dialog_parent
        viewer.context_menu_about_to_show.connect(self.extend_menu)
        codes.span_dropped.connect(self.apply_to_span)

    # -- coding ---------------------------------------------------------------------------

    def apply_code(self, code_id: CodeId) -> bool:
        """Code the viewer's selection with `code_id`."""
        span = self._viewer.selected_span()
        if span is None:
            self.status.emit(self.tr("Select a passage first, then choose a code."))
            return False
        return self.apply_to_span(code_id, span)

    def apply_to_span(self, code_id: CodeId, span: Span) -> bool:
        coder_id = self._coder_id()
        if coder_id is None:
            return False
        done = self._session.run(
            lambda p: coding.add_coding(
                p, span.document_id, code_id, span.start, span.end, coder_id
            ),
        )
        if done:
            self.status.emit(
                self.tr("Coded as {code}.").format(code=self._viewer.code_path(code_id))
            )
        return done is not None

    def quick_code(self) -> None:
        """Pick a code by typing (or name a new one) for the selected passage."""
        if self._viewer.selected_span() is None:
            self.status.emit(self.tr("Select a passage first, then press Ctrl+K."))
            return
        palette = QuickCodePalette(
            candidates_from(self._codes.nodes(), self._codes_keys()),
            parent=self._dialog_parent,
        )
        if not palette.exec():
            return
        if palette.chosen_code_id:
            self.apply_code(palette.chosen_code_id)
        elif palette.new_code_name:
            self.code_with_new_code(palette.new_code_name)

    def code_in_vivo(self) -> bool:
        """Code the selection with a code named after its own words."""
        name = in_vivo_name(self._viewer.selected_text())
        if not name:
            self.status.emit(self.tr("Select the words to use as the new code's name."))
            return False
        return self.code_with_new_code(name)

    def code_with_new_code(self, name: str) -> bool:
        """Create a code (or reuse one of that name) and code the selection with it."""
        span = self._viewer.selected_span()
        coder_id = self._coder_id()
        if span is None or coder_id is None:
            return False
        existing = next(
            (n.code.id for n in self._codes.nodes() if name_key(n.code.name) == name_key(name)),
            None,
        )
        if existing:
            return self.apply_to_span(existing, span)
        code_id = CodeId(new_id())
        color = colors.next_code_color(n.code.color for n in self._codes.nodes())
        done = self._session.run(
            lambda p: codebook.create_code(
                p, name, color=color, coder_id=coder_id, code_id=code_id
            ),
            lambda p: coding.add_coding(
                p, span.document_id, code_id, span.start, span.end, coder_id
            ),
            text=change_wording.code_with_new_code_text(name),
        )
        return done is not None

    # -- changing codings -----------------------------------------------------------------

    def remove(self, codings: list[CodedSpan]) -> bool:
        if not codings:
            return False
        ids = [c.id for c in codings]
        coder_id = self._session.coder_id
        done = self._session.run(
            lambda p: coding.remove_codings(p, ids, coder_id=coder_id),
            text=change_wording.remove_codings_text(
                self._viewer.code_path(codings[0].code_id), len(codings)
            ),
        )
        return done is not None

    def recode(self, coding_id: CodingId, code_id: CodeId) -> bool:
        coder_id = self._session.coder_id
        done = self._session.run(
            lambda p: coding.recode(p, coding_id, code_id, coder_id=coder_id),
        )
        return done is not None

    def set_memo(self, coding_id: CodingId, memo: str) -> bool:
        coder_id = self._session.coder_id
        done = self._session.run(
            lambda p: coding.set_coding_memo(p, coding_id, memo, coder_id=coder_id),
        )
        return done is not None

    def ask_recode(self, item: CodedSpan) -> None:
        others = [n for n in self._codes.nodes() if n.code.id != item.code_id]
        palette = QuickCodePalette(
            candidates_from(others, self._codes_keys()),
            title=self.tr("Recode “{code}” as…").format(code=self._viewer.code_path(item.code_id)),
            allow_create=False,
            parent=self._dialog_parent,
        )
        if palette.exec() and palette.chosen_code_id:
            self.recode(item.id, palette.chosen_code_id)

    def ask_memo(self, item: CodedSpan) -> None:
        path = self._viewer.code_path(item.code_id)
        dialog = TextDialog(
            self.tr("Memo on coding"),
            self.tr("Memo on this “{code}” coding:\n“{quote}”").format(
                code=path, quote=_short(self._viewer.quote(item))
            ),
            item.memo,
            self._dialog_parent,
        )
        if dialog.exec() and dialog.text() != item.memo:
            self.set_memo(item.id, dialog.text())

    def extend_menu(self, menu: QMenu, codings: list[CodedSpan]) -> None:
        """Coding entries for the text's context menu (the codings under the click)."""
        first = menu.actions()[0] if menu.actions() else None
        entries: list[QAction | None] = []
        if self._viewer.selected_span() is not None:
            entries.append(
                self._action(menu, self.tr("Code selection as… (Ctrl+K)"), self.quick_code)
            )
            entries.append(self._action(menu, self.tr("Code in vivo (Ctrl+I)"), self.code_in_vivo))
        for item in codings:
            path = self._viewer.code_path(item.code_id)
            coder = self._viewer.coder_name(item.coder_id)
            sub = QMenu(f"{path} — {coder}", menu)
            sub.addAction(
                self._action(sub, self.tr("Remove this coding"), lambda c=item: self.remove([c]))
            )
            sub.addAction(
                self._action(sub, self.tr("Recode as…"), lambda c=item: self.ask_recode(c))
            )
            sub.addAction(self._action(sub, self.tr("Memo…"), lambda c=item: self.ask_memo(c)))
            sub.addAction(
                self._action(
                    sub,
                    self.tr("Select its passage"),
                    lambda c=item: self._viewer.select_span(c.start, c.end),
                )
            )
            entries.append(sub.menuAction())
        if len(codings) > 1:
            entries.append(
                self._action(
                    menu,
                    self.tr("Remove all {count} codings here").format(count=len(codings)),
                    lambda: self.remove(codings),
                )
            )
        if not entries:
            return
        entries.append(None)
        for entry in entries:
            if entry is None:
                menu.insertSeparator(first) if first else menu.addSeparator()
            elif first:
                menu.insertAction(first, entry)
            else:
                menu.addAction(entry)

    @staticmethod
    def _action(parent: QObject, text: str, slot: object) -> QAction:
        made = QAction(text, parent)
        made.triggered.connect(lambda _=False: slot())  # type: ignore[operator]
        return made

    def _coder_id(self) -> CoderId | None:
        if self._session.project.read_only:
            self.status.emit(self.tr("This project is open read-only: save a copy to code in it."))
            return None
        coder_id = self._session.coder_id
        if coder_id is None:
            self.status.emit(self.tr("Set your name as coder first (Edit › Preferences)."))
        return coder_id

    def _code_name(self, code_id: CodeId) -> str:
        node = self._codes.node(code_id)
        return node.code.name if node else ""

    def _codes_keys(self) -> dict[str, str]:
        return {code_id: keys for keys, code_id in self._codes.shortcuts.items()}


def _short(text: str, limit: int = 120) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
