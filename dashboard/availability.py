"""When the database cannot be read (gone, damaged, not a database): the app's own message in the user's language with
what to do, and nothing the user entered is lost.

The message stops the run with st.stop(): Streamlit keeps the state of widgets a stopped run did not draw, so the
benchmark form is still filled in when the database is back. A widget callback that needs the database and meets it
unreadable is kept and run on the first run that can read it, so the change the user made meanwhile is not dropped.
"""
from __future__ import annotations

import functools
from contextlib import contextmanager
from typing import Callable, NoReturn

import streamlit as st

from dashboard.db import DatabaseMissing, DatabaseUnavailable, check_database
from common.texts import text
from dashboard.i18n import language

DEFERRED_KEY = "database_deferred_callbacks"  # [(callback, args)] waiting for a readable database
RETRY_KEY = "database_retry"


def stop_with_message(problem: DatabaseUnavailable) -> NoReturn:
    what = "database_missing" if isinstance(problem, DatabaseMissing) else "database_unusable"
    lang = language()
    st.error(f"{text(what, lang)}\n\n{text('database_kept', lang)}", icon="⚠️")
    st.button(text("database_retry", lang), key=RETRY_KEY, icon=":material/refresh:")  # a click reruns: the check runs again
    st.stop()


def require_database() -> None:
    """app.py, before anything reads the database: stop with the message, or run the callbacks that were waiting."""
    try:
        check_database()
    except DatabaseUnavailable as problem:
        stop_with_message(problem)
    for callback, args in st.session_state.pop(DEFERRED_KEY, []):
        deferred_while_unavailable(callback)(*args)


@contextmanager
def stopped_when_unavailable():
    """Around a page: the database can still disappear between the check and the page's queries."""
    try:
        yield
    except DatabaseUnavailable as problem:
        stop_with_message(problem)


def deferred_while_unavailable(callback: Callable) -> Callable:
    """A widget callback that reads the database. Streamlit runs callbacks before the script, outside any page's
    handling; if the database is unreadable then, the call waits (once per callback and arguments) in session state."""
    @functools.wraps(callback)
    def run(*args) -> None:
        try:
            callback(*args)
        except DatabaseUnavailable:
            waiting = st.session_state.setdefault(DEFERRED_KEY, [])
            if (callback, args) not in waiting:
                waiting.append((callback, args))
    return run
