"""What an action changed, and the inverse action that takes it back.

Every core action returns a Change. Views refresh from the sets of ids it names; the
GUI's undo stack keeps `inverse`, whose own Change carries the redo.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from annotator.core.project import Project


@dataclass(frozen=True)
class Change:
    action: str
    documents: frozenset[str] = field(default_factory=frozenset)
    codes: frozenset[str] = field(default_factory=frozenset)
    codings: frozenset[str] = field(default_factory=frozenset)
    coders: frozenset[str] = field(default_factory=frozenset)
    codebook_changed: bool = False
    inverse: Callable[[Project], Change] | None = field(default=None, compare=False)

    def undo(self, project: Project) -> Change:
        """Apply the inverse; the Change it returns can redo this one."""
        if self.inverse is None:
            raise ValueError(f"{self.action!r} cannot be undone")
        return self.inverse(project)
