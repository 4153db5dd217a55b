"""The cohort ranking: its maths on hand-made frames, a small loaded force, and `iom cohort`."""

from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from csv_files import write_import
from iom.cli import main
from iom.cohort.components import COMPONENTS, harm_fraction, recency_fraction
from iom.cohort.ranking import EMPTY_STORE, OFFENCE_COLUMNS, rank_cohort, rule_text, score_offences
from iom.cohort.rules import CohortRules
from iom.errors import ConfigError
from iom.reference import load_reference
from iom.security.access import Actor
from iom.settings import Settings
from iom.store import Store

AS_OF = date(2025, 6, 1)
REF = load_reference()
RULES = CohortRules.from_config(REF.scoring)
ACTOR = Actor(user="tester", role="ANALYST", purpose="testing the cohort ranking")


def rules(**changes: object) -> CohortRules:
    """The default rules with some values changed."""
    section = {**REF.scoring["cohort"], **changes}
    return CohortRules.from_config({"cohort": section})


def offences(*rows: tuple[str, str, str, str, str] | tuple[str, str, str, str]) -> pd.DataFrame:
    """(person, offence, type, committed_on[, detection]) rows as the store returns them."""
    out = []
    for row in rows:
        person, offence, kind, committed = row[:4]
        detection = row[4] if len(row) > 4 else "REPORTED"
        out.append([person, offence, kind, committed, detection, "SUSPECT_IN"])
    return pd.DataFrame(out, columns=OFFENCE_COLUMNS)


def score(frame: pd.DataFrame, r: CohortRules = RULES) -> pd.DataFrame:
    return score_offences(frame, AS_OF, r, REF.harm_weights).set_index("id")


# -- the maths ---------------------------------------------------------------------------


def test_max_points_share_100_in_proportion_to_the_weights() -> None:
    assert sum(RULES.max_points().values()) == pytest.approx(100)
    odd = rules(weights={"recency": 1, "frequency": 1, "harm": 2})
    assert odd.max_points() == {"recency": 25, "frequency": 25, "harm": 50}


def test_recency_decays_linearly_to_zero_at_the_horizon() -> None:
    days = pd.Series([0, 73, 182.5, 365, 900])
    assert recency_fraction(days, 365).tolist() == pytest.approx([1, 0.8, 0.5, 0, 0])
    frame = score(
        offences(("a", "o1", "SHOPLIFTING", "2025-06-01"), ("b", "o2", "SHOPLIFTING", "2025-03-03"))
    )
    assert frame.loc["a", "recency_points"] == pytest.approx(30)
    assert frame.loc["b", "days_since_last"] == 90
    assert frame.loc["b", "recency_points"] == pytest.approx(30 * (1 - 90 / 365))


def test_frequency_counts_the_window_and_is_capped() -> None:
    many = [("a", f"o{i}", "SHOPLIFTING", f"2025-0{1 + i % 5}-1{i % 9}") for i in range(20)]
    old = [("b", "x1", "SHOPLIFTING", "2023-01-01"), ("b", "x2", "SHOPLIFTING", "2025-05-01")]
    frame = score(offences(*many, *old))
    assert frame.loc["a", "recent_offences"] == 20
    assert frame.loc["a", "frequency_points"] == pytest.approx(30)  # capped at 12
    assert frame.loc["b", "offences"] == 2  # both in the 3-year window...
    assert frame.loc["b", "recent_offences"] == 1  # ...but only one in the last 365 days
    assert frame.loc["b", "frequency_points"] == pytest.approx(30 * 1 / 12)


def test_harm_is_log_scaled_to_the_cap() -> None:
    assert harm_fraction(pd.Series([0.0, 1825.0, 5475.0]), 1825).tolist() == [0, 1, 1]
    frame = score(offences(("a", "o1", "RESIDENTIAL_BURGLARY", "2025-01-01")))
    expected = 40 * math.log1p(273.5) / math.log1p(1825)
    assert frame.loc["a", "harm_cchi_days"] == 273.5
    assert frame.loc["a", "harm_points"] == pytest.approx(expected)
    assert frame.loc["a", "harm_css"] == 400  # reported alongside, not scored


