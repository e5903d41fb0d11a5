"""Score texts, sentences and articles, with the evidence behind every label.

Sentence rows use ``warta.text.sentence_spans(body)``, so ``sentence_id`` means the same as in
the mentions and quotes tables, and cue offsets (``start``/``end``) point into ``body``. An
article's label comes with the sentences that drove it (``evidence``; ``sentence_id`` -1 is
the title) and, where the article carries another platform's label, a comparison with it.

A sentence's ``cues`` cell is a list of cue dicts (:meth:`Cue.as_dict`); the column is one Arrow
``list<struct>`` column (:data:`CUES_DTYPE`), so indexing a cell gives Python dicts while the
cache, the snapshot and Parquet move the column whole. :func:`cue_terms` lists the terms of
each cell; converting a whole large column to Python (``tolist()``) is slow, so avoid it.
"""
from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from itertools import accumulate, chain, compress, repeat
from operator import itemgetter, mul, ne
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from warta.language import detect_language
from warta.sentiment.engines import (LABELS, Engine, LexiconEngine, Prediction, cue_sum, cue_sums, english_engine,
                                     load_engine, settings)
from warta.sentiment.lexicon import HOLDER_KINDS, Cue, Lexicon, load_lexicon
from warta.text import TITLE_SENTENCE_ID, sentence_spans
from warta.runtime import collector_paused, text_column

SENTENCE_COLUMNS = ["article_id", "sentence_id", "start", "end", "text", "label", "score", "probability",
                    "cue_sum", "cues", "reported", "speaker_id"]
# A sentence's cues: each one's ``Cue.as_dict()`` fields, as Arrow columns. Parquet, the snapshot
# and the export read and write them whole (3.5M cues at 100k articles), where cells of Python
# dicts were pickled, decoded and encoded one by one in every process that touched the table.
CUE_TYPE = pa.struct([("term", pa.string()), ("start", pa.int64()), ("end", pa.int64()), ("weight", pa.float64()),
                      ("base", pa.float64()), ("desk", pa.string()), ("modifiers", pa.list_(pa.string()))])
CUES_DTYPE = pd.ArrowDtype(pa.list_(CUE_TYPE))
STANCE_COLUMNS = ["article_id", "sentence_id", "start", "end", "kind"]
ARTICLE_COLUMNS = ["article_id", "outlet", "published", "label", "score", "probability", "cue_sum",
                   "n_sentences", "positive_sentences", "negative_sentences", "evidence",
                   "headline_label", "headline_score",
                   "vendor_label", "vendor_confidence", "agrees", "disagreement_reason", "engine"]
VENDOR_LABELS = {"positif": "positive", "positive": "positive", "negatif": "negative", "negative": "negative",
                 "netral": "neutral", "neutral": "neutral"}
_NO_VENDOR = {"vendor_label": "", "vendor_confidence": math.nan, "agrees": pd.NA, "disagreement_reason": ""}
_PRIOR_SPREAD = 0.5
_FIRST = itemgetter(0)
_START = itemgetter(1)  # Cue.start


@dataclass(frozen=True)
class SentimentScore:
    """The sentiment of one text: label, signed score in [-1, 1], probability of the label, cues."""

    label: str
    score: float
    probability: float
    cues: tuple[Cue, ...]
    cue_sum: float
    engine: str

    def cue_dicts(self) -> list[dict]:
        return [cue.as_dict() for cue in self.cues]


def score_text(text: str, *, engine: str | Engine | None = None, language: str | None = None) -> SentimentScore:
    """Score one text (a headline, a sentence or a whole article) with ``engine`` (default: lexicon).

    >>> score_text("AS prihatin atas kerja sama Rusia–Korut").label
    'negative'
    """
    return score_texts([text], engine=engine, language=language)[0]


def score_texts(texts: Sequence[str], *, engine: str | Engine | None = None,
                language: str | None = None) -> list[SentimentScore]:
    """Score many texts at once (model engines predict in batches).

    ``language`` (None: detected per text): English text is read with the English lexicon
    (:func:`~warta.sentiment.engines.english_engine`) whatever ``engine`` reads Indonesian.
    """
    engine = _engine(engine)
    lexicon = getattr(engine, "lexicon", None) or load_lexicon()
    texts = [text if isinstance(text, str) else "" for text in texts]
    english = [(language or detect_language(text)) == "en" for text in texts]
    with collector_paused():
        cues = _find_cues(lexicon, texts, english)
        predictions = _predict(engine, texts, cues, cue_sums(cues), english)
        names = [english_engine().name if is_english else engine.name for is_english in english]
        return [SentimentScore(p.label, p.score, p.probability, tuple(c), cue_sum(c), name)
                for p, c, name in zip(predictions, cues, names)]


