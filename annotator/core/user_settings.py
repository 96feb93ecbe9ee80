"""Per-user settings shared by the GUI and the CLI (who I am as a coder).

Kept in a small JSON file in the user's config folder; `ANNOTATOR_CONFIG_DIR`
overrides the folder (tests, portable installs). Window layout is not here: the GUI
keeps that in QSettings.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

import platformdirs

from annotator.core.ids import CoderId, new_id

APP_NAME = "Annotator"
APP_AUTHOR = "Annotator"


def config_dir() -> Path:
    override = os.environ.get("ANNOTATOR_CONFIG_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def data_dir() -> Path:
    override = os.environ.get("ANNOTATOR_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def unfinished_dir() -> Path:
    """Where writes in progress are listed and temporary copies kept (`storage.leftovers`).

    Under the user's data folder, so the next start finds what a killed process left.
    """
    return data_dir() / "unfinished"


@dataclass
class CoderIdentity:
    id: CoderId
    name: str


def _settings_file() -> Path:
    return config_dir() / "settings.json"


def _load() -> dict[str, object]:
    try:
        values = json.loads(_settings_file().read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return values if isinstance(values, dict) else {}  # a list or a number: no settings


def _save(values: dict[str, object]) -> None:
    from annotator.core.storage.atomic_write import write_bytes  # it lists in data_dir()

    path = _settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_bytes(path, json.dumps(values, indent=2, ensure_ascii=False).encode("utf-8"))


def configured_coder() -> CoderIdentity | None:
    """The coder this user said they are, or None before the first launch asked."""
    value = _load().get("coder")
    if isinstance(value, dict) and value.get("id") and value.get("name"):
        return CoderIdentity(id=CoderId(str(value["id"])), name=str(value["name"]))
    return None


def set_configured_coder(name: str) -> CoderIdentity:
    """Remember the user's coder name; the id stays the same across renames."""
    current = configured_coder()
    identity = CoderIdentity(id=current.id if current else CoderId(new_id()), name=name.strip())
    values = _load()
    values["coder"] = asdict(identity)
    _save(values)
    return identity


@dataclass
class BackupSettings:
    """How often the app backs up an open project, how many copies it keeps, and where.

    An empty `folder` means the user's data folder (`data_dir() / "backups"`).
    """

    keep: int = 10
    every_minutes: int = 10
    folder: str = ""


def backup_settings() -> BackupSettings:
    """The user's backup settings; values out of range fall back to the defaults."""
    value = _load().get("backups")
    stored = value if isinstance(value, dict) else {}
    defaults = BackupSettings()
    keep, every = stored.get("keep"), stored.get("every_minutes")
    folder = stored.get("folder")
    return BackupSettings(
        keep=keep if isinstance(keep, int) and keep >= 1 else defaults.keep,
        every_minutes=every if isinstance(every, int) and every >= 1 else defaults.every_minutes,
        folder=folder if isinstance(folder, str) else defaults.folder,
    )


def set_backup_settings(settings: BackupSettings) -> None:
    if settings.keep < 1 or settings.every_minutes < 1:
        raise ValueError("keep at least one backup, at most one a minute")
    values = _load()
    values["backups"] = asdict(settings)
    _save(values)
