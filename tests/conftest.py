"""Shared fixtures. Qt runs offscreen; every test gets its own user folders."""

from __future__ import annotations

import os

# Before anything imports Qt: tests never need a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core import coders
from annotator.core.codebook_file import new_project
from annotator.core.project import Project, create_project

SLOW_TIMEOUT = 900
"""Seconds a `slow` test may take before the hang guard stops it.

The default 300 s guards against hangs; a slow test needs about 80 s of CPU, and on two
cores shared with other work its wall clock can pass 300 s without anything hanging.
"""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("slow") and not item.get_closest_marker("timeout"):
            item.add_marker(pytest.mark.timeout(SLOW_TIMEOUT))


@pytest.fixture(autouse=True)
def user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings and data of a throwaway user, so tests never touch the real ones."""
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("ANNOTATOR_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("ANNOTATOR_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("ANNOTATOR_LOG_DIR", str(home / "logs"))
    return home


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    return tmp_path / "study.annotator"


@pytest.fixture
def empty_project(project_path: Path) -> Iterator[Project]:
    """A project with no codebook, no documents and no coders."""
    project = create_project(project_path)
    yield project
    project.close()


@pytest.fixture
def project(project_path: Path) -> Iterator[Project]:
    """A project with the default surveillance-methods codebook."""
    project = new_project(project_path)
    yield project
    project.close()


@pytest.fixture
def coder(project: Project) -> coders.Coder:
    return coders.add_coder(project, "Amina Rasheed")
