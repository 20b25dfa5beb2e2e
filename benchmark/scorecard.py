"""Where one municipality stands among its peers, item by item, in published figures and plain sentences.

Pure Python (no Streamlit). Inputs are the database's own frames (see queries/benchmark_*.sql): the published facts
behind each benchmark item, and for a type of municipality the peer group per indicator and year (the
``peer_groups`` view: the finest published group containing the type). Nothing here holds a number or a label.

Peer, national and leading values are the **printed** values (``value_printed``); only differences, band shares and
projections are computed, and each is labelled as computed.

* Peer year: the latest fiscal year in which the peer group prints a value for the item.
* National: the ``all`` group where the indicator publishes it that year, else ``muni`` (全市区町村), else none.
* Leading: the published group(s) with the highest value that year, ``all`` and ``muni`` excluded (ties are all kept).
* Band items (telework staff share): the compared value in tables and charts is the share of the top band; the
  position uses the whole distribution.

Position and distance (the one measure used to order the summary and colour the heatmap):

* yes/no, with peer rate p (% doing it): "yes" and p < 50 → ahead, distance 100 − p (the share of peers not doing it);
  "no" and p ≥ 50 → behind, distance p (the share of peers doing it); otherwise level (on the majority's side).
  In words: the distance is the share of the peer group on the other side of you.
* band: among peers with a known band (不明 left out), the shares in lower and higher bands; more than half lower →
  ahead (distance = lower share); half or more higher → behind (distance = higher share); otherwise level.
* numbers: difference = own − peer value in points; > 0 ahead, < 0 behind, 0 level; distance = |difference|.
  標準化 作業中率 is not ranked (more in progress is neither ahead nor behind): its difference is shown, no position.
* unanswered, no peer group, or the band "unknown" → not comparable, with the reason.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from benchmark.projection import Projection, project
from benchmark.upload import BANDS, ItemSpec, MunicipalityEntry
from common.csv_export import years_part
from common.fiscal_years import format_fiscal_year
from common.formatting import format_date, format_points, format_value, missing
from common.texts import text

__all__ = [
    "NATIONAL_GROUPS", "NOT_RANKED_ITEMS", "POSITIONS", "BandShare", "BenchmarkItem", "PeerContext", "Reference",
    "ScoreRow", "TrendPoint", "items_from_frame", "matrix_frames", "peer_contexts", "score_entry", "scorecard_display_frame",
    "scorecard_export_frame", "scorecards_export_frame", "scorecard_filename", "summary", "summary_line", "signed_score", "score_item", "answer_label",
]

POSITIONS = ("ahead", "behind", "level", "not_comparable")
NATIONAL_GROUPS = ("all", "muni")  # in order of preference; both are excluded from "leading"
NOT_RANKED_ITEMS = frozenset({"standardization_in_progress"})
UNKNOWN_BAND = "unknown"
HALF = Decimal(50)
HUNDRED = Decimal(100)
TENTH = Decimal("0.1")


# --- inputs ----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BenchmarkItem:
    """A row of the benchmark_items table with its topic."""

    item_code: str
    kind: str
    indicator_code: str
    breakdown_code: str | None
    label_ja: str
    label_en: str
    yes_label_ja: str
    no_label_ja: str
    yes_label_en: str
    no_label_en: str
    topic_code: str
    topic_label_ja: str
    topic_label_en: str
    sort_order: int

    @property
    def spec(self) -> ItemSpec:
        return ItemSpec(self.item_code, self.kind, self.label_ja, self.label_en, self.yes_label_ja, self.no_label_ja,
                        self.yes_label_en, self.no_label_en)

    def label(self, language: str) -> str:
        return self.label_en if language == "en" else self.label_ja

    def topic(self, language: str) -> str:
        return self.topic_label_en if language == "en" else self.topic_label_ja

    def yes(self, language: str) -> str:
        own = self.yes_label_en if language == "en" else self.yes_label_ja
        return own or text("yes_default", language)

    def no(self, language: str) -> str:
        own = self.no_label_en if language == "en" else self.no_label_ja
        return own or text("no_default", language)


def _text_or_empty(value) -> str:
    return "" if missing(value) else str(value)


def items_from_frame(frame: pd.DataFrame) -> list[BenchmarkItem]:
    """The benchmark_items query as BenchmarkItems, in display order."""
    items = []
    for row in frame.sort_values("sort_order").itertuples(index=False):
        breakdown = _text_or_empty(row.breakdown_code) or None
        items.append(BenchmarkItem(
            row.item_code, row.kind, row.indicator_code, breakdown, row.label_ja, row.label_en,
            _text_or_empty(row.yes_label_ja), _text_or_empty(row.no_label_ja), _text_or_empty(row.yes_label_en),
            _text_or_empty(row.no_label_en), row.topic_code, row.topic_label_ja, row.topic_label_en, int(row.sort_order)))
    return items


# --- peer context (independent of the answer) ------------------------------------------------------------------------


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
        return self.label_en if language == "en" and self.label_en else self.label_ja

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
        return self.label_en if language == "en" else self.label_ja


@dataclass(frozen=True)
class TrendPoint:
    fiscal_year: int
    value: float
    value_printed: str


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

    def entity_label(self, language: str) -> str:
        return self.entity_label_en if language == "en" else self.entity_label_ja

    def year_label(self, language: str) -> str:
        return self.year_label_en if language == "en" else self.year_label_ja

    def as_of_text(self, language: str) -> str:
        return format_date(self.as_of, language) if self.as_of else ""

    def leading_label(self, language: str) -> str:
        return ("、" if language == "ja" else ", ").join(ref.label(language) for ref in self.leading)


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
    return Reference(record["group_code"], record["group_label_ja"], _text_or_empty(record["group_label_en"]),
                     float(record["value"]), record["value_printed"], count,
                     _text_or_empty(record["count_unit"]) or None)


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
    base = dict(item=item, entity_type=entity_type, entity_label_ja=entity_label_ja, entity_label_en=entity_label_en)
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


# --- scoring ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScoreRow:
    context: PeerContext
    answer: bool | str | float | None
    position: str  # one of POSITIONS
    reason: str | None = None  # why not comparable: unanswered | municipal_only | no_peer | not_published | not_ranked | unknown_band
    difference: Decimal | None = None  # numbers: own − peer, in points (computed)
    distance: Decimal | None = None  # the ordering measure (see the module docstring)
    band_shares: tuple[Decimal, Decimal, Decimal] | None = None  # higher, same, lower (%, computed, 不明 left out)
    sentences: dict[str, str] = field(default_factory=dict, compare=False, repr=False)  # written on first use

    @property
    def item(self) -> BenchmarkItem:
        return self.context.item

    def sentence(self, language: str) -> str:
        """The plain sentence in Japanese ("ja") or English ("en")."""
        if language not in self.sentences:
            self.sentences[language] = _sentence(self, language)
        return self.sentences[language]

    def answer_label(self, language: str) -> str:
        return answer_label(self.item, self.answer, language, self.context.bands)

    def position_label(self, language: str) -> str:
        label = text(f"pos_{self.position}", language)
        if self.position == "not_comparable" and self.reason:
            return f"{label}（{text('reason_' + self.reason, language)}）" if language == "ja" else \
                f"{label} ({text('reason_' + self.reason, language)})"
        return label


def _number_text(value: float | Decimal) -> str:
    """An entered number as the user would write it: 65 → "65", 65.25 → "65.25"."""
    number = Decimal(str(value)) if not isinstance(value, Decimal) else value
    if number == number.to_integral_value():
        return str(number.quantize(Decimal(1)))
    return format(number.normalize(), "f")


def answer_label(item: BenchmarkItem, answer, language: str, bands: Sequence[BandShare] = ()) -> str:
    if answer is None:
        return text("unanswered", language)
    if item.kind == "yes_no":
        return item.yes(language) if answer else item.no(language)
    if item.kind == "band":
        for band in bands:
            if band.band_code == answer:
                return band.label(language)
        return BANDS.get(answer, (answer, answer))[language == "en"]
    return f"{_number_text(answer)}%"


def _round(value: Decimal) -> Decimal:
    return value.quantize(TENTH, rounding=ROUND_HALF_UP)


def score_entry(entry: MunicipalityEntry, items: Sequence[BenchmarkItem], contexts: dict[str, PeerContext]) -> list[ScoreRow]:
    """One row per item, in item order; ``contexts`` are those of the entry's type."""
    return [score_item(contexts[item.item_code], entry.answers.get(item.item_code)) for item in items]


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


