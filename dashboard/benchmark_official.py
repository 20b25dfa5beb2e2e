"""The benchmark's per-government side, built once per database version with the benchmark's model: which
per-government indicator answers each item, the latest cells of each, every type's real peers on those items, and a
government's official answers. Published data only; nothing a user typed."""
from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from benchmark.official import OfficialAnswer, official_answers
from benchmark.peers import GovernmentBase, PeerContext, with_government_peers
from benchmark.vocabulary import BenchmarkItem
from dashboard.db import database_version, query
from dashboard.government_data import (SAME_IN_BESSHI1, cells, distinct_names, fiscal_year_of, governments_in_year,
                                       indicators, latest)
from dashboard.peer_text import counter_ja
from governments.peers import Peers, answer_summary


@dataclass(frozen=True)
class Source:
    ja: str
    en: str


def level_of(entity_type: str) -> str:
    return "pref" if entity_type == "pref" else "muni"


def indicators_of_items(items: list[BenchmarkItem]) -> dict[str, dict[str, str]]:
    """level (muni | pref) → item_code → the per-government indicator answering the item at that level: the
    indicator of the same concept that 別紙1 also prints (dashboard/government_data.SAME_IN_BESSHI1)."""
    meta = indicators()
    concept_of = {besshi: concept for concept, besshi in SAME_IN_BESSHI1.items()}
    mapping: dict[str, dict[str, str]] = {"muni": {}, "pref": {}}
    for item in items:
        concept = concept_of.get(item.indicator_code)
        if concept is None or item.breakdown_code:
            continue
        for level in mapping:
            found = meta[(meta.concept_code == concept) & meta.level.isin([level, "all"])]
            if len(found):
                mapping[level][item.item_code] = found.indicator_code.iloc[0]
    return mapping


def sources() -> dict[str, Source]:
    """source_id → the attribution the source requires (「出典：デジタル庁「自治体DXの取組に関するダッシュボード」」)."""
    frame = query("government_sources")
    return {row.source_id: Source(row.attribution_ja, row.attribution_en or row.attribution_ja) for row in frame.itertuples()}


class OfficialData:
    """The latest cells of every indicator an item maps to, and each type's contexts with real peers where they apply."""

    def __init__(self, items: list[BenchmarkItem]) -> None:
        self.items = items
        self.by_level = indicators_of_items(items)
        self.sources = sources()
        self.latest: dict[str, pd.DataFrame] = {}
        self.latest_by_code: dict[str, dict[str, dict]] = {}
        self.latest_as_of: dict[str, pd.Timestamp | None] = {}
        for code in dict.fromkeys(code for mapping in self.by_level.values() for code in mapping.values()):
            frame, as_of = latest(cells(code))
            self.latest[code], self.latest_as_of[code] = frame, as_of
            self.latest_by_code[code] = {record["government_code"]: record for record in frame.to_dict("records")}

    def answers(self, government_code: str, entity_type: str) -> dict[str, OfficialAnswer]:
        """The government's official answers; `entity_type` (its own) decides the level (prefecture or municipality)."""
        return official_answers(self.items, self.by_level[level_of(entity_type)], self.latest_by_code, government_code)

    def source(self, source_id: str) -> Source:
        return self.sources.get(source_id, Source(source_id, source_id))

    def with_real_peers(self, contexts: dict[str, PeerContext], entity_type: str) -> dict[str, PeerContext]:
        """The type's contexts, each yes/no item compared with the real governments of the type where the per-government
        table answers it on a date no older than 別紙1's peer year; otherwise 別紙1's group, with the reason."""
        mapping = self.by_level[level_of(entity_type)]
        result = {}
        for item in self.items:
            context = contexts[item.item_code]
            indicator = mapping.get(item.item_code)
            if indicator is None:
                result[item.item_code] = replace(context, besshi_reason="no_government_data")
                continue
            as_of = self.latest_as_of[indicator]
            if as_of is None:
                result[item.item_code] = replace(context, besshi_reason="government_date_undetermined")
            elif context.fiscal_year is not None and fiscal_year_of(as_of) < context.fiscal_year:
                result[item.item_code] = replace(context, besshi_reason="government_data_older",
                                                 government_data_as_of=pd.Timestamp(as_of).date())
            elif item.kind == "yes_no":
                result[item.item_code] = with_government_peers(context, self.base(indicator, entity_type))
            else:  # a per-government rate as recent as 別紙1: not met in the data today (rates are older or undated)
                result[item.item_code] = replace(context, besshi_reason="government_numbers")
        return result

    def base(self, indicator: str, entity_type: str) -> GovernmentBase:
        """How the governments of `entity_type` (their type in the fiscal year of the cells' date) answered."""
        frame, as_of = self.latest[indicator], self.latest_as_of[indicator]
        in_year = governments_in_year(fiscal_year_of(as_of), database_version())
        codes = tuple(sorted(in_year.government_code[in_year.entity_type == entity_type]))
        summary = answer_summary(Peers("type", entity_type, codes), frame[frame.government_code.isin(codes)])

        def named(found: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
            return tuple(zip(distinct_names(found, "ja"), distinct_names(found, "en")))

        source = self.source(str(frame.source_id.iloc[0])) if len(frame) else Source("", "")
        return GovernmentBase(indicator, pd.Timestamp(as_of).date(), summary.answered, summary.done,
                              named(summary.not_surveyed), named(summary.not_reported),
                              counter_ja(entity_type), source.ja, source.en)
