"""The actors a headline names, on ``text<TAB>actors`` files: ``warta eval headline-actors FILE``.

Each row is one article, its headline before `` || `` and its body after (see
:mod:`warta.evaluate.texts`); ``actors`` lists the actors the headline names, by the names the
actors table gives, separated by ``|`` (``-`` where it names none). Each article runs through the
whole pipeline; :func:`warta.actors.headline_actors` reads its headline.

Printed: ``precision``, ``recall`` and ``f1`` over (headline, actor) pairs, and ``exact``, the
share of headlines whose actors are all found and nothing else. Each error lists the headline's
missing and extra actors.
"""
from __future__ import annotations

from pathlib import Path

from warta.errors import WartaError
from warta.evaluate.texts import HEADLINE_SEPARATOR, analyze_texts, folded_name, read_tab_rows, share

NO_ACTOR = "-"


def read_labelled_headlines(path: str | Path) -> tuple[list[tuple[str, frozenset[str]]], list[dict]]:
    """The ``(text, actors)`` rows of a labelled headlines file and the lines skipped (with reasons)."""
    lines, skipped = read_tab_rows(path, columns=2, layout="text<TAB>actors")
    rows = []
    for line_no, (text, names) in lines:
        if HEADLINE_SEPARATOR not in text:
            skipped.append({"line": line_no, "reason": f"no headline before '{HEADLINE_SEPARATOR.strip()}'"})
        else:
            rows.append((text, frozenset() if names == NO_ACTOR else frozenset(map(folded_name, names.split("|")))))
    skipped.sort(key=lambda entry: entry["line"])
    if not rows:
        raise WartaError(f"{path}: no usable text<TAB>actors lines ({len(skipped)} skipped)")
    return rows, skipped


def evaluate_headline_actors(path: str | Path, *, profile: str = "full") -> dict:
    """Run every text of a labelled headlines file as an article (``profile``: ``"full"`` or
    ``"fast"``) and score the actors found in its headline; see the module docstring."""
    from warta.actors import headline_actors

    rows, skipped = read_labelled_headlines(path)
    tables, article_of = analyze_texts([text for text, _ in rows], profile=profile, tables=("articles", "mentions"))
    found = headline_actors(tables["articles"], tables["mentions"])
    by_article: dict[str, set[str]] = {}
    for article_id, name in zip(found["article_id"], found["name"]):
        by_article.setdefault(article_id, set()).add(folded_name(name))
    right = given = wanted = exact = 0
    errors = []
    for text, labelled in rows:
        predicted = by_article.get(article_of.get(text), set())
        right += len(predicted & labelled)
        given += len(predicted)
        wanted += len(labelled)
        exact += predicted == labelled
        if predicted != labelled:
            errors.append({"headline": text.split(HEADLINE_SEPARATOR)[0], "missing": sorted(labelled - predicted),
                           "extra": sorted(predicted - labelled)})
    precision, recall = share(right, given), share(right, wanted)
    f1 = round(2 * precision * recall / (precision + recall), 4) if precision and recall else 0.0
    return {"file": str(path), "profile": profile, "n": len(rows), "precision": precision, "recall": recall,
            "f1": f1, "exact": share(exact, len(rows)), "n_labelled": wanted, "n_found": given,
            "errors": errors, "n_skipped": len(skipped), "skipped": skipped[:50]}
