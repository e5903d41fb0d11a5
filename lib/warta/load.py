"""Turn files of news articles into one table, one row per article, with every input accounted for.

:func:`load_corpus` reads a file, a folder (recursively), a glob, or a list of those
(:func:`load_files` reads a list of files exactly as given, as the pipeline's partitions do). It reads
``.txt``, ``.html`` (main text and metadata by trafilatura: its fast mode, and its fallback
comparison only for pages with little text), ``.jsonl`` / ``.json`` / ``.csv`` /
``.tsv`` / ``.parquet`` records, and any of them gzipped. Each text goes through :mod:`warta.clean`, then
outlet, cited-source and date detection (:mod:`warta.sources`, :mod:`warta.dates`) and
:mod:`warta.language`. A file that cannot be used still yields a row, ``rejected`` with the reason;
nothing is dropped. :func:`write_articles` and :func:`read_articles` store the table.

Columns (:data:`ARTICLE_COLUMNS`), in order:

``article_id``
    Stable content hash (blake2b, 16 hex characters) of the file's bytes, or of a record's
    fields. A byte-identical copy gets a derived id so that ids stay unique.
``path``
    The file as given; ``file.jsonl#3`` for the third record (1-based: the line of a JSONL file,
    the data row of a CSV).
``status``
    ``rejected`` (unusable: skipped by the pipeline), ``flagged`` (usable, with a caveat from the
    ``[load] flagging`` list) or ``ok``.
``flags``
    List of str. Rejections: ``empty``, ``binary``, ``too_large``, ``unreadable:<why>``. Caveats:
    ``no_date``, ``future_date``, ``early_date`` (before ``[load] earliest_year``),
    ``non_indonesian``, ``duplicate_of:<article_id>`` (same body and outlet as that row, which
    was published earlier, or listed earlier). Notes that leave the status alone:
    ``encoding_repaired`` (not UTF-8: read as cp1252 or latin-1), ``mojibake`` (repaired with ftfy)
    and ``no_outlet`` (nothing in the text, its address or its record names the outlet).
``outlet``, ``outlet_domain``, ``media_type``
    Display name, canonical domain (``kompas.com``) and ``nasional`` / ``lokal`` /
    ``internasional`` / ``unknown``, from the outlet registry (a site it does not know is named
    by its address's host, or by its domain on a header or source line); "" and ``unknown`` when
    unknown.
``lang``
    ``id``, ``en`` or ``other``.
``title``
    Headline, "" when none was found.
``published``, ``date_precision``, ``date_evidence``
    ISO 8601 date (with +07:00 / +08:00 / +09:00 when a WIB / WITA / WIT time was given; missing
    when there is no evidence), ``minute`` / ``day`` / ``month`` / ``year`` / ``none``, and the
    text the date was read from (``url: /2024/06/18`` from the article's URL path, ``inferred:
    ...`` from the body; see :func:`warta.dates.find_published`).
``authors``, ``editors``
    Lists of names from bylines and desk codes.
``cited_sources``
    List of canonical names of the wires and outlets the article credits ("Reuters", "BBC").
``body``
    Clean text, one paragraph per line ("\\n" between paragraphs).
``removed``
    List of the boilerplate lines taken out ("Baca Juga: ...", "Sumber : The Guardian").
``captions``
    List of photo captions and credits moved out of the body.
``vendor``
    Dict of another platform's export fields ({"sentiment": "positif",
    "sentiment_confidence": 84.2, "kab_kota": [...]}) and unmapped record fields.
"""
from __future__ import annotations

import csv
import datetime as dt
import glob
import gzip
import hashlib
import html as html_module
import io
import json
import math
import os
import re
import sys
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence, TextIO

import pandas as pd

from warta import config, dates, sources
from warta.clean import clean_article, is_labelled_caption
from warta.errors import WartaError
from warta.export import write_csv
from warta.runtime import collector_paused, path_text, read_bytes
from warta.language import detect_language

__all__ = ["ARTICLE_COLUMNS", "decode_bytes", "hidden_entries", "is_duplicate", "load_corpus", "load_files",
           "mark_duplicates", "read_articles", "resolve_sources", "write_articles"]

ARTICLE_COLUMNS = (
    "article_id", "path", "status", "flags", "outlet", "outlet_domain", "media_type", "lang", "title",
    "published", "date_precision", "date_evidence", "authors", "editors", "cited_sources", "body",
    "removed", "captions", "vendor",
)
LIST_COLUMNS = ("flags", "authors", "editors", "cited_sources", "removed", "captions")
DICT_COLUMNS = ("vendor",)
REJECTING_FLAGS = ("empty", "binary", "too_large", "unreadable:")
MEDIA_TYPES = ("nasional", "lokal", "internasional")

