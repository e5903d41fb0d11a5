"""warta.compiled: the compiled per-article modules, their stale-source guard, and their parity with the source."""
from __future__ import annotations

import ast
import hashlib
import importlib.machinery
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from warta import compiled, config

SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


def _package(tmp_path: Path) -> Path:
    """A package with two compiled modules (empty stand-in files), a plain module and a binary without source."""
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    for name in ("a", "sub/b", "c"):
        (package / f"{name}.py").write_text(f"NAME = {name!r}\n")
    for name in ("a", "sub/b", "_loops"):
        (package / f"{name}{SUFFIX}").write_bytes(b"")
    return package


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_compiled_modules_pairs_binaries_with_their_source(tmp_path):
    package = _package(tmp_path)
    assert compiled.compiled_modules(package) == {"pkg.a": package / "a.py", "pkg.sub.b": package / "sub/b.py"}


@pytest.mark.parametrize("recorded, expected", [
    ({"pkg.a": "current", "pkg.sub.b": "current"}, set()),
    ({"pkg.a": "current", "pkg.sub.b": "0" * 64}, {"pkg.sub.b"}),  # edited since the build
    ({"pkg.a": "current"}, {"pkg.sub.b"}),                          # built by another means
    ({}, {"pkg.a", "pkg.sub.b"}),
])
def test_stale_modules_are_those_whose_source_changed(tmp_path, recorded, expected):
    package = _package(tmp_path)
    found = compiled.compiled_modules(package)
    built = {name: _digest(found[name]) if value == "current" else value for name, value in recorded.items()}
    assert set(compiled.stale_modules(found, built)) == expected


@pytest.mark.parametrize("pure, edited, states", [
    ("", False, {"pkg.a": "compiled", "pkg.sub.b": "compiled"}),
    ("", True, {"pkg.a": "stale", "pkg.sub.b": "compiled"}),
    ("1", False, {"pkg.a": "source", "pkg.sub.b": "source"}),
    ("0", True, {"pkg.a": "stale", "pkg.sub.b": "compiled"}),
])
def test_install_routes_stale_or_all_modules_to_their_source(tmp_path, monkeypatch, pure, edited, states):
    package = _package(tmp_path)
    manifest = tmp_path / "_compiled.json"
    manifest.write_text(json.dumps({name: _digest(path) for name, path in compiled.compiled_modules(package).items()}))
    if edited:
        (package / "a.py").write_text("NAME = 'edited'\n")
    monkeypatch.setenv(compiled.PURE_PYTHON_VARIABLE, pure)
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))
    before = list(sys.meta_path)  # import warta may have routed this tree's own stale modules
    if edited and pure != "1":
        with pytest.warns(UserWarning, match=r"source changed since the build \(a\).*make build"):
            assert compiled.install(package_dir=package, manifest=manifest) == states
    else:
        assert compiled.install(package_dir=package, manifest=manifest) == states
    routed = {name for name, state in states.items() if state != "compiled"}
    finders = [finder for finder in sys.meta_path if isinstance(finder, compiled.SourceFinder) and finder not in before]
    assert (set(finders[0].sources) if finders else set()) == routed
    for name in routed:
        spec = finders[0].find_spec(name)
        assert spec.origin == str(package / (name.split(".", 1)[1].replace(".", "/") + ".py"))
        assert isinstance(spec.loader, importlib.machinery.SourceFileLoader)
    assert finders[0].find_spec("pkg.c") is None if finders else True


def test_a_missing_or_unreadable_manifest_runs_every_source(tmp_path, monkeypatch):
    package = _package(tmp_path)
    manifest = tmp_path / "_compiled.json"
    manifest.write_text("{not json")
    monkeypatch.delenv(compiled.PURE_PYTHON_VARIABLE, raising=False)
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))
    with pytest.warns(UserWarning):
        assert set(compiled.install(package_dir=package, manifest=manifest).values()) == {"stale"}