def _find_cues(lexicon: Lexicon, texts: Sequence[str], english: Sequence[bool]) -> list[list[Cue]]:
    """Each text's cues: the English lexicon's where ``english`` says so, else ``lexicon``'s."""
    if not any(english):
        return [lexicon.find_cues(text) for text in texts]
    english_lexicon = english_engine().lexicon
    return [(english_lexicon if is_english else lexicon).find_cues(text) for text, is_english in zip(texts, english)]


def _predict(engine: Engine, texts: Sequence[str], cues: Sequence[Sequence[Cue]], totals: Sequence[float],
             english: Sequence[bool]) -> list[Prediction]:
    """``engine``'s predictions, the English texts' from the English lexicon engine."""
    if not any(english):
        return engine.predict_sums(totals) if type(engine) is LexiconEngine else engine.predict(texts, cues)
    predictions: list[Prediction | None] = [None] * len(texts)
    own = [index for index, is_english in enumerate(english) if not is_english]
    if own:
        for index, prediction in zip(own, engine.predict([texts[i] for i in own], [cues[i] for i in own])):
            predictions[index] = prediction
    others = [index for index, is_english in enumerate(english) if is_english]
    for index, prediction in zip(others, english_engine().predict_sums([totals[i] for i in others])):
        predictions[index] = prediction
    return predictions  # type: ignore[return-value]


def article_languages(articles: pd.DataFrame) -> list[str]:
    """Each article's language: its ``lang`` (the loader's), else detected from its body."""
    if "lang" in articles:
        return [language if isinstance(language, str) else "" for language in articles["lang"].tolist()]
    return [detect_language(body) if isinstance(body, str) else "" for body in _column(articles, "body")]


