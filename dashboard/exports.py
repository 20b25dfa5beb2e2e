"""The table beside each chart and its CSV: exactly the plotted rows, headers in the UI language, source and as-of columns."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.csv_export import ExportError, dataframe_to_csv_bytes, export_filename
from dashboard.i18n import language, t


def export_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows shown, as a reader and Excel should see them. Numbers stay numbers; a blank means not published."""
    several_indicators = frame.indicator_code.nunique() > 1
    has_items = frame.breakdown_code.notna().any()
    count_units = set(frame.count_unit.dropna())
    columns: dict[str, pd.Series] = {}
    if several_indicators:
        columns[t("indicator")] = frame.indicator_label
    if has_items:
        columns[t("item")] = frame.item_label
    columns[t("fiscal_year")] = frame.year_label
    columns[t("group")] = frame.group_label
    unit = "%" if (frame.unit == "pct").all() else ("件" if language() == "ja" else "cases")
    columns[f"{t('value')}（{unit}）" if language() == "ja" else f"{t('value')} ({unit})"] = frame.value
    if count_units:
        key = "count_cards" if count_units == {"cards"} else "count_entities"
        columns[t(key)] = frame["count"].astype("Int64")
    columns[t("as_of")] = pd.to_datetime(frame.as_of).dt.strftime("%Y-%m-%d")
    columns[t("source")] = frame.source_ja
    columns[t("source_line")] = frame.source_line
    return pd.DataFrame(columns).reset_index(drop=True)


def export_panel(spec, panel, frame: pd.DataFrame, encoding: str, key: str) -> None:
    """Show the chart's table and offer it as CSV; a cp932 failure says which cell and keeps the UTF-8 download."""
    table = export_table(frame)
    with st.expander(t("table_of_chart"), expanded=False):
        st.dataframe(table, hide_index=True, width="stretch")
    file_name = export_filename(panel.export_name or frame.indicator_code.iloc[0], sorted(set(frame.fiscal_year)),
                                list(dict.fromkeys(frame.group_code)))
    try:
        data = dataframe_to_csv_bytes(table, encoding=encoding)
    except ExportError as error:
        st.error(f"{t('cp932_failed')} {error.message_ja if language() == 'ja' else error.message_en}")
        data, encoding = dataframe_to_csv_bytes(table, encoding="utf-8-sig"), "utf-8-sig"
    st.download_button(t("download_csv"), data=data, file_name=file_name, mime="text/csv", key=key, on_click="ignore",
                       icon=":material/download:")
