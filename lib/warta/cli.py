"""The ``warta`` command line: one subcommand per job, each a thin wrapper over the library.

Exit codes: 0 success, 1 the job ran but something in it failed (a notebook, a bad file),
2 the command was used wrongly or its input could not be read at all.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Callable, Sequence

from warta.errors import WartaError as UsageError

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.handler(args) or EXIT_OK)
    except UsageError as error:
        print(f"warta {args.command}: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:
        # A missing input, an output folder that cannot be made, no permission, a full disk:
        # the user's to fix, so one line instead of a traceback.
        print(f"warta {args.command}: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("warta: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`warta load ... | head`). Send the interpreter's final flush of
        # stdout to /dev/null so that it does not fail a second time.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED


def build_parser() -> argparse.ArgumentParser:
    from warta import __version__

    parser = argparse.ArgumentParser(
        prog="warta",
        description="Analyse Indonesian online news: sentiment, actor co-occurrence and source timelines.",
    )
    parser.add_argument("--version", action="version", version=f"warta {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    _add(commands, "load", _cmd_load, "Load and normalize articles; print JSONL or write a table.",
         [(("path",), dict(help="file, folder (recursive) or glob of articles")),
          (("--out",), dict(help="output file: .parquet, .jsonl or .csv (default: JSONL on stdout)"))])

    _add(commands, "analyze", _cmd_analyze, "Run the full pipeline and write every result table.",
         [(("path",), dict(nargs="?", help="corpus to analyse (default: seeds/)")),
          (("--out",), dict(required=True, help="folder for the CSV and Parquet tables")),
          (("--cache",), dict(metavar="DIR", help="cache folder (default: .warta-cache/ in the project)")),
          (("--no-cache",), dict(action="store_true", help="recompute everything; keep no cache")),
          *_engine_options(), _profile_option()])

    _add(commands, "report", _cmd_report, "Execute the notebooks with papermill and write an HTML report run.",
         [(("--corpus",), dict(help="corpus to report on (default: seeds/)")),
          (("--out",), dict(help="reports folder (default: reports/)")),
          (("--notebook",), dict(action="append", metavar="NAME", help="run only this notebook (repeatable)")),
          (("-p", "--parameter"), dict(action="append", default=[], metavar="KEY=VALUE",
                                        help="notebook parameter; VALUE is parsed as JSON when it can be")),
          (("--no-progress",), dict(action="store_true", help="hide the progress bar")),
          *_engine_options()])

    evaluate = commands.add_parser("eval", help="Score warta against labelled data; prints JSON.")
    evaluate_kinds = evaluate.add_subparsers(dest="kind", metavar="KIND", required=True)
    _add(evaluate_kinds, "ner", _cmd_eval_ner, "Entity precision, recall and F1 (exact span and type).",
         [(("file",), dict(help="CoNLL file")),
          (("--format",), dict(choices=["auto", "conll", "conll3"], default="auto",
                               help="conll: token<TAB>tag; conll3: token POS tag; auto (default): "
                                    "read off the first line"))])
    _add(evaluate_kinds, "sentiment", _cmd_eval_sentiment, "Macro-F1, accuracy, per-class scores and calibration.",
         [(("file",), dict(help="text<TAB>label file (positive / neutral / negative)")),
          (("--model",), dict(help="a model trained with 'warta sentiment train' (default: the lexicon)"))])
    for kind, function, description, file_help, finds in _PROFILE_EVALUATIONS:
        _add(evaluate_kinds, kind, _eval_with_profile(function), description,
             [(("file",), dict(help=file_help)),
              (("--profile",), dict(choices=["full", "fast"], default="full",
                                    help=f"the pipeline profile that {finds} (default: full)"))])

    sentiment = commands.add_parser("sentiment", help="Sentiment models.")
    sentiment_jobs = sentiment.add_subparsers(dest="job", metavar="JOB", required=True)
    _add(sentiment_jobs, "train", _cmd_sentiment_train, "Train a supervised sentiment model on labelled text.",
         [(("file",), dict(help="text<TAB>label training file")),
          (("--out",), dict(required=True, help="where to write the model"))])

    _add(commands, "synth", _cmd_synth, "Generate a synthetic corpus from the seed sentences.",
         [(("--n",), dict(type=_count, required=True, help="number of articles")),
          (("--out",), dict(required=True, help="output folder")),
          (("--seed",), dict(type=int, default=13, help="random seed (default: 13)"))])

    _add(commands, "bench", _cmd_bench, "Benchmark load, enrich, analyses and reports; prints a table.",
         [(("--n",), dict(type=_count, action="append", help="corpus sizes (default: 10000 100000)")),
          (("--big",), dict(action="store_true", help="also run 1,000,000 articles")),
          (("--enrich-only",), dict(action="store_true",
                                    help="measure synth, enrichment and the re-run only (no analyses, no reports)")),
          (("--json",), dict(help="also write the figures to this JSON file")),
          *_engine_options(), _profile_option()])
    return parser


def _count(text: str) -> int:
    """An argparse type: a whole number of articles, 0 or more."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a number of articles (0 or more), not {text!r}")
    return value


def _engine_options():
    return [
        (("--engine",), dict(choices=["pandas", "dask"], default="pandas", help="execution engine (default: pandas)")),
        (("--scheduler",), dict(help="Dask scheduler address (default: a local cluster)")),
    ]


