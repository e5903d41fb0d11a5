"""Actor sentiment (warta.sentiment.targets): the columnar score_actors on hand-made tables."""
from __future__ import annotations

import random
import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from warta.sentiment import targets
from warta.sentiment.targets import HEADLINE_TONE_COLUMNS, _ordered_sums, actor_evidence, headline_tone, score_actors


def sentence(article: str, number: int, text: str, score: float, label: str, probability: float = 0.8,
             start: int = 0) -> dict:
    return {"article_id": article, "sentence_id": number, "text": text, "start": start, "score": score,
            "label": label, "probability": probability, "cues": [{"term": f"cue{number}"}]}


def mention(article: str, number: int, actor: str, start: int = 0, name: str = "", type_: str = "PER") -> dict:
    return {"article_id": article, "sentence_id": number, "actor_id": actor, "name": name or actor.title(),
            "type": type_, "start": start, "end": start + len(actor)}


SENTENCES = pd.DataFrame([
    sentence("a1", 0, "budi bertemu sari.", 0.5, "positive"),
    sentence("a1", 1, "budi gagal.", -0.5, "negative"),
    sentence("a1", 2, "cuaca cerah.", 0.9, "positive"),
    sentence("a2", 0, "sari menang.", 0.5, "positive", probability=0.6),
    sentence("a2", 1, "budi dan sari.", 0.0, "neutral"),
])
MENTIONS = pd.DataFrame([
    mention("a1", 0, "budi", 0), mention("a1", 0, "sari", 13), mention("a1", 1, "budi", 0),
    mention("a2", 0, "sari", 0), mention("a2", 1, "budi", 0), mention("a2", 1, "sari", 9),
])


@pytest.mark.parametrize("scope, article, actor, n, about_label, about_score, about_probability, evidence", [
    # (0.5 + -0.5) / 2 = 0 → neutral; P(neutral) = (1 - 0.8) / 2 per sentence.
    ("article", "a1", "budi", 2, "neutral", 0.0, 0.1, [("a1", 0), ("a1", 1)]),
    ("article", "a1", "sari", 1, "positive", 0.5, 0.8, [("a1", 0)]),
    ("article", "a2", "sari", 2, "positive", 0.25, 0.35, [("a2", 0), ("a2", 1)]),
    # Corpus: a1's sentences, then a2's; evidence by |score|, ties in that order.
    ("corpus", "", "budi", 3, "neutral", 0.0, 0.1 * 2 / 3 + 0.8 / 3, [("a1", 0), ("a1", 1), ("a2", 1)]),
    ("corpus", "", "sari", 3, "positive", 0.3333, (0.8 + 0.6 + 0.1) / 3, [("a1", 0), ("a2", 0), ("a2", 1)]),
])
def test_about_side_per_article_and_corpus(scope, article, actor, n, about_label, about_score, about_probability,
                                           evidence):
    table = score_actors(pd.DataFrame(), mentions=MENTIONS, sentences=SENTENCES)
    row = table[(table["scope"] == scope) & (table["article_id"] == article) & (table["actor_id"] == actor)]
    assert len(row) == 1
    row = row.iloc[0]
    assert (row["n_sentences"], row["about_label"], row["about_n"]) == (n, about_label, n)
    assert row["about_score"] == pytest.approx(about_score, abs=1e-4)
    assert row["about_probability"] == pytest.approx(round(about_probability, 4), abs=1e-4)
    # A corpus row carries its sentences whole, an article row their ids in its article.
    found = ([(item["article_id"], item["sentence_id"]) for item in row["about_evidence"]] if scope == "corpus"
             else [(row["article_id"], sentence_id) for sentence_id in row["about_evidence"]])
    assert found == evidence
    assert row["voiced_label"] == "" and row["voiced_n"] == 0 and row["voiced_evidence"] == []
    assert np.isnan(row["voiced_score"])
    assert row["name"] == actor.title() and row["type"] == "PER"


