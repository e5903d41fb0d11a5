"""Actor-level sentiment: what is said *about* an actor versus what the actor *says*.

In each sentence the actors split into holders and targets. Holders voice the sentence: the
speaker of a quote in it, or whoever is named before a stance or reporting word of its clause
("AS prihatin atas kerja sama Rusia–Korut", "Washington menuduh Pyongyang ...", or after a
postposed "..., kata Kirby"). Every other actor mentioned is a target. So that sentence counts
as negative *about* Rusia and Korut and as negative *voiced by* AS, and nothing about AS. A name
right after a place or object preposition (:data:`warta.text.NOT_SPEAKER_AFTER`: "kata Jokowi di
Demak", "Kirby mengatakan kepada Seoul") is where or to whom something was said: a target, never a
holder; so is one after the people who belong to it where they voice a hardship
(:data:`warta.text.HARDSHIP_STANCES`: "Warga Sumenep mengeluhkan kelangkaan elpiji" is the residents'
complaint, and bad news about Sumenep; "Warga Desa Wadas menolak ..." is the village's view too).

A target need not read the sentence as the sentence reads. Its role in it (:mod:`warta.sentiment.roles`)
turns the sentence's score into its own: "Polisi menangkap Budi, pelaku pencurian" is bad news that
is bad about Budi (the culprit, who reads badly however the sentence reads) and not about the police
(the agent, who takes none of its badness); a contest's loser reads badly and its winner well. A
culprit who voices a sentence is also what it is about. A sentence its engine labelled neutral
counts as 0 (its weak lean made no actor polar that the sentence itself was not).

Each side keeps its strongest sentences as evidence. A corpus row lists them whole (article,
sentence id, text, label, score, cues), since they come from many articles; an article row lists
only their sentence ids in its article, which ``sentiment_sentences`` holds whole. An article row
copying its sentences would repeat the sentence table (1.6 GB of evidence at 100k articles, about
30 s to save, read and export); :func:`actor_evidence` looks them up where they are needed.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from warta.runtime import collector_paused, first_rows, sorted_unique
from warta.sentiment.engines import LABELS, label_from_score, settings as engine_settings
from warta.sentiment.lexicon import HOLDER_KINDS, load_lexicon, stance_spans
from warta.sentiment.roles import CONTEST_TYPES, ROLES, load_role_words, role_scores, roles_of_sentences
from warta.sentiment.scoring import cue_terms, has_speaker, score_sentences_and_stances, wilson_interval
from warta.text import HARDSHIP_STANCES, MEMBERS_BEFORE, NOT_SPEAKER_AFTER, after_common_relative, word_before_in

try:  # the compiled holder rule (reference: sentence_holders); without a C compiler that runs
    from warta._tokens import holder_pairs as _batch_holders, stance_holders as _stance_holders
except ImportError:  # pragma: no cover - only without a C compiler (tests run both paths)
    _batch_holders = _stance_holders = None

ACTOR_COLUMNS = ["scope", "article_id", "actor_id", "name", "type", "n_sentences",
                 "about_label", "about_score", "about_probability", "about_n", "about_evidence", "about_roles",
                 "voiced_label", "voiced_score", "voiced_probability", "voiced_n", "voiced_evidence"]
# Holder clauses are wider than negation scopes: "Amerika Serikat (AS) mengatakan" is one clause.
_CLAUSE_BREAK = re.compile(r"[.,;:!?…\"“”\n]")
# Evidence sentences kept per actor and side.
_EVIDENCE = 5
# A side's label by code: the three sentence labels, and "" for a side without sentences.
_LABELS = np.array(["negative", "neutral", "positive", ""], dtype=object)
_LABEL_TEXT = pa.array(_LABELS.tolist(), type=pa.large_string())


def score_actors(articles: pd.DataFrame, *, mentions: pd.DataFrame, quotes: pd.DataFrame | None = None,
                 sentences: pd.DataFrame | None = None, stances: pd.DataFrame | None = None,
                 model: str | None = None) -> pd.DataFrame:
    """Sentiment about and voiced by each actor, per article (``scope="article"``) and over the
    corpus (``scope="corpus"``, ``article_id`` empty), each side with its evidence sentences: at
    most five, strongest first, as sentence dicts in a corpus row and as sentence ids in an
    article row (see the module docstring and :func:`actor_evidence`).

    ``sentences`` and ``stances`` are the tables of :func:`score_sentences_and_stances` (scored
    here when ``sentences`` is not given; ``stances`` found here when it is not given).

    Whole-batch and columnar: one (sentence, actor) row per actor named or quoted in a sentence,
    grouped per article and per actor with numpy. Only the holder test reads text, for each
    sentence that names an actor and has a stance word; evidence dicts are built for the (at
    most 5) sentences a corpus row keeps.
    """
    # Scoring allocates a few hundred thousand small acyclic dicts, lists and tuples; with the
    # collector on, each burst set off collections that walk every object of the (large) input
    # tables, about a fifth of the CPU at 10k articles.
    with collector_paused():
        return _score_actors(articles, mentions=mentions, quotes=quotes, sentences=sentences, stances=stances,
                             model=model)


def _score_actors(articles: pd.DataFrame, *, mentions: pd.DataFrame, quotes: pd.DataFrame | None,
                  sentences: pd.DataFrame | None, stances: pd.DataFrame | None, model: str | None) -> pd.DataFrame:
    """:func:`score_actors` with the collector paused."""
    if sentences is None:
        sentences, stances = score_sentences_and_stances(articles, model=model, quotes=quotes)
    if mentions is None or not len(mentions) or not len(sentences):
        return pd.DataFrame(columns=ACTOR_COLUMNS)
    speakers = _quote_speakers(quotes)
    # Article ids as integer codes shared by sentences, mentions and speakers: joins on integers,
    # and no Python string per mention (6M at 100k articles). The codes number the sentences'
    # articles in sentence order; a row of another article gets -1, which no sentence has, so
    # the joins on sentences drop it.
    stance_ids = stances["article_id"] if stances is not None else pd.Series([], dtype=str)
    sentence_articles = _arrow_text(sentences["article_id"].astype(str), combine=False)
    article = _codes([sentence_articles, mentions["article_id"], speakers["article_id"], stance_ids],
                     values=pc.unique(sentence_articles))
    in_mentions = slice(len(sentences), len(sentences) + len(mentions))
    in_speakers = slice(in_mentions.stop, in_mentions.stop + len(speakers))
    # Actor ids as integer codes too, numbered in id order (sorting by code sorts by id): the
    # millions of (sentence, actor) pairs are deduplicated, grouped and sorted as numbers.
    actor_columns = [_arrow_text(column.astype(str), combine=False)
                     for column in (mentions["actor_id"], speakers["actor"])]
    actor_ids = pc.drop_null(pc.unique(pa.chunked_array([pc.unique(column) for column in actor_columns],
                                                        type=pa.large_string())))
    # Arrow sorts text by its UTF-8 bytes: the order of code points, as Python's sort.
    actor_ids = actor_ids.take(pc.array_sort_indices(actor_ids))
    actor_code = _codes(actor_columns, values=actor_ids)
    actor_ids = actor_ids.to_numpy(zero_copy_only=False).astype(object)
    # ``pos`` numbers the sentence rows: the order every tie below keeps.
    keys = pd.DataFrame({"article": article[:len(sentences)],
                         "sentence_id": sentences["sentence_id"].astype("int64").to_numpy(),
                         "pos": np.arange(len(sentences))})
    # Frames of new arrays take them as they are (copy=False), with no copy into one block.
    found = pd.DataFrame({"article": article[in_mentions],
                          "sentence_id": mentions["sentence_id"].astype("int64").to_numpy(),
                          "start": mentions["start"].astype("int64").to_numpy(),
                          "end": mentions["end"].astype("int64").to_numpy(),
                          "actor": actor_code[:len(mentions)]}, copy=False)
    found = found.merge(keys, on=["article", "sentence_id"], how="inner", sort=False)
    quoted = (pd.DataFrame({"article": article[in_speakers], "sentence_id": speakers["sentence_id"].to_numpy(),
                            "actor": actor_code[len(mentions):]})
              .merge(keys, on=["article", "sentence_id"], how="inner")[["pos", "actor"]])
    if stances is not None:
        stances = pd.DataFrame({"article": article[in_speakers.stop:],
                                "sentence_id": stances["sentence_id"].astype("int64").to_numpy(),
                                "start": stances["start"].astype("int64").to_numpy(),
                                "end": stances["end"].astype("int64").to_numpy(),
                                "kind": stances["kind"].astype(str).to_numpy()})
        stances = stances.merge(keys, on=["article", "sentence_id"], how="inner", sort=False)
    # Quote speakers voice their sentence, and so do the holders found in its text.
    columns = _SentenceColumns(sentences)
    holders = _holder_pairs(load_lexicon(), sentences, found, stances, texts=columns.text)
    n_actors = max(len(actor_ids), 1)
    # One (sentence, actor) pair per number pos * n_actors + actor: unique and sorted by sentence.
    named = sorted_unique(np.concatenate([_pair_keys(found, n_actors), _pair_keys(quoted, n_actors)]))
    if not len(named):
        return pd.DataFrame(columns=ACTOR_COLUMNS)
    voicing = sorted_unique(np.concatenate([_pair_keys(quoted, n_actors), _pair_keys(holders, n_actors)]))
    at = np.minimum(np.searchsorted(voicing, named), max(len(voicing) - 1, 0))
    voiced = voicing[at] == named if len(voicing) else np.zeros(len(named), dtype=bool)
    pos, actor = np.divmod(named, n_actors)
    article = keys["article"].to_numpy()[pos]
    # An (article, actor) group is placed by its first sentence; the corpus lists an actor's
    # sentences group after group in that order, as a running list over the sentences would.
    # (The pairs are in sentence order, so a group's first row holds its first sentence.)
    _, first_row, group = np.unique(article * n_actors + actor, return_index=True, return_inverse=True)
    first = pos[first_row][group.reshape(-1)]
    names = _actor_names(mentions, actor_code[:len(mentions)], actor_ids)
    role = _pair_roles(sentences, found, names[1], named, n_actors, texts=columns.text)
    scopes = []
    # Pairs come in sentence order, so a stable sort by group keys keeps that order within a group.
    for scope, order in (("corpus", _stable_order(actor, first)), ("article", _stable_order(first, actor))):
        group_keys = [first[order], actor[order]] if scope == "article" else [actor[order]]
        scopes.append(_scope_table(scope, pos[order], actor[order], voiced[order], role[order], group_keys, columns))
    # Corpus rows first, then by sentences (most first) and actor id; ties keep their order. Sorted
    # as numbers (actor codes sort like the ids) and taken from plain arrays before the frame is
    # built: sorting the frame took each Arrow text column again.
    rows = np.concatenate([np.full(len(table["n_sentences"]), rank) for rank, table in enumerate(scopes)])
    order = np.lexsort((np.concatenate([table["actor_id"] for table in scopes]),
                        -np.concatenate([table["n_sentences"] for table in scopes]), rows))
    # Text columns are codes until here: each becomes Arrow text in one take from its few distinct
    # values (the article ids: the sentences' own column), with no Python str per row.
    text = lambda values: pa.array(values, type=pa.large_string())  # noqa: E731
    texts = {"scope": text(["corpus", "article"]), "article_id": columns.article_ids_and_none,
             "actor_id": text(actor_ids), "name": text(names[0]), "type": text(names[1]),
             "about_label": _LABEL_TEXT, "voiced_label": _LABEL_TEXT}
    table = {name: np.concatenate([scope[name] for scope in scopes])[order] for name in ACTOR_COLUMNS}
    for name, values in texts.items():
        table[name] = pd.array(values.take(pa.array(table[name])), dtype="str")
    table["about_roles"] = pd.array(table["about_roles"], dtype="str")
    return pd.DataFrame(table, columns=ACTOR_COLUMNS, copy=False)


def _stable_order(major: np.ndarray, minor: np.ndarray) -> np.ndarray:
    """``np.lexsort((np.arange(n), minor, major))`` for non-negative integer keys: one stable sort
    of one combined key instead of three passes (the 6.3M pairs of 100k articles: 0.48 and 0.55 s
    by lexsort, 0.39 and 0.12 s)."""
    span = int(minor.max(initial=0)) + 1
    if int(major.max(initial=0)) >= (2**62) // span:  # the combined key would overflow
        return np.lexsort((np.arange(len(major)), minor, major))
    return np.argsort(major.astype(np.int64) * span + minor, kind="stable")


def _pair_keys(pairs: pd.DataFrame, n_actors: int) -> np.ndarray:
    """Each (pos, actor) row of ``pairs`` as one number, ``pos * n_actors + actor``."""
    return pairs["pos"].to_numpy(dtype=np.int64) * n_actors + pairs["actor"].to_numpy(dtype=np.int64)


class _SentenceColumns:
    """The sentence columns actor scoring reads, as arrays by sentence position."""

    def __init__(self, sentences: pd.DataFrame) -> None:
        # Text columns stay Arrow: only the few rows read are made Python strs (see take_text).
        self.article_id = _arrow_text(sentences["article_id"].astype(str))
        # The article ids with "" after them: a corpus row's article id by code len(sentences).
        self.article_ids_and_none = pa.concat_arrays([self.article_id, pa.array([""], self.article_id.type)])
        self.sentence_id = sentences["sentence_id"].astype("int64").to_numpy()
        self.score = sentences["score"].astype(float).to_numpy()
        self.probability = sentences["probability"].astype(float).to_numpy()
        # A label other than the three (none an engine gives) agrees with no group's label.
        self.label_code = pd.Categorical(sentences["label"], categories=_LABELS[:3]).codes
        self.label = _arrow_text(sentences["label"])
        self.text = _arrow_text(sentences["text"], combine=False)  # only some rows are read
        self.cues = _arrow_cells(sentences["cues"])
        self._items = np.empty(len(sentences), dtype=object)
        self._built = np.zeros(len(sentences), dtype=bool)

    def items(self, positions: np.ndarray) -> list[dict[str, Any]]:
        """Evidence entries of these sentence positions, each built once however many actors cite it."""
        needed = sorted_unique(positions[~self._built[positions]])
        if len(needed):
            cues = self.cues[needed] if isinstance(self.cues, np.ndarray) else take_rows(self.cues, needed)
            self._items[needed] = [
                {"article_id": article_id, "sentence_id": sentence_id, "text": text, "label": label,
                 "score": score, "cues": terms}
                for article_id, sentence_id, text, label, score, terms in zip(
                    take_text(self.article_id, needed), self.sentence_id[needed].tolist(),
                    take_text(self.text, needed), take_text(self.label, needed), self.score[needed].tolist(),
                    cue_terms(cues))]
            self._built[needed] = True
        return self._items[positions].tolist()


def _arrow_text(column: pd.Series, *, combine: bool = True) -> pa.Array | pa.ChunkedArray:
    """A text column as Arrow strings: its own buffers when it is Arrow text. ``combine``: as one
    array (a copy when it has several chunks), for takes of many rows in any order."""
    values = column.array
    if isinstance(values, pd.arrays.ArrowStringArray) or (
            isinstance(values, pd.arrays.ArrowExtensionArray) and pa.types.is_large_string(values.dtype.pyarrow_dtype)):
        chunked = values.__arrow_array__()
        return chunked.combine_chunks() if combine and isinstance(chunked, pa.ChunkedArray) else chunked
    return pa.array(column.tolist(), type=pa.large_string())


def _codes(columns: list[pd.Series | pa.Array | pa.ChunkedArray], *, values: pa.Array) -> np.ndarray:
    """Each text cell of ``columns``, one column after another, as its position in ``values``
    (-1 where it is not there or missing): a hash look-up per column in Arrow, with no copy of
    the columns' text joined together (0.3 GB for the 11M article ids of 100k articles)."""
    codes = [pc.index_in(column if isinstance(column, (pa.Array, pa.ChunkedArray))
                         else _arrow_text(column.astype(str), combine=False), value_set=values)
             for column in columns]
    return np.concatenate([found.fill_null(-1).to_numpy().astype(np.int64) for found in codes]) if codes \
        else np.zeros(0, dtype=np.int64)


