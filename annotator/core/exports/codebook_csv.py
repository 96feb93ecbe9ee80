"""The codebook as CSV: written so Taguette (and we) can import it, and imported back.

Columns: `tag` (the code path, `Parent/Child`), `description` (the definition) and
`color` (`#RRGGBB`). Taguette's importer reads `tag` and `description`, ignores
`color`, and refuses a file with more than one of the columns `tag`, `name` and
`path`; it guesses the encoding, so the file starts with a UTF-8 byte-order mark,
which makes the guess certain (and lets Excel open it). Values are written exactly,
without formula neutralising: this file is for other tools, not for a spreadsheet.

Importing merges by path: a code whose path exists gets the file's definition and
colour where the file gives them; a new path is created with any missing parents.
The whole import is one transaction and one undoable Change.
"""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from annotator.core import codebook, errors, events, input_files, names, text_controls
from annotator.core.changes import Change, ChangeKind
from annotator.core.codebook import Code, codebook_tree
from annotator.core.exports.errors import CodebookFileProblem as Problem
from annotator.core.exports.errors import InvalidCodebookFile
from annotator.core.exports.outcome import ExportResult
from annotator.core.exports.selection import exported_codes
from annotator.core.ids import CodeId, CoderId, new_id, utc_now
from annotator.core.input_files import InputProblem, InputRefused
from annotator.core.project import Project
from annotator.core.selection import Selection
from annotator.core.storage.atomic_write import atomic_write

COLUMNS = ("tag", "description", "color")
PATH_COLUMNS = ("tag", "name", "path")  # Taguette accepts any one of these
DESCRIPTION_COLUMNS = ("description", "definition")
COLOR_COLUMNS = ("color", "colour")
MAX_FILE_BYTES = 20_000_000


def write_codebook_csv(
    project: Project, target: Path | str, selection: Selection | None = None
) -> ExportResult:
    """Every code (or the selected ones), parents before children."""
    target = Path(target)
    codes = exported_codes(project, selection or Selection())
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for code in codes:
        writer.writerow([code.node.path, code.node.code.definition, code.node.code.color])
    with atomic_write(target) as stream:
        stream.write(buffer.getvalue().encode("utf-8-sig"))
    return ExportResult(target, "codebook-csv", codes=len(codes))


@dataclass(frozen=True)
class CodebookEntry:
    """One row of a codebook file: a path, and a definition and colour if given."""

    line: int
    path: tuple[str, ...]
    definition: str | None
    color: str | None
    controls_removed: int = 0  # control characters taken out of the path and definition


def read_codebook_csv(path: Path | str) -> list[CodebookEntry]:
    """Parse and check a codebook CSV (ours or Taguette's); nothing is stored yet."""
    path = Path(path)
    text = _decode(path)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [cell.strip().lower() for cell in next(reader, [])]
    except csv.Error as exc:
        raise InvalidCodebookFile(path, Problem.NOT_CSV, 1, detail=str(exc)) from exc
    path_column = _one_column(path, header, PATH_COLUMNS, required=True)
    assert path_column is not None  # required: refused above when missing
    description_column = _one_column(path, header, DESCRIPTION_COLUMNS)
    color_column = _one_column(path, header, COLOR_COLUMNS)
    entries: list[CodebookEntry] = []
    seen: dict[str, int] = {}
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            entry = _entry(path, line, row, path_column, description_column, color_column)
            key = names.path_key(entry.path)
            if key in seen:
                raise InvalidCodebookFile(
                    path, Problem.LISTED_TWICE, line, code="/".join(entry.path), count=seen[key]
                )
            seen[key] = line
            entries.append(entry)
    except csv.Error as exc:
        raise InvalidCodebookFile(path, Problem.NOT_CSV, reader.line_num, detail=str(exc)) from exc
    if not entries:
        raise InvalidCodebookFile(path, Problem.NO_CODES)
    return entries


