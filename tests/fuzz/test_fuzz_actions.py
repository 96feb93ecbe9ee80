"""Random sequences of researcher actions against the core, with undo and redo.

Add, remove, recode, memo, merge and delete codes, delete documents, undo and redo in
any order. After every step: only our own errors escaped, every coding's quote equals
its span of the text, the counts agree with each other, the audit log only grew, and
the project's state equals a model kept beside it (so undo really restores).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from annotator.core import codebook, codebook_edits, coders, coding, documents, excerpts
from annotator.core.changes import Change
from annotator.core.check import check_project
from annotator.core.codebook_file import new_project
from annotator.core.errors import AnnotatorError
from tests.fuzz.strategies import FUZZ

TEXTS = [
    "Police 📷 filmed\nالمتظاهرين near the café\u0301.\n\n天眼科技 sold cameras 👁️.",
    "A drone circled the square.\r\n\r\nOfficers copied every ID card at the gate.",
    "SIM cards need a fingerprint now.\n\nJournalists found spyware on two phones.",
]


def _snapshot(project) -> tuple[frozenset[tuple[object, ...]], frozenset[str], frozenset[str]]:
    """Everything an undo must restore: codings, codes and documents."""
    rows = project.conn.execute(
        'SELECT id, document_id, code_id, coder_id, start, "end", quote, memo FROM codings'
    ).fetchall()
    codes = {r[0] for r in project.conn.execute("SELECT id FROM codes")}
    docs = {r[0] for r in project.conn.execute("SELECT id FROM documents")}
    return frozenset(rows), frozenset(codes), frozenset(docs)


class ResearcherActions(RuleBasedStateMachine):
    """One researcher's session: actions, an undo stack and a redo stack."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(self._tmp())
        self.project = new_project(self.folder / "actions.annotator")
        self.coder = coders.add_coder(self.project, "Amina Rasheed")
        self.undo: list[tuple[Change, object]] = []  # change, state before it
        self.redo: list[tuple[Change, object]] = []
        self.events = 0

    @staticmethod
    def _tmp() -> str:
        import tempfile

        return tempfile.mkdtemp(prefix="fuzz-actions-")

    @initialize()
    def documents(self) -> None:
        for n, text in enumerate(TEXTS):
            documents.store_document(
                self.project, documents.NewDocument(title=f"Doc {n}", text=text)
            )

    def _docs(self) -> list[documents.DocumentSummary]:
        return documents.list_documents(self.project)

    def _codes(self) -> list[codebook.Code]:
        return codebook.list_codes(self.project)

    def _codings(self) -> list[str]:
        return [r[0] for r in self.project.conn.execute("SELECT id FROM codings ORDER BY rowid")]

    def _do(self, action) -> None:  # type: ignore[no-untyped-def]
        before = _snapshot(self.project)
        try:
            change = action()
        except AnnotatorError:
            assert _snapshot(self.project) == before, "a refused action changed the project"
            return
        self.undo.append((change, before))
        self.redo.clear()

    @precondition(lambda self: self._codes())
    @rule(data=st.data())
    def add_codings(self, data: st.DataObject) -> None:
        doc = data.draw(st.sampled_from(self._docs()))
        code = data.draw(st.sampled_from(self._codes()))
        spans = data.draw(
            st.lists(
                st.tuples(st.integers(-2, doc.char_count + 2), st.integers(0, 12)),
                min_size=1,
                max_size=4,
            )
        )
        self._do(
            lambda: coding.add_codings(
                self.project,
                code.id,
                [coding.Span(doc.id, s, s + n) for s, n in spans],
                self.coder.id,
                skip_duplicates=data.draw(st.booleans()),
            )
        )

    @precondition(lambda self: self._codings())
    @rule(data=st.data())
    def remove_codings(self, data: st.DataObject) -> None:
        ids = data.draw(st.lists(st.sampled_from(self._codings()), min_size=1, max_size=3))
        self._do(lambda: coding.remove_codings(self.project, ids, coder_id=self.coder.id))

    @precondition(lambda self: self._codings() and self._codes())
    @rule(data=st.data())
    def recode(self, data: st.DataObject) -> None:
        target = data.draw(st.sampled_from(self._codings()))
        code = data.draw(st.sampled_from(self._codes()))
        self._do(lambda: coding.recode(self.project, target, code.id, coder_id=self.coder.id))

    @precondition(lambda self: self._codings())
    @rule(data=st.data(), memo=st.text(max_size=20))
    def memo(self, data: st.DataObject, memo: str) -> None:
        target = data.draw(st.sampled_from(self._codings()))
        self._do(lambda: coding.set_coding_memo(self.project, target, memo))

    @precondition(lambda self: len(self._codes()) > 1)
    @rule(data=st.data())
    def merge_codes(self, data: st.DataObject) -> None:
        source, target = data.draw(st.lists(st.sampled_from(self._codes()), min_size=2, max_size=2))
        self._do(lambda: codebook_edits.merge_codes(self.project, source.id, target.id))

    @precondition(lambda self: self._codes())
    @rule(data=st.data(), move=st.booleans())
    def delete_code(self, data: st.DataObject, move: bool) -> None:
        code = data.draw(st.sampled_from(self._codes()))
        policy = (
            codebook_edits.CodingsPolicy.MOVE_TO_PARENT
            if move
            else (codebook_edits.CodingsPolicy.DELETE)
        )
        self._do(lambda: codebook_edits.delete_code(self.project, code.id, policy))

    @precondition(lambda self: len(self._docs()) > 1)
    @rule(data=st.data())
    def delete_document(self, data: st.DataObject) -> None:
        doc = data.draw(st.sampled_from(self._docs()))
        self._do(lambda: documents.delete_document(self.project, doc.id))

    @precondition(lambda self: self.undo)
    @rule()
    def undo_last(self) -> None:
        change, before = self.undo.pop()
        after = _snapshot(self.project)
        redo = change.undo(self.project)
        assert _snapshot(self.project) == before, f"undo of {change.kind} did not restore"
        self.redo.append((redo, after))

    @precondition(lambda self: self.redo)
    @rule()
    def redo_last(self) -> None:
        change, after = self.redo.pop()
        before = _snapshot(self.project)
        undo = change.undo(self.project)
        assert _snapshot(self.project) == after, f"redo of {change.kind} did not redo"
        self.undo.append((undo, before))

    @invariant()
    def quotes_match_their_spans(self) -> None:
        assert coding.mismatched_quotes(self.project) == []
        for doc_id, start, end, quote in self.project.conn.execute(
            'SELECT c.document_id, c.start, c."end", c.quote FROM codings c'
        ):
            assert documents.get_document(self.project, doc_id).text[start:end] == quote

    @invariant()
    def counts_agree(self) -> None:
        total = len(self._codings())
        assert sum(excerpts.coding_counts_per_code(self.project).values()) == total
        assert excerpts.project_stats(self.project).codings == total

    @invariant()
    def audit_log_only_grows(self) -> None:
        count = self.project.conn.execute("SELECT count(*) FROM events").fetchone()[0]
        assert count >= self.events
        self.events = count

    def teardown(self) -> None:
        report = check_project(self.project)
        self.project.close()
        with contextlib.suppress(OSError):
            for path in self.folder.iterdir():
                path.unlink()
            self.folder.rmdir()
        assert report.ok, report.problems


ResearcherActions.TestCase.settings = FUZZ
test_researcher_actions = ResearcherActions.TestCase
