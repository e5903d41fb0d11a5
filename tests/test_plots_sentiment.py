"""Tests for warta.plots.sentiment: figure traces, Wilson error bars, tone by day, static charts."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from warta.plots import sentiment as plots
from warta.sentiment import wilson_interval

ARTICLES = pd.DataFrame({
    "article_id": ["a", "b", "c", "d", "e"],
    "outlet": ["Kompas", "Kompas", "Okezone", "Okezone", "Okezone"],
    "published": ["2024-06-18T10:00:00+07:00", "2024-06-18", "2024-06-19T08:00:00+07:00", None, "2024-06-19"],
    "label": ["negative", "negative", "positive", "neutral", "negative"],
    "score": [-0.6, -0.4, 0.5, 0.0, -0.3],
})

SENTENCES = pd.DataFrame({
    "article_id": ["a", "a", "b", "c"],
    "sentence_id": [0, 1, 0, 0],
    "text": ["AS prihatin.", "Putin tiba.", "Perang berlanjut.", "Warga senang."],
    "label": ["negative", "neutral", "negative", "positive"],
    "score": [-0.7, 0.0, -0.9, 0.8],
    "probability": [0.8, 0.7, 0.9, 0.85],
    "cues": [[{"term": "prihatin", "weight": -2.0}], [], [{"term": "perang", "weight": -2.0}],
             [{"term": "senang", "weight": 2.0}]],
})


def evidence(article_id, sentence_id, score):
    return [{"article_id": article_id, "sentence_id": sentence_id, "text": "…", "label": "negative", "score": score,
             "cues": []}]


ACTORS = pd.DataFrame([
    {"scope": "corpus", "article_id": "", "actor_id": "loc:rusia", "name": "Rusia", "type": "LOC", "n_sentences": 4,
     "about_label": "negative", "about_score": -0.5, "about_probability": 0.7, "about_n": 3,
     "about_evidence": evidence("a", 0, -0.7), "voiced_label": "neutral", "voiced_score": 0.1,
     "voiced_probability": 0.6, "voiced_n": 1, "voiced_evidence": evidence("c", 0, 0.1)},
    {"scope": "corpus", "article_id": "", "actor_id": "loc:as", "name": "AS", "type": "LOC", "n_sentences": 3,
     "about_label": "", "about_score": float("nan"), "about_probability": float("nan"), "about_n": 0,
     "about_evidence": [], "voiced_label": "negative", "voiced_score": -0.7, "voiced_probability": 0.8,
     "voiced_n": 3, "voiced_evidence": evidence("a", 0, -0.7)},
    {"scope": "article", "article_id": "a", "actor_id": "loc:as", "name": "AS", "type": "LOC", "n_sentences": 1,
     "about_label": "", "about_score": float("nan"), "about_probability": float("nan"), "about_n": 0,
     "about_evidence": [], "voiced_label": "negative", "voiced_score": -0.7, "voiced_probability": 0.8,
     "voiced_n": 1, "voiced_evidence": evidence("a", 0, -0.7)},
])


@pytest.mark.parametrize("by, groups", [(None, ["all articles"]), ("outlet", ["Kompas", "Okezone"]),
                                        ("day", ["2024-06-18", "2024-06-19", "unknown"])])
def test_shares_figure_has_one_trace_per_label_with_wilson_bars(by, groups):
    figure = plots.shares_figure(ARTICLES, by=by)
    assert [trace.name for trace in figure.data] == ["negative", "neutral", "positive"]
    assert sorted(set(figure.data[0].x)) == groups
    if by is None:
        low, high = wilson_interval(3, 5)
        negative = figure.data[0]
        assert negative.y[0] == pytest.approx(0.6)
        assert negative.error_y.array[0] == pytest.approx(high - 0.6)
        assert negative.error_y.arrayminus[0] == pytest.approx(0.6 - low)


def test_tone_by_day_groups_scores():
    daily = plots.tone_by_day(ARTICLES).set_index("day")
    assert daily.loc["2024-06-18", "n"] == 2 and daily.loc["2024-06-18", "mean"] == pytest.approx(-0.5)
    assert daily.loc["unknown", "error"] == pytest.approx(0.5)  # one article: wide prior, not zero
    assert daily.loc["2024-06-19", "negative"] == 1 and daily.loc["2024-06-19", "positive"] == 1
    figure = plots.tone_timeline_figure(ARTICLES)
    assert list(figure.data[0].x) == ["2024-06-18", "2024-06-19", "unknown"]


def _groupby_tone(articles: pd.DataFrame) -> pd.DataFrame:
    """The per-day loop that tone_by_day replaced: its numbers must stay the same to the bit."""
    rows = []
    for day, group in plots.with_day(articles).groupby("day", sort=True):
        scores = group["score"].astype(float)
        spread = float(scores.std(ddof=1)) if len(scores) > 1 else 0.5
        rows.append({"day": day, "n": len(group), "mean": float(scores.mean()), "error": spread / np.sqrt(len(group)),
                     "negative": int((group["label"] == "negative").sum()),
                     "positive": int((group["label"] == "positive").sum())})
    return pd.DataFrame(rows, columns=["day", "n", "mean", "error", "negative", "positive"]).astype(
        {"n": "int64", "mean": "float64", "error": "float64", "negative": "int64", "positive": "int64"})


_RANDOM = np.random.default_rng(3)
YEAR = pd.DataFrame({
    "published": [f"2024-{month:02d}-{day:02d}" for month, day in
                  zip(_RANDOM.integers(1, 13, 3000), _RANDOM.integers(1, 29, 3000))] + [None, "2024", ""],
    "label": _RANDOM.choice(["negative", "neutral", "positive"], 3003),
    "score": _RANDOM.uniform(-1, 1, 3003).round(4),
})


@pytest.mark.parametrize("articles", [
    ARTICLES,
    ARTICLES.iloc[:1],
    ARTICLES.iloc[:0],
    ARTICLES.iloc[::-1],
    YEAR,
], ids=["toy", "one", "empty", "reversed", "year"])
def test_tone_by_day_matches_the_per_group_reductions_exactly(articles):
    pd.testing.assert_frame_equal(plots.tone_by_day(articles), _groupby_tone(articles), check_exact=True)


def test_shares_chart_draws_groups_whose_articles_share_one_label():
    # Every article of an outlet negative: shares of 0 and 1 with intervals ending there.
    articles = pd.DataFrame({"outlet": ["A"] * 11 + ["B"] * 6, "label": ["negative"] * 11 + ["positive"] * 6})
    assert isinstance(plots.shares_chart(articles, by="outlet"), Figure)


def test_tone_over_time_draws_a_batch_with_no_scored_article():
    empty = ARTICLES.iloc[:0]
    assert plots.tone_by_day(empty).dtypes["n"] == "int64"
    assert len(plots.tone_timeline_figure(empty).data[0].x) == 0
    assert isinstance(plots.tone_timeline_chart(empty), Figure)


@pytest.mark.parametrize("articles, most", [(ARTICLES, 3), (YEAR, plots.MAX_DAY_TICKS)], ids=["toy", "year"])
def test_tone_chart_labels_a_readable_number_of_days(articles, most):
    figure = plots.tone_timeline_chart(articles)
    labels = [label.get_text() for label in figure.axes[0].get_xticklabels() if label.get_text()]
    assert 2 <= len(labels) <= most
    assert labels[0] == plots.tone_by_day(articles)["day"].iat[0]


@pytest.mark.parametrize("index", [None, [9, 3, 7, 3]], ids=["range", "filtered"])
def test_extreme_sentences_lists_polar_sentences_with_cues(index):
    sentences = SENTENCES if index is None else SENTENCES.set_axis(index)  # a filtered table keeps its labels
    picked = plots.extreme_sentences(sentences, n=1)
    assert picked["text"].tolist() == ["Perang berlanjut.", "Warga senang."]
    assert picked.loc[0, "cue_list"] == "perang -2.0"
    figure = plots.extreme_sentences_figure(SENTENCES, n=2)
    assert list(figure.data[0].x) == [-0.9, -0.7, 0.8] and "Putin tiba." not in figure.data[0].customdata


def test_actor_figure_uses_corpus_rows_only():
    figure = plots.actor_sentiment_figure(ACTORS)
    about, voiced = figure.data
    assert list(about.y) == ["Rusia", "AS"] and list(voiced.x) == [0.1, -0.7]
    overview = plots.actor_overview(ACTORS)
    assert overview.loc[0, "about_example"].startswith("[a #0, -0.70]")
    assert overview.loc[1, "about_example"] == ""


@pytest.mark.parametrize("roles, example", [
    ("culprit,-", "[a #0, -0.70, culprit] "),  # the first sentence's role, where it has one
    ("-,agent", "[a #0, -0.70] "),
    ("", "[a #0, -0.70] "),
])
def test_actor_overview_names_the_role_of_the_example_sentence(roles, example):
    overview = plots.actor_overview(ACTORS.assign(about_roles=roles))
    assert overview.loc[0, "about_example"].startswith(example)


def test_share_of_voice_figure():
    voice = pd.DataFrame({"actor_id": ["loc:as"], "name": ["AS"], "k": [3], "n": [4], "share": [0.75],
                          "low": [0.3], "high": [0.95]})
    figure = plots.share_of_voice_figure(voice)
    assert figure.data[0].error_x.array[0] == pytest.approx(0.2)


@pytest.mark.parametrize("build", [
    lambda: plots.shares_chart(ARTICLES),
    lambda: plots.shares_chart(ARTICLES, by="outlet"),
    lambda: plots.tone_timeline_chart(ARTICLES),
    lambda: plots.actor_sentiment_chart(ACTORS),
])
def test_static_charts_are_matplotlib_figures(build, tmp_path):
    figure = build()
    assert isinstance(figure, Figure) and figure.axes
    figure.savefig(tmp_path / "chart.png")
    assert (tmp_path / "chart.png").stat().st_size > 1000
