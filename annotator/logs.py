"""The app's log file: what happened, for whoever helps the user, never what documents say.

A rotating file in the user's log folder (platformdirs; `ANNOTATOR_LOG_DIR` overrides
it). Researchers' documents can name sources and informants, and a log file is the
kind of thing people attach to an email, so the rule is: log ids and counts, never
text from documents. The file's formatter enforces the rule for whatever slips through:
long or multi-line values become their length, quoted passages in messages and in
exception messages become their length, and a message keeps only its first line.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import os
import platform
import re
import sys
import time
import traceback
from pathlib import Path
from typing import TextIO

import platformdirs

from annotator import __version__
from annotator.core.user_settings import APP_AUTHOR, APP_NAME

LOG_FILE_NAME = "annotator.log"
MAX_BYTES = 1_000_000  # about ten thousand lines: weeks of ordinary use
BACKUP_COUNT = 3  # annotator.log.1 ... .3 after it, then the oldest goes
MAX_VALUE_CHARS = 80  # longer values (a passage, a document) are logged as their length
MAX_MESSAGE_CHARS = 300

# A quoted run, straight or typographic. A single quote counts only away from letters,
# so the apostrophe in "don't" does not start a quotation.
_QUOTED = re.compile(
    r"""(?<!\w)'[^'\n]*'(?!\w)|"[^"\n]*"|“[^”\n]*”|‘[^’\n]*’|«[^»\n]*»|„[^“”\n]*[“”]"""
)
_PLAIN_TYPES = (int, float, bool, type(None), Path)
_fatal_streams: list[TextIO] = []  # kept open: faulthandler writes to the descriptor


