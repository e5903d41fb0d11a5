"""Tests for warta.stories: vectorised hashing, MinHash/LSH, copies and story clustering."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from warta import config, stories, timeline
from warta.errors import WartaError


def article(article_id, outlet, published, title, body, *, precision=None, cited=()):
    return {"article_id": article_id, "outlet": outlet, "outlet_domain": outlet.lower().replace(" ", "") + ".com",
            "published": published, "date_precision": precision or ("minute" if "T" in published else "day"),
            "title": title, "body": body, "cited_sources": list(cited), "status": "ok"}


FLOOD_1 = (
    "Banjir merendam ribuan rumah di Kecamatan Dayeuhkolot dan Baleendah, Kabupaten Bandung, Jawa Barat, "
    "Minggu (10/3/2024). Badan Penanggulangan Bencana Daerah (BPBD) Kabupaten Bandung mencatat sedikitnya "
    "3.500 rumah terendam. Sungai Citarum meluap setelah hujan deras mengguyur sejak Sabtu malam. Kepala BPBD "
    "Kabupaten Bandung Uka Suska mengatakan warga mulai mengungsi ke masjid dan balai desa. Ketinggian air "
    "mencapai 1,5 meter di sejumlah titik."
)
FLOOD_2 = (
    "Hujan deras sejak Sabtu malam membuat Sungai Citarum meluap. Akibatnya permukiman warga di Dayeuhkolot dan "
    "Baleendah, Kabupaten Bandung, terendam banjir. Menurut BPBD Kabupaten Bandung, sekitar 3.500 rumah "
    "terdampak. Uka Suska dari BPBD menyebut pengungsi ditampung di masjid. Di beberapa lokasi, air setinggi "
    "1,5 meter."
)
FLOOD_3 = (
    "Ratusan warga Baleendah mengungsi akibat banjir luapan Citarum. BPBD Kabupaten Bandung mendirikan posko di "
    "Dayeuhkolot. Uka Suska meminta warga tetap waspada karena hujan diperkirakan turun lagi. Bantuan logistik "
    "dari Pemerintah Provinsi Jawa Barat mulai berdatangan."
)
FLOOD_COPY = FLOOD_1.replace("Ketinggian air mencapai 1,5 meter di sejumlah titik.",
                             "Hingga Minggu sore air belum surut.")
FLOOD_LATER = (
    "Banjir kembali melanda Dayeuhkolot, Kabupaten Bandung, setelah Sungai Citarum meluap. BPBD Kabupaten "
    "Bandung mencatat 900 rumah terendam. Uka Suska mengatakan warga diminta mengungsi ke tempat aman."
)
FOOTBALL_1 = (
    "Timnas Indonesia menang 1-0 atas Vietnam pada laga Kualifikasi Piala Dunia 2026 di Stadion Utama Gelora "
    "Bung Karno, Jakarta. Gol tunggal dicetak Egy Maulana Vikri. Pelatih Shin Tae-yong memuji kerja keras para "
    "pemain. Hasil ini membuat Indonesia naik ke posisi kedua Grup F."
)
FOOTBALL_2 = (
    "Shin Tae-yong mengaku puas dengan kemenangan Timnas Indonesia atas Vietnam. Skuad Garuda menang 1-0 berkat "
    "gol Egy Maulana Vikri di Gelora Bung Karno. Kemenangan itu mengangkat Indonesia ke peringkat kedua Grup F "
    "Kualifikasi Piala Dunia 2026. Vietnam tertahan di posisi ketiga."
)
CHILI = (
    "Harga cabai rawit merah di Pasar Induk Kramat Jati, Jakarta Timur, naik menjadi Rp 80.000 per kilogram. "
    "Pedagang menyebut pasokan dari Jawa Tengah berkurang karena cuaca buruk. Kementerian Perdagangan berjanji "
    "memantau harga menjelang Ramadan."
)

CORPUS = pd.DataFrame([
    article("f1", "Kompas", "2024-03-10T08:00:00+07:00", "Banjir Rendam Ribuan Rumah di Kabupaten Bandung", FLOOD_1),
    article("f2", "detikNews", "2024-03-10T10:15:00+07:00", "Citarum Meluap, Dayeuhkolot dan Baleendah Terendam",
            FLOOD_2),
    article("f3", "Tribun Jabar", "2024-03-11", "Warga Baleendah Mengungsi, BPBD Bandung Dirikan Posko", FLOOD_3),
    article("f4", "Sindonews", "2024-03-10T11:00:00+07:00", "Ribuan Rumah di Bandung Terendam Banjir", FLOOD_COPY),
    article("f5", "Kompas", "2024-09-20", "Dayeuhkolot Kembali Kebanjiran", FLOOD_LATER),
    article("t1", "Bola", "2024-03-10", "Timnas Indonesia Kalahkan Vietnam 1-0", FOOTBALL_1),
    article("t2", "CNN Indonesia", "2024-03-10", "Shin Tae-yong Puas Garuda Tekuk Vietnam", FOOTBALL_2),
    article("c1", "Liputan6", "2024-03-10", "Harga Cabai Rawit di Kramat Jati Naik", CHILI),
])
EXPECTED_STORIES = [{"f1", "f2", "f3", "f4"}, {"f5"}, {"t1", "t2"}, {"c1"}]


def groups(table: pd.DataFrame) -> list[set[str]]:
    return sorted((set(ids) for _, ids in table.groupby("story_id")["article_id"]), key=sorted)


@pytest.mark.parametrize(
    "texts, expected_offsets",
    [
        (["Putin tiba di Pyongyang", "putin"], [0, 4, 5]),
        (["", "“Kami”—tidak", ""], [0, 0, 2, 2]),  # curly quotes and dashes separate words
        (["Korut-Rusia 11.000 kontainer"], [0, 5]),
        (["Kementerian Luar Negeri Republik Indonesia mempertanggungjawabkannya"], [0, 6]),
        (["café résumé"], [0, 2]),  # non-ASCII letters stay inside words
    ],
)
def test_token_offsets(texts, expected_offsets):
    assert stories.token_hashes(texts).offsets.tolist() == expected_offsets


@pytest.mark.parametrize(
    "left, right, same",
    [
        ("Putin", "putin", True),
        ("PUTIN", "Putin", True),
        ("Putin", "Putina", False),
        ("mempertanggungjawabkan", "mempertanggungjawabkannya", False),  # longer than 16 bytes
        ("kontainer", "kontainer.", True),
    ],
)
def test_word_hash_ignores_case_and_punctuation(left, right, same):
    assert bool(stories.hash_words([left])[0] == stories.token_hashes([right]).hashes[0]) is same


def test_word_hash_is_the_same_in_every_batch():
    alone = stories.token_hashes(["Citarum"]).hashes[0]
    inside = stories.token_hashes(["banjir", "Sungai Citarum meluap"]).hashes[2]
    assert alone == inside


def test_capitalised_flags_key_terms():
    tokens = stories.token_hashes(["Putin tiba di Pyongyang 2024"])
    assert tokens.capitalised.tolist() == [True, False, False, True, False]
    assert tokens.digit.tolist() == [False, False, False, False, True]


def _sets_signature(sets, num_perm=128):
    values = np.concatenate([np.asarray(s, dtype=np.uint64) for s in sets])
    offsets = np.concatenate([[0], np.cumsum([len(s) for s in sets])]).astype(np.int64)
    return stories.minhash(stories._mix(values), offsets, num_perm=num_perm, seed=3)


@pytest.mark.parametrize(
    "left, right, true_jaccard",
    [
        (range(0, 200), range(0, 200), 1.0),
        (range(0, 200), range(1000, 1200), 0.0),
        (range(0, 200), range(100, 300), 1 / 3),
        (range(0, 200), range(20, 220), 180 / 220),
    ],
)
def test_minhash_estimates_jaccard(left, right, true_jaccard):
    signature = _sets_signature([list(left), list(right)])
    estimate = stories.jaccard_estimate(signature, np.array([[0, 1]]))[0]
    assert abs(estimate - true_jaccard) < 0.12


def test_empty_sets_never_look_alike():
    signature = _sets_signature([[], [], [1, 2, 3]])
    assert stories.jaccard_estimate(signature, np.array([[0, 1], [0, 2]])).tolist() == [0.0, 0.0]
    assert len(stories.lsh_pairs(signature, rows=2, order=np.zeros(3), window=5)) == 0


def test_lsh_proposes_similar_sets_and_not_disjoint_ones():
    base = list(range(100))
    sets = [base, base[:95] + [500, 501, 502, 503, 504], list(range(2000, 2100)), list(range(3000, 3100))]
    signature = _sets_signature(sets, num_perm=60)
    pairs = stories.lsh_pairs(signature, rows=3, order=np.arange(4), window=10)
    assert pairs.tolist() == [[0, 1]]


def _every_band_pair(signature, rows, order, window):
    """The pairs lsh_pairs must return, found the slow way: every band, then one unique."""
    found = set()
    for band in range(signature.shape[1] // rows):
        keys = [tuple(row) for row in signature[:, band * rows:(band + 1) * rows]]
        ranked = sorted(range(len(keys)), key=lambda i: (keys[i], order[i]))
        for at, i in enumerate(ranked):
            for j in ranked[at + 1:at + 1 + window]:
                if keys[j] == keys[i]:
                    found.add((min(i, j), max(i, j)))
    return sorted(found)


@pytest.mark.parametrize(
    "values, window",
    [
        (2, 2),  # two values per column: huge buckets, the window cuts them
        (3, 5),
        (50, 3),  # mostly singleton buckets
    ],
)
@pytest.mark.parametrize("compiled", [True, False])
@pytest.mark.parametrize("tied", [False, True])  # articles published at the same time keep their row order
def test_lsh_keeps_each_pair_once_as_the_slow_way_does(request, monkeypatch, values, window, compiled, tied):
    if not compiled:  # the NumPy band check (_new_in_band_numpy)
        monkeypatch.setattr(stories, "_compiled_new_in_band", None)
    else:
        request.getfixturevalue("compiled_tokens")
    rng = np.random.default_rng(values)
    signature = rng.integers(0, values, size=(60, 12)).astype(np.uint32)
    order = (rng.integers(0, 4, size=60) if tied else rng.permutation(60)).astype(float)
    pairs = stories.lsh_pairs(signature, rows=2, order=order, window=window)
    assert [tuple(pair) for pair in pairs.tolist()] == _every_band_pair(signature, 2, order, window)


@pytest.mark.parametrize("n_bands", [1, 4, 12])
def test_the_compiled_band_check_keeps_the_pairs_numpy_keeps(compiled_tokens, n_bands):
    tokens = compiled_tokens
    rng = np.random.default_rng(n_bands)
    n, pairs, window = 300, 5000, 4
    keys = rng.integers(0, 3, size=(n_bands, n)).astype(np.uint64)  # few keys: many pairs proposed before
    ranks = rng.integers(0, 40, size=(n_bands, n)).astype(np.int32)
    left = rng.integers(0, n, size=pairs).astype(np.int32)
    right = rng.integers(0, n, size=pairs).astype(np.int32)
    kept = tokens.new_in_band(left, right, keys, ranks, window)
    expected = stories._new_in_band_numpy(left, right, keys, ranks, window)
    assert 0 < len(kept) < pairs
    assert left[kept].tolist() == expected[0].tolist() and right[kept].tolist() == expected[1].tolist()


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_compiled_best_edges_are_the_sorted_ones(compiled_tokens, seed):
    rng = np.random.default_rng(seed)
    m, n = 4000, 700
    scores = pd.DataFrame({
        "i": rng.integers(0, n - 100, m), "j": rng.integers(0, n - 100, m),  # the last 100 articles have no edge
        "duplicate": rng.random(m) < 0.05, "copied": rng.random(m) < 0.1, "joined": rng.random(m) < 0.5,
        # Few distinct scores (ties decided by edge order) and some NaN (weakest).
        "score": np.where(rng.random(m) < 0.05, np.nan, rng.integers(0, 6, m) / 5),
    })
    expected = stories._best_edges_numpy(scores, n)
    assert (expected[-100:] == -1).all() and (expected[:-100] >= 0).sum() > 500
    assert stories._best_edges(scores, n).tolist() == expected.tolist()
    assert stories._best_edges(scores.iloc[:0], n).tolist() == [-1] * n


# Letters, capitals and digits; sentence marks and line breaks; multi-byte letters, the
# punctuation the word mask cuts out (U+2000-U+206F, Latin-1 signs) and an emoji.
_WORD_ALPHABET = list("aZk7. !?\n,-'") + ["é", "Ω", "“", "—", "…", "\u00a0", "«", "\u2060", "😀"] + ["x" * 30]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_compiled_word_hashes_are_the_numpy_ones(compiled_tokens, monkeypatch, seed):
    rng = np.random.default_rng(seed)
    texts = ["".join(rng.choice(_WORD_ALPHABET, size=rng.integers(0, 60))) for _ in range(400)] + ["", "A"]
    compiled = stories.token_hashes(texts)
    monkeypatch.setattr(stories, "_compiled_hashed_words", None)
    expected = stories.token_hashes(texts)
    assert len(expected.hashes) > 1000
    for field in stories.Tokens.__dataclass_fields__:
        mine, theirs = getattr(compiled, field), getattr(expected, field)
        assert mine.dtype == theirs.dtype and mine.tolist() == theirs.tolist(), field


@pytest.mark.parametrize(
    "texts, size",
    [
        (["a b c d e", "a b", "b c d e"], 4),  # a text shorter than a shingle has an empty set
        (["", "", ""], 4),  # no words at all: every row is the all-ones signature
        (["Putin tiba di Pyongyang", "putin TIBA di pyongyang"], 4),  # one shingle, the same hash
        (["a b c d e f g h", "h g f e d c b a"], 1),  # one-word shingles: the word sets
        (["a b c d e f g h", "x y"], 2),
        (["Banjir merendam rumah. Warga mengungsi ke masjid."] * 3, 3),
    ],
)
def test_the_compiled_shingle_signatures_are_the_numpy_ones(compiled_tokens, monkeypatch, texts, size):
    tokens = stories.token_hashes(texts)
    compiled = stories.shingle_minhash(tokens, size, num_perm=16, seed=5)
    monkeypatch.setattr(stories, "_compiled_shingle_minhash", None)
    expected = stories.shingle_minhash(tokens, size, num_perm=16, seed=5)
    assert expected.tolist() == stories.minhash(*stories.shingle_hashes(tokens, size), num_perm=16, seed=5).tolist()
    assert compiled.dtype == expected.dtype == np.uint32 and compiled.tolist() == expected.tolist()
    empty = (np.diff(stories.shingle_hashes(tokens, size)[1]) == 0)
    assert (compiled[empty] == stories._EMPTY).all() and (compiled[~empty] != stories._EMPTY).any(axis=1).all()


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_compiled_minhash_is_the_numpy_one(compiled_tokens, monkeypatch, seed):
    rng = np.random.default_rng(seed)
    sizes = rng.integers(0, 40, size=300)  # some empty sets
    values = stories._mix(rng.integers(0, 500, size=int(sizes.sum())).astype(np.uint64))
    offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
    tokens = stories.token_hashes(["".join(rng.choice(_WORD_ALPHABET, size=rng.integers(0, 80))) for _ in range(200)])
    compiled = stories.minhash(values, offsets, num_perm=64, seed=seed)
    shingled = stories.shingle_minhash(tokens, 4, num_perm=32, seed=seed)
    monkeypatch.setattr(stories, "_compiled_shingle_minhash", None)
    assert compiled.tolist() == stories.minhash(values, offsets, num_perm=64, seed=seed).tolist()
    assert shingled.tolist() == stories.shingle_minhash(tokens, 4, num_perm=32, seed=seed).tolist()


@pytest.mark.parametrize(
    "opens, min_words, expected",
    [
        # (first word, number of words) of each unit kept
        ([1, 0, 0, 1, 0, 1], 2, [(0, 3), (3, 2)]),
        ([1, 0, 0, 1, 0, 1], 1, [(0, 3), (3, 2), (5, 1)]),
        ([1, 0, 0, 1, 0, 1], 4, []),
        ([0, 0, 1, 0], 1, [(2, 2)]),  # words before the first opening belong to no unit
        ([0, 0, 0], 1, []),
        ([], 1, []),
    ],
)
@pytest.mark.parametrize("compiled", [True, False])
def test_units_run_from_one_opening_word_to_the_next(request, opens, min_words, expected, compiled):
    unit_keys = request.getfixturevalue("compiled_tokens").unit_keys if compiled else stories._unit_keys_numpy
    hashes = stories._mix(np.arange(len(opens), dtype=np.uint64))
    first, length, keys = unit_keys(hashes, np.array(opens, dtype=np.uint8), min_words)
    assert list(zip(first.tolist(), length.tolist())) == expected
    assert first.dtype == length.dtype == np.int64 and keys.dtype == np.uint64


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_compiled_copy_units_are_the_numpy_ones(compiled_tokens, monkeypatch, seed):
    rng = np.random.default_rng(seed)
    texts = ["".join(rng.choice(_WORD_ALPHABET, size=rng.integers(0, 120))) for _ in range(300)] + ["", "A"]
    tokens = stories.token_hashes(texts)
    compiled = stories.copy_units(tokens, 3, first_row=7)
    monkeypatch.setattr(stories, "_compiled_unit_keys", None)
    expected = stories.copy_units(tokens, 3, first_row=7)
    assert len(expected) > 300 and set(expected["unit"]) == {0, 1}
    pd.testing.assert_frame_equal(compiled, expected)
    # The same word at another place in a unit gives another key: the key keeps the order.
    swapped = stories.copy_units(stories.token_hashes(["satu dua tiga", "tiga dua satu", "satu dua tiga"]), 3)
    sentences = swapped[swapped["unit"] == 0]["key"].tolist()
    assert sentences[0] != sentences[1] and sentences[0] == sentences[2]


def test_the_compiled_word_scan_refuses_bytes_without_padding(compiled_tokens):
    with pytest.raises(ValueError, match="24 zero bytes"):
        compiled_tokens.hashed_words(np.frombuffer(b"Putin\n", dtype=np.uint8), np.zeros(1, dtype=np.int64))


def test_the_compiled_band_check_refuses_ids_out_of_range(compiled_tokens):
    tokens = compiled_tokens
    keys, ranks = np.zeros((2, 5), dtype=np.uint64), np.zeros((2, 5), dtype=np.int32)
    with pytest.raises(IndexError, match="out of the bands"):
        tokens.new_in_band(np.array([0], dtype=np.int32), np.array([5], dtype=np.int32), keys, ranks, 3)


@pytest.mark.parametrize(
    "pairs, expected",
    [
        ([[3, 1], [1, 3], [0, 2]], [[0, 2], [1, 3]]),
        ([[4, 0], [0, 4], [4, 0]], [[0, 4]]),
        (np.zeros((0, 2), dtype=np.int64), []),
    ],
)
def test_unique_pairs_orders_and_deduplicates(pairs, expected):
    assert stories.unique_pairs(np.asarray(pairs, dtype=np.int64), 5).tolist() == expected


@pytest.mark.parametrize(
    "values, members, expected",
    [
        ([5, 1, 9, 7], [1, 7], [False, True, False, True]),
        ([5, 1], [], [False, False]),
        ([2**63 + 5, 3], [3, 2**63 + 5], [True, True]),
        ([], [1, 2], []),
    ],
)
def test_member_is_isin(values, members, expected):
    values, members = np.array(values, dtype=np.uint64), np.array(sorted(members), dtype=np.uint64)
    assert stories._member(values, members).tolist() == expected == np.isin(values, members).tolist()


def test_shingles_cover_each_text_separately():
    tokens = stories.token_hashes(["a b c d e", "a b", "b c d e"])
    hashes, offsets = stories.shingle_hashes(tokens, 4)
    assert offsets.tolist() == [0, 2, 2, 3]
    # "b c d e" is a shingle of both the first and the third text.
    assert hashes[1] == hashes[2]


def test_find_copies_reports_shared_sentences_per_pair():
    copies = stories.find_copies(CORPUS)
    pair = copies[(copies["article_a"] == "f1") & (copies["article_b"] == "f4")]
    assert len(pair) == 1
    assert pair["shared_sentences"].iloc[0] == 4
    assert pair["share_a"].iloc[0] == pytest.approx(4 / 5)
    assert pair["examples"].iloc[0][0].startswith("Banjir merendam ribuan rumah di Kecamatan Dayeuhkolot")
    assert len(pair["examples"].iloc[0]) == 3
    assert set(copies["article_a"]) | set(copies["article_b"]) == {"f1", "f4"}


@pytest.mark.parametrize("rows", [slice(None), slice(None, None, -1), slice(0, 1), slice(0, 0)])
def test_clustering_with_copies_equals_clustering_and_find_copies(rows):
    frame = CORPUS.iloc[rows]
    spans = timeline.publication_spans(frame)
    audit, copies = stories.cluster_with_copies(frame, spans=spans)
    pd.testing.assert_frame_equal(audit, stories.cluster(frame, spans=spans))
    pd.testing.assert_frame_equal(copies, stories.find_copies(frame), check_dtype=len(frame) > 0,
                                  check_index_type=len(frame) > 0)
    with_timing, same_copies = timeline.cluster_stories_and_copies(frame)
    pd.testing.assert_frame_equal(with_timing, timeline.cluster_stories(frame))
    pd.testing.assert_frame_equal(same_copies, copies)


def test_find_copies_ignores_boilerplate_found_everywhere():
    line = "Dapatkan berita terbaru setiap hari dengan mengikuti kanal kami di media sosial."
    frame = pd.DataFrame([article(f"b{i}", "X", "2024-03-10", "t", f"Isi berita nomor {i} berbeda. {line}")
                          for i in range(5)])
    assert stories.find_copies(frame, max_spread=3).empty
    assert len(stories.find_copies(frame, max_spread=10)) == 10


def test_cluster_stories_groups_near_duplicates_and_same_story():
    table = timeline.cluster_stories(CORPUS)
    assert groups(table) == sorted(EXPECTED_STORIES, key=sorted)
    audit = table.set_index("article_id")
    assert audit.at["f4", "reason"].startswith(("near-duplicate", "shares"))
    assert audit.at["f2", "reason"].startswith("same story")
    assert audit.at["c1", "reason"].startswith("alone")
    assert audit.at["c1", "matched_with"] == ""
    assert audit.at["f1", "story_size"] == 4


def test_stories_name_their_first_article():
    audit = timeline.cluster_stories(CORPUS).set_index("article_id")
    flood = audit.loc[["f1", "f2", "f3", "f4"]]
    assert flood["order"].tolist() == [1, 2, 4, 3]
    assert flood["is_first"].tolist() == [True, False, False, False]
    assert (flood["first_article_id"] == "f1").all() and (flood["first_outlet"] == "Kompas").all()


def test_same_story_months_apart_is_a_new_story():
    audit = timeline.cluster_stories(CORPUS).set_index("article_id")
    assert audit.at["f5", "story_id"] != audit.at["f1", "story_id"]


def test_story_ids_do_not_depend_on_row_order():
    forward = timeline.cluster_stories(CORPUS).set_index("article_id")["story_id"]
    backward = timeline.cluster_stories(CORPUS.iloc[::-1]).set_index("article_id")["story_id"]
    assert forward.sort_index().equals(backward.sort_index())


def test_actor_overlap_is_used_when_mentions_are_given():
    mentions = pd.DataFrame({"article_id": ["t1", "t1", "t2", "t2"],
                             "actor_id": ["org:timnas-indonesia", "per:shin-tae-yong", "org:timnas-indonesia",
                                          "per:shin-tae-yong"]})
    audit = timeline.cluster_stories(CORPUS, mentions=mentions).set_index("article_id")
    assert audit.at["t1", "actor_overlap"] == 1.0
    assert np.isnan(timeline.cluster_stories(CORPUS).set_index("article_id").at["t1", "actor_overlap"])


def test_lsh_mode_finds_the_same_stories(monkeypatch):
    settings = config.section("timeline")
    monkeypatch.setattr(config, "section", lambda name: {**settings, "all_pairs_limit": 0} if name == "timeline"
                        else {})
    assert groups(timeline.cluster_stories(CORPUS)) == sorted(EXPECTED_STORIES, key=sorted)


def test_empty_and_single_article_batches():
    assert timeline.cluster_stories(CORPUS.iloc[:0]).empty
    one = timeline.cluster_stories(CORPUS.iloc[:1])
    assert one["story_size"].tolist() == [1]
    assert one["reason"].iloc[0].startswith("alone")


def test_articles_without_text_or_date_stay_alone():
    frame = pd.DataFrame([article("e1", "X", "", "", ""), article("e2", "Y", "", "", ""),
                          *CORPUS.iloc[:2].to_dict("records")])
    audit = timeline.cluster_stories(frame).set_index("article_id")
    assert audit.at["e1", "story_size"] == 1 and audit.at["e2", "story_size"] == 1
    assert audit.at["f1", "story_id"] == audit.at["f2", "story_id"]


def _lead(text, size=40):
    tokens = stories.token_hashes([text])
    at = stories._lead_words(tokens, stories._lead_stop_hashes(), size)
    return [text.encode()[start:end].decode() for start, end in zip(tokens.byte_starts[at], tokens.byte_ends[at])]


@pytest.mark.parametrize("text, size, expected", [
    # Names, numbers, short words, stopwords and words of saying are no lead words.
    ("Gubernur Lampung membuka Festival Krakatau 2025 di Bandar Lampung, Rabu malam.", 40, ["membuka", "malam"]),
    ("Eri Cahyadi menyebut rumah pompa siaga 24 jam, katanya.", 40, ["rumah", "pompa", "siaga"]),
    ("Tanggul jebol. Tanggul Kali Bekasi jebol lagi, warga mengungsi.", 40, ["jebol", "jebol", "warga", "mengungsi"]),
    ("warga mengungsi ke masjid dan balai desa", 2, ["warga", "mengungsi"]),
    ("Presiden Prabowo Subianto di Istana Merdeka", 40, []),
])
def test_lead_words_are_the_first_words_that_say_what_happened(text, size, expected):
    assert _lead(text, size) == expected


def test_headline_words_the_lede_does_not_capitalise_are_lead_words():
    # "Ludes Terbakar" says what happened; "Jembatan Besi Tambora" is a place, as the lede's capitals tell.
    frame = pd.DataFrame([article("k1", "Warta Kota", "2025-08-03", "40 Rumah di Jembatan Besi Tambora Ludes Terbakar",
                                  "Sebanyak 40 rumah di Kelurahan Jembatan Besi, Tambora, ludes dilalap api.")])
    assert _lead_roots(frame) == {"bakar", "ludes", "rumah", "lalap"}  # by their roots: see below


def _lead_roots(frame, candidates=("bakar", "ludes", "rumah", "lalap", "jembatan", "besi", "tambora", "banyak",
                                   "terbakar", "dilalap", "sebanyak", "gempa", "lindu", "tangkap", "ciduk", "dapat",
                                   "pendapatan", "negara", "defisit", "tekor", "guncang")):
    """Which of ``candidates`` are among the first article's lead words, as hashed in its signature."""
    lead = set(np.frombuffer(stories.story_signatures(frame)["lead_words"].iloc[0], dtype=np.uint64).tolist())
    return {word for word, hashed in zip(candidates, stories.hash_words(list(candidates)).tolist()) if hashed in lead}


