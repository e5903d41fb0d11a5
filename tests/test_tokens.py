"""Tests for warta._tokens, the compiled token loops: each gives what its Python reference gives.

The references are the pure-Python paths the package falls back to without a C compiler
(:func:`warta.gazetteer._tokenize_python`, ``Gazetteer._spans_python`` and
:func:`warta.actors._capitalised_runs`); tests/test_gazetteer.py runs its tables on both paths.
"""
from __future__ import annotations

import os
import random

import numpy as np
import pytest

from warta import actors, dates
from warta import gazetteer as gazetteer_module
from warta.gazetteer import load_gazetteer, tokenize
from warta.text import HARDSHIP_STANCES, MEMBERS_BEFORE, NOT_SPEAKER_AFTER

if os.environ.get("WARTA_PURE_PYTHON") == "1":
    _tokens = pytest.importorskip("warta._tokens")
else:
    from warta import _tokens  # a missing build is an error, not a skip


def _owners(tokens, gazetteer) -> list[int]:
    owner = [-1] * len(tokens.words)
    for index, (first, last, _, _) in enumerate(gazetteer.spans(tokens)):
        owner[first:last] = [index] * (last - first)
    return owner


@pytest.mark.parametrize("text, runs", [
    ("kata Presiden Rusia Vladimir Putin di Moskow", [(1, 2)]),  # Rusia, Vladimir Putin, Moskow are known
    ("Juru bicara John Nilsson-wright, kata", [(0, 1), (2, 5)]),  # a bare hyphen keeps the run going
    ("Hunter - Biden dan Ani-budi", [(0, 1), (3, 5)]),  # Biden is known; "Ani-budi" has a bare hyphen
    ("Ani - budi", [(0, 1)]),  # ... which a spaced dash is not
    ("Qwerty Zorba - Xantos Ani", [(0, 2), (2, 4)]),  # a spaced dash parts two names
    ("Qwerty Zorba \u2013 Xantos", [(0, 2), (2, 3)]),
    ("Zorba dan Xantos. Qwerty", [(0, 1), (2, 3), (3, 4)]),  # a full stop after a long word ends the run
    ("Presiden Omar al-Beshir dan Robin van Persie", [(0, 4), (5, 8)]),  # a name's particles before a capital
    ("Qwerty bin dan Zorba van", [(0, 1), (3, 4)]),  # ... only there
    ("", []),
])
def test_capitalised_runs(text, runs):
    gazetteer = load_gazetteer(())
    tokens = tokenize(text)
    owner = _owners(tokens, gazetteer)
    python = actors._capitalised_runs(text, tokens, owner)
    compiled = _tokens.capitalised_runs(text, tokens.words, tokens.keys, tokens.joined, owner, tokens.starts,
                                        tokens.ends, actors.NAME_PARTICLES)
    assert compiled == python == runs


def test_capitalised_runs_agree_on_random_texts():
    gazetteer = load_gazetteer(())
    rng = random.Random(5)
    pieces = ["Kim", "Jong", "un", "KPK", "Putin", "kata", "Presiden", "Ani", "é", "Élise", "2024", "x_1", " ", "-",
              " - ", ". ", ", ", "\n", "’s", "“", "Korea", "Utara", "dan", " al-", " bin ", "van"]
    checked = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
        tokens = tokenize(text)
        owner = _owners(tokens, gazetteer)
        python = actors._capitalised_runs(text, tokens, owner)
        assert _tokens.capitalised_runs(text, tokens.words, tokens.keys, tokens.joined, owner, tokens.starts,
                                        tokens.ends, actors.NAME_PARTICLES) == python, text
        checked += bool(python)
    assert checked > 1000  # most texts hold a run


