"""What the data & sources page shows, prepared once per language and database version; the page only draws it."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from common.formatting import as_of_by_year
from common.texts import pick, text
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


# The tables of this page as people read them: which columns, headed in the UI language, codes replaced by labels. An
# empty cell here means "does not apply" (no breakdown, no linked indicator), never a zero or an unpublished value.
COLUMNS: dict[str, dict[str, tuple[str, str]]] = {
    "bases": {"indicator_label": ("指標", "Indicator"), "breakdown_code": ("項目コード", "Item code"),
              "fiscal_year": ("年度", "Fiscal year"), "group_label": ("区分", "Group"), "base_unit": ("母数の単位", "Base unit"),
              "census": ("全団体数", "Entities in the group"), "implied_base_min": ("導かれた母数（最小）", "Implied base (min)"),
              "implied_base_max": ("導かれた母数（最大）", "Implied base (max)"), "base_min": ("採用した母数（最小）", "Base used (min)"),
              "base_max": ("採用した母数（最大）", "Base used (max)"), "shortfall_min": ("全団体数との差（最小）", "Shortfall (min)"),
              "shortfall_max": ("全団体数との差（最大）", "Shortfall (max)")},
    "reconciliation_log": {"label": ("指標", "Indicator"), "check": ("検算の内容", "Check"),
                           "cells_checked": ("検算した数値の数", "Numbers checked"), "failures": ("不一致", "Failures")},
    "body_figures": {"label": ("数値", "Figure"), "fiscal_year": ("年度", "Fiscal year"), "as_of": ("時点", "As of"),
                     "as_of_note": ("時点の根拠", "As-of evidence"), "group_label_printed": ("区分（印字）", "Group (as printed)"),
                     "value_printed": ("値（印字）", "Value (as printed)"), "unit": ("単位", "Unit"),
                     "qualifier": ("限定", "Qualifier"), "quote": ("本文の引用", "Quote"), "line": ("行", "Line"),
                     "source_ja": ("出典", "Source")},
    "targets": {"label": ("目標", "Target"), "printed_value": ("目標値（印字）", "Target (as printed)"),
                "deadline": ("期限", "Deadline"), "scope": ("対象", "Scope"), "quote": ("本文の引用", "Quote"),
                "line": ("行", "Line"), "source_ja": ("出典", "Source"), "link_note": ("別紙1の数値との関係", "Relation to 別紙1")},
}
CODE_LABELS: dict[str, tuple[str, str]] = {
    "printed_where_cited": ("引用した行に印字されている", "Printed on the line cited"),
    "percentages_in_range": ("割合が0〜100%", "Shares between 0 and 100%"),
    "counts_within_group_size": ("団体数が区分の団体数以内", "Counts within the group's size"),
    "subgroup_counts_sum_to_total": ("内訳の団体数の和が合計に一致", "Sub-group counts add up to the total"),
    "percentages_match_counts": ("団体数÷母数が印字の割合に一致", "Count ÷ base gives the printed share"),
    "implied_populations_agree": ("交付率・保有率の人口の母数が一致", "Card rates agree on their population base"),
    "small_group_shares_are_fractions": ("少数の区分の割合が「k÷団体数」になる", "Small groups' shares are k out of their size"),
    "cases_are_whole_numbers": ("件数が整数", "Case counts are whole numbers"),
    "total_within_subgroup_range": ("合計の割合が内訳の範囲内", "Total share lies within its parts"),
    "total_matches_weighted_subgroups": ("合計の割合が内訳の加重平均に一致", "Total share equals its parts weighted by size"),
    "band_shares_sum_to_100": ("区分の割合の和が100%", "Band shares add up to 100%"),
    "no_figures_published": ("数値の掲載なし（見出しのみ）", "No figures published (heading only)"),
    "entities": ("団体", "entities"), "population": ("人口", "population"), "pct": ("%", "%"),
    "more_than": ("超", "more than"),
}


def for_people(frame: pd.DataFrame, table: str, english: bool) -> pd.DataFrame:
    """The named columns only, codes shown as labels, headers in the UI language, and nothing shown as None."""
    headers = COLUMNS[table]
    shown = frame[list(headers)].copy()
    for column in shown.columns:
        values = shown[column]
        if values.isna().any():  # the grid would print None: such a column is shown as text, blank where empty
            shown[column] = ["" if pd.isna(value) else _text(value, english) for value in values]
        elif not pd.api.types.is_numeric_dtype(values):
            shown[column] = [_text(value, english) for value in values]
    return shown.rename(columns={column: labels[english] for column, labels in headers.items()})


def _text(value, english: bool) -> str:
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # 1788, not 1788.0 (a whole column of counts turns float when one is missing)
    return CODE_LABELS[value][english] if isinstance(value, str) and value in CODE_LABELS else str(value)


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
            f"{text('definition', lang)}：{pick(row.definition_ja, row.definition_en, lang)}",
            f"{text('unit', lang)}：{'%' if row.unit == 'pct' else text('unit_cases', lang)}",
            f"{text('as_of', lang)}：{as_of_by_year(row.year_labels_en if lang == 'en' else row.year_labels_ja, row.as_of_dates, lang) or '－'}",
            f"{text('source', lang)}：{row.source_ja or '－'}",
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