@pytest.mark.parametrize("lang, expected", [
    ("en", {"minister"}),  # English keeps its words: Sastrawi would make "minister" "mister"
    ("id", {"mister"}),
])
def test_only_indonesian_lead_words_count_by_root(lang, expected):
    frame = pd.DataFrame([{**article("x1", "Jakarta Globe", "2025-01-27", "", "The minister flew home."), "lang": lang}])
    assert _lead_roots(frame, candidates=("minister", "mister")) == expected


@pytest.mark.parametrize("table, expected", [
    ({"gempa": ["Lindu", "guncang"]}, {"gempa": "gempa", "lindu": "gempa", "guncang": "gempa"}),
    ({"gempa": "lindu guncang"}, "must be a list of words"),  # a string, as a hand edit may write it
    ({"gempa": ["lindu", 7]}, "must be a list of words"),
])
def test_variant_tables_map_each_word_to_its_key_or_say_what_is_wrong(monkeypatch, table, expected):
    monkeypatch.setattr(stories, "terms", lambda: {"event_words": table})
    if isinstance(expected, str):
        with pytest.raises(WartaError, match=expected):
            stories.variant_index("event_words")
    else:
        assert stories.variant_index("event_words") == expected


@pytest.mark.parametrize("body, expected", [
    ("Kebakaran melanda pasar; puluhan kios terbakar.", {"bakar"}),  # two forms, one root
    ("Lindu mengguncang Garut pagi ini.", {"gempa"}),  # an event word: "lindu", "guncang" count as "gempa"
    ("Penyidik menciduk bupati itu; ia ditangkap bersama ajudannya.", {"tangkap"}),
    ("Pendapatan negara turun, kas negara tekor.", {"negara", "defisit"}),  # "dapat" is a stopword
])
def test_lead_words_count_by_root_and_event_word(body, expected):
    frame = pd.DataFrame([article("r1", "Kompas", "2025-09-16", "", body)])
    assert _lead_roots(frame) == expected


