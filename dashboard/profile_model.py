"""Everything a government's profile shows, built once per government, language and database version (a shared,
read-only resource: published data and values computed from it, nothing a user typed)."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import peer_text
from common.csv_export import dataframe_to_csv_bytes
from dashboard.db import database_version, query
from common.formatting import format_date, gap_joined, labelled, sources_joined
from dashboard.government_data import (SAME_IN_BESSHI1, attributions, cells, fiscal_year_of, governments,
                                       governments_in_year, indicators, iso_date, latest, name)
from common.texts import pick, text
from dashboard.i18n import language
from dashboard.profile_charts import mynumber_figure
from governments.peers import NOT_REPORTED, answer_summary, is_answer_indicator, number_summary, peer_sets, statuses_of

ONLINE_RATE_CONCEPT = "online_application_rate"


@dataclass(frozen=True)
class Header:
    code: str
    title: str
    other_names: str  # kana and romanised name (or the Japanese name in English)
    type_label: str
    prefecture_label: str
    prefecture_code: str
    is_prefecture: bool
    population: str


@dataclass(frozen=True)
class Section:
    """A table with its sentences, source and caveats."""

    title: str
    table: pd.DataFrame
    sentences: tuple[str, ...] = ()
    caption: str = ""
    more_sentences: tuple[str, ...] = ()  # the comparisons with the other peer sets, folded away


@dataclass(frozen=True)
class Profile:
    header: Header
    indicators: Section | None
    mynumber: tuple[go.Figure, Section] | None
    online: Section | None
    later: tuple[Section, ...]
    csv: bytes
    file_name: str


def header(code: str) -> Header:
    row = governments().loc[code]
    is_prefecture = row.entity_type == "pref"
    other = " ／ ".join(part for part in (row.name_kana, row.name_en) if part) if language() == "ja" \
        else " / ".join(part for part in (row.name_ja, row.name_kana) if part)
    population = (text("population_value", language(), population=f"{int(row.population):,}", date=format_date(row.population_as_of, language()))
                  if pd.notna(row.population) else text("population_missing", language()))
    return Header(code, name(row), other, pick(row.type_label_ja, row.type_label_en, language()), pick(row.prefecture_ja, row.prefecture_en, language()),
                  row.prefecture_code, is_prefecture, population)


def _peers_on(code: str, as_of) -> tuple[tuple, str]:
    """(peer sets, type code) of a government with the types of the fiscal year of `as_of`."""
    in_year = governments_in_year(fiscal_year_of(as_of), database_version())
    return peer_sets(code, in_year), in_year.at[code, "entity_type"]


def _type_labels() -> dict[str, str]:
    labels = query("benchmark_entity_types")
    return {r.entity_type: pick(r.label_ja, r.label_en, language()) for r in labels.itertuples()}


def _latest_with_peers(head: Header, chosen: pd.DataFrame):
    """Each chosen indicator with cells: its latest cells, their date, and the peer sets on that date (built once per
    date) with the government's type then."""
    memo = {}
    for indicator in chosen.itertuples():
        frame = cells(indicator.indicator_code)
        if frame.empty:
            continue
        frame, as_of = latest(frame)
        if as_of not in memo:
            memo[as_of] = _peers_on(head.code, as_of)
        yield (indicator, frame, as_of, *memo[as_of])


def indicator_section(head: Header) -> Section | None:
    """Every Digital Agency indicator of the government's level, its value beside each peer set, one sentence per set."""
    meta = indicators()
    level = "pref" if head.is_prefecture else "muni"
    chosen = meta[(meta.level == level) & (meta.concept_code != ONLINE_RATE_CONCEPT) & (meta.source_id == "digital_agency_dx_table")]
    rows, sentences, more, headings = [], [], [], None
    types = _type_labels()
    for indicator, frame, as_of, sets, entity_type in _latest_with_peers(head, chosen):
        type_label = types.get(entity_type, head.type_label)
        own = statuses_of(frame).get(head.code, NOT_REPORTED)
        label = pick(indicator.label_ja.strip(), indicator.label_en, language())
        answer = is_answer_indicator(frame)
        cells_text, said = [], []
        for peers in sets:
            if answer:
                summary = answer_summary(peers, frame)
                cells_text.append(peer_text.answer_cell(summary))
                said.append(peer_text.answer_sentence(label, own, summary, as_of, type_label, head.prefecture_label))
            else:
                summary = number_summary(peers, frame, head.code)
                cells_text.append(peer_text.number_cell(summary, indicator.unit))
                said.append(peer_text.number_sentence(label, own, summary, indicator.unit, as_of, type_label, head.prefecture_label))
        headings = headings or [peer_text.peer_heading(p, type_label, head.prefecture_label) for p in sets]
        rows.append([pick(indicator.category_ja, indicator.category_en, language()), label, peer_text.status_text(own),
                     iso_date(as_of), *cells_text])
        sentences.append(said[0])
        more += said[1:]
    if not rows:
        return None
    columns = [text("item", language()), text("indicator", language()), text("answer_or_value", language()), text("as_of", language()), *headings]
    return Section(text("indicators_heading", language()), pd.DataFrame(rows, columns=columns), tuple(sentences),
                   gap_joined([*attributions(["digital_agency_dx_table"]), text("computed_note", language())], language()), tuple(more))


