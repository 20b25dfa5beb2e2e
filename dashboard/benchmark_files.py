"""The benchmark's files: the uploads (parsed in the uploader's callback; a rejected file only records its problems,
so what was entered stays) and the downloads (the entries, built once per list and encoding; the scorecards, built
only when their button is clicked)."""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from benchmark.entries_csv import entries_to_csv_bytes, template_csv_bytes
from benchmark.scorecard_csv import scorecard_filename, scorecards_export_frame
from benchmark.scoring import ScoreRow
from benchmark.upload import read_upload
from benchmark.upload_file import MAX_BYTES, MAX_MEGABYTES, MAX_ROWS, MAX_TEXT_CHARS, UploadError
from benchmark.vocabulary import MunicipalityEntry
from common.csv_export import ExportError, dataframe_to_csv_bytes
from common.texts import pick, text
from dashboard.availability import deferred_while_unavailable
from dashboard.benchmark_form import form_values
from dashboard.benchmark_model import Model, benchmark_model
from dashboard.benchmark_state import (CODE_TEXT_KEY, ENTRIES_KEY, ENTRY_KEY, NOTICE_KEY, P, PICK_KEY, PROBLEMS_KEY,
                                       remembered)
from dashboard.db import database_version
from dashboard.exports import encoding_choice
from dashboard.i18n import language


_MAX_FILE_NAME = 255  # a browser sends any name it likes; kept to what file systems allow


@deferred_while_unavailable
def _on_upload(mode: str) -> None:
    state = st.session_state
    uploaded = state.get(f"{P}upload_{mode}")
    problems = state.setdefault(PROBLEMS_KEY, {})
    notices = state.setdefault(NOTICE_KEY, {})
    if uploaded is None:
        problems.pop(mode, None)
        notices.pop(mode, None)
        return
    model = benchmark_model(database_version())
    name = uploaded.name[:_MAX_FILE_NAME]
    try:
        upload = read_upload(uploaded.getvalue(), model.vocabulary, multiple=mode == "multiple", filename=name)
    except UploadError as error:
        problems[mode] = (name, list(error.problems))  # what was entered stays as it was
        notices.pop(mode, None)
        return
    problems.pop(mode, None)
    entries = upload.entries
    notices[mode] = (name, len(entries), upload.skipped)
    if mode == "single":
        entry = entries[0]
        state[ENTRY_KEY] = entry
        state[CODE_TEXT_KEY] = entry.municipality_code or ""
        for key, value in form_values(entry, model, entry.municipality_code or "").items():
            state[key] = value
    else:
        state[ENTRIES_KEY] = entries
        state.pop(PICK_KEY, None)
        state.pop(f"{P}pick", None)


def render_upload(model: Model, mode: str) -> None:
    """The uploader and the template, inside the page's expander; the outcome is drawn by `render_upload_outcome`."""
    lang = language()
    label = text("upload_label", lang, megabytes=MAX_MEGABYTES, bytes=f"{MAX_BYTES:,}")
    st.file_uploader(label, key=f"{P}upload_{mode}", on_change=_on_upload, args=(mode,))
    st.caption(text("upload_single_help", lang) if mode == "single"
               else text("upload_multiple_help", lang, rows=MAX_ROWS, chars=MAX_TEXT_CHARS))
    st.download_button(text("template_download", lang), template_csv_bytes(model.vocabulary, language=lang),
                       file_name=f"dx_benchmark_template_{lang}.csv", mime="text/csv", key=f"{P}template_{mode}",
                       on_click="ignore", icon=":material/download:")


def render_upload_outcome(mode: str) -> None:
    """What became of the last upload, outside the expander so that it stays in sight when the expander closes.
    Our own words go in the alert; the file's name and the problems, which quote the file, are plain text."""
    lang = language()
    notice = st.session_state.get(NOTICE_KEY, {}).get(mode)
    if notice:
        name, count, skipped = notice
        st.success(text("upload_ok_single", lang) if mode == "single" else text("upload_ok_multiple", lang, count=count),
                   icon=":material/check_circle:")
        st.text(text("upload_file_name", lang, file=name))
        if skipped:
            st.info(text("upload_skipped", lang), icon=":material/info:")
            st.text("\n".join(pick(p.message_ja, p.message_en, lang) for p in skipped))
    rejected = st.session_state.get(PROBLEMS_KEY, {}).get(mode)
    if rejected:
        show_problems(*rejected)


