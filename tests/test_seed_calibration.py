"""The seed force against published figures, and the generator pieces that make it realistic:
hub-and-spoke OCGs, shared facilitators, custody that never overlaps offending, planted cases."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from iom.cli import main
from iom.errors import ConfigError
from iom.seed import build_world
from iom.seed.profile import load_targets, profile_force

SEED_DATA = Path(__file__).resolve().parents[1] / "seed_data"
AS_OF = "2026-11-01"


def _rows(name: str, root: Path = SEED_DATA) -> list[dict[str, str]]:
    paths = sorted(root.glob(f"{name}.csv")) + sorted(root.glob(f"{name}__*.csv"))
    out: list[dict[str, str]] = []
    for path in paths:
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.reader(f)
            head = [h if h.startswith(":") else h.split(":")[0] for h in next(reader)]
            head = [h.split("(")[0] for h in head]
            out += [dict(zip(head, row, strict=True)) for row in reader]
    return out


def _rels(rtype: str) -> list[dict[str, str]]:
    return _rows(f"relationships/{rtype}")


def test_committed_force_meets_every_calibration_target() -> None:
    measures = profile_force(SEED_DATA)
    assert [m.target.measure for m in measures] == [t.measure for t in load_targets()]
    outside = [
        f"{m.target.measure}={m.value} (target {m.target.low}..{m.target.high})"
        for m in measures
        if not m.within
    ]
    assert not outside, outside
    assert all(t.source for t in load_targets())


def test_profile_command_prints_every_measure_and_checks(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["seed", "profile", "--check", str(SEED_DATA)])
    assert result.exit_code == 0, result.output
    for target in load_targets():
        assert re.search(rf"^{target.measure}\s+\S.*\s(yes|NO)$", result.output, re.M)
    assert "26 of 26 measures within their targets." in result.output
    readme = (SEED_DATA / "README.md").read_text(encoding="utf-8")
    assert "| violence_share:" in readme and "| NO |" not in readme
    empty = tmp_path / "empty"
    empty.mkdir()
    result = CliRunner().invoke(main, ["seed", "profile", str(empty)])
    assert result.exit_code == 1
    assert (
        result.output.strip()
        == f"Error: {empty} has no manifest.json: not a generated force folder"
    )
    with pytest.raises(ConfigError, match=r"Offence\.csv"):
        (empty / "manifest.json").write_text('{"as_of": "2026-11-01"}', encoding="utf-8")
        (empty / "nodes").mkdir()
        (empty / "nodes" / "Person.csv").write_text("id:ID(Person)\n", encoding="utf-8")
        profile_force(empty)


def _ties() -> dict[str, set[str]]:
    adj: dict[str, set[str]] = defaultdict(set)
    for r in _rels("ASSOCIATES_WITH"):
        adj[r[":START_ID"]].add(r[":END_ID"])
        adj[r[":END_ID"]].add(r[":START_ID"])
    by_offence: dict[str, list[str]] = defaultdict(list)
    for r in _rels("SUSPECT_IN"):
        by_offence[r[":END_ID"]].append(r[":START_ID"])
    for people in by_offence.values():
        for a in people:
            adj[a].update(b for b in people if b != a)
    return adj


def test_ocgs_are_hub_and_spoke_with_lieutenants_between_principals_and_periphery() -> None:
    adj = _ties()
    groups: dict[str, dict[str, str]] = defaultdict(dict)
    for r in _rels("MEMBER_OF"):
        groups[r[":END_ID"]][r[":START_ID"]] = r["role"]
    for ocg, roles in groups.items():
        principals = {p for p, r in roles.items() if r == "PRINCIPAL"}
        periphery = {p for p, r in roles.items() if r == "PERIPHERAL"}
        core = len(roles) - len(periphery)
        assert 2 * core <= len(periphery) <= 4 * core, ocg
        lieutenants = {n for p in principals for n in adj[p] if roles.get(n) == "SIGNIFICANT"}
        assert 1 <= len(lieutenants) <= 2, ocg
        for p in principals:
            assert not adj[p] & periphery, f"{ocg}: principal {p} tied to the periphery"
        for m in periphery:  # every runner is at most two steps from a lieutenant
            near = adj[m] | {x for n in adj[m] if n in roles for x in adj[n]}
            assert near & lieutenants, f"{ocg}: {m} is not within two steps of a lieutenant"
        degree = {p: len(adj[p]) for p in roles}
        assert max(degree[lt] for lt in lieutenants) >= max(degree[p] for p in periphery), ocg


def test_facilitators_link_the_ocgs_of_their_market(tmp_path: Path) -> None:
    w = build_world(tmp_path / "force", persons=1500, seed=3, upto="networks planned")
    assert len(w.facilitators) >= 2
    for idx, served in w.facilitators:
        assert idx not in w.member_of and 2 <= len(served) <= 4
        linked = set()
        for a, b, _source in w.ties:
            other = b if a == idx else a if b == idx else None
            if other is not None and other in w.member_of:
                linked.add(w.member_of[other][0])
        assert linked == set(served), (idx, served, linked)
        ocgs = [w.ocgs[n] for n in served]
        assert all(any(m == lt for m, _ in o.members) for o in ocgs for lt in o.lieutenants)


def test_custody_spells_never_overlap_offences_committed_in_the_community() -> None:
    committed = {r["id"]: r["committed_on"] for r in _rows("nodes/Offence")}
    days: dict[str, list[str]] = defaultdict(list)
    for r in _rels("SUSPECT_IN"):
        days[r[":START_ID"]].append(committed[r[":END_ID"]])
    spells = {r["id"]: r for r in _rows("nodes/CustodySpell")}
    held = _rels("IN_CUSTODY")
    assert len(held) == len(spells) > 100
    kinds = defaultdict(int)
    for r in held:
        spell = spells[r[":END_ID"]]
        kinds[spell["kind"]] += 1
        start, out = spell["start"], spell["released_on"] or AS_OF
        assert start <= AS_OF and (not spell["released_on"] or start <= out <= AS_OF), spell
        assert not spell["release_due"] or spell["release_due"] <= (spell["licence_end"] or "9")
        clash = [d for d in days[r[":START_ID"]] if start <= d <= out]
        assert not clash, f"{r[':START_ID']} offended on {clash} while in custody {spell}"
    assert kinds["REMAND"] > 5 and kinds["SENTENCE"] > 50
    inside = [s for s in spells.values() if not s["released_on"]]
    assert any(s["release_due"] and s["release_due"] <= "2027-02-01" for s in inside)


def test_planted_cases_are_listed_and_true() -> None:
    readme = (SEED_DATA / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Planted cases", 1)[1].split("##", 1)[0]
    fixed_mappa = re.findall(r"`(P\d+)`", section.split("\n- ")[1])
    marac_iom = re.findall(r"`(P\d+)`", section.split("\n- ")[2])
    boundary = re.findall(r"`(P\d+)` \((\d+) days, (inside|outside)\)", section)
    assert 5 <= len(fixed_mappa) + len(marac_iom) <= 10 and len(boundary) == 4
    episodes = {r["id"]: r for r in _rows("nodes/IomEpisode")}
    fixed = {
        r[":START_ID"]
        for r in _rels("IN_EPISODE")
        if episodes[r[":END_ID"]]["cohort"] == "FIXED" and not episodes[r[":END_ID"]]["end_on"]
    }
    cases = {r["id"]: r for r in _rows("nodes/MappaCase")}
    level2 = {
        r[":START_ID"]
        for r in _rels("SUBJECT_OF__Person__MappaCase")
        if cases[r[":END_ID"]]["level"] == "2"
    }
    assert set(fixed_mappa) <= fixed & level2
    marac = {r[":START_ID"] for r in _rels("SUBJECT_OF__Person__MaracCase")}
    referrals = {r["id"]: r for r in _rows("nodes/Referral")}
    from_marac = {
        r[":END_ID"] for r in _rels("REFERS") if referrals[r[":START_ID"]]["source"] == "MARAC"
    }
    assert set(marac_iom) <= marac & from_marac
    offences = {r["id"]: r for r in _rows("nodes/Offence")}
    victims = defaultdict(set)
    for r in _rels("VICTIM_IN"):
        victims[r[":END_ID"]].add(r[":START_ID"])
    as_of = date.fromisoformat(AS_OF).toordinal()
    for pid, back, side in boundary:
        da = [
            offences[r[":END_ID"]]
            for r in _rels("SUSPECT_IN")
            if r[":START_ID"] == pid and offences[r[":END_ID"]]["domestic_abuse"] == "true"
        ]
        assert len(da) == 2 and len(set().union(*(victims[o["id"]] for o in da))) == 2
        first = min(date.fromisoformat(o["committed_on"]).toordinal() for o in da)
        assert as_of - first == int(back) and (int(back) <= 1095) == (side == "inside")
