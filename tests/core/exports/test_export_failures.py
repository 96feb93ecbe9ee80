"""Every export format is written whole or not at all: a full disk, Cancel.

The I/O seams are those of `storage.atomic_write` (tests/core/storage/test_atomic_write.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core import events
from annotator.core.exports.errors import ExportCancelled
from annotator.core.exports.formats import FORMATS, ExportOptions, write_export
from annotator.core.storage import atomic_write
from annotator.core.storage.write_errors import OutputUnwritable, WriteProblem
from tests.core.exports.conftest import ReportProject
from tests.core.storage.test_atomic_write import OLD, FillingDisk, leftovers


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = atomic_write._open_partial
    monkeypatch.setattr(atomic_write, "_open_partial", lambda p: FillingDisk(real_open(p), 100))


@pytest.mark.usefixtures("full_disk")
@pytest.mark.parametrize("format_name", list(FORMATS))
def test_every_format_on_a_full_disk(
    report: ReportProject, tmp_path: Path, format_name: str
) -> None:
    target = tmp_path / f"out{FORMATS[format_name].suffix}"
    target.write_bytes(OLD)
    with pytest.raises(OutputUnwritable) as caught:
        write_export(report.project, format_name, target)
    assert caught.value.problem is WriteProblem.DISK_FULL
    assert target.read_bytes() == OLD
    assert leftovers(tmp_path) == []
    # a failed export is not logged as written
    assert events.history(report.project, action="export written") == []


@pytest.mark.parametrize("format_name", ["docx", "csv", "xlsx"])
def test_cancel_writes_nothing(report: ReportProject, tmp_path: Path, format_name: str) -> None:
    target = tmp_path / f"out{FORMATS[format_name].suffix}"
    calls: list[int] = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 1  # the user presses Cancel once the export has begun

    with pytest.raises(ExportCancelled):
        write_export(report.project, format_name, target, ExportOptions(), cancelled=cancelled)
    assert not target.exists()
    assert leftovers(tmp_path) == []
    assert events.history(report.project, action="export written") == []
