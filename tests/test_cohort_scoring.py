"""The cohort prioritisation model on hand-made cases: exact figures a panel could check."""

from __future__ import annotations

import pandas as pd
import pytest

from cohort_cases import AS_OF, HARM, ago, config, data, offence, person
from iom.cohort.features import liberty_days, offence_table, person_features
from iom.cohort.priority import order_ranked, score_cohort
from iom.errors import ConfigError

BURGLARY = 273.5  # CCHI days, harm_weights.csv
HARM_ONLY = {"FIXED": {"scope": "neighbourhood_crime", "weights": {"harm": 1}}}


def harm_of(rows: list[dict], **changes: object) -> pd.Series:
    cfg = config(**changes)
    table = offence_table(data(rows), cfg, HARM, AS_OF)
    return person_features(table, data(rows), cfg, AS_OF, "all")["harm"]


def test_each_outcome_counts_by_its_configured_weight() -> None:
    harm = harm_of(
        [
            offence("conv", "o1", outcome="CONVICTED"),
            offence("caut", "o2", outcome="CAUTIONED"),
            offence("nfa", "o3", outcome="NO_FURTHER_ACTION"),
            offence("susp", "o4", outcome="CONVICTED", convicted=False),  # someone else convicted
            offence("pend", "o5", outcome="CHARGED"),
            offence("odd", "o6", outcome="SOMETHING_NEW"),
        ]
    )
    assert harm["conv"] == pytest.approx(BURGLARY)
    assert harm["caut"] == pytest.approx(BURGLARY * 0.8)
    assert harm["nfa"] == 0
    assert harm["susp"] == pytest.approx(BURGLARY * 0.25)  # suspect only
    assert harm["pend"] == pytest.approx(BURGLARY * 0.7)
    assert harm["odd"] == pytest.approx(BURGLARY * 0.25)  # unknown outcome
    more = harm_of(
        [offence("nfa", "o3", outcome="NO_FURTHER_ACTION")],
        outcome_weights={**config().outcome_weights, "NO_FURTHER_ACTION": 0.1},
    )
    assert more["nfa"] == pytest.approx(BURGLARY * 0.1)


def test_a_suspects_own_outcome_beats_the_crime_records() -> None:
    # the record says CONVICTED (the lead suspect was); this suspect was cautioned
    own = offence("a", "o1", outcome="CONVICTED", convicted=False)
    own["outcome"] = "CAUTIONED"
    harm = harm_of([own, offence("b", "o2", outcome="CONVICTED", convicted=False)])
    assert harm["a"] == pytest.approx(BURGLARY * 0.8)
    assert harm["b"] == pytest.approx(BURGLARY * 0.25)  # no own outcome: suspect only


def test_recency_halves_at_the_half_life() -> None:
    harm = harm_of(
        [
            offence("a", "o1", days_ago=0),
            offence("b", "o2", days_ago=365),
            offence("c", "o3", days_ago=730),
        ]
    )
    assert harm.tolist() == pytest.approx([BURGLARY, BURGLARY / 2, BURGLARY / 4])
    slower = harm_of([offence("b", "o2", days_ago=365)], half_life_days=730)
    assert slower["b"] == pytest.approx(BURGLARY / 2**0.5)


def test_one_rape_outweighs_seven_burglaries_as_the_harm_index_says() -> None:
    rows = [offence("rape", "r1", "RAPE")] + [offence("burg", f"b{i}") for i in range(7)]
    harm = harm_of(rows)
    assert harm["rape"] / harm["burg"] == pytest.approx(2555 / (7 * BURGLARY))


def test_time_at_risk_leaves_out_custody() -> None:
    people = pd.Index(["free", "half", "twice", "inside"])
    custody = pd.DataFrame(
        [
            # 100 days inside within the year, then released
            {"person_id": "half", "start_on": ago(200), "released_on": ago(100)},
            # two overlapping spells: days 300..250 and 280..200 ago = 100 days, not 130
            {"person_id": "twice", "start_on": ago(300), "released_on": ago(250)},
            {"person_id": "twice", "start_on": ago(280), "released_on": ago(200)},
            # began before the window, still inside
            {"person_id": "inside", "start_on": ago(500), "released_on": None},
        ]
    )
    days = liberty_days(custody, people, AS_OF - pd.Timedelta(days=365), AS_OF)
    assert days.to_dict() == {"free": 365, "half": 265, "twice": 265, "inside": 0}


