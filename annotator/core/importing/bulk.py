"""Import many files, folders and drafts: a report, progress, cancel, and one undo.

Reading and extracting happen outside any transaction, so the project stays free
for the researcher's own work meanwhile; finished documents are written in small
batches (one transaction each, at least twice a second), because committing each
row with `synchronous=FULL` would cap an import at a few dozen documents a second.
A document is always written whole or not at all; a cancel writes what is ready
and stops. Progress is reported once a step's document is on disk, so whatever the
progress counted as imported survives a crash. Same-text duplicates are reported,
never stored twice.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from annotator.core import documents, events, names, text_controls
from annotator.core.changes import Change, ChangeKind
from annotator.core.errors import AnnotatorError
from annotator.core.ids import CoderId, DocumentId, new_id, utc_now
from annotator.core.importing import errors
from annotator.core.importing.drafts import Draft, ImportOptions, prepare_file
from annotator.core.importing.notices import Notice, NoticeKind, notices_of
from annotator.core.importing.reading import KINDS_BY_SUFFIX
from annotator.core.importing.report import (
    Duplicate,
    Failed,
    Imported,
    ImportReport,
    Outcome,
    Progress,
)
from annotator.core.input_files import shown_name
from annotator.core.os_problems import sqlite_problem
from annotator.core.project import Project

log = logging.getLogger(__name__)

BATCH_SECONDS = 0.5
BATCH_SIZE = 500

Item = Path | Draft
_Pending = tuple[Draft, documents.Document, tuple[Notice, ...]]

_HOUSEKEEPING = re.compile(r"^(readme|license|licence|changelog|copying)(\.\w+)?$", re.IGNORECASE)


def collect(items: Iterable[Item]) -> tuple[list[Item], list[Path]]:
    """What to import, folders searched recursively in name order, and files ignored.

    A file named explicitly is always tried, so an unsupported one is reported as a
    failure; inside folders, hidden files, unknown formats and a folder's own notes
    (README, LICENSE, ...) are only listed. A folder given explicitly that holds
    nothing to import stays in the queue, so the import reports it as a failure.
    Pipes, devices and sockets are queued like files: the reader refuses them unopened.
    """
    queue: list[Item] = []
    ignored: list[Path] = []
    for item in items:
        if isinstance(item, Draft) or not item.is_dir():
            queue.append(item)
            continue
        wanted_any = False
        for found in sorted(_walk(item)):
            wanted = found.suffix.lower() in KINDS_BY_SUFFIX and not _HOUSEKEEPING.match(found.name)
            (queue if wanted else ignored).append(found)
            wanted_any = wanted_any or wanted
        if not wanted_any:
            queue.append(item)
    seen: set[Path] = set()
    unique: list[Path | Draft] = []
    for item in queue:
        if isinstance(item, Path) and item in seen:
            continue
        if isinstance(item, Path):
            seen.add(item)
        unique.append(item)
    return unique, ignored


def _walk(folder: Path) -> Iterator[Path]:
    try:
        entries = list(folder.iterdir())
    except OSError:
        log.warning("cannot list %s", folder, exc_info=True)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            if not entry.is_symlink():  # no loops through links
                yield from _walk(entry)
        else:  # files, links to files, and what the reader will refuse unopened
            yield entry


def import_items(
    project: Project,
    items: Sequence[Item],
    *,
    coder_id: CoderId | None,
    options: ImportOptions | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import files, folders and prepared drafts; one bad source never stops the others.

    Paths are read with `options`; drafts are stored as the researcher left them.
    """
    options = options or ImportOptions()
    queue, ignored = collect(items)
    report = ImportReport(ignored=[shown_name(p) for p in ignored])
    batch = _Batch(project, coder_id, report, len(queue), on_progress)
    for done, item in enumerate(queue, start=1):
        if should_cancel is not None and should_cancel():
            report.cancelled = True
            report.not_reached = [_name(rest) for rest in queue[done - 1 :]]
            break
        outcome = Outcome.IMPORTED
        try:
            if not batch.add(item if isinstance(item, Draft) else prepare_file(item, options)):
                outcome = Outcome.DUPLICATE
        except errors.ImportFailed as exc:
            report.failed.append(Failed(_name(item), exc))
            outcome = Outcome.FAILED
        except AnnotatorError as exc:  # e.g. a malformed date among the overrides
            report.failed.append(Failed(_name(item), errors.ImportFailed(_name(item), cause=exc)))
            outcome = Outcome.FAILED
        batch.held.append((done, _name(item), outcome))
        batch.write_if_due()
    batch.write()
    report.change = _import_change(report, coder_id)
    return report


