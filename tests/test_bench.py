"""Tests for warta.bench: the measuring tools and a tiny end-to-end benchmark run."""
from __future__ import annotations

import json
import time

import pandas as pd
import pytest

from warta import bench, config, pipeline


def _allocate_in_child():
    import multiprocessing

    def hold():
        block = bytearray(300 * 2**20)  # touched, so it is resident
        time.sleep(0.6)
        return len(block)

    process = multiprocessing.get_context("fork").Process(target=hold)
    process.start()
    process.join()


def test_peak_rss_counts_child_processes():
    with bench.peak_rss() as alone:
        time.sleep(0.2)
    with bench.peak_rss() as with_child:
        _allocate_in_child()
    assert with_child.mb > alone.mb + 250


def test_peak_rss_keeps_its_samples_to_a_tenth_of_the_time(monkeypatch):
    def slow(process):  # a sample as slow as reading a 10 GB process's smaps_rollup
        time.sleep(0.05)
        return 2**20

    monkeypatch.setattr(bench, "_resident_bytes", slow)
    # This process alone: a fork server an earlier test started would add its own slow samples.
    monkeypatch.setattr(bench.psutil.Process, "children", lambda self, recursive=False: [])
    with bench.peak_rss(interval=0.01) as peak:
        time.sleep(1.0)
    # Each 0.05 s sample waits at least 0.45 s: 2 or 3 samples in 1 s, not the ~16 of a fixed gap.
    assert 1 <= peak.samples <= 3
    assert peak.mb == 1


@pytest.mark.parametrize(
    ("job", "timeout", "result", "error"),
    [
        (lambda: 41 + 1, 10, 42, ""),
        (lambda: 1 / 0, 10, None, "failed: ZeroDivisionError"),
        (lambda: time.sleep(30), 0.5, None, "stopped after 0 s"),
    ],
)
def test_run_in_child_returns_result_error_or_timeout(job, timeout, result, error):
    seconds, message, value = bench.run_in_child(job, timeout=timeout)
    assert value == result
    assert message.startswith(error) if error else message == ""
    assert seconds < 10


def test_format_table_lists_every_row():
    rows = [bench._row(100, "enrich", 100, 2.0, 512.4, "pandas"), bench._row(100, "  load (per core)", 100, 0.5, None, "")]
    table = bench.format_table(rows)
    assert "enrich" in table and "50" in table and "512" in table
    assert "200" in table  # 100 articles / 0.5 s
    assert len(table.splitlines()) == 4


@pytest.mark.parametrize("profile", ["fast"])
def test_small_run_measures_every_step_and_writes_json(tmp_path, monkeypatch, profile):
    monkeypatch.setitem(config.settings()["bench"], "analysis_timeout", 120)
    monkeypatch.setitem(config.settings()["bench"], "peer_sample", 10)
    monkeypatch.setitem(config.settings()["bench"], "ner_dev", str(tmp_path / "absent.txt"))
    results = bench.run_benchmarks(sizes=[30], engine="pandas", workdir=tmp_path / "work", report=False,
                                   peer=True, json_path=tmp_path / "bench.json", progress=False, profile=profile)
    steps = {row["step"].strip(): row for row in results["rows"]}
    assert {"synth", "synth +1%", "enrich", "load (per core)", "actors (per core)", "engine (per core)",
            "rerun +1%", "collect", "cooccurrence", "stories"} <= set(steps)
    assert steps["enrich"]["articles"] == 30 and steps["enrich"]["peak_rss_mb"] > 0
    assert f"{profile} profile" in steps["enrich"]["note"] and "µs/article" in steps["engine (per core)"]["note"]
    peer = results["peer"]
    assert peer["table_profile"] == profile and set(peer["profiles"]) == {"full", "fast"}
    assert peer["ratio_end_to_end"] > 0 and "end to end" in bench.format_peer(peer)
    assert steps["rerun +1%"]["articles"] == 1  # only the new file
    assert all(steps[name]["note"] == "" for name in ("cooccurrence", "sentiment_actors", "stories"))
    assert json.loads((tmp_path / "bench.json").read_text())["rows"] == results["rows"]
    assert results["machine"]["reference_loop_s"] > 0  # the machine's speed, to compare runs by
    assert results["machine"]["reference_loop_end_s"] > 0  # ... at the start and at the end
    # The corpora are kept for the next run; the cold-cache store is not.
    assert sorted(p.name for p in (tmp_path / "work").iterdir()) == ["corpus-30-s13", "grown-30-s13"]


