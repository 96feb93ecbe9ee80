"""Fuzzy ranking in the quick-code palette, and the palette driven by keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.core import codebook
from annotator.core.project import Project
from annotator.ui.quick_code import Candidate, QuickCodePalette, candidates_from, fuzzy_score, rank


def names(found: list[Candidate]) -> list[str]:
    return [c.name for c in found]


def test_letters_must_appear_in_order() -> None:
    assert fuzzy_score("fcrc", "Facial recognition") is not None
    assert fuzzy_score("rcf", "Facial recognition") is None


def test_word_starts_and_substrings_rank_first(project: Project) -> None:
    candidates = candidates_from(codebook.codebook_tree(project))
    assert names(rank("fac rec", candidates))[0] == "Facial recognition"
    assert names(rank("sim", candidates))[0] == "SIM card registration"
    assert names(rank("iris", candidates))[0] == "Iris scans"
    assert len(rank("", candidates)) == len(candidates)
    assert rank("zzzz qqq", candidates) == []


def test_words_of_a_definition_find_its_code() -> None:
    candidates = [
        Candidate("a", "Alpha", "Alpha", "Cameras that read number plates", "#000000"),
        Candidate("b", "Beta", "Beta", "", "#000000"),
    ]
    assert names(rank("plates", candidates)) == ["Alpha"]


def test_the_palette_is_driven_by_arrows_and_enter(qtbot: QtBot, project: Project) -> None:
    palette = QuickCodePalette(candidates_from(codebook.codebook_tree(project)))
    qtbot.addWidget(palette)
    qtbot.keyClicks(palette.query, "camera")
    first = palette.results.currentItem().text()
    qtbot.keyClick(palette.query, Qt.Key.Key_Down)
    second = palette.results.currentItem()
    assert second.text() != first
    qtbot.keyClick(palette.query, Qt.Key.Key_Return)
    assert palette.chosen_code_id == second.data(Qt.ItemDataRole.UserRole + 1)
    assert palette.new_code_name is None


def test_an_unknown_name_offers_to_create_the_code(qtbot: QtBot, project: Project) -> None:
    palette = QuickCodePalette(candidates_from(codebook.codebook_tree(project)))
    qtbot.addWidget(palette)
    qtbot.keyClicks(palette.query, "Smart  lampposts")
    last = palette.results.item(palette.results.count() - 1)
    assert last.text() == "➕ Create code “Smart lampposts”"
    palette.results.setCurrentItem(last)
    qtbot.keyClick(palette.query, Qt.Key.Key_Return)
    assert palette.new_code_name == "Smart lampposts"
    assert palette.chosen_code_id is None