def _arrow_cells(column: pd.Series) -> pa.Array | pa.ChunkedArray | np.ndarray:
    """A nested column's Arrow cells as they are when it is Arrow, else its object cells as an array."""
    if isinstance(column.dtype, pd.ArrowDtype):
        return column.array.__arrow_array__()
    return column.to_numpy()


def take_rows(values: pa.Array | pa.ChunkedArray, positions: np.ndarray) -> pa.Array:
    """``values.take(positions)`` as one array. From a column of many chunks (one per cache part)
    each chunk that holds some of the rows is taken from alone: a take over the chunked column
    costs 10x as much, and combining its chunks first copies the whole column (the sentence
    texts of 100k articles: 0.3 GB, for the few rows read)."""
    positions = np.asarray(positions, dtype=np.int64)
    if not isinstance(values, pa.ChunkedArray) or values.num_chunks == 1:
        values = values.chunk(0) if isinstance(values, pa.ChunkedArray) else values
        return values.take(pa.array(positions, type=pa.int64()))
    bounds = np.cumsum([0, *map(len, values.chunks)])
    if len(positions) and (positions.min() < 0 or positions.max() >= bounds[-1]):
        raise IndexError(f"row positions outside the column's {bounds[-1]} rows")
    in_order = bool(np.all(positions[1:] >= positions[:-1]))
    order = np.arange(len(positions)) if in_order else np.argsort(positions, kind="stable")
    ordered = positions[order]
    cuts = np.searchsorted(ordered, bounds).tolist()
    pieces = [values.chunk(chunk).take(pa.array(ordered[begin:end] - bounds[chunk], type=pa.int64()))
              for chunk, (begin, end) in enumerate(zip(cuts[:-1], cuts[1:])) if end > begin]
    taken = pa.concat_arrays(pieces) if pieces else pa.array([], type=values.type)
    if in_order:
        return taken
    back = np.empty(len(order), dtype=np.int64)
    back[order] = np.arange(len(order))
    return taken.take(pa.array(back))


