"""Run the whole pipeline over a corpus, on pandas or on Dask, and collect every result table.

``analyze`` is what the CLI and the notebooks call. It has two halves:

* **Enrichment**, per article: load (clean, outlet, dates) → actors and quotes → sentence and
  article sentiment (with the stance words that mark holders) → dated events and story
  signatures (the hashes story clustering compares, :func:`warta.stories.story_signatures`).
  The file list is cut into partitions; each partition loads its files with
  ``warta.load.load_corpus`` and runs the per-article stages (``STAGES``), writing each stage's
  rows as Parquet parts into the cache (``warta.cache``). On Dask the partitions are those of a
  Dask DataFrame of files (``from_map``), and ``map_partitions`` with an explicit ``meta`` loads
  them and runs the stages in one worker; only small count tables travel back to the client. A
  local cluster's workers fork from a server that has imported the libraries and the stages'
  modules once (:func:`dask_client`); when many files are new, the cluster starts while they are
  hashed (:func:`plan_and_execute`). The actors stage hands its mention rows to the
  quotes in memory (``actors.extract_mentions_and_quotes``). A file already in the cache for a
  stage's current version is not processed again, so a grown corpus costs only its new files.
* **Analyses** over the whole batch (``ANALYSES``): exact-duplicate marking, co-occurrence, actor
  sentiment, story clusters (and the copied sentences they find on the way) and propagation.
  The per-article tables are read back from the cache (the reduction) and the analyses finish
  in pandas. They count each article once: a copy of the same body from the same outlet
  (a batch ingested twice, an export that overlaps yesterday's) keeps its row and flag in
  ``articles`` but is left out of them (:func:`analysed_articles`).

Both engines write the same parts and read them back the same way, so their results are
identical. Stage calls live in the two tables below, so that a stage's signature changes in one
place.

**Profiles** (``[pipeline] profile``, ``analyze(profile=...)``, ``warta analyze --profile``) choose
what the per-article stages cost: ``"full"`` runs the CRF name tagger and the default sentiment
engine; ``"fast"`` runs actors from the gazetteer and rules only and the lexicon sentiment engine
(about twice as fast end to end; entity F1 measured by ``warta bench``); ``"auto"`` (the default)
picks ``"fast"`` for a corpus of at least ``[pipeline] bulk_min_bytes`` of input files and
``"full"`` below, so the seeds and everyday notebook batches keep full quality. The resolved
profile is part of each stage's cache version, and both engines give identical tables for it.
"""
from __future__ import annotations

import logging
import sys
import tempfile
import threading
import time
from contextlib import contextmanager, nullcontext, suppress
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Mapping
from typing import Any, Callable, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from warta import cache as cache_store
from warta import config
from warta.export import write_tables
from warta.runtime import collector_paused, keep_out_of_collections, rows_where

log = logging.getLogger(__name__)

TABLES = (
    "articles",
    "mentions",
    "quotes",
    "cooccurrence",
    "sentiment_articles",
    "sentiment_sentences",
    "stance_words",
    "sentiment_actors",
    "headline_actors",
    "stories",
    "copies",
    "propagation",
    "events",
)
KEY = cache_store.KEY_COLUMN
ROW = "_row"
SUFFIX = "_path_suffix"
NEEDS = "_needs"
POSITION = "_position"


@dataclass(frozen=True)
class Stage:
    """A per-article stage: usable articles in, named tables out. ``name`` is its cache stage.

    The loader is a stage too: file paths in, ``{"articles": ...}`` out, and ``batch`` is its
    whole-batch step, run after collection (exact-duplicate marking). ``modules`` are what
    ``run`` imports: a local Dask cluster's fork server imports them once for all its workers.
    """

    name: str
    tables: tuple[str, ...]
    run: Callable[..., Any]
    batch: Callable[[pd.DataFrame], pd.DataFrame] | None = None
    modules: tuple[str, ...] = ()


def _run_actors(articles: pd.DataFrame, *, actors_model: bool | None = None, **options: Any) -> dict[str, pd.DataFrame]:
    from warta import actors

    mentions, quotes = actors.extract_mentions_and_quotes(articles, use_model=actors_model)
    return {"mentions": mentions, "quotes": quotes}


def _run_sentiment(articles: pd.DataFrame, *, sentiment_model: str | None = None, **options: Any) -> dict[str, pd.DataFrame]:
    from warta import sentiment

    sentences, stances = sentiment.score_sentences_and_stances(articles, model=sentiment_model)
    return {
        "sentiment_sentences": sentences,
        "sentiment_articles": sentiment.score_articles(articles, sentences=sentences, model=sentiment_model),
        "stance_words": stances,
    }


def _run_events(articles: pd.DataFrame, **options: Any) -> dict[str, pd.DataFrame]:
    from warta import stories, timeline

    return {"events": timeline.extract_events(articles), "story_signatures": stories.story_signatures(articles)}


def _load_files(paths: Sequence[str]) -> pd.DataFrame:
    from warta.load import load_files

    return load_files(list(paths), progress=False)


def _mark_duplicates(articles: pd.DataFrame) -> pd.DataFrame:
    from warta.load import mark_duplicates

    return mark_duplicates(articles)


def _cooccurrence(usable: pd.DataFrame, tables: dict[str, pd.DataFrame], **options: Any) -> pd.DataFrame:
    from warta import cooccurrence

    return cooccurrence.cooccurrence(tables["mentions"])


def _headline_actors(usable: pd.DataFrame, tables: dict[str, pd.DataFrame], **options: Any) -> pd.DataFrame:
    from warta import actors

    return actors.headline_actors(usable, tables["mentions"])


def _sentiment_actors(usable: pd.DataFrame, tables: dict[str, pd.DataFrame], *, sentiment_model: str | None = None,
                      **options: Any) -> pd.DataFrame:
    from warta import sentiment

    return sentiment.score_actors(usable, mentions=tables["mentions"], quotes=tables["quotes"],
                                  sentences=tables["sentiment_sentences"], stances=tables["stance_words"],
                                  model=sentiment_model)


def _stories(usable: pd.DataFrame, tables: dict[str, pd.DataFrame], **options: Any) -> dict[str, pd.DataFrame]:
    from warta import timeline

    stories, copies = timeline.cluster_stories_and_copies(usable, mentions=tables["mentions"],
                                                          signatures=tables.get("story_signatures"))
    return {"stories": stories, "copies": copies}


def _propagation(usable: pd.DataFrame, tables: dict[str, pd.DataFrame], **options: Any) -> pd.DataFrame:
    from warta import timeline

    return timeline.trace_propagation(usable, stories=tables["stories"], quotes=tables["quotes"])


