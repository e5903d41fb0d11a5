"""Snapshots: the tables a report run hands its notebooks equal what ``analyze`` returns."""
from __future__ import annotations

import json
import os
import time

import pandas as pd
import pytest

from warta import config, pipeline, snapshot
from warta.sentiment.scoring import CUES_DTYPE


@pytest.mark.parametrize(
    ("notebooks", "expected"),
    [
        ([], []),
        (["00_corpus"], ["articles"]),
        (["02_actor_cooccurrence", "00_corpus"], ["articles", "mentions", "quotes", "headline_actors"]),
        (["03_source_timeline"], ["articles", "stories", "copies", "propagation", "events"]),
        (["my_own_notebook"], []),  # not listed: it analyses the corpus itself
    ],
)
def test_tables_for(notebooks, expected):
    assert snapshot.tables_for(notebooks) == expected


@pytest.fixture(scope="module")
def analysed(synthetic_corpus, tmp_path_factory):
    """The synthetic corpus analysed once (fast profile) into its own cache, and that cache."""
    cache = tmp_path_factory.mktemp("cache")
    tables = pipeline.analyze(synthetic_corpus, profile="fast", cache=cache, progress=False)
    return synthetic_corpus, cache, tables


def test_snapshot_tables_equal_analyze(analysed, tmp_path, monkeypatch):
    corpus, cache, tables = analysed
    # The snapshot's analyze reads the same cache as the fixture's.
    monkeypatch.setattr(pipeline.config, "cache_dir", lambda: cache)
    names = ["articles", "mentions", "sentiment_sentences", "stories"]
    manifest = snapshot.write_snapshot(tmp_path, tables=names, corpus=corpus, profile="fast")

    assert manifest["rows"] == {name: len(tables[name]) for name in names}
    assert manifest["options"]["profile"] == "fast"
    assert json.loads((tmp_path / snapshot.MANIFEST).read_text())["rows"] == manifest["rows"]
    opened = snapshot.open_tables(corpus, snapshot=tmp_path, profile="fast")
    for name in names:  # dtypes and nested cells (lists, dicts) included
        pd.testing.assert_frame_equal(opened[name], tables[name])


def test_a_second_build_links_the_saved_tables_without_collecting(analysed, tmp_path, monkeypatch):
    corpus, cache, tables = analysed
    monkeypatch.setattr(pipeline.config, "cache_dir", lambda: cache)
    names = ["articles", "mentions", "sentiment_sentences", "stories", "sentiment_actors"]
    snapshot.write_snapshot(tmp_path / "first", tables=names, corpus=corpus, profile="fast")

    def fail(*args, **kwargs):
        raise AssertionError("collected or analysed although saved")

    monkeypatch.setattr(pipeline, "_collect_table", fail)
    # Each analysis replaced by its own failing stand-in (one pass may give several tables).
    stand_ins = {function: lambda *args, **kwargs: fail() for _, function in pipeline.ANALYSES}
    monkeypatch.setattr(pipeline, "ANALYSES", tuple((name, stand_ins[function]) for name, function in pipeline.ANALYSES))
    manifest = snapshot.write_snapshot(tmp_path / "second", tables=names, corpus=corpus, profile="fast")
    assert manifest["rows"] == {name: len(tables[name]) for name in names}
    for name in names:
        first, second = (snapshot.written_table(tmp_path / run, name) for run in ("first", "second"))
        assert first.stat().st_ino == second.stat().st_ino  # both links to the saved file
        pd.testing.assert_frame_equal(snapshot.read_table(second), tables[name], obj=name)


def test_a_table_missing_from_the_snapshot_comes_from_analyze(analysed, tmp_path, monkeypatch):
    corpus, cache, tables = analysed
    monkeypatch.setattr(pipeline.config, "cache_dir", lambda: cache)
    snapshot.write_snapshot(tmp_path, tables=["articles"], corpus=corpus, profile="fast")
    opened = snapshot.open_tables(corpus, snapshot=tmp_path, profile="fast")

    pd.testing.assert_frame_equal(opened["quotes"], tables["quotes"])
    assert set(opened) == set(pipeline.TABLES)