def take_text(values: pa.Array | pa.ChunkedArray, positions: np.ndarray) -> list:
    """The cells of an Arrow text column at ``positions``, as a list of Python strs (None where missing)."""
    return take_rows(values, positions).to_pylist()


def _scope_table(scope: str, pos: np.ndarray, actor: np.ndarray, voiced: np.ndarray, role: np.ndarray,
                 group_keys: list[np.ndarray], columns: _SentenceColumns) -> dict[str, np.ndarray]:
    """One row per run of (sentence, actor) pairs with equal ``group_keys``: both sides' figures,
    as a column array per name of ``ACTOR_COLUMNS``. Text columns are codes: ``scope`` 0 (corpus)
    or 1, ``article_id`` a sentence position (the number of sentences for none), ``actor_id``, ``name``
    and ``type`` the actor code, labels codes into ``_LABELS``. ``pos``, ``actor`` (actor codes),
    ``voiced`` and ``role`` (codes into ``roles.ROLES``, -1 for none) describe the pairs, in group
    order. A culprit who voices a sentence ("Tersangka X mengatakan ...") is also what it is about."""
    change = np.zeros(len(pos), dtype=bool)
    change[0] = True
    for value in group_keys:
        change[1:] |= value[1:] != value[:-1]
    group = np.cumsum(change) - 1
    starts = np.flatnonzero(change)
    n_groups = len(starts)
    codes = actor[starts]
    table: dict[str, np.ndarray] = {
        "scope": np.full(n_groups, int(scope == "article")),
        "article_id": pos[starts] if scope == "article" else np.full(n_groups, len(columns.sentence_id)),
        "actor_id": codes,
        "name": codes,
        "type": codes,
        "n_sentences": np.bincount(group, minlength=n_groups),
    }
    about = ~voiced | (role == ROLES.index("culprit"))
    for side, mask, roles in (("about", about, role[about]), ("voiced", voiced, None)):
        found = _side(group[mask], pos[mask], n_groups, columns, by_id=scope == "article", roles=roles)
        found["evidence"] = np.fromiter(found["evidence"], dtype=object, count=n_groups)
        table |= {f"{side}_{key}": np.asarray(value) for key, value in found.items()}
    return table


