"""What an import changed on the way in without refusing the source: said, never silent.

Each notice is a kind and its data; the import report (CLI and GUI) words it, and the
"document imported" audit event records it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class NoticeKind(enum.Enum):
    NAME_ESCAPED = "the file name is not plain text (bytes not UTF-8, or control characters)"
    CONTROLS_REMOVED = "invisible control characters were removed"


@dataclass(frozen=True)
class Notice:
    kind: NoticeKind
    name: str = ""  # NAME_ESCAPED: the name as stored
    field: str = ""  # CONTROLS_REMOVED: "text", "title", "author", ...
    count: int = 0

    def __str__(self) -> str:
        if self.kind is NoticeKind.NAME_ESCAPED:
            return f"{self.kind.value}; kept as {self.name}"
        return f"{self.count} control character(s) removed from the {self.field}"


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
