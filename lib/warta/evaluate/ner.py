"""Named-entity evaluation: warta's actor extractor scored on CoNLL files, exact span and type.

``conll`` files hold ``token<TAB>tag`` lines, ``conll3`` files ``token POS tag`` lines; a blank
line ends a sentence. ``auto`` (the default) reads the format off the first token line. Tag sets are mapped to PER / ORG / LOC (PERSON, PPL → PER; PLACE, PLC →
LOC; ORGANISATION, IND → ORG); other types are ignored. Each sentence's tokens are joined with
single spaces, :func:`warta.actors.extract_actors` runs on the text, and its character spans
are mapped back to token ranges. With ``system="tagger"`` the CRF tagger alone is scored (on
warta's tokens, with the gazetteer's tags as its features, as the extractor runs it), which
shows what the extractor's rules and gazetteer add or cost.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator, Sequence

from warta.errors import WartaError

TAG_MAP = {
    "PER": "PER", "PERSON": "PER", "PPL": "PER",
    "LOC": "LOC", "PLACE": "LOC", "PLC": "LOC", "GPE": "LOC",
    "ORG": "ORG", "ORGANISATION": "ORG", "ORGANIZATION": "ORG", "IND": "ORG",
}
FORMATS = ("conll", "conll3")
AUTO = "auto"  # read the format off the file's first token line
SYSTEMS = ("extractor", "tagger")

Sentence = list[tuple[str, str]]


class ConllError(WartaError, ValueError):
    """A malformed line in a CoNLL file; the message names the file and line number."""


def map_tag(tag: str) -> str:
    """Map one BIO tag to warta's types: ``B-PERSON`` → ``B-PER``; unknown types → ``O``."""
    if tag in ("O", ""):
        return "O"
    prefix, _, type_ = tag.partition("-")
    if prefix not in ("B", "I") or not type_:
        raise ValueError(f"not a BIO tag: {tag!r}")
    mapped = TAG_MAP.get(type_.upper())
    return f"{prefix}-{mapped}" if mapped else "O"


def read_conll(path: str | Path, *, file_format: str = "conll") -> list[Sentence]:
    """Read a CoNLL file into sentences of ``(token, mapped tag)``; raise :class:`ConllError` on bad lines."""
    if file_format == AUTO:
        file_format = sniff_format(path)
    if file_format not in FORMATS:
        raise ConllError(f"unknown format {file_format!r}: use one of {', '.join((*FORMATS, AUTO))}")
    return list(_sentences(Path(path), file_format))


def sniff_format(path: str | Path) -> str:
    """``conll3`` when the first token line has three space-separated fields and no tab, else ``conll``."""
    with Path(path).open(encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\r\n")
            if line.strip() and not line.startswith("-DOCSTART-"):
                return "conll3" if "\t" not in line and len(line.split()) == 3 else "conll"
    return "conll"


def _sentences(path: Path, file_format: str) -> Iterator[Sentence]:
    sentence: Sentence = []
    with path.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.rstrip("\r\n")
            if not line.strip():
                if sentence:
                    yield sentence
                sentence = []
                continue
            if line.startswith("-DOCSTART-"):
                continue
            cells = line.split("\t") if file_format == "conll" else line.split()
            expected = 2 if file_format == "conll" else 3
            if len(cells) != expected or not cells[0]:
                raise ConllError(f"{path}:{number}: expected {expected} "
                                 f"{'tab' if file_format == 'conll' else 'space'}-separated fields "
                                 f"({'token<TAB>tag' if file_format == 'conll' else 'token POS tag'}), got {line!r}")
            try:
                sentence.append((cells[0], map_tag(cells[-1])))
            except ValueError as error:
                raise ConllError(f"{path}:{number}: {error}") from None
    if sentence:
        yield sentence


def gold_spans(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """Entity spans ``(first, last, type)`` of a BIO tag sequence (a stray I- opens a span)."""
    from warta.tagger import bio_spans

    return set(bio_spans(tags))


def predicted_spans(tokens: Sequence[str], *, system: str = "extractor") -> set[tuple[int, int, str]]:
    """Run warta's extractor (or its tagger alone) on the space-joined tokens; spans as token ranges."""
    from warta.tagger import join_tokens, token_index

    text, offsets = join_tokens(tokens)
    return {(token_index(offsets, start), token_index(offsets, end - 1) + 1, type_)
            for start, end, type_ in _char_spans(text, system)}


def _char_spans(text: str, system: str) -> list[tuple[int, int, str]]:
    if system == "tagger":
        from warta.gazetteer import load_gazetteer, tokenize
        from warta.tagger import gazetteer_labels, load_tagger

        tagger, words = load_tagger(), tokenize(text)
        if tagger is None:
            raise WartaError("no NER model in the package: rebuild it with scripts/train_ner.py")
        tags = gazetteer_labels(words, load_gazetteer(()).find(words))
        return [(words.starts[first], words.ends[last - 1], type_)
                for first, last, type_, _ in tagger.spans(text, words, tags)]
    from warta.actors import extract_actors

    # An office standing for its named holder ("kata Kapolri") is a mention, but no name to tag.
    return [(mention.start, mention.end, mention.type) for mention in extract_actors(text)
            if not mention.resolution.startswith("office:")]


def score(gold: Sequence[set], predicted: Sequence[set]) -> dict[str, object]:
    """Per-type and micro-averaged precision, recall and F1 over aligned gold/predicted span sets."""
    counts = {t: {"tp": 0, "gold": 0, "pred": 0} for t in ("PER", "ORG", "LOC")}
    for gold_set, pred_set in zip(gold, predicted):
        for span in gold_set:
            counts[span[2]]["gold"] += 1
        for span in pred_set:
            counts[span[2]]["pred"] += 1
        for span in gold_set & pred_set:
            counts[span[2]]["tp"] += 1
    per_type = {t: _prf(**c) for t, c in counts.items()}
    total = {k: sum(c[k] for c in counts.values()) for k in ("tp", "gold", "pred")}
    return {"micro": _prf(**total), "per_type": per_type}


def evaluate_ner(path: str | Path, *, file_format: str = AUTO, system: str = "extractor") -> dict[str, object]:
    """Score warta's actor extraction (or, with ``system="tagger"``, its CRF tagger alone) on a CoNLL file."""
    if system not in SYSTEMS:
        raise WartaError(f"unknown system {system!r}: use one of {', '.join(SYSTEMS)}")
    if file_format == AUTO:
        file_format = sniff_format(path)
    sentences = read_conll(path, file_format=file_format)
    gold = [gold_spans([tag for _, tag in s]) for s in sentences]
    predicted = [predicted_spans([token for token, _ in s], system=system) for s in sentences]
    return {"file": str(path), "format": file_format, "system": system, "sentences": len(sentences),
            **score(gold, predicted)}


def _prf(tp: int, gold: int, pred: int) -> dict[str, float | int]:
    precision = tp / pred if pred else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "gold": gold, "pred": pred, "tp": tp}