# The loader: a list of file paths in, one article row per article out (before duplicate marking,
# which needs the whole batch).
LOADER = Stage("load", ("articles",), _load_files, batch=_mark_duplicates, modules=("warta.load",))
STAGES = (
    Stage("actors", ("mentions", "quotes"), _run_actors, modules=("warta.actors",)),
    Stage("sentiment", ("sentiment_sentences", "sentiment_articles", "stance_words"), _run_sentiment,
          modules=("warta.sentiment",)),
    # Story signatures (each article's hashes for clustering) are per-article: hashed once, cached.
    Stage("events", ("events", "story_signatures"), _run_events, modules=("warta.timeline",)),
)
# Whole-batch analyses, in dependency order: (table, function of usable articles and tables so far).
# A function may return a dict of tables instead: one pass that gives several (story clustering
# finds the copies on the way), each of which names that function.
ANALYSES: tuple[tuple[str, Callable[..., pd.DataFrame | dict[str, pd.DataFrame]]], ...] = (
    ("cooccurrence", _cooccurrence),
    ("sentiment_actors", _sentiment_actors),
    ("headline_actors", _headline_actors),
    ("stories", _stories),
    ("copies", _stories),
    ("propagation", _propagation),
)


ANALYSED_TABLES = frozenset(name for name, _ in ANALYSES)


class Tables(Mapping):
    """The result of :func:`analyze`: every table of ``TABLES`` by name, plus ``stats`` about the run.

    A per-article table (``articles`` too) is read, from the tables saved for this corpus state
    or else from the cache's parts, and a whole-batch analysis runs, the first time its table is
    asked for (and those it reads, in turn), so a notebook that shows only sentiment never reads
    the mentions or clusters stories. Iterating (``items()``, writing the tables) reads and runs them all.
    """

    def __init__(self, tables: dict[str, pd.DataFrame], *, options: dict[str, Any], stats: dict[str, Any],
                 results: cache_store.Results | None = None) -> None:
        self._tables = dict(tables)
        self._options = options
        self.stats = stats
        self._results = results
        self._speakers_attached = False
        self._settled: set[str] = set()
        self._inputs: tuple[pd.DataFrame, Mapping[str, pd.DataFrame]] | None = None

    def __getitem__(self, name: str) -> pd.DataFrame:
        if callable(self._tables.get(name)):  # a per-article table not read from the cache yet
            saved = self._results.read([name]) if self._results is not None else None
            if saved is not None:  # as a report saved it for this corpus state (speakers attached)
                self._tables[name] = saved[name]
                self._speakers_attached |= name == "sentiment_sentences"
            else:
                self._tables[name] = self._tables[name]()
        if name == "sentiment_sentences" and not self._speakers_attached and "quotes" in self._tables:
            # The sentiment stage never sees the quotes, so its cached rows carry no speakers.
            from warta import sentiment
            self._speakers_attached = True
            self._tables[name] = sentiment.attach_speakers(self._tables[name], self["quotes"])
        if name not in self._tables:
            analysis = dict(ANALYSES).get(name)
            if analysis is None:
                raise KeyError(name)
            self._tables.update(self._analysed(analysis))
        if name not in self._settled:
            # The tables live as long as the session: later full collections need not walk them.
            self._settled.add(name)
            keep_out_of_collections()
        return self._tables[name]

    def __iter__(self):
        return iter(TABLES)

    def __len__(self) -> int:
        return len(TABLES)

    def prefer(self, name: str, source: Callable[[], pd.DataFrame | None]) -> None:
        """Take per-article table ``name`` from ``source`` when it is first asked for, unless it
        is saved for this corpus state; collect it as usual if ``source`` gives None. A report's
        snapshot parts share the tables both need this way (see warta.snapshot)."""
        collect = self._tables.get(name)
        if callable(collect):
            self._tables[name] = lambda: _first_of(source, collect)

    def saved_files(self, name: str) -> list[Path] | None:
        """The files of table ``name`` as saved for this corpus state (see ``warta.cache.Results.files``),
        so that a snapshot can link them instead of reading them; None if it is not saved."""
        return self._results.files(name) if self._results is not None else None

    def save(self, name: str) -> None:
        """Save table ``name`` for this corpus state, as read or analysed (no-op without a cache).

        Analyses save themselves; a report saves the per-article tables it reads, so that the
        next ``analyze`` of the same corpus state (a notebook, another report) reads them whole
        instead of collecting them from the cache's parts.
        """
        if self._results is not None:
            self._results.write({name: self[name]})

    def _analysed(self, analysis: Callable[..., Any]) -> dict[str, pd.DataFrame]:
        """The tables of one analysis: saved by an earlier run on this corpus state, or run now and saved."""
        names = [name for name, function in ANALYSES if function is analysis]
        saved = self._results.read(names) if self._results is not None else None
        if saved is not None:
            return saved
        if self._inputs is None:
            self._inputs = analysis_inputs(self)
        analysed, tables = self._inputs
        # Its tables live as long as the session, and analyses make next to no reference cycles
        # (57 unreachable objects at most over the analyses of 100k articles): collected along
        # the way, the millions of cells they build (evidence lists) would be walked for nothing.
        with collector_paused(keep_out=True):
            result = analysis(analysed, tables, **self._options)
        result = result if isinstance(result, dict) else {names[0]: result}
        if self._results is not None:
            self._results.write(result)
        return result