def test_rows_sorted_corpus_first_then_by_sentences():
    table = score_actors(pd.DataFrame(), mentions=MENTIONS, sentences=SENTENCES)
    assert list(table["scope"]) == ["corpus", "corpus", "article", "article", "article", "article"]
    assert list(table["actor_id"]) == ["budi", "sari", "budi", "sari", "budi", "sari"]
    assert list(table["article_id"]) == ["", "", "a1", "a2", "a2", "a1"]


def test_quote_speaker_voices_sentence_without_being_named():
    quotes = pd.DataFrame([{"article_id": "a1", "sentence_id": 2, "speaker_id": "joko"},
                           {"article_id": "a1", "sentence_id": 1, "speaker_id": ""},
                           {"article_id": "a1", "sentence_id": 1, "speaker_id": None}])
    table = score_actors(pd.DataFrame(), mentions=MENTIONS, quotes=quotes, sentences=SENTENCES)
    joko = table[table["actor_id"] == "joko"]
    assert list(joko["scope"]) == ["corpus", "article"]
    assert (joko["voiced_n"] == 1).all() and (joko["about_n"] == 0).all()
    assert (joko["voiced_label"] == "positive").all()
    # Not in the mentions: the id stands for the name, the type is empty.
    assert (joko["name"] == "joko").all() and (joko["type"] == "").all()


def _article_row(table: pd.DataFrame, actor: str) -> pd.Series:
    return table[(table["scope"] == "article") & (table["actor_id"] == actor)].iloc[0]


@pytest.mark.parametrize("text, score, label, mentioned, expected", [
    # A remedy reads well; its culprit reads badly all the same (at least the band's -0.2).
    ("BNN menyita sabu dari jaringan Fredy.", 0.6, "positive", [("bnn", "ORG"), ("fredy", "PER")],
     {"bnn": ("positive", 0.6), "fredy": ("negative", -0.6)}),
    ("KPK menahan Rachmat Yasin.", 0.0, "neutral", [("kpk", "ORG"), ("rachmat yasin", "PER")],
     {"kpk": ("neutral", 0.0), "rachmat yasin": ("negative", -0.2)}),
    # A crime reads badly; not about the agent that acts against it.
    ("Polda membekuk Budi, pelaku begal.", -0.7, "negative", [("polda", "ORG"), ("budi", "PER")],
     {"polda": ("neutral", 0.0), "budi": ("negative", -0.7)}),
    # A culprit who speaks is also what the sentence is about.
    ("Tersangka Budi mengatakan ia menipu jemaah.", -0.5, "negative", [("budi", "PER")], {"budi": ("negative", -0.5)}),
    # No role word: every actor takes the sentence's score.
    ("Budi dan Sari bertemu.", -0.5, "negative", [("budi", "PER"), ("sari", "PER")],
     {"budi": ("negative", -0.5), "sari": ("negative", -0.5)}),
])
def test_roles_give_actors_their_own_reading_of_a_sentence(text, score, label, mentioned, expected):
    sentences = pd.DataFrame([sentence("a1", 0, text, score, label)])
    mentions = pd.DataFrame([mention("a1", 0, actor, text.lower().index(actor), type_=kind)
                             for actor, kind in mentioned])
    table = score_actors(pd.DataFrame(), mentions=mentions, sentences=sentences)
    for actor, (about_label, about_score) in expected.items():
        row = _article_row(table, actor)
        assert (row["about_label"], row["about_score"]) == (about_label, pytest.approx(about_score)), actor


ROLE_SENTENCES = pd.DataFrame([sentence("a1", 0, "Polda membekuk Budi, pelaku begal.", -0.7, "negative"),
                               sentence("a1", 1, "Budi tersenyum.", 0.3, "positive"),
                               sentence("a2", 0, "Budi ditangkap Polda.", -0.1, "neutral")])
ROLE_MENTIONS = pd.DataFrame([mention("a1", 0, "polda", 0, type_="ORG"), mention("a1", 0, "budi", 15),
                              mention("a1", 1, "budi", 0), mention("a2", 0, "budi", 0),
                              mention("a2", 0, "polda", 15, type_="ORG")])


