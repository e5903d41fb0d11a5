"""Who appears with whom, on ``text<TAB>actors`` files: ``warta eval cooccurrence FILE``.

Each row is one article (its headline before `` || `` where it has one, see
:mod:`warta.evaluate.texts`); ``actors`` lists every person, body and place the article names, by
the names the actors table should give them, separated by ``|`` (``-`` where it names none). One
actor's other accepted names follow it after ``=`` ("Sri Mulyani Indrawati=Sri Mulyani"), and a
labelled name the gazetteer knows stands for its entry, whose name and aliases are accepted too
("Surabaya" accepts "Kota Surabaya", "BPJS Kesehatan" the body's full name): the score is of
finding and telling apart the actors, not of spelling their names. Each article runs through the
whole pipeline, and its actors are the distinct names of its rows in the mentions table, the
table the co-occurrence counts are made from.

Printed: ``actor_precision``, ``actor_recall`` and ``actor_f1`` over (article, actor) pairs;
``pair_precision``, ``pair_recall`` and ``pair_f1`` over (article, actor, actor), the pairs the
article window of :func:`warta.cooccurrence.cooccurrence` counts, so one missed actor shows as
every pair it would have made; and ``exact``, the share of articles whose actors are all found
and nothing else. Each error lists an article's missing and extra actors.
"""
from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from warta.errors import WartaError
from warta.evaluate.texts import HEADLINE_SEPARATOR, analyze_texts, folded_name, read_tab_rows, share
from warta.gazetteer import Gazetteer, alias_key, load_gazetteer

NO_ACTOR = "-"
ACTOR_SEPARATOR = "|"
ALIAS_SEPARATOR = "="


class LabelledActor(NamedTuple):
    """One labelled actor: the name it is reported by and every folded name it is accepted as."""

    name: str
    accepted: frozenset[str]


def read_labelled_actors(path: str | Path) -> tuple[list[tuple[str, list[LabelledActor]]], list[dict]]:
    """The ``(text, actors)`` rows of a labelled co-occurrence file and the lines skipped (with reasons)."""
    lines, skipped = read_tab_rows(path, columns=2, layout="text<TAB>actors")
    rows = []
    for line_no, (text, names) in lines:
        actors = [] if names == NO_ACTOR else [
            LabelledActor(folded_name(label.split(ALIAS_SEPARATOR)[0]),
                          frozenset(folded_name(name) for name in label.split(ALIAS_SEPARATOR) if name.strip()))
            for label in names.split(ACTOR_SEPARATOR)]
        if any(not actor.name for actor in actors):
            skipped.append({"line": line_no,
                            "reason": f"an empty actor name (between '{ACTOR_SEPARATOR}' or before '{ALIAS_SEPARATOR}')"})
        else:
            rows.append((text, actors))
    skipped.sort(key=lambda entry: entry["line"])
    if not rows:
        raise WartaError(f"{path}: no usable text<TAB>actors lines ({len(skipped)} skipped)")
    return rows, skipped


def with_gazetteer_names(actor: LabelledActor, gazetteer: Gazetteer) -> LabelledActor:
    """``actor`` accepting also every name of the gazetteer entries its names are aliases of, and
    a known body's building or commission by the one name the mentions give it ("Gedung DPR" is
    "Gedung Dewan Perwakilan Rakyat")."""
    from warta.actors import composed_name

    accepted = set(actor.accepted)
    for name in actor.accepted:
        known = gazetteer.index.get(alias_key(name))
        if known is not None:
            entry = known[0]
            accepted.update(map(folded_name, (entry.name, *gazetteer.aliases.get(entry.actor_id, ()))))
        composed = composed_name(name, gazetteer)
        if composed is not None:
            accepted.add(folded_name(composed))
    return actor._replace(accepted=frozenset(accepted))


def match_actors(labelled: list[LabelledActor], found: set[str]) -> tuple[set[str], list[str], set[str]]:
    """Match an article's found names with its labelled actors: the labelled names found (each
    found by one of its accepted names), the labelled names missing, and the found names no
    labelled actor accepts."""
    right, missing, extra = set(), [], set(found)
    for actor in labelled:
        hits = actor.accepted & extra
        if hits:
            right.add(actor.name)
            extra -= hits
        else:
            missing.append(actor.name)
    return right, missing, extra


def evaluate_cooccurrence(path: str | Path, *, profile: str = "full") -> dict:
    """Run every text of a labelled co-occurrence file as an article (``profile``: ``"full"`` or
    ``"fast"``) and score the actors and actor pairs each one is found to name; see the module docstring."""
    rows, skipped = read_labelled_actors(path)
    gazetteer = load_gazetteer()
    rows = [(text, [with_gazetteer_names(actor, gazetteer) for actor in actors]) for text, actors in rows]
    tables, article_of = analyze_texts([text for text, _ in rows], profile=profile, tables=("mentions",))
    mentions = tables["mentions"]
    by_article: dict[str, set[str]] = {}
    for article_id, name in zip(mentions["article_id"], mentions["name"]):
        by_article.setdefault(article_id, set()).add(folded_name(str(name)))
    counts = dict.fromkeys(("actors_right", "actors_found", "actors_labelled", "pairs_right", "pairs_found",
                            "pairs_labelled", "exact"), 0)
    errors = []
    for text, labelled in rows:
        found = by_article.get(article_of.get(text), set())
        right, missing, extra = match_actors(labelled, found)
        counts["actors_right"] += len(right)
        counts["actors_found"] += len(right) + len(extra)
        counts["actors_labelled"] += len(labelled)
        # A found pair is right when both its names are labelled actors found in this article.
        n_found = len(right) + len(extra)
        counts["pairs_right"] += len(right) * (len(right) - 1) // 2
        counts["pairs_found"] += n_found * (n_found - 1) // 2
        counts["pairs_labelled"] += len(labelled) * (len(labelled) - 1) // 2
        if missing or extra:
            errors.append({"text": text.split(HEADLINE_SEPARATOR)[0][:80], "missing": sorted(missing),
                           "extra": sorted(extra)})
        else:
            counts["exact"] += 1
    result = {"file": str(path), "profile": profile, "n": len(rows)}
    for unit in ("actor", "pair"):
        right, found, labelled = (counts[f"{unit}s_{part}"] for part in ("right", "found", "labelled"))
        precision, recall = share(right, found), share(right, labelled)
        f1 = round(2 * precision * recall / (precision + recall), 4) if precision and recall else 0.0
        result |= {f"{unit}_precision": precision, f"{unit}_recall": recall, f"{unit}_f1": f1,
                   f"n_{unit}s_labelled": labelled, f"n_{unit}s_found": found}
    return result | {"exact": share(counts["exact"], len(rows)), "errors": errors,
                     "n_skipped": len(skipped), "skipped": skipped[:50]}

