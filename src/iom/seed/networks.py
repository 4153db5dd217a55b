"""Association networks planned before any offence: OCG hubs and spokes, shared facilitators,
contacts, unmapped networks, peer groups and drug buyers."""

from __future__ import annotations

from iom.seed.world import Ocg, World

__all__ = ["plan_networks"]


def _attach(w: World, ends: list[int], newcomer: int, m: int, ties: list[tuple[int, int]]) -> None:
    """Preferential attachment: tie `newcomer` to `m` people picked in proportion to degree."""
    chosen: list[int] = []
    for _ in range(m * 3):
        if len(chosen) == m or not ends:
            break
        other = ends[int(w.rng.random() * len(ends))]
        if other != newcomer and other not in chosen:
            chosen.append(other)
    for other in chosen:
        ties.append((other, newcomer))
        ends.append(other)


def _hub_and_spoke(w: World, ocg: Ocg) -> None:
    """Principals tie only to each other and their lieutenants; the lieutenants carry the group,
    and the periphery grows by preferential attachment onto lieutenants and significant members
    (so nobody is more than two steps from a lieutenant)."""
    principals = [m for m, r in ocg.members if r == "PRINCIPAL"]
    lts = ocg.lieutenants
    significant = [m for m, r in ocg.members if r == "SIGNIFICANT" and m not in lts]
    periphery = [m for m, r in ocg.members if r == "PERIPHERAL"]
    ties = ocg.ties
    for i, a in enumerate(principals):
        ties.extend((a, b) for b in principals[i + 1 :])
        ties.extend((a, lt) for lt in lts)
    if len(lts) == 2:
        ties.append((lts[0], lts[1]))
    ends = [lt for lt in lts for _ in range(3)]
    for s in significant:
        lt = w.pick(lts)
        ties.append((lt, s))
        ends.extend((lt, s))
    placed: list[int] = []
    for n, m in enumerate(periphery):
        if n < len(lts):
            ties.append((lts[n], m))
            ends.extend((lts[n], m))
        else:
            _attach(w, ends, m, 1 if w.rng.random() < 0.75 else 2, ties)
        if placed and w.rng.random() < 0.1:
            ties.append((w.pick(placed), m))
        placed.append(m)


def _contacts(w: World, live: list[Ocg]) -> None:
    """Friends and contacts outside the group (seen in intelligence and on social media) around
    its lieutenants and significant members: an OCG's neighbourhood is wider than its members."""
    adult = w.today - 18 * 366
    pools: dict[int, list[int]] = {}
    for idx in w.kinds.get("public", ()):
        if w.people[idx].dob < adult:
            pools.setdefault(w.people[idx].area, []).append(idx)
    for pool in pools.values():
        w.rng.shuffle(pool)
    for ocg in live:
        for m, role in ocg.members:
            pool = pools.get(w.people[m].area)
            if role != "SIGNIFICANT" or not pool or w.rng.random() >= 0.8:
                continue
            for _ in range(w.randint(1, 3)):
                if pool:
                    w.ties.append((m, pool.pop(), w.pick(("SOCIAL_MEDIA", "INTELLIGENCE"))))


def _markets(w: World, live: list[Ocg]) -> list[list[Ocg]]:
    """OCGs grouped into local markets of three to five that share facilitators."""
    order = sorted(live, key=lambda o: (o.threat != "ILLEGAL_DRUGS", o.areas[0], o.no))
    markets: list[list[Ocg]] = []
    pos = 0
    while pos < len(order):
        size = w.randint(3, 4)
        if len(order) - pos - size < 2:
            size = len(order) - pos
        markets.append(order[pos : pos + size])
        pos += size
    return markets


def plan_networks(w: World) -> None:
    """Every planned tie before any offence: OCG hubs and spokes, facilitators shared by 2-4 OCGs
    of a market, unmapped networks, peer groups of violent and DA offenders, drug buyers."""
    rng = w.rng
    live = [o for o in w.ocgs if o.members]
    for ocg in live:
        _hub_and_spoke(w, ocg)
    _contacts(w, live)
    markets = _markets(w, live)
    w.facilitators = []
    helpers: list[list[int]] = [[] for _ in markets]
    for n, idx in enumerate(w.kinds.get("facilitator", ())):
        market = markets[n % len(markets)]
        served = market[:4] if n < len(markets) else rng.sample(market, min(len(market), 2))
        for ocg in served:
            w.ties.append((idx, w.pick(ocg.lieutenants), "INTELLIGENCE"))
            if rng.random() < 0.5:
                w.ties.append((idx, ocg.members[0][0], "INTELLIGENCE"))
        for other in helpers[n % len(markets)]:
            w.ties.append((idx, other, "INTELLIGENCE"))
        helpers[n % len(markets)].append(idx)
        w.facilitators.append((idx, [o.no for o in served]))
    for market in markets:
        for _ in range(4 * len(market) if len(market) > 1 else 0):
            a, b = rng.sample(market, 2)
            core_a = [m for m, r in a.members if r == "SIGNIFICANT"]
            core_b = [m for m, r in b.members if r == "SIGNIFICANT"]
            w.ties.append((w.pick(core_a), w.pick(core_b), "INTELLIGENCE"))
    for group in w.unmapped:
        ties: list[tuple[int, int]] = [(group[0], group[1])]
        ends = [group[0], group[0], group[0], group[1]]
        for m in group[2:]:
            _attach(w, ends, m, 1 if rng.random() < 0.6 else 2, ties)
        w.unmapped_ties.append(ties)
        w.ties.extend((a, b, "INTELLIGENCE") for a, b in ties)
    peers = [i for k in ("violent", "da") for i in w.kinds.get(k, ()) if rng.random() < 0.6]
    pos = 0
    while pos < len(peers):
        group = peers[pos : pos + w.randint(3, 7)]
        pos += len(group)
        hub = group[0]
        for m in group[1:]:
            w.ties.append((hub, m, "INTELLIGENCE"))
            if rng.random() < 0.2:
                other = w.pick(group[1:])
                if other != m:
                    w.ties.append((m, other, "INTELLIGENCE"))
    dealers: dict[int, list[int]] = {}
    for o in live:
        if o.threat == "ILLEGAL_DRUGS":
            near = [m for m, r in o.members if r == "SIGNIFICANT"] or o.lieutenants
            dealers.setdefault(w.people[near[0]].area, []).extend(near)
    for kind in ("prolific_shoplifter", "occasional"):  # buyers who offend alone
        for idx in w.kinds.get(kind, ()):
            local = dealers.get(w.people[idx].area)
            if local and rng.random() < 0.06:
                w.ties.append((idx, w.pick(local), "STOP_SEARCH"))
