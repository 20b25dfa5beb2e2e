"""The benchmark page: who you are and your own status in (form, one-row CSV, many-row CSV), where you stand out.

State lives in ``st.session_state`` only (never a cache, never the disk):

* ``benchmark_entry``   — the current single MunicipalityEntry (form or one-row upload);
* ``benchmark_entries`` — the list from a many-row upload (a prefecture's list);
* the last upload's notice / problems, the raw code text of the form, the chosen municipality and mode.

Form widgets are seeded from ``benchmark_entry`` whenever Streamlit has dropped their state (e.g. after visiting
another page), and write back to it only through their ``on_change`` callbacks, so an entry changes only when the
user changes it. Uploads are parsed in the uploader's callback: a rejected file only records its problems.

User text (names) reaches the screen only as escaped markdown, ``st.text``, dataframes/tables, or Plotly labels made
literal by ``charts.literal`` (HTML escaped, no ``%{…}`` template fields); the single ``unsafe_allow_html`` is the static print stylesheet below.
"""
from __future__ import annotations

import re
import threading
from datetime import date
from decimal import Decimal

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from benchmark import scorecard as sc
from benchmark.municipality_code import MunicipalityCodeError, is_prefecture_code, normalise_municipality_code
from benchmark.projection import HORIZON_YEARS, projection_sentence
from benchmark.texts import text
from benchmark.upload import BANDS, MunicipalityEntry, UploadError, entries_to_csv_bytes, parse_upload, template_csv_bytes
from dashboard.charts import FONT, contrast_text, literal
from dashboard.availability import deferred_while_unavailable
from dashboard.colors import BAND_COLORS, group_color
from dashboard.csv_export import ExportError, dataframe_to_csv_bytes
from dashboard.db import database_version, query
from dashboard.exports import encoding_choice
from dashboard.formatting import format_date, format_fiscal_year
from dashboard.i18n import language, t

ENTRY_KEY = "benchmark_entry"
ENTRIES_KEY = "benchmark_entries"
PROBLEMS_KEY = "benchmark_upload_problems"  # mode → (file name, [Problem]) of the last rejected upload
NOTICE_KEY = "benchmark_upload_notice"  # mode → (file name, count) of the last accepted upload
CODE_TEXT_KEY = "benchmark_form_code_text"
MODE_KEY = "benchmark_mode"
PICK_KEY = "benchmark_pick"
MEMO_KEY = "benchmark_memo"  # session-only: what is derived from the entries (scores, matrix, CSVs), by name
P = "bench__"  # every widget key
HEATMAP_MAX_ROWS = 200

# Static CSS (no user text): printing hides the app chrome and every widget, leaving the report in one column.
PRINT_CSS = """<style>
@media print {
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
  [data-testid="stStatusWidget"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
  [data-testid="stRadio"], [data-testid="stCheckbox"], [data-testid="stSelectbox"], [data-testid="stButton"],
  [data-testid="stDownloadButton"], [data-testid="stFileUploader"], [data-testid="stTextInput"],
  [data-testid="stNumberInput"], [data-testid="stExpander"] { display: none !important; }
  [data-testid="stMainBlockContainer"], .block-container { max-width: 100% !important; padding: 0 1cm !important; }
  [data-testid="stMain"] { overflow: visible !important; }
  table { page-break-inside: auto; font-size: 10pt; } tr { page-break-inside: avoid; }
  body { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
</style>"""

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>$|~#&:{}!])")


def md(value: object) -> str:
    """Text made inert for st.markdown: markdown, HTML, LaTeX and directive characters are backslash-escaped."""
    return _MD_SPECIAL.sub(r"\\\1", str(value).replace("\r", " ").replace("\n", " "))


def tx(key: str, **fields) -> str:
    return text(key, language(), **fields)


# --- data ------------------------------------------------------------------------------------------------------------


