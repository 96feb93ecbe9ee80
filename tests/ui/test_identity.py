"""The app's names, icon and desktop id, and where Qt then files its settings."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from annotator import __version__
from annotator.ui.identity import APP_ID, ICON_SIZES, app_icon, apply_identity


@pytest.fixture
def named_app(qapp: QApplication) -> Iterator[QApplication]:
    """The test session's QApplication, named as Annotator for one test only."""
    before = (
        qapp.applicationName(),
        qapp.organizationName(),
        qapp.organizationDomain(),
        qapp.applicationVersion(),
        qapp.desktopFileName(),
        qapp.windowIcon(),
    )
    apply_identity(qapp)
    yield qapp
    qapp.setApplicationName(before[0])
    qapp.setOrganizationName(before[1])
    qapp.setOrganizationDomain(before[2])
    qapp.setApplicationVersion(before[3])
    qapp.setDesktopFileName(before[4])
    qapp.setWindowIcon(before[5])


def test_apply_identity_names_the_app(named_app: QApplication) -> None:
    assert named_app.applicationName() == "Annotator"
    assert named_app.organizationName() == "Annotator"
    assert named_app.organizationDomain() == "annotator.example.org"
    assert named_app.applicationVersion() == __version__
    assert named_app.desktopFileName() == APP_ID == "org.example.annotator"
    assert not named_app.windowIcon().isNull()


def test_the_icon_has_every_rendered_size(qapp: QApplication) -> None:
    icon = app_icon()
    assert sorted(s.width() for s in icon.availableSizes()) == list(ICON_SIZES)
    for size in ICON_SIZES:
        pixmap = icon.pixmap(QSize(size, size))
        assert (pixmap.width(), pixmap.height()) == (size, size)
        assert not pixmap.toImage().allGray()  # the drawing, not a blank square


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG folders are Linux's")
def test_qsettings_sit_beside_our_own_settings(tmp_path: Path) -> None:
    # A fresh process: Qt computes its settings folder once per process.
    script = (
        "from PySide6.QtCore import QSettings\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from annotator.core.user_settings import config_dir\n"
        "from annotator.ui.identity import apply_identity\n"
        "app = QApplication([])\n"
        "apply_identity(app)\n"
        "print(QSettings().fileName())\n"
        "print(config_dir())\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("ANNOTATOR_")}
    env.update(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"))
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    qt_file, ours = result.stdout.splitlines()
    assert Path(qt_file) == tmp_path / "config" / "Annotator" / "Annotator.conf"
    assert Path(qt_file).parent == Path(ours)
