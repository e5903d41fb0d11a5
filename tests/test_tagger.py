"""Tests for warta.tagger: features, BIO decoding, the packaged model and training."""
from __future__ import annotations

import pytest

from warta.gazetteer import load_gazetteer, tokenize
from warta.tagger import (MODEL_PATH, Features, Tagger, _capital_runs, bio_spans, gazetteer_word_class, is_common_word,
                          model_attributes, sentence_example, shape, train)


@pytest.mark.parametrize("word, expected", [("Kim", "Xx"), ("PBB", "X"), ("2024", "d"), ("Jong-un", "Xx-x"), ("iPhone", "xXx")])
def test_shape(word, expected):
    assert shape(word) == expected


@pytest.mark.parametrize("labels, expected", [
    (["B-PER", "I-PER", "O", "B-LOC"], [(0, 2, "PER"), (3, 4, "LOC")]),
    (["I-ORG", "I-ORG", "B-ORG"], [(0, 2, "ORG"), (2, 3, "ORG")]),
    (["B-PER", "I-LOC"], [(0, 1, "PER"), (1, 2, "LOC")]),
    (["O", "O"], []),
])
def test_bio_spans(labels, expected):
    assert bio_spans(labels) == expected


@pytest.mark.parametrize("capitalised, gaps, expected", [
    ([True, True, False, True], ["^", "", "", ""], ["2B", "2E", "-", "1S"]),
    ([True, True, True, True, True], ["^", "", "", "", ""], ["4B", "4I", "4I", "4I", "4E"]),
    ([True, True], ["^", ","], ["1S", "1S"]),                 # "Jakarta, Bandung": two runs
    ([False, False], ["^", ""], ["-", "-"]),
])
def test_capital_runs(capitalised, gaps, expected):
    assert _capital_runs(capitalised, gaps) == expected


@pytest.mark.parametrize("key, expected", [
    ("presiden", True), ("kemarin", True), ("mengatakan", True), ("ditangkap", True), ("menulis", True),
    ("pemerintahan", True), ("wicaksono", False), ("jokowi", False), ("2024", False),
])
def test_is_common_word(key, expected):
    assert is_common_word(key) is expected


def test_features_are_cached_per_word_and_cleared():
    text = "Menteri Budiarto tiba di Medan, kata Siti."
    tokens = tokenize(text)
    features = Features()
    first = features(text, tokens, ["O"] * len(tokens))
    assert features(text, tokens, ["O"] * len(tokens)) == first
    assert "run=2B" in first[0] and "run=2E" in first[1] and "run=1S" in first[4]  # the comma ends a run
    assert "gap=," in first[5] and "BOS" in first[0] and "EOS" in first[-1]
    assert "-w|w=menteri|budiarto" in first[1] and "w|+w=menteri|budiarto" in first[0]
    features.clear()
    assert features(text, tokens, ["O"] * len(tokens)) == first


def test_sentence_example_projects_tags_on_split_tokens():
    features, labels = sentence_example([("Kim", "B-PER"), ("Jong-un", "I-PER"), ("tiba", "O")], load_gazetteer(()))
    assert labels == ["B-PER", "I-PER", "I-PER", "O"]
    assert "g=B-PER" in features[0] and "w=kim" in features[0]


def test_packaged_model_is_small_and_tags():
    assert MODEL_PATH.stat().st_size < 5 * 1024 * 1024
    text = "Menteri Pertanian Budiarto Wicaksono meninjau sawah di Kabupaten Karawang."
    tokens = tokenize(text)
    spans = Tagger().spans(text, tokens, ["O"] * len(tokens))
    found = {(text[tokens.starts[a]:tokens.ends[b - 1]], t) for a, b, t, _ in spans}
    assert ("Budiarto Wicaksono", "PER") in found


def test_train_writes_a_model(tmp_path):
    sentences = [[("Budi", "B-PER"), ("tiba", "O"), ("di", "O"), ("Medan", "B-LOC")],
                 [("Kata", "O"), ("Siti", "B-PER"), ("Aminah", "I-PER")]] * 5
    result = train(sentences, tmp_path / "tiny.crfsuite", max_iterations=20)
    assert result["sentences"] == 10 and (tmp_path / "tiny.crfsuite").stat().st_size > 0


@pytest.mark.parametrize("key, expected", [
    ("putin", "P"), ("stoltenberg", "P"), ("moskow", "L"), ("jakarta", "OL"), ("nato", "O"), ("wicaksono", "-"),
    ("mengatakan", "-"),
])
def test_gazetteer_word_class(key, expected):
    assert gazetteer_word_class(key) == expected


SENTENCES = [
    "Menteri Pertanian Budiarto Wicaksono meninjau sawah di Kabupaten Karawang, Jawa Barat.",
    "“Kami siap,” kata juru bicara Kremlin Dmitry Peskov kepada wartawan di Moskow (Rusia).",
    "Presiden AS Joe Biden bertemu Sekretaris Jenderal NATO Jens Stoltenberg di Gedung Putih.",
    "Kemarin hujan turun deras sekali",
    "Jakarta",
]


