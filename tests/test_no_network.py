"""No network, no leaks: the app and CLI never connect anywhere, tidy their temporary
files, and keep document text out of what they log.

Sockets are blocked twice over: in this process (monkeypatched) for the core and the
CLI, and in child processes through a `sitecustomize` that refuses every connection,
so a library that opens its own connection at import time is caught too.
"""

from __future__ import annotations

import ast
import logging
import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.cli import main as cli_main

REPO = Path(__file__).parent.parent
SAMPLES = REPO / "resources" / "samples"
SAMPLE_FILES = [
    "01-lusaka-facial-recognition.txt",
    "10-nairobi-phone-location-protests.html",
    "11-uzbekistan-vendor-map.docx",
    "12-zimbabwe-interception-oversight.pdf",
]
# Distinctive sentences of the sample texts: none may reach a log.
SECRET_LINES = [
    "A dome camera fixed to a lamp post near Kamwala market",
    "Police in Lusaka have started running live facial recognition",
]
NETWORK_MODULES = {
    "socket",
    "ssl",
    "urllib.request",
    "http.client",
    "ftplib",
    "smtplib",
    "requests",
    "urllib3",
    "httpx",
    "PySide6.QtNetwork",
    "PySide6.QtWebEngineCore",
}

SITECUSTOMIZE = """
import socket, sys

def _refuse(*args, **kwargs):
    sys.stderr.write("NETWORK ATTEMPT %r\\n" % (args[1:] or args,))
    sys.stderr.flush()
    raise OSError("network access is blocked in this test")

socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.socket.sendto = _refuse
socket.getaddrinfo = _refuse
socket.create_connection = _refuse
"""


def _flows(project: Path, folder: Path, out: Path) -> Iterator[list[str]]:
    """The main things a researcher does, from a new project to an export."""
    yield ["whoami", "Amina Rasheed"]
    yield ["new", str(project)]
    yield ["import", str(project), str(folder)]
    yield ["documents", str(project)]
    yield ["codes", str(project)]
    yield [
        "code", str(project), "--code", "Facial recognition",
        "--document", "Lusaka police switch on facial recognition at 300 junctions",
        "--quote", "live facial recognition",
    ]  # fmt: skip
    yield ["search", str(project), "camera"]
    yield ["excerpts", str(project)]
    yield ["stats", str(project)]
    yield ["check", str(project)]
    yield ["export", str(project), "-o", str(out / "excerpts.docx")]
    yield ["export", str(project), "-o", str(out / "excerpts.csv")]
    yield ["export", str(project), "--format", "codebook-csv", "-o", str(out / "codebook.csv")]


@pytest.fixture
def workspace(tmp_path: Path) -> tuple[Path, Path, Path]:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in SAMPLE_FILES:
        shutil.copyfile(SAMPLES / name, folder / name)
    out = tmp_path / "out"
    out.mkdir()
    return tmp_path / "study.annotator", folder, out


def test_the_core_and_cli_never_touch_the_network_nor_log_document_text(
    workspace: tuple[Path, Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    attempts: list[tuple[object, ...]] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network access is blocked in this test")

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    for argv in _flows(*workspace):
        assert cli_main(argv) == 0, argv
    assert attempts == []
    assert caplog.records  # the flows did log: the check below is not vacuous
    for record in caplog.records:
        message = record.getMessage()
        assert not [line for line in SECRET_LINES if line in message], message


def test_child_processes_never_touch_the_network_nor_leave_temporary_files(
    workspace: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text(SITECUSTOMIZE)
    temp = tmp_path / "temp"
    temp.mkdir()
    logs = tmp_path / "logs"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(blocker), os.environ.get("PYTHONPATH", "")]),
        "TMPDIR": str(temp),
        "ANNOTATOR_LOG_DIR": str(logs),
    }
    project, _, _ = workspace
    runs = list(_flows(*workspace))
    runs.append(["--smoke", str(project)])
    for argv in runs:
        done = subprocess.run(
            [sys.executable, "-m", "annotator", *argv],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, f"{argv}: {done.stderr}"
        assert "NETWORK ATTEMPT" not in done.stderr, f"{argv}: {done.stderr}"
        for line in SECRET_LINES:
            assert line not in done.stderr, argv
    assert sorted(temp.iterdir()) == [], "temporary files were left behind"
    for log_file in logs.rglob("*") if logs.exists() else []:
        text = log_file.read_text("utf-8", "replace")
        assert not [line for line in SECRET_LINES if line in text], log_file


def test_no_module_of_ours_imports_a_network_library() -> None:
    offenders = []
    for path in sorted((REPO / "annotator").rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            offenders += [f"{path.relative_to(REPO)}: {n}" for n in names if n in NETWORK_MODULES]
    assert offenders == []
