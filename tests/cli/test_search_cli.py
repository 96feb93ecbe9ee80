"""`search`, `autocode`, `excerpts` and `report` from the command line."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core import codebook, coders, coding, documents, events, patterns
from annotator.core.project import open_project
from annotator.core.resources import resource_path

BORDER = (
    "Thermal cameras watch the fence at night. The thermal feed goes to a control room.\n\n"
    "A guard said the cameras never sleep."
)
MARKET = "Cameras at the market film every face; reporters saw it."


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def study(tmp_path: Path) -> Path:
    path = tmp_path / "study.annotator"
    assert main(["new", str(path)]) == 0
    with open_project(path) as project:
        for title, text, date in (
            ("Border", BORDER, "2022-06-30"),
            ("Market", MARKET, "2021-03-05"),
        ):
            documents.store_document(
                project,
                documents.NewDocument(title=title, text=text, provenance={"published_date": date}),
            )
    return path


@pytest.fixture
def samples(tmp_path: Path) -> Path:
    """The shipped sample articles (.txt), stored as they are."""
    path = tmp_path / "samples.annotator"
    assert main(["new", str(path)]) == 0
    with open_project(path) as project:
        for file in sorted(resource_path("samples").glob("*.txt")):
            documents.store_document(
                project, documents.NewDocument(title=file.stem, text=file.read_text("utf-8"))
            )
    return path


def test_search_prints_each_match_with_its_place(
    study: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "search", study, "cameras")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "3 match(es) in 2 document(s)"
    assert lines[1].startswith("Market (2021-03-05) [0-7]: …«Cameras» at the market")  # by date
    assert "Border (2022-06-30) [8-15]: …Thermal «cameras» watch the fence at night." in lines[2]


def test_search_json_positions_slice_the_text(
    study: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(capsys, "search", study, '"thermal feed" OR market', "--json")
    data = json.loads(out)
    assert (data["index"], data["documents"], data["complete"]) == ("words", 2, True)
    with open_project(study) as project:
        for hit in data["hits"]:
            text = documents.get_document(project, hit["document_id"]).text
            assert text[hit["start"] : hit["end"]] == hit["text"]
    assert sorted(h["text"] for h in data["hits"]) == ["market", "thermal feed"]


def test_search_every_facial_recognition_in_the_sample_articles(
    samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    by_hand = 0
    for file in resource_path("samples").glob("*.txt"):
        by_hand += len(re.findall(r"facial[\s-]+recognition", file.read_text("utf-8"), re.I))
    _, out, _ = run(capsys, "search", samples, '"facial recognition"', "--json")
    data = json.loads(out)
    assert by_hand > 5
    assert len(data["hits"]) == by_hand
    assert all(re.fullmatch(r"facial[\s-]+recognition", h["text"], re.I) for h in data["hits"])
    titles = {h["document_title"][:2] for h in data["hits"]}
    assert titles == {"01", "05", "07", "09"}  # as the samples' README says
    # Unquoted, both words must be in the document; each is found, side by side as one.
    _, out, _ = run(capsys, "search", samples, "facial recognition", "--json")
    unquoted = [h["text"].lower() for h in json.loads(out)["hits"]]
    assert sum(1 for t in unquoted if t.startswith("facial")) == by_hand
    assert set(unquoted) <= {"facial recognition", "facial", "recognition"}


@pytest.mark.parametrize(
    ("argv", "problem"),
    [
        (['"facial recognition'], "quote is never closed"),
        (["police AND"], "ends where a word"),
        (["(police", "--regex"], "not a valid pattern"),
    ],
)
def test_bad_query_is_one_line_and_exit_1(
    study: Path, capsys: pytest.CaptureFixture[str], argv: list[str], problem: str
) -> None:
    code, out, err = run(capsys, "search", study, *argv)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("annotator search: error:")
    assert problem in err


def test_search_limit_and_exact(study: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "search", study, "the", "--limit", "2")
    assert out.splitlines()[0] == "2 match(es) shown in 2 document(s)"
    _, out, _ = run(capsys, "search", study, "at night.", "--exact", "--json")
    assert [h["text"] for h in json.loads(out)["hits"]] == ["at night."]


@pytest.mark.parametrize("command", ["search", "excerpts"])
@pytest.mark.parametrize("limit", ["-1", "0", "two"])
def test_a_limit_below_one_is_a_usage_error(
    study: Path, capsys: pytest.CaptureFixture[str], command: str, limit: str
) -> None:
    # `search --limit -1` used to say "0 match(es) shown" and exit 0 (issue 18)
    query = ["cameras"] if command == "search" else []
    with pytest.raises(SystemExit) as exited:
        main([command, str(study), *query, "--limit", limit])
    out, err = capsys.readouterr()
    assert exited.value.code == 2 and out == ""
    assert f"annotator {command}: error: argument --limit:" in err.splitlines()[-1]


def test_a_limit_beyond_any_document_is_a_usage_error_not_a_traceback(
    study: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    huge = "9" * 30
    for command in (["search", study, "cameras"], ["excerpts", study]):
        with pytest.raises(SystemExit) as stop:
            run(capsys, *command, "--limit", huge)
        assert stop.value.code == 2
        assert "--limit: " in capsys.readouterr().err


def test_a_regex_too_slow_is_stopped_with_one_line(
    study: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(patterns, "TIME_LIMIT", 0.2)
    with open_project(study) as project:
        documents.store_document(project, documents.NewDocument(title="A", text="a" * 40 + "!"))
    code, out, _ = run(capsys, "search", study, "(a+)+$", "--regex", "--limit", "2")
    assert code == 0 and out.startswith("0 match(es)")  # the pattern: at once
    code, out, err = run(capsys, "search", study, "(a|aa)+$", "--regex", "--limit", "2")
    assert code == 1 and out == ""
    assert err == (
        "annotator search: error: the regular expression '(a|aa)+$' was stopped after 0.2 s "
        "on one text; simplify it (nested repeats such as (a+)+ can run for ever)\n"
    )


def test_autocode_dry_run_changes_nothing(study: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "autocode", study, "--code", "CCTV", "--query", "cameras",
        "--coder", "Amina", "--dry-run",
    )  # fmt: skip
    assert code == 0
    assert out.splitlines()[-1] == (
        "Would code 3 passage(s) as Video surveillance/CCTV; nothing was changed"
    )
    with open_project(study) as project:
        assert project.conn.execute("SELECT count(*) FROM codings").fetchone()[0] == 0


def test_autocode_codes_exactly_the_previewed_passages(
    study: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["autocode", study, "--code", "CCTV", "--pattern", r"thermal \w+", "--scope",
            "sentence", "--coder", "Amina"]  # fmt: skip
    _, out, _ = run(capsys, *args, "--dry-run", "--json")
    preview = json.loads(out)["passages"]
    code, out, _ = run(capsys, *args, "--json")
    assert code == 0
    result = json.loads(out)
    assert result["coded"] == 2
    with open_project(study) as project:
        stored = project.conn.execute('SELECT document_id, start, "end", quote FROM codings')
        assert sorted(stored) == sorted(
            (p["document_id"], p["start"], p["end"], p["text"]) for p in preview
        )
        assert [p["text"] for p in preview] == [
            "Thermal cameras watch the fence at night.",
            "The thermal feed goes to a control room.",
        ]
        assert events.history(project, action="auto-coded")[0].details["added"] == 2
    _, out, _ = run(capsys, *args)  # again: everything is coded already
    assert out.splitlines()[-1] == (
        "Coded 0 passage(s) as Video surveillance/CCTV for Amina "
        "(2 already coded, left as they were)"
    )


def test_autocode_needs_a_pattern_or_a_query(
    study: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main(["autocode", str(study), "--code", "CCTV"])
    code, _, err = run(capsys, "autocode", study, "--code", "Nope", "--query", "x", "--coder", "A")
    assert code == 1 and "no code 'Nope'" in err


@pytest.fixture
def coded_study(study: Path) -> Path:
    with open_project(study) as project:
        amina = coders.add_coder(project, "Amina")
        border = documents.find_document(project, "Border")
        market = documents.find_document(project, "Market")
        cctv = codebook.find_code(project, "CCTV").id
        thermal = codebook.find_code(project, "Electronic border monitoring").id
        journalists = codebook.find_code(project, "Journalists").id
        coding.add_coding(project, border.id, cctv, 0, 15, amina.id)  # Thermal cameras
        coding.add_coding(project, border.id, thermal, 0, 41, amina.id, memo="night watch")
        coding.add_coding(project, market.id, cctv, 0, 7, amina.id)  # Cameras
        coding.add_coding(project, market.id, journalists, 39, 48, amina.id)  # reporters
    return study


def test_excerpts_and_of_two_codes(coded_study: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(
        capsys, "excerpts", coded_study, "--code", "CCTV", "--code",
        "Electronic border monitoring", "--match", "all", "--json",
    )  # fmt: skip
    found = json.loads(out)
    assert [(e["code_name"], e["quote"]) for e in found] == [
        ("CCTV", "Thermal cameras"),
        ("Electronic border monitoring", "Thermal cameras watch the fence at night."),
    ]
    code, _, err = run(capsys, "excerpts", coded_study, "--code", "CCTV", "--match", "all")
    assert code == 1 and "at least two --code" in err


def test_excerpts_filters_and_context(
    coded_study: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(capsys, "excerpts", coded_study, "--code", "CCTV", "--to", "2021")
    lines = out.splitlines()
    assert lines[0] == (
        "Market (2021-03-05) [0-7]: …«Cameras» at the market film every face; reporters saw it.…"
    )
    assert lines[1] == "    CCTV · Amina"
    assert lines[-1] == "1 excerpt(s)"
    _, out, _ = run(capsys, "excerpts", coded_study, "--memo", "NIGHT", "--json")
    assert [e["memo"] for e in json.loads(out)] == ["night watch"]
    code, _, err = run(capsys, "excerpts", coded_study, "--from", "June 2022")
    assert code == 1 and "YYYY-MM-DD" in err


def test_report_frequencies_agree_with_the_codings(
    coded_study: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(capsys, "report", coded_study, "--frequencies", "--json")
    rows = {r["code"]["path"]: r for r in json.loads(out)}
    assert (
        rows["Video surveillance/CCTV"]["codings"],
        rows["Video surveillance/CCTV"]["documents"],
    ) == (2, 2)
    assert rows["Video surveillance"]["codings_with_subcodes"] == 2
    _, out, _ = run(capsys, "report", coded_study, "--frequencies", "--code", "CCTV")
    header, row = out.splitlines()
    assert header.startswith("code                     codings  documents  codings with")
    assert row.split() == ["Video", "surveillance/CCTV", "2", "2", "2", "2"]
    assert len(header) == len(row)  # numbers right-aligned under their headings


def test_report_matrix_to_csv(
    coded_study: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "matrix.csv"
    code, out, _ = run(
        capsys, "report", coded_study, "--matrix", "--code", "CCTV", "--code", "Journalists",
        "--csv", target,
    )  # fmt: skip
    assert code == 0 and out.splitlines()[-1] == f"Wrote {target}"
    with target.open(encoding="utf-8-sig", newline="") as handle:
        assert list(csv.reader(handle)) == [
            ["code", "Market", "Border"],
            ["Video surveillance/CCTV", "1", "1"],
            ["Targets and affected groups/Journalists", "1", "0"],
        ]


def test_report_cooccurrence(coded_study: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(
        capsys, "report", coded_study, "--cooccurrence", "--code", "CCTV", "--code",
        "Electronic border monitoring", "--json",
    )  # fmt: skip
    data = json.loads(out)
    assert data["counts"] == [[0, 1], [1, 0]]
    code, _, err = run(capsys, "report", coded_study, "--matrix", "--csv", "/no/such/dir/x.csv")
    assert code == 1 and "x.csv" in err
