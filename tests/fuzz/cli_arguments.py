"""Command lines for any subcommand, read from the parser itself.

Every argument of a subcommand is described by its argparse action: a flag, a choice,
a whole number (annotator.cli.numbers), a path or free text; repeatable or not; required
or not. `command_lines(name, places)` draws whole command lines from that description,
so a new command or option is fuzzed without anyone touching the tests.
"""

from __future__ import annotations

import argparse
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st

from annotator.cli import build_parser
from annotator.cli.numbers import MAX_TEXT_LENGTH, WholeNumber

PARSER = build_parser()


def subcommands() -> dict[str, argparse.ArgumentParser]:
    for action in PARSER._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("the parser has no subcommands")


@dataclass(frozen=True)
class Places:
    """The files an example may name: all inside the example's own folder."""

    folder: Path
    project: Path
    existing: tuple[Path, ...]  # inputs of every kind (see test_fuzz_cli.example_folder)
    names: tuple[str, ...]  # names in the project: codes, documents, coders, ids


# Numbers that have broken programs: the edges of SQLite's and C's integers, and ours.
EDGES = [0, 1, -1, 2, 2**31 - 1, 2**31, 2**63 - 1, 2**63, -(2**63) - 1, 10**23,
         MAX_TEXT_LENGTH, MAX_TEXT_LENGTH + 1]  # fmt: skip
ODD_NUMBERS = [" 7 ", "+5", "1_000", "٣", "0x10", "1e3", "", "-0", "NaN", "9" * 5000]
# Text that is hard for someone: accents in both normal forms, case that only Unicode
# folds, right-to-left, emoji, controls and terminal escapes, bytes that are not UTF-8.
ODD_TEXT = [
    "Café", unicodedata.normalize("NFD", "Café"), "CAFÉ", "STRASSE", "straße", "ǅ", "İ",
    "خالد منصور", "天眼科技", "👁️‍🗨️", "\u202eevil", "a\tb", "\x1b[2J\x1b]0;x\x07", "\x7f\x9b",
    "line\nbreak", "\r", " ", "", "-", "--", "/", "a/b/", "%s%n", "'\"", "*", "(", "NOT",
    os.fsdecode(b"b\xe9"), os.fsdecode(b"\xff\xfe"), "\udcff",
]  # fmt: skip


def in_argv(text: str) -> bool:
    """Whether a real command line can hold `text`: no NUL, and no surrogate but the
    ones Python makes of bytes that are not UTF-8."""
    try:
        return "\x00" not in text and os.fsdecode(os.fsencode(text)) == text
    except UnicodeError:
        return False


def texts(names: tuple[str, ...]) -> st.SearchStrategy[str]:
    generated = st.text(max_size=24).filter(in_argv)
    escaped = st.binary(max_size=12).map(os.fsdecode).filter(in_argv)
    return st.one_of(st.sampled_from(names), st.sampled_from(ODD_TEXT), generated, escaped)


def numbers() -> st.SearchStrategy[str]:
    return st.one_of(
        st.integers(-5, 60).map(str),
        st.sampled_from(EDGES).map(str),
        st.integers(-(2**80), 2**80).map(str),
        st.sampled_from(ODD_NUMBERS),
    )


def paths(places: Places) -> st.SearchStrategy[str]:
    fresh = st.sampled_from(
        ["new.annotator", "out.csv", "out.docx", "out.xlsx", "out.qdpx", "out.qdc",
         "copy.annotator", "sub/deeper/out.csv", "out"]
    )  # fmt: skip
    # Never "/" or "..": an import of the whole disk, or of the other examples' folders,
    # would test the machine, not the command.
    invented = st.text(st.characters(blacklist_characters="/"), min_size=1, max_size=12).filter(
        lambda name: in_argv(name) and name not in (".", "..")
    )
    odd = st.sampled_from(["", ".", "folder/", "nowhere/", "nowhere/x.annotator"])
    return st.one_of(
        st.just(places.project),
        st.sampled_from(places.existing),
        st.one_of(fresh, invented, odd).map(lambda name: places.folder / name),
    ).map(str)


def values(action: argparse.Action, places: Places) -> st.SearchStrategy[str]:
    if action.choices is not None:
        return st.one_of(st.sampled_from([str(c) for c in action.choices]), texts(places.names))
    if isinstance(action.type, WholeNumber):
        return numbers()
    if action.type is Path:
        return paths(places)
    return texts(places.names)


def project_paths(command: str, places: Places) -> st.SearchStrategy[str]:
    """Mostly the example's real project (a fresh name for `new`), else any path."""
    if command == "new":
        return paths(places)
    real = st.just(str(places.project))
    return st.one_of(real, real, real, paths(places))


def _takes_no_value(action: argparse.Action) -> bool:
    return action.nargs == 0


@st.composite
def _piece(draw: st.DrawFn, action: argparse.Action, places: Places) -> list[str]:
    """The tokens of one option: its flag, and its value(s) if it takes any."""
    flag = draw(st.sampled_from(action.option_strings))
    if _takes_no_value(action):
        return [flag]
    repeats = draw(st.integers(1, 3)) if isinstance(action, argparse._AppendAction) else 1
    tokens: list[str] = []
    for _ in range(repeats):
        value = draw(values(action, places))
        # `--memo=-x` keeps a value that starts with "-" a value, as a user would write it
        tokens += [f"{flag}={value}"] if value.startswith("-") else [flag, value]
    return tokens


@st.composite
def command_lines(draw: st.DrawFn, name: str, places: Places) -> list[str]:
    """A command line for subcommand `name`: its positionals, then some of its options
    (every required one) in a drawn order, sometimes options first."""
    parser = subcommands()[name]
    positionals: list[str] = []
    pieces: list[list[str]] = []
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        if not action.option_strings:
            if action.dest == "project":
                positionals.append(draw(project_paths(name, places)))
                continue
            count = {"*": draw(st.integers(0, 2)), "?": draw(st.integers(0, 1))}.get(
                str(action.nargs), 1
            )
            positionals += [draw(values(action, places)) for _ in range(count)]
        elif action.required or draw(st.integers(0, 2)) == 0:
            pieces.append(draw(_piece(action, places)))
    options = [token for piece in draw(st.permutations(pieces)) for token in piece]
    if any(p.startswith("-") for p in positionals):  # a value, not an option
        return [name, *options, "--", *positionals]
    if draw(st.booleans()):
        return [name, *options, *positionals]
    return [name, *positionals, *options]
