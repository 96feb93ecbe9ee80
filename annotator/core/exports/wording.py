"""The words a Word export prints around the excerpts, in English by default.

The GUI passes a ReportWording built from its translated strings, so a report comes
out in the user's language; the core only supplies the defaults.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReportWording:
    report_title: str = "Coded excerpts"
    codebook_title: str = "Codebook"
    selection: str = "Selection"
    codes: str = "Codes"
    documents: str = "Documents"
    coders: str = "Coders"
    published: str = "Published"
    exported: str = "Exported"
    contents: str = "Contents"
    grouping: str = "Grouped by"
    by_code: str = "code"
    by_document: str = "document"
    all_codes: str = "all codes"
    all_documents: str = "all documents"
    all_coders: str = "all coders"
    any_date: str = "any date"
    with_subcodes: str = "with their sub-codes"
    date_from: str = "from {date}"
    date_to: str = "to {date}"
    totals: str = "{codings} excerpts from {documents} documents under {codes} codes"
    more: str = "and {count} more"
    no_excerpts: str = "No excerpts selected for this code."
    no_definition: str = "No definition yet."
    coded_as: str = "Coded as"
    memo: str = "Memo"
    path: str = "Path"