# --- sentences -------------------------------------------------------------------------------------------------------


def _sentence(row: ScoreRow, language: str) -> str:
    context, item = row.context, row.item
    head = text("sentence_head", language, item=item.label(language),
                answer=answer_label(item, row.answer, language, context.bands))
    as_of = context.as_of_text(language)
    if context.missing == "not_published":
        return head + text("not_published_anywhere", language)
    if context.peer is None:
        body = text(context.missing or "no_peer", language, entity=context.entity_label(language))
        if context.national is not None:
            body += _space(language) + text("national_reference", language, group=context.national.label(language),
                                            value=context.national.text(language), as_of=as_of)
        return head + body
    peer = context.peer.label(language)
    if item.kind == "yes_no":
        body = text("yes_no_peer", language, peer=peer, value=context.peer.text(language), yes=item.yes(language),
                    as_of=as_of)
    elif item.kind == "band":
        if row.band_shares is not None:
            unknown = next((b for b in context.bands if b.band_code == UNKNOWN_BAND), None)
            higher, same, lower = row.band_shares
            body = text("band_peer", language, peer=peer, as_of=as_of,
                        unknown=f"{unknown.value_printed}%" if unknown and unknown.value is not None else "－",
                        higher=higher, same=same, lower=lower)
        else:
            body = text("band_distribution", language, peer=peer, as_of=as_of, distribution=_distribution(context, language))
    else:
        body = text("percent_peer", language, peer=peer, value=context.peer.text(language), as_of=as_of)
        if row.difference is not None:
            body += _space(language) + text("difference", language,
                                            difference=format_points(float(row.difference), language))
    tail = _position_words(row, language)
    return head + body + (_space(language) + tail if tail else "")


