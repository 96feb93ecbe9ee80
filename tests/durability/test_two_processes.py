"""Two processes code one project at once: nothing corrupted, nothing silently lost.

Both write (SQLite WAL lets them, one transaction at a time), and each notices the
other's codings through `ExternalChanges`, as a second window would on refresh.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from annotator.core import coders, documents
from annotator.core.codebook_file import new_project
from annotator.core.project import open_project
from tests.durability.articles import article
from tests.durability.harness import WORKER, assert_intact, rng_for
from tests.durability.workers.worker import SHARE_BURST, SHARE_ROUNDS, SHARERS


def test_two_processes_write_safely_and_see_each_other(tmp_path: Path) -> None:
    path = tmp_path / "shared.annotator"
    with new_project(path) as project:
        documents.store_document(
            project, documents.NewDocument(title="Shared", text=article(rng_for("two"), 3000))
        )
    children = [
        subprocess.Popen(
            [sys.executable, str(WORKER), "share", str(path), str(me)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for me in (0, 1)
    ]
    outputs = []
    for child in children:
        try:
            out, err = child.communicate(timeout=180)
        finally:
            child.kill()
        assert child.returncode == 0, err
        outputs.append([json.loads(line) for line in out.splitlines()])
    assert_intact(path, "after two writers")
    with open_project(path) as project:
        stored = {r[0] for r in project.conn.execute("SELECT id FROM codings")}
        for me, lines in enumerate(outputs):
            done = [line["done"] for line in lines if "done" in line]
            confirmed = {i for d in done if d["op"] == "add" for i in d["ids"]}
            assert confirmed <= stored, f"{SHARERS[me]} lost codings"
            assert len(confirmed) == SHARE_ROUNDS + SHARE_BURST
            assert [d["turn"] for d in done if d["op"] == "saw"] == list(range(SHARE_ROUNDS))
            coder = coders.find_coder(project, SHARERS[me])
            mine = project.conn.execute(
                "SELECT count(*) FROM codings WHERE coder_id = ?", (coder.id,)
            ).fetchone()[0]
            assert mine == SHARE_ROUNDS + SHARE_BURST
