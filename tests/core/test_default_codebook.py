"""The shipped surveillance-methods codebook: coverage, definitions, readable colours."""

from __future__ import annotations

import json
import re

from annotator.core import codebook
from annotator.core.codebook_file import default_codebook_path
from annotator.core.project import Project

REQUIRED = [
    "CCTV",
    "Facial recognition",
    "Fingerprints",
    "Photographs",
    "DNA and blood samples",
    "Iris scans",
    "Voice samples",
    "Population registries",
    "Licence-plate recognition",
    "Phone interception",
    "Spyware and device hacking",
    "Location tracking",
    "Social-media monitoring",
    "Internet shutdowns",
    "Border fences and walls",
    "Electronic border monitoring",
    "Checkpoints",
    "Travel permits",
    "Informants",
    "Security agents",
    "Neighbourhood-watch structures",
    "Technology imports",
    "Sanctions evasion",
    "Research and development",
    "Inter-agency data sharing",
    "Targets and affected groups",
    "Legal basis and oversight",
]


def test_new_projects_start_with_the_default_codebook(project: Project) -> None:
    tree = codebook.codebook_tree(project)
    categories = [n for n in tree if n.depth == 0]
    assert len(categories) >= 8
    assert len(tree) >= 35
    present = {n.code.name for n in tree}
    assert [name for name in REQUIRED if name not in present] == []


def test_every_code_has_a_definition_and_a_distinct_colour(project: Project) -> None:
    tree = codebook.codebook_tree(project)
    assert all(len(n.code.definition) > 30 for n in tree)
    colours = [n.code.color for n in tree]
    assert all(re.fullmatch(r"#[0-9A-F]{6}", c) for c in colours)
    assert len(set(colours)) == len(colours)


def test_colours_are_light_enough_for_black_text() -> None:
    data = json.loads(default_codebook_path().read_text("utf-8"))

    def walk(entries: list[dict]) -> list[str]:
        return [c for e in entries for c in [e["color"], *walk(e.get("children", []))]]

    for colour in walk(data["codes"]):
        r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
        luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
        assert 0.15 < luminance < 0.95, colour


def test_empty_project_has_no_codes(empty_project: Project) -> None:
    assert codebook.codebook_tree(empty_project) == []
