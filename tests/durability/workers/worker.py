"""A child process that works on a project until the test kills it with SIGKILL.

Run as `python worker.py OPERATION PROJECT SEED [FOLDER]`. It prints one JSON line
`{"start": ...}` before each action and `{"done": ...}` once the action has returned
(committed), flushing each, so the parent knows exactly which actions were confirmed
and which one may have been in flight when it struck.
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from annotator.core import backups, codebook, codebook_edits, coders, coding, documents
from annotator.core.changes import Change
from annotator.core.importing.report import Progress
from annotator.core.project import Project, open_project, save_copy
from annotator.core.sharing import ExternalChanges


def say(kind: str, **fields: object) -> None:
    print(json.dumps({kind: fields}), flush=True)


def _coder(project: Project) -> str:
    return coders.list_coders(project)[0].id


def code_loop(project: Project, rng: random.Random, _: Path | None) -> None:
    """Add, remove, recode, memo and undo codings as fast as a keyboard never could."""
    coder_id = _coder(project)
    docs = [(d.id, d.char_count) for d in documents.list_documents(project)]
    code_ids = [c.id for c in codebook.list_codes(project)]
    mine: list[str] = [r[0] for r in project.conn.execute("SELECT id FROM codings")]
    undoable: list[Change] = []
    while True:
        roll = rng.random()
        if roll < 0.45 or len(mine) < 5:
            doc_id, length = rng.choice(docs)
            start = rng.randrange(length - 80)
            spans = [
                (start + k, start + k + rng.randint(3, 30)) for k in range(rng.choice((1, 40)))
            ]
            code_id = rng.choice(code_ids)
            say("start", op="add", doc=doc_id, code=code_id, spans=spans)
            change = coding.add_codings(
                project,
                code_id,
                [coding.Span(doc_id, s, e) for s, e in spans],
                coder_id,
                skip_duplicates=True,
            )
            added = sorted(change.codings)
            mine.extend(added)
            undoable.append(change)
            spans_of = 'SELECT id, start, "end" FROM codings WHERE id = ?'
            rows = [project.conn.execute(spans_of, (i,)).fetchone() for i in added]
            say("done", op="add", codings=rows)
        elif roll < 0.6:
            victim = mine.pop(rng.randrange(len(mine)))
            say("start", op="remove", ids=[victim])
            undoable.append(coding.remove_codings(project, [victim], coder_id=coder_id))
            say("done", op="remove", ids=[victim])
        elif roll < 0.75:
            target, code_id = rng.choice(mine), rng.choice(code_ids)
            say("start", op="recode", id=target, code=code_id)
            try:
                undoable.append(coding.recode(project, target, code_id, coder_id=coder_id))
            except coding.errors.DuplicateCoding:
                say("done", op="nothing")
                continue
            say("done", op="recode", id=target, code=code_id)
        elif roll < 0.85:
            target, memo = rng.choice(mine), f"memo {rng.random()}"
            say("start", op="memo", id=target, memo=memo)
            coding.set_coding_memo(project, target, memo, coder_id=coder_id)
            say("done", op="memo", id=target, memo=memo)
        elif undoable:
            change = undoable.pop()
            say("start", op="undo", action=change.kind.value, ids=sorted(change.codings))
            change.undo(project)
            present = {r[0] for r in project.conn.execute("SELECT id FROM codings")}
            mine = sorted(present)
            say("done", op="undo", ids=sorted(change.codings))


def store_loop(project: Project, rng: random.Random, folder: Path | None) -> None:
    """Store every file of a folder as a document, one transaction each."""
    assert folder is not None
    coder_id = _coder(project)
    for path in sorted(folder.iterdir()):
        data = path.read_bytes()
        say("start", op="import", file=path.name)
        document = documents.store_document(
            project,
            documents.NewDocument(
                title=path.stem,
                text=data.decode("utf-8"),
                original=data,
                original_filename=path.name,
            ),
            coder_id=coder_id,
        )
        say("done", op="import", file=path.name, id=document.id)
    say("done", op="finished")


def import_folder(project: Project, rng: random.Random, folder: Path | None) -> None:
    """Bulk-import a folder through the importer, reporting progress as the app shows it."""
    from annotator.core.importing import import_items

    assert folder is not None

    def report(step: Progress) -> None:
        say(
            "done",
            op="progress",
            source=step.source,
            outcome=step.outcome.value,
            imported=step.imported,
        )

    import_items(project, [folder], coder_id=_coder(project), on_progress=report)
    say("done", op="finished")


def merge_loop(project: Project, rng: random.Random, _: Path | None) -> None:
    """Merge codes of the pool into each other, undoing a merge now and then."""
    coder_id = _coder(project)
    pool = [c.id for c in codebook.list_codes(project) if c.name.startswith("Pool ")]
    undoable: list[tuple[str, Change]] = []
    while True:
        if undoable and (rng.random() < 0.3 or len(pool) < 3):
            source, change = undoable.pop()
            say("start", op="unmerge", source=source)
            change.undo(project)
            pool.append(source)
            say("done", op="unmerge", source=source)
            continue
        source, target = rng.sample(pool, 2)
        say("start", op="merge", source=source, target=target)
        change = codebook_edits.merge_codes(project, source, target, coder_id=coder_id)
        pool.remove(source)
        undoable.append((source, change))
        say("done", op="merge", source=source, target=target)


def copy_loop(project: Project, rng: random.Random, folder: Path | None) -> None:
    """Save copies and take backups, as File > Save a Copy and the backup timer do."""
    assert folder is not None
    coder_id = _coder(project)
    doc_id = documents.list_documents(project)[0].id
    code_id = codebook.list_codes(project)[0].id
    n = project.conn.execute('SELECT max("end") FROM codings').fetchone()[0] or 0
    while True:
        n += 1
        coding.add_coding(project, doc_id, code_id, n, n + 3, coder_id)
        target = folder / f"copy-{n}.annotator"
        say("start", op="copy", file=target.name)
        save_copy(project, target)
        say("done", op="copy", file=target.name)
        say("start", op="backup")
        backup = backups.backup_now(project, keep=4)
        say("done", op="backup", file=str(backup.path), codings=backup.codings)


def export_loop(project: Project, rng: random.Random, folder: Path | None) -> None:
    """Export Word reports and CSV tables over and over, replacing the earlier files."""
    from annotator.core.exports.formats import write_export

    assert folder is not None
    n = 0
    while True:
        n += 1
        for name, suffix in (("docx", ".docx"), ("csv", ".csv")):
            target = folder / f"excerpts{suffix}"
            say("start", op="export", file=target.name, n=n)
            result = write_export(project, name, target)
            say("done", op="export", file=target.name, n=n, codings=result.codings)


def merge_projects(project: Project, rng: random.Random, folder: Path | None) -> None:
    """Bring in one .qdpx project after another, as a team lead merging copies does."""
    from annotator.core.exchange.merge import apply_merge, load_incoming
    from annotator.core.exchange.merge_plan import Choice, plan_merge

    assert folder is not None
    coder_id = _coder(project)
    for path in sorted(folder.glob("*.qdpx")):
        say("start", op="merge", file=path.name)
        plan = plan_merge(project, load_incoming(path), default=Choice.THEIRS)
        apply_merge(project, plan, coder_id=coder_id, source=path)
        say("done", op="merge", file=path.name)
    say("done", op="finished")


def restore_loop(project: Project, rng: random.Random, folder: Path | None) -> None:
    """Restore one backup after another over a project that is closed in between."""
    assert folder is not None
    path = project.path
    project.close()
    choices = sorted(folder.glob("*.annotator"))
    while True:
        backup = rng.choice(choices)
        say("start", op="restore", file=backup.name)
        restored = backups.restore_backup(backup, path)
        say("done", op="restore", file=backup.name, replaced=str(restored.replaced))


SHARERS = ("Amina Rasheed", "Bashir Haddad")
SHARE_ROUNDS, SHARE_BURST = 25, 150


def share(project_path: Path, me: int) -> None:
    """Code the same project as another process: take turns, then write at once.

    Each turn waits until this process has *noticed* (through ExternalChanges) the
    other's coding of that turn; a process that never notices times out and fails.
    """
    project = open_project(project_path)
    coder = coders.find_coder(project, SHARERS[me], create=True)
    watcher = ExternalChanges(project)
    doc = documents.list_documents(project)[0]
    code_id = codebook.list_codes(project)[me].id
    say("ready")
    for turn in range(SHARE_ROUNDS):
        change = coding.add_coding(project, doc.id, code_id, turn, turn + 4, coder.id)
        say("done", op="add", ids=sorted(change.codings))
        deadline = time.monotonic() + 60
        while _codings_by(project, SHARERS[1 - me]) <= turn:
            while not watcher.changed():
                if time.monotonic() > deadline:
                    sys.exit(f"never saw the other process's coding {turn}")
                time.sleep(0.002)
        say("done", op="saw", turn=turn)
    for n in range(SHARE_BURST):
        start = 100 + n
        change = coding.add_coding(project, doc.id, code_id, start, start + 3, coder.id)
        say("done", op="add", ids=sorted(change.codings))
    project.close()
    say("done", op="finished")


def _codings_by(project: Project, name: str) -> int:
    return project.conn.execute(
        "SELECT count(*) FROM codings c JOIN coders k ON k.id = c.coder_id WHERE k.name = ?",
        (name,),
    ).fetchone()[0]


def migrate(project_path: Path) -> None:
    """Open a v1 project with a slow, test-only v2 step registered, which migrates it."""
    import slow_migration

    slow_migration.register()
    say("start", op="migrate")
    open_project(project_path).close()
    say("done", op="migrate")


LOOPS: dict[str, Callable[[Project, random.Random, Path | None], None]] = {
    "code": code_loop,
    "store": store_loop,
    "import": import_folder,
    "merge": merge_loop,
    "copy": copy_loop,
    "restore": restore_loop,
    "export": export_loop,
    "merge-projects": merge_projects,
}


def main() -> None:
    operation, project_path, seed = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    folder = Path(sys.argv[4]) if len(sys.argv) > 4 else None
    if operation == "migrate":
        migrate(project_path)
        return
    if operation == "share":
        share(project_path, seed)
        return
    project = open_project(project_path)
    say("ready")
    LOOPS[operation](project, random.Random(seed), folder)


if __name__ == "__main__":
    main()
