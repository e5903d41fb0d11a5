"""The source timeline on raw articles: ``warta eval timeline FILE``.

Each row of ``story<TAB>outlet<TAB>published<TAB>raw`` is one article as an outlet printed it,
header and boilerplate included, its line breaks written ``\\n`` (a backslash as ``\\\\``):
``story`` names the story it belongs to (any label; a story of one article is a row of its own),
``outlet`` the outlet that published it (``"A|B"`` accepts either) and ``published`` when, as
``YYYY-MM``, ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM`` in the outlet's own clock, with its offset
where it is not WIB (``2025-04-15T09:00+08:00`` for 09:00 WITA), as precise as the article says.
The rows run through the whole pipeline as one corpus, as ``warta analyze`` would read them from
a folder.

Printed: ``outlet_accuracy`` and ``published_accuracy`` (to the label's precision); over the pairs
of articles, ``story_precision``, ``story_recall`` and ``story_f1`` of "in the same story"; and
``first_accuracy``, the share of labelled stories of two articles or more whose first article
(the earliest label) is the one the story table marks first (wrong where a split story has two
firsts, or a merge puts another story's article first). A story whose labels cannot tell which
came first (a month, or two articles of one day of which one has no time) is left out of it.
Each error lists its rows.
"""
from __future__ import annotations

import re
from itertools import combinations
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from warta.errors import WartaError
from warta.evaluate.texts import analyze_files, read_tab_rows, share

_PUBLISHED = re.compile(r"\d{4}-\d\d(?:-\d\d(?:T\d\d:\d\d(?:[+-]\d\d:\d\d)?)?)?")
_WIB = "+07:00"  # a time without an offset, in the labels and in warta's dates alike


class LabelledArticle(NamedTuple):
    """One labelled row: its story, the outlet keys it accepts, when it was published, its raw text."""

    story: str
    outlets: frozenset[str]
    published: str
    raw: str


def outlet_key(name: str) -> str:
    """An outlet name as labels and the articles table are compared: letters and digits, lower case
    ("Tribun Jateng" is "TribunJateng")."""
    return re.sub(r"[^0-9a-z]", "", name.lower())


def unescape(raw: str) -> str:
    """A row's raw text with its ``\\n`` and ``\\\\`` read back."""
    return re.sub(r"\\(.)", lambda match: "\n" if match.group(1) == "n" else match.group(1), raw)


def read_labelled_timeline(path: str | Path) -> tuple[list[LabelledArticle], list[dict]]:
    """The labelled articles of a timeline file and the lines skipped (with reasons)."""
    lines, skipped = read_tab_rows(path, columns=4, layout="story<TAB>outlet<TAB>published<TAB>raw")
    rows = []
    for line_no, (story, outlets, published, raw) in lines:
        if not _PUBLISHED.fullmatch(published):
            skipped.append({"line": line_no,
                            "reason": "published is not YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM[+HH:MM]"})
        else:
            outlet_keys = frozenset(map(outlet_key, outlets.split("|")))
            rows.append(LabelledArticle(story, outlet_keys, published, unescape(raw)))
    skipped.sort(key=lambda entry: entry["line"])
    if not rows:
        raise WartaError(f"{path}: no usable story<TAB>outlet<TAB>published<TAB>raw lines ({len(skipped)} skipped)")
    return rows, skipped


def story_pairs(stories: list[str]) -> set[tuple[int, int]]:
    """The pairs of positions whose stories are the same (a missing story pairs with nothing)."""
    return {(a, b) for a, b in combinations(range(len(stories)), 2) if stories[a] and stories[a] == stories[b]}


