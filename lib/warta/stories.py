"""Story clustering: near-duplicates and same-story articles, with the evidence for every join.

A whole batch is tokenised and hashed at once in numpy (no Python object per word): the UTF-8
bytes of all bodies are scanned for word boundaries and each word is hashed from its bytes. From
those hashes come MinHash signatures of word shingles (how much text two articles share) and the
*key terms* of each article (capitalised words inside sentences, and title words: who and where
the story is about). Candidate pairs come from banding LSH over the key-term signatures (or from
all pairs in a small batch), are scored on shingle, key-term, title, actor and date overlap plus
shared sentences, must tell of one event (shared *lead words*, the lower-case words that say what
happened, by their roots; across languages most of one cast), and the joining pairs become
stories: by average linkage in a small batch (one bridging article cannot chain two stories), by
union-find (connected components) in a large one, whose groups are then split by the same
average linkage.

What depends on one article alone (its MinHash signature, key terms, title words, lead words and
sentence hashes) is its *story signature* (:func:`story_signatures`): the enrichment computes it
once per file and the cache keeps it, so that clustering a large batch again hashes no text.

``cluster(articles, spans=...)`` is what :func:`warta.timeline.cluster_stories` calls;
``find_copies`` reports the sentences and paragraphs two articles share (syndication, copying).
"""
from __future__ import annotations

import logging
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Sequence

import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix, csr_matrix
from scipy.sparse.csgraph import connected_components

from warta import config
from warta.errors import WartaError

# Compiled passes (references: _new_in_band_numpy, _best_edges_numpy, _hashed_words_numpy,
# _unit_keys_numpy, and _minhash_numpy of shingle_hashes); without a C compiler those run.
try:
    from warta._tokens import best_edges as _compiled_best_edges, hashed_words as _compiled_hashed_words
    from warta._tokens import new_in_band as _compiled_new_in_band, shingle_minhash as _compiled_shingle_minhash
    from warta._tokens import unit_keys as _compiled_unit_keys
except ImportError:  # pragma: no cover - only without a C compiler (tests run both paths)
    _compiled_best_edges = _compiled_hashed_words = _compiled_new_in_band = None
    _compiled_shingle_minhash = _compiled_unit_keys = None

log = logging.getLogger(__name__)
TERMS_FILE = config.DATA_DIR / "timeline_terms.toml"
_MASK64 = (1 << 64) - 1
_EMPTY = np.uint32(0xFFFFFFFF)
_NON_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=1)
def terms() -> dict[str, Any]:
    """The packaged word lists (stopwords, event words, paraphrase phrases, synonyms) of ``timeline_terms.toml``."""
    with TERMS_FILE.open("rb") as handle:
        return tomllib.load(handle)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(terms()["stopwords"].split())


@lru_cache(maxsize=1)
def _lead_stop_hashes() -> np.ndarray:
    """Hashes of the words no lead word may be: stopwords and words of saying ("menyebut")."""
    return np.unique(hash_words(sorted(stopwords() | set(terms()["reporting_words"].split()))))


# --------------------------------------------------------------------------- vectorised hashing


@dataclass(frozen=True)
class Tokens:
    """The words of a batch of texts: ``hashes[offsets[i]:offsets[i + 1]]`` belong to text ``i``."""

    hashes: np.ndarray  # uint64 hash of each lower-cased word
    offsets: np.ndarray  # int64, len(texts) + 1
    capitalised: np.ndarray  # bool: the word starts with an ASCII capital letter
    digit: np.ndarray  # bool: the word starts with a digit
    lengths: np.ndarray  # int64: the word's length in bytes
    initial: np.ndarray  # bool: the word opens its text or follows ". ! ?" or a line break
    line_initial: np.ndarray  # bool: the word opens its text or a line
    byte_starts: np.ndarray  # int64: where the word starts in its text's UTF-8 bytes
    byte_ends: np.ndarray  # int64: where it ends