@pytest.mark.parametrize("scope, article, actor, roles", [
    # Aligned with the evidence (strongest first): "-" where the sentence gives the actor no role.
    ("corpus", "", "budi", "culprit,-,culprit"),
    ("article", "a1", "budi", "culprit,-"),
    ("article", "a2", "polda", "agent"),
    ("corpus", "", "polda", "agent,agent"),
])
def test_about_roles_follow_the_evidence(scope, article, actor, roles):
    table = score_actors(pd.DataFrame(), mentions=ROLE_MENTIONS, sentences=ROLE_SENTENCES)
    row = table[(table["scope"] == scope) & (table["article_id"] == article) & (table["actor_id"] == actor)].iloc[0]
    assert row["about_roles"] == roles
    assert len(row["about_roles"].split(",")) == len(row["about_evidence"])


def test_about_roles_are_empty_where_no_sentence_gives_a_role():
    table = score_actors(pd.DataFrame(), mentions=MENTIONS, sentences=SENTENCES)
    assert str(table["about_roles"].dtype) == "str"
    # Budi's sentences hold no role word; Sari wins in one of hers ("sari menang").
    assert list(table.loc[table["actor_id"] == "budi", "about_roles"]) == ["", "", ""]
    assert list(table.loc[table["actor_id"] == "sari", "about_roles"]) == ["-,winner,-", "winner,-", ""]


@pytest.mark.parametrize("actor, expected", [
    # (sentence, role, the actor's label and score for it): a culprit reads at least the band's -0.2
    # badly, an agent takes none of the badness; without a role the sentence's own.
    ("budi", [(0, "negative", "culprit", "negative", -0.7), (1, "positive", "", "positive", 0.3),
              (0, "neutral", "culprit", "negative", -0.2)]),
    ("polda", [(0, "negative", "agent", "neutral", 0.0), (0, "neutral", "agent", "neutral", 0.0)]),
])
def test_actor_evidence_gives_the_role_and_the_reading_for_the_actor(actor, expected):
    table = score_actors(pd.DataFrame(), mentions=ROLE_MENTIONS, sentences=ROLE_SENTENCES)
    trail = actor_evidence(table[table["scope"] == "corpus"], ROLE_SENTENCES)
    rows = trail[trail["actor_id"] == actor]
    assert list(rows[["sentence_id", "label", "role", "actor_label", "actor_score"]]
                .itertuples(index=False, name=None)) == [tuple(row) for row in expected]
    # Article rows (evidence by sentence id) read the same.
    by_article = actor_evidence(table[table["scope"] == "article"], ROLE_SENTENCES)
    assert sorted(by_article[by_article["actor_id"] == actor]["role"]) == sorted(row[2] for row in expected)


@pytest.mark.parametrize("scores, labels, about_label, about_score", [
    # A sentence the engine called neutral counts as 0, however it leans.
    ([0.3], ["neutral"], "neutral", 0.0),
    ([0.3, 0.3], ["neutral", "neutral"], "neutral", 0.0),
    ([0.6, 0.3], ["positive", "neutral"], "positive", 0.3),
    ([-0.6, 0.3], ["negative", "neutral"], "negative", -0.3),
])
def test_a_neutral_sentence_makes_no_actor_polar(scores, labels, about_label, about_score):
    sentences = pd.DataFrame([sentence("a1", i, f"budi {i}.", score, label)
                              for i, (score, label) in enumerate(zip(scores, labels))])
    mentions = pd.DataFrame([mention("a1", i, "budi") for i in range(len(scores))])
    table = score_actors(pd.DataFrame(), mentions=mentions, sentences=sentences)
    row = _article_row(table, "budi")
    assert (row["about_label"], row["about_score"]) == (about_label, pytest.approx(about_score))
    # The evidence reads each sentence for the actor the same way.
    trail = actor_evidence(table[table["scope"] == "article"], sentences)
    assert sorted(trail["actor_score"]) == sorted(0.0 if label == "neutral" else score
                                                  for score, label in zip(scores, labels))


