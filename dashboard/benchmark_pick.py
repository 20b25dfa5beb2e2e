"""Choosing one's own government on the benchmark page (the search, or ``?code=`` in the URL), filling the form with
its official answers, the official answer beside each field, and — for a list upload — each municipality's official
answers beside what was entered.

Official answers are published data (government_facts); what the user changes stays in the session's entry and is
marked as theirs. Names and answers reach the screen through `md` (escaped) or a dataframe, never as HTML."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from benchmark.official import OfficialAnswer, answers_from_official, differs
from benchmark.vocabulary import BenchmarkItem, MunicipalityEntry
from benchmark.wording import answer_label
from common.formatting import bracketed
from common.texts import pick, text
from dashboard.availability import deferred_while_unavailable
from dashboard.benchmark_model import Model, benchmark_model
from dashboard.benchmark_state import CODE_TEXT_KEY, ENTRY_KEY, OFFICIAL_KEY, P, display_names, remembered
from dashboard.db import database_version
from dashboard.government_data import as_of_text, distinct_name, government_code_from_url, governments, name
from dashboard.government_search import result_label, search_index
from dashboard.markdown import md
from dashboard.peer_text import status_text
from governments.peers import DATABASE_STATUS
from governments.search import MAX_BOX_CHARS

SEARCH_KEY = f"{P}gov_search"


@deferred_while_unavailable
def choose_government(code: str) -> None:
    """Make `code` the entry: its type, name (in the language the user reads, as the report and its files then name it;
    the name stays the user's to edit) and the official answers that describe the compared year; the form's widgets are
    dropped so that they are drawn again from the new entry."""
    state = st.session_state
    model = benchmark_model(database_version())
    row = governments().loc[code]
    official = model.official.answers(code, row.entity_type)
    state[ENTRY_KEY] = MunicipalityEntry(code, name(row), row.entity_type,
                                         answers_from_official(official, model.contexts[row.entity_type]))
    state[OFFICIAL_KEY] = (code, official)
    state[CODE_TEXT_KEY] = code
    for key in [key for key in state if isinstance(key, str) and key.startswith(f"{P}form")]:
        del state[key]


def government_from_url() -> None:
    """On arriving at the page: `?code=` names the government. A bad code is said in words; a code already chosen in
    this session keeps the user's changes. An empty `code=` chooses nothing and needs no word: the page has its own
    picker (the profile's "choose one in the sidebar" would point elsewhere)."""
    if not (st.query_params.get("code") or "").strip():
        return
    code, problem = government_code_from_url()
    if problem:
        st.error(md(problem), icon="⚠️")
        return
    if chosen_code() != code:
        choose_government(code)


def chosen_code() -> str | None:
    """The government picked by search or URL, while the entry is still that government's."""
    chosen = st.session_state.get(OFFICIAL_KEY)
    entry = st.session_state.get(ENTRY_KEY)
    if chosen and entry is not None and entry.municipality_code == chosen[0]:
        return chosen[0]
    return None


def chosen_official() -> dict[str, OfficialAnswer]:
    return st.session_state[OFFICIAL_KEY][1] if chosen_code() else {}


def render_government_picker(model: Model, lang: str) -> None:
    st.subheader(text("pick_government", lang), anchor=False)
    st.caption(text("pick_government_help", lang))
    typed = st.text_input(text("pick_government_search", lang), key=SEARCH_KEY, max_chars=MAX_BOX_CHARS,
                          placeholder=text("search_placeholder", lang))
    if typed:
        result = search_index(database_version()).search(typed)
        if result.problem:
            st.caption(text(result.problem, lang, **dict(result.problem_fields)))
        columns = st.columns(3)
        for index, government in enumerate(result.matches):
            columns[index % 3].button(md(result_label(government)), key=f"{P}gov_{government.code}",
                                      on_click=choose_government, args=(government.code,), width="stretch")
        if result.more:
            st.caption(text("search_more", lang, count=result.more))
    code = chosen_code()
    if code:
        entry = st.session_state[ENTRY_KEY]
        st.success(md(text("chosen_government", lang, name=distinct_name(code, lang),
                           entity=model.type_label(entry.entity_type, lang))), icon=":material/how_to_reg:")


def official_text(item: BenchmarkItem, official: OfficialAnswer, lang: str) -> str:
    """The official answer in words: the item's own yes/no words, 調査無し / not reported as such, a number as printed."""
    if isinstance(official.answer, bool):
        return item.yes(lang) if official.answer else item.no(lang)
    if official.status == "reported":
        printed = official.value_printed
        return printed if printed.endswith("%") else f"{printed}%"
    return status_text(DATABASE_STATUS.get(official.status, official.status))


def widget_answer(item: BenchmarkItem, value):
    """The answer a form widget holds: yes/no radios, a percent box (None = unanswered)."""
    if item.kind == "yes_no":
        return {"yes": True, "no": False}.get(value)
    if item.kind == "percent":
        return None if value is None else float(value)
    return value


def official_caption(model: Model, item: BenchmarkItem, widget_value, lang: str) -> str | None:
    """「公式回答：策定済み（2023年4月1日時点、出典：…）」 beside a field, with ✎ where the user's answer differs from
    what was filled in; None where the chosen government has no official answer to the item."""
    official = chosen_official().get(item.item_code)
    if official is None:
        return None
    entry = st.session_state[ENTRY_KEY]
    filled = answers_from_official({item.item_code: official}, model.contexts[entry.entity_type]).get(item.item_code)
    source = model.official.source(official.source_id)
    words = text("official_answer" if filled is not None else "official_unanswered", lang,
                 answer=official_text(item, official, lang), as_of=as_of_text(official.as_of),
                 source=pick(source.ja, source.en, lang))
    if differs(filled, widget_answer(item, widget_value)):
        return text("own_answer_marker", lang) + "  \n" + md(words)
    return md(words)


def official_frame(model: Model, entries: list[MunicipalityEntry], lang: str) -> pd.DataFrame | None:
    """One row per uploaded municipality with a known code; per item with per-government data: 「entered／公式：official」,
    ≠ in front where they differ. None when no entry names a known government."""
    known = governments()
    rows = [(index, entry) for index, entry in enumerate(entries) if entry.municipality_code in known.index]
    if not rows:
        return None
    mapped = {code for mapping in model.official.by_level.values() for code in mapping}
    items = [item for item in model.items if item.item_code in mapped]
    names = display_names(entries, lang)
    records = []
    for index, entry in rows:
        code = entry.municipality_code
        official = model.official.answers(code, known.at[code, "entity_type"])
        record = {text("col_code", lang): code, text("col_name", lang): names[index]}
        differences = 0
        for item in items:
            answer = official.get(item.item_code)
            entered = entry.answers.get(item.item_code)
            if answer is None:
                record[item.label(lang)] = text("official_none", lang)
                continue
            mark = differs(answer.answer, entered)
            differences += mark
            official_words = bracketed(official_text(item, answer, lang), as_of_text(answer.as_of), lang)
            record[item.label(lang)] = (text("differs_marker", lang) if mark else "") + text(
                "official_cell", lang, entered=answer_label(item, entered, lang), official=official_words)
        record[text("col_differences", lang)] = differences
        records.append(record)
    return pd.DataFrame.from_records(records)


def render_official_table(model: Model, entries: list[MunicipalityEntry], lang: str) -> None:
    frame = remembered("official", entries, (lang, database_version()), lambda: official_frame(model, entries, lang))
    if frame is None:
        return
    st.subheader(text("official_table", lang), anchor=False)
    st.caption(text("official_table_caption", lang))
    st.dataframe(frame, hide_index=True, width="stretch")
