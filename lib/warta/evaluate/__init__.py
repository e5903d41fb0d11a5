"""Quality evaluation on labelled data: ``evaluate_ner``, ``evaluate_sentiment``,
``evaluate_actor_sentiment``, ``evaluate_article_sentiment``, ``evaluate_quotes``,
``evaluate_headline_actors``, ``evaluate_cooccurrence`` and ``evaluate_timeline``, as print-ready dicts."""
from __future__ import annotations

from importlib import import_module

_EXPORTS = {"evaluate_ner": "warta.evaluate.ner", "evaluate_sentiment": "warta.evaluate.sentiment",
            "evaluate_actor_sentiment": "warta.evaluate.actor_sentiment",
            "evaluate_article_sentiment": "warta.evaluate.article_sentiment",
            "evaluate_quotes": "warta.evaluate.quotes",
            "evaluate_headline_actors": "warta.evaluate.headlines",
            "evaluate_cooccurrence": "warta.evaluate.cooccurrence",
            "evaluate_timeline": "warta.evaluate.timeline"}


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'warta.evaluate' has no attribute {name!r}")
