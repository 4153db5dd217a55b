"""`iom pack`: a meeting, OCG or nominal pack as HTML or PDF, for police or partners."""

from __future__ import annotations

from pathlib import Path

import click

from iom.cli import CliState, echo, main, pass_state
from iom.reference import reference_for

__all__ = ["pack"]

PURPOSE = "OCG disruption pack for a meeting"
KINDS = ("ocg", "meeting", "person")


@main.command()
@click.argument("kind", type=click.Choice(KINDS))
@click.argument("record_id", metavar="ID")
@click.option(
    "--audience",
    default="police",
    show_default=True,
    type=click.Choice(["police", "partner"]),
    help="partner leaves out police-only intelligence.",
)
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="FILE.html or FILE.pdf.",
)
@pass_state
def pack(state: CliState, kind: str, record_id: str, audience: str, out: Path) -> None:
    """Write a pack for a meeting, an OCG or a nominal (person) as HTML or PDF."""
    from iom.disruption import packs

    make = {"ocg": packs.ocg_pack, "meeting": packs.meeting_pack, "person": packs.person_pack}
    if out.suffix.lower() not in (".html", ".htm", ".pdf"):
        raise click.BadParameter(
            f"{out}: the file name must end in .html or .pdf", param_hint="--out"
        )
    made = make[kind](
        state.store(),
        state.actor(PURPOSE),
        record_id,
        audience=audience,
        reference=reference_for(state.settings()),
    )
    written = packs.write_pack(made, out)
    echo(f"Wrote {made.title} ({audience} version) to {written}.")