def analysed_articles(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles the whole-batch analyses count: those not rejected, less the duplicates
    (copies of a body from the same outlet, all but the first published: ``warta.load.is_duplicate``)
    unless ``[pipeline] count_duplicates`` is true. Duplicates keep their rows in the per-article tables."""
    from warta.load import is_duplicate

    keep = articles["status"] != "rejected"
    if not config.section("pipeline").get("count_duplicates", False):
        keep &= ~is_duplicate(articles)
    return articles if keep.all() else rows_where(articles, keep)


def analysis_inputs(tables: Mapping[str, pd.DataFrame]) -> tuple[pd.DataFrame, Mapping[str, pd.DataFrame]]:
    """The articles the whole-batch analyses count (:func:`analysed_articles`), and ``tables`` seen
    through them: when duplicates are left out, their mentions, quotes and sentences are too."""
    articles = tables["articles"]
    analysed = analysed_articles(articles)
    if len(analysed) == int((articles["status"] != "rejected").sum()):
        return analysed, tables
    return analysed, Selection(tables, analysed, whole_batch=True)


class Selection(Mapping):
    """``tables`` seen through some of their articles: a table keyed by ``article_id`` is filtered
    on first access (a pair table such as ``copies`` keeps the pairs of two kept articles); a
    table without one (an aggregate such as ``cooccurrence``) is returned as it is.

    ``everything``: every article is kept, so no table is filtered. ``whole_batch``: the kept
    articles are those the whole-batch analyses counted, so the analyses' tables hold for them
    as they are (by default, when ``everything``).
    """

    def __init__(self, tables: Mapping[str, pd.DataFrame], articles: pd.DataFrame, *,
                 whole_batch: bool | None = None) -> None:
        self._tables = tables
        # No filter, or one that keeps every row: the tables as they are (no test per row of the
        # millions of mentions in a large batch).
        self.everything = len(articles) == len(tables["articles"])
        self.whole_batch = self.everything if whole_batch is None else whole_batch
        kept = set(articles["article_id"].tolist())  # tolist: one conversion, not one per Arrow cell
        dropped = set(tables["articles"]["article_id"].tolist()) - kept
        # Rows are tested against the smaller set (a per-article table holds only the ids of
        # ``articles``, so either test keeps the same rows): leaving out a batch's few duplicates
        # tests the millions of mentions against hundreds of ids, 2.5-10x faster than against 100k.
        self._ids, self._kept = (dropped, False) if len(dropped) < len(kept) else (kept, True)
        self._selected: dict[str, pd.DataFrame] = {"articles": articles}

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self._selected:
            table = self._tables[name]
            if not (self.everything or (self.whole_batch and name in ANALYSED_TABLES)):
                table = self._filtered(table)
            self._selected[name] = table
        return self._selected[name]

    def _filtered(self, table: pd.DataFrame) -> pd.DataFrame:
        if "article_id" in table.columns:
            return rows_where(table, self._keeps(table["article_id"]))
        if {"article_a", "article_b"} <= set(table.columns):  # pairs: both kept
            return rows_where(table, self._keeps(table["article_a"]) & self._keeps(table["article_b"]))
        return table

    def _keeps(self, article_ids: pd.Series) -> pd.Series:
        found = article_ids.isin(self._ids)
        return found if self._kept else ~found

    def __iter__(self):
        return iter(self._tables)

    def __len__(self) -> int:
        return len(self._tables)


def _first_of(*sources: Callable[[], pd.DataFrame | None]) -> pd.DataFrame | None:
    """The first table that one of ``sources``, called in turn, gives (None from each: None)."""
    for source in sources:
        table = source()
        if table is not None:
            return table
    return None


@dataclass(frozen=True)
class Context:
    """What every partition task needs to know: small, as it travels with each task."""

    store_root: Path
    fingerprints: dict[str, str]
    options: dict[str, Any]


@dataclass
class Plan:
    """What one run must do: the corpus files and the work per file."""

    context: Context
    manifest: pd.DataFrame  # path, size, mtime_ns, file_key, position
    units: list[pd.DataFrame]  # each: path, file_key, load_part (or None), needs (stage names)


def analyze(
    source: str | Path | Sequence[str | Path] | None = None,
    *,
    out: str | Path | None = None,
    engine: str = "pandas",
    scheduler: str | None = None,
    sentiment_model: str | None = None,
    profile: str | None = None,
    cache: bool | str | Path | None = None,
    progress: bool | None = None,
    before_enriching: Callable[[], None] | None = None,
) -> Tables:
    """Load ``source`` (default: the seeds), run every analysis, optionally write tables to ``out``.

    ``engine`` is ``"pandas"`` or ``"dask"`` (``scheduler``: a Dask scheduler address; default a
    local cluster). ``profile``: ``"full"``, ``"fast"`` or ``"auto"`` (None reads ``[pipeline]
    profile``; see the module docstring); an explicit ``sentiment_model`` wins over the profile's.
    ``cache``: True for ``warta.config.cache_dir()``, a path for another folder,
    False for a throw-away one; None reads ``[cache] enabled``. The result maps every name in
    ``TABLES`` to its table (the whole-batch analyses run when first read: see :class:`Tables`);
    its ``stats`` say how many files each stage processed (0 everywhere on a fully cached re-run).
    ``before_enriching``: see :func:`plan_and_execute`.
    """
    started = time.perf_counter()
    options = {"sentiment_model": sentiment_model or None, "profile": profile}
    with _store(cache) as root:
        tables, stats = enrich(source, cache_root=root, engine=engine, scheduler=scheduler, options=options,
                               progress=progress, lazy=True, before_enriching=before_enriching)
        results = None
        if root_is_temporary(cache):  # the throw-away folder goes away: read everything now
            tables = {name: table() if callable(table) else table for name, table in tables.items()}
        else:
            results = cache_store.Results(root, stats["state_version"])
    result = Tables(tables, options=stats.pop("options"), results=results,
                    stats={**stats, "seconds": round(time.perf_counter() - started, 3)})
    log.info("analyze: %s", result.stats)
    if out is not None:
        write_tables(result, Path(out))
    return result


def build_tables(articles: pd.DataFrame, *, sentiment_model: str | None = None,
                 profile: str = "full") -> dict[str, pd.DataFrame]:
    """Run every stage and analysis over already-loaded articles, in memory (no cache).

    ``profile`` is ``"full"`` or ``"fast"`` (there are no input files to size an ``"auto"`` by).
    """
    options = resolve_options({"sentiment_model": sentiment_model, "profile": profile}, corpus_bytes=0)
    usable = articles[articles["status"] != "rejected"]
    tables: dict[str, pd.DataFrame] = {"articles": articles}
    for stage in STAGES:
        tables |= stage.run(usable, **options)
    return dict(Tables(tables, options=options, stats={}))


def enrich(source, *, cache_root: Path, engine: str = "pandas", scheduler: str | None = None,
           options: dict[str, Any] | None = None, progress: bool | None = None,
           loader: Stage = LOADER, stages: Sequence[Stage] = STAGES, lazy: bool = False,
           before_enriching: Callable[[], None] | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
    """Run the per-article stages the cache lacks, then read every per-article table back (see :func:`collect`)."""
    plan, stats = plan_and_execute(source, store_root=cache_root, engine=engine, scheduler=scheduler, options=options,
                                   progress=progress, loader=loader, stages=stages, before_enriching=before_enriching)
    stats |= {"profile": plan.context.options["profile"], "options": plan.context.options,
              "state_version": state_version(plan)}
    return collect(plan, loader=loader, stages=stages, lazy=lazy), stats


def state_version(plan: Plan) -> str:
    """The version of the plan's corpus state: what its saved tables are kept under (``warta.cache.Results``).

    It hashes the corpus's files in order (paths and content keys), every stage's version, the
    options, and all of the package's code, data, models and settings (any edit may change an
    analysis) with the versions of the libraries that compute them.
    """
    corpus = cache_store.fingerprint([], extra=[f"{path}\0{key}" for path, key in
                                                zip(plan.manifest["path"].astype(str).tolist(),
                                                    plan.manifest["file_key"].tolist())])
    return cache_store.fingerprint(
        ["**/*.py", "**/*.pyx", "settings.toml", "data/**/*", "models/**/*"],
        extra=[corpus, repr(sorted(plan.context.fingerprints.items())), repr(sorted(plan.context.options.items())),
               repr(config.settings()), f"pandas={pd.__version__} numpy={np.__version__} pyarrow={pa.__version__}"])


# --------------------------------------------------------------------------- planning


def make_plan(source, *, store_root: Path, options: dict[str, Any] | None = None,
              loader: Stage = LOADER, stages: Sequence[Stage] = STAGES,
              fingerprints: dict[str, str] | None = None,
              on_new_files: Callable[[int], None] | None = None) -> Plan:
    """List the corpus, key its files and decide which file needs which stage.

    ``fingerprints`` pins the stage versions (a benchmark pins those of its first run, so that
    files edited meanwhile on disk, which this process has not re-imported, do not count).
    ``on_new_files`` hears how many files are new or changed, before they are read and hashed.
    """
    settings = config.section("pipeline")
    store = cache_store.Store(store_root)
    store.clean()
    files = resolve_files(source if source is not None else config.seeds_dir())
    manifest = store.manifest(files, on_unhashed=on_new_files)
    manifest[POSITION] = range(len(manifest))
    options = resolve_options(options or {}, corpus_bytes=int(manifest["size"].sum()))
    fps = fingerprints or stage_fingerprints([loader, *stages], options)
    cache_settings = config.section("cache")
    store.retire_versions(fps, keep=int(cache_settings.get("stage_versions", 3)),
                          idle_seconds=float(cache_settings.get("stage_version_idle_hours", 24)) * 3600)
    coverage = {stage.name: store.keys(stage.name, fps[stage.name]) for stage in [loader, *stages]}
    # A file whose bytes appear twice is processed once; collect() gives each path its rows.
    unique = manifest.drop_duplicates("file_key")
    todo = []
    covered = [(stage.name, coverage[stage.name]) for stage in [loader, *stages]]
    for path, key in zip(unique["path"].tolist(), unique["file_key"].tolist()):
        needs = [name for name, done in covered if key not in done]
        if needs:
            todo.append((path, key, coverage[loader.name].get(key), needs))
    work = pd.DataFrame(todo, columns=["path", "file_key", "load_part", "needs"])
    size = int(settings.get("partition_files", 1000))
    units = []
    # Cached files are grouped by the load part that holds them, so that each unit reads one part.
    for _, group in work.groupby(work["load_part"].fillna(""), sort=True):
        units += [group.iloc[start:start + size].reset_index(drop=True) for start in range(0, len(group), size)]
    return Plan(Context(Path(store_root), fps, options), manifest, units)


def resolve_options(options: Mapping[str, Any], *, corpus_bytes: int) -> dict[str, Any]:
    """Turn ``profile`` (``"full"``, ``"fast"``, ``"auto"``; None: ``[pipeline] profile``) into stage options.

    ``"auto"`` is ``"fast"`` from ``[pipeline] bulk_min_bytes`` of input files up. The result
    holds the concrete ``profile``, ``actors_model`` (None: follow ``[actors] model``) and
    ``sentiment_model`` (None: ``[sentiment] default_engine``; an explicit model always wins).
    """
    settings = config.section("pipeline")
    profiles = settings.get("profiles", {})
    name = options.get("profile") or settings.get("profile", "full")
    if name == "auto":
        name = "fast" if corpus_bytes >= int(settings.get("bulk_min_bytes", 50_000_000)) else "full"
    if name not in profiles:
        raise ValueError(f"profile must be one of {sorted({*profiles, 'auto'})}, not {name!r}")
    spec = profiles[name]
    return {**options, "profile": name, "actors_model": spec.get("actors_model"),
            "sentiment_model": options.get("sentiment_model") or spec.get("sentiment_model") or None}


def resolve_files(source) -> list[str]:
    """The loader's list of files for ``source`` (file, folder, glob or a list), in its order, as path strings."""
    from warta.load import resolve_source_names

    return resolve_source_names(source)


