"""Labelled texts run through the whole pipeline, one article each, for the evaluations that read
actors and quotes (:mod:`warta.evaluate.actor_sentiment`, :mod:`warta.evaluate.quotes`)."""
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Sequence

import pandas as pd


def analyze_texts(texts: Sequence[str], *, profile: str, tables: Sequence[str]) -> tuple[dict[str, pd.DataFrame], dict[str, str]]:
    """Run each distinct text as the body of one article (``profile``: ``"full"`` or ``"fast"``).

    Returns the named ``tables`` of the run and each text's article id.
    """
    from warta.pipeline import analyze

    with tempfile.TemporaryDirectory(prefix="warta-eval-") as folder:
        names = {}
        for number, text in enumerate(dict.fromkeys(texts)):
            # A dateline opens each body, as in the outlets' own copy, so that the text is all body.
            file = Path(folder) / f"{number:05d}.txt"
            file.write_text(f"Berita {number}\n\nJAKARTA, Kompas.com - {text}\n", encoding="utf-8")
            names[file.name] = text
        run = analyze(folder, cache=False, profile=profile, progress=False)
        articles, found = run["articles"], {name: run[name] for name in tables}
    article_of = {names[Path(file).name]: article for file, article in zip(articles["path"], articles["article_id"])}
    return found, article_of
