"""Importing real-world documents: read, extract, clean up (visibly), store.

Public API (everything else in this package is internal):

- `prepare_file(path, options)`, `prepare_pasted(text, options)`, `prepare_bytes(...)`
  give a `Draft`: the preview of one source, which the researcher may adjust.
- `import_items(project, [paths or drafts], coder_id=..., options=..., on_progress=...,
  should_cancel=...)` imports files, folders and drafts and returns an `ImportReport`
  whose `change` undoes the whole import.
"""

from annotator.core.importing.bulk import collect, import_items
from annotator.core.importing.cleanup import Reason, Removal
from annotator.core.importing.drafts import (
    PASTED,
    Draft,
    ImportOptions,
    prepare,
    prepare_bytes,
    prepare_file,
    prepare_pasted,
    prepare_stream,
)
from annotator.core.importing.errors import ImportFailed
from annotator.core.importing.notices import Notice, NoticeKind
from annotator.core.importing.reading import SUPPORTED_SUFFIXES, Kind, Source, read_source
from annotator.core.importing.report import (
    Duplicate,
    Failed,
    Imported,
    ImportReport,
    Outcome,
    Progress,
)

__all__ = [
    "PASTED",
    "SUPPORTED_SUFFIXES",
    "Draft",
    "Duplicate",
    "Failed",
    "ImportFailed",
    "ImportOptions",
    "ImportReport",
    "Imported",
    "Kind",
    "Notice",
    "NoticeKind",
    "Outcome",
    "Progress",
    "Reason",
    "Removal",
    "Source",
    "collect",
    "import_items",
    "prepare",
    "prepare_bytes",
    "prepare_file",
    "prepare_pasted",
    "prepare_stream",
    "read_source",
]
