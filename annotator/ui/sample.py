"""The sample project a new user codes in at once: a fresh copy in their data folder.

Built the first time it is needed (default codebook, the bundled sample articles and
a few example codings) and then left alone, so the researcher's practice codings
stay. The builder writes to a partial file (`storage.atomic_write`), so an interrupted
first launch never leaves a half-built sample behind.
"""

from __future__ import annotations

import logging
from pathlib import Path

from annotator.core import user_settings
from annotator.core.storage.atomic_write import building
from annotator.core.storage.output_guard import OutputKind

log = logging.getLogger(__name__)

SAMPLE_FILE_NAME = "Sample project.annotator"


def sample_project_path() -> Path:
    return user_settings.data_dir() / SAMPLE_FILE_NAME


def ensure_sample_project() -> Path:
    """The sample project's path, building it first if this user has none yet."""
    path = sample_project_path()
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    with building(path, kind=OutputKind.PROJECT_COPY, create=False) as partial:
        # imported here: the importer's modules load only when a first launch builds it
        from annotator.core.sample_project import build_sample_project

        build_sample_project(partial)
    log.info("built the sample project at %s", path)
    return path
