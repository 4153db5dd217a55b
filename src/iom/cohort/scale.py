"""Scaling graded measures to 0-1 by a cap taken from the population, never saturating.

The cap is the `quantile` of the non-zero values, raised to the next distinct value while
more than `max_share` of everyone scored would sit at it; when even the largest value is
shared by too many, the cap is set a quarter above it, so nobody reaches it. Values scale
linearly up to the cap: one rape (2,555 CCHI days) weighs as much as 9.3 burglaries
(273.5 days each), as the harm index says.

>>> values = pd.Series(range(40), dtype=float)
>>> cap = population_cap(values, 0.95, 0.05)  # 2 of 40 may sit at the cap
>>> cap, scaled(values, cap).round(2).tolist()[-3:]
(38.0, [0.97, 1.0, 1.0])
>>> population_cap(pd.Series([1.0] * 10), 0.95, 0.05)  # everybody alike: nobody at the cap
1.25
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["population_cap", "scaled"]


def population_cap(values: pd.Series, quantile: float, max_share: float) -> float:
    """The cap for `values`: see the module docstring (0 when no value is above 0)."""
    positive = values[values > 0].astype(float)
    if positive.empty:
        return 0.0
    cap = float(positive.quantile(quantile, interpolation="higher"))
    distinct = np.unique(positive.to_numpy())
    limit = max_share * len(values)
    while (values >= cap).sum() > limit:
        higher = distinct[distinct > cap]
        if higher.size == 0:
            return float(distinct[-1]) * 1.25
        cap = float(higher[0])
    return cap


def scaled(values: pd.Series, cap: float) -> pd.Series:
    """`values / cap`, between 0 and 1 (all 0 when the cap is 0)."""
    if cap <= 0:
        return pd.Series(0.0, index=values.index)
    return (values.astype(float) / cap).clip(lower=0.0, upper=1.0)