_GLOB_MAGIC = re.compile(r"[*?[]")
_MOJIBAKE = re.compile("â€|Ã[\u0080-\u00bf\u2018-\u203a\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc\u2122]|Â[\u0080-\u00bf]|ðŸ|ï»¿")
# A page's own publication timestamp: <meta property="article:published_time" ...> or JSON-LD.
_TIMESTAMP_NAMES = r"(?:article:published_time|og:published_time|datePublished|pubdate|publishdate|publish[-_]date|dc\.date|date)"
_HTML_TIMESTAMP = re.compile(
    rf"""<meta[^>]+(?:property|name|itemprop)=["']{_TIMESTAMP_NAMES}["'][^>]*content=["']([^"']+)["']"""
    rf"""|<meta[^>]+content=["']([^"']+)["'][^>]*(?:property|name|itemprop)=["']{_TIMESTAMP_NAMES}["']"""
    r'|"datePublished"\s*:\s*"([^"]+)"',
    re.IGNORECASE,
)
_HTML_HIDDEN = re.compile(r"<(script|style|noscript|template|svg|head)\b.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(r"<[^>]*>")
_HTML_TITLE = re.compile(r"<title\b[^>]*>([^<]{1,300})</title\s*>", re.IGNORECASE)
# The flag of a copy, followed by its original's article id.
_DUPLICATE = "duplicate_of:"
_SPACES = re.compile(r"[ \t\r\f\v\xa0]+")
# Bytes that text files hold; the rest (control bytes) betray binary data.
_TEXT_BYTES = bytes([9, 10, 12, 13, 27]) + bytes(range(32, 127)) + bytes(range(128, 256))
_MOJIBAKE_LEADS = ("Ã", "Â", "â", "ð", "ï")
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def load_corpus(source: str | Path | Iterable[str | Path], *, recursive: bool = True,
                progress: bool | None = None) -> pd.DataFrame:
    """Load every article under ``source`` into a table with :data:`ARTICLE_COLUMNS`.

    ``source`` is a file, a folder (searched recursively unless ``recursive=False``; hidden
    files are skipped), a glob, or a list of those. ``progress`` shows a tqdm bar; by default
    only for large batches on a terminal. Raises :class:`FileNotFoundError` when ``source``
    names nothing; every file found yields at least one row.
    """
    return load_files(resolve_source_names(source, recursive=recursive), progress=progress)


def load_files(files: Sequence[str], *, progress: bool | None = None) -> pd.DataFrame:
    """Load exactly ``files`` (path strings, as listed), in order, into a table with :data:`ARTICLE_COLUMNS`.

    Nothing is listed or searched again: a file gone or unreadable since it was listed is a
    rejected row (``unreadable:``), so a partition of a planned batch never fails as a whole.
    """
    settings = config.section("load")
    # Settings and data files are read here, so that a broken one fails loudly once instead of
    # turning every file into a rejected row.
    clean_article("")
    detect_language("")
    sources.detect_outlet("")
    dates.find_published("", "")
    if progress is None:
        progress = len(files) >= settings["progress_min_files"] and sys.stderr.isatty()
    entries: list[dict[str, Any] | _Pending] = []
    pending: list[_Pending] = []
    with collector_paused():
        for path in _progress(files, enabled=progress):
            for entry in _load_file(path, settings):
                entries.append(entry)
                if isinstance(entry, _Pending):
                    pending.append(entry)
                    if len(pending) >= settings["chunk_articles"]:
                        _finish_rows(pending, settings)
                        pending = []
        _finish_rows(pending, settings)
    rows = [entry.row if isinstance(entry, _Pending) else entry for entry in entries]
    _mark_duplicates(rows)
    for row in rows:
        row["status"] = _status(row["flags"], settings["flagging"])
    return pd.DataFrame.from_records(rows, columns=list(ARTICLE_COLUMNS))


def mark_duplicates(articles: pd.DataFrame) -> pd.DataFrame:
    """Redo duplicate flags, unique ids and statuses over tables loaded in parts.

    :func:`load_corpus` marks duplicates within one call; a batch loaded in partitions is marked
    again as a whole with this. The copy published first is the original (the first row of equals).
    """
    flagging = config.section("load")["flagging"]
    # Only the columns the marking reads, as rows; the others are kept as they are (a table of
    # records and back cost 7 s at 100k articles). Bodies are compared as codes (equal text, equal
    # code), hashed once over the column: no Python str per body.
    read = ("article_id", "status", "outlet_domain", "outlet", "published")
    bodies = pd.factorize(articles["body"])[0].tolist()
    rows = [dict(zip(read, values), body=body, flags=[flag for flag in flags if not flag.startswith(_DUPLICATE)])
            for *values, body, flags in zip(*(articles[name].tolist() for name in read), bodies,
                                             articles["flags"].tolist())]
    _mark_duplicates(rows)
    marked = articles.copy()
    marked["article_id"] = pd.Series([row["article_id"] for row in rows], index=articles.index,
                                     dtype=articles["article_id"].dtype)
    marked["flags"] = pd.Series([row["flags"] for row in rows], index=articles.index, dtype=object)
    marked["status"] = pd.Series([_status(row["flags"], flagging) for row in rows], index=articles.index,
                                 dtype=articles["status"].dtype)
    return marked


def is_duplicate(articles: pd.DataFrame) -> pd.Series:
    """Which rows are copies of another: the same body from the same outlet, published later or
    listed later (flag ``duplicate_of:<id>``, see :func:`mark_duplicates`). A table without flags has none."""
    if "flags" not in articles.columns:
        return pd.Series(False, index=articles.index)
    return articles["flags"].map(_has_duplicate_flag).astype(bool)


def _has_duplicate_flag(flags: Any) -> bool:
    if isinstance(flags, str):  # a table read back from CSV holds its lists as JSON text
        return _DUPLICATE in flags
    # No typing.Iterable test per row: it cost three times the rest (0.3 s on 100k articles).
    try:
        return len(flags) > 0 and any(str(flag).startswith(_DUPLICATE) for flag in flags)
    except TypeError:  # missing: None, NaN or NA
        return False


def resolve_sources(source: str | Path | Iterable[str | Path], *, recursive: bool = True) -> list[Path]:
    """Expand files, folders and globs into a sorted, de-duplicated list of files."""
    return [Path(name) for name in resolve_source_names(source, recursive=recursive)]


def resolve_source_names(source: str | Path | Iterable[str | Path], *, recursive: bool = True) -> list[str]:
    """:func:`resolve_sources` as path strings, each as ``str(Path(...))`` would write it.

    Large batches are listed and loaded by name: a ``Path`` per file cost 8 µs to build, test and
    sort, more than reading the file (100k files: 0.8 s of planning and as much in the workers).
    """
    items = [source] if isinstance(source, (str, Path)) else list(source)
    if not items:
        raise FileNotFoundError("no input given")
    found: dict[str, None] = {}
    for item in items:
        name = _normal_name(item)
        # A link to nothing is still a file that was asked for: its row says it is unreadable.
        if os.path.isfile(name) or (os.path.islink(name) and not os.path.exists(name)):
            found[name] = None
            continue
        if os.path.isdir(name):
            matches = _folder_files(name, recursive=recursive)
            if not matches:
                raise FileNotFoundError(f"folder {str(item)!r} holds no files")
        elif _GLOB_MAGIC.search(str(item)):
            matches = []
            for match in _sorted_names(map(_normal_name, glob.glob(name, recursive=True))):
                matches.extend(_folder_files(match, recursive=recursive) if os.path.isdir(match) else [match])
            if not matches:
                raise FileNotFoundError(f"no files match {str(item)!r}")
        else:
            raise FileNotFoundError(f"no such file or folder: {str(item)!r}")
        found.update(dict.fromkeys(matches))
    return list(found)


def hidden_entries(source: str | Path | Iterable[str | Path], *, recursive: bool = True) -> list[str]:
    """The hidden files and folders (names starting with ".") that listing ``source`` leaves out.

    :func:`resolve_source_names` skips them (``.DS_Store``, editor locks, ``.git``); this names
    them, so that a summary can account for every file under a corpus folder. A hidden folder
    counts once, its contents are not read.
    """
    items = [source] if isinstance(source, (str, Path)) else list(source)
    hidden: list[str] = []
    for item in items:
        name = _normal_name(item)
        if not os.path.isdir(name):
            continue
        for root, folders, names in os.walk(name):
            hidden += [os.path.join(root, entry) for entry in (*folders, *names) if entry.startswith(".")]
            folders[:] = sorted(entry for entry in folders if not entry.startswith(".")) if recursive else []
    return _sorted_names(hidden)


def _normal_name(item: str | Path) -> str:
    """``str(Path(item).expanduser())``, without building the Path when ``item`` is written so already."""
    return str(Path(item).expanduser()) if str(item).startswith("~") else path_text(item)


def _sorted_names(names: Iterable[str]) -> list[str]:
    """``names`` in the order their Paths sort: part by part (so "a/x" before "a-b/x"), case-folded where paths are."""
    return sorted(names, key=lambda name: os.path.normcase(name).split(os.sep))


def decode_bytes(data: bytes) -> tuple[str | None, list[str]]:
    """Decode file bytes to text; return ``(None, ["binary"])`` for data that is not text.

    UTF-8 (with or without BOM) and UTF-16 (BOM, or the telltale NUL bytes) decode as they are;
    anything else is read as cp1252, then latin-1, and flagged ``encoding_repaired``. Mojibake
    (UTF-8 read as cp1252 somewhere upstream) is repaired with ftfy and flagged ``mojibake``.
    """
    flags: list[str] = []
    text = _decode(data, flags)
    if text is None:
        return None, ["binary"]
    return _repair_mojibake(text, flags), flags


def _repair_mojibake(text: str, flags: list[str]) -> str:
    if not any(lead in text for lead in _MOJIBAKE_LEADS) or not _MOJIBAKE.search(text):
        return text
    import ftfy  # slow to import and to run: only for text that looks broken

    # Curly quotes stay: quote extraction reads them.
    fixed = ftfy.fix_text(text, ftfy.TextFixerConfig(uncurl_quotes=False))
    if fixed != text:
        flags.append("mojibake")
    return fixed


def write_articles(articles: pd.DataFrame, destination: str | Path | TextIO) -> None:
    """Write the table as ``.parquet``, ``.jsonl`` or ``.csv`` (by suffix), or as JSONL to a stream.

    Lists and dicts stay nested in JSONL; Parquet keeps lists and stores ``vendor`` as JSON
    text; CSV stores every nested value as JSON text. :func:`read_articles` undoes both.
    """
    if hasattr(destination, "write"):
        _write_jsonl(articles, destination)
        return
    path = Path(destination)
    suffix = path.suffix.lower()
    if suffix not in (".parquet", ".jsonl", ".ndjson", ".csv"):
        raise WartaError(f"cannot write {str(path)!r}: use a .parquet, .jsonl or .csv file")
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".parquet":
        _nested_as_json(articles, DICT_COLUMNS).to_parquet(path, index=False)
    elif suffix == ".csv":
        write_csv(_nested_as_json(articles, LIST_COLUMNS + DICT_COLUMNS), path)
    else:
        with path.open("w", encoding="utf-8") as handle:
            _write_jsonl(articles, handle)


def read_articles(source: str | Path) -> pd.DataFrame:
    """Read a table written by :func:`write_articles` back, with lists and dicts restored."""
    path = Path(source)
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        table = pd.read_parquet(path)
    elif suffix == ".csv":
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
    elif suffix in (".jsonl", ".ndjson"):
        with path.open(encoding="utf-8") as handle:
            table = pd.DataFrame([json.loads(line) for line in handle if line.strip()])
    else:
        raise WartaError(f"cannot read {str(path)!r}: use a .parquet, .jsonl or .csv file")
    for column in LIST_COLUMNS + DICT_COLUMNS:
        if column in table:
            table[column] = table[column].map(_nested)
    if "published" in table:
        table["published"] = table["published"].map(lambda value: value or None)
    return table


# --- files ----------------------------------------------------------------------------------

def _load_file(path: str, settings: dict[str, Any]) -> list[dict[str, Any] | _Pending]:
    """Every file yields at least one row or article text, whatever goes wrong inside."""
    try:
        kind = _kind(path, settings)
        # A record file holds many articles: its limit is larger, each record gets the article limit.
        data = _read_bytes(path, settings["max_records_file_bytes" if kind == "records" else "max_file_bytes"])
        if data is None:
            return [_rejected(path, str(path).encode(), "too_large")]
        if not data.strip():
            return [_rejected(path, data, "empty")]
        if kind == "records":
            return _load_records(path, data, settings)
        text, flags = decode_bytes(data)
        if text is None:
            return [_rejected(path, data, *flags)]
        if kind == "html":
            return [_html_row(path, data, text, flags, settings)]
        return [_Pending(str(path), data, text, flags, None, str(path).encode())]
    except _Unreadable as error:
        return [_rejected(path, str(path).encode(), f"unreadable:{error}")]
    except Exception as error:  # a bad file must not lose the rest of the batch
        return [_rejected(path, str(path).encode(), f"unreadable:{type(error).__name__}: {error}")]


class _Unreadable(Exception):
    """A file whose container (gzip, JSON, CSV, Parquet) cannot be parsed."""


def _read_bytes(path: str, limit: int) -> bytes | None:
    """The file's bytes (decompressed for ``.gz``), or None when over ``limit``."""
    try:
        if not path.lower().endswith(".gz"):
            return read_bytes(path, limit=limit)
        with open(path, "rb") as raw:
            if os.fstat(raw.fileno()).st_size > limit:
                return None
            with gzip.GzipFile(fileobj=raw) as handle:
                data = handle.read(limit + 1)
    except PermissionError as error:
        raise _Unreadable(f"permission denied ({error.strerror})") from error
    except (gzip.BadGzipFile, EOFError, zlib.error) as error:
        raise _Unreadable(f"gzip: {error}") from error
    except OSError as error:
        raise _Unreadable(error.strerror or type(error).__name__) from error
    return None if len(data) > limit else data


def _kind(path: str, settings: dict[str, Any]) -> str:
    suffixes = [s.lower() for s in _suffixes(path)]
    suffix = suffixes[-2] if suffixes[-1:] == [".gz"] and len(suffixes) > 1 else (suffixes[-1] if suffixes else "")
    if suffix in settings["html_suffixes"]:
        return "html"
    if suffix in settings["record_suffixes"]:
        return "records"
    return "text"  # .txt and anything unknown: sniffed as text, rejected as binary if it is not


def _suffixes(path: str) -> list[str]:
    """``Path(path).suffixes`` without the Path: ".gz" of "a.csv.gz" is ``[".csv", ".gz"]``; hidden names have none."""
    name = os.path.basename(path)
    if name.endswith("."):
        return []
    return ["." + suffix for suffix in name.lstrip(".").split(".")[1:]]


def _decode(data: bytes, flags: list[str]) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                flags.append("encoding_repaired")
                return data.decode(encoding, errors="replace")
    sample = data[:4096]
    if b"\x00" in sample:
        # UTF-16 without a BOM has a NUL in every other byte of ASCII text.
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        half = len(sample) // 2
        if odd > 0.3 * half and even == 0:
            return data.decode("utf-16-le", errors="replace")
        if even > 0.3 * half and odd == 0:
            return data.decode("utf-16-be", errors="replace")
        return None
    if len(sample.translate(None, _TEXT_BYTES)) > 0.05 * len(sample):
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    flags.append("encoding_repaired")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _folder_files(folder: str, *, recursive: bool) -> list[str]:
    """Files under ``folder`` (a normalised name) in sorted order, hidden files and folders left out (os.walk: no stat)."""
    found: list[str] = []
    for root, folders, names in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith(".")) if recursive else []
        found.extend(os.path.join(root, name) for name in names if not name.startswith("."))
    if folder == os.curdir:  # Path(".", "x.txt") is "x.txt"
        found = [name[len(os.curdir) + 1:] for name in found]
    return _sorted_names(found)


