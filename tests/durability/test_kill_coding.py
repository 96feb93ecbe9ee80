"""Kill a process that codes in a tight loop; every confirmed action must survive.

The parent keeps a model of the codings from the worker's confirmed actions (undo
included). After each SIGKILL the project must equal the model, or the model with the
one action in flight applied in full: never a part of an action.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from annotator.core import coders, documents
from annotator.core.codebook_file import new_project
from annotator.core.project import open_project
from tests.durability.articles import article
from tests.durability.harness import SEED, assert_intact, rng_for, run_and_kill

ROUNDS = 16
Row = tuple[str, str, int, int, str]  # document, code, start, end, memo
Rows = dict[str, Row]


def _snapshot(path: Path) -> Rows:
    with open_project(path) as project:
        rows = project.conn.execute(
            'SELECT id, document_id, code_id, start, "end", memo FROM codings'
        ).fetchall()
    return {r[0]: (r[1], r[2], r[3], r[4], r[5]) for r in rows}


class CodingModel:
    """What the project must hold, replayed from the worker's confirmed actions."""

    def __init__(self, rows: Rows) -> None:
        self.rows = dict(rows)
        self.known = set(rows)  # every id the model has met, removed ones included
        self.undo_stack: list[Callable[[Rows], None]] = []

    def confirm(self, start: dict[str, Any], done: dict[str, Any]) -> None:
        op = done["op"]
        if op == "add":
            added = {i: (start["doc"], start["code"], s, e, "") for i, s, e in done["codings"]}
            self.rows.update(added)
            self.known.update(added)
            self.undo_stack.append(lambda rows: _drop(rows, added))
        elif op == "remove":
            removed = {i: self.rows[i] for i in done["ids"]}
            _drop(self.rows, removed)
            self.undo_stack.append(lambda rows: rows.update(removed))
        elif op == "recode":
            old = self.rows[done["id"]]
            _recode(self.rows, done["id"], done["code"])
            self.undo_stack.append(lambda rows: _recode(rows, done["id"], old[1]))
        elif op == "memo":
            row = self.rows[done["id"]]
            self.rows[done["id"]] = (*row[:4], done["memo"])
        elif op == "undo":
            self.undo_stack.pop()(self.rows)

    def candidates(self, in_flight: dict[str, Any] | None) -> list[list[tuple[object, ...]]]:
        """The states the project may be in: before the action in flight, or after it."""
        states = [self.rows]
        if in_flight is not None and in_flight["op"] != "add":
            after = dict(self.rows)
            if in_flight["op"] == "undo":
                self.undo_stack[-1](after)
            elif in_flight["op"] == "remove":
                _drop(after, {i: after[i] for i in in_flight["ids"]})
            elif in_flight["op"] == "recode":
                _recode(after, in_flight["id"], in_flight["code"])
            elif in_flight["op"] == "memo":
                after[in_flight["id"]] = (*after[in_flight["id"]][:4], in_flight["memo"])
            states.append(after)
        found = [sorted((i, *row) for i, row in state.items()) for state in states]
        if in_flight is not None and in_flight["op"] == "add":
            taken = {row[:4] for row in self.rows.values()}
            new = {
                (in_flight["doc"], in_flight["code"], s, e, "")
                for s, e in in_flight["spans"]
                if (in_flight["doc"], in_flight["code"], s, e) not in taken
            }
            known = [(i, *row) for i, row in self.rows.items()]
            found.append(sorted(known + [("?", *row) for row in new]))
        return found


def _drop(rows: Rows, gone: Rows) -> None:
    for coding_id in gone:
        del rows[coding_id]


def _recode(rows: Rows, coding_id: str, code_id: str) -> None:
    rows[coding_id] = (rows[coding_id][0], code_id, *rows[coding_id][2:])


def _as_state(rows: Rows, model: CodingModel) -> list[tuple[object, ...]]:
    """Codings the model has met keep their id; new ones become '?' (ids are not sent ahead)."""
    return sorted((i if i in model.known else "?", *row) for i, row in rows.items())


@pytest.fixture
def coding_project(tmp_path: Path) -> Path:
    path = tmp_path / "coding.annotator"
    rng = rng_for("coding-setup")
    with new_project(path) as project:
        coder = coders.add_coder(project, "Amina Rasheed")
        for n in range(5):
            documents.store_document(
                project,
                documents.NewDocument(title=f"Article {n}", text=article(rng, 6000)),
                coder_id=coder.id,
            )
    return path


def test_killing_a_coding_loop_never_loses_a_confirmed_coding(coding_project: Path) -> None:
    rng = rng_for("coding")
    confirmed = 0
    for round_ in range(ROUNDS):
        model = CodingModel(_snapshot(coding_project))
        delay = rng.uniform(0.05, 0.8)
        said = run_and_kill("code", coding_project, seed=rng.randrange(2**31), delay=delay)
        context = f"seed {SEED}, round {round_}, killed after {delay:.3f} s"
        for start, done in said.confirmed():
            model.confirm(start, done)
        confirmed += len(said.done)
        assert_intact(coding_project, context)
        state = _snapshot(coding_project)
        actual = _as_state(state, model)
        if actual not in model.candidates(said.in_flight):
            before = model.candidates(None)[0]
            missing = [row for row in before if row not in actual]
            extra = [row for row in actual if row not in before]
            pytest.fail(
                f"{context}: the project is neither before nor after {said.in_flight}; "
                f"confirmed but missing: {missing[:5]}; unexpected: {extra[:5]}"
            )
    assert confirmed > ROUNDS  # the worker really was working when killed
