"""Option types shared by the command families (one date type for every `--as-of`)."""

from __future__ import annotations

from datetime import date
from typing import Any

import click

from iom.dates import parse_iso_date

__all__ = ["ISO_DATE", "IsoDate"]


class IsoDate(click.ParamType):
    """A YYYY-MM-DD date, refused with the library's one date message otherwise."""

    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        """Parse `value` as an ISO date."""
        try:
            return parse_iso_date(value)
        except ValueError as e:
            self.fail(str(e), param, ctx)


ISO_DATE = IsoDate()
