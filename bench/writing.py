"""What the benchmark's generators share: the word lists (bench/words.yaml), texts drawn from them, bulk inserts.

COMMON_WORD is in most generated texts, RARE_WORD in one in RARE_EVERY, so that the search benchmark
measures both a word in most documents and a rare one.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml

COMMON_WORD = "migrants"
RARE_WORD = "ombudsperson"
RARE_EVERY = 2_000
BATCH = 5_000

_WORDS = yaml.safe_load((Path(__file__).with_name("words.yaml")).read_text(encoding="utf-8"))
TOPICS: list[str] = _WORDS["topics"]
ACTIONS: list[str] = _WORDS["actions"]
SENTENCES: list[str] = _WORDS["sentences"]
OCCASIONS: list[str] = _WORDS["occasions"]
STAKEHOLDER_KINDS: list[str] = _WORDS["stakeholder_kinds"]


def text(rng: random.Random, serial: int, country: str, topic: str, sentences: int) -> str:
    parts = [
        rng.choice(SENTENCES).format(
            n=rng.randint(50, 20_000),
            common=COMMON_WORD if rng.random() < 0.8 else "people",
            country=country,
            topic=topic,
        )
        for _ in range(sentences)
    ]
    if serial % RARE_EVERY == 7:
        parts.append(f"An {RARE_WORD} handles complaints from workers.")
    return " ".join(parts)


def chunks(rows: Iterable[Any], size: int = BATCH) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def bulk(model: type[Any], rows: Iterable[Any]) -> list[Any]:
    """Insert in batches and return the objects with their primary keys."""
    done: list[Any] = []
    for batch in chunks(rows):
        done.extend(model.objects.bulk_create(batch))
    assert not done or done[-1].pk is not None, "the database must return ids from bulk inserts"
    return done


def link(field: Any, pairs: Iterable[tuple[int, int]]) -> None:
    """Fill the many-to-many table of `field` (a ManyToManyDescriptor) from (source id, target id) pairs."""
    through = field.through
    m2m = field.field
    source, target = f"{m2m.m2m_field_name()}_id", f"{m2m.m2m_reverse_field_name()}_id"
    for batch in chunks(through(**{source: a, target: b}) for a, b in pairs):
        through.objects.bulk_create(batch)
