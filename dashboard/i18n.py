"""The session's UI language: Japanese first, English on request (the URL's `lang` or the sidebar switch).
The words themselves are in common/texts/; callers pass this language to `text`."""
from __future__ import annotations

import streamlit as st

from common.texts import LANGUAGES, text
from dashboard.url_state import parse_language

LANGUAGE_KEY = "ui_language"            # the session's language: plain state, kept whatever a run draws
LANGUAGE_SWITCH_KEY = "language_switch"  # the sidebar radio, which mirrors it
LANGUAGE_NAMES = {"ja": "日本語", "en": "English"}  # each in its own language


def language() -> str:
    value = st.session_state.get(LANGUAGE_KEY, "ja")
    return value if value in LANGUAGES else "ja"


def restore_language() -> list[str]:
    """Take the language from the URL on a session's first run; returns refused parameters to report."""
    if LANGUAGE_KEY in st.session_state:
        return []
    value, refused = parse_language(st.query_params.get("lang"))
    st.session_state[LANGUAGE_KEY] = value
    return ["lang"] if refused else []


def language_switch() -> None:
    """The sidebar's 日本語 / English radio. Widget state is dropped on any run that does not draw the widget, so the
    choice itself lives in LANGUAGE_KEY and the radio only mirrors it."""
    st.session_state[LANGUAGE_SWITCH_KEY] = language()
    st.radio(text("language", language()), LANGUAGES, format_func=LANGUAGE_NAMES.get, key=LANGUAGE_SWITCH_KEY,
             horizontal=True, on_change=lambda: st.session_state.update({LANGUAGE_KEY: st.session_state[LANGUAGE_SWITCH_KEY]}))