def test_frequency_is_offences_per_year_at_liberty() -> None:
    rows = [offence("a", "o1", days_ago=10), offence("a", "o2", days_ago=20)]
    custody = [{"person_id": "a", "start_on": ago(300), "released_on": ago(117)}]  # 183 days
    cfg = config()
    d = data(rows, custody=custody)
    features = person_features(offence_table(d, cfg, HARM, AS_OF), d, cfg, AS_OF, "all")
    assert features.loc["a", "liberty_days"] == 182
    assert features.loc["a", "frequency"] == pytest.approx(2 / 182 * 365)
    free = data(rows)
    free_features = person_features(offence_table(free, cfg, HARM, AS_OF), free, cfg, AS_OF, "all")
    assert free_features.loc["a", "frequency"] == pytest.approx(2.0)


def test_domestic_abuse_counts_distinct_victims() -> None:
    rows = [
        offence("a", "o1", "VIOLENCE_WITH_INJURY", domestic_abuse=True, victims=("v1",)),
        offence("a", "o2", "VIOLENCE_WITHOUT_INJURY", domestic_abuse=True, victims=("v2",)),
        offence("a", "o3", "STALKING_HARASSMENT", domestic_abuse=True, victims=("v1",)),
        offence(
            "a",
            "o4",
            "VIOLENCE_WITH_INJURY",
            outcome="NO_FURTHER_ACTION",
            domestic_abuse=True,
            victims=("v3",),
        ),
        offence("a", "o5", "VIOLENCE_WITH_INJURY", victims=("v4",)),  # not domestic abuse
    ]
    cfg = config()
    d = data(rows)
    features = person_features(offence_table(d, cfg, HARM, AS_OF), d, cfg, AS_OF, "all")
    assert features.loc["a", "da_victims"] == 2


def test_exact_score_with_population_caps() -> None:
    # Two people, harm only: with 2 people even one at the cap would be 50% > 5%, so the cap
    # sits a quarter above the top value and nobody reaches it.
    rows = [offence("top", "o1"), offence("low", "o2", days_ago=365)]
    scores = score_cohort(data(rows), config(cohort_types=HARM_ONLY), HARM, AS_OF)
    frame = scores.ranked("FIXED").set_index("id")
    assert scores.caps["FIXED"]["harm"] == pytest.approx(BURGLARY * 1.25)
    assert frame.loc["top", "score"] == pytest.approx(80.0)
    assert frame.loc["low", "score"] == pytest.approx(40.0)
    assert frame["rank"].to_dict() == {"top": 1, "low": 2}


def test_no_more_than_five_percent_sit_at_a_cap() -> None:
    rows = [offence(f"p{i:03d}", f"o{i}", days_ago=i) for i in range(100)]
    rows += [offence(f"p{i:03d}", f"x{i}", days_ago=i) for i in range(0, 100, 3)]
    scores = score_cohort(data(rows), config(), HARM, AS_OF)
    frame = scores.ranked("FIXED")
    for name in ("harm", "frequency", "network", "trend"):
        assert (frame[f"{name}_norm"] >= 1).mean() <= 0.05, name


def test_ties_are_broken_by_harm_then_recency_then_id() -> None:
    frame = pd.DataFrame(
        {
            "id": ["c", "b", "a", "d", "e"],
            "score": [50.0, 50.0, 50.0, 50.0, 60.0],
            "harm": [10.0, 10.0, 10.0, 20.0, 0.0],
            "last_offence_on": ["2025-01-01", "2025-03-01", "2025-01-01", "2024-01-01", None],
        }
    )
    ordered = order_ranked(frame)["id"].tolist()
    assert ordered == ["e", "d", "b", "a", "c"]
    assert order_ranked(frame.iloc[::-1])["id"].tolist() == ordered


