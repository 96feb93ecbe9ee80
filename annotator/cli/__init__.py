"""The `annotator` command: the GUI by default, and subcommands that script the core.

`annotator [PROJECT]` starts the app; `annotator COMMAND ...` runs a subcommand.
Errors are one line on stderr and a non-zero exit; progress goes to stderr too.
"""

from __future__ import annotations

import argparse
import importlib
import io
import logging
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from annotator import __version__
from annotator.cli import unexpected
from annotator.cli.terminal import shown
from annotator.core.errors import AnnotatorError
from annotator.core.storage import leftovers

# Each module adds its subcommands with `register(subparsers)`. They are imported only
# when a command runs, so starting the GUI does not pay for every command's libraries.
COMMAND_MODULES = [
    "project_commands",
    "codebook_commands",
    "coding_commands",
    "import_commands",
    "search_commands",
    "exchange_commands",
    "export_commands",
]

# The subcommand names, known without importing the modules above;
# tests/cli/test_command_registry.py checks them against what the modules register.
COMMAND_NAMES = frozenset(
    {
        "new", "stats", "check", "finish", "whoami", "codes", "code", "import",
        "documents", "show", "search", "autocode", "excerpts", "report", "merge",
        "agreement", "export",
    }
)  # fmt: skip

EXIT_OK, EXIT_FAILED = 0, 1
_UNDECODED = re.compile("[\ud800-\udfff]")  # bytes the system could not decode as UTF-8


class _OptionsAnywhere(argparse.ArgumentParser):
    """A subcommand parser that takes options before, between or after its paths.

    Plain argparse gives `annotator import P --clean a.txt` the empty path list before
    `--clean` and then refuses `a.txt`; intermixed parsing reads it as people mean it.
    """

    _inside = False

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if self._inside:  # parse_known_intermixed_args calls back in here
            return super().parse_known_args(args, namespace)
        self._inside = True
        try:
            parsed, rest = self.parse_known_intermixed_args(args, namespace)
        finally:
            self._inside = False
        self._check_values(parsed)
        return parsed, rest

    def _check_values(self, parsed: argparse.Namespace) -> None:
        """What argparse lets through but no command can use, refused by its name.

        Text that came in as bytes that are not UTF-8 (a terminal in another encoding);
        paths may be any bytes and stay as given. And `--code=--`, which Python 3.11's
        argparse turns into an empty list instead of a value.
        """
        for action in self._actions:
            value = getattr(parsed, action.dest, None)
            several = isinstance(action, argparse._AppendAction) or action.nargs in ("*", "+")
            given = value if several and isinstance(value, list) else [value]
            name = "/".join(action.option_strings) or action.metavar or action.dest
            if action.nargs is None and any(isinstance(v, list) for v in given):
                self.error(f"argument {name}: expected one argument")
            if any(isinstance(v, str) and _UNDECODED.search(v) for v in given):
                self.error(
                    f"argument {name}: is not UTF-8 text (is the terminal set to another encoding?)"
                )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="annotator",
        description=(
            "Code documents for human-rights research. Without a command, starts the app "
            "(on PROJECT, or on your last or the sample project)."
        ),
    )
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_OptionsAnywhere)
    for name in COMMAND_MODULES:
        importlib.import_module(f"annotator.cli.{name}").register(sub)
    return parser


def build_gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="annotator", description="Start the Annotator app.")
    parser.add_argument("project", nargs="?", metavar="PROJECT", help="the .annotator file to open")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="open the window offscreen, paint the last document, and exit (a self-test)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the app or a subcommand; the exit status.

    Nothing escapes as a traceback: refusals (AnnotatorError) are one line and status 1,
    anything unexpected is one line, a traceback in the log file and EXIT_UNEXPECTED
    (annotator.cli.unexpected).
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    leftovers.sweep()  # what writes killed last time left behind (issue 18)
    # `annotator -v import ...` is a command too: look past the global options.
    first = next((a for a in argv if a not in ("-v", "--verbose")), None)
    wants_gui = first is None or (
        first not in COMMAND_NAMES and first not in ("-h", "--help", "--version")
    )
    command = str(first) if first in COMMAND_NAMES else ""
    args: argparse.Namespace | None = None
    try:
        args = (build_gui_parser() if wants_gui else build_parser()).parse_args(argv)
        _configure_logging(args.verbose)
        return _start_app(args) if wants_gui else _run_command(args)
    except Exception as exc:  # the one place that catches everything
        project = getattr(args, "project", None)
        return unexpected.report(command, exc, Path(project) if project else None)


def _start_app(args: argparse.Namespace) -> int:
    from annotator import logs

    logs.configure(verbose=args.verbose)
    logs.log_fatal_errors()
    from annotator.ui.app import run_app

    return run_app(args.project, smoke=args.smoke)


def _run_command(args: argparse.Namespace) -> int:
    _forgiving_output()
    try:
        return int(args.func(args))
    except AnnotatorError as exc:
        from annotator.cli import messages

        print(f"annotator {args.command}: error: {shown(messages.describe(exc))}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print(f"annotator {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return EXIT_OK


def _forgiving_output() -> None:
    """A character the terminal's encoding lacks (or a file name that is not UTF-8)
    prints as an escape such as `\\udce9` instead of ending the command."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


class _TerminalFormatter(logging.Formatter):
    """Log lines on the terminal: the message alone. Tracebacks go to the log file."""

    def format(self, record: logging.LogRecord) -> str:
        plain = logging.makeLogRecord(record.__dict__)
        plain.exc_info, plain.exc_text, plain.stack_info = None, None, None
        return super().format(plain)


def _configure_logging(verbose: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_TerminalFormatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, handlers=[handler])
