"""Typed ids and UTC timestamps shared by every table.

All entities carry UUIDs: REFI-QDA exchange needs GUIDs and merging copies of a
project needs ids that are unique across laptops.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import NewType

CoderId = NewType("CoderId", str)
DocumentId = NewType("DocumentId", str)
CodeId = NewType("CodeId", str)
CodingId = NewType("CodingId", str)


def new_id() -> str:
    return str(uuid.uuid4())


def utc_now() -> str:
    """Current time as UTC ISO 8601 with seconds, e.g. `2024-04-16T09:30:00Z`."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