def test_without_a_snapshot_a_notebook_analyses(monkeypatch):
    calls = []
    monkeypatch.setattr(pipeline, "analyze", lambda corpus, **options: calls.append((corpus, options)) or {})
    snapshot.open_tables("some/corpus", snapshot="", engine="dask", profile="fast")

    assert calls == [("some/corpus", {"engine": "dask", "scheduler": None, "sentiment_model": None,
                                      "profile": "fast"})]


def test_a_missing_snapshot_folder_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no snapshot folder"):
        snapshot.open_tables("corpus", snapshot=tmp_path / "gone")


@pytest.mark.parametrize(
    ("tables", "expected"),
    [
        # the mentions go first in the whole-batch part: [report] whole_batch_inputs
        (["articles", "stories", "mentions", "propagation"],
         {snapshot.PER_ARTICLE: ["articles"], snapshot.WHOLE_BATCH: ["mentions", "stories", "propagation"]}),
        (["articles", "events"], {snapshot.PER_ARTICLE: ["articles", "events"]}),
        (["articles", "mentions", "quotes"], {snapshot.PER_ARTICLE: ["articles", "mentions", "quotes"]}),
        # actor sentiment reads only per-article tables: [report] per_article_analyses
        (["copies", "cooccurrence", "sentiment_actors"],
         {snapshot.PER_ARTICLE: ["sentiment_actors"], snapshot.WHOLE_BATCH: ["copies", "cooccurrence"]}),
        ([], {}),
    ],
)
def test_split_tables(tables, expected):
    assert snapshot.split_tables(tables) == expected


def test_split_tables_builds_an_analysis_in_the_whole_batch_part_unless_named(monkeypatch):
    monkeypatch.setitem(config.settings()["report"], "per_article_analyses", [])
    assert snapshot.split_tables(["articles", "sentiment_actors"]) == {
        snapshot.PER_ARTICLE: ["articles"], snapshot.WHOLE_BATCH: ["sentiment_actors"]}


def test_split_tables_leaves_the_inputs_per_article_unless_named(monkeypatch):
    monkeypatch.setitem(config.settings()["report"], "whole_batch_inputs", [])
    assert snapshot.split_tables(["mentions", "stories", "quotes"]) == {
        snapshot.PER_ARTICLE: ["mentions", "quotes"], snapshot.WHOLE_BATCH: ["stories"]}


SUITE = {"00_corpus": ["articles"], "01_sentiment": ["articles", "sentiment_articles", "mentions"],
         "02_actor_cooccurrence": ["articles", "mentions", "quotes"],
         "03_source_timeline": ["articles", "stories", "propagation", "events"]}


@pytest.mark.parametrize(
    ("readers", "expected"),
    [
        # events: read only by a notebook that waits for the stories anyway
        (SUITE, {snapshot.PER_ARTICLE: ["articles", "sentiment_articles"],
                 snapshot.WHOLE_BATCH: ["quotes", "mentions", "stories", "propagation", "events"]}),
        # another notebook reads events without any whole-batch table: it stays per article
        ({**SUITE, "04_mine": ["events"]},
         {snapshot.PER_ARTICLE: ["articles", "sentiment_articles", "events"],
          snapshot.WHOLE_BATCH: ["quotes", "mentions", "stories", "propagation"]}),
        # actor sentiment comes with the per-article part: its reader waits for no clustering
        ({**SUITE, "01_sentiment": ["articles", "sentiment_articles", "mentions", "sentiment_actors"]},
         {snapshot.PER_ARTICLE: ["articles", "sentiment_articles", "sentiment_actors"],
          snapshot.WHOLE_BATCH: ["quotes", "mentions", "stories", "propagation", "events"]}),
        # no whole-batch table at all: nothing to follow
        ({"03_source_timeline": ["articles", "events"]}, {snapshot.PER_ARTICLE: ["articles", "events"]}),
    ],
)
def test_split_tables_moves_what_only_the_analyses_readers_read(readers, expected):
    tables = list(dict.fromkeys(table for read in readers.values() for table in read))
    assert snapshot.split_tables(tables, readers=readers) == expected


