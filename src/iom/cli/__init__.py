"""The `iom` command line: thin commands over the library, one module per command family.

Library errors (IomError) become one-line messages and exit code 1 here, at the edge;
anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any

import click

from iom import __version__
from iom.connection import Store, connect
from iom.errors import ImportValidationError, IomError
from iom.security.access import Actor
from iom.settings import Settings
from iom.text import terminal

__all__ = ["CliState", "echo", "main", "pass_state"]

# Each module registers its commands on `main` when imported.
COMMAND_MODULES = (
    "load",
    "stats",
    "server",
    "up",
    "seed",
    "config",
    "cohort",
    "network",
    "imports",
    "ocg",
    "ocg_plans",
    "disruption",
    "meeting",
    "pack",
    "referral",
    "plan",
    "reviews",
    "search",
    "pathways",
    "backup",
)


def echo(message: object = "", *, err: bool = False) -> None:
    """Print a line; control characters from data (escape sequences) are shown, not obeyed."""
    click.echo(terminal(message), err=err)


class IomGroup(click.Group):
    """A click group that shows library errors as one clear line instead of a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ImportValidationError as e:
            for problem in e.problems:
                echo(problem, err=True)
            raise click.ClickException(
                f"{e.total} problem(s) found; nothing was written to the store."
            ) from None
        except IomError as e:
            raise click.ClickException(terminal(e, lines=False)) from None


@dataclass
class CliState:
    """Options shared by every command, and the store opened once per command."""

    store_uri: str | None = None
    data_dir: str | None = None
    _store: Store | None = field(default=None, repr=False)

    def settings(self) -> Settings:
        """Settings from the environment, with --store and --data-dir applied."""
        return Settings.from_env(store=self.store_uri, data_dir=self.data_dir)

    def store(self) -> Store:
        """The configured store, opened (and for the embedded one, started) on first use."""
        if self._store is None:
            self._store = connect(self.settings())
        return self._store

    def actor(self, purpose: str) -> Actor:
        """The person running this command (IOM_USER, IOM_ROLE), acting for `purpose`."""
        return Actor.local(purpose)


pass_state = click.make_pass_decorator(CliState, ensure=True)


@click.group(cls=IomGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--store",
    "store_uri",
    metavar="URI",
    help="A neo4j:// or bolt:// URI to use instead of the embedded store (default: NEO4J_URI "
    "if set, else the embedded store).",
)
@click.option(
    "--data-dir",
    metavar="DIR",
    help="Where the embedded store keeps its files (default: IOM_DATA_DIR, else the user data "
    "folder).",
)
@click.version_option(__version__, prog_name="iom")
@click.pass_context
def main(ctx: click.Context, store_uri: str | None, data_dir: str | None) -> None:
    """iom: integrated offender management and OCG disruption on a graph."""
    ctx.obj = CliState(store_uri=store_uri, data_dir=data_dir)


for _module in COMMAND_MODULES:
    try:
        importlib.import_module(f"iom.cli.{_module}")
    except ModuleNotFoundError as _e:  # a command family not written yet
        if _e.name != f"iom.cli.{_module}":
            raise
