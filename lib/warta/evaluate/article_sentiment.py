"""Article-level sentiment quality on ``title<TAB>body<TAB>label`` files: ``warta eval article-sentiment FILE``.

Labels are read as in ``warta eval sentiment`` files (positive / neutral / negative, or positif /
netral / negatif): how the story as a whole is covered. Each row runs through the whole pipeline
as one article (its title, then its body after a dateline), and the ``label`` of its row in
``sentiment_articles`` is compared with the label. The metrics are
:func:`warta.evaluate.sentiment.classification_metrics`; each error lists the article's score and
how many of its sentences read positive and negative.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from warta.evaluate.sentiment import classification_metrics, read_labelled_rows


def evaluate_article_sentiment(path: str | Path, *, profile: str = "full") -> dict:
    """Run every labelled article through the pipeline (``profile``: ``"full"`` or ``"fast"``) and
    score its article label; see the module docstring."""
    from warta.pipeline import analyze

    rows, labels, skipped = read_labelled_rows(path, ("title", "body"))
    with tempfile.TemporaryDirectory(prefix="warta-eval-") as folder:
        # A dateline opens each body, as in the outlets' own copy, so that the text is all body.
        for number, (title, body) in enumerate(rows):
            (Path(folder) / f"{number:05d}.txt").write_text(f"{title}\n\nJAKARTA, Kompas.com - {body}\n",
                                                           encoding="utf-8")
        tables = analyze(folder, cache=False, profile=profile, progress=False)
    articles, scored = tables["articles"], tables["sentiment_articles"]
    number_of = {article: int(Path(file).stem) for file, article in zip(articles["path"], articles["article_id"])}
    by_number = {number_of[row.article_id]: row for row in scored.itertuples(index=False)
                 if row.article_id in number_of}
    predicted, confidence, errors = [], [], []
    for number, ((title, _), label) in enumerate(zip(rows, labels)):
        row = by_number.get(number)
        guess = row.label if row is not None else "missing"
        predicted.append(guess)
        confidence.append(float(row.probability) if row is not None else 0.0)
        if guess != label:
            errors.append({"title": title, "label": label, "predicted": guess,
                           "score": None if row is None else float(row.score),
                           "sentences": None if row is None else
                           f"{row.positive_sentences}+ {row.negative_sentences}- of {row.n_sentences}"})
    metrics = classification_metrics(labels, predicted, confidence)
    return {"file": str(path), "profile": profile, **metrics, "errors": errors,
            "n_skipped": len(skipped), "skipped": skipped[:50]}