def _module_files(environment: dict[str, str]) -> dict[str, str]:
    code = ("import importlib, json, warta; from warta import compiled; "
            "print(json.dumps({n: importlib.import_module(n).__file__ for n in compiled.compiled_modules()}))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, **environment})
    return json.loads(run.stdout)


def test_pure_python_variable_imports_every_source():
    files = _module_files({compiled.PURE_PYTHON_VARIABLE: "1"})
    assert all(path.endswith(".py") for path in files.values())


def test_modules_built_from_their_current_source_run_compiled():
    if not compiled.MANIFEST.is_file():
        pytest.skip("nothing compiled here (no C compiler at install time)")
    built = json.loads(compiled.MANIFEST.read_text())
    current = {name for name, source in compiled.compiled_modules().items() if built.get(name) == _digest(source)}
    files = _module_files({compiled.PURE_PYTHON_VARIABLE: ""})
    assert current, "the manifest lists no module built from its current source"
    assert {name for name in current if not files[name].endswith(".py")} == current


_PARITY = """
import sys, pandas as pd
from warta import pipeline
from warta.load import load_corpus
articles = load_corpus(sys.argv[1], progress=False)
tables = pipeline.build_tables(articles, profile=sys.argv[2])
pd.to_pickle({name: table for name, table in tables.items()}, sys.argv[3])
"""


@pytest.mark.parametrize("profile", ["fast", "full"])
def test_compiled_modules_give_the_tables_their_source_gives(tmp_path, profile):
    """Every table of the seeds, by the compiled modules and by their source, is the same."""
    seeds = str(config.project_root() / "seeds")
    found = {}
    for mode in ("1", "0"):
        out = tmp_path / f"tables-{mode}.pkl"
        subprocess.run([sys.executable, "-c", _PARITY, seeds, profile, str(out)], check=True,
                       env={**os.environ, compiled.PURE_PYTHON_VARIABLE: mode})
        found[mode] = pd.read_pickle(out)
    assert found["1"].keys() == found["0"].keys()
    assert sum(len(table) for table in found["1"].values()) > 100
    for name, table in found["1"].items():
        pd.testing.assert_frame_equal(found["0"][name], table, obj=name)


# Cython 3 (3.0 to 3.3) miscompiles a comprehension whose element joins a bracketed and/or of
# C-level truth tests ("in", "is", "not") to another operand: [("a" in t or "b" in t) or t for t in
# ss] appends a C integer as an object and crashes the process. any()/all() of such a generator
# compile correctly (Cython inlines them).
def _c_truth(node: ast.AST) -> bool:
    if isinstance(node, ast.Compare):
        return all(isinstance(op, (ast.In, ast.NotIn, ast.Is, ast.IsNot)) for op in node.ops)
    if isinstance(node, ast.UnaryOp):
        return isinstance(node.op, ast.Not)
    return isinstance(node, ast.BoolOp) and all(map(_c_truth, node.values))


def _miscompiled_shapes(source: str) -> list[int]:
    tree = ast.parse(source)
    inlined = {id(node.args[0]) for node in ast.walk(tree) if isinstance(node, ast.Call)
               and isinstance(node.func, ast.Name) and node.func.id in ("any", "all") and len(node.args) == 1}
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp)) and id(node) not in inlined:
            element = node.elt
            if isinstance(element, ast.BoolOp) and not _c_truth(element) and any(
                    isinstance(value, ast.BoolOp) and _c_truth(value) for value in element.values):
                lines.append(element.lineno)
    return lines


@pytest.mark.parametrize("source, lines", [
    ("[('a' in t or 'b' in t) or t for t in ss]", [1]),
    ("{t and ('a' in t or 'b' in t) for t in ss}", [1]),
    ("list((x is None or 'a' in t) or f(t) for t in ss)", [1]),
    ("['a' in t or 'b' in t or f(t) for t in ss]", []),       # one flat "or"
    ("any(f(t) and (x is None or not t) for t in ss)", []),     # inlined by Cython
])
def test_the_miscompiled_shape_is_recognised(source, lines):
    assert _miscompiled_shapes(source) == lines


def test_no_module_holds_the_shape_cython_miscompiles():
    found = {str(path.relative_to(compiled.PACKAGE_DIR)): lines for path in sorted(compiled.PACKAGE_DIR.rglob("*.py"))
             if (lines := _miscompiled_shapes(path.read_text(encoding="utf-8")))}
    assert found == {}


def test_bench_machine_says_how_many_modules_ran_compiled(monkeypatch):
    from warta import bench

    monkeypatch.setattr(compiled, "STATE", {"warta.a": "compiled", "warta.b": "stale", "warta.c": "compiled"})
    monkeypatch.setattr(bench, "reference_loop_seconds", lambda: 0.1)
    assert bench.machine()["compiled_modules"] == "2 of 3"
