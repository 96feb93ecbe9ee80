"""Counting the statements a connection runs, for tests of how the core writes."""

from __future__ import annotations

import re

from annotator.core.project import Project

_DOCUMENT_INSERT = re.compile(r'^\s*INSERT INTO "?documents"?\s*\(', re.IGNORECASE)


def document_inserts(project: Project) -> list[str]:
    """Every INSERT into the documents table the project's connection runs from now on
    (until `project.conn.set_trace_callback(None)`).

    The trace names a statement again each time one of its triggers runs, so a repeat
    of the statement just traced is the same statement (each document has its own id).
    """
    statements: list[str] = []

    def traced(sql: str) -> None:
        if _DOCUMENT_INSERT.match(sql) and (not statements or statements[-1] != sql):
            statements.append(sql)

    project.conn.set_trace_callback(traced)
    return statements
