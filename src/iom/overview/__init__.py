"""The home page's figures: what the store holds, cohorts, areas, OCGs and reviews due.

Everything is in `figures`; its `__all__` is the package's (one list of names).
"""

from iom.overview.figures import *  # noqa: F403
from iom.overview.figures import __all__ as __all__
