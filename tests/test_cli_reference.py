"""docs/cli.md is the CLI's own description: it names every command and option there is,
and none that is not. Regenerate it with `.venv/bin/python scripts/cli_reference.py`."""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

import annotator.cli
from annotator.cli import build_gui_parser, build_parser, export_commands

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "cli.md"


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "cli_reference", ROOT / "scripts" / "cli_reference.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while defining
    spec.loader.exec_module(module)
    return module


generator = load_generator()


def reference_problems(page: str) -> list[str]:
    """Everything that makes `page` disagree with the CLI as it is now."""
    parser, gui = annotator.cli.build_parser(), annotator.cli.build_gui_parser()
    problems = []
    try:
        fresh = generator.render(parser, gui)
    except ValueError as exc:  # an option without help, a command without an example
        return [str(exc)]
    if fresh != page:
        problems.append("docs/cli.md differs from what scripts/cli_reference.py writes")
    listed, real = generator.documented(page), generator.defined(parser, gui)
    for command in sorted(set(real) | set(listed)):
        name = f"annotator {command}".strip()
        if command not in listed:
            problems.append(f"{name} is missing from docs/cli.md")
        elif command not in real:
            problems.append(f"docs/cli.md names {name}, which does not exist")
        else:
            problems += [
                f"{name} {o} is not documented" for o in sorted(real[command] - listed[command])
            ]
            problems += [
                f"docs/cli.md names {name} {o}, which does not exist"
                for o in sorted(listed[command] - real[command])
            ]
    return problems


def test_the_reference_matches_the_cli() -> None:
    assert reference_problems(PAGE.read_text("utf-8")) == []


def test_the_reference_is_not_empty() -> None:
    """The comparison above means something only if the page lists the real commands."""
    listed = generator.documented(PAGE.read_text("utf-8"))
    assert {"import", "code", "export", "merge", "agreement", "finish"} <= set(listed)
    assert {"--format", "--raw", "--group-by", "-o", "--output"} <= listed["export"]
    assert {"--smoke", "--version", "--verbose"} <= listed[""]


def add_an_option(monkeypatch: pytest.MonkeyPatch, **kwargs: object) -> None:
    register = export_commands.register

    def with_extra(sub: argparse._SubParsersAction) -> None:
        register(sub)
        sub.choices["export"].add_argument("--watermark", **kwargs)

    monkeypatch.setattr(export_commands, "register", with_extra)


def test_an_option_added_without_regenerating_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    add_an_option(monkeypatch, help="stamp every page")
    assert "--watermark" in generator.defined(build_parser(), build_gui_parser())["export"]
    problems = reference_problems(PAGE.read_text("utf-8"))
    assert "annotator export --watermark is not documented" in problems
    assert "docs/cli.md differs from what scripts/cli_reference.py writes" in problems


def test_an_option_without_help_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    add_an_option(monkeypatch)
    (problem,) = reference_problems(PAGE.read_text("utf-8"))
    assert "--watermark" in problem and "no help text" in problem


def test_an_option_the_cli_does_not_have_fails() -> None:
    page = PAGE.read_text("utf-8").replace(
        "- `--raw`:", "- `--colour NAME`: tint the report\n- `--raw`:", 1
    )
    assert "docs/cli.md names annotator export --colour, which does not exist" in (
        reference_problems(page)
    )


def test_a_command_the_cli_does_not_have_fails() -> None:
    page = PAGE.read_text("utf-8") + "\n## `annotator publish`\n\n- `--now`: at once\n"
    assert "docs/cli.md names annotator publish, which does not exist" in reference_problems(page)


def test_every_command_has_an_example_the_parser_accepts() -> None:
    parser, gui = build_parser(), build_gui_parser()
    commands = generator.subcommands(parser)
    assert set(commands) <= set(generator.EXAMPLES)
    for command, examples in generator.EXAMPLES.items():
        assert examples, f"annotator {command} has no example"
        for _why, line in examples:
            argv = generator.example_argv(line)
            if command:
                assert argv[0] == command, line
                parsed = parser.parse_args(argv)
                assert parsed.command == command
            else:
                gui.parse_args(argv)


def test_every_example_is_on_the_page() -> None:
    page = PAGE.read_text("utf-8")
    for examples in generator.EXAMPLES.values():
        for why, line in examples:
            assert f"# {why}\n{generator.wrapped(line)}\n" in page


def test_long_examples_wrap_into_lines_a_shell_reads_as_one() -> None:
    line = generator.EXAMPLES["code"][1][1]
    shown = generator.wrapped(line)
    assert len(shown.splitlines()) > 1
    assert all(len(row) <= generator.USAGE_WIDTH for row in shown.splitlines())
    assert generator.example_argv(shown.replace("\\\n", " ")) == generator.example_argv(line)
