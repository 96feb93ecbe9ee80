"""Every question of "which codings" goes through the one Selection and its one builder.

Three proofs: a criterion that only `core.selection` knows how to read (memo words,
or a date range for a search) reaches every caller; no core function takes filters
of its own; no module outside `core.selection` writes the filter SQL or keeps the old
helpers. Issue 21's attributes and sets then reach every caller the same way.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import pytest

import annotator
import annotator.core
from annotator.cli import build_parser
from annotator.core import autocode, coding, excerpts, overviews, search
from annotator.core.exchange.agreement import agreement
from annotator.core.exports.rows import ExportContext
from annotator.core.exports.selection import (
    GroupBy,
    SelectionCount,
    coder_names,
    codings_per_code,
    count,
)
from annotator.core.project import Project
from annotator.core.selection import Selection
from tests.core.test_selection import Study, build_study

BYLINE = Selection(memo_contains="BYLINE")  # a2 (CCTV, Amina, Lusaka), b2 (CCTV, Jorge, Amman)


@pytest.fixture
def study(empty_project: Project) -> Study:
    built = build_study(empty_project)
    ids = built.ids
    # Face over b2's span [20, 24) in Amman, without a memo: it overlaps only unfiltered
    change = coding.add_coding(empty_project, ids["amman"], ids["face"], 20, 24, ids["amina"])
    built.quotes[next(iter(change.codings))] = "b3"
    return built


def test_memo_words_reach_excerpts_and_their_count(study: Study) -> None:
    found = excerpts.excerpts(study.project, BYLINE)
    assert {study.quotes[e.coding_id] for e in found} == {"a2", "b2"}
    assert excerpts.count_excerpts(study.project, BYLINE) == 2


def test_memo_words_reach_every_export(study: Study) -> None:
    project = study.project
    assert count(project, BYLINE) == SelectionCount(codings=2, documents=2, codes=1)
    assert codings_per_code(project, BYLINE) == {study.ids["cctv"]: 2}
    assert coder_names(project, BYLINE) == ["Amina", "Jorge"]
    for group_by in GroupBy:
        rows = ExportContext(project, BYLINE).rows(group_by)
        assert {study.quotes[r.coding_id] for r in rows} == {"a2", "b2"}


def test_memo_words_reach_the_overviews(study: Study) -> None:
    project, ids = study.project, study.ids
    frequencies = {f.code.id: f for f in overviews.frequencies(project, BYLINE)}
    assert frequencies[ids["cctv"]].codings == 2
    assert frequencies[ids["video"]].codings_with_subcodes == 2
    assert frequencies[ids["face"]].codings == 0
    matrix = overviews.code_document_matrix(project, BYLINE)
    assert sum(map(sum, matrix.counts)) == 2
    assert overviews.cooccurrence(project).count(ids["face"], ids["cctv"]) == 1
    assert overviews.cooccurrence(project, BYLINE).count(ids["face"], ids["cctv"]) == 0


def test_memo_words_reach_agreement(study: Study) -> None:
    ids = study.ids
    compared = Selection(coder_ids=(ids["amina"], ids["jorge"]), memo_contains="byline")
    report = agreement(study.project, compared, include_unfinished=True)
    assert [row.code_id for row in report.codes] == [ids["cctv"]]


def test_a_date_range_reaches_the_search_and_auto_coding(study: Study) -> None:
    project, ids = study.project, study.ids
    within = Selection(date_from="2022")
    hits = search.find_all(project, "xxxx", mode="exact", within=within)
    assert {h.document_id for h in hits} == {ids["amman"]}
    passages = autocode.preview(
        project, ids["bio"], "xxxx", ids["amina"], mode="exact", within=within
    )
    assert {p.document_id for p in passages} == {ids["amman"]}
    # a search reads only the criteria on documents: memo words do not narrow the text
    assert len(search.find_all(project, "xxxx", mode="exact", within=BYLINE)) == len(
        search.find_all(project, "xxxx", mode="exact")
    )


# -- no filters of their own ---------------------------------------------------------------

FILTER_PARAMETERS = {
    "code_ids",
    "coder_ids",
    "document_ids",
    "date_from",
    "date_to",
    "with_subcodes",
    "memo_contains",
}
# Parameters of these names that are not a researcher's filter, and why.
NOT_FILTERS = {
    "annotator.core.codebook_edits._codings_of_codes": "the codings a code edit moves",
    "annotator.core.codebook_edits._codes": "the codes a code edit moves",
    "annotator.core.coded_spans.coding_counts_of_documents": "badge counts per listed item",
    "annotator.core.coded_spans.coding_counts_of_codes": "badge counts per listed item",
    "annotator.core.coding.codings_of_document": "the workbench's highlights of one document",
    "annotator.core.exchange.agreement.AgreementReport.__init__": "a report's fields",
    "annotator.core.exchange.agreement.compared_documents": "the coders compared",
    "annotator.core.exchange.qdpx_export._Writer.write_sources": "every document, written",
    "annotator.core.exchange.qdpx_export._Writer.write_project": "every document, written",
    "annotator.core.exports.wording.ReportWording.__init__": "words for the title page",
    "annotator.core.overviews._code_refs": "the rows of an overview",
    "annotator.core.selection.Selection.__init__": "the Selection itself",
}


def _core_functions() -> dict[str, object]:
    found: dict[str, object] = {}
    for info in pkgutil.walk_packages(annotator.core.__path__, "annotator.core."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if getattr(value, "__module__", None) != info.name:
                continue
            if inspect.isfunction(value):
                found[f"{info.name}.{name}"] = value
            elif inspect.isclass(value):
                for method, function in vars(value).items():
                    if inspect.isfunction(function):
                        found[f"{info.name}.{name}.{method}"] = function
    return found


def test_no_core_function_takes_filters_of_its_own() -> None:
    offenders = {
        name
        for name, function in _core_functions().items()
        if FILTER_PARAMETERS & set(inspect.signature(function).parameters)  # type: ignore[arg-type]
    }
    assert offenders - set(NOT_FILTERS) == set(), "take a Selection instead"
    assert set(NOT_FILTERS) - offenders == set(), "a listed exception is gone: drop it"


# -- one builder, and the old helpers gone ---------------------------------------------------

ROOT = Path(annotator.__file__).parent
SELECTION = ROOT / "core" / "selection.py"
OLD_HELPERS = re.compile(
    r"\b(expand_codes|coding_filters|date_filters|_with_descendants|code_filter|_date_bound"
    r"|_ancestors|def _where|def _filters)\b"
)
# the SQL of a selection: a published-date bound, or a coding column read from a JSON list
FILTER_SQL = re.compile(
    r"substr\(\w*\.?published_date|published_date\s*[<>]=?\s*\?"
    r"|(code_id|coder_id|document_id)\s+IN\s+\(SELECT value FROM json_each"
)


def test_no_module_writes_the_filter_sql_or_keeps_the_old_helpers() -> None:
    sources = {p: p.read_text("utf-8") for p in ROOT.rglob("*.py")}
    assert SELECTION in sources
    old = [str(p.relative_to(ROOT)) for p, text in sources.items() if OLD_HELPERS.search(text)]
    assert old == []
    sql = [
        str(p.relative_to(ROOT))
        for p, text in sources.items()
        if p != SELECTION and FILTER_SQL.search(text)
    ]
    assert sql == []
    assert FILTER_SQL.search(sources[SELECTION])  # the check can find what it looks for


# -- every CLI filter option comes from one helper -----------------------------------------

CLI_FILTERS = {"--code", "--coder", "--document", "--from", "--to", "--with-subcodes", "--memo"}
# Options of those names that say what to write, not which codings to read.
CLI_NOT_FILTERS = {
    ("code", "--code"),
    ("code", "--document"),
    ("code", "--coder"),
    ("code", "--memo"),
    ("finish", "--document"),
    ("finish", "--coder"),
    ("autocode", "--code"),
    ("autocode", "--coder"),
    ("import", "--coder"),
    ("codes", "--coder"),  # with --import: who imports
}


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_cli_filter_option_is_added_by_the_one_helper() -> None:
    stray, exceptions = [], set()
    for command, sub in _subcommands().items():
        through_helper = sub.get_default("filter_options") or frozenset()
        for action in sub._actions:
            for option in set(action.option_strings) & CLI_FILTERS:
                if (command, option) in CLI_NOT_FILTERS:
                    exceptions.add((command, option))
                elif action.dest not in through_helper:
                    stray.append(f"{command} {option}")
    assert stray == []
    assert exceptions == CLI_NOT_FILTERS  # a listed exception that is gone is dropped
