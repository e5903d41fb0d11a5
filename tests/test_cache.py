"""Tests for warta.cache: keys, fingerprints, atomic parts and faithful round trips."""
from __future__ import annotations

import errno
import os
import time
from pathlib import Path

import pandas as pd
import pytest

from warta import cache
from warta.runtime import collector_paused
from warta.sentiment.scoring import CUES_DTYPE


@pytest.mark.parametrize(
    ("column", "values"),
    [
        ("flags", [["empty"], [], ["duplicate_of:ab", "no_date"]]),
        ("vendor", [{"sentiment": "positif", "sentiment_confidence": 84.2, "kab_kota": ["Seoul"]}, {}, {"x": None}]),
        ("cues", [[{"term": "prihatin", "start": 3, "weight": -1.0}], [], None]),
        ("title", ["Putin tiba", None, "Kim"]),
        ("agrees", [pd.NA, False, pd.NA]),
        ("agrees", [pd.NA, pd.NA, pd.NA]),
        ("count", [1, 2, 3]),
        # A sentence table's cues: an Arrow list<struct> column, stored as Parquet's own.
        ("cues", pd.array([[{"term": "prihatin", "start": 3, "end": 11, "weight": -1.0, "base": -1.0, "desk": "",
                             "modifiers": ["negated"]}], [], None], dtype=CUES_DTYPE)),
    ],
)
def test_parts_round_trip_nested_cells(tmp_path, column, values):
    store = cache.Store(tmp_path)
    frame = pd.DataFrame({cache.KEY_COLUMN: ["a", "b", "c"], column: values})
    store.write_part("actors", "fp1", ["a", "b", "c"], {"mentions": frame})
    back = store.read("actors", "fp1", "mentions")
    pd.testing.assert_frame_equal(back, frame)


def test_parts_marshal_each_nested_column_that_marshal_can_write(tmp_path, monkeypatch):
    import marshal

    import numpy as np

    written, dumps = [], marshal.dumps
    monkeypatch.setattr(marshal, "dumps", lambda value, *args: written.append(value) or dumps(value, *args))
    frame = pd.DataFrame({cache.KEY_COLUMN: ["a", "b"], "cues": [[{"term": "baik"}], []],
                          "odd": [[np.int64(3)], []]})  # a NumPy scalar: pickled, and only its column
    store = cache.Store(tmp_path)
    store.write_part("actors", "fp1", ["a", "b"], {"mentions": frame})
    assert written == [[[{"term": "baik"}], []]]
    pd.testing.assert_frame_equal(store.read("actors", "fp1", "mentions"), frame)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([["a"], [], {"k": 1}], [["a"], [], {"k": 1}]),
        ([["a"], None, float("nan")], [["a"], None, None]),
        ([[], pd.NA], [[], pd.NA]),
    ],
)
def test_nested_cells_are_stored_with_missing_values_as_none(values, expected):
    cells = cache._plain_cells(pd.Series(values, dtype=object))
    assert cells == expected and [type(cell) for cell in cells] == [type(cell) for cell in expected]


@pytest.mark.parametrize(
    ("frame", "expected"),
    [
        (pd.DataFrame({"a": pd.Series(["x"], dtype="str"), "n": [1], "f": [0.5], "o": pd.Series(["y"], dtype=object)}),
         ["a", "o"]),
        (pd.DataFrame({"n": [1], "b": [True]}), []),
    ],
)
def test_dictionary_pages_only_for_text_columns(frame, expected):
    import pyarrow as pa

    assert cache._text_columns(pa.Table.from_pandas(frame, preserve_index=False).schema) == expected


def test_keys_map_each_file_to_its_first_part(tmp_path):
    store = cache.Store(tmp_path)
    first = store.write_part("load", "v", ["a", "b"], {})
    second = store.write_part("load", "v", ["b", "c"], {})
    assert store.keys("load", "v") == {"a": first.name, "b": first.name, "c": second.name}
    assert store.coverage("load", "v")[1] == {first.name: 2, second.name: 2}  # "b" counts in both
    assert store.keys("load", "other") == {}


def test_read_filters_parts_and_keys(tmp_path):
    store = cache.Store(tmp_path)
    one = store.write_part("s", "v", ["a"], {"t": pd.DataFrame({cache.KEY_COLUMN: ["a", "a"], "n": [1, 2]})})
    store.write_part("s", "v", ["b"], {"t": pd.DataFrame({cache.KEY_COLUMN: ["b"], "n": [3]})})
    assert store.read("s", "v", "t")["n"].tolist() == [1, 2, 3]
    assert store.read("s", "v", "t", parts=[one.name])["n"].tolist() == [1, 2]
    assert store.read("s", "v", "t", keys={"b"})["n"].tolist() == [3]
    assert store.read("s", "v", "missing") is None


