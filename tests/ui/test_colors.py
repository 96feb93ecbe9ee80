"""Readable text on every highlight, distinct new colours, in-vivo names, default keys."""

from __future__ import annotations

import itertools

from annotator.core import codebook
from annotator.core.project import Project
from annotator.ui import colors
from annotator.ui.code_shortcuts import assign_shortcuts
from annotator.ui.coding_actions import in_vivo_name

WCAG_AA = 4.5


def test_text_on_every_default_code_highlight_is_readable(project: Project) -> None:
    tints = [colors.tint(c.color) for c in codebook.list_codes(project)]
    for tint in tints:
        assert colors.contrast_ratio(colors.readable_text(tint), tint) >= WCAG_AA
    for pair in itertools.combinations(tints[:20], 2):  # striped overlaps
        text = colors.readable_text(pair)
        assert min(colors.contrast_ratio(text, t) for t in pair) >= WCAG_AA


def test_readable_text_turns_white_on_dark_colours() -> None:
    assert colors.readable_text("#1B1B1B") == colors.WHITE
    assert colors.readable_text("#FFF4CE") == colors.BLACK
    assert round(colors.contrast_ratio("#000000", "#FFFFFF"), 1) == 21.0


def test_tints() -> None:
    assert colors.tint("#000000", 0.25) == "#BFBFBF"


def test_a_new_code_gets_the_least_used_colour() -> None:
    used = list(colors.NEW_CODE_COLORS[:3]) * 2 + [colors.NEW_CODE_COLORS[3]]
    assert colors.next_code_color(used) == colors.NEW_CODE_COLORS[4]


def test_in_vivo_names_are_one_trimmed_line_without_slashes() -> None:
    assert (
        in_vivo_name('  "sold the cameras\nto the police."  ') == "sold the cameras to the police"
    )
    assert in_vivo_name("input/output") == "input-output"
    long = in_vivo_name("word " * 40)
    assert len(long) <= 61
    assert long.endswith("word…")


def test_digits_go_to_the_first_codes_and_own_keys_win(project: Project) -> None:
    nodes = codebook.codebook_tree(project)
    cctv = codebook.find_code(project, "CCTV").id
    codebook.update_code(project, cctv, shortcut="3")
    assigned = assign_shortcuts(codebook.codebook_tree(project))
    assert assigned["3"] == cctv
    assert assigned["1"] == nodes[0].code.id
    assert assigned["2"] == nodes[2].code.id  # CCTV (second) has its own key
    assert list(assigned.values()).count(cctv) == 1
    assert len([k for k in assigned if k.isdigit()]) == 9