class Model:
    """The database side of the page: items, entity types, published facts and peer contexts per type. One per database
    version, shared by every session (see benchmark_model); it holds published data only, never a user's entries."""

    def __init__(self) -> None:
        self.items = sc.items_from_frame(query("benchmark_items"))
        self.specs = [item.spec for item in self.items]
        self.facts = query("benchmark_facts")
        types = query("benchmark_entity_types")
        self.types = {row.entity_type: (row.label_ja, row.label_en) for row in types.itertuples(index=False)}
        self._contexts: dict[str, dict[str, sc.PeerContext]] = {}
        self._lock = threading.Lock()  # sessions run in threads; each type's contexts are built once

    def type_label(self, entity_type: str) -> str:
        ja, en = self.types.get(entity_type, (entity_type, entity_type))
        return en if language() == "en" else ja

    def contexts(self, entity_type: str) -> dict[str, sc.PeerContext]:
        with self._lock:
            if entity_type not in self._contexts:
                ja, en = self.types[entity_type]
                peers = query("benchmark_peer_groups", entity_type=entity_type)
                self._contexts[entity_type] = sc.peer_contexts(self.items, self.facts, peers, entity_type, ja, en)
            return self._contexts[entity_type]

    def score(self, entry: MunicipalityEntry) -> list[sc.ScoreRow]:
        return sc.score_entry(entry, self.items, self.contexts(entry.entity_type))


@st.cache_resource(max_entries=2, show_spinner=False)
def benchmark_model(version: tuple) -> Model:
    """`version` keys the cache: a new database gets a new model."""
    return Model()


# --- form ------------------------------------------------------------------------------------------------------------


def _item_key(item_code: str) -> str:
    return f"{P}form__{item_code}"


def _form_values(entry: MunicipalityEntry | None, items: list[sc.BenchmarkItem], code_text: str | None) -> dict:
    answers = entry.answers if entry else {}
    values = {
        f"{P}form_type": (entry.entity_type or None) if entry else None,
        f"{P}form_name": entry.municipality_name if entry else "",
        f"{P}form_code": code_text if code_text is not None else ((entry.municipality_code or "") if entry else ""),
    }
    for item in items:
        answer = answers.get(item.item_code)
        if item.kind == "yes_no":
            values[_item_key(item.item_code)] = "unanswered" if answer is None else ("yes" if answer else "no")
        elif item.kind == "band":
            values[_item_key(item.item_code)] = answer if answer in BANDS else "unanswered"
        else:
            values[_item_key(item.item_code)] = None if answer is None else float(answer)
    return values


def _seed_form(items: list[sc.BenchmarkItem]) -> None:
    state = st.session_state
    for key, value in _form_values(state.get(ENTRY_KEY), items, state.get(CODE_TEXT_KEY)).items():
        if key not in state:
            state[key] = value


@deferred_while_unavailable
def _on_form_change() -> None:
    state = st.session_state
    items = benchmark_model(database_version()).items
    answers: dict = {}
    for item in items:
        value = state.get(_item_key(item.item_code))
        if item.kind == "yes_no" and value in ("yes", "no"):
            answers[item.item_code] = value == "yes"
        elif item.kind == "band" and value in BANDS:
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
    _seed_form(model.items)
    lang = language()
    first = st.columns([1.2, 1.6, 1.6])
    type_labels = {code: model.type_label(code) for code in model.types}
    first[0].selectbox(tx("entity_type"), list(model.types), index=None, format_func=type_labels.get,
                       placeholder=tx("entity_type_placeholder"), key=f"{P}form_type", on_change=_on_form_change)
    first[1].text_input(tx("name"), key=f"{P}form_name", on_change=_on_form_change)
    first[2].text_input(tx("code"), key=f"{P}form_code", on_change=_on_form_change, help=tx("code_help"), max_chars=20)
    _code_feedback(model)
    topics: dict[str, list[sc.BenchmarkItem]] = {}
    for item in model.items:
        topics.setdefault(item.topic(lang), []).append(item)
    for topic, items in topics.items():
        st.markdown(f"**{md(topic)}**")
        columns = st.columns(3)
        for index, item in enumerate(items):
            column = columns[index % 3]
            key = _item_key(item.item_code)
            if item.kind == "yes_no":
                labels = {"unanswered": tx("unanswered"), "yes": item.yes(lang), "no": item.no(lang)}
                column.radio(item.label(lang), list(labels), format_func=labels.get, horizontal=True, key=key,
                             on_change=_on_form_change)
            elif item.kind == "band":
                bands = {"unanswered": tx("unanswered"), **{code: labels[lang == "en"] for code, labels in BANDS.items()}}
                column.selectbox(item.label(lang), list(bands), key=key, on_change=_on_form_change, format_func=bands.get)
            else:
                column.number_input(tx("percent_input", item=item.label(lang)), min_value=0.0, max_value=100.0,
                                    value=None, step=0.1, format="%.1f", key=key, on_change=_on_form_change,
                                    help=tx("percent_help"), placeholder=tx("unanswered"))


