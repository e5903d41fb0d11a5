"""Tests for warta.cooccurrence: pair counting, weights, filters, evidence, outlets and the graph."""
from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from warta.cooccurrence import (
    COMPARISON_COLUMNS,
    EVIDENCE_COLUMNS,
    PAIR_COLUMNS,
    SUMMARY_COLUMNS,
    actor_summary,
    compare_outlets,
    cooccurrence,
    cooccurrence_graph,
    describe,
    evidence_sentences,
    pair_windows,
    top_pairs,
)

ACTORS = {
    "P": ("per:vladimir-putin", "Vladimir Putin", "PER"),
    "K": ("per:kim-jong-un", "Kim Jong Un", "PER"),
    "R": ("loc:rusia", "Rusia", "LOC"),
    "N": ("org:nato", "NATO", "ORG"),
}


def make_mentions(rows: list[tuple[str, int, str]]) -> pd.DataFrame:
    """Rows of (article_id, sentence_id, actor key) -> a mentions table."""
    records = []
    for article_id, sentence_id, key in rows:
        actor_id, name, kind = ACTORS[key]
        records.append({
            "article_id": article_id, "sentence_id": sentence_id, "start": 0, "end": 1, "surface": name,
            "actor_id": actor_id, "name": name, "type": kind, "subtype": "country" if kind == "LOC" else "",
            "role": "", "confidence": 1.0, "method": "gazetteer",
        })
    return pd.DataFrame(records)


# Windows: a1#0 {P,K}, a1#1 {P,R}, a2#0 {P,K,N}, a2#3 {R}, a3#0 {K}: N = 5 sentence windows.
# Sentence marginals: P 3, K 3, R 2, N 1. Article marginals (N = 3): P 2, K 3, R 2, N 1.
SMALL = make_mentions([
    ("a1", 0, "P"), ("a1", 0, "K"), ("a1", 0, "P"),  # repeated P in one window counts once
    ("a1", 1, "P"), ("a1", 1, "R"),
    ("a2", 0, "P"), ("a2", 0, "K"), ("a2", 0, "N"),
    ("a2", 3, "R"),
    ("a3", 0, "K"), ("a3", 0, "K"),  # a self-pair is no pair
])


def pair_counts(pairs: pd.DataFrame) -> dict[tuple[str, str], int]:
    return {(s, t): c for s, t, c in zip(pairs["source_id"], pairs["target_id"], pairs["count"])}


@pytest.mark.parametrize(
    ("window", "kwargs", "expected"),
    [
        ("sentence", {}, {("per:kim-jong-un", "per:vladimir-putin"): 2, ("loc:rusia", "per:vladimir-putin"): 1,
                          ("org:nato", "per:kim-jong-un"): 1, ("org:nato", "per:vladimir-putin"): 1}),
        ("article", {}, {("per:kim-jong-un", "per:vladimir-putin"): 2, ("loc:rusia", "per:vladimir-putin"): 2,
                         ("loc:rusia", "per:kim-jong-un"): 2, ("org:nato", "per:kim-jong-un"): 1,
                         ("org:nato", "per:vladimir-putin"): 1, ("loc:rusia", "org:nato"): 1}),
        ("sentence", {"types": ["PER"]}, {("per:kim-jong-un", "per:vladimir-putin"): 2}),
        ("sentence", {"types": ["per", "org"]}, {("per:kim-jong-un", "per:vladimir-putin"): 2,
                                                 ("org:nato", "per:kim-jong-un"): 1,
                                                 ("org:nato", "per:vladimir-putin"): 1}),
        ("sentence", {"min_count": 2}, {("per:kim-jong-un", "per:vladimir-putin"): 2}),
        ("article", {"min_count": 2, "types": ["PER", "LOC"]},
         {("per:kim-jong-un", "per:vladimir-putin"): 2, ("loc:rusia", "per:vladimir-putin"): 2,
          ("loc:rusia", "per:kim-jong-un"): 2}),
        ("sentence", {"watchlist": ["nato"]}, {("org:nato", "per:kim-jong-un"): 1,
                                               ("org:nato", "per:vladimir-putin"): 1}),
        ("sentence", {"watchlist": ["LOC:RUSIA", "Someone Else"]}, {("loc:rusia", "per:vladimir-putin"): 1}),
        ("sentence", {"min_count": 3}, {}),
        ("sentence", {"types": ["LOC"]}, {}),
    ],
)
def test_pair_counts(window, kwargs, expected):
    pairs = cooccurrence(SMALL, window=window, **kwargs)
    assert pair_counts(pairs) == expected
    assert list(pairs.columns) == list(PAIR_COLUMNS)
    assert (pairs["source_id"] < pairs["target_id"]).all()