def _space(language: str) -> str:
    return "" if language == "ja" else " "


def _distribution(context: PeerContext, language: str) -> str:
    sep = "、" if language == "ja" else ", "
    return sep.join(f"{b.label(language)} {b.value_printed}%" if b.value is not None else f"{b.label(language)} －"
                    for b in context.bands)


def _position_words(row: ScoreRow, language: str) -> str:
    kind = row.item.kind
    if row.position == "not_comparable":
        if row.reason == "not_ranked":
            return text("not_ranked", language)
        if row.reason == "unknown_band":
            return text("unknown_band_answer", language)
        return ""
    if kind == "yes_no":
        return text(f"position_{row.position}", language)
    if kind == "band":
        return text(f"band_{row.position}", language)
    return text({"ahead": "position_above", "behind": "position_below", "level": "position_same"}[row.position], language)


# --- summary, tables, heatmap ----------------------------------------------------------------------------------------


def summary(rows: Sequence[ScoreRow]) -> tuple[list[ScoreRow], list[ScoreRow]]:
    """(ahead, behind), each ordered by distance, furthest first; ties keep item order."""
    def ordered(position: str) -> list[ScoreRow]:
        chosen = [row for row in rows if row.position == position]
        return sorted(chosen, key=lambda row: (-(row.distance or 0), row.item.sort_order))
    return ordered("ahead"), ordered("behind")


def summary_line(row: ScoreRow, language: str) -> str:
    context, item = row.context, row.item
    peer = context.peer.label(language)
    if item.kind == "yes_no":
        return text("summary_yes_no", language, item=item.label(language), peer=peer, yes=item.yes(language),
                    value=context.peer.text(language))
    if item.kind == "band":
        key = "summary_band_ahead" if row.position == "ahead" else "summary_band_behind"
        return text(key, language, item=item.label(language), peer=peer, share=row.distance)
    return text("summary_percent", language, item=item.label(language), peer=peer, value=context.peer.text(language),
                difference=format_points(float(row.difference), language))


