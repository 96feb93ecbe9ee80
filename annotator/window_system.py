"""Whether this machine can show Annotator's window, and what it lacks when it cannot.

PySide6's wheels carry Qt but not the X11/Wayland client libraries of the system, and
Qt's answer to a missing one is an abort ("could not load the Qt platform plugin
xcb"). Two things go wrong on a fresh Linux machine: no screen at all (a server, an SSH
session), or a screen but a missing library. Both get one clear line here instead.

The libraries are found by asking the dynamic linker (`ldd`) about the Qt files the
app loads, so the list follows whatever PySide6 version is installed; each missing
`soname` is mapped to its Debian package by Debian's naming policy. `make`'s setup
(`scripts/setup.sh`) installs those packages; `tests/test_window_system.py` fails when
one is missing. This module imports no Qt: it must work exactly where Qt would abort.
"""

from __future__ import annotations

import argparse
import ctypes
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

# What the app loads from PySide6's Qt folder, relative to it: the Python modules it
# imports are added by `qt_files`. Platform plugins for X11 and Wayland (Qt picks one
# by the session), the offscreen one the tests and `--smoke` use, and the plugins Qt
# loads with a window (OpenGL on X11, Wayland shells and decorations, image formats,
# SVG icons, input methods).
PLUGIN_PATTERNS = (
    "plugins/platforms/libqxcb.so",
    "plugins/platforms/libqoffscreen.so",
    "plugins/platforms/libqwayland*.so",
    "plugins/xcbglintegrations/*.so",
    "plugins/wayland-shell-integration/*.so",
    "plugins/wayland-decoration-client/*.so",
    "plugins/wayland-graphics-integration-client/*.so",
    "plugins/imageformats/*.so",
    "plugins/iconengines/*.so",
    "plugins/platforminputcontexts/*.so",
)
PYSIDE_MODULES = ("QtCore", "QtGui", "QtWidgets")

# The library Qt's X11 plugin is built on: opening it is what fails on a machine
# without the xcb utility libraries, so it is tried before Qt tries and aborts.
XCB_LIBRARY = "lib/libQt6XcbQpa.so.6"
# What every start loads, offscreen too (OpenGL, fonts, keyboard maps through QtGui).
WIDGETS_LIBRARY = "lib/libQt6Widgets.so.6"

# Sonames whose package does not follow Debian's naming rule.
DEBIAN_EXCEPTIONS = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libgio-2.0.so.0": "libglib2.0-0",
    "libgmodule-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libz.so.1": "zlib1g",
    "libharfbuzz.so.0": "libharfbuzz0b",
    "libbrotlidec.so.1": "libbrotli1",
    "libbrotlicommon.so.1": "libbrotli1",
    "libgcc_s.so.1": "libgcc-s1",
}

# Used only when a derived name is unknown to apt: what Qt's documentation lists for
# its xcb plugin, and what the offscreen plugin needs.
FALLBACK_PACKAGES = (
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xfixes0",
    "libxcb-xinerama0",
    "libxcb-xkb1",
    "libxkbcommon-x11-0",
    "libx11-xcb1",
    "libwayland-cursor0",
    "libwayland-egl1",
    "libegl1",
    "libgl1",
    "libxkbcommon0",
    "libfontconfig1",
    "libdbus-1-3",
    "libglib2.0-0",
)

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found\s*$")
_SONAME = re.compile(r"^lib(?P<name>.+?)\.so\.(?P<major>\d+)(?:\.\d+)*$")


@dataclass(frozen=True)
class WindowProblem:
    """Why no window can open: no screen, or system libraries missing."""

    no_display: bool = False
    unreachable: str = ""  # the display setting that leads nowhere
    missing: tuple[str, ...] = ()  # sonames
    packages: tuple[str, ...] = ()  # their Debian packages

    def message(self) -> str:
        if self.no_display:
            return (
                "annotator: no screen to show the window on (DISPLAY and WAYLAND_DISPLAY "
                "are not set). Without a screen, use the command line (annotator --help), "
                "or check the app with annotator --smoke."
            )
        if self.unreachable:
            return (
                f"annotator: no screen answers at {self.unreachable} (a display that has "
                "gone, e.g. from an old SSH session). Without a screen, use the command "
                "line (annotator --help), or check the app with annotator --smoke."
            )
        return (
            "annotator: Qt needs system libraries that are "
            f"missing: {', '.join(self.missing)}. On Debian or Ubuntu: "
            f"sudo apt-get install {' '.join(self.packages)}"
        )


def qt_folder() -> Path | None:
    """PySide6's Qt folder, found without importing Qt (which may be what fails)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "Qt"
    return folder if folder.is_dir() else None


def qt_files(qt: Path) -> list[Path]:
    """The Qt libraries and plugins the app loads, as files `ldd` can read."""
    files = [path for pattern in PLUGIN_PATTERNS for path in sorted(qt.glob(pattern))]
    for module in PYSIDE_MODULES:
        files.extend(sorted(qt.parent.glob(f"{module}.*so")))
    return files


def parse_ldd(output: str) -> set[str]:
    """The sonames `ldd` could not find."""
    return {m.group(1) for line in output.splitlines() if (m := _NOT_FOUND.match(line))}


def missing_libraries(files: Iterable[Path]) -> dict[str, list[Path]]:
    """Each soname the dynamic linker cannot find, with the files that need it."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return {}
    missing: dict[str, list[Path]] = {}
    for path in files:
        result = subprocess.run(
            [ldd, str(path)], capture_output=True, text=True, check=False, errors="replace"
        )
        for soname in sorted(parse_ldd(result.stdout)):
            missing.setdefault(soname, []).append(path)
    return missing


