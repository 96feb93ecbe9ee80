"""The type checks `make test` runs stay as strict as they are today, or get stricter.

mypy is strict on the whole package; interface and command-line modules that do not
pass yet are named in one opt-out list in pyproject.toml. That list may only shrink:
a module added to it fails here, and so does a module removed from it but still
pinned below (lower the pin too, so nobody can put it back). The core is never
opted out, and the import contracts stay in place.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The opt-out list as it stands; remove a module from both places once it passes.
PINNED_OPT_OUTS = frozenset(
    {
        "annotator.cli.search_commands",
        "annotator.ui.autocode_dialog",
        "annotator.ui.codebook_model",
        "annotator.ui.codebook_panel",
        "annotator.ui.colors",
        "annotator.ui.excerpts_view",
        "annotator.ui.export_dialog",
        "annotator.ui.file_safety",
        "annotator.ui.find_bar",
        "annotator.ui.import_preview",
        "annotator.ui.import_wording",
        "annotator.ui.main_window",
        "annotator.ui.menu_file",
        "annotator.ui.repair_prompt",
        "annotator.ui.search_panel",
        "annotator.ui.settings",
        "annotator.ui.window_menus",
    }
)


def _pyproject() -> dict[str, object]:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return tomllib.load(file)


def _mypy() -> dict[str, object]:
    tool = _pyproject()["tool"]
    assert isinstance(tool, dict)
    mypy = tool["mypy"]
    assert isinstance(mypy, dict)
    return mypy


def _opt_outs() -> list[str]:
    """Every module pyproject.toml checks less than strictly.

    An override that does more than let a library without type information be
    imported (any flag, ignore_errors or a relaxed one) is an opt-out.
    """
    overrides = _mypy().get("overrides", [])
    assert isinstance(overrides, list)
    found: list[str] = []
    for override in overrides:
        modules = override["module"]
        names = [modules] if isinstance(modules, str) else modules
        if set(override) - {"module", "ignore_missing_imports"}:
            found.extend(names)
        else:
            assert not [n for n in names if n.split(".")[0] == "annotator"]
    return found


def test_mypy_is_strict_on_the_whole_package() -> None:
    mypy = _mypy()
    assert mypy.get("strict") is True
    assert mypy.get("files") == ["annotator"]


def test_no_module_joins_the_opt_out_list() -> None:
    added = sorted(set(_opt_outs()) - PINNED_OPT_OUTS)
    assert added == [], f"modules must pass mypy, not join the opt-out list: {added}"


def test_a_module_taken_off_the_list_is_unpinned_too() -> None:
    removed = sorted(PINNED_OPT_OUTS - set(_opt_outs()))
    assert removed == [], f"remove these from PINNED_OPT_OUTS in this test: {removed}"


def test_only_interface_and_command_line_modules_opt_out() -> None:
    listed = _opt_outs()
    assert len(listed) == len(set(listed))
    assert all(name.startswith(("annotator.ui.", "annotator.cli.")) for name in listed)
    assert not any("*" in name for name in listed), "name modules one by one"


def test_every_opted_out_module_exists() -> None:
    missing = [
        name
        for name in _opt_outs()
        if not (ROOT / (name.replace(".", "/") + ".py")).is_file()
        and not (ROOT / name.replace(".", "/") / "__init__.py").is_file()
    ]
    assert missing == []


def test_the_layer_contracts_stay() -> None:
    tool = _pyproject()["tool"]
    assert isinstance(tool, dict)
    contracts = tool["importlinter"]["contracts"]
    kinds = {
        (c["type"], tuple(c.get("layers", c.get("modules", c.get("source_modules", [])))))
        for c in contracts
    }
    assert ("layers", ("annotator.cli", "annotator.ui", "annotator.core")) in kinds
    assert ("forbidden", ("annotator.core",)) in kinds
    assert (
        "independence",
        ("annotator.core.importing", "annotator.core.exports", "annotator.core.exchange"),
    ) in kinds
