"""Phones held by OCG members and their calls: the network explorer's phone-contact ties."""

from __future__ import annotations

from iom.seed.world import World

__all__ = ["build_phones"]


def _number(n: int) -> str:
    """A fictional UK mobile number: Ofcom's drama range 07700 900000-900999 first."""
    return f"07700 900{n:03d}" if n < 1000 else f"07700 9{n:05d}"


def build_phones(w: World) -> None:
    """Live OCGs' members and their facilitators hold phones (principals a second handset); six
    in ten of their ties show calls in the last six months."""
    rng = w.aux
    phones: dict[int, list[str]] = {}

    def phone_of(idx: int) -> str:
        held = phones.get(idx)
        if held is None:
            held = phones[idx] = []
            for _ in range(1 + (w.member_of.get(idx, (0, ""))[1] == "PRINCIPAL")):
                pid = w.next_id("PHN", 6)
                w.out.node("Phone", pid, {"number": _number(int(pid[3:]) - 1)})
                w.out.rel("HAS_PHONE", "Person", w.pid(idx), "Phone", pid)
                held.append(pid)
        return held[int(rng.random() * len(held))]

    # Calls only along ties already known (hub-and-spoke ties inside a live OCG, facilitators'
    # ties to the groups they serve): phone contact confirms a tie rather than adding one.
    pairs: list[tuple[int, int]] = []
    for ocg in w.ocgs:
        if ocg.status != "ARCHIVED" and ocg.members:
            pairs.extend(ocg.ties)
    facilitators = {person for person, _served in w.facilitators}
    pairs.extend((a, b) for a, b, _source in w.ties if a in facilitators or b in facilitators)
    for a, b in pairs:
        if a == b or rng.random() >= 0.6:
            continue
        for _ in range(1 + int(rng.random() ** 2 * 8)):
            caller, called = (a, b) if rng.random() < 0.5 else (b, a)
            day = w.today - 1 - int(rng.random() * 180)
            minute = int(rng.random() * 24 * 60)
            cid = w.next_id("CALL", 7)
            w.out.node(
                "PhoneCall",
                cid,
                {
                    "called_on": day,
                    "called_at": f"{minute // 60:02d}:{minute % 60:02d}",
                    "duration_seconds": 5 + int(rng.random() ** 2 * 600),
                    "call_type": "VOICE" if rng.random() < 0.6 else "SMS",
                },
            )
            w.out.rel("CALLER", "PhoneCall", cid, "Phone", phone_of(caller))
            w.out.rel("CALLED", "PhoneCall", cid, "Phone", phone_of(called))