def stage_fingerprints(stages: Sequence[Stage], options: dict[str, Any], *, root: Path | None = None) -> dict[str, str]:
    """Version each stage by its code, data files and settings, chained to the loader's version.

    ``root`` is the package folder the ``[cache.stages]`` globs are relative to.
    """
    inputs = config.section("cache").get("stages", {})
    fps: dict[str, str] = {}
    upstream = ""
    for stage in stages:
        spec = inputs.get(stage.name, {})
        extra = [upstream, *(repr(sorted(config.section(s).items())) for s in spec.get("settings", []))]
        if stage.name == "actors" and options.get("actors_model") is not None:
            extra.append(f"actors_model={bool(options['actors_model'])}")
        if stage.name == "sentiment" and options.get("sentiment_model"):
            model = Path(options["sentiment_model"])
            extra.append(cache_store.fingerprint(["**/*"], root=model) if model.is_dir() else
                         cache_store.file_key(model.read_bytes()) if model.is_file() else str(model))
        fps[stage.name] = cache_store.fingerprint(spec.get("files", []), extra=extra, root=root or config.PACKAGE_DIR)
        if stage.name == "load":
            upstream = fps[stage.name]
    return fps


# --------------------------------------------------------------------------- execution


def plan_and_execute(source, *, store_root: Path, engine: str = "pandas", scheduler: str | None = None,
                     options: dict[str, Any] | None = None, progress: bool | None = None,
                     loader: Stage = LOADER, stages: Sequence[Stage] = STAGES,
                     fingerprints: dict[str, str] | None = None,
                     before_enriching: Callable[[], None] | None = None) -> tuple[Plan, dict[str, Any]]:
    """:func:`make_plan`, then :func:`execute`; a local Dask cluster starts while the plan is made.

    Planning a large new corpus reads and hashes every file on one core, and a local cluster
    takes seconds to start (processes, imports): side by side they share the wait. The cluster
    starts only when enough files are new for the plan to need it (``[pipeline]
    dask_min_partitions`` partitions of ``partition_files``); a re-run that finds a few new files
    runs in-process as before.

    ``before_enriching``: given where another process may be enriching the same corpus (a
    report's second snapshot part). Planning stops at the first file to hash or stage to run;
    then this is called (it waits for the other process) and the corpus is planned again, so that
    only what is still missing is enriched here. A warm corpus is planned once, with no wait.
    """
    early = _EarlyCluster(loader, stages) if engine == "dask" and not scheduler else None
    try:
        cpu_started = time.process_time()
        plan = None
        if before_enriching is not None:
            with suppress(_WorkFound):
                plan = make_plan(source, store_root=store_root, options=options, loader=loader, stages=stages,
                                 fingerprints=fingerprints, on_new_files=_stop_at_new_files)
            if plan is None or plan.units:
                before_enriching()
                plan = None
        if plan is None:
            plan = make_plan(source, store_root=store_root, options=options, loader=loader, stages=stages,
                             fingerprints=fingerprints, on_new_files=early.consider if early else None)
        # This process's CPU while planning (a cluster starting beside it counts here too).
        planning_cpu = time.process_time() - cpu_started
        stats = execute(plan, engine=engine, scheduler=scheduler, progress=progress, loader=loader, stages=stages,
                        early=early)
    finally:
        if early is not None:
            early.close()
    return plan, {**stats, "planning_cpu_seconds": round(planning_cpu, 3)}


class _WorkFound(Exception):
    """Planning found files to hash (see :func:`plan_and_execute`'s ``before_enriching``)."""


