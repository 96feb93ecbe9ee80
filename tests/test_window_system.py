"""A window opens on a fresh Linux machine, or the user reads why not in one line.

The first test is the one that matters on CI: after `make`'s setup, the dynamic linker
finds every system library the Qt files the app loads ask for. It fails when setup
forgets a package (as it did for libxcb-icccm4 and libxcb-keysyms1), not a user.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from annotator import window_system
from annotator.window_system import (
    WindowProblem,
    debian_package,
    missing_libraries,
    parse_ldd,
    qt_files,
    qt_folder,
    window_problem,
)

linux_with_ldd = pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("ldd") is None,
    reason="the dynamic linker check is for Linux, with ldd",
)


@linux_with_ldd
def test_every_system_library_qt_loads_for_a_window_is_installed() -> None:
    qt = qt_folder()
    assert qt is not None
    names = {path.name for path in qt_files(qt)}
    assert {"libqxcb.so", "libqoffscreen.so"} <= names
    assert any(name.startswith("QtWidgets.") for name in names)
    missing = window_system.missing_packages(qt)
    assert missing == {}, (
        "Qt cannot open a window here; scripts/setup.sh should have installed: "
        + " ".join(sorted(missing))
    )


@linux_with_ldd
def test_a_library_the_linker_cannot_find_is_reported_with_its_package(tmp_path: Path) -> None:
    """A copy of Qt's X11 library that asks for a library no machine has."""
    qt = qt_folder()
    assert qt is not None
    data = (qt / window_system.XCB_LIBRARY).read_bytes()
    assert b"libxcb-icccm.so.4\0" in data
    patched = tmp_path / "libQt6XcbQpa.so.6"
    patched.write_bytes(data.replace(b"libxcb-icccm.so.4\0", b"libxcb-zzzzz.so.4\0"))
    missing = missing_libraries([patched])
    assert missing["libxcb-zzzzz.so.4"] == [patched]
    assert debian_package("libxcb-zzzzz.so.4") == "libxcb-zzzzz4"


@pytest.mark.parametrize(
    ("soname", "package"),
    [
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
        ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
        ("libxcb-render-util.so.0", "libxcb-render-util0"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libX11-xcb.so.1", "libx11-xcb1"),
        ("libEGL.so.1", "libegl1"),
        ("libdbus-1.so.3", "libdbus-1-3"),
        ("libwayland-cursor.so.0", "libwayland-cursor0"),
        ("libgssapi_krb5.so.2", "libgssapi-krb5-2"),
        ("libpng16.so.16.39.0", "libpng16-16"),
        ("libglib-2.0.so.0", "libglib2.0-0"),
        ("libz.so.1", "zlib1g"),
    ],
)
def test_sonames_map_to_debian_packages_by_the_naming_policy(soname: str, package: str) -> None:
    assert debian_package(soname) == package


def test_ldd_output_is_read_for_what_is_not_found() -> None:
    output = (
        "\tlinux-vdso.so.1 (0x00007ffd)\n"
        "\tlibQt6Gui.so.6 => /venv/PySide6/Qt/lib/libQt6Gui.so.6 (0x00007f)\n"
        "\tlibxcb-icccm.so.4 => not found\n"
        "\tlibxcb-keysyms.so.1 => not found\n"
    )
    assert parse_ldd(output) == {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}


def test_qt_modules_the_wheel_leaves_out_are_not_system_packages(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    found = {"libQt6Pdf.so.6": [tmp_path], "libxcb-icccm.so.4": [tmp_path]}
    monkeypatch.setattr(window_system, "missing_libraries", lambda files: found)
    assert window_system.missing_packages(tmp_path) == {"libxcb-icccm4": ["libxcb-icccm.so.4"]}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and Wayland are Linux's")
def test_no_screen_is_one_clear_line_naming_the_headless_ways() -> None:
    problem = window_problem({"PATH": "/usr/bin"})
    assert problem == WindowProblem(no_display=True)
    message = problem.message()
    assert "\n" not in message
    assert "annotator --help" in message and "annotator --smoke" in message


def test_a_platform_the_user_chose_is_taken_as_meant() -> None:
    assert window_problem({"QT_QPA_PLATFORM": "offscreen"}) is None


def test_other_systems_are_not_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    assert window_problem({}) is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 is Linux's here")
def test_missing_x11_libraries_are_named_with_the_command_that_installs_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def cannot_open(path: str) -> None:
        raise OSError("libxcb-icccm.so.4: cannot open shared object file")

    monkeypatch.setattr(window_system.ctypes, "CDLL", cannot_open)
    monkeypatch.setattr(
        window_system,
        "missing_packages",
        lambda qt: {
            "libxcb-icccm4": ["libxcb-icccm.so.4"],
            "libxcb-keysyms1": ["libxcb-keysyms.so.1"],
        },
    )
    problem = window_problem({"DISPLAY": ":0"})
    assert problem is not None
    assert problem.missing == ("libxcb-icccm.so.4", "libxcb-keysyms.so.1")
    message = problem.message()
    assert "\n" not in message
    assert message.endswith("sudo apt-get install libxcb-icccm4 libxcb-keysyms1")


@linux_with_ldd
def test_with_every_library_present_a_screen_is_enough(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(window_system, "x_server_answers", lambda display: True)
    assert window_problem({"DISPLAY": ":0"}) is None


@linux_with_ldd
def test_a_display_nobody_answers_is_one_line_not_an_abort() -> None:
    """A DISPLAY left over from an old SSH session: Qt would abort with a wrong hint."""
    problem = window_problem({"DISPLAY": ":9999"})
    assert problem == WindowProblem(unreachable="DISPLAY=:9999")
    message = problem.message()
    assert "\n" not in message and "DISPLAY=:9999" in message
    assert "annotator --help" in message


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Wayland is Linux's")
def test_a_wayland_session_with_its_socket_needs_no_x11(tmp_path: Path) -> None:
    (tmp_path / "wayland-0").touch()
    session = {"WAYLAND_DISPLAY": "wayland-0", "XDG_RUNTIME_DIR": str(tmp_path)}
    assert window_problem({**session, "XDG_SESSION_TYPE": "wayland", "DISPLAY": ":0"}) is None
    assert window_problem(session) is None
    gone = window_problem({"WAYLAND_DISPLAY": "wayland-9", "XDG_RUNTIME_DIR": str(tmp_path)})
    assert gone == WindowProblem(unreachable="WAYLAND_DISPLAY=wayland-9")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check is Linux's")
def test_qt_itself_missing_a_library_is_named_even_offscreen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`annotator --smoke` printed an ImportError traceback for a missing libGL.so.1."""

    def cannot_open(path: str) -> None:
        raise OSError("libGL.so.1: cannot open shared object file")

    monkeypatch.setattr(window_system.ctypes, "CDLL", cannot_open)
    monkeypatch.setattr(window_system, "missing_packages", lambda qt: {"libgl1": ["libGL.so.1"]})
    problem = window_system.qt_problem()
    assert problem == WindowProblem(missing=("libGL.so.1",), packages=("libgl1",))


def test_smoke_names_missing_libraries_instead_of_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from annotator.ui import app

    problem = WindowProblem(missing=("libGL.so.1",), packages=("libgl1",))
    monkeypatch.setattr(app, "qt_problem", lambda: problem)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert app.run_app(None, smoke=True) == 2
    assert capsys.readouterr().err == problem.message() + "\n"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and Wayland are Linux's")
def test_the_app_without_a_screen_says_so_instead_of_aborting(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "ANNOTATOR_LOG_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "annotator"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("annotator: no screen to show the window on")
    assert result.stderr.count("\n") == 1
