"""What the system said about a file, and what a path turned out to be: one sentence each.

Errors carry an `OsProblem` or a `FileType` instead of the C library's English; every
dialog that names a file it could not use adds these sentences after its own.
"""

from __future__ import annotations

from annotator.core.os_problems import FileType, OsProblem
from annotator.ui.i18n import translate


def _systems() -> dict[OsProblem, str]:
    return {
        OsProblem.NOT_FOUND: translate("Files", "The file or its folder does not exist."),
        OsProblem.NO_PERMISSION: translate("Files", "You have no permission to use it."),
        OsProblem.READ_ONLY: translate("Files", "The disk is read-only."),
        OsProblem.DISK_FULL: translate("Files", "The disk is full; free some space and try again."),
        OsProblem.IN_USE: translate(
            "Files", "Another program is using it; close it there and try again."
        ),
        OsProblem.IS_FOLDER: translate("Files", "A folder of that name is in the way."),
        OsProblem.NOT_A_FOLDER: translate("Files", "A part of its path is a file, not a folder."),
        OsProblem.NAME_TOO_LONG: translate("Files", "Its name is too long."),
        OsProblem.CANNOT_OPEN: translate("Files", "The file or its folder cannot be opened."),
        OsProblem.DEVICE_ERROR: translate(
            "Files", "The disk or the network failed while it was being used."
        ),
        OsProblem.OTHER: translate("Files", "The system refused it."),
    }


def _file_types() -> dict[FileType, str]:
    return {
        FileType.FOLDER: translate("Files", "It is a folder."),
        FileType.PIPE: translate("Files", "It is a named pipe, not a file."),
        FileType.DEVICE: translate("Files", "It is a device, not a file."),
        FileType.SOCKET: translate("Files", "It is a socket, not a file."),
        FileType.OTHER: translate("Files", "It is not a regular file."),
        FileType.REGULAR: translate("Files", "It was replaced while it was being opened."),
    }


def system_sentence(problem: OsProblem) -> str:
    return _systems()[problem]


def file_type_sentence(file_type: FileType) -> str:
    return _file_types()[file_type]
