"""Report runs: layout, offline pages, failure handling, atomic ``latest``, notebook helpers."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from warta import config, report
from warta.cli import main
from warta.errors import WartaError

PROJECT = Path(__file__).resolve().parents[1]
REMOTE_ASSET = re.compile(r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.I)


def toy_notebook(path: Path, *, fail: bool = False, snapshot: bool = False) -> None:
    """A notebook that exercises every report helper without the analysis pipeline.

    With ``snapshot`` it declares the ``snapshot`` parameter and saves what it was given and the
    number of articles it read as ``tables/snapshot.csv``.
    """
    source = f'corpus = ""\noutput_dir = ""\nfail = {fail}\ndelay = 0.0\ndate_to = ""'
    parameters = new_code_cell(source + ('\nsnapshot = ""' if snapshot else ""))
    parameters.metadata["tags"] = ["parameters"]
    cells = [
        new_markdown_cell("# Toy"),
        parameters,
        new_code_cell("import time\nimport pandas as pd\nimport plotly.express as px\n"
                      "from matplotlib.figure import Figure\nfrom warta import report\ntime.sleep(delay)"),
        new_code_cell("report.show(px.bar(x=['a', 'b'], y=[3, 4], title='toy chart'))"),
        new_code_cell("out = report.outputs(output_dir)\nout.table(pd.DataFrame({'n': [1, 2]}), 'toy')\n"
                      "figure = Figure()\nfigure.subplots().plot([1, 2])\nout.chart(figure, 'toy')"),
        new_code_cell("if fail:\n    raise RuntimeError('boom')"),
    ]
    if snapshot:
        cells.append(new_code_cell(
            "from warta.snapshot import open_tables\n"
            "articles = open_tables(corpus, snapshot=snapshot)['articles']\n"
            "out.table(pd.DataFrame({'snapshot': [snapshot], 'articles': [len(articles)]}), 'snapshot')"))
    notebook = new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {"name": "warta", "display_name": "Python (warta)", "language": "python"}
    nbformat.write(notebook, path)


@pytest.fixture
def toy_project(tmp_path, monkeypatch):
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "one.txt").write_text("Jakarta (ANTARA) - Berita.", encoding="utf-8")
    toy_notebook(tmp_path / "notebooks" / "a_ok.ipynb")
    toy_notebook(tmp_path / "notebooks" / "b_fail.ipynb", fail=True)
    toy_notebook(tmp_path / "notebooks" / "c_snap.ipynb", snapshot=True)
    monkeypatch.setenv("WARTA_HOME", str(tmp_path))
    return tmp_path


def test_run_writes_the_documented_layout(toy_project):
    run = report.run_report(notebooks=["a_ok"], progress=False)

    assert run.ok and run.path == toy_project / "reports" / run.run_id
    assert (toy_project / "reports" / "latest").resolve() == run.path.resolve()
    for name in ["index.html", "run.json", "a_ok.ipynb", "a_ok.html", "a_ok/tables/toy.csv", "a_ok/charts/toy.png"]:
        assert (run.path / name).is_file(), name
    manifest = json.loads((run.path / "run.json").read_text())
    assert manifest["notebooks"][0]["status"] == "ok"
    assert manifest["parameters"]["corpus"] == str(toy_project / "seeds")
    index = (run.path / "index.html").read_text()
    assert 'href="a_ok.html"' in index and "warta 0." in index
    assert not list((toy_project / "reports").glob(".*.partial"))


def test_pages_work_offline_with_plotly_embedded(toy_project):
    run = report.run_report(notebooks=["a_ok"], progress=False)
    page = (run.path / "a_ok.html").read_text()

    assert REMOTE_ASSET.search(page) is None
    assert "toy chart" in page and "Plotly.newPlot" in page
    # plotly.js itself is inline, exactly once.
    assert page.count("plotly.js v") == 1
    # Code is hidden.
    assert "time.sleep(delay)" not in page


def test_what_a_kernel_writes_to_its_stderr_goes_to_a_log_beside_the_notebook(toy_project, capfd):
    notebook = nbformat.read(toy_project / "notebooks" / "a_ok.ipynb", as_version=4)
    notebook.cells.append(new_code_cell("import os\nos.write(2, b'kernel noise from fd 2\\n')"))
    nbformat.write(notebook, toy_project / "notebooks" / "d_noisy.ipynb")
    run = report.run_report(notebooks=["d_noisy", "a_ok"], progress=False)

    assert run.ok
    assert "kernel noise from fd 2" not in capfd.readouterr().err  # not in the scheduler's mail
    assert "kernel noise from fd 2" in (run.path / "d_noisy.kernel.log").read_text()
    assert not (run.path / "a_ok.kernel.log").exists()  # a quiet kernel leaves no log


@pytest.mark.skipif(os.name != "posix", reason="Unix sockets")
def test_kernels_talk_over_unix_sockets_in_a_folder_of_their_own(toy_project, tmp_path, monkeypatch):
    # Free TCP ports are picked and released before a kernel binds them: kernels started side by
    # side could take the same one. Socket files in a folder per kernel cannot collide.
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    notebook = nbformat.read(toy_project / "notebooks" / "a_ok.ipynb", as_version=4)
    notebook.cells.append(new_code_cell(
        "import ipykernel\nout.table(pd.DataFrame([ipykernel.get_connection_info(unpack=True)])"
        "[['transport', 'ip']], 'connection')"))
    nbformat.write(notebook, toy_project / "notebooks" / "e_sockets.ipynb")
    run = report.run_report(notebooks=["e_sockets", "a_ok"], progress=False)

    assert run.ok
    connection = pd.read_csv(run.path / "e_sockets" / "tables" / "connection.csv").iloc[0]
    assert connection["transport"] == "ipc"
    assert Path(connection["ip"]).parent.name.startswith("warta-kernel-")
    assert not list(tmp_path.glob("warta-kernel-*"))  # each folder goes with its kernel


@pytest.mark.skipif(os.name != "posix", reason="Unix sockets")
def test_a_temporary_folder_too_long_for_unix_sockets_falls_back_to_tcp(tmp_path, monkeypatch):
    monkeypatch.setattr("tempfile.tempdir", "/tmp")
    with report._kernel_socket_folder() as sockets:
        assert sockets.is_dir()
    assert not sockets.exists()
    deep = tmp_path / ("d" * 60) / ("e" * 60)  # a socket's path holds at most 107 bytes
    deep.mkdir(parents=True)
    monkeypatch.setattr("tempfile.tempdir", str(deep))
    with report._kernel_socket_folder() as sockets:
        assert sockets is None


def test_failed_notebook_is_recorded_and_others_still_run(toy_project):
    run = report.run_report(notebooks=["b_fail", "a_ok"], progress=False)

    status = {result.name: result for result in run.notebooks}
    assert status["b_fail"].status == "failed" and "boom" in status["b_fail"].error
    assert status["a_ok"].status == "ok"
    assert not run.ok
    assert (run.path / "b_fail.html").is_file() and (run.path / "a_ok.html").is_file()
    assert "failed" in (run.path / "index.html").read_text()


@pytest.mark.parametrize(
    ("first_error", "calls", "status"),
    [
        (RuntimeError("Kernel didn't respond in 60 seconds"), 2, "ok"),  # a port taken by another kernel
        (RuntimeError("Kernel died before replying to kernel_info"), 2, "ok"),
        (ValueError("boom"), 1, "failed"),  # the notebook's own error is not retried
    ],
)
def test_a_notebook_whose_kernel_never_started_runs_once_more(tmp_path, monkeypatch, first_error, calls, status):
    import papermill

    source = tmp_path / "toy.ipynb"
    toy_notebook(source)
    made = []

    def execute(input_path, output_path, **kwargs):
        made.append(output_path)
        if len(made) == 1:
            raise first_error
        Path(output_path).write_text(Path(input_path).read_text())

    monkeypatch.setattr(papermill, "execute_notebook", execute)
    result = report._execute("toy", source, tmp_path, {}, "python3")
    assert (len(made), result.status) == (calls, status)


def test_a_kernel_that_never_starts_twice_fails_the_notebook(tmp_path, monkeypatch):
    import papermill

    source = tmp_path / "toy.ipynb"
    toy_notebook(source)

    def execute(input_path, output_path, **kwargs):
        raise RuntimeError("Kernel didn't respond in 60 seconds")

    monkeypatch.setattr(papermill, "execute_notebook", execute)
    result = report._execute("toy", source, tmp_path, {}, "python3")
    assert result.status == "failed" and "didn't respond" in result.error


@pytest.mark.parametrize("fail", [False, True])
def test_the_executed_notebook_is_written_once_when_it_is_over(tmp_path, monkeypatch, fail):
    from papermill import engines, execute, iorw

    writes = []

    def counted(notebook, path):
        writes.append(path)
        iorw.write_ipynb(notebook, path)

    monkeypatch.setattr(engines, "write_ipynb", counted)
    monkeypatch.setattr(execute, "write_ipynb", counted)
    source = tmp_path / "toy.ipynb"
    toy_notebook(source, fail=fail)
    (tmp_path / "run").mkdir()
    result = report._execute("toy", source, tmp_path / "run", {}, "warta")

    assert result.status == ("failed" if fail else "ok")
    assert writes == [str(tmp_path / "run" / "toy.ipynb")]
    outputs = [output for cell in nbformat.read(tmp_path / "run" / "toy.ipynb", as_version=4).cells
               for output in cell.get("outputs", [])]
    assert any(output.get("ename") == "RuntimeError" for output in outputs) is fail


@pytest.mark.parametrize("tables", [["articles"], ["articles", "stories"]])  # a build in one part, in two
@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_results_keep_the_notebook_order_however_many_run_at_once(toy_project, monkeypatch, capfd, jobs, tables):
    section = report.config.section
    settings = {**section("report"), "jobs": jobs}
    monkeypatch.setattr(report.config, "section", lambda name: settings if name == "report" else section(name))
    monkeypatch.setattr(report.snapshot, "tables_for", lambda notebooks: tables if notebooks else [])
    run = report.run_report(notebooks=["b_fail", "a_ok", "c_snap"], progress=False)

    assert [(result.name, result.status) for result in run.notebooks] == [
        ("b_fail", "failed"), ("a_ok", "ok"), ("c_snap", "ok")]
    given = pd.read_csv(run.path / "c_snap" / "tables" / "snapshot.csv")
    assert given["snapshot"][0].endswith(report.SNAPSHOT_DIR) and given["articles"][0] == 1
    assert run.snapshot["rows"] == {name: 1 for name in tables}
    # Nothing from the kernels for cron mail: not their start-up notices, and not the error that
    # jupyter_client's interrupt before each shutdown makes ipykernel log now and then.
    assert "[IPKernelApp]" not in capfd.readouterr().err


def test_notebooks_start_once_their_tables_are_written_while_the_part_goes_on(toy_project, tmp_path):
    import threading
    from concurrent.futures import Future

    part = Future()  # a build part that goes on writing until the notebooks are over
    written = tmp_path / "articles.arrow"

    class Build:  # the scheduler's view of a build: one process busy until the part is over
        def busy(self) -> int:
            return 0 if part.done() else 1

        def unfinished(self) -> set:
            return set() if part.done() else {part}

        def has_written(self, tables) -> bool:
            return written.is_file()

    staging = tmp_path / "run"
    staging.mkdir()
    tasks = [(name, toy_project / "notebooks" / f"{name}.ipynb", staging, {"output_dir": str(staging / name)},
              report.config.section("report")["kernel"]) for name in ("a_ok", "b_fail")]
    threading.Timer(1.0, written.touch).start()
    ending = threading.Timer(120.0, part.set_result, args=[{}])  # a scheduler that waits for the part ends here
    ending.start()
    try:
        results = report._execute_all(tasks, jobs=3, build=Build(), reads={"a_ok": ["articles"], "b_fail": ["articles"]},
                                      progress=False)
        assert not part.done(), "the notebooks waited for the part to end"
    finally:
        ending.cancel()
    assert [(result.name, result.status) for result in results] == [("a_ok", "ok"), ("b_fail", "failed")]


@pytest.mark.parametrize(
    ("waiting", "free", "ready", "durations", "expected"),
    [
        (["a", "b", "c"], 2, {"a", "b", "c"}, {}, ["a", "b"]),  # no last run: in order
        (["a", "b", "c"], 2, {"a", "b", "c"}, {"b": 90.0, "c": 20.0, "a": 5.0}, ["b", "c"]),  # longest first
        (["a", "b", "c"], 1, {"a", "c"}, {"b": 90.0, "c": 20.0}, ["c"]),  # b's tables are not written yet
        (["a", "b", "c"], 3, {"a", "b", "c"}, {"c": 1.0}, ["c", "a", "b"]),  # unknown ones keep their order
        (["a", "b"], 0, {"a", "b"}, {}, []),  # every process busy
        (["a", "b"], -1, {"a", "b"}, {}, []),  # the build still holds more than jobs - notebooks
        ([], 2, set(), {}, []),
    ],
)
def test_to_start(waiting, free, ready, durations, expected):
    assert report._to_start(waiting, free=free, ready=ready.__contains__, durations=durations) == expected


def test_last_durations_come_from_the_latest_run(toy_project):
    reports = toy_project / "reports"
    assert report._last_durations(reports) == {}  # no run yet
    run = report.run_report(notebooks=["a_ok"], progress=False)
    assert report._last_durations(reports) == {"a_ok": run.notebooks[0].seconds}
    (run.path / "run.json").write_text("{not json", encoding="utf-8")
    assert report._last_durations(reports) == {}


def test_expected_seconds_order_notebooks_that_have_no_last_run(toy_project):
    reports = toy_project / "reports"
    expected = {"a_ok": 9, "b_other": 4.5}
    assert report._expected_durations(reports, expected) == {"a_ok": 9.0, "b_other": 4.5}  # no run yet
    run = report.run_report(notebooks=["a_ok"], progress=False)
    # The last run's seconds win; a notebook it did not run keeps its expected seconds.
    assert report._expected_durations(reports, expected) == {"a_ok": run.notebooks[0].seconds, "b_other": 4.5}


@pytest.mark.parametrize("expected", [{"a_ok": "soon"}, ["a_ok"], {"a_ok": None}])
def test_expected_seconds_that_are_not_seconds_are_an_error(tmp_path, expected):
    with pytest.raises(ValueError, match="expected_seconds"):
        report._expected_durations(tmp_path, expected)


def test_every_shipped_notebook_has_expected_seconds():
    from warta import config

    settings = config.section("report")
    assert sorted(settings["expected_seconds"]) == sorted(settings["notebooks"])


def test_cli_exit_codes(toy_project, capsys):
    assert main(["report", "--notebook", "a_ok", "--no-progress"]) == 0
    assert main(["report", "--notebook", "b_fail", "--no-progress"]) == 1
    assert main(["report", "--notebook", "nope", "--no-progress"]) == 2
    assert "no notebook named 'nope'" in capsys.readouterr().err
    assert main(["report", "--notebook", "a_ok", "-p", "colour=1", "--no-progress"]) == 2
    assert main(["report", "--corpus", str(toy_project / "missing"), "--no-progress"]) == 2


def test_parameters_reach_the_notebook(toy_project):
    with pytest.raises(WartaError, match="unknown notebook parameter"):
        report.run_report(notebooks=["a_ok"], parameters={"colour": "red"}, progress=False)
    run = report.run_report(notebooks=["a_ok"], parameters={"delay": 0.01}, progress=False)
    executed = nbformat.read(run.path / "a_ok.ipynb", as_version=4)
    injected = [cell for cell in executed.cells if "injected-parameters" in cell.metadata.get("tags", [])]
    assert "delay = 0.01" in injected[0].source


def test_a_parameter_of_the_wrong_type_stops_the_run_before_it_starts(toy_project):
    with pytest.raises(WartaError, match=r"delay must be a number \(default 0.0\), not 'slow'"):
        report.run_report(notebooks=["a_ok"], parameters={"delay": "slow"}, progress=False)
    with pytest.raises(WartaError, match="date_to must be an ISO date"):
        report.run_report(notebooks=["a_ok"], parameters={"date_to": "besok"}, progress=False)
    assert not any((toy_project / "reports").glob("*"))


@pytest.mark.parametrize(
    ("value", "default", "expected"),
    [
        (5, 20, 5),
        (2024, "", "2024"),  # "-p date_from=2024" arrives as a number
        ("kompas.com", [], ["kompas.com"]),  # one outlet for a list of outlets
        (["PER"], ["PER", "ORG"], ["PER"]),
        (3, 0.5, 3),
        (0.5, 0.5, 0.5),
        (True, False, True),
        ({"any": 1}, None, {"any": 1}),  # no literal default: nothing to check against
        ("abc", 20, "top_n must be an integer (default 20), not 'abc'"),
        (True, 20, "top_n must be an integer (default 20), not True"),
        (2.5, 20, "top_n must be an integer (default 20), not 2.5"),
        (1, False, "top_n must be true or false (default False), not 1"),
        ("yes", 0.5, "top_n must be a number (default 0.5), not 'yes'"),
        (2.5, "", "top_n must be text (default ''), not 2.5"),
        ({"a": 1}, [], "top_n must be a list (default []), not {'a': 1}"),
    ],
)
def test_typed_parameters(value, default, expected):
    if isinstance(expected, str) and expected.startswith("top_n must"):
        with pytest.raises(WartaError) as raised:
            report.typed_parameters({"top_n": value}, {"top_n": default})
        assert str(raised.value) == expected
    else:
        assert report.typed_parameters({"top_n": value}, {"top_n": default}) == {"top_n": expected}


def test_typed_parameters_names_every_wrong_one():
    with pytest.raises(WartaError, match="a must be an integer.*; b must be a list"):
        report.typed_parameters({"a": "x", "b": 3, "c": "ok"}, {"a": 1, "b": [], "c": ""})


def test_killed_run_never_becomes_latest(toy_project):
    first = report.run_report(notebooks=["a_ok"], progress=False)
    env = {**os.environ, "WARTA_HOME": str(toy_project)}
    process = subprocess.Popen(
        [sys.executable, "-m", "warta", "report", "--notebook", "a_ok", "-p", "delay=60", "--no-progress"],
        env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    reports = toy_project / "reports"
    deadline = time.monotonic() + 60
    while not list(reports.glob(".*.partial/pid")) and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(2)  # let papermill start the kernel
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()

    assert (reports / "latest").resolve() == first.path.resolve()
    assert len(list(reports.glob(".*.partial"))) == 1
    # The next run clears the abandoned partial folder and becomes latest.
    second = report.run_report(notebooks=["a_ok"], progress=False)
    assert (reports / "latest").resolve() == second.path.resolve()
    assert not list(reports.glob(".*.partial"))


def test_notebooks_read_one_snapshot_that_the_run_then_deletes(toy_project, monkeypatch):
    monkeypatch.setattr(report.snapshot, "tables_for", lambda notebooks: ["articles"] if notebooks else [])
    run = report.run_report(notebooks=["a_ok", "c_snap"], progress=False)

    assert run.ok and run.snapshot["rows"] == {"articles": 1}
    given = pd.read_csv(run.path / "c_snap" / "tables" / "snapshot.csv")
    assert given["snapshot"][0].endswith(report.SNAPSHOT_DIR) and given["articles"][0] == 1
    assert not (run.path / report.SNAPSHOT_DIR).exists()
    # Only a notebook that declares the parameter gets it.
    executed = nbformat.read(run.path / "a_ok.ipynb", as_version=4)
    assert "snapshot" not in executed.cells[2].source
    assert "snapshot (" in (run.path / "index.html").read_text()
    assert json.loads((run.path / "run.json").read_text())["snapshot"]["rows"] == {"articles": 1}


def test_after_a_failed_snapshot_each_notebook_analyses_itself(toy_project, monkeypatch):
    # The build fails on its first table, so the planned "articles" is never written.
    monkeypatch.setattr(report.snapshot, "tables_for", lambda notebooks: ["no_such_table", "articles"])
    run = report.run_report(notebooks=["c_snap"], progress=False)

    assert run.ok and "no_such_table" in run.snapshot["error"]
    given = pd.read_csv(run.path / "c_snap" / "tables" / "snapshot.csv")
    assert given["articles"][0] == 1
    assert "each notebook analysed the corpus itself" in run.summary()


ARTICLES = pd.DataFrame(
    {
        "article_id": ["a", "b", "c", "d"],
        "outlet": ["Kompas.com", "Bisnis.com", "KBS", "Detik"],
        "outlet_domain": ["kompas.com", "bisnis.com", "world.kbs.co.kr", "detik.com"],
        "published": ["2024-06-15T12:30:00+07:00", "2024-06-19", "2024-06", None],
    }
)


@pytest.mark.parametrize(
    ("date_from", "date_to", "outlets", "expected"),
    [
        ("", "", [], ["a", "b", "c", "d"]),
        ("2024-06-16", "", [], ["b", "c"]),  # the month-precision article overlaps the window
        ("", "2024-06-15", [], ["a", "c"]),
        ("2024-06-20", "2024-06-30", [], ["c"]),
        ("2024-07-01", "", [], []),
        ("", "", ["bisnis.com", "KBS"], ["b", "c"]),
        ("2024-06-01", "2024-06-30", ["detik.com"], []),  # undated rows cannot be placed in a window
        # A bound may be a month or a year: date_to keeps the whole of it, date_from starts it.
        ("", "2024-06", [], ["a", "b", "c"]),
        ("2024-06", "2024-06", [], ["a", "b", "c"]),
        ("2024", "2024", [], ["a", "b", "c"]),
        ("2024-07", "", [], []),
        ("", "2024-05", [], []),
        (" 2024-06-16 ", "", [], ["b", "c"]),
    ],
)
def test_select_articles(date_from, date_to, outlets, expected):
    selected = report.select_articles(ARTICLES, date_from=date_from, date_to=date_to, outlets=outlets)
    assert list(selected["article_id"]) == expected


@pytest.mark.parametrize("bound", ["kemarin", "15-06-2024", "2024-13", "2024-02-30", "2024/06/15", "24"])
@pytest.mark.parametrize("name", ["date_from", "date_to"])
def test_select_articles_refuses_a_bound_that_is_not_a_date(name, bound):
    with pytest.raises(ValueError, match=f"{name} must be an ISO date.*{bound}"):
        report.select_articles(ARTICLES, **{name: bound})


def test_select_filters_every_article_keyed_table():
    tables = {
        "articles": ARTICLES,
        "mentions": pd.DataFrame({"article_id": ["a", "b", "b"], "name": ["x", "y", "z"]}),
        "cooccurrence": pd.DataFrame({"source_id": ["x"], "target_id": ["y"]}),
        "copies": pd.DataFrame({"article_a": ["a", "b", "b", "d"], "article_b": ["b", "c", "d", "c"],
                                "shared_sentences": [2, 3, 4, 5]}),
    }
    selected = report.select(tables, outlets=["bisnis.com", "KBS"])  # articles b and c
    assert list(selected["mentions"]["name"]) == ["y", "z"]
    assert selected["cooccurrence"] is tables["cooccurrence"]
    assert selected["copies"]["shared_sentences"].tolist() == [3]  # only pairs of two selected articles


def test_select_leaves_duplicates_out_as_the_analyses_do(monkeypatch):
    articles = ARTICLES.assign(flags=[[], ["duplicate_of:a"], [], []])  # b: a's body again, from its outlet
    tables = {"articles": articles,
              "mentions": pd.DataFrame({"article_id": ["a", "b", "c"], "name": ["x", "y", "z"]}),
              "cooccurrence": pd.DataFrame({"source_id": ["x"], "target_id": ["z"]}),
              "sentiment_actors": pd.DataFrame({"article_id": ["", "a"], "name": ["x", "x"]})}
    selected = report.select(tables)
    assert selected["articles"]["article_id"].tolist() == ["a", "c", "d"]
    assert selected["mentions"]["name"].tolist() == ["x", "z"]
    # The run's analyses left b out too, so its aggregates hold for the selection.
    assert selected.whole_batch and not selected.everything
    assert selected["cooccurrence"] is tables["cooccurrence"]
    assert report.actor_sentiment(selected) is tables["sentiment_actors"]  # its corpus row ("") too
    listed = report.select(tables, count_duplicates=True)  # the corpus notebook lists every row
    assert listed.everything and not listed.whole_batch
    assert not report.select(tables, outlets=["kompas.com", "bisnis.com", "KBS"]).whole_batch
    monkeypatch.setitem(config.settings()["pipeline"], "count_duplicates", True)
    counted = report.select(tables)
    assert counted.everything and counted.whole_batch and counted["mentions"] is tables["mentions"]


@pytest.mark.parametrize("outlets", [[], ["kompas.com", "bisnis.com", "KBS", "detik.com", "okezone.com"]])
def test_a_selection_of_every_article_hands_the_tables_over(outlets):
    tables = {"articles": ARTICLES, "mentions": pd.DataFrame({"article_id": ["a", "", "b"], "name": ["x", "y", "z"]})}
    selected = report.select(tables, outlets=outlets)
    assert len(selected["articles"]) == len(ARTICLES) and selected.everything
    assert selected["mentions"] is tables["mentions"]  # corpus rows (no article) included


def test_actor_sentiment_scores_only_a_narrower_selection(monkeypatch):
    from warta import sentiment

    scored = []
    monkeypatch.setattr(sentiment, "score_actors", lambda articles, **tables: scored.append(
        (articles["article_id"].tolist(), tables["mentions"]["name"].tolist())) or "scored")
    tables = {"articles": ARTICLES, "sentiment_actors": pd.DataFrame({"article_id": ["", "a"]}),
              **{name: pd.DataFrame({"article_id": ["a", "b"], "name": ["x", "y"]})
                 for name in ("mentions", "quotes", "sentiment_sentences", "stance_words")}}
    assert report.actor_sentiment(report.select(tables)) is tables["sentiment_actors"]
    assert report.actor_sentiment(tables) is tables["sentiment_actors"]  # the run's tables themselves
    assert scored == []
    without = {name: table for name, table in tables.items() if name != "sentiment_actors"}
    assert report.actor_sentiment(without) == "scored"
    scored.clear()
    assert report.actor_sentiment(report.select(tables, outlets=["kompas.com"])) == "scored"
    assert scored == [(["a"], ["x"])]


@pytest.mark.parametrize(
    ("rows", "csv_max_rows", "expected"),
    [
        (3, 3, "t.csv"),
        (4, 3, "t.parquet"),  # past the limit: Parquet
        (0, 0, "t.csv"),
    ],
)
def test_outputs_save_long_tables_as_parquet(tmp_path, rows, csv_max_rows, expected):
    frame = pd.DataFrame({"n": range(rows), "cues": [[{"term": "baik", "weight": 1.0}]] * rows})
    report.Outputs(str(tmp_path), csv_max_rows=csv_max_rows).table(frame, "t")

    assert [path.name for path in (tmp_path / "tables").iterdir()] == [expected]
    path = tmp_path / "tables" / expected
    saved = pd.read_parquet(path) if expected.endswith(".parquet") else pd.read_csv(path)
    assert saved["n"].tolist() == list(range(rows))
    # Nested cells are JSON text in both formats.
    assert saved["cues"].tolist() == ['[{"term":"baik","weight":1.0}]'] * rows


@pytest.mark.parametrize(("rows", "csv_max_rows", "expected"), [(2, 5, "t.csv"), (3, 2, "t.parquet")])
def test_outputs_keep_arrow_cues_nested_in_parquet_only(tmp_path, rows, csv_max_rows, expected):
    from warta.sentiment.scoring import CUES_DTYPE

    cue = {"term": "baik", "start": 0, "end": 4, "weight": 1.0, "base": 1.0, "desk": "", "modifiers": ["x"]}
    frame = pd.DataFrame({"n": range(rows), "cues": pd.array([[cue]] * rows, dtype=CUES_DTYPE)})
    report.Outputs(str(tmp_path), csv_max_rows=csv_max_rows).table(frame, "t")

    path = tmp_path / "tables" / expected
    if expected.endswith(".csv"):
        assert pd.read_csv(path)["cues"].tolist() == ['[{"term":"baik","start":0,"end":4,"weight":1.0,"base":1.0,'
                                                      '"desk":"","modifiers":["x"]}]'] * rows
    else:  # plain pd.read_parquet reads it back (pandas cannot rebuild the Arrow dtype from its metadata)
        cells = pd.read_parquet(path)["cues"].tolist()
        assert [[{**c, "modifiers": list(c["modifiers"])} for c in cell] for cell in cells] == [[cue]] * rows


def test_outputs_fall_back_to_csv_for_a_mixed_column(tmp_path):
    report.Outputs(str(tmp_path), csv_max_rows=1).table(pd.DataFrame({"x": [1, "a"]}), "t")
    assert [path.name for path in (tmp_path / "tables").iterdir()] == ["t.csv"]


def test_outputs_are_no_ops_without_a_folder(tmp_path):
    report.outputs("").table(pd.DataFrame({"a": [1]}), "t")
    report.outputs(str(tmp_path)).table(pd.DataFrame({"a": [[1, 2]]}), "t")
    assert (tmp_path / "tables" / "t.csv").read_text().splitlines() == ["a", '"[1,2]"']


def test_show_accepts_numpy_dates(monkeypatch):
    import numpy as np
    import plotly.graph_objects as go

    shown = []
    monkeypatch.setattr("IPython.display.display", lambda bundle, raw: shown.append(bundle))
    dates = np.array(["2024-06-15", "2024-06-19"], dtype="datetime64[ns]")
    report.show(go.Figure(go.Scatter(x=dates, y=[1, 2])))
    assert shown[0]["application/vnd.plotly.v1+json"]["data"][0]["x"][0].startswith("2024-06-15")
    assert "<div" in shown[0]["text/html"]


def test_select_reads_a_table_only_when_asked():
    from collections.abc import Mapping

    class Lazy(Mapping):  # like pipeline.Tables: reading a table may run an analysis
        def __getitem__(self, name):
            if name == "expensive":
                raise AssertionError("read before it was asked for")
            return {"articles": ARTICLES}[name]

        def __iter__(self):
            return iter(["articles", "expensive"])

        def __len__(self):
            return 2

    tables = Lazy()
    selected = report.select(tables, outlets=["kompas.com"])
    assert list(selected["articles"]["article_id"]) == ["a"]
    assert set(selected) == {"articles", "expensive"}
    with pytest.raises(AssertionError, match="read before"):
        selected["expensive"]


def test_notebook_tools_load_without_the_iri_grammars():
    """nbformat and nbconvert still validate and export, without compiling rfc3987_syntax's grammars."""
    code = (
        "import sys\n"
        "from warta import report\n"
        "report._skip_iri_grammars()\n"
        "import nbformat, papermill\n"
        "from nbconvert import HTMLExporter\n"
        "from nbformat.v4 import new_code_cell, new_notebook\n"
        "nbformat.validate(new_notebook(cells=[new_code_cell('1 + 1')]))\n"
        "assert sys.modules['rfc3987_syntax'] is None\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


_ZONED = pd.to_datetime(["2024-06-17 10:00:00.123456", None, "2024-06-17 00:00:00", "2024-06-17 00:00:00"],
                        format="ISO8601").tz_localize("Asia/Jakarta")


@pytest.mark.parametrize("frame", [
    pd.DataFrame({"start": _ZONED, "text": ["a", None, "c", "d"]}),
    pd.DataFrame({"start": _ZONED, "end": _ZONED.tz_convert("UTC"), "naive": _ZONED.tz_localize(None)}),
    pd.DataFrame({"start": pd.Series(pd.NaT, index=range(2), dtype=_ZONED.dtype), "n": [1, 2]}),
    pd.DataFrame({"start": _ZONED[:0]}),
    pd.DataFrame({"plain": [1.5, None], "text": ["x", "y"]}),
], ids=["zoned-with-nat", "two-zones-and-naive", "all-nat", "empty", "no-dates"])
def test_csv_tables_write_dates_as_pandas_does(tmp_path, frame):
    report.Outputs(str(tmp_path)).table(frame, "dates")
    expected = tmp_path / "expected.csv"
    frame.to_csv(expected, index=False)
    assert (tmp_path / "tables" / "dates.csv").read_bytes() == expected.read_bytes()


@pytest.mark.parametrize(("values", "zone", "unit"), [
    (["2024-06-17 10:00:00.123456", "2024-06-17 00:00:00"], "Asia/Jakarta", "us"),
    (["2024-06-17 10:00:00.5", "2024-06-17 00:00:00"], "Asia/Jakarta", "ms"),
    (["2024-06-17 10:00:00.5", "2024-06-17 00:00:00"], "Asia/Jakarta", "ns"),
    (["2024-06-17 10:00:00.000000001", "2024-06-17 00:00:00"], "Asia/Jakarta", "ns"),
    (["2024-06-17 10:00:01", "2024-06-17 00:00:00"], "America/Sao_Paulo", "s"),
    (["2024-03-31 01:59:59", "2024-03-31 03:00:00", "2024-07-01 12:00", "2024-12-01 12:00"], "Europe/Berlin", "us"),
    (["1900-01-01 00:00", "2024-01-01 00:00"], "Asia/Jakarta", "s"),  # local mean time: +07:07:12
    (["2024-01-01", "2024-01-02"], "Asia/Jakarta", "us"),  # all at midnight
    (["0999-01-01 00:00", "2024-01-01"], "UTC", "s"),
    (["2024-01-01 00:00", "2024-06-01 00:00:00.000001"], "Asia/Kolkata", "us"),
    ([], "Asia/Jakarta", "us"),
])
def test_zoned_text_is_what_pandas_writes(values, zone, unit):
    stamps = pd.Series(pd.to_datetime(values, format="ISO8601")).astype(f"datetime64[{unit}]").dt.tz_localize(zone)
    assert report._zoned_text(stamps).tolist() == stamps.astype(str).tolist()


@pytest.mark.parametrize("zone", ["Asia/Jakarta", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe"])
@pytest.mark.parametrize("unit", ["s", "ms", "us", "ns"])
def test_zoned_text_agrees_with_pandas_on_random_times(zone, unit):
    import numpy as np

    rng = np.random.default_rng(7)
    nanoseconds = rng.integers(-2 * 10**9, 25 * 10**8, 2_000) * 10**9 + rng.integers(0, 10**9, 2_000) * (rng.random(2_000) < 0.3)
    stamps = pd.Series(pd.to_datetime(nanoseconds, unit="ns")).astype(f"datetime64[{unit}]").dt.tz_localize("UTC")
    stamps = stamps.dt.tz_convert(zone)
    assert report._zoned_text(stamps).tolist() == stamps.astype(str).tolist()
