"""When a command meets what its code did not expect: one line for the user, the rest
in the log file.

Expected refusals are AnnotatorErrors, worded where they are raised (exit status 1).
Everything else ends here: a damaged file's sqlite3 error, a number too large for
SQLite, text that cannot be encoded, memory running out, a plain bug. The user gets one
line naming the command, the file and the log; the log file gets the full traceback
(scrubbed of document text by annotator.logs); the exit status is EXIT_UNEXPECTED, so
a script can tell it from a refusal (1) or a command line it could not read (2).
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from annotator import logs
from annotator.cli.terminal import shown_line

EXIT_UNEXPECTED = 3
MAX_DETAIL_CHARS = 160


def report(command: str, exc: BaseException, path: Path | None = None) -> int:
    """Log `exc` with its traceback, print one line about it; the exit status."""
    where = _file_of(exc) or path
    prefix = f"annotator {command}" if command else "annotator"
    log = logs.record_crash("annotator.cli", f"{prefix} stopped on {type(exc).__name__}", exc)
    told = f"the details are in {log}" if log else "the details could not be written to the log"
    print(shown_line(f"{prefix}: error: {_what(exc, where)}; {told}"), file=sys.stderr)
    return EXIT_UNEXPECTED


def _file_of(exc: BaseException) -> Path | None:
    name = getattr(exc, "filename", None)
    return Path(name) if isinstance(name, str) and name else None


def _what(exc: BaseException, where: Path | None) -> str:
    detail = _detail(exc)
    on = f" with {where}" if where else ""
    if isinstance(exc, MemoryError):
        return f"ran out of memory{on}"
    if isinstance(exc, RecursionError):
        return f"met something nested too deeply to follow{on}"
    if isinstance(exc, sqlite3.Error):
        if where is None:
            return f"a database error ({detail})"
        return (
            f"{where} could not be read or written as expected ({detail}); "
            f"`annotator check {where}` looks for damage"
        )
    if isinstance(exc, OverflowError):
        return f"a number was too large{on} ({detail})"
    if isinstance(exc, UnicodeError):
        return f"met text that cannot be encoded or decoded{on} ({detail})"
    if isinstance(exc, OSError):
        return f"{where or 'a file'}: {exc.strerror or detail}"
    return f"an unexpected problem{on} ({type(exc).__name__}: {detail}); this is a bug"


def _detail(exc: BaseException) -> str:
    text = (str(exc).splitlines() or [""])[0].strip() or type(exc).__name__
    if len(text) > MAX_DETAIL_CHARS:
        text = text[:MAX_DETAIL_CHARS] + "…"
    return text
