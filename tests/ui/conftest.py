"""Projects and a configured coder for driving the real widgets offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core import coders, user_settings
from annotator.core.codebook_file import new_project
from annotator.core.documents import NewDocument, store_document

# Our own text (never a published article): emoji, Arabic, CJK and a combining accent.
MIXED_TEXT = (
    "Checkpoint cameras 📷 watch the bridge.\n\n"
    "قالت الشرطة إن الكاميرات تعمل ليلاً ونهاراً.\n\n"
    "天眼系统 records every face 👁️ at the gate.\n\n"
    "The café\u0301 owner was asked for his ID card."
)
REPORT_TEXT = (
    "Border guards installed thermal sensors along the river.\n\n"
    "Residents said drones flew over the villages every night.\n\n"
    "A ministry spokesperson declined to comment on the contract."
)


@pytest.fixture
def identity() -> user_settings.CoderIdentity:
    """The researcher at the keyboard, as first launch would have asked."""
    return user_settings.set_configured_coder("Amina Rasheed")


@pytest.fixture
def workbench_path(tmp_path: Path, identity: user_settings.CoderIdentity) -> Path:
    """A closed project file with the default codebook and two documents."""
    path = tmp_path / "workbench.annotator"
    project = new_project(path)
    coders.add_coder(project, identity.name, identity.id)
    store_document(
        project,
        NewDocument(
            title="Mixed scripts at the border",
            text=MIXED_TEXT,
            provenance={"publisher": "Field notes", "published_date": "2024-03-02"},
        ),
    )
    store_document(
        project,
        NewDocument(
            title="Sensors on the river",
            text=REPORT_TEXT,
            provenance={"publisher": "Daily Ledger", "published_date": "2024-01-15"},
        ),
    )
    project.close()
    return path
