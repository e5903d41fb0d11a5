"""Tests for warta.pipeline: the cache-backed enrichment on pandas and Dask, and ``analyze``.

Most tests run the engine with small stand-in stages (defined here), so that they check the
plumbing — partitions, cache reuse and invalidation, interruption, identical engines — and not
the other stages' behaviour. The tests at the end run the real stages on a synthetic corpus.
"""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from warta import cache, config, pipeline


# --------------------------------------------------------------------------- stand-in stages


def fake_load(paths):
    rows = []
    for path in paths:
        text = Path(path).read_text(encoding="utf-8")
        if path.endswith(".jsonl"):
            rows += [_row(f"{path}#{n}", json.loads(line)["isi"]) for n, line in enumerate(text.splitlines())]
        else:
            rows.append(_row(path, text))
    return pd.DataFrame(rows)


def _row(path, body):
    return {"article_id": hashlib.blake2b(body.encode(), digest_size=8).hexdigest(), "path": path,
            "status": "ok" if body.strip() else "rejected", "flags": [] if body.strip() else ["empty"],
            "body": body, "vendor": {}}


def fake_duplicates(articles):
    articles = articles.copy()
    first = articles.drop_duplicates("article_id")
    dup = ~articles.index.isin(first.index)
    articles.loc[dup, "status"] = "flagged"
    articles["flags"] = [flags + ["duplicate_of:" + aid] if d else flags
                         for flags, aid, d in zip(articles["flags"], articles["article_id"], dup)]
    return articles


CALLS: list[tuple[str, int]] = []


def fake_words(articles, **options):
    CALLS.append(("words", len(articles)))
    rows = [{"article_id": aid, "word": word, "position": n}
            for aid, body in zip(articles["article_id"], articles["body"])
            for n, word in enumerate(body.split()) if word[:1].isupper()]
    if any("MELEDAK" in body for body in articles["body"]):
        raise ValueError("stand-in stage cannot read this article")
    return {"words": pd.DataFrame(rows, columns=["article_id", "word", "position"])}


def fake_lengths(articles, **options):
    CALLS.append(("lengths", len(articles)))
    if any("BERHENTI" in body for body in articles["body"]):
        raise KeyboardInterrupt  # what a user's Ctrl-C does in the middle of a run
    return {"lengths": pd.DataFrame({"article_id": articles["article_id"], "chars": articles["body"].str.len()})}


LOADER = pipeline.Stage("load", ("articles",), fake_load, batch=fake_duplicates)
STAGES = (pipeline.Stage("actors", ("words",), fake_words), pipeline.Stage("sentiment", ("lengths",), fake_lengths))


def run(corpus, store, engine="pandas", scheduler=None):
    return pipeline.enrich(corpus, cache_root=store, engine=engine, scheduler=scheduler, progress=False,
                           loader=LOADER, stages=STAGES)


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for n in range(7):
        (folder / f"{n:02d}.txt").write_text(f"Artikel {n} tentang Putin dan Kim di Pyongyang.\nParagraf kedua {n}.")
    (folder / "07.txt").write_text("")  # rejected by the loader, still one row
    (folder / "08.txt").write_text((folder / "03.txt").read_text())  # exact duplicate of 03
    (folder / "09.jsonl").write_text("\n".join(json.dumps({"isi": f"Rekaman {n} dari Jakarta."}) for n in range(3)))
    return folder


@pytest.fixture(autouse=True)
def small_partitions(monkeypatch):
    monkeypatch.setitem(config.settings()["pipeline"], "partition_files", 3)
    CALLS.clear()


def assert_tables_equal(left, right):
    assert left.keys() == right.keys()
    for name in left:
        pd.testing.assert_frame_equal(left[name], right[name], obj=name)


# --------------------------------------------------------------------------- engine and cache


def test_first_run_processes_every_file_in_corpus_order(corpus, tmp_path):
    tables, stats = run(corpus, tmp_path / "cache")
    articles = tables["articles"]
    # 08.txt has the bytes of 03.txt: processed once, reported for both paths.
    assert stats["files"] == 10 and stats["processed_files"] == 9
    assert stats["processed"] == {"load": 9, "actors": 9, "sentiment": 9}
    assert [Path(p).name for p in articles["path"]] == [f"{n:02d}.txt" for n in range(10) if n != 9] + \
        [f"09.jsonl#{n}" for n in range(3)]
    assert articles.loc[articles["path"].str.endswith("08.txt"), "flags"].item() == \
        ["duplicate_of:" + articles["article_id"].iloc[3]]
    assert articles.loc[articles["path"].str.endswith("07.txt"), "status"].item() == "rejected"
    # Rejected rows are skipped by the stages; duplicates are not.
    assert set(tables["lengths"]["article_id"]) == set(articles.loc[articles["status"] != "rejected", "article_id"])
    assert list(tables["words"].columns) == ["article_id", "word", "position"]
    assert list(tables["articles"].columns) == ["article_id", "path", "status", "flags", "body", "vendor"]


def test_second_run_processes_nothing_and_returns_the_same(corpus, tmp_path):
    first, _ = run(corpus, tmp_path / "cache")
    CALLS.clear()
    second, stats = run(corpus, tmp_path / "cache")
    assert stats["processed_files"] == 0
    assert stats["processed"] == {"load": 0, "actors": 0, "sentiment": 0}
    assert CALLS == []
    assert_tables_equal(first, second)