GOVERNOR_QUESTIONED = article(
    "g1", "Okezone", "2025-09-10T11:00:00+07:00", "KPK Periksa Gubernur Lampung Terkait Dana Hibah",
    "Komisi Pemberantasan Korupsi (KPK) memeriksa Gubernur Lampung Rahmat Mirzani Djausal sebagai saksi kasus "
    "dugaan korupsi dana hibah KONI Lampung. Rahmat tiba di Gedung Merah Putih KPK pukul 09.30 WIB.")
GOVERNOR_QUESTIONED_2 = article(
    "g2", "CNN Indonesia", "2025-09-10T13:20:00+07:00", "Gubernur Lampung Diperiksa KPK soal Dana Hibah KONI",
    "Gubernur Lampung Rahmat Mirzani Djausal diperiksa sebagai saksi oleh KPK dalam kasus dugaan korupsi dana "
    "hibah KONI Lampung. Juru Bicara KPK Budi Prasetyo mengatakan pemeriksaan berkaitan dengan pencairan dana "
    "hibah pada 2024.")
GOVERNOR_AT_FESTIVAL = article(
    "g3", "Kompas", "2025-09-10T19:00:00+07:00", "Gubernur Lampung Buka Festival Krakatau 2025",
    "Gubernur Lampung Rahmat Mirzani Djausal membuka Festival Krakatau 2025 di Lapangan Saburai, Bandar Lampung, "
    "Rabu malam. Festival budaya tahunan itu menampilkan 30 kelompok tari dari seluruh kabupaten di Lampung.")
