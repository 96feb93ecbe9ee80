"""Write docs/cli.md, the command-line reference, from the `annotator` parser itself.

    .venv/bin/python scripts/cli_reference.py            # rewrite docs/cli.md
    .venv/bin/python scripts/cli_reference.py --check    # exit 1 if docs/cli.md is stale

Every command, its help, every argument with its help, choices and default come from
`annotator.cli.build_parser()` (and the app's own parser), so the page cannot name an
option that does not exist. What the parser cannot know lives here: the examples
(at least one per command; tests/test_cli_reference.py parses each with the real
parser) and the wording for the few arguments that have no help text of their own.
"""

from __future__ import annotations

import argparse
import re
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "docs" / "cli.md"
USAGE_WIDTH = 88

# Words for arguments whose parser gives no help, keyed by (command, option). The
# generator refuses an argument with neither, so a new option cannot slip in unexplained.
FALLBACK_HELP: dict[tuple[str, str], str] = {
    ("finish", "--document"): "a document to mark, by id or title",
    ("code", "--document"): "the document to code in, by id or title",
    ("excerpts", "--context"): "characters of text shown on each side of an excerpt",
}

# The shared filters, for the commands whose help only says "(repeatable)" or the default.
CONVENTIONS = {
    "--code": "a code, by path or name",
    "--coder": "a coder, by id or name",
    "--document": "a document, by id or title",
}

# At least one example per command: (what it does, the command line).
LUSAKA = '"Lusaka police switch on facial recognition at 300 junctions"'  # a sample document
EXAMPLES: dict[str, list[tuple[str, str]]] = {
    "": [
        ("start the app on your last project (or the sample project)", "annotator"),
        ("start the app on a project", "annotator study.annotator"),
        ("check that the app starts and paints, without a screen", "annotator --smoke"),
    ],
    "new": [
        (
            "a project with the default surveillance-methods codebook",
            "annotator new study.annotator",
        ),
        (
            "a project with an empty codebook and a display name",
            'annotator new study.annotator --empty --name "Border study 2024"',
        ),
    ],
    "stats": [("how much the project holds", "annotator stats study.annotator")],
    "check": [
        ("SQLite integrity, every hash and quote re-verified", "annotator check study.annotator")
    ],
    "finish": [
        (
            "mark a document finished for yourself",
            f"annotator finish study.annotator --document {LUSAKA}",
        ),
        (
            "take the mark back for another coder",
            f'annotator finish study.annotator --document {LUSAKA} --coder "Jonas Berg" --undo',
        ),
    ],
    "whoami": [
        ("show your coder name", "annotator whoami"),
        ("set it (the app uses the same name)", 'annotator whoami "Amina Rasheed"'),
    ],
    "codes": [
        ("the codebook tree with code paths and counts", "annotator codes study.annotator"),
        (
            "merge a Taguette or Annotator codebook CSV",
            "annotator codes study.annotator --import codebook.csv",
        ),
    ],
    "code": [
        (
            "code a quoted passage",
            f"annotator code study.annotator --document {LUSAKA} "
            '--code "Facial recognition" --quote "live facial recognition"',
        ),
        (
            "code the second occurrence of a phrase, with a memo",
            f"annotator code study.annotator --document {LUSAKA} --code "
            '"Video surveillance/CCTV" --quote "cameras" --occurrence 2 --memo "junction cameras"',
        ),
        (
            "code by position (code points, end exclusive)",
            f"annotator code study.annotator --document {LUSAKA} --code CCTV --start 332 --end 379",
        ),
    ],
    "import": [
        ("import files and whole folders", "annotator import study.annotator articles/ notes.docx"),
        (
            "import saved web pages, dropping boilerplate (the report lists what went)",
            "annotator import study.annotator saved-pages/ --clean",
        ),
        (
            "a text file in Arabic Windows encoding, with its details",
            "annotator import study.annotator report.txt --encoding cp1256 "
            '--title "Report on checkpoints" --url https://example.org/report '
            "--published 2024-04-16",
        ),
        ("pasted text from another program", "xclip -o | annotator import study.annotator --stdin"),
    ],
    "documents": [
        ("titles, dates, sizes and both hashes", "annotator documents study.annotator"),
        ("the same as JSON, for scripts", "annotator documents study.annotator --json"),
    ],
    "show": [("a document's details and text", f"annotator show study.annotator {LUSAKA}")],
    "search": [
        ("words anywhere in a document", "annotator search study.annotator 'facial recognition'"),
        (
            "an exact phrase",
            "annotator search study.annotator '\"number-plate reads\"'",
        ),
        (
            "a pattern, case-sensitive, best documents first",
            "annotator search study.annotator --regex 'Nightjar|Corvid' --case-sensitive "
            "--by-relevance",
        ),
    ],
    "autocode": [
        (
            "see what would be coded, then code it",
            "annotator autocode study.annotator --code 'Facial recognition' "
            "--query 'facial recognition' --dry-run",
        ),
        (
            "code the whole sentence around each match of a pattern",
            "annotator autocode study.annotator --code 'Phone interception' "
            "--pattern 'intercept\\w*' --scope sentence",
        ),
    ],
    "excerpts": [
        (
            "every excerpt of a code and its sub-codes",
            "annotator excerpts study.annotator --code 'Video surveillance' --with-subcodes",
        ),
        (
            "passages coded with both codes at once, by one coder",
            "annotator excerpts study.annotator --code CCTV --code Journalists --match all "
            "--coder 'Amina Rasheed'",
        ),
    ],
    "report": [
        ("codings and documents per code", "annotator report study.annotator --frequencies"),
        (
            "code-by-document matrix, also as CSV",
            "annotator report study.annotator --matrix --csv matrix.csv",
        ),
        ("which codes overlap which", "annotator report study.annotator --cooccurrence"),
    ],
    "merge": [
        (
            "see what a colleague's copy would bring in",
            "annotator merge study.annotator jonas.annotator --dry-run",
        ),
        (
            "merge a partner's REFI-QDA project, keeping ours on conflicts",
            "annotator merge study.annotator partner.qdpx --on-conflict ours",
        ),
    ],
    "agreement": [
        (
            "two coders over the documents both finished",
            "annotator agreement study.annotator --coder 'Amina Rasheed' --coder 'Jonas Berg'",
        ),
        (
            "one code, counting unfinished documents too",
            "annotator agreement study.annotator --coder 'Amina Rasheed' --coder 'Jonas Berg' "
            "--code 'Facial recognition' --include-unfinished",
        ),
    ],
    "export": [
        (
            "a Word report of two codes, with citations",
            "annotator export study.annotator -o report.docx --code 'Facial recognition' "
            "--code CCTV",
        ),
        (
            "every coding as CSV for R or pandas",
            "annotator export study.annotator -o codings.csv --raw",
        ),
        (
            "a REFI-QDA project for a partner using another tool",
            "annotator export study.annotator --format qdpx -o for-partner.qdpx",
        ),
        (
            "a copy with names replaced, to share",
            "annotator export study.annotator --format redacted --redact names.txt "
            "-o shared.annotator",
        ),
    ],
}

