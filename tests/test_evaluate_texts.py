"""Tests for warta.evaluate.texts: labelled texts run as one article each."""
from __future__ import annotations

import pytest

from warta.evaluate.texts import analyze_files, analyze_texts, folded_name


@pytest.mark.parametrize("name, folded", [
    ("António Guterres", "antonio guterres"),
    ("  Joko   Widodo ", "joko widodo"),
    ("Abdul Mu'ti", "abdul mu'ti"),
])
def test_folded_name(name, folded):
    assert folded_name(name) == folded


def test_each_distinct_text_is_one_article_whose_body_it_is():
    texts = ["Presiden Joko Widodo meresmikan bendungan.", "Harga cabai naik.", "Harga cabai naik."]
    tables, article_of = analyze_texts(texts, profile="fast", tables=("mentions",))
    assert set(article_of) == set(texts) and len(set(article_of.values())) == 2
    mentions = tables["mentions"]
    assert list(mentions.loc[mentions["article_id"] == article_of[texts[0]], "name"]) == ["Joko Widodo"]
    assert not (mentions["article_id"] == article_of[texts[1]]).any()


def test_a_text_may_carry_its_headline_before_the_separator():
    texts = ["Banjir Rendam Permukiman Warga || Banjir merendam ratusan rumah di Kabupaten Bandung.",
             "Harga cabai naik di pasar tradisional."]
    tables, article_of = analyze_texts(texts, profile="fast", tables=("articles",))
    articles = tables["articles"].set_index("article_id")
    first, second = articles.loc[article_of[texts[0]]], articles.loc[article_of[texts[1]]]
    assert first["title"] == "Banjir Rendam Permukiman Warga"
    assert first["body"].startswith("Banjir merendam") and "||" not in first["body"]
    assert second["body"].startswith("Harga cabai") and "Harga" not in second["title"]


def test_files_run_as_one_corpus_come_back_in_their_order():
    contents = [f"Judul Berita Nomor {word}\n\nJAKARTA, Kompas.com - Harga cabai naik di pasar {word}.\n"
                for word in ("Satu", "Dua", "Tiga")]
    tables, articles = analyze_files(contents[::-1], profile="fast", tables=("mentions",))
    assert articles["title"].tolist() == [f"Judul Berita Nomor {word}" for word in ("Tiga", "Dua", "Satu")]
    assert set(tables) == {"mentions"}