@pytest.mark.parametrize(
    ("processes", "tables", "parts"),
    [
        (1, ["articles", "events", "stories"], [""]),  # one process: one part, however many kinds
        (2, ["articles", "events"], [""]),  # nothing to split
        (2, ["articles", "events", "stories"], [snapshot.PER_ARTICLE, snapshot.WHOLE_BATCH]),
    ],
)
def test_a_build_in_children_returns_the_manifest(analysed, tmp_path, monkeypatch, processes, tables, parts):
    corpus, cache, analysed_tables = analysed
    # The spawned children read the project settings: point their cache at the fixture's.
    monkeypatch.setenv("WARTA_HOME", str(tmp_path))
    (tmp_path / ".warta-cache").symlink_to(cache)
    folder = tmp_path / "snap"
    build = snapshot.start_build(folder, tables=tables, processes=processes, corpus=str(corpus), profile="fast")
    # Readers can open it at once: the plan is there before a child starts.
    opened = snapshot.Snapshot(folder)
    for name in reversed(tables):
        pd.testing.assert_frame_equal(opened[name], analysed_tables[name])
    manifest = build.wait()

    assert list(build.parts) == parts
    assert manifest["rows"] == {name: len(analysed_tables[name]) for name in tables}  # in the plan's order
    assert all(snapshot.manifest_path(folder, part).is_file() for part in parts)
    if len(parts) > 1:
        assert manifest["seconds"] == max(manifest["parts"].values())
        assert snapshot.enriched_path(folder, parts[0]).is_file()  # what the second part waited for


@pytest.mark.parametrize("work_found", [True, False])
def test_a_later_part_enriches_only_once_the_first_has(tmp_path, monkeypatch, work_found):
    import threading

    calls = []

    def fake_analyze(corpus, *, before_enriching=None, **options):
        calls.append("planned")
        if work_found:  # the cache lacks something: the first part is enriching it
            before_enriching()
            calls.append("enriched")
        raise RuntimeError("stop here")  # the rest of the build is not this test's business

    monkeypatch.setattr(pipeline, "analyze", fake_analyze)
    snapshot.write_plan(tmp_path, {"first": ["articles"], "second": ["stories"]})
    raised = []

    def build():
        try:
            snapshot.write_snapshot(tmp_path, tables=["stories"], part="second", after="first")
        except RuntimeError as error:
            raised.append(str(error))

    later = threading.Thread(target=build)
    later.start()
    time.sleep(5 * snapshot.POLL_SECONDS)
    # Planned at once; with work to do, still waiting; with none, done without the first part.
    assert calls == ["planned"]
    assert later.is_alive() == work_found
    snapshot.enriched_path(tmp_path, "first").write_text("{}")
    later.join(timeout=10)

    assert calls == (["planned", "enriched"] if work_found else ["planned"])
    assert raised == ["stop here"]
    assert snapshot.manifest_path(tmp_path, "second").is_file()  # the failure, for readers
    assert not snapshot.manifest_path(tmp_path).is_file()  # a part never ends the plan for the others


def test_a_reader_stops_waiting_when_the_part_writing_its_table_failed(analysed, tmp_path, monkeypatch):
    corpus, cache, tables = analysed
    monkeypatch.setattr(pipeline.config, "cache_dir", lambda: cache)
    snapshot.write_plan(tmp_path, {"first": ["articles"], "second": ["quotes"]})
    snapshot.write_failure(tmp_path, "KilledWorker: out of memory", part="second")
    opened = snapshot.open_tables(corpus, snapshot=tmp_path, profile="fast")

    # "quotes" comes from analyze; "articles" would still be waited for (its part is running).
    pd.testing.assert_frame_equal(opened["quotes"], tables["quotes"])


def test_a_failed_build_says_so_and_readers_analyse(analysed, tmp_path, monkeypatch):
    corpus, cache, tables = analysed
    monkeypatch.setattr(pipeline.config, "cache_dir", lambda: cache)
    with pytest.raises(KeyError, match="no_such_table"):
        snapshot.write_snapshot(tmp_path, tables=["no_such_table", "quotes"], corpus=corpus, profile="fast")

    assert "no_such_table" in json.loads(snapshot.manifest_path(tmp_path).read_text())["error"]
    # "quotes" was planned but never written: the reader stops waiting and analyses.
    pd.testing.assert_frame_equal(snapshot.open_tables(corpus, snapshot=tmp_path, profile="fast")["quotes"],
                                  tables["quotes"])


