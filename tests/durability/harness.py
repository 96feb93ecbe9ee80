"""Start a worker process, kill it with SIGKILL at a seeded moment, and read what it said.

Every kill test draws its moments from `random.Random(f"{SEED}-{name}")`, so a failure
names the seed and round and can be replayed with `ANNOTATOR_KILL_SEED=...`.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.check import check_project
from annotator.core.project import open_project

WORKER = Path(__file__).parent / "workers" / "worker.py"
SEED = int(os.environ.get("ANNOTATOR_KILL_SEED", "20240501"))
STARTUP_TIMEOUT = 60.0  # seconds for a worker to say "ready" on a loaded machine
KILLS: list[str] = []  # one entry per kill survived, for the summary line


def rng_for(name: str) -> random.Random:
    return random.Random(f"{SEED}-{name}")


@dataclass
class Said:
    """What a killed worker printed: its confirmed actions and the one in flight."""

    done: list[dict[str, Any]] = field(default_factory=list)
    starts: list[dict[str, Any]] = field(default_factory=list)  # the start of each done
    in_flight: dict[str, Any] | None = None
    returncode: int = 0
    stderr: str = ""
    killed: bool = False

    def ops(self, op: str) -> list[dict[str, Any]]:
        return [d for d in self.done if d.get("op") == op]

    def confirmed(self) -> list[tuple[dict[str, Any], dict[str, Any]]]:
        """Each confirmed action as (what it set out to do, what it reported done)."""
        return list(zip(self.starts, self.done, strict=True))


def run_and_kill(
    operation: str,
    project: Path,
    *,
    seed: int,
    delay: float,
    folder: Path | None = None,
    start_on: str = "ready",
) -> Said:
    """Run the worker and SIGKILL it `delay` seconds after it printed `start_on`.

    A worker that ends on its own before the moment comes is not killed (its
    `returncode` says how it ended); one that never gets going fails the test.
    """
    command = [sys.executable, str(WORKER), operation, str(project), str(seed)]
    if folder is not None:
        command.append(str(folder))
    child = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1
    )
    lines: list[str] = []
    started = threading.Event()

    def read() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            lines.append(line)
            if _starts(json.loads(line), start_on):
                started.set()
        started.set()  # it ended: there is nothing left to wait for

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    said = Said()
    try:
        if not started.wait(STARTUP_TIMEOUT):
            raise AssertionError(f"worker {operation} did not start within {STARTUP_TIMEOUT} s")
        time.sleep(delay)
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
            said.killed = True
        said.returncode = child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=30)
    reader.join(timeout=30)
    assert child.stderr is not None
    said.stderr = child.stderr.read()
    for line in lines:
        message = json.loads(line)
        if "done" in message:
            said.done.append(message["done"])
            said.starts.append(said.in_flight or {})
            said.in_flight = None
        elif "start" in message:
            said.in_flight = message["start"]
    if said.killed:
        KILLS.append(operation)
    elif said.returncode != 0:
        raise AssertionError(f"worker {operation} failed on its own:\n{said.stderr}")
    return said


def _starts(message: dict[str, Any], start_on: str) -> bool:
    if start_on == "ready":
        return "ready" in message
    return message.get("start", {}).get("op") == start_on


def assert_intact(path: Path, context: str) -> None:
    """The project opens, passes integrity_check and our full check, FTS included."""
    with open_project(path) as project:
        report = check_project(project)
        assert report.ok, f"{context}: {report.integrity} {report.problems}"
        for index in ("documents_fts", "documents_trigram"):
            project.conn.execute(f"INSERT INTO {index} ({index}) VALUES ('integrity-check')")
