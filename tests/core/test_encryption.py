"""Encrypted projects: passphrases, refusals, conversions, copies and backups."""

from __future__ import annotations

import sqlite3
import unicodedata
from pathlib import Path

import pytest

from annotator.core import (
    backups,
    cipher_driver,
    codebook,
    coders,
    coding,
    documents,
    encryption,
    errors,
    events,
    file_header,
    migrations,
)
from annotator.core.codebook_file import new_project
from annotator.core.migrations import Migration
from annotator.core.project import Project, create_project, open_project, save_copy

PASSPHRASE = "lantern-orchard-1907"
TEXT = "Police installed cameras at the market.\n\nA drone followed the march."


@pytest.fixture(autouse=True)
def no_delay(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record the deliberate delay instead of waiting it out."""
    waits: list[float] = []
    monkeypatch.setattr(cipher_driver.time, "sleep", waits.append)
    return waits


def _fill(project: Project) -> tuple[str, str]:
    coder = coders.add_coder(project, "Leila Haddad")
    document = documents.store_document(
        project, documents.NewDocument(title="Market", text=TEXT), coder_id=coder.id
    )
    code_id = codebook.find_code(project, "CCTV").id
    coding.add_coding(project, document.id, code_id, 0, 6, coder.id, memo="first")
    return document.id, coder.id


def _counts(project: Project) -> tuple[int, int, int]:
    return project.conn.execute(
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM codings), "
        "(SELECT count(*) FROM codes)"
    ).fetchone()


def _starts_plain(path: Path) -> bool:
    return path.read_bytes()[:16] == file_header.SQLITE_MAGIC


def test_an_encrypted_project_opens_only_with_its_passphrase(
    project_path: Path, no_delay: list[float]
) -> None:
    with new_project(project_path, passphrase=PASSPHRASE) as project:
        assert project.encrypted
        _fill(project)
        expected = _counts(project)
    assert not _starts_plain(project_path)
    before = project_path.read_bytes()

    with pytest.raises(errors.PassphraseRequired):
        open_project(project_path)
    with pytest.raises(errors.WrongPassphrase):
        open_project(project_path, passphrase="lantern-orchard-1908")
    assert no_delay == [cipher_driver.WRONG_PASSPHRASE_DELAY]
    assert project_path.read_bytes() == before
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(project_path).execute("SELECT * FROM documents").fetchall()

    with open_project(project_path, passphrase=PASSPHRASE) as project:
        assert project.encrypted
        assert _counts(project) == expected
        assert project.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert project.conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
        assert project.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert no_delay == [cipher_driver.WRONG_PASSPHRASE_DELAY]  # no wait for the right one


def test_the_core_catches_the_bindings_errors_as_sqlite3_ones(project_path: Path) -> None:
    """coding.py catches sqlite3.IntegrityError to report a duplicate coding."""
    with new_project(project_path, passphrase=PASSPHRASE) as project:
        document_id, coder_id = _fill(project)
        code_id = codebook.find_code(project, "CCTV").id
        with pytest.raises(errors.DuplicateCoding):
            coding.add_coding(project, document_id, code_id, 0, 6, coder_id)
        with pytest.raises(sqlite3.OperationalError):
            project.conn.execute("SELECT nothing FROM nowhere")


def test_a_passphrase_typed_with_decomposed_accents_opens_the_same_project(
    project_path: Path,
) -> None:
    composed = unicodedata.normalize("NFC", "clé-du-café-Ωμέγα")
    create_project(project_path, passphrase=composed).close()
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    open_project(project_path, passphrase=decomposed).close()


@pytest.mark.parametrize(
    ("passphrase", "problem"),
    [
        ("", errors.PassphraseProblem.EMPTY),
        ("        ", errors.PassphraseProblem.EMPTY),
        ("tiny", errors.PassphraseProblem.TOO_SHORT),
        ("a\x00bcdefgh", errors.PassphraseProblem.NUL_CHARACTER),
    ],
)
def test_weak_passphrases_are_refused_before_anything_is_written(
    project_path: Path, passphrase: str, problem: errors.PassphraseProblem
) -> None:
    with pytest.raises(errors.InvalidPassphrase) as caught:
        create_project(project_path, passphrase=passphrase)
    assert caught.value.problem is problem
    assert not project_path.exists()
    assert passphrase.strip() == "" or passphrase not in str(caught.value)


def test_a_plain_project_opens_as_it_is_when_given_a_passphrase(project: Project) -> None:
    _fill(project)
    project.close()
    with open_project(project.path, passphrase=PASSPHRASE) as reopened:
        assert not reopened.encrypted
        assert _counts(reopened)[0] == 1


def test_random_bytes_are_not_taken_for_a_project_even_with_a_passphrase(
    tmp_path: Path,
) -> None:
    small = tmp_path / "small.annotator"
    small.write_bytes(b"\x13" * 100)
    with pytest.raises(errors.NotAProject) as caught:
        open_project(small, passphrase=PASSPHRASE)
    assert not isinstance(caught.value, errors.PassphraseRequired)
    pages = tmp_path / "pages.annotator"
    pages.write_bytes(bytes(range(256)) * 32)
    with pytest.raises(errors.WrongPassphrase):
        open_project(pages, passphrase=PASSPHRASE)
    assert pages.read_bytes() == bytes(range(256)) * 32


def test_an_encrypted_database_of_another_application_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.annotator"
    conn = cipher_driver.connect(path, PASSPHRASE, isolation_level=None)
    conn.execute("CREATE TABLE moz_places (url TEXT)")
    conn.close()
    with pytest.raises(errors.ForeignDatabase):
        open_project(path, passphrase=PASSPHRASE)


def test_an_encrypted_project_from_a_newer_version_is_refused(project_path: Path) -> None:
    create_project(project_path, passphrase=PASSPHRASE).close()
    conn = cipher_driver.open_encrypted(project_path, PASSPHRASE, isolation_level=None)
    conn.execute(f"PRAGMA user_version = {migrations.latest_version() + 1}")
    conn.close()
    with pytest.raises(errors.NewerProject):
        open_project(project_path, passphrase=PASSPHRASE)


def test_an_encrypted_project_opens_read_only(project_path: Path) -> None:
    with new_project(project_path, passphrase=PASSPHRASE) as project:
        _fill(project)
    with open_project(project_path, read_only=True, passphrase=PASSPHRASE) as project:
        assert project.read_only and project.encrypted
        assert _counts(project)[0] == 1
        with pytest.raises(errors.ProjectUnwritable):
            codebook.create_code(project, "Spyware")


def test_migrating_an_encrypted_project_leaves_an_encrypted_copy(
    project_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with new_project(project_path, passphrase=PASSPHRASE) as project:
        _fill(project)

    def add_column(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE codes ADD COLUMN weight INTEGER NOT NULL DEFAULT 1")

    current = migrations.latest_version()
    monkeypatch.setattr(
        migrations,
        "MIGRATIONS",
        [*migrations.MIGRATIONS, Migration(current + 1, "weights", add_column)],
    )
    with open_project(project_path, passphrase=PASSPHRASE) as project:
        assert project.conn.execute("PRAGMA user_version").fetchone()[0] == current + 1
    (copy,) = project_path.parent.glob(f"study.schema-v{current}-backup-*.annotator")
    assert not _starts_plain(copy)
    conn = cipher_driver.open_encrypted(copy, PASSPHRASE)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    conn.close()


def test_save_copy_of_an_encrypted_project_stays_encrypted(
    project_path: Path, tmp_path: Path
) -> None:
    with new_project(project_path, passphrase=PASSPHRASE) as project:
        _fill(project)
        copy = save_copy(project, tmp_path / "copy.annotator")
    assert not _starts_plain(copy)
    with open_project(copy, passphrase=PASSPHRASE) as reopened:
        assert _counts(reopened)[:2] == (1, 1)


@pytest.mark.parametrize("source_passphrase", [None, PASSPHRASE])
def test_save_copy_with_a_passphrase_encrypts_the_copy_with_it(
    project_path: Path, tmp_path: Path, source_passphrase: str | None
) -> None:
    with new_project(project_path, passphrase=source_passphrase) as project:
        _fill(project)
        expected = _counts(project)
        copy = save_copy(project, tmp_path / "for-partner.annotator", passphrase="partner-pass-77")
    assert not _starts_plain(copy)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    with pytest.raises(errors.WrongPassphrase):
        open_project(copy, passphrase=PASSPHRASE)
    with open_project(copy, passphrase="partner-pass-77") as reopened:
        assert _counts(reopened) == expected
        assert reopened.conn.execute("PRAGMA application_id").fetchone()[0] == (
            file_header.APPLICATION_ID
        )


def test_encrypt_decrypt_and_change_passphrase_keep_every_row(
    project: Project, coder: coders.Coder
) -> None:
    _fill(project)
    expected = _counts(project)
    path = project.path
    project.close()

    encryption.encrypt_project(path, PASSPHRASE, coder_id=coder.id)
    assert not _starts_plain(path)
    assert not Path(f"{path}-wal").exists()
    with pytest.raises(errors.PassphraseRequired):
        open_project(path)
    with open_project(path, passphrase=PASSPHRASE) as reopened:
        assert _counts(reopened) == expected
        assert events.history(reopened, limit=1)[0].action == "project encrypted"

    encryption.change_passphrase(path, PASSPHRASE, "second-passphrase-2")
    with pytest.raises(errors.WrongPassphrase):
        open_project(path, passphrase=PASSPHRASE)

    encryption.decrypt_project(path, "second-passphrase-2")
    assert _starts_plain(path)
    with open_project(path) as reopened:
        assert _counts(reopened) == expected
        actions = [event.action for event in events.history(reopened, limit=3)]
        assert actions == ["project decrypted", "passphrase changed", "project encrypted"]


def test_converting_an_open_project_is_refused_and_changes_nothing(project: Project) -> None:
    _fill(project)
    before = project.path.read_bytes()
    with pytest.raises(backups.ProjectInUse):
        encryption.encrypt_project(project.path, PASSPHRASE)
    assert project.path.read_bytes() == before
    assert [p.name for p in project.path.parent.iterdir() if ".converting" in p.name] == []


def test_conversions_refuse_the_wrong_kind_of_file(project: Project) -> None:
    project.close()
    with pytest.raises(errors.ProjectFileError) as refused:
        encryption.decrypt_project(project.path, PASSPHRASE)
    assert refused.value.because is errors.ProjectCause.NOT_ENCRYPTED
    encryption.encrypt_project(project.path, PASSPHRASE)
    with pytest.raises(errors.NotAProject):
        encryption.encrypt_project(project.path, PASSPHRASE)
    with pytest.raises(errors.WrongPassphrase):
        encryption.decrypt_project(project.path, "not-the-passphrase")


def test_backups_of_an_encrypted_project_are_encrypted_and_restorable(
    project_path: Path,
) -> None:
    with new_project(project_path, passphrase=PASSPHRASE) as project:
        _fill(project)
        backup = backups.backup_now(project)
        codebook.create_code(project, "Later code")
    assert not _starts_plain(backup.path)
    assert (backup.documents, backup.codings) == (1, 1)
    assert backups.check_backup(backup.path, passphrase=PASSPHRASE) == "ok"
    assert not backups.list_backups(project_path)[0].readable  # not without the passphrase
    (listed,) = backups.list_backups(project_path, passphrase=PASSPHRASE)
    assert listed.readable

    restored = backups.restore_backup(listed, project_path, passphrase=PASSPHRASE)
    assert restored.replaced is not None and not _starts_plain(restored.replaced)
    with open_project(project_path, passphrase=PASSPHRASE) as project:
        assert [c.name for c in codebook.list_codes(project) if c.name == "Later code"] == []


def test_plain_copies_made_before_encryption_are_listed(project: Project) -> None:
    _fill(project)
    plain_backup = backups.backup_now(project)
    path = project.path
    project.close()
    encryption.encrypt_project(path, PASSPHRASE)
    with open_project(path, passphrase=PASSPHRASE) as reopened:
        codebook.create_code(reopened, "After encryption")
        backups.backup_now(reopened)
    assert encryption.plain_copies(path) == [plain_backup.path]
