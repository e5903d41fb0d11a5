"""Report runs: execute the notebooks with papermill and publish them as offline HTML.

A run writes ``reports/<run-id>/``::

    index.html                  links, parameters, version, input summary, status and timing
    run.json                    the same facts, machine-readable
    <notebook>.ipynb            the executed notebook
    <notebook>.html             code hidden, plotly.js embedded: works with no network
    <notebook>/tables/*.csv     the notebook's result tables, for spreadsheet users (a table of
                                more than ``[report] csv_max_rows`` rows is ``<name>.parquet``)
    <notebook>/charts/*.png     its key charts as static images, for slides and e-mail

The corpus is analysed once per run into a snapshot (:mod:`warta.snapshot`): child processes
read the cache back and run each whole-batch analysis once, and every notebook reads the tables
it uses from it (its ``snapshot`` parameter). ``[report] jobs`` is how many processes work at
once, the build's included: with 1 the build runs whole, then the notebooks one after another;
with more, the build runs in two parts at once (per-article tables, whole-batch analyses) and a
notebook starts, as soon as a process is free, once the parts writing the tables it reads are
over. The snapshot is deleted when the run is complete unless ``[report] keep_snapshot``; if it
cannot be built, the notebooks analyse the corpus themselves, as they do in JupyterLab.

The run is assembled in a hidden ``.<run-id>.partial`` folder and renamed into place only when
it is complete; ``reports/latest`` is then swapped to it with an atomic rename. A run killed
half-way therefore never becomes ``latest``. A notebook that raises is recorded as failed and
the other notebooks still run.

The second half of this module is what notebooks call: :func:`show`, :func:`outputs`,
:func:`select_articles` and :func:`select`.
"""
from __future__ import annotations

import datetime as dt
import glob
import html
import json
import os
import platform
import re
import secrets
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from warta import __version__, config, snapshot
from warta.errors import WartaError
from warta.runtime import rows_where

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
PARTIAL_SUFFIX = ".partial"
SNAPSHOT_DIR = "_snapshot"
# Notebook parameters that the snapshot is built with (the same meaning as in the notebooks).
SNAPSHOT_PARAMETERS = ("sentiment_model", "profile")
# How often the scheduler looks for tables a running build part has written meanwhile.
READY_POLL_SECONDS = 0.5


# --------------------------------------------------------------------------- report runs


@dataclass
class NotebookResult:
    """The outcome of one notebook in a run."""

    name: str
    status: str  # "ok" or "failed"
    seconds: float
    error: str = ""
    html: str = ""
    ipynb: str = ""
    tables: list[str] = field(default_factory=list)
    charts: list[str] = field(default_factory=list)


@dataclass
class ReportRun:
    """A finished report run: where it is and how each notebook went."""

    run_id: str
    path: Path
    corpus: str
    parameters: dict[str, Any]
    notebooks: list[NotebookResult]
    input_summary: dict[str, Any]
    seconds: float
    snapshot: dict[str, Any] = field(default_factory=dict)  # rows per table, seconds, or error

    @property
    def ok(self) -> bool:
        return all(result.status == "ok" for result in self.notebooks)

    def summary(self) -> str:
        lines = [f"report {self.run_id}: {self.path}"]
        if self.snapshot:
            lines.append(f"  {_snapshot_line(self.snapshot)}")
        for result in self.notebooks:
            line = f"  {result.status:6} {result.name} ({result.seconds:.1f} s)"
            if result.error:
                line += f": {result.error}"
            lines.append(line)
        failed = sum(result.status != "ok" for result in self.notebooks)
        lines.append(f"{len(self.notebooks) - failed} ok, {failed} failed; index: {self.path / 'index.html'}")
        return "\n".join(lines)


