"""The append-only audit log: the chain of custody for a project's evidence."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from annotator.core.ids import CoderId, new_id, utc_now
from annotator.core.project import Project


@dataclass(frozen=True)
class Event:
    id: str
    at: str
    coder_id: CoderId | None
    action: str
    details: dict[str, Any]


def record(conn: sqlite3.Connection, action: str, coder_id: CoderId | None, **details: Any) -> str:
    """Append one event inside the caller's transaction.

    A detail may hold a file name that is not UTF-8 (`b\\udce9.csv`); SQLite cannot
    store such a string, so it is kept as a JSON escape, which reads back the same.
    """
    event_id = new_id()
    text = json.dumps(details, ensure_ascii=False).encode("utf-8", "backslashreplace")
    conn.execute(
        "INSERT INTO events (id, at, coder_id, action, details) VALUES (?, ?, ?, ?, ?)",
        (event_id, utc_now(), coder_id, action, text.decode("utf-8")),
    )
    return event_id


def history(project: Project, *, limit: int = 1000, action: str | None = None) -> list[Event]:
    """Most recent events first."""
    sql = "SELECT id, at, coder_id, action, details FROM events"
    params: list[Any] = []
    if action:
        sql += " WHERE action = ?"
        params.append(action)
    sql += " ORDER BY seq DESC LIMIT ?"
    params.append(limit)
    return [
        Event(id=r[0], at=r[1], coder_id=r[2], action=r[3], details=json.loads(r[4]))
        for r in project.conn.execute(sql, params)
    ]
