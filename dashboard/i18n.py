"""The session's UI language: Japanese first, English on request (the URL's `lang` or the sidebar switch).
The words themselves are in common/texts/; callers pass this language to `text`."""
from __future__ import annotations

import streamlit as st

from common.texts import LANGUAGES, text
from dashboard.url_state import parse_language

LANGUAGE_KEY = "ui_language"            # the session's language: plain state, kept whatever a run draws
LANGUAGE_SWITCH_KEY = "language_switch"  # the sidebar radio, which mirrors it
LANGUAGE_NAMES = {"ja": "日本語", "en": "English"}  # each in its own language
LABELLED_KEYS = "language_labelled_widgets"  # keys of the widgets whose option labels are in the UI language


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
             horizontal=True, on_change=_switch_language)


def labelled_in_language(key: str) -> str:
    """Register the key of a select box, radio, pills or multiselect whose option labels are in the UI language.
    The browser keeps a choice as the label it showed and does not relabel it when the options are relabelled: after a
    switch of language, the next interaction would send the old language's label, which matches no option, and Streamlit
    hands such a label to the app as the value (a type "指定都市" instead of "designated", or a choice silently reset).
    The switch therefore sets each of these values again (`_switch_language`), which makes the next run send it, labelled
    anew, to the browser."""
    st.session_state.setdefault(LABELLED_KEYS, set()).add(key)
    return key


def _switch_language() -> None:
    state = st.session_state
    state[LANGUAGE_KEY] = state[LANGUAGE_SWITCH_KEY]
    # Read now, in the switch's callback, each value is still the one chosen under the old labels.
    for key in state.get(LABELLED_KEYS, ()):
        if key in state:
            state[key] = state[key]
