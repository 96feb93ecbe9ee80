"""Leftovers: listed while a write runs, removed once its writer is gone, never more."""

from __future__ import annotations

import os
import stat
import tempfile
import time
from pathlib import Path

import pytest

from annotator.core import user_settings
from annotator.core.storage import leftovers
from annotator.core.storage.atomic_write import atomic_write


def dead_entry(named: Path) -> Path:
    """What a killed writer leaves in the list: an entry nobody holds locked."""
    folder = user_settings.unfinished_dir()
    folder.mkdir(parents=True, exist_ok=True)
    entry = folder / f"0123456789abcdef{leftovers.ENTRY_SUFFIX}"
    entry.write_bytes(os.fsencode(str(named)))
    return entry


def test_a_write_in_progress_is_listed_and_kept(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    with atomic_write(target) as stream:
        stream.write(b"half")
        (partial,) = [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]
        assert leftovers.sweep() == 0  # its writer (this process) holds the entry
        assert partial.exists()
    assert not partial.exists() and target.read_bytes() == b"half"
    assert list(user_settings.unfinished_dir().iterdir()) == []


def test_what_a_dead_writer_listed_is_removed(tmp_path: Path) -> None:
    partial = tmp_path / ".out.csv.0badcafe.partial"
    partial.write_bytes(b"half an export")
    Path(f"{partial}-journal").write_bytes(b"journal")
    entry = dead_entry(partial)
    assert leftovers.sweep() == 2
    assert list(tmp_path.iterdir()) == [] and not entry.exists()


def test_nothing_but_our_own_partials_is_ever_removed(tmp_path: Path) -> None:
    precious = tmp_path / "thesis.docx"
    precious.write_bytes(b"years of work")
    entry = dead_entry(precious)
    assert leftovers.sweep() == 0
    assert precious.read_bytes() == b"years of work" and not entry.exists()


def test_a_private_folder_is_private_and_removed(tmp_path: Path) -> None:
    source = tmp_path / "theirs.annotator"
    source.write_bytes(b"their project")
    os.chmod(source, 0o644)
    with leftovers.private_folder("merging") as folder:
        copy = folder / "incoming.annotator"
        leftovers.copy_private(source, copy)
        assert copy.read_bytes() == b"their project"
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600
        assert leftovers.sweep() == 0
    assert not folder.exists()


def test_a_private_folder_of_a_dead_process_is_removed() -> None:
    root = user_settings.unfinished_dir()
    folder = root / "merging-0123456789abcdef"
    folder.mkdir(parents=True)
    (folder / "incoming.annotator").write_bytes(b"a full copy")
    dead_entry(folder)
    assert leftovers.sweep() == 1
    assert list(root.iterdir()) == []


def test_partials_of_an_earlier_version_go_when_an_hour_old(tmp_path: Path) -> None:
    old = tmp_path / ".out.csv.deadbeef.partial"
    young = tmp_path / ".out.csv.cafef00d.partial"
    other = tmp_path / ".out.csv.partial.txt"
    for path in (old, young, other):
        path.write_bytes(b"x")
    an_hour_ago = time.time() - leftovers.STALE_SECONDS - 60
    os.utime(old, (an_hour_ago, an_hour_ago))
    os.utime(other, (an_hour_ago, an_hour_ago))
    with atomic_write(tmp_path / "out.csv") as stream:  # the next write to that name
        stream.write(b"new")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([young.name, other.name, "out.csv"])


def test_merge_copies_an_earlier_version_left_in_tmp_are_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    an_hour_ago = time.time() - leftovers.STALE_SECONDS - 60
    names = ["annotator-merge-k3_9xq2a", "annotator-redacted-0abc1def", "annotator-merge-young123"]
    for name in names:
        (tmp_path / name).mkdir()
        (tmp_path / name / "incoming.annotator").write_bytes(b"a full unencrypted copy")
    for name in names[:2]:
        os.utime(tmp_path / name, (an_hour_ago, an_hour_ago))
    theirs = tmp_path / "annotator-merge-someone1"
    theirs.mkdir()
    os.utime(theirs, (an_hour_ago, an_hour_ago))
    if os.geteuid() == 0:
        os.chown(theirs, 12345, 12345)  # another user's: not ours to remove
    assert leftovers.sweep() == (2 if os.geteuid() == 0 else 3)
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert "annotator-merge-young123" in kept and names[0] not in kept and names[1] not in kept
    assert (theirs.name in kept) == (os.geteuid() == 0)
