"""The minimal script of the page benchmark: a multipage app with as many pages as ours, whose page draws, from
memory, every element one of our pages drew (see perf/replay.py). Our code's cost is what a page takes beyond this."""
import streamlit as st

from perf.replay import replay
from perf.stash import ELEMENTS


def recorded_page() -> None:
    replay(ELEMENTS["main"], "m")


with st.sidebar:
    replay(ELEMENTS["sidebar"], "s")
pages = [st.Page(recorded_page, title="page", default=True)]
pages += [st.Page(lambda: None, title=f"other {number}", url_path=f"other{number}") for number in range(ELEMENTS["pages"] - 1)]
st.navigation(pages).run()
