"""Linux desktop integration: the .desktop entry, MIME type, metainfo, icons, installer.

The files must agree with each other and with the app (one app id, one MIME type, the
command pyproject installs, the version in annotator/__init__.py, the header a project
file really has). System validators and the installer script run where the tools are
installed (desktop-file-utils, appstream, shared-mime-info, glib's gio).
"""

from __future__ import annotations

import configparser
import os
import shutil
import sqlite3
import struct
import subprocess
import tomllib
from pathlib import Path
from xml.etree.ElementTree import Element

import pytest
from defusedxml import ElementTree

import annotator
from annotator.core import file_header
from annotator.core.codebook_file import new_project

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.example.annotator"
MIME_TYPE = "application/x-annotator-project"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def metainfo() -> Element:
    return ElementTree.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()


def mime_type() -> Element:
    root = ElementTree.parse(LINUX / f"{APP_ID}-mime.xml").getroot()
    (element,) = root.findall(f"{MIME_NS}mime-type")
    return element


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]


def test_the_desktop_entry_opens_a_double_clicked_project() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Annotator"
    assert entry["Exec"] == "annotator %f"
    assert entry["TryExec"] == "annotator" and "annotator" in pyproject()["scripts"]
    assert entry["MimeType"].split(";") == [MIME_TYPE, ""]
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    # X11 desktops match the window by its WM_CLASS, which Qt takes from the app name.
    from annotator.core.user_settings import APP_NAME

    assert entry["StartupWMClass"] == APP_NAME


def test_the_metainfo_names_the_same_app_type_command_and_version() -> None:
    root = metainfo()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.findtext("provides/binary") == "annotator"
    assert root.findtext("provides/mediatype") == MIME_TYPE
    assert root.findtext("project_license") == pyproject()["license"]
    assert root.findtext("icon") == APP_ID
    versions = [r.get("version") for r in root.findall("releases/release")]
    assert versions[0] == annotator.__version__


def test_the_mime_type_matches_the_extension_and_our_file_header() -> None:
    element = mime_type()
    assert element.get("type") == MIME_TYPE
    assert [g.get("pattern") for g in element.findall(f"{MIME_NS}glob")] == ["*.annotator"]
    assert element.find(f"{MIME_NS}sub-class-of").get("type") == "application/vnd.sqlite3"
    assert element.find(f"{MIME_NS}icon").get("name") == APP_ID
    (outer,) = element.findall(f"{MIME_NS}magic/{MIME_NS}match")
    (inner,) = outer.findall(f"{MIME_NS}match")
    assert (outer.get("type"), outer.get("offset")) == ("string", "0")
    assert (inner.get("type"), inner.get("offset")) == ("string", "68")
    assert inner.get("value").encode("ascii") == struct.pack(">I", file_header.APPLICATION_ID)
    assert outer.get("value") == "SQLite format 3"


def test_the_magic_fits_a_real_project_and_not_another_sqlite_file(tmp_path: Path) -> None:
    new_project(tmp_path / "study.annotator").close()
    sqlite3.connect(tmp_path / "other.db").execute("CREATE TABLE t (x)").connection.close()
    outer = mime_type().find(f"{MIME_NS}magic/{MIME_NS}match")
    inner = outer.find(f"{MIME_NS}match")

    def matches(path: Path) -> bool:
        head = path.read_bytes()[:100]
        first, second = outer.get("value").encode(), inner.get("value").encode()
        return head.startswith(first) and head[68 : 68 + len(second)] == second

    assert matches(tmp_path / "study.annotator")
    assert not matches(tmp_path / "other.db")


def test_every_icon_size_is_a_png_of_that_size() -> None:
    icons = ROOT / "resources" / "icons"
    assert (icons / "annotator.svg").read_text("utf-8").lstrip().startswith("<?xml")
    for size in ICON_SIZES:
        data = (icons / f"annotator-{size}.png").read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", data[16:24]) == (size, size)


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_desktop_file_validate_accepts_the_entry() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(LINUX / f"{APP_ID}.desktop")],
        check=False,
        capture_output=True,
        text=True,
    )
    assert (result.returncode, result.stdout) == (0, "")


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream is not installed")
def test_appstreamcli_validates_the_metainfo() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(LINUX / f"{APP_ID}.metainfo.xml")],
        check=False,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout


def _fake_annotator(folder: Path) -> Path:
    """A stand-in program in a folder with a space: it writes down what it was asked to open."""
    folder.mkdir()
    program = folder / "annotator"
    program.write_text(f'#!/bin/sh\nprintf "%s" "$1" > "{folder}/opened.txt"\n', "utf-8")
    program.chmod(0o755)
    return program


def _installed_files(data: Path) -> dict[str, bytes]:
    return {
        p.relative_to(data).as_posix(): p.read_bytes()
        for p in data.rglob("*")
        if p.is_file() and APP_ID in p.name
    }