def _progress(files: list[str], *, enabled: bool) -> Iterable[str]:
    if not enabled:
        return files
    from tqdm.auto import tqdm

    return tqdm(files, unit="file", desc="warta load", file=sys.stderr)


# --- HTML and records -----------------------------------------------------------------------

def _html_row(path: str, data: bytes, html: str, flags: list[str], settings: dict[str, Any]) -> dict[str, Any] | _Pending:
    import trafilatura

    document = trafilatura.bare_extraction(html, options=_html_extractor(fast=True))
    found = (document.text or "") if document is not None else ""
    if len(found.strip()) < settings["html_full_below"]:
        # Little text: the main extractor may have missed the article, which trafilatura's
        # comparison with its fallbacks (readability, jusText) can recover. A full page seldom
        # needs them, and skipping them takes 40% off its extraction.
        document = trafilatura.bare_extraction(html, options=_html_extractor(fast=False))
    meta = document.as_dict() if document is not None else {}
    if not (meta.get("text") or "").strip():
        return _rejected(path, data, "empty")
    text = meta["text"]
    lead = _html_lead_lines(html, text, max_lines=settings["html_lead_lines"])
    return _Pending(
        str(path), data, "\n".join([*lead, text]) if lead else text, flags,
        {"title": meta.get("title"), "url": meta.get("url"),
         # trafilatura keeps the day only; the page's own timestamp keeps the time and zone.
         "date": _html_timestamp(html) or meta.get("date"),
         "outlet": meta.get("sitename"), "authors": meta.get("author"),
         # The page's own <title> ("Jokowi Resmikan Tol - detikNews") often names the outlet
         # that trafilatura's cleaned title has lost; it is read for the outlet only.
         "page_title": None if meta.get("sitename") else _page_title(html)},
        str(path).encode(),
    )