VISIT_ID = article(
    "v1", "Kompas", "2025-01-27T11:00:00+07:00", "Prabowo Terima Kunjungan Anwar Ibrahim di Istana Merdeka",
    "Presiden Prabowo Subianto menerima kunjungan Perdana Menteri Malaysia Anwar Ibrahim di Istana Merdeka, "
    "Jakarta, Senin (27/1/2025). Keduanya membahas perbatasan di Kalimantan dan perlindungan pekerja migran.")
VISIT_EN = article(
    "v2", "The Star", "2025-01-27T14:00:00+08:00", "Anwar, Prabowo discuss migrant workers and border",
    "Prime Minister Anwar Ibrahim and Indonesian President Prabowo Subianto discussed the protection of "
    "Indonesian migrant workers and the land border in Borneo at Istana Merdeka on Monday.")
ONE_DAY = pd.DataFrame([GOVERNOR_QUESTIONED, GOVERNOR_QUESTIONED_2, GOVERNOR_AT_FESTIVAL, VISIT_ID, VISIT_EN])
ONE_DAY_CAST = pd.DataFrame(
    [("g1", "org:kpk"), ("g1", "per:rahmat-mirzani-djausal"), ("g1", "org:koni"), ("g1", "loc:lampung"),
     ("g2", "org:kpk"), ("g2", "per:rahmat-mirzani-djausal"), ("g2", "org:koni"), ("g2", "loc:lampung"),
     ("g2", "per:budi-prasetyo"),
     ("g3", "per:rahmat-mirzani-djausal"), ("g3", "loc:lampung"), ("g3", "loc:bandar-lampung"),
     ("g3", "loc:lapangan-saburai"),
     ("v1", "per:prabowo-subianto"), ("v1", "per:anwar-ibrahim"), ("v1", "loc:istana-merdeka"),
     ("v1", "loc:kalimantan"),
     ("v2", "per:prabowo-subianto"), ("v2", "per:anwar-ibrahim"), ("v2", "loc:istana-merdeka")],
    columns=["article_id", "actor_id"])


