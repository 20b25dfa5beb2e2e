"""The overview's tiles: each topic's headline series, its latest change and the distance to any target that applies."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from common.fiscal_years import format_fiscal_year
from common.formatting import bracketed, format_count, format_date, format_points, gap_joined
from common.texts import pick, text
from dashboard import charts
from dashboard.db import query


@dataclass(frozen=True)
class Headline:
    """Which published series stands for a topic on the overview (the national or widest group the table prints)."""

    topic_code: str
    indicator_code: str
    breakdown_code: str | None
    group_code: str


HEADLINES = (
    Headline("governance", "governance_cross_departmental", None, "all"),
    Headline("frontyard", "frontyard_initiatives", "online_application", "muni"),
    Headline("standardization", "standardization_progress", "completed", "muni"),
    Headline("mynumber", "mynumber_issued", None, "all"),
    Headline("security", "security_organisation", "ciso_appointed", "all"),
    Headline("ai", "ai_adoption", None, "muni_other"),
    Headline("rpa", "rpa_adoption", None, "muni_other"),
    Headline("telework", "telework_adoption", None, "all"),
)


@dataclass(frozen=True)
class Tile:
    topic: str
    subject: str
    year: str
    value: str
    delta: str | None
    delta_description: str | None
    detail: str
    sparkline: go.Figure | None
    targets: tuple[tuple[str, str], ...]  # (heading in markdown, note)


@st.cache_resource(max_entries=8, show_spinner=False)
def overview_tiles(lang: str, version: tuple) -> tuple[Tile, ...]:
    """All tiles; `lang` and `version` are the cache key. The topic without figures gets a tile saying so."""
    topics = query("topics").set_index("topic_code")
    tiles = [headline_tile(headline, topics, lang) for headline in HEADLINES]
    for code in topics.index[~topics.has_figures]:
        tiles.append(Tile(pick(topics.at[code, "label_ja"], topics.at[code, "label_en"], lang), "別紙1", "",
                          text("not_published_short", lang), None, None, text("digital_divide_note", lang), None, ()))
    return tuple(tiles)


def headline_tile(headline: Headline, topics: pd.DataFrame, lang: str) -> Tile:
    rows = series(headline)
    latest = rows.iloc[-1]
    change = change_in_points(rows)
    counted = format_count(latest["count"], latest.count_unit, lang)
    previous_year = int(rows.fiscal_year.iloc[-2]) if change is not None else None
    previous = text("change_since_year", lang, year=format_fiscal_year(previous_year, lang)) if change is not None else None
    targets = [((':material/flag: ' if target.measured else '')
                + text('sentence_join', lang, first=bracketed(f"**{text('target', lang)}**", target.deadline, lang), second=target.label), target.note)
               for target in topic_targets(headline, rows, lang)]
    return Tile(
        topic=pick(topics.at[headline.topic_code, "label_ja"], topics.at[headline.topic_code, "label_en"], lang),
        subject=headline_label(headline, latest, lang),
        year=pick(latest.fiscal_year_label_ja, latest.fiscal_year_label_en, lang),
        value=f"{latest.value_printed}%",
        delta=format_points(float(change), lang) if change is not None else None,
        delta_description=previous,
        detail=gap_joined([counted, text('dated', lang, date=format_date(latest.as_of, lang)), latest.source_ja], lang),
        sparkline=charts.as_drawn(charts.sparkline([pick(a, b, lang) for a, b in zip(rows.fiscal_year_label_ja, rows.fiscal_year_label_en)],
                                                   list(rows.value))) if len(rows) > 1 else None,
        targets=tuple(targets),
    )


@dataclass(frozen=True)
class TargetLine:
    deadline: str
    label: str
    note: str  # the distance from the latest printed value where the headline measures the target, and how it relates
    measured: bool


def topic_targets(headline: Headline, rows: pd.DataFrame, lang: str) -> list[TargetLine]:
    """A topic's targets: those its headline series measures first, with the gap in points from the latest value."""
    lines = [TargetLine(pick(target.deadline_ja, target.deadline_en, lang), pick(target.label_ja, target.label_en, lang),
                        text("target_gap", lang, gap=gap) + " " + pick(target.link_note_ja, target.link_note_en, lang), True)
             for target, gap in measured_targets(headline, rows)]
    return lines + [TargetLine(pick(target.deadline_ja, target.deadline_en, lang), pick(target.label_ja, target.label_en, lang),
                               pick(target.link_note_ja, target.link_note_en, lang), False)
                    for target in other_targets(headline)]


def targets_of_topics(topic_codes: tuple[str, ...], lang: str) -> list[TargetLine]:
    """Every target of the topics, once each (AI and RPA share a page), for a topic page."""
    lines: list[TargetLine] = []
    for headline in HEADLINES:
        if headline.topic_code in topic_codes:
            lines += [line for line in topic_targets(headline, series(headline), lang) if line not in lines]
    return lines


def series(headline: Headline) -> pd.DataFrame:
    return query("indicator_series", indicator_code=headline.indicator_code, group_code=headline.group_code,
                 breakdown_code=headline.breakdown_code).dropna(subset=["value"])


def headline_label(headline: Headline, latest: pd.Series, lang: str) -> str:
    """「DXを推進するための全庁的・横断的な推進体制を構築している自治体 ・ 全自治体」"""
    meta = query("indicator_meta", indicator_code=headline.indicator_code).iloc[0]
    parts = [pick(meta.label_ja, meta.label_en, lang)]
    if headline.breakdown_code:
        parts.append(pick(latest.breakdown_label_ja, latest.breakdown_label_en, lang))
    parts.append(pick(latest.group_label_ja, latest.group_label_en, lang))
    return " ・ ".join(parts)


def change_in_points(rows: pd.DataFrame) -> Decimal | None:
    """Latest minus previous published value, exact on the printed digits (66.3 − 50.4 = 15.9, never 15.899999)."""
    if len(rows) < 2:
        return None
    return Decimal(rows.value_printed.iloc[-1]) - Decimal(rows.value_printed.iloc[-2])


def _targets(topic_code: str) -> pd.DataFrame:
    targets = query("targets")
    # private-sector targets (民間企業) are not comparable with local governments: they stay on the data page
    return targets[(targets.topic_code == topic_code) & (targets.scope_ja != "民間企業")]


def _measures(target, headline: Headline) -> bool:
    return (target.indicator_code == headline.indicator_code and target.indicator_group_code == headline.group_code
            and (target.indicator_breakdown_code or None) == headline.breakdown_code)


def measured_targets(headline: Headline, rows: pd.DataFrame) -> list[tuple]:
    """Targets this headline series measures, with the gap in points from its latest printed value."""
    return [(target, Decimal(str(target.target_value)) - Decimal(rows.value_printed.iloc[-1]))
            for target in _targets(headline.topic_code).itertuples()
            if _measures(target, headline) and target.target_unit == "pct" and not rows.empty]


def other_targets(headline: Headline) -> list:
    return [target for target in _targets(headline.topic_code).itertuples() if not _measures(target, headline)]