def _profile_option():
    return (("--profile",), dict(choices=["full", "fast", "auto"], default=None,
                                 help="stage quality: full (CRF tagger, default sentiment), fast (gazetteer+rules, "
                                      "lexicon), auto (fast for large corpora); default: [pipeline] profile"))


def _add(commands, name: str, handler: Callable, help_text: str, options) -> argparse.ArgumentParser:
    sub = commands.add_parser(name, help=help_text, description=help_text)
    for flags, kwargs in options:
        sub.add_argument(*flags, **kwargs)
    # The whole command as typed ("eval ner"), for messages: "warta eval ner: error: ...".
    sub.set_defaults(handler=handler, command=sub.prog.split(" ", 1)[1])
    return sub


def parse_parameters(pairs: Sequence[str]) -> dict[str, object]:
    """Turn ``KEY=VALUE`` strings into a dict, reading each VALUE as JSON when possible."""
    parameters: dict[str, object] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"parameter {pair!r} is not KEY=VALUE")
        try:
            parameters[key.strip()] = json.loads(value)
        except json.JSONDecodeError:
            parameters[key.strip()] = value
    return parameters


def _print_json(payload: object) -> None:
    print(json.dumps(payload, indent=2, ensure_ascii=False, default=str))


def _cmd_load(args) -> int:
    from warta.load import load_corpus, write_articles

    articles = load_corpus(args.path)
    if args.out:
        write_articles(articles, Path(args.out))
    else:
        write_articles(articles, sys.stdout)
    rejected = int((articles["status"] == "rejected").sum())
    print(f"warta load: {len(articles)} articles, {rejected} rejected", file=sys.stderr)
    return EXIT_OK


def _cmd_analyze(args) -> int:
    from warta.pipeline import analyze

    cache = False if args.no_cache else (args.cache or None)
    tables = analyze(args.path, out=Path(args.out), engine=args.engine, scheduler=args.scheduler, cache=cache,
                     profile=args.profile)
    for name, table in tables.items():
        print(f"{name}: {len(table)} rows", file=sys.stderr)
    return EXIT_OK


def _cmd_report(args) -> int:
    from warta.report import run_report

    run = run_report(
        corpus=args.corpus,
        out=args.out,
        notebooks=args.notebook,
        parameters=parse_parameters(args.parameter),
        engine=args.engine,
        scheduler=args.scheduler,
        progress=not args.no_progress,
    )
    print(run.summary())
    return EXIT_OK if run.ok else EXIT_FAILED


def _cmd_eval_ner(args) -> int:
    from warta.evaluate import evaluate_ner

    _print_json(evaluate_ner(args.file, file_format=args.format))
    return EXIT_OK


def _cmd_eval_sentiment(args) -> int:
    from warta.evaluate import evaluate_sentiment

    _print_json(evaluate_sentiment(args.file, model=args.model))
    return EXIT_OK


# The evaluations that run their labelled texts through a pipeline profile: the command, the
# function of warta.evaluate, its description, its file's layout and what the profile does there.
_PROFILE_EVALUATIONS = (
    ("actor-sentiment", "evaluate_actor_sentiment",
     "Macro-F1 and accuracy of how each labelled actor is covered (its 'about' label).",
     "text<TAB>actor<TAB>label file (positive / neutral / negative)", "finds the actors"),
    ("article-sentiment", "evaluate_article_sentiment",
     "Macro-F1 and accuracy of how each labelled article (a whole story) is covered.",
     "title<TAB>body<TAB>label file (positive / neutral / negative)", "scores the sentences"),
    ("headline-actors", "evaluate_headline_actors",
     "Precision, recall and F1 of the actors each labelled headline names.",
     "'headline || body'<TAB>actors file (actors separated by '|'; '-': none)", "finds the body's actors"),
    ("quotes", "evaluate_quotes",
     "Speaker attribution: accuracy, precision and recall of who said each labelled quote.",
     "text<TAB>quote<TAB>speaker file ('-': no speaker named)", "finds the actors"),
    ("cooccurrence", "evaluate_cooccurrence",
     "Precision, recall and F1 of the actors each labelled article names, and of the pairs they make.",
     "text<TAB>actors file (actors separated by '|', other names after '='; '-': none)", "finds the actors"),
    ("timeline", "evaluate_timeline",
     "Outlet and date accuracy, story precision and recall over article pairs, and first reporters.",
     "story<TAB>outlet<TAB>published<TAB>raw file (raw text with its line breaks as \\n)",
     "finds the actors the stories share"),
)


def _eval_with_profile(function: str) -> Callable:
    """The handler of an evaluation that runs its labelled texts through a pipeline profile: it
    prints ``warta.evaluate.<function>(file, profile=...)``."""

    def handler(args) -> int:
        import warta.evaluate

        _print_json(getattr(warta.evaluate, function)(args.file, profile=args.profile))
        return EXIT_OK

    return handler


def _cmd_sentiment_train(args) -> int:
    from warta.sentiment import train_model

    _print_json(train_model(args.file, out=args.out))
    return EXIT_OK


def _cmd_synth(args) -> int:
    from warta.synth import generate_corpus

    written = generate_corpus(n=args.n, out=args.out, seed=args.seed)
    print(f"warta synth: wrote {written} articles to {args.out}", file=sys.stderr)
    return EXIT_OK


def _cmd_bench(args) -> int:
    from warta.bench import run_benchmarks

    run_benchmarks(sizes=args.n or [10_000, 100_000], big=args.big, engine=args.engine,
                   scheduler=args.scheduler, json_path=args.json, profile=args.profile,
                   analyses=not args.enrich_only)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