def test_a_moved_label_is_given_a_coin_toss_probability():
    sentences = pd.DataFrame([sentence("a1", 0, "KPK menahan Rachmat Yasin.", 0.0, "neutral", probability=0.9)])
    mentions = pd.DataFrame([mention("a1", 0, "kpk", 0, type_="ORG"), mention("a1", 0, "rachmat yasin", 12)])
    table = score_actors(pd.DataFrame(), mentions=mentions, sentences=sentences)
    assert _article_row(table, "kpk")["about_probability"] == pytest.approx(0.9)
    assert _article_row(table, "rachmat yasin")["about_probability"] == pytest.approx(0.5)


def test_evidence_keeps_five_strongest_in_order():
    label = lambda score: "positive" if score > 0 else "negative"  # noqa: E731
    sentences = pd.DataFrame([sentence("a1", i, f"budi {i}.", s, label(s))
                              for i, s in enumerate([0.1, -0.9, 0.3, 0.9, -0.3, 0.5, 0.1, -0.5])])
    mentions = pd.DataFrame([mention("a1", i, "budi") for i in range(8)])
    corpus, article = score_actors(pd.DataFrame(), mentions=mentions, sentences=sentences).to_dict("records")
    assert [item["sentence_id"] for item in corpus["about_evidence"]] == [1, 3, 5, 7, 2]
    assert corpus["about_evidence"][0] == {"article_id": "a1", "sentence_id": 1, "text": "budi 1.",
                                           "label": "negative", "score": -0.9, "cues": ["cue1"]}
    assert article["scope"] == "article" and article["about_evidence"] == [1, 3, 5, 7, 2]


# (scope, article_id, actor_id) of an actor row -> its evidence rows as (side, rank, article_id,
# sentence_id, text, label, score, cues)
EVIDENCE_ROWS = {
    ("corpus", "", "budi"): [("about", 0, "a1", 0, "budi bertemu sari.", "positive", 0.5, ["cue0"]),
                             ("about", 1, "a1", 1, "budi gagal.", "negative", -0.5, ["cue1"]),
                             ("about", 2, "a2", 1, "budi dan sari.", "neutral", 0.0, ["cue1"])],
    ("article", "a1", "budi"): [("about", 0, "a1", 0, "budi bertemu sari.", "positive", 0.5, ["cue0"]),
                                ("about", 1, "a1", 1, "budi gagal.", "negative", -0.5, ["cue1"])],
    ("article", "a2", "sari"): [("about", 0, "a2", 0, "sari menang.", "positive", 0.5, ["cue0"]),
                                ("about", 1, "a2", 1, "budi dan sari.", "neutral", 0.0, ["cue1"])],
    ("article", "a2", "joko"): [("voiced", 0, "a2", 0, "sari menang.", "positive", 0.5, ["cue0"])],
}


@pytest.mark.parametrize("key", list(EVIDENCE_ROWS))
def test_actor_evidence_gives_each_row_its_sentences(key):
    quotes = pd.DataFrame([{"article_id": "a2", "sentence_id": 0, "speaker_id": "joko"}])
    table = score_actors(pd.DataFrame(), mentions=MENTIONS, quotes=quotes, sentences=SENTENCES)
    trail = actor_evidence(table, SENTENCES)
    scope, article, actor = key
    rows = trail[(trail["scope"] == scope) & (trail["actor_id"] == actor)
                 & ((trail["article_id"] == article) if scope == "article" else True)]
    assert list(rows[["side", "rank", "article_id", "sentence_id", "text", "label", "score", "cues"]]
                .itertuples(index=False, name=None)) == EVIDENCE_ROWS[key]


def test_actor_evidence_follows_the_actor_rows_and_counts_every_sentence():
    table = score_actors(pd.DataFrame(), mentions=MENTIONS, sentences=SENTENCES)
    trail = actor_evidence(table, SENTENCES)
    expected = [(row.scope, row.actor_id) for row in table.itertuples() for _ in range(len(row.about_evidence))]
    assert list(zip(trail["scope"], trail["actor_id"])) == expected
    assert actor_evidence(table.iloc[0:0], SENTENCES).empty