def _without_saved_tables(monkeypatch) -> None:
    """Nothing saved for the corpus state is read or written: each table is collected or analysed."""
    from warta import cache

    monkeypatch.setattr(cache.Results, "read", lambda self, names: None)
    monkeypatch.setattr(cache.Results, "write", lambda self, tables: None)
    monkeypatch.setattr(cache.Results, "files", lambda self, name: None)


def _collecting_fails_for(monkeypatch, names: set[str]) -> None:
    collect = pipeline._collect_table

    def guarded(plan, stage, name, *args):
        if name in names:
            raise AssertionError(f"{name} collected although another part wrote it")
        return collect(plan, stage, name, *args)

    monkeypatch.setattr(pipeline, "_collect_table", guarded)


def test_a_part_reads_the_tables_another_part_wrote_instead_of_collecting_them(analysed, tmp_path, monkeypatch):
    import threading

    corpus, cache, tables = analysed
    monkeypatch.setattr(pipeline.config, "cache_dir", lambda: cache)
    expected = {name: tables[name] for name in ("quotes", "mentions", "sentiment_sentences", "sentiment_actors")}
    _without_saved_tables(monkeypatch)
    _collecting_fails_for(monkeypatch, {"mentions", "quotes"})
    snapshot.write_plan(tmp_path, {snapshot.PER_ARTICLE: ["sentiment_sentences", "sentiment_actors"],
                                   snapshot.WHOLE_BATCH: ["quotes", "mentions"]})

    def other_part() -> None:  # writes its tables a while after this part has started
        try:
            time.sleep(5 * snapshot.POLL_SECONDS)
            for name in ("quotes", "mentions"):
                snapshot.write_table(tmp_path, name, expected[name])
        finally:  # as a build's part ends: the waiting part stops waiting, whatever happened here
            snapshot.write_failure(tmp_path, "over", part=snapshot.WHOLE_BATCH)

    writer = threading.Thread(target=other_part)
    writer.start()
    snapshot.write_snapshot(tmp_path, tables=["sentiment_sentences", "sentiment_actors"], corpus=corpus,
                            profile="fast", part=snapshot.PER_ARTICLE)
    writer.join()
    opened = snapshot.Snapshot(tmp_path)
    for name in ("sentiment_sentences", "sentiment_actors"):  # speakers from the quotes, actors from both
        pd.testing.assert_frame_equal(opened[name], expected[name], obj=name)


def test_a_part_collects_a_table_the_other_part_ended_without(analysed, tmp_path, monkeypatch):
    corpus, cache, tables = analysed
    monkeypatch.setattr(pipeline.config, "cache_dir", lambda: cache)
    expected = tables["sentiment_actors"]
    _without_saved_tables(monkeypatch)
    snapshot.write_plan(tmp_path, {snapshot.PER_ARTICLE: ["sentiment_actors"], snapshot.WHOLE_BATCH: ["mentions",
                                                                                                     "quotes"]})
    snapshot.write_failure(tmp_path, "KilledWorker: out of memory", part=snapshot.WHOLE_BATCH)
    snapshot.write_snapshot(tmp_path, tables=["sentiment_actors"], corpus=corpus, profile="fast",
                            part=snapshot.PER_ARTICLE)

    pd.testing.assert_frame_equal(snapshot.Snapshot(tmp_path)["sentiment_actors"], expected)