def test_weights_by_hand():
    pairs = cooccurrence(SMALL, window="sentence").set_index(["source_id", "target_id"])
    putin_kim = pairs.loc[("per:kim-jong-un", "per:vladimir-putin")]
    # count 2 of N = 5 windows; P and K each in 3 windows.
    assert putin_kim["lift"] == pytest.approx(2 * 5 / (3 * 3))
    assert putin_kim["pmi"] == pytest.approx(math.log2(10 / 9))
    assert putin_kim["jaccard"] == pytest.approx(2 / (3 + 3 - 2))
    assert (putin_kim["source_count"], putin_kim["target_count"], putin_kim["articles"]) == (3, 3, 2)
    nato_putin = pairs.loc[("org:nato", "per:vladimir-putin")]
    assert nato_putin["lift"] == pytest.approx(1 * 5 / (1 * 3))
    assert nato_putin["jaccard"] == pytest.approx(1 / 3)


def test_article_weights_by_hand():
    pairs = cooccurrence(SMALL, window="article").set_index(["source_id", "target_id"])
    rusia_kim = pairs.loc[("loc:rusia", "per:kim-jong-un")]
    # N = 3 articles; R in 2, K in 3, both in 2.
    assert rusia_kim["lift"] == pytest.approx(2 * 3 / (2 * 3))
    assert rusia_kim["pmi"] == pytest.approx(0.0)
    assert rusia_kim["jaccard"] == pytest.approx(2 / 3)


def test_filters_do_not_change_weights():
    full = cooccurrence(SMALL).set_index(["source_id", "target_id"])
    people = cooccurrence(SMALL, types=["PER"]).set_index(["source_id", "target_id"])
    key = ("per:kim-jong-un", "per:vladimir-putin")
    assert people.loc[key, "pmi"] == pytest.approx(full.loc[key, "pmi"])


def test_sorted_by_count_then_pmi():
    pairs = cooccurrence(SMALL)
    assert pairs["count"].is_monotonic_decreasing
    ones = pairs[pairs["count"] == 1]
    assert ones["pmi"].is_monotonic_decreasing
    # NATO pairs (lift 5/3) outrank Rusia–Putin (lift 5/6) among single co-occurrences.
    assert ones.iloc[-1]["source_id"] == "loc:rusia"


@pytest.mark.parametrize(
    ("window", "pair", "evidence"),
    [
        ("sentence", ("per:kim-jong-un", "per:vladimir-putin"), [("a1", 0), ("a2", 0)]),
        # No shared sentence in a2: the evidence is where the later of the two first appears.
        ("article", ("loc:rusia", "per:kim-jong-un"), [("a1", 1), ("a2", 3)]),
        ("article", ("loc:rusia", "per:vladimir-putin"), [("a1", 1), ("a2", 3)]),
    ],
)
def test_evidence_windows(window, pair, evidence):
    pairs = cooccurrence(SMALL, window=window).set_index(["source_id", "target_id"])
    assert pairs.loc[pair, "evidence"] == evidence