def test_peer_and_ner_figures_on_a_tiny_labelled_file(tmp_path, monkeypatch):
    labelled = tmp_path / "dev.txt"
    labelled.write_text("Presiden PROPN O\nJoko PROPN B-PER\nWidodo PROPN I-PER\ntiba VERB O\ndi ADP O\n"
                        "Jakarta PROPN B-LOC\n. PUNCT O\n\nNATO PROPN B-ORG\nmerespons VERB O\n. PUNCT O\n")
    monkeypatch.setitem(config.settings()["bench"], "ner_dev", str(labelled))
    nlp = bench.peer_pipeline()
    ner = bench.bench_ner(nlp)
    assert ner["sentences"] == 2
    assert all(0 <= ner[name]["f1"] <= 1 for name in ("peer", "warta", "warta_fast"))
    assert ner["peer"]["gold"] == ner["warta"]["gold"] == ner["warta_fast"]["gold"] == 3
    assert ner["warta_fast"]["tp"] >= 2  # Joko Widodo and Jakarta are in the gazetteer
    assert bench.run_peer(nlp, ["Presiden Joko Widodo tiba di Jakarta. NATO merespons."]) >= 2


def test_ner_is_skipped_without_the_file(tmp_path, monkeypatch):
    monkeypatch.setitem(config.settings()["bench"], "ner_dev", str(tmp_path / "absent.txt"))
    assert bench.bench_ner(None)["skipped"] == "file not present"


def test_report_suite_runs_the_profile_of_the_enrichment(tmp_path, monkeypatch):
    # Below [pipeline] bulk_min_bytes the notebooks' default (auto) would pick "full" and enrich
    # the corpus again from a cold cache instead of reading the bench's warm one.
    import warta.report

    def fake_run_report(**kwargs):
        raise RuntimeError(f"parameters={kwargs.get('parameters')}")

    monkeypatch.setattr(warta.report, "run_report", fake_run_report)
    monkeypatch.setattr(bench, "forget_saved_state", lambda corpus, profile: None)
    rows = bench._bench_report(30, tmp_path, engine="pandas", scheduler=None, show=False, profile="fast")
    assert [row["step"] for row in rows] == ["report suite"]  # no second run after a failure
    assert "parameters={'profile': 'fast'}" in rows[0]["note"]


def test_forget_saved_state_removes_only_the_corpus_as_it_stands(tmp_path, monkeypatch):
    from warta import cache

    monkeypatch.setitem(config.settings()["paths"], "cache", str(tmp_path / "cache"))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Kompas.com, JAKARTA - Presiden tiba di Seoul.")
    version = pipeline.state_version(pipeline.make_plan(corpus, store_root=config.cache_dir(),
                                                           options={"profile": "fast"}))
    for saved in (version, "another"):
        cache.Results(config.cache_dir(), saved).write({"stories": pd.DataFrame({"n": [1]})})
    bench.forget_saved_state(corpus, profile="fast")
    assert [path.name for path in (config.cache_dir() / cache.SAVED_DIR).iterdir()] == ["another"]


def test_enrich_only_stops_after_the_rerun(tmp_path, monkeypatch):
    monkeypatch.setitem(config.settings()["bench"], "peer_sample", 5)
    monkeypatch.setitem(config.settings()["bench"], "ner_dev", str(tmp_path / "absent.txt"))
    results = bench.run_benchmarks(sizes=[20], engine="pandas", workdir=tmp_path / "work", report=True,
                                   peer=False, progress=False, profile="fast", analyses=False)
    steps = [row["step"].strip() for row in results["rows"]]
    assert "enrich" in steps and "rerun +1%" in steps
    assert not {"collect", "cooccurrence", "stories", "report suite"} & set(steps)
