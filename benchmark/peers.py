"""The published context of one benchmark item for one type of local government: its peer group, the national and
leading groups, the band distribution, the trend and its projection. Pure Python; nothing here holds a number or label.

Inputs are the database's own frames (see queries/benchmark_*.sql): the published facts behind each benchmark item,
and for a type of municipality the peer group per indicator and year (the ``peer_groups`` view: the finest published
group containing the type). Peer, national and leading values are the **printed** values (``value_printed``).

* Peer year: the latest fiscal year in which the peer group prints a value for the item.
* National: the ``all`` group where the indicator publishes it that year, else ``muni`` (全市区町村), else none.
* Leading: the published group(s) with the highest value that year, ``all`` and ``muni`` excluded (ties are all kept).
* Band items (telework staff share): the compared value in tables and charts is the share of the top band; the
  position uses the whole distribution (benchmark/scoring.py).
* Real peers (``with_government_peers``): where the per-government table answers an item for the type on a date no
  older than 別紙1's peer year, the peer is the governments of that type themselves (how many answered, how many said
  実施, who was not surveyed); 別紙1's group is kept for the trend, and ``besshi_reason`` says why it is used otherwise.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

import pandas as pd

from benchmark.projection import Projection, project
from benchmark.vocabulary import BenchmarkItem, text_or_empty
from common.formatting import format_date, format_value, missing
from common.fiscal_years import fiscal_year_of, format_fiscal_year
from common.texts import pick, text

NATIONAL_GROUPS = ("all", "muni")  # in order of preference; both are excluded from "leading"
NOT_RANKED_ITEMS = frozenset({"standardization_in_progress"})
UNKNOWN_BAND = "unknown"


@dataclass(frozen=True)
class Reference:
    """One published number: a group's printed value (for a band item: the share of one band)."""

    group_code: str
    label_ja: str
    label_en: str
    value: float
    value_printed: str
    count: int | None = None
    count_unit: str | None = None

    def label(self, language: str) -> str:
        return pick(self.label_ja, self.label_en, language)

    def text(self, language: str) -> str:
        """「29.6%（273団体）」 / "29.6% (273 entities)"."""
        return format_value(self.value_printed, "pct", self.count, self.count_unit, language)


@dataclass(frozen=True)
class BandShare:
    band_code: str
    label_ja: str
    label_en: str
    order: int
    value: float | None
    value_printed: str

    def label(self, language: str) -> str:
        return pick(self.label_ja, self.label_en, language)


@dataclass(frozen=True)
class TrendPoint:
    fiscal_year: int
    value: float
    value_printed: str


@dataclass(frozen=True)
class GovernmentBase:
    """The real peers of one type on one item: the governments of that type counted from the per-government cells of
    one indicator at one date. Counts are of cells as published; the share is computed (done ÷ answered)."""

    indicator_code: str
    as_of: date
    answered: int  # 実施 or 未実施
    done: int  # 実施
    not_surveyed: tuple[tuple[str, str], ...]  # (name_ja, name_en) of those marked 調査無し
    not_reported: tuple[tuple[str, str], ...]  # (name_ja, name_en) of those with a blank cell
    counter_ja: str  # 市 / 町 / 村 / 区 / 団体: the word after a number of them in Japanese
    source_ja: str
    source_en: str

    @property
    def share(self) -> Decimal | None:
        if not self.answered:
            return None
        return Decimal(f"{100 * self.done / self.answered:.1f}")  # as the profile page writes it (peer_text.share_text)

    def source(self, language: str) -> str:
        return pick(self.source_ja, self.source_en, language)


