"""Benchmarks: articles/s and peak memory of every step, on synthetic corpora of several sizes.

``run_benchmarks(sizes=[10_000, 100_000], engine="dask")`` generates (or reuses) a corpus per size
with :mod:`warta.synth`, then measures, each as one row of a printed table (and of a JSON file):

* ``synth``: writing the corpus (skipped when it is already there);
* ``enrich``: load and every per-article stage into an empty cache, on the chosen engine and
  profile (``[pipeline] profile``, ``--profile``), with the CPU seconds of each stage's own calls
  (``load``, ``actors``, ``sentiment``, ``events``) as per-core rates, and ``engine``: all the
  other CPU of the run (listing and hashing the files, partitions, Parquet parts, Dask tasks,
  worker start-up), this process, the workers and the fork server they come from together
  (a stage's module imports happen once, in the fork server, so they count here, not in the stage);
* ``rerun +1%``: the same after adding 1% new files, on the warm cache;
* ``collect``: reading the per-article tables back from the cache;
* one row per whole-batch analysis (``cooccurrence``, ``stories`` …), each in a forked child
  with a time limit, so that one slow analysis cannot stall the benchmark;
* ``report``: the four notebooks through :func:`warta.report.run_report` on the warm cache;
* ``peer``: a spaCy pipeline on a sample of the same articles — ``blank("id")`` with a sentencizer
  and an EntityRuler holding the actors gazetteer's names, and warta's lexicon sentiment engine
  per sentence — against warta's per-core cost for the same articles in each profile; and the
  entity F1 of the peer and of warta's two profiles on the dev NER set when it is present
  (``[bench] ner_dev``). End to end, both sides include loading the files with warta's loader;
  warta's side is the sum of its per-core rows (every stage and the engine) of the first size.

Peak memory sums this process and all its children (the Dask workers of a local cluster, the
analysis children, the notebook kernels), sampled every 50 ms, as proportional set size (so that
a forked child's pages shared with its parent count once) where Linux reports it, else RSS. Sizes above ``[bench]
full_max`` (the 1M ``--big`` run) measure only synth and enrichment: the analyses hold every
table in memory. Benchmark corpora and caches live under ``<cache>/bench/``; the cold cache of a
run is then merged into the default cache, so that the report suite (whose notebooks use it)
runs warm; it runs twice, the second time reading the tables the first one saved for the
corpus (``warta.cache.Results``).
"""
from __future__ import annotations

import json
import multiprocessing
import os
import platform
import shutil
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Sequence

import psutil

from warta import cache as cache_store
from warta import compiled, config, pipeline

COLUMNS = ("size", "step", "articles", "seconds", "articles_per_s", "peak_rss_mb", "note")


def run_benchmarks(*, sizes: Sequence[int] = (10_000, 100_000), big: bool = False, engine: str = "pandas",
                   scheduler: str | None = None, json_path: str | Path | None = None,
                   workdir: str | Path | None = None, report: bool = True, peer: bool = True,
                   progress: bool | None = None, profile: str | None = None,
                   analyses: bool = True) -> dict[str, Any]:
    """Run every benchmark at each size (plus ``[bench] big_size`` with ``big``); print and return the figures.

    ``profile``: ``"full"``, ``"fast"`` or ``"auto"`` (None: ``[pipeline] profile``), as in
    :func:`warta.pipeline.analyze`. ``analyses=False`` stops every size after enrichment and the
    re-run, as sizes above ``[bench] full_max`` always do.
    """
    settings = config.section("bench")
    sizes = [*sizes, *([settings["big_size"]] if big else [])]
    root = Path(workdir) if workdir else config.cache_dir() / "bench"
    show = sys.stderr.isatty() if progress is None else progress
    results: dict[str, Any] = {"engine": engine, "scheduler": scheduler or "local", "profile": profile or "settings",
                               "machine": machine(), "rows": []}
    print(f"warta bench: engine={engine}, {results['machine']['cpus']} CPUs, "
          f"{results['machine']['memory_gb']} GiB, reference loop {results['machine']['reference_loop_s']} s, "
          f"compiled modules {results['machine']['compiled_modules']}; "
          "peak RSS = this process + children", file=sys.stderr)
    for size in sizes:
        rows = bench_size(size, root=root, engine=engine, scheduler=scheduler, full=analyses and size <= settings["full_max"],
                          report=report, show=show, profile=profile)
        results["rows"] += rows
        print(format_table(rows), flush=True)
    if peer:
        results["peer"] = bench_peer(results["rows"], root=root, sample=int(settings["peer_sample"]))
        print(format_peer(results["peer"]), flush=True)
    # Measured again at the end: the speed drifts within a run too, and a figure is only as
    # comparable as the machine was steady while it ran.
    results["machine"]["reference_loop_end_s"] = reference_loop_seconds()
    print(f"reference loop at the end: {results['machine']['reference_loop_end_s']} s", file=sys.stderr)
    if json_path:
        Path(json_path).parent.mkdir(parents=True, exist_ok=True)
        Path(json_path).write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str))
    return results