def online_section(head: Header) -> Section | None:
    """The online application rate of each procedure the government's level reports: its own, the type peers' median."""
    meta = indicators()
    level = "pref" if head.is_prefecture else "muni"
    chosen = meta[(meta.level == level) & (meta.concept_code == ONLINE_RATE_CONCEPT)]
    if chosen.empty:
        return None
    rows, reported = [], 0
    types = _type_labels()
    type_label = head.type_label
    for indicator, frame, as_of, sets, entity_type in _latest_with_peers(head, chosen):
        type_peers = sets[0]
        type_label = types.get(entity_type, head.type_label)
        summary = number_summary(type_peers, frame, head.code)
        own = statuses_of(frame).get(head.code, NOT_REPORTED)
        reported += own not in (NOT_REPORTED, "not_applicable")
        rows.append([pick(indicator.label_ja.strip(), indicator.label_en, language()), peer_text.status_text(own),
                     peer_text.number_text(summary.median, "pct"), summary.reported, iso_date(as_of)])
    columns = [text("procedure", language()), text("own_rate", language()), text("peer_median_rate", language(), peer=type_label), text("peer_reporting", language()), text("as_of", language())]
    return Section(text("online_heading", language()), pd.DataFrame(rows, columns=columns), (text("online_reported", language(), count=reported, total=len(chosen)),),
                   gap_joined([*attributions(["digital_agency_dx_table"]), text("computed_note", language())], language()))


def later_sections(head: Header) -> tuple[Section, ...]:
    """For each indicator that 別紙1 also prints: the figures of the finest published group containing this type."""
    meta = indicators()
    level = "pref" if head.is_prefecture else "muni"
    entity_type = governments().at[head.code, "entity_type"]
    sections = []
    for concept, besshi_code in SAME_IN_BESSHI1.items():
        if not ((meta.level == level) & (meta.concept_code == concept)).any():
            continue
        facts = query("government_later_facts", entity_type=entity_type, indicator_code=besshi_code)
        if facts.empty:
            continue
        english = language() == "en"
        title = pick(*query("indicator_meta", indicator_code=besshi_code)[["title_ja", "title_en"]].iloc[0], language())
        table = pd.DataFrame({
            text("fiscal_year", language()): facts.fiscal_year_label_en if english else facts.fiscal_year_label_ja,
            text("group", language()): facts.group_label_en if english else facts.group_label_ja,
            text("value", language()): [f"{v}%" if u == "pct" else v for v, u in zip(facts.value_printed, facts.unit)],
            # 団体数 or 枚数, as the table prints its counts
            text("count_cards" if set(facts.count_unit.dropna()) == {"cards"} else "count_entities", language()):
                [f"{int(c):,}" if pd.notna(c) else "" for c in facts["count"]],
            text("as_of", language()): pd.to_datetime(facts.as_of).dt.strftime("%Y-%m-%d"),
            text("source_line", language()): facts.source_line,
        })
        group = pick(facts.group_label_ja.iloc[-1], facts.group_label_en.iloc[-1], language())
        sections.append(Section(title, table, (), gap_joined([text("later_caption", language(), group=group), labelled(text('source', language()), sources_joined(facts.source_ja, language()), language())], language())))
    return tuple(sections)


def profile_csv(head: Header, parts: list[Section]) -> bytes:
    """One long table: section, then each section's own columns (a blank where a section has no such column)."""
    frames = [section.table.assign(**{text("section", language()): section.title}) for section in parts]
    frame = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    if not frame.empty:
        frame = frame[[text("section", language()), *[c for c in frame.columns if c != text("section", language())]]]
    frame.insert(0, text("government_code", language()), head.code)
    frame.insert(1, text("municipality", language()), head.title)
    return dataframe_to_csv_bytes(frame, encoding="utf-8-sig")


@st.cache_resource(max_entries=256, show_spinner=False)
def build_profile(code: str, lang: str, version: tuple) -> Profile:
    """`lang` and `version` key the cache."""
    head = header(code)
    main = indicator_section(head)
    online = online_section(head)
    later = later_sections(head)
    drawn = mynumber_figure(head)
    parts = [part for part in (main, online, drawn[1] if drawn else None, *later) if part is not None]
    return Profile(head, main, drawn, online, later, profile_csv(head, parts), f"profile_{code}.csv")