@pytest.mark.parametrize("all_pairs_limit", [1500, 0])  # average linkage; LSH and union-find
def test_one_actors_two_events_of_a_day_are_two_stories(monkeypatch, all_pairs_limit):
    # The festival shares the governor, his office, his province and the day with the questioning,
    # but no word of what happened; the state visit, told in two languages, shares no word but its cast.
    settings = config.section("timeline")
    monkeypatch.setattr(config, "section", lambda name: {**settings, "all_pairs_limit": all_pairs_limit,
                                                         "lsh_rows": 1} if name == "timeline" else {})
    audit = timeline.cluster_stories(ONE_DAY, mentions=ONE_DAY_CAST)
    assert groups(audit) == [{"g1", "g2"}, {"g3"}, {"v1", "v2"}]
    festival = audit.set_index("article_id").loc["g3"]
    assert festival["reason"].endswith("the same people at another event")
    assert festival["shared_lead_words"] < 2 and festival["actor_overlap"] < 0.5


ERUPTION_STATUS = article(
    "e1", "Kompas", "2025-06-17T19:00:00+07:00", "Status Lewotobi Naik Jadi Awas, Warga Diminta Menjauh 7 Km",
    "Badan Geologi menetapkan status Gunung Lewotobi Laki-laki menjadi Awas setelah letusan besar sore ini. "
    "Masyarakat diminta tidak beraktivitas dalam radius tujuh kilometer dari kawah.")