def _side(group: np.ndarray, pos: np.ndarray, n_groups: int, columns: _SentenceColumns, *,
          by_id: bool = False, roles: np.ndarray | None = None) -> dict[str, Any]:
    """Label, mean score, probability, count and evidence of each group's sentences (see
    :func:`aggregate`); ``group`` is non-decreasing and each group's rows are in item order.
    ``by_id``: evidence as sentence ids (an article's rows), not sentence dicts. ``roles``: each
    row's role code (-1 for none): a sentence counts for an actor with a role as
    :func:`warta.sentiment.roles.role_scores` reads it, and its probability where that moved its label
    is a coin's (0.5)."""
    n = np.bincount(group, minlength=n_groups)
    present = n > 0
    band = float(engine_settings().get("score_neutral_band", 0.2))
    scores, sentence_label, moved = _read_for_actors(columns.label_code[pos], columns.score[pos], roles, band)
    probability = columns.probability[pos]
    if moved is not None:
        probability = np.where(moved, 0.5, probability)
    mean = np.full(n_groups, np.nan)
    mean[present] = _ordered_sums(scores, group, n_groups)[present] / n[present]
    # Labels as codes into _LABELS while millions of sentences are compared with their group's.
    label = _label_codes(mean, band)
    label[~present] = 3
    agree = np.where(sentence_label == label[group], probability, (1 - probability) / 2)
    share = np.full(n_groups, np.nan)
    share[present] = _ordered_sums(agree, group, n_groups)[present] / n[present]
    # The strongest sentences first (|score|, ties in item order), at most _EVIDENCE per group.
    order = np.lexsort((np.arange(len(group)), -np.abs(scores), group))
    # group[order] is group itself (it is sorted): each row's rank is its place after its group's start.
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]]) if len(group) else np.zeros(0, np.int64)
    rank = np.arange(len(group)) - np.repeat(starts, np.diff(np.r_[starts, len(group)]))
    kept = order[rank < _EVIDENCE]
    items = columns.sentence_id[pos[kept]].tolist() if by_id else columns.items(pos[kept])
    # ``kept`` runs group after group, so group g's items are one slice (an empty one: a new []).
    bounds = np.r_[0, np.cumsum(np.bincount(group[kept], minlength=n_groups))].tolist()
    evidence = [items[begin:end] for begin, end in zip(bounds[:-1], bounds[1:])]
    found = {"label": label, "score": _round4(mean), "probability": _round4(share), "n": n, "evidence": evidence}
    if roles is not None:
        found["roles"] = _evidence_roles(roles[kept], group[kept], n_groups)
    return found