def test_split_ascii_agrees_past_its_word_cache_and_offset_table():
    # 20,000 distinct words of 1-20 letters fill the cache of recent words (8,192 slots) many times
    # over, so slots are taken by other words of the same hash; 300,000 characters run past the
    # table of shared offsets (65,536). Each value must still be that of the Python split.
    rng = random.Random(11)
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"
    vocabulary = ["".join(rng.choice(letters) for _ in range(rng.randint(1, 20))) for _ in range(20_000)]
    text = "".join(rng.choice(vocabulary) + rng.choice([" ", ", ", ". ", "-", "\n"]) for _ in range(30_000))
    assert len(text) > 4 * 65_536
    split = _tokens.split_ascii(text)
    reference = gazetteer_module._tokenize_python(text, text)
    assert split == (reference.words, reference.keys, reference.starts, reference.ends, reference.joined)
    again = _tokens.split_ascii(text)  # the cache now holds words of this text: the same values
    assert again == split
    words = _tokens.split_ascii("yang Presiden yang presiden")[1]
    assert words[0] is words[2] and words[1] is words[3]  # short words and keys are shared, not made anew


def test_compiled_candidate_has_the_dataclass_fields_and_defaults():
    compiled = _tokens.Candidate(3, 5, "PER", "rule", 0.7)
    python = actors._PythonCandidate(3, 5, "PER", "rule", 0.7)
    fields = ["first", "last", "type", "method", "confidence", "entry", "weak", "resolution"]
    assert [getattr(compiled, name) for name in fields] == [getattr(python, name) for name in fields]
    compiled.weak, compiled.resolution = True, "fuzzy:90 A→B"
    assert (compiled.weak, compiled.resolution) == (True, "fuzzy:90 A→B")
    assert repr(compiled).startswith("Candidate(first=3, last=5, type='PER'")


def test_seed_candidates_agree_with_python(monkeypatch):
    gazetteer = load_gazetteer(())
    text = "Presiden Rusia Vladimir Putin bertemu Kim Jong Un di Pyongyang, kata juru bicara Kremlin, AS dan PBB."
    tokens = tokenize(text)
    found = gazetteer.spans(tokens)
    candidates, owner = _tokens.seed_candidates(found, actors._ALIAS_CONFIDENCE, len(tokens.words))
    monkeypatch.setattr(actors, "_Candidate", actors._PythonCandidate)
    expected, expected_owner = actors._seed_candidates(found, len(tokens.words))
    assert owner == expected_owner and owner.count(-1) < len(owner)
    fields = ["first", "last", "type", "method", "confidence", "entry", "weak", "resolution"]
    assert [[getattr(c, f) for f in fields] for c in candidates] == [[getattr(c, f) for f in fields] for c in expected]
    assert {c.entry.name for c in candidates} >= {"Vladimir Putin", "Kim Jong Un", "Pyongyang", "Kremlin", "PBB"}


def test_mentions_agree_with_the_pure_python_candidates(monkeypatch):
    texts = _random_news(40)
    compiled = [actors.extract_actors(text, use_model=False) for text in texts]
    monkeypatch.setattr(actors, "_Candidate", actors._PythonCandidate)
    monkeypatch.setattr(actors, "_compiled_seed", None)
    assert [actors.extract_actors(text, use_model=False) for text in texts] == compiled
    assert sum(map(len, compiled)) > 200


def test_person_name_keys_agree_with_python():
    Candidate = _tokens.Candidate
    keys = "presiden joko widodo bertemu joko anwar dan partai golkar di jakarta".split()
    candidates = [Candidate(0, 1, "PER", "rule", 0.7), Candidate(1, 3, "PER", "gazetteer", 0.95), None,
                  Candidate(4, 6, "PER", "rule", 0.7), Candidate(7, 9, "ORG", "gazetteer", 0.95)]
    expected = {"joko": -1, "widodo": 1, "anwar": 3}  # "joko" is in two names; one-word names and ORG lend none
    assert _tokens.person_name_keys(candidates, keys) == actors._person_name_keys(candidates, keys) == expected
    assert _tokens.person_name_keys([], keys) == {}


def _random_news(n: int) -> list[str]:
    """Texts of shuffled seed paragraphs: the names, roles and quotes the passes read."""
    from pathlib import Path

    from warta import config

    paragraphs = [line for path in sorted(Path(config.seeds_dir()).glob("*.txt"))
                  for line in path.read_text(encoding="utf-8").splitlines() if len(line) > 80]
    rng = random.Random(3)
    return [" ".join(rng.sample(paragraphs, 4)) for _ in range(n)]


