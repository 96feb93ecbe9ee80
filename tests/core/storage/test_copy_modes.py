"""Copies of a project are as private as the project (issue 18, finding 14).

The probe found pre-merge copies of an encrypted project (0600) readable by everyone
(0644). Every copy the app makes now carries the project's own file mode.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from annotator.core import coders, migrations
from annotator.core.codebook_file import new_project
from annotator.core.exchange.merge import apply_merge, load_incoming, plan_merge
from annotator.core.project import Project, open_project, save_copy
from annotator.core.storage.atomic_write import write_bytes

PASSPHRASE = "lantern-orchard-1907"
FIXTURE = Path(__file__).parents[2] / "fixtures" / "schema-v1.annotator"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def incoming_copy(tmp_path: Path) -> Path:
    theirs = tmp_path / "theirs.annotator"
    with new_project(theirs) as project:
        coders.add_coder(project, "Tomás")
    return theirs


@pytest.mark.parametrize("project_mode", [0o600, 0o640])
def test_a_pre_merge_copy_carries_the_projects_mode(tmp_path: Path, project_mode: int) -> None:
    path = tmp_path / "study.annotator"
    new_project(path).close()
    os.chmod(path, project_mode)
    with open_project(path) as project:
        plan = plan_merge(project, load_incoming(incoming_copy(tmp_path)))
        result = apply_merge(project, plan)
    assert mode(result.backup) == project_mode


def test_a_pre_merge_copy_of_an_encrypted_project_is_private(tmp_path: Path) -> None:
    path = tmp_path / "study.annotator"
    new_project(path, passphrase=PASSPHRASE).close()
    os.chmod(path, 0o600)
    with open_project(path, passphrase=PASSPHRASE) as project:
        plan = plan_merge(project, load_incoming(incoming_copy(tmp_path)))
        result = apply_merge(project, plan)
    assert mode(result.backup) == 0o600


def test_a_saved_copy_carries_the_projects_mode(project: Project, tmp_path: Path) -> None:
    os.chmod(project.path, 0o600)
    assert mode(save_copy(project, tmp_path / "copy.annotator")) == 0o600


def test_a_pre_migration_backup_carries_the_projects_mode(tmp_path: Path) -> None:
    old = tmp_path / "old-study.annotator"
    shutil.copyfile(FIXTURE, old)
    os.chmod(old, 0o600)
    open_project(old).close()
    (backup,) = tmp_path.glob("old-study.schema-v1-backup-*.annotator")
    assert mode(backup) == 0o600
    assert migrations.latest_version() > 1


def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "private.csv"
    target.write_bytes(b"old")
    os.chmod(target, 0o600)
    write_bytes(target, b"new")
    assert mode(target) == 0o600 and target.read_bytes() == b"new"
