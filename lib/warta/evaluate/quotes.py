"""Speaker attribution on ``text<TAB>quote<TAB>speaker`` files: ``warta eval quotes FILE``.

Each row labels one quote of a text: ``quote`` is a piece of what was said (direct or reported,
as written in the text), ``speaker`` the actor who said it, by the name the actors table gives
(``"A|B"`` accepts either), or ``-`` where the text names no one. Rows may share a text. Each
distinct text runs through the whole pipeline as one article; a labelled quote is the first row
of the article's quotes table whose text holds the piece (case-insensitive), and its ``speaker``
is compared with the label. A quote the extractor did not find (``missing``) is wrong where the
label names a speaker, and right where it is ``-``: no one was credited with it.

Printed: ``accuracy`` over all rows; ``found`` (the share of quotes found at all); for the rows
that name a speaker, ``recall`` (the share given that speaker); and ``precision``, the share of
right speakers among the quotes given one. Each error lists its row.
"""
from __future__ import annotations

from pathlib import Path

from warta.errors import WartaError
from warta.evaluate.texts import analyze_texts, folded_name, read_tab_rows, share

NO_SPEAKER = "-"


def read_labelled_quotes(path: str | Path) -> tuple[list[tuple[str, str, str]], list[dict]]:
    """The ``(text, quote, speaker)`` rows of a labelled quotes file and the lines skipped (with reasons)."""
    lines, skipped = read_tab_rows(path, columns=3, layout="text<TAB>quote<TAB>speaker")
    rows = []
    for line_no, (text, quote, speaker) in lines:
        if quote.lower() not in text.lower():
            skipped.append({"line": line_no, "reason": "the quote is not in the text"})
        else:
            rows.append((text, quote, speaker))
    skipped.sort(key=lambda entry: entry["line"])
    if not rows:
        raise WartaError(f"{path}: no usable text<TAB>quote<TAB>speaker lines ({len(skipped)} skipped)")
    return rows, skipped


def evaluate_quotes(path: str | Path, *, profile: str = "full") -> dict:
    """Run every distinct text of a labelled quotes file as an article (``profile``: ``"full"`` or
    ``"fast"``) and score each labelled quote's speaker; see the module docstring."""
    rows, skipped = read_labelled_quotes(path)
    tables, article_of = analyze_texts([text for text, _, _ in rows], profile=profile, tables=("quotes",))
    quotes = tables["quotes"]
    by_article: dict[str, list[tuple[str, str]]] = {}
    for article_id, quoted, speaker in zip(quotes["article_id"], quotes["text"], quotes["speaker"]):
        by_article.setdefault(article_id, []).append((quoted.lower(), speaker))
    right = found = named = named_right = given = given_right = 0
    errors = []
    for text, piece, label in rows:
        speaker = _speaker_of(piece, by_article.get(article_of.get(text), []))
        accepted = {folded_name(name) for name in label.split("|")}
        correct = folded_name(speaker or NO_SPEAKER) in accepted
        right += correct
        found += speaker is not None
        if label != NO_SPEAKER:
            named += 1
            named_right += correct
        if speaker:
            given += 1
            given_right += correct
        if not correct:
            errors.append({"quote": piece, "label": label,
                           "predicted": "missing" if speaker is None else speaker or NO_SPEAKER, "text": text})
    return {"file": str(path), "profile": profile, "n": len(rows), "accuracy": share(right, len(rows)),
            "found": share(found, len(rows)), "recall": share(named_right, named),
            "precision": share(given_right, given), "n_named": named, "n_given": given,
            "errors": errors, "n_skipped": len(skipped), "skipped": skipped[:50]}


def _speaker_of(piece: str, quotes: list[tuple[str, str]]) -> str | None:
    """The speaker of the first quote holding ``piece`` (``""``: none named), or None where no quote holds it."""
    piece = piece.lower()
    for quoted, speaker in quotes:
        if piece in quoted:
            return speaker
    return None