def test_evidence_spreads_over_articles(monkeypatch):
    rows = [("a1", sentence, key) for sentence in range(4) for key in ("P", "K")] + [("a2", 7, "P"), ("a2", 7, "K")]
    monkeypatch.setattr("warta.cooccurrence._settings", lambda: {"evidence_limit": 3})
    assert cooccurrence(make_mentions(rows)).loc[0, "evidence"] == [("a1", 0), ("a2", 7), ("a1", 1)]


def test_evidence_is_limited(monkeypatch):
    rows = [(f"a{i}", 0, key) for i in range(6) for key in ("P", "K")]
    monkeypatch.setattr("warta.cooccurrence._settings", lambda: {"evidence_limit": 2})
    pairs = cooccurrence(make_mentions(rows))
    assert pairs.loc[0, "count"] == 6
    assert pairs.loc[0, "evidence"] == [("a0", 0), ("a1", 0)]


@pytest.mark.parametrize(
    "mentions",
    [
        pd.DataFrame(columns=["article_id", "sentence_id", "actor_id", "name", "type"]),
        make_mentions([("a1", 0, "P"), ("a1", 0, "P")]),
        make_mentions([("a1", 0, "P")]).assign(actor_id=""),
        make_mentions([("a1", 0, "P"), ("a1", 0, "K")]).assign(article_id=None),
    ],
    ids=["empty", "one-actor", "unresolved", "no-article"],
)
def test_no_pairs_gives_empty_frames(mentions):
    pairs = cooccurrence(mentions)
    assert pairs.empty and list(pairs.columns) == list(PAIR_COLUMNS)
    assert pairs["count"].dtype == "int64"
    articles = pd.DataFrame({"article_id": ["a1"], "body": ["Putin."], "outlet": ["Kompas"]})
    assert list(evidence_sentences(pairs, articles).columns) == list(EVIDENCE_COLUMNS)
    assert list(compare_outlets(mentions, articles).columns) == list(COMPARISON_COLUMNS)
    assert top_pairs(pairs, n=5).empty
    assert cooccurrence_graph(pairs, mentions).number_of_nodes() == 0


def test_empty_summary():
    summary = actor_summary(pd.DataFrame(columns=["article_id", "sentence_id", "actor_id", "name", "type"]))
    assert summary.empty and list(summary.columns) == list(SUMMARY_COLUMNS)


@pytest.mark.parametrize(
    ("mentions", "message"),
    [
        (pd.DataFrame({"article_id": ["a"], "actor_id": ["x"]}), "lacks column"),
        (SMALL, "window must be"),
    ],
)
def test_bad_input_is_explained(mentions, message):
    with pytest.raises(ValueError, match=message):
        cooccurrence(mentions, window="paragraph" if message == "window must be" else "sentence")


def test_missing_sentence_ids_count_for_articles_only():
    mentions = make_mentions([("a1", 0, "P"), ("a1", 0, "K")])
    mentions = pd.concat([mentions, make_mentions([("a1", 0, "R")]).assign(sentence_id=None)], ignore_index=True)
    assert pair_counts(cooccurrence(mentions)) == {("per:kim-jong-un", "per:vladimir-putin"): 1}
    assert len(cooccurrence(mentions, window="article")) == 3


ARTICLES = pd.DataFrame({
    "article_id": ["a1", "a2", "a3"],
    "outlet": ["Kompas", "Okezone", ""],
    "outlet_domain": ["kompas.com", "okezone.com", "bisnis.com"],
    "body": [
        "Putin bertemu Kim. Putin tiba di Rusia.",
        "Putin, Kim dan NATO. Dua.\nTiga. Rusia membantah.",
        "Kim saja.",
    ],
})


def test_evidence_sentences_use_the_shared_splitter():
    pairs = cooccurrence(SMALL, window="article")
    evidence = evidence_sentences(pairs, ARTICLES, limit=1)
    assert list(evidence.columns) == list(EVIDENCE_COLUMNS)
    assert evidence.groupby(["source_id", "target_id"]).size().max() == 1
    row = evidence.set_index(["source_id", "target_id"]).loc[("loc:rusia", "per:kim-jong-un")]
    assert (row["article_id"], row["sentence_id"], row["sentence"], row["outlet"]) == (
        "a1", 1, "Putin tiba di Rusia.", "Kompas")


