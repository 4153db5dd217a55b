"""`iom down` and `iom status`: the embedded store's server, or which Neo4j is configured."""

from __future__ import annotations

import click

from iom.cli import CliState, echo, main, pass_state
from iom.cli.dashboard import running_dashboard, stop_dashboard
from iom.connection import embedded_status, stop_embedded

__all__ = ["down", "status"]


@main.command("down")
@click.option(
    "--force",
    is_flag=True,
    help="Stop the store even if it cannot save its last changes (a full disk); those are lost.",
)
@pass_state
def down(state: CliState, force: bool) -> None:
    """Stop the dashboard started by `iom up` and the embedded store (data stays on disk)."""
    settings = state.settings()
    dashboard = stop_dashboard(settings.data_dir)
    if dashboard:
        echo(f"Stopped the dashboard at {dashboard.url} (pid {dashboard.pid}).")
    if settings.backend == "neo4j":
        echo(
            f"The store is Neo4j at {settings.store_uri} (from {settings.store_source}); "
            "iom does not run it, so there is nothing to stop."
        )
        return
    if stop_embedded(settings, force=force):
        echo(f"Stopped the embedded store in {settings.data_dir}.")
    else:
        echo(f"The embedded store in {settings.data_dir} is not running.")


@main.command("status")
@pass_state
def status(state: CliState) -> None:
    """Say which store is configured and, for the embedded one, whether it is running."""
    settings = state.settings()
    if settings.backend == "neo4j":
        database = settings.neo4j_database or "the default database"
        echo(
            f"Store: Neo4j at {settings.store_uri} (from {settings.store_source}), {database}, "
            f"user {settings.neo4j_username}."
        )
        return
    dashboard = running_dashboard(settings.data_dir)
    if dashboard:
        echo(f"Dashboard: running at {dashboard.url} (pid {dashboard.pid}).")
    server = embedded_status(settings)
    echo(f"Store: embedded FalkorDB in {settings.data_dir}, graph {settings.graph!r}.")
    if server.running:
        echo(f"Running: pid {server.pid}, socket {server.socket}.")
        if server.write_error:
            echo(f"Cannot write: {server.write_error}")
    else:
        echo("Not running: it starts when a command needs it.")