def _stop_at_new_files(count: int) -> None:
    if count:
        raise _WorkFound


class _EarlyCluster:
    """A local cluster (:func:`dask_client`) started on a background thread, held until :meth:`close`."""

    def __init__(self, loader: Stage, stages: Sequence[Stage]) -> None:
        self.preload = _stage_modules(loader, stages)
        self.cpu_before: dict[int, float] = {}
        self._client = None
        self._error: BaseException | None = None
        self._ready, self._release = threading.Event(), threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def started(self) -> bool:
        return self._thread is not None

    def consider(self, new_files: int) -> None:
        """Start the cluster if ``new_files`` will make enough partitions to run on it."""
        settings = config.section("pipeline")
        needed = int(settings.get("dask_min_partitions", 2)) * int(settings.get("partition_files", 1000))
        if self._thread is None and new_files >= needed:
            self.cpu_before = _descendants_cpu()
            self._thread = threading.Thread(target=self._hold, name="warta-early-cluster", daemon=True)
            self._thread.start()

    def _hold(self) -> None:
        try:
            with dask_client(None, preload=self.preload) as client:
                self._client = client
                self._ready.set()
                self._release.wait()
        except BaseException as error:  # noqa: BLE001 - raised again where the client is wanted
            self._error = error
        finally:
            self._ready.set()

    def client(self):
        """The started cluster's client, once it is up; its start-up error, if it failed."""
        self._ready.wait()
        if self._client is None:
            raise self._error or RuntimeError("the local Dask cluster did not start")
        return self._client

    def close(self) -> None:
        if self._thread is not None:
            self._release.set()
            self._thread.join()


def _stage_modules(loader: Stage, stages: Sequence[Stage]) -> list[str]:
    """What a local cluster's fork server imports for these stages."""
    return ["dask.dataframe", *(module for stage in (loader, *stages) for module in stage.modules)]


def execute(plan: Plan, *, engine: str = "pandas", scheduler: str | None = None, progress: bool | None = None,
            loader: Stage = LOADER, stages: Sequence[Stage] = STAGES, early: _EarlyCluster | None = None) -> dict[str, Any]:
    """Process every unit of ``plan`` on the chosen engine; return counts of what was processed.

    ``early`` is a local cluster :func:`plan_and_execute` started while planning: used if it started.
    """
    if engine not in ("pandas", "dask"):
        raise ValueError(f"engine must be 'pandas' or 'dask', not {engine!r}")
    show = sys.stderr.isatty() if progress is None else progress
    kwargs = dict(context=plan.context, loader=loader, stages=tuple(stages))
    small = len(plan.units) < int(config.section("pipeline").get("dask_min_partitions", 2))
    started = time.process_time()
    workers_cpu = 0.0
    if not plan.units:
        counts = []
    elif engine == "pandas" or small:  # a cluster costs seconds to start: not worth it for one partition
        from tqdm.auto import tqdm

        counts = [enrich_unit(unit, **kwargs) for unit in tqdm(plan.units, desc="enrich", unit="part", disable=not show)]
    else:
        counts, workers_cpu = _execute_dask(plan, scheduler=scheduler, show=show, kwargs=kwargs,
                                            early=early if early is not None and early.started else None)
    total_cpu = time.process_time() - started + workers_cpu
    done = pd.concat(counts, ignore_index=True) if counts else _stats_meta(stages, loader)
    names = [loader.name, *(s.name for s in stages)]
    cpu = {name: round(float(done[f"seconds_{name}"].sum()), 3) for name in names}
    stats: dict[str, Any] = {
        "engine": "pandas" if small else engine,
        "files": len(plan.manifest),
        "processed_files": int(done["files"].sum()),
        "processed": {name: int(done[name].sum()) for name in names},
        "cpu_seconds": cpu,
        # Everything else this run cost in CPU (this process and the workers): partitioning,
        # Parquet parts, keys, Dask tasks and worker start-up. The stages' own calls are above.
        "engine_cpu_seconds": round(max(total_cpu - sum(cpu.values()), 0.0), 3),
        "worker_cpu_seconds": round(workers_cpu, 3),
        "errors": [error for errors in done["errors"] for error in errors],
    }
    for error in stats["errors"]:
        log.warning("%s", error)
    return stats


def _execute_dask(plan: Plan, *, scheduler: str | None, show: bool, kwargs: dict[str, Any],
                  early: _EarlyCluster | None = None) -> tuple[list[pd.DataFrame], float]:
    """Run the units on Dask; return their count tables and the CPU seconds the workers spent.

    The units are the partitions of a Dask DataFrame of files (``from_map``: each partition reads
    its unit's file list), and :func:`enrich_unit` runs over them with ``map_partitions`` and an
    explicit ``meta``: load, then the stages, in one worker, which sends back only a one-row count
    table. A local cluster counts every process it started, from its start (the fork server and
    the workers: start-up is engine cost); an existing cluster's workers count only for this run.
    """
    import dask
    import dask.dataframe as dd
    from distributed import as_completed
    from tqdm.auto import tqdm

    local_before = {} if scheduler else early.cpu_before if early else _descendants_cpu()
    connection = nullcontext(early.client()) if early else \
        dask_client(scheduler, preload=_stage_modules(kwargs["loader"], kwargs["stages"]))
    # Keep object columns as they are: Dask would turn the lists of stage names into strings.
    with connection as client, dask.config.set({"dataframe.convert-string": False}), \
            tempfile.TemporaryDirectory(prefix=".units-", dir=plan.context.store_root) as folder:
        before = client.run(time.process_time) if scheduler else {}
        # Each task gets the path of its unit's file list, not the list: the graph stays small.
        paths = []
        for number, unit in enumerate(plan.units):
            paths.append(Path(folder) / f"{number:06d}.parquet")
            unit.to_parquet(paths[-1], index=False)
        units = dd.from_map(_read_unit_file, paths, meta=_unit_meta(), enforce_metadata=False)
        counts = units.map_partitions(enrich_unit, meta=_stats_meta(kwargs["stages"], kwargs["loader"]), **kwargs)
        futures = client.compute(counts.to_delayed())
        for _ in tqdm(as_completed(futures), total=len(futures), desc="enrich", unit="part", disable=not show):
            pass
        counts = client.gather(futures)
        if not scheduler:
            after = _descendants_cpu()
            return counts, sum(seconds - local_before.get(pid, 0.0) for pid, seconds in after.items())
        after = client.run(time.process_time)
        return counts, sum(seconds - before.get(worker, 0.0) for worker, seconds in after.items())


def _descendants_cpu() -> dict[int, float]:
    """CPU seconds (user + system) of each live descendant process of this one, by process id."""
    import psutil

    seconds = {}
    for process in psutil.Process().children(recursive=True):
        try:
            times = process.cpu_times()
        except psutil.Error:  # ended meanwhile
            continue
        seconds[process.pid] = times.user + times.system
    return seconds


