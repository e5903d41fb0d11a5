"""Synthetic corpora for benchmarks and tests, built from the sentences of the seed articles.

``generate_corpus(n=..., out=..., seed=...)`` writes ``n`` articles of about 3 KB that look like
the real inputs: the header and dateline styles of registered outlets, Indonesian date forms,
persons and countries swapped from small lists, boilerplate lines the cleaner must remove, a few
exact duplicates, and a mix of formats (mostly ``.txt``; some ``.jsonl``, ``.html``, ``.csv`` and
gzipped ``.txt``). The same seed always gives byte-identical files, so a benchmark or a test can
be repeated exactly. Files go into sub-folders of 1,000 (``out/0000/0000000.txt``) so that a
million files stay listable.
"""
from __future__ import annotations

import csv
import gzip
import html
import io
import json
import random
import re
from collections import deque
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from warta import config
from warta.text import paragraph_spans, split_sentences

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember")
MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")

# Header and dateline styles of real outlets: (header lines, dateline opening the first paragraph).
# {date} is filled with one of the date forms below.
OUTLET_STYLES = (
    ("Kompas.com", ("Kompas.com - {date}",), "JAKARTA, KOMPAS.com - "),
    ("Kompas TV", ("Kompas.tv - {date}",), "WASHINGTON, KOMPAS.TV - "),
    ("Bisnis.com", ("{date}",), "Bisnis.com, JAKARTA - "),
    ("ANTARA", ("{date}",), "Jakarta (ANTARA) - "),
    ("CNN Indonesia", ("CNN Indonesia", "{date}"), "Jakarta, CNN Indonesia -- "),
    ("Tempo", ("{date}",), "TEMPO.CO, Jakarta - "),
    ("Republika", ("{date}",), "REPUBLIKA.CO.ID, JAKARTA -- "),
    ("Tribun Jateng", ("{date}",), "TRIBUNJATENG.COM, SEMARANG - "),
    ("Tribunnews", ("{date}",), "TRIBUNNEWS.COM, JAKARTA - "),
    ("Okezone", ("Okezone.com Jenis Media: Nasional", "{date}"), "WASHINGTON - "),
    ("detikNews", ("Rizky Pratama - detikNews", "{date}"), "Jakarta - "),
    ("Liputan6", ("{date}",), "Liputan6.com, Jakarta - "),
    ("Suara.com", ("{date}",), "Suara.com - "),
    ("kumparan", ("kumparanNEWS", "{date}"), ""),
    ("Merdeka.com", ("{date}",), "Merdeka.com - "),
    ("JPNN", ("{date}",), "JPNN.com, JAKARTA - "),
    ("CNBC Indonesia", ("CNBC Indonesia", "{date}"), "Jakarta, CNBC Indonesia - "),
    ("Suara Merdeka", ("{date}",), "SEMARANG, suaramerdeka.com - "),
    ("VOA Indonesia", ("VOA Indonesia", "{date}"), ""),
    ("BBC News Indonesia", ("BBC News Indonesia", "{date}"), ""),
    ("KBS World Indonesian", ("date {month}", "Photo : KBS News"), ""),
)

# Persons and countries of the seeds, swapped per article for others from these lists.
SEED_PERSONS = (("Vladimir Putin", "Putin"), ("John Kirby", "Kirby"), ("Antony Blinken", "Blinken"),
                ("Jens Stoltenberg", "Stoltenberg"), ("Kurt Campbell", "Campbell"))
OTHER_PERSONS = (("Prabowo Subianto", "Prabowo"), ("Joko Widodo", "Jokowi"), ("Xi Jinping", "Xi"),
                 ("Joe Biden", "Biden"), ("Emmanuel Macron", "Macron"), ("Narendra Modi", "Modi"),
                 ("Anthony Albanese", "Albanese"), ("Recep Tayyip Erdogan", "Erdogan"),
                 ("Anwar Ibrahim", "Anwar"), ("Retno Marsudi", "Retno"), ("Fumio Kishida", "Kishida"),
                 ("Sri Mulyani Indrawati", "Sri Mulyani"), ("Olaf Scholz", "Scholz"))
OTHER_COUNTRIES = ("Rusia", "Tiongkok", "Iran", "India", "Jepang", "Turki", "Prancis", "Jerman", "Malaysia")

BOILERPLATE = ("Baca Juga: {title}", "Follow Berita Okezone di Google News", "Baca juga: {title}",
               "Simak breaking news dan berita pilihan kami langsung di ponselmu.", "Advertisement",
               "Pilihan Editor: {title}", "Tautan Sahabat")

_GLUED = re.compile(r"(?<=[a-z])\.(?=[A-Z])")
_DATELINE = re.compile(r"^(?:[A-Za-z.]+(?:, [A-Za-z.]+)? )?[-–]{1,2} ")
_PROMO = re.compile(r"^(?:Baca [Jj]uga|Follow|Dapatkan)")



@dataclass(frozen=True)
class _Article:
    title: str
    header: tuple[str, ...]
    paragraphs: tuple[str, ...]
    outlet: str
    published: str


def generate_corpus(*, n: int, out: str | Path, seed: int = 13) -> int:
    """Write ``n`` synthetic articles under ``out`` and return how many were written."""
    if n < 0:
        raise ValueError("n must be >= 0")
    settings = config.section("synth")
    formats = [(suffix, float(share)) for suffix, share in settings["formats"]]
    sentences = seed_sentences(config.seeds_dir())
    rng = random.Random(seed)
    root = Path(out)
    # Duplicates copy one of the last thousand articles: a bounded window keeps memory flat.
    written: deque[tuple[str, bytes]] = deque(maxlen=1000)
    for index in range(n):
        folder = root / f"{index // 1000:04d}"
        if index % 1000 == 0:
            folder.mkdir(parents=True, exist_ok=True)
        if written and rng.random() < settings["duplicate_share"]:
            suffix, payload = rng.choice(written)
        else:
            suffix = _pick_format(rng.random(), formats)
            payload = render(make_article(rng, sentences, target_bytes=settings["target_bytes"]), suffix)
            written.append((suffix, payload))
        (folder / f"{index:07d}{suffix}").write_bytes(payload)
    return n