def test_proactive_detections_are_left_out_of_harm_when_configured() -> None:
    rows = offences(
        ("a", "o1", "DRUG_SUPPLY", "2025-05-01", "PROACTIVE"),
        ("a", "o2", "SHOPLIFTING", "2025-05-02", "REPORTED"),
    )
    excluded = score(rows)
    assert excluded.loc["a", "harm_cchi_days"] == 1
    assert excluded.loc["a", "proactive_excluded"] == 1
    assert excluded.loc["a", "offences"] == 2  # still counted for frequency
    included = score(rows, rules(exclude_proactive=False))
    assert included.loc["a", "harm_cchi_days"] == 6
    assert included.loc["a", "harm_points"] > excluded.loc["a", "harm_points"]


def test_score_is_the_sum_of_the_points_out_of_100() -> None:
    frame = score(
        offences(
            *[("a", f"o{i}", "HOMICIDE", "2025-06-01") for i in range(12)],
            ("b", "p1", "SHOPLIFTING", "2024-12-01"),
        )
    )
    points = frame[[f"{c}_points" for c in COMPONENTS]].sum(axis=1)
    assert frame["score"].tolist() == pytest.approx(points.tolist())
    assert frame.loc["a", "score"] == pytest.approx(100)
    assert (frame["score"] <= 100).all()


def test_window_excludes_old_and_future_offences() -> None:
    frame = score(
        offences(
            ("a", "o1", "SHOPLIFTING", "2021-01-01"),  # older than 1095 days
            ("b", "o2", "SHOPLIFTING", "2025-07-01"),  # after as_of
            ("c", "o3", "SHOPLIFTING", "2022-06-02"),  # exactly 1095 days old
        )
    )
    assert list(frame.index) == ["c"]


def test_suspect_and_convicted_of_one_offence_count_once() -> None:
    raw = offences(("a", "o1", "ROBBERY_PERSONAL", "2025-05-01"))
    both = pd.concat([raw, raw.assign(relationship="CONVICTED_OF")])
    frame = score(both)
    assert frame.loc["a", "offences"] == 1 and frame.loc["a", "convicted"] == 1
    assert frame.loc["a", "harm_cchi_days"] == 365


def test_ties_are_broken_by_id_and_ranks_are_stable() -> None:
    rows = [(p, f"o-{p}", "SHOPLIFTING", "2025-05-01") for p in ("zed", "amy", "kim")]
    first = score_offences(offences(*rows), AS_OF, RULES, REF.harm_weights)
    again = score_offences(offences(*reversed(rows)), AS_OF, RULES, REF.harm_weights)
    assert first["id"].tolist() == ["amy", "kim", "zed"] == again["id"].tolist()
    assert first["rank"].tolist() == [1, 2, 3]


def test_empty_input_gives_an_empty_frame_with_every_column() -> None:
    frame = score_offences(offences(), AS_OF, RULES, REF.harm_weights)
    assert frame.empty and {"rank", "id", "score", "harm_points"} <= set(frame.columns)


def test_rule_text_names_every_weight_and_figure() -> None:
    odd = rules(weights={"recency": 3, "frequency": 2, "harm": 5})
    rule, summary = rule_text(odd, AS_OF)
    for name, weight in odd.weights.items():
        assert f"- {name}: weight {weight:.0f} of 10" in rule
    assert "up to 30 points" in rule and "up to 50 points" in rule and "up to 20 points" in rule
    for figure in ("1095", "365", "/ 12", "1825", "proactively detected", "2025-06-01"):
        assert figure in rule
    assert summary.startswith("score = recency (max 30) + frequency (max 20) + harm (max 50)")


