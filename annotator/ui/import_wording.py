"""How the import dialog words the core's import errors and clean-up reasons.

Module functions, so each string names its context: the dialog's, "ImportDialog".
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.importing import PASTED, ImportReport, Notice, NoticeKind, Reason, errors
from annotator.core.importing.errors import FormatAdvice, ImportProblem, Unsafe
from annotator.core.os_problems import FileType
from annotator.ui.file_wording import system_sentence
from annotator.ui.i18n import translate


def reason_label(reason: Reason) -> str:
    return {
        Reason.BOILERPLATE: translate("ImportDialog", "boilerplate"),
        Reason.REPEATED: translate("ImportDialog", "repeated line"),
        Reason.GALLERY_COUNTER: translate("ImportDialog", "gallery counter"),
        Reason.DATE_MARKER: translate(
            "ImportDialog", "date marker (the date is kept in the details)"
        ),
        Reason.TEASERS: translate("ImportDialog", "teaser block"),
        Reason.CAPTION: translate("ImportDialog", "photo caption (untick to keep it once)"),
        Reason.PHOTO_CREDIT: translate("ImportDialog", "photo credit"),
        Reason.COUNT: translate("ImportDialog", "comment or share count"),
        Reason.NOTICE: translate("ImportDialog", "newsletter or cookie box"),
        Reason.BYLINE: translate("ImportDialog", "byline (the name is kept in the details)"),
        Reason.TEASER_LINK: translate("ImportDialog", "link to another article"),
        Reason.BEFORE_ARTICLE: translate("ImportDialog", "before the article (menus, banners)"),
        Reason.AFTER_ARTICLE: translate(
            "ImportDialog", "after the article (footer, comments, teasers)"
        ),
        Reason.BY_HAND: translate("ImportDialog", "dropped by hand"),
    }[reason]


def describe_failure(error: AnnotatorError) -> str:
    """One sentence a researcher can act on, without the file name (shown beside it)."""
    if not isinstance(error, errors.ImportFailed):
        from annotator.ui import messages  # the other refusals are worded there

        return messages.describe(error)
    text = _failure_sentence(error)
    if isinstance(error, errors.NotAFile):
        text = _not_a_file(error.file_type)
    if isinstance(error, errors.UnsupportedFormat) and error.advice is not None:
        text += " " + _advice(error.advice)
    if isinstance(error, errors.UnsafeFile):
        text += " " + _unsafe(error)
    if isinstance(error, errors.DamagedFile) and error.part:
        text += " " + _damaged_part(error)
    if error.system is not None:
        text += " " + system_sentence(error.system)
    if error.cause is not None:
        from annotator.ui import messages

        text += " " + messages.describe(error.cause)
    elif error.detail and error.system is None:
        text += " " + translate("ImportDialog", "Details: {detail}").format(detail=error.detail)
    return text


def _failure_sentence(error: errors.ImportFailed) -> str:
    sentences = {
        ImportProblem.CANNOT_IMPORT: translate("ImportDialog", "The file cannot be imported."),
        ImportProblem.MISSING: translate("ImportDialog", "The file is gone (moved or deleted?)."),
        ImportProblem.UNREADABLE: translate("ImportDialog", "The file cannot be read."),
        ImportProblem.EMPTY: translate("ImportDialog", "The file is empty."),
        ImportProblem.NO_TEXT: translate("ImportDialog", "There is no text in it to import."),
        ImportProblem.NO_TEXT_LAYER: translate(
            "ImportDialog",
            "This PDF has no text, probably a scanned image. Run OCR on it elsewhere "
            "(for example with OCRmyPDF) and import the result.",
        ),
        ImportProblem.NOT_TEXT: translate(
            "ImportDialog", "This does not look like text (binary data?)."
        ),
        ImportProblem.PASSWORD_PROTECTED: translate(
            "ImportDialog",
            "The file is password-protected. Save an unprotected copy and import that.",
        ),
        ImportProblem.DAMAGED: translate(
            "ImportDialog", "The file is damaged, or is not really a {kind} file."
        ),
        ImportProblem.UNSAFE: translate("ImportDialog", "The file was refused as unsafe."),
        ImportProblem.TOO_LARGE: translate(
            "ImportDialog", "The file is too large ({size:.1f} MB; the limit is {limit:.0f} MB)."
        ),
        ImportProblem.NOT_A_FILE: translate("ImportDialog", "This is not a regular file."),
        ImportProblem.UNSUPPORTED_FORMAT: translate(
            "ImportDialog", "Annotator does not import this kind of file ({suffix})."
        ),
        ImportProblem.UNKNOWN_ENCODING: translate(
            "ImportDialog", "“{encoding}” is not an encoding Annotator knows."
        ),
        ImportProblem.WRONG_ENCODING: translate(
            "ImportDialog",
            "The file is not valid {encoding} (first bad byte at {position}). "
            "Choose another encoding.",
        ),
        ImportProblem.NOT_STORED: translate(
            "ImportDialog", "The document could not be written to the project."
        ),
        ImportProblem.OUT_OF_MEMORY: translate(
            "ImportDialog", "There is not enough memory to read this file."
        ),
    }
    if isinstance(error, errors.TooLarge) and error.size is None:
        text = translate("ImportDialog", "This is too large (over the {limit:.0f} MB limit).")
    elif isinstance(error, errors.TooLarge) and error.xml:
        text = translate(
            "ImportDialog",
            "The document is too large: its text and layout unpack to {size:.1f} MB of XML "
            "(the limit is {limit:.0f} MB). Save it as PDF or plain text, or split it.",
        )
    elif isinstance(error, errors.NoText) and error.cleaned:
        text = translate("ImportDialog", "The clean-up left no text to import.")
    else:
        text = sentences[error.kind]
    return text.format(
        kind=getattr(error, "file_format", ""),
        size=(getattr(error, "size", 0) or 0) / 1e6,
        limit=getattr(error, "limit", 0) / 1e6,
        suffix=getattr(error, "suffix", "") or translate("ImportDialog", "no extension"),
        encoding=getattr(error, "encoding", ""),
        position=getattr(error, "position", 0),
    )


def _advice(advice: FormatAdvice) -> str:
    return {
        FormatAdvice.SAVE_AS_DOCX: translate(
            "ImportDialog", "Open it in Word or LibreOffice and save it as .docx."
        ),
        FormatAdvice.EXPORT_AS_DOCX: translate("ImportDialog", "Export it from Pages as .docx."),
        FormatAdvice.SAVE_AS_HTML_ONLY: translate(
            "ImportDialog", "Save the page as “Web page, HTML only” instead."
        ),
    }[advice]


def _unsafe(error: errors.UnsafeFile) -> str:
    return {
        Unsafe.TOO_MANY_PARTS: translate("ImportDialog", "It holds {count} parts."),
        Unsafe.UNPACKS_TOO_LARGE: translate("ImportDialog", "It would unpack to {size:.0f} MB."),
        Unsafe.COMPRESSED_TOO_MUCH: translate(
            "ImportDialog", "Its part “{part}” is compressed {count} times (a zip bomb?)."
        ),
        Unsafe.XML_DECLARATIONS: translate(
            "ImportDialog", "Its part “{part}” uses a DTD or XML entities."
        ),
    }[error.why].format(part=error.part, count=error.count, size=error.size / 1e6)


def _damaged_part(error: errors.DamagedFile) -> str:
    if error.missing:
        return translate("ImportDialog", "Its part “{part}” is missing.").format(part=error.part)
    return translate("ImportDialog", "Its part “{part}” cannot be read.").format(part=error.part)


def _not_a_file(file_type: FileType) -> str:
    if file_type is FileType.FOLDER:
        return translate("ImportDialog", "This folder holds no file Annotator imports.")
    return {
        FileType.PIPE: translate(
            "ImportDialog", "This is a named pipe, not a file; only regular files are imported."
        ),
        FileType.DEVICE: translate(
            "ImportDialog", "This is a device, not a file; only regular files are imported."
        ),
        FileType.SOCKET: translate(
            "ImportDialog", "This is a socket, not a file; only regular files are imported."
        ),
        FileType.REGULAR: translate(
            "ImportDialog", "This file was replaced while it was being opened; try again."
        ),
    }.get(
        file_type,
        translate("ImportDialog", "This is not a regular file; only regular files are imported."),
    )


def notice_text(notice: Notice) -> str:
    """What an import changed on the way in, said in the report."""
    if notice.kind is NoticeKind.NAME_ESCAPED:
        return translate(
            "ImportDialog",
            "The file name is not plain text (bytes that are not UTF-8, or control "
            "characters); it is kept as “{name}”.",
        ).format(name=notice.name)
    field = {
        "text": translate("ImportDialog", "the text"),
        "title": translate("ImportDialog", "the title"),
    }.get(notice.field, translate("ImportDialog", "the details"))
    # a count in a placeholder, not a plural form (see report_text)
    return translate(
        "ImportDialog", "Invisible control characters removed from {field}: {count}."
    ).format(field=field, count=notice.count)


def source_label(source: str) -> str:
    """A file's name for lists and reports."""
    if source == PASTED:
        return translate("ImportDialog", "Pasted text")
    return Path(source).name or source