@pytest.mark.skipif(shutil.which("update-mime-database") is None, reason="shared-mime-info")
def test_install_desktop_installs_for_the_user_and_is_idempotent(tmp_path: Path) -> None:
    program = _fake_annotator(tmp_path / "my apps")
    data, config = tmp_path / "data", tmp_path / "config"
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(data),
        "XDG_CONFIG_HOME": str(config),
    }
    script = [str(ROOT / "scripts" / "install-desktop.sh")]
    first = subprocess.run(
        [*script, "--exec", str(program)], env=env, capture_output=True, text=True, check=True
    )
    installed = _installed_files(data)
    assert f"installed: {data}/applications/{APP_ID}.desktop (runs {program})" in first.stdout
    assert set(installed) == {
        f"applications/{APP_ID}.desktop",
        f"mime/packages/{APP_ID}.xml",
        f"metainfo/{APP_ID}.metainfo.xml",
        f"icons/hicolor/scalable/apps/{APP_ID}.svg",
        *(f"icons/hicolor/{s}x{s}/apps/{APP_ID}.png" for s in ICON_SIZES),
    }
    desktop = installed[f"applications/{APP_ID}.desktop"].decode()
    assert f'\nExec="{program}" %f\n' in desktop and f"\nTryExec={program}\n" in desktop
    globs = (data / "mime" / "globs2").read_text("utf-8")
    assert f"{MIME_TYPE}:*.annotator" in globs
    mimeapps = (config / "mimeapps.list").read_text("utf-8")
    assert f"{MIME_TYPE}={APP_ID}.desktop" in mimeapps

    subprocess.run([*script, "--exec", str(program)], env=env, capture_output=True, check=True)
    assert _installed_files(data) == installed

    removed = subprocess.run(
        [*script, "--uninstall"], env=env, capture_output=True, text=True, check=True
    )
    assert removed.stdout.count("removed: ") == len(installed)
    assert _installed_files(data) == {}
    assert MIME_TYPE not in (data / "mime" / "globs2").read_text("utf-8")


@pytest.mark.skipif(shutil.which("xdg-mime") is not None, reason="xdg-mime writes it instead")
def test_without_xdg_mime_the_default_is_set_and_other_choices_kept(tmp_path: Path) -> None:
    program = _fake_annotator(tmp_path / "my apps")
    config = tmp_path / "config"
    config.mkdir()
    (config / "mimeapps.list").write_text(
        "[Added Associations]\ntext/plain=gedit.desktop;\n\n"
        "[Default Applications]\ntext/html=firefox.desktop\n"
        f"{MIME_TYPE}=someone-else.desktop\n\n[Removed Associations]\n",
        "utf-8",
    )
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}
    env["XDG_CONFIG_HOME"] = str(config)
    script = str(ROOT / "scripts" / "install-desktop.sh")
    for _ in range(2):  # and a second install changes nothing
        subprocess.run([script, "--exec", str(program)], env=env, capture_output=True, check=True)
    assert (config / "mimeapps.list").read_text("utf-8") == (
        "[Added Associations]\ntext/plain=gedit.desktop;\n\n"
        "[Default Applications]\ntext/html=firefox.desktop\n"
        f"{MIME_TYPE}={APP_ID}.desktop\n\n[Removed Associations]\n"
    )


@pytest.mark.skipif(
    shutil.which("gio") is None or shutil.which("update-mime-database") is None,
    reason="glib's gio and shared-mime-info",
)
def test_double_clicking_a_project_opens_it_in_annotator(tmp_path: Path) -> None:
    """`gio open` is what GNOME's file manager does on a double-click."""
    program = _fake_annotator(tmp_path / "my apps")
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    script = str(ROOT / "scripts" / "install-desktop.sh")
    subprocess.run([script, "--exec", str(program)], env=env, capture_output=True, check=True)
    project = tmp_path / "Field study 2024.annotator"
    new_project(project).close()
    renamed = tmp_path / "sent by a partner.db"  # a project that lost its extension
    shutil.copy(project, renamed)

    def content_type(path: Path) -> str:
        info = subprocess.run(
            ["gio", "info", "--attributes=standard::content-type", str(path)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return info.stdout.split("standard::content-type:")[1].strip()

    assert content_type(project) == MIME_TYPE
    assert content_type(renamed) == MIME_TYPE
    opened = program.parent / "opened.txt"
    subprocess.run(["gio", "open", str(project)], env=env, check=True)
    deadline = 300  # gio starts the program and returns; give it up to 30 s to write
    while not opened.exists() and deadline:
        subprocess.run(["sleep", "0.1"], check=True)
        deadline -= 1
    assert opened.read_text("utf-8") == str(project)
