"""The benchmark's files: the uploads (parsed in the uploader's callback; a rejected file only records its problems,
so what was entered stays) and the downloads (scorecards and the entries, built once per session and encoding)."""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from benchmark.entries_csv import entries_to_csv_bytes, template_csv_bytes
from benchmark.scorecard_csv import scorecard_filename, scorecards_export_frame
from benchmark.scoring import ScoreRow
from benchmark.upload import parse_upload
from benchmark.upload_file import MAX_BYTES, MAX_MEGABYTES, UploadError
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
from dashboard.markdown import md


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
    try:
        entries = parse_upload(uploaded.getvalue(), model.vocabulary, multiple=mode == "multiple",
                               filename=uploaded.name)
    except UploadError as error:
        problems[mode] = (uploaded.name, list(error.problems))  # what was entered stays as it was
        notices.pop(mode, None)
        return
    problems.pop(mode, None)
    notices[mode] = (uploaded.name, len(entries))
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
    lang = language()
    label = text("upload_label", lang, megabytes=MAX_MEGABYTES, bytes=f"{MAX_BYTES:,}")
    st.file_uploader(label, key=f"{P}upload_{mode}", on_change=_on_upload, args=(mode,))
    st.caption(text("upload_single_help", lang if mode == "single" else "upload_multiple_help"))
    st.download_button(text("template_download", lang), template_csv_bytes(model.vocabulary, language=lang),
                       file_name=f"dx_benchmark_template_{lang}.csv", mime="text/csv", key=f"{P}template_{mode}",
                       on_click="ignore", icon=":material/download:")
    notice = st.session_state.get(NOTICE_KEY, {}).get(mode)
    if notice:
        name, count = notice
        st.success(md(text("upload_ok_single", lang, file=name) if mode == "single"
                      else text("upload_ok_multiple", lang, file=name, count=count)))
    rejected = st.session_state.get(PROBLEMS_KEY, {}).get(mode)
    if rejected:
        show_problems(*rejected)


def show_problems(filename: str, problems: list) -> None:
    lang = language()
    shown = problems[:5]
    lines = "\n".join(f"- {md(pick(p.message_ja, p.message_en, lang))}" for p in shown)
    more = len(problems) - len(shown)
    rest = ("\n- " + md(text("more_problems", lang, count=more))) if more > 0 else ""
    st.error(md(text("upload_rejected", lang, file=filename, count=len(problems))) + "\n\n" + lines + rest, icon="🚫")
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


def _encoded(make, encoding: str, lang: str) -> bytes:
    """Bytes in the chosen encoding; if cp932 cannot hold a character, say so and fall back to UTF-8 with BOM."""
    try:
        return make(encoding)
    except ExportError as error:
        if encoding == "utf-8-sig":
            raise
        st.warning(f"{text('cp932_fallback', lang)} {md(pick(error.message_ja, error.message_en, lang))}")
        return make("utf-8-sig")


def _years(rows) -> list[int]:
    return sorted({row.context.fiscal_year for row in rows if row.context.fiscal_year})


def render_downloads(model: Model, entries: list[MunicipalityEntry], scored: list[list[ScoreRow]], key: str) -> None:
    lang = language()
    st.subheader(text("export", lang))
    encoding = encoding_choice(f"{P}encoding_{key}")
    today = date.today()
    years = sorted({year for rows in scored for year in _years(rows)})

    def scorecards(encoding: str) -> bytes:
        return remembered(f"{key}_scorecards", entries, (lang, encoding, database_version()), lambda: dataframe_to_csv_bytes(
            scorecards_export_frame(((entry, rows, model.type_label(entry.entity_type, lang)) for entry, rows in zip(entries, scored)),
                                       lang, encoding), encoding=encoding))

    def entries_csv(encoding: str) -> bytes:
        return remembered(f"{key}_entries", entries, (lang, encoding),
                          lambda: entries_to_csv_bytes(entries, model.vocabulary, encoding=encoding, language=lang))

    columns = st.columns(2)
    with columns[0]:
        st.download_button(text("scorecard_download" if len(entries) == 1 else "scorecards_download", lang),
                           _encoded(scorecards, encoding, lang), file_name=scorecard_filename(entries, years, today),
                           mime="text/csv", key=f"{P}download_scorecard_{key}", on_click="ignore",
                           icon=":material/download:")
    with columns[1]:
        st.download_button(text("entries_download", lang), _encoded(entries_csv, encoding, lang),
                           file_name=scorecard_filename(entries, years, today, kind="benchmark_entries"),
                           mime="text/csv", key=f"{P}download_entries_{key}", on_click="ignore",
                           icon=":material/save:")