def test_bad_configuration_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="no component called 'network'"):
        score_offences(offences(), AS_OF, rules(weights={"network": 1}), REF.harm_weights)
    with pytest.raises(ConfigError, match="frequency_cap"):
        rules(frequency_cap=0)
    with pytest.raises(ConfigError, match="at least one weight"):
        rules(weights={"recency": 0})
    with pytest.raises(ConfigError, match="section is missing"):
        CohortRules.from_config({})


# -- a small loaded force ----------------------------------------------------------------


SMALL_FORCE = {
    "nodes/Person.csv": [
        ["id:ID(Person)", ":LABEL", "first_name", "last_name", "date_of_birth", "fictional"],
        ["P1", "Nominal;Offender", "Prolific", "Burglar", "1990-01-01", "true"],
        ["P2", "Offender", "Once", "Shoplifter", "1985-05-05", "true"],
        ["P3", "Offender", "Found", "Holding", "1999-09-09", "true"],
        ["P4", "Victim", "Vic", "Tim", "1970-07-07", "true"],
    ],
    "nodes/Offence.csv": [
        ["id:ID(Offence)", "offence_type", "committed_on", "detection"],
        *[[f"O1-{i}", "RESIDENTIAL_BURGLARY", f"2025-0{i}-15", "REPORTED"] for i in range(1, 6)],
        ["O2-1", "SHOPLIFTING", "2023-01-10", "REPORTED"],
        ["O3-1", "DRUG_POSSESSION", "2025-05-01", "PROACTIVE"],
    ],
    "nodes/Area.csv": [["id:ID(Area)", "name", "hub_name"], ["A1", "North", "North hub"]],
    "nodes/IomEpisode.csv": [
        ["id:ID(IomEpisode)", "cohort", "start_on", "end_on"],
        ["E1", "FIXED", "2024-01-01", ""],
        ["E2", "FLEX", "2022-01-01", "2023-06-01"],
    ],
    "relationships/SUSPECT_IN.csv": [
        [":START_ID(Person)", ":END_ID(Offence)"],
        *[["P1", f"O1-{i}"] for i in range(1, 6)],
        ["P2", "O2-1"],
        ["P3", "O3-1"],
    ],
    "relationships/CONVICTED_OF.csv": [[":START_ID(Person)", ":END_ID(Offence)"], ["P1", "O1-1"]],
    "relationships/VICTIM_IN.csv": [[":START_ID(Person)", ":END_ID(Offence)"], ["P4", "O1-1"]],
    "relationships/IN_EPISODE.csv": [
        [":START_ID(Person)", ":END_ID(IomEpisode)"],
        ["P1", "E1"],
        ["P2", "E2"],
    ],
    "relationships/AT_HUB.csv": [[":START_ID(IomEpisode)", ":END_ID(Area)"], ["E1", "A1"]],
}


@pytest.fixture
def small_force(store: Store, tmp_path: Path) -> Store:
    from iom.ingest import load_directory
    from iom.security.access import SYSTEM

    load_directory(store, write_import(tmp_path / "force", SMALL_FORCE), SYSTEM, reference=REF)
    return store


def test_the_prolific_burglar_ranks_first(small_force: Store) -> None:
    ranking = rank_cohort(small_force, ACTOR, as_of=AS_OF, reference=REF)
    frame = ranking.frame.set_index("id")
    assert ranking.frame["id"].tolist() == ["P1", "P3", "P2"]  # the victim is not ranked
    assert frame.loc["P1", "name"] == "Prolific Burglar"
    assert frame.loc["P1", "cohort"] == "FIXED" and frame.loc["P1", "hub"] == "North hub"
    assert frame.loc["P1", "offences"] == 5 and frame.loc["P1", "convicted"] == 1
    assert frame.loc["P1", "last_offence_on"] == "2025-05-15"
    assert frame.loc["P2", "cohort"] is None  # the FLEX episode ended in 2023
    assert frame.loc["P3", "harm_cchi_days"] == 0 and frame.loc["P3", "proactive_excluded"] == 1
    assert ranking.components == ("recency", "frequency", "harm")
    assert ranking.note is None and "weight 40 of 100" in ranking.rule


