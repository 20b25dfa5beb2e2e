"""データと出典: every indicator's definition, unit, as-of date, survey and notes; bases; checks; full downloads."""
import streamlit as st

from dashboard.data_page import data_page_model
from dashboard.db import DATABASE, database_version
from dashboard.exports import encoding_choice
from dashboard.full_dataset import full_dataset, read_file
from dashboard.i18n import language, t
from dashboard.routing import require_router

require_router()

lang = language()
english = lang == "en"
model = data_page_model(lang, database_version())
st.title(t("nav_data"))
st.caption(model.build_caption)

st.header("ダウンロード" if not english else "Downloads")
encoding = encoding_choice("data__encoding")
files = full_dataset(encoding)
if files.problem:
    st.warning(files.problem, icon=":material/warning:")
columns = st.columns(3)
# Files are read on click (a callable), not on every run: the database alone is megabytes for Streamlit to hash.
if files.csv:
    columns[0].download_button("全データ（CSV）" if not english else "All data (CSV)", read_file(files.csv), "dx_facts_all.csv",
                               "text/csv", on_click="ignore", key="download_facts_csv")
if files.parquet:
    columns[1].download_button("全データ（Parquet）" if not english else "All data (Parquet)", read_file(files.parquet),
                               "dx_facts_all.parquet", "application/vnd.apache.parquet", on_click="ignore",
                               key="download_facts_parquet")
columns[2].download_button("データベース（DuckDB）" if not english else "Database (DuckDB)", read_file(DATABASE), "dx.duckdb",
                           "application/octet-stream", on_click="ignore", key="download_duckdb")
st.caption("CSVは縦持ち（1行1数値）。「value」が空欄の行は資料に「－」と印字された未公表の値で、0ではありません。"
           if not english else "Long format, one published number per row. An empty value is printed 「－」 (not published), not zero.")

st.header("指標の定義・時点・出典" if not english else "Indicators: definitions, dates and sources")
for entry in model.indicators:
    with st.expander(entry.heading):
        st.text(entry.facts)
        if entry.notes.printed:
            st.markdown(f"**{t('printed_notes')}** {t('printed_notes_language') if english else ''}")
            st.text("\n".join(entry.notes.printed))
        if entry.notes.transcription:
            st.markdown(f"**{t('transcription_notes')}**")
            for note in entry.notes.transcription:
                st.text(note)

st.header(t("base_notes"))
st.write("割合と団体数の両方が印字されている数値について、団体数÷割合から母数を導き、全団体数（国の区分ごとの団体数）と照合しています。"
         if not english else "Where both a share and a count are printed, the base is derived from count ÷ share and compared "
         "with the number of entities in the group.")
for warning in model.base_warnings:
    st.warning(warning, icon=":material/info:")
st.dataframe(model.bases, hide_index=True, width="stretch")

st.header("照合（再集計による検算）" if not english else "Reconciliation checks")
st.dataframe(model.reconciliation_log, hide_index=True, width="stretch")
for note in model.exception_notes:
    st.info(note, icon=":material/rule:")

st.header("本文の数値と目標" if not english else "Figures and targets in the body text")
st.dataframe(model.body_figures, hide_index=True, width="stretch")
st.dataframe(model.targets, hide_index=True, width="stretch")
