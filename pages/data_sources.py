"""データと出典: every indicator's definition, unit, as-of date, survey and notes; bases; checks; full downloads."""
import streamlit as st

from common.texts import text
from dashboard.data_page import data_page_model
from dashboard.db import DATABASE, database_version
from dashboard.exports import encoding_choice
from dashboard.full_dataset import full_dataset, read_file
from dashboard.i18n import language
from dashboard.markdown import md
from dashboard.routing import require_router

require_router()

lang = language()
model = data_page_model(lang, database_version())
st.title(text("nav_data", lang))
st.caption(model.build_caption)

st.header(text("downloads", lang))
encoding = encoding_choice("data__encoding")
files = full_dataset(encoding)
if files.problem:
    st.warning(files.problem, icon=":material/warning:")
columns = st.columns(3)
# Files are read on click (a callable), not on every run: the database alone is megabytes for Streamlit to hash.
if files.csv:
    columns[0].download_button(text("all_data_csv", lang), read_file(files.csv), "dx_facts_all.csv",
                               "text/csv", on_click="ignore", key="download_facts_csv")
if files.parquet:
    columns[1].download_button(text("all_data_parquet", lang), read_file(files.parquet),
                               "dx_facts_all.parquet", "application/vnd.apache.parquet", on_click="ignore",
                               key="download_facts_parquet")
columns[2].download_button(text("database_duckdb", lang), read_file(DATABASE), "dx.duckdb",
                           "application/octet-stream", on_click="ignore", key="download_duckdb")
st.caption(text("long_format_note", lang))

st.header(text("indicator_definitions", lang))
for entry in model.indicators:
    with st.expander(md(entry.heading)):  # a widget label is markdown; the title is source text
        st.text(entry.facts)
        if entry.notes.printed:
            st.markdown(f"**{text('printed_notes', lang)}**")
            st.text("\n".join(entry.notes.printed))
        if entry.notes.transcription:
            st.markdown(f"**{text('transcription_notes', lang)}**")
            for note in entry.notes.transcription:
                st.text(note)

st.header(text("base_notes", lang))
st.write(text("base_method", lang))
for warning in model.base_warnings:
    st.warning(warning, icon=":material/info:")
st.dataframe(model.bases, hide_index=True, width="stretch")

st.header(text("reconciliation_checks", lang))
st.dataframe(model.reconciliation_log, hide_index=True, width="stretch")
for note in model.exception_notes:
    st.info(note, icon=":material/rule:")

st.header(text("body_figures_targets", lang))
st.dataframe(model.body_figures, hide_index=True, width="stretch")
st.dataframe(model.targets, hide_index=True, width="stretch")