def _decode(path: Path) -> str:
    try:
        data = input_files.read_regular_file(path, MAX_FILE_BYTES)
    except InputRefused as refused:
        problem = {
            InputProblem.MISSING: Problem.NOT_FOUND,
            InputProblem.TOO_LARGE: Problem.TOO_LARGE,
        }.get(refused.problem, Problem.UNREADABLE)
        raise InvalidCodebookFile(
            path,
            problem,
            count=MAX_FILE_BYTES,
            system=refused.system,
            file_type=refused.file_type,
        ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:  # an odd length, a lone surrogate (found by fuzzing)
            raise InvalidCodebookFile(path, Problem.NOT_UTF16, detail=exc.reason) from exc
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or b"\x00" in data:
        raise InvalidCodebookFile(path, Problem.NOT_TEXT)
    return str(best)


def _one_column(
    path: Path, header: list[str], names: tuple[str, ...], *, required: bool = False
) -> int | None:
    present = [name for name in names if name in header]
    if len(present) > 1:
        raise InvalidCodebookFile(path, Problem.SEVERAL_PATH_COLUMNS, 1, value=", ".join(present))
    if not present:
        if required:
            raise InvalidCodebookFile(path, Problem.NO_PATH_COLUMN, 1)
        return None
    return header.index(present[0])


def _entry(
    path: Path,
    line: int,
    row: list[str],
    path_column: int,
    description_column: int | None,
    color_column: int | None,
) -> CodebookEntry:
    removed = 0

    def cell(column: int | None) -> str | None:
        nonlocal removed
        if column is None or column >= len(row):
            return None
        cleaned = text_controls.without_controls(row[column])
        removed += cleaned.removed
        return cleaned.text.strip()

    code_path = cell(path_column)
    if not code_path:
        raise InvalidCodebookFile(path, Problem.EMPTY_PATH, line)
    parts = tuple(
        names.normal_name(" ".join(p.split())) for p in code_path.split(codebook.PATH_SEPARATOR)
    )
    if any(not part for part in parts):
        raise InvalidCodebookFile(path, Problem.EMPTY_LEVEL, line, code=code_path)
    long = next((p for p in parts if len(p) > codebook.MAX_NAME_LENGTH), None)
    if long:
        raise InvalidCodebookFile(
            path, Problem.NAME_TOO_LONG, line, code=long[:40], count=codebook.MAX_NAME_LENGTH
        )
    color = cell(color_column) or None
    if color is not None:
        try:
            color = codebook.check_color(color)
        except errors.InvalidValue:
            raise InvalidCodebookFile(path, Problem.BAD_COLOUR, line, value=color) from None
    definition = cell(description_column) or None
    return CodebookEntry(line, parts, definition, color, removed)


@dataclass(frozen=True)
class _Plan:
    created: tuple[Code, ...]  # parents before children
    updated: tuple[tuple[Code, Code], ...]  # (before, after)
    file_name: str


@dataclass(frozen=True)
class CodebookImport:
    change: Change
    created: int
    updated: int
    unchanged: int
    controls_removed: int = 0  # from the file's code paths and definitions


def import_codebook_csv(
    project: Project, path: Path | str, *, coder_id: CoderId | None = None
) -> CodebookImport:
    """Merge a codebook CSV into the project's codebook by code path; one undo step."""
    path = Path(path)
    entries = read_codebook_csv(path)
    plan, unchanged = _plan(project, path, entries)
    removed = sum(entry.controls_removed for entry in entries)
    change = _apply(project, plan, coder_id, removed)
    return CodebookImport(change, len(plan.created), len(plan.updated), unchanged, removed)


def _plan(project: Project, path: Path, entries: list[CodebookEntry]) -> tuple[_Plan, int]:
    tree = codebook_tree(project)
    by_path = {names.path_key(node.path.split("/")): node.code for node in tree}
    by_name = {names.name_key(node.code.name): node.path for node in tree}
    positions: dict[str | None, int] = {}
    created: dict[str, Code] = {}  # parents before children
    updated: dict[str, tuple[Code, Code]] = {}
    unchanged = 0
    now = utc_now()

    def code_at(parts: tuple[str, ...], entry: CodebookEntry) -> Code:
        key = names.path_key(parts)
        if key in by_path:
            return by_path[key]
        parent = code_at(parts[:-1], entry) if len(parts) > 1 else None
        name = parts[-1]
        if names.name_key(name) in by_name:
            raise InvalidCodebookFile(
                path,
                Problem.NAME_TAKEN,
                entry.line,
                code="/".join(parts),
                value=name,
                other=by_name[names.name_key(name)],
            )
        parent_id = parent.id if parent else None
        if parent_id not in positions:
            positions[parent_id] = _next_position(project, parent_id)
        code = Code(
            CodeId(new_id()),
            parent_id,
            name,
            codebook.DEFAULT_COLOR,
            "",
            "",
            positions[parent_id],
            "",
            now,
        )
        positions[parent_id] += 1
        created[code.id] = code
        by_path[key] = code
        by_name[names.name_key(name)] = "/".join(parts)
        return code

    for entry in entries:
        code = code_at(entry.path, entry)
        wanted = replace(
            code,
            definition=entry.definition if entry.definition is not None else code.definition,
            color=entry.color or code.color,
        )
        if code.id in created:
            created[code.id] = wanted
        elif wanted != code:
            updated[code.id] = (code, wanted)
        else:
            unchanged += 1
    return _Plan(tuple(created.values()), tuple(updated.values()), path.name), unchanged


def _next_position(project: Project, parent_id: CodeId | None) -> int:
    row = project.conn.execute(
        "SELECT COALESCE(MAX(position) + 1, 0) FROM codes WHERE parent_id IS ?", (parent_id,)
    ).fetchone()
    return int(row[0])


def _set_fields(conn: sqlite3.Connection, codes: list[Code]) -> None:
    conn.executemany(
        "UPDATE codes SET definition = ?, color = ? WHERE id = ?",
        [(c.definition, c.color, c.id) for c in codes],
    )


def _apply(project: Project, plan: _Plan, coder_id: CoderId | None, removed: int = 0) -> Change:
    with project.transaction() as conn:
        codebook.insert_code_rows(conn, list(plan.created))
        _set_fields(conn, [after for _, after in plan.updated])
        events.record(
            conn,
            "codebook imported",
            coder_id,
            file=plan.file_name,
            created=[c.id for c in plan.created],
            updated=[after.id for _, after in plan.updated],
            **text_controls.removal_details({"codebook file": removed}),
        )
    return _change(plan, lambda p: _unapply(p, plan, coder_id))


def _unapply(project: Project, plan: _Plan, coder_id: CoderId | None) -> Change:
    with project.transaction() as conn:
        created = [c.id for c in plan.created]
        marks = ",".join("?" * len(created))
        if (
            created
            and conn.execute(
                f"SELECT 1 FROM codings WHERE code_id IN ({marks}) LIMIT 1", created
            ).fetchone()
        ):
            raise errors.InvalidValue(errors.ValueProblem.CODEBOOK_HAS_CODINGS, plan.file_name)
        conn.executemany("DELETE FROM codes WHERE id = ?", [(i,) for i in reversed(created)])
        _set_fields(conn, [before for before, _ in plan.updated])
        events.record(conn, "codebook import undone", coder_id, file=plan.file_name)
    return _change(plan, lambda p: _apply(p, plan, coder_id))


def _change(plan: _Plan, inverse: Callable[[Project], Change]) -> Change:
    return Change(
        kind=ChangeKind.IMPORT_CODEBOOK,
        name=plan.file_name,
        codes=frozenset(c.id for c in plan.created) | frozenset(a.id for _, a in plan.updated),
        codebook_changed=True,
        inverse=inverse,
    )
