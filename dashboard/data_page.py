"""What the data & sources page shows, prepared once per language and database version; the page only draws it."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard.db import query
from dashboard.formatting import as_of_by_year
from dashboard.i18n import pick, t
from dashboard.notes import Notes, indicator_context


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
    english = lang == "en"
    info = dict(query("build_info").values)
    caption = ("ビルド日時 {built_at}（UTC）・元データのSHA-256 {digest}…・公表数値 {cells}件" if not english else
               "Built {built_at} (UTC) · sources SHA-256 {digest}… · {cells} published numbers").format(
        built_at=info["built_at"], digest=info["sources_sha256"][:16], cells=info["published_cells"])
    entries = []
    for row in query("all_indicators").itertuples():
        facts = "\n".join([
            f"{'定義' if not english else 'Definition'}：{pick(row.definition_ja, row.definition_en)}",
            f"{'単位' if not english else 'Unit'}：{'%' if row.unit == 'pct' else ('件' if not english else 'cases')}",
            f"{t('as_of')}：{as_of_by_year(row.year_labels_en if english else row.year_labels_ja, row.as_of_dates, lang) or '－'}",
            f"{t('source')}：{row.source_ja or '－'}",
            t("printed_in", section=row.section_ja, first=row.printed_first_line, last=row.printed_last_line),
        ])
        entries.append(IndicatorEntry(f"{pick(row.topic_label_ja, row.topic_label_en)} ｜ {pick(row.title_ja, row.title_en)}",
                                      facts, indicator_context(row.indicator_code, lang, version)[0]))
    bases = query("all_responding_bases")
    reduced = bases[bases.reason_ja.notna() & (bases.base_unit == "entities")]
    warnings = tuple(pick(reason, rows.reason_en.iloc[0]) for reason, rows in reduced.groupby("reason_ja", sort=False))
    return DataPageModel(
        build_caption=caption,
        indicators=tuple(entries),
        base_warnings=warnings,
        bases=bases.drop(columns=["reason_ja", "reason_en"] + (["indicator_label_ja", "group_label_ja"] if english else
                                                              ["indicator_label_en", "group_label_en"])),
        reconciliation_log=query("reconciliation_log").drop(columns=["label_en"] if not english else ["label_ja"]),
        exception_notes=tuple(pick(row.reason_ja, row.reason_en) for row in query("reconciliation_exceptions").itertuples()),
        body_figures=query("body_figures"),
        targets=query("targets"),
    )
