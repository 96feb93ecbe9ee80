"""The input guard: regular files only, looked at before opening, reads capped, names as text."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from annotator.core import input_files
from annotator.core.input_files import FileType, InputProblem, InputRefused


def test_a_regular_file_is_read_whole_within_its_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"12345")
    assert input_files.read_regular_file(path, 5) == b"12345"
    with pytest.raises(InputRefused) as caught:
        input_files.read_regular_file(path, 4)
    assert caught.value.problem is InputProblem.TOO_LARGE
    assert (caught.value.size, caught.value.limit) == (5, 4)


def test_a_missing_file_and_a_folder(tmp_path: Path) -> None:
    with pytest.raises(InputRefused) as caught:
        input_files.read_regular_file(tmp_path / "gone.txt", 10)
    assert caught.value.problem is InputProblem.MISSING
    with pytest.raises(InputRefused) as caught:
        input_files.read_regular_file(tmp_path, 10)
    assert caught.value.problem is InputProblem.NOT_REGULAR
    assert caught.value.file_type is FileType.FOLDER


def test_a_file_swapped_between_the_look_and_the_open_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    looked_at = tmp_path / "a.txt"
    looked_at.write_bytes(b"the file that was checked")
    other = tmp_path / "b.txt"
    other.write_bytes(b"another file put in its place")
    monkeypatch.setattr(input_files, "_open_descriptor", lambda path: os.open(other, os.O_RDONLY))
    with pytest.raises(InputRefused) as caught:
        input_files.read_regular_file(looked_at, 100)
    assert caught.value.problem is InputProblem.NOT_REGULAR


def test_a_stream_is_read_to_the_limit_plus_one_byte_at_most() -> None:
    stream = io.BytesIO(b"x" * 1000)
    with pytest.raises(InputRefused) as caught:
        input_files.read_capped(stream, "standard input", 10)
    assert stream.tell() == 11
    assert caught.value.size is None and caught.value.limit == 10
    assert input_files.read_capped(io.BytesIO(b"x" * 10), "standard input", 10) == b"x" * 10


def test_names_that_are_not_utf8_are_shown_with_escapes() -> None:
    odd = os.fsdecode(b"b\xe9.txt")
    assert input_files.name_is_escaped(odd)
    assert input_files.shown_name(odd) == "b\\xe9.txt"
    assert input_files.shown_name(Path("/tmp") / odd) == "/tmp/b\\xe9.txt"
    assert input_files.shown_name("café.txt") == "café.txt"
    assert not input_files.name_is_escaped("café.txt")
    assert input_files.shown_name("\ud800.txt") == "\\xed\\xa0\\x80.txt"  # not from bytes


def test_control_characters_in_names_are_shown_with_escapes() -> None:
    assert input_files.shown_name("Esc\x1b[2J\x07.txt") == "Esc\\x1b[2J\\x07.txt"
    assert input_files.name_is_escaped("tab\there.txt")