def test_parts_finished_out_of_order_are_read_in_corpus_order(corpus, tmp_path, monkeypatch):
    first, _ = run(corpus, tmp_path / "cache")
    # Workers finish partitions out of order: rename the parts so that their names sort backwards.
    for stage in (tmp_path / "cache").iterdir():
        for version in (stage.iterdir() if stage.is_dir() else ()):
            parts = sorted(part for part in version.iterdir() if part.is_dir())
            assert len(parts) > 1  # three files per partition
            for number, part in enumerate(reversed(parts)):
                part.rename(part.with_name(f"{number:020d}-{part.name[-8:]}"))
    read = []
    original = pipeline._read_stage
    monkeypatch.setattr(pipeline, "_read_stage", lambda *args: read.append(original(*args)) or read[-1])
    second, _ = run(corpus, tmp_path / "cache")
    assert_tables_equal(first, second)
    manifest = cache.Store(tmp_path / "cache").manifest(pipeline.resolve_files(corpus))
    first_position = {key: position for position, key in reversed(list(enumerate(manifest["file_key"])))}
    assert len(read) == 3
    for rows in read:  # so no table needs reordering after the read
        positions = [first_position[key] for key in rows[pipeline.KEY]]
        assert positions == sorted(positions)


def test_a_file_in_two_parts_is_read_once_from_the_first(corpus, tmp_path):
    first, _ = run(corpus, tmp_path / "cache")
    store = cache.Store(tmp_path / "cache")
    version = next((tmp_path / "cache" / "actors").iterdir()).name
    holder = store.parts("actors", version)[0]
    key = store.read("actors", version, "words", parts=[holder.name])[pipeline.KEY].iloc[0]
    # Another run wrote the same file again, into a part that sorts first: the holder's other
    # files are still its own, so it is read with a filter, not whole.
    again = store.write_part("actors", version, [key], {"words": store.read("actors", version, "words", keys=[key])})
    again.rename(again.with_name("0" * 20 + "-again000"))
    assert store.coverage("actors", version)[1][holder.name] > 1
    second, stats = run(corpus, tmp_path / "cache")
    assert stats["processed_files"] == 0
    assert_tables_equal(first, second)


@pytest.mark.parametrize("taken", [
    [],
    [0, 1, 2, 3, 4, 5, 6, 7],
    [0, 1, 2, 3, 2, 3, 4, 5, 6, 7],  # a copy's rows repeated where the copy stands
    [4, 5, 6, 7, 0, 1, 2, 3],
    [7, 6, 5, 4, 3, 2, 1, 0],
    [3],
])
def test_take_runs_is_a_take(taken):
    halves = [pd.DataFrame({"text": pd.array([f"t{n}" for n in part], dtype="str"),
                            "arrow": pd.array(list(part), dtype="int64[pyarrow]"),
                            "number": list(part), "maybe": pd.array(list(part), dtype="Int64"),
                            "nested": [[n] for n in part]}) for part in (range(5), range(5, 8))]
    rows = pd.concat(halves).set_axis(range(10, 18))  # Arrow columns in two chunks, as parts are read
    taken = np.array(taken, dtype=np.int64)
    expected = rows.take(taken).reset_index(drop=True)
    pd.testing.assert_frame_equal(pipeline.take_runs(rows, taken), expected)


def test_grown_corpus_processes_only_new_and_changed_files(corpus, tmp_path):
    run(corpus, tmp_path / "cache")
    (corpus / "10.txt").write_text("Artikel baru tentang Jakarta.")
    (corpus / "sub").mkdir()
    (corpus / "sub" / "11.txt").write_text("Artikel baru lain dari Bandung.")
    (corpus / "02.txt").write_text("Isi yang diubah oleh Redaksi.")
    grown, stats = run(corpus, tmp_path / "cache")
    assert stats["processed_files"] == 3
    assert stats["processed"] == {"load": 3, "actors": 3, "sentiment": 3}
    fresh, _ = run(corpus, tmp_path / "fresh-cache")
    assert_tables_equal(grown, fresh)


def _waiting_run(corpus, store, *, meanwhile=None):
    """``run`` as a report's second snapshot part makes it: the wait before enriching is recorded,
    and ``meanwhile`` (another process's enrichment) runs in it."""
    waits = []

    def before_enriching():
        waits.append(len((store / "files.parquet").read_bytes()) if (store / "files.parquet").is_file() else 0)
        if meanwhile is not None:
            meanwhile()

    tables, stats = pipeline.enrich(corpus, cache_root=store, progress=False, loader=LOADER, stages=STAGES,
                                    before_enriching=before_enriching)
    return tables, stats, waits


def test_a_warm_corpus_is_planned_without_waiting(corpus, tmp_path):
    first, _ = run(corpus, tmp_path / "cache")
    tables, stats, waits = _waiting_run(corpus, tmp_path / "cache")
    assert waits == [] and stats["processed_files"] == 0
    assert_tables_equal(tables, first)


def test_new_files_wait_before_they_are_hashed_and_are_enriched_once(corpus, tmp_path):
    store = tmp_path / "cache"
    tables, stats, waits = _waiting_run(corpus, store, meanwhile=lambda: run(corpus, store))
    # It waited before hashing anything (no file list yet), and the other run enriched everything.
    assert waits == [0]
    assert stats["processed_files"] == 0
    assert_tables_equal(tables, run(corpus, tmp_path / "fresh")[0])