@pytest.mark.parametrize("mentions, sentences", [
    (pd.DataFrame(), SENTENCES),
    (MENTIONS, SENTENCES.iloc[0:0]),
    (MENTIONS.assign(sentence_id=9), SENTENCES),  # mentions in no scored sentence
])
def test_empty_inputs_give_an_empty_table(mentions, sentences):
    table = score_actors(pd.DataFrame(), mentions=mentions, sentences=sentences)
    assert table.empty and "about_evidence" in table.columns


@pytest.mark.parametrize("sizes", [[1], [3, 1, 2], [8, 9, 64, 65], [200, 1, 7]])
def test_ordered_sums_add_left_to_right_like_sum(sizes):
    rng = random.Random(len(sizes))
    groups = [[rng.uniform(-1, 1) * 10 ** rng.randint(-3, 3) for _ in range(size)] for size in sizes]
    values = np.array([value for items in groups for value in items])
    group = np.repeat(np.arange(len(sizes)), sizes)
    sums = _ordered_sums(values, group, len(sizes) + 1)
    assert sums.tolist() == [sum(items) for items in groups] + [0.0]


@pytest.mark.parametrize("value", [0.12345, -0.12345, 0.00005, 1.00005, 0.99995, -0.33335, 0.1, float("nan"), 0.0])
def test_round4_is_python_round(value):
    from warta.sentiment.targets import _round4

    result = _round4(np.array([value]))[0]
    assert (np.isnan(result) and np.isnan(value)) or result == round(value, 4)


def test_round4_matches_on_many_values():
    from warta.sentiment.targets import _round4

    rng = np.random.default_rng(3)
    values = np.concatenate([rng.uniform(-1, 1, 20000), np.round(rng.uniform(-1, 1, 20000), 5)])
    assert _round4(values).tolist() == [round(value, 4) for value in values.tolist()]


@pytest.mark.parametrize(("text", "expected"), [
    ("AS prihatin atas kerja sama Rusia dan Korut.", {"AS"}),  # named before the stance word
    ("Washington menuduh Pyongyang memasok senjata.", {"Washington"}),
    ("Kerja sama itu berbahaya, kata Kirby.", {"Kirby"}),  # postposed reporting clause
    ("Rusia dan Korut bertemu; Washington menuduh Pyongyang", {"Washington"}),  # the stance word's clause only
    ("Rusia dan Korut bertemu di Vladivostok.", set()),  # no stance word: nobody voices it
    ("Kerja sama itu berbahaya, kata Kirby di Washington.", {"Kirby"}),  # where it was said voices nothing
    ("Kirby di Washington mengkritik Rusia.", {"Kirby"}),
    ("Washington memperkirakan ekonomi Rusia tumbuh.", {"Washington"}),  # a forecaster voices its outlook
])
def test_sentence_holders_by_clause(text, expected):
    from warta.sentiment.lexicon import load_lexicon
    from warta.sentiment.targets import sentence_holders

    offset = 100  # offsets are into the body, not the sentence
    names = ("AS", "Rusia", "Korut", "Washington", "Pyongyang", "Kirby")
    found = sorted((m.start() + offset, m.end() + offset, name) for name in names
                   for m in re.finditer(rf"\b{name}\b", text))
    assert sentence_holders(load_lexicon(), text, offset, found) == expected


# The stance words of the two sentences below as the sentiment stage lists them (body offsets).
STANCES = pd.DataFrame({"article_id": ["a1", "a1"], "sentence_id": [0, 1], "start": [3, 36 + 26],
                        "end": [11, 36 + 30], "kind": ["stance", "reporting"]})


