"""Overviews: the charts agree with `annotator report` and with counts made by hand."""

from __future__ import annotations

import csv
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QImage
from pytestqt.qtbot import QtBot

from annotator.cli import main
from annotator.core import coding, overviews
from annotator.core.codebook_file import new_project
from annotator.core.project import Project
from annotator.core.selection import Selection
from annotator.ui.overview_tab import ID_ROLE
from annotator.ui.overviews import OverviewsView
from tests.core.test_overviews import build_counted

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    return tmp_path / "counted.annotator"


@pytest.fixture
def project(project_path: Path) -> Iterator[Project]:
    project = new_project(project_path)
    yield project
    project.close()


@pytest.fixture
def counted(project: Project) -> dict[str, str]:
    return build_counted(project)


@pytest.fixture
def view(qtbot: QtBot, project: Project, counted: dict[str, str]) -> OverviewsView:
    widget = OverviewsView(project)
    qtbot.addWidget(widget)
    widget.resize(1000, 650)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def report(capsys: pytest.CaptureFixture[str], path: Path, kind: str) -> object:
    capsys.readouterr()
    assert main(["report", str(path), kind, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_frequency_bars_and_table_agree_with_the_hand_count_and_the_cli(
    view: OverviewsView, project_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tab = view.frequencies
    bars = dict(zip(tab.bars.labels, tab.bars.values, strict=True))
    # counted by hand (tests/core/test_overviews.py): FR 3, CCTV 2, J 3, VS 1 of its own
    assert bars == {
        "Video surveillance": 1,
        "CCTV": 2,
        "Facial recognition": 3,
        "Targets and affected groups": 0,
        "Journalists": 3,
    }
    tab.with_subcodes.setChecked(True)
    assert dict(zip(tab.bars.labels, tab.bars.values, strict=True))["Video surveillance"] == 6
    tab.measure.setCurrentIndex(tab.measure.findData("documents"))
    assert dict(zip(tab.bars.labels, tab.bars.values, strict=True))["Video surveillance"] == 2

    table = {
        tab.table.item(r, 0).text(): [int(tab.table.item(r, c).text()) for c in range(1, 5)]
        for r in range(tab.table.rowCount())
    }
    cli = {
        row["code"]["path"]: [
            row["codings"],
            row["documents"],
            row["codings_with_subcodes"],
            row["documents_with_subcodes"],
        ]
        for row in report(capsys, project_path, "--frequencies")  # type: ignore[union-attr]
    }
    assert table == {path: cli[path] for path in table}
    assert table["Video surveillance/Facial recognition"] == [3, 2, 3, 2]


def test_matrix_heat_map_agrees_with_the_cli(
    view: OverviewsView, project_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    heat = view.matrix.heat
    assert heat.row_labels == ["Video surveillance", "CCTV", "Facial recognition", "Journalists"]
    assert heat.column_labels == ["Lusaka", "Amman"]  # Lima has no codings: hidden
    assert heat.values == [[1, 0], [2, 0], [2, 1], [1, 2]]  # by hand
    data = report(capsys, project_path, "--matrix")
    titles = [d["title"] for d in data["documents"]]  # type: ignore[index]
    cli = {
        (code["name"], title): count
        for code, row in zip(data["codes"], data["counts"], strict=True)  # type: ignore[index]
        for title, count in zip(titles, row, strict=True)
    }
    for r, code in enumerate(heat.row_labels):
        for c, title in enumerate(heat.column_labels):
            assert heat.values[r][c] == cli[(code, title)]
    view.matrix.hide_unused.setChecked(False)
    assert heat.column_labels == ["Lusaka", "Amman", "Lima"]


def click_cell(qtbot: QtBot, heat: object, row: int, column: int) -> None:
    left, top, cell = heat._left(), heat._top(), heat.CELL  # type: ignore[attr-defined]
    point = QPoint(left + column * cell + cell // 2, top + row * cell + cell // 2)
    qtbot.mouseClick(heat, Qt.MouseButton.LeftButton, pos=point)  # type: ignore[arg-type]


def test_clicking_a_matrix_cell_lists_its_excerpts_and_opens_one(
    qtbot: QtBot, view: OverviewsView, counted: dict[str, str]
) -> None:
    view.tabs.setCurrentWidget(view.matrix)
    click_cell(qtbot, view.matrix.heat, 3, 1)  # Journalists in Amman
    cell = view.matrix.cell
    assert cell.title.text() == "Journalists in “Amman”: 2 excerpts"
    assert cell.list.count() == 2
    item = cell.list.item(0)
    with qtbot.waitSignal(view.open_requested) as opened:
        qtbot.mouseClick(
            cell.list.viewport(),
            Qt.MouseButton.LeftButton,
            pos=cell.list.visualItemRect(item).center(),
        )
    assert opened.args == [counted["Amman"], 5, 15]
    with qtbot.waitSignal(view.excerpts_requested) as asked:
        qtbot.mouseClick(cell.more, Qt.MouseButton.LeftButton)
    assert asked.args == [
        Selection(code_ids=(counted["J"],), document_ids=(counted["Amman"],)),
        "any",
    ]


def test_cooccurrence_map_and_its_cells(
    qtbot: QtBot, view: OverviewsView, counted: dict[str, str]
) -> None:
    tab = view.cooccurrence
    names = tab.heat.row_labels
    assert names == ["Video surveillance", "CCTV", "Facial recognition", "Journalists"]
    pairs = {
        (names[r], names[c]): tab.heat.values[r][c] for r in range(4) for c in range(4) if r < c
    }
    assert pairs == {
        ("Video surveillance", "CCTV"): 2,
        ("Video surveillance", "Facial recognition"): 2,
        ("Video surveillance", "Journalists"): 1,
        ("CCTV", "Facial recognition"): 2,
        ("CCTV", "Journalists"): 0,
        ("Facial recognition", "Journalists"): 1,
    }
    view.tabs.setCurrentWidget(tab)
    click_cell(qtbot, tab.heat, 2, 3)  # Facial recognition with Journalists
    assert tab.cell.title.text() == "Facial recognition with Journalists: 2 excerpts"
    assert {tab.cell.list.item(i).data(ID_ROLE) for i in range(2)} == {counted["Amman"]}


def test_copy_and_save_each_table_and_chart(
    view: OverviewsView, tmp_path: Path, project: Project
) -> None:
    for tab in (view.frequencies, view.matrix, view.cooccurrence):
        tab.copy_table()
        assert QGuiApplication.clipboard().text() == overviews.csv_text(tab.rows())
        target = tmp_path / f"{tab.name}.csv"
        assert tab.save_csv(target)
        with target.open(encoding="utf-8-sig", newline="") as handle:
            assert list(csv.reader(handle)) == [[str(c) for c in row] for row in tab.rows()]
        picture = tmp_path / f"{tab.name}.png"
        assert tab.save_png(picture)
        image = QImage(str(picture))
        assert not image.isNull()
        assert image.width() > 200 and image.height() > 100
    assert not view.matrix.save_csv(tmp_path / "missing" / "x.csv")
    assert "x.csv" in view.matrix.status.text()


def test_a_chart_or_table_is_never_saved_over_the_project_or_a_pipe(
    view: OverviewsView, tmp_path: Path, project: Project
) -> None:
    """Issue 18: Qt wrote the PNG itself, past every check; now both go through one."""
    before = project.path.read_bytes()
    tab = view.frequencies
    assert not tab.save_png(project.path)
    assert tab.status.text().startswith(f"Did not write “{project.path}”: it is the open project")
    assert not tab.save_csv(project.path)
    assert project.path.read_bytes() == before
    fifo = tmp_path / "chart.png"
    os.mkfifo(fifo)
    assert not tab.save_png(fifo)  # refused, not hung on the pipe nor replaced
    assert "not a regular file" in tab.status.text()
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_clicking_a_bar_asks_for_its_excerpts(
    qtbot: QtBot, view: OverviewsView, counted: dict[str, str]
) -> None:
    bars = view.frequencies.bars
    row = bars.labels.index("Facial recognition")
    point = QPoint(bars.width() // 2, bars._top() + row * bars.ROW + bars.ROW // 2)
    with qtbot.waitSignal(view.excerpts_requested) as asked:
        qtbot.mouseClick(bars, Qt.MouseButton.LeftButton, pos=point)
    assert asked.args == [Selection(code_ids=(counted["FR"],)), "any"]


def test_refresh_recounts(view: OverviewsView, project: Project, counted: dict[str, str]) -> None:
    coding.add_coding(project, counted["Lima"], counted["CCTV"], 0, 5, counted["amina"])
    view.refresh()
    assert "Lima" in view.matrix.heat.column_labels
    bars = dict(zip(view.frequencies.bars.labels, view.frequencies.bars.values, strict=True))
    assert bars["CCTV"] == 3