@pytest.fixture(scope="module")
def packaged_tagger():
    return Tagger()


@pytest.mark.parametrize("text", SENTENCES)
def test_known_features_are_the_models_subset_as_bytes(text, packaged_tagger):
    """A tagger's features are exactly the full features the model knows (as bytes), per token."""
    tokens = tokenize(text)
    tags = ["O"] * len(tokens)
    tags[0] = "B-LOC"  # gazetteer tags are context features too
    full = Features()(text, tokens, tags)
    known = packaged_tagger.features.known
    kept = packaged_tagger.features(text, tokens, tags)
    assert len(kept) == len(full) == len(tokens)
    for every, some in zip(full, kept):
        assert all(isinstance(f, bytes) for f in some)
        assert sorted(f.decode() for f in some) == sorted(f for f in every if f in known)


@pytest.mark.parametrize("text", SENTENCES)
def test_filtered_features_tag_as_the_full_ones(text, packaged_tagger):
    """CRFsuite ignores unknown attributes: filtering them changes no label and no marginal."""
    tokens = tokenize(text)
    tags = ["O"] * len(tokens)
    crf = packaged_tagger._tagger
    full_labels = crf.tag(Features()(text, tokens, tags))
    full_marginals = [crf.marginal(label, k) for k, label in enumerate(full_labels)]
    kept_labels = crf.tag(packaged_tagger.features(text, tokens, tags))
    assert kept_labels == full_labels
    assert [crf.marginal(label, k) for k, label in enumerate(kept_labels)] == pytest.approx(full_marginals)


def test_model_attributes_are_feature_strings(packaged_tagger):
    attributes = model_attributes(packaged_tagger._tagger)
    assert "BOS" in attributes and any(a.startswith("w=") for a in attributes)


def test_context_and_word_caches_are_bounded():
    features = Features(max_words=2)
    text = "Budi dan Siti pergi ke Medan"
    tokens = tokenize(text)
    assert features(text, tokens, ["O"] * len(tokens)) == Features()(text, tokens, ["O"] * len(tokens))
    assert len(features._words) == 2


def test_empty_sentence_has_no_features():
    assert Features()("", tokenize(""), []) == []


@pytest.mark.parametrize("gazetteer_words, expected", [(True, {"tg=P"}), (False, set())])
def test_gazetteer_word_features_are_optional(gazetteer_words, expected):
    text = "Putin tiba di Medan"
    tokens = tokenize(text)
    first = Features(gazetteer_words=gazetteer_words)(text, tokens, ["O"] * len(tokens))[0]
    assert {f for f in first if f.startswith("tg=")} == expected
    # A word of no known name gets no class at all (not a "none" value that counts against it);
    # its neighbour lends its own ("-tg=P").
    second = Features()(text, tokens, ["O"] * len(tokens))[1]
    assert not any(f.startswith("tg=") for f in second) and "-tg=P" in second


@pytest.mark.parametrize("gazetteer_words", [True, False])
def test_train_with_gazetteer_words(tmp_path, gazetteer_words):
    import pycrfsuite

    sentences = [[("Putin", "B-PER"), ("tiba", "O"), ("di", "O"), ("Moskow", "B-LOC")]] * 5
    train(sentences, tmp_path / "tiny.crfsuite", max_iterations=20, gazetteer_words=gazetteer_words)
    crf = pycrfsuite.Tagger()
    crf.open(str(tmp_path / "tiny.crfsuite"))
    assert any(a.startswith("tg=") for a in model_attributes(crf)) is gazetteer_words


@pytest.mark.parametrize("text, word, expected", [
    ("Dana dari Badan Usaha Milik Negara (BUMN) tiba.", "BUMN", "br=()"),  # glued: part of the name
    ("Dana dari Badan Usaha Milik Negara ( BUMN ) tiba.", "BUMN", None),   # standing apart: no feature
    ("Ia tiba di Moskow (Rusia) kemarin.", "Rusia", "br=()"),
    ("Ia tiba di Moskow, Rusia kemarin.", "Rusia", None),
])
def test_glued_brackets_are_a_feature(text, word, expected):
    tokens = tokenize(text)
    features = Features()(text, tokens, ["O"] * len(tokens))[tokens.words.index(word)]
    assert [f for f in features if f.startswith("br=")] == ([expected] if expected else [])



def test_the_role_feature_keeps_to_the_offices_the_model_was_trained_with():
    from warta import actors
    from warta.tagger import _cue_class

    assert _cue_class("ketua") == "role"
    # An office added for the rules after the last rebuild is no feature until the model is rebuilt.
    assert "komut" in actors.ROLE_HEADS and _cue_class("komut") == "-"


def test_the_title_feature_keeps_to_the_titles_the_model_was_trained_with():
    from warta import actors
    from warta.tagger import _cue_class

    assert _cue_class("pak") == "title"
    assert "kang" in actors.TITLES and _cue_class("kang") == "-"
