"""Intercoder agreement: how consistently two or more coders applied the same codes.

The unit is the character: for each code, each character of each compared document
is coded or not coded by each coder. Per code we report percentage agreement, Cohen's
kappa (exactly two coders) and Krippendorff's alpha (nominal, two or more coders);
the overall figures pool the (code, character) units of every compared code. Only
documents every compared coder has marked finished are counted, unless asked to
count every document they coded. `docs/methods-agreement.md` gives the formulas and
a worked example; the tests check our numbers against the `krippendorff` package and
scikit-learn.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from annotator.core import errors
from annotator.core.codebook import code_path, codebook_tree
from annotator.core.coders import finished_by, get_coder, list_coders
from annotator.core.ids import CodeId, CoderId, DocumentId
from annotator.core.project import Project
from annotator.core.selection import Selection, chosen_codes, coding_where, document_where

QUOTE_LENGTH = 300


@dataclass
class Tally:
    """Character counts from which every figure follows (weights, not lists of units)."""

    coders: int
    units: int = 0
    unanimous: int = 0
    # two coders: characters coded by both, by the first only, by the second only
    both: int = 0
    first_only: int = 0
    second_only: int = 0
    # Krippendorff's coincidences (binary values): o_11, o_00 and o_01 (= o_10)
    o11: float = 0.0
    o00: float = 0.0
    o01: float = 0.0

    def add(self, length: int, coded: Sequence[bool]) -> None:
        m, a = self.coders, sum(coded)
        self.units += length
        if a in (0, m):
            self.unanimous += length
        if m == 2:
            if coded[0] and coded[1]:
                self.both += length
            elif coded[0]:
                self.first_only += length
            elif coded[1]:
                self.second_only += length
        self.o11 += length * a * (a - 1) / (m - 1)
        self.o00 += length * (m - a) * (m - a - 1) / (m - 1)
        self.o01 += length * a * (m - a) / (m - 1)

    def merge(self, other: Tally) -> None:
        for name in ("units", "unanimous", "both", "first_only", "second_only"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.o11 += other.o11
        self.o00 += other.o00
        self.o01 += other.o01

    @property
    def percent(self) -> float | None:
        return 100.0 * self.unanimous / self.units if self.units else None

    @property
    def kappa(self) -> float | None:
        """Cohen's kappa; None for other than two coders or when chance agreement is 1."""
        if self.coders != 2 or not self.units:
            return None
        n = self.units
        neither = n - self.both - self.first_only - self.second_only
        observed = (self.both + neither) / n
        first = (self.both + self.first_only) / n
        second = (self.both + self.second_only) / n
        expected = first * second + (1 - first) * (1 - second)
        if expected >= 1:
            return None
        return (observed - expected) / (1 - expected)

    @property
    def alpha(self) -> float | None:
        """Krippendorff's alpha (nominal); None when every value is the same."""
        n1 = self.o11 + self.o01
        n0 = self.o00 + self.o01
        n = n0 + n1
        if n0 * n1 == 0:
            return None
        return 1 - (n - 1) * self.o01 / (n0 * n1)


@dataclass(frozen=True)
class CodeAgreement:
    code_id: str  # "" for the pooled figures
    code_path: str
    characters: int
    coded: dict[CoderId, int]  # characters each coder coded with this code
    percent: float | None
    kappa: float | None
    alpha: float | None


@dataclass(frozen=True)
class Disagreement:
    """A run of text where the coders did not all do the same with one code."""

    document_id: DocumentId
    document_title: str
    code_id: CodeId
    code_path: str
    start: int
    end: int
    coded_by: tuple[CoderId, ...]
    not_coded_by: tuple[CoderId, ...]
    quote: str


@dataclass(frozen=True)
class AgreementReport:
    coder_ids: tuple[CoderId, ...]
    coder_names: dict[CoderId, str]
    document_ids: tuple[DocumentId, ...]
    include_unfinished: bool
    codes: list[CodeAgreement]
    overall: CodeAgreement
    disagreements: list[Disagreement] = field(default_factory=list)


