"""Speed of the actor roles of a sentence (``warta.sentiment.roles``) on real news sentences.

    .venv/bin/python benchmarks/bench_roles.py [--repeat 20] [--profile fast]

The synthetic corpus is made of the seeds' sentences, which hold no role word, so this reads real
ones: the sentences of the two NER train sets in ``../shared/data/ner`` (IDNer news, NERGrit) and
of ``benchmarks/data/actors_*.tsv``, each run through the pipeline once (not timed) for its
mentions. It prints the share of sentences the gate (one Arrow regex) lets through, the gate's
time per 1,000 sentences, and the CPU microseconds per gated sentence of ``sentence_roles``.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

ROOT = Path(__file__).resolve().parents[1]
NER_FILES = [ROOT.parent / "shared/data/ner/idner-news-2k/train.txt", ROOT.parent / "shared/data/ner/nergrit/train.txt"]


def sentences_and_mentions(profile: str) -> list[tuple[str, list[tuple[int, int, str, str]]]]:
    """Every sentence of the files with its mentions (offsets into the sentence)."""
    from warta.evaluate import ner
    from warta.pipeline import analyze

    texts = []
    for path in NER_FILES:
        if path.is_file():
            texts += [" ".join(token for token, _ in sentence) for sentence in ner.read_conll(path, file_format="auto")]
    for path in sorted((ROOT / "benchmarks/data").glob("actors_*.tsv")):
        texts += [line.split("\t")[0] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not texts:
        sys.exit("no sentences: ../shared/data/ner is missing")
    with tempfile.TemporaryDirectory() as folder:
        for number, text in enumerate(texts):
            (Path(folder) / f"{number:05d}.txt").write_text(f"Berita {number}\n\nJAKARTA - {text}\n", encoding="utf-8")
        tables = analyze(folder, cache=False, profile=profile, progress=False)
    sentences, mentions = tables["sentiment_sentences"], tables["mentions"]
    by_sentence = {key: rows for key, rows in mentions.groupby(["article_id", "sentence_id"])}
    found = []
    for row in sentences.itertuples():
        rows = by_sentence.get((row.article_id, row.sentence_id))
        spans = [] if rows is None else [(int(m.start) - int(row.start), int(m.end) - int(row.start), m.actor_id, m.type)
                                         for m in rows.itertuples()]
        found.append((row.text, spans))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--profile", choices=["fast", "full"], default="fast")
    args = parser.parse_args()
    from warta.sentiment.roles import load_role_words, sentence_roles

    words = load_role_words()
    found = sentences_and_mentions(args.profile)
    texts = pa.array([text for text, _ in found])
    started = time.process_time()
    for _ in range(args.repeat):
        gated = pc.match_substring_regex(texts, pattern=words.gate).to_pylist()
    gate_us = (time.process_time() - started) / args.repeat / len(found) * 1e6
    read = [(text, spans) for (text, spans), passed in zip(found, gated) if passed and spans]
    started = time.process_time()
    roles = 0
    for _ in range(args.repeat):
        roles = sum(len(sentence_roles(text, spans, words=words)) for text, spans in read)
    per_sentence = (time.process_time() - started) / args.repeat / max(len(read), 1) * 1e6
    chars = sum(len(text) for text, _ in read) / max(len(read), 1)
    print(f"sentences: {len(found):,}; gated and naming an actor: {len(read):,} ({len(read) / len(found):.1%}), "
          f"{chars:.0f} characters on average; roles found: {roles}")
    print(f"gate: {gate_us * 1000:.0f} us per 1,000 sentences; sentence_roles: {per_sentence:.1f} us per gated sentence")


if __name__ == "__main__":
    main()
