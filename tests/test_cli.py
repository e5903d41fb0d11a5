"""The ``warta`` command line: help for every subcommand, clear errors, meaningful exit codes."""
from __future__ import annotations

import subprocess
from pathlib import Path
import sys

import pytest

from warta import config
from warta.cli import build_parser, main, parse_parameters
from warta.errors import WartaError

SEEDS = config.seeds_dir()

SUBCOMMANDS = [
    ["load"], ["analyze"], ["report"], ["eval"], ["eval", "ner"], ["eval", "sentiment"], ["eval", "actor-sentiment"],
    ["sentiment"], ["sentiment", "train"], ["synth"], ["bench"],
]


@pytest.mark.parametrize("words", SUBCOMMANDS, ids=" ".join)
def test_every_subcommand_has_help(words, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([*words, "--help"])
    assert exit_info.value.code == 0
    assert "usage: warta" in capsys.readouterr().out


def test_no_command_prints_help_and_fails(capsys):
    assert main([]) == 2
    assert "analyze" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [["report", "--notebook", "no_such_notebook"], ["load", "/no/such/folder/*.txt"], ["report", "-p", "novalue"]],
)
def test_bad_input_is_one_line_and_exit_2(argv, capsys):
    assert main(argv) == 2
    error = capsys.readouterr().err
    assert error.startswith(f"warta {argv[0]}: error:") and "Traceback" not in error


def test_a_nested_command_names_itself_whole_in_its_error(tmp_path, capsys):
    assert main(["eval", "ner", str(tmp_path / "hilang.txt")]) == 2
    assert capsys.readouterr().err.startswith("warta eval ner: error:")


def test_an_output_folder_that_cannot_be_made_is_one_line_and_exit_2(tmp_path, capsys):
    (tmp_path / "a-file").write_text("")
    assert main(["load", str(SEEDS), "--out", str(tmp_path / "a-file" / "articles.csv")]) == 2
    error = capsys.readouterr().err
    assert error.startswith("warta load: error:") and "a-file" in error


@pytest.mark.parametrize("argv", [["synth", "--n", "-5", "--out", "x"], ["synth", "--n", "lima", "--out", "x"],
                                  ["bench", "--n", "-1"]])
def test_a_count_below_zero_or_not_a_number_is_a_usage_error(argv, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    assert "expected a number of articles" in capsys.readouterr().err


def test_unknown_option_is_a_usage_error():
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args(["report", "--colour"])
    assert exit_info.value.code == 2


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        (["top_n=5"], {"top_n": 5}),
        (["outlets=[\"kompas.com\"]"], {"outlets": ["kompas.com"]}),
        (["date_from=2024-06-01"], {"date_from": "2024-06-01"}),
        (["window=sentence", "min_count=2"], {"window": "sentence", "min_count": 2}),
        (["flag=true"], {"flag": True}),
        (["empty="], {"empty": ""}),
    ],
)
def test_parse_parameters(pairs, expected):
    assert parse_parameters(pairs) == expected


@pytest.mark.parametrize("bad", ["novalue", "=5"])
def test_parse_parameters_rejects_malformed_pairs(bad):
    with pytest.raises(WartaError):
        parse_parameters([bad])


def test_python_dash_m_and_version():
    result = subprocess.run([sys.executable, "-m", "warta", "--version"], capture_output=True, text=True, check=True)
    assert result.stdout.startswith("warta ")


def test_closed_pipe_ends_quietly(tmp_path):
    seeds = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
    for copy in range(30):  # well past a pipe buffer of JSONL
        for seed in seeds:
            (tmp_path / f"{copy}_{seed.name}").write_bytes(seed.read_bytes())
    command = f"{sys.executable} -m warta load {tmp_path} | head -c 100 >/dev/null"
    result = subprocess.run(["bash", "-c", command], capture_output=True, text=True)
    assert "Traceback" not in result.stderr
    assert "BrokenPipeError" not in result.stderr


def test_analyze_writes_tables_without_a_cache(tmp_path):
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    assert main(["analyze", str(seeds), "--out", str(tmp_path / "tables"), "--cache", str(tmp_path / "cache")]) == 0
    assert (tmp_path / "cache").is_dir()
    assert main(["analyze", str(seeds), "--out", str(tmp_path / "again"), "--no-cache"]) == 0
    for name in ["articles", "mentions", "quotes", "cooccurrence", "sentiment_articles", "stories", "propagation", "events"]:
        assert (tmp_path / "again" / f"{name}.csv").is_file() and (tmp_path / "again" / f"{name}.parquet").is_file()
