"""概要: a tile per topic with the latest national figure, the change from the previous year, any target, and a trend."""
import streamlit as st

from common.texts import text
from dashboard.db import database_version
from dashboard.i18n import language
from dashboard.overview import overview_tiles
from dashboard.routing import require_router

require_router()

lang = language()
st.title(text("app_title", lang))
st.write(text("overview_intro", lang))
tiles = overview_tiles(lang, database_version())
columns = st.columns(3)
for index, tile in enumerate(tiles):
    with columns[index % 3].container(border=True):
        st.markdown(f"##### {tile.topic}")
        st.caption(tile.subject)
        st.metric(label=tile.year or "別紙1", value=tile.value, delta=tile.delta, delta_description=tile.delta_description,
                  delta_arrow="off" if tile.delta and tile.delta.startswith("0.0") else "auto")
        st.caption(tile.detail)
        if tile.sparkline is not None:
            st.plotly_chart(tile.sparkline, config={"displayModeBar": False}, width="stretch", key=f"spark_{index}")
        for heading, note in tile.targets:
            st.caption(heading)
            st.caption(note)
st.caption(text("overview_footnote", lang))
