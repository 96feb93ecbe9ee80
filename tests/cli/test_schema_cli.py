"""Issue 18 from the command line: damaged or hostile schemas give one-line messages and
`check --repair`; `new` with ANNOTATOR_PASSPHRASE encrypts or refuses (finding 14)."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.cli import main
from annotator.cli.passphrase import PASSPHRASE_VARIABLE
from annotator.core import cipher_driver, errors, file_header
from annotator.core.project import open_project
from tests.core.tampering import (
    BLOB_TITLE,
    DELETING_TRIGGER,
    DROPPED_COLUMN,
    DROPPED_FULL_TEXT,
    RAISING_TRIGGER,
    coded_project,
    count,
    tamper,
)

CODE_AGAIN = ("--code", "Drones and aerial surveillance", "--document", "A", "--quote", "Drones")


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def coded(tmp_path: Path) -> Path:
    return coded_project(tmp_path / "P.annotator")


def test_check_names_a_trigger_that_deletes_codings_and_code_refuses(
    coded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tamper(coded, DELETING_TRIGGER)
    code, out, _ = run(capsys, "check", coded)
    assert code == 1 and "PROBLEMS FOUND" in out
    assert "schema: trigger x on codings (not written by Annotator)" in out
    assert "check --repair" in out
    code, out, err = run(capsys, "code", coded, *CODE_AGAIN, "--coder", "Amina Rasheed")
    assert code == 1 and out == ""
    assert "annotator code: error:" in err and "trigger x" in err and "check --repair" in err
    assert count(coded, "codings") == 1


FINDING_11 = {
    "dropped column, show": (DROPPED_COLUMN, ("show", "{P}", "A"), "column memo missing"),
    "dropped column, code": (
        DROPPED_COLUMN,
        ("code", "{P}", *CODE_AGAIN, "--coder", "Amina Rasheed"),
        "column memo missing",
    ),
    "dropped full-text index, search": (
        DROPPED_FULL_TEXT,
        ("search", "{P}", "villages"),
        "full-text index documents_fts (missing)",
    ),
    "raising trigger on events, code": (
        RAISING_TRIGGER,
        ("code", "{P}", *CODE_AGAIN, "--coder", "Amina Rasheed"),
        "trigger y on events",
    ),
    "blob title, export": (
        BLOB_TITLE,
        ("export", "{P}", "--format", "csv", "-o", "{dir}/out.csv"),
        "documents.title",
    ),
}


@pytest.mark.parametrize("case", sorted(FINDING_11))
def test_a_damaged_project_gives_a_one_line_message_naming_the_damage(
    case: str, coded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    statement, argv, named = FINDING_11[case]
    tamper(coded, statement)
    filled = [a.format(P=coded, dir=coded.parent) for a in argv]
    code, _, err = run(capsys, *filled)  # before issue 18: a traceback (an exception here)
    assert code == 1
    (error,) = [line for line in err.splitlines() if ": error: " in line]
    assert named in error
    assert "Traceback" not in err
    assert count(coded, "codings") == 1


@pytest.mark.parametrize("case", sorted(FINDING_11))
def test_check_repair_makes_each_damaged_project_whole(
    case: str, coded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tamper(coded, FINDING_11[case][0])
    code, out, _ = run(capsys, "check", coded, "--repair")
    assert code == 0, out
    assert out.startswith("Backed up to ") and f"{coded}: OK" in out
    code, _, err = run(capsys, "code", coded, *CODE_AGAIN, "--coder", "Amina Rasheed")
    assert code == 0, err
    assert count(coded, "codings") == 2


def test_an_older_project_with_a_foreign_trigger_is_checked_and_repaired(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = tmp_path / "old.annotator"
    old.write_bytes(
        (Path(__file__).parent.parent / "fixtures" / "schema-v1.annotator").read_bytes()
    )
    tamper(old, DELETING_TRIGGER)
    code, out, _ = run(capsys, "stats", old)
    assert code == 1
    code, out, _ = run(capsys, "check", old)
    assert code == 1 and "schema: trigger x on codings" in out
    code, out, _ = run(capsys, "check", old, "--repair")
    assert code == 0 and f"{old}: OK" in out  # repaired, then upgraded by the check's opening


def test_check_repair_on_a_sound_project_changes_nothing(
    coded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = coded.read_bytes()
    code, out, _ = run(capsys, "check", coded, "--repair", "--json")
    assert code == 0 and '"repair"' not in out
    assert coded.read_bytes() == before


@pytest.mark.skipif(not cipher_driver.available(), reason="needs SQLCipher")
def test_new_with_a_passphrase_in_the_environment_creates_an_encrypted_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Finding 14: it silently created a plain project.
    monkeypatch.setenv(PASSPHRASE_VARIABLE, "border-notes-2024")
    path = tmp_path / "x.annotator"
    code, out, _ = run(capsys, "new", path)
    assert code == 0 and "(encrypted)" in out
    assert path.read_bytes()[:16] != file_header.SQLITE_MAGIC
    with pytest.raises(errors.PassphraseRequired):
        open_project(path)
    code, out, _ = run(capsys, "stats", path)  # the same variable opens it
    assert code == 0 and "codes" in out


def test_new_with_a_passphrase_refuses_where_encryption_is_unavailable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSPHRASE_VARIABLE, "border-notes-2024")
    monkeypatch.setattr(cipher_driver, "_sqlcipher", None)
    path = tmp_path / "x.annotator"
    code, _, err = run(capsys, "new", path)
    assert code == 1
    assert PASSPHRASE_VARIABLE in err and "cannot create encrypted projects" in err
    assert not path.exists()


def test_new_with_a_short_passphrase_refuses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSPHRASE_VARIABLE, "short")
    path = tmp_path / "x.annotator"
    code, _, err = run(capsys, "new", path)
    assert code == 1 and "passphrase is shorter than 8 characters" in err
    assert not path.exists()