@pytest.mark.parametrize("text, heads", [
    ("Kementerian Luar Negeri dan badan PBB serta Partai Golkar", [0, 7]),  # "badan" is lower case
    ("Universitas Cambridge; Badan", [0, 2]),
    ("tidak ada", []),
    ("", []),
])
def test_capitalised_heads(text, heads):
    tokens = tokenize(text)
    python = actors._capitalised_heads(tokens.keys, tokens.words, actors.ORG_HEADS)
    assert _tokens.capitalised_heads(tokens.keys, tokens.words, actors.ORG_HEADS) == python == heads


@pytest.mark.parametrize("text, heads", [
    ("di kecamatan Sukasada dan Desa Kramas", [1]),  # a capitalised head is the other filter's
    ("warga desa itu dan jalan Ahmad Yani", [4]),  # a lower-case word after "desa": not it
    ("menuju desa", []),  # the last word has nothing after it
    ("", []),
])
def test_lower_case_heads(text, heads):
    tokens = tokenize(text)
    python = actors._lower_case_heads(tokens.keys, tokens.words, actors.PLACE_HEADS)
    assert _tokens.lower_case_heads(tokens.keys, tokens.words, actors.PLACE_HEADS) == python == heads


# ==== Sentiment: warta._tokens.wanted_words against lexicon._wanted_words_python ================

def _scan_both(text: str, forms: dict) -> tuple:
    """Both scans of ``text``, their missing words compared as sets (the order is the scan's own)."""
    from warta.sentiment import lexicon

    compiled = _tokens.wanted_words(text, forms)
    python = lexicon._wanted_words_python(text, forms)
    assert set(compiled[2]) == set(python[2])
    return compiled, python


def _forms(*words: str, unwanted: tuple[str, ...] = ()) -> dict:
    """A forms map as the lexicon keeps it: each wanted word's form starts (word, " word ", size)."""
    return {**{word: (word, f" {word} ", len(word)) for word in words}, **dict.fromkeys(unwanted)}


@pytest.mark.parametrize(
    ("text", "words", "starts"),
    [
        ("Ia mengatakan, lalu menilai.", {"mengatakan", "menilai"}, [3, 20]),
        ("mengatakannya _menilai menilai_ 1menilai menilai1", {"menilai", "mengatakan"}, []),  # runs of \\w
        ("Mengatakan menilai", {"menilai"}, [11]),  # as the set spells it
        ("émenilai menilaié menilai", {"menilai"}, [18]),  # letters of any script are word characters
        ("Übersee über Über", {"Über"}, [13]),  # a word starting outside ASCII
        ("", {"menilai"}, []),
        ("menilai", frozenset(), []),
    ],
)
def test_whole_words(text, words, starts):
    assert _tokens.whole_words(text, frozenset(words)) == starts


@pytest.mark.parametrize("compiled", [True, False])
def test_indirect_speech_verbs_are_the_regex_ones_on_random_texts(monkeypatch, compiled):
    if not compiled:  # the scan for verb letters
        monkeypatch.setattr(actors, "_compiled_whole_words", None)
    pieces = [*sorted(actors.SPEECH_VERBS)[:6], "mengatakannya", "Menilai", "_", "1", "é", "ä", " ", ", ", ".",
              "\n", "“", "nya", "ber"]
    rng = random.Random(7)
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(12)))
        expected = [match.span() for match in actors._INDIRECT.finditer(text)]
        assert [match.span() for match in actors._indirect_matches(text)] == expected, text


@pytest.mark.parametrize("text, stems, hits", [
    ("Dikutip dari Reuters", ("kutip", "dari"), [(2, "kutip"), (8, "dari")]),
    ("mengutipnya", ("kutip", "mengutip"), [(0, "mengutip")]),  # the longest at a tie; no overlap
    ("viavia", ("via", "aviav"), [(0, "via"), (3, "via")]),  # leftmost first: "aviav" overlaps the first
    ("Ünal VIA İ via", ("via",), None),  # U+0130 lowers to ASCII: str.lower's path
    ("ж via\u212a", ("via",), None),
    ("“Via” é ", ("via",), [(1, "via")]),
    ("", ("via",), []),
])
def test_cue_hits(text, stems, hits):
    assert _tokens.cue_hits(text, tuple((stem.encode(), stem) for stem in stems)) == hits