@pytest.mark.parametrize("grown", [False, True])
def test_stage_work_waits_and_what_is_still_missing_is_enriched_here(corpus, tmp_path, monkeypatch, grown):
    store = tmp_path / "cache"
    run(corpus, store)
    if grown:  # a new file: planning stops before hashing it
        (corpus / "10.txt").write_text("Artikel baru tentang Jakarta.")
    monkeypatch.setitem(config.settings(), "actors", {"fuzzy_threshold": 99})  # a new actors version
    # The other process ended without enriching (it failed): this one enriches all that is missing.
    tables, stats, waits = _waiting_run(corpus, store)
    assert len(waits) == 1
    assert stats["processed"] == {"load": int(grown), "actors": 9 + grown, "sentiment": int(grown)}
    assert_tables_equal(tables, run(corpus, tmp_path / "fresh")[0])


def test_removed_files_leave_the_results(corpus, tmp_path):
    run(corpus, tmp_path / "cache")
    (corpus / "01.txt").unlink()
    tables, stats = run(corpus, tmp_path / "cache")
    assert stats["processed_files"] == 0
    assert not tables["articles"]["path"].str.endswith("01.txt").any()
    assert "Artikel 1 " not in " ".join(tables["articles"]["body"])


def _package(root: Path) -> Path:
    for name, text in {"load.py": "v1", "actors.py": "v1", "sentiment.py": "v1",
                       "data/gazetteer/persons.tsv": "Putin", "data/lexicon/umum.tsv": "baik\t1"}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


@pytest.mark.parametrize(
    ("edited", "expected"),
    [
        ("data/lexicon/umum.tsv", {"load": 0, "actors": 0, "sentiment": 9}),
        ("sentiment.py", {"load": 0, "actors": 0, "sentiment": 9}),
        ("data/gazetteer/persons.tsv", {"load": 0, "actors": 9, "sentiment": 0}),
        ("load.py", {"load": 9, "actors": 9, "sentiment": 9}),
        ("README.md", {"load": 0, "actors": 0, "sentiment": 0}),
    ],
)
def test_a_changed_file_invalidates_exactly_the_stages_it_versions(corpus, tmp_path, monkeypatch, edited, expected):
    package = _package(tmp_path / "package")
    monkeypatch.setattr(config, "PACKAGE_DIR", package)
    first, _ = run(corpus, tmp_path / "cache")
    (package / edited).write_text("changed")
    CALLS.clear()
    second, stats = run(corpus, tmp_path / "cache")
    assert stats["processed"] == expected
    assert_tables_equal(first, second)


def test_changed_settings_invalidate_their_stage(corpus, tmp_path, monkeypatch):
    run(corpus, tmp_path / "cache")
    monkeypatch.setitem(config.settings(), "actors", {"fuzzy_threshold": 99})
    _, stats = run(corpus, tmp_path / "cache")
    assert stats["processed"] == {"load": 0, "actors": 9, "sentiment": 0}


# Package files a stage imports that compute none of its rows: settings come in by section, and
# errors, writing tables and evaluation change no row.
_NOT_ROW_CODE = {"__init__.py", "compiled.py", "config.py", "errors.py", "export.py", "evaluate/__init__.py", "evaluate/sentiment.py"}