def test_evidence_sentences_read_exported_tables(tmp_path):
    from warta.export import flatten_for_export

    pairs = cooccurrence(SMALL, window="article")
    flatten_for_export(pairs).to_parquet(tmp_path / "pairs.parquet")
    reread = pd.read_parquet(tmp_path / "pairs.parquet")
    assert evidence_sentences(reread, ARTICLES).equals(evidence_sentences(pairs, ARTICLES))
    assert cooccurrence_graph(reread, SMALL).edges["loc:rusia", "per:kim-jong-un"]["evidence"] == [("a1", 1), ("a2", 3)]


def test_evidence_sentences_skip_missing_articles_and_sentences():
    pairs = cooccurrence(SMALL)
    evidence = evidence_sentences(pairs, ARTICLES[ARTICLES["article_id"] == "a1"].assign(body="Satu kalimat."))
    assert list(zip(evidence["article_id"], evidence["sentence_id"])) == [("a1", 0)]


@pytest.mark.parametrize(
    ("n", "types", "expected"),
    [
        (1, None, ["Kim Jong Un – Vladimir Putin"]),
        (10, ["ORG", "PER"], ["Kim Jong Un – Vladimir Putin", "NATO – Kim Jong Un", "NATO – Vladimir Putin"]),
        (10, ["LOC"], []),
    ],
)
def test_top_pairs(n, types, expected):
    assert list(top_pairs(cooccurrence(SMALL), n=n, types=types)["pair"]) == expected


def test_compare_outlets():
    table = compare_outlets(SMALL, ARTICLES, window="sentence", top_n=2)
    assert list(table.columns) == list(COMPARISON_COLUMNS)
    counts = {(o, p): c for o, p, c in zip(table["outlet"], table["pair"], table["count"])}
    # Every outlet holds a row for each of the top pairs, zeros included; "" falls back to the domain.
    assert counts == {
        ("Kompas", "Kim Jong Un – Vladimir Putin"): 1, ("Kompas", "NATO – Kim Jong Un"): 0,
        ("Okezone", "Kim Jong Un – Vladimir Putin"): 1, ("Okezone", "NATO – Kim Jong Un"): 1,
        ("bisnis.com", "Kim Jong Un – Vladimir Putin"): 0, ("bisnis.com", "NATO – Kim Jong Un"): 0,
    }
    # Kompas and Okezone each have two sentence windows naming an actor, bisnis.com one.
    shares = {(o, p): share for o, p, share in zip(table["outlet"], table["pair"], table["share"])}
    assert shares[("Okezone", "NATO – Kim Jong Un")] == pytest.approx(0.5)
    assert shares[("bisnis.com", "NATO – Kim Jong Un")] == 0


def test_compare_outlets_filters():
    table = compare_outlets(SMALL, ARTICLES, top_n=5, watchlist=["Rusia"])
    assert set(table["pair"]) == {"Rusia – Vladimir Putin"}
    assert set(compare_outlets(SMALL, ARTICLES, top_n=5, types=["PER"])["pair"]) == {"Kim Jong Un – Vladimir Putin"}


def test_compare_outlets_unknown_article():
    table = compare_outlets(SMALL, ARTICLES[ARTICLES["article_id"] != "a2"], top_n=1)
    assert set(table["outlet"]) == {"Kompas", "bisnis.com", "unknown"}


