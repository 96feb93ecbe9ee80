"""Who the app says it is to the operating system: names, version, icon, desktop id.

Qt files window state (QSettings) under the organisation and application names; these
are the names annotator.core.user_settings gives platformdirs, so one user's settings,
data and logs sit in one place (on Linux QSettings writes ~/.config/Annotator/
Annotator.conf beside settings.json). Desktops match windows to the installed .desktop
file by the desktop file name (the Wayland app id; X11 uses the application name as
WM_CLASS, hence StartupWMClass=Annotator in packaging/linux).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication, QIcon

from annotator import __version__
from annotator.core.resources import resource_path
from annotator.core.user_settings import APP_AUTHOR, APP_NAME

APP_ID = "org.example.annotator"  # reverse DNS of the domain; names the .desktop file
ORGANIZATION_DOMAIN = "annotator.example.org"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    """The application icon at every size it is drawn at (see scripts/render_icons.py)."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource_path("icons", f"annotator-{size}.png")), QSize(size, size))
    return icon


def apply_identity(app: QGuiApplication) -> None:
    """Name the app before any window or QSettings exists; call right after creating it."""
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_AUTHOR)
    app.setOrganizationDomain(ORGANIZATION_DOMAIN)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