def _evidence_roles(codes: np.ndarray, group: np.ndarray, n_groups: int) -> np.ndarray:
    """Each group's evidence roles as one string, aligned with its evidence ("culprit,-,agent":
    "-" where a sentence gives the actor no role), and "" where none does: one shared empty
    string for the many groups without a role, a joined string for the few with one."""
    text = np.full(n_groups, "", dtype=object)
    with_role = np.unique(group[codes >= 0])
    names = np.array(["-", *ROLES], dtype=object)[codes.astype(np.int64) + 1]
    starts = np.searchsorted(group, with_role, side="left")
    ends = np.searchsorted(group, with_role, side="right")
    text[with_role] = [",".join(names[begin:end]) for begin, end in zip(starts.tolist(), ends.tolist())]
    return text


def _read_for_actors(label_code: np.ndarray, score: np.ndarray, roles: np.ndarray | None,
                     band: float) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """How sentences read for the actors in them: each row's score and label code, and where a
    role moved the label (None where no row has a role). A sentence its engine labelled neutral
    counts as 0: a weak lean the engine did not call (a lexicon sum inside its threshold scores up
    to ±0.36) makes no actor polar. A role reads it as :func:`role_scores` says."""
    scores = np.where(label_code == 1, 0.0, score)
    if roles is None or not (roles >= 0).any():
        return scores, label_code, None
    scores = role_scores(roles, scores, band)
    moved = (roles >= 0) & (_label_codes(scores, band) != label_code)
    return scores, np.where(moved, _label_codes(scores, band), label_code), moved


def _label_codes(scores: np.ndarray, band: float) -> np.ndarray:
    """Scores as label codes into ``_LABELS``, as :func:`label_from_score` labels them."""
    return np.where(scores >= band, 2, np.where(scores <= -band, 0, 1))


def _round4(values: np.ndarray) -> np.ndarray:
    """``round(x, 4)`` of each value: numpy's multiply-and-rint agrees with Python's correctly
    rounded ``round`` except next to a half, where Python decides."""
    out = np.round(values, 4)
    scaled = values * 1e4
    near = np.abs(scaled - np.floor(scaled) - 0.5) < 1e-6
    if near.any():
        out[near] = [round(x, 4) for x in values[near].tolist()]
    return out


def _ordered_sums(values: np.ndarray, group: np.ndarray, n_groups: int) -> np.ndarray:
    """Each group's sum added left to right, as ``sum()`` over its items does: numpy's pairwise
    and pandas' compensated sums can differ in the last bit, which may move a mean across the
    neutral band's edge."""
    sums = np.zeros(n_groups)
    if not len(values):
        return sums
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    sizes = np.diff(np.r_[starts, len(group)])
    ids = group[starts]
    big = sizes > 64
    for start, size, gid in zip(starts[big].tolist(), sizes[big].tolist(), ids[big].tolist()):
        sums[gid] = sum(values[start:start + size].tolist())
    by_size = np.argsort(-sizes[~big], kind="stable")
    starts, sizes, ids = starts[~big][by_size], sizes[~big][by_size], ids[~big][by_size]
    totals = np.zeros(len(ids))
    for k in range(int(sizes[0]) if len(sizes) else 0):
        live = int(np.searchsorted(-sizes, -k, side="left"))  # groups with more than k items
        totals[:live] += values[starts[:live] + k]
    sums[ids] = totals
    return sums


