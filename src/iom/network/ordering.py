"""The one tie-break rule every ranking in `iom.network` uses, written down once.

Rule: higher score first; scores that agree to 9 decimal places are tied; ties go to the
node whose id comes first in *natural* order (runs of digits compared as numbers, the rest
as case-folded text, so ``P2`` comes before ``P10``). The rule is deterministic: the same
graph always gives the same order, whatever order its nodes were added in.

>>> rank_nodes({"P10": 1.0, "P2": 1.0, "A": 0.5})
['P2', 'P10', 'A']
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Mapping
from typing import Any

__all__ = ["TIE_DECIMALS", "natural_key", "rank_nodes", "score_key"]

TIE_DECIMALS = 9
_CHUNKS = re.compile(r"(\d+)")


def natural_key(node: Hashable) -> tuple:
    """A sort key putting ids in natural order (``P2`` < ``P10``), for any hashable id."""
    parts = _CHUNKS.split(str(node))
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p.casefold()) for p in parts if p)


def score_key(node: Hashable, score: float) -> tuple:
    """The sort key of the tie-break rule: higher score first, then natural id order."""
    return (-round(float(score), TIE_DECIMALS), natural_key(node), str(node))


def rank_nodes(scores: Mapping[Any, float]) -> list:
    """Node ids ordered by the tie-break rule (best first)."""
    return sorted(scores, key=lambda n: score_key(n, scores[n]))