def label_span(value: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The instants a date label covers, ``[start, end)``: a month, a day (in WIB) or a minute."""
    if len(value) == 7:
        start = pd.Timestamp(f"{value}-01T00:00{_WIB}")
        return start, start + pd.DateOffset(months=1)
    if len(value) == 10:
        start = pd.Timestamp(f"{value}T00:00{_WIB}")
        return start, start + pd.Timedelta(days=1)
    start = pd.Timestamp(value[:16] + (value[16:] if len(value) > 16 else _WIB))
    return start, start + pd.Timedelta(minutes=1)


def same_time(label: str, published: str) -> bool:
    """Whether warta's ``published`` value ("2025-04-15T09:00:00+08:00") says what the label says,
    to the label's precision: the same minute, whatever the clock, or the same local day or month."""
    if len(label) <= 10:
        return published[: len(label)] == label
    if len(published) < 16 or published[10] != "T":
        return False
    zone = published[19:].replace("Z", "+00:00")
    return label_span(label)[0] == label_span(published[:16] + zone)[0]


def _first_is_known(earliest: str, others: list[str]) -> bool:
    """Whether a story's earliest label ends before any other begins (a month alone, or a day
    without a time beside a time of that day, leaves the order open)."""
    end = label_span(earliest)[1]
    return all(end <= label_span(other)[0] for other in others)


def evaluate_timeline(path: str | Path, *, profile: str = "full") -> dict:
    """Run the labelled articles of ``path`` as one corpus (``profile``: ``"full"`` or ``"fast"``)
    and score outlets, dates, stories and first reporters; see the module docstring."""
    rows, skipped = read_labelled_timeline(path)
    tables, articles = analyze_files([row.raw + "\n" for row in rows], profile=profile, tables=("stories",))
    stories = tables["stories"]
    found = articles.to_dict("records")
    story_of = dict(zip(stories["article_id"], stories["story_id"]))
    first_of = {story: article for story, article, first in
                zip(stories["story_id"], stories["article_id"], stories["is_first"]) if first}
    predicted = [story_of.get(record.get("article_id"), "") for record in found]
    errors: list[dict] = []
    outlets_right = dates_right = 0
    for number, (row, record) in enumerate(zip(rows, found)):
        outlet = str(record.get("outlet") or "")
        if outlet_key(outlet) in row.outlets:
            outlets_right += 1
        else:
            errors.append({"row": number + 1, "kind": "outlet", "label": "|".join(sorted(row.outlets)),
                           "found": outlet})
        published = str(record.get("published") or "")
        if same_time(row.published, published):
            dates_right += 1
        else:
            errors.append({"row": number + 1, "kind": "published", "label": row.published, "found": published})
    truth = story_pairs([row.story for row in rows])
    guess = story_pairs(predicted)
    for a, b in sorted(truth - guess):
        errors.append({"rows": [a + 1, b + 1], "kind": "story split", "label": rows[a].story})
    for a, b in sorted(guess - truth):
        errors.append({"rows": [a + 1, b + 1], "kind": "stories merged", "label": f"{rows[a].story} + {rows[b].story}"})
    precision, recall = share(len(truth & guess), len(guess)), share(len(truth & guess), len(truth))
    firsts = right_firsts = 0
    members: dict[str, list[int]] = {}
    for number, row in enumerate(rows):
        members.setdefault(row.story, []).append(number)
    for story, numbers in members.items():
        earliest = min(numbers, key=lambda number: label_span(rows[number].published))
        others = [rows[number].published for number in numbers if number != earliest]
        if len(numbers) < 2 or not _first_is_known(rows[earliest].published, others):
            continue
        firsts += 1
        marked = [number for number in numbers if first_of.get(predicted[number]) == found[number].get("article_id")]
        if marked == [earliest]:
            right_firsts += 1
        else:
            errors.append({"rows": [earliest + 1], "kind": "first reporter", "label": story,
                           "found": [number + 1 for number in marked]})
    return {
        "file": str(path), "profile": profile, "n": len(rows), "stories": len(members),
        "outlet_accuracy": share(outlets_right, len(rows)),
        "published_accuracy": share(dates_right, len(rows)),
        "story_precision": precision, "story_recall": recall,
        "story_f1": round(2 * precision * recall / (precision + recall), 4) if precision and recall else 0.0,
        "story_pairs": len(truth),
        "first_accuracy": share(right_firsts, firsts), "n_first": firsts,
        "errors": errors, "n_skipped": len(skipped), "skipped": skipped,
    }