def signed_score(row: ScoreRow) -> float | None:
    """The heatmap's value: +distance ahead, −distance behind, 0 level, None not comparable."""
    if row.position == "ahead":
        return float(row.distance)
    if row.position == "behind":
        return -float(row.distance)
    if row.position == "level":
        return 0.0
    return None


def _measure_label(context: PeerContext, language: str) -> str:
    item = context.item
    if item.kind == "yes_no":
        return text("measure_yes_no", language, yes=item.yes(language))
    if item.kind == "band":
        band = context.measure_band.label(language) if context.measure_band else ""
        return text("measure_band", language, band=band)
    return text("measure_percent", language, item=item.label(language))


def _ref_text(ref: Reference | None, language: str, context: PeerContext) -> str:
    if ref is None:
        return text("not_published", language)
    value = ref.text(language)
    if context.item.kind == "band" and context.measure_band is not None:
        value = f"{context.measure_band.label(language)}：{value}" if language == "ja" else \
            f"{context.measure_band.label(language)}: {value}"
    return value


def scorecard_display_frame(rows: Sequence[ScoreRow], language: str) -> pd.DataFrame:
    """The scorecard as read on screen and in print: printed values with their counts, computed ones labelled."""
    records = []
    for row in rows:
        context = row.context
        peer = context.peer
        peer_group = f"{peer.label(language)}（{format_fiscal_year(context.fiscal_year, language)}）" if peer and language == "ja" else \
            f"{peer.label(language)} ({format_fiscal_year(context.fiscal_year, language)})" if peer else \
            text("reason_" + (context.missing or "no_peer"), language)
        leading = (f"{context.leading_label(language)} {_ref_text(context.leading[0], language, context)}"
                   if context.leading else text("not_published", language))
        national = (f"{context.national.label(language)} {_ref_text(context.national, language, context)}"
                    if context.national else text("not_published", language))
        records.append({  # what a reader needs first comes first; the references follow
            text("col_item", language): row.item.label(language),
            text("col_answer", language): answer_label(row.item, row.answer, language, context.bands),
            text("col_peer", language): peer_group,
            text("col_peer_value", language): _ref_text(peer, language, context) if peer else "",
            text("col_difference", language): format_points(float(row.difference), language)
            if row.difference is not None else "",
            text("col_position", language): row.position_label(language),
            text("col_national", language): national,
            text("col_leading", language): leading,
        })
    return pd.DataFrame.from_records(records)


# Our own sentences use — (U+2014), which Shift_JIS (cp932) lacks, as it lacks the minus sign − (U+2212); a cp932
# file gets ― and －, the characters Japanese Excel shows in their place. User text (names) is never altered: it
# fails loudly instead.
_CP932_SENTENCE = str.maketrans({"\u2014": "\u2015", "\u2212": "\uff0d"})


def scorecard_export_frame(entry: MunicipalityEntry, rows: Sequence[ScoreRow], language: str,
                           entity_label: str, encoding: str = "utf-8-sig") -> pd.DataFrame:
    """One CSV row per item: who, the answer, the printed values (numbers stay numbers), computed values labelled as
    such, the sentence, the source and the as-of date. ``encoding="cp932"`` writes the sentence in cp932's dashes."""
    return scorecards_export_frame([(entry, rows, entity_label)], language, encoding)