def _page_title(html: str) -> str:
    """The text of the page's <title>, unescaped, on one line; "" when there is none."""
    match = _HTML_TITLE.search(html, 0, 100_000)
    return _SPACES.sub(" ", html_module.unescape(match.group(1))).strip() if match else ""


@lru_cache(maxsize=2)
def _html_extractor(*, fast: bool):
    """trafilatura's options for article pages: main text and metadata, no comments or tables;
    ``fast`` skips the comparison with its fallback extractors.

    Built once: trafilatura builds them per page otherwise, reading its configuration each time
    (a tenth of extracting a 4 KB page). It copies them before changing any (recall retries).
    """
    from trafilatura.settings import Extractor

    return Extractor(output_format="python", with_metadata=True, comments=False, tables=False, fast=fast)


def _html_lead_lines(html: str, text: str, *, max_lines: int) -> list[str]:
    """Short visible lines printed right above the main text: the masthead, byline and date lines
    ("detikJatim", "Esti Widiyana - detikJatim", "Kamis, 12 Des 2024 10:45 WIB") that main-text
    extraction leaves out. They go through the cleaner as a text file's header lines do. Lines
    ending in a full stop are left out, so that no teaser turns into body text."""
    if not max_lines:
        return []
    anchor = _body_anchor(text)
    if not anchor:
        return []
    visible = html_module.unescape(_HTML_TAG.sub("\n", _HTML_HIDDEN.sub(" ", html[:200_000])))
    flat = _SPACES.sub(" ", visible)
    position = flat.find(anchor)
    if position < 0:
        return []
    lines = [line.strip() for line in flat[:position].split("\n")]
    # The body's own first words may be split off by inline tags ("<b>Surabaya</b> - ..."): drop
    # the partial line the anchor starts in.
    lines = lines[:-1]
    extracted = {_SPACES.sub(" ", line).strip() for line in text.split("\n")[:8]}
    kept = [line for line in lines
            if line and len(line.split()) <= 15 and not line.endswith(".") and line not in extracted]
    return kept[-max_lines:]