def report_summary(report: ImportReport) -> str:
    summary = translate(
        "ImportDialog", "{imported} imported, {duplicates} duplicates skipped, {failed} failed"
    )
    text = summary.format(
        imported=len(report.imported),
        duplicates=len(report.duplicates),
        failed=len(report.failed),
    )
    if report.cancelled:
        text += " " + translate("ImportDialog", "(cancelled)")
    return text


def report_text(report: ImportReport) -> str:
    """The report at the end of an import: every source by name, failures with reasons."""
    lines = [report_summary(report), ""]
    if report.imported:
        lines.append(translate("ImportDialog", "Imported:"))
        for item in report.imported:
            dropped = len(item.removed)
            # not a plural form: lupdate reads translate()'s fourth argument as an encoding
            removed = (
                translate("ImportDialog", " (clean-up dropped {count} piece(s))").format(
                    count=dropped
                )
                if dropped
                else ""
            )
            lines.append(f"  • {item.title} — {source_label(item.source)}{removed}")
            lines.extend(f"      {notice_text(notice)}" for notice in item.notices)
    if report.duplicates:
        lines.append(
            translate("ImportDialog", "Skipped as duplicates (same text as a stored document):")
        )
        for duplicate in report.duplicates:
            lines.append(f"  • {source_label(duplicate.source)} = “{duplicate.existing_title}”")
    if report.failed:
        lines.append(translate("ImportDialog", "Failed:"))
        for failure in report.failed:
            lines.append(f"  • {source_label(failure.source)}: {describe_failure(failure.error)}")
    if report.not_reached:
        lines.append(translate("ImportDialog", "Not imported because you cancelled:"))
        lines.extend(f"  • {source_label(source)}" for source in report.not_reached)
    return "\n".join(lines)
