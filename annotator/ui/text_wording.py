"""How the app words a value an export cannot write (a control character kept from an
older version): which value it is, and what to do. Context "Messages", like `messages`.
"""

from __future__ import annotations

from annotator.core.unwritable import TextPlace, UnwritableText
from annotator.ui.i18n import translate


def describe_unwritable(exc: UnwritableText) -> str:
    where = {
        TextPlace.CODE_NAME: translate("Messages", "The name of the code “{owner}”"),
        TextPlace.CODE_DEFINITION: translate("Messages", "The definition of the code “{owner}”"),
        TextPlace.CODE_MEMO: translate("Messages", "The memo of the code “{owner}”"),
        TextPlace.CODER_NAME: translate("Messages", "The name of the coder “{owner}”"),
        TextPlace.DOCUMENT_TITLE: translate("Messages", "The title of the document “{owner}”"),
        TextPlace.DOCUMENT_DETAIL: translate(
            "Messages", "A detail ({field}) of the document “{owner}”"
        ),
        TextPlace.DOCUMENT_MEMO: translate("Messages", "The memo of the document “{owner}”"),
        TextPlace.CODING_MEMO: translate(
            "Messages", "The memo of a coding in the document “{owner}”"
        ),
        TextPlace.OTHER: translate("Messages", "A value written to “{owner}”"),
    }[exc.place].format(owner=exc.owner, field=exc.field)
    return translate(
        "Messages",
        "{where} holds an invisible control character (U+{code:04X}) that Word, Excel and "
        "REFI-QDA files cannot hold, so nothing was written. Edit it (editing removes the "
        "character) and export again.",
    ).format(where=where, code=ord(exc.character))