INTRODUCTION = """\
The `annotator` command starts the app or, followed by a command, does the same work
from a terminal or a script: import, code, search, export, merge, compare coders.
Both use the same project file and the same rules, so a project can be coded in the
app and exported from a script (or the other way round).

Conventions shared by every command:

- `PROJECT` is the `.annotator` file. An encrypted project asks for its passphrase at
  the terminal, or reads it from the `ANNOTATOR_PASSPHRASE` environment variable; it
  is never an argument (other users of the machine could see it).
- `--json` prints machine-readable JSON instead of text.
- `--code PATH`, `--coder ID|NAME` and `--document ID|TITLE` mean the same everywhere.
  A code is named by its path (`Video surveillance/CCTV`) or its name alone; a coder
  by its id or name, a document by its id or full title (case does not matter). A
  name that fits two of them is an error that lists them. Where marked *repeatable*, give the option
  several times.
- Commands that write record who did it: the coder given with `--coder` (a name not
  yet in the project adds that coder), or else your configured coder (`annotator
  whoami NAME`, the same name the app asks for on first launch).
- A failure prints one line on standard error and exits with status 1 (2 for a
  command line that cannot be read); progress goes to standard error too, so the
  output stays clean for pipes and `--json`. Something the command did not expect (a
  damaged file, memory running out, a bug) is one line too, with status 3; its full
  report goes to the log file the line names, for whoever helps you.
"""