def _code_feedback(model: Model) -> None:
    raw = (st.session_state.get(f"{P}form_code") or "").strip()
    if not raw:
        return
    try:
        code = normalise_municipality_code(raw)
    except MunicipalityCodeError as error:
        st.error(md(error.message_en if language() == "en" else error.message_ja), icon="⚠️")
        return
    if code != raw:
        st.info(md(tx("code_padded", code=code)))
    entity_type = st.session_state.get(f"{P}form_type")
    if entity_type and (entity_type == "pref") != is_prefecture_code(code):
        st.warning(md(tx("code_type_mismatch", code=code, entity=model.type_label(entity_type))))


# --- uploads ---------------------------------------------------------------------------------------------------------


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
        entries = parse_upload(uploaded.getvalue(), model.specs, multiple=mode == "multiple",
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
        for key, value in _form_values(entry, model.items, entry.municipality_code or "").items():
            state[key] = value
    else:
        state[ENTRIES_KEY] = entries
        state.pop(PICK_KEY, None)
        state.pop(f"{P}pick", None)


def render_upload(model: Model, mode: str) -> None:
    lang = language()
    st.file_uploader(tx("upload_label"), key=f"{P}upload_{mode}", on_change=_on_upload, args=(mode,))
    st.caption(tx("upload_single_help" if mode == "single" else "upload_multiple_help"))
    st.download_button(tx("template_download"), template_csv_bytes(model.specs, language=lang),
                       file_name=f"dx_benchmark_template_{lang}.csv", mime="text/csv", key=f"{P}template_{mode}",
                       on_click="ignore", icon=":material/download:")
    notice = st.session_state.get(NOTICE_KEY, {}).get(mode)
    if notice:
        name, count = notice
        st.success(md(tx("upload_ok_single", file=name) if mode == "single"
                      else tx("upload_ok_multiple", file=name, count=count)))
    rejected = st.session_state.get(PROBLEMS_KEY, {}).get(mode)
    if rejected:
        show_problems(*rejected)


def show_problems(filename: str, problems: list) -> None:
    en = language() == "en"
    shown = problems[:5]
    lines = "\n".join(f"- {md(p.message_en if en else p.message_ja)}" for p in shown)
    more = len(problems) - len(shown)
    rest = ("\n- " + md(f"(and {more} more)" if en else f"（ほか{more}件）")) if more > 0 else ""
    st.error(md(tx("upload_rejected", file=filename, count=len(problems))) + "\n\n" + lines + rest, icon="🚫")
    table = pd.DataFrame({
        tx("problem_row"): [str(p.row) if p.row is not None else tx("problem_file") for p in problems],
        tx("problem_column"): [p.column or "" for p in problems],
        tx("problem_message"): [p.message_en if en else p.message_ja for p in problems],
    }, dtype="string")
    widths = dict(zip(table.columns, (60, 150, None)))
    st.dataframe(table, hide_index=True, width="stretch",
                 column_config={name: st.column_config.TextColumn(name, width=width) for name, width in widths.items()
                                if width})


# --- downloads -------------------------------------------------------------------------------------------------------


def _encoded(make, encoding: str) -> bytes:
    """Bytes in the chosen encoding; if cp932 cannot hold a character, say so and fall back to UTF-8 with BOM."""
    try:
        return make(encoding)
    except ExportError as error:
        if encoding == "utf-8-sig":
            raise
        st.warning(f"{tx('cp932_failed')} {md(error.message_en if language() == 'en' else error.message_ja)}")
        return make("utf-8-sig")


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


def _years(rows) -> list[int]:
    return sorted({row.context.fiscal_year for row in rows if row.context.fiscal_year})


def render_downloads(model: Model, entries: list[MunicipalityEntry], scored: list[list[sc.ScoreRow]], key: str) -> None:
    lang = language()
    st.subheader(tx("export"))
    encoding = encoding_choice(f"{P}encoding_{key}")
    today = date.today()
    years = sorted({year for rows in scored for year in _years(rows)})

    def scorecards(encoding: str) -> bytes:
        return remembered(f"{key}_scorecards", entries, (lang, encoding, database_version()), lambda: dataframe_to_csv_bytes(
            sc.scorecards_export_frame(((entry, rows, model.type_label(entry.entity_type)) for entry, rows in zip(entries, scored)),
                                       lang, encoding), encoding=encoding))

    def entries_csv(encoding: str) -> bytes:
        return remembered(f"{key}_entries", entries, (lang, encoding),
                          lambda: entries_to_csv_bytes(entries, model.specs, encoding=encoding, language=lang))

    columns = st.columns(2)
    with columns[0]:
        st.download_button(tx("scorecard_download" if len(entries) == 1 else "scorecards_download"),
                           _encoded(scorecards, encoding), file_name=sc.scorecard_filename(entries, years, today),
                           mime="text/csv", key=f"{P}download_scorecard_{key}", on_click="ignore",
                           icon=":material/download:")
    with columns[1]:
        st.download_button(tx("entries_download"), _encoded(entries_csv, encoding),
                           file_name=sc.scorecard_filename(entries, years, today, kind="benchmark_entries"),
                           mime="text/csv", key=f"{P}download_entries_{key}", on_click="ignore",
                           icon=":material/save:")


# --- one municipality ------------------------------------------------------------------------------------------------


def who(entry: MunicipalityEntry) -> str:
    if entry.municipality_name and entry.municipality_code:
        return f"{entry.municipality_name}（{entry.municipality_code}）"
    return entry.municipality_name or entry.municipality_code or tx("who_unnamed")


def render_summary(rows: list[sc.ScoreRow]) -> None:
    lang = language()
    ahead, behind = sc.summary(rows)
    counts = {position: sum(row.position == position for row in rows) for position in sc.POSITIONS}
    st.markdown(md(tx("summary_counts", ahead=counts["ahead"], level=counts["level"], behind=counts["behind"],
                      none=counts["not_comparable"])))
    columns = st.columns(2)
    for column, title, chosen in ((columns[0], "summary_ahead", ahead), (columns[1], "summary_behind", behind)):
        lines = "\n".join(f"{n}. {md(sc.summary_line(row, lang))}" for n, row in enumerate(chosen, start=1))
        column.markdown(f"**{md(tx(title))}**\n\n" + (lines or md(tx("summary_none"))))
    st.caption(md(tx("distance_note")))


def render_sentences(rows: list[sc.ScoreRow]) -> None:
    lang = language()
    topics: dict[str, list[sc.ScoreRow]] = {}
    for row in rows:
        topics.setdefault(row.item.topic(lang), []).append(row)
    for topic, chosen in topics.items():
        st.markdown(f"**{md(topic)}**\n\n" + "\n".join(f"- {md(row.sentence(lang))}" for row in chosen))


def comparison_figure(rows: list[sc.ScoreRow]) -> go.Figure:
    """Per item: the peer value as a bar (group colour), the national value as a tick, and your own status as ◆."""
    lang = language()
    rows = [row for row in rows if row.item.kind != "band"]
    labels = [literal(row.item.label(lang)) for row in rows]
    figure = go.Figure()
    groups: dict[str, list[tuple[str, sc.ScoreRow]]] = {}
    for label, row in zip(labels, rows):
        if row.context.peer is not None:
            groups.setdefault(row.context.peer.group_code, []).append((label, row))
    for code, members in groups.items():
        peer = members[0][1].context.peer
        figure.add_trace(go.Bar(
            y=[label for label, _ in members], x=[row.context.peer.value for _, row in members], orientation="h",
            name=literal(peer.label(lang)), marker=dict(color=group_color(code)),
            text=[f"{row.context.peer.value_printed}%" for _, row in members], textposition="auto",
            insidetextanchor="start", insidetextfont=dict(color="white"), outsidetextfont=dict(color="#333333"),
            cliponaxis=False,
            customdata=[[literal(row.context.peer.text(lang)), literal(row.context.year_label(lang))]
                        for _, row in members],
            hovertemplate="%{y}<br>" + literal(peer.label(lang)) + "：%{customdata[0]}（%{customdata[1]}）<extra></extra>"))
    national = [(label, row) for label, row in zip(labels, rows) if row.context.national is not None]
    if national:
        figure.add_trace(go.Scatter(
            y=[label for label, _ in national], x=[row.context.national.value for _, row in national], mode="markers",
            name=literal(tx("chart_national")), marker=dict(symbol="line-ns-open", size=18, color="#000000",
                                                                 line=dict(width=2)),
            customdata=[[literal(f"{row.context.national.label(lang)} {row.context.national.text(lang)}")]
                        for _, row in national],
            hovertemplate="%{y}<br>%{customdata[0]}<extra></extra>"))
    own = [(label, row) for label, row in zip(labels, rows) if row.answer is not None]
    if own:
        figure.add_trace(go.Scatter(
            y=[label for label, _ in own],
            x=[(100.0 if row.answer else 0.0) if row.item.kind == "yes_no" else float(row.answer) for _, row in own],
            mode="markers", name=literal(tx("chart_own")),
            marker=dict(symbol="diamond", size=13, color="#111111", line=dict(color="white", width=1.5)),
            customdata=[[literal(row.answer_label(lang)), literal(row.position_label(lang))] for _, row in own],
            hovertemplate="%{y}<br>%{customdata[0]}（%{customdata[1]}）<extra></extra>"))
    figure.update_layout(
        title=dict(text=literal(tx("chart_title")), x=0, xanchor="left", font=dict(size=15)),
        height=190 + 30 * len(rows), font=dict(family=FONT, size=13), plot_bgcolor="white", barmode="overlay",
        margin=dict(l=10, r=20, t=80, b=10), bargap=0.3, uniformtext=dict(minsize=11, mode="show"),
        legend=dict(orientation="h", yanchor="top", y=-0.02, x=0, xanchor="left", title_text=""),
        hoverlabel=dict(font_family=FONT))
    figure.update_xaxes(range=[0, 104], ticksuffix="%", gridcolor="#e5e5e5", side="top", title_text="")
    figure.update_yaxes(categoryorder="array", categoryarray=labels, autorange="reversed", automargin=True)
    return figure


def band_figure(row: sc.ScoreRow) -> go.Figure | None:
    context = row.context
    if not context.bands or context.peer is None:
        return None
    lang = language()
    peer = literal(context.peer.label(lang))
    figure = go.Figure()
    for band in context.bands:
        is_own = band.band_code == row.answer
        figure.add_trace(go.Bar(
            y=[peer], x=[band.value or 0], orientation="h", name=literal(band.label(lang)),
            marker=dict(color=BAND_COLORS.get(band.band_code, "#888888"),
                        line=dict(color="#000000" if is_own else "white", width=3 if is_own else 1)),
            text=[f"{band.value_printed}%"], textposition="inside", insidetextanchor="middle",
            hovertemplate=literal(band.label(lang)) + "：" + literal(band.value_printed) + "%<extra></extra>"))
    title = tx("band_chart_title", item=row.item.label(lang), peer=context.peer.label(lang), as_of=context.as_of_text(lang))
    if row.answer is not None:
        title += "　" + tx("band_own", band=row.answer_label(lang))
    figure.update_layout(
        barmode="stack", height=190, font=dict(family=FONT, size=13), plot_bgcolor="white",
        title=dict(text=literal(title), x=0, xanchor="left", font=dict(size=14)),
        margin=dict(l=10, r=10, t=45, b=10), legend=dict(orientation="h", y=-0.25, x=0, title_text="", traceorder="normal"))
    figure.update_xaxes(range=[0, 100.5], ticksuffix="%", gridcolor="#e5e5e5")
    figure.update_yaxes(automargin=True)
    contrast_text(figure)
    return figure


def trend_lines(rows: list[sc.ScoreRow]) -> list[str]:
    lang = language()
    lines = []
    for row in rows:
        context = row.context
        label = row.item.label(lang)
        if context.peer is None:
            lines.append(f"{label}：{tx('trend_no_peer')}" if lang == "ja" else f"{label}: {tx('trend_no_peer')}")
            continue
        series = " → ".join(f"{format_fiscal_year(p.fiscal_year, lang)} {p.value_printed}%" for p in context.trend)
        group = context.peer.label(lang)
        if row.item.kind == "band" and context.measure_band is not None:
            group = f"{group}（{tx('trend_band_series', band=context.measure_band.label(lang))}）" if lang == "ja" else \
                f"{group} ({tx('trend_band_series', band=context.measure_band.label(lang))})"
        line = f"{label} — " + tx("trend_series", peer=group, series=series)
        if context.projection is None:
            line += "　" + tx("trend_not_ranked")
        else:
            line += ("　" if lang == "ja" else " ") + projection_sentence(context.projection, group, lang)
        lines.append(line)
    return lines


def trend_figure(row: sc.ScoreRow) -> go.Figure:
    lang = language()
    context = row.context
    color = group_color(context.peer.group_code)
    figure = go.Figure(go.Scatter(
        x=[p.fiscal_year for p in context.trend], y=[p.value for p in context.trend], mode="lines+markers+text",
        name=literal(context.peer.label(lang)), line=dict(color=color, width=3), marker=dict(size=9, color=color),
        text=[f"{p.value_printed}%" for p in context.trend], textposition="top center",
        hovertemplate="%{x}：%{text}<extra></extra>"))
    projection = context.projection
    if projection is not None and projection.status == "projected":
        # a straight line at the recent pace, up to 100% or the horizon, whichever comes first
        last_year, last = projection.base_years[1], projection.base_values[1]
        span = min(float((Decimal(100) - last) / projection.slope), float(HORIZON_YEARS))
        years = [last_year, last_year + span]
        values = [float(last), min(100.0, float(last + projection.slope * Decimal(str(span))))]
        figure.add_trace(go.Scatter(
            x=years, y=values, mode="lines", name=literal(tx("projection_line")),
            line=dict(color="#777777", dash="dot", width=2), hovertemplate="%{x}：%{y:.1f}%<extra>" +
            literal(tx("projection_line")) + "</extra>"))
    if row.answer is not None and row.item.kind == "percent":
        figure.add_hline(y=float(row.answer), line=dict(color="#111111", dash="dash", width=1.5),
                         annotation_text=literal(tx("band_own", band=row.answer_label(lang))),
                         annotation_position="bottom right")
    figure.update_layout(
        title=dict(text=literal(f"{row.item.label(lang)} — {context.peer.label(lang)}"), x=0, font=dict(size=14)),
        height=340, font=dict(family=FONT, size=13), plot_bgcolor="white", margin=dict(l=10, r=10, t=50, b=10),
        legend=dict(orientation="h", y=-0.2, x=0, title_text=""))
    figure.update_xaxes(dtick=1, tickformat="d", ticksuffix="年度" if lang == "ja" else "", gridcolor="#f0f0f0")
    figure.update_yaxes(range=[0, 109], ticksuffix="%", gridcolor="#e5e5e5")
    return figure


PLOT_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}


