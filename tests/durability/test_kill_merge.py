"""Kill a process that merges codes (and undoes merges): never a half-applied merge.

A merge moves a code's codings to another code, drops the ones the target already has
on the same span, re-parents its sub-codes and deletes it, in one transaction. After
each kill the codebook and codings equal the confirmed merges, or those plus the one
in flight, in full.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from annotator.core import codebook, coders, coding, documents
from annotator.core.codebook_file import new_project
from annotator.core.project import open_project
from tests.durability.articles import article
from tests.durability.harness import SEED, assert_intact, rng_for, run_and_kill

ROUNDS = 10
POOL = 12

State = tuple[frozenset[str], dict[str, tuple[str, str, int, int]]]  # codes; coding -> row


def _state(path: Path) -> State:
    with open_project(path) as project:
        codes = frozenset(c.id for c in codebook.list_codes(project))
        rows = project.conn.execute(
            'SELECT id, code_id, document_id, start, "end" FROM codings'
        ).fetchall()
    return codes, {r[0]: (r[1], r[2], r[3], r[4]) for r in rows}


def _merged(state: State, source: str, target: str) -> State:
    codes, rows = state
    taken = {(doc, s, e) for code, doc, s, e in rows.values() if code == target}
    after = {}
    for coding_id, (code, doc, s, e) in rows.items():
        if code != source:
            after[coding_id] = (code, doc, s, e)
        elif (doc, s, e) not in taken:
            after[coding_id] = (target, doc, s, e)
    return codes - {source}, after


class MergeModel:
    def __init__(self, state: State) -> None:
        self.state = state
        self.before_merges: list[State] = []

    def after(self, op: dict[str, Any]) -> State:
        if op["op"] == "merge":
            return _merged(self.state, op["source"], op["target"])
        if op["op"] == "unmerge":
            return self.before_merges[-1]
        return self.state

    def confirm(self, op: dict[str, Any]) -> None:
        if op["op"] == "merge":
            self.before_merges.append(self.state)
        next_state = self.after(op)
        if op["op"] == "unmerge":
            self.before_merges.pop()
        self.state = next_state


@pytest.fixture
def merge_project(tmp_path: Path) -> Path:
    path = tmp_path / "merge.annotator"
    rng = rng_for("merge-setup")
    with new_project(path) as project:
        coder = coders.add_coder(project, "Amina Rasheed")
        for n in range(3):
            documents.store_document(
                project,
                documents.NewDocument(title=f"Article {n}", text=article(rng, 4000)),
                coder_id=coder.id,
            )
    return path


def _fill_pool(path: Path, rng: random.Random) -> None:
    """Codes to merge, with codings that partly overlap so merges drop duplicates."""
    with open_project(path) as project:
        coder_id = coders.list_coders(project)[0].id
        docs = documents.list_documents(project)
        names = {c.name for c in codebook.list_codes(project)}
        for _ in range(POOL - sum(name.startswith("Pool ") for name in names)):
            name = f"Pool {rng.randrange(10**9)}"
            code_id = next(iter(codebook.create_code(project, name).codes))
            spans = [
                coding.Span(doc.id, s, s + rng.choice((5, 9)))
                for doc in docs
                for s in rng.sample(range(0, 3900, 3), 150)
            ]
            coding.add_codings(project, code_id, spans, coder_id, skip_duplicates=True)


def test_killing_merges_never_leaves_half_a_merge(merge_project: Path) -> None:
    rng = rng_for("merge")
    for round_ in range(ROUNDS):
        _fill_pool(merge_project, rng)
        model = MergeModel(_state(merge_project))
        delay = rng.uniform(0.05, 0.8)
        said = run_and_kill("merge", merge_project, seed=rng.randrange(2**31), delay=delay)
        context = f"seed {SEED}, round {round_}, killed after {delay:.3f} s"
        for done in said.done:
            model.confirm(done)
        assert_intact(merge_project, context)
        actual = _state(merge_project)
        expected = [model.state]
        if said.in_flight is not None:
            expected.append(model.after(said.in_flight))
        assert actual in expected, (
            f"{context}: the codebook is neither before nor after {said.in_flight} "
            f"({len(actual[1])} codings; expected {[len(e[1]) for e in expected]})"
        )