def test_top_and_as_of(small_force: Store) -> None:
    top = rank_cohort(small_force, ACTOR, as_of=AS_OF, top=1, reference=REF)
    assert top.frame["id"].tolist() == ["P1"]
    earlier = rank_cohort(small_force, ACTOR, as_of=date(2023, 2, 1), reference=REF)
    assert earlier.frame["id"].tolist() == ["P2"]  # 2025's offences had not happened yet
    with pytest.raises(ValueError, match="top"):
        rank_cohort(small_force, ACTOR, top=0, reference=REF)


def test_one_audit_event_names_the_people_returned(small_force: Store) -> None:
    rank_cohort(small_force, ACTOR, as_of=AS_OF, top=2, reference=REF)
    events = [
        e
        for e in small_force.read("security/audit/recent_events", {"subject_id": "P1", "limit": 10})
        if e["operation"] == "CONSULTATION"
    ]
    assert len(events) == 1
    assert events[0]["subject_ids"] == ["P1", "P3"]
    assert events[0]["user"] == "tester" and events[0]["purpose"] == ACTOR.purpose
    assert "cohort ranking as of 2025-06-01" in events[0]["detail"]


def test_an_empty_window_explains_itself(small_force: Store) -> None:
    later = rank_cohort(small_force, ACTOR, as_of=date(2030, 1, 1), reference=REF)
    assert later.empty
    assert later.note == (
        "No offences with a suspect or convicted person were committed from 2027-01-02 to "
        "2030-01-01 (the ranking's 1095-day window): choose another as-of date."
    )


def test_empty_store_note(store: Store) -> None:
    ranking = rank_cohort(store, ACTOR, as_of=AS_OF, reference=REF)
    assert ranking.empty and ranking.note == EMPTY_STORE
    assert store.read("stats/label_counts") == []  # nothing consulted, nothing audited
    assert store.read("security/audit/event_count") == [{"count": 0}]


# -- the command line --------------------------------------------------------------------


@pytest.fixture
def seeded(warm_server: Store, seeded_settings: Settings) -> Settings:
    """The seed force's settings, with the server kept warm."""
    return seeded_settings


def _cli_env(monkeypatch: pytest.MonkeyPatch, settings: Settings) -> None:
    monkeypatch.setenv("IOM_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("IOM_GRAPH", settings.graph)
    monkeypatch.delenv("NEO4J_URI", raising=False)


def test_cli_cohort_prints_the_table_and_rule(
    seeded: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    _cli_env(monkeypatch, seeded)
    result = CliRunner().invoke(main, ["cohort", "--top", "5"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("IOM cohort ranking as of ")
    header = ["rank", "id", "name", "cohort", "score", "recency", "frequency", "harm"]
    assert lines[1].split() == header
    assert [line.split()[0] for line in lines[2:7]] == ["1", "2", "3", "4", "5"]
    table = "\n".join(lines[2:7])
    assert not {"FIXED", "FLEX", "FREE"} & set(table.split())  # cohorts shown as labels
    assert "Rule: score = recency (max 30)" in result.output


def test_cli_cohort_json(seeded: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    _cli_env(monkeypatch, seeded)
    result = CliRunner().invoke(main, ["cohort", "--top", "3", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert len(data["rows"]) == 3 and data["weights"] == {
        "recency": 30,
        "frequency": 30,
        "harm": 40,
    }
    scores = [row["score"] for row in data["rows"]]
    assert scores == sorted(scores, reverse=True)


def test_cli_cohort_refuses_top_below_one() -> None:
    result = CliRunner().invoke(main, ["cohort", "--top", "0"])
    assert result.exit_code == 2
    assert "Invalid value for '--top': 0 is not in the range x>=1." in result.output


def test_cli_cohort_on_an_empty_store(
    store: Store, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    _cli_env(monkeypatch, settings.with_graph(store.graph_name))  # type: ignore[attr-defined]
    result = CliRunner().invoke(main, ["cohort"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == EMPTY_STORE
