"""Score warta's loader on the held-out articles in articles/ against expected.csv.

The articles were written by the warta team, in the styles of outlets the unit tests did not cover,
before the loader was run on them. Run `python tests/data/heldout/score.py` to print the accuracy;
tests/test_load.py asserts every row of the manifest.
"""
from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def expected_rows() -> list[dict[str, str]]:
    """The manifest: path (file name, `#n` for the n-th record of an export), outlet_domain, published, date_precision."""
    with open(HERE / "expected.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def normalise_published(value: object) -> str:
    """ISO text without zero seconds, so 2024-06-19T08:30:00+07:00 compares as 2024-06-19T08:30+07:00."""
    if not isinstance(value, str):
        return ""
    return re.sub(r"(T\d\d:\d\d):00(?=$|[+-Z])", r"\1", value)


def compare(table) -> list[dict[str, str]]:
    """One result per manifest row: the expected and actual values and whether domain and date match.

    `published` in the manifest is a prefix: a time written without WIB/WITA/WIT is listed without
    an offset, so either form passes; where the article gives the zone, the offset must match."""
    by_name = {Path(path).name: row for path, row in zip(table["path"], table.to_dict("records"))}
    results = []
    for want in expected_rows():
        row = by_name.get(want["path"])
        got_domain = row.get("outlet_domain") if row else None
        got_published = normalise_published(row.get("published")) if row else ""
        got_precision = row.get("date_precision") if row else None
        results.append({
            "path": want["path"], "found": row is not None,
            "outlet_domain": want["outlet_domain"], "got_domain": got_domain or "",
            "published": want["published"], "got_published": got_published,
            "date_precision": want["date_precision"], "got_precision": got_precision or "",
            "domain_ok": got_domain == want["outlet_domain"],
            "date_ok": got_published.startswith(want["published"]) and got_precision == want["date_precision"],
        })
    return results


def main() -> int:
    from warta.load import load_corpus

    table = load_corpus(HERE / "articles")
    results = compare(table)
    total = len(results)
    for result in results:
        if not (result["found"] and result["domain_ok"] and result["date_ok"]):
            print(f"MISS {result['path']}: domain {result['got_domain']!r} (want {result['outlet_domain']!r}), "
                  f"published {result['got_published']!r}/{result['got_precision']!r} "
                  f"(want {result['published']!r}/{result['date_precision']!r})")
    rows_in = len(table)
    print(f"files/records expected {total}, rows loaded {rows_in}, "
          f"missing {sum(not r['found'] for r in results)}")
    print(f"outlet domain right     {sum(r['domain_ok'] for r in results)}/{total} "
          f"= {sum(r['domain_ok'] for r in results) / total:.1%}")
    print(f"published+precision     {sum(r['date_ok'] for r in results)}/{total} "
          f"= {sum(r['date_ok'] for r in results) / total:.1%}")
    both = sum(r["domain_ok"] and r["date_ok"] for r in results)
    print(f"both right              {both}/{total} = {both / total:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
