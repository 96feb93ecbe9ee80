"""Two windows or processes on one project: both write, each notices the other.

SQLite in WAL mode lets several connections write the same file safely, one
transaction at a time (a writer waits up to the busy timeout for another to finish).
Views cache what they show, so a window must learn when *another* connection committed:
`PRAGMA data_version` changes exactly then, and costs no disk read to ask.
"""

from __future__ import annotations

from annotator.core.project import Project


class ExternalChanges:
    """Notices commits made to the project by other connections (windows, processes).

    The GUI polls `changed()` on a timer (say every second) and refreshes its views
    when it returns True; its own actions never trigger it.
    """

    def __init__(self, project: Project) -> None:
        self._project = project
        self._seen = self._version()

    def _version(self) -> int:
        return int(self._project.conn.execute("PRAGMA data_version").fetchone()[0])

    def changed(self) -> bool:
        """True once for each batch of commits by others since the last call."""
        current = self._version()
        if current == self._seen:
            return False
        self._seen = current
        return True