def test_a_part_waits_only_for_the_shared_inputs_of_another_part(analysed, tmp_path, monkeypatch):
    corpus, cache, tables = analysed
    monkeypatch.setattr(pipeline.config, "cache_dir", lambda: cache)
    preferred = []
    prefer = pipeline.Tables.prefer
    monkeypatch.setattr(pipeline.Tables, "prefer", lambda self, name, source: preferred.append(name) or
                        prefer(self, name, source))
    # Nothing is written by the other part here: a table it would be waited for comes back as
    # not written, and is collected.
    monkeypatch.setattr(snapshot, "_written_by", lambda folder, name, part: None)
    snapshot.write_plan(tmp_path, {snapshot.PER_ARTICLE: ["articles", "quotes"], snapshot.WHOLE_BATCH: ["stories"]})
    snapshot.write_snapshot(tmp_path, tables=["stories"], corpus=corpus, profile="fast", part=snapshot.WHOLE_BATCH)

    assert preferred == ["quotes"]  # [report] whole_batch_inputs; the articles are collected here
    pd.testing.assert_frame_equal(snapshot.Snapshot(tmp_path)["stories"], tables["stories"])


@pytest.mark.parametrize(("saved", "given", "expected"), [
    (None, None, "collected"),
    (None, "given", "given"),
    ("saved", "given", "saved"),  # saved for the corpus state: neither asked
])
def test_tables_prefer_a_source_over_collecting(tmp_path, saved, given, expected):
    from warta import cache

    results = cache.Results(tmp_path, "v1")
    if saved:
        results.write({"quotes": pd.DataFrame({"text": [saved]})})
    asked = []

    def source(name: str):
        return lambda: asked.append(name) or (pd.DataFrame({"text": [name]}) if name != "None" else None)

    tables = pipeline.Tables({"quotes": source("collected")}, options={}, stats={}, results=results)
    tables.prefer("quotes", source(str(given)))
    tables.prefer("stories", source("never"))  # not a per-article table to collect: nothing to prefer

    assert tables["quotes"]["text"].tolist() == [expected]
    assert asked == {"collected": ["None", "collected"], "given": ["given"], "saved": []}[expected]
    assert "stories" not in tables._tables


@pytest.mark.parametrize(("reads", "written", "over", "expected"), [
    (["articles"], [], [], False),
    (["articles"], ["articles"], [], True),  # written early in a part that goes on
    (["articles", "sentiment_actors"], ["articles"], [], False),
    (["articles", "sentiment_actors"], ["articles"], ["per-article"], True),  # over (a failure writes nothing)
    (["stories"], ["articles", "sentiment_actors"], [], False),
    (["stories"], [], ["whole-batch"], True),
    (["quotes"], [], [], True),  # not planned: the notebook analyses it itself
    ([], [], [], True),
])
def test_a_build_has_written_a_table_once_in_place_or_its_part_is_over(tmp_path, reads, written, over, expected):
    from concurrent.futures import Future

    build = object.__new__(snapshot.Build)  # the scheduler's view only: no child processes
    build.folder = tmp_path
    build.parts = {"per-article": ["articles", "sentiment_actors"], "whole-batch": ["stories"]}
    build.futures = {part: Future() for part in build.parts}
    for part in over:
        build.futures[part].set_result({})
    for name in written:
        snapshot.write_table(tmp_path, name, pd.DataFrame({"article_id": ["a"]}))
    assert build.has_written(reads) is expected


def test_a_reader_waits_for_a_planned_table(tmp_path):
    import threading

    frame = pd.DataFrame({"article_id": ["a"], "cues": [[{"term": "baik"}]]})
    snapshot.write_plan(tmp_path, ["articles"])
    opened = snapshot.Snapshot(tmp_path)

    def build() -> None:
        time.sleep(3 * snapshot.POLL_SECONDS)
        # As the build does: renamed into place once complete (a reader must never see half a file).
        frame.to_pickle(tmp_path / "articles.partial")
        os.replace(tmp_path / "articles.partial", tmp_path / "articles.pickle")

    writer = threading.Thread(target=build)
    writer.start()
    pd.testing.assert_frame_equal(opened["articles"], frame)
    writer.join()


def test_a_kept_snapshot_planned_as_a_list_still_opens(tmp_path):
    frame = pd.DataFrame({"article_id": ["a"]})
    (tmp_path / snapshot.PLAN).write_text(json.dumps({"tables": ["articles"]}))
    frame.to_pickle(tmp_path / "articles.pickle")
    (tmp_path / snapshot.MANIFEST).write_text(json.dumps({"rows": {"articles": 1}}))

    pd.testing.assert_frame_equal(snapshot.Snapshot(tmp_path)["articles"], frame)


