"""The benchmark page: who you are and your own status in (form, one-row CSV, many-row CSV), where you stand out,
and a print view of one municipality's report.

State lives in ``st.session_state`` only (never a cache, never the disk): see dashboard/benchmark_state.py. User text
(names) reaches the screen only as st.text, dataframes/tables, or Plotly labels made literal by ``charts.literal``
(HTML escaped, no ``%{…}`` template fields); the single ``unsafe_allow_html`` is the static print stylesheet below.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from benchmark.scoring import ScoreRow
from benchmark.vocabulary import MunicipalityEntry, unknown_government_codes
from benchmark.wording import matrix_frames, position_label
from common.texts import text
from dashboard.benchmark_charts import HEATMAP_MAX_ROWS, PLOT_CONFIG, heatmap_figure
from dashboard.benchmark_files import render_downloads, render_upload, render_upload_outcome
from dashboard.benchmark_form import render_form
from dashboard.benchmark_model import Model, benchmark_model
from dashboard.benchmark_pick import (chosen_code, government_from_url, render_government_picker,
                                      render_official_table)
from dashboard.benchmark_report import render_report
from dashboard.benchmark_state import (ENTRIES_KEY, ENTRY_KEY, MODE_KEY, P, PICK_KEY, PROBLEMS_KEY, display_names,
                                       remembered)
from dashboard.db import database_version
from dashboard.filters import write_url
from dashboard.i18n import labelled_in_language, language
from dashboard.markdown import md
from dashboard.print_style import PRINT_CSS
from dashboard.url_state import BenchmarkView, benchmark_view_to_params, parse_benchmark_view



def render_benchmark_page() -> None:
    lang = language()
    st.markdown(PRINT_CSS, unsafe_allow_html=True)  # static stylesheet only, no user text
    st.title(text("nav_benchmark", lang))
    model = benchmark_model(database_version())
    state = st.session_state
    if f"{P}mode" not in state:
        _restore_view(model, lang)
    top = st.columns([3, 1])
    modes = {"single": text("mode_single", lang), "multiple": text("mode_multiple", lang)}  # labels fixed now
    mode = top[0].radio(text("mode", lang), list(modes), horizontal=True, key=labelled_in_language(f"{P}mode"), on_change=_on_mode_change,
                        format_func=modes.get)
    print_view = top[1].toggle(text("print_view", lang), key=f"{P}print")
    _write_view(mode, print_view)
    if print_view:
        render_print(model, mode, lang)
        return
    st.caption(text("intro", lang))
    if mode == "multiple":
        render_multiple(model, lang)
    else:
        render_single(model, lang)


def _sort_options(model: Model) -> list[str]:
    return ["input", "name", "code", "ahead", "behind", *(f"item:{item.item_code}" for item in model.items)]


def _restore_view(model: Model, lang: str) -> None:
    """On arriving at the page: the view a shared link names (mode, type, screen or print, sort), else the session's."""
    state = st.session_state
    names = ("mode", "type", "view", "sort")
    view, notices = parse_benchmark_view({name: st.query_params[name] for name in names if name in st.query_params},
                                         list(model.types), _sort_options(model))
    shared_mode = st.query_params.get("mode") == view.mode
    state[f"{P}mode"] = view.mode if shared_mode else state.get(MODE_KEY, view.mode)
    state[f"{P}print"] = view.view == "print"
    state.setdefault(f"{P}heatmap_sort", view.sort)
    if view.entity_type and state.get(ENTRY_KEY) is None:
        state[ENTRY_KEY] = MunicipalityEntry(None, "", view.entity_type, {})  # the type only: no one's answers
    for notice in notices:
        st.warning(text("url_notice", lang, param=notice.parameter), icon="⚠️")
    if "code" in st.query_params:
        state[f"{P}mode"] = "single"  # a government named in the link is one municipality
    government_from_url()


def _write_view(mode: str, print_view: bool) -> None:
    """The view into the URL, with the language and the CSV encoding, and the government chosen by search (a public
    code); never a typed name or code, never an answer."""
    state = st.session_state
    entry = state.get(ENTRY_KEY)
    view = BenchmarkView(mode, entry.entity_type or None if entry and mode == "single" else None,
                         "print" if print_view else "screen", state.get(f"{P}heatmap_sort") or "input",
                         chosen_code() if mode == "single" else None)
    write_url({**benchmark_view_to_params(view), "lang": language()})


def _on_mode_change() -> None:
    st.session_state[MODE_KEY] = st.session_state.get(f"{P}mode", "single")


def render_single(model: Model, lang: str) -> None:
    render_government_picker(model, lang)
    with st.expander(text("input_form", lang), expanded=True, icon=":material/edit_note:"):
        render_form(model)
    with st.expander(text("input_single_csv", lang), expanded=bool(st.session_state.get(PROBLEMS_KEY, {}).get("single")),
                     icon=":material/upload_file:"):
        render_upload(model, "single")
    render_upload_outcome("single")
    entry = st.session_state.get(ENTRY_KEY)
    if entry is None or entry.entity_type not in model.types:
        st.info(text("choose_type_first", lang))
        return
    rows = model.score(entry)
    render_report(model, entry, rows, "single", lang)
    render_downloads(model, [entry], [rows], "single")


def _warn_unknown_codes(model: Model, entries: list[MunicipalityEntry], lang: str) -> None:
    """Outside the upload's expander, so that it is seen after the list is read; codes are digits only."""
    unknown = unknown_government_codes(entries, model.government_codes)
    if unknown:
        separator, quoted = (", ", "“{}”") if lang == "en" else ("、", "「{}」")
        shown = separator.join(quoted.format(code) for code in unknown[:10])
        more = text("more_problems", lang, count=len(unknown) - 10) if len(unknown) > 10 else ""
        st.warning(md(text("codes_no_government", lang, codes=shown + more)))