def _mix(values: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser: spreads every input bit over the whole 64-bit output."""
    z = values.astype(np.uint64, copy=True)
    z ^= z >> np.uint64(30)
    z *= np.uint64(0xBF58476D1CE4E5B9)
    z ^= z >> np.uint64(27)
    z *= np.uint64(0x94D049BB133111EB)
    z ^= z >> np.uint64(31)
    return z


def _word_bytes(buffer: np.ndarray) -> np.ndarray:
    """Mask of bytes that belong to words: ASCII letters and digits, and non-ASCII letters.

    Multi-byte punctuation (curly quotes, dashes, ellipsis: U+2000–U+206F, lead bytes E2 80/81;
    no-break space and Latin-1 signs: lead byte C2) separates words like ASCII punctuation does.
    """
    b = buffer
    word = ((b >= 48) & (b <= 57)) | ((b >= 65) & (b <= 90)) | ((b >= 97) & (b <= 122)) | (b >= 128)
    lead = np.flatnonzero((b[:-2] == 0xE2) & ((b[1:-1] == 0x80) | (b[1:-1] == 0x81)))
    for shift in range(3):
        word[lead + shift] = False
    latin1 = np.flatnonzero(b[:-1] == 0xC2)
    word[latin1] = False
    word[latin1 + 1] = False
    return word


def token_hashes(texts: Sequence[str]) -> Tokens:
    """Split every text into words and hash each lower-cased word, all texts at once.

    The hash depends only on the word (its first 24 bytes and its length), so the same word
    gets the same hash in every batch and every process.

    >>> tokens = token_hashes(["Putin tiba", "putin"])
    >>> tokens.offsets.tolist(), bool(tokens.hashes[0] == tokens.hashes[2])
    ([0, 2, 3], True)
    """
    encoded = [text.encode("utf-8") for text in texts]
    lengths = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
    text_starts = np.concatenate(([0], np.cumsum(lengths + 1)[:-1])).astype(np.int64)
    # A newline between texts keeps words from running across them; 24 zero bytes pad the loads.
    raw = np.frombuffer(b"\n".join(encoded) + b"\n" + bytes(24), dtype=np.uint8)
    scan = _hashed_words_numpy if _compiled_hashed_words is None else _compiled_hashed_words
    starts, ends, hashed, initial, line_initial, owner = scan(raw, text_starts)
    offsets = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(np.bincount(owner, minlength=len(texts)), out=offsets[1:])
    first = raw[starts]
    return Tokens(hashes=hashed, offsets=offsets, capitalised=(first >= 65) & (first <= 90),
                  digit=(first >= 48) & (first <= 57), lengths=ends - starts, initial=initial,
                  line_initial=line_initial, byte_starts=starts - text_starts[owner],
                  byte_ends=ends - text_starts[owner])


def _hashed_words_numpy(raw: np.ndarray, text_starts: np.ndarray) -> tuple[np.ndarray, ...]:
    """The words of ``raw`` (texts joined by line breaks, then 24 zero bytes): their byte starts
    and ends, hashes, whether a sentence mark (". ! ?" or a line break) or a line break lies
    between each and the word before (the first word: True), and the text each belongs to
    (``text_starts``: where each text starts in ``raw``). A word after a text's separator follows
    a line break, so each text's first word is marked too.

    The reference of the compiled ``_tokens.hashed_words``, in whole-buffer NumPy steps.
    """
    word = _word_bytes(raw)
    word[-25:] = False
    edges = np.diff(word.astype(np.int8), prepend=np.int8(0), append=np.int8(0))
    starts = np.flatnonzero(edges == 1)
    ends = np.flatnonzero(edges == -1)
    sizes = (ends - starts).astype(np.uint64)

    upper = (raw >= 65) & (raw <= 90)
    lower = (raw + upper.view(np.uint8) * np.uint8(32)) * word.view(np.uint8)
    # Unaligned little-endian 8-byte loads at every byte offset: one gather reads 8 bytes of a word.
    loads = np.ndarray(shape=(len(lower) - 8,), dtype="<u8", buffer=lower.data, strides=(1,))
    hashed = sizes * np.uint64(0x9E3779B97F4A7C15)
    for block in range(3):
        # Most words fit in 8 bytes; only longer ones need their second and third 8 bytes.
        at = np.flatnonzero(sizes > np.uint64(8 * block)) if block else np.arange(len(starts))
        keep = np.minimum(sizes[at] - np.uint64(8 * block), np.uint64(8))
        # Zero the bytes past the word end (they belong to the next word or to padding).
        mask = np.where(keep >= np.uint64(8), np.uint64(_MASK64),
                        (np.uint64(1) << (np.uint64(8) * keep)) - np.uint64(1))
        hashed[at] = _mix(hashed[at] ^ (loads[starts[at] + 8 * block] & mask))
    # A sentence mark in the gap before a word makes it sentence-initial (its capital says nothing).
    breaks = np.flatnonzero(raw == 10)
    stops = np.flatnonzero((raw == 46) | (raw == 33) | (raw == 63) | (raw == 10))
    owner = np.searchsorted(text_starts, starts, side="right") - 1
    return (starts.astype(np.int64), ends.astype(np.int64), hashed,
            _follows(stops, starts, ends), _follows(breaks, starts, ends), owner.astype(np.int64))


def _follows(marks: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """True for the first word and for words with a byte of ``marks`` (sorted positions) between
    them and the word before."""
    result = np.ones(len(starts), dtype=bool)
    if len(starts) > 1:
        result[1:] = np.searchsorted(marks, starts[1:]) > np.searchsorted(marks, ends[:-1])
    return result


def hash_words(words: Sequence[str]) -> np.ndarray:
    """Hashes of single words, as :func:`token_hashes` would give them inside a text."""
    return token_hashes([" ".join(words)]).hashes


def minhash(values: np.ndarray, offsets: np.ndarray, *, num_perm: int, seed: int) -> np.ndarray:
    """MinHash signatures (``len(offsets) - 1`` × ``num_perm``, uint32) of the sets of 64-bit hashes
    ``values[offsets[i]:offsets[i + 1]]``.

    Each permutation is the multiply-add-shift hash ``(a·h + b) mod 2⁶⁴ >> 32`` with odd ``a``
    (2-universal, and a shift is far cheaper than ``mod p``). Empty sets get the all-ones signature.
    The compiled pass (``warta._tokens.shingle_minhash``, shingles of one word) reads each value
    once for all permutations; :func:`_minhash_numpy` is its reference.
    """
    a, b = _permutations(num_perm, seed)
    if _compiled_shingle_minhash is None:
        return _minhash_numpy(values, offsets, a, b)
    return _compiled_shingle_minhash(np.ascontiguousarray(values, dtype=np.uint64),
                                     np.ascontiguousarray(offsets, dtype=np.int64), 1, a, b)


def shingle_minhash(tokens: Tokens, size: int, *, num_perm: int, seed: int) -> np.ndarray:
    """:func:`minhash` of each text's ``size``-word shingles (:func:`shingle_hashes`).

    Compiled, the shingles are hashed and permuted word by word, with no array of them: about a
    third of the time of building the shingles and then their signatures.
    """
    if _compiled_shingle_minhash is None:
        return minhash(*shingle_hashes(tokens, size), num_perm=num_perm, seed=seed)
    a, b = _permutations(num_perm, seed)
    return _compiled_shingle_minhash(tokens.hashes, tokens.offsets, size, a, b)


@lru_cache(maxsize=8)
def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The multipliers (odd) and offsets of :func:`minhash`'s permutations, drawn from ``seed``."""
    rng = np.random.default_rng(seed)
    a = rng.integers(0, 2**63, size=num_perm, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng.integers(0, 2**63, size=num_perm, dtype=np.uint64)
    a.flags.writeable = b.flags.writeable = False  # shared by every call with this seed
    return a, b


def _minhash_numpy(values: np.ndarray, offsets: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """:func:`minhash` in NumPy: a pass over ``values`` per permutation, and ``np.minimum.reduceat``
    for the minimum of every set at once."""
    n = len(offsets) - 1
    signature = np.full((n, len(a)), _EMPTY, dtype=np.uint32)
    filled = np.diff(offsets) > 0
    if not filled.any():
        return signature
    starts = offsets[:-1][filled]
    shift = np.uint64(32)
    permuted = np.empty(len(values), dtype=np.uint64)  # one buffer, reused: no temporaries per permutation
    for column in range(len(a)):
        np.multiply(values, a[column], out=permuted)
        permuted += b[column]
        permuted >>= shift
        signature[filled, column] = np.minimum.reduceat(permuted, starts)
    return signature


def jaccard_estimate(signature: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    """Share of agreeing MinHash values for each row pair ``(i, j)``; 0 when either set is empty."""
    if len(pairs) == 0:
        return np.zeros(0)
    empty = (signature == _EMPTY).all(axis=1)
    estimate = np.zeros(len(pairs))
    step = 100_000
    for begin in range(0, len(pairs), step):
        left, right = pairs[begin:begin + step, 0], pairs[begin:begin + step, 1]
        estimate[begin:begin + step] = (signature[left] == signature[right]).mean(axis=1)
    estimate[empty[pairs[:, 0]] | empty[pairs[:, 1]]] = 0.0
    return estimate


def shingle_hashes(tokens: Tokens, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Hashes of the ``size``-word shingles of each text, and their offsets per text."""
    counts = np.diff(tokens.offsets)
    owner = np.repeat(np.arange(len(counts)), counts)
    position = np.arange(len(tokens.hashes)) - tokens.offsets[owner]
    at = np.flatnonzero(position + size <= counts[owner])
    hashed = tokens.hashes[at].copy()
    for step in range(1, size):
        hashed = _mix(hashed * np.uint64(0x100000001B3) ^ tokens.hashes[at + step])
    per_text = np.bincount(owner[at], minlength=len(counts))
    offsets = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(per_text, out=offsets[1:])
    return hashed, offsets


def lsh_pairs(signature: np.ndarray, *, rows: int, order: np.ndarray, window: int) -> np.ndarray:
    """Candidate pairs ``(i, j)``, ``i < j``, that agree on all ``rows`` values of some band.

    Within a band, rows are sorted by band key and then by ``order`` (publication time), and each
    row is paired with the next ``window`` rows of the same key: small buckets give all their
    pairs, and a huge bucket (a very common term) gives pairs of articles close in time instead of
    a quadratic blow-up. Rows with an empty signature are never candidates.

    A similar pair meets in most bands (30x over on a synthetic 100k batch), so each band keeps
    only the pairs that no earlier band proposed: same key there and at most ``window`` apart in
    its order. Nearly every repeat is caught by the first band or two it is checked against, so
    this costs far less than sorting all the repeats away.
    """
    n, num_perm = signature.shape
    live = np.flatnonzero(~(signature == _EMPTY).all(axis=1))
    # In publication order once: a stable sort by band key then keeps that order among equal
    # keys, as a lexsort by (key, order) would, at half its cost (60 bands of 100k rows: 0.83 s).
    live = live[np.argsort(order[live], kind="stable")]
    bands = num_perm // rows
    keys = np.zeros((bands, n), dtype=np.uint64)
    ranks = np.zeros((bands, n), dtype=np.int32)  # int32 ids and ranks: half the memory traffic
    found: list[np.ndarray] = []
    for band in range(bands):
        block = signature[live, band * rows:(band + 1) * rows].astype(np.uint64)
        key = np.zeros(len(live), dtype=np.uint64)
        for column in range(rows):
            key = _mix(key * np.uint64(0x100000001B3) ^ block[:, column])
        sort = np.argsort(key, kind="stable")
        key_sorted, ids = key[sort], live[sort].astype(np.int32)
        keys[band, ids] = key_sorted
        ranks[band, ids] = np.arange(len(ids), dtype=np.int32)
        left, right = [], []
        for step in range(1, window + 1):
            same = np.flatnonzero(key_sorted[step:] == key_sorted[:-step])
            if len(same) == 0:
                break
            left.append(ids[same])
            right.append(ids[same + step])
        if left:
            fresh = _new_in_band(np.concatenate(left), np.concatenate(right), keys[:band], ranks[:band], window)
            found.append(_codes(*fresh, n))
    if not found:
        return np.zeros((0, 2), dtype=np.int64)
    codes = np.sort(np.concatenate(found))
    return np.stack([codes // n, codes % n], axis=1)


def _new_in_band(left: np.ndarray, right: np.ndarray, keys: np.ndarray, ranks: np.ndarray,
                 window: int) -> tuple[np.ndarray, np.ndarray]:
    """The pairs ``(left, right)`` that none of the earlier bands (``keys``, ``ranks``) proposed."""
    if _compiled_new_in_band is not None and left.dtype == right.dtype == np.int32 and len(keys):
        # One pass over the pairs, each stopping at the first band that proposed it (3.6 s of
        # gathers per band at 100k articles before).
        kept = _compiled_new_in_band(left, right, np.ascontiguousarray(keys), np.ascontiguousarray(ranks), window)
        return left[kept], right[kept]
    return _new_in_band_numpy(left, right, keys, ranks, window)


def _new_in_band_numpy(left: np.ndarray, right: np.ndarray, keys: np.ndarray, ranks: np.ndarray,
                       window: int) -> tuple[np.ndarray, np.ndarray]:
    """:func:`_new_in_band` in NumPy: each band drops the pending pairs it proposed."""
    pending = np.arange(len(left), dtype=np.int32 if len(left) < 2**31 else np.int64)
    for band_keys, band_ranks in zip(keys, ranks):
        if len(pending) == 0:
            break
        a, b = left[pending], right[pending]
        proposed = (band_keys[a] == band_keys[b]) & (np.abs(band_ranks[a] - band_ranks[b]) <= window)
        pending = pending[~proposed]
    return left[pending], right[pending]


def _codes(left: np.ndarray, right: np.ndarray, n: int) -> np.ndarray:
    """Each pair as one int64, ``min * n + max``: a pair and its mirror get the same code."""
    left, right = left.astype(np.int64), right.astype(np.int64)
    return np.minimum(left, right) * n + np.maximum(left, right)


def unique_pairs(pairs: np.ndarray, n: int) -> np.ndarray:
    """Distinct pairs ``(i, j)`` with ``i < j``, sorted (encoded as one int64 for a fast unique)."""
    codes = np.sort(_codes(pairs[:, 0], pairs[:, 1], n)) if len(pairs) else np.zeros(0, dtype=np.int64)
    codes = codes[np.r_[True, codes[1:] != codes[:-1]]] if len(codes) else codes
    return np.stack([codes // n, codes % n], axis=1)


# --------------------------------------------------------------------------- sets and overlaps


def _normal_words(text: str) -> list[str]:
    return [word for word in _NON_WORD.sub(" ", text.lower()).split() if word]


def _set_matrix(groups: Sequence[Sequence[Any]]) -> csr_matrix:
    """Binary article × item matrix of the given per-article collections."""
    owner = np.repeat(np.arange(len(groups)), [len(group) for group in groups])
    flat = [item for group in groups for item in group]
    codes, uniques = pd.factorize(pd.Series(flat, dtype=object)) if flat else (np.zeros(0, int), [])
    matrix = coo_matrix((np.ones(len(codes)), (owner, codes)), shape=(len(groups), max(len(uniques), 1)))
    matrix = matrix.tocsr()
    matrix.data[:] = 1.0  # duplicates were summed
    return matrix


def _intersections(matrix: csr_matrix, pairs: np.ndarray) -> np.ndarray:
    """Size of the intersection of rows ``i`` and ``j`` for every pair (vectorised sparse products)."""
    n = matrix.shape[0]
    if len(pairs) * 4 > n * n:
        # Most pairs of a small batch: one sparse product gives them all.
        gram = (matrix @ matrix.T).toarray()
        return gram[pairs[:, 0], pairs[:, 1]]
    out = np.zeros(len(pairs))
    step = 200_000
    for begin in range(0, len(pairs), step):
        part = pairs[begin:begin + step]
        out[begin:begin + step] = np.asarray(matrix[part[:, 0]].multiply(matrix[part[:, 1]]).sum(axis=1)).ravel()
    return out


def _overlaps(matrix: csr_matrix, pairs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Jaccard and overlap coefficient (intersection / smaller set) per pair; 0 for empty sets."""
    sizes = np.diff(matrix.indptr).astype(float)
    inter = _intersections(matrix, pairs)
    a, b = sizes[pairs[:, 0]], sizes[pairs[:, 1]]
    union = a + b - inter
    with np.errstate(divide="ignore", invalid="ignore"):
        jaccard = np.where(union > 0, inter / union, 0.0)
        overlap = np.where(np.minimum(a, b) > 0, inter / np.minimum(a, b), 0.0)
    return jaccard, overlap


# --------------------------------------------------------------------------- copies


def sentence_key(sentence: str) -> str:
    """A sentence reduced for exact comparison: lower case, words only, single spaces."""
    return " ".join(_normal_words(sentence))


COPY_COLUMNS = ["article_a", "article_b", "outlet_a", "outlet_b", "shared_sentences",
                "shared_paragraphs", "share_a", "share_b", "examples"]


def find_copies(articles: pd.DataFrame, *, min_words: int | None = None,
                max_spread: int | None = None) -> pd.DataFrame:
    """Article pairs that share whole sentences or paragraphs (syndication or copying).

    Sentences and paragraphs of at least ``min_words`` words are compared as word-hash sequences
    (case and punctuation ignored), for the whole batch at once. Sentences end at ". ! ?" and at
    line breaks, as in :mod:`warta.text` but without its abbreviation exceptions, which only makes
    units shorter. A unit found in more than ``max_spread`` articles is boilerplate, not copying,
    and is ignored. One row per pair: ``article_a`` (the earlier in the batch order) and
    ``article_b``, their outlets, ``shared_sentences``, ``shared_paragraphs``, ``share_a`` /
    ``share_b`` (fraction of each article's sentences that are shared) and ``examples`` (up to
    three shared sentences, as written in ``article_a``).
    """
    options = config.section("timeline")
    min_words = int(options.get("copy_min_words", 6) if min_words is None else min_words)
    max_spread = int(options.get("copy_max_spread", 50) if max_spread is None else max_spread)
    bodies = articles["body"].fillna("").astype(str).tolist()
    chunk = int(options.get("chunk_size", 5000))
    units = _concat_units([copy_units(token_hashes(bodies[begin:begin + chunk]), min_words, begin)
                           for begin in range(0, len(bodies), chunk)])
    return _copies(articles, units, max_spread)


def _copies(articles: pd.DataFrame, units: pd.DataFrame, max_spread: int, *, examples: bool = True) -> pd.DataFrame:
    """The pair table of :func:`find_copies` from the units of :func:`copy_units` (clustering
    needs only the counts, so it skips the ``examples``)."""
    bodies = articles["body"].fillna("").astype(str).tolist()
    totals = np.bincount(units.loc[units["unit"] == 0, "row"], minlength=len(bodies))
    spread = units.groupby(["unit", "key"])["row"].transform("size")
    units = units[(spread > 1) & (spread <= max_spread)]
    pairs = units.merge(units, on=["unit", "key"], suffixes=("_a", "_b"))
    pairs = pairs[pairs["row_a"] < pairs["row_b"]]
    sentences = pairs[pairs["unit"] == 0]
    if sentences.empty:
        return pd.DataFrame(columns=COPY_COLUMNS)
    grouped = sentences.groupby(["row_a", "row_b"]).agg(shared_sentences=("key", "size"))
    grouped["shared_paragraphs"] = pairs[pairs["unit"] == 1].groupby(["row_a", "row_b"]).size()
    grouped = grouped.reset_index().fillna({"shared_paragraphs": 0})
    texts = _examples(bodies, sentences, grouped) if examples else [[] for _ in range(len(grouped))]
    ids = articles["article_id"].astype(str).to_numpy()
    outlets = (articles["outlet"].fillna("").astype(str) if "outlet" in articles
               else pd.Series("", index=articles.index)).to_numpy()
    row_a, row_b = grouped["row_a"].to_numpy(), grouped["row_b"].to_numpy()
    shared = grouped["shared_sentences"].to_numpy()
    result = pd.DataFrame({
        "article_a": ids[row_a],
        "article_b": ids[row_b],
        "outlet_a": outlets[row_a],
        "outlet_b": outlets[row_b],
        "shared_sentences": shared.astype(int),
        "shared_paragraphs": grouped["shared_paragraphs"].to_numpy().astype(int),
        "share_a": (shared / totals[row_a]).round(3),
        "share_b": (shared / totals[row_b]).round(3),
        "examples": texts,
    })
    return result.sort_values(["shared_sentences", "article_a"], ascending=[False, True], ignore_index=True)


def _examples(bodies: list[str], sentences: pd.DataFrame, grouped: pd.DataFrame) -> list[list[str]]:
    """Up to three shared sentences per pair, decoded from ``article_a``'s bytes."""
    first = sentences.sort_values(["row_a", "row_b", "start_a"]).groupby(["row_a", "row_b"]).head(3)
    found: dict[tuple[int, int], list[str]] = {}
    encoded: dict[int, bytes] = {}
    for a, b, start, end in zip(first["row_a"], first["row_b"], first["start_a"], first["end_a"]):
        data = encoded.setdefault(a, bodies[a].encode("utf-8"))
        found.setdefault((a, b), []).append(data[start:end].decode("utf-8", errors="replace"))
    return [found.get((a, b), []) for a, b in zip(grouped["row_a"], grouped["row_b"])]


def copy_units(tokens: Tokens, min_words: int, first_row: int = 0) -> pd.DataFrame:
    """Sentences (``unit`` 0) and paragraphs (1) of at least ``min_words`` words, once per text:
    ``row`` (text index + ``first_row``), ``unit``, ``key`` (hash of the word sequence) and
    ``start``/``end`` (UTF-8 byte span in the text)."""
    keys_of = _unit_keys_numpy if _compiled_unit_keys is None else _compiled_unit_keys
    frames = []
    for unit, opens in ((0, tokens.initial), (1, tokens.line_initial)):
        first, length, key = keys_of(tokens.hashes, opens.view(np.uint8), min_words)
        if len(first) == 0:
            continue
        owner = np.searchsorted(tokens.offsets, first, side="right") - 1
        frames.append(pd.DataFrame({
            "row": owner + first_row, "unit": unit, "key": key,
            "start": tokens.byte_starts[first], "end": tokens.byte_ends[first + length - 1],
        }))
    return _concat_units(frames)


def _unit_keys_numpy(hashes: np.ndarray, opens: np.ndarray, min_words: int) -> tuple[np.ndarray, ...]:
    """The first word, number of words and key of each unit of at least ``min_words`` words (a unit
    runs from a word that ``opens`` one to the next): the reference of ``_tokens.unit_keys``."""
    opens = opens.view(bool)
    first = np.flatnonzero(opens)
    if len(first) == 0:
        return first.astype(np.int64), first.astype(np.int64), np.zeros(0, dtype=np.uint64)
    words = np.arange(first[0], len(opens))  # words before the first opening belong to no unit
    segment = np.cumsum(opens[first[0]:]) - 1
    position = (words - first[segment]).astype(np.uint64)
    # Order-sensitive: each word's hash is mixed with its position in the unit.
    key = np.add.reduceat(_mix(hashes[first[0]:] ^ (position * np.uint64(0x9E3779B97F4A7C15))), first - first[0])
    length = np.diff(np.append(first, len(opens)))
    keep = length >= min_words
    return first[keep].astype(np.int64), length[keep].astype(np.int64), key[keep]


def _concat_units(frames: list[pd.DataFrame]) -> pd.DataFrame:
    frames = [frame for frame in frames if len(frame)]
    if not frames:
        return pd.DataFrame({"row": np.zeros(0, np.int64), "unit": np.zeros(0, np.int64),
                             "key": np.zeros(0, np.uint64), "start": np.zeros(0, np.int64),
                             "end": np.zeros(0, np.int64)})
    return pd.concat(frames, ignore_index=True).drop_duplicates(["row", "unit", "key"])


# --------------------------------------------------------------------------- clustering

AUDIT_COLUMNS = ["article_id", "story_id", "story_size", "outlet", "title", "matched_with",
                 "shingle_jaccard", "term_jaccard", "title_overlap", "actor_overlap",
                 "date_proximity", "shared_sentences", "shared_lead_words", "score", "reason"]


@dataclass(frozen=True)
class Features:
    """What cluster() compares, one row per article."""

    shingles: np.ndarray  # MinHash signatures of word shingles (n × num_perm)
    key_terms: csr_matrix  # article × key term (frequent terms removed)
    titles: csr_matrix  # article × title word
    lead_words: csr_matrix  # article × lead word, of the body and headline (frequent words removed)
    copy_units: pd.DataFrame  # sentences and paragraphs for copy detection (see copy_units)


def article_features(articles: pd.DataFrame, *, options: dict[str, Any] | None = None,
                     signatures: pd.DataFrame | None = None) -> Features:
    """Shingle signatures, key-term sets and title-word sets of all articles, in chunks.

    ``signatures`` (the rows of :func:`story_signatures`, from the enrichment cache) gives each
    article's hashes without reading its text again; an article it lacks makes them all computed.
    """
    options = config.section("timeline") if options is None else options
    parts = _unpack_signatures(signatures, articles, options) if signatures is not None else None
    if parts is None:
        if signatures is not None:  # a slow path taken quietly would be hard to explain
            log.info("story signatures do not cover these %d articles one to one: hashing their text", len(articles))
        parts = _signature_parts(articles, options)
    return _features(parts, len(articles), options)


@dataclass(frozen=True)
class _SignatureParts:
    """Each article's own hashes, for a batch (``owner``: the article's row in the batch)."""

    shingles: np.ndarray  # n × num_perm MinHash signatures of word shingles
    key_owner: np.ndarray  # body key terms (stopwords removed), in article order
    key_hashes: np.ndarray
    title_owner: np.ndarray  # title words kept for comparison, in article order
    title_hashes: np.ndarray
    lead_owner: np.ndarray  # lead words (see _lead_words), in article order
    lead_hashes: np.ndarray
    units: pd.DataFrame  # copy_units of the bodies, in chunk order (see _unit_order)


_LEDE_WORDS = 60  # the words of a body that name the story's actors, if anything does


def _signature_parts(articles: pd.DataFrame, options: dict[str, Any]) -> _SignatureParts:
    """Hash the bodies and titles of ``articles`` (the per-article half of :func:`article_features`)."""
    bodies = articles["body"].fillna("").astype(str).tolist()
    # Roots are Indonesian roots (Sastrawi's): other languages keep their words as written.
    indonesian = (articles["lang"].fillna("id").astype(str).to_numpy() == "id" if "lang" in articles
                  else np.ones(len(articles), dtype=bool))
    stop = _stop_hashes()
    signatures, owners, key_hashes, units, lead_owners, lead_hashes, names = [], [], [], [], [], [], []
    lead_stop, lead_size = _lead_stop_hashes(), int(options.get("lead_words", 40))
    chunk = int(options.get("chunk_size", 5000))
    for begin in range(0, len(bodies), chunk):
        tokens = token_hashes(bodies[begin:begin + chunk])
        units.append(copy_units(tokens, int(options.get("copy_min_words", 6)), begin))
        signatures.append(shingle_minhash(tokens, int(options.get("shingle_size", 4)),
                                          num_perm=int(options.get("num_perm", 64)), seed=int(options.get("seed", 1))))
        key = tokens.capitalised & ~tokens.initial & (tokens.lengths >= 2)
        capitals = np.flatnonzero(key)
        key[capitals] = ~_member(tokens.hashes[capitals], stop)
        owner = np.repeat(np.arange(len(tokens.offsets) - 1), np.diff(tokens.offsets))
        owners.append(owner[key] + begin)
        key_hashes.append(tokens.hashes[key])
        lead = _lead_words(tokens, lead_stop, lead_size)
        roots = _lead_roots(lead, tokens, owner, bodies[begin:begin + chunk], indonesian[begin:begin + chunk])
        keep = ~_member(roots, lead_stop)  # "pendapatan" is "dapat", a stopword
        lead_owners.append(owner[lead[keep]] + begin)
        lead_hashes.append(roots[keep])
        # The names of the lede: a headline's words that are names.
        named = np.flatnonzero(key)
        named = named[named - tokens.offsets[owner[named]] < _LEDE_WORDS]
        names.append(_owned_keys(owner[named] + begin, tokens.hashes[named]))
    titles = articles["title"].fillna("").astype(str).tolist() if "title" in articles else [""] * len(articles)
    title_tokens = token_hashes(titles)
    title_owner = np.repeat(np.arange(len(articles)), np.diff(title_tokens.offsets))
    title_keep = (title_tokens.lengths >= 3) & ~title_tokens.digit & ~_member(title_tokens.hashes, stop)
    width = int(options.get("num_perm", 64))
    # A headline capitalises every word: its words of what happened ("Terbakar", "Periksa") are
    # those its lede does not capitalise inside a sentence, as it does names ("Wali Kota Surabaya").
    title_lead = np.flatnonzero((title_tokens.lengths >= 4) & ~title_tokens.digit
                                & ~_member(title_tokens.hashes, lead_stop))
    title_lead = title_lead[~_member(_owned_keys(title_owner[title_lead], title_tokens.hashes[title_lead]),
                                     np.unique(np.concatenate([np.zeros(0, dtype=np.uint64), *names])))]
    title_roots = _lead_roots(title_lead, title_tokens, title_owner, titles, indonesian)
    title_keep_lead = ~_member(title_roots, lead_stop)
    title_lead, title_roots = title_lead[title_keep_lead], title_roots[title_keep_lead]
    lead_owner = np.concatenate([*lead_owners, title_owner[title_lead]])
    lead_order = np.argsort(lead_owner, kind="stable")
    return _SignatureParts(
        shingles=np.concatenate(signatures) if signatures else np.zeros((0, width), dtype=np.uint32),
        key_owner=np.concatenate(owners) if owners else np.zeros(0, dtype=np.int64),
        key_hashes=np.concatenate(key_hashes) if key_hashes else np.zeros(0, dtype=np.uint64),
        title_owner=title_owner[title_keep], title_hashes=title_tokens.hashes[title_keep],
        lead_owner=lead_owner[lead_order],
        lead_hashes=np.concatenate([*lead_hashes, title_roots])[lead_order],
        units=_concat_units(units))


def _owned_keys(owner: np.ndarray, hashes: np.ndarray) -> np.ndarray:
    """One uint64 per (article, word): membership of a word in the same article's set."""
    return hashes ^ _mix(owner.astype(np.uint64))


def _lead_words(tokens: Tokens, stop: np.ndarray, size: int) -> np.ndarray:
    """Indices of each text's first ``size`` words of substance: lower case, four letters or
    more, no stopword or word of saying. They say what happened ("tanggul", "jebol", "gempa"),
    where key terms say who and where; :func:`_signature_parts` adds the headline's such words."""
    plain = np.flatnonzero(~tokens.capitalised & ~tokens.digit & (tokens.lengths >= 4))
    plain = plain[~_member(tokens.hashes[plain], stop)]
    first = np.searchsorted(plain, tokens.offsets)  # each text's first word in ``plain``
    rank = np.arange(len(plain)) - np.repeat(first[:-1], np.diff(first))
    return plain[rank < size]


def _lead_roots(at: np.ndarray, tokens: Tokens, owner: np.ndarray, texts: Sequence[str],
                indonesian: np.ndarray) -> np.ndarray:
    """The hashes of the words ``tokens[at]`` by their roots and event words: "kebakaran" and
    "terbakar" are "bakar", "lindu" is "gempa" (``event_words`` of ``timeline_terms.toml``), so
    that two reports of one event in other words share them. Words of texts not ``indonesian``
    keep their own hashes."""
    found = tokens.hashes[at].copy()
    rooted = indonesian[owner[at]]
    if rooted.any():
        found[rooted] = _root_hashes(at[rooted], tokens, owner, texts)
    return found


def _root_hashes(at: np.ndarray, tokens: Tokens, owner: np.ndarray, texts: Sequence[str]) -> np.ndarray:
    """:func:`_lead_roots` of Indonesian words, memoised per process by the word's hash."""
    hashes = tokens.hashes[at]
    unique, first, inverse = np.unique(hashes, return_index=True, return_inverse=True)
    found = np.array([_ROOT_HASHES.get(h, 0) for h in unique.tolist()], dtype=np.uint64)
    missing = np.flatnonzero(found == 0)
    if len(missing):
        from warta.roots import stem  # Sastrawi's, kept across runs in the cache folder

        words, encoded = [], {}
        for k in missing.tolist():
            token = int(at[first[k]])
            text = encoded.get(int(owner[token]))
            if text is None:  # each text once: a body is encoded for all of its new words
                text = encoded[int(owner[token])] = texts[int(owner[token])].encode("utf-8")
            words.append(text[tokens.byte_starts[token]:tokens.byte_ends[token]].decode("utf-8", "replace").lower())
        events = _event_words()
        roots = [events.get(root, root) for root in map(stem, words)]
        root_tokens = token_hashes(roots)
        # A root is one word (Sastrawi strips affixes only); should hashing split one, its first
        # word stands for it, and should it find none, the word itself.
        counts = np.diff(root_tokens.offsets)
        hashed = unique[missing]
        hashed[counts > 0] = root_tokens.hashes[root_tokens.offsets[:-1][counts > 0]]
        found[missing] = hashed
        if len(_ROOT_HASHES) < _MAX_ROOT_HASHES:
            _ROOT_HASHES.update(zip(unique[missing].tolist(), found[missing].tolist()))
    return found[inverse]


# Lead word hash -> its root's hash, per process: the same few thousand words in every partition.
_ROOT_HASHES: dict[int, int] = {}
_MAX_ROOT_HASHES = 500_000  # about 50 MB; past it a word is looked up in the stemmer's own cache


@lru_cache(maxsize=1)
def _event_words() -> dict[str, str]:
    """Root -> the event word it stands for, from ``event_words`` (``"lindu"`` -> ``"gempa"``)."""
    return variant_index("event_words")


def variant_index(table: str) -> dict[str, str]:
    """Every variant in a ``key = [variants]`` table of ``timeline_terms.toml`` (and each key),
    lower-cased, -> its key."""
    index: dict[str, str] = {}
    for key, variants in terms().get(table, {}).items():
        if isinstance(variants, str) or not all(isinstance(variant, str) for variant in variants):
            raise WartaError(f"{TERMS_FILE.name}: [{table}] {key} must be a list of words, not {variants!r}")
        for variant in [key, *variants]:
            index[variant.lower()] = key
    return index


def _features(parts: _SignatureParts, n: int, options: dict[str, Any]) -> Features:
    """The whole-batch half of :func:`article_features`: term matrices and the frequency cut."""
    titles = _hash_matrix(parts.title_owner, parts.title_hashes, n)
    key_terms = _hash_matrix(np.concatenate([parts.key_owner, parts.title_owner]),
                             np.concatenate([parts.key_hashes, parts.title_hashes]), n)
    # A term in a large share of the batch ("Indonesia", "Presiden", "warga") says nothing about the story.
    limit = max(float(options.get("max_df_min", 20)), float(options.get("max_df_fraction", 0.05)) * n)
    return Features(shingles=parts.shingles, key_terms=_without_frequent(key_terms, limit), titles=titles,
                    lead_words=_without_frequent(_hash_matrix(parts.lead_owner, parts.lead_hashes, n), limit),
                    copy_units=parts.units)


def _without_frequent(matrix: csr_matrix, limit: float) -> csr_matrix:
    """``matrix`` without the columns of terms found in more than ``limit`` articles."""
    frequency = np.diff(matrix.tocsc().indptr)
    return matrix[:, np.flatnonzero(frequency <= limit)].tocsr()


@lru_cache(maxsize=1)
def _stop_hashes() -> np.ndarray:
    return np.unique(hash_words(sorted(stopwords())))


SIGNATURE_COLUMNS = ["article_id", "shingles", "key_terms", "title_terms", "lead_words", "unit_kinds",
                     "unit_keys", "unit_starts", "unit_ends"]


def story_signatures(articles: pd.DataFrame, *, options: dict[str, Any] | None = None) -> pd.DataFrame:
    """Each article's story signature: the hashes clustering compares, packed as bytes, one row
    per article (``SIGNATURE_COLUMNS``).

    They depend on the article alone (a word's hash is the same in every batch), so the
    enrichment computes them once per file and the cache keeps them: a report then clusters
    100k articles without hashing their text again. ``shingles`` holds the MinHash signature
    (``num_perm`` uint32), ``key_terms`` and ``title_terms`` the uint64 hashes of the capitalised
    key terms and title words, and the ``unit_*`` cells the sentences and paragraphs of
    :func:`copy_units` (kind uint8, key uint64, UTF-8 byte start and end int32); ``lead_words``
    the uint64 hashes of the roots of the lead words that say what happened (see
    :func:`_lead_words` and :func:`_lead_roots`).
    """
    options = config.section("timeline") if options is None else options
    if articles.empty:
        return pd.DataFrame({column: pd.Series(dtype=object) for column in SIGNATURE_COLUMNS})
    parts = _signature_parts(articles, options)
    n = len(articles)
    units = parts.units.sort_values("row", kind="stable")
    unit_bounds = np.searchsorted(units["row"].to_numpy(), np.arange(n + 1))
    key_bounds = np.searchsorted(parts.key_owner, np.arange(n + 1))
    title_bounds = np.searchsorted(parts.title_owner, np.arange(n + 1))
    lead_bounds = np.searchsorted(parts.lead_owner, np.arange(n + 1))
    columns = {
        "shingles": _split_bytes(parts.shingles.reshape(-1), np.arange(n + 1) * parts.shingles.shape[1]),
        "key_terms": _split_bytes(parts.key_hashes, key_bounds),
        "title_terms": _split_bytes(parts.title_hashes, title_bounds),
        "lead_words": _split_bytes(parts.lead_hashes, lead_bounds),
        "unit_kinds": _split_bytes(units["unit"].to_numpy().astype(np.uint8), unit_bounds),
        "unit_keys": _split_bytes(units["key"].to_numpy().astype(np.uint64), unit_bounds),
        "unit_starts": _split_bytes(units["start"].to_numpy().astype(np.int32), unit_bounds),
        "unit_ends": _split_bytes(units["end"].to_numpy().astype(np.int32), unit_bounds),
    }
    return pd.DataFrame({"article_id": articles["article_id"].astype(str).tolist(), **columns})[SIGNATURE_COLUMNS]


def _split_bytes(values: np.ndarray, bounds: np.ndarray) -> list[bytes]:
    data = np.ascontiguousarray(values).tobytes()
    size = values.dtype.itemsize
    return [data[start * size:end * size] for start, end in zip(bounds[:-1].tolist(), bounds[1:].tolist())]


def _unpack_signatures(signatures: pd.DataFrame, articles: pd.DataFrame,
                       options: dict[str, Any]) -> _SignatureParts | None:
    """The :class:`_SignatureParts` of ``articles`` from their :func:`story_signatures` rows, or
    None when some article has no row (or an id is not unique) or the rows have another width."""
    ids = articles["article_id"].astype(str)
    if (signatures.empty or not ids.is_unique or not signatures["article_id"].is_unique
            or not set(SIGNATURE_COLUMNS) <= set(signatures.columns)):  # a cache written before a column
        return None
    at = pd.Index(signatures["article_id"].astype(str)).get_indexer(ids)
    if (at < 0).any():
        return None
    rows = signatures.take(at)
    width = int(options.get("num_perm", 64))
    shingles = _joined(rows["shingles"], np.uint32)
    if len(shingles) != width * len(rows):
        return None
    key_owner, key_hashes = _owned(rows["key_terms"], np.uint64)
    title_owner, title_hashes = _owned(rows["title_terms"], np.uint64)
    lead_owner, lead_hashes = _owned(rows["lead_words"], np.uint64)
    unit_owner, unit_kinds = _owned(rows["unit_kinds"], np.uint8)
    unit_kinds = unit_kinds.astype(np.int64)
    units = pd.DataFrame({"row": unit_owner, "unit": unit_kinds, "key": _joined(rows["unit_keys"], np.uint64),
                          "start": _joined(rows["unit_starts"], np.int32).astype(np.int64),
                          "end": _joined(rows["unit_ends"], np.int32).astype(np.int64)}, copy=False)
    units = units.take(_unit_order(unit_owner, unit_kinds, int(options.get("chunk_size", 5000)))).reset_index(drop=True)
    return _SignatureParts(shingles=shingles.reshape(len(rows), width), key_owner=key_owner, key_hashes=key_hashes,
                           title_owner=title_owner, title_hashes=title_hashes, lead_owner=lead_owner,
                           lead_hashes=lead_hashes, units=units)


def _joined(cells: pd.Series, dtype) -> np.ndarray:
    return np.frombuffer(b"".join(cells.tolist()), dtype=dtype).copy()


def _owned(cells: pd.Series, dtype) -> tuple[np.ndarray, np.ndarray]:
    """The values of all cells in order, and the row each came from."""
    values = _joined(cells, dtype)
    counts = np.fromiter(map(len, cells.tolist()), dtype=np.int64, count=len(cells)) // np.dtype(dtype).itemsize
    return np.repeat(np.arange(len(cells)), counts), values


def _unit_order(owner: np.ndarray, kind: np.ndarray, chunk: int) -> np.ndarray:
    """The order :func:`_signature_parts` gives units in (per chunk of articles, sentences before
    paragraphs, then by article), from units listed article by article: later steps keep the
    first of equal rows, so the order must be the same whichever way the units came."""
    return np.lexsort((np.arange(len(owner)), owner, kind, owner // chunk))


def _member(values: np.ndarray, members: np.ndarray) -> np.ndarray:
    """``np.isin(values, members)`` for ``members`` without repeats: one hash-table look-up per
    value (pandas' table; two and a half times as fast as a binary search in a small set, and
    no sort of millions of values together with it)."""
    if len(members) == 0:
        return np.zeros(len(values), dtype=bool)
    return pd.Index(members).get_indexer(values) >= 0


def _hash_matrix(owner: np.ndarray, hashes: np.ndarray, n: int) -> csr_matrix:
    codes, uniques = pd.factorize(hashes)
    matrix = coo_matrix((np.ones(len(codes)), (owner, codes)), shape=(n, max(len(uniques), 1))).tocsr()
    matrix.data[:] = 1.0  # repeated words were summed
    return matrix


def candidate_pairs(features: Features, order: np.ndarray, *, options: dict[str, Any]) -> np.ndarray:
    """All pairs of a small batch; banding LSH over key-term MinHash signatures for a large one."""
    n = features.key_terms.shape[0]
    if n <= int(options.get("all_pairs_limit", 3000)):
        left, right = np.triu_indices(n, k=1)
        return np.stack([left, right], axis=1).astype(np.int64)
    matrix = features.key_terms
    values = _mix(matrix.indices.astype(np.uint64))
    signature = minhash(values, matrix.indptr.astype(np.int64), num_perm=int(options.get("term_perm", 64)),
                        seed=int(options.get("seed", 1)) + 1)
    return lsh_pairs(signature, rows=int(options.get("lsh_rows", 3)), order=order,
                     window=int(options.get("lsh_window", 20)))


def cluster(articles: pd.DataFrame, *, spans: pd.DataFrame, mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Group ``articles`` into stories and explain each membership (see ``AUDIT_COLUMNS``).

    ``spans`` holds each article's publication span (``start``/``end`` timestamps, NaT when
    undated, same index as ``articles``); ``mentions`` (actor mentions) adds actor overlap.
    A pair joins when it is a near-duplicate (shingle Jaccard ≥ ``duplicate_threshold``), shares
    at least ``min_shared_sentences`` sentences, or tells the same story: a weighted score of key
    terms, title, actors and date proximity ≥ ``story_threshold`` (and where it shares a person
    or organisation, ``min_shared_lead_words`` lead words, or told in two languages,
    ``same_cast_overlap`` of its actors), published within ``date_window_days`` of each other.
    """
    return _cluster(articles, spans=spans, mentions=mentions, examples=False)[0]


def cluster_with_copies(articles: pd.DataFrame, *, spans: pd.DataFrame, mentions: pd.DataFrame | None = None,
                        signatures: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`cluster` and :func:`find_copies` of the same articles: clustering finds the shared
    sentences anyway, so the words of the batch are hashed once for both (or not at all, with
    the articles' ``signatures`` from :func:`story_signatures`)."""
    return _cluster(articles, spans=spans, mentions=mentions, examples=True, signatures=signatures)


def _cluster(articles: pd.DataFrame, *, spans: pd.DataFrame, mentions: pd.DataFrame | None,
             examples: bool, signatures: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The story audit and the copy pairs (with their ``examples`` only when asked for)."""
    options = config.section("timeline")
    n = len(articles)
    if n == 0:
        return pd.DataFrame(columns=AUDIT_COLUMNS), pd.DataFrame(columns=COPY_COLUMNS)
    articles = articles.reset_index(drop=True)
    spans = spans.reset_index(drop=True)
    ids = articles["article_id"].astype(str).to_numpy()
    features = article_features(articles, options=options, signatures=signatures)
    start, end = _days(spans["start"]), _days(spans["end"])
    order = np.nan_to_num(end, nan=np.inf)
    pairs = candidate_pairs(features, order, options=options)
    copies = _copies(articles, features.copy_units, int(options.get("copy_max_spread", 50)), examples=examples)
    shared = _shared_sentences(copies, ids)
    if len(shared):
        pairs = unique_pairs(np.concatenate([pairs, shared[:, :2]]), n)
    actors, people = _actor_matrix(mentions, ids)
    languages = articles["lang"].fillna("id").astype(str).to_numpy() if "lang" in articles else None
    scores = score_pairs(pairs, features, start=start, end=end, shared=shared, actors=actors, people=people,
                         languages=languages, options=options)
    if n > int(options.get("all_pairs_limit", 1500)):
        # Each story that union-find would form is then read as a small batch is: all its pairs
        # scored (LSH proposed only some), for average linkage to split what one pair chained.
        components = _components(scores, n)
        inside = _pairs_inside(components, int(options.get("component_limit", 300)))
        new = inside[~_member(_codes(inside[:, 0], inside[:, 1], n), _codes(pairs[:, 0], pairs[:, 1], n))]
        if len(new):
            scores = pd.concat([scores, score_pairs(new, features, start=start, end=end, shared=np.zeros((0, 3), int),
                                                    actors=actors, people=people, languages=languages,
                                                    options=options)],
                               ignore_index=True)
        # The added pairs lie inside components, so union-find over them finds the same ones.
        labels = link(scores, n, options=options, components=components)
    else:
        labels = link(scores, n, options=options)
    scores["joined"] &= labels[scores["i"].to_numpy()] == labels[scores["j"].to_numpy()]
    return _audit(articles, labels, scores, options), copies


def link(scores: pd.DataFrame, n: int, *, options: dict[str, Any], components: np.ndarray | None = None) -> np.ndarray:
    """Story label per article from the scored pairs.

    Up to ``all_pairs_limit`` articles, average linkage: two groups merge only while the mean
    similarity of all their pairs reaches ``link_threshold`` (near-duplicates and copies count 1,
    pairs that may not join count 0), so one bridging article cannot chain two stories together.
    Above it, union-find (connected components) over the joining pairs, then average linkage
    inside each component of up to ``component_limit`` articles (whose pairs should all be
    scored: see :func:`_pairs_inside`). ``components`` passes union-find's labels where the
    caller has them already (they are not changed).
    """
    joining = scores[scores["joined"]]
    i, j = joining["i"].to_numpy(), joining["j"].to_numpy()
    value = np.where(joining["duplicate"] | joining["copied"], 1.0, joining["score"])
    threshold = float(options.get("link_threshold", 0.4))
    if n <= int(options.get("all_pairs_limit", 1500)):
        return _average_linkage(i, j, value, n, threshold)
    labels = _components(scores, n) if components is None else components.copy()
    sizes = np.bincount(labels)
    split = (sizes >= 3) & (sizes <= int(options.get("component_limit", 300)))
    edges = split[labels[i]]
    i, j, value = i[edges], j[edges], value[edges]
    members = np.argsort(labels, kind="stable")
    bounds = np.concatenate([[0], np.cumsum(sizes)])
    by_component = np.argsort(labels[i], kind="stable")
    edge_bounds = np.searchsorted(labels[i][by_component], np.arange(len(sizes) + 1))
    local = np.zeros(n, dtype=np.int64)
    next_label = len(sizes)
    for component in np.flatnonzero(split).tolist():
        inside = members[bounds[component]:bounds[component + 1]]
        local[inside] = np.arange(len(inside))
        at = by_component[edge_bounds[component]:edge_bounds[component + 1]]
        if len(at) == len(inside) * (len(inside) - 1) // 2 and value[at].min() >= threshold:
            continue  # every pair joins, above the threshold: nothing to split (most stories)
        parts = _average_linkage(local[i[at]], local[j[at]], value[at], len(inside), threshold)
        if parts.max() > 0:  # part 0 keeps the component's label
            labels[inside] = np.where(parts == 0, component, next_label + parts - 1)
            next_label += int(parts.max())
    return labels


def _average_linkage(i: np.ndarray, j: np.ndarray, value: np.ndarray, n: int, threshold: float) -> np.ndarray:
    """Labels 0.. of ``n`` items from average linkage at ``threshold`` over the similarities of pairs ``(i, j)``."""
    if n <= 1:
        return np.zeros(n, dtype=np.int64)
    similarity = np.zeros((n, n))
    similarity[i, j] = value
    similarity[j, i] = value
    # Imported here: every process that loads the timeline (each Dask worker) would pay a
    # quarter of a second for scipy's clustering modules that only this function uses.
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    tree = linkage(squareform(1.0 - similarity, checks=False), method="average")
    return fcluster(tree, t=1.0 - threshold + 1e-9, criterion="distance").astype(np.int64) - 1


def _components(scores: pd.DataFrame, n: int) -> np.ndarray:
    """Union-find (connected components) over the joining pairs: a label per article."""
    joining = scores[scores["joined"]]
    graph = coo_matrix((np.ones(len(joining)), (joining["i"], joining["j"])), shape=(n, n))
    return connected_components(graph, directed=False)[1]


def _pairs_inside(labels: np.ndarray, limit: int) -> np.ndarray:
    """Every pair ``(i, j)``, ``i < j``, of the same label, for labels of 3 to ``limit`` articles."""
    sizes = np.bincount(labels)
    members = np.argsort(labels, kind="stable")
    bounds = np.concatenate([[0], np.cumsum(sizes)])
    pairs = [np.zeros((0, 2), dtype=np.int64)]
    for size in np.unique(sizes[(sizes >= 3) & (sizes <= limit)]).tolist():
        # All components of one size at once: their members as rows, the same triangle for each.
        rows = np.stack([members[start:start + size] for start in bounds[:-1][sizes == size].tolist()])
        left, right = np.triu_indices(size, k=1)
        pairs.append(np.stack([rows[:, left].ravel(), rows[:, right].ravel()], axis=1))
    pairs = np.concatenate(pairs)
    return np.sort(pairs, axis=1)


SCORE_COLUMNS = ["shingle_jaccard", "term_jaccard", "title_overlap", "actor_overlap", "date_proximity",
                 "shared_sentences", "shared_lead_words", "score"]


def score_pairs(pairs: np.ndarray, features: Features, *, start: np.ndarray, end: np.ndarray,
                shared: np.ndarray, actors: csr_matrix | None, options: dict[str, Any],
                people: np.ndarray | None = None, languages: np.ndarray | None = None) -> pd.DataFrame:
    """Similarity scores of each candidate pair ``(i, j)`` and whether it joins one story.

    ``shared`` holds rows ``(i, j, sentences)`` from copy detection. Flags say why a pair joins:
    ``duplicate``, ``copied`` or ``story``; ``gap_days`` is the time between the two spans.
    ``people`` marks the columns of ``actors`` that are persons or organisations (see
    :func:`_actor_matrix`); without it every actor counts as one, the stricter reading.
    ``languages`` holds each article's language code (the loader's ``lang``); without it any
    pair may be told in two.
    """
    n = features.key_terms.shape[0]
    term_jaccard, _ = _overlaps(features.key_terms, pairs)
    _, title_overlap = _overlaps(features.titles, pairs)
    shared_count = np.zeros(len(pairs), dtype=int)
    if len(shared):
        at = np.searchsorted(pairs[:, 0] * n + pairs[:, 1], shared[:, 0] * n + shared[:, 1])
        shared_count[at] = shared[:, 2]
    # Only pairs with something in common are scored further; an article with almost no key
    # terms keeps all its pairs, so that its near-duplicates are still found by shingles.
    sparse = np.diff(features.key_terms.indptr) < 3
    keep = ((term_jaccard >= float(options.get("min_term_jaccard", 0.05))) | (title_overlap > 0)
            | (shared_count > 0) | sparse[pairs[:, 0]] | sparse[pairs[:, 1]])
    pairs, term_jaccard, title_overlap, shared_count = pairs[keep], term_jaccard[keep], title_overlap[keep], \
        shared_count[keep]
    i, j = pairs[:, 0], pairs[:, 1]
    weights = dict(options.get("weights", {"terms": 0.45, "title": 0.2, "actors": 0.2, "date": 0.15}))
    if actors is not None:
        actor_overlap, _ = _overlaps(actors, pairs)
    else:
        actor_overlap = np.full(len(pairs), np.nan)
        weights["actors"] = 0.0
    window = float(options.get("date_window_days", 7))
    gap = np.maximum(0.0, np.maximum(start[i], start[j]) - np.minimum(end[i], end[j]))
    proximity = np.clip(1.0 - gap / window, 0.0, 1.0)
    undated = np.isnan(gap)
    # Undated articles are neither near nor far: a neutral half.
    proximity[undated] = 0.5
    saturation = float(options.get("term_saturation", 0.4))
    parts = (weights["terms"] * np.minimum(1.0, term_jaccard / saturation) + weights["title"] * title_overlap
             + weights["date"] * proximity + weights["actors"] * np.nan_to_num(actor_overlap))
    score = parts / (weights["terms"] + weights["title"] + weights["actors"] + weights["date"])
    shingle = jaccard_estimate(features.shingles, pairs)
    duplicate = shingle >= float(options.get("duplicate_threshold", 0.5))
    copied = shared_count >= int(options.get("min_shared_sentences", 2))
    # One person's (or body's) two events of a day share the name, office and day: a pair that
    # shares people must also share words of substance in its leads ("tanggul", "jebol", by their
    # roots) or, told in two languages, most of its cast (a state visit shares no word but all its
    # actors). In one language the cast says little: a minister and her ministry are all the cast
    # of each of her stories. A place is no such test: an eruption and the flights it cancels
    # share the volcano.
    lead_shared = _intersections(features.lead_words, pairs).astype(np.int64)
    across = np.ones(len(pairs), dtype=bool) if languages is None else languages[i] != languages[j]
    same_cast = across & (actor_overlap >= float(options.get("same_cast_overlap", 0.5)))
    if actors is not None and people is None:
        people = np.ones(actors.shape[1], dtype=bool)
    if actors is not None and people.any():
        same_people = _intersections(actors[:, np.flatnonzero(people)], pairs) > 0
    else:
        same_people = np.zeros(len(pairs), dtype=bool)
    event = (lead_shared >= int(options.get("min_shared_lead_words", 2))) | same_cast | ~same_people
    story = ((score >= float(options.get("story_threshold", 0.4))) & (undated | (gap <= window))
             & (term_jaccard >= float(options.get("min_term_jaccard", 0.05))) & event)
    # copy=False: the fresh arrays become the columns as they are (stacking them into one block
    # copied 0.3 GB at 100k articles); the same wherever a frame is built from new arrays.
    return pd.DataFrame({
        "i": i, "j": j, "shingle_jaccard": shingle.round(3), "term_jaccard": term_jaccard.round(3),
        "title_overlap": title_overlap.round(3), "actor_overlap": np.round(actor_overlap, 3),
        "date_proximity": proximity.round(3), "shared_sentences": shared_count, "shared_lead_words": lead_shared,
        "score": score.round(3),
        "gap_days": gap, "duplicate": duplicate, "copied": copied, "story": story,
        "joined": duplicate | copied | story,
    }, copy=False)


def _days(values: pd.Series) -> np.ndarray:
    """Timestamps as float days since the epoch (NaN for NaT)."""
    stamps = pd.to_datetime(values, utc=True)
    return ((stamps - pd.Timestamp(0, tz="UTC")) / pd.Timedelta(days=1)).to_numpy(dtype=float, na_value=np.nan)


def _shared_sentences(copies: pd.DataFrame, ids: np.ndarray) -> np.ndarray:
    """Rows ``(i, j, shared sentences)`` with ``i < j`` for the copy pairs inside this batch."""
    position = pd.Series(np.arange(len(ids)), index=ids)
    a = copies["article_a"].map(position)
    b = copies["article_b"].map(position)
    inside = a.notna() & b.notna()
    if not inside.any():
        return np.zeros((0, 3), dtype=np.int64)
    rows = np.stack([a[inside], b[inside]], axis=1).astype(np.int64)
    rows.sort(axis=1)
    frame = pd.DataFrame({"i": rows[:, 0], "j": rows[:, 1], "count": copies.loc[inside, "shared_sentences"]})
    frame = frame.groupby(["i", "j"], as_index=False)["count"].max().sort_values(["i", "j"])
    return frame.to_numpy(dtype=np.int64)


def _actor_matrix(mentions: pd.DataFrame | None, ids: np.ndarray) -> tuple[csr_matrix | None, np.ndarray]:
    """Binary article × actor matrix (rows in ``ids`` order; an id given twice gets the same row),
    built from codes without a Python object per mention, and which of its columns are people:
    persons and organisations (ids ``per:`` and ``org:``), who take part in more than one event a day."""
    if mentions is None:
        return None, np.zeros(0, dtype=bool)
    codes, uniques = pd.factorize(pd.Series(ids, dtype=object))
    # Mention columns are factorized where they are (Arrow strings): one Python string per distinct
    # id, not per mention (6M mentions at 100k articles). A missing id gets code -1, which reads
    # the value appended last: no row, no actor.
    mention_article, article_ids = pd.factorize(mentions["article_id"].astype(str))
    article = np.append(pd.Index(uniques).get_indexer(np.asarray(article_ids, dtype=object)), -1)[mention_article]
    mention_actor, actor_ids = pd.factorize(mentions["actor_id"].astype(str))
    keep = (article >= 0) & np.append(np.asarray(actor_ids, dtype=object) != "", False)[mention_actor]
    actor_codes, actor_names = pd.factorize(mention_actor[keep])  # columns in order of first mention, as before
    matrix = coo_matrix((np.ones(len(actor_codes)), (article[keep], actor_codes)),
                        shape=(len(uniques), max(len(actor_names), 1))).tocsr()
    matrix.data[:] = 1.0  # repeated mentions were summed
    people = np.zeros(matrix.shape[1], dtype=bool)
    people[:len(actor_names)] = [actor.startswith(("per:", "org:"))
                                 for actor in np.asarray(actor_ids, dtype=object)[np.asarray(actor_names)]]
    return (matrix[codes] if len(codes) else csr_matrix((0, matrix.shape[1]))), people


def _best_edges(scores: pd.DataFrame, n: int) -> np.ndarray:
    """For each article, the index of its strongest edge (joined edges first; -1 for none)."""
    if _compiled_best_edges is not None:  # one pass, no three-key sort of every edge twice
        strength = (scores["duplicate"] * 4.0 + scores["copied"] * 2.0 + scores["score"]).to_numpy(dtype=np.float64)
        joined = scores["joined"].to_numpy(dtype=bool)
        rows = np.concatenate([scores["i"].to_numpy(dtype=np.int64), scores["j"].to_numpy(dtype=np.int64)])
        return _compiled_best_edges(rows, np.concatenate([joined, joined]).view(np.uint8),
                                    np.concatenate([strength, strength]), n)
    return _best_edges_numpy(scores, n)


def _best_edges_numpy(scores: pd.DataFrame, n: int) -> np.ndarray:
    """:func:`_best_edges` by a three-key sort."""
    m = len(scores)
    row = np.concatenate([scores["i"].to_numpy(), scores["j"].to_numpy()])
    edge = np.concatenate([np.arange(m), np.arange(m)])
    # Duplicates, then copies, then the score: the edge that explains a membership best.
    strength = (scores["duplicate"] * 4.0 + scores["copied"] * 2.0 + scores["score"]).to_numpy()[edge]
    joined = scores["joined"].to_numpy()[edge]
    order = np.lexsort((-strength, ~joined, row))
    row_sorted = row[order]
    first = np.r_[True, row_sorted[1:] != row_sorted[:-1]] if m else np.zeros(0, dtype=bool)
    best = np.full(n, -1, dtype=np.int64)
    best[row_sorted[first]] = edge[order][first]
    return best


def _reason(edge: dict[str, Any], other_id: str, options: dict[str, Any]) -> str:
    threshold, window = float(options.get("story_threshold", 0.4)), float(options.get("date_window_days", 7))
    link_threshold = float(options.get("link_threshold", 0.4))
    if edge["duplicate"]:
        return f"near-duplicate of {other_id} (shingle Jaccard {edge['shingle_jaccard']:.2f})"
    if edge["copied"]:
        return f"shares {edge['shared_sentences']} sentences with {other_id}"
    actors = "" if np.isnan(edge["actor_overlap"]) else f", actors {edge['actor_overlap']:.2f}"
    detail = (f"score {edge['score']:.2f}: key terms {edge['term_jaccard']:.2f}, title {edge['title_overlap']:.2f}"
              f"{actors}, date {edge['date_proximity']:.2f}")
    if edge["story"] and edge["joined"]:
        return f"same story as {other_id} ({detail})"
    if edge["story"]:
        return (f"alone: closest article {other_id} ({detail}) belongs to a story whose articles are, on average, "
                f"less similar than {link_threshold:.2f}")
    if edge["gap_days"] > window:
        return f"alone: closest article {other_id} ({detail}) was published {edge['gap_days']:.0f} days apart"
    if edge["score"] >= threshold and edge["term_jaccard"] >= float(options.get("min_term_jaccard", 0.05)):
        return (f"alone: closest article {other_id} ({detail}) shares {edge['shared_lead_words']} of the words that "
                f"say what happened: the same people at another event")
    return f"alone: closest article {other_id} ({detail}) is below {threshold:.2f}"


def _audit(articles: pd.DataFrame, labels: np.ndarray, scores: pd.DataFrame, options: dict[str, Any]) -> pd.DataFrame:
    ids = articles["article_id"].astype(str).to_numpy()
    n = len(ids)
    story_ids = pd.Series(ids).groupby(labels).transform("min").map(lambda first: f"story-{first[:12]}").to_numpy()
    audit = pd.DataFrame({
        "article_id": ids,
        "story_id": story_ids,
        "story_size": np.bincount(labels)[labels],
        "outlet": articles["outlet"].fillna("").astype(str).to_numpy() if "outlet" in articles else "",
        "title": articles["title"].fillna("").astype(str).to_numpy() if "title" in articles else "",
    })
    best = _best_edges(scores, n)
    has = best >= 0
    edges = scores.iloc[best[has]].reset_index(drop=True)
    rows = np.flatnonzero(has)
    for column in SCORE_COLUMNS:
        values = np.full(n, np.nan)
        values[rows] = edges[column].to_numpy(dtype=float)
        audit[column] = values
    audit["shared_sentences"] = audit["shared_sentences"].astype("Int64")
    audit["shared_lead_words"] = audit["shared_lead_words"].astype("Int64")
    others = np.where(edges["i"].to_numpy() == rows, edges["j"].to_numpy(), edges["i"].to_numpy())
    matched = np.full(n, "", dtype=object)
    reasons = np.full(n, "alone: no candidate article shares key terms", dtype=object)
    for row, other, edge in zip(rows, others, edges.to_dict("records")):
        reasons[row] = _reason(edge, ids[other], options)
        matched[row] = ids[other] if edge["joined"] else ""
    audit["matched_with"] = matched
    audit["reason"] = reasons
    return audit[AUDIT_COLUMNS]