@pytest.mark.parametrize("compiled", [True, False])
@pytest.mark.parametrize("stances, voiced", [
    (None, {"AS": 1, "Kirby": 1, "Rusia": 0}),  # found by scanning the sentences
    (STANCES, {"AS": 1, "Kirby": 1, "Rusia": 0}),  # read from the stage's table
    (STANCES.iloc[:1], {"AS": 1, "Kirby": 0, "Rusia": 0}),  # "kata" not listed: Kirby voices nothing
    (STANCES.iloc[:0], {"AS": 0, "Kirby": 0, "Rusia": 0}),
    (STANCES.assign(article_id="a2"), {"AS": 0, "Kirby": 0, "Rusia": 0}),  # another article's words
])
def test_holders_voice_their_sentence_on_both_paths(monkeypatch, compiled, stances, voiced):
    from warta.sentiment import targets

    if not compiled:  # the pure-Python holder rule (sentence_holders)
        monkeypatch.setattr(targets, "_stance_holders", None)
    sentences = pd.DataFrame([
        sentence("a1", 0, "AS prihatin atas kerja sama Rusia.", -0.5, "negative"),
        sentence("a1", 1, "Kerja sama itu berbahaya, kata Kirby.", -0.5, "negative", start=36),
    ])
    mentions = pd.DataFrame([mention("a1", 0, "AS", 0), mention("a1", 0, "Rusia", 28),
                             mention("a1", 1, "Kirby", 36 + 31)])
    table = score_actors(pd.DataFrame(), mentions=mentions, sentences=sentences, stances=stances)
    corpus = table[table["scope"] == "corpus"].set_index("actor_id")
    assert corpus["voiced_n"].to_dict() == voiced
    assert corpus["about_n"].to_dict() == {actor: 1 - n if actor != "Rusia" else 1 for actor, n in voiced.items()}


def test_the_stage_stance_table_gives_the_holders_a_scan_finds(synthetic_corpus):
    from warta import pipeline
    from warta.load import load_corpus

    tables = pipeline.build_tables(load_corpus(synthetic_corpus, progress=False), profile="fast")
    usable = tables["articles"][tables["articles"]["status"] != "rejected"]
    assert len(tables["stance_words"]) and tables["sentiment_actors"]["voiced_n"].sum() > 0
    scanned = score_actors(usable, mentions=tables["mentions"], quotes=tables["quotes"],
                           sentences=tables["sentiment_sentences"], stances=None)
    pd.testing.assert_frame_equal(tables["sentiment_actors"], scanned)


def _chunked_text(column: pd.Series, pieces: int) -> pd.Series:
    """``column`` as Arrow-backed text in ``pieces`` chunks, as a table collected from cache parts is."""
    import pyarrow as pa

    values = pa.array(column.astype(object).tolist(), type=pa.large_string())
    bounds = np.linspace(0, len(values), pieces + 1).astype(int)
    chunks = [values.slice(begin, end - begin) for begin, end in zip(bounds[:-1], bounds[1:])]
    return pd.Series(pd.array(pa.chunked_array(chunks, type=values.type), dtype="str"), index=column.index)


@pytest.mark.parametrize("form", ["object", "one chunk", "many chunks"])
def test_the_actor_table_does_not_depend_on_how_sentence_text_is_stored(synthetic_corpus, form):
    from warta import pipeline
    from warta.load import load_corpus

    tables = pipeline.build_tables(load_corpus(synthetic_corpus, progress=False), profile="fast")
    usable = tables["articles"][tables["articles"]["status"] != "rejected"]
    sentences = tables["sentiment_sentences"].copy()
    for column in ("article_id", "text", "label"):
        sentences[column] = (sentences[column].astype(object) if form == "object" else
                             _chunked_text(sentences[column], 1 if form == "one chunk" else 7))
    again = score_actors(usable, mentions=tables["mentions"], quotes=tables["quotes"], sentences=sentences,
                         stances=tables["stance_words"])
    assert len(again) and again["voiced_n"].sum() > 0
    pd.testing.assert_frame_equal(tables["sentiment_actors"], again)


@pytest.mark.parametrize("scale", [1, 2**61])  # the second overflows a combined key: lexsort then
def test_stable_order_is_lexsort_keeping_ties_in_place(scale):
    from warta.sentiment.targets import _stable_order

    rng = np.random.default_rng(5)
    major = rng.integers(0, 4, 500) * scale
    minor = rng.integers(0, 6, 500)
    assert _stable_order(major, minor).tolist() == np.lexsort((np.arange(500), minor, major)).tolist()