def _holder_pairs(lexicon, sentences: pd.DataFrame, found: pd.DataFrame,
                  stances: pd.DataFrame | None = None, *, texts: pa.Array | None = None) -> pd.DataFrame:
    """(pos, actor) for each actor that voices a sentence it is named in (:func:`sentence_holders`).

    ``stances``: the sentences' stance and reporting words, ``pos`` with body offsets ``start``
    and ``end`` and ``kind``; None scans the sentences for them here. ``texts``: the sentences'
    texts as an Arrow column (:func:`_arrow_text`), when the caller has it: only the sentences
    with a stance word are made Python strs.
    """
    if not len(found):
        return pd.DataFrame({"pos": np.array([], dtype="int64"), "actor": np.array([], dtype=object)})
    if texts is None:
        texts = _arrow_text(sentences["text"], combine=False)
    found = found.sort_values("pos", kind="stable")  # a sentence's mentions in table order
    pos = found["pos"].to_numpy()
    starts = np.flatnonzero(np.r_[True, pos[1:] != pos[:-1]])
    ends = np.r_[starts[1:], len(pos)]
    named = pos[starts]  # each sentence that names an actor, once
    offsets = sentences["start"].to_numpy()
    if stances is None:
        texts = take_text(texts, named)
        # Stance and reporting words of all those sentences in a few joined scans (not one per sentence).
        words = lexicon.modifier_spans_of(texts, kinds=HOLDER_KINDS)
        kept = np.array([index for index, sentence_words in enumerate(words) if sentence_words], dtype=np.int64)
        words = [words[index] for index in kept.tolist()]
        texts = [texts[index] for index in kept.tolist()]
    else:
        # Only the named sentences with a stance word need their text read and their clauses found.
        at = np.minimum(np.searchsorted(named, stances["pos"].to_numpy()), len(named) - 1)
        stances = stances[named[at] == stances["pos"].to_numpy()].sort_values(["pos", "start"], kind="stable")
        stance_pos = stances["pos"].to_numpy()
        first = np.searchsorted(stance_pos, named, side="left")
        last = np.searchsorted(stance_pos, named, side="right")
        kept = np.flatnonzero(last > first)
        # (Tests turn the compiled rule off through _stance_holders: both come from one module.)
        if _stance_holders is not None and found["actor"].dtype.kind in "iu":
            stance_bounds = np.r_[first[kept], last[kept][-1] if len(kept) else 0]
            return _holders_compiled(take_text(texts, named[kept]), named[kept], offsets, stances, stance_bounds,
                                     found, starts[kept], ends[kept])
        sentence_start = offsets[stance_pos]  # the words' offsets become the sentence's
        spans = list(zip((stances["start"].to_numpy() - sentence_start).tolist(),
                         (stances["end"].to_numpy() - sentence_start).tolist(), stances["kind"].tolist()))
        words = [spans[begin:stop] for begin, stop in zip(first[kept].tolist(), last[kept].tolist())]
        texts = take_text(texts, named[kept])
    sentence_pos = named[kept]
    # The mentions of those sentences only, as (start, end, actor), and each sentence's slice of them.
    sizes = (ends - starts)[kept]
    in_kept = np.zeros(len(named), dtype=bool)
    in_kept[kept] = True
    in_kept = np.repeat(in_kept, ends - starts)  # per mention row
    mention_spans = list(zip(found["start"].to_numpy()[in_kept].tolist(), found["end"].to_numpy()[in_kept].tolist(),
                             found["actor"].to_numpy()[in_kept].tolist()))
    bounds = np.cumsum(sizes).tolist()
    rows_pos: list[int] = []
    rows_actor: list[str] = []
    for p, text, offset, sentence_words, begin, stop in zip(sentence_pos.tolist(), texts, offsets[sentence_pos].tolist(),
                                                             words, [0, *bounds[:-1]], bounds):
        holders = (_stance_holders(text, offset, mention_spans[begin:stop], sentence_words, NOT_SPEAKER_AFTER,
                                    HARDSHIP_STANCES, _MEMBERS_BEFORE)
                   if _stance_holders is not None
                   else sentence_holders(lexicon, text, offset, mention_spans[begin:stop], stances=sentence_words))
        for actor in holders:
            rows_pos.append(p)
            rows_actor.append(actor)
    return pd.DataFrame({"pos": np.array(rows_pos, dtype="int64"), "actor": np.array(rows_actor, dtype=object)})