def run_report(
    *,
    corpus: str | Path | None = None,
    out: str | Path | None = None,
    notebooks: Sequence[str] | None = None,
    parameters: dict[str, Any] | None = None,
    engine: str = "pandas",
    scheduler: str | None = None,
    progress: bool = True,
    kernel_name: str | None = None,
) -> ReportRun:
    """Execute ``notebooks`` (default: all four) on ``corpus`` and write a run under ``out``.

    ``parameters`` override the notebooks' ``parameters`` cells; a key that no selected notebook
    declares is an error, so that a typo never silently runs the defaults.
    """
    settings = config.section("report")
    corpus_path = resolve_corpus(corpus)
    reports_root = Path(out).resolve() if out else config.reports_dir()
    sources = notebook_paths(notebooks or settings["notebooks"])
    kernel = kernel_name or settings["kernel"]
    overrides = dict(parameters or {})
    declared = {name: _declared_parameters(path) for name, path in sources.items()}
    unknown = set(overrides) - set().union(*declared.values())
    if unknown:
        raise WartaError(f"unknown notebook parameter(s): {', '.join(sorted(unknown))}")
    overrides = typed_parameters(overrides, {key: value for names in declared.values() for key, value in names.items()})
    for bound in ("date_from", "date_to"):
        try:
            _date_bound(overrides.get(bound, ""), name=bound)  # a typo fails here, not in every notebook
        except ValueError as error:
            raise WartaError(str(error)) from None

    reports_root.mkdir(parents=True, exist_ok=True)
    _remove_abandoned_runs(reports_root)
    run_id = time.strftime("%Y%m%d-%H%M%S") + "-" + secrets.token_hex(2)
    staging = reports_root / f".{run_id}{PARTIAL_SUFFIX}"
    staging.mkdir()
    (staging / "pid").write_text(str(os.getpid()))

    started = time.perf_counter()
    common = {"corpus": str(corpus_path), "engine": engine, "scheduler": scheduler or "", **overrides}
    # jobs counts the processes that work at once, the snapshot build's included.
    jobs = max(1, int(settings.get("jobs", 1)))
    # Each notebook's snapshot tables (none for a notebook that analyses the corpus itself).
    reads = {name: snapshot.tables_for([name]) if "snapshot" in declared[name] else [] for name in sources}
    build = _start_snapshot(staging / SNAPSHOT_DIR, {name: read for name, read in reads.items() if read}, common,
                            processes=jobs, progress=progress)
    tasks = []
    for name, source in sources.items():
        wanted = {key: value for key, value in common.items() if key in declared[name]}
        wanted["output_dir"] = str(staging / name)
        if build is not None and "snapshot" in declared[name]:
            wanted["snapshot"] = str(build.folder)
        tasks.append((name, source, staging, wanted, kernel))
    durations = _expected_durations(reports_root, settings.get("expected_seconds", {}))
    results = _execute_all(tasks, jobs=jobs, build=build, reads=reads, durations=durations, progress=progress)
    shared = _finish_snapshot(build)
    if not settings.get("keep_snapshot", False):
        shutil.rmtree(staging / SNAPSHOT_DIR, ignore_errors=True)
    summary = summarize_input(corpus_path, staging)
    run = ReportRun(
        run_id=run_id,
        path=reports_root / run_id,
        corpus=str(corpus_path),
        parameters=common,
        notebooks=results,
        input_summary=summary,
        seconds=round(time.perf_counter() - started, 2),
        snapshot=shared,
    )
    (staging / "run.json").write_text(json.dumps(_manifest(run), indent=2, ensure_ascii=False, default=str))
    (staging / "index.html").write_text(render_index(run), encoding="utf-8")
    (staging / "pid").unlink()
    os.rename(staging, run.path)
    point_latest(reports_root, run_id)
    return run


def _start_snapshot(folder: Path, readers: Mapping[str, Sequence[str]], parameters: Mapping[str, Any], *,
                    processes: int, progress: bool) -> snapshot.Build | None:
    """Start analysing the corpus once for ``readers`` (the notebooks that read a snapshot, with
    their tables) into ``folder``.

    The build runs in up to ``processes`` child processes. None when no notebook reads a
    snapshot table; each notebook then analyses the corpus itself.
    """
    tables = snapshot.tables_for(readers)
    if not tables:
        return None
    if progress:
        print(f"snapshot: reading {', '.join(tables)} once for {len(readers)} notebook(s)", file=sys.stderr)
    options = {key: parameters.get(key) or None for key in SNAPSHOT_PARAMETERS}
    return snapshot.start_build(folder, tables=tables, processes=processes, readers=readers,
                                corpus=parameters["corpus"], engine=parameters["engine"],
                                scheduler=parameters["scheduler"] or None, **options)


def _finish_snapshot(build: snapshot.Build | None) -> dict[str, Any]:
    """What the run records of its snapshot: rows per table, profile and seconds, or the error.

    After a failed build the notebooks analysed the corpus themselves (and failed on their own if
    the corpus cannot be analysed).
    """
    if build is None:
        return {}
    try:
        manifest = build.wait()
    except Exception as exc:
        return {"error": _describe_error(exc)}
    return {"rows": manifest["rows"], "profile": manifest["options"]["profile"], "seconds": manifest["seconds"]}


def _snapshot_line(shared: Mapping[str, Any]) -> str:
    """One line on the snapshot for the summary and the index page."""
    if shared.get("error"):
        return f"snapshot failed ({shared['error']}); each notebook analysed the corpus itself"
    rows = ", ".join(f"{name} {count:,}" for name, count in shared.get("rows", {}).items())
    return f"snapshot ({shared.get('seconds', 0):.1f} s, {shared.get('profile', '')} profile): {rows}"


