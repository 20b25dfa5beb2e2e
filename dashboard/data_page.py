"""What the data & sources page shows, prepared once per language and database version; the page only draws it."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from common.formatting import as_of_by_year
from common.texts import LANGUAGES, pick, text
from dashboard.db import query
from dashboard.notes import Notes, notes_for


@dataclass(frozen=True)
class IndicatorEntry:
    heading: str
    facts: str  # definition, unit, as-of dates, source and where 別紙1 prints it, one per line
    notes: Notes


@dataclass(frozen=True)
class DataPageModel:
    build_caption: str
    indicators: tuple[IndicatorEntry, ...]
    base_warnings: tuple[str, ...]  # why a base is below the census, once per reason
    bases: pd.DataFrame
    reconciliation_log: pd.DataFrame
    exception_notes: tuple[str, ...]
    body_figures: pd.DataFrame
    targets: pd.DataFrame


@st.cache_resource(max_entries=4, show_spinner=False)
def data_page_model(lang: str, version: tuple) -> DataPageModel:
    """`lang` and `version` key the cache; the frames inside are shared, and the page hands them to Streamlit only."""
    info = dict(query("build_info").values)
    caption = text("build_caption", lang, built_at=info["built_at"], digest=info["sources_sha256"][:16],
                   cells=info["published_cells"])
    entries = []
    for row in query("all_indicators").itertuples():
        facts = "\n".join([
            f"{text('definition', lang)}：{pick(row.definition_ja, row.definition_en, lang)}",
            f"{text('unit', lang)}：{'%' if row.unit == 'pct' else text('unit_cases', lang)}",
            f"{text('as_of', lang)}：{as_of_by_year(row.year_labels_en if lang == 'en' else row.year_labels_ja, row.as_of_dates, lang) or '－'}",
            f"{text('source', lang)}：{row.source_ja or '－'}",
            text("printed_in", lang, section=row.section_ja, first=row.printed_first_line, last=row.printed_last_line),
        ])
        entries.append(IndicatorEntry(f"{pick(row.topic_label_ja, row.topic_label_en, lang)} ｜ {pick(row.title_ja, row.title_en, lang)}",
                                      facts, notes_for([row.indicator_code], [], lang)))
    other = next(code for code in LANGUAGES if code != lang)  # its label columns are left out
    bases = query("all_responding_bases")
    reduced = bases[bases.reason_ja.notna() & (bases.base_unit == "entities")]
    warnings = tuple(pick(reason, rows.reason_en.iloc[0], lang) for reason, rows in reduced.groupby("reason_ja", sort=False))
    return DataPageModel(
        build_caption=caption,
        indicators=tuple(entries),
        base_warnings=warnings,
        bases=bases.drop(columns=["reason_ja", "reason_en"] + [f"indicator_label_{other}", f"group_label_{other}"]),
        reconciliation_log=query("reconciliation_log").drop(columns=[f"label_{other}"]),
        exception_notes=tuple(pick(row.reason_ja, row.reason_en, lang) for row in query("reconciliation_exceptions").itertuples()),
        body_figures=query("body_figures"),
        targets=query("targets"),
    )