def test_cue_hits_refuse_needles_that_cannot_match_lowered_text():
    with pytest.raises(ValueError):
        _tokens.cue_hits("x", ((b"Via", "Via"),))


def test_cue_hits_agree_with_the_lowered_bytes_on_random_texts():
    from warta import sources

    stems = sources._citations().byte_stems
    pieces = [*(stem.upper() if n % 2 else stem for n, (_, stem) in enumerate(stems)), "dari", "Reuters", "kut",
              "Via", "é", "ж", "“", " ", ".", "\n", "?", "ip", "lan"]
    rng = random.Random(17)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(14)))
        expected = sources._cue_hits(text.encode("latin-1", "replace").lower(), stems)
        assert _tokens.cue_hits(text, stems) == expected, text


@pytest.mark.parametrize("text, forms, wanted", [
    # Words are runs of letters, digits, "-" and "_"; only forms other than None are returned.
    ("ab cd-e, x_y ab", _forms("ab", "x_y", unwanted=("cd-e",)), [(0, "ab"), (9, "x_y"), (13, "ab")]),
    ("--a--  b", _forms("--a--", unwanted=("b",)), [(0, "--a--")]),
    ('"tidak" (buruk)!', _forms("tidak", "buruk"), [(1, "tidak"), (9, "buruk")]),
    ("Tidak tidak", _forms("tidak", unwanted=("Tidak",)), [(6, "tidak")]),  # lower-casing is the caller's
    ("", {}, []),
    (" .,;\n", {}, []),
])
def test_wanted_words(text, forms, wanted):
    compiled, python = _scan_both(text, forms)
    assert compiled == python == ([start for start, _ in wanted], [forms[word] for _, word in wanted], [])


def test_wanted_words_reports_missing_words():
    compiled, _ = _scan_both("ab zz ab yy zz", _forms("ab"))
    assert sorted(set(compiled[2])) == ["yy", "zz"]
    with pytest.raises(ValueError):
        _tokens.wanted_words("café", {})


def test_wanted_words_agree_on_random_texts():
    from warta.sentiment import lexicon as lexicon_module

    lexicon = lexicon_module.load_lexicon(())
    rng = random.Random(11)
    pieces = ["tidak", "khawatir", "kekhawatiran", "sangat", "baik", "maupun", "namun", "korupsi", "x_1", "2024",
              "serangan-serangan", "-", "--", " ", "  ", ", ", ". ", "\n", '"', "(", "kata", "nya", "a" * 30]
    hits = 0
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        compiled, python = _scan_both(text, lexicon._forms)
        for word in set(compiled[2]):
            lexicon.resolve(word)
        compiled, python = _scan_both(text, lexicon._forms)
        assert compiled == python and not compiled[2]
        hits += len(compiled[0])
    assert hits > 1000


def test_scan_forms_agree_on_random_texts():
    from warta.sentiment import lexicon as lexicon_module

    lexicon = lexicon_module.load_lexicon(())
    rng = random.Random(12)
    pieces = ["tidak", "khawatir", "sangat", "luar", "biasa", "akan", "tetapi", "jauh", "dari", "banjir", "bandang",
              "gagal", "bayar", "kata", "ujarnya", "prihatin", "namun", "meski", "korupsi", " ", ", ", ". ", "\n",
              # a count after a phrase's first word ("membuka 1.000 gerai") makes it an opener too
              "membuka", "gerai", "1.000", "ratusan", "ribuan"]
    totals = [0, 0, 0, 0]
    phrase_openers = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 24)))
        starts, found = lexicon._wanted_ascii(text)
        compiled = _tokens.scan_forms(starts, found)
        assert compiled == lexicon_module._scan_forms_python(starts, found)
        totals = [total + len(part) for total, part in zip(totals, compiled)]
        # Given the text, only the words whose phrases start there remain openers.
        filtered = _tokens.scan_forms(starts, found, text)
        assert filtered == lexicon_module._scan_forms_python(starts, found, text)
        assert filtered[:3] == compiled[:3] and set(filtered[3]) <= set(compiled[3])
        phrase_openers += len(filtered[3])
    assert min(totals) > 200  # spans, kinds, mods and openers all exercised
    assert 0 < phrase_openers < totals[3]
    with pytest.raises(ValueError):
        _tokens.scan_forms([0], [])
    with pytest.raises(ValueError):
        _tokens.scan_forms([], [], "café")