@contextmanager
def dask_client(scheduler: str | None = None, *, preload: Sequence[str] = ()):
    """Yield a client for ``scheduler``, or for a local cluster shaped by ``[pipeline]``; close it after.

    A local cluster's workers are forked from a fork server (where the platform has one) that has
    imported Dask, NumPy, pandas, pyarrow and the ``preload`` modules once, instead of each worker
    starting a fresh interpreter and importing them again (a second or more of CPU per worker).
    The fork server serves the whole process: the modules of its first cluster are its imports.
    A local cluster runs without the dashboard's diagnostics (worker profiler, fast event-loop tick),
    which otherwise cost CPU in every process for as long as it runs. Its workers keep glibc's own
    memory release (see ``[pipeline] release_worker_memory``).
    """
    import multiprocessing

    import dask
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    settings = config.section("pipeline")
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else \
        dask.config.get("distributed.worker.multiprocessing-method")
    # Diagnostics for a dashboard this cluster does not start cost CPU in every process for as long
    # as it runs: the workers' statistical profiler (every thread's stack every 10 ms) and the event
    # loops' 20 ms health tick (only a "loop was unresponsive" warning; 100 ms still catches those).
    overrides = {"distributed.worker.multiprocessing-method": method,
                 "distributed.worker.profile.enabled": False,
                 "distributed.admin.tick.interval": settings.get("local_tick", "100ms")}
    if not settings.get("release_worker_memory", False):
        # Distributed starts workers with MALLOC_TRIM_THRESHOLD_=65536 (and puts it in this
        # process's environment too). Any such variable turns off glibc's adaptive mmap threshold,
        # so every NumPy temporary over 128 KiB is a fresh mmap whose pages fault in again: the
        # story hashing of the events stage took 1.5x the CPU. None drops it (a value the user
        # set in the environment still applies).
        overrides["distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_"] = None
    with dask.config.set(overrides):
        if method == "forkserver":
            _preload_fork_server(preload)
        with LocalCluster(n_workers=int(settings.get("workers", 2)), threads_per_worker=1, processes=True,
                          dashboard_address=None, host="127.0.0.1") as cluster, Client(cluster) as client:
            yield client


def _preload_fork_server(modules: Sequence[str]) -> None:
    """Have the fork server import ``modules`` too (besides Distributed's own list), if it has not started yet."""
    from distributed.utils import get_mp_context

    context = get_mp_context()  # sets Distributed's preload list, once per process: extend it after
    context.set_forkserver_preload(["distributed", "dask", "numpy", "pandas", "pyarrow.parquet", "warta.pipeline",
                                    "warta.cache", *modules])


def load_unit(unit: pd.DataFrame, *, context: Context, loader: Stage, stages: Sequence[Stage]) -> pd.DataFrame:
    """Return the article rows of one unit's files: loaded now (and cached) or read from the cache.

    The rows carry ``_file_key``, ``_row`` (order within the file), ``_path_suffix`` and
    ``_needs`` (the stages their file still needs).
    """
    store = cache_store.Store(context.store_root)
    fp = context.fingerprints[loader.name]
    cached = unit["load_part"].notna()
    frames = []
    if cached.any():
        frames.append(store.read(loader.name, fp, "articles", parts=set(unit.loc[cached, "load_part"]),
                                 keys=unit.loc[cached, "file_key"]))
    fresh = unit[~cached]
    seconds = 0.0
    if len(fresh):
        started = time.process_time()
        articles = loader.run(fresh["path"].tolist())
        seconds = time.process_time() - started
        articles = _attach_keys(articles, dict(zip(fresh["path"], fresh["file_key"])))
        store.write_part(loader.name, fp, fresh["file_key"].tolist(), {"articles": articles})
        frames.append(articles)
    frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    frame = frame.drop_duplicates([KEY, ROW]).reset_index(drop=True)
    frame[NEEDS] = frame[KEY].map(dict(zip(unit["file_key"], unit["needs"])))
    frame.attrs["seconds"] = seconds
    return frame


def _read_unit_file(path: Path) -> pd.DataFrame:
    """One partition of the Dask DataFrame of files: a unit's file list, as :class:`Plan` holds it."""
    unit = pd.read_parquet(path)
    unit["needs"] = unit["needs"].map(list)
    unit["load_part"] = unit["load_part"].astype(object).where(unit["load_part"].notna(), None)
    return unit


def _unit_meta() -> pd.DataFrame:
    """The columns of a unit's file list (see :class:`Plan`)."""
    return pd.DataFrame({column: pd.Series(dtype=object) for column in ("path", "file_key", "load_part", "needs")})


def enrich_unit(unit: pd.DataFrame, *, context: Context, loader: Stage, stages: Sequence[Stage]) -> pd.DataFrame:
    """Load one unit's articles and run the stages they need (:func:`enrich_partition`); return the counts.

    The garbage collector stays paused for the whole unit and resumes once its articles and
    tables are written and freed. Resumed earlier, as each step's own pause ends, it would scan
    every row, cue and list cell still alive once more (a quarter of sentiment scoring's CPU on
    1,000 articles).
    """
    with collector_paused():
        counts = enrich_partition(load_unit(unit, context=context, loader=loader, stages=stages),
                                  context=context, loader=loader, stages=stages)
    _keep_word_roots()
    return counts


def _keep_word_roots() -> None:
    """Save the word roots this process stemmed, so that the next process need not (see warta.roots)."""
    from warta import roots

    roots.save_roots()


def enrich_partition(articles: pd.DataFrame, *, context: Context, loader: Stage, stages: Sequence[Stage]) -> pd.DataFrame:
    """Run the stages each file still needs over one partition's articles; return a one-row count table."""
    store = cache_store.Store(context.store_root)
    needs: dict[str, set[str]] = {stage.name: set() for stage in (loader, *stages)}
    needs_of = dict(zip(articles[KEY], articles[NEEDS]))
    for key, names in needs_of.items():
        for name in names:
            needs[name].add(key)
    counts: dict[str, Any] = {"files": len(needs_of), loader.name: len(needs[loader.name]), "errors": [],
                              f"seconds_{loader.name}": articles.attrs.get("seconds", 0.0)}
    ok = articles["status"] != "rejected"
    usable = articles if ok.all() else articles[ok]  # filtering copies every column: only when needed
    for stage in stages:
        todo = needs[stage.name]
        counts[stage.name] = len(todo)
        counts[f"seconds_{stage.name}"] = 0.0
        if not todo:
            continue
        # Usually every file of the partition needs the stage: then no test per row is needed.
        subset = usable if len(todo) == len(needs_of) else usable[usable[KEY].isin(todo)]
        tables, failed, seconds = _run_stage(stage, subset, context.options)
        counts["errors"] += [f"{stage.name} failed on {key}: {error}" for key, error in failed.items()]
        store.write_part(stage.name, context.fingerprints[stage.name], sorted(todo - set(failed)), tables)
        counts[f"seconds_{stage.name}"] = seconds
    meta = _stats_meta(stages, loader)
    return pd.DataFrame([counts]).astype(meta.dtypes.to_dict())[list(meta.columns)]