def _body_anchor(text: str) -> str:
    """Four words of the main text's first paragraph (its first line of six words or more, among
    the first few) to find it in the page: words after its start, past a dateline that inline
    markup may have split ("<b>Surabaya</b> - ...")."""
    for line in text.lstrip().split("\n", 5)[:5]:
        words = _SPACES.sub(" ", line).strip().split(" ")
        if len(words) >= 6:
            return " ".join(words[2:6])
    return ""


def _html_timestamp(html: str) -> str | None:
    match = _HTML_TIMESTAMP.search(html[:200_000])
    return next(group for group in match.groups() if group) if match else None


def _load_records(path: str, data: bytes, settings: dict[str, Any]) -> list[dict[str, Any] | _Pending]:
    rows = []
    for number, record in _records(path, data):
        where = f"{path}#{number}"
        if isinstance(record, _Unreadable):
            rows.append(_rejected(where, f"{where}\n{record}".encode(), f"unreadable:{record}"))
        elif not isinstance(record, dict):
            rows.append(_rejected(where, repr(record).encode(), "unreadable:record is not an object"))
        else:
            try:
                rows.append(_record_row(where, record, settings))
            except Exception as error:  # one odd record must not lose the others
                rows.append(_rejected(where, f"{where}\n{error}".encode(), f"unreadable:{type(error).__name__}: {error}"))
    return rows or [_rejected(path, data, "empty")]


