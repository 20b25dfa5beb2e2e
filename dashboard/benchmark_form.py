"""The benchmark's form: one municipality's type, name, code and answers.

Form widgets are seeded from ``benchmark_entry`` whenever Streamlit has dropped their state (e.g. after visiting
another page), and write back to it only through their ``on_change`` callbacks, so an entry changes only when the
user changes it."""
from __future__ import annotations

import streamlit as st

from benchmark.upload_file import MAX_TEXT_CHARS
from benchmark.vocabulary import BenchmarkItem, MunicipalityEntry, unknown_government_codes
from common.government_code import MunicipalityCodeError, is_prefecture_code, normalise_municipality_code
from common.texts import pick, text
from dashboard.availability import deferred_while_unavailable
from dashboard.benchmark_model import Model, benchmark_model
from dashboard.benchmark_pick import official_caption
from dashboard.benchmark_state import CODE_TEXT_KEY, ENTRY_KEY, P
from dashboard.db import database_version
from dashboard.i18n import labelled_in_language, language
from dashboard.markdown import md


def _item_key(item_code: str) -> str:
    return f"{P}form__{item_code}"


def form_values(entry: MunicipalityEntry | None, model: Model, code_text: str | None) -> dict:
    answers = entry.answers if entry else {}
    values = {
        f"{P}form_type": (entry.entity_type or None) if entry else None,
        f"{P}form_name": entry.municipality_name if entry else "",
        f"{P}form_code": code_text if code_text is not None else ((entry.municipality_code or "") if entry else ""),
    }
    for item in model.items:
        answer = answers.get(item.item_code)
        if item.kind == "yes_no":
            values[_item_key(item.item_code)] = "unanswered" if answer is None else ("yes" if answer else "no")
        elif item.kind == "band":
            values[_item_key(item.item_code)] = answer if answer in model.vocabulary.bands else "unanswered"
        else:
            values[_item_key(item.item_code)] = None if answer is None else float(answer)
    return values


def _seed_form(model: Model) -> None:
    state = st.session_state
    for key, value in form_values(state.get(ENTRY_KEY), model, state.get(CODE_TEXT_KEY)).items():
        if key not in state:
            state[key] = value


@deferred_while_unavailable
def _on_form_change() -> None:
    state = st.session_state
    model = benchmark_model(database_version())
    answers: dict = {}
    for item in model.items:
        value = state.get(_item_key(item.item_code))
        if item.kind == "yes_no" and value in ("yes", "no"):
            answers[item.item_code] = value == "yes"
        elif item.kind == "band" and value in model.vocabulary.bands:
            answers[item.item_code] = value
        elif item.kind == "percent" and value is not None:
            answers[item.item_code] = float(value)
    code_text = (state.get(f"{P}form_code") or "").strip()
    state[CODE_TEXT_KEY] = code_text
    try:
        code = normalise_municipality_code(code_text) if code_text else None
    except MunicipalityCodeError:
        code = None
    state[ENTRY_KEY] = MunicipalityEntry(code, state.get(f"{P}form_name") or "", state.get(f"{P}form_type") or "",
                                         answers)


def render_form(model: Model) -> None:
    _seed_form(model)
    lang = language()
    first = st.columns([1.2, 1.6, 1.6])
    type_labels = {code: model.type_label(code, lang) for code in model.types}
    first[0].selectbox(text("entity_type", lang), list(model.types), index=None, format_func=type_labels.get,
                       placeholder=text("entity_type_placeholder", lang), key=labelled_in_language(f"{P}form_type"), on_change=_on_form_change)
    first[1].text_input(text("name", lang), key=f"{P}form_name", on_change=_on_form_change, max_chars=MAX_TEXT_CHARS)
    first[2].text_input(text("code", lang), key=f"{P}form_code", on_change=_on_form_change, help=text("code_help", lang), max_chars=20)
    _code_feedback(model, lang)
    topics: dict[str, list[BenchmarkItem]] = {}
    for item in model.items:
        topics.setdefault(item.topic(lang), []).append(item)
    for topic, items in topics.items():
        st.markdown(f"**{md(topic)}**")
        columns = st.columns(3)
        for index, item in enumerate(items):
            column = columns[index % 3]
            key = _item_key(item.item_code)
            if item.kind == "yes_no":
                labels = {"unanswered": text("unanswered", lang), "yes": item.yes(lang), "no": item.no(lang)}
                column.radio(item.label(lang), list(labels), format_func=labels.get, horizontal=True, key=labelled_in_language(key),
                             on_change=_on_form_change)
            elif item.kind == "band":
                bands = {"unanswered": text("unanswered", lang), **{code: pick(ja, en, lang) for code, (ja, en) in model.vocabulary.bands.items()}}
                column.selectbox(item.label(lang), list(bands), key=labelled_in_language(key), on_change=_on_form_change, format_func=bands.get)
            else:
                column.number_input(text("percent_input", lang, item=item.label(lang)), min_value=0.0, max_value=100.0,
                                    value=None, step=0.1, format="%.1f", key=key, on_change=_on_form_change,
                                    help=text("percent_help", lang), placeholder=text("unanswered", lang))
            caption = official_caption(model, item, st.session_state.get(key), lang)
            if caption:
                column.caption(caption)  # our words around published values, already escaped


def _code_feedback(model: Model, lang: str) -> None:
    raw = (st.session_state.get(f"{P}form_code") or "").strip()
    if not raw:
        return
    try:
        code = normalise_municipality_code(raw)
    except MunicipalityCodeError as error:
        # The message quotes what was typed: plain text, never markdown.
        st.error(text("code_invalid", lang), icon="⚠️")
        st.text(pick(error.message_ja, error.message_en, lang))
        return
    if code != raw:
        st.info(text("code_padded", lang, code=code))  # six digits, checked: no user text left
    if unknown_government_codes([MunicipalityEntry(code, "", "")], model.government_codes):
        st.warning(text("code_no_government", lang, code=code))
    entity_type = st.session_state.get(f"{P}form_type")
    if entity_type and (entity_type == "pref") != is_prefecture_code(code):
        st.warning(text("code_type_mismatch", lang, code=code, entity=model.type_label(entity_type, lang)))