def render_scorecard(model: Model, entry: MunicipalityEntry, rows: list[sc.ScoreRow], key: str) -> None:
    lang = language()
    st.header(md(tx("heading_single", who=who(entry))), anchor=False)
    st.caption(md(f"{tx('entity_type')}：{model.type_label(entry.entity_type)}" if lang == "ja"
                  else f"{tx('entity_type')}: {model.type_label(entry.entity_type)}"))
    st.subheader(tx("summary"))
    render_summary(rows)
    st.subheader(tx("sentences"))
    render_sentences(rows)
    st.subheader(tx("scorecard"))
    table = sc.scorecard_display_frame(rows, lang)
    widths = dict(zip(table.columns, (185, 75, 170, 150, 95, 145, 190, 230)))
    config = {name: st.column_config.TextColumn(name, width=width, pinned=index == 0)
              for index, (name, width) in enumerate(widths.items())}
    st.dataframe(table, hide_index=True, width="stretch", height=38 + 35 * len(rows), column_config=config)
    st.subheader(tx("chart"))
    st.plotly_chart(comparison_figure(rows), config=PLOT_CONFIG, width="stretch", key=f"{P}chart_{key}")
    for row in rows:
        if row.item.kind == "band":
            figure = band_figure(row)
            if figure is not None:
                st.plotly_chart(figure, config=PLOT_CONFIG, width="stretch", key=f"{P}band_{key}")
    st.subheader(tx("trend"))
    st.caption(md(tx("trend_caption")))
    st.markdown("\n".join(f"- {md(line)}" for line in trend_lines(rows)))
    with_trend = [row for row in rows if row.context.peer is not None and len(row.context.trend) > 1]
    if with_trend:
        codes = [row.item.item_code for row in with_trend]
        labels = {row.item.item_code: row.item.label(lang) for row in with_trend}
        chosen = st.selectbox(tx("trend_item"), codes, format_func=labels.get, key=f"{P}trend_item_{key}")
        row = next(row for row in with_trend if row.item.item_code == chosen)
        st.plotly_chart(trend_figure(row), config=PLOT_CONFIG, width="stretch", key=f"{P}trend_chart_{key}")
    sources = dict.fromkeys(row.context.source_ja for row in rows if row.context.source_ja)
    st.caption(md(f"{t('source')}：" + " ／ ".join(sources)))