@pytest.mark.parametrize("stage", [pipeline.LOADER, *pipeline.STAGES], ids=lambda stage: stage.name)
def test_every_module_a_stage_imports_versions_it(stage):
    """An edit of any package module a stage's code imports (transitively) must start a new
    version of its cached rows: each is listed in ``[cache.stages]`` for it or for the loader."""
    import ast

    root = config.PACKAGE_DIR
    stages = config.section("cache")["stages"]
    globs = stages[stage.name]["files"] + stages["load"]["files"]
    versioned = {str(path.relative_to(root)) for pattern in globs for path in root.glob(pattern)}

    def module_file(name: str) -> Path | None:
        path = root.joinpath(*name.split(".")[1:])
        for candidate in (path / "__init__.py", path.with_suffix(".py")):
            if candidate.exists():
                return candidate
        return None

    seen, todo = set(), list(stage.modules)
    while todo:
        name = todo.pop()
        if name in seen or module_file(name) is None:
            continue
        seen.add(name)
        for node in ast.walk(ast.parse(module_file(name).read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("warta"):
                todo += [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
            elif isinstance(node, ast.Import):
                todo += [alias.name for alias in node.names if alias.name.startswith("warta")]
    imported = {str(module_file(name).relative_to(root)) for name in seen}
    assert imported - versioned - _NOT_ROW_CODE == set()


def test_an_edit_of_the_compiled_module_versions_the_stages_it_runs_in(tmp_path):
    (tmp_path / "_tokens.pyx").write_text("def split_ascii(text): ...\n")
    before = pipeline.stage_fingerprints([pipeline.LOADER, *pipeline.STAGES], {}, root=tmp_path)
    (tmp_path / "_tokens.pyx").write_text("def split_ascii(text): return []\n")
    after = pipeline.stage_fingerprints([pipeline.LOADER, *pipeline.STAGES], {}, root=tmp_path)
    assert {name for name in before if before[name] != after[name]} == {"load", "actors", "sentiment", "events"}


def test_interrupted_run_keeps_finished_parts_and_resumes(corpus, tmp_path):
    (corpus / "05.txt").write_text("BERHENTI di sini.")
    with pytest.raises(KeyboardInterrupt):
        run(corpus, tmp_path / "cache")
    done = {stage: len(cache.Store(tmp_path / "cache").keys(stage, fp))
            for stage, fp in pipeline.stage_fingerprints([LOADER, *STAGES], {}).items()}
    assert done["load"] == 6 and done["sentiment"] == 3  # two partitions of three finished loading
    (corpus / "05.txt").write_text("Sudah diperbaiki.")
    resumed, stats = run(corpus, tmp_path / "cache")
    # 05 is new bytes; the third partition never started; sentiment had finished one partition.
    assert stats["processed"] == {"load": 4, "actors": 4, "sentiment": 6}
    fresh, _ = run(corpus, tmp_path / "fresh-cache")
    assert_tables_equal(resumed, fresh)


def test_a_failing_article_is_reported_and_retried_not_fatal(corpus, tmp_path):
    (corpus / "04.txt").write_text("Artikel yang MELEDAK di tahap aktor.")
    tables, stats = run(corpus, tmp_path / "cache")
    assert len(stats["errors"]) == 1 and "actors failed on" in stats["errors"][0]
    assert "ValueError" in stats["errors"][0]
    assert len(tables["lengths"]) == 11  # other stages still ran for it
    # Every other article kept its rows (six originals and the duplicate of 03).
    assert tables["words"]["word"].eq("Artikel").sum() == 7
    _, again = run(corpus, tmp_path / "cache")
    assert again["processed"] == {"load": 0, "actors": 1, "sentiment": 0}


def test_dask_gives_the_same_tables_as_pandas(corpus, tmp_path, dask_cluster):
    import cloudpickle

    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    try:
        on_pandas, _ = run(corpus, tmp_path / "pandas-cache")
        on_dask, stats = run(corpus, tmp_path / "dask-cache", engine="dask", scheduler=dask_cluster.scheduler_address)
    finally:
        cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
    assert stats["engine"] == "dask" and stats["processed_files"] == 9
    assert_tables_equal(on_pandas, on_dask)


@pytest.fixture
def cluster_starts(monkeypatch):
    """The threads that started a local cluster (``pipeline.dask_client`` without a scheduler)."""
    threads, original = [], pipeline.dask_client

    def spy(scheduler=None, **kwargs):
        if not scheduler:
            threads.append(threading.current_thread().name)
        return original(scheduler, **kwargs)

    monkeypatch.setattr(pipeline, "dask_client", spy)
    return threads


def test_a_local_cluster_gives_the_same_tables_and_counts_its_processes(corpus, tmp_path, cluster_starts):
    import cloudpickle

    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    try:
        on_pandas, _ = run(corpus, tmp_path / "pandas-cache")
        on_dask, stats = run(corpus, tmp_path / "dask-cache", engine="dask")  # no scheduler: a local cluster
        # Ten new files make four partitions of three: the cluster started while they were hashed.
        assert cluster_starts == ["warta-early-cluster"]
        (corpus / "10.txt").write_text("Artikel baru tentang Kim.")
        _, again = run(corpus, tmp_path / "dask-cache", engine="dask")
    finally:
        cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
    assert stats["engine"] == "dask" and stats["processed_files"] == 9
    assert_tables_equal(on_pandas, on_dask)
    # The processes the cluster started (fork server, workers) count from their start.
    assert stats["worker_cpu_seconds"] > stats["cpu_seconds"]["load"]
    # One new file: one partition, run in-process, and no cluster started for it.
    assert again["engine"] == "pandas" and again["processed_files"] == 1
    assert cluster_starts == ["warta-early-cluster"]


def test_a_cluster_that_fails_to_start_early_fails_the_run(corpus, tmp_path, monkeypatch):
    @contextmanager
    def broken(scheduler=None, **kwargs):
        raise OSError("no ports left")
        yield

    monkeypatch.setattr(pipeline, "dask_client", broken)
    with pytest.raises(OSError, match="no ports left"):
        run(corpus, tmp_path / "cache", engine="dask")


def test_a_local_cluster_runs_without_the_dashboard_diagnostics():
    import dask

    def worker_settings():
        return dask.config.get("distributed.worker.profile.enabled"), dask.config.get("distributed.admin.tick.interval")

    with pipeline.dask_client() as client:
        on_workers = client.run(worker_settings)
    assert len(on_workers) == 2
    assert set(on_workers.values()) == {(False, config.section("pipeline")["local_tick"])}


@pytest.mark.parametrize(("release", "expected"), [(False, None), (True, "65536")])
def test_a_local_cluster_keeps_glibc_memory_release_unless_told(release, expected):
    # In a fresh interpreter: this session's other clusters already put Distributed's variable in
    # os.environ, and the fork server keeps the environment it started with.
    script = f"""
import os
from warta import config, pipeline
config.settings()["pipeline"]["release_worker_memory"] = {release}
with pipeline.dask_client() as client:
    print(sorted(set(client.run(os.environ.get, "MALLOC_TRIM_THRESHOLD_").values()), key=str))
"""
    env = {key: value for key, value in os.environ.items() if key != "MALLOC_TRIM_THRESHOLD_"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == repr([expected])


@pytest.mark.parametrize(
    ("ids", "expected"),
    [
        (["b", "a", "b", "b"], ["kb", "ka", "kb", "kb"]),
        ([], []),
        (["a", "unknown"], ["ka", None]),  # a row of no article of the partition has no key
    ],
)
def test_keyed_gives_each_row_its_file_key_and_order(ids, expected):
    articles = pd.DataFrame({"article_id": pd.Series(["a", "b"], dtype="str"), cache.KEY_COLUMN: ["ka", "kb"]})
    table = pd.DataFrame({"article_id": pd.array(ids, dtype="str"), "n": range(len(ids))}, index=range(10, 10 + len(ids)))
    keyed = pipeline._keyed({"rows": table}, articles)["rows"]
    assert keyed[cache.KEY_COLUMN].dtype == "str"
    assert [None if pd.isna(key) else key for key in keyed[cache.KEY_COLUMN]] == expected
    assert keyed[pipeline.ROW].tolist() == list(range(len(ids))) and keyed.index.tolist() == list(range(len(ids)))


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [("", 10), ("*.txt", 9), ("0[0-2].txt", 3), ("09.jsonl", 1)],
)
def test_resolve_files_takes_folders_globs_and_files(corpus, pattern, expected):
    source = corpus / pattern if pattern else corpus
    assert len(pipeline.resolve_files(str(source))) == expected


def test_resolve_files_rejects_a_source_that_matches_nothing(tmp_path):
    with pytest.raises(FileNotFoundError):
        pipeline.resolve_files(str(tmp_path / "nothing-*.txt"))
    with pytest.raises(FileNotFoundError):
        pipeline.resolve_files(tmp_path)


def test_unknown_engine_is_an_error(corpus, tmp_path):
    with pytest.raises(ValueError, match="engine"):
        run(corpus, tmp_path / "cache", engine="spark")


# --------------------------------------------------------------------------- the real stages


@pytest.fixture
def corpus_with_copy(synthetic_corpus, tmp_path):
    """The synthetic corpus plus a byte-identical copy of one article under another name."""
    import shutil

    folder = tmp_path / "real"
    shutil.copytree(synthetic_corpus, folder)
    first = sorted(folder.rglob("*.txt"))[0]
    shutil.copy(first, folder / "zz-copy.txt")
    return folder


def test_partitioned_and_cached_equals_one_whole_batch(corpus_with_copy, tmp_path, monkeypatch):
    from warta.load import load_corpus

    # Pin the stage versions: a package file edited on disk meanwhile must not count here.
    versions = pipeline.stage_fingerprints([pipeline.LOADER, *pipeline.STAGES], {"sentiment_model": None})
    monkeypatch.setattr(pipeline, "stage_fingerprints", lambda *args, **kwargs: versions)
    tables = pipeline.analyze(corpus_with_copy, cache=tmp_path / "cache", progress=False)
    whole = pipeline.build_tables(load_corpus(corpus_with_copy))
    assert list(tables) == list(pipeline.TABLES)
    assert tables.stats["processed_files"] == 16  # the copy's bytes are processed once
    assert tables["articles"]["flags"].map(lambda f: any(x.startswith("duplicate_of:") for x in f)).sum() >= 1
    assert_tables_equal(tables, whole)
    again = pipeline.analyze(corpus_with_copy, cache=tmp_path / "cache", progress=False)
    assert again.stats["processed_files"] == 0
    assert_tables_equal(again, whole)


@pytest.mark.parametrize("count_duplicates", [False, True])
def test_the_analyses_count_a_duplicate_once_unless_told(tmp_path, monkeypatch, count_duplicates):
    from warta.load import load_corpus

    monkeypatch.setitem(config.settings()["pipeline"], "count_duplicates", count_duplicates)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted(config.seeds_dir().glob("*.txt")):
        (corpus / path.name).write_bytes(path.read_bytes())
    single = pipeline.build_tables(load_corpus(corpus), profile="fast")
    seed = sorted(corpus.glob("*.txt"))[1]
    (corpus / "zz-ingested-again.txt").write_bytes(seed.read_bytes())
    doubled = pipeline.build_tables(load_corpus(corpus), profile="fast")
    copy = doubled["articles"]["path"].str.endswith("zz-ingested-again.txt")
    assert doubled["articles"].loc[copy, "status"].item() == "flagged"  # still listed, with its flag
    assert doubled["articles"].loc[copy, "article_id"].item() in set(doubled["mentions"]["article_id"])
    analysed = set(doubled["stories"]["article_id"])
    assert (doubled["articles"].loc[copy, "article_id"].item() in analysed) == count_duplicates
    counts = {table: (single[table], doubled[table]) for table in ("cooccurrence", "sentiment_actors", "propagation")}
    if count_duplicates:
        assert doubled["cooccurrence"]["count"].sum() > single["cooccurrence"]["count"].sum()
    else:
        for table, (before, after) in counts.items():
            pd.testing.assert_frame_equal(before, after, obj=table)


def test_a_file_that_cannot_be_read_is_a_rejected_row_of_a_cached_run(synthetic_corpus, tmp_path):
    import shutil

    folder = tmp_path / "real"
    shutil.copytree(synthetic_corpus, folder)
    os.symlink(folder / "tidak-ada.txt", folder / "putus.txt")  # listed, then nothing to read
    files = pipeline.resolve_files(folder)
    for _ in range(2):  # planned and loaded, then from the cache
        tables = pipeline.analyze(folder, cache=tmp_path / "cache", progress=False)
        articles = tables["articles"]
        assert {path.split("#")[0] for path in articles["path"]} == set(files)
        broken = articles[articles["path"] == str(folder / "putus.txt")]
        assert broken["status"].tolist() == ["rejected"]
        assert broken["flags"].tolist()[0][0].startswith("unreadable:")


def test_cached_story_signatures_give_the_stories_of_the_text(corpus_with_copy, tmp_path, monkeypatch):
    from warta import stories as clustering, timeline

    tables = pipeline.analyze(corpus_with_copy, cache=tmp_path / "cache", progress=False)
    usable = tables["articles"][tables["articles"]["status"] != "rejected"]
    # One row per usable article, the byte-identical copy included under its own id.
    assert tables["story_signatures"]["article_id"].tolist() == usable["article_id"].tolist()
    monkeypatch.setattr(clustering, "_signature_parts", lambda *a, **k: pytest.fail("hashed the text again"))
    clustered, copied = tables["stories"], tables["copies"]
    monkeypatch.undo()
    analysed, view = pipeline.analysis_inputs(tables)  # the copy is left out of the analyses
    assert len(analysed) == len(usable) - 1
    stories, copies = timeline.cluster_stories_and_copies(analysed, mentions=view["mentions"])
    pd.testing.assert_frame_equal(clustered, stories)
    pd.testing.assert_frame_equal(copied, copies)
    assert "story_signatures" not in list(tables)  # internal: not a table to export


@pytest.mark.parametrize("profile", ["full", "fast"])
def test_dask_and_pandas_agree_on_the_real_stages(synthetic_corpus, dask_cluster, profile):
    on_pandas = pipeline.analyze(synthetic_corpus, cache=False, progress=False, profile=profile)
    on_dask = pipeline.analyze(synthetic_corpus, cache=False, progress=False, engine="dask",
                               scheduler=dask_cluster.scheduler_address, profile=profile)
    assert on_dask.stats["engine"] == "dask" and on_dask.stats["processed_files"] == 16
    assert on_pandas.stats["profile"] == on_dask.stats["profile"] == profile
    engines = set(on_dask["sentiment_articles"]["engine"])
    assert (engines == {"lexicon"}) == (profile == "fast")
    for name in pipeline.TABLES:
        left, right = on_pandas[name], on_dask[name]
        order = [c for c in left.columns if not isinstance(left[c].dtype, pd.ArrowDtype)  # nested: cues
                 and left[c].map(lambda v: not isinstance(v, (list, dict))).all()]
        pd.testing.assert_frame_equal(left.sort_values(order, ignore_index=True),
                                      right.sort_values(order, ignore_index=True), obj=name)


def test_analyze_writes_every_table(tmp_path):
    tables = pipeline.analyze(None, out=tmp_path / "out", cache=False, progress=False)
    assert len(tables["articles"]) == 5  # the seeds
    for name in pipeline.TABLES:
        assert (tmp_path / "out" / f"{name}.parquet").is_file() and (tmp_path / "out" / f"{name}.csv").is_file()


def test_analyses_run_only_when_their_table_is_read(monkeypatch, tmp_path):
    ran = []
    monkeypatch.setattr(pipeline, "ANALYSES", (
        ("stories", lambda usable, tables, **o: ran.append("stories") or pd.DataFrame({"n": [len(usable)]})),
        ("propagation", lambda usable, tables, **o: ran.append("propagation") or tables["stories"] + 1),
    ))
    monkeypatch.setattr(pipeline, "TABLES", ("articles", "stories", "propagation"))
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "status": ["ok", "rejected", "flagged"]})
    tables = pipeline.Tables({"articles": articles}, options={}, stats={"files": 3})
    assert ran == [] and list(tables) == ["articles", "stories", "propagation"]
    assert tables["propagation"]["n"].tolist() == [3]  # reads stories, which counts usable rows
    assert ran == ["propagation", "stories"]
    assert dict(tables)["stories"]["n"].tolist() == [2] and ran == ["propagation", "stories"]
    with pytest.raises(KeyError):
        tables["nothing"]


def _tracked(cells) -> int:
    """How many of ``cells`` a later collection would still walk (not frozen)."""
    import gc

    return len({id(cell) for cell in cells} & set(map(id, gc.get_objects())))


def test_collected_tables_are_kept_out_of_later_collections(corpus, tmp_path):
    import gc

    gc.unfreeze()
    try:
        tables, _ = run(corpus, tmp_path / "cache")
        flags = tables["articles"]["flags"].tolist()  # list cells, read back from the cache's parts
        assert flags and _tracked(flags) == 0
    finally:
        gc.unfreeze()


def test_an_analysis_table_is_kept_out_of_later_collections(monkeypatch):
    import gc

    def stories(usable, tables, **options):
        return pd.DataFrame({"evidence": [[n] for n in range(len(usable))]})

    monkeypatch.setattr(pipeline, "ANALYSES", (("stories", stories),))
    articles = pd.DataFrame({"article_id": ["a", "b"], "status": ["ok", "ok"]})
    tables = pipeline.Tables({"articles": articles}, options={}, stats={})
    gc.unfreeze()
    try:
        # _analysed itself, not tables["stories"]: a table read through the mapping is frozen anyway.
        evidence = tables._analysed(stories)["stories"]["evidence"].tolist()
        assert len(evidence) == 2 and _tracked(evidence) == 0
    finally:
        gc.unfreeze()


def test_an_analysis_may_give_several_tables_from_one_pass(monkeypatch):
    ran = []

    def both(usable, tables, **options):
        ran.append("both")
        return {"stories": pd.DataFrame({"n": [len(usable)]}), "copies": pd.DataFrame({"pairs": [0]})}

    monkeypatch.setattr(pipeline, "ANALYSES", (("stories", both), ("copies", both)))
    monkeypatch.setattr(pipeline, "TABLES", ("articles", "stories", "copies"))
    articles = pd.DataFrame({"article_id": ["a", "b"], "status": ["ok", "ok"]})
    tables = pipeline.Tables({"articles": articles}, options={}, stats={})
    assert tables["copies"]["pairs"].tolist() == [0]
    assert tables["stories"]["n"].tolist() == [2]
    assert ran == ["both"]  # the pass ran once for both tables


# --------------------------------------------------------------------------- profiles


@pytest.mark.parametrize(
    ("options", "corpus_bytes", "expected"),
    [
        ({}, 10, {"profile": "full", "actors_model": None, "sentiment_model": None}),
        ({"profile": "auto"}, 10, {"profile": "full", "actors_model": None, "sentiment_model": None}),
        ({"profile": "auto"}, 10**9, {"profile": "fast", "actors_model": False, "sentiment_model": "lexicon"}),
        ({"profile": None}, 10**9, {"profile": "fast", "actors_model": False, "sentiment_model": "lexicon"}),
        ({"profile": "fast"}, 10, {"profile": "fast", "actors_model": False, "sentiment_model": "lexicon"}),
        ({"profile": "full"}, 10**9, {"profile": "full", "actors_model": None, "sentiment_model": None}),
        # An explicit model wins over the profile's engine; the actors follow the profile.
        ({"profile": "fast", "sentiment_model": "my.json.gz"}, 10,
         {"profile": "fast", "actors_model": False, "sentiment_model": "my.json.gz"}),
    ],
)
def test_profiles_resolve_to_stage_options(options, corpus_bytes, expected, monkeypatch):
    monkeypatch.setitem(config.settings()["pipeline"], "profile", "auto")
    monkeypatch.setitem(config.settings()["pipeline"], "bulk_min_bytes", 1000)
    resolved = pipeline.resolve_options(options, corpus_bytes=corpus_bytes)
    assert {key: resolved[key] for key in expected} == expected


def test_an_unknown_profile_is_an_error():
    with pytest.raises(ValueError, match="profile"):
        pipeline.resolve_options({"profile": "turbo"}, corpus_bytes=0)


def test_the_profile_versions_exactly_the_stages_it_changes():
    stages = [pipeline.LOADER, *pipeline.STAGES]
    full = pipeline.stage_fingerprints(stages, pipeline.resolve_options({"profile": "full"}, corpus_bytes=0))
    fast = pipeline.stage_fingerprints(stages, pipeline.resolve_options({"profile": "fast"}, corpus_bytes=0))
    assert {name for name in full if full[name] != fast[name]} == {"actors", "sentiment"}


def test_auto_profile_follows_the_corpus_size(corpus, tmp_path, monkeypatch):
    monkeypatch.setitem(config.settings()["pipeline"], "profile", "auto")
    monkeypatch.setitem(config.settings()["pipeline"], "bulk_min_bytes", 200)
    _, small = run(corpus / "0[0-1].txt", tmp_path / "cache")
    _, large = run(corpus, tmp_path / "cache")
    assert small["profile"] == "full" and large["profile"] == "fast"
    # The fast profile versions actors and sentiment apart: the two small files run those again.
    assert large["processed"] == {"load": 7, "actors": 9, "sentiment": 9}


def test_stats_split_stage_and_engine_cpu(corpus, tmp_path):
    _, stats = run(corpus, tmp_path / "cache")
    assert set(stats["cpu_seconds"]) == {"load", "actors", "sentiment"}
    assert all(seconds >= 0 for seconds in stats["cpu_seconds"].values()) and stats["engine_cpu_seconds"] >= 0


def test_cli_analyze_takes_a_profile(tmp_path):
    from warta.cli import main

    assert main(["analyze", str(config.seeds_dir()), "--out", str(tmp_path / "tables"), "--no-cache",
                 "--profile", "fast"]) == 0
    scored = pd.read_csv(tmp_path / "tables" / "sentiment_articles.csv")
    assert set(scored["engine"]) == {"lexicon"}


def test_analyze_reads_a_per_article_table_only_when_asked(tmp_path):
    tables = pipeline.analyze(None, cache=tmp_path / "cache", progress=False)  # the seeds
    per_article = [name for stage in pipeline.STAGES for name in stage.tables]
    assert all(callable(tables._tables[name]) for name in per_article)
    mentions = tables["mentions"]
    assert not callable(tables._tables["mentions"]) and callable(tables._tables["quotes"])
    eager = pipeline.analyze(None, cache=False, progress=False)  # a throw-away cache is read in full first
    assert not any(callable(eager._tables[name]) for name in per_article)
    pd.testing.assert_frame_equal(mentions, eager["mentions"])
    for name in per_article:
        pd.testing.assert_frame_equal(tables[name], eager[name], obj=name)


@pytest.mark.parametrize(("cache_arg", "enabled", "expected"),
                         [(False, True, True), (None, False, True), (None, True, False), ("dir", False, False)])
def test_root_is_temporary(cache_arg, enabled, expected, monkeypatch):
    monkeypatch.setitem(config.settings(), "cache", {**config.section("cache"), "enabled": enabled})
    assert pipeline.root_is_temporary(cache_arg) is expected


def test_sentence_speakers_come_from_the_quotes():
    tables = pipeline.analyze(None, cache=False, progress=False)  # the seeds
    sentences, quotes = tables["sentiment_sentences"], tables["quotes"]
    quoted = set(zip(quotes["article_id"], quotes["sentence_id"]))
    spoken = sentences[sentences["speaker_id"].astype(str) != ""]
    assert len(spoken) > 0
    assert set(zip(spoken["article_id"], spoken["sentence_id"])) <= quoted


# --------------------------------------------------------------------------- saved analyses


def _counting_analyses(monkeypatch):
    """Stand-in analyses that count their runs (one gives two tables in one pass)."""
    ran = []

    def stories(usable, tables, **options):
        ran.append("stories")
        return {"stories": pd.DataFrame({"article_id": usable["article_id"].tolist(), "n": range(len(usable))}),
                "copies": pd.DataFrame({"pairs": [len(usable)]})}

    def actors(usable, tables, **options):
        ran.append("sentiment_actors")
        return pd.DataFrame({"n": [len(tables["mentions"])]})

    monkeypatch.setattr(pipeline, "ANALYSES", (("stories", stories), ("copies", stories),
                                               ("sentiment_actors", actors)))
    return ran


def test_a_second_analyze_of_the_same_corpus_reads_the_saved_analyses(tmp_path, monkeypatch):
    ran = _counting_analyses(monkeypatch)
    first = pipeline.analyze(None, cache=tmp_path / "cache", progress=False)  # the seeds
    saved = {name: first[name] for name in ("copies", "sentiment_actors", "stories")}
    assert ran == ["stories", "sentiment_actors"]
    again = pipeline.analyze(None, cache=tmp_path / "cache", progress=False)
    for name, table in saved.items():
        pd.testing.assert_frame_equal(again[name], table, obj=name)
    assert ran == ["stories", "sentiment_actors"]  # nothing analysed again
    assert again.stats["state_version"] == first.stats["state_version"]


def test_tables_saved_for_the_corpus_state_are_not_collected_from_the_parts(tmp_path, monkeypatch):
    first = pipeline.analyze(None, cache=tmp_path / "cache", progress=False)  # the seeds
    for name in ("articles", "sentiment_sentences"):
        first.save(name)
    collected = []
    for name in ("_collect_articles", "_collect_table"):
        original = getattr(pipeline, name)
        monkeypatch.setattr(pipeline, name, lambda *args, original=original, name=name:
                            collected.append(name) or original(*args))
    again = pipeline.analyze(None, cache=tmp_path / "cache", progress=False)
    for name in ("articles", "sentiment_sentences"):
        pd.testing.assert_frame_equal(again[name], first[name], obj=name)
    assert collected == []
    again["mentions"]  # not saved: collected from the parts, with the articles its ids follow
    assert collected == ["_collect_articles", "_collect_table"]
    pd.testing.assert_frame_equal(again["mentions"], first["mentions"])


def test_a_grown_corpus_or_other_options_analyse_again(tmp_path, monkeypatch):
    ran = _counting_analyses(monkeypatch)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    seeds = sorted(config.seeds_dir().glob("*.txt"))
    for path in seeds[:3]:
        (corpus / path.name).write_bytes(path.read_bytes())
    versions = [pipeline.analyze(corpus, cache=tmp_path / "cache", progress=False)]
    (corpus / seeds[3].name).write_bytes(seeds[3].read_bytes())
    versions.append(pipeline.analyze(corpus, cache=tmp_path / "cache", progress=False))
    versions.append(pipeline.analyze(corpus, cache=tmp_path / "cache", progress=False, profile="fast"))
    for tables in versions:
        assert tables["stories"]["article_id"].tolist() == tables["articles"]["article_id"].tolist()
    assert ran == ["stories"] * 3
    assert len({tables.stats["state_version"] for tables in versions}) == 3



@pytest.mark.parametrize("dtype", ["str", object])
@pytest.mark.parametrize("files", [["k2", "k0", "k1"], ["k2", "k0", "k1", "k0"], [], ["k9"]])
def test_rows_of_files_is_an_inner_join(dtype, files):
    keys = pd.Series(["k0", "k1", "k1", "kx", "k2", "k0"], dtype=dtype)  # kx: a file no longer listed
    taken, numbers = pipeline._rows_of_files(keys, pd.Series(files, dtype="str"))
    expected = sorted((row, number) for row, key in enumerate(keys) for number, name in enumerate(files) if name == key)
    assert sorted(zip(taken.tolist(), numbers.tolist())) == expected
    empty = pipeline._rows_of_files(keys.iloc[:0], pd.Series(files, dtype="str"))
    assert [len(part) for part in empty] == [0, 0]


@pytest.mark.parametrize("seed", range(3))
def test_rows_of_files_joins_keys_that_name_several_files(seed):
    rng = np.random.default_rng(seed)
    files = [f"k{number}" for number in rng.integers(0, 40, size=60)]  # many keys at two or more paths
    keys = pd.Series([f"k{number}" for number in rng.integers(0, 50, size=500)], dtype="str")
    taken, numbers = pipeline._rows_of_files(keys, pd.Series(files, dtype="str"))
    expected = sorted((row, number) for row, key in enumerate(keys) for number, name in enumerate(files) if name == key)
    assert len(expected) > len(keys) // 2 and len(set(files)) < len(files)
    assert sorted(zip(taken.tolist(), numbers.tolist())) == expected


def test_planning_retires_stage_versions_long_unused(tmp_path):
    import os
    import time

    stamps = {}
    for number in range(5):  # five stale versions of one stage, the oldest last
        folder = tmp_path / "cache" / "sentiment" / f"old{number}"
        folder.mkdir(parents=True)
        stamps[folder.name] = time.time() - (48 + number) * 3600
        os.utime(folder, (stamps[folder.name], stamps[folder.name]))
    keep = config.section("cache")["stage_versions"]
    pipeline.make_plan(None, store_root=tmp_path / "cache")  # the seeds
    left = sorted(path.name for path in (tmp_path / "cache" / "sentiment").iterdir())
    assert left == [f"old{number}" for number in range(keep)]


def test_headline_actors_are_an_analysis_of_the_usable_articles():
    from warta.actors import headline_actors

    tables = pipeline.analyze(config.seeds_dir(), cache=False, progress=False, profile="fast")
    usable = tables["articles"][~tables["articles"]["flags"].map(lambda f: any(x.startswith("duplicate_of:") for x in f))]
    expected = headline_actors(usable, tables["mentions"])
    assert len(expected) and "per:vladimir-putin" in set(expected["actor_id"])
    pd.testing.assert_frame_equal(tables["headline_actors"].reset_index(drop=True), expected.reset_index(drop=True))