def scorecards_export_frame(scored: Iterable[tuple[MunicipalityEntry, Sequence[ScoreRow], str]], language: str,
                            encoding: str = "utf-8-sig") -> pd.DataFrame:
    """The export frame of many municipalities at once: (entry, its rows, its type's label) each, in that order."""
    keys = ("col_code", "col_name", "col_type", "col_topic", "col_item", "col_answer", "col_measure", "col_peer",
            "col_year", "col_as_of", "col_peer_value_pct", "col_count", "col_count_unit", "col_national_group",
            "col_national_pct", "col_leading", "col_leading_pct", "col_higher", "col_same", "col_lower",
            "col_difference", "col_position", "col_sentence", "col_source")
    cp932 = encoding == "cp932"
    records = []
    for entry, rows, entity_label in scored:
        for row in rows:
            context = row.context
            peer, national = context.peer, context.national
            lead = context.leading[0] if context.leading else None
            higher, same, lower = row.band_shares or (None, None, None)
            sentence = row.sentence(language)
            records.append((
                entry.municipality_code or None, entry.municipality_name or None, entity_label,
                row.item.topic(language), row.item.label(language),
                answer_label(row.item, row.answer, language, context.bands), _measure_label(context, language),
                peer.label(language) if peer else None, context.year_label(language) or None,
                context.as_of.isoformat() if context.as_of else None,
                peer.value if peer else None, peer.count if peer else None,
                text(f"unit_{peer.count_unit}", language) if peer and peer.count_unit else None,
                national.label(language) if national else None, national.value if national else None,
                context.leading_label(language) or None, lead.value if lead else None,
                float(higher) if higher is not None else None, float(same) if same is not None else None,
                float(lower) if lower is not None else None,
                float(row.difference) if row.difference is not None else None,
                row.position_label(language), sentence.translate(_CP932_SENTENCE) if cp932 else sentence,
                context.source_ja or None,
            ))
    columns = [text(key, language) for key in keys]
    frame = pd.DataFrame.from_records(records, columns=columns)
    frame[text("col_count", language)] = frame[text("col_count", language)].astype("Int64")
    for key in ("col_peer_value_pct", "col_national_pct", "col_leading_pct", "col_higher", "col_same", "col_lower",
                "col_difference"):
        frame[text(key, language)] = frame[text(key, language)].astype("float64")
    return frame


def _short_answer(row: ScoreRow, language: str) -> str:
    if row.answer is None:
        return ""
    if row.item.kind == "yes_no":
        return ("○" if row.answer else "×") if language == "ja" else ("Y" if row.answer else "N")
    if row.item.kind == "band":
        bounds = re.fullmatch(r"band_(\d+)_(\d+)", row.answer)
        if bounds is None:  # 不明
            return "不明" if language == "ja" else "?"
        low, high = bounds.groups()
        return f"{low}+" if high == "100" else (f"<{high}" if low == "0" else f"{low}–{high}")
    return _number_text(row.answer)


def matrix_frames(scored: Sequence[Sequence[ScoreRow]], language: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(signed scores, short answers): one row per entry (in the order given), one column per item code."""
    scores = pd.DataFrame([{row.item.item_code: signed_score(row) for row in rows} for rows in scored], dtype="float64")
    answers = pd.DataFrame([{row.item.item_code: _short_answer(row, language) for row in rows} for rows in scored],
                           dtype=object)
    return scores, answers


# --- file names ------------------------------------------------------------------------------------------------------

_UNSAFE = re.compile(r"[^\w-]+")  # \w keeps letters and digits of any script, so 千代田区 survives


def _safe_part(value: str, limit: int = 40) -> str:
    cleaned = _UNSAFE.sub("_", unicodedata.normalize("NFKC", value)).strip("_-")
    return cleaned[:limit].strip("_-")


def scorecard_filename(entries: Sequence[MunicipalityEntry], fiscal_years: Iterable[int], made: date,
                       kind: str = "benchmark", extension: str = "csv") -> str:
    """e.g. ``dx_benchmark_131016_2023-2024_20250601.csv``: who (code, else the name made path-safe, else the type;
    for many: the shared prefecture and the count), the fiscal years compared, and the date it was made."""
    if len(entries) == 1:
        entry = entries[0]
        who = entry.municipality_code or _safe_part(entry.municipality_name) or entry.entity_type or "entry"
    else:
        codes = {entry.municipality_code[:2] for entry in entries if entry.municipality_code}
        shared = f"pref{codes.pop()}_" if len(codes) == 1 and all(e.municipality_code for e in entries) else ""
        who = f"{shared}{len(entries)}entities"
    year_part = years_part(fiscal_years) if fiscal_years else ""
    stem = "_".join(part for part in ("dx", _safe_part(kind), _safe_part(who), year_part, made.strftime("%Y%m%d")) if part)
    return stem[:115] + "." + extension
