"""Codebooks as JSON files: the default surveillance-methods codebook ships as one.

Format: `{"name": ..., "description": ..., "codes": [{"name", "color", "definition",
"children": [...]}, ...]}`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from annotator.core import codebook, errors, events, names
from annotator.core.codebook import Code
from annotator.core.ids import CodeId, CoderId, new_id, utc_now
from annotator.core.project import Project, create_project
from annotator.core.resources import resource_path

DEFAULT_CODEBOOK = ("codebooks", "surveillance-methods.json")


def default_codebook_path() -> Path:
    return resource_path(*DEFAULT_CODEBOOK)


def read_codebook(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise errors.InvalidValue(
            errors.ValueProblem.BAD_CODEBOOK_FILE, str(path), detail=str(exc)
        ) from exc
    if not isinstance(data, dict) or not isinstance(data.get("codes"), list):
        raise errors.InvalidValue(errors.ValueProblem.BAD_CODEBOOK_FILE, str(path))
    return data


def load_codebook(
    project: Project, path: Path | None = None, *, coder_id: CoderId | None = None
) -> int:
    """Add every code of a codebook file to the project in one transaction; returns count."""
    path = path or default_codebook_path()
    data = read_codebook(path)
    rows: list[Code] = []
    seen: set[str] = set()
    now = utc_now()

    def walk(entries: list[Any], parent_id: CodeId | None) -> None:
        for position, entry in enumerate(entries):
            name = codebook.check_name(project, str(entry.get("name", "")))
            if names.name_key(name) in seen:
                raise errors.DuplicateCodeName(name)
            seen.add(names.name_key(name))
            code = Code(
                id=CodeId(new_id()),
                parent_id=CodeId(parent_id) if parent_id else None,
                name=name,
                color=codebook.check_color(str(entry.get("color", codebook.DEFAULT_COLOR))),
                definition=str(entry.get("definition", "")).strip(),
                shortcut="",
                position=position,
                memo="",
                created_at=now,
            )
            rows.append(code)
            walk(entry.get("children") or [], code.id)

    walk(data["codes"], None)
    with project.transaction() as conn:
        codebook.insert_code_rows(conn, rows)
        events.record(conn, "codebook loaded", coder_id, file=path.name, codes=len(rows))
    return len(rows)


def new_project(
    path: Path | str, *, empty: bool = False, name: str = "", passphrase: str | None = None
) -> Project:
    """Create a project, starting from the default codebook unless `empty`.

    With a passphrase the project is encrypted.
    """
    project = create_project(path, name=name, passphrase=passphrase)
    if not empty:
        try:
            load_codebook(project)
        except BaseException:
            project.close()
            Path(path).unlink(missing_ok=True)
            raise
    return project
