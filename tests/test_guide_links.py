"""The user guide holds together: every link and image resolves, on the web and offline.

Links are checked the way a code-hosting site resolves them (relative to the page,
anchors as heading slugs), which is also how the app's guide window follows them. The
guide ships in the wheel and the bundle under `annotator/docs`, and the locator finds it.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import docx
import pytest

from annotator.core import resources
from annotator.ui.guide_links import SECTIONS
from annotator.ui.guide_window import slug

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
GUIDE = DOCS / "guide"
PAGES = sorted(GUIDE.glob("*.md"))
CHECKED = [*PAGES, DOCS / "methods.md", DOCS / "cli.md", ROOT / "README.md"]

LINK = re.compile(r"(!?)\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
FENCE = re.compile(r"^```.*?^```", re.S | re.M)


def links(page: Path) -> list[tuple[bool, str]]:
    """(is_image, target) of every Markdown link and image outside code blocks."""
    text = FENCE.sub("", page.read_text("utf-8"))
    return [(bang == "!", target) for bang, target in LINK.findall(text)]


def anchors(page: Path) -> set[str]:
    """The heading slugs of a page, numbered as the site numbers repeated ones."""
    found: set[str] = set()
    text = FENCE.sub("", page.read_text("utf-8"))
    for line in text.splitlines():
        heading = re.match(r"#{1,6}\s+(.*)", line)
        if heading:
            plain = re.sub(r"[`*]", "", heading.group(1))
            plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", plain)
            name, n = slug(plain), 1
            while name in found:
                name = f"{slug(plain)}-{n}"
                n += 1
            found.add(name)
    return found


def broken(page: Path) -> list[str]:
    problems = []
    for is_image, target in links(page):
        if re.match(r"[a-z]+:", target):
            continue  # a web address: not followed offline, not checked here
        path_part, _, anchor = target.partition("#")
        destination = (page.parent / path_part).resolve() if path_part else page
        if not destination.is_file():
            problems.append(f"{page.name}: {target} does not exist")
            continue
        if is_image and destination.suffix.lower() not in (".png", ".jpg", ".svg"):
            problems.append(f"{page.name}: image {target} is not a picture")
        if anchor and destination.suffix == ".md" and anchor not in anchors(destination):
            problems.append(f"{page.name}: {target} names no heading of {destination.name}")
        if not is_image and destination.suffix not in (".md", ".png"):
            problems.append(f"{page.name}: {target} is not a page the guide window can show")
    return problems


def test_the_guide_has_its_pages() -> None:
    names = {p.name for p in PAGES}
    assert {
        "README.md",
        "getting-started.md",
        "importing.md",
        "codebook.md",
        "coding-and-memos.md",
        "finding-and-reviewing.md",
        "exporting.md",
        "working-as-a-team.md",
        "keeping-data-safe.md",
    } <= names


@pytest.mark.parametrize("page", CHECKED, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_link_and_image_resolves(page: Path) -> None:
    assert broken(page) == []


def test_the_link_checker_finds_a_broken_link_and_a_missing_anchor(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# Top\n\n## Two words\n", "utf-8")
    page = tmp_path / "b.md"
    page.write_text(
        "[ok](a.md#two-words) [gone](c.md) [no anchor](a.md#three) ![pic](x.png)\n"
        "```\n[in code](nowhere.md)\n```\n",
        "utf-8",
    )
    assert broken(page) == [
        "b.md: c.md does not exist",
        "b.md: a.md#three names no heading of a.md",
        "b.md: x.png does not exist",
    ]


def test_every_guide_page_is_in_the_contents_and_every_screenshot_used_exists() -> None:
    contents = {target.partition("#")[0] for _, target in links(GUIDE / "README.md")}
    assert {p.name for p in PAGES if p.name != "README.md"} <= contents
    images = {target for page in PAGES for is_image, target in links(page) if is_image}
    assert images, "the guide shows no screenshot"
    assert all(target.startswith("../screenshots/") for target in images)


def test_what_is_this_links_name_real_sections() -> None:
    for section in SECTIONS:
        page, _, anchor = section.partition("#")
        assert anchor in anchors(GUIDE / page), section


def test_the_guide_is_found_in_a_checkout() -> None:
    assert resources.guide_path() == GUIDE / "README.md"
    assert resources.guide_path("importing.md").is_file()


def test_the_guide_is_found_in_a_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = tmp_path / "annotator" / "docs" / "guide"
    shipped.mkdir(parents=True)
    (shipped / "README.md").write_text("# Guide\n", "utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.guide_path("codebook.md") == shipped / "codebook.md"


def test_a_missing_guide_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(resources, "_PACKAGE_DIR", tmp_path / "site-packages" / "annotator")
    with pytest.raises(FileNotFoundError, match="user guide is missing"):
        resources.guide_path()


def test_the_wheel_and_the_bundle_ship_the_whole_docs_folder(tmp_path: Path) -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    build = config["tool"]["hatch"]["build"]["targets"]
    assert build["wheel"]["force-include"]["docs"] == "annotator/docs"
    assert "docs" in build["sdist"]["include"]  # a wheel built from the sdist has it too
    spec = (ROOT / "packaging" / "annotator.spec").read_text("utf-8")
    assert '(str(ROOT / "docs"), "annotator/docs")' in spec
    pytest.importorskip("hatchling", reason="the wheel is built with hatchling (the test extra)")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation",
         "--no-index", "--quiet", "--wheel-dir", str(tmp_path)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    (wheel,) = tmp_path.glob("annotator-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    wanted = {
        "annotator/docs/" + p.relative_to(DOCS).as_posix()
        for page in PAGES
        for p in [page, *((page.parent / t).resolve() for _, t in links(page) if "://" not in t)]
        if p.is_file() and DOCS in p.parents
    }
    assert wanted - names == set()


def test_the_guide_shows_the_citation_the_sample_project_exports(tmp_path: Path) -> None:
    """exporting.md quotes a real citation: the one a Word export of the sample prints."""
    from annotator.cli import main
    from annotator.core.sample_project import build_sample_project

    project = tmp_path / "sample.annotator"
    build_sample_project(project)
    report = tmp_path / "report.docx"
    code = "Cell-site location data"
    assert main(["export", str(project), "-o", str(report), "--code", code]) == 0
    citations = [
        p.text for p in docx.Document(str(report)).paragraphs if p.style.name == "Excerpt Citation"
    ]
    assert len(citations) == 1
    page = " ".join((GUIDE / "exporting.md").read_text("utf-8").split())
    assert " ".join(citations[0].split()) in page


def requirement_names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=!~;\[ ]", r, maxsplit=1)[0].strip().lower() for r in requirements}


def readme_table(after: str) -> set[str]:
    """Package names in the first column of the README table after the line `after`."""
    lines = (ROOT / "README.md").read_text("utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(after))
    first = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("|"))
    names: set[str] = set()
    for line in lines[first:]:
        if not line.startswith("|"):
            break
        names.add(line.strip("|").split("|")[0].strip().lower())
    return names - {"package", "---"}


def test_the_readme_explains_every_dependency_and_no_other() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert readme_table("## Dependencies") == requirement_names(project["dependencies"])
    test_only = requirement_names(project["optional-dependencies"]["test"])
    assert readme_table("For tests only") == test_only