def score_sentences(articles: pd.DataFrame, *, model: str | None = None,
                    quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per sentence of each article's ``body``: label, score, probability and cues.

    ``model``: None for the default engine, ``"lexicon"``, a model file from :func:`train_model`
    or ``hf:/folder``. ``quotes`` (optional) fills ``speaker_id`` for sentences that quote someone.
    """
    return score_sentences_and_stances(articles, model=model, quotes=quotes)[0]


def score_sentences_and_stances(articles: pd.DataFrame, *, model: str | None = None,
                                quotes: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`score_sentences`, and the stance and reporting words of the same scan.

    The second table has a row per such word inside a sentence: ``article_id``, ``sentence_id``,
    ``start``/``end`` (offsets into ``body``) and ``kind``. Whoever a sentence names before one
    in its clause voices it (:mod:`warta.sentiment.targets`); listing them here, in the per-article
    stage, spares actor scoring a second scan of every sentence.
    """
    engine = _engine(model)
    # The collector resumes at the end with one young-generation pass over every container made
    # meanwhile; the table is built in a helper so that its temporaries (the cues as tuples, the
    # predictions) are freed before that pass, which then walks only the table's own objects.
    with collector_paused():
        frame, stances = _sentence_table(articles, engine, _speakers(quotes))
    integers = {"sentence_id": "int64", "start": "int64", "end": "int64"}
    # Typed even when empty: a partition without stance words must concatenate with the others.
    return frame.astype(integers), stances.astype({**integers, "article_id": "str", "kind": "str"})


def _sentence_table(articles: pd.DataFrame, engine: Engine,
                    speakers: dict[tuple[str, int], str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`score_sentences_and_stances` before the integer columns are cast."""
    lexicon = getattr(engine, "lexicon", None) or load_lexicon()
    languages = article_languages(articles)
    english_lexicon = english_engine().lexicon if "en" in languages else None
    english: list[bool] = []  # per sentence
    stance_rows: tuple[list, ...] = ([], [], [], [], [])  # STANCE_COLUMNS
    # Columns, not row dicts: one list per column, filled article by article.
    article_ids: list[str] = []
    sentence_ids: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    texts: list[str] = []
    found: list[list[Cue]] = []
    reported: list[bool] = []
    for article_id, body, language in zip(_column(articles, "article_id"), _column(articles, "body"), languages):
        body = body if isinstance(body, str) else ""
        spans = sentence_spans(body)
        reader = english_lexicon if language == "en" else lexicon
        cues, holder_words = reader.cues_and_spans(body, kinds=HOLDER_KINDS)
        found += _group_cues(cues, spans)
        reporting_spans = [span for span in holder_words if span[2] == "reporting"]
        if holder_words:
            _place_in_sentences(str(article_id), holder_words, spans, stance_rows)
        sentences = [body[start:end] for start, end in spans]
        texts += sentences
        # A sentence is reported when it holds a quotation mark or starts a reporting verb.
        if reporting_spans:
            verbs = [start for start, _, _ in reporting_spans]
            # _quoted() inlined: no call per sentence. One flat "or": Cython miscompiles a bracketed
            # "or" of membership tests joined to another operand in a comprehension (tests/test_compiled.py).
            reported += ['"' in text or "“" in text or "”" in text
                         or bisect_left(verbs, start) < bisect_left(verbs, end)
                         for text, (start, end) in zip(sentences, spans)]
        elif '"' in body or "“" in body or "”" in body:
            reported += map(_quoted, sentences)
        else:
            reported += [False] * len(spans)
        article_ids += [str(article_id)] * len(spans)
        if english_lexicon is not None:
            english += [language == "en"] * len(spans)
        sentence_ids += range(len(spans))
        starts += [start for start, _ in spans]
        ends += [end for _, end in spans]
    # Each sentence's cue sum once: the lexicon engine labels from it and the table shows it.
    totals = cue_sums(found)
    if type(engine) is LexiconEngine:
        # The lexicon's label, score and probability depend on the cue sum alone, and sums repeat
        # (most sentences have none): each distinct sum is labelled and rounded once (round() of a
        # float is costly). A sum is never -0.0 (see cue_sums), so one 0.0 key serves every zero.
        distinct = list(dict.fromkeys(totals))
        by_sum = {total: (p[0], round(p[1], 4), round(p[2], 4), round(total, 3))
                  for total, p in zip(distinct, engine.predict_sums(distinct))}
        labels, scores, probabilities, sums = ((list(column) for column in zip(*map(by_sum.__getitem__, totals)))
                                               if totals else ([], [], [], []))
    else:
        predictions = _predict(engine, texts, found, totals, english) if english else engine.predict(texts, found)
        labels, scores = [p[0] for p in predictions], [round(p[1], 4) for p in predictions]
        probabilities, sums = [round(p[2], 4) for p in predictions], [round(total, 3) for total in totals]
    # Typed columns from the lists: pandas would infer each list's type cell by cell.
    frame = pd.DataFrame({
        "article_id": text_column(article_ids), "sentence_id": np.array(sentence_ids, dtype=np.int64),
        "start": np.array(starts, dtype=np.int64), "end": np.array(ends, dtype=np.int64),
        "text": text_column(texts), "label": text_column(labels),
        "score": np.array(scores, dtype=np.float64), "probability": np.array(probabilities, dtype=np.float64),
        "cue_sum": np.array(sums, dtype=np.float64), "cues": _cue_column(found),
        "reported": np.array(reported, dtype=bool),
        "speaker_id": text_column([speakers.get(key, "") for key in zip(article_ids, sentence_ids)] if speakers
                                  else [""] * len(texts)),
    }, columns=SENTENCE_COLUMNS, copy=False)
    stance_ids, stance_sentences, stance_starts, stance_ends, stance_kinds = stance_rows
    stances = pd.DataFrame({
        "article_id": text_column(stance_ids), "sentence_id": np.array(stance_sentences, dtype=np.int64),
        "start": np.array(stance_starts, dtype=np.int64), "end": np.array(stance_ends, dtype=np.int64),
        "kind": text_column(stance_kinds),
    }, columns=STANCE_COLUMNS, copy=False)
    return frame, stances


def _place_in_sentences(article_id: str, words: list[tuple[int, int, str]], spans: list[tuple[int, int]],
                        rows: tuple[list, ...]) -> None:
    """Append ``(article_id, sentence_id, start, end, kind)`` for each word inside a sentence span."""
    starts = [start for start, _ in spans]
    for start, end, kind in words:
        sentence = bisect_right(starts, start) - 1
        if sentence >= 0 and end <= spans[sentence][1]:
            for column, value in zip(rows, (article_id, sentence, start, end, kind)):
                column.append(value)


def _quoted(text: str) -> bool:
    """True when ``text`` holds a quotation mark (straight or curly double quote)."""
    return '"' in text or "“" in text or "”" in text


def _cue_column(found: list[list[Cue]]) -> pd.arrays.ArrowExtensionArray:
    """Each sentence's cues (:meth:`Cue.as_dict` of each) as one Arrow ``list<struct>`` column
    (:data:`CUES_DTYPE`), built from whole columns of the cue tuples: no dict per cue."""
    cues = list(chain.from_iterable(found))
    terms, starts, ends, weights, bases, desks, modifiers = zip(*cues) if cues else ((),) * 7
    # Weights repeat (most cues keep their lexicon weight): each distinct one is rounded once. Zero
    # is left out, as 0.0 and -0.0 are one key but round to zeros of their own signs.
    rounded = {weight: round(weight, 3) for weight in set(weights) if weight}
    modifier_offsets = pa.array([0, *accumulate(map(len, modifiers))], type=pa.int32())
    fields = [
        pa.array(terms, type=pa.string()), pa.array(starts, type=pa.int64()), pa.array(ends, type=pa.int64()),
        pa.array([rounded[weight] if weight else round(weight, 3) for weight in weights], type=pa.float64()),
        pa.array(bases, type=pa.float64()), pa.array(desks, type=pa.string()),
        pa.ListArray.from_arrays(modifier_offsets, pa.array(list(chain.from_iterable(modifiers)), type=pa.string())),
    ]
    offsets = pa.array([0, *accumulate(map(len, found))], type=pa.int32())
    cells = pa.ListArray.from_arrays(offsets, pa.StructArray.from_arrays(fields, fields=list(CUE_TYPE)))
    return pd.arrays.ArrowExtensionArray(cells)


def cue_terms(cues: pd.Series | pa.Array | Sequence) -> list[list[str]]:
    """The ``term`` of each cue, per cell of a ``cues`` column (Arrow, or lists of dicts)."""
    values = getattr(cues, "array", cues)
    if isinstance(values, pd.arrays.ArrowExtensionArray):
        values = values.__arrow_array__()
    if isinstance(values, (pa.Array, pa.ChunkedArray)) and pa.types.is_list(values.type):
        cells = values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values
        # Every term in one pass over the flat cues, then a slice per cell (a missing cell: none).
        terms = pc.list_flatten(cells).field("term").to_pylist()
        bounds = pc.list_value_length(cells).fill_null(0).to_numpy(zero_copy_only=False).cumsum().tolist()
        return [terms[begin:end] for begin, end in zip([0, *bounds[:-1]], bounds)]
    return [[cue["term"] for cue in cell] if isinstance(cell, (list, tuple, np.ndarray)) else []
            for cell in values]


def attach_speakers(sentences: pd.DataFrame, quotes: pd.DataFrame | None) -> pd.DataFrame:
    """Fill the empty ``speaker_id`` cells of a sentence table from the quotes table.

    A quote's speaker (an actor id from the mentions) voices the sentence the quote is in. The
    sentiment stage runs apart from the actors stage, so its cached sentence rows carry no
    speakers; whoever holds both tables (the pipeline, after reading them back) calls this.
    Speakers already set are kept; the input is not modified.
    """
    if quotes is None or not len(quotes) or "speaker_id" not in quotes or not len(sentences):
        return sentences
    known = has_speaker(quotes["speaker_id"])
    if not known.any():
        return sentences
    quotes = quotes[["article_id", "sentence_id", "speaker_id"]][known]  # not the quotes' text columns
    # Whole columns, not a dict lookup per sentence (9 s for the 2M sentences of 100k articles):
    # (article, sentence) as one integer key on both sides, then one hash join.
    articles, _ = pd.factorize(pd.concat([sentences["article_id"].astype(str), quotes["article_id"].astype(str)],
                                         ignore_index=True))
    numbers = np.concatenate([sentences["sentence_id"].astype("int64").to_numpy(),
                              quotes["sentence_id"].astype("int64").to_numpy()])
    low = int(numbers.min())
    keys = articles.astype(np.int64) * (int(numbers.max()) - low + 1) + (numbers - low)
    lookup = pd.Series(quotes["speaker_id"].astype(str).to_numpy(dtype=object), index=keys[len(sentences):])
    lookup = lookup[~lookup.index.duplicated(keep="last")]  # a sentence's last quote with a speaker
    at = lookup.index.get_indexer(keys[:len(sentences)])
    found = np.where(at >= 0, lookup.to_numpy()[at], "")
    if "speaker_id" in sentences:
        found = np.where(has_speaker(sentences["speaker_id"]), sentences["speaker_id"].to_numpy(dtype=object), found)
    # A new frame sharing the other columns (copy-on-write keeps the input as it is).
    return sentences.assign(speaker_id=found.tolist())


def has_speaker(values: pd.Series) -> np.ndarray:
    """Which cells of a ``speaker_id`` column hold a speaker: a non-empty string (not missing)."""
    if isinstance(values.dtype, pd.StringDtype):  # text or missing only: compared in one pass
        return values.fillna("").ne("").to_numpy(dtype=bool)
    return np.array([isinstance(value, str) and value != "" for value in values.to_numpy(dtype=object).tolist()],
                    dtype=bool)


def score_articles(articles: pd.DataFrame, *, sentences: pd.DataFrame | None = None,
                   model: str | None = None) -> pd.DataFrame:
    """One row per article: label, score, probability, evidence sentences, vendor comparison.

    The article's score is the mean of its sentence scores, the title counting ``title_weight``
    times (the title's own label and score are ``headline_label`` and ``headline_score``); it is neutral inside ``±article_neutral_band`` (chosen on the team's labelled articles,
    ``warta eval article-sentiment``). The probability is the sampling certainty of that mean: how
    sure we are, given how much its sentences disagree, that the mean lies on the label's side of
    the band (too few labelled articles exist to calibrate it).
    """
    engine = _engine(model)
    if sentences is None:
        sentences = score_sentences(articles, model=model)
    options = settings()
    title_weight = float(options.get("title_weight", 1.5))
    band = float(options.get("article_neutral_band", 0.15))
    limit = int(options.get("evidence_sentences", 3))
    # The sentence table is read by column; a row becomes a dict only where it is shown as evidence.
    table = _Columns(sentences)
    per_article = _row_groups(table.get("article_id", []))
    titles = [t if isinstance(t, str) else "" for t in _column(articles, "title")]
    vendors = _column(articles, "vendor")
    lexicon = getattr(engine, "lexicon", None) or load_lexicon()
    english = [language == "en" for language in article_languages(articles)]
    names = [english_engine().name if is_english else engine.name for is_english in english]
    scores, labels, sums = table.get("score", []), table.get("label", []), table.get("cue_sum", [])
    rows = []
    with collector_paused():
        # The titles as score_texts() scores them, without a SentimentScore object each.
        title_cues = _find_cues(lexicon, titles, english)
        title_sums = cue_sums(title_cues)
        title_predictions = _predict(engine, titles, title_cues, title_sums, english)
        for article_id, outlet, published, title, cues, title_sum, title_prediction, vendor, name in zip(
                _column(articles, "article_id"), _column(articles, "outlet"), _column(articles, "published"),
                titles, title_cues, title_sums, title_predictions, vendors, names):
            article_id = str(article_id)
            group = per_article.get(article_id, [])
            sentence_scores = [scores[index] for index in group]
            title_score = title_prediction[1]
            if title:
                prediction = aggregate_scores(sentence_scores + [title_score], [1.0] * len(group) + [title_weight],
                                              band=band)
            else:
                prediction = aggregate_scores(sentence_scores, [1.0] * len(group), band=band)
            title_cues_used = cues if title else ()
            evidence = table.evidence(group, sentence_scores, prediction.label, title=title, title_cues=title_cues_used,
                                      title_score=title_score, limit=limit)
            group_labels = [labels[index] for index in group]
            vendor_columns = (compare_vendor(prediction, evidence, table.rows(group), vendor)
                              if isinstance(vendor, dict) and vendor.get("sentiment") else _NO_VENDOR)
            rows.append({"article_id": article_id, "outlet": outlet, "published": published,
                         "label": prediction.label, "score": round(prediction.score, 4),
                         "probability": round(prediction.probability, 4),
                         "cue_sum": round((title_sum if title else 0.0) + sum([sums[index] for index in group]), 3),
                         "n_sentences": len(group), "positive_sentences": group_labels.count("positive"),
                         "negative_sentences": group_labels.count("negative"),
                         "evidence": evidence,
                         "headline_label": title_prediction[0] if title else "",
                         "headline_score": round(title_score, 4) if title else float("nan"),
                         **vendor_columns, "engine": name})
        return pd.DataFrame(rows, columns=ARTICLE_COLUMNS)


def _row_groups(keys: list) -> dict[Any, list[int]]:
    """The row indexes of each key, in row order. Rows of one key are usually consecutive: runs are
    found by comparing neighbours in C, and Python handles a run at a time."""
    groups: dict[Any, list[int]] = {}
    if not keys:
        return groups
    bounds = [0, *compress(range(1, len(keys)), map(ne, keys[1:], keys[:-1])), len(keys)]
    for begin, end in zip(bounds, bounds[1:]):
        key = keys[begin]
        if key in groups:
            groups[key] += range(begin, end)
        else:
            groups[key] = list(range(begin, end))
    return groups


def aggregate_scores(scores: Sequence[float], weights: Sequence[float] | None = None, *,
                     band: float) -> Prediction:
    """Label the weighted mean of several signed scores; probability from its standard error.

    >>> aggregate_scores([-0.8, -0.6, 0.0, 0.4], band=0.1).label
    'negative'
    """
    if not len(scores):
        return Prediction("neutral", 0.0, math.nan)
    weights = [1.0] * len(scores) if weights is None else list(weights)
    total = sum(weights)
    # The same products added in the same order as a generator would, with no Python frame per term.
    mean = sum(map(mul, weights, scores)) / total
    variance = sum([w * (s - mean) ** 2 for w, s in zip(weights, scores)]) / total
    # A prior spread keeps one or two agreeing sentences from claiming certainty.
    error = math.sqrt((variance + _PRIOR_SPREAD ** 2) / total)
    p_positive = _normal_cdf((mean - band) / error)
    p_negative = _normal_cdf((-band - mean) / error)
    label = "positive" if mean >= band else "negative" if mean <= -band else "neutral"
    probability = {"positive": p_positive, "negative": p_negative}.get(label, 1 - p_positive - p_negative)
    return Prediction(label, mean, probability)


def evidence_sentences(sentences: pd.DataFrame | list[dict], label: str, *, title: str = "",
                       title_cues: Sequence[Cue] = (), title_score: float = 0.0, limit: int | None = None) -> list[dict]:
    """The sentences that most support ``label``, strongest first (for neutral: the strongest either way).

    ``sentences``: sentence-table rows of one article, as a DataFrame or a list of row dicts.
    """
    limit = int(settings().get("evidence_sentences", 3)) if limit is None else limit
    candidates = [{"sentence_id": int(r["sentence_id"]), "text": r["text"], "label": r["label"],
                   "score": float(r["score"]), "cues": [c["term"] for c in r["cues"]]} for r in _sentence_rows(sentences)]
    if title_cues:
        candidates.append({"sentence_id": TITLE_SENTENCE_ID, "text": title, "label": "",
                           "score": round(title_score, 4), "cues": [c.term for c in title_cues]})
    direction = {"positive": 1.0, "negative": -1.0}.get(label)
    if direction is None:
        ranked = sorted((c for c in candidates if c["cues"]), key=lambda c: -abs(c["score"]))
    else:
        ranked = sorted((c for c in candidates if c["score"] * direction > 0), key=lambda c: -c["score"] * direction)
    return ranked[:limit]


def compare_vendor(prediction: Prediction, evidence: list[dict], sentences: pd.DataFrame | list[dict],
                   vendor: Any) -> dict:
    """Compare warta's label with another platform's (``vendor["sentiment"]``) and say why they differ."""
    if not isinstance(vendor, dict) or not vendor.get("sentiment"):
        return dict(_NO_VENDOR)
    raw = str(vendor["sentiment"]).strip().lower()
    vendor_label = VENDOR_LABELS.get(raw, raw)
    confidence = _fraction(vendor.get("sentiment_confidence"))
    agrees = vendor_label == prediction.label
    result = {"vendor_label": vendor_label, "vendor_confidence": confidence, "agrees": agrees,
              "disagreement_reason": ""}
    if agrees:
        return result
    rows = _sentence_rows(sentences)
    stated = f" ({confidence:.1%})" if not math.isnan(confidence) else ""
    reason = [f"Vendor: {vendor_label}{stated}, with no evidence given. warta: {prediction.label} "
              f"(score {prediction.score:+.2f}, p={prediction.probability:.2f}); {_count(rows, 'negative')} negative, "
              f"{_count(rows, 'positive')} positive, {_count(rows, 'neutral')} neutral sentences."]
    if evidence:
        top = evidence[0]
        where = "title" if top["sentence_id"] == TITLE_SENTENCE_ID else f"sentence {top['sentence_id']}"
        reason.append(f"Strongest {prediction.label} evidence, {where}: “{_clip(top['text'])}” "
                      f"(cues: {', '.join(top['cues'][:5])}).")
    sign = {"positive": 1, "negative": -1}.get(vendor_label, 0)
    supporting = [(int(r["sentence_id"]), _cue_label(c)) for r in rows for c in r["cues"]
                  if sign and c["weight"] * sign > 0]
    if supporting:
        terms = ", ".join(dict.fromkeys(term for _, term in supporting))
        ids = ", ".join(str(i) for i in dict.fromkeys(i for i, _ in supporting))
        reason.append(f"{vendor_label.capitalize()} cues that may explain the vendor's label: {terms} "
                      f"(sentences {ids}).")
    elif sign:
        reason.append(f"warta finds no {vendor_label} cue to support the vendor's label.")
    result["disagreement_reason"] = " ".join(reason)
    return result


def evidence_table(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per (article, evidence sentence): the audit trail of every article label."""
    # Only the columns shown, as lists: a tuple of every column per article cost 1.4 s at 100k.
    heads = zip(*(articles[column].tolist() for column in ("article_id", "outlet", "label", "score", "probability")))
    rows = [(*head, item["sentence_id"], item["score"], ", ".join(item["cues"]), item["text"])
            for head, evidence in zip(heads, articles["evidence"].tolist()) for item in evidence]
    return pd.DataFrame(rows, columns=["article_id", "outlet", "label", "score", "probability", "sentence_id",
                                       "sentence_score", "cues", "text"])


def describe(articles: pd.DataFrame, *, z: float = 1.96) -> str:
    """A Markdown paragraph on the article labels, each share with its Wilson interval."""
    n = len(articles)
    if not n:
        return "No articles to score."
    parts = []
    for label in LABELS:
        k = int((articles["label"] == label).sum())
        low, high = wilson_interval(k, n, z)
        parts.append(f"**{k} {label}** ({k / n:.0%}; 95% interval {low:.0%}–{high:.0%})")
    text = f"{n} article{'s' if n != 1 else ''}: " + ", ".join(parts) + "."
    if n < 30:
        text += (f" With {n} articles the intervals are wide: read the shares as a description of this "
                 "batch, not as an estimate of coverage at large.")
    with_vendor = articles[articles["vendor_label"].fillna("") != ""]
    if len(with_vendor):
        agree = int(with_vendor["agrees"].astype(bool).sum())
        text += f" {len(with_vendor)} article(s) carry another platform's label; warta agrees with {agree}."
    return text


def wilson_interval(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval for a proportion k/n: honest for small n (n=0 gives (0, 1)).

    >>> [round(v, 3) for v in wilson_interval(4, 5)]
    [0.376, 0.964]
    """
    if n <= 0:
        return 0.0, 1.0
    if not 0 <= k <= n:
        raise ValueError(f"k={k} must be between 0 and n={n}")
    p = k / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    # The bounds hold the share itself: at k = 0 or k = n rounding left them a hair past it
    # (0 < 2.8e-17, 0.9999999999999999 < 1), and error bars of a hair below zero fail matplotlib.
    return min(max(0.0, centre - half), p), max(min(1.0, centre + half), p)


def label_shares(table: pd.DataFrame, *, by: str | Sequence[str] | None = None, label: str = "label",
                 z: float = 1.96) -> pd.DataFrame:
    """Share of each label (overall or per group) with its Wilson interval: k, n, share, low, high."""
    keys = [by] if isinstance(by, str) else list(by or [])
    # Counted on the key columns and one column per label: cutting each group out of the whole
    # table cost 0.2 s on the 366 days of 100k articles, 3.9 s by outlet and day.
    hit_columns = [f"_is_{name}" for name in LABELS]  # names no key column can take
    hits = pd.DataFrame({column: (table[label] == name).fillna(False).to_numpy(dtype=bool)
                         for column, name in zip(hit_columns, LABELS)}, index=table.index)
    if keys:
        grouped = pd.concat([table[keys], hits], axis=1).groupby(keys, sort=True, dropna=False)
        sizes = grouped.size()
        groups = zip(sizes.index, sizes.tolist(), grouped[hit_columns].sum().itertuples(index=False))
    else:
        groups = [((), len(table), hits.sum().tolist())]
    rows = []
    for key, n, found in groups:
        key = key if isinstance(key, tuple) else (key,)
        for name, k in zip(LABELS, map(int, found)):
            low, high = wilson_interval(k, n, z)
            rows.append({**dict(zip(keys, key)), "label": name, "k": k, "n": n,
                         "share": k / n if n else math.nan, "low": low, "high": high})
    return pd.DataFrame(rows, columns=[*keys, "label", "k", "n", "share", "low", "high"])


def _engine(engine: str | Engine | None) -> Engine:
    return engine if hasattr(engine, "predict") else load_engine(engine)


def _cue_label(cue: dict) -> str:
    """``khawatir (negated)``: a cue with the modifiers that set its sign."""
    return f"{cue['term']} ({', '.join(cue['modifiers'])})" if cue["modifiers"] else cue["term"]


def _normal_cdf(value: float) -> float:
    return 0.5 * (1 + math.erf(value / math.sqrt(2)))


def _group_cues(cues: list[Cue], spans: list[tuple[int, int]]) -> list[list[Cue]]:
    """Each sentence's cues: those that start inside its span, in order."""
    grouped: list[list[Cue]] = [[] for _ in spans]
    if not cues:
        return grouped
    starts = [start for start, _ in spans]
    cue_starts = list(map(_START, cues))
    # Every cue's sentence found by bisection in C; Python only files the cue.
    for cue, cue_start, index in zip(cues, cue_starts, map(bisect_right, repeat(starts), cue_starts)):
        if index and cue_start < spans[index - 1][1]:
            grouped[index - 1].append(cue)
    return grouped


class _Columns:
    """A sentence table held as column lists, read by row index (no per-row dicts)."""

    def __init__(self, sentences: pd.DataFrame | list[dict]) -> None:
        if isinstance(sentences, list):
            names = list(sentences[0]) if sentences else []
            self.columns = _LazyColumns({name: [row[name] for row in sentences] for name in names}, None)
        else:  # each column made a list the first time it is read (most are never read)
            self.columns = _LazyColumns({}, sentences)

    def get(self, name: str, default=None):
        return self.columns.get(name, default)

    def values(self, name: str, indexes: list[int]) -> list:
        column = self.columns[name]
        return [column[index] for index in indexes]

    def rows(self, indexes: list[int]) -> list[dict]:
        columns = [(name, self.columns.cells(name, indexes)) for name in self.columns.names()]
        return [{name: cells[at] for name, cells in columns} for at in range(len(indexes))]

    def evidence(self, indexes: list[int], scores: list[float], label: str, *, title: str, title_cues: Sequence[Cue],
                 title_score: float, limit: int) -> list[dict]:
        """:func:`evidence_sentences` of these rows: the same ranking, dicts built for the chosen few."""
        direction = {"positive": 1.0, "negative": -1.0}.get(label)
        cues = self.columns.terms()
        # Candidates in table order, the title (None) last, as evidence_sentences lists them;
        # sorted() is stable, so ties keep that order.
        if direction is None:
            chosen = [(-abs(float(score)), index) for index, score in zip(indexes, scores) if cues[index]]
            if title_cues:
                chosen.append((-abs(round(title_score, 4)), None))
        else:
            chosen = [(-float(score) * direction, index) for index, score in zip(indexes, scores)
                      if float(score) * direction > 0]
            if title_cues and round(title_score, 4) * direction > 0:
                chosen.append((-round(title_score, 4) * direction, None))
        ranked = sorted(chosen, key=_FIRST)[:limit]
        columns = self.columns
        return [{"sentence_id": int(columns["sentence_id"][index]), "text": columns["text"][index],
                 "label": columns["label"][index], "score": float(columns["score"][index]),
                 "cues": cues[index]} if index is not None else
                {"sentence_id": TITLE_SENTENCE_ID, "text": title, "label": "", "score": round(title_score, 4),
                 "cues": [cue.term for cue in title_cues]}
                for _, index in ranked]


class _LazyColumns(dict):
    """Column name → list of values, each list taken from ``frame`` when first asked for."""

    def __init__(self, columns: dict[str, list], frame: pd.DataFrame | None) -> None:
        super().__init__(columns)
        self.frame = frame
        self._terms: list[list[str]] | None = None

    def names(self) -> list[str]:
        return list(self) if self.frame is None else self.frame.columns.tolist()

    def cells(self, name: str, indexes: list[int]) -> list:
        """The values of column ``name`` at ``indexes``. An Arrow column's are taken alone: made
        a list whole, its nested cells would cost more than everything else read here."""
        if name not in self and self.frame is not None and isinstance(self.frame[name].dtype, pd.ArrowDtype):
            return self.frame[name].take(indexes).tolist()
        column = self[name]
        return [column[index] for index in indexes]

    def terms(self) -> list[list[str]]:
        """Each row's cue terms (:func:`cue_terms`; none without a ``cues`` column), found once."""
        if self._terms is None:
            cues = self.get("cues") if self.frame is None else (
                self.frame["cues"] if "cues" in self.frame.columns else None)
            self._terms = cue_terms(cues) if cues is not None else []
        return self._terms

    def __missing__(self, name: str) -> list:
        if self.frame is None or name not in self.frame.columns:
            raise KeyError(name)
        values = self[name] = self.frame[name].tolist()
        return values

    def get(self, name: str, default=None):
        try:
            return self[name]
        except KeyError:
            return default


def _sentence_rows(sentences: pd.DataFrame | list[dict]) -> list[dict]:
    if isinstance(sentences, list):
        return sentences
    if not len(sentences):
        return []
    # Column lists zipped into dicts: the same records as to_dict("records"), several times faster.
    names = sentences.columns.tolist()
    return [dict(zip(names, values)) for values in zip(*(sentences[name].tolist() for name in names))]


def _count(rows: list[dict], label: str) -> int:
    return sum(1 for row in rows if row["label"] == label)


def _speakers(quotes: pd.DataFrame | None) -> dict[tuple[str, int], str]:
    if quotes is None or not len(quotes) or "speaker_id" not in quotes:
        return {}
    return {(str(a), int(s)): str(p) for a, s, p in zip(quotes["article_id"], quotes["sentence_id"],
                                                          quotes["speaker_id"]) if isinstance(p, str) and p}


def _column(frame: pd.DataFrame, name: str) -> Iterable:
    return frame[name].tolist() if name in frame else [None] * len(frame)


def _records(frame: pd.DataFrame) -> list[dict]:
    return frame.to_dict("records")


def _fraction(value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return math.nan
    return number / 100 if number > 1 else number


def _clip(text: str, size: int = 160) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"