def seed_sentences(seeds: Path) -> tuple[str, ...]:
    """Return the usable sentences of the seed articles: whole, in the body, not promo lines."""
    found: list[str] = []
    for path in sorted(seeds.glob("*.txt")):
        text = _GLUED.sub(". ", path.read_text(encoding="utf-8"))
        for start, end in paragraph_spans(text):
            for sentence in split_sentences(text[start:end]):
                sentence = _DATELINE.sub("", sentence).strip()
                if len(sentence.split()) >= 6 and sentence[-1] in '.!?"”' and not _PROMO.match(sentence):
                    found.append(sentence)
    if not found:
        raise FileNotFoundError(f"no seed sentences found in {seeds}")
    return tuple(found)


def make_article(rng: random.Random, sentences: tuple[str, ...], *, target_bytes: int = 3000) -> _Article:
    """Draw one article: outlet style, date, swapped actors and ~3 KB of paragraphs."""
    outlet, header_lines, dateline = rng.choice(OUTLET_STYLES)
    day = date(2024, 1, 1) + timedelta(days=rng.randrange(366))
    hour, minute = rng.randrange(6, 23), rng.randrange(60)
    month = f"{day.year}-{day.month:02d}"
    header = tuple(line.format(date=_date_text(rng, day, hour, minute), month=month) for line in header_lines)
    swap = _swapper(rng)
    body: list[str] = []
    size = 0
    while size < target_bytes:
        paragraph = " ".join(swap(rng.choice(sentences)) for _ in range(rng.randint(1, 3)))
        if rng.random() < 0.05:  # sentences glued by a bad export, as in the KBS seed
            paragraph = paragraph.replace(". ", ".", 1)
        body.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 1
        if rng.random() < 0.08:
            body.append(rng.choice(BOILERPLATE).format(title=_title(rng, sentences)))
    body[0] = dateline + body[0]
    published = f"{day.isoformat()}T{hour:02d}:{minute:02d}:00+07:00"
    return _Article(swap(_title(rng, sentences)), header, tuple(body), outlet, published)


def render(article: _Article, suffix: str) -> bytes:
    """Serialise one article in the format named by ``suffix``."""
    text = "\n".join([article.title, "", *article.header, "", *article.paragraphs]) + "\n"
    if suffix == ".txt":
        return text.encode("utf-8")
    if suffix == ".txt.gz":
        return gzip.compress(text.encode("utf-8"), mtime=0)
    body = "\n".join([*article.header, *article.paragraphs])
    if suffix == ".jsonl":
        record = {"judul": article.title, "tanggal": article.published, "media": article.outlet, "isi": body}
        return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    if suffix == ".csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["title", "date", "source", "content"])
        writer.writerow([article.title, article.published, article.outlet, body])
        return buffer.getvalue().encode("utf-8")
    paragraphs = "".join(f"<p>{html.escape(p)}</p>\n" for p in [*article.header, *article.paragraphs])
    page = (f"<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(article.title)}</title>\n"
            f"<meta property=\"article:published_time\" content=\"{article.published}\">\n"
            f"<meta property=\"og:site_name\" content=\"{html.escape(article.outlet)}\">\n"
            f"</head><body><nav>Beranda | Nasional | Internasional</nav>\n<article>\n"
            f"<h1>{html.escape(article.title)}</h1>\n{paragraphs}</article>\n"
            f"<footer>Hak cipta dilindungi undang-undang.</footer></body></html>\n")
    return page.encode("utf-8")


def _pick_format(draw: float, formats: list[tuple[str, float]]) -> str:
    """Map a uniform draw to a format: ``formats`` holds cumulative shares, the rest is ``.txt``."""
    for suffix, cumulative in formats:
        if draw < cumulative:
            return suffix
    return ".txt"


def _date_text(rng: random.Random, day: date, hour: int, minute: int) -> str:
    weekday = DAYS[day.weekday()]
    forms = (
        f"{weekday}, {day.day} {MONTHS[day.month - 1]} {day.year} {hour:02d}:{minute:02d} WIB",
        f"{day.day} {MONTHS[day.month - 1]} {day.year}, {hour:02d}:{minute:02d} WIB",
        f"{weekday}, {day.day:02d}/{day.month:02d}/{day.year} {hour:02d}:{minute:02d} WIB",
        f"{weekday} ({day.day}/{day.month}/{day.year})",
        f"{day.day} {MONTHS_SHORT[day.month - 1]} {day.year} {hour:02d}.{minute:02d} WIB",
    )
    return rng.choice(forms)


def _title(rng: random.Random, sentences: tuple[str, ...]) -> str:
    words = rng.choice(sentences).strip('“”"').split()[: rng.randint(7, 12)]
    return " ".join(words).rstrip(",.;:”\"")


def _swapper(rng: random.Random):
    """Return a function that swaps two seed persons and the country Rusia, consistently per article."""
    replacement = {"Rusia": rng.choice(OTHER_COUNTRIES)}
    for (full, short), (new_full, new_short) in zip(rng.sample(SEED_PERSONS, 2), rng.sample(OTHER_PERSONS, 2)):
        replacement |= {full: new_full, short: new_short}
    # Longest first, so that a full name wins over its short form.
    names = sorted(replacement, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b")
    return lambda text: pattern.sub(lambda match: replacement[match.group(0)], text)
