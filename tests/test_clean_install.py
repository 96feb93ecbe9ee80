"""`pip install .` as an end user runs it: a new venv, the pip that ships with Python.

`make` and the suite's own venv are not what users have: they type `pip install .` (or
`pipx install .`) into a venv made by `python -m venv`, whose pip is the one Python
bundles and is never upgraded. That pip (23.2 in Python 3.11 and 3.12) did not bring
`lxml_html_clean` through trafilatura, and every command failed at import. This test
repeats the user's steps from a folder outside the checkout: install (not editable),
then `--version`, `new`, `import` of a saved web page and a PDF, `code`, `export` to
Word and a `--smoke` start of the window.

It runs for the suite's interpreter, and for Python 3.12 and 3.13 where they are
installed (on PATH or under pyenv); elsewhere those are skipped with the reason.
Dependencies come from the package index (or pip's cache), as for a user.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import annotator

ROOT = Path(__file__).resolve().parent.parent
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="the venv layout is POSIX's here"),
]


def _runs(python: str) -> bool:
    try:
        subprocess.run([python, "-c", "pass"], check=True, capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return False
    return True


def find_python(minor: int) -> str | None:
    """A Python 3.`minor` on PATH, or under pyenv (whose shims may not point at it)."""
    found = shutil.which(f"python3.{minor}")
    if found and _runs(found):
        return found
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    for candidate in sorted(pyenv.glob(f"3.{minor}.*/bin/python3.{minor}"), reverse=True):
        if _runs(str(candidate)):
            return str(candidate)
    return None


def interpreters() -> list[object]:
    suite = sys.version_info[:2]
    params: list[object] = [pytest.param(sys.executable, id=f"{suite[0]}.{suite[1]}-the-suite's")]
    for minor in (12, 13):
        if (3, minor) == suite:
            continue
        python = find_python(minor)
        marks = [] if python else [pytest.mark.skip(reason=f"no Python 3.{minor} on this machine")]
        params.append(pytest.param(python, id=f"3.{minor}", marks=marks))
    return params


def run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, capture_output=True, text=True, check=False, **kwargs)  # type: ignore[call-overload]
    assert result.returncode == 0, (
        f"{' '.join(command)} exited {result.returncode}:\n{result.stderr[-3000:]}"
    )
    return result


@pytest.mark.parametrize("python", interpreters())
def test_pip_install_with_pythons_own_pip_gives_a_working_app(python: str, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    run([python, "-m", "venv", str(venv)])
    bundled_pip = run([python, "-c", "import ensurepip; print(ensurepip.version())"]).stdout
    pip_version = run([str(venv / "bin" / "python"), "-m", "pip", "--version"]).stdout
    assert pip_version.startswith(f"pip {bundled_pip.strip()} "), "not the pip Python ships"

    home = tmp_path / "home"
    home.mkdir()
    pip_env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "HOME": str(home)}
    pip_env.pop("VIRTUAL_ENV", None)
    pip_env["PIP_CACHE_DIR"] = os.environ.get("PIP_CACHE_DIR", str(Path.home() / ".cache/pip"))
    run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(ROOT)], env=pip_env)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {
        "PATH": f"{venv / 'bin'}:/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "ANNOTATOR_LOG_DIR": str(tmp_path / "logs"),
    }

    def annotator_says(*args: str) -> str:
        return run(["annotator", *args], cwd=elsewhere, env=env).stdout

    assert annotator_says("--version").strip() == f"annotator {annotator.__version__}"
    site = Path(
        run(
            [str(venv / "bin" / "python"), "-c", "import annotator; print(annotator.__file__)"],
            cwd=elsewhere,
            env=env,
        ).stdout.strip()
    ).parent
    assert site.is_relative_to(venv), "the installed copy, not this checkout"
    samples = site / "resources" / "samples"
    for name in (
        "10-nairobi-phone-location-protests.html",
        "12-zimbabwe-interception-oversight.pdf",
    ):
        shutil.copy(samples / name, elsewhere / name)

    annotator_says("whoami", "Clean Room")
    annotator_says("new", "study.annotator")
    annotator_says(
        "import",
        "study.annotator",
        "10-nairobi-phone-location-protests.html",
        "12-zimbabwe-interception-oversight.pdf",
    )
    documents = json.loads(annotator_says("documents", "study.annotator", "--json"))
    assert len(documents) == 2
    pdf = next(d for d in documents if d["original_filename"].endswith(".pdf"))
    shown = json.loads(annotator_says("show", "study.annotator", pdf["id"], "--json"))
    quote = next(line for line in shown["text"].splitlines() if len(line) > 40)[:40]
    annotator_says(
        "code", "study.annotator", "--document", pdf["id"], "--code", "Phone interception",
        "--quote", quote,
    )  # fmt: skip
    annotator_says("export", "study.annotator", "--format", "docx", "-o", "excerpts.docx")
    with zipfile.ZipFile(elsewhere / "excerpts.docx") as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    assert quote.split()[0] in body
    smoke = annotator_says("--smoke", "study.annotator")
    assert smoke.strip(), "--smoke reports what it painted"