def render_single(model: Model) -> None:
    with st.expander(tx("input_form"), expanded=True, icon=":material/edit_note:"):
        render_form(model)
    with st.expander(tx("input_single_csv"), expanded=bool(st.session_state.get(PROBLEMS_KEY, {}).get("single")),
                     icon=":material/upload_file:"):
        render_upload(model, "single")
    entry = st.session_state.get(ENTRY_KEY)
    if entry is None or entry.entity_type not in model.types:
        st.info(tx("choose_type_first"))
        return
    rows = model.score(entry)
    render_scorecard(model, entry, rows, "single")
    render_downloads(model, [entry], [rows], "single")


# --- many municipalities ---------------------------------------------------------------------------------------------


def display_names(entries: list[MunicipalityEntry]) -> list[str]:
    names, seen = [], {}
    for entry in entries:
        name = who(entry)
        seen[name] = seen.get(name, 0) + 1
        names.append(name if seen[name] == 1 else f"{name} #{seen[name]}")
    return names


def scored_entries(model: Model, entries: list[MunicipalityEntry]) -> list[list[sc.ScoreRow]]:
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


def _short(label: str, limit: int = 14) -> str:
    return label if len(label) <= limit else label[:limit - 1] + "…"


def heatmap_figure(model: Model, order: list[int], names: list[str], scores: pd.DataFrame, answers: pd.DataFrame,
                   scored: list[list[sc.ScoreRow]]) -> go.Figure:
    lang = language()
    shown = order[:HEATMAP_MAX_ROWS]
    answered = [item for item in model.items if (answers[item.item_code] != "").any()] or model.items
    codes = [item.item_code for item in answered]
    positions = {code: j for j, code in enumerate(item.item_code for item in model.items)}
    short = [_short(item.label(lang)) for item in answered]
    # Plotly merges equal category labels, so a truncation that collides keeps the full label
    x = [literal(label if short.count(label) == 1 else item.label(lang)) for label, item in zip(short, answered)]
    y = [literal(names[i]) for i in shown]
    z = scores.iloc[shown][codes].to_numpy()
    cell_text = answers.iloc[shown][codes].map(literal).to_numpy()
    hover = [[literal(f"{scored[i][positions[code]].item.label(lang)}：{scored[i][positions[code]].answer_label(lang)}"
                          f" — {scored[i][positions[code]].position_label(lang)}") for code in codes] for i in shown]
    figure = go.Figure(go.Heatmap(
        z=z, x=x, y=y, text=cell_text, texttemplate="%{text}", textfont=dict(size=12), customdata=hover,
        zmin=-100, zmax=100, colorscale=[[0, "#B35806"], [0.25, "#F1A340"], [0.5, "#F7F7F7"], [0.75, "#67A9CF"],
                                         [1, "#0B5A99"]],
        colorbar=dict(title=dict(text=literal(tx("heatmap_score")), side="right"), tickvals=[-100, -50, 0, 50, 100]),
        xgap=2, ygap=2, hovertemplate="%{y}<br>%{customdata}<extra></extra>", hoverongaps=False))
    figure.update_layout(
        height=190 + 30 * len(shown), font=dict(family=FONT, size=12), plot_bgcolor="#BDBDBD",
        margin=dict(l=10, r=10, t=170, b=10), hoverlabel=dict(font_family=FONT))
    figure.update_xaxes(side="top", tickangle=-50, showgrid=False)
    figure.update_yaxes(autorange="reversed", showgrid=False, automargin=True)
    return figure


