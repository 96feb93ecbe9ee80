"""What an import changed on the way in without refusing the source: said, never silent.

Each notice is a kind and its data; the import report (CLI and GUI) words it, and the
"document imported" audit event records it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class NoticeKind(enum.Enum):
    NAME_ESCAPED = "name_escaped"  # the file name was not plain text (not UTF-8, or controls)
    CONTROLS_REMOVED = "controls_removed"  # invisible control characters were removed


@dataclass(frozen=True)
class Notice:
    kind: NoticeKind
    name: str = ""  # NAME_ESCAPED: the name as stored
    field: str = ""  # CONTROLS_REMOVED: "text", "title", "author", ...
    count: int = 0

    def __str__(self) -> str:
        """A plain line for logs; the faces word a notice themselves."""
        if self.kind is NoticeKind.NAME_ESCAPED:
            return f"{self.kind.value}: name={self.name!r}"
        return f"{self.kind.value}: field={self.field}, count={self.count}"


def notices_of(*, escaped_name: str | None, removed: dict[str, int]) -> tuple[Notice, ...]:
    found: list[Notice] = []
    if escaped_name is not None:
        found.append(Notice(NoticeKind.NAME_ESCAPED, name=escaped_name))
    found.extend(
        Notice(NoticeKind.CONTROLS_REMOVED, field=field, count=count)
        for field, count in removed.items()
        if count
    )
    return tuple(found)
