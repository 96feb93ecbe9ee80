"""The user's settings file: whatever it holds, the app starts with sensible settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core import user_settings


@pytest.mark.parametrize("content", ["[1, 2]", '"coder"', "42", "null"])
def test_a_settings_file_that_is_not_an_object_counts_as_no_settings(
    user_folders: Path, content: str
) -> None:
    # mypy found it: json.loads may return a list, which has no .get (a traceback at start)
    path = user_settings.config_dir() / "settings.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, "utf-8")
    assert user_settings.configured_coder() is None
    assert user_settings.backup_settings() == user_settings.BackupSettings()
    identity = user_settings.set_configured_coder("Ana")
    assert user_settings.configured_coder() == identity