def _pair_roles(sentences: pd.DataFrame, found: pd.DataFrame, actor_types: np.ndarray, named: np.ndarray,
                n_actors: int, *, texts: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """The role code (into ``roles.ROLES``, -1 for none) of each (sentence, actor) pair of
    ``named`` (numbers ``pos * n_actors + actor``, sorted). ``found``: the mention rows (pos,
    start, end, actor code); ``actor_types`` by actor code. Only the sentences that name an actor
    of a type that plays roles and hold a role word (one Arrow regex test over the texts: 0.9 s
    over the 2M sentences of 100k articles) are read in Python (about 43 us each; some 5% of
    real news sentences: benchmarks/bench_roles.py)."""
    role = np.full(len(named), -1, dtype=np.int8)
    if not len(found):
        return role
    words = load_role_words()
    pos = found["pos"].to_numpy(dtype=np.int64)
    actor = found["actor"].to_numpy(dtype=np.int64)
    plays = np.array([kind in CONTEST_TYPES for kind in actor_types.tolist()], dtype=bool)  # by actor code
    named_player = np.zeros(len(sentences), dtype=bool)  # sentences naming an actor that plays roles
    named_player[pos[plays[actor]]] = True
    if not named_player.any():
        return role
    # Over the whole column, not a take of those sentences (most of them): the take copied 0.3 GB
    # of text at 100k articles and cost as much as the test itself (about 0.9 s).
    holds = pc.match_substring_regex(texts, pattern=words.gate).fill_null(False)
    read = np.flatnonzero(np.asarray(holds.to_numpy(zero_copy_only=False), dtype=bool) & named_player)
    if not len(read):
        return role
    chosen = np.zeros(len(sentences), dtype=bool)
    chosen[read] = True
    rows = np.flatnonzero(chosen[pos])
    rows = rows[np.argsort(pos[rows], kind="stable")]
    bounds = np.searchsorted(pos[rows], read, side="left").tolist() + [len(rows)]
    offsets = sentences["start"].to_numpy(dtype=np.int64)[read]
    starts = found["start"].to_numpy(dtype=np.int64)[rows]
    ends = found["end"].to_numpy(dtype=np.int64)[rows]
    spans = list(zip(starts.tolist(), ends.tolist(), actor[rows].tolist(), actor_types[actor[rows]].tolist()))
    mentions = [[(start - offset, end - offset, code, kind) for start, end, code, kind in spans[begin:stop]]
                for offset, begin, stop in zip(offsets.tolist(), bounds[:-1], bounds[1:])]
    keys, codes = [], []
    for p, found_roles in zip(read.tolist(), roles_of_sentences(take_text(texts, read), mentions, words=words)):
        for code, name in found_roles.items():
            keys.append(p * n_actors + code)
            codes.append(ROLES.index(name))
    if keys:
        at = np.searchsorted(named, np.array(keys, dtype=np.int64))
        role[at] = codes
    return role


def _holders_compiled(texts: list[str], sentence_pos: np.ndarray, offsets: np.ndarray, stances: pd.DataFrame,
                      stance_bounds: np.ndarray, found: pd.DataFrame, mention_first: np.ndarray,
                      mention_last: np.ndarray) -> pd.DataFrame:
    """:func:`_holder_pairs` of the sentences at ``sentence_pos`` in one compiled pass
    (``_tokens.holder_pairs``): each has the stance rows ``stance_bounds[i]:stance_bounds[i + 1]``
    (sorted by pos, every row in one of these sentences) and the mention rows
    ``mention_first[i]:mention_last[i]`` of ``found`` (sorted by pos), whose actors are integers."""
    sizes = mention_last - mention_first
    # The kept sentences' mention rows, in order: each sentence's run of rows, one after another.
    rows = np.repeat(mention_first - np.r_[0, np.cumsum(sizes)[:-1]], sizes) + np.arange(int(sizes.sum()))
    as_int = dict(dtype=np.int64)
    pos, actor = _batch_holders(
        texts, np.ascontiguousarray(offsets[sentence_pos], **as_int), np.ascontiguousarray(sentence_pos, **as_int),
        np.ascontiguousarray(stance_bounds, **as_int), stances["start"].to_numpy(**as_int),
        stances["end"].to_numpy(**as_int), np.r_[0, np.cumsum(sizes)].astype(np.int64),
        found["start"].to_numpy(**as_int)[rows], found["actor"].to_numpy(**as_int)[rows], NOT_SPEAKER_AFTER,
        HARDSHIP_STANCES, _MEMBERS_BEFORE)
    return pd.DataFrame({"pos": pos, "actor": actor})


def _actor_names(mentions: pd.DataFrame, codes: np.ndarray, actor_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each actor's name and type by actor code, from its first mention (``codes``: the mentions'
    actor codes); an actor never mentioned (only quoted) has its id for a name and no type."""
    name = actor_ids.copy()
    kind = np.full(len(actor_ids), "", dtype=object)
    first = first_rows(codes, np.arange(len(codes)), len(actor_ids))
    present = np.flatnonzero(first >= 0)
    first = first[present]
    name[present] = (mentions["name"] if "name" in mentions.columns else mentions["actor_id"]).iloc[first].to_numpy(
        dtype=object)
    if "type" in mentions.columns:
        kind[present] = mentions["type"].iloc[first].to_numpy(dtype=object)
    return name, kind


# English copy names the residents before the place's "of" ("Residents of Bekasi complained ...").
_MEMBERS_BEFORE = MEMBERS_BEFORE | {"of"}


def sentence_holders(lexicon, text: str, offset: int, found: list[tuple[int, int, str]], *,
                     stances: list[tuple[int, int, str]] | None = None,
                     blocked_after: frozenset[str] = NOT_SPEAKER_AFTER,
                     hardship: frozenset[str] = HARDSHIP_STANCES,
                     members_before: frozenset[str] = _MEMBERS_BEFORE) -> set[str]:
    """Actors in one sentence who voice it (see the module docstring). Offsets are into the body.

    ``stances``: the sentence's ``stance_spans``, when the caller has them already. A mention
    right after one of ``blocked_after`` holds nothing; where a stance word is one of ``hardship``,
    neither does one right after one of ``members_before`` (the residents voice it).
    """
    holders: set[str] = set()
    if not found:
        return holders
    if stances is None:
        stances = stance_spans(lexicon, text)
    if not stances:  # most sentences: no clause needs finding
        return holders
    if any(text[start:end].lower() in hardship for start, end, _kind in stances):
        blocked_after = blocked_after | members_before
    found = [mention for mention in found if not word_before_in(text, mention[0] - offset, blocked_after)]
    # Every clause break once (each is one character), then each stance word's clause by bisection.
    breaks = [match.start() for match in _CLAUSE_BREAK.finditer(text)]
    first_clause_end = offset + (breaks[0] if breaks else len(text))
    for start, end, _kind in stances:
        if after_common_relative(text, start):
            continue  # "pengemudi angkot yang menolak ...": the common noun holds it, not a name before
        before_start = bisect_left(breaks, start)
        clause_start = offset + (breaks[before_start - 1] + 1 if before_start else 0)
        after_end = bisect_left(breaks, end)
        clause_end = offset + (breaks[after_end] if after_end < len(breaks) else len(text))
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


EVIDENCE_COLUMNS = ["scope", "actor_id", "name", "side", "side_label", "rank", "article_id", "sentence_id", "text",
                    "label", "score", "role", "actor_label", "actor_score", "cues"]


def actor_evidence(actors: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per evidence sentence of each actor row and side: the audit trail of the actor
    labels, with each sentence's text, label, score and cue terms, the actor's role in it
    ("" for none) and the label and score the sentence gives the actor for it (the sentence's
    own where the actor plays no role: see :mod:`warta.sentiment.roles`). Rows follow
    ``actors``, the ``about`` side first, each side's sentences strongest first (``rank`` 0).

    ``actors`` is a :func:`score_actors` table (or some of its rows); ``sentences`` the sentence
    table it was scored from, where an article row's sentence ids are looked up. ``article_id``
    is the sentence's article (a corpus row's evidence spans articles).
    """
    parts = []
    actors = actors.reset_index(drop=True)
    for side_order, side in enumerate(("about", "voiced")):
        frame = actors[["scope", "article_id", "actor_id", "name", f"{side}_label", f"{side}_evidence"]]
        frame = frame.rename(columns={f"{side}_label": "side_label", f"{side}_evidence": "entry"})
        roles = actors[f"{side}_roles"] if f"{side}_roles" in actors else pd.Series("", index=actors.index)
        frame = frame.assign(role=[text.split(",") if text else [""] * len(entries)
                                   for text, entries in zip(roles.fillna("").tolist(), frame["entry"].tolist())])
        frame = frame.explode(["entry", "role"]).dropna(subset=["entry"])
        parts.append(frame.assign(side=side, rank=frame.groupby(level=0).cumcount(), row=frame.index,
                                  side_order=side_order))
    frame = pd.concat(parts, ignore_index=True)
    if not len(frame):
        return pd.DataFrame(columns=EVIDENCE_COLUMNS)
    whole = frame["entry"].map(lambda entry: isinstance(entry, dict)).to_numpy(dtype=bool)
    # A corpus row carries its sentences whole; an article row's ids are looked up in ``sentences``.
    carried = frame[whole].drop(columns="article_id").reset_index(drop=True)
    carried = carried.join(pd.DataFrame(carried["entry"].tolist()))
    by_id = frame[~whole].assign(sentence_id=frame["entry"][~whole].astype("int64"))
    if len(by_id):  # cue terms only for the sentences cited: a batch's sentences are millions
        found = sentences[["article_id", "sentence_id", "text", "label", "score", "cues"]].astype({"sentence_id": "int64"})
        by_id = by_id.merge(found, on=["article_id", "sentence_id"], how="left")
        by_id = by_id.assign(cues=cue_terms(by_id["cues"]))
    table = pd.concat([carried, by_id], ignore_index=True)
    table = table.sort_values(["row", "side_order", "rank"], kind="stable", ignore_index=True)
    return _read_for_actor(table)[EVIDENCE_COLUMNS]


def _read_for_actor(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with its ``role`` as the role's name ("" for none) and the actor's label and score
    for each sentence, as ``_side`` counted them."""
    role = table["role"].fillna("").replace("-", "").astype(str)
    codes = np.array([ROLES.index(name) if name else -1 for name in role.tolist()], dtype=np.int64)
    band = float(engine_settings().get("score_neutral_band", 0.2))
    label = pd.Categorical(table["label"], categories=_LABELS[:3]).codes
    actor_score, actor_code, moved = _read_for_actors(label, table["score"].astype(float).to_numpy(), codes, band)
    actor_label = table["label"].to_numpy(dtype=object)
    if moved is not None:
        actor_label = np.where(moved, _LABELS[actor_code], actor_label)
    return table.assign(role=role, actor_label=actor_label, actor_score=actor_score)


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


HEADLINE_TONE_COLUMNS = ["actor_id", "name", "type", "headlines", "negative", "neutral", "positive", "mean_score"]


def headline_tone(headlines: pd.DataFrame, articles: pd.DataFrame, *, top_n: int | None = None) -> pd.DataFrame:
    """How the headlines that name each actor read: one row per actor, with the number of headlines
    naming it, how many of them are negative, neutral and positive, and their mean score, most
    headlines first (then ``actor_id``).

    ``headlines`` is :func:`warta.actors.headline_actors`; ``articles`` the article sentiment table
    (:func:`warta.sentiment.score_articles`), whose ``headline_label`` and ``headline_score`` are
    the headline's own. A headline counts once per actor.
    """
    tone = articles[["article_id", "headline_label", "headline_score"]].drop_duplicates("article_id")
    named = (headlines.drop_duplicates(["article_id", "actor_id"])[["article_id", "actor_id", "name", "type"]]
             .astype({"article_id": str}).merge(tone.astype({"article_id": str}), on="article_id", how="inner"))
    named = named[named["headline_label"].isin(LABELS)]
    if named.empty:
        return pd.DataFrame(columns=HEADLINE_TONE_COLUMNS)
    counts = pd.crosstab(named["actor_id"], named["headline_label"]).reindex(columns=list(LABELS), fill_value=0)
    first = named.drop_duplicates("actor_id").set_index("actor_id")
    table = pd.DataFrame({"actor_id": counts.index, "name": first.loc[counts.index, "name"].to_numpy(),
                          "type": first.loc[counts.index, "type"].to_numpy(),
                          "headlines": counts.sum(axis=1).to_numpy(),
                          **{label: counts[label].to_numpy() for label in LABELS},
                          "mean_score": named.groupby("actor_id")["headline_score"].mean().loc[counts.index]
                          .round(4).to_numpy()})
    table = table.sort_values(["headlines", "actor_id"], ascending=[False, True], ignore_index=True)
    return (table.head(top_n) if top_n else table).loc[:, HEADLINE_TONE_COLUMNS]


def aggregate(items: list[dict]) -> tuple[str, float, float]:
    """Label a set of sentences by their mean score; probability = mean per-sentence P(that label)."""
    if not items:
        return "", float("nan"), float("nan")
    score = sum(item["score"] for item in items) / len(items)
    label = label_from_score(score)
    probability = sum(item["probability"] if item["label"] == label else (1 - item["probability"]) / 2
                      for item in items) / len(items)
    return label, round(score, 4), round(probability, 4)


def _quote_speakers(quotes: pd.DataFrame | None) -> pd.DataFrame:
    """(article_id, sentence_id, actor) of each quote with a known speaker."""
    if quotes is None or not len(quotes):
        return pd.DataFrame({"article_id": [], "sentence_id": np.array([], dtype="int64"), "actor": []})
    known = has_speaker(quotes["speaker_id"])
    return pd.DataFrame({"article_id": quotes["article_id"].astype(str).to_numpy()[known],
                         "sentence_id": quotes["sentence_id"].astype("int64").to_numpy()[known],
                         "actor": quotes["speaker_id"].to_numpy()[known]})
