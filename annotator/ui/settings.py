"""Window state between runs: geometry, splitters, font size, recent and last projects.

Kept with QSettings in an INI file in the user's config folder (the one
`ANNOTATOR_CONFIG_DIR` overrides), beside the coder settings the CLI shares. Project
data never goes here: it lives in the project file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from annotator.core import user_settings
from annotator.core.ids import DocumentId

MAX_RECENT = 10
DEFAULT_FONT_SIZE = 12
MIN_FONT_SIZE, MAX_FONT_SIZE = 7, 40


class WindowSettings:
    """Typed access to the few keys the workbench keeps."""

    GEOMETRY = "window/geometry"
    STATE = "window/state"
    SPLITTER = "window/splitter"
    SIDE_SPLITTER = "window/side_splitter"
    FONT_SIZE = "viewer/font_size"
    RECENT = "projects/recent"
    LAST_DOCUMENTS = "projects/last_documents"
    LANGUAGE = "ui/language"

    def __init__(self, path: Path | None = None) -> None:
        path = path or user_settings.config_dir() / "window.ini"
        path.parent.mkdir(parents=True, exist_ok=True)
        self._qsettings = QSettings(str(path), QSettings.Format.IniFormat)

    def sync(self) -> None:
        self._qsettings.sync()

    def bytes(self, key: str) -> QByteArray | None:
        value = self._qsettings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_bytes(self, key: str, value: QByteArray) -> None:
        self._qsettings.setValue(key, value)

    def integer(self, key: str, default: int) -> int:
        try:
            return int(self._qsettings.value(key, default))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return default

    def set_integer(self, key: str, value: int) -> None:
        self._qsettings.setValue(key, int(value))

    @property
    def font_size(self) -> int:
        size = self.integer(self.FONT_SIZE, DEFAULT_FONT_SIZE)
        return max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, size))

    @font_size.setter
    def font_size(self, size: int) -> None:
        self.set_integer(self.FONT_SIZE, max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, size)))

    @property
    def language(self) -> str:
        """A language code from Preferences, or "" to follow the system (annotator.ui.i18n)."""
        value = self._qsettings.value(self.LANGUAGE, "")
        return value if isinstance(value, str) else ""

    @language.setter
    def language(self, code: str) -> None:
        self._qsettings.setValue(self.LANGUAGE, code)
        self._qsettings.sync()

    def _strings(self, key: str) -> list[str]:
        value = self._qsettings.value(key, [])
        if isinstance(value, str):  # QSettings gives one string for a one-item list
            return [value] if value else []
        return [str(v) for v in value or []]

    def recent_projects(self) -> list[Path]:
        return [Path(p) for p in self._strings(self.RECENT)]

    def add_recent_project(self, path: Path) -> None:
        resolved = str(path.resolve())
        recent = [p for p in self._strings(self.RECENT) if p != resolved]
        self._qsettings.setValue(self.RECENT, [resolved, *recent][:MAX_RECENT])

    def forget_recent_project(self, path: Path) -> None:
        resolved = str(path.resolve())
        self._qsettings.setValue(
            self.RECENT, [p for p in self._strings(self.RECENT) if p != resolved]
        )

    def last_project(self) -> Path | None:
        recent = self.recent_projects()
        return recent[0] if recent else None

    def last_document(self, project_path: Path) -> str | None:
        self._qsettings.beginGroup(self.LAST_DOCUMENTS)
        try:
            value = self._qsettings.value(_key(project_path))
        finally:
            self._qsettings.endGroup()
        return str(value) if value else None

    def set_last_document(self, project_path: Path, document_id: DocumentId | None) -> None:
        self._qsettings.beginGroup(self.LAST_DOCUMENTS)
        try:
            if document_id:
                self._qsettings.setValue(_key(project_path), document_id)
            else:
                self._qsettings.remove(_key(project_path))
        finally:
            self._qsettings.endGroup()


def _key(project_path: Path) -> str:
    """A QSettings key for a path: slashes would nest groups, so they are escaped."""
    return str(project_path.resolve()).replace("%", "%25").replace("/", "%2F").replace("\\", "%5C")
