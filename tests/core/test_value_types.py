"""Stored values of the wrong type (issue 18, finding 11): `check` finds every one with
its table, column and row count; the readers that list and export stored text refuse
one by name instead of failing later with a TypeError."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core import codebook, documents, errors
from annotator.core.exports.formats import write_export
from annotator.core.project import open_project
from annotator.core.value_types import TypeDamage, stored_type, type_damage
from tests.core.tampering import BLOB_TITLE, coded_project, tamper


@pytest.fixture
def coded(tmp_path: Path) -> Path:
    return coded_project(tmp_path / "P.annotator")


@pytest.mark.parametrize(
    ("declared", "stored"),
    [("TEXT", "text"), ("INTEGER", "integer"), ("BLOB", "blob"), ("REAL", "real"), ("", None)],
)
def test_declared_types_follow_sqlites_affinity_rules(declared: str, stored: str | None) -> None:
    assert stored_type(declared) == stored


def test_every_wrongly_typed_column_is_counted(coded: Path) -> None:
    with open_project(coded) as project:
        assert type_damage(project.conn) == []
    tamper(
        coded,
        BLOB_TITLE,
        "UPDATE codes SET position = 'first' WHERE rowid <= 3",
        "UPDATE coders SET created_at = x'00ff'",
    )
    with open_project(coded, read_only=True) as project:
        assert type_damage(project.conn) == [
            TypeDamage("coders", "created_at", "text", 1),
            TypeDamage("documents", "title", "text", 1),
            TypeDamage("codes", "position", "integer", 3),
        ]


def test_listing_documents_refuses_a_blob_title_by_name(coded: Path) -> None:
    tamper(coded, BLOB_TITLE)
    with open_project(coded) as project:
        with pytest.raises(errors.DamagedValue) as refused:
            documents.list_documents(project)
        assert (refused.value.table, refused.value.column) == ("documents", "title")
        document_id = project.conn.execute("SELECT id FROM documents").fetchone()[0]
        with pytest.raises(errors.DamagedValue):
            documents.get_document(project, document_id)


def test_an_export_refuses_a_blob_title_and_writes_nothing(coded: Path) -> None:
    tamper(coded, BLOB_TITLE)
    target = coded.parent / "out.csv"
    with open_project(coded) as project, pytest.raises(errors.DamagedValue):
        write_export(project, "csv", target)
    assert not target.exists()


def test_listing_codes_refuses_a_blob_name(coded: Path) -> None:
    tamper(coded, "UPDATE codes SET name = CAST(name AS BLOB) WHERE name = 'CCTV'")
    with open_project(coded) as project, pytest.raises(errors.DamagedValue) as refused:
        codebook.list_codes(project)
    assert refused.value.column == "name"
