"""ExternalChanges: a window notices commits by another connection, never its own."""

from __future__ import annotations

from pathlib import Path

from annotator.core import coders
from annotator.core.project import Project, open_project
from annotator.core.sharing import ExternalChanges


def test_only_other_connections_count_as_changes(project: Project, project_path: Path) -> None:
    watcher = ExternalChanges(project)
    coders.add_coder(project, "Amina Rasheed")
    assert not watcher.changed()
    with open_project(project_path) as other:
        coders.add_coder(other, "Bashir Haddad")
        assert watcher.changed()
        assert not watcher.changed()
        coders.add_coder(other, "Chen Wei")
        coders.add_coder(other, "Dana Levi")
    assert watcher.changed()
    assert len(coders.list_coders(project)) == 4