def test_cue_loop_agrees_on_random_texts():
    from warta.sentiment import lexicon as lexicon_module

    lexicon = lexicon_module.load_lexicon(())
    rng = random.Random(13)
    pieces = ["tidak", "khawatir", "sangat", "senang", "sekali", "luar biasa", "akan tetapi", "jauh dari", "Namun",
              "banjir bandang", "gagal bayar", "hasil imbang", "kata", "ujarnya", "prihatin", "meski", "korupsi",
              "memberantas", "penurunan", "laba", "baik", "maupun", "bagus", " ", " ", ", ", ". ", "\n", "“", "”"]
    kinds = {"weighed": 0, "plain": 0, "before_contrast": 0, "consumed": 0}
    for _ in range(1500):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        scan = lexicon._scan(text)
        context = lexicon_module._Context(lexicon, scan.lower, lexicon_module._sentence_breaks(scan.lower, scan.plain),
                                          scan.mods)
        args = (scan.spans, lexicon.entries, context.sentences, context.by_sentence, context.wide,
                context.opens_with_contrast, lexicon_module._reaches, context.weigh, lexicon_module.Cue,
                lexicon_module._BEFORE_CONTRAST)
        compiled = _tokens.cue_loop(*args)
        assert compiled == lexicon_module._cue_loop_python(*args)
        assert all(type(cue) is lexicon_module.Cue for cue in compiled[0])
        for cue in compiled[0]:
            kinds["before_contrast" if cue.modifiers == ("before_contrast",) else
                  "weighed" if cue.modifiers else "plain"] += 1
        kinds["consumed"] += len(compiled[1])
    assert min(kinds.values()) > 50, kinds


@pytest.mark.parametrize("text, found, holders", [
    ("AS prihatin atas kerja sama Rusia dan Korut.", [(0, 2, "as"), (28, 33, "ru"), (38, 43, "kp")], {"as"}),
    ("Kerja sama itu berbahaya, kata Kirby.", [(31, 36, "kirby")], {"kirby"}),  # a postposed verb
    ("Kirby, di sela rapat, kemudian mengatakan hal itu.", [(0, 5, "kirby")], {"kirby"}),  # the first clause's names
    ("Kirby, di sela rapat, mengatakan hal itu.", [(0, 5, "kirby")], set()),  # a leading verb looks after itself
    ("Rusia – katanya – melanggar.", [(0, 5, "ru")], {"ru"}),
    ("Tidak ada yang berkata.", [], set()),
    # A name after a place or object preposition is where or to whom it was said.
    ("Tol ini penting, kata Jokowi di Demak.", [(22, 28, "jokowi"), (32, 37, "demak")], {"jokowi"}),
    ("Jokowi di  Demak mengatakan hal itu.", [(0, 6, "jokowi"), (11, 16, "demak")], {"jokowi"}),
    ("Warga di Demak mengeluhkan banjir.", [(9, 14, "demak")], set()),
    ("Di Jakarta, Kirby kemudian mengatakan hal itu.", [(3, 10, "jakarta"), (12, 17, "kirby")], {"kirby"}),
    ("Kirby mengatakan kepada Seoul, AS menolak.", [(0, 5, "kirby"), (24, 29, "seoul"), (31, 33, "as")],
     {"kirby", "as"}),
    ("Jokowi dan Prabowo mengkritik hal itu.", [(0, 6, "jokowi"), (11, 18, "prabowo")], {"jokowi", "prabowo"}),
    ("Kadi Jokowi mengkritik.", [(5, 11, "jokowi")], {"jokowi"}),  # "di" must be a whole word
    # A relative clause of a common noun holds its own stance; of a name, the name's.
    ("Kirby didemo warga yang menolak kebijakan.", [(0, 5, "kirby")], set()),
    ("Kirby yang menolak kebijakan itu berbicara.", [(0, 5, "kirby")], {"kirby"}),
    # Residents who voice a hardship voice it for themselves: their place is what it is about.
    ("Warga Sumenep mengeluhkan kelangkaan elpiji.", [(6, 13, "sumenep")], set()),
    ("Nelayan Kabupaten Indramayu khawatir solar langka.", [(8, 27, "indramayu")], set()),
    ("Warga Desa Wadas menolak penambangan.", [(6, 16, "wadas")], {"wadas"}),  # a view: the village's too
    ("Bupati Kirby mengeluhkan hal itu.", [(7, 12, "kirby")], {"kirby"}),
])
def test_stance_holders(text, found, holders):
    from warta.sentiment import lexicon as lexicon_module, targets

    lexicon = lexicon_module.load_lexicon(())
    stances = lexicon_module.stance_spans(lexicon, text)
    offset = 100  # offsets of mentions are into the body; the sentence starts at 100
    found = [(start + offset, end + offset, actor) for start, end, actor in found]
    python = targets.sentence_holders(lexicon, text, offset, found, stances=stances)
    compiled = _tokens.stance_holders(text, offset, found, stances, NOT_SPEAKER_AFTER, HARDSHIP_STANCES, MEMBERS_BEFORE)
    assert compiled == python == holders