def _records(path: str, data: bytes) -> Iterator[tuple[int, Any]]:
    """Yield ``(number, record)``; a record that cannot be parsed comes as an ``_Unreadable``."""
    suffixes = [s.lower() for s in _suffixes(path) if s.lower() != ".gz"]
    suffix = suffixes[-1] if suffixes else ""
    if suffix == ".parquet":
        try:
            table = pd.read_parquet(io.BytesIO(data))
        except Exception as error:
            raise _Unreadable(f"parquet: {error}") from error
        yield from enumerate(table.to_dict("records"), start=1)
        return
    text, _ = decode_bytes(data)
    if text is None:
        raise _Unreadable(f"{suffix.lstrip('.')}: not text")
    if suffix in (".csv", ".tsv"):
        delimiter = "\t" if suffix == ".tsv" else _csv_delimiter(text)
        records = _plain_csv_records(text, delimiter)
        if records is None:
            try:
                records = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, sep=delimiter).to_dict("records")
            except Exception as error:
                raise _Unreadable(f"csv: {error}") from error
        yield from enumerate(records, start=1)
    elif suffix == ".json" and not _is_json_lines(text):
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError as error:
            raise _Unreadable(f"json: {error}") from error
        yield from enumerate(_record_list(parsed), start=1)
    else:
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    yield number, json.loads(line)
                except json.JSONDecodeError as error:
                    yield number, _Unreadable(f"json line {number}: {error.msg}")


def _plain_csv_records(text: str, delimiter: str) -> list[dict[str, str]] | None:
    """A CSV file's records read by the csv module, or None when pandas must read it.

    pandas.read_csv and to_dict cost a few milliseconds a file, most of the load time of the
    one-article exports that scrapers write; the csv module reads the same strings in
    microseconds. It is used only where both readers must agree: the csv module writes the rows
    back byte for byte (standard quoting, "\n" line ends, no BOM, no blank lines), the header
    has two or more unique, non-empty names without padding, every row has the header's width,
    and there is at least one row. Anything else goes to pandas, whose own rules (renamed
    duplicate columns, short rows padded, a wider body taken as the index) then apply as before.
    """
    if "\r" in text or "\x00" in text or text.startswith("\ufeff"):
        return None
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error:  # a field over the csv module's size limit, for one
        return None
    if len(rows) < 2:
        return None
    header = rows[0]
    width = len(header)
    if (width < 2 or len(set(header)) != width or any(not name or name != name.strip() for name in header)
            or any(len(row) != width for row in rows)):
        return None
    written = io.StringIO()
    csv.writer(written, delimiter=delimiter, lineterminator="\n").writerows(rows)
    if written.getvalue() != (text if text.endswith("\n") else text + "\n"):
        return None
    return [dict(zip(header, row)) for row in rows[1:]]


def _csv_delimiter(text: str) -> str:
    """Comma, or the semicolon, tab or bar that spreadsheets in Indonesian locales write."""
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    return max(",;\t|", key=header.count)


def _is_json_lines(text: str) -> bool:
    """A ``.json`` file that is really JSON Lines: its first line is a whole object."""
    first = text.lstrip().split("\n", 1)
    if len(first) < 2 or not first[1].strip():
        return False
    try:
        return isinstance(json.loads(first[0]), dict)
    except json.JSONDecodeError:
        return False


def _record_list(parsed: Any) -> list[Any]:
    if isinstance(parsed, list):
        return parsed
    for key in ("articles", "data", "items", "records", "results", "hits"):
        if isinstance(parsed, dict) and isinstance(parsed.get(key), list):
            return parsed[key]
    return [parsed]


def _record_row(where: str, record: dict[str, Any], settings: dict[str, Any]) -> dict[str, Any] | _Pending:
    raw = json.dumps(record, sort_keys=True, ensure_ascii=False, default=str).encode()
    fields = {str(key).strip().lower(): value for key, value in record.items() if not _missing(value)}
    mapped: dict[str, Any] = {}
    used: set[str] = set()
    for name, aliases in settings["fields"].items():
        key = next((alias for alias in aliases if alias in fields), None)
        if key is not None:
            mapped[name] = fields[key]
            used.add(key)
    text = mapped.pop("text", None)
    if isinstance(text, (list, tuple)) or hasattr(text, "tolist"):
        text = "\n".join(str(part) for part in _plain(text) if part)  # a list of paragraphs
    if isinstance(text, str) and len(text) > settings["max_file_bytes"]:
        return _rejected(where, raw, "too_large")
    if not isinstance(text, str):
        reason = "empty" if any(k in fields for k in settings["fields"]["text"]) else "unreadable:no text field"
        return _rejected(where, raw, reason)
    vendor = _nested(fields.pop("vendor", None))
    vendor = vendor if isinstance(vendor, dict) else {}
    vendor.update({key: _plain(value) for key, value in fields.items()
                   if key not in used and key not in ARTICLE_COLUMNS})
    mapped["vendor"] = vendor
    flags: list[str] = []
    text = _repair_mojibake(text, flags)
    return _Pending(where, raw, text, flags, mapped, None)