ERUPTION_FLIGHTS = article(
    "e2", "detikBali", "2025-06-17T20:45:00+07:00", "Penerbangan ke Labuan Bajo Dibatalkan Imbas Abu Lewotobi",
    "Sejumlah penerbangan dari Bandara I Gusti Ngurah Rai ke Labuan Bajo dibatalkan akibat sebaran abu vulkanik "
    "Gunung Lewotobi Laki-laki. Maskapai menunggu hasil pemantauan abu.")


@pytest.mark.parametrize("shared_actor, expected", [
    ("loc:gunung-lewotobi-laki-laki", [{"e1", "e2"}]),  # a place: the eruption and the flights it cancels
    ("per:lewotobi", [{"e1"}, {"e2"}]),  # a person at two events, with one word of them in common
])
def test_only_shared_people_ask_for_words_of_one_event(shared_actor, expected):
    cast = pd.DataFrame([("e1", shared_actor), ("e1", "org:badan-geologi"), ("e1", "loc:flores-timur"),
                         ("e2", shared_actor), ("e2", "loc:flores-timur"), ("e2", "loc:labuan-bajo"),
                         ("e2", "fac:bandara-i-gusti-ngurah-rai")],
                        columns=["article_id", "actor_id"])  # actor Jaccard 0.4: not most of one cast
    audit = timeline.cluster_stories(pd.DataFrame([ERUPTION_STATUS, ERUPTION_FLIGHTS]), mentions=cast)
    assert groups(audit) == expected
    assert (audit["shared_lead_words"] < 2).all()