def test_stance_holders_agree_on_random_sentences():
    from warta.sentiment import lexicon as lexicon_module, targets

    lexicon = lexicon_module.load_lexicon(())
    n_holders = n_blocked = n_members = 0
    for text, offset, found, stances in _random_sentences(random.Random(14), 3000):
        python = targets.sentence_holders(lexicon, text, offset, found, stances=stances)
        compiled = _tokens.stance_holders(text, offset, found, stances, NOT_SPEAKER_AFTER, HARDSHIP_STANCES,
                                          MEMBERS_BEFORE)
        assert compiled == python and list(compiled) == list(python)  # the same set, in the same order
        n_holders += len(python)
        n_blocked += len(targets.sentence_holders(lexicon, text, offset, found, stances=stances,
                                                  blocked_after=frozenset(), members_before=frozenset()) - python)
        n_members += len(targets.sentence_holders(lexicon, text, offset, found, stances=stances,
                                                  members_before=frozenset()) - python)
    # The random sentences put names after "di" too, and after "warga" beside a complaint.
    assert n_holders > 500 and n_blocked > 20 and n_members > 5


def _random_sentences(rng: random.Random, count: int):
    """Random sentences of names, stance and reporting words, breaks and gaps, as (text, body
    offset, mentions with body offsets and integer actors, stance spans within the text)."""
    from warta.sentiment import lexicon as lexicon_module

    lexicon = lexicon_module.load_lexicon(())
    pieces = ["AS", "Rusia", "Kirby", "kata", "ujarnya", "mengatakan", "prihatin", "menuduh", "mengkritik", "dan",
              "bahwa", "di", "sela", ", ", ". ", " – ", " - ", "“", "”", "'", "’", ": ", "\n", "…", "(", ")",
              "yang", "warga", "mengeluhkan"]
    actors = {"AS": 7, "Rusia": 3, "Kirby": 11}
    sentences, body = [], 0
    for _ in range(count):
        words = [rng.choice(pieces) for _ in range(rng.randint(1, 16))]
        text, found = "", []
        for word in words:
            text += ("" if not text or word[0] in ",.:)…\n" else " ") + word
            if word in actors:
                found.append((body + len(text) - len(word), body + len(text), actors[word]))
        sentences.append((text, body, found, lexicon_module.stance_spans(lexicon, text)))
        body += len(text) + 1
    return sentences


BLOCKED = frozenset({"di", "ke"})


