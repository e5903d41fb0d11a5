"""Project paths and packaged defaults.

Every path warta touches is built here from one root, and every tunable default lives in
the packaged ``settings.toml``, so a stage never hard-codes a folder or a threshold.
"""
from __future__ import annotations

import os
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
SETTINGS_FILE = PACKAGE_DIR / "settings.toml"


@lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    """Return the packaged defaults as a nested dict (read once per process)."""
    with SETTINGS_FILE.open("rb") as handle:
        return tomllib.load(handle)


def section(name: str) -> dict[str, Any]:
    """Return one ``[name]`` section of the settings, or an empty dict."""
    return dict(settings().get(name, {}))


def project_root() -> Path:
    """Find the project root: ``$WARTA_HOME``, else the checkout holding this package, else the cwd."""
    env = os.environ.get("WARTA_HOME")
    if env:
        return Path(env).expanduser().resolve()
    # An editable install keeps the package at <root>/lib/warta.
    candidate = PACKAGE_DIR.parent.parent
    if (candidate / "pyproject.toml").is_file():
        return candidate
    return Path.cwd()


def project_path(key: str) -> Path:
    """Resolve one of the ``[paths]`` entries (``seeds``, ``reports``, ...) to an absolute path."""
    raw = Path(section("paths")[key])
    return raw if raw.is_absolute() else project_root() / raw


def seeds_dir() -> Path:
    return project_path("seeds")


def reports_dir() -> Path:
    return project_path("reports")


def notebooks_dir() -> Path:
    return project_path("notebooks")


def cache_dir() -> Path:
    return project_path("cache")