def _run_stage(stage: Stage, articles: pd.DataFrame,
               options: dict[str, Any]) -> tuple[dict[str, pd.DataFrame], dict[str, str], float]:
    """Run ``stage``; if it raises, retry file by file so one bad article cannot sink its partition.

    Returns the keyed tables, the files that failed, and the CPU seconds of the stage's own calls
    (this process's CPU time: what the stage costs per core, whatever else shares the machine).
    """
    public = _public(articles)
    started = time.process_time()
    try:
        tables = stage.run(public, **options)
        seconds = time.process_time() - started
        return _keyed(tables, articles), {}, seconds
    except Exception:  # noqa: BLE001 - isolated below, reported per file
        seconds = time.process_time() - started
    parts: list[dict[str, pd.DataFrame]] = []
    failed: dict[str, str] = {}
    for key, group in articles.groupby(KEY, sort=False):
        public = _public(group)
        started = time.process_time()
        try:
            tables = stage.run(public, **options)
            seconds += time.process_time() - started
            parts.append(_keyed(tables, group))
        except Exception as error:  # noqa: BLE001 - the file is reported and retried next run
            seconds += time.process_time() - started
            failed[key] = f"{type(error).__name__}: {error}"
    names = parts[0].keys() if parts else ()
    return {name: pd.concat([p[name] for p in parts], ignore_index=True) for name in names}, failed, seconds