@dataclass(frozen=True)
class PeerContext:
    """Everything the scorecard says about one item for one type of municipality, before looking at the answer."""

    item: BenchmarkItem
    entity_type: str
    entity_label_ja: str
    entity_label_en: str
    peer: Reference | None
    fiscal_year: int | None
    year_label_ja: str
    year_label_en: str
    as_of: date | None
    source_ja: str
    national: Reference | None
    leading: tuple[Reference, ...]
    bands: tuple[BandShare, ...] = ()  # band items: the peer group's distribution in the peer year
    measure_band: BandShare | None = None  # band items: the band whose share is the compared value
    trend: tuple[TrendPoint, ...] = ()
    projection: Projection | None = None
    missing: str | None = None  # why there is no peer: "municipal_only" | "no_peer" | "not_published"
    band_labels: tuple[tuple[str, str, str], ...] = ()  # band items: (code, label_ja, label_en) of every published band
    government_base: GovernmentBase | None = None  # set: the peer is the real governments of the type
    besshi_peer: Reference | None = None  # with a government base: 別紙1's group, whose series the trend shows
    government_data_as_of: date | None = None  # with besshi_reason government_data_older: the per-government date
    besshi_reason: str | None = None  # why 別紙1's group is the peer: no_government_data | government_date_undetermined | government_data_older | government_numbers

    @property
    def trend_peer(self) -> Reference | None:
        """The group whose published series the trend shows (別紙1's, also when the peers are real governments)."""
        return self.besshi_peer if self.government_base is not None else self.peer

    def entity_label(self, language: str) -> str:
        return pick(self.entity_label_ja, self.entity_label_en, language)

    def year_label(self, language: str) -> str:
        return pick(self.year_label_ja, self.year_label_en, language)

    def as_of_text(self, language: str) -> str:
        return format_date(self.as_of, language) if self.as_of else ""

    def leading_label(self, language: str) -> str:
        return text("list_separator", language).join(ref.label(language) for ref in self.leading)

    def attribution(self, language: str) -> str:
        """The per-government table's attribution, as that source asks to be credited (「出典：デジタル庁…」), when the
        peers are real governments; else empty."""
        return self.government_base.source(language) if self.government_base is not None else ""

    def sources(self, language: str) -> tuple[str, ...]:
        """Everything the row's figures come from: 別紙1's source and, for real governments, their table's attribution."""
        return tuple(source for source in (self.source_ja, self.attribution(language)) if source)


def peer_contexts(items: Sequence[BenchmarkItem], facts: pd.DataFrame, peer_groups: pd.DataFrame, entity_type: str,
                  entity_label_ja: str, entity_label_en: str) -> dict[str, PeerContext]:
    """item_code → PeerContext for one type of municipality.

    ``facts``: queries/benchmark_facts.sql (every published number behind the items);
    ``peer_groups``: queries/benchmark_peer_groups.sql for ``entity_type`` (indicator_code, fiscal_year, peer_group_code).
    """
    by_item: dict[str, list[dict]] = {}
    for record in facts.to_dict("records"):
        by_item.setdefault(record["item_code"], []).append(record)
    peers: dict[str, dict[int, str]] = {}
    for row in peer_groups.itertuples(index=False):
        peers.setdefault(row.indicator_code, {})[int(row.fiscal_year)] = row.peer_group_code
    return {item.item_code: _peer_context(item, by_item.get(item.item_code, []), peers.get(item.indicator_code, {}),
                                          entity_type, entity_label_ja, entity_label_en)
            for item in items}


def _present(value) -> bool:
    return not missing(value)


def _reference(record: dict) -> Reference:
    count = int(record["count"]) if _present(record["count"]) else None
    return Reference(record["group_code"], record["group_label_ja"], text_or_empty(record["group_label_en"]),
                     float(record["value"]), record["value_printed"], count,
                     text_or_empty(record["count_unit"]) or None)


def _band_shares(records: list[dict]) -> tuple[BandShare, ...]:
    return tuple(BandShare(r["breakdown_code"], r["breakdown_label_ja"], r["breakdown_label_en"], int(r["breakdown_order"]),
                           float(r["value"]) if _present(r["value"]) else None, r["value_printed"])
                 for r in sorted(records, key=lambda r: r["breakdown_order"]))