def matrix_table(model: Model, order: list[int], entries: list[MunicipalityEntry], scored: list[list[sc.ScoreRow]]) -> pd.DataFrame:
    lang = language()
    records = []
    for i in order:
        entry, rows = entries[i], scored[i]
        record = {
            tx("col_code"): entry.municipality_code or "",
            tx("col_name"): entry.municipality_name,
            tx("col_type"): model.type_label(entry.entity_type),
            tx("col_ahead"): sum(r.position == "ahead" for r in rows),
            tx("col_level"): sum(r.position == "level" for r in rows),
            tx("col_behind"): sum(r.position == "behind" for r in rows),
            tx("col_none"): sum(r.position == "not_comparable" for r in rows),
        }
        for row in rows:
            record[row.item.label(lang)] = row.position_label(lang)
        records.append(record)
    return pd.DataFrame.from_records(records)


def _pick(names: list[str]) -> int:
    state = st.session_state
    if f"{P}pick" not in state:
        saved = state.get(PICK_KEY, 0)
        state[f"{P}pick"] = saved if isinstance(saved, int) and 0 <= saved < len(names) else 0
    index = st.selectbox(tx("pick_municipality"), list(range(len(names))), format_func=lambda i: names[i],
                         key=f"{P}pick")
    state[PICK_KEY] = index
    return index