def debian_package(soname: str) -> str:
    """The Debian package that ships `soname`, by Debian's library naming policy.

    `libfoo.so.4` is in `libfoo4`, `libfoo2.so.1` (a name ending in a digit) in
    `libfoo2-1`; lower case, `_` as `-`. The few that break the rule are listed.
    """
    if soname in DEBIAN_EXCEPTIONS:
        return DEBIAN_EXCEPTIONS[soname]
    match = _SONAME.match(soname)
    if match is None:
        return soname
    name, major = match.group("name").lower().replace("_", "-"), match.group("major")
    joiner = "-" if name[-1].isdigit() else ""
    return f"lib{name}{joiner}{major}"


def missing_packages(qt: Path | None = None) -> dict[str, list[str]]:
    """Each Debian package to install, with the sonames it brings."""
    qt = qt or qt_folder()
    if qt is None:
        return {}
    packages: dict[str, list[str]] = {}
    for soname in missing_libraries(qt_files(qt)):
        if soname.startswith("libQt6"):
            # A plugin for a Qt module the wheel leaves out (PDF, virtual keyboard):
            # Qt skips that plugin; a system Qt must never be mixed in.
            continue
        packages.setdefault(debian_package(soname), []).append(soname)
    return packages


def has_display(environ: Mapping[str, str]) -> bool:
    return bool(environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def wayland_socket_exists(environ: Mapping[str, str]) -> bool:
    name = environ.get("WAYLAND_DISPLAY", "")
    if not name:
        return False
    path = Path(name) if name.startswith("/") else Path(environ.get("XDG_RUNTIME_DIR", "/")) / name
    return path.exists()


def x_server_answers(display: str) -> bool:
    """Whether an X connection to `display` opens (a stale DISPLAY makes Qt abort)."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return True  # cannot tell; the library check reports what is missing
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return bool(connection) and xcb.xcb_connection_has_error(connection) == 0
    finally:
        if connection:
            xcb.xcb_disconnect(connection)


def library_problem(qt: Path | None, library: str) -> WindowProblem | None:
    """The system libraries missing for one of Qt's libraries, if it cannot be opened."""
    if qt is None or not (qt / library).exists():
        return None  # a layout we do not know (a bundle): Qt will say
    try:
        # The same file Qt loads a moment later: opening it first costs nothing extra.
        ctypes.CDLL(str(qt / library))
    except OSError:
        packages = missing_packages(qt)
        sonames = tuple(sorted(s for names in packages.values() for s in names))
        return WindowProblem(missing=sonames, packages=tuple(sorted(packages)))
    return None


def qt_problem() -> WindowProblem | None:
    """Missing system libraries that stop Qt itself from loading, window or not."""
    if not sys.platform.startswith("linux"):
        return None
    return library_problem(qt_folder(), WIDGETS_LIBRARY)


def window_problem(environ: Mapping[str, str] | None = None) -> WindowProblem | None:
    """What stops Qt from opening a window here, or None when nothing does.

    Only asked on Linux and only when Qt would choose a window system itself: a
    `QT_QPA_PLATFORM` the user set (offscreen, vnc, ...) is taken as meant. Qt tries
    Wayland first in a Wayland session and falls back to X11.
    """
    environ = os.environ if environ is None else environ
    if not sys.platform.startswith("linux") or environ.get("QT_QPA_PLATFORM"):
        return None
    if not has_display(environ):
        return WindowProblem(no_display=True)
    if wayland_socket_exists(environ) and (
        environ.get("XDG_SESSION_TYPE") == "wayland" or not environ.get("DISPLAY")
    ):
        return None
    display = environ.get("DISPLAY", "")
    if not display:
        return WindowProblem(unreachable=f"WAYLAND_DISPLAY={environ.get('WAYLAND_DISPLAY')}")
    problem = library_problem(qt_folder(), XCB_LIBRARY)
    if problem is None and not x_server_answers(display):
        return WindowProblem(unreachable=f"DISPLAY={display}")
    return problem


def main(argv: list[str] | None = None) -> int:
    """`python -m annotator.window_system`: what `make`'s setup installs."""
    parser = argparse.ArgumentParser(prog="python -m annotator.window_system")
    parser.add_argument(
        "--debian-packages",
        action="store_true",
        help="print the Debian packages of the missing libraries, one per line",
    )
    args = parser.parse_args(argv)
    packages = missing_packages()
    for package, sonames in sorted(packages.items()):
        print(package if args.debian_packages else f"{package}: {' '.join(sonames)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