def _name(item: Item) -> str:
    return item.source if isinstance(item, Draft) else shown_name(item)


class _Batch:
    """Documents ready to write, written together in one short transaction.

    Progress steps are held back until the documents before them are on disk, so
    what the progress report counts as imported survives a crash or a kill.
    """

    def __init__(
        self,
        project: Project,
        coder_id: CoderId | None,
        report: ImportReport,
        total: int,
        on_progress: Callable[[Progress], None] | None,
    ) -> None:
        self.project = project
        self.coder_id = coder_id
        self.report = report
        self.total = total
        self.on_progress = on_progress
        self.pending: dict[str, _Pending] = {}  # by text hash
        self.held: list[tuple[int, str, Outcome]] = []  # progress not yet reported
        self.outcomes: dict[str, Outcome] = {}  # held steps that turned out otherwise
        self.last_write = time.monotonic()

    def add(self, draft: Draft) -> bool:
        """Queue a draft for writing; False if it duplicates a document."""
        text = draft.text
        if not text.strip():
            raise errors.NoText(draft.source, cleaned=True)
        document, notices = _document(draft, text, self.coder_id)
        if self._is_duplicate(draft, document.text_sha256):
            return False
        self.pending[document.text_sha256] = (draft, document, notices)
        return True

    def _is_duplicate(self, draft: Draft, text_sha256: str) -> bool:
        earlier = self.pending.get(text_sha256)
        if earlier is not None:
            existing: tuple[DocumentId, str] | None = (earlier[1].id, earlier[1].title)
        else:
            found = documents.find_by_text_hash(self.project, text_sha256)
            existing = (found, documents.get_document(self.project, found).title) if found else None
        if existing is None:
            return False
        self.report.duplicates.append(Duplicate(draft.source, *existing))
        return True

    def progress(self, done: int, total: int, source: str, outcome: Outcome) -> Progress:
        return Progress(
            done=done,
            total=total,
            source=source,
            outcome=outcome,
            imported=len(self.report.imported),
            duplicates=len(self.report.duplicates),
            failed=len(self.report.failed),
        )

    def write_if_due(self) -> None:
        due = time.monotonic() - self.last_write >= BATCH_SECONDS
        if not self.pending:
            self._report_held()
        elif due or len(self.pending) >= BATCH_SIZE:
            self.write()

    def write(self) -> None:
        pending = list(self.pending.values())
        self.pending = {}
        self.last_write = time.monotonic()
        try:
            if pending:
                self.report.imported.extend(self._write(pending))
        except (sqlite3.Error, AnnotatorError) as exc:
            log.warning("could not write %d imported documents", len(pending), exc_info=True)
            for draft, _, _ in pending:
                error = (
                    errors.NotStored(draft.source, cause=exc)
                    if isinstance(exc, AnnotatorError)
                    else errors.NotStored(draft.source, str(exc), system=sqlite_problem(exc))
                )
                self.report.failed.append(Failed(draft.source, error))
                self.outcomes[draft.source] = Outcome.FAILED
        self._report_held()

    def _report_held(self) -> None:
        held, self.held = self.held, []
        outcomes, self.outcomes = self.outcomes, {}
        if self.on_progress is None:
            return
        for done, source, outcome in held:
            final = outcomes.get(source, outcome)
            self.on_progress(self.progress(done, self.total, source, final))

    def _write(self, pending: list[_Pending]) -> list[Imported]:
        written: list[Imported] = []
        with self.project.transaction() as conn:
            fresh = []
            for draft, document, notices in pending:
                if self._is_duplicate(draft, document.text_sha256):  # stored meanwhile
                    self.outcomes[draft.source] = Outcome.DUPLICATE
                else:
                    fresh.append((draft, document, notices))
            # in one go: one statement per document costs FTS5 twice the work
            documents.insert_document_rows(
                self.project.db, [(document, draft.original) for draft, document, _ in fresh]
            )
            for draft, document, notices in fresh:
                _record(conn, draft, document, notices, self.coder_id)
                written.append(
                    Imported(
                        source=draft.source,
                        document_id=document.id,
                        title=document.title,
                        encoding=draft.encoding,
                        text_sha256=document.text_sha256,
                        removed=tuple(draft.applied_removals),
                        notices=notices,
                    )
                )
        return written


