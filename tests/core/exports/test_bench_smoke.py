"""The export benchmark still runs (on a hundredth of the reference project)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.benchmarks import bench_export


@pytest.mark.slow
def test_the_export_benchmark_runs_at_a_small_scale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ANNOTATOR_BENCH_CACHE", str(tmp_path))
    assert bench_export.main(["--runs", "1", "--scale", "0.01"]) == 0
    out = capsys.readouterr().out
    assert "Word export (" in out and "CSV export (2000 rows)" in out
    assert "ratio" in out
