"""`iom up`: start the store (loading the fictional seed force on first start) and the dashboard."""

from __future__ import annotations

import signal
from types import FrameType

import click

from iom.cli import CliState, echo, main, pass_state
from iom.cli.dashboard import (
    claim_dashboard,
    forget_dashboard,
    running_dashboard,
    start_dashboard,
    stop_process,
    wait_for_dashboard,
)
from iom.connection import ensure_seeded
from iom.security.access import SYSTEM
from iom.settings import Settings


@main.command()
@click.option("--port", default=8501, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--address",
    default="127.0.0.1",
    show_default=True,
    help="Interface to serve on. The default keeps the dashboard to this machine; serve wider "
    "only behind your force's access controls.",
)
@click.option(
    "--no-seed", is_flag=True, help="Don't load the fictional seed force into an empty store."
)
@pass_state
def up(state: CliState, port: int, address: str, no_seed: bool) -> None:
    """Start the store and the dashboard; an empty store gets the fictional seed force."""
    settings = state.settings()
    with claim_dashboard(settings.data_dir) as claimed:
        already = running_dashboard(settings.data_dir)
        if not claimed:  # another `iom up` has it, perhaps still starting
            already = already or wait_for_dashboard(settings.data_dir)
        if already or not claimed:
            where = f"at {already.url} (pid {already.pid})" if already else "(still starting)"
            echo(
                f"The dashboard is already running {where}. "
                "Open it there, or stop it with `iom down`."
            )
            return
        _serve(state, settings, port, address, no_seed)


def _serve(state: CliState, settings: Settings, port: int, address: str, no_seed: bool) -> None:
    """Prepare the store, start the dashboard and wait until it is stopped."""
    store = state.store()
    echo(f"Store: {store.description}", err=True)
    report = ensure_seeded(
        store, SYSTEM, seed=not no_seed, announce=lambda line: echo(line, err=True)
    )
    if report:
        echo(
            f"Loaded the seed force: {report.rows:,} records and links in {report.seconds:.1f} s.",
            err=True,
        )
    proc, dashboard = start_dashboard(settings, port=port, address=address)
    echo(f"iom is running at {dashboard.url} — press Ctrl+C to stop.")
    echo(f"Dashboard log: {settings.data_dir / 'dashboard.log'}", err=True)

    def _stop(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _stop)
    try:
        proc.wait()
    except KeyboardInterrupt:
        echo("Stopping the dashboard…", err=True)
    finally:
        stop_process(proc)
        forget_dashboard(settings.data_dir)
        store.close()
    echo("Stopped.", err=True)