def resolve_corpus(corpus: str | Path | None) -> Path:
    """Return the corpus as an absolute path (default: the seeds), or raise if it matches nothing."""
    if corpus in (None, ""):
        return config.seeds_dir()
    path = Path(corpus).expanduser()
    if not path.is_absolute():
        path = Path.cwd() / path
    if path.exists() or glob.glob(str(path), recursive=True):
        return path
    raise FileNotFoundError(f"corpus {corpus!s} matches no file or folder")


def notebook_paths(names: Iterable[str]) -> dict[str, Path]:
    """Map notebook names (with or without ``.ipynb``) to their files in ``notebooks/``."""
    folder = config.notebooks_dir()
    available = sorted(path.stem for path in folder.glob("*.ipynb"))
    paths = {}
    for name in names:
        stem = Path(name).stem
        if stem not in available:
            raise FileNotFoundError(f"no notebook named {name!r}; available: {', '.join(available)}")
        paths[stem] = folder / f"{stem}.ipynb"
    return paths


def point_latest(reports_root: Path, run_id: str) -> None:
    """Atomically repoint ``reports_root/latest`` at ``run_id`` (a relative symlink)."""
    temporary = reports_root / f".latest-{secrets.token_hex(4)}"
    os.symlink(run_id, temporary)
    os.replace(temporary, reports_root / "latest")


def summarize_input(corpus: Path, run_dir: Path) -> dict[str, Any]:
    """Summarise the input: the corpus notebook's table when it ran, else a file count."""
    table = run_dir / "00_corpus" / "tables" / "input_summary.csv"
    if table.is_file():
        frame = pd.read_csv(table)
        return {str(row.item): row.value for row in frame.itertuples(index=False)}
    files = [corpus] if corpus.is_file() else [p for p in corpus.rglob("*") if p.is_file()] if corpus.is_dir() else []
    return {"input files": len(files)}


def _execute_all(tasks: Sequence[tuple], *, jobs: int, build: snapshot.Build | None = None,
                 reads: Mapping[str, Sequence[str]] | None = None, durations: Mapping[str, float] | None = None,
                 progress: bool) -> list[NotebookResult]:
    """Run :func:`_execute` on each task, up to ``jobs`` processes at a time; results in task order.

    The build's processes count among the ``jobs``. A notebook starts once the build has written
    every table it ``reads`` (it never holds a process while it waits); of the
    notebooks ready, the longest by ``durations`` (seconds, from the last run) starts first, so
    that it does not end the run alone, then the others in task order. Each runs in its own
    spawned worker (papermill drives its kernel from there); a worker that dies is recorded as
    that notebook's failure.
    """
    reads, durations = reads or {}, durations or {}
    if jobs <= 1 or len(tasks) <= 1:
        if build is not None:
            build.join()
        return [_execute(*task) for task in _progress(tasks, enabled=progress, total=len(tasks))]
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    context = multiprocessing.get_context("spawn")
    waiting = {task[0]: task for task in tasks}
    running: set[Any] = set()
    started: dict[str, Any] = {}
    with ProcessPoolExecutor(max_workers=min(jobs, len(tasks)), mp_context=context) as pool, \
            _progress(None, enabled=progress, total=len(tasks)) as bar:
        while waiting or running:
            free = jobs - len(running) - (build.busy() if build else 0)
            for name in _to_start(list(waiting), free=free, durations=durations,
                                  ready=lambda name: build is None or build.has_written(reads.get(name, ()))):
                started[name] = pool.submit(_execute, *waiting.pop(name))
                running.add(started[name])
            # A table written while a part goes on wakes no future: look again after a while.
            pending = build.unfinished() if build else set()
            done, _ = wait(running | pending, return_when=FIRST_COMPLETED,
                           timeout=READY_POLL_SECONDS if waiting and pending else None)
            bar.update(len(done & running))
            running -= done
    results = []
    for name, _, staging, _, _ in tasks:
        try:
            results.append(started[name].result())
        except Exception as exc:  # the worker process itself died (killed, out of memory)
            error = _describe_error(exc)
            (staging / f"{name}.html").write_text(_error_page(name, error), encoding="utf-8")
            results.append(NotebookResult(name=name, status="failed", seconds=0.0, error=error, html=f"{name}.html"))
    return results