def bench_size(size: int, *, root: Path, engine: str, scheduler: str | None, full: bool, report: bool,
               show: bool, profile: str | None = None) -> list[dict[str, Any]]:
    """Measure every step on one corpus of ``size`` articles."""
    settings = config.section("bench")
    corpus, grown = root / f"corpus-{size}-s{settings['seed']}", root / f"grown-{size}-s{settings['seed']}"
    rows = [*_ensure_corpus(corpus, size, settings["seed"], label=size),
            *_ensure_corpus(grown, max(1, size // 100), settings["seed"] + 1, label=size, step="synth +1%")]
    store = root / f"store-{size}-{os.getpid()}"
    shutil.rmtree(store, ignore_errors=True)
    try:
        with peak_rss() as peak:
            started = time.perf_counter()
            plan, stats = pipeline.plan_and_execute(corpus, store_root=store, engine=engine, scheduler=scheduler,
                                                    options={"profile": profile}, progress=show)
            seconds = time.perf_counter() - started
        chosen = plan.context.options["profile"]
        rows.append(_row(size, "enrich", len(plan.manifest), seconds, peak.mb, f"{engine}; {chosen} profile; cold cache"))
        for stage, cpu in stats["cpu_seconds"].items():
            rows.append(_row(size, f"  {stage} (per core)", stats["processed"][stage], cpu, None, "CPU seconds"))
        # The memory sampler runs in this process: its CPU is not the engine's.
        planning = stats["planning_cpu_seconds"]
        engine_cpu = max(planning + stats["engine_cpu_seconds"] - peak.cpu_seconds, 0.0)
        rows.append(_row(size, "  engine (per core)", len(plan.manifest), engine_cpu, None,
                         f"CPU seconds, {engine_cpu / max(len(plan.manifest), 1) * 1e6:,.0f} µs/article "
                         f"(planning {planning:.1f} s)"))
        with peak_rss() as peak:
            started = time.perf_counter()
            _, again = pipeline.plan_and_execute([corpus, grown], store_root=store, engine=engine, scheduler=scheduler,
                                                 options={"profile": chosen}, progress=show,
                                                 fingerprints=plan.context.fingerprints)
            rerun = time.perf_counter() - started
        rows.append(_row(size, "rerun +1%", again["processed_files"], rerun, peak.mb,
                         f"{rerun / seconds:.1%} of the cold run"))
        if full:
            # In a child: the collected tables and analyses (10 GB at 100k) leave with it, and
            # the report suite below starts beside a small process, as a report run does.
            limit = float(config.section("bench")["analysis_timeout"]) * (len(pipeline.ANALYSES) + 1)
            seconds, error, analysed = run_in_child(lambda: _bench_analyses(size, plan, show=show), timeout=limit)
            rows += analysed or [_row(size, "analyses", len(plan.manifest), seconds, None, error)]
            if report:
                cache_store.Store(config.cache_dir()).adopt(cache_store.Store(store))
                rows += _bench_report(size, corpus, engine=engine, scheduler=scheduler, show=show,
                                      profile=chosen)
    finally:
        shutil.rmtree(store, ignore_errors=True)
    return rows


def _bench_analyses(size: int, plan: pipeline.Plan, *, show: bool) -> list[dict[str, Any]]:
    limit = float(config.section("bench")["analysis_timeout"])
    with peak_rss() as peak:
        started = time.perf_counter()
        tables = pipeline.collect(plan)
        seconds = time.perf_counter() - started
    rows = [_row(size, "collect", len(tables["articles"]), seconds, peak.mb, "warm cache → pandas")]
    usable, view = pipeline.analysis_inputs(tables)
    for name, analysis in pipeline.ANALYSES:
        if name in tables:  # given by an earlier analysis's pass (copies come with stories)
            continue
        with peak_rss() as peak:
            seconds, error, table = run_in_child(lambda: analysis(usable, view, **plan.context.options), timeout=limit)
        rows.append(_row(size, name, len(usable), seconds, peak.mb, error))
        if table is not None:  # later analyses read it (one that did not finish fails them quickly)
            tables.update(table if isinstance(table, dict) else {name: table})
    return rows


def _bench_report(size: int, corpus: Path, *, engine: str, scheduler: str | None, show: bool,
                  profile: str) -> list[dict[str, Any]]:
    """The report suite on the warm cache, twice: first with nothing saved for this corpus state
    (its per-article rows cached in parts, no analysis run), then again, reading the tables the
    first run saved. The notebooks run the profile the enrichment used."""
    from warta.report import run_report

    limit = float(config.section("bench")["report_timeout"])
    out = config.cache_dir() / "bench" / "reports"

    def suite() -> None:
        run = run_report(corpus=corpus, out=out, engine=engine, scheduler=scheduler, progress=show,
                         parameters={"profile": profile})
        if not run.ok:
            raise RuntimeError("; ".join(f"{r.name}: {r.error}" for r in run.notebooks if r.status != "ok"))

    forget_saved_state(corpus, profile=profile)
    rows = []
    for step, note in (("report suite", "warm cache, nothing saved for the corpus, 4 notebooks"),
                       ("report suite again", "warm cache and the corpus's saved tables, 4 notebooks")):
        with peak_rss() as peak:
            seconds, error, _ = run_in_child(suite, timeout=limit)
        rows.append(_row(size, step, size, seconds, peak.mb, error or note))
        if error:
            break
    return rows


def forget_saved_state(corpus: Path, *, profile: str) -> None:
    """Remove the tables saved in the default cache for ``corpus`` as it stands (warta.cache.Results)."""
    plan = pipeline.make_plan(corpus, store_root=config.cache_dir(), options={"profile": profile})
    shutil.rmtree(cache_store.Results(config.cache_dir(), pipeline.state_version(plan)).folder, ignore_errors=True)


# --------------------------------------------------------------------------- the peer


def bench_peer(rows: list[dict[str, Any]], *, root: Path, sample: int) -> dict[str, Any]:
    """Time the spaCy peer and warta's own stages on the same sample; compare entity F1.

    Each side is warmed on a few articles first (models, gazetteer, lexicon loaded once), so
    the timed sample measures throughput, as the per-core rows of the main table do.
    """
    from warta import actors, sentiment
    from warta.load import load_corpus

    corpus = min(root.glob("corpus-*"), key=lambda p: int(p.name.split("-")[1]))
    files = pipeline.resolve_files(corpus)[:sample]
    started = time.process_time()
    articles = load_corpus(files, progress=False)
    load_seconds = time.process_time() - started
    usable = articles[articles["status"] != "rejected"]
    warm = usable.iloc[:5]
    nlp = peer_pipeline()
    run_peer(nlp, warm["body"].tolist())
    started = time.process_time()
    peer_entities = run_peer(nlp, usable["body"].tolist())
    peer_seconds = time.process_time() - started
    n = len(usable)
    result: dict[str, Any] = {"articles": n, "load_seconds": round(load_seconds, 3),
                              "peer_seconds": round(peer_seconds, 3), "peer_entities": peer_entities,
                              "profiles": {}}
    for name in ("full", "fast"):
        options = pipeline.resolve_options({"profile": name}, corpus_bytes=0)
        actors.extract_mentions(warm, use_model=options["actors_model"])
        sentiment.score_sentences(warm, model=options["sentiment_model"])
        started = time.process_time()
        mentions = actors.extract_mentions(usable, use_model=options["actors_model"])
        sentiment.score_sentences(usable, model=options["sentiment_model"])
        seconds = time.process_time() - started
        result["profiles"][name] = {
            "warta_seconds": round(seconds, 3), "warta_mentions": len(mentions),
            # Same job (entities + sentence sentiment on loaded text), one core each.
            "ratio_same_job": round(peer_seconds / seconds, 2) if seconds else None,
        }
    # End to end: both load the files with warta's loader; warta also runs quotes, article
    # sentiment and events, and its engine (the per-core rows of the main table, its profile).
    profile = next((r["note"].split("; ")[1].split()[0] for r in rows if r["step"] == "enrich"), None)
    result["table_profile"] = profile
    result["ratio_end_to_end"] = _end_to_end_ratio(rows, load_seconds / max(n, 1), peer_seconds / max(n, 1))
    result["ner"] = bench_ner(nlp)
    return result


def peer_pipeline():
    """spaCy ``blank("id")`` + sentencizer + an EntityRuler with every name of the actors gazetteer."""
    import spacy

    from warta.gazetteer import load_gazetteer

    nlp = spacy.blank("id")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    gazetteer = load_gazetteer()
    ruler.add_patterns([{"label": entry.type, "pattern": alias} for entry, alias, _ in gazetteer.index.values()])
    return nlp


def run_peer(nlp, bodies: Sequence[str]) -> int:
    """Run the peer over ``bodies``: entities, then lexicon sentiment per sentence; return the entity count."""
    from warta.sentiment import score_texts

    entities = 0
    for doc in nlp.pipe(bodies, batch_size=64):
        entities += len(doc.ents)
        # The peer uses "the same lexicon sentiment": the lexicon engine, not the default model.
        score_texts([sentence.text for sentence in doc.sents], engine="lexicon")
    return entities


def bench_ner(nlp) -> dict[str, Any]:
    """Micro-F1 of the peer and of warta's two profiles on ``[bench] ner_dev`` (exact span and type).

    ``warta`` is the full profile (the CRF tagger), ``warta_fast`` the fast one (gazetteer and
    rules): both through :func:`warta.actors.extract_actors` on the same joined tokens.
    """
    from warta.actors import extract_actors
    from warta.evaluate import ner
    from warta.tagger import join_tokens, token_index

    settings = config.section("bench")
    path = Path(settings["ner_dev"])
    path = (path if path.is_absolute() else config.project_root() / path).resolve()
    if not path.is_file():
        return {"file": str(path), "skipped": "file not present"}
    sentences = ner.read_conll(path, file_format=settings["ner_format"])
    gold = [ner.gold_spans([tag for _, tag in sentence]) for sentence in sentences]
    predicted: dict[str, list[set]] = {"peer": [], "warta": [], "warta_fast": []}
    for sentence in sentences:
        text, offsets = join_tokens([token for token, _ in sentence])

        def spans(found) -> set[tuple[int, int, str]]:
            return {(token_index(offsets, start), token_index(offsets, end - 1) + 1, label) for start, end, label in found}

        predicted["peer"].append(spans((e.start_char, e.end_char, e.label_) for e in nlp(text).ents))
        for name, use_model in (("warta", None), ("warta_fast", False)):
            predicted[name].append(spans((m.start, m.end, m.type) for m in extract_actors(text, use_model=use_model)))
    return {"file": str(path), "sentences": len(sentences),
            **{name: ner.score(gold, found)["micro"] for name, found in predicted.items()}}


def _end_to_end_ratio(rows: list[dict[str, Any]], load_per_article: float, peer_per_article: float) -> float | None:
    stages = [r for r in rows if r["step"].endswith("(per core)")]
    if not stages:
        return None
    size = stages[0]["size"]
    warta = sum(r["seconds"] for r in stages if r["size"] == size) / max(stages[0]["articles"], 1)
    return round((load_per_article + peer_per_article) / warta, 2) if warta else None


# --------------------------------------------------------------------------- measuring


@contextmanager
def peak_rss(interval: float = 0.2):
    """Sample the memory of this process and all its children; ``.mb`` is the peak, in MiB.

    Each process counts its proportional set size where Linux reports it (pages shared with a
    forked child are split between them, not counted twice), else its RSS. Reading
    ``smaps_rollup`` makes the kernel walk each process's pages while it holds that process's
    memory map: about 4 ms per sample for small processes, but 100-200 ms for the 10 GB of a
    report on 100k articles, which at 200 ms apart took a quarter of a core from the report
    being timed and stalled its page faults. So samples are ``interval`` apart or nine times
    their own duration, whichever is longer (the sampler holds itself to a tenth of the time;
    a peak shorter than the gap can be missed), and ``.cpu_seconds`` (the sampler's own CPU,
    charged to this process) is there to subtract from this process's CPU time.
    """

    class Peak:
        mb = 0.0
        cpu_seconds = 0.0
        samples = 0

    peak, stop = Peak(), threading.Event()
    me = psutil.Process()

    def sample() -> None:
        while not stop.is_set():
            started = time.perf_counter()
            total = 0
            for process in [me, *me.children(recursive=True)]:
                try:
                    total += _resident_bytes(process)
                except (psutil.Error, OSError):
                    pass
            peak.mb = max(peak.mb, total / 2**20)
            peak.cpu_seconds = time.thread_time()
            peak.samples += 1
            stop.wait(max(interval, 9 * (time.perf_counter() - started)))

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield peak
    finally:
        stop.set()
        thread.join()


def _resident_bytes(process: psutil.Process) -> int:
    try:
        with open(f"/proc/{process.pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except FileNotFoundError:
        pass
    return process.memory_info().rss


def run_in_child(job: Callable[[], Any], *, timeout: float) -> tuple[float, str, Any]:
    """Run ``job`` in a forked child; return (seconds, "" or why it did not finish, its result or None)."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)

    def target() -> None:
        started = time.perf_counter()
        try:
            result = job()
            sender.send((time.perf_counter() - started, "", result))
        except BaseException as error:  # noqa: BLE001 - reported in the table
            sender.send((time.perf_counter() - started, f"failed: {type(error).__name__}: {error}"[:200], None))

    child = context.Process(target=target, daemon=False)
    started = time.perf_counter()
    child.start()
    if receiver.poll(timeout):
        seconds, error, result = receiver.recv()
        child.join()
        return seconds, error, result
    for process in [*psutil.Process(child.pid).children(recursive=True), psutil.Process(child.pid)]:
        process.kill()
    child.join()
    return time.perf_counter() - started, f"stopped after {timeout:.0f} s", None


def _ensure_corpus(folder: Path, size: int, seed: int, *, label: int, step: str = "synth") -> list[dict[str, Any]]:
    from warta.synth import generate_corpus

    marker = folder / ".complete"
    if marker.is_file():
        return []
    shutil.rmtree(folder, ignore_errors=True)
    with peak_rss() as peak:
        started = time.perf_counter()
        generate_corpus(n=size, out=folder, seed=seed)
        seconds = time.perf_counter() - started
    marker.write_text(str(size))
    return [_row(label, step, size, seconds, peak.mb, str(folder))]


def _row(size: int, step: str, articles: int, seconds: float, peak_mb: float | None, note: str) -> dict[str, Any]:
    return {"size": size, "step": step, "articles": int(articles), "seconds": round(seconds, 3),
            "articles_per_s": round(articles / seconds, 1) if seconds > 0 else None,
            "peak_rss_mb": round(peak_mb) if peak_mb else None, "note": note}


def machine() -> dict[str, Any]:
    """The machine the figures come from, with :func:`reference_loop_seconds` to compare runs by,
    and how many of the per-article modules ran compiled (:mod:`warta.compiled`: a stale or
    missing build runs their source, more slowly)."""
    states = list(compiled.STATE.values())
    return {"cpus": os.cpu_count(), "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
            "python": platform.python_version(), "platform": platform.platform(),
            "reference_loop_s": reference_loop_seconds(),
            "compiled_modules": f"{states.count('compiled')} of {len(states)}"}


def reference_loop_seconds(repeat: int = 3) -> float:
    """Best CPU seconds of ``sum(range(10**7))``: how fast this machine runs plain Python right now.

    A shared or virtual machine's speed drifts between runs (by half or more); figures from two
    runs compare fairly only next to their reference loops.
    """
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        sum(range(10**7))
        best = min(best, time.process_time() - started)
    return round(best, 3)


def format_table(rows: list[dict[str, Any]]) -> str:
    """Render rows as a fixed-width text table."""
    header = f"{'size':>9}  {'step':<22} {'articles':>9} {'seconds':>9} {'art/s':>9} {'peak MiB':>9}  note"
    lines = [header, "-" * len(header)]
    for r in rows:
        rate = f"{r['articles_per_s']:,.0f}" if r["articles_per_s"] else "-"
        rss = f"{r['peak_rss_mb']:,}" if r["peak_rss_mb"] else "-"
        lines.append(f"{r['size']:>9,}  {r['step']:<22} {r['articles']:>9,} {r['seconds']:>9.2f} {rate:>9} {rss:>9}  {r['note']}")
    return "\n".join(lines)


def format_peer(peer: dict[str, Any]) -> str:
    lines = [f"peer (spaCy blank('id') + EntityRuler + warta lexicon) on {peer['articles']:,} articles, one core:"]
    for name, figures in peer["profiles"].items():
        lines.append(f"  peer {peer['peer_seconds']:.2f} s, warta {name} actors+sentiment {figures['warta_seconds']:.2f} s: "
                     f"warta is {figures['ratio_same_job']}x faster on the same job")
    lines.append(f"  end to end (load + all per-article stages + engine, {peer['table_profile']} profile, vs "
                 f"load + peer): warta is {peer['ratio_end_to_end']}x faster")
    ner = peer["ner"]
    if "skipped" in ner:
        lines.append(f"  entity F1: skipped ({ner['skipped']}: {ner['file']})")
    else:
        lines.append(f"  entity F1 on {ner['file']} ({ner['sentences']} sentences): warta full {ner['warta']['f1']:.3f}, "
                     f"warta fast {ner['warta_fast']['f1']:.3f}, peer {ner['peer']['f1']:.3f}")
    return "\n".join(lines)
