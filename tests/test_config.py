"""Paths come from one root and defaults from one packaged settings file."""
from __future__ import annotations

from pathlib import Path

from warta import config


def test_paths_resolve_against_the_project_root(monkeypatch, tmp_path):
    monkeypatch.setenv("WARTA_HOME", str(tmp_path))
    assert config.seeds_dir() == tmp_path / "seeds"
    assert config.reports_dir() == tmp_path / "reports"
    assert config.notebooks_dir() == tmp_path / "notebooks"


def test_checkout_root_is_found_without_environment(monkeypatch):
    monkeypatch.delenv("WARTA_HOME", raising=False)
    root = Path(__file__).resolve().parents[1]
    assert config.project_root() == root
    assert sorted(path.name for path in config.seeds_dir().glob("*.txt"))[0].startswith("000_")


def test_settings_sections():
    assert config.section("report")["kernel"] == "warta"
    assert config.section("no-such-section") == {}
