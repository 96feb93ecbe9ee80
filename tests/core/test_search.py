"""Full-text search: the query syntax, scripts without spaces, positions and context."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core import documents, search, search_syntax
from annotator.core.project import Project, open_project
from annotator.core.search_syntax import SearchProblem as Problem
from annotator.core.search_syntax import SearchSyntaxError
from annotator.core.selection import Selection

# Our own invented texts. 📷 sits before the matches so UTF-16 and code points differ.
TEXTS = {
    "lusaka": (
        "2021-09-14",
        "📷 Police switched on facial recognition at 300 junctions.\n\n"
        "The vendor, 天眼视觉科技, installed the servers. Facial-recognition chips "
        "were fitted to 40 cameras. Critics say FACIAL   recognition has no legal basis.",
    ),
    "joburg": (
        "2023-03-02",
        "Licence-plate readers log every car. The licence plate database is shared "
        "with the police and with a private company.",
    ),
    "vilnius": (
        "2022-06-30",
        "Thermal cameras watch the border. Café owners in Druskininkai saw the sensors; "
        "the police said nothing about recognition software.",
    ),
    "amman": (
        "2022-01-10",
        "نشرت الصحيفة تقريرا عن والكاميرات في الشوارع. Journalists' phones were infected "
        "with spyware 👁️ and the police denied it.",
    ),
    "beijing": ("2020-05-05", "记者说监控摄像头无处不在。"),
}


@pytest.fixture
def docs(project: Project) -> dict[str, str]:
    ids = {}
    for title, (date, text) in TEXTS.items():
        stored = documents.store_document(
            project,
            documents.NewDocument(title=title, text=text, provenance={"published_date": date}),
        )
        ids[title] = stored.id
    return ids


def titles(project: Project, query: str, **options: object) -> set[str]:
    return {h.document_title for h in search.find_all(project, query, **options)}


def found(project: Project, query: str, **options: object) -> list[str]:
    return [h.text for h in search.find_all(project, query, **options)]


def test_hits_are_code_point_offsets_into_the_text(project: Project, docs: dict[str, str]) -> None:
    for hit in search.find_all(project, "recognition OR 天眼视觉 OR spyware"):
        text = documents.get_document(project, hit.document_id).text
        assert text[hit.start : hit.end] == hit.text
    first = search.find_all(project, "police", within=Selection(document_ids=[docs["lusaka"]]))[0]
    assert (first.start, first.end) == (2, 8)  # after the emoji, which UTF-16 counts twice


def test_phrase_finds_every_occurrence_whatever_the_case_and_spacing(
    project: Project, docs: dict[str, str]
) -> None:
    assert found(project, '"facial recognition"') == [
        "facial recognition",
        "Facial-recognition",
        "FACIAL   recognition",
    ]


def test_adjacent_words_of_an_unquoted_query_are_one_hit(
    project: Project, docs: dict[str, str]
) -> None:
    hits = search.find_all(project, "facial recognition")
    assert [(h.document_title, h.text) for h in hits][:3] == [
        ("lusaka", "facial recognition"),
        ("lusaka", "Facial-recognition"),
        ("lusaka", "FACIAL   recognition"),
    ]
    # both words must occur: vilnius has "recognition" but not "facial"
    assert {h.document_title for h in hits} == {"lusaka"}


def test_the_same_word_twice_in_a_row_is_two_hits(project: Project) -> None:
    documents.store_document(
        project, documents.NewDocument(title="echo", text="Camera camera, facial recognition")
    )
    assert found(project, "camera") == ["Camera", "camera"]
    assert found(project, "camera OR facial OR recognition") == [
        "Camera",
        "camera",
        "facial recognition",
    ]


def test_hyphenated_word_is_a_phrase_not_a_not(project: Project, docs: dict[str, str]) -> None:
    assert found(project, "licence-plate") == ["Licence-plate", "licence plate"]
    assert titles(project, "plate") == {"joburg"}  # `-plate` did not exclude it


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("police AND spyware", {"amman"}),
        ("police spyware", {"amman"}),
        ("spyware OR thermal", {"amman", "vilnius"}),
        ("police NOT spyware", {"lusaka", "joburg", "vilnius"}),
        ("police AND NOT (spyware OR cameras)", {"joburg"}),
        ("(thermal OR licence) police", {"vilnius", "joburg"}),
        ("recogn*", {"lusaka", "vilnius"}),
        ('"facial recog"*', {"lusaka"}),
        ("cafe", {"vilnius"}),  # accents folded
        ("DRUSKININKAI", {"vilnius"}),
    ],
)
def test_operators_prefixes_and_folding(
    project: Project, docs: dict[str, str], query: str, expected: set[str]
) -> None:
    assert titles(project, query) == expected


def test_lower_case_operators_are_words(project: Project, docs: dict[str, str]) -> None:
    # "or" is not in the vilnius text, so it is not "thermal OR spyware"
    assert titles(project, "thermal or spyware") == set()
    assert titles(project, "police and private") == {"joburg"}


@pytest.mark.parametrize(
    "query",
    [
        "text:police",
        "title:lusaka",
        "{title}: police",
        "NEAR(police spyware)",
        "police^",
        "^police",
        "-police",
        "police + spyware",
        "a:b:c",
    ],
)
def test_fts_syntax_typed_by_a_user_is_plain_text(
    project: Project, docs: dict[str, str], query: str
) -> None:
    search.find_all(project, query)  # no column filter, no crash


def test_column_filter_text_is_searched_as_words(project: Project, docs: dict[str, str]) -> None:
    assert titles(project, "text:police") == set()  # no document has "text" and "police"
    assert titles(project, "the:border") == {"vilnius"}  # the phrase "the border"


@pytest.mark.parametrize(
    ("query", "position", "problem"),
    [
        ('"facial recognition', 0, Problem.UNCLOSED_QUOTE),
        ('police "facial', 7, Problem.UNCLOSED_QUOTE),
        ("police OR", 9, Problem.ENDS_EARLY),
        ("NOT police", 0, Problem.NOT_ALONE),
        ("police AND OR spyware", 11, Problem.OPERATOR_ALONE),
        ("(police OR spyware", 0, Problem.UNCLOSED_BRACKET),
        ("police)", 6, Problem.UNOPENED_BRACKET),
        ("()", 1, Problem.EMPTY_BRACKETS),
        ('""', 0, Problem.EMPTY_QUOTES),
        ("*", 0, Problem.LONE_STAR),
        ("   ", 0, Problem.NOTHING),
    ],
)
def test_invalid_syntax_is_a_typed_error_with_its_position(
    project: Project, docs: dict[str, str], query: str, position: int, problem: Problem
) -> None:
    with pytest.raises(SearchSyntaxError) as raised:
        search.search(project, query)
    assert raised.value.position == position
    assert raised.value.problem is problem
    assert raised.value.query == query
    if problem is Problem.OPERATOR_ALONE:
        assert raised.value.operator == "OR"


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from('ab "()*-:^+{}NOTANDR天\u0301 '), max_size=14))
def test_any_typed_query_searches_or_explains(project: Project, query: str) -> None:
    try:
        search.find_all(project, query)
    except SearchSyntaxError:
        pass
    except sqlite3.Error as exc:  # pragma: no cover - the failure this test looks for
        pytest.fail(f"{query!r} reached SQLite unescaped: {exc}")


def test_cjk_word_inside_a_sentence_is_found(project: Project, docs: dict[str, str]) -> None:
    results = search.search(project, "天眼视觉")
    assert results.index == "substrings"
    assert [h.text for h in results.all_hits()] == ["天眼视觉"]
    two_characters = search.search(project, "监控")  # shorter than a trigram
    assert two_characters.index == "scan"
    [hit] = two_characters.all_hits()
    assert (hit.document_title, hit.before, hit.text, hit.after) == (
        "beijing",
        "记者说",
        "监控",
        "摄像头无处不在。",
    )


def test_arabic_word_with_attached_article_falls_back_to_substrings(
    project: Project, docs: dict[str, str]
) -> None:
    results = search.search(project, "كاميرات")
    assert results.index == "substrings"  # the word index knows only "والكاميرات"
    [hit] = results.all_hits()
    text = documents.get_document(project, hit.document_id).text
    assert text[hit.start - 3 : hit.end] == "والكاميرات"


def test_whole_word_found_by_the_word_index_does_not_fall_back(
    project: Project, docs: dict[str, str]
) -> None:
    assert search.search(project, "الشوارع").index == "words"
    assert search.search(project, "recognit").index == "substrings"  # inside words
    assert search.search(project, "zz").index == "words"  # too short to fall back
    assert search.search(project, "zz").all_hits() == []


def test_punctuation_and_emoji_are_found_as_substrings(
    project: Project, docs: dict[str, str]
) -> None:
    assert titles(project, "👁️") == {"amman"}
    assert found(project, "'") == ["'"]


def test_exact_mode_is_literal_including_punctuation(
    project: Project, docs: dict[str, str]
) -> None:
    assert found(project, "licence plate", mode="exact") == ["licence plate"]
    assert found(project, "Licence-Plate", mode="exact") == ["Licence-plate"]
    assert found(project, "Licence-Plate", mode="exact", case_sensitive=True) == []
    assert found(project, "AND", mode="exact", case_sensitive=True) == []
    assert titles(project, "40", mode="exact") == {"lusaka"}
    assert found(project, "NOT (", mode="exact") == []  # operators mean nothing here


def test_regex_mode(project: Project, docs: dict[str, str]) -> None:
    assert found(project, r"\d{3} junctions", mode="regex") == ["300 junctions"]
    assert found(project, r"^The \w+", mode="regex") == ["The vendor"]  # line starts
    assert found(project, r"x*", mode="regex") == []  # empty matches are not hits
    results = search.search(project, "spyware", mode="regex")
    assert results.document_count is None  # unknown until every text was read
    results.all_hits()
    assert results.document_count == 1


@pytest.mark.parametrize(("pattern", "position"), [("(police", 7), ("police[", 7), ("a{2,1}", 2)])
def test_invalid_regex_is_a_typed_error(
    project: Project, docs: dict[str, str], pattern: str, position: int
) -> None:
    with pytest.raises(SearchSyntaxError) as raised:
        search.search(project, pattern, mode="regex")
    assert raised.value.position == position
    assert raised.value.problem is Problem.INVALID_PATTERN and raised.value.detail


def test_search_within_some_documents(project: Project, docs: dict[str, str]) -> None:
    wanted = [docs["joburg"], docs["amman"]]
    assert titles(project, "police", within=Selection(document_ids=wanted)) == {"joburg", "amman"}
    assert titles(project, "police", mode="regex", within=Selection(document_ids=wanted)) == {
        "joburg",
        "amman",
    }
    assert titles(project, "police", within=Selection(document_ids=[])) == set()


def test_documents_in_date_order_or_by_relevance(project: Project, docs: dict[str, str]) -> None:
    by_date = [h.document_title for h in search.find_all(project, "police")]
    assert by_date == ["lusaka", "amman", "vilnius", "joburg"]  # 2021, 2022-01, 2022-06, 2023
    ranked = search.find_all(project, "police OR cameras", by_relevance=True)
    # vilnius has both words in a short text; lusaka both in a longer one
    assert [h.document_title for h in ranked] == [
        "vilnius",
        "vilnius",
        "lusaka",
        "lusaka",
        "amman",
        "joburg",
    ]


def test_date_order_follows_edited_dates(project: Project, docs: dict[str, str]) -> None:
    assert search.find_all(project, "police")[0].document_title == "lusaka"
    documents.update_provenance(project, docs["lusaka"], published_date="2030-01-01")
    assert search.find_all(project, "police")[-1].document_title == "lusaka"


def test_date_order_follows_edits_made_by_another_connection(
    project: Project, docs: dict[str, str]
) -> None:
    assert search.find_all(project, "police")[0].document_title == "lusaka"
    with open_project(project.path) as other:  # another window or process
        documents.update_provenance(other, docs["lusaka"], published_date="2030-01-01")
    assert search.find_all(project, "police")[-1].document_title == "lusaka"


def test_hits_come_a_page_at_a_time(project: Project, docs: dict[str, str]) -> None:
    everything = search.find_all(project, "police OR the")
    results = search.search(project, "police OR the")
    assert results.document_count == 4  # all but the Chinese text
    pages = [results.next_hits(3) for _ in range(10)]
    assert [len(p) for p in pages[:2]] == [3, 3]
    assert [h for page in pages for h in page] == everything
    assert results.exhausted


def test_context_is_a_few_whole_words_on_the_same_line(
    project: Project, docs: dict[str, str]
) -> None:
    [hit] = search.find_all(project, "junctions")
    assert hit.before == "📷 Police switched on facial recognition at 300 "
    assert hit.after == "."  # the paragraph ends there
    [chips] = search.find_all(project, "chips")
    # 60 characters back ends inside "The": the broken word is dropped
    assert chips.before == "vendor, 天眼视觉科技, installed the servers. Facial-recognition "
    assert chips.after == " were fitted to 40 cameras. Critics say FACIAL"


def test_deleted_documents_are_not_found(project: Project, docs: dict[str, str]) -> None:
    documents.delete_document(project, docs["amman"])
    assert titles(project, "spyware") == set()
    assert titles(project, "كاميرات") == set()


def test_query_terms_for_the_indexes_are_always_quoted() -> None:
    node = search_syntax.parse('licence-plate text:x ("a b"* OR c) NOT d')
    assert search_syntax.to_fts(node) == (
        '("licence-plate" AND "text:x" AND (("a b"* OR "c") NOT "d"))'
    )


def test_find_in_one_text() -> None:
    text = "Camera, camera! Cameras everywhere; CAMERA."
    assert search.find_in_text(text, "camera") == [(0, 6), (8, 14), (16, 22), (36, 42)]
    assert search.find_in_text(text, "camera", whole_words=True) == [(0, 6), (8, 14), (36, 42)]
    assert search.find_in_text(text, "camera", case_sensitive=True) == [(8, 14)]
    assert search.find_in_text(text, r"cam\w+s", regex=True) == [(16, 23)]
    assert search.find_in_text(text, "") == []
    with pytest.raises(SearchSyntaxError):
        search.find_in_text(text, "[", regex=True)