@dataclass(frozen=True)
class Argument:
    """One argument as the reference lists it."""

    names: tuple[str, ...]  # option strings, or the metavar of a positional
    shown: str  # how it is written, e.g. `-o OUT, --output OUT`
    help: str

    @property
    def options(self) -> tuple[str, ...]:
        return tuple(n for n in self.names if n.startswith("-"))


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def command_help(parser: argparse.ArgumentParser) -> dict[str, str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return {a.dest: a.help or "" for a in action._choices_actions}
    return {}


def usage(parser: argparse.ArgumentParser) -> str:
    """The usage line at a fixed width, so the page does not depend on the terminal."""
    formatter = argparse.HelpFormatter(parser.prog, width=USAGE_WIDTH)
    formatter.add_usage(parser.usage, parser._actions, parser._mutually_exclusive_groups)
    return formatter.format_help().strip()


def arguments(command: str, parser: argparse.ArgumentParser) -> list[Argument]:
    listed: list[Argument] = []
    formatter = argparse.HelpFormatter(parser.prog, width=USAGE_WIDTH)
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction | argparse._SubParsersAction):
            continue
        if action.help == argparse.SUPPRESS:
            continue
        listed.append(
            Argument(
                names=tuple(action.option_strings) or (_metavar(action),),
                shown=_shown(action),
                help=_help(command, action, formatter),
            )
        )
    return listed


def _metavar(action: argparse.Action) -> str:
    if isinstance(action.metavar, str):
        return action.metavar
    return action.dest


def _shown(action: argparse.Action) -> str:
    if not action.option_strings:
        return _metavar(action) + (" ..." if action.nargs in ("*", "+") else "")
    if action.nargs == 0:
        return ", ".join(action.option_strings)
    value = action.metavar or (
        "{" + ",".join(map(str, action.choices)) + "}" if action.choices else action.dest.upper()
    )
    return ", ".join(f"{option} {value}" for option in action.option_strings)


def _help(command: str, action: argparse.Action, formatter: argparse.HelpFormatter) -> str:
    words = formatter._expand_help(action) if action.help else ""
    key = action.option_strings[-1] if action.option_strings else _metavar(action)
    if not words:
        words = FALLBACK_HELP.get((command, key), "")
    if key in CONVENTIONS and (not words or words.startswith(("(", "default:"))):
        words = (
            f"{CONVENTIONS[key]}; {words}"
            if words.startswith("default:")
            else (f"{CONVENTIONS[key]} {words}".strip())
        )
    if not words and not isinstance(action, argparse._VersionAction):
        raise ValueError(
            f"`annotator {command} {_shown(action)}` has no help text: give it `help=` "
            f"or add words for it to FALLBACK_HELP in {Path(__file__).name}"
        )
    if isinstance(action, argparse._VersionAction):
        words = "print the version and exit"
    notes = []
    if action.required and action.option_strings:
        notes.append("required")
    if isinstance(action, argparse._AppendAction) and "repeatable" not in words:
        notes.append("repeatable")
    if _shows_default(action) and "default" not in words:
        notes.append(f"default: `{action.default}`")
    return words + (f" ({'; '.join(notes)})" if notes else "")


def _shows_default(action: argparse.Action) -> bool:
    if action.nargs == 0 or action.default in (None, "", [], argparse.SUPPRESS):
        return False
    return bool(action.option_strings)


def _groups_note(parser: argparse.ArgumentParser) -> list[str]:
    notes = []
    for group in parser._mutually_exclusive_groups:
        names = " / ".join(f"`{a.option_strings[0]}`" for a in group._group_actions)
        notes.append(f"{'Exactly' if group.required else 'At most'} one of {names}.")
    return notes


def _anchor(command: str) -> str:
    return f"annotator-{command}"


def render(parser: argparse.ArgumentParser, gui_parser: argparse.ArgumentParser) -> str:
    """The whole reference page as Markdown."""
    commands = subcommands(parser)
    helps = command_help(parser)
    missing = sorted(set(commands) - set(EXAMPLES))
    if missing:
        raise ValueError(f"no example for: {', '.join(missing)} (add them to EXAMPLES)")
    lines = [
        "# Command-line reference",
        "",
        "<!-- Generated by scripts/cli_reference.py from the parser itself: do not edit.",
        "     Regenerate with `.venv/bin/python scripts/cli_reference.py`. -->",
        "",
        INTRODUCTION,
        "## Commands",
        "",
        "- [`annotator [PROJECT]`](#annotator): start the app",
    ]
    lines += [f"- [`annotator {c}`](#{_anchor(c)}): {helps.get(c, '')}" for c in commands]
    lines.append("")
    lines += _section("annotator", "", gui_parser.description or "", gui_parser, "")
    lines += _section("annotator", "", parser.description or "", parser, "", options_only=True)
    for name, sub in commands.items():
        text = helps.get(name, "")
        if sub.description:
            text = (
                f"{text[:1].upper()}{text[1:]}.\n\n{sub.description}" if text else sub.description
            )
        elif text:
            text = f"{text[:1].upper()}{text[1:]}."
        lines += _section(f"annotator {name}", name, text, sub, name)
    return "\n".join(lines).rstrip() + "\n"


