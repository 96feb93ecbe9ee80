"""What the app says about a file it did not write: refused by the output guard, failed
on the disk, or stopped by the user. Context "Messages"; `ui/messages` is the door.
"""

from __future__ import annotations

from annotator.core.exports.errors import ExportCancelled
from annotator.core.storage.write_errors import OutputUnwritable, WriteProblem
from annotator.ui.i18n import translate


def describe_unwritable_output(exc: OutputUnwritable) -> str:
    """A file not written: why, and that nothing under that name changed."""
    reason = {
        WriteProblem.NO_FOLDER: translate("Messages", "the folder does not exist"),
        WriteProblem.NO_PERMISSION: translate(
            "Messages", "you have no permission to write there (a read-only folder or file)"
        ),
        WriteProblem.IN_USE: translate(
            "Messages", "the file is open in another program; close it there and try again"
        ),
        WriteProblem.DISK_FULL: translate(
            "Messages", "the disk is full; free some space and try again"
        ),
        WriteProblem.IS_FOLDER: translate("Messages", "a folder of that name is in the way"),
        WriteProblem.TARGET_CHANGED: translate(
            "Messages", "something else took its place while it was being written"
        ),
        WriteProblem.OTHER: translate("Messages", "the file cannot be written"),
        WriteProblem.NOT_A_FILE: translate(
            "Messages", "it is not a regular file but a device, a pipe or a socket"
        ),
        WriteProblem.OPEN_PROJECT: translate(
            "Messages",
            "it is the open project or one of its working files, which writing there would destroy",
        ),
        WriteProblem.PROJECT_BACKUP: translate("Messages", "it is a backup of the open project"),
        WriteProblem.A_PROJECT: translate(
            "Messages", "it is an Annotator project, which writing there would destroy"
        ),
    }[exc.problem]
    if exc.problem.refused:
        text = translate("Messages", "Did not write “{path}”: {reason}.").format(
            path=exc.path, reason=reason
        )
        return text + " " + translate("Messages", "Choose another name; nothing was changed.")
    text = translate("Messages", "Could not write “{path}”: {reason}.").format(
        path=exc.path, reason=reason
    )
    text += " " + translate("Messages", "Any earlier file of that name is unchanged.")
    if exc.detail:
        text += "\n" + translate("Messages", "Details: {detail}").format(detail=exc.detail)
    return text


def describe_cancelled(exc: ExportCancelled) -> str:
    return translate("ExportDialog", "Export cancelled. Nothing was written.")
