"""The table beside each chart and its CSV: exactly the plotted rows, headers in the UI language, source and as-of columns."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from common.csv_export import ExportError, dataframe_to_csv_bytes, export_filename
from common.texts import pick, text
from dashboard.i18n import labelled_in_language, language
from etl.rounding import NOT_PUBLISHED, printed_number
from dashboard.url_state import ENCODING_PARAMETER, encoding_to_param, parse_encoding


@dataclass(frozen=True)
class Export:
    """What the download button serves. `problem` says why the chosen encoding could not be used (then data is UTF-8)."""

    data: bytes
    file_name: str
    problem: str | None


ENCODINGS = {"utf-8-sig": "UTF-8 (BOM)", "cp932": "Shift_JIS (cp932)"}  # names of encodings: the same in both languages


def encoding_choice(key: str) -> str:
    """The CSV encoding a reader wants: UTF-8 with BOM (Excel on Windows opens it correctly) or cp932 for older tools.
    Kept in the URL (`encoding=utf8|cp932`), so a shared link downloads the same files."""
    lang = language()
    if key not in st.session_state:
        st.session_state[key], refused = parse_encoding(st.query_params.get(ENCODING_PARAMETER))
        if refused:
            st.warning(text("url_notice", lang, param=ENCODING_PARAMETER), icon="⚠️")
    encoding = st.radio(text("encoding", lang), list(ENCODINGS), format_func=ENCODINGS.get, horizontal=True, key=labelled_in_language(key),
                        help=text("encoding_help", lang))
    if st.query_params.get(ENCODING_PARAMETER) != encoding_to_param(encoding):
        st.query_params[ENCODING_PARAMETER] = encoding_to_param(encoding)
    return encoding


def export_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The rows shown, as a reader and Excel should see them: numbers stay numbers with the printed digits; a value
    printed 「－」 is a blank cell, and a note column says so on its row."""
    columns: dict[str, pd.Series] = {}
    if frame.indicator_code.nunique() > 1:
        columns[text("indicator", lang)] = frame.indicator_label
    if frame.breakdown_code.notna().any():
        columns[text("item", lang)] = frame.item_label
    columns[text("fiscal_year", lang)] = frame.year_label
    columns[text("group", lang)] = frame.group_label
    columns[_value_column(frame, lang)] = [printed_number(value) for value in frame.value_printed]
    count_column = _count_column(frame, lang)
    if count_column:
        columns[count_column] = frame["count"].astype("Int64")
    unpublished = frame.value_printed.isna() | (frame.value_printed == NOT_PUBLISHED)
    if unpublished.any():
        columns[text("export_note", lang)] = [text("export_not_published", lang) if missing else "" for missing in unpublished]
    columns[text("as_of", lang)] = pd.to_datetime(frame.as_of).dt.strftime("%Y-%m-%d")
    columns[text("source", lang)] = frame.source_ja
    columns[text("source_line", lang)] = frame.source_line
    return pd.DataFrame(columns).reset_index(drop=True)


def shown_table(exported: pd.DataFrame, frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The table under a chart: `exported` (export_table of `frame`) with each value exactly as 別紙1 prints it (57.1,
    not 57.1000 as a table would format a float; 「－」 where nothing is published) and counts with thousands separators."""
    table = exported.copy()
    table[_value_column(frame, lang)] = frame.value_printed.fillna(NOT_PUBLISHED).to_numpy()
    count_column = _count_column(frame, lang)
    if count_column:
        table[count_column] = [f"{int(count):,}" if pd.notna(count) else "" for count in frame["count"]]
    return table


def _value_column(frame: pd.DataFrame, lang: str) -> str:
    unit = "%" if (frame.unit == "pct").all() else text("unit_cases", lang)
    return text("bracketed", lang, text=text("value", lang), note=unit)


def _count_column(frame: pd.DataFrame, lang: str) -> str | None:
    """The count column's heading where the rows print counts (団体数 or 枚数), else None."""
    count_units = set(frame.count_unit.dropna())
    return text("count_cards" if count_units == {"cards"} else "count_entities", lang) if count_units else None


def csv_export(table: pd.DataFrame, frame: pd.DataFrame, name: str, encoding: str, lang: str) -> Export:
    """The CSV of `table`, named after topic, years and groups; a cp932 failure falls back to UTF-8 and says which cell."""
    file_name = export_filename(name, sorted(set(frame.fiscal_year)), list(dict.fromkeys(frame.group_code)))
    try:
        return Export(dataframe_to_csv_bytes(table, encoding=encoding), file_name, None)
    except ExportError as error:
        problem = f"{text('cp932_failed', lang)} {pick(error.message_ja, error.message_en, lang)}"
        return Export(dataframe_to_csv_bytes(table, encoding="utf-8-sig"), file_name, problem)