def _section(
    title: str,
    command: str,
    text: str,
    parser: argparse.ArgumentParser,
    examples_key: str,
    *,
    options_only: bool = False,
) -> list[str]:
    listed = arguments(command, parser)
    if options_only:  # the top-level options, after the app's own section
        return [
            "Before a command, these apply to every command:",
            "",
            *(f"- `{a.shown}`: {_escape(a.help)}" for a in listed),
            "",
        ]
    lines = [f"## `{title}`", "", _escape(text), "", "```text", usage(parser), "```", ""]
    lines += [f"- `{a.shown}`: {_escape(a.help)}" for a in listed]
    lines += [f"\n{note}" for note in _groups_note(parser)]
    lines += ["", "Examples:", "", "```sh"]
    for why, command_line in EXAMPLES[examples_key]:
        lines += [f"# {why}", wrapped(command_line)]
    lines += ["```", ""]
    return lines


_WORD = re.compile(r"""(?:[^\s"']+|"[^"]*"|'[^']*')+""")


def wrapped(command_line: str, width: int = USAGE_WIDTH - 4) -> str:
    """A long example over several lines, continued with backslashes as a shell reads it."""
    words: list[str] = []
    for word in _WORD.findall(command_line):  # an option stays on the line of its value
        if (
            words
            and words[-1].startswith("-")
            and not word.startswith("-")
            and " " not in words[-1]
        ):
            words[-1] += " " + word
        else:
            words.append(word)
    lines = [""]
    for word in words:
        if lines[-1].strip() and len(lines[-1]) + 1 + len(word) > width:
            lines.append("    ")
        lines[-1] += (" " if lines[-1].strip() else "") + word
    return " \\\n".join(lines)


def _escape(text: str) -> str:
    """Keep argparse's plain text plain in Markdown (`*`, `<`, `_` would format)."""
    parts = re.split(r"(`[^`]*`)", text)
    return "".join(p if p.startswith("`") else re.sub(r"([*_<\[\]])", r"\\\1", p) for p in parts)


def example_argv(command_line: str) -> list[str]:
    """The arguments after `annotator` in an example (the part before a pipe is skipped)."""
    if " | annotator " in command_line:
        command_line = "annotator " + command_line.split(" | annotator ", 1)[1]
    words = shlex.split(command_line)
    assert words[0] == "annotator", command_line
    return words[1:]


# -- what the page names, read back from the Markdown (for the test) ---------------------


def documented(markdown: str) -> dict[str, set[str]]:
    """Command -> the options its section lists (`""` for the app and global options)."""
    found: dict[str, set[str]] = {}
    current = ""
    for line in markdown.splitlines():
        heading = re.match(r"## `annotator(?: ([\w-]+))?", line)
        if heading:
            current = heading.group(1) or ""
            found.setdefault(current, set())
            continue
        item = re.match(r"- `([^`]+)`:", line)
        if item and current in found:
            found[current] |= set(re.findall(r"(?<![\w-])(--?[A-Za-z][\w-]*)", item.group(1)))
    return found


def defined(
    parser: argparse.ArgumentParser, gui_parser: argparse.ArgumentParser
) -> dict[str, set[str]]:
    """Command -> the options the parser accepts (`""`: the app's and the global ones)."""

    def options(p: argparse.ArgumentParser) -> set[str]:
        return {
            o
            for a in p._actions
            for o in a.option_strings
            if not isinstance(a, argparse._HelpAction)
        }

    found = {"": options(parser) | options(gui_parser)}
    for name, sub in subcommands(parser).items():
        found[name] = options(sub)
    return found


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    from annotator.cli import build_gui_parser, build_parser

    page = render(build_parser(), build_gui_parser())
    if "--check" in argv:
        if REFERENCE.read_text("utf-8") != page:
            print(f"{REFERENCE} is out of date: run scripts/cli_reference.py", file=sys.stderr)
            return 1
        return 0
    REFERENCE.write_text(page, "utf-8")
    print(f"wrote {REFERENCE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
