"""The project's promises about itself: declared dependencies agree, pins are complete, and
notebooks are thin, parameterized and committed without outputs."""
from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def test_environment_yml_declares_the_same_dependencies_as_pyproject():
    project = _pyproject()["project"]
    declared = set(project["dependencies"]) | set(project["optional-dependencies"]["dev"])
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_section = next(item["pip"] for item in environment["dependencies"] if isinstance(item, dict))
    conda_pip = {line for line in pip_section if line != "-e ."}
    assert conda_pip == declared
    assert "-e ." in pip_section
    assert "python=3.11" in environment["dependencies"]


def test_every_dependency_is_pinned():
    project = _pyproject()["project"]
    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"constraints.txt line is not an exact pin: {line}"
            pins[_name(name)] = version
    declared = project["dependencies"] + project["optional-dependencies"]["dev"]
    missing = sorted(_name(requirement) for requirement in declared if _name(requirement) not in pins)
    assert missing == []


def test_four_report_notebooks_exist():
    assert [path.stem for path in NOTEBOOKS] == [
        "00_corpus", "01_sentiment", "02_actor_cooccurrence", "03_source_timeline",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook_is_committed_clean_and_parameterized(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    assert notebook.metadata["kernelspec"]["name"] == "warta"
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(not cell.get("outputs") and cell.get("execution_count") is None for cell in code)
    tagged = [cell for cell in code if "parameters" in cell.metadata.get("tags", [])]
    assert len(tagged) == 1
    for statement in ast.parse(tagged[0].source).body:
        assert isinstance(statement, ast.Assign), ast.unparse(statement)
        ast.literal_eval(statement.value)  # raises unless the value is a plain literal
    names = {target.id for statement in ast.parse(tagged[0].source).body for target in statement.targets}
    assert {"corpus", "date_from", "date_to", "outlets", "top_n", "engine", "scheduler", "output_dir"} <= names
    assert any(cell.cell_type == "markdown" for cell in notebook.cells)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook_stays_thin(path):
    """Logic lives in lib/: notebooks define no functions or classes and keep cells short."""
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        tree = ast.parse(cell.source)
        defined = [node for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.Lambda))]
        assert defined == [], f"{path.stem}: move {type(defined[0]).__name__} into lib/warta"
        assert len(cell.source.splitlines()) <= 15, f"{path.stem}: a cell of {len(cell.source.splitlines())} lines"


def test_package_data_ships_settings_and_templates():
    from warta import config, report

    assert config.SETTINGS_FILE.is_file()
    assert (report.TEMPLATE_DIR / "warta_html" / "index.html.j2").is_file()
    patterns = _pyproject()["tool"]["setuptools"]["package-data"]["warta"]
    assert {"settings.toml", "data/**/*", "templates/**/*"} <= set(patterns)