def test_actor_summary():
    summary = actor_summary(SMALL).set_index("actor_id")
    # Kim and Putin tie on 4 mentions: ties go by actor_id.
    assert list(summary.index) == ["per:kim-jong-un", "per:vladimir-putin", "loc:rusia", "org:nato"]
    putin = summary.loc["per:vladimir-putin"]
    assert (putin["mentions"], putin["articles"], putin["sentences"]) == (4, 2, 3)
    assert summary.loc["loc:rusia", "subtype"] == "country"
    assert summary.loc["per:kim-jong-un", "surfaces"] == ["Kim Jong Un"]


def test_actor_summary_counts_the_headlines_that_name_each_actor():
    headlines = pd.DataFrame({"article_id": ["a1", "a1", "a2", "a9"],
                              "actor_id": ["per:vladimir-putin", "per:vladimir-putin", "loc:rusia", "per:joko-widodo"],
                              "name": ["Vladimir Putin", "Vladimir Putin", "Rusia", "Joko Widodo"],
                              "type": ["PER", "PER", "LOC", "PER"], "subtype": ["", "", "country", ""]})
    summary = actor_summary(SMALL, headlines=headlines)
    assert list(summary.columns) == [*SUMMARY_COLUMNS, "headlines"]
    # An actor only a headline names comes last, with no mention.
    assert summary.set_index("actor_id")["headlines"].to_dict() == {
        "per:kim-jong-un": 0, "per:vladimir-putin": 1, "loc:rusia": 1, "org:nato": 0, "per:joko-widodo": 1}
    assert summary.iloc[-1][["actor_id", "name", "mentions", "surfaces"]].tolist() == ["per:joko-widodo", "Joko Widodo",
                                                                                      0, []]
    assert summary.iloc[:-1].drop(columns="headlines").equals(actor_summary(SMALL))
    only = actor_summary(SMALL.iloc[:0], headlines=headlines)
    assert only["actor_id"].tolist() == ["loc:rusia", "per:joko-widodo", "per:vladimir-putin"]
    assert actor_summary(SMALL.iloc[:0], headlines=headlines.iloc[:0]).empty


