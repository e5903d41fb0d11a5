"""Actor-level sentiment: what is said *about* an actor versus what the actor *says*.

In each sentence the actors split into holders and targets. Holders voice the sentence: the
speaker of a quote in it, or whoever is named before a stance or reporting word of its clause
("AS prihatin atas kerja sama Rusia–Korut", "Washington menuduh Pyongyang ...", or after a
postposed "..., kata Kirby"). Every other actor mentioned is a target. So that sentence counts
as negative *about* Rusia and Korut and as negative *voiced by* AS, and nothing about AS.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

import pandas as pd

from warta.sentiment.engines import label_from_score
from warta.sentiment.lexicon import load_lexicon, stance_spans
from warta.sentiment.scoring import score_sentences, wilson_interval

ACTOR_COLUMNS = ["scope", "article_id", "actor_id", "name", "type", "n_sentences",
                 "about_label", "about_score", "about_probability", "about_n", "about_evidence",
                 "voiced_label", "voiced_score", "voiced_probability", "voiced_n", "voiced_evidence"]
# Holder clauses are wider than negation scopes: "Amerika Serikat (AS) mengatakan" is one clause.
_CLAUSE_BREAK = re.compile(r"[.,;:!?…\"“”\n]")


def score_actors(articles: pd.DataFrame, *, mentions: pd.DataFrame, quotes: pd.DataFrame | None = None,
                 sentences: pd.DataFrame | None = None, model: str | None = None) -> pd.DataFrame:
    """Sentiment about and voiced by each actor, per article (``scope="article"``) and over the
    corpus (``scope="corpus"``, ``article_id`` empty), each side with its evidence sentences."""
    if sentences is None:
        sentences = score_sentences(articles, model=model, quotes=quotes)
    if mentions is None or not len(mentions) or not len(sentences):
        return pd.DataFrame(columns=ACTOR_COLUMNS)
    lexicon = load_lexicon()
    speakers = _quote_speakers(quotes)
    names = {}
    by_sentence: dict[tuple[str, int], list[tuple[int, int, str]]] = defaultdict(list)
    for m in mentions.itertuples():
        key = (str(m.article_id), int(m.sentence_id))
        by_sentence[key].append((int(m.start), int(m.end), str(m.actor_id)))
        names.setdefault(str(m.actor_id), (getattr(m, "name", m.actor_id), getattr(m, "type", "")))
    about: dict[tuple[str, str], list[dict]] = defaultdict(list)
    voiced: dict[tuple[str, str], list[dict]] = defaultdict(list)
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for s in sentences.itertuples():
        key = (str(s.article_id), int(s.sentence_id))
        found = by_sentence.get(key, [])
        quoted = speakers.get(key, set())
        if not found and not quoted:
            continue
        holders = quoted | sentence_holders(lexicon, s.text, int(s.start), found)
        item = {"article_id": key[0], "sentence_id": key[1], "text": s.text, "label": s.label,
                "score": float(s.score), "probability": float(s.probability),
                "cues": [c["term"] for c in s.cues]}
        for actor in {actor for _, _, actor in found} | quoted:
            counts[(key[0], actor)] += 1
            (voiced if actor in holders else about)[(key[0], actor)].append(item)
    rows = [_row("article", article_id, actor, names, about[(article_id, actor)], voiced[(article_id, actor)],
                 counts[(article_id, actor)]) for article_id, actor in counts]
    corpus_about: dict[str, list[dict]] = defaultdict(list)
    corpus_voiced: dict[str, list[dict]] = defaultdict(list)
    corpus_counts: dict[str, int] = defaultdict(int)
    for (article_id, actor), n in counts.items():
        corpus_counts[actor] += n
        corpus_about[actor] += about[(article_id, actor)]
        corpus_voiced[actor] += voiced[(article_id, actor)]
    rows += [_row("corpus", "", actor, names, corpus_about[actor], corpus_voiced[actor], n)
             for actor, n in corpus_counts.items()]
    table = pd.DataFrame(rows, columns=ACTOR_COLUMNS)
    return table.sort_values(["scope", "n_sentences", "actor_id"], ascending=[False, False, True],
                             ignore_index=True)


def sentence_holders(lexicon, text: str, offset: int, found: list[tuple[int, int, str]]) -> set[str]:
    """Actors in one sentence who voice it (see the module docstring). Offsets are into the body."""
    holders: set[str] = set()
    if not found:
        return holders
    first_break = _CLAUSE_BREAK.search(text)
    first_clause_end = offset + (first_break.start() if first_break else len(text))
    for start, end, _kind in stance_spans(lexicon, text):
        clause_start = offset + _last_break(text, start)
        clause_end = offset + _next_break(text, end)
        start, end = offset + start, offset + end
        leading = not text[clause_start - offset:start - offset].strip(" \t-–—'’")
        if leading and clause_start > offset:
            holders |= {a for s, _, a in found if end <= s < clause_end}  # "..., kata Kirby"
            continue
        before = {a for s, _, a in found if clause_start <= s < start}
        if not before and first_clause_end <= start:
            before = {a for s, _, a in found if s < first_clause_end}  # "X, di sela ..., mengatakan"
        holders |= before
    return holders


def share_of_voice(actors: pd.DataFrame, *, top_n: int = 20, z: float = 1.96) -> pd.DataFrame:
    """Who gets to speak: each actor's share of voiced sentences over the corpus, with Wilson intervals."""
    corpus = actors[actors["scope"] == "corpus"]
    n = int(corpus["voiced_n"].sum())
    rows = []
    for r in corpus[corpus["voiced_n"] > 0].sort_values("voiced_n", ascending=False).head(top_n).itertuples():
        low, high = wilson_interval(int(r.voiced_n), n, z)
        rows.append({"actor_id": r.actor_id, "name": r.name, "k": int(r.voiced_n), "n": n,
                     "share": r.voiced_n / n, "low": low, "high": high})
    return pd.DataFrame(rows, columns=["actor_id", "name", "k", "n", "share", "low", "high"])


