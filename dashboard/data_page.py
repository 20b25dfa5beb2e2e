"""What the data & sources page shows, prepared once per language and database version; the page only draws it."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from common.formatting import as_of_by_year, labelled
from common.texts import TEXTS, pick, text
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


# The tables of this page as people read them: which columns, in order; their headers and the labels of the codes they
# hold are in the text catalogue (data_<table>__<column>, data_code__<code>). An empty cell here means "does not apply"
# (no breakdown, no linked indicator), never a zero or an unpublished value.
COLUMNS: dict[str, tuple[str, ...]] = {
    "bases": (
        "indicator_label", "breakdown_code", "fiscal_year", "group_label", "base_unit", "census", "implied_base_min",
        "implied_base_max", "base_min", "base_max", "shortfall_min", "shortfall_max",
    ),
    "reconciliation_log": (
        "label", "check", "cells_checked", "failures",
    ),
    "body_figures": (
        "label", "fiscal_year", "as_of", "as_of_note", "group_label_printed", "value_printed", "unit", "qualifier",
        "quote", "line", "source_ja",
    ),
    "targets": (
        "label", "printed_value", "deadline", "scope", "quote", "line", "source_ja", "link_note",
    ),
}


def for_people(frame: pd.DataFrame, table: str, english: bool) -> pd.DataFrame:
    """The named columns only, codes shown as labels, headers in the UI language, and nothing shown as None."""
    lang = "en" if english else "ja"
    shown = frame[list(COLUMNS[table])].copy()
    for column in shown.columns:
        values = shown[column]
        if values.isna().any():  # the grid would print None: such a column is shown as text, blank where empty
            shown[column] = ["" if pd.isna(value) else _text(value, english) for value in values]
        elif not pd.api.types.is_numeric_dtype(values):
            shown[column] = [_text(value, english) for value in values]
    return shown.rename(columns={column: text(f"data_{table}__{column}", lang) for column in shown.columns})


def _text(value, english: bool) -> str:
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # 1788, not 1788.0 (a whole column of counts turns float when one is missing)
    key = f"data_code__{value}"
    return text(key, "en" if english else "ja") if isinstance(value, str) and key in TEXTS else str(value)


def _localised(frame: pd.DataFrame, english: bool, **columns: str) -> pd.DataFrame:
    """Add each column from its _ja / _en pair (e.g. label=label), English falling back to Japanese."""
    frame = frame.copy()
    for name, stem in columns.items():
        japanese = frame[f"{stem}_ja"]
        frame[name] = frame[f"{stem}_en"].fillna(japanese) if english else japanese
    return frame


@st.cache_resource(max_entries=4, show_spinner=False)
def data_page_model(lang: str, version: tuple) -> DataPageModel:
    """`lang` and `version` key the cache; the frames inside are shared, and the page hands them to Streamlit only."""
    info = dict(query("build_info").values)
    caption = text("build_caption", lang, built_at=info["built_at"], digest=info["sources_sha256"][:16],
                   cells=info["published_cells"])
    entries = []
    for row in query("all_indicators").itertuples():
        facts = "\n".join([
            labelled(text('definition', lang), pick(row.definition_ja, row.definition_en, lang), lang),
            labelled(text('unit', lang), '%' if row.unit == 'pct' else text('unit_cases', lang), lang),
            labelled(text('as_of', lang), as_of_by_year(row.year_labels_en if lang == 'en' else row.year_labels_ja, row.as_of_dates, lang) or '－', lang),
            labelled(text('source', lang), row.source_ja or '－', lang),
            text("printed_in", lang, section=row.section_ja, first=row.printed_first_line, last=row.printed_last_line),
        ])
        entries.append(IndicatorEntry(f"{pick(row.topic_label_ja, row.topic_label_en, lang)} ｜ {pick(row.title_ja, row.title_en, lang)}",
                                      facts, notes_for([row.indicator_code], [], lang)))
    english = lang == "en"
    bases = query("all_responding_bases")
    reduced = bases[bases.reason_ja.notna() & (bases.base_unit == "entities")]
    warnings = tuple(pick(reason, rows.reason_en.iloc[0], lang) for reason, rows in reduced.groupby("reason_ja", sort=False))
    return DataPageModel(
        build_caption=caption,
        indicators=tuple(entries),
        base_warnings=warnings,
        bases=for_people(_localised(bases, english, indicator_label="indicator_label", group_label="group_label"),
                         "bases", english),
        reconciliation_log=for_people(_localised(query("reconciliation_log"), english, label="label")
                                      .assign(check=lambda frame: frame.check_name), "reconciliation_log", english),
        exception_notes=tuple(pick(row.reason_ja, row.reason_en, lang) for row in query("reconciliation_exceptions").itertuples()),
        body_figures=for_people(_localised(query("body_figures"), english, label="label"), "body_figures", english),
        targets=for_people(_localised(query("targets"), english, label="label", deadline="deadline", scope="scope",
                                      link_note="link_note"), "targets", english),
    )