def _as_text(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.astype({column: "string" for column in ("article_id", "actor_id", "name", "type", "surface")})


@pytest.mark.parametrize(
    ("mentions", "expected"),
    [
        # The first mention without a name gives way to the next that has one.
        (SMALL.assign(name=[None, *SMALL["name"].iloc[1:]]),
         {"per:vladimir-putin": ("Vladimir Putin", 4, 2, 3, ["Vladimir Putin"])}),
        # A missing sentence id is one window of its own within the article.
        (SMALL.assign(sentence_id=pd.array([pd.NA, 0, pd.NA, 1, 1, 0, 0, 0, 3, 0, 0], dtype="Int64")),
         {"per:vladimir-putin": ("Vladimir Putin", 4, 2, 3, ["Vladimir Putin"]),
          "loc:rusia": ("Rusia", 2, 2, 2, ["Rusia"])}),
        # Surfaces are sorted and distinct; a missing surface is left out.
        (SMALL.assign(surface=["Putin", "Kim", "Vladimir Putin", None, "Rusia", "Putin", "Kim Jong-un", "NATO",
                               "Rusia", "Kim", "Kim"]),
         {"per:vladimir-putin": ("Vladimir Putin", 4, 2, 3, ["Putin", "Vladimir Putin"]),
          "per:kim-jong-un": ("Kim Jong Un", 4, 3, 3, ["Kim", "Kim Jong-un"])}),
        (_as_text(SMALL), {"org:nato": ("NATO", 1, 1, 1, ["NATO"])}),
        (SMALL.drop(columns=["surface", "subtype"]), {"loc:rusia": ("Rusia", 2, 2, 2, ["Rusia"])}),
    ],
    ids=["first-name-missing", "missing-sentence", "surfaces", "string-dtype", "no-surface-column"],
)
def test_actor_summary_table(mentions, expected):
    summary = actor_summary(mentions).set_index("actor_id")
    for actor_id, (name, mentions_, articles, sentences, surfaces) in expected.items():
        row = summary.loc[actor_id]
        assert (row["name"], row["mentions"], row["articles"], row["sentences"], row["surfaces"]) == (
            name, mentions_, articles, sentences, surfaces)
    assert summary["mentions"].tolist() == sorted(summary["mentions"], reverse=True)
    assert summary["subtype"].notna().all()


@pytest.mark.parametrize("window", ["sentence", "article"])
def test_shared_windows_give_the_same_tables(window, monkeypatch):
    pairs, comparison = cooccurrence(SMALL, window=window), compare_outlets(SMALL, ARTICLES, window=window, top_n=3)
    windows = pair_windows(SMALL, window=window)
    monkeypatch.setattr("warta.cooccurrence.pair_windows", lambda *args, **kwargs: pytest.fail("collected again"))
    pd.testing.assert_frame_equal(cooccurrence(SMALL, window=window, windows=windows), pairs)
    pd.testing.assert_frame_equal(compare_outlets(SMALL, ARTICLES, window=window, top_n=3, windows=windows),
                                  comparison)


def test_windows_of_another_kind_are_refused():
    with pytest.raises(ValueError, match="collected per sentence, not per article"):
        cooccurrence(SMALL, window="article", windows=pair_windows(SMALL, window="sentence"))


def test_graph():
    pairs = cooccurrence(SMALL)
    graph = cooccurrence_graph(pairs, SMALL)
    assert isinstance(graph, nx.Graph)
    assert sorted(graph.nodes) == ["loc:rusia", "org:nato", "per:kim-jong-un", "per:vladimir-putin"]
    assert graph.nodes["per:vladimir-putin"] == {
        "name": "Vladimir Putin", "type": "PER", "subtype": "", "mentions": 4, "articles": 2}
    edge = graph.edges["per:vladimir-putin", "per:kim-jong-un"]
    assert (edge["count"], edge["weight"], edge["articles"]) == (2, 2, 2)
    assert edge["evidence"] == [("a1", 0), ("a2", 0)]
    assert edge["pmi"] == pytest.approx(math.log2(10 / 9))
    assert graph.number_of_edges() == len(pairs)


@pytest.mark.parametrize("top", [None, 1, 2])
def test_graph_reuses_a_given_actor_summary(top, monkeypatch):
    pairs = cooccurrence(SMALL) if top is None else top_pairs(cooccurrence(SMALL), n=top)
    expected = cooccurrence_graph(pairs, SMALL)
    summary = actor_summary(SMALL)
    # With the summary given, the mentions are not summarised again.
    monkeypatch.setattr("warta.cooccurrence.actor_summary", lambda mentions: pytest.fail("summarised again"))
    graph = cooccurrence_graph(pairs, SMALL, summary=summary)
    assert dict(graph.nodes(data=True)) == dict(expected.nodes(data=True))
    assert sorted(graph.edges(data="count")) == sorted(expected.edges(data="count"))


def brute_force_counts(mentions: pd.DataFrame, window: str) -> dict[tuple[str, str], int]:
    keys = ["article_id", "sentence_id"] if window == "sentence" else ["article_id"]
    counts: dict[tuple[str, str], int] = {}
    for _, group in mentions.groupby(keys):
        present = sorted(set(group["actor_id"]))
        for i, source in enumerate(present):
            for target in present[i + 1:]:
                counts[(source, target)] = counts.get((source, target), 0) + 1
    return counts


@pytest.mark.parametrize("window", ["sentence", "article"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_matches_brute_force_on_random_mentions(window, seed):
    import numpy as np

    rng = np.random.default_rng(seed)
    keys = list(ACTORS)
    rows = [(f"a{rng.integers(0, 8)}", int(rng.integers(0, 4)), keys[rng.integers(0, len(keys))]) for _ in range(120)]
    mentions = make_mentions(rows)
    assert pair_counts(cooccurrence(mentions, window=window)) == brute_force_counts(mentions, window)


def test_seeds_strongest_person_pair_is_putin_and_kim():
    """Acceptance on the seed corpus, through the real loader and actor extraction."""
    from warta import actors, config
    from warta.load import load_corpus

    articles = load_corpus(config.seeds_dir())
    mentions = actors.extract_mentions(articles[articles["status"] != "rejected"])
    for window in ("sentence", "article"):
        strongest = top_pairs(cooccurrence(mentions, window=window), n=1, types=["PER"])
        assert {strongest.loc[0, "source_name"], strongest.loc[0, "target_name"]} == {"Vladimir Putin", "Kim Jong Un"}


@pytest.mark.parametrize(
    ("window", "kwargs", "expected"),
    [
        ("sentence", {}, ["4 actor pairs are named together in at least one sentence",
                          "the most frequent is Kim Jong Un – Vladimir Putin (2 sentences in 2 articles)",
                          "the most frequent pair of people is Kim Jong Un – Vladimir Putin",
                          "Kim Jong Un and Vladimir Putin are the most tied"]),
        ("article", {"types": ["LOC", "ORG"]}, ["1 actor pair is named together in at least one article",
                                                "Rusia – NATO (1 article)"]),
        ("sentence", {"min_count": 5}, ["No two actors are named in the same window"]),
    ],
)
def test_describe(window, kwargs, expected):
    text = describe(cooccurrence(SMALL, window=window, **kwargs), window=window)
    for phrase in expected:
        assert phrase in text
    if "types" in kwargs:
        assert "pair of people" not in text and "at least twice" not in text


@pytest.mark.parametrize(
    "art, sent, actor, expected",
    [
        # duplicates dropped; sorted by article, then sentence (-1: no sentence first), then actor
        ([1, 0, 0, 1, 0], [0, 2, -1, 0, 2], [4, 3, 9, 4, 1], [(0, -1, 9), (0, 2, 1), (0, 2, 3), (1, 0, 4)]),
        ([0], [-1], [0], [(0, -1, 0)]),
        # a stray negative sentence id sorts before -1 and does not disturb the packing
        ([1, 0, 1, 1], [-5, 3, 0, -5], [2, 1, 2, 2], [(0, 3, 1), (1, -5, 2), (1, 0, 2)]),
        ([], [], [], []),
        # codes too wide to pack into one int64: the pandas path, same result
        ([2**40, 0, 2**40], [2**20, 0, 2**20], [5, 5, 5], [(0, 0, 5), (2**40, 2**20, 5)]),
    ],
)
def test_distinct_occurrences_sorted(art, sent, actor, expected):
    import numpy as np

    from warta.cooccurrence import _distinct_occurrences

    table = _distinct_occurrences(np.array(art), np.array(sent), np.array(actor))
    assert list(table.itertuples(index=False, name=None)) == expected
    assert table.columns.tolist() == ["art", "sent", "actor"]


@pytest.mark.parametrize("n_actors", [5, 2**31], ids=["packed-keys", "too-wide-for-int64"])
def test_first_shared_sentence_of_article_pairs(n_actors):
    from warta.cooccurrence import _first_shared_sentence

    # Sentence pairs (art, sent, a, b) in window order, and article pairs with their own sentence.
    shared = {name: np.array(values, dtype=np.int64) for name, values in
              {"art": [0, 0, 0, 1], "sent": [2, 5, 5, 0], "a": [0, 0, 1, 0], "b": [1, 1, 2, 1]}.items()}
    pairs = {name: np.array(values, dtype=np.int64) for name, values in
             {"art": [0, 0, 0, 1, 2], "sent": [7, 8, 9, 4, 3], "a": [0, 0, 1, 0, 0], "b": [1, 2, 2, 1, 1]}.items()}
    # (0,0,1): first shared in sentence 2; (0,0,2): never shared, keeps 8; (0,1,2): 5; (1,0,1): 0; (2,0,1): 3.
    assert _first_shared_sentence(shared, pairs, n_actors).tolist() == [2, 8, 5, 0, 3]