@pytest.mark.parametrize("people, expected", [
    ("no actor", True),  # the one shared actor, a place, asks for nothing
    ("every actor", False),  # as a person it asks for words of one event, which the two do not share
    (None, False),  # no mask: every actor counts as a person
])
def test_score_pairs_reads_a_missing_people_mask_as_all_people(people, expected):
    cast = pd.DataFrame({"article_id": ["e1", "e1", "e2", "e2"],  # actor Jaccard 1/3: not most of one cast
                         "actor_id": ["loc:gunung-lewotobi", "org:badan-geologi", "loc:gunung-lewotobi", "loc:labuan-bajo"]})
    scores = _score_one_pair([ERUPTION_STATUS, ERUPTION_FLIGHTS], cast,
                             people=lambda actors: None if people is None else np.full(actors.shape[1], people == "every actor"))
    assert scores["shared_lead_words"].iloc[0] < 2
    assert bool(scores["story"].iloc[0]) is expected


def _score_one_pair(rows, cast, *, people=lambda actors: None, languages=None, day=20256.5):
    """score_pairs of two articles published an hour apart with ``cast`` (``people(matrix)`` gives the mask)."""
    articles = pd.DataFrame(rows)
    features = stories.article_features(articles, options=config.section("timeline"))
    actors, _ = stories._actor_matrix(cast, articles["article_id"].to_numpy())
    start = np.array([day, day + 1 / 24])
    return stories.score_pairs(np.array([[0, 1]]), features, start=start, end=start, shared=np.zeros((0, 3), int),
                               actors=actors, people=people(actors), languages=languages,
                               options=config.section("timeline"))


DEFICIT = article(
    "m1", "Bisnis.com", "2025-04-30T14:20:00+07:00", "Sri Mulyani: APBN Defisit Rp 104 Triliun hingga Maret",
    "Menteri Keuangan Sri Mulyani Indrawati melaporkan APBN mencatat defisit Rp 104,2 triliun hingga akhir Maret. "
    "Penerimaan pajak melambat, sementara belanja negara tetap tinggi.")
CORETAX = article(
    "m2", "detikcom", "2025-04-30T16:30:00+07:00", "Coretax Error Lagi, Sri Mulyani Janji Perbaiki dalam Sepekan",
    "Sistem administrasi perpajakan Coretax kembali bermasalah sehingga wajib pajak sulit menerbitkan faktur. "
    "Menkeu Sri Mulyani berjanji perbaikan rampung dalam sepekan.")


@pytest.mark.parametrize("languages, expected", [
    (["id", "id"], False),  # one language: her whole cast in both says nothing of one event
    (["id", "en"], True),  # two languages share no word: most of one cast is one event
    (None, True),  # languages unknown: any pair may be told in two
])
def test_one_cast_is_one_event_only_across_languages(languages, expected):
    cast = pd.DataFrame({"article_id": ["m1", "m1", "m2", "m2"],
                         "actor_id": ["per:sri-mulyani", "org:kemenkeu", "per:sri-mulyani", "org:kemenkeu"]})
    scores = _score_one_pair([DEFICIT, CORETAX], cast, people=lambda actors: np.ones(actors.shape[1], dtype=bool),
                             languages=None if languages is None else np.array(languages))
    assert scores["actor_overlap"].iloc[0] == 1.0 and scores["shared_lead_words"].iloc[0] < 2
    assert scores["score"].iloc[0] >= config.section("timeline")["story_threshold"]
    assert bool(scores["story"].iloc[0]) is expected


@pytest.mark.parametrize("actor_ids, people", [
    (["per:a", "org:b", "loc:c", "fac:d"], [True, True, False, False]),
    (["loc:c"], [False]),
])
def test_people_are_the_persons_and_organisations_among_the_actors(actor_ids, people):
    mentions = pd.DataFrame({"article_id": ["a"] * len(actor_ids), "actor_id": actor_ids})
    matrix, found = stories._actor_matrix(mentions, np.array(["a"], dtype=object))
    assert found.tolist() == people and matrix.shape[1] == len(people)


def test_without_mentions_the_cast_is_not_asked_for():
    audit = timeline.cluster_stories(ONE_DAY).set_index("article_id")
    assert audit["shared_lead_words"].notna().all()
    assert "same people" not in " ".join(audit["reason"])


def _scored(pairs):
    """A score table as score_pairs gives it, for the given (i, j, score) rows that may join."""
    frame = pd.DataFrame(pairs, columns=["i", "j", "score"])
    return frame.assign(duplicate=False, copied=False, story=True, joined=True)


# Two tight groups {0, 1, 2} and {3, 4}, one bridging pair (2, 3) and weak cross pairs.
BRIDGED = [(0, 1, 0.7), (0, 2, 0.65), (1, 2, 0.6), (3, 4, 0.6), (2, 3, 0.5), (1, 3, 0.42), (0, 4, 0.41)]


@pytest.mark.parametrize("limit, component_limit, expected", [
    (100, 300, [{0, 1, 2}, {3, 4}]),  # a small batch: average linkage
    (0, 300, [{0, 1, 2}, {3, 4}]),  # a large one: union-find, then average linkage inside the component
    (0, 4, [{0, 1, 2, 3, 4}]),  # a component above component_limit stays as union-find joined it
])
def test_average_linkage_resists_chaining(limit, component_limit, expected):
    labels = stories.link(_scored(BRIDGED), 5, options={"all_pairs_limit": limit, "link_threshold": 0.45,
                                                       "component_limit": component_limit})
    found = sorted((set(np.flatnonzero(labels == label)) for label in np.unique(labels)), key=min)
    assert found == expected


def test_link_takes_union_find_labels_from_the_caller_and_leaves_them_as_they_are():
    scores = _scored(BRIDGED)
    components = stories._components(scores, 5)
    given = components.copy()
    options = {"all_pairs_limit": 0, "link_threshold": 0.45, "component_limit": 300}
    labels = stories.link(scores, 5, options=options, components=components)
    assert labels.tolist() == stories.link(scores, 5, options=options).tolist()
    assert len(set(labels.tolist())) == 2  # the bridge is cut
    assert components.tolist() == given.tolist()


@pytest.mark.parametrize("labels, limit, expected", [
    ([0, 0, 0, 1, 1, 2, 2, 2, 2], 3, [(0, 1), (0, 2), (1, 2)]),  # pairs (3, 4) are scored already; 2 is too big
    ([2, 0, 2, 0, 2, 1], 300, [(0, 2), (0, 4), (2, 4)]),
    ([0, 1, 2], 300, []),
])
def test_pairs_inside_each_component_to_score(labels, limit, expected):
    pairs = stories._pairs_inside(np.asarray(labels), limit)
    assert sorted(map(tuple, pairs.tolist())) == expected


