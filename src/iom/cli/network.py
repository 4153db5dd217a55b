"""`iom network`: key players, disruption simulation, emerging groups, relatives at risk."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import click

from iom.cli import CliState, echo, main, pass_state
from iom.cli.options import ISO_DATE

PURPOSE_KEY = "OCG network analysis: key players for the disruption panel"
PURPOSE_ATTACK = "OCG network analysis: disruption simulation for the disruption panel"
PURPOSE_EMERGING = "OCG network analysis: emerging groups for the OCG co-ordinator"
PURPOSE_RELATIVES = "Early intervention: young relatives of OCG members and IOM nominals"
CENTRALITY_CHOICES = ["degree", "betweenness", "katz", "collective-influence", "pagerank"]


def _projection_options(func: Any) -> Any:
    """The options that choose the person network taken from the store."""
    options = [
        click.option("--ocg", metavar="ID", help="The network 2 hops around this OCG's members."),
        click.option("--around", metavar="PERSON", help="The network 2 hops around this person."),
        click.option(
            "--ties",
            metavar="LIST",
            help="Tie types, comma-separated: co-offending,association,family,household,ocg,phone "
            "(default: co-offending,association,ocg,phone).",
        ),
        click.option("--since", type=ISO_DATE, help="Only ties dated on or after this."),
        click.option("--until", type=ISO_DATE, help="Only ties dated on or before this."),
        click.option(
            "--hops",
            default=2,
            show_default=True,
            type=click.IntRange(min=0),
            help="Neighbourhood size around --ocg/--around.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _project_args(
    ocg: str | None,
    around: str | None,
    ties: str | None,
    since: date | None,
    until: date | None,
    hops: int,
    weighted: bool,
) -> dict[str, Any]:
    from iom.network.projection import ProjectionError

    if ocg and around:
        raise ProjectionError("--ocg and --around: give one or the other")
    return {
        "ocg": ocg,
        "around": around,
        "ties": ties,
        "since": since,
        "until": until,
        "hops": hops,
        "weighted": weighted,
    }


@main.group()
def network() -> None:
    """Person networks: key players, disruption simulation, emerging groups, relatives at risk."""


@network.command()
@click.argument("edges", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--centrality",
    type=click.Choice(CENTRALITY_CHOICES),
    default="degree",
    show_default=True,
    help="Who to remove next: the top person by this centrality of the current network.",
)
@click.option(
    "--mode",
    type=click.Choice(["sequential", "block"]),
    default="sequential",
    show_default=True,
    help="sequential: recompute after every removal; block: remove the top --block-size at once.",
)
@click.option("--block-size", default=5, show_default=True, type=click.IntRange(min=1))
@click.option("--k", "k", default=10, show_default=True, type=click.IntRange(min=0),
              help="How many people to remove in all.")  # fmt: skip
@click.option("--weighted", is_flag=True, help="Use tie weights (strength; distance = 1/weight).")
@click.option("--remove", metavar="IDS", help="Remove these people (comma-separated, in order) "
              "instead of choosing by centrality.")  # fmt: skip
@click.option("--recover", "steps", type=click.IntRange(min=0), default=0, show_default=True,
              help="Then simulate T steps of recovery and report what is left.")  # fmt: skip
@click.option("--seed", default=0, show_default=True, type=int, help="Seed for recovery.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write the curve CSV.")
@click.option("--chart", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the curve as a chart (.svg or .html).")  # fmt: skip
@_projection_options
@pass_state
def attack(
    state: CliState,
    edges: Path | None,
    centrality: str,
    mode: str,
    block_size: int,
    k: int,
    weighted: bool,
    remove: str | None,
    steps: int,
    seed: int,
    out: Path | None,
    chart: Path | None,
    **where: Any,
) -> None:
    """Simulate a disruption on EDGES.csv (or the store's network) and print the curve.

    EDGES.csv: two id columns (comma, tab or space separated, header optional) and an
    optional weight column. Without it, the network comes from the store (--ocg/--around).
    """
    from iom.network.attack import attack as run_attack
    from iom.network.attack import remove_people
    from iom.network.chart import check_chart_path, write_chart
    from iom.network.edgelist import read_edge_list
    from iom.network.recovery import recover

    if chart:
        check_chart_path(chart)
    if edges is not None:
        graph, report = read_edge_list(edges)
        for line in report.lines():
            echo(line, err=True)
        names: dict = {}
    else:
        from iom.network.projection import project

        proj = project(
            state.store(),
            state.actor(PURPOSE_ATTACK),
            **_project_args(weighted=weighted, **where),
        )
        graph, names = proj.graph, proj.names()
        echo(f"Network: {proj.scope}: {graph.number_of_nodes()} people, "
                   f"{graph.number_of_edges()} ties", err=True)  # fmt: skip
    if remove:
        curve = remove_people(graph, [r.strip() for r in remove.split(",") if r.strip()],
                              weighted=weighted)  # fmt: skip
    else:
        curve = run_attack(graph, centrality, mode, k, block_size=block_size, weighted=weighted)
    rows = curve.rows()
    echo(f"{'k':>3} {'lcc':>6} {'lcc_frac':>8} {'comps':>6} {'isol':>5} {'effic':>7}  removed")
    for row in rows:
        removed = ", ".join(names.get(r, r) if names else r for r in row["removed"].split(";") if r)
        echo(f"{row['k']:>3} {row['lcc_size']:>6} {row['lcc_fraction']:>8.3f} "
                   f"{row['components']:>6} {row['isolates']:>5} {row['efficiency']!s:>8}  "
                   f"{removed}")  # fmt: skip
    if steps:
        rec = recover(graph, curve.removed, steps, seed=seed, weighted=weighted)
        kinds = [kind for *_, kind in rec.added]
        echo(
            f"After {len(rec.added)} recovery steps (seed {seed}; "
            f"{kinds.count('triadic')} triadic closure, {kinds.count('preferential')} "
            f"preferential attachment): lcc {rec.after['lcc_size']} "
            f"({rec.lcc_fraction_after:.3f} of intact), components {rec.after['components']}, "
            f"efficiency {rec.after['efficiency']:.4f}"
        )
    if out:
        curve.write_csv(out)
        echo(f"Curve written to {out}", err=True)
    if chart:
        write_chart([curve], chart, title=f"{curve.strategy} ({curve.mode})")
        echo(f"Chart written to {chart}", err=True)


@network.command()
@click.argument("edges", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--k", "k", default=5, show_default=True, type=click.IntRange(min=1),
              help="People removed by each strategy.")  # fmt: skip
@click.option("--block-size", default=5, show_default=True, type=click.IntRange(min=1))
@click.option("--steps", default=10, show_default=True, type=click.IntRange(min=0),
              help="Recovery steps (new ties) after each disruption.")  # fmt: skip
@click.option("--runs", default=5, show_default=True, type=click.IntRange(min=1),
              help="Recoveries averaged per strategy (seeds seed, seed+1, ...).")  # fmt: skip
@click.option("--seed", default=0, show_default=True, type=int)
@click.option("--remove", metavar="IDS", help="Also compare the panel's own choice of people.")
@click.option("--weighted", is_flag=True, help="Use tie weights.")
@_projection_options
@pass_state
def compare(
    state: CliState,
    edges: Path | None,
    k: int,
    block_size: int,
    steps: int,
    runs: int,
    seed: int,
    remove: str | None,
    weighted: bool,
    **where: Any,
) -> None:
    """Compare disruption strategies by what is left after the network recovers."""
    from iom.network.edgelist import read_edge_list
    from iom.network.recovery import compare_strategies

    if edges is not None:
        graph, report = read_edge_list(edges)
        for line in report.lines():
            echo(line, err=True)
    else:
        from iom.network.projection import project

        graph = project(
            state.store(), state.actor(PURPOSE_ATTACK), **_project_args(weighted=weighted, **where)
        ).graph
    strategies = [(c, m) for c in CENTRALITY_CHOICES for m in ("sequential", "block")]
    chosen = (
        {"chosen people": [r.strip() for r in remove.split(",") if r.strip()]} if remove else None
    )
    results = compare_strategies(graph, strategies, k, steps, chosen=chosen, block_size=block_size,
                                 seed=seed, runs=runs, weighted=weighted)  # fmt: skip
    echo(f"{k} removed, then {steps} recovery steps (mean of {runs} runs, seed {seed}); "
               "best first by the largest group left after recovery:")  # fmt: skip
    echo(f"{'strategy':<34} {'lcc_after':>9} {'recovered':>9} {'net_cut':>8}")
    for r in results:
        echo(f"{r.strategy:<34} {r.lcc_fraction_attack:>9.3f} "
                   f"{r.lcc_fraction_recovered:>9.3f} {r.net_reduction:>8.3f}")  # fmt: skip


@network.command()
@click.option("--centrality", type=click.Choice([*CENTRALITY_CHOICES, "eigenvector", "brokerage"]),
              default="betweenness", show_default=True, help="Rank by this.")  # fmt: skip
@click.option("--top", default=10, show_default=True, type=click.IntRange(min=1))
@click.option("--weighted", is_flag=True, help="Use tie weights (counts of each tie).")
@click.option("--sample", type=click.IntRange(min=1), help="Sampled betweenness from N sources.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON rows.")
@_projection_options
@pass_state
def keyplayers(
    state: CliState,
    centrality: str,
    top: int,
    weighted: bool,
    sample: int | None,
    as_json: bool,
    **where: Any,
) -> None:
    """Rank key players of an OCG's network (or force-wide) with every measure and a reason."""
    from iom.network.analyses import store_key_players

    proj, players = store_key_players(
        state.store(),
        state.actor(PURPOSE_KEY),
        centrality,
        top,
        sample=sample,
        **_project_args(weighted=weighted, **where),
    )
    if as_json:
        echo(json.dumps([p.row() for p in players], indent=2))
        return
    g = proj.graph
    echo(f"Key players by {centrality}: {proj.scope}; {g.number_of_nodes()} people, "
               f"{g.number_of_edges()} ties ({', '.join(proj.ties)})")  # fmt: skip
    for p in players:
        values = "  ".join(f"{m}={v:.4g}" for m, v in p.values.items())
        echo(f"{p.rank:>3}. {p.name} ({p.id})  {values}")
        echo(f"     {p.reason}")


@network.command()
@click.option("--since", type=ISO_DATE, help="Only offences on or after this.")
@click.option("--until", type=ISO_DATE, help="Only offences on or before this.")
@click.option("--seed", default=0, show_default=True, type=int, help="Louvain's seed.")
@click.option("--min-size", default=3, show_default=True, type=click.IntRange(min=2))
@click.option("--json", "as_json", is_flag=True, help="Print JSON rows.")
@pass_state
def emerging(
    state: CliState, since: date | None, until: date | None, seed: int, min_size: int, as_json: bool
) -> None:
    """Co-offending groups with no (or mostly no) mapped OCG members, ranked by harm."""
    from iom.network.analyses import find_emerging_groups
    from iom.reference import reference_for

    groups = find_emerging_groups(
        state.store(),
        state.actor(PURPOSE_EMERGING),
        since=since,
        until=until,
        seed=seed,
        min_size=min_size,
        reference=reference_for(state.settings()),
    )
    if as_json:
        echo(json.dumps([
            {"rank": g.rank, "members": list(g.members), "names": list(g.names),
             "harm": g.harm, "cohesion": round(g.cohesion, 4), "reason": g.reason}
            for g in groups
        ], indent=2))  # fmt: skip
        return
    if not groups:
        echo("No emerging groups: every co-offending community is mostly mapped.")
    for g in groups:
        echo(f"{g.rank:>3}. {g.reason}")
        echo("     " + ", ".join(f"{n} ({m})" for n, m in zip(g.names, g.members, strict=True)))


@network.command()
@click.option("--ages", default="10-24", show_default=True, metavar="LOW-HIGH",
              help="Age band (inclusive).")  # fmt: skip
@click.option("--max-offences", default=1, show_default=True, type=click.IntRange(min=0),
              help="'Little or no offending': at most this many recorded offences.")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print JSON rows.")
@pass_state
def relatives(state: CliState, ages: str, max_offences: int, as_json: bool) -> None:
    """Young relatives and household members of OCG members and nominals (early intervention)."""
    from iom.network.analyses import find_relatives_at_risk
    from iom.network.projection import ProjectionError

    try:
        low, high = (int(x) for x in ages.split("-"))
    except ValueError:
        raise ProjectionError(f"--ages: {ages!r} is not an age band like 10-24") from None
    if low > high:
        raise ProjectionError(f"--ages: {ages!r}: the lower age is above the upper")
    found = find_relatives_at_risk(
        state.store(), state.actor(PURPOSE_RELATIVES), age_band=(low, high),
        max_offences=max_offences,
    )  # fmt: skip
    if as_json:
        echo(json.dumps([
            {"id": r.id, "name": r.name, "age": r.age, "offences": r.offences,
             "anchors": list(r.anchors), "why": r.sentence}
            for r in found
        ], indent=2))  # fmt: skip
        return
    if not found:
        echo(f"No young relatives (ages {low}-{high}) with little or no offending found.")
    for r in found:
        echo(f"{r.name} ({r.id}), {r.age}, {r.offences} offence(s): {r.sentence}")