def _to_start(waiting: Sequence[str], *, free: int, ready: Callable[[str], bool],
              durations: Mapping[str, float]) -> list[str]:
    """Which ``waiting`` notebooks start now: up to ``free`` of the ``ready`` ones, longest first.

    Longest by ``durations``; a notebook not in it, and ties, keep their order in ``waiting``.
    """
    candidates = sorted((name for name in waiting if ready(name)), key=lambda name: -durations.get(name, 0.0))
    return candidates[:max(free, 0)]


def _expected_durations(reports_root: Path, expected: Mapping[str, float]) -> dict[str, float]:
    """How long each notebook should take, which orders them (longest first): its seconds in the
    latest run under ``reports_root``, else ``expected`` (``[report] expected_seconds``, for a
    first run or a new reports folder)."""
    try:
        seconds = {str(name): float(value) for name, value in expected.items()}
    except (AttributeError, TypeError, ValueError):
        raise ValueError(f"[report] expected_seconds must map notebook names to seconds, not {expected!r}") from None
    return {**seconds, **_last_durations(reports_root)}


def _last_durations(reports_root: Path) -> dict[str, float]:
    """Each notebook's seconds in the latest run under ``reports_root``; empty when there is none."""
    try:
        notebooks = json.loads((reports_root / "latest" / "run.json").read_text(encoding="utf-8"))["notebooks"]
        return {str(entry["name"]): float(entry["seconds"]) for entry in notebooks}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _skip_iri_grammars() -> None:
    """Keep jsonschema from importing ``rfc3987_syntax`` in this process.

    nbformat (under papermill and nbconvert) imports jsonschema, whose optional IRI format
    checker compiles about 40 lark grammars at import: 4-6 s of every report run, for a check
    that notebook validation never makes. A ``None`` entry in ``sys.modules`` makes that
    import fail, which jsonschema tolerates (it then skips the ``iri`` formats). A process that
    already imported the package keeps it.
    """
    sys.modules.setdefault("rfc3987_syntax", None)


def _execute(name: str, source: Path, staging: Path, parameters: dict[str, Any], kernel: str) -> NotebookResult:
    _skip_iri_grammars()
    import papermill

    executed = staging / f"{name}.ipynb"
    kernel_log = staging / f"{name}.kernel.log"
    started = time.perf_counter()
    error = ""
    for attempt in range(2):
        try:
            with _kernel_socket_folder() as sockets:
                papermill.execute_notebook(
                    str(source),
                    str(executed),
                    parameters=parameters,
                    kernel_name=kernel,
                    cwd=str(source.parent),
                    progress_bar=False,
                    # Written once, when the notebook is over (papermill writes it on an error
                    # too): saving the growing notebook before and after each cell took 4-6 s of
                    # a 100k report's sentiment notebook and 3-4 s of its timeline one, while the
                    # kernel waited.
                    request_save_on_cell_execute=False,
                    log_output=False,
                    # The kernel's start-up notices would otherwise land in cron mail for every
                    # notebook, and so would "KeyboardInterrupt caught in kernel", logged as an
                    # error now and then because jupyter_client interrupts every kernel before it
                    # shuts it down. A cell's error reaches the run through the notebook, not
                    # through this log.
                    extra_arguments=["--IPKernelApp.log_level=CRITICAL"],
                    # What the kernel process writes to its own stderr (a C library's warning, a
                    # thread's traceback) goes to <name>.kernel.log beside the notebook, not
                    # into the scheduler's mail.
                    kernel_manager_class=_kernel_manager_logging_to(kernel_log, sockets=sockets),
                )
            error = ""
            break
        except Exception as exc:  # a failing notebook must not stop the others
            error = _describe_error(exc)
            if attempt or not _kernel_never_started(exc):
                break
    seconds = round(time.perf_counter() - started, 2)
    with suppress(OSError):
        if kernel_log.stat().st_size == 0:
            kernel_log.unlink()
    page = staging / f"{name}.html"
    try:
        export_html(executed, page)
    except Exception as exc:
        page.write_text(_error_page(name, error or _describe_error(exc)), encoding="utf-8")
        error = error or f"HTML export failed: {_describe_error(exc)}"
    folder = staging / name
    return NotebookResult(
        name=name,
        status="failed" if error else "ok",
        seconds=seconds,
        error=error,
        html=page.name,
        ipynb=executed.name if executed.exists() else "",
        tables=sorted(str(p.relative_to(staging)) for pattern in ("tables/*.csv", "tables/*.parquet")
                      for p in folder.glob(pattern)),
        charts=sorted(str(p.relative_to(staging)) for p in folder.glob("charts/*.png")),
    )


