"""`import`, `documents` and `show`: bring documents in, list them, read one."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.cli import messages
from annotator.cli.common import (
    UsageError,
    add_json,
    add_project,
    emit,
    open_cli_project,
    progress,
    writing_coder,
)
from annotator.core import coders, documents
from annotator.core.importing import (
    Draft,
    ImportOptions,
    ImportReport,
    Notice,
    NoticeKind,
    Outcome,
    Progress,
    collect,
    import_items,
    prepare_stream,
)

STDIN_NAME = "standard input"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "import",
        help="import files and folders (.txt .md .html .docx .odt .pdf) or standard input",
        description=(
            "Import documents. Folders are searched recursively. Each document's text is "
            "frozen; its original bytes and SHA-256 hashes are kept. A file with the same "
            "text as a stored document is skipped as a duplicate. Progress goes to stderr; "
            "the exit status is 1 if any file failed."
        ),
    )
    add_project(p)
    p.add_argument("paths", nargs="*", metavar="PATH", type=Path, help="files or folders")
    p.add_argument("--stdin", action="store_true", help="import text piped to standard input")
    p.add_argument(
        "--clean",
        action="store_true",
        help="drop boilerplate lines, repeated captions and teaser blocks (and say what went)",
    )
    p.add_argument(
        "--encoding", metavar="E", help="read text and HTML files in this encoding (e.g. cp1256)"
    )
    p.add_argument(
        "--whole-page",
        action="store_true",
        help="keep a web page's whole text instead of its main content",
    )
    p.add_argument("--title", metavar="T", help="the title (one document only)")
    p.add_argument("--url", metavar="URL", help="the source URL (one document only)")
    p.add_argument(
        "--published", metavar="YYYY-MM-DD", help="the publication date (one document only)"
    )
    p.add_argument("--coder", metavar="ID|NAME", help="who imports; default: your configured coder")
    add_json(p)
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("documents", help="list documents with their provenance and hashes")
    add_project(p)
    add_json(p)
    p.set_defaults(func=cmd_documents)

    p = sub.add_parser("show", help="print a document's text and provenance")
    add_project(p)
    p.add_argument("document", metavar="DOC", help="the document's id or title")
    add_json(p)
    p.set_defaults(func=cmd_show)


def _options(args: argparse.Namespace) -> ImportOptions:
    overrides = {
        "title": args.title,
        "source_url": args.url,
        "published_date": args.published,
    }
    return ImportOptions(
        clean=args.clean,
        encoding=args.encoding,
        whole_page=args.whole_page,
        provenance={k: v for k, v in overrides.items() if v is not None},
    )


def _items(args: argparse.Namespace, options: ImportOptions) -> list[Path | Draft]:
    if args.stdin and args.paths:
        raise UsageError("give PATHs or --stdin, not both")
    if not args.stdin and not args.paths:
        raise UsageError("nothing to import: give files or folders, or --stdin")
    if args.stdin:
        return [prepare_stream(sys.stdin.buffer, STDIN_NAME, options)]
    items: list[Path | Draft] = list(args.paths)
    if options.provenance and len(collect(items)[0]) != 1:
        given = ", ".join(f"--{k}" for k in ("title", "url", "published") if getattr(args, k))
        raise UsageError(f"{given} describe one document; import the files one at a time")
    return items


def cmd_import(args: argparse.Namespace) -> int:
    options = _options(args)
    with open_cli_project(args) as project:
        coder = writing_coder(project, args)
        items = _items(args, options)
        report = import_items(
            project, items, coder_id=coder.id, options=options, on_progress=_print_progress
        )
    emit(args, _report_data(report), lambda: _report_lines(report))
    return 0 if report.ok else 1


def _print_progress(step: Progress) -> None:
    label = {
        Outcome.IMPORTED: "imported",
        Outcome.DUPLICATE: "duplicate, skipped",
        Outcome.FAILED: "FAILED",
    }[step.outcome]
    progress(f"[{step.done}/{step.total}] {label}: {step.source}")


def _report_data(report: ImportReport) -> dict[str, Any]:
    return {
        "imported": [
            {
                "source": item.source,
                "document_id": item.document_id,
                "title": item.title,
                "encoding": item.encoding,
                "text_sha256": item.text_sha256,
                "removed": [{"reason": r.reason.value, "text": r.text} for r in item.removed],
                "notices": [_notice_data(n) for n in item.notices],
            }
            for item in report.imported
        ],
        "duplicates": report.duplicates,
        "failed": [
            {
                "source": f.source,
                "error": type(f.error).__name__,
                "reason": messages.describe(f.error),
            }
            for f in report.failed
        ],
        "ignored": report.ignored,
    }


def _report_lines(report: ImportReport) -> Iterator[str]:
    for item in report.imported:
        encoding = f", {item.encoding}" if item.encoding else ""
        yield f"Imported {item.title!r} ({item.document_id}{encoding}) from {item.source}"
        yield f"  text SHA-256 {item.text_sha256}"
        if item.removed:
            yield f"  clean-up removed {len(item.removed)}:"
            for removal in item.removed:
                shown = removal.text.replace("\n", " / ")
                yield f"    - {removal.reason.value}: {_shorten(shown)}"
        for notice in item.notices:
            yield f"  {notice_line(notice)}"
    for duplicate in report.duplicates:
        yield (
            f"Skipped {duplicate.source}: same text as {duplicate.existing_title!r} "
            f"({duplicate.existing_id})"
        )
    for failure in report.failed:
        yield f"Failed: {messages.describe(failure.error)}"
    for ignored in report.ignored:
        yield f"Ignored {ignored}: not a format Annotator imports"
    yield (
        f"{len(report.imported)} imported, {len(report.duplicates)} duplicates skipped, "
        f"{len(report.failed)} failed"
    )


def _notice_data(notice: Notice) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": notice.kind.name.lower()}
    if notice.kind is NoticeKind.NAME_ESCAPED:
        data["name"] = notice.name
    else:
        data.update(field=notice.field, count=notice.count)
    return data


def notice_line(notice: Notice) -> str:
    """What an import changed on the way in, in one line of the report."""
    if notice.kind is NoticeKind.NAME_ESCAPED:
        return f"the file name is not plain text (not UTF-8, or controls); kept as {notice.name}"
    plural = "s" if notice.count != 1 else ""
    return f"removed {notice.count} control character{plural} from the {notice.field}"


def _shorten(text: str, limit: int = 100) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


_SHOWN_FIELDS = (
    ("Title", "title"),
    ("Author", "author"),
    ("Publisher", "publisher"),
    ("Published", "published_date"),
    ("Source URL", "source_url"),
    ("Accessed", "accessed_date"),
    ("Language", "language"),
    ("Notes", "notes"),
    ("Original file", "original_filename"),
    ("Media type", "media_type"),
    ("Encoding", "encoding"),
    ("Original SHA-256", "original_sha256"),
    ("Text SHA-256", "text_sha256"),
    ("Imported", "imported_at"),
    ("Imported by", "imported_by"),
    ("Characters", "char_count"),
    ("Id", "id"),
)


def _without_text(document: documents.Document) -> dict[str, Any]:
    return {k: v for k, v in vars(document).items() if k != "text"}


def cmd_documents(args: argparse.Namespace) -> int:
    with open_cli_project(args) as project:
        summaries = documents.list_documents(project)
        details = (
            [_without_text(documents.get_document(project, s.id)) for s in summaries]
            if args.json
            else []
        )

    def text() -> Iterator[str]:
        for s in summaries:
            date = s.published_date or "no date"
            by = ", ".join(part for part in (s.author, s.publisher) if part)
            yield f"{s.title}  [{date}{'; ' + by if by else ''}]"
            yield f"  id {s.id}  {s.char_count} characters  {s.coding_count} codings"
            yield f"  text SHA-256 {s.text_sha256}"
            if s.original_sha256:
                yield f"  original SHA-256 {s.original_sha256}"
        yield f"{len(summaries)} documents"

    emit(args, details, text)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with open_cli_project(args) as project:
        document = documents.find_document(project, args.document)
        importer = (
            coders.get_coder(project, document.imported_by).name if document.imported_by else ""
        )

    def text() -> Iterator[str]:
        for label, name in _SHOWN_FIELDS:
            value = getattr(document, name)
            if name == "imported_by" and value:
                value = f"{importer} ({value})"
            if value not in ("", None):
                yield f"{label + ':':<18} {value}"
        yield ""
        yield document.text

    emit(args, document, text)
    return 0