def _peer_context(item: BenchmarkItem, records: list[dict], peers: dict[int, str], entity_type: str,
                  entity_label_ja: str, entity_label_en: str) -> PeerContext:
    top_band = None
    measure = records
    if item.kind == "band":  # the compared value is the share of the top band (highest order, 不明 left out)
        bands = [r for r in records if r["breakdown_code"] != UNKNOWN_BAND]
        if bands:
            top_band = max(bands, key=lambda r: r["breakdown_order"])["breakdown_code"]
        measure = [r for r in records if r["breakdown_code"] == top_band]
    published = [r for r in measure if _present(r["value"])]
    printed = {(int(r["fiscal_year"]), r["group_code"]) for r in published}
    peer_years = sorted((year for year, group in peers.items() if (year, group) in printed), reverse=True)
    base = dict(item=item, entity_type=entity_type, entity_label_ja=entity_label_ja, entity_label_en=entity_label_en,
                band_labels=tuple(dict.fromkeys((r["breakdown_code"], r["breakdown_label_ja"], r["breakdown_label_en"])
                                                for r in records)) if item.kind == "band" else ())
    if peer_years:
        year, missing = peer_years[0], None
        peer_code = peers[year]
    elif published:
        year, peer_code = max(int(r["fiscal_year"]) for r in published), None
        missing = "municipal_only" if entity_type == "pref" else "no_peer"
    else:
        return PeerContext(**base, peer=None, fiscal_year=None, year_label_ja="", year_label_en="", as_of=None,
                           source_ja="", national=None, leading=(), missing="not_published")
    this_year = sorted((r for r in published if int(r["fiscal_year"]) == year), key=lambda r: r["group_order"])
    refs = {r["group_code"]: _reference(r) for r in this_year}
    first = this_year[0]
    national = next((refs[code] for code in NATIONAL_GROUPS if code in refs), None)
    candidates = [ref for code, ref in refs.items() if code not in NATIONAL_GROUPS]  # in display order
    top = max((Decimal(ref.value_printed) for ref in candidates), default=None)
    leading = tuple(ref for ref in candidates if Decimal(ref.value_printed) == top)
    bands: tuple[BandShare, ...] = ()
    measure_band = None
    trend: tuple[TrendPoint, ...] = ()
    projection = None
    if peer_code is not None:
        series = sorted((r for r in published if r["group_code"] == peer_code), key=lambda r: r["fiscal_year"])
        trend = tuple(TrendPoint(int(r["fiscal_year"]), float(r["value"]), r["value_printed"]) for r in series)
        if item.item_code not in NOT_RANKED_ITEMS:
            projection = project((p.fiscal_year, Decimal(p.value_printed)) for p in trend)
        if item.kind == "band":
            bands = _band_shares([r for r in records if int(r["fiscal_year"]) == year and r["group_code"] == peer_code])
    elif item.kind == "band":
        first_group = first["group_code"]
        bands_any = _band_shares([r for r in records if int(r["fiscal_year"]) == year and r["group_code"] == first_group])
        measure_band = next((b for b in bands_any if b.band_code == top_band), None)
    if bands:
        measure_band = next((b for b in bands if b.band_code == top_band), None)
    return PeerContext(
        **base, peer=refs.get(peer_code) if peer_code else None, fiscal_year=year,
        year_label_ja=first["fiscal_year_label_ja"], year_label_en=first["fiscal_year_label_en"],
        as_of=pd.Timestamp(first["as_of"]).date(), source_ja=first["source_ja"], national=national, leading=leading,
        bands=bands, measure_band=measure_band, trend=trend, projection=projection, missing=missing)


def with_government_peers(context: PeerContext, base: GovernmentBase) -> PeerContext:
    """The context with the real governments of its type as the peer (yes/no items): the peer value is the computed
    share of 実施 among those that answered; the year and date become the per-government table's, whose attribution
    `source` then gives. `source_ja` stays 別紙1's: the trend, the national and the leading groups are still its."""
    share = base.share
    if context.item.kind != "yes_no" or share is None:
        return context
    peer = Reference(f"type_{context.entity_type}", context.entity_label_ja, context.entity_label_en, float(share),
                     str(share), base.done, "entities")
    year = fiscal_year_of(base.as_of)
    return replace(context, peer=peer, fiscal_year=year, year_label_ja=format_fiscal_year(year, "ja"),
                   year_label_en=format_fiscal_year(year, "en"), as_of=base.as_of,
                   missing=None, government_base=base, besshi_peer=context.peer, besshi_reason=None)
