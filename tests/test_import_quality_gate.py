"""The import-quality gate: a regression on the real-page corpus fails the suite.

Like trafilatura's own `eval_gate.py`: the floors in tests/import_quality_floors.json
are our best measured figures (`make bench-import`) less a small margin. Both ways
in are scored on every page of the visible half of the corpus, exactly as the
benchmark scores them (about 25 s of CPU); raise a floor when the method improves.
The corpus lives outside the repository (../shared/corpora); without it the gate is
skipped and says so.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.benchmarks import import_quality, web_corpus

FLOORS = Path(__file__).with_name("import_quality_floors.json")


@pytest.mark.slow
def test_import_quality_stays_above_its_floors() -> None:
    folder = web_corpus.corpora_folder()
    if folder is None:
        pytest.skip("the real-page corpus is not here (../shared/corpora or ANNOTATOR_CORPORA)")
    floors = json.loads(FLOORS.read_text("utf-8"))["floors"]
    results = import_quality.run(folder, ways=floors)
    below = []
    for way, figures in floors.items():
        score = import_quality.total(results[way])
        for name, floor in figures.items():
            measured = score.figure(name).percent
            if measured < floor:
                below.append(f"{way} {name}: {measured:.1f}% < floor {floor}%")
    assert not below, "import quality fell: " + "; ".join(below)