def test_flags_shape_the_recommendation_but_nobody_is_dropped() -> None:
    heavy = [
        offence(p, f"{p}{i}", "ROBBERY_PERSONAL", days_ago=i)
        for p in ("adult", "child", "jailed", "leaving")
        for i in range(6)
    ]
    people = [
        person("adult"),
        person("child", born="2010-01-01"),
        person("jailed"),
        person("leaving"),
    ]
    custody = [
        {"person_id": "jailed", "spell_id": "c1", "start_on": ago(1), "release_due": "2027-01-01"},
        {"person_id": "leaving", "spell_id": "c2", "start_on": ago(1), "release_due": ago(-30)},
    ]
    scores = score_cohort(
        data(heavy, people=people, custody=custody),
        config(thresholds={"select": 10, "review": 5}),
        HARM,
        AS_OF,
    )
    frame = scores.ranked("FIXED").set_index("id")
    assert set(frame.index) == {"adult", "child", "jailed", "leaving"}
    assert frame.loc["adult", "recommendation"] == "SELECT"
    assert frame.loc["child", "recommendation"] == "REVIEW"
    assert "UNDER_18" in frame.loc["child", "flags"]
    assert frame.loc["jailed", "recommendation"] == "REVIEW"
    assert "IN_CUSTODY" in frame.loc["jailed", "flags"]
    assert frame.loc["leaving", "recommendation"] == "SELECT"
    assert {"IN_CUSTODY", "DUE_OUT"} <= set(frame.loc["leaving", "flags"])
    assert any("before release" in r for r in frame.loc["leaving", "reasons"])


def test_nfa_only_is_not_eligible_and_says_why() -> None:
    rows = [offence("a", "o1", outcome="NO_FURTHER_ACTION"), offence("b", "o2")]
    frame = score_cohort(data(rows), config(), HARM, AS_OF).ranked("FIXED").set_index("id")
    assert frame.loc["a", "recommendation"] == "NOT_ELIGIBLE"
    assert any("1 ended in no further action" in r for r in frame.loc["a", "reasons"])


def test_confidence_says_what_is_missing() -> None:
    rows = [offence("a", "o1"), offence("b", "o2", outcome="")]
    people = [person("a"), {"id": "b", "first_name": "B", "last_name": "Test"}]
    scores = score_cohort(data(rows, people=people), config(), HARM, AS_OF)
    ctx = scores.context
    assert ctx.loc["b", "confidence"] < ctx.loc["a", "confidence"]
    assert (
        "date of birth" in ctx.loc["b", "missing"] and "offence outcomes" in ctx.loc["b", "missing"]
    )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"cohort_types__FIXED__weights": {"harm": 1, "speed": 2}},
            "cohort.yaml `cohort_types.FIXED.weights.speed`: unknown name; allowed: harm, "
            "frequency, da_victims, trend, network, ocg_role, household, risk_markers",
        ),
        (
            {"outcome_weights__CONVICTED": 1.5},
            "cohort.yaml `outcome_weights.CONVICTED`: a number from 0 to 1, not 1.5",
        ),
        (
            {"cohort_types__FIXED__weights": {"harm": -1}},
            "cohort.yaml `cohort_types.FIXED.weights.harm`: a number >= 0, not -1",
        ),
        (
            {"network__method": "eigen"},
            "cohort.yaml `network.method`: 'eigen' is not allowed; allowed: pagerank, betweenness",
        ),
        (
            {"network__projections": ["co_offending", "phone"]},
            "cohort.yaml `network.projections`: 'co_offending' is not allowed; allowed: "
            "co-offending, association, family, household",
        ),
        (
            {"lead_precedence": ["MAPPA_2_3", "POLICE"]},
            "cohort.yaml `lead_precedence`: 'POLICE' is not allowed; allowed: MAPPA_2_3, "
            "MARAC_MATAC, IOM_FIXED, IOM_FLEX, IOM_FREE, MAPPA_1",
        ),
        ({"version": ""}, "cohort.yaml `version`: a version string is required"),
    ],
)
def test_bad_configuration_names_the_key_and_the_allowed_values(
    changes: dict, message: str
) -> None:
    with pytest.raises(ConfigError) as error:
        config(**changes)
    assert str(error.value).startswith(message)
