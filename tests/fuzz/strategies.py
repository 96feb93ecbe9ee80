"""Fuzzing inputs: the seed corpus, byte mutations, and zip-aware mutations.

`FUZZ` is the settings every fuzz test uses: a fixed, derandomised number of cases in
the default run (a few minutes for all targets), or 10,000+ random cases per target
with `ANNOTATOR_FUZZ=1` (`make fuzz`). It is applied per test, never loaded as a
global profile, so other tests' Hypothesis settings are untouched.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import os
import pkgutil
import signal
import zipfile
from collections.abc import Iterator
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

CORPUS = Path(__file__).parent / "corpus"
LONG_RUN = bool(os.environ.get("ANNOTATOR_FUZZ"))
CASE_SECONDS = 20  # one input that takes longer is a hang, and a bug

FUZZ = settings(
    max_examples=int(os.environ.get("ANNOTATOR_FUZZ_EXAMPLES") or (10_000 if LONG_RUN else 40)),
    deadline=None,
    derandomize=not LONG_RUN,  # the default run is the same on every machine
    **({} if LONG_RUN else {"database": None}),
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
        HealthCheck.large_base_example,
    ],
)

# Byte runs that tend to matter to parsers: encodings' markers, XML and HTML syntax,
# PDF keywords, zip signatures, huge numbers, NULs, lone surrogates in UTF-8.
INTERESTING = [
    b"\x00", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b"\xed\xa0\x80", b"\r", b"\r\n",
    b"<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>", b"&e;", b"<![CDATA[",
    b"<script>", b"</p>", b"<p>", b'="', b"charset=utf-16", b"obj", b"endobj", b"xref",
    b"trailer", b"/Length 999999999", b"stream", b"PK\x03\x04", b"99999999999999999999",
    b"-1", b"\xc0\x80", b"\xf4\x90\x80\x80", "\u202e".encode(), "📷".encode(),
]  # fmt: skip


def seeds(kind: str) -> list[bytes]:
    """The checked-in seed files of one kind (see make_corpus.py)."""
    found = [p.read_bytes() for p in sorted((CORPUS / kind).iterdir()) if p.is_file()]
    assert found, f"no seed corpus for {kind}"
    return found


@st.composite
def mutated(draw: st.DrawFn, originals: list[bytes], max_steps: int = 6) -> bytes:
    """A seed with a few random edits: flips, inserts, deletions, truncation, splices."""
    data = bytearray(draw(st.sampled_from(originals)))
    for _ in range(draw(st.integers(1, max_steps))):
        at = draw(st.integers(0, len(data)))
        edit = draw(st.sampled_from(["flip", "insert", "interesting", "delete", "cut", "repeat"]))
        if edit == "flip" and at < len(data):
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif edit == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif edit == "interesting":
            data[at:at] = draw(st.sampled_from(INTERESTING))
        elif edit == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif edit == "cut":
            del data[at:]
        elif edit == "repeat" and at < len(data):
            chunk = data[at : at + draw(st.integers(1, 32))]
            data[at:at] = chunk * draw(st.integers(2, 50))
    return bytes(data)


@st.composite
def mutated_zip(draw: st.DrawFn, originals: list[bytes]) -> bytes:
    """A valid zip whose members were edited: reaches the XML parsers behind the zip."""
    source = zipfile.ZipFile(io.BytesIO(draw(st.sampled_from(originals))))
    members = source.infolist()
    victims = set(draw(st.lists(st.sampled_from(range(len(members))), min_size=1, max_size=3)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for index, member in enumerate(members):
            data = source.read(member)
            if index in victims:
                data = draw(mutated([data] if data else [b"<x/>"]))
            target.writestr(member, data)
    return out.getvalue()


def inputs(kind: str, *, zipped: bool = False) -> st.SearchStrategy[bytes]:
    """Random bytes, mutated seeds, and (for zip formats) mutated members."""
    originals = seeds(kind)
    choices = [st.binary(max_size=2048), mutated(originals)]
    if zipped:
        choices.append(mutated_zip(originals))
    return st.one_of(*choices)


LIBRARIES_IMPORTED_ON_FIRST_USE = ("openpyxl", "justext", "dateparser", "dateparser.data")


def warm_up() -> None:
    """Import what the command line imports on first use, before any case is timed.

    A first import of the heavy libraries takes seconds on a loaded machine. Timed inside
    a case it reads as a hang, and the alarm then lands inside an import, which PySide6
    6.12's import hook turns into a SystemError that breaks pytest's own reporting.
    """
    import annotator

    for module in pkgutil.walk_packages(annotator.__path__, "annotator."):
        if not module.name.startswith("annotator.ui") and not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    for name in LIBRARIES_IMPORTED_ON_FIRST_USE:
        importlib.import_module(name)


@contextlib.contextmanager
def no_hang(
    seconds: int = CASE_SECONDS, error: type[BaseException] = TimeoutError
) -> Iterator[None]:
    """Fail (instead of hanging the suite) when one input takes too long."""

    def expire(*_: object) -> None:
        raise error(f"one fuzz case took over {seconds} s: a hang")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
