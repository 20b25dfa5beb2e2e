"""The minimal script of the page benchmark: a multipage app with the same page configuration and navigation sections
as ours, whose page draws, from memory, every element one of our pages drew (see perf/replay.py). Our code's cost is
what a page takes beyond this."""
import streamlit as st

from perf.replay import replay
from perf.stash import ELEMENTS


def recorded_page() -> None:
    replay(ELEMENTS["main"], "m")


st.set_page_config(page_title="page", page_icon=":material/monitoring:", layout="wide")
with st.sidebar:
    replay(ELEMENTS["sidebar"], "s")
sections, number = {}, 0
for section, size in enumerate(ELEMENTS["sections"]):
    entries = []
    for _ in range(size):
        entries.append(st.Page(recorded_page, title="page", default=True) if number == 0 else
                       st.Page(lambda: None, title=f"other {number}", url_path=f"other{number}"))
        number += 1
    sections[f"section {section}"] = entries
st.navigation(sections).run()