def render_multiple(model: Model) -> None:
    entries = st.session_state.get(ENTRIES_KEY) or []
    with st.expander(tx("input_multiple_csv"), expanded=not entries or bool(st.session_state.get(PROBLEMS_KEY, {})
                                                                                .get("multiple")),
                     icon=":material/upload_file:"):
        render_upload(model, "multiple")
    entries = st.session_state.get(ENTRIES_KEY) or []
    if not entries:
        st.info(tx("no_entries"))
        return
    lang = language()
    scored = scored_entries(model, entries)
    names = display_names(entries)
    scores, answers = remembered("matrix", entries, (lang, database_version()), lambda: sc.matrix_frames(scored, lang))
    st.header(tx("heatmap"))
    options = ["input", "name", "code", "ahead", "behind", *(f"item:{item.item_code}" for item in model.items)]
    labels = {"input": tx("sort_input"), "name": tx("sort_name"), "code": tx("sort_code"), "ahead": tx("sort_ahead"),
              "behind": tx("sort_behind"),
              **{f"item:{item.item_code}": tx("sort_item", item=item.label(lang)) for item in model.items}}
    option = st.selectbox(tx("heatmap_sort"), options, format_func=labels.get, key=f"{P}heatmap_sort")
    order = sort_order(option, entries, scores)
    st.caption(md(tx("heatmap_caption")))
    if len(order) > HEATMAP_MAX_ROWS:
        st.caption(md(tx("heatmap_limit", shown=HEATMAP_MAX_ROWS, count=len(order))))
    st.plotly_chart(heatmap_figure(model, order, names, scores, answers, scored), config=PLOT_CONFIG, width="stretch",
                    key=f"{P}heatmap")
    st.subheader(tx("matrix_table"))
    st.dataframe(matrix_table(model, order, entries, scored), hide_index=True, width="stretch")
    render_downloads(model, entries, scored, "multiple")
    st.divider()
    index = _pick(names)
    render_scorecard(model, entries[index], scored[index], "multiple")