def _document(
    draft: Draft, text: str, coder_id: CoderId | None
) -> tuple[documents.Document, tuple[Notice, ...]]:
    """The row to store, and what was changed on the way in (the details as the
    researcher left them are cleaned of control characters once more)."""
    details = {k: v for k, v in draft.provenance.items() if k in documents.PROVENANCE_FIELDS}
    details, removed = text_controls.clean_fields(details)
    title = " ".join(details.pop("title", "").split()) or draft.original_filename or "Untitled"
    title = names.normal_name(title)
    counts = {"text": draft.controls_removed, **draft.fields_cleaned}
    for key, count in removed.items():
        counts[key] = max(counts.get(key, 0), count)  # cleaned in the draft, or only now
    notices = notices_of(
        escaped_name=draft.original_filename if draft.name_escaped else None, removed=counts
    )
    document = documents.Document(
        id=DocumentId(new_id()),
        title=title,
        text=text,
        text_sha256=documents.sha256_hex(text),
        original_filename=draft.original_filename,
        media_type=draft.kind.media_type,
        original_sha256=documents.sha256_hex(draft.original),
        encoding=draft.encoding,
        imported_at=utc_now(),
        imported_by=CoderId(coder_id) if coder_id else None,
        char_count=len(text),
        **details,
    )
    return document, notices


def _record(
    conn: sqlite3.Connection,
    draft: Draft,
    document: documents.Document,
    notices: tuple[Notice, ...],
    coder_id: CoderId | None,
) -> None:
    """The chain of custody: both hashes; what clean-up took out of the text, each drop
    with its reason (a proposal taken, or "dropped by hand"), where it stood in the
    extracted text (code points, end exclusive) and what it said; and what was changed
    on the way in (an escaped file name, control characters)."""
    removed = {n.field: n.count for n in notices if n.kind is NoticeKind.CONTROLS_REMOVED}
    events.record(
        conn,
        "document imported",
        coder_id,
        document_id=document.id,
        title=document.title,
        original_filename=document.original_filename,
        original_sha256=document.original_sha256,
        text_sha256=document.text_sha256,
        media_type=document.media_type,
        encoding=document.encoding,
        extracted_sha256=(
            documents.sha256_hex(draft.extracted_text) if draft.chosen else document.text_sha256
        ),
        removed=[[r.reason.value, r.text, r.start, r.end] for r in draft.applied_removals],
        **({"name_escaped": True} if draft.name_escaped else {}),
        **text_controls.removal_details(removed),
    )


def _import_change(report: ImportReport, coder_id: CoderId | None) -> Change | None:
    ids = [item.document_id for item in report.imported]
    if not ids:
        return None
    title = report.imported[0].title if len(ids) == 1 else ""
    step = Change(kind=ChangeKind.IMPORT_DOCUMENTS, name=title, count=len(ids))
    return replace(
        step,
        documents=frozenset(ids),
        inverse=lambda p: _remove_imported(p, ids, coder_id, step),
    )


def _remove_imported(
    project: Project, ids: list[DocumentId], coder_id: CoderId | None, step: Change
) -> Change:
    with project.transaction():
        removals = [documents.delete_document(project, i, coder_id=coder_id) for i in ids]
    return replace(
        step,
        documents=frozenset(ids),
        inverse=lambda p: _restore_imported(p, ids, removals, coder_id, step),
    )


def _restore_imported(
    project: Project,
    ids: list[DocumentId],
    removals: list[Change],
    coder_id: CoderId | None,
    step: Change,
) -> Change:
    with project.transaction():
        for removal in removals:
            removal.undo(project)
    return replace(
        step,
        documents=frozenset(ids),
        inverse=lambda p: _remove_imported(p, ids, coder_id, step),
    )