# --- rows -----------------------------------------------------------------------------------

@dataclass(slots=True, eq=False)
class _Pending:
    """An article whose text is read, waiting for the stage passes over its chunk (_finish_rows).

    ``crash_id`` is what the rejected row of a crash is hashed from: the file's path for a file,
    None for a record (then its place and the error, as for a record that fails to parse).
    """

    path: str
    data: bytes
    text: str
    flags: list[str]
    meta: dict[str, Any] | None
    crash_id: bytes | None
    row: dict[str, Any] | None = None
    cleaned: Any = None
    title: str = ""
    named_outlet: str = ""
    header: str = ""
    outlet: Any = None
    published: Any = None
    cited: list[str] = field(default_factory=list)
    lang: str = ""


def _finish_rows(items: list[_Pending], settings: dict[str, Any]) -> None:
    """Run each stage over the whole chunk before the next (clean, outlet, dates, cited sources,
    language), then build the rows.

    The same calls as one article at a time, in a different order: each stage's code, patterns
    and tables stay in the CPU caches across the chunk instead of being evicted by the other
    stages, which saves about a fifth of the loading time. An exception rejects its article only.
    """
    for stage in (_stage_clean, _stage_outlet, _stage_dates, _stage_cited, _stage_language, _stage_row):
        for item in items:
            if item.row is None:
                try:
                    stage(item, settings)
                except Exception as error:  # a bad article must not lose the rest of the batch
                    reason = f"unreadable:{type(error).__name__}: {error}"
                    crash_id = item.crash_id if item.crash_id is not None else f"{item.path}\n{error}".encode()
                    item.row = _rejected(item.path, crash_id, reason)
    for item in items:  # only the row is kept
        item.data = item.text = item.meta = item.cleaned = item.outlet = item.published = None


def _stage_clean(item: _Pending, settings: dict[str, Any]) -> None:
    meta = item.meta or {}
    cleaned = item.cleaned = clean_article(item.text)
    if not cleaned.body:
        item.row = _rejected(item.path, item.data, *item.flags, "empty")
        return
    item.title = _text(meta.get("title")) or cleaned.title
    item.named_outlet = _text(meta.get("outlet"))
    item.header = "\n".join(filter(None, [item.named_outlet, cleaned.header]))


def _stage_outlet(item: _Pending, settings: dict[str, Any]) -> None:
    cleaned = item.cleaned
    url = _text((item.meta or {}).get("url")) or cleaned.url or None
    first_paragraph = cleaned.body.split("\n", 1)[0][: settings["sniff_chars"]]
    page_title = _text((item.meta or {}).get("page_title"))
    outlet = sources.detect_outlet("\n".join(filter(None, [item.header, page_title, first_paragraph])), url=url)
    credit_lines = [caption for caption in cleaned.captions if is_labelled_caption(caption)]
    if outlet is None and credit_lines:
        # Weakest evidence, read only when nothing above names the outlet: a photo credit line
        # the cleaner moved out of the header ("Photo : KBS News" on a line of its own).
        outlet = sources.detect_outlet("\n".join(credit_lines))
    if outlet is None and cleaned.credits:
        # Weaker still: a source line that names a site by its domain ("Sumber: kemkes.go.id",
        # "Sumber: Kompas.com" under a copy); a wire named there ("Sumber: Reuters") is cited, not the outlet.
        credited = sources.detect_outlet("\n".join(cleaned.credits))
        outlet = credited if credited is not None and "." in credited.evidence else None
    item.outlet = outlet


def _stage_dates(item: _Pending, settings: dict[str, Any]) -> None:
    item.published = dates.find_published(item.cleaned.header, item.cleaned.body,
                                          metadata=_text((item.meta or {}).get("date")) or None,
                                          url=_text((item.meta or {}).get("url")) or item.cleaned.url or None)


def _stage_cited(item: _Pending, settings: dict[str, Any]) -> None:
    cleaned = item.cleaned
    item.cited = sources.find_cited_sources("\n".join([item.title, cleaned.body, *cleaned.captions, *cleaned.credits]),
                                            outlet=(item.outlet.name if item.outlet else item.named_outlet) or None)


def _stage_language(item: _Pending, settings: dict[str, Any]) -> None:
    item.lang = detect_language(item.cleaned.body[: settings["sniff_chars"]])


def _stage_row(item: _Pending, settings: dict[str, Any]) -> None:
    meta, cleaned, outlet, published, lang = item.meta or {}, item.cleaned, item.outlet, item.published, item.lang
    vendor = {**cleaned.vendor, **meta.get("vendor", {})}
    flags = list(item.flags)
    if published.value is None:
        flags.append("no_date")
    elif _in_future(published.value, settings["future_tolerance_days"]):
        flags.append("future_date")
    elif published.value[:4] < str(settings["earliest_year"]):
        flags.append("early_date")  # "1900-01-01" from an export's empty default, not the web
    if lang != "id":
        flags.append("non_indonesian")
    if not (outlet or item.named_outlet):
        flags.append("no_outlet")
    item.row = {
        "article_id": _content_id(item.data),
        "path": item.path,
        "status": "ok",
        "flags": flags,
        "outlet": outlet.name if outlet else item.named_outlet,
        "outlet_domain": outlet.domain if outlet else "",
        "media_type": _media_type(outlet, vendor),
        "lang": lang,
        "title": item.title,
        "published": published.value,
        "date_precision": published.precision,
        "date_evidence": published.evidence,
        "authors": _unique(_names(meta.get("authors")) + list(cleaned.authors)),
        "editors": _unique(_names(meta.get("editors")) + list(cleaned.editors)),
        "cited_sources": item.cited,
        "body": cleaned.body,
        "removed": list(cleaned.removed),
        "captions": list(cleaned.captions),
        "vendor": vendor,
    }


