"""Actor-level sentiment quality on ``text<TAB>actor<TAB>label`` files: ``warta eval actor-sentiment FILE``.

Labels are read as in ``warta eval sentiment`` files (positive / neutral / negative, or positif /
netral / negatif). Each text runs through the whole pipeline as one article; the actor is found among that
article's actor rows by name (also past a title the extractor leaves out: "Gus Samsudin" finds
Samsudin) or by the words that named it (case-insensitive), and its
``about_label`` is compared with the label: how the sentence covers that actor. An actor the
sentence only voices has no ``about`` side and counts as neutral. An actor the extractor did not
find counts as wrong (predicted ``"missing"``) and is listed under ``missing``. The metrics are
:func:`warta.evaluate.sentiment.classification_metrics` over all labelled rows.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from warta.evaluate.sentiment import classification_metrics, read_labelled_rows
from warta.evaluate.texts import analyze_texts


@dataclass
class LabelledActors:
    """The usable rows of a labelled actor file, and the lines skipped (with reasons)."""

    texts: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)


def read_labelled_actors(path: str | Path) -> LabelledActors:
    """Read a ``text<TAB>actor<TAB>label`` file; bad lines are listed in ``skipped`` with line numbers."""
    rows, labels, skipped = read_labelled_rows(path, ("text", "actor"))
    return LabelledActors([text for text, _ in rows], [actor for _, actor in rows], labels, skipped)


def evaluate_actor_sentiment(path: str | Path, *, profile: str = "full") -> dict:
    """Run every distinct text of a labelled actor file as an article (``profile``: ``"full"`` or
    ``"fast"``) and score each labelled actor's ``about`` label; see the module docstring."""
    data = read_labelled_actors(path)
    tables, article_of = analyze_texts(data.texts, profile=profile, tables=("mentions", "sentiment_actors"))
    mentions, actors = tables["mentions"], tables["sentiment_actors"]
    actors = actors[actors["scope"] == "article"]
    predicted, confidence, missing, rows = [], [], [], []
    for text, actor, label in zip(data.texts, data.actors, data.labels):
        found = _find_actor(actor, actors[actors["article_id"] == article_of.get(text)], mentions)
        if found is None:
            guess, probability = "missing", 0.0
            missing.append({"text": text, "actor": actor})
        elif found["about_label"]:
            guess, probability = found["about_label"], float(found["about_probability"])
        else:  # voiced only: the sentence says nothing about them
            guess, probability = "neutral", 0.5
        predicted.append(guess)
        confidence.append(probability)
        # The roles the actor played ("culprit,-": see sentiment_actors' about_roles): why it reads so.
        roles = "" if found is None else str(found.get("about_roles", ""))
        rows.append({"text": text, "actor": actor, "label": label, "predicted": guess, "roles": roles})
    metrics = classification_metrics(data.labels, predicted, confidence)
    return {"file": str(path), "profile": profile, **metrics, "n_missing": len(missing), "missing": missing,
            "errors": [row for row in rows if row["label"] != row["predicted"]],
            "n_skipped": len(data.skipped), "skipped": data.skipped[:50]}


def _find_actor(actor: str, rows: pd.DataFrame, mentions: pd.DataFrame) -> pd.Series | None:
    """The actor row of one article named ``actor``: by its name, else by a mention's words."""
    wanted = actor.casefold()
    for row in rows.itertuples(index=False):
        if wanted == str(row.name).casefold():
            return pd.Series(row._asdict())
    # The label may name the actor with a title the extractor leaves out ("Gus Samsudin": Samsudin).
    for row in rows.itertuples(index=False):
        if str(row.name) and wanted.endswith(" " + str(row.name).casefold()):
            return pd.Series(row._asdict())
    said = mentions[mentions["surface"].astype(str).str.casefold() == wanted]["actor_id"]
    chosen = rows[rows["actor_id"].isin(set(said))]
    if not len(chosen):
        chosen = rows[rows["name"].astype(str).str.casefold().str.contains(wanted, regex=False)]
    return chosen.iloc[0] if len(chosen) else None