@pytest.mark.parametrize(
    ("chunks", "positions"),
    [
        ([["a", "b"], ["c"], [], ["d", "e", "f"]], [0, 2, 3, 5]),  # in order
        ([["a", "b"], ["c"], [], ["d", "e", "f"]], [5, 0, 3, 3, 2]),  # any order, repeated
        ([["a", "b"], ["c"]], []),
        ([["a", None, "c"]], [1, 2]),  # one chunk
    ],
)
def test_take_rows_of_a_chunked_column_equals_a_take_of_the_whole(chunks, positions):
    column = pa.chunked_array([pa.array(chunk, type=pa.large_string()) for chunk in chunks])
    whole = column.combine_chunks().take(pa.array(positions, type=pa.int64()))
    assert targets.take_rows(column, np.array(positions)).equals(whole)
    assert targets.take_text(column, np.array(positions)) == whole.to_pylist()


def test_take_rows_refuses_positions_past_the_column():
    column = pa.chunked_array([pa.array(["a"]), pa.array(["b"])])
    with pytest.raises(IndexError):
        targets.take_rows(column, np.array([2]))


@pytest.mark.parametrize("columns, values, expected", [
    ([pd.Series(["a2", "a1", "a2"])], ["a2", "a1"], [0, 1, 0]),
    # Columns one after another; a value not among ``values`` and a missing cell give -1.
    ([pd.Series(["a1"]), pd.Series(["a3", None, "a2"], dtype="str")], ["a2", "a1"], [1, -1, -1, 0]),
    ([pa.chunked_array([["a1"], ["a2", "a1"]], type=pa.large_string()), pd.Series([], dtype=object)],
     ["a1", "a2"], [0, 1, 0]),
    ([], ["a1"], []),
])
def test_codes_are_positions_in_the_values(columns, values, expected):
    codes = targets._codes(columns, values=pa.array(values, type=pa.large_string()))
    assert codes.dtype == np.int64 and codes.tolist() == expected


def test_mentions_of_an_article_without_sentences_count_nowhere():
    stray = pd.concat([MENTIONS, pd.DataFrame([mention("a9", 0, "budi"), mention("a9", 0, "zed")])],
                      ignore_index=True)
    table = score_actors(pd.DataFrame(), mentions=stray, sentences=SENTENCES)
    pd.testing.assert_frame_equal(table, score_actors(pd.DataFrame(), mentions=MENTIONS, sentences=SENTENCES))


def test_headline_tone_counts_each_actors_headlines_by_their_label():
    headlines = pd.DataFrame({"article_id": ["a1", "a1", "a2", "a3", "a3", "a4"],
                              "actor_id": ["per:putin", "loc:rusia", "per:putin", "per:putin", "per:putin", "loc:rusia"],
                              "name": ["Vladimir Putin", "Rusia", "Vladimir Putin", "Vladimir Putin", "Vladimir Putin",
                                       "Rusia"],
                              "type": ["PER", "LOC", "PER", "PER", "PER", "LOC"]})
    articles = pd.DataFrame({"article_id": ["a1", "a2", "a3", "a4"],
                             "headline_label": ["negative", "positive", "negative", ""],
                             "headline_score": [-0.8, 0.4, -0.6, float("nan")]})
    table = headline_tone(headlines, articles)
    assert list(table.columns) == HEADLINE_TONE_COLUMNS
    # Putin: three headlines (a3 once), two negative; Rusia: a1 only (a4's headline has no label).
    assert table[["actor_id", "headlines", "negative", "neutral", "positive"]].values.tolist() == [
        ["per:putin", 3, 2, 0, 1], ["loc:rusia", 1, 1, 0, 0]]
    assert table["mean_score"].tolist() == [-0.3333, -0.8]  # rounded to four places
    assert headline_tone(headlines, articles, top_n=1)["actor_id"].tolist() == ["per:putin"]
    assert headline_tone(headlines.iloc[:0], articles).empty