def test_a_table_read_is_kept_out_of_later_collections(tmp_path):
    import gc

    frame = pd.DataFrame({"article_id": ["a", "b"], "cues": [[{"term": "baik"}], []]})
    snapshot.write_plan(tmp_path, ["articles"])
    frame.to_pickle(tmp_path / "articles.pickle")
    gc.unfreeze()
    try:
        cells = snapshot.Snapshot(tmp_path)["articles"]["cues"].tolist()
        # Frozen objects are no longer in any generation the collector walks.
        assert gc.get_freeze_count() > 0
        assert {id(cell) for cell in cells}.isdisjoint(map(id, gc.get_objects()))
    finally:
        gc.unfreeze()


def _chunked_text(values: list) -> pd.Series:
    """An Arrow-backed text column in two chunks, as the cache read-back slices them out."""
    import pyarrow as pa

    half = len(values) // 2
    chunks = pa.chunked_array([pa.array(values[:half], pa.large_string()), pa.array(values[half:], pa.large_string())])
    return pd.Series(pd.array(chunks, dtype="str"))


@pytest.mark.parametrize(
    ("frame", "suffix"),
    [
        (pd.DataFrame({"article_id": _chunked_text(["a", None, "c", "d"]), "n": [1, 2, 3, 4],
                       "score": [0.5, float("nan"), -1.0, 0.0], "reported": [True, False, True, False],
                       "cues": [[{"term": "baik", "weight": 1.5, "modifiers": []}], [], None, [{"term": "x"}]],
                       "published": pd.to_datetime(["2024-06-15 12:30", None, "2024-06-18 08:00",
                                                    "2024-06-01 00:00"]).tz_localize("Asia/Jakarta"),
                       "mixed": pd.Series([pd.NA, "s", 3, None], dtype=object)}), ".arrow"),
        (pd.DataFrame({"article_id": pd.Series([], dtype="str"), "cues": pd.Series([], dtype=object)}), ".arrow"),
        # Arrow cues (a sentence table's): in the IPC file itself, no cells file.
        (pd.DataFrame({"n": [1, 2, 3], "cues": pd.array([[{"term": "baik", "start": 0, "end": 4, "weight": 1.5,
                                                           "base": 1.5, "desk": "", "modifiers": []}], [], None],
                                                         dtype=CUES_DTYPE)}), ".arrow"),
        (pd.DataFrame({"n": [1, 2]}, index=[5, 3]), ".pickle"),  # an index Arrow would drop
        (pd.DataFrame({"kind": pd.Categorical(["a", "b"]), "n": pd.array([1, None], dtype="Int64")}), ".pickle"),
        (pd.DataFrame([[1, [2]]], columns=["same", "same"]), ".pickle"),
        # Only object columns (or none): an IPC file without columns would come back without rows.
        (pd.DataFrame({"cues": [[{"term": "x"}], []], "agrees": pd.Series([pd.NA, "s"], dtype=object)}), ".pickle"),
        (pd.DataFrame(index=range(2)), ".pickle"),
    ],
)
def test_write_table_reads_back_equal(tmp_path, frame, suffix):
    path = snapshot.write_table(tmp_path, "table", frame)
    assert path.suffix == suffix and snapshot.written_table(tmp_path, "table") == path
    back = snapshot.read_table(path)
    pd.testing.assert_frame_equal(back, frame)
    assert list(back.columns) == list(frame.columns)
    if "mixed" in frame:
        assert back["mixed"].iloc[0] is pd.NA and back["mixed"].iloc[3] is None
    assert not list(tmp_path.glob(".*"))  # nothing left half-written


