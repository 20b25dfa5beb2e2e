"""Where one municipality stands on each item: its position among its peers and the distance that orders the summary
and colours the heatmap. Pure Python.

* yes/no, with peer rate p (% doing it): "yes" and p < 50 → ahead, distance 100 − p (the share of peers not doing it);
  "no" and p ≥ 50 → behind, distance p (the share of peers doing it); otherwise level (on the majority's side).
  In words: the distance is the share of the peer group on the other side of you.
* band: among peers with a known band (不明 left out), the shares in lower and higher bands; more than half lower →
  ahead (distance = lower share); half or more higher → behind (distance = higher share); otherwise level.
* numbers: difference = own − peer value in points; > 0 ahead, < 0 behind, 0 level; distance = |difference|.
  標準化 作業中率 is not ranked (more in progress is neither ahead nor behind): its difference is shown, no position.
* unanswered, no peer group, or the band "unknown" → not comparable, with the reason.
* a band published among adopters only (telework staff share) is not compared for a government that answered it has
  not adopted the measure: "not comparable: telework not adopted", whatever band it gave.

Only differences and band shares are computed here, in Decimal on the printed values; each is labelled as computed
where it is shown.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from benchmark.peers import NOT_RANKED_ITEMS, UNKNOWN_BAND, BandShare, PeerContext
from benchmark.vocabulary import BenchmarkItem, MunicipalityEntry

POSITIONS = ("ahead", "behind", "level", "not_comparable")
HALF = Decimal(50)
HUNDRED = Decimal(100)
TENTH = Decimal("0.1")
# band item → the yes/no item whose adopters its distribution describes (別紙1 prints the band among adopters only)
ADOPTERS_ONLY = {"telework_staff_band": "telework_adoption"}


@dataclass(frozen=True)
class ScoreRow:
    context: PeerContext
    answer: bool | str | float | None
    position: str  # one of POSITIONS
    reason: str | None = None  # why not comparable: unanswered | municipal_only | no_peer | not_published | not_ranked | unknown_band | not_adopted
    difference: Decimal | None = None  # numbers: own − peer, in points (computed)
    distance: Decimal | None = None  # the ordering measure (see the module docstring)
    band_shares: tuple[Decimal, Decimal, Decimal] | None = None  # higher, same, lower (%, computed, 不明 left out)
    sentences: dict[str, str] = field(default_factory=dict, compare=False, repr=False)  # by language: see wording.sentence

    @property
    def item(self) -> BenchmarkItem:
        return self.context.item


def _round(value: Decimal) -> Decimal:
    return value.quantize(TENTH, rounding=ROUND_HALF_UP)


def score_entry(entry: MunicipalityEntry, items: Sequence[BenchmarkItem], contexts: dict[str, PeerContext]) -> list[ScoreRow]:
    """One row per item, in item order; ``contexts`` are those of the entry's type."""
    rows = []
    for item in items:
        context, answer = contexts[item.item_code], entry.answers.get(item.item_code)
        gate = ADOPTERS_ONLY.get(item.item_code)
        if gate is not None and entry.answers.get(gate) is False:
            rows.append(ScoreRow(context, answer, position="not_comparable", reason="not_adopted"))
        else:
            rows.append(score_item(context, answer))
    return rows


def score_item(context: PeerContext, answer) -> ScoreRow:
    item = context.item
    fields: dict = {}
    if answer is None:
        fields = dict(position="not_comparable", reason="unanswered")
    elif context.peer is None:
        fields = dict(position="not_comparable", reason=context.missing or "no_peer")
    elif item.kind == "yes_no":
        rate = Decimal(context.peer.value_printed)
        if answer and rate < HALF:
            fields = dict(position="ahead", distance=HUNDRED - rate)
        elif not answer and rate >= HALF:
            fields = dict(position="behind", distance=rate)
        else:
            fields = dict(position="level")
    elif item.kind == "band":
        fields = _score_band(context, answer)
    else:
        difference = _round(Decimal(str(answer)) - Decimal(context.peer.value_printed))
        if item.item_code in NOT_RANKED_ITEMS:
            fields = dict(position="not_comparable", reason="not_ranked", difference=difference)
        else:
            position = "ahead" if difference > 0 else "behind" if difference < 0 else "level"
            fields = dict(position=position, difference=difference,
                          distance=abs(difference) if position != "level" else None)
    return ScoreRow(context, answer, **fields)


def _score_band(context: PeerContext, answer: str) -> dict:
    if answer == UNKNOWN_BAND:
        return dict(position="not_comparable", reason="unknown_band")
    known = [b for b in context.bands if b.band_code != UNKNOWN_BAND and b.value is not None]
    own = next((b for b in known if b.band_code == answer), None)
    total = sum((Decimal(b.value_printed) for b in known), Decimal(0))
    if own is None or total == 0:
        return dict(position="not_comparable", reason="no_peer")

    def share(bands: Iterable[BandShare]) -> Decimal:
        return _round(sum((Decimal(b.value_printed) for b in bands), Decimal(0)) * HUNDRED / total)

    higher = share(b for b in known if b.order > own.order)
    same = share([own])
    lower = share(b for b in known if b.order < own.order)
    if lower > HALF:
        return dict(position="ahead", distance=lower, band_shares=(higher, same, lower))
    if higher >= HALF:
        return dict(position="behind", distance=higher, band_shares=(higher, same, lower))
    return dict(position="level", band_shares=(higher, same, lower))


def summary(rows: Sequence[ScoreRow]) -> tuple[list[ScoreRow], list[ScoreRow]]:
    """(ahead, behind), each ordered by distance, furthest first; ties keep item order."""
    def ordered(position: str) -> list[ScoreRow]:
        chosen = [row for row in rows if row.position == position]
        return sorted(chosen, key=lambda row: (-(row.distance or 0), row.item.sort_order))
    return ordered("ahead"), ordered("behind")


def signed_score(row: ScoreRow) -> float | None:
    """The heatmap's value: +distance ahead, −distance behind, 0 level, None not comparable."""
    if row.position == "ahead":
        return float(row.distance)
    if row.position == "behind":
        return -float(row.distance)
    if row.position == "level":
        return 0.0
    return None