def log_dir() -> Path:
    override = os.environ.get("ANNOTATOR_LOG_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def log_file() -> Path:
    return log_dir() / LOG_FILE_NAME


def scrub(text: str) -> str:
    """A message fit for the log: quoted passages become their length, one line, capped."""
    text = _QUOTED.sub(lambda m: f"{m.group()[0]}<{len(m.group()) - 2} chars>{m.group()[-1]}", text)
    first, *rest = text.splitlines() or [""]
    if rest:
        first += f" [+{len(rest)} more lines]"
    if len(first) > MAX_MESSAGE_CHARS:
        first = first[:MAX_MESSAGE_CHARS] + f"… [{len(first) - MAX_MESSAGE_CHARS} chars cut]"
    return first


def scrub_value(value: object) -> object:
    """A logging argument, or only its length when it might be a passage of a document."""
    if isinstance(value, _PLAIN_TYPES):
        return value
    shown = str(value)
    if len(shown) > MAX_VALUE_CHARS or "\n" in shown:
        return f"<{type(value).__name__}, {len(shown)} chars>"
    return value


def format_exception(exc: BaseException) -> str:
    """A traceback (with causes) whose exception messages are scrubbed.

    The frames show our code, never the user's data; the messages are where document
    text could hide (a quote that was not found, a title that did not match).
    """
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and all(current is not seen for seen in chain):
        chain.append(current)
        cause = current.__cause__
        current = (
            cause if cause is not None or current.__suppress_context__ else current.__context__
        )
    parts: list[str] = []
    for position, link in enumerate(reversed(chain)):
        if position:
            parts.append("\nwhich led to:\n\n")
        parts.append("Traceback (most recent call last):\n")
        parts.extend(traceback.format_list(traceback.extract_tb(link.__traceback__)))
        kind = type(link)
        name = (
            kind.__qualname__
            if kind.__module__ == "builtins"
            else f"{kind.__module__}.{kind.__qualname__}"
        )
        message = scrub(str(link))
        parts.append(f"{name}: {message}\n" if message else f"{name}\n")
        parts.extend(f"  note: {scrub(str(note))}\n" for note in getattr(link, "__notes__", ()))
    return "".join(parts).rstrip("\n")


class PrivacyFormatter(logging.Formatter):
    """Formats records for the log file under the no-document-text rule (module doc)."""

    converter = time.gmtime  # type: ignore[assignment]  # UTC, like every timestamp in a project file

    def __init__(self) -> None:
        super().__init__(
            "%(asctime)s.%(msecs)03dZ %(levelname)s %(name)s [%(process)d]: %(message)s",
            datefmt="%Y-%m-%dT%H:%M:%S",
        )

    def format(self, record: logging.LogRecord) -> str:
        safe = logging.makeLogRecord(record.__dict__)
        if isinstance(safe.args, dict):
            safe.args = {key: scrub_value(value) for key, value in safe.args.items()}
        elif safe.args:
            safe.args = tuple(scrub_value(value) for value in safe.args)
        try:
            message = safe.getMessage()
        except (TypeError, ValueError):  # a wrong format string must not lose the record
            message = f"{safe.msg!s} (with {len(safe.args or ())} arguments)"
        safe.msg, safe.args = scrub(message), None
        safe.exc_text = None  # the record's cached traceback is the unscrubbed one
        return super().format(safe)

    def formatException(self, ei: tuple[object, ...]) -> str:  # noqa: N802 (logging's name)
        exc = ei[1]
        return format_exception(exc) if isinstance(exc, BaseException) else ""


class _AnnotatorFileHandler(logging.handlers.RotatingFileHandler):
    """Marks the one log-file handler `configure` owns, so calling it again replaces it."""


def _open_handler(path: Path) -> _AnnotatorFileHandler:
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = _AnnotatorFileHandler(  # a file name that is not UTF-8 stays escaped
        path,
        maxBytes=MAX_BYTES,
        backupCount=BACKUP_COUNT,
        encoding="utf-8",
        errors="backslashreplace",
    )
    handler.setFormatter(PrivacyFormatter())
    return handler


def _versions() -> str:
    return (
        f"Annotator {__version__} (Python {platform.python_version()}, "
        f"{platform.platform(terse=True)}{', bundled' if getattr(sys, 'frozen', False) else ''})"
    )


def record_crash(logger: str, message: str, exc: BaseException) -> Path | None:
    """Write `message` and the full (scrubbed) traceback of `exc` to the log file.

    Works whether or not `configure` ran: a command-line run keeps no log file open,
    so it opens one for this record alone and leaves the logging set-up as it was.
    Returns the file's path, or None when it cannot be written; never raises, and never
    prints logging's own traceback of a failed write.
    """
    record = logging.LogRecord(
        logger, logging.CRITICAL, __file__, 0, f"{message}; {_versions()}", None, None
    )
    record.exc_info = (type(exc), exc, exc.__traceback__)
    configured = [h for h in logging.getLogger().handlers if isinstance(h, _AnnotatorFileHandler)]
    try:
        handler = configured[0] if configured else _open_handler(log_file())
    except OSError:
        return None
    failed: list[logging.LogRecord] = []
    handler.handleError = failed.append  # type: ignore[method-assign, assignment]
    try:
        handler.handle(record)
        handler.flush()
    finally:
        del handler.handleError
        if not configured:
            handler.close()
    return None if failed else Path(handler.baseFilename)


def configure(*, verbose: bool = False) -> Path | None:
    """Start writing the log file; returns its path, or None when it cannot be written.

    INFO and above go to the file (DEBUG too with `verbose`). Handlers that were already
    there (the terminal's) keep showing exactly what they showed before. A log that
    cannot be written never stops the app: it says so on stderr and carries on.
    """
    path = log_file()
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, _AnnotatorFileHandler)]:
        root.removeHandler(handler)
        handler.close()
    try:
        handler = _open_handler(path)
    except OSError as exc:
        print(f"annotator: cannot write the log file {path}: {exc.strerror}", file=sys.stderr)
        return None
    level = logging.DEBUG if verbose else logging.INFO
    handler.setLevel(level)
    previous = root.getEffectiveLevel()
    if level < previous:
        # Lowering the root level must not make the existing handlers chattier.
        for existing in root.handlers:
            if existing.level < previous:
                existing.setLevel(previous)
        root.setLevel(level)
    root.addHandler(handler)
    logging.getLogger(__name__).info(
        "Annotator %s starting (Python %s, %s%s)",
        __version__,
        platform.python_version(),
        platform.platform(terse=True),
        ", bundled" if getattr(sys, "frozen", False) else "",
    )
    return path


def log_fatal_errors() -> Path | None:
    """Make a hard crash (a segfault or an abort inside Qt) leave its stack in the log.

    Such a crash kills the process before any Python handler runs; faulthandler writes
    the Python frames of every thread straight to a file descriptor instead. The frames
    name our code, never document text. Returns the log file, or None if it cannot be
    opened (the default, writing to stderr, then stays).
    """
    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        stream = path.open("a", encoding="utf-8")
    except OSError:
        return None
    faulthandler.enable(file=stream, all_threads=True)
    for old in _fatal_streams:
        old.close()
    _fatal_streams[:] = [stream]
    return path