def export_html(notebook: Path, page: Path) -> None:
    """Convert an executed notebook to an offline HTML page with the code hidden."""
    _skip_iri_grammars()
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="warta_html",
        extra_template_basedirs=[str(TEMPLATE_DIR)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    content = nbformat.read(notebook, as_version=4)
    for cell in content.cells:
        # Warnings and logs on stderr are for the notebook author, not for report readers.
        cell["outputs"] = [
            output for output in cell.get("outputs", [])
            if not (output.get("output_type") == "stream" and output.get("name") == "stderr")
        ]
    body, _ = exporter.from_notebook_node(content)
    page.write_text(body, encoding="utf-8")


def render_index(run: ReportRun) -> str:
    """Render the run's ``index.html``: self-contained, no scripts."""
    esc = html.escape
    rows = []
    for result in run.notebooks:
        links = [f'<a href="{esc(result.html)}">page</a>']
        if result.ipynb:
            links.append(f'<a href="{esc(result.ipynb)}">notebook</a>')
        links += [f'<a href="{esc(p)}">{esc(Path(p).name)}</a>' for p in result.tables + result.charts]
        rows.append(
            f'<tr class="{esc(result.status)}"><td><a href="{esc(result.html)}">{esc(result.name)}</a></td>'
            f'<td class="status">{esc(result.status)}</td><td>{result.seconds:.1f} s</td>'
            f"<td>{esc(result.error)}</td><td>{' · '.join(links)}</td></tr>"
        )
    parameters = "".join(
        f"<tr><th>{esc(str(key))}</th><td>{esc(json.dumps(value, ensure_ascii=False, default=str))}</td></tr>"
        for key, value in sorted(run.parameters.items())
    )
    summary = "".join(
        f"<tr><th>{esc(str(key))}</th><td>{esc(str(value))}</td></tr>" for key, value in run.input_summary.items()
    )
    failed = sum(result.status != "ok" for result in run.notebooks)
    verdict = "all notebooks ran" if not failed else f"{failed} notebook(s) failed"
    snapshot_line = f'\n<p class="meta">{esc(_snapshot_line(run.snapshot))}</p>' if run.snapshot else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>warta report {esc(run.run_id)}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; color: #222; }}
table {{ border-collapse: collapse; margin-bottom: 1.5rem; }}
th, td {{ text-align: left; padding: .3rem .8rem; border-bottom: 1px solid #ddd; vertical-align: top; }}
tr.failed td.status {{ color: #b00020; font-weight: bold; }}
tr.ok td.status {{ color: #1b7f3b; }}
.meta {{ color: #555; }}
</style></head>
<body>
<h1>warta report</h1>
<p class="meta">Run <code>{esc(run.run_id)}</code> · warta {esc(__version__)} · Python {esc(platform.python_version())}
· {run.seconds:.1f} s · {esc(verdict)}</p>{snapshot_line}
<h2>Notebooks</h2>
<table><tr><th>notebook</th><th>status</th><th>time</th><th>error</th><th>files</th></tr>
{''.join(rows)}</table>
<h2>Input</h2>
<table><tr><th>corpus</th><td><code>{esc(run.corpus)}</code></td></tr>{summary}</table>
<h2>Parameters</h2>
<table>{parameters}</table>
</body></html>
"""


def _manifest(run: ReportRun) -> dict[str, Any]:
    return {
        "run_id": run.run_id,
        "warta_version": __version__,
        "python": sys.version.split()[0],
        "corpus": run.corpus,
        "parameters": run.parameters,
        "input_summary": run.input_summary,
        "seconds": run.seconds,
        "snapshot": run.snapshot,
        "ok": run.ok,
        "notebooks": [asdict(result) for result in run.notebooks],
    }


def _declared_parameters(path: Path) -> dict[str, Any]:
    """The notebook's parameters and their default values (None where a default is not a plain literal)."""
    _skip_iri_grammars()
    import ast

    import papermill

    declared = {}
    for name, parameter in papermill.inspect_notebook(str(path)).items():
        try:
            declared[name] = ast.literal_eval(parameter["default"])
        except (ValueError, SyntaxError):
            declared[name] = None
    return declared


def typed_parameters(values: Mapping[str, Any], defaults: Mapping[str, Any]) -> dict[str, Any]:
    """``values`` checked against the types of the notebooks' ``defaults``, before anything runs.

    A number given for a text parameter becomes its text (``-p date_from=2024`` arrives from the
    command line as the number 2024), and one text for a list parameter a list of one. Anything
    else of the wrong type is a :class:`WartaError` naming every such parameter, instead of a
    notebook failing deep inside with a ``TypeError``.
    """
    typed, problems = {}, []
    for name, value in values.items():
        default = defaults.get(name)
        if isinstance(default, str) and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        elif isinstance(default, list) and isinstance(value, str):
            value = [value]
        if type(default) in _PARAMETER_TYPES and not _has_type(value, default):
            problems.append(f"{name} must be {_PARAMETER_TYPES[type(default)][1]} (default {default!r}), not {value!r}")
        typed[name] = value
    if problems:
        raise WartaError("; ".join(problems))
    return typed


def _has_type(value: Any, default: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        # True is an int to Python, but never a count or a name here.
        return isinstance(default, bool) and isinstance(value, bool)
    return isinstance(value, _PARAMETER_TYPES[type(default)][0])


# The parameter types a default's literal implies, and how to name them in a message.
_PARAMETER_TYPES: dict[type, tuple[type | tuple[type, ...], str]] = {
    bool: (bool, "true or false"), int: (int, "an integer"), float: ((int, float), "a number"),
    str: (str, "text"), list: (list, "a list"),
}


def _kernel_manager_logging_to(path: Path, *, sockets: Path | None = None) -> type:
    """nbclient's kernel manager, with the kernel process's stderr appended to ``path``.

    ``sockets``: a folder of its own for the kernel's Unix sockets (the ``ipc`` transport). TCP
    ports are picked free and released before the kernel binds them, so kernels started side by
    side could pick the same one; socket files in a folder per kernel cannot collide.
    """
    from jupyter_client import AsyncKernelManager

    class LoggingKernelManager(AsyncKernelManager):
        def __init__(self, **kwargs: Any) -> None:
            if sockets is not None:
                kwargs = {"transport": "ipc", "ip": str(sockets / "kernel"), **kwargs}
            super().__init__(**kwargs)

        async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
            with open(path, "ab") as log:  # the kernel keeps its own copy of the descriptor
                await super()._async_launch_kernel(kernel_cmd, **{**kw, "stderr": log})

    return LoggingKernelManager


# A Unix socket's path holds at most 107 bytes; the kernel's are <folder>/kernel-<n>.
_SOCKET_PATH_LIMIT = 100


@contextmanager
def _kernel_socket_folder() -> Iterator[Path | None]:
    """A fresh folder for one kernel's sockets, removed afterwards; None (TCP) where Unix sockets
    are missing (Windows) or the temporary folder's path is too long for them."""
    if os.name != "posix":
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="warta-kernel-") as folder:
        yield Path(folder) if len(os.fsencode(folder)) + len("/kernel-99") <= _SOCKET_PATH_LIMIT else None


def _kernel_never_started(exc: BaseException) -> bool:
    """Whether a notebook failed because its kernel never came up, before running any cell.

    Over TCP (where Unix sockets are not used, see :func:`_kernel_socket_folder`) jupyter_client
    picks free ports and releases them before the kernel binds them, so two kernels started at
    once (a report runs notebooks side by side) can pick the same port, and one dies with
    "Address already in use" (papermill issue #511). Such a notebook is run again, once, with
    fresh ports or sockets; a notebook whose own code fails is not.
    """
    message = str(exc)
    return message.startswith("Kernel didn't respond") or "Kernel died before replying to kernel_info" in message


def _describe_error(exc: BaseException) -> str:
    ename = getattr(exc, "ename", type(exc).__name__)
    evalue = getattr(exc, "evalue", str(exc))
    return f"{ename}: {evalue}".strip().splitlines()[0][:300]


def _error_page(name: str, error: str) -> str:
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(name)}</title></head>'
        f"<body><h1>{html.escape(name)} failed</h1><pre>{html.escape(error)}</pre></body></html>"
    )


def _remove_abandoned_runs(reports_root: Path) -> None:
    """Delete partial runs whose writer process is gone (killed runs leave them behind)."""
    for partial in reports_root.glob(f".*{PARTIAL_SUFFIX}"):
        pid_file = partial / "pid"
        try:
            pid = int(pid_file.read_text())
            os.kill(pid, 0)
        except (OSError, ValueError):
            shutil.rmtree(partial, ignore_errors=True)


def _progress(items: Iterable, *, enabled: bool, total: int):
    from tqdm.auto import tqdm

    return tqdm(items, total=total, desc="notebooks", unit="nb", disable=not enabled or None)


# --------------------------------------------------------------------------- notebook helpers

_PLOTLY_JS_SHOWN = False


def show(figure) -> None:
    """Display a plotly figure so that it is interactive in JupyterLab and in the HTML report.

    The bundle carries plotly's own MIME type (JupyterLab's renderer) and an HTML fallback that
    nbconvert keeps. The first figure of a kernel embeds plotly.js inline; later ones reuse it,
    so report pages need no network and stay one copy of plotly.js large.
    """
    from IPython.display import display

    global _PLOTLY_JS_SHOWN
    markup = figure.to_html(
        full_html=False,
        include_plotlyjs=not _PLOTLY_JS_SHOWN,
        config={"displaylogo": False, "responsive": True},
    )
    _PLOTLY_JS_SHOWN = True
    # to_json cleans numpy and datetime values; to_plotly_json leaves them for the caller.
    bundle = json.loads(figure.to_json())
    display({"application/vnd.plotly.v1+json": bundle, "text/html": markup}, raw=True)


@dataclass(frozen=True)
class Outputs:
    """Where a notebook saves its tables and static charts; does nothing when ``folder`` is empty.

    ``csv_max_rows`` (None: ``[report] csv_max_rows``) is the most rows a table is saved as CSV.
    """

    folder: str = ""
    csv_max_rows: int | None = None

    # Both methods return None so that a notebook cell ending in a save prints nothing.
    def table(self, frame: pd.DataFrame, name: str) -> None:
        """Save ``frame`` as ``tables/<name>.csv``, or ``.parquet`` past ``csv_max_rows``. Nested cells
        become JSON text, except a nested Arrow column's in Parquet, which keeps it nested."""
        if not self.folder:
            return
        from warta.export import flatten_for_export, write_csv, write_parquet

        folder = Path(self.folder) / "tables"
        folder.mkdir(parents=True, exist_ok=True)
        limit = self.csv_max_rows
        if limit is None:
            limit = int(config.section("report").get("csv_max_rows", 100_000))
        if len(frame) > limit:
            # Sentence-level tables of a large batch: CSV costs seconds per 100k rows and no
            # spreadsheet opens them; analysts read Parquet with pandas, R or DuckDB, which read
            # its nested columns (the cues) as they are.
            import pyarrow

            try:
                write_parquet(flatten_for_export(frame, keep_arrow=True), folder / f"{name}.parquet")
                return
            except pyarrow.ArrowException:  # a column of mixed types: CSV takes anything
                (folder / f"{name}.parquet").unlink(missing_ok=True)
        write_csv(_with_datetime_text(flatten_for_export(frame)), folder / f"{name}.csv")

    def chart(self, figure, name: str) -> None:
        """Save a matplotlib figure as ``charts/<name>.png``."""
        if not self.folder:
            return
        path = Path(self.folder) / "charts" / f"{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        figure.savefig(path, dpi=150, bbox_inches="tight")


def _with_datetime_text(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with each zoned datetime column as the text ``to_csv`` writes for it (NaT: empty).

    pandas formats zoned timestamps one by one (about 20 µs each: 2 s for the events table of
    10,000 articles), and such columns hold few distinct values (mentioned days, publication
    spans): each distinct value is formatted once here, by :func:`_zoned_text`.
    """
    zoned = [column for column, dtype in frame.dtypes.items() if isinstance(dtype, pd.DatetimeTZDtype)]
    if not zoned:
        return frame
    frame = frame.copy()
    for column in zoned:
        codes, distinct = pd.factorize(frame[column])
        text = np.append(_zoned_text(pd.Series(distinct)), None)
        frame[column] = text[codes]  # code -1 (NaT) takes the trailing None
    return frame


def _zoned_text(values: pd.Series) -> np.ndarray:
    """``values.astype(str)`` of zoned timestamps without NaT ("2024-06-17 10:00:00+07:00"), as
    object text: the wall-clock part as pandas writes naive times, a whole column at once (the
    70k publication times of 100k articles: 0.02 s instead of 0.5 s), and each distinct UTC
    offset as pandas writes it, once."""
    local = values.dt.tz_localize(None)
    text = local.astype(str).to_numpy(dtype=object)
    if len(text) and " " not in text[0]:
        text = text + " 00:00:00"  # every value at midnight: naive times are written as dates alone
    offsets, _ = pd.factorize(local - values.dt.tz_convert("UTC").dt.tz_localize(None))
    _, first = np.unique(offsets, return_index=True)
    suffixes = []
    for position in first.tolist():
        stamp = values.iloc[position]
        full, wall = str(stamp), str(stamp.tz_localize(None))
        if not full.startswith(wall):  # never seen: then pandas formats every value
            return values.astype(str).to_numpy(dtype=object)
        suffixes.append(full[len(wall):])
    return text + np.array(suffixes, dtype=object)[offsets] if len(text) else text


def outputs(output_dir: str) -> Outputs:
    """Return the notebook's :class:`Outputs` for the ``output_dir`` parameter."""
    return Outputs(str(output_dir or ""))


def select_articles(
    articles: pd.DataFrame,
    *,
    date_from: str = "",
    date_to: str = "",
    outlets: Sequence[str] = (),
) -> pd.DataFrame:
    """Keep the articles inside a date window and an outlet list.

    Dates compare on their own precision: a month-precision article ("2024-06") is inside a window
    that overlaps that month. A bound may be a day, a month or a year: ``date_to="2024-06"`` keeps
    June. With a date window, undated articles are left out (they cannot be placed); the notebooks
    report how many. A bound that is not such a date is a ``ValueError``, not an empty selection.
    """
    date_from = _date_bound(date_from, name="date_from")
    date_to = _period_end(_date_bound(date_to, name="date_to"))
    keep = pd.Series(True, index=articles.index)
    if outlets:
        wanted = {outlet.lower() for outlet in outlets}
        keep &= articles["outlet_domain"].fillna("").str.lower().isin(wanted) | articles["outlet"].fillna(
            ""
        ).str.lower().isin(wanted)
    if date_from or date_to:
        published = articles["published"].fillna("").astype(str)
        # Pad each date to the last possible day of its precision for the lower bound test.
        earliest = published.str.slice(0, 10)
        latest = published.str.slice(0, 10).map(_period_end)
        has_date = published != ""
        if date_from:
            keep &= has_date & (latest >= date_from)
        if date_to:
            keep &= has_date & (earliest <= date_to)
    return rows_where(articles, keep)


def select(
    tables: Mapping[str, pd.DataFrame],
    *,
    date_from: str = "",
    date_to: str = "",
    outlets: Sequence[str] = (),
    count_duplicates: bool | None = None,
) -> Mapping[str, pd.DataFrame]:
    """Apply :func:`select_articles` to ``tables["articles"]`` and every table keyed by ``article_id``
    (a pair table such as ``copies`` keeps the pairs of two selected articles).

    Duplicates (copies of a body from the same outlet, all but the first published) are left out,
    as the whole-batch analyses leave them out, unless ``count_duplicates`` (None: ``[pipeline]
    count_duplicates``); the corpus notebook keeps them, as it lists every input row.

    The result is lazy like :func:`warta.pipeline.analyze`'s: a table is read (and an analysis
    run) only when the notebook asks for it. Tables without an ``article_id`` (aggregates such as
    co-occurrence) are returned unchanged; notebooks recompute them from the filtered rows when a
    filter is set.
    """
    from warta.load import is_duplicate
    from warta.pipeline import Selection

    everything = tables["articles"]
    articles = select_articles(everything, date_from=date_from, date_to=date_to, outlets=outlets)
    counted = bool(config.section("pipeline").get("count_duplicates", False))
    keep_duplicates = counted if count_duplicates is None else bool(count_duplicates)
    unfiltered = len(articles) == len(everything)
    if not keep_duplicates:
        duplicate = is_duplicate(articles)
        if duplicate.any():
            articles = rows_where(articles, ~duplicate)
    return Selection(tables, articles, whole_batch=unfiltered and keep_duplicates == counted)


def actor_sentiment(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Sentiment about and voiced by each actor in the selected articles (:func:`warta.sentiment.score_actors`).

    All the tables of a run, or a selection of the articles its analyses counted, give the run's
    ``sentiment_actors`` table (analysed once per corpus state, see ``warta.cache.Results``); a
    narrower selection scores its own, since the corpus-scope rows sum up only the selected
    articles.
    """
    if getattr(tables, "whole_batch", True) and "sentiment_actors" in tables:
        return tables["sentiment_actors"]
    from warta import sentiment

    return sentiment.score_actors(tables["articles"], mentions=tables["mentions"], quotes=tables["quotes"],
                                  sentences=tables["sentiment_sentences"], stances=tables["stance_words"])


def _date_bound(value: str, *, name: str) -> str:
    """``value`` checked as an ISO day, month or year ("2024-06-15", "2024-06", "2024"); "" stays ""."""
    value = str(value or "").strip()
    if not value:
        return ""
    try:
        if re.fullmatch(r"\d{4}", value):
            return value
        if re.fullmatch(r"\d{4}-\d{2}", value):
            dt.date.fromisoformat(value + "-01")
            return value
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    raise ValueError(f"{name} must be an ISO date such as 2024-06-15, 2024-06 or 2024, not {value!r}")


def _period_end(day_or_period: str) -> str:
    """'2024-06' → '2024-06-31' and '2024' → '2024-12-31' (string order is all that matters)."""
    if len(day_or_period) == 7:
        return day_or_period + "-31"
    if len(day_or_period) == 4:
        return day_or_period + "-12-31"
    return day_or_period