# --- print -----------------------------------------------------------------------------------------------------------


def render_print(model: Model, mode: str) -> None:
    lang = language()
    st.caption(tx("print_hint"))
    if mode == "multiple":
        entries = st.session_state.get(ENTRIES_KEY) or []
        if not entries:
            st.info(tx("nothing_to_print"))
            return
        scored = scored_entries(model, entries)
        index = _pick(display_names(entries))
        entry, rows = entries[index], scored[index]
    else:
        entry = st.session_state.get(ENTRY_KEY)
        if entry is None or entry.entity_type not in model.types:
            st.info(tx("nothing_to_print"))
            return
        rows = model.score(entry)
    as_of = sorted({row.context.as_of for row in rows if row.context.as_of})
    as_of_text = "、".join(format_date(d, lang) for d in as_of) if lang == "ja" else \
        ", ".join(format_date(d, lang) for d in as_of)
    st.header(md(tx("print_heading", who=who(entry), entity=model.type_label(entry.entity_type))), anchor=False)
    st.markdown(md(tx("print_made", date=format_date(date.today(), lang), as_of=as_of_text)))
    st.subheader(tx("summary"))
    render_summary(rows)
    st.subheader(tx("sentences"))
    render_sentences(rows)
    st.subheader(tx("scorecard"))
    st.table(sc.scorecard_display_frame(rows, lang))
    st.subheader(tx("trend"))
    st.markdown("\n".join(f"- {md(line)}" for line in trend_lines(rows)))
    st.caption(md(tx("print_note")))
    sources = dict.fromkeys(row.context.source_ja for row in rows if row.context.source_ja)
    st.caption(md(f"{tx('print_sources')}：" + " ／ ".join(sources)))


# --- page ------------------------------------------------------------------------------------------------------------


def _on_mode_change() -> None:
    st.session_state[MODE_KEY] = st.session_state.get(f"{P}mode", "single")


def render_benchmark_page() -> None:
    st.markdown(PRINT_CSS, unsafe_allow_html=True)  # static stylesheet only, no user text
    st.title(t("nav_benchmark"))
    model = benchmark_model(database_version())
    state = st.session_state
    if f"{P}mode" not in state:
        state[f"{P}mode"] = state.get(MODE_KEY, "single")
    top = st.columns([3, 1])
    modes = {"single": tx("mode_single"), "multiple": tx("mode_multiple")}  # labels fixed now, not at display time
    mode = top[0].radio(tx("mode"), list(modes), horizontal=True, key=f"{P}mode", on_change=_on_mode_change,
                        format_func=modes.get)
    print_view = top[1].toggle(tx("print_view"), key=f"{P}print")
    if print_view:
        render_print(model, mode)
        return
    st.caption(tx("intro"))
    if mode == "multiple":
        render_multiple(model)
    else:
        render_single(model)
