"""One municipality's report, drawn from the same sections on screen and in the print view: who, the summary, the
sentences, the scorecard, the trend lines and the sources; the screen adds the charts and the trend chooser.

A user's name and code are drawn with st.text only: markdown would turn a bare web address into a link and
`:material/…:` into an icon. Our own sentences around data labels go through `md`."""
from __future__ import annotations

from datetime import date

import streamlit as st

from benchmark.projection import projection_sentence
from benchmark.scoring import POSITIONS, ScoreRow, summary
from benchmark.vocabulary import MunicipalityEntry
from benchmark.wording import basis_line, scorecard_display_frame, sentence, summary_line
from common.fiscal_years import format_fiscal_year
from common.formatting import format_date, format_dates
from common.texts import text
from dashboard.benchmark_charts import PLOT_CONFIG, band_figure, comparison_figure, trend_figure
from dashboard.benchmark_model import Model
from dashboard.benchmark_state import P, who
from dashboard.i18n import labelled_in_language
from dashboard.markdown import md


def render_report(model: Model, entry: MunicipalityEntry, rows: list[ScoreRow], key: str, lang: str,
                  printed: bool = False) -> None:
    """The report of one entry; `printed` draws the print view (static table, no charts or widgets)."""
    subject = text("report_subject", lang, who=who(entry, lang), entity=model.type_label(entry.entity_type, lang))
    if printed:
        st.header(text("print_title", lang), anchor=False)
        st.text(subject)
        as_of = sorted({row.context.as_of for row in rows if row.context.as_of})
        st.markdown(md(text("print_made", lang, date=format_date(date.today(), lang), as_of=format_dates(as_of, lang))))
    else:
        st.header(text("report_heading", lang), anchor=False)
        st.text(subject)
    st.subheader(text("summary", lang))
    render_summary(rows, lang)
    st.subheader(text("sentences", lang))
    render_sentences(rows, lang)
    st.subheader(text("scorecard", lang))
    table = scorecard_display_frame(rows, lang)
    if printed:
        st.table(table)
    else:
        widths = dict(zip(table.columns, (185, 75, 170, 150, 95, 145, 190, 230)))
        config = {name: st.column_config.TextColumn(name, width=width, pinned=index == 0)
                  for index, (name, width) in enumerate(widths.items())}
        st.dataframe(table, hide_index=True, width="stretch", height=38 + 35 * len(rows), column_config=config)
        render_charts(rows, key, lang)
    st.subheader(text("basis_heading", lang))
    st.markdown("\n".join(f"- {md(basis_line(row.context, lang))}" for row in rows))
    st.subheader(text("trend", lang))
    if not printed:
        st.caption(md(text("trend_caption", lang)))
    st.markdown("\n".join(f"- {md(line)}" for line in trend_lines(rows, lang)))
    if printed:
        st.caption(md(text("print_note", lang)))
    else:
        render_trend_chart(rows, key, lang)
    sources = dict.fromkeys(row.context.source_ja for row in rows if row.context.source_ja)
    st.caption(md(text("labelled", lang, label=text("print_sources" if printed else "source", lang),
                       value=text("list_separator", lang).join(sources))))
    for attribution in dict.fromkeys(filter(None, (row.context.attribution(lang) for row in rows))):
        st.caption(md(attribution))  # says 出典 / Source itself, in the reader's language


def render_summary(rows: list[ScoreRow], lang: str) -> None:
    ahead, behind = summary(rows)
    counts = {position: sum(row.position == position for row in rows) for position in POSITIONS}
    st.markdown(md(text("summary_counts", lang, ahead=counts["ahead"], level=counts["level"], behind=counts["behind"],
                        none=counts["not_comparable"])))
    columns = st.columns(2)
    for column, title, chosen in ((columns[0], "summary_ahead", ahead), (columns[1], "summary_behind", behind)):
        lines = "\n".join(f"{n}. {md(summary_line(row, lang))}" for n, row in enumerate(chosen, start=1))
        column.markdown(f"**{md(text(title, lang))}**\n\n" + (lines or md(text("summary_none", lang))))
    st.caption(md(text("distance_note", lang)))


def render_sentences(rows: list[ScoreRow], lang: str) -> None:
    topics: dict[str, list[ScoreRow]] = {}
    for row in rows:
        topics.setdefault(row.item.topic(lang), []).append(row)
    for topic, chosen in topics.items():
        st.markdown(f"**{md(topic)}**\n\n" + "\n".join(f"- {md(sentence(row, lang))}" for row in chosen))


def render_charts(rows: list[ScoreRow], key: str, lang: str) -> None:
    st.subheader(text("chart", lang))
    st.plotly_chart(comparison_figure(rows, lang), config=PLOT_CONFIG, width="stretch", key=f"{P}chart_{key}")
    for row in rows:
        if row.item.kind == "band":
            figure = band_figure(row, lang)
            if figure is not None:
                st.plotly_chart(figure, config=PLOT_CONFIG, width="stretch", key=f"{P}band_{key}")


def render_trend_chart(rows: list[ScoreRow], key: str, lang: str) -> None:
    with_trend = [row for row in rows if row.context.trend_peer is not None and len(row.context.trend) > 1]
    if with_trend:
        codes = [row.item.item_code for row in with_trend]
        labels = {row.item.item_code: row.item.label(lang) for row in with_trend}
        chosen = st.selectbox(text("trend_item", lang), codes, format_func=labels.get,
                              key=labelled_in_language(f"{P}trend_item_{key}"))
        row = next(row for row in with_trend if row.item.item_code == chosen)
        st.plotly_chart(trend_figure(row, lang), config=PLOT_CONFIG, width="stretch", key=f"{P}trend_chart_{key}")


def trend_lines(rows: list[ScoreRow], lang: str) -> list[str]:
    lines = []
    for row in rows:
        context = row.context
        label = row.item.label(lang)
        if context.trend_peer is None:
            lines.append(text("labelled", lang, label=label, value=text("trend_no_peer", lang)))
            continue
        series = " → ".join(f"{format_fiscal_year(p.fiscal_year, lang)} {p.value_printed}%" for p in context.trend)
        group = context.trend_peer.label(lang)
        if row.item.kind == "band" and context.measure_band is not None:
            group = text("bracketed", lang, text=group, note=text("trend_band_series", lang, band=context.measure_band.label(lang)))
        line = f"{label} — " + text("trend_series", lang, peer=group, series=series)
        if context.projection is None:
            line = text("gap_join", lang, first=line, second=text("trend_not_ranked", lang))
        else:
            line = text("gap_join", lang, first=line, second=projection_sentence(context.projection, group, lang))
        lines.append(line)
    return lines
