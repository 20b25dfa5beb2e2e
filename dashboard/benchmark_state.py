"""The benchmark page's session state: its keys, what is derived from the entries (kept per session, never in a shared
cache), and how entries are named on screen.

* ``benchmark_entry``   — the current single MunicipalityEntry (form or one-row upload);
* ``benchmark_entries`` — the list from a many-row upload (a prefecture's list);
* the last upload's notice / problems, the raw code text of the form, the chosen municipality and mode;
* ``benchmark_official`` — the government picked by search or ``?code=`` and its official answers (published data).
"""
from __future__ import annotations

import streamlit as st

from benchmark.vocabulary import MunicipalityEntry
from common.texts import text
from common.formatting import bracketed

ENTRY_KEY = "benchmark_entry"
ENTRIES_KEY = "benchmark_entries"
PROBLEMS_KEY = "benchmark_upload_problems"  # mode → (file name, [Problem]) of the last rejected upload
NOTICE_KEY = "benchmark_upload_notice"  # mode → (file name, count) of the last accepted upload
CODE_TEXT_KEY = "benchmark_form_code_text"
MODE_KEY = "benchmark_mode"
PICK_KEY = "benchmark_pick"
OFFICIAL_KEY = "benchmark_official"  # (government code, {item_code: OfficialAnswer}) of the government chosen by search
MEMO_KEY = "benchmark_memo"  # session-only: what is derived from the entries (scores, matrix, CSVs), by name
P = "bench__"  # every widget key

def remembered(name: str, entries: list[MunicipalityEntry], marker: tuple, build):
    """`build()`, kept in this session under `name` until the entries or `marker` (language, encoding, database
    version …) change: a prefecture's list of hundreds is scored and exported once, not on every rerun."""
    memo = st.session_state.setdefault(MEMO_KEY, {})
    snapshot = tuple(entries)  # a copy of the references: a list changed in place is not mistaken for the old one
    hit = memo.get(name)
    if hit is not None and hit[0] == snapshot and hit[1] == marker:
        return hit[2]
    value = build()
    memo[name] = (snapshot, marker, value)
    return value


def who(entry: MunicipalityEntry, lang: str) -> str:
    if entry.municipality_name and entry.municipality_code:
        return bracketed(entry.municipality_name, entry.municipality_code, lang)
    return entry.municipality_name or entry.municipality_code or text("who_unnamed", lang)


def display_names(entries: list[MunicipalityEntry], lang: str) -> list[str]:
    names, seen = [], {}
    for entry in entries:
        name = who(entry, lang)
        seen[name] = seen.get(name, 0) + 1
        names.append(name if seen[name] == 1 else f"{name} #{seen[name]}")
    return names