def show_problems(filename: str, problems: list) -> None:
    lang = language()
    st.error(text("upload_rejected", lang, count=len(problems)), icon="🚫")
    st.text(text("upload_file_name", lang, file=filename))
    for problem in problems:
        if problem.row is None:  # a problem of the whole file (size, format, encoding): in words, not only in the grid
            st.text(pick(problem.message_ja, problem.message_en, lang))
    table = pd.DataFrame({
        text("problem_row", lang): [str(p.row) if p.row is not None else text("problem_file", lang) for p in problems],
        text("problem_column", lang): [p.column or "" for p in problems],
        text("problem_message", lang): [pick(p.message_ja, p.message_en, lang) for p in problems],
    }, dtype="string")
    widths = dict(zip(table.columns, (60, 150, None)))
    st.dataframe(table, hide_index=True, width="stretch",
                 column_config={name: st.column_config.TextColumn(name, width=width) for name, width in widths.items()
                                if width})


# --- downloads -------------------------------------------------------------------------------------------------------


def _usable_encoding(entries: list[MunicipalityEntry], encoding: str, lang: str) -> str:
    """The chosen encoding, or UTF-8 with BOM if cp932 cannot hold the entries' names (the only user text in the
    files; our own words are written in cp932's characters), said before anything is downloaded."""
    if encoding == "utf-8-sig":
        return encoding
    names = pd.DataFrame({text("col_code", lang): [e.municipality_code or "" for e in entries],
                          text("col_name", lang): [e.municipality_name for e in entries]}, dtype="string")
    try:
        dataframe_to_csv_bytes(names, encoding=encoding)
    except ExportError as error:
        st.warning(text("cp932_fallback", lang), icon=":material/warning:")
        st.text(pick(error.message_ja, error.message_en, lang))
        return "utf-8-sig"
    return encoding


def _years(rows) -> list[int]:
    return sorted({row.context.fiscal_year for row in rows if row.context.fiscal_year})


def render_downloads(model: Model, entries: list[MunicipalityEntry], scored: list[list[ScoreRow]], key: str) -> None:
    lang = language()
    st.subheader(text("export", lang))
    encoding = _usable_encoding(entries, encoding_choice(f"{P}encoding_{key}"), lang)
    today = date.today()
    years = sorted({year for rows in scored for year in _years(rows)})

    def scorecards() -> bytes:
        """Built when the button is clicked, and not kept: a list's scorecards are a row per municipality and item,
        tens of megabytes for a national list, which no rerun should pay for."""
        frame = scorecards_export_frame(((entry, rows, model.type_label(entry.entity_type, lang))
                                         for entry, rows in zip(entries, scored)), lang, encoding)
        try:
            return dataframe_to_csv_bytes(frame, encoding=encoding)
        except ExportError:  # our own words are cp932-safe (tests/test_benchmark_scorecard.py); never a broken file
            return dataframe_to_csv_bytes(frame, encoding="utf-8-sig")

    # One row per municipality: small, and built once per list, language and encoding.
    entries_csv = remembered(f"{key}_entries", entries, (lang, encoding),
                             lambda: entries_to_csv_bytes(entries, model.vocabulary, encoding=encoding, language=lang))
    columns = st.columns(2)
    with columns[0]:
        st.download_button(text("scorecard_download" if len(entries) == 1 else "scorecards_download", lang),
                           scorecards, file_name=scorecard_filename(entries, years, today),
                           mime="text/csv", key=f"{P}download_scorecard_{key}", on_click="ignore",
                           icon=":material/download:")
    with columns[1]:
        st.download_button(text("entries_download", lang), entries_csv,
                           file_name=scorecard_filename(entries, years, today, kind="benchmark_entries"),
                           mime="text/csv", key=f"{P}download_entries_{key}", on_click="ignore",
                           icon=":material/save:")
