"""Sentiment for Indonesian news: per sentence, per article and per actor, with evidence.

Every engine reads the cues of a lexicon written by the warta team (``data/lexicon/``) with
morphology, negation, intensity, contrast and reported speech. The default engine weighs them,
with the words around them, in a small linear model trained on the team's labelled news
sentences (and one trained on reviews for review-style text); the ``lexicon`` engine labels from
the cues alone, with a calibrated probability. Users can train their own linear model
(``warta sentiment train``) or point at a local transformers model. Modules: ``lexicon`` (entries and the cue finder), ``engines`` (lexicon / linear /
transformers), ``training`` (labelled files, training, calibration), ``scoring`` (texts,
sentences, articles, vendor comparison, Wilson intervals) and ``targets`` (actors).
"""
from warta.sentiment.engines import LABELS, Engine, LexiconEngine, LinearEngine, TransformersEngine, load_engine
from warta.sentiment.lexicon import Cue, Lexicon, load_lexicon
from warta.sentiment.scoring import (SentimentScore, attach_speakers, compare_vendor, describe, evidence_sentences, evidence_table,
                                     label_shares, score_articles, score_sentences,
                                     score_sentences_and_stances, score_text, score_texts,
                                     wilson_interval)
from warta.sentiment.targets import actor_evidence, headline_tone, score_actors, share_of_voice
from warta.sentiment.training import read_labelled, train_model

__all__ = [
    "LABELS", "Cue", "Engine", "Lexicon", "LexiconEngine", "LinearEngine", "SentimentScore", "TransformersEngine",
    "actor_evidence", "attach_speakers",
    "compare_vendor", "describe", "evidence_sentences", "evidence_table", "headline_tone", "label_shares", "load_engine",
    "load_lexicon", "read_labelled",
    "score_actors", "score_articles", "score_sentences", "score_sentences_and_stances", "score_text", "score_texts",
    "share_of_voice",
    "train_model", "wilson_interval",
]
