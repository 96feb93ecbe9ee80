"""How codes and coders appear: each code's colour, path and codebook order, by id.

Read from the core when a project opens and again whenever the codebook or the
coders change; the viewer, the details pane and the menus all name codings through
it, so a highlight, its tooltip and its list entry always agree.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from annotator.core import codebook, coders
from annotator.core.coded_spans import CodedSpan
from annotator.core.ids import CodeId, CoderId
from annotator.core.project import Project
from annotator.ui.i18n import translate


@dataclass(frozen=True)
class CodeLook:
    color: str
    path: str
    rank: int  # position in codebook order: overlapping stripes follow it


class CodeLooks:
    def __init__(self, project: Project) -> None:
        self._project = project
        self.codes: dict[str, CodeLook] = {}
        self.coder_names: dict[str, str] = {}
        self.reload()

    def reload(self) -> None:
        self.codes = {
            node.code.id: CodeLook(node.code.color, node.path, rank)
            for rank, node in enumerate(codebook.codebook_tree(self._project))
        }
        self.coder_names = {c.id: c.name for c in coders.list_coders(self._project)}

    def __contains__(self, code_id: object) -> bool:
        return code_id in self.codes

    def __getitem__(self, code_id: CodeId) -> CodeLook:
        return self.codes[code_id]

    def path(self, code_id: CodeId) -> str:
        look = self.codes.get(code_id)
        return look.path if look else ""

    def color(self, code_id: CodeId) -> str:
        look = self.codes.get(code_id)
        return look.color if look else codebook.DEFAULT_COLOR

    def coder_name(self, coder_id: CoderId) -> str:
        name = self.coder_names.get(coder_id)
        return name if name is not None else translate("CodeLooks", "unknown coder")

    def describe(self, codings: list[CodedSpan]) -> str:
        """Rich-text lines naming each coding's code, coder and memo (for tooltips)."""
        lines = []
        known = [c for c in codings if c.code_id in self.codes]
        for item in sorted(known, key=lambda c: self.codes[c.code_id].rank):
            look = self.codes[item.code_id]
            line = (
                f"<nobr><span style='color:{look.color}'>■</span> "
                f"<b>{html.escape(look.path)}</b> — {html.escape(self.coder_name(item.coder_id))}"
                "</nobr>"
            )
            if item.memo:
                line += f"<br/>&nbsp;&nbsp;<i>{html.escape(item.memo)}</i>"
            lines.append(line)
        return "<br/>".join(lines)
