"""Persons: stage 4a finds the person mentions of one article, stage 5 links them across the run.

    from extract.persons import find_mentions, link_persons

Modules: ``mentions`` (stage 4a, ``find_mentions``) built on ``latin`` and ``chinese``
candidates and the name knowledge in ``names``; ``recognizer`` (the shipped Chinese person
model) with its character tokenizer ``zh_chars`` and its trainer ``train``; ``linking``
(stage 5, ``link_run``: ``add_run_aliases``, then ``link_persons``).
"""
from __future__ import annotations

from .chinese import model_jobs
from .linking import add_run_aliases, link_persons, link_run, person_id
from .mentions import find_mentions

__all__ = ["find_mentions", "model_jobs", "link_run", "add_run_aliases", "link_persons", "person_id"]
