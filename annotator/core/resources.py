"""Find the files shipped with the app (codebooks, samples, icons, the guide).

In a wheel or bundle they live in `annotator/resources`; in a source checkout they
live in the top-level `resources/` folder. Nothing is ever looked up relative to the
working directory.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    candidates = [
        _PACKAGE_DIR / "resources",  # installed wheel (hatch force-include)
        _PACKAGE_DIR.parent / "resources",  # source checkout / editable install
    ]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:  # PyInstaller one-folder bundle
        candidates.insert(0, Path(bundle) / "annotator" / "resources")
    for candidate in candidates:
        if (candidate / "codebooks").is_dir():
            return candidate
    raise FileNotFoundError("Annotator's resources folder is missing from this installation")


def resource_path(*parts: str) -> Path:
    """Path of a shipped file, e.g. `resource_path("codebooks", "surveillance-methods.json")`."""
    return resources_dir().joinpath(*parts)


def guide_path(page: str = "README.md") -> Path:
    """A page of the user guide: `docs/guide` in a checkout, `annotator/docs/guide` when
    installed or bundled. The whole `docs` folder ships, so the guide's relative links
    (to `../methods.md`, `../screenshots/…`) resolve offline as they do on the web."""
    candidates = [
        _PACKAGE_DIR / "docs",  # installed wheel (hatch force-include)
        _PACKAGE_DIR.parent / "docs",  # source checkout / editable install
    ]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:  # PyInstaller one-folder bundle
        candidates.insert(0, Path(bundle) / "annotator" / "docs")
    for candidate in candidates:
        if (candidate / "guide" / "README.md").is_file():
            return candidate / "guide" / page
    raise FileNotFoundError("Annotator's user guide is missing from this installation")