def test_half_written_parts_are_invisible_and_cleaned(tmp_path):
    store = cache.Store(tmp_path)
    store.write_part("s", "v", ["a"], {"t": pd.DataFrame({cache.KEY_COLUMN: ["a"], "n": [1]})})
    # What a run killed mid-write leaves behind: a hidden folder with some of its files.
    broken = tmp_path / "s" / "v" / f"{cache.TEMP_PREFIX}123-dead"
    broken.mkdir()
    (broken / "t.parquet").write_bytes(b"PAR1 truncated")
    assert list(store.keys("s", "v")) == ["a"]
    assert store.read("s", "v", "t")["n"].tolist() == [1]
    assert store.clean() == 0  # fresh: may belong to a run still writing
    old = time.time() - 2 * cache.STALE_TEMP_SECONDS
    os.utime(broken, (old, old))
    assert store.clean() == 1
    assert not broken.exists()


def test_manifest_hashes_only_new_or_changed_files(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in "abc":
        (corpus / f"{name}.txt").write_text(f"isi {name}")
    store = cache.Store(tmp_path / "cache")
    paths = sorted(corpus.iterdir())
    first = store.manifest(paths)
    hashed = []
    monkeypatch.setattr(cache, "file_key", lambda data: hashed.append(data) or "k")
    assert store.manifest(paths)["file_key"].tolist() == first["file_key"].tolist()
    assert hashed == []
    (corpus / "b.txt").write_text("isi baru yang lebih panjang")
    store.manifest(paths)
    assert hashed == [b"isi baru yang lebih panjang"]


def test_manifest_hashes_a_path_listed_twice_once(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("isi a")
    hashed = []
    monkeypatch.setattr(cache, "file_key", lambda data: hashed.append(data) or f"k{len(hashed)}")
    manifest = cache.Store(tmp_path / "cache").manifest([tmp_path / "a.txt", tmp_path / "a.txt"])
    assert manifest["file_key"].tolist() == ["k1", "k1"]
    assert hashed == [b"isi a"]


@pytest.mark.parametrize("window", [1, 2, 10])
@pytest.mark.parametrize("hint", [True, False], ids=["posix_fadvise", "no hint"])
def test_read_ahead_yields_every_file_in_order(tmp_path, monkeypatch, window, hint):
    paths = []
    for index in range(5):
        paths.append(str(tmp_path / f"{index}.txt"))
        Path(paths[-1]).write_bytes(b"isi %d" % index)
    announced = []
    if hint and hasattr(os, "posix_fadvise"):
        real = os.posix_fadvise
        monkeypatch.setattr(os, "posix_fadvise", lambda fd, *args: announced.append(fd) or real(fd, *args))
    elif not hint:
        monkeypatch.delattr(os, "posix_fadvise", raising=False)
    assert list(cache.read_ahead(paths, window=window)) == [b"isi %d" % index for index in range(5)]
    assert len(announced) == (5 if hint and hasattr(os, "posix_fadvise") else 0)


def test_read_ahead_yields_the_error_of_a_file_in_its_place_and_reads_on(tmp_path):
    for name in ("a", "c"):
        (tmp_path / f"{name}.txt").write_bytes(name.encode())
    paths = [str(tmp_path / name) for name in ("a.txt", "hilang.txt", "c.txt")]
    read = list(cache.read_ahead(paths, window=2))
    assert read[0] == b"a" and read[2] == b"c"
    assert isinstance(read[1], FileNotFoundError)


def test_manifest_keys_a_file_it_cannot_read_by_its_path_and_tries_it_again(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("isi a")
    (tmp_path / "kosong.txt").write_text("")
    os.symlink(tmp_path / "tidak-ada.txt", tmp_path / "putus.txt")  # a link to nothing
    os.symlink(tmp_path / "juga-tidak-ada.txt", tmp_path / "putus2.txt")
    paths = [str(tmp_path / name) for name in ("a.txt", "putus.txt", "putus2.txt", "kosong.txt", "putus.txt")]
    store = cache.Store(tmp_path / "cache")
    keys = store.manifest(paths)["file_key"].tolist()
    # One key per unreadable path: never shared with another path, nor with an empty file.
    assert keys[1] == keys[4] == cache.unreadable_key(paths[1])
    assert len({keys[0], keys[1], keys[2], keys[3]}) == 4
    hashed = []
    monkeypatch.setattr(cache, "file_key", lambda data: hashed.append(data) or "k")
    store.manifest(paths)
    assert len(hashed) == 2  # both links again (unreadable keys hash the path): not remembered
    (tmp_path / "tidak-ada.txt").write_text("isi baru")
    hashed.clear()
    assert store.manifest(paths)["file_key"].tolist()[1] == "k"
    assert b"isi baru" in hashed


@pytest.mark.parametrize(
    ("versions", "keep", "removed"),
    [
        # (name, hours since last use) newest first; "now" is the plan's version.
        ([("now", 0), ("b", 1), ("c", 30), ("d", 48)], 3, ["d"]),
        ([("now", 0), ("b", 1), ("c", 2), ("d", 3)], 3, []),  # past keep but used today: a run may hold it
        ([("now", 0), ("b", 30), ("c", 40)], 1, ["b", "c"]),
        ([("b", 1), ("c", 30), ("now", 50)], 1, ["c"]),  # the plan's own version is marked used, never removed
        ([("now", 0), ("b", 100)], 0, ["b"]),  # keep is at least the current one
    ],
)
def test_retire_versions_keeps_the_recent_and_the_used(tmp_path, versions, keep, removed):
    store = cache.Store(tmp_path)
    for name, hours in versions:
        folder = tmp_path / "sentiment" / name
        (folder / "part").mkdir(parents=True)
        stamp = time.time() - hours * 3600
        os.utime(folder, (stamp, stamp))
    (tmp_path / "sentiment" / ".tmp-x").mkdir()  # a temp folder is not a version
    (tmp_path / "saved" / "old").mkdir(parents=True)  # nor is a saved state, which Results prunes
    gone = store.retire_versions({"sentiment": "now", "actors": "absent"}, keep=keep, idle_seconds=24 * 3600)
    assert sorted(path.name for path in gone) == removed
    left = {path.name for path in (tmp_path / "sentiment").iterdir()}
    assert left == {name for name, _ in versions} - set(removed) | {".tmp-x"}
    assert (tmp_path / "saved" / "old").is_dir()
    assert time.time() - (tmp_path / "sentiment" / "now").stat().st_mtime < 60


def test_retire_versions_skips_a_version_another_run_removed(tmp_path, monkeypatch):
    for name in ("now", "b", "c", "gone"):
        (tmp_path / "events" / name).mkdir(parents=True)
        stamp = time.time() - 48 * 3600
        os.utime(tmp_path / "events" / name, (stamp, stamp))
    real_stat, looks = Path.stat, []

    def stat(self, *args, **kwargs):
        if self.name == "gone":  # listed as a folder, then removed by the other run before its time is read
            looks.append(self)
            if len(looks) > 1:
                raise FileNotFoundError(errno.ENOENT, "removed", str(self))
        return real_stat(self, *args, **kwargs)

    monkeypatch.setattr(Path, "stat", stat)
    gone = cache.Store(tmp_path).retire_versions({"events": "now"}, keep=1, idle_seconds=3600)
    assert sorted(path.name for path in gone) == ["b", "c"]


def test_file_key_is_a_content_hash():
    assert cache.file_key(b"abc") == cache.file_key(b"abc")
    assert cache.file_key(b"abc") != cache.file_key(b"abd")
    assert len(cache.file_key(b"")) == 16


def test_fingerprint_follows_matching_files_and_extras(tmp_path):
    (tmp_path / "data" / "lexicon").mkdir(parents=True)
    (tmp_path / "sentiment.py").write_text("x = 1")
    (tmp_path / "data" / "lexicon" / "umum.tsv").write_text("baik\t1")
    (tmp_path / "other.py").write_text("y = 1")
    patterns = ["sentiment.py", "data/lexicon/**/*"]
    before = cache.fingerprint(patterns, root=tmp_path)
    (tmp_path / "other.py").write_text("y = 2")
    assert cache.fingerprint(patterns, root=tmp_path) == before
    assert cache.fingerprint(patterns, root=tmp_path, extra=["upstream"]) != before
    (tmp_path / "data" / "lexicon" / "umum.tsv").write_text("baik\t2")
    assert cache.fingerprint(patterns, root=tmp_path) != before


def test_adopt_moves_finished_parts_and_merges_file_lists(tmp_path):
    corpus = tmp_path / "a.txt"
    corpus.write_text("isi")
    ours, theirs = cache.Store(tmp_path / "ours"), cache.Store(tmp_path / "theirs")
    kept = ours.write_part("load", "v", ["x"], {})
    theirs.manifest([corpus])
    moved = theirs.write_part("load", "v", ["y"], {"articles": pd.DataFrame({cache.KEY_COLUMN: ["y"], "n": [1]})})
    (theirs.root / "load" / "v" / f"{cache.TEMP_PREFIX}half").mkdir()
    assert ours.adopt(theirs) == 1
    assert ours.keys("load", "v") == {"x": kept.name, "y": moved.name}
    assert ours.read("load", "v", "articles")["n"].tolist() == [1]
    assert not (ours.root / "load" / "v" / f"{cache.TEMP_PREFIX}half").exists()
    assert ours.manifest([corpus])["file_key"].item() == cache.file_key(b"isi")


def test_adopt_leaves_behind_parts_whose_files_are_held_already(tmp_path):
    ours = cache.Store(tmp_path / "ours")
    ours.write_part("load", "v", ["x", "y"], {})
    for name in ("again", "partly", "other_version"):
        theirs = cache.Store(tmp_path / name)
        theirs.write_part("load", "v", ["x"], {})  # held already: left behind
        if name == "partly":
            theirs.write_part("load", "v", ["y", "z"], {})  # z is new: moved
            theirs.write_part("load", "v", ["z"], {})  # held once the one before moved: left behind
        if name == "other_version":
            theirs.write_part("load", "w", ["x"], {})  # another stage version holds nothing yet
        assert ours.adopt(theirs) == {"again": 0, "partly": 1, "other_version": 1}[name]
    assert len(ours.parts("load", "v")) == 2 and set(ours.keys("load", "v")) == {"x", "y", "z"}
    assert set(ours.keys("load", "w")) == {"x"}


@pytest.mark.parametrize("enabled", [True, False])
def test_reading_pauses_the_garbage_collector_and_restores_it(tmp_path, enabled):
    import gc

    store = cache.Store(tmp_path)
    frame = pd.DataFrame({cache.KEY_COLUMN: ["a", "a"], "cues": [[{"term": "baik"}], []], "n": [1, 2]})
    store.write_part("sentiment", "fp", ["a"], {"sentences": frame})
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
        back = store.read("sentiment", "fp", "sentences")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
    pd.testing.assert_frame_equal(back, frame, check_dtype=False)
    # Nested columns live in one pickle beside the Parquet file; the column order is kept.
    part = store.parts("sentiment", "fp")[0]
    assert (part / "sentences.pickle").is_file() and list(back.columns) == [cache.KEY_COLUMN, "cues", "n"]


@pytest.mark.parametrize("spell", [
    lambda path: path,  # a Path, as the loader lists files
    lambda path: str(path),
    lambda path: f"./{path}",  # a string that is not normalised
])
def test_manifest_knows_a_relative_path_by_its_absolute_name(tmp_path, monkeypatch, spell):
    from pathlib import Path

    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("isi a")
    store = cache.Store(tmp_path / "cache")
    store.manifest([tmp_path / "corpus" / "a.txt"])  # remembered by its absolute path
    monkeypatch.chdir(tmp_path)
    hashed = []
    monkeypatch.setattr(cache, "file_key", lambda data: hashed.append(data) or "k")
    relative = spell(Path("corpus") / "a.txt")
    assert store.manifest([relative])["path"].tolist() == [str(relative)]  # kept as given
    assert hashed == []  # the same file: not hashed again


# --------------------------------------------------------------------------- saved corpus states


def _stories():
    return {"stories": pd.DataFrame({"story_id": ["s1", "s2"], "size": pd.array([2, None], dtype="Int64")}),
            "copies": pd.DataFrame({"article_a": ["a"], "sentences": [[{"sentence_id": 1, "text": "Kim tiba."}]]})}


def test_saved_analyses_read_back_as_written(tmp_path):
    results = cache.Results(tmp_path, "v1")
    assert results.read(["stories", "copies"]) is None  # nothing saved yet
    results.write(_stories())
    back = cache.Results(tmp_path, "v1").read(["stories", "copies"])
    for name, table in _stories().items():
        pd.testing.assert_frame_equal(back[name], table)
    assert cache.Results(tmp_path, "v2").read(["stories"]) is None  # another corpus state
    assert results.read(["stories", "propagation"]) is None  # only when every table is there


def test_saved_analyses_keep_the_newest_corpus_states(tmp_path):
    for n, version in enumerate(["v1", "v2", "v3"]):
        cache.Results(tmp_path, version, keep=3).write(_stories())
        os.utime(tmp_path / cache.SAVED_DIR / version, (1_000_000 + n, 1_000_000 + n))
    assert cache.Results(tmp_path, "v1").read(["stories"]) is not None  # read lately: kept
    cache.Results(tmp_path, "v4", keep=2).write(_stories())
    assert sorted(p.name for p in (tmp_path / cache.SAVED_DIR).iterdir()) == ["v1", "v4"]


def test_a_damaged_saved_analysis_is_analysed_again(tmp_path, caplog):
    results = cache.Results(tmp_path, "v1")
    results.write(_stories())
    (results.folder / "copies.cells").write_bytes(b"not a pickle")
    assert results.read(["stories", "copies"]) is None
    assert "computing them again" in caplog.text


def test_saving_an_analysis_never_fails_the_run(tmp_path, caplog):
    (tmp_path / cache.SAVED_DIR).write_text("a file where the folder should be")
    cache.Results(tmp_path, "v1").write(_stories())
    assert "could not save" in caplog.text