def render_multiple(model: Model, lang: str) -> None:
    entries = st.session_state.get(ENTRIES_KEY) or []
    with st.expander(text("input_multiple_csv", lang),
                     expanded=not entries or bool(st.session_state.get(PROBLEMS_KEY, {}).get("multiple")),
                     icon=":material/upload_file:"):
        render_upload(model, "multiple")
    render_upload_outcome("multiple")
    entries = st.session_state.get(ENTRIES_KEY) or []
    _warn_unknown_codes(model, entries, lang)
    if not entries:
        st.info(text("no_entries", lang))
        return
    scored = scored_entries(model, entries)
    names = display_names(entries, lang)
    scores, answers = remembered("matrix", entries, (lang, database_version()), lambda: matrix_frames(scored, lang))
    st.header(text("heatmap", lang))
    options = _sort_options(model)
    labels = {"input": text("sort_input", lang), "name": text("sort_name", lang), "code": text("sort_code", lang),
              "ahead": text("sort_ahead", lang), "behind": text("sort_behind", lang),
              **{f"item:{item.item_code}": text("sort_item", lang, item=item.label(lang)) for item in model.items}}
    option = st.selectbox(text("heatmap_sort", lang), options, format_func=labels.get,
                          key=labelled_in_language(f"{P}heatmap_sort"))
    order = sort_order(option, entries, scores)
    st.caption(md(text("heatmap_caption", lang)))
    if len(order) > HEATMAP_MAX_ROWS:
        st.caption(md(text("heatmap_limit", lang, shown=HEATMAP_MAX_ROWS, count=len(order))))
    st.plotly_chart(heatmap_figure(model.items, order, names, scores, answers, scored, lang), config=PLOT_CONFIG,
                    width="stretch", key=f"{P}heatmap")
    st.subheader(text("matrix_table", lang))
    st.dataframe(matrix_table(model, order, entries, scored, lang), hide_index=True, width="stretch")
    render_official_table(model, entries, lang)
    render_downloads(model, entries, scored, "multiple")
    st.divider()
    index = _pick(names, lang)
    render_report(model, entries[index], scored[index], "multiple", lang)


def render_print(model: Model, mode: str, lang: str) -> None:
    """The report of the entry on screen (the one chosen from a list), as a static page to print."""
    st.caption(text("print_hint", lang))
    if mode == "multiple":
        entries = st.session_state.get(ENTRIES_KEY) or []
        if not entries:
            st.info(text("nothing_to_print", lang))
            return
        scored = scored_entries(model, entries)
        index = _pick(display_names(entries, lang), lang)
        entry, rows = entries[index], scored[index]
    else:
        entry = st.session_state.get(ENTRY_KEY)
        if entry is None or entry.entity_type not in model.types:
            st.info(text("nothing_to_print", lang))
            return
        rows = model.score(entry)
    render_report(model, entry, rows, "print", lang, printed=True)


def scored_entries(model: Model, entries: list[MunicipalityEntry]) -> list[list[ScoreRow]]:
    """Scores of the uploaded list, remembered in this session only (recomputed for a new list or a rebuilt database)."""
    return remembered("scored", entries, (database_version(),), lambda: [model.score(entry) for entry in entries])


def sort_order(option: str, entries: list[MunicipalityEntry], scores: pd.DataFrame) -> list[int]:
    indices = list(range(len(entries)))
    if option == "name":
        return sorted(indices, key=lambda i: (entries[i].municipality_name, i))
    if option == "code":
        return sorted(indices, key=lambda i: (entries[i].municipality_code or "999999", i))
    if option in ("ahead", "behind"):
        column = (scores > 0) if option == "ahead" else (scores < 0)
        counts = column.sum(axis=1)
        return sorted(indices, key=lambda i: (-int(counts.iloc[i]), i))
    if option.startswith("item:"):
        code = option.removeprefix("item:")
        values = scores[code]
        return sorted(indices, key=lambda i: (pd.isna(values.iloc[i]), -(0 if pd.isna(values.iloc[i]) else values.iloc[i]), i))
    return indices


def matrix_table(model: Model, order: list[int], entries: list[MunicipalityEntry], scored: list[list[ScoreRow]],
                 lang: str) -> pd.DataFrame:
    records = []
    for i in order:
        entry, rows = entries[i], scored[i]
        record = {
            text("col_code", lang): entry.municipality_code or "",
            text("col_name", lang): entry.municipality_name,
            text("col_type", lang): model.type_label(entry.entity_type, lang),
            text("col_ahead", lang): sum(r.position == "ahead" for r in rows),
            text("col_level", lang): sum(r.position == "level" for r in rows),
            text("col_behind", lang): sum(r.position == "behind" for r in rows),
            text("col_none", lang): sum(r.position == "not_comparable" for r in rows),
        }
        for row in rows:
            record[row.item.label(lang)] = position_label(row, lang)
        records.append(record)
    return pd.DataFrame.from_records(records)


def _pick(names: list[str], lang: str) -> int:
    state = st.session_state
    if f"{P}pick" not in state:
        saved = state.get(PICK_KEY, 0)
        state[f"{P}pick"] = saved if isinstance(saved, int) and 0 <= saved < len(names) else 0
    index = st.selectbox(text("pick_municipality", lang), list(range(len(names))), format_func=lambda i: names[i],
                         key=labelled_in_language(f"{P}pick"))
    state[PICK_KEY] = index
    return index
