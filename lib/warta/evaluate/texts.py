"""Labelled texts run through the whole pipeline, one article each, for the evaluations that read
actors and quotes (:mod:`warta.evaluate.actor_sentiment`, :mod:`warta.evaluate.quotes`).

A text may carry its own headline before `` || `` (``"Kapolri: ... || Kapolri Jenderal ..."``);
otherwise the article gets a neutral one (``Berita 12``) and the text is all body."""
from __future__ import annotations

import tempfile
import unicodedata
from pathlib import Path
from typing import Sequence

import numpy as np
import pandas as pd

from warta.errors import WartaError

HEADLINE_SEPARATOR = " || "


def analyze_texts(texts: Sequence[str], *, profile: str, tables: Sequence[str]) -> tuple[dict[str, pd.DataFrame], dict[str, str]]:
    """Run each distinct text as one article (``profile``: ``"full"`` or ``"fast"``): the body, or
    the headline and the body where the text holds :data:`HEADLINE_SEPARATOR`.

    Returns the named ``tables`` of the run and each text's article id.
    """
    distinct = list(dict.fromkeys(texts))
    files = []
    for number, text in enumerate(distinct):
        headline, _, body = text.rpartition(HEADLINE_SEPARATOR)
        # A dateline opens each body, as in the outlets' own copy, so that the text is all body.
        files.append(f"{headline.strip() or f'Berita {number}'}\n\nJAKARTA, Kompas.com - {body.strip()}\n")
    found, articles = analyze_files(files, profile=profile, tables=tables)
    return found, dict(zip(distinct, articles["article_id"]))


def analyze_files(contents: Sequence[str], *, profile: str,
                  tables: Sequence[str]) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """Run ``contents`` as the text files of one corpus, as ``warta analyze`` reads a folder, and
    return the named ``tables`` of the run and its article rows in the order of ``contents`` (a
    text file is one article, rejected or not)."""
    from warta.pipeline import analyze

    with tempfile.TemporaryDirectory(prefix="warta-eval-") as folder:
        for number, content in enumerate(contents):
            (Path(folder) / f"{number:05d}.txt").write_text(content, encoding="utf-8")
        run = analyze(folder, cache=False, profile=profile, progress=False)
        articles, found = run["articles"], {name: run[name] for name in tables}
    number = articles["path"].map(lambda file: int(Path(file).stem))
    return found, articles.iloc[np.argsort(number.to_numpy(), kind="stable")].reset_index(drop=True)


def folded_name(name: str) -> str:
    """A name as labels and tables are compared: lower case, single spaces, no accents (a label
    typed "Antonio Guterres" names the table's "António Guterres")."""
    plain = "".join(char for char in unicodedata.normalize("NFKD", name) if not unicodedata.combining(char))
    return " ".join(plain.lower().split())


def share(part: int, whole: int) -> float | None:
    """``part / whole`` to four places; None where ``whole`` is 0."""
    return round(part / whole, 4) if whole else None


def read_tab_rows(path: str | Path, *, columns: int, layout: str) -> tuple[list[tuple[int, list[str]]], list[dict]]:
    """The non-blank lines of a labelled file as ``(line number, cells)``, split on tabs and
    stripped, and the lines skipped for not having ``columns`` non-empty cells (``layout`` names
    them in the reason)."""
    path = Path(path)
    if not path.is_file():
        raise WartaError(f"labelled file not found: {path}")
    rows, skipped = [], []
    for line_no, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        if not line.strip():
            continue
        cells = [part.strip() for part in line.split("\t")]
        if len(cells) != columns or not all(cells):
            skipped.append({"line": line_no, "reason": f"expected {layout}"})
        else:
            rows.append((line_no, cells))
    return rows, skipped
