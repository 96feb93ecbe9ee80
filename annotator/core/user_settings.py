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

from annotator.core.ids import new_id

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


@dataclass
class CoderIdentity:
    id: str
    name: str


def _settings_file() -> Path:
    return config_dir() / "settings.json"


def _load() -> dict[str, object]:
    try:
        return json.loads(_settings_file().read_text("utf-8"))
    except (OSError, ValueError):
        return {}


def _save(values: dict[str, object]) -> None:
    path = _settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.write_text(json.dumps(values, indent=2, ensure_ascii=False), "utf-8")
    partial.replace(path)


def configured_coder() -> CoderIdentity | None:
    """The coder this user said they are, or None before the first launch asked."""
    value = _load().get("coder")
    if isinstance(value, dict) and value.get("id") and value.get("name"):
        return CoderIdentity(id=str(value["id"]), name=str(value["name"]))
    return None


def set_configured_coder(name: str) -> CoderIdentity:
    """Remember the user's coder name; the id stays the same across renames."""
    current = configured_coder()
    identity = CoderIdentity(id=current.id if current else new_id(), name=name.strip())
    values = _load()
    values["coder"] = asdict(identity)
    _save(values)
    return identity
