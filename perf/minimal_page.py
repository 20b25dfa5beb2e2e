"""The least a Streamlit script can do to show what a page shows: draw its charts, tables and downloads from memory."""
import streamlit as st

from perf.stash import ELEMENTS

for number, figure in enumerate(ELEMENTS["figures"]):
    st.plotly_chart(figure, width="stretch", key=f"chart{number}")
for table in ELEMENTS["tables"]:
    st.dataframe(table, hide_index=True)
for number, data in enumerate(ELEMENTS["downloads"]):
    st.download_button("CSV", data=data, file_name="x.csv", key=f"download{number}", on_click="ignore")
