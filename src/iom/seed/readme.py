"""The README written beside the generated files: what is in them and that all of it is invented."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from iom.seed.names import AREAS
from iom.seed.world import World

__all__ = ["write_readme"]

_TEXT = """\
# Seed data: the fictional Four Vales force

**Everything in these files is invented.** Every person, household, address, postcode,
place, organised crime group, partner agency office, officer, offence, meeting and event
was made up by a random generator (`iom.seed.generate`). Any resemblance to real people,
places, groups or events is coincidental. Names are deliberately unreal (syllable-built
first names such as "Zorvik" and whimsical surnames such as "Quillfeather"); postcodes
use the non-existent `ZZ` postcode area; PNC ids use a `ZZ/` prefix that the real Police
National Computer never issues; every Person row carries `fictional=true`.

Generated with `persons={persons}`, `seed={seed}`, `as_of={as_of}` by the generator
`{name}`, version {version}.

## The force

Four policing areas, each with an IOM hub:

{areas}

It holds {people} people in {households} households, {offences} offences over the three
years before {as_of}, {ocgs} organised crime groups, an IOM cohort of {nominals} nominals
(FIXED, FLEX and FREE) managed by offender managers at the hubs, MAPPA and MARAC cases,
{partners} partner agencies, referrals, pathway needs, offender plans with actions and
4–6-weekly supervisors' reviews, OCG 4P plans, a disruption ledger and meetings.

Patterns that later features rely on:

- prolific burglars, robbers, vehicle thieves and shoplifters offend in bursts with
  custody gaps; some work in crews (several suspects on one offence);
- custody spells (`CustodySpell`, `IN_CUSTODY`): remands and sentences with release due,
  release and licence end, never overlapping an offence committed in the community;