def _keyed(tables: dict[str, pd.DataFrame], articles: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Give each output row the key of the file its article came from, and its order."""
    # tolist() converts each column at once; zipping the Arrow-backed columns costs one call per cell.
    key_of = dict(zip(articles["article_id"].tolist(), articles[KEY].tolist()))
    keyed = {}
    for name, table in tables.items():
        table = table.reset_index(drop=True)
        # One look-up per distinct id, then a take (a per-row map costs three times as much).
        codes, ids = pd.factorize(table["article_id"])
        keys = pa.array([key_of.get(article_id) for article_id in ids.tolist()], type=pa.large_string())
        table[KEY] = pd.array(keys.take(pa.array(codes, mask=codes < 0)), dtype="str")
        table[ROW] = range(len(table))
        keyed[name] = table
    return keyed


def _attach_keys(articles: pd.DataFrame, key_by_path: dict[str, str]) -> pd.DataFrame:
    """Map each loaded row back to its file (record files give ``file.jsonl#<n>`` paths)."""
    articles = articles.reset_index(drop=True)
    files = [_file_of(path, key_by_path) for path in articles["path"]]
    articles[KEY] = pd.Series([key_by_path[f] for f in files], dtype="str")
    articles[SUFFIX] = pd.Series([str(path)[len(f):] for path, f in zip(articles["path"], files)], dtype="str")
    articles[ROW] = articles.groupby(KEY, sort=False).cumcount()
    return articles


def _file_of(path: str, key_by_path: dict[str, str]) -> str:
    path = str(path)
    if path in key_by_path:
        return path
    head = path.rsplit("#", 1)[0]
    if head in key_by_path:
        return head
    raise KeyError(f"loader returned a row for an unknown file: {path}")


# --------------------------------------------------------------------------- collection


def collect(plan: Plan, *, loader: Stage = LOADER, stages: Sequence[Stage] = STAGES,
            lazy: bool = False) -> dict[str, Any]:
    """Read the per-article tables of the plan's corpus back from the cache, in corpus order.

    With ``lazy``, nothing is read now: each table is a function that reads it (:class:`Tables`
    calls it when the table is first asked for), so nobody pays for a table they never use, and
    a run whose corpus state has its tables saved (:class:`warta.cache.Results`) never collects
    the articles from the cache's parts. The articles are collected at most once, for
    themselves or for the other tables, which follow the ids the loader's batch step changed.
    The garbage collector is paused while reading (see ``warta.cache``), and the tables read are
    kept out of its later passes (``collector_paused(keep_out=True)``).
    """
    collected: list[tuple[pd.DataFrame, dict[tuple[int, str], str]]] = []

    def articles_once() -> tuple[pd.DataFrame, dict[tuple[int, str], str]]:
        if not collected:
            with collector_paused(keep_out=True):
                collected.append(_collect_articles(plan, loader))
        return collected[0]

    def read_articles() -> pd.DataFrame:
        return articles_once()[0]

    tables: dict[str, Any] = {"articles": read_articles if lazy else read_articles()}
    for stage in stages:
        for name in stage.tables:
            def read(stage: Stage = stage, name: str = name) -> pd.DataFrame:
                articles, renamed = articles_once()
                with collector_paused(keep_out=True):
                    return _collect_table(plan, stage, name, articles, renamed)

            tables[name] = read if lazy else read()
    return tables


def _collect_articles(plan: Plan, loader: Stage) -> tuple[pd.DataFrame, dict[tuple[int, str], str]]:
    """The articles in corpus order after the loader's batch step, and the ids that step changed."""
    store = cache_store.Store(plan.context.store_root)
    manifest = plan.manifest[["path", "file_key", POSITION]].rename(columns={"file_key": KEY})
    cached = _read_stage(store, plan.context, loader, "articles", manifest)
    articles = _in_corpus_order(cached.drop(columns="path"), manifest)
    articles["path"] = articles["path"] + articles[SUFFIX]
    positions, cached_ids = articles[POSITION].tolist(), articles["article_id"].tolist()
    articles = _public(articles[[c for c in cached.columns if c != SUFFIX]])
    if loader.batch is not None:
        articles = loader.batch(articles)
    # The batch step may give a copy a new id; its stage rows (read once per content) follow it.
    renamed = {(position, old): new for position, old, new in zip(positions, cached_ids, articles["article_id"]) if old != new}
    return articles, renamed


def _collect_table(plan: Plan, stage: Stage, name: str, articles: pd.DataFrame,
                   renamed: dict[tuple[int, str], str]) -> pd.DataFrame:
    """One per-article table of ``stage`` for the plan's corpus, in corpus order, ids following ``renamed``."""
    store = cache_store.Store(plan.context.store_root)
    manifest = plan.manifest[["file_key", POSITION]].rename(columns={"file_key": KEY})
    rows = _read_stage(store, plan.context, stage, name, manifest)
    if rows is None:  # nothing cached has a row: ask the stage for its empty schema
        return stage.run(articles.iloc[:0], **plan.context.options)[name]
    rows = _in_corpus_order(rows, manifest)
    moved = rows[POSITION].isin({position for position, _ in renamed})
    if moved.any():
        rows.loc[moved, "article_id"] = [renamed.get(pair, pair[1]) for pair in
                                         zip(rows.loc[moved, POSITION], rows.loc[moved, "article_id"])]
    return _public(rows.drop(columns=POSITION))


def _in_corpus_order(rows: pd.DataFrame, manifest: pd.DataFrame) -> pd.DataFrame:
    """Join ``rows`` to the manifest's files by key (one copy per path) and sort by position, then row.

    The same as an inner merge and a stable sort, but the join runs on row numbers only and the
    wide rows are reordered once (in slices, :func:`take_runs`), or not at all when the parts
    already hold them in corpus order and no file is there twice (a cold run writes them so).
    (position, row) is unique: rows are numbered within a part.
    """
    taken, files = _rows_of_files(rows[KEY], manifest[KEY])
    positions = manifest[POSITION].to_numpy()[files]
    order = np.lexsort((rows[ROW].to_numpy()[taken], positions))
    taken, files, positions = taken[order], files[order], positions[order]
    if len(taken) != len(rows) or (taken != np.arange(len(taken))).any():
        rows = take_runs(rows, taken)
    rows = rows.reset_index(drop=True)
    for column in manifest.columns:
        if column != KEY:
            rows[column] = positions if column == POSITION else manifest[column].to_numpy()[files]
    return rows


def _rows_of_files(keys: pd.Series, files: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """The inner join of row ``keys`` to the ``files``' keys: (row number, file number) pairs.

    Arrow looks each row's key up among the distinct file keys in one C++ pass (a pandas merge of
    the 6M mention rows of 100k articles took 1.4 s against 0.1 s). A key that names several
    files (the same bytes at two paths) gives a pair per file: the row is repeated once per file.
    """
    codes, distinct = pd.factorize(files)
    arrow = pa.array(keys.tolist(), type=pa.large_string()) if keys.dtype == object else keys.array.__arrow_array__()
    found = pc.fill_null(pc.index_in(arrow, value_set=pa.array(list(distinct), type=arrow.type)), -1)
    found = found.to_numpy() if isinstance(found, pa.Array) else np.concatenate(
        [chunk.to_numpy() for chunk in found.chunks] or [np.array([], dtype=np.int32)])
    taken = np.flatnonzero(found >= 0)
    found = found[taken].astype(np.int64)
    if len(distinct) == len(files):  # one file per key (none missing): codes count 0, 1, 2, ... in file order
        return taken, found
    # The files of each distinct key, in order; a file without a key joins nothing.
    by_key = np.argsort(codes, kind="stable")
    by_key = by_key[codes[by_key] >= 0]
    first = np.searchsorted(codes[by_key], np.arange(len(distinct)))
    repeats = np.bincount(codes[by_key], minlength=len(distinct))[found]
    rows = np.repeat(taken, repeats)
    nth = np.arange(len(rows)) - np.repeat(np.cumsum(repeats) - repeats, repeats)
    return rows, by_key[np.repeat(first[found], repeats) + nth]


def take_runs(rows: pd.DataFrame, taken: np.ndarray) -> pd.DataFrame:
    """``rows.take(taken)`` with a fresh index, where each Arrow column is put together from
    slices of the runs of consecutive rows in ``taken``.

    That is the corpus order of a cached table: its parts in order, with the rows of each
    byte-identical copy repeated where the copy stands, so a few long runs. A take gathers every
    string (seconds for millions of them); slices of Arrow columns share their buffers and cost
    nothing per row. Other columns (NumPy, nested objects) are taken as usual.
    """
    taken = np.asarray(taken, dtype=np.int64)
    if len(taken) == 0:
        return rows.iloc[:0].reset_index(drop=True)
    breaks = np.flatnonzero(np.diff(taken) != 1) + 1
    starts = taken[np.r_[0, breaks]].tolist()
    lengths = np.diff(np.r_[0, breaks, len(taken)]).tolist()
    columns = {}
    for name in rows.columns:
        values = rows[name].array
        if isinstance(values, pd.arrays.ArrowExtensionArray):
            chunked = values.__arrow_array__()
            # The slices' chunks, not the sliced ChunkedArrays: given those, pa.chunked_array takes a
            # slow path (3.4 s against 4 ms for 1,900 slices of a string column).
            pieces = [chunk for start, length in zip(starts, lengths) for chunk in chunked.slice(start, length).chunks]
            columns[name] = pd.array(pa.chunked_array(pieces, type=chunked.type), dtype=values.dtype)
        else:
            columns[name] = values.take(taken)
    # Series without copies: stacking the NumPy columns into one block would copy them again.
    return pd.DataFrame({name: pd.Series(column, copy=False) for name, column in columns.items()}, copy=False)


def _read_stage(store, context: Context, stage: Stage, table: str, manifest: pd.DataFrame) -> pd.DataFrame | None:
    """Read one table of a stage for the manifest's files, each file from the one part that owns it."""
    fp = context.fingerprints[stage.name]
    wanted = set(manifest[KEY])
    owned: dict[str, set[str]] = {}
    covered, sizes = store.coverage(stage.name, fp)
    for key, part in covered.items():
        if key in wanted:
            owned.setdefault(part, set()).add(key)
    # Parts in the order of their first file: a part holds a run of the corpus (a partition), so
    # the rows then arrive in corpus order and need no reordering (one take over every column of
    # millions of rows: 12 s for a 100k-article snapshot). Write order is not enough: workers
    # finish partitions out of order.
    first: dict[str, int] = {}
    for key, position in zip(manifest[KEY].tolist(), manifest[POSITION].tolist()):
        if key in wanted and position < first.get(key, position + 1):
            first[key] = position
    frames = []
    for part in sorted(owned, key=lambda part: (min(first[key] for key in owned[part]), part)):
        # A part whose files are all wanted (and all its own) is read whole: no test per row.
        keys = None if len(owned[part]) == sizes[part] else owned[part]
        frame = store.read(stage.name, fp, table, parts=[part], keys=keys)
        if frame is not None:
            frames.append(frame)
    if not frames:
        return None
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]


def _public(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.drop(columns=[c for c in (KEY, ROW, NEEDS) if c in frame.columns]).reset_index(drop=True)


# --------------------------------------------------------------------------- helpers


def _stats_meta(stages: Sequence[Stage], loader: Stage = LOADER) -> pd.DataFrame:
    names = [loader.name, *(s.name for s in stages)]
    columns = {"files": "int64", **{name: "int64" for name in names}, "errors": object,
               **{f"seconds_{name}": "float64" for name in names}}
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in columns.items()})


def root_is_temporary(cache: bool | str | Path | None) -> bool:
    """Whether ``cache`` (as given to :func:`analyze`) means a throw-away folder."""
    return cache is False or (cache is None and not bool(config.section("cache").get("enabled", True)))


@contextmanager
def _store(cache: bool | str | Path | None):
    """Yield the cache folder for ``cache`` (True / path / False / None: the setting); a temporary one for False."""
    if cache is None:
        cache = bool(config.section("cache").get("enabled", True))
    if cache is True:
        yield config.cache_dir()
    elif cache is False:
        with tempfile.TemporaryDirectory(prefix="warta-cache-") as temporary:
            yield Path(temporary)
    else:
        yield Path(cache)