def test_write_table_marshals_each_object_column_that_marshal_can_write(tmp_path, monkeypatch):
    # pd.NA in one column (a vendor agreement) must not send another's cells through pickle.
    import marshal

    written, dumps = [], marshal.dumps
    monkeypatch.setattr(marshal, "dumps", lambda value, *args: written.append(value) or dumps(value, *args))
    frame = pd.DataFrame({"n": [1, 2], "evidence": [[{"sentence_id": 3}], []],
                          "agrees": pd.Series([pd.NA, True], dtype=object)})
    path = snapshot.write_table(tmp_path, "table", frame)
    assert written == [[[{"sentence_id": 3}], []]]
    pd.testing.assert_frame_equal(snapshot.read_table(path), frame)


def test_write_table_keeps_attrs_through_a_pickle(tmp_path):
    frame = pd.DataFrame({"n": [1]})
    frame.attrs["seconds"] = 2.0
    back = snapshot.read_table(snapshot.write_table(tmp_path, "table", frame))
    assert back.attrs == {"seconds": 2.0}


@pytest.mark.parametrize(("frame", "suffixes"), [
    (pd.DataFrame({"n": [1, 2, 3], "cues": [[{"term": "baik"}], [], None]}), [".cells", ".arrow"]),
    (pd.DataFrame({"n": [1, 2, 3]}), [".arrow"]),
    (pd.DataFrame({"n": pd.array([1, None, 3], dtype="Int64")}), [".pickle"]),
])
def test_link_table_puts_a_saved_table_in_place_unread(tmp_path, frame, suffixes):
    from warta import cache

    saved = cache.Results(tmp_path / "cache", "v1")
    saved.write({"stories": frame})
    files = saved.files("stories")
    assert [path.suffix for path in files] == suffixes
    (tmp_path / "snap").mkdir()
    counted = []
    rows = snapshot.link_table(tmp_path / "snap", "stories", files, rows=lambda: counted.append(1) or len(frame))
    assert rows == 3 and counted == ([1] if suffixes == [".pickle"] else [])  # Arrow counts its own rows
    linked = snapshot.written_table(tmp_path / "snap", "stories")
    pd.testing.assert_frame_equal(snapshot.read_table(linked), frame)
    assert linked.stat().st_ino == files[-1].stat().st_ino  # the same file, not a copy
    assert not list((tmp_path / "snap").glob(".*"))


def test_tables_read_a_saved_table_instead_of_collecting_it(tmp_path, monkeypatch):
    from warta import cache

    monkeypatch.setattr(pipeline, "ANALYSES", (("stories", None),))
    results = cache.Results(tmp_path, "v1")
    sentences = pd.DataFrame({"article_id": ["a"], "sentence_id": [0], "speaker_id": ["per:kim"]})
    results.write({"sentiment_sentences": sentences, "stories": pd.DataFrame({"n": [1]})})

    def collect():
        raise AssertionError("collected although saved")

    articles = pd.DataFrame({"article_id": ["a"], "status": ["ok"]})
    tables = pipeline.Tables({"articles": articles, "sentiment_sentences": collect, "quotes": collect},
                             options={}, stats={}, results=results)
    assert tables.saved_files("stories") == [results.folder / "stories.arrow"]
    assert tables.saved_files("quotes") is None
    # Saved with its speakers: the quotes are not read to attach them again.
    pd.testing.assert_frame_equal(tables["sentiment_sentences"], sentences)
    tables.save("articles")
    assert cache.Results(tmp_path, "v1").files("articles") == [results.folder / "articles.arrow"]
    unsaved = pipeline.Tables({"articles": articles}, options={}, stats={})
    assert unsaved.saved_files("articles") is None
    unsaved.save("articles")  # no cache: nothing to do


def test_a_reader_waits_for_a_planned_arrow_table(tmp_path):
    import threading

    frame = pd.DataFrame({"article_id": pd.Series(["a"], dtype="str"), "cues": [[{"term": "baik"}]]})
    snapshot.write_plan(tmp_path, ["articles"])
    opened = snapshot.Snapshot(tmp_path)

    def build() -> None:
        time.sleep(3 * snapshot.POLL_SECONDS)
        snapshot.write_table(tmp_path, "articles", frame)

    writer = threading.Thread(target=build)
    writer.start()
    pd.testing.assert_frame_equal(opened["articles"], frame)
    writer.join()
    assert (tmp_path / "articles.arrow").is_file()
