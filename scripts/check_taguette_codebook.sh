#!/usr/bin/env bash
# Does Taguette's own importer accept our codebook CSV? (issue 7; not in the default tests)
#
# Installs Taguette from PyPI into a throwaway virtual environment, writes the
# default codebook plus codes in Arabic, CJK and with commas and quotes through
# Annotator's exporter, and reads it back with taguette.import_codebook.list_tags,
# the function behind Taguette's "Import codebook" page. Every path and description
# must come back exactly.
#
#   bash scripts/check_taguette_codebook.sh        (needs network access to PyPI)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-$here/.venv/bin/python}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/taguette-venv"
"$work/taguette-venv/bin/pip" install --quiet taguette
echo "Taguette $("$work/taguette-venv/bin/pip" show taguette | sed -n 's/^Version: //p')"

cd "$here"
"$python" - "$work" <<'PY'
import json, sys
from pathlib import Path
from annotator.core import codebook
from annotator.core.codebook_file import new_project
from annotator.core.exports.codebook_csv import write_codebook_csv

work = Path(sys.argv[1])
with new_project(work / "check.annotator") as project:
    extra = codebook.create_code(project, "مراقبة الهواتف", definition='يشمل "التنصت", والتتبع')
    parent = next(iter(extra.codes))
    codebook.create_code(project, "人脸识别 📷", parent_id=parent, definition="摄像头, 数据\n第二行")
    codebook.create_code(project, 'Quotes "and", commas', definition="=not a formula")
    write_codebook_csv(project, work / "codebook.csv")
    expected = [
        {"path": n.path, "description": n.code.definition}
        for n in codebook.codebook_tree(project)
    ]
(work / "expected.json").write_text(json.dumps(expected, ensure_ascii=False), "utf-8")
print(f"wrote {len(expected)} codes")
PY

"$work/taguette-venv/bin/python" - "$work" <<'PY'
import json, sys
from pathlib import Path
from taguette.import_codebook import list_tags

work = Path(sys.argv[1])
with (work / "codebook.csv").open("rb") as handle:
    tags = list_tags(handle)
expected = json.loads((work / "expected.json").read_text("utf-8"))
# Taguette strips each cell; our definitions are stored stripped already
got = [{"path": t["path"], "description": t["description"]} for t in tags]
if got != expected:
    for want, have in zip(expected, got):
        if want != have:
            print("differs:", want, have)
    sys.exit(f"Taguette read {len(got)} codes, expected {len(expected)}; see above")
print(f"Taguette's importer read all {len(got)} codes with their descriptions: OK")
PY