def test_holder_pairs_give_each_sentence_its_stance_holders():
    sentences = _random_sentences(random.Random(21), 3000)
    expected = {(pos, actor) for pos, (text, offset, found, stances) in enumerate(sentences)
                for actor in _tokens.stance_holders(text, offset, found, stances, BLOCKED, HARDSHIP_STANCES,
                                                    MEMBERS_BEFORE)}
    # Sentences numbered 5 apart (a sentence's number is not its place), stance spans as body offsets.
    as_array = lambda values: np.array(values, dtype=np.int64)  # noqa: E731
    stance_sizes = [len(stances) for *_, stances in sentences]
    mention_sizes = [len(found) for _, _, found, _ in sentences]
    pos, actor = _tokens.holder_pairs(
        [text for text, *_ in sentences], as_array([offset for _, offset, *_ in sentences]),
        as_array([5 * index for index in range(len(sentences))]), as_array(np.r_[0, np.cumsum(stance_sizes)]),
        as_array([offset + start for _, offset, _, stances in sentences for start, _, _ in stances]),
        as_array([offset + end for _, offset, _, stances in sentences for _, end, _ in stances]),
        as_array(np.r_[0, np.cumsum(mention_sizes)]),
        as_array([start for _, _, found, _ in sentences for start, _, _ in found]),
        as_array([actor for _, _, found, _ in sentences for _, _, actor in found]), BLOCKED, HARDSHIP_STANCES,
        MEMBERS_BEFORE)
    pairs = list(zip((pos // 5).tolist(), actor.tolist()))
    assert len(pairs) == len(set(pairs))  # each holder once per sentence
    assert set(pairs) == expected and len(expected) > 500


@pytest.mark.parametrize(("bad", "message"), [
    ("sentence_start", "bounds"), ("stance_bounds", "bounds"), ("mention_bounds_past_the_end", "bounds"),
    ("mention_bounds_backwards", "bounds"), ("stance_past_the_text", "outside its sentence"),
])
def test_holder_pairs_refuse_bounds_that_do_not_fit(bad, message):
    one = np.array([0], dtype=np.int64)
    arrays = dict(sentence_start=one, sentence_pos=one, stance_bounds=np.array([0, 1], dtype=np.int64),
                  stance_start=np.array([3], dtype=np.int64), stance_end=np.array([13], dtype=np.int64),
                  mention_bounds=np.array([0, 1], dtype=np.int64), mention_start=one, mention_actor=one)
    if bad == "sentence_start":
        arrays["sentence_start"] = np.array([0, 0], dtype=np.int64)
    elif bad == "stance_bounds":
        arrays["stance_bounds"] = one
    elif bad == "mention_bounds_past_the_end":
        arrays["mention_bounds"] = np.array([0, 2], dtype=np.int64)
    elif bad == "mention_bounds_backwards":
        arrays["mention_bounds"] = np.array([1, 0], dtype=np.int64)
    else:
        arrays["stance_end"] = np.array([40], dtype=np.int64)
    with pytest.raises(ValueError, match=message):
        _tokens.holder_pairs(["AS mengkritik."], *arrays.values(), frozenset())
    if bad == "stance_past_the_text":  # the one-sentence rule refuses it too
        with pytest.raises(ValueError, match=message):
            _tokens.stance_holders("AS mengkritik.", 0, [(0, 2, "as")], [(3, 40, "stance")], frozenset())


class _Text(str):
    pass


@pytest.mark.parametrize("value, plain", [
    ([[{"term": "baik", "start": 3, "weight": 1.5, "negated": False, "modifiers": ["sangat"]}], [], None], True),
    ({"k": (1, 2.5, b"x", None)}, True),
    ("teks", True),
    ([1, [2, [3, {"a": np.int64(4)}]]], False),  # a NumPy scalar deep inside
    ([np.float64(0.5)], False),
    ({1: [np.array([1])]}, False),
    ([_Text("teks")], False),
    ({"d": {frozenset({1}): 1}}, False),
    ([bytearray(b"ab")], False),
    ([set()], False),
])
def test_plain_data(value, plain):
    assert _tokens.plain_data(value) is plain


def test_plain_data_gives_up_past_64_levels():
    deep = shallow = []
    for _ in range(63):
        shallow.append([])
        shallow = shallow[0]
    assert _tokens.plain_data(deep)
    shallow.append([])
    assert not _tokens.plain_data(deep)


# Digits and the characters that bar them, month names in every case, letters that glue to a
# name (before it, or lowercase after it), other scripts, and separators.
_TRIGGER_PIECES = ["1", "19", "2024", "/", ".", ",", ":", "-", "(", "Juni", "JUNI", "Jun", "juni", "Mei", "Maret",
                   "Mar", "Desember", "Des", "Pebruari", "a", "Z", "_", "é", "٣", " ", "\n", "s", "Menteri"]


@pytest.mark.parametrize("seed", range(3))
def test_date_triggers_are_the_regex_ones_on_random_texts(seed):
    rng = random.Random(seed)
    for _ in range(2000):
        text = "".join(rng.choice(_TRIGGER_PIECES) for _ in range(rng.randrange(12)))
        for months, pattern in ((dates._TRIGGER_MONTHS_ALL, dates._TRIGGERS_ALL), (dates._TRIGGER_MONTHS, dates._TRIGGERS)):
            assert _tokens.date_triggers(text, months) == [match.start() for match in pattern.finditer(text)], text


_RELATIVE_PIECES = ["lalu", "Lalu", "kemarin", "Kemarin", "lusa", "Lusa", "besok", "depan", "mendatang", "lagi",
                    "lalulintas", "lagian", "l", "k", "le", "_", "x", "é", "ß", "ğ", "\u0660", "“", "😀", "2", "-",
                    " ", " ", ",", ".", "("]


@pytest.mark.parametrize("seed", range(3))
def test_word_starts_are_the_reference_ones_on_random_texts(seed):
    # 1-, 2- and 4-byte texts, words glued to letters, digits, "_" and other scripts.
    rng = random.Random(seed)
    for _ in range(3000):
        text = "".join(rng.choice(_RELATIVE_PIECES) for _ in range(rng.randrange(14)))
        assert _tokens.word_starts(text, dates._RELATIVE_BY_FIRST) == dates._relative_hits_python(text), text


def test_word_starts_refuse_words_outside_ascii():
    with pytest.raises(ValueError, match="ASCII letter"):
        _tokens.word_starts("Éte", {"É": ["Éte"]})


def test_date_triggers_refuse_month_names_outside_ascii():
    with pytest.raises(ValueError, match="ASCII letter"):
        _tokens.date_triggers("Éte 2024", {"É": ("Éte",)})


class _Items(list):
    pass


@pytest.mark.parametrize("cell, text", [
    ([3, 7], "[3,7]"),
    ([], "[]"),
    ([0, -1, -12, 2**63 - 1, -2**63], f"[0,-1,-12,{2**63 - 1},{-2**63}]"),
    ([2**63], f"[{2**63}]"),  # past a long long: orjson writes it (unsigned 64 bits)
    ([True, 1], "[true,1]"),  # bools are not ints in JSON
    ([np.int64(3)], "[3]"),
    ([1, "a"], '[1,"a"]'),
    ([[1]], "[[1]]"),
    ([1.5], "[1.5]"),
    (_Items([4]), "[4]"),
    ((1, 2), "[1,2]"),
    ({"a": [1]}, '{"a":[1]}'),
    (None, None),
    ("teks", "teks"),
    (5, 5),
])
def test_json_cells_write_each_cell_as_orjson_does(cell, text):
    from warta import export

    assert _tokens.json_cells([cell], export._json_text_of) == [text]
    assert export._json_cells_python([cell]) == [text]


def test_json_cells_agree_with_orjson_on_random_int_lists():
    from warta import export

    rng = random.Random(7)
    cells = [[rng.randint(-2**63, 2**63 - 1) if rng.random() < 0.2 else rng.randint(-999, 99_999)
              for _ in range(rng.randint(0, 6))] for _ in range(2_000)]
    assert _tokens.json_cells(cells, export._json_text_of) == export._json_cells_python(cells)