def _rejected(path: str | Path, data: bytes, *flags: str) -> dict[str, Any]:
    return {
        "article_id": _content_id(data), "path": str(path), "status": "rejected", "flags": list(flags),
        "outlet": "", "outlet_domain": "", "media_type": "unknown", "lang": "other", "title": "",
        "published": None, "date_precision": "none", "date_evidence": "", "authors": [], "editors": [],
        "cited_sources": [], "body": "", "removed": [], "captions": [], "vendor": {},
    }


def _media_type(outlet: Any, vendor: dict[str, Any]) -> str:
    if outlet is not None and outlet.media_type in MEDIA_TYPES:
        return outlet.media_type
    stated = str(vendor.get("jenis_media", "")).strip().lower()
    return stated if stated in MEDIA_TYPES else "unknown"


def _mark_duplicates(rows: list[dict[str, Any]]) -> None:
    """Flag copies ``duplicate_of:<original id>`` and keep every id unique.

    A copy is the same body from the same outlet; the same text in another outlet is syndication,
    which the timeline traces, so it stays a separate article. Without an outlet, the same body
    is a copy only when published at the same time too: two regional sites missing from the
    registry that carry one wire story at different hours are two articles. The original is the
    copy published first (an outlet's re-post keeps the time it first ran), else the first row.
    """
    first_by_body: dict[tuple[str, str, Any], dict[str, Any]] = {}
    copied: dict[tuple[str, str, Any], list[dict[str, Any]]] = {}
    seen_ids: dict[str, int] = {}
    for row in rows:
        copies = seen_ids.get(row["article_id"], 0)
        seen_ids[row["article_id"]] = copies + 1
        if copies:
            row["article_id"] = _content_id(f"{row['article_id']}#{copies}".encode())
        if row["status"] == "rejected":
            continue
        outlet = row["outlet_domain"] or row["outlet"]
        key = (outlet, "", row["body"]) if outlet else ("", _text(row.get("published")), row["body"])
        first = first_by_body.setdefault(key, row)
        if first is not row:
            copied.setdefault(key, [first]).append(row)
    for group in copied.values():
        # ISO times compare as text; an undated copy comes last. min() keeps the first of equals.
        original = min(group, key=lambda row: _text(row.get("published")) or "\uffff")
        for row in group:
            if row is not original:
                row["flags"].append(_DUPLICATE + original["article_id"])


def _status(flags: list[str], flagging: list[str]) -> str:
    if any(flag.startswith(REJECTING_FLAGS) for flag in flags):
        return "rejected"
    if any(flag.startswith(tuple(flagging)) for flag in flags):
        return "flagged"
    return "ok"


def _in_future(value: str, tolerance_days: int) -> bool:
    latest = (dt.datetime.now(dt.timezone.utc).date() + dt.timedelta(days=tolerance_days)).isoformat()
    return value[:10] > latest


def _content_id(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=8).hexdigest()


# --- values ---------------------------------------------------------------------------------

def _missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def _text(value: Any) -> str:
    if _missing(value):
        return ""
    if isinstance(value, (dt.date, pd.Timestamp)):
        return value.isoformat()
    return str(value).strip()


def _names(value: Any) -> list[str]:
    if _missing(value):
        return []
    if isinstance(value, str):
        return [name.strip() for name in re.split(r"[;,|]|\band\b|\bdan\b", value) if name.strip()]
    if hasattr(value, "__iter__"):
        return [str(name).strip() for name in value if not _missing(name)]
    return [str(value)]


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _plain(value: Any) -> Any:
    """A JSON-safe Python value (numpy arrays and scalars, timestamps, NaN → plain types)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if hasattr(value, "tolist") and not isinstance(value, str):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return value
    if value is None or pd.isna(value):
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _nested(value: Any) -> Any:
    """Restore a list or dict cell read back from Parquet (arrays) or CSV (JSON text)."""
    if isinstance(value, str):
        value = json.loads(value) if value.strip()[:1] in ("[", "{") else value
    return _plain(value)


def _nested_as_json(articles: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    table = articles.copy()
    for column in columns:
        if column in table:
            table[column] = table[column].map(lambda value: json.dumps(_plain(value), ensure_ascii=False))
    return table


def _write_jsonl(articles: pd.DataFrame, handle: TextIO) -> None:
    for record in articles.to_dict("records"):
        handle.write(json.dumps({key: _plain(value) for key, value in record.items()}, ensure_ascii=False))
        handle.write("\n")
