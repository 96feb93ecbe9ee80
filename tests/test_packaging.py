"""`pip install .` ships everything the app needs, under the names the code looks for.

The wheel is built offline with the build backend from the venv (hatchling, a test
dependency), the way `pip install .` and `pipx install .` build it. That an installed
copy works away from the checkout, with the pip Python ships, is
tests/test_clean_install.py.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

import annotator

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"

pytest.importorskip("hatchling", reason="the wheel is built with hatchling (the test extra)")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(ROOT),
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--quiet",
            "--wheel-dir",
            str(target),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = target.glob("annotator-*.whl")
    return built


def wheel_names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_every_resource_is_package_data_under_annotator_resources(wheel: Path) -> None:
    names = wheel_names(wheel)
    shipped = {
        "annotator/resources/" + p.relative_to(RESOURCES).as_posix()
        for p in RESOURCES.rglob("*")
        if p.is_file()
    }
    assert shipped - names == set()
    assert "annotator/resources/codebooks/surveillance-methods.json" in names
    assert "annotator/resources/samples/12-zimbabwe-interception-oversight.pdf" in names
    assert "annotator/resources/icons/annotator.svg" in names
    assert {f"annotator/resources/icons/annotator-{s}.png" for s in (16, 48, 256)} <= names


def test_the_package_and_its_data_files_are_in_the_wheel(wheel: Path) -> None:
    names = wheel_names(wheel)
    package = ROOT / "annotator"
    sources = {
        p.relative_to(ROOT).as_posix()
        for p in package.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert sources - names == set()
    assert "annotator/core/schema_v1.sql" in names
    assert not any(name.startswith(("tests/", "scripts/", "packaging/")) for name in names)


def test_the_wheel_declares_the_command_and_the_one_version(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        dist_info = next(n.split("/")[0] for n in archive.namelist() if ".dist-info/" in n)
        entry_points = archive.read(f"{dist_info}/entry_points.txt").decode()
        metadata = archive.read(f"{dist_info}/METADATA").decode()
    assert "[console_scripts]\nannotator = annotator.__main__:main" in entry_points
    assert f"\nVersion: {annotator.__version__}\n" in metadata
    assert wheel.name.startswith(f"annotator-{annotator.__version__}-")


def test_the_version_is_written_in_one_place() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert "version" not in project and "version" in project["dynamic"]
    spec = (ROOT / "packaging" / "annotator.spec").read_text("utf-8")
    assert "__version__" in spec and annotator.__version__ not in spec


def test_the_bundle_puts_resources_where_the_locator_looks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The spec's destination and the locator's bundle branch must name the same folder."""
    from annotator.core import resources

    spec = (ROOT / "packaging" / "annotator.spec").read_text("utf-8")
    assert 'datas = [(str(ROOT / "resources"), "annotator/resources")]' in spec
    bundled = tmp_path / "_internal" / "annotator" / "resources"
    (bundled / "codebooks").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "_internal"), raising=False)
    assert resources.resources_dir() == bundled
