"""Word roots (warta.roots): Sastrawi's roots, kept for the next process."""
from __future__ import annotations

import pytest

from warta import config, roots


def test_word_roots_are_kept_for_the_next_process(tmp_path, monkeypatch):
    monkeypatch.setitem(config.settings()["paths"], "cache", str(tmp_path))
    monkeypatch.setattr(roots, "_ROOTS", None)
    words = ["menyerang", "perdamaian", "porak-poranda", "kebijakannya"]
    found = [roots.stem(word) for word in words]
    assert found[:3] == ["serang", "damai", "porak-poranda"]
    roots.save_roots()
    assert list(tmp_path.glob("roots/sastrawi-*.pickle"))

    # A new process reads them back and never needs the stemmer for these words.
    monkeypatch.setattr(roots, "_ROOTS", None)
    monkeypatch.setattr(roots, "_stemmer", lambda: pytest.fail("stemmed again"))
    assert [roots.stem(word) for word in words] == found


def test_an_unreadable_roots_file_only_means_stemming_again(tmp_path, monkeypatch):
    monkeypatch.setitem(config.settings()["paths"], "cache", str(tmp_path))
    monkeypatch.setattr(roots, "_ROOTS", None)
    path = roots._roots_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a pickle")
    assert roots.stem("menyerang") == "serang"
    roots.save_roots()  # replaces the broken file
    monkeypatch.setattr(roots, "_ROOTS", None)
    assert roots._roots()["menyerang"] == "serang"


def test_roots_of_another_stem_version_are_not_read(tmp_path, monkeypatch):
    monkeypatch.setitem(config.settings()["paths"], "cache", str(tmp_path))
    monkeypatch.setattr(roots, "_ROOTS", None)
    roots.stem("menyerang")
    roots.save_roots()
    monkeypatch.setattr(roots, "_ROOTS", None)
    monkeypatch.setattr(roots, "_ROOTS_FORMAT", roots._ROOTS_FORMAT + 1)
    assert roots._roots() == {}