def _row(scope: str, article_id: str, actor: str, names: dict, about: list[dict], voiced: list[dict],
         n: int) -> dict[str, Any]:
    name, kind = names.get(actor, (actor, ""))
    row: dict[str, Any] = {"scope": scope, "article_id": article_id, "actor_id": actor, "name": name,
                           "type": kind, "n_sentences": n}
    for side, items in (("about", about), ("voiced", voiced)):
        label, score, probability = aggregate(items)
        row.update({f"{side}_label": label, f"{side}_score": score, f"{side}_probability": probability,
                    f"{side}_n": len(items), f"{side}_evidence": _strongest(items)})
    return row


def aggregate(items: list[dict]) -> tuple[str, float, float]:
    """Label a set of sentences by their mean score; probability = mean per-sentence P(that label)."""
    if not items:
        return "", float("nan"), float("nan")
    score = sum(item["score"] for item in items) / len(items)
    label = label_from_score(score)
    probability = sum(item["probability"] if item["label"] == label else (1 - item["probability"]) / 2
                      for item in items) / len(items)
    return label, round(score, 4), round(probability, 4)


def _strongest(items: list[dict], limit: int = 5) -> list[dict]:
    ranked = sorted(items, key=lambda item: -abs(item["score"]))[:limit]
    return [{k: item[k] for k in ("article_id", "sentence_id", "text", "label", "score", "cues")} for item in ranked]


def _quote_speakers(quotes: pd.DataFrame | None) -> dict[tuple[str, int], set[str]]:
    speakers: dict[tuple[str, int], set[str]] = defaultdict(set)
    if quotes is None or not len(quotes):
        return speakers
    for a, s, p in zip(quotes["article_id"], quotes["sentence_id"], quotes["speaker_id"]):
        if isinstance(p, str) and p:
            speakers[(str(a), int(s))].add(p)
    return speakers


def _last_break(text: str, position: int) -> int:
    last = 0
    for match in _CLAUSE_BREAK.finditer(text, 0, position):
        last = match.end()
    return last


def _next_break(text: str, position: int) -> int:
    match = _CLAUSE_BREAK.search(text, position)
    return match.start() if match else len(text)