- outcomes on the Home Office framework, per suspect (`SUSPECT_IN.outcome`; the offence's own
  `outcome` is the lead suspect's), convictions as `CONVICTED_OF`;
- domestic-abuse perpetrators, most with one victim and a minority with several (partners and
  ex-partners, `RELATED_TO` PARTNER/EX_PARTNER, offences with `domestic_abuse=true`), some
  heard at MARAC;
- OCGs with principals insulated behind one or two lieutenants, significant members and a
  periphery two to three times the core grown by preferential attachment; OCGs in local
  markets sharing facilitators (people outside any OCG tied to two to four groups); family
  OCGs with cousins and a grandparent across households; unmapped networks of 10-20 people;
  peer groups of violent and domestic-abuse offenders;
- younger siblings (10-17) of OCG members, about a third with a prevention referral and plan;
- repeat victims and business victims (`Offence.business_victim`);
- no high-impact flag on households: the cohort library scores households from who lives there
  (`LIVES_AT`, dates of birth), their offences and domestic-abuse offences;
- some nominals also on MAPPA level 2/3 or in an OCG; outstanding suspects, wanted, bail and
  failed-to-appear flags; duplicate and unscreened referrals; missed, late and overdue reviews;
- OCG assessments on the re-assessment cadence (`review_days` in `ocg_disruption.yaml`), each
  graded per attribute (`AssessmentGrade`) so that `iom ocg explain` gives the stored band; a
  minority of live OCGs overdue; businesses and vehicles the groups use (`USES`), targeted by
  disruptions and 4P actions (`TARGETED`, `TARGETS`); the co-ordinator's tactic advice; 4P
  objectives (`Objective`, `SERVES`); approvers (`APPROVED_BY`) for every major and moderate
  grade; evidence with POCA assets restrained and recovered; minutes, agendas and agreed
  actions for every meeting held; the record of choosing each plan owner;
- casework records beside the imported columns: dated need assessments (some re-assessed),
  referral intake and decisions (some deferred first), plan control records, action records
  (old actions closed and evaluated worked / did not work / unknown with a note; open actions
  mostly due in the coming weeks, about one in nine overdue), review records, partner places
  per pathway (`OFFERS`, some hubs over capacity) and the episode each referral and plan
  belongs to (`FOR_EPISODE`);
- phones held by OCG members and facilitators with calls between them over the last six months
  (`HAS_PHONE`, `PhoneCall`): the network explorer's phone-contact ties. Numbers are in
  Ofcom's drama range (07700 900xxx); vehicle marks start `ZZ`, which DVLA never issues.

## Planted cases

{planted}

## Calibration

Each measure computed on these files by `iom seed profile <folder>`, against its target range
(the sources are in `src/iom/seed/calibration.csv`):

{calibration}

## Files

neo4j-admin import layout, UTF-8, `\\n` line endings:

- `nodes/<Label>.csv`: `id:ID(<Label>)`, then `:LABEL` for Person (extra labels Nominal,
  Offender, Victim, Witness, `;`-separated), then property columns. Type suffixes `:int`,
  `:float`, `:boolean`, `:string[]` (values `;`-separated); dates are `YYYY-MM-DD` with no
  suffix; an empty cell means the property is absent.
- `relationships/<TYPE>.csv`: `:START_ID(<Label>)`, `:END_ID(<Label>)`, `:TYPE`, then
  properties. Where a type allows several start or end labels the file is
  `<TYPE>__<Start>__<End>.csv`.
- `RELATED_TO` is written in both directions, each read as "start is the <relation> of
  end" (PARENT one way, CHILD the other); `ASSOCIATES_WITH` is written once per pair.
- `manifest.json`: the arguments and row counts per file, label and relationship type.

{counts}

## Regenerate

```
iom seed generate --persons {persons} --seed {seed} --out seed_data
```

or from Python: `iom.seed.generate(Path("seed_data"), persons={persons}, seed={seed})`. The
same arguments always give byte-identical files; a test checks that this folder matches.
"""


def write_readme(
    out_dir: Path,
    manifest: dict[str, Any],
    populations: list[int],
    planted: str = "",
    calibration: str = "",
) -> None:
    """Write README.md for a generated force from its manifest, planted cases and profile."""
    labels = manifest["labels"]
    areas = "\n".join(
        f"- **{name}** (`AREA-{suffix}`), hub: {hub}; population {pop:,}"
        for (suffix, name, hub, _share), pop in zip(AREAS, populations, strict=True)
    )
    rows = ["| file | rows |", "|---|---:|"]
    rows += [f"| `{path}` | {n:,} |" for path, n in manifest["files"].items()]
    text = _TEXT.format(
        persons=manifest["persons"],
        seed=manifest["seed"],
        as_of=manifest["as_of"],
        name=manifest["generator"]["name"],
        version=manifest["generator"]["version"],
        areas=areas,
        people=f"{labels.get('Person', 0):,}",
        households=f"{labels.get('Household', 0):,}",
        offences=f"{labels.get('Offence', 0):,}",
        ocgs=labels.get("OCG", 0),
        nominals=manifest["extra_labels"].get("Nominal", 0),
        partners=labels.get("Partner", 0),
        counts="\n".join(rows),
        planted=planted or "None at this size.",
        calibration=calibration or "Not computed at this size: run `iom seed profile` on it.",
    )
    (out_dir / "README.md").write_text(text, encoding="utf-8", newline="\n")


_PLANTED = {
    "iom_fixed_and_mappa_2": "IOM Fixed nominals also on MAPPA level 2 (two arrangements at once)",
    "marac_referred_to_iom": "MARAC perpetrators referred to IOM (two arrangements at once)",
    "boundary": "Domestic-abuse perpetrators with exactly two victims, the first this many days "
    "before as-of and the second 14 days before (a 3-year serial rule's boundary: 1,095 days)",
}


def planted_text(w: World) -> str:
    """The planted cases' person ids, as Markdown bullets."""
    lines = []
    for key, title in _PLANTED.items():
        cases = w.planted.get(key, [])
        if not cases:
            continue
        if key == "boundary":
            ids = ", ".join(
                f"`{w.pid(i)}` ({days} days, {'inside' if days <= 1095 else 'outside'})"
                for i, days in cases
            )
        else:
            ids = ", ".join(f"`{w.pid(i)}`" for i, _ in cases)
        lines.append(f"- {title}: {ids}")
    return "\n".join(lines)