@pytest.mark.parametrize("score, together", [(0.41, True), (0.39, False)])
def test_two_articles_that_are_one_story_by_themselves_stay_one(score, together):
    options = config.section("timeline")
    assert options["story_threshold"] < score or not together
    labels = stories.link(_scored([(0, 1, score)]), 2, options=options)
    assert bool(labels[0] == labels[1]) is together


def test_duplicates_always_link():
    scores = _scored([(0, 1, 0.1)]).assign(duplicate=True)
    labels = stories.link(scores, 3, options={"all_pairs_limit": 100, "link_threshold": 0.45})
    assert labels[0] == labels[1] != labels[2]


def test_minimal_article_tables_are_clustered():
    frame = CORPUS[["article_id", "body"]].assign(body=CORPUS["body"].where(CORPUS["article_id"] != "c1", None))
    audit = timeline.cluster_stories(frame).set_index("article_id")
    assert audit.at["f1", "story_id"] == audit.at["f4", "story_id"]
    assert audit.at["c1", "story_size"] == 1 and (audit["outlet"] == "").all()


@pytest.mark.parametrize("rows, ids, expected", [
    # article ids in the given order, an id given twice shares its row, unknown articles and empty
    # actors are ignored, repeated mentions count once
    ([("a", "x"), ("a", "x"), ("b", "y"), ("zz", "x"), ("b", "")], ["a", "b", "a", "c"],
     [{"x"}, {"y"}, {"x"}, set()]),
    ([], ["a"], [set()]),
    # missing article or actor ids count for nothing
    ([("a", "x"), (None, "y"), ("b", None), ("b", "z")], ["a", "b"], [{"x"}, {"z"}]),
    ([(None, "x"), (None, "y")], ["a"], [set()]),
])
def test_actor_matrix_rows_are_actor_sets(rows, ids, expected):
    from warta.stories import _actor_matrix

    mentions = pd.DataFrame(rows, columns=["article_id", "actor_id"])
    matrix, _ = _actor_matrix(mentions, np.array(ids, dtype=object))
    assert matrix.shape[0] == len(ids)
    sizes = np.diff(matrix.indptr).tolist()
    assert sizes == [len(actors) for actors in expected]
    # Same sets ⇔ same rows: compare the column sets pairwise.
    columns = [frozenset(matrix.indices[matrix.indptr[i]:matrix.indptr[i + 1]]) for i in range(len(ids))]
    for i in range(len(ids)):
        for j in range(len(ids)):
            assert (columns[i] == columns[j]) == (expected[i] == expected[j]) or not expected[i]


def _assert_same_features(left: stories.Features, right: stories.Features) -> None:
    np.testing.assert_array_equal(left.shingles, right.shingles)
    for name in ("key_terms", "titles", "lead_words"):
        a, b = getattr(left, name), getattr(right, name)
        assert a.shape == b.shape
        np.testing.assert_array_equal(a.indptr, b.indptr)
        np.testing.assert_array_equal(a.indices, b.indices)
    pd.testing.assert_frame_equal(left.copy_units.reset_index(drop=True), right.copy_units.reset_index(drop=True))


@pytest.mark.parametrize("chunk_size", [2, 3, 5000])
@pytest.mark.parametrize("pieces", [1, 3])
def test_features_from_signatures_equal_features_from_text(chunk_size, pieces):
    # Signatures come from the enrichment's partitions, in any order; the copy units must come
    # back in the order hashing the whole batch in chunks gives them.
    options = {**config.section("timeline"), "chunk_size": chunk_size}
    signatures = pd.concat([stories.story_signatures(CORPUS.iloc[rows], options=options)
                            for rows in np.array_split(np.arange(len(CORPUS)), pieces)], ignore_index=True)
    shuffled = signatures.sample(frac=1, random_state=3)
    _assert_same_features(stories.article_features(CORPUS, options=options, signatures=shuffled),
                          stories.article_features(CORPUS, options=options))


def test_signatures_are_bytes_per_article_and_empty_input_keeps_the_columns():
    signatures = stories.story_signatures(CORPUS)
    assert signatures["article_id"].tolist() == CORPUS["article_id"].tolist()
    width = int(config.section("timeline").get("num_perm", 64))
    assert signatures["shingles"].map(len).eq(4 * width).all()
    assert all(isinstance(cell, bytes) for column in stories.SIGNATURE_COLUMNS[1:] for cell in signatures[column])
    assert stories.story_signatures(CORPUS.iloc[:0]).columns.tolist() == stories.SIGNATURE_COLUMNS


@pytest.mark.parametrize("signatures", [
    lambda: stories.story_signatures(CORPUS),
    lambda: stories.story_signatures(CORPUS.iloc[1:]),  # one article lacks its row: hashed from text
    lambda: stories.story_signatures(CORPUS.iloc[:0]),
    lambda: pd.concat([stories.story_signatures(CORPUS)] * 2),  # ids twice: not trusted
])
def test_clustering_with_signatures_equals_clustering_from_text(signatures):
    audit, copies = timeline.cluster_stories_and_copies(CORPUS, signatures=signatures())
    expected_audit, expected_copies = timeline.cluster_stories_and_copies(CORPUS)
    pd.testing.assert_frame_equal(audit, expected_audit)
    pd.testing.assert_frame_equal(copies, expected_copies)
    assert len(copies)  # the corpus has a copied article: the copy units were compared


@pytest.mark.parametrize(("signatures", "hashed"), [
    (lambda: stories.story_signatures(CORPUS), False),
    (lambda: stories.story_signatures(CORPUS.iloc[1:]), True),
    (lambda: pd.concat([stories.story_signatures(CORPUS)] * 2), True),
    (lambda: stories.story_signatures(CORPUS).drop(columns=["lead_words"]), True),  # a cache written before them
])
def test_hashing_the_text_despite_signatures_is_logged(caplog, signatures, hashed):
    with caplog.at_level("INFO", logger="warta.stories"):
        stories.article_features(CORPUS, signatures=signatures())
    assert ("hashing their text" in caplog.text) is hashed