def _union(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _segments(
    length: int, per_coder: list[list[tuple[int, int]]]
) -> Iterable[tuple[int, int, tuple[bool, ...]]]:
    """Cut 0..length at every span boundary: each piece is coded alike throughout."""
    bounds = {0, length}
    for spans in per_coder:
        for start, end in spans:
            bounds.update((start, end))
    points = sorted(b for b in bounds if 0 <= b <= length)
    cursors = [0] * len(per_coder)
    for left, right in itertools.pairwise(points):
        coded = []
        for index, spans in enumerate(per_coder):
            while cursors[index] < len(spans) and spans[cursors[index]][1] <= left:
                cursors[index] += 1
            at = cursors[index]
            coded.append(at < len(spans) and spans[at][0] <= left)
        yield left, right, tuple(coded)


def compared_documents(
    project: Project,
    coder_ids: Sequence[CoderId],
    *,
    within: Selection | None = None,
    include_unfinished: bool = False,
) -> list[DocumentId]:
    """Documents every coder finished; or, with include_unfinished, any of them coded.

    Only documents `within` keeps (its criteria on documents) are compared.
    """
    if include_unfinished:
        where = coding_where(project, Selection(coder_ids=tuple(coder_ids)))
        chosen = {
            r[0]
            for r in project.conn.execute(
                f"SELECT DISTINCT c.document_id FROM codings c{where.sql()}", where.params
            )
        }
    else:
        sets = [finished_by(project, coder_id) for coder_id in coder_ids]
        chosen = set.intersection(*sets) if sets else set()
    if within is not None and within.narrows_documents:
        where = document_where(within)
        kept = project.conn.execute(f"SELECT d.id FROM documents d{where.sql()}", where.params)
        chosen &= {r[0] for r in kept}
    return sorted(chosen)


def agreement(
    project: Project, selection: Selection, *, include_unfinished: bool = False
) -> AgreementReport:
    """Agreement of the selection's coders (None: every coder) over its codes and documents.

    The codes compared are the selection's (None: every code the coders used); its
    criteria on codings (such as a memo's words) choose the codings compared.
    """
    every = selection.coder_ids is None
    coder_ids = [c.id for c in list_coders(project)] if every else list(selection.coder_ids or ())
    if len(coder_ids) < 2:
        raise errors.InvalidValue(errors.ValueProblem.TOO_FEW_CODERS, len(coder_ids))
    names = {c: get_coder(project, c).name for c in coder_ids}
    selection = replace(selection, coder_ids=tuple(coder_ids))
    docs = compared_documents(
        project, coder_ids, within=selection, include_unfinished=include_unfinished
    )
    info = _document_info(project, docs)
    spans = _coded_spans(project, selection, docs)
    wanted = chosen_codes(project, selection)
    if wanted is None:
        used = set(spans)
        chosen = [n.code.id for n in codebook_tree(project) if n.code.id in used]
    else:
        chosen = wanted
    total_chars = sum(length for _, length in info.values())
    overall = Tally(len(coder_ids))
    rows: list[CodeAgreement] = []
    disagreements: list[Disagreement] = []
    for code_id in chosen:
        path = code_path(project, code_id)
        tally = Tally(len(coder_ids))
        coded = dict.fromkeys(coder_ids, 0)
        counted = 0
        for document_id, by_coder in sorted(spans.get(code_id, {}).items()):
            per_coder = [_union(by_coder.get(c, [])) for c in coder_ids]
            title, length = info[document_id]
            counted += length
            for coder_id, coder_spans in zip(coder_ids, per_coder, strict=True):
                coded[coder_id] += sum(end - start for start, end in coder_spans)
            for start, end, pattern in _runs(length, per_coder, tally):
                disagreements.append(
                    Disagreement(
                        document_id,
                        title,
                        code_id,
                        path,
                        start,
                        end,
                        tuple(c for c, on in zip(coder_ids, pattern, strict=True) if on),
                        tuple(c for c, on in zip(coder_ids, pattern, strict=True) if not on),
                        "",
                    )
                )
        tally.add(total_chars - counted, (False,) * len(coder_ids))  # text nobody coded
        overall.merge(tally)
        rows.append(_row(code_id, path, tally, coded))
    return AgreementReport(
        coder_ids=tuple(coder_ids),
        coder_names=names,
        document_ids=tuple(docs),
        include_unfinished=include_unfinished,
        codes=rows,
        overall=_row("", "", overall, {}),
        disagreements=_with_quotes(project, disagreements),
    )


def _runs(
    length: int, per_coder: list[list[tuple[int, int]]], tally: Tally
) -> list[tuple[int, int, tuple[bool, ...]]]:
    """Count one document into `tally`; return the stretches where the coders differ."""
    runs: list[tuple[int, int, tuple[bool, ...]]] = []
    for start, end, pattern in _segments(length, per_coder):
        tally.add(end - start, pattern)
        if 0 < sum(pattern) < len(pattern):
            if runs and runs[-1][1] == start and runs[-1][2] == pattern:
                runs[-1] = (runs[-1][0], end, pattern)
            else:
                runs.append((start, end, pattern))
    return runs


def _row(code_id: str, path: str, tally: Tally, coded: dict[CoderId, int]) -> CodeAgreement:
    return CodeAgreement(code_id, path, tally.units, coded, tally.percent, tally.kappa, tally.alpha)


def _document_info(project: Project, docs: list[DocumentId]) -> dict[DocumentId, tuple[str, int]]:
    info: dict[DocumentId, tuple[str, int]] = {}
    for start in range(0, len(docs), 500):
        chunk = docs[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = project.conn.execute(
            f"SELECT id, title, char_count FROM documents WHERE id IN ({marks})", chunk
        )
        info.update({r[0]: (r[1], r[2]) for r in rows})
    return info


def _coded_spans(
    project: Project, selection: Selection, docs: list[DocumentId]
) -> dict[CodeId, dict[DocumentId, dict[CoderId, list[tuple[int, int]]]]]:
    """code -> document -> coder -> spans, read in one pass over the selected codings."""
    wanted = set(docs)
    found: dict[CodeId, dict[DocumentId, dict[CoderId, list[tuple[int, int]]]]] = {}
    where = coding_where(project, selection, documents="left out")
    rows = project.conn.execute(
        f'SELECT c.code_id, c.document_id, c.coder_id, c.start, c."end" FROM codings c'
        f"{where.sql()}",
        where.params,
    )
    for code_id, document_id, coder_id, start, end in rows:
        if document_id in wanted:
            by_document = found.setdefault(code_id, {}).setdefault(document_id, {})
            by_document.setdefault(coder_id, []).append((start, end))
    return found


def _with_quotes(project: Project, found: list[Disagreement]) -> list[Disagreement]:
    """Fill in each stretch's text, reading each document once and holding one at a time."""
    quoted = list(found)
    order = sorted(range(len(found)), key=lambda i: found[i].document_id)
    current, text = None, ""
    for index in order:
        item = found[index]
        if item.document_id != current:
            current = item.document_id
            row = project.conn.execute(
                "SELECT text FROM documents WHERE id = ?", (current,)
            ).fetchone()
            text = row[0] if row else ""
        end = min(item.end, item.start + QUOTE_LENGTH)
        quoted[index] = replace(item, quote=text[item.start : end])
    return quoted
