"""A topic page: filters from the URL, one chart per panel with its table, CSV export and notes, then the sources.

Everything a panel shows is computed once per database version, page, selection, language and encoding, and cached
as a shared, read-only resource (it holds only published data, never anything a user typed); a rerun then only draws.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from common.formatting import as_of_phrase, bracketed, labelled, sources_joined
from common.texts import pick, text
from dashboard import charts
from dashboard.db import database_version, query
from dashboard.exports import Export, csv_export, encoding_choice, export_table, shown_table
from dashboard.filters import page_filters, show_notices
from dashboard.i18n import language
from dashboard.labels import breakdown_labels, group_labels, labelled_facts, year_labels
from dashboard.overview import TargetLine, targets_of_topics
from dashboard.notes import Notes, coarser_groups_sentence, notes_for, show_notes, show_sources, source_lines
from dashboard.url_state import FilterOptions, ItemFilter, Selection

CHART_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}
# Plotly's own words (the chart's tool bar) in Japanese: Plotly looks every label up in config.locales first.
PLOTLY_JAPANESE = {"locale": "ja", "locales": {"ja": {"dictionary": {
    "Download plot as a PNG": "グラフをPNG画像で保存", "Download plot": "グラフを保存", "Zoom": "拡大（範囲を選択）",
    "Pan": "移動", "Zoom in": "拡大", "Zoom out": "縮小", "Autoscale": "全体を表示", "Reset axes": "軸を元に戻す",
    "Reset": "元に戻す", "Toggle Spike Lines": "補助線の表示を切り替え", "Show closest data on hover": "最も近い値を表示",
    "Compare data on hover": "同じ年度の値を並べて表示", "Double-click to zoom back out": "ダブルクリックで元の表示に戻ります",
}}}}


def chart_config(lang: str) -> dict:
    return {**CHART_CONFIG, **PLOTLY_JAPANESE} if lang == "ja" else CHART_CONFIG


@dataclass(frozen=True)
class Panel:
    """One chart. `indicator_filter` lets a page filter choose among its indicators; `item_filter` picks breakdown items."""

    indicators: tuple[str, ...]
    chart: str  # trend | small_multiples | heatmap | ranked | bands | progress | side_by_side
    item_filter: str | None = None
    indicator_filter: str | None = None
    export_name: str = ""
    min_years: int = 1  # e.g. a trend drawn only when two or more years are selected


@dataclass(frozen=True)
class ItemSource:
    """Where an item filter's choices come from: an indicator's breakdown (labelled as the source names it, e.g. 機能),
    or a list of indicators."""

    name: str
    breakdown_of: str | None = None
    indicators: tuple[str, ...] = ()


@dataclass(frozen=True)
class TopicPage:
    page_id: str
    topics: tuple[str, ...]
    panels: tuple[Panel, ...]
    item_sources: tuple[ItemSource, ...] = ()
    distribution: tuple[str, ...] = ()  # per-government indicators whose distribution the page shows (a choice if several)

    @property
    def indicators(self) -> list[str]:
        return list(dict.fromkeys(code for panel in self.panels for code in panel.indicators))


@dataclass(frozen=True)
class PageModel:
    title: str
    heading: str
    options: FilterOptions
    year_labels: dict[int, str]
    group_labels: dict[str, str]
    item_labels: dict[str, tuple[str, dict[str, str]]]  # filter name → (widget label, code → label)
    sources: tuple[tuple[str, tuple[str, ...]], ...]
    targets: tuple[TargetLine, ...] = ()


@dataclass(frozen=True)
class ChartView:
    """One chart with everything around it, ready to draw."""

    key: str
    title: str
    figures: tuple[go.Figure, ...]
    source: str
    coarser_groups: str | None
    table: pd.DataFrame  # the rows as printed (exports.shown_table); the CSV keeps numbers as numbers
    export: Export
    notes: Notes


# Cache keys: a spec or selection is a frozen dataclass of strings, numbers and tuples, so its repr is exact. Measured:
# Streamlit's generic hashing of a spec and a selection takes 1.2 ms, their repr 0.04 ms; a topic page looks its
# caches up once per panel and once for the page, so about 5 ms of a 60 ms rerun.
BY_REPR = {TopicPage: repr, Selection: repr}


@st.cache_resource(max_entries=64, show_spinner=False, hash_funcs=BY_REPR)
def page_model(spec: TopicPage, lang: str, version: tuple) -> PageModel:
    """Labels, filter options and sources of a page. `lang` and `version` are part of the cache key."""
    topics = query("topics").set_index("topic_code")
    meta = pd.concat([query("topic_indicators", topic_code=topic) for topic in spec.topics]).set_index("indicator_code")
    years = sorted({int(y) for code in spec.indicators for y in query("indicator_years", indicator_code=code).fiscal_year})
    published = pd.concat([query("indicator_groups", indicator_code=code) for code in spec.indicators])
    groups = list(published.drop_duplicates("group_code").sort_values("sort_order").group_code)
    items, item_labels = [], {}
    for source in spec.item_sources:
        if source.breakdown_of:
            labels = breakdown_labels(source.breakdown_of, lang)
            heading = pick(meta.at[source.breakdown_of, "breakdown_dimension_ja"], meta.at[source.breakdown_of, "breakdown_dimension_en"], lang)
            if len(spec.item_sources) > 1:
                heading = labelled(pick(meta.at[source.breakdown_of, 'label_ja'], meta.at[source.breakdown_of, 'label_en'], lang), heading, lang)
        else:
            labels = {code: pick(meta.at[code, "label_ja"], meta.at[code, "label_en"], lang) for code in source.indicators}
            heading = text("indicators", lang)
        items.append(ItemFilter(source.name, tuple(labels), tuple(labels)))
        item_labels[source.name] = (heading, labels)
    return PageModel(
        title=text("topic_separator", lang).join(pick(topics.at[code, "label_ja"], topics.at[code, "label_en"], lang) for code in spec.topics),
        heading=" ".join(dict.fromkeys(topics.at[code, "heading_printed"] for code in spec.topics)),
        options=FilterOptions(tuple(years), tuple(groups), (years[-1],), tuple(groups), tuple(items)),
        year_labels=year_labels(lang), group_labels=group_labels(spec.indicators, lang), item_labels=item_labels,
        sources=tuple((title, tuple(lines)) for title, lines in (source_lines(code, lang) for code in spec.indicators)),
        targets=tuple(targets_of_topics(spec.topics, lang)),
    )


@dataclass(frozen=True)
class TopicHeader:
    """What a topic page without panels shows (デジタルデバイド対策: a heading and no figures)."""

    title: str
    heading: str  # as printed in 別紙1
    definition: str
    notes: Notes  # of the topic's first indicator, over all its years
    sources: tuple[tuple[str, tuple[str, ...]], ...]


@st.cache_resource(max_entries=32, show_spinner=False)
def topic_header(topic_code: str, lang: str, version: tuple) -> TopicHeader:
    """A topic's title, printed heading, definition, notes and source; `lang` and `version` key the cache."""
    topic = query("topics").set_index("topic_code").loc[topic_code]
    indicator = query("topic_indicators", topic_code=topic_code).iloc[0]
    title, lines = source_lines(indicator.indicator_code, lang)
    return TopicHeader(pick(topic.label_ja, topic.label_en, lang), topic.heading_printed,
                       pick(indicator.definition_ja, indicator.definition_en, lang),
                       notes_for([indicator.indicator_code], [], lang), ((title, tuple(lines)),))


def render_topic_page(spec: TopicPage) -> None:
    lang = language()
    model = page_model(spec, lang, database_version())
    st.title(model.title)
    st.caption(model.heading)
    show_targets(model.targets, lang)
    item_labels = {name: (heading, lambda code, labels=labels: labels.get(code, code))
                   for name, (heading, labels) in model.item_labels.items()}
    selection, notices = page_filters(spec.page_id, model.options, lambda y: model.year_labels.get(y, str(y)),
                                      lambda g: model.group_labels.get(g, g), item_labels)
    show_notices(notices)
    encoding = encoding_choice(f"{spec.page_id}__encoding")
    if not selection.fiscal_years or not selection.groups:
        st.info(text("nothing_selected", lang))
    else:
        for index, panel in enumerate(spec.panels):
            views = panel_views(spec, index, selection, lang, encoding, database_version())
            if views is None:
                st.info(text("no_rows", lang))
            for view in views or ():
                draw(view)
    if spec.distribution:
        from dashboard.distribution_view import show_distribution  # it reuses this module's chart settings
        show_distribution(spec.page_id, spec.distribution, lang)
    show_sources(model.sources)


def show_targets(targets: tuple[TargetLine, ...], lang: str) -> None:
    """The plan's targets for this topic and how far the latest published value is from them (as on the overview).
    Their words come from the source text: shown as text, never as markdown."""
    if not targets:
        return
    with st.container(border=True):
        st.markdown(f":material/flag: **{text('target', lang)}**")
        for target in targets:
            st.text(bracketed(target.label, target.deadline, lang))
            st.text(target.note)


def draw(view: ChartView) -> None:
    lang = language()
    for number, figure in enumerate(view.figures):
        st.plotly_chart(figure, config=chart_config(lang), width="stretch", key=f"{view.key}__chart{number}")
    st.caption(view.source)
    if view.coarser_groups:
        st.caption("ℹ️ " + view.coarser_groups)
    with st.expander(text("table_of_chart", lang), expanded=False):
        # A plain HTML table: it reads and copies into Excel as a table, and needs none of the interactive grid's
        # scripts, which delayed the page's first chart by 0.25–0.4 s (docs/performance.md). The CSV is below.
        st.table(view.table, hide_index=True, alt=view.title)
    if view.export.problem:
        st.error(view.export.problem)
    st.download_button(text("download_csv", lang), data=view.export.data, file_name=view.export.file_name, mime="text/csv",
                       key=f"{view.key}__download", on_click="ignore", icon=":material/download:")
    show_notes(view.notes)


@st.cache_resource(max_entries=2048, show_spinner=False, hash_funcs=BY_REPR)
def panel_views(spec: TopicPage, index: int, selection: Selection, lang: str, encoding: str,
                version: tuple) -> tuple[ChartView, ...] | None:
    """The charts of one panel for a selection: () when the panel does not apply, None when nothing is published."""
    panel = spec.panels[index]
    chosen = [code for code in panel.indicators if panel.indicator_filter is None or code in selection.items_for(panel.indicator_filter)]
    if len(selection.fiscal_years) < panel.min_years or not chosen:
        return ()
    frame = panel_frame(chosen, panel, selection, lang)
    if frame.empty:
        return None
    parts = [frame] if panel.chart == "side_by_side" else [rows for _, rows in frame.groupby("indicator_code", sort=False)]
    return tuple(chart_view(spec, index, panel, rows, selection, encoding, lang) for rows in parts)


def panel_frame(indicators: list[str], panel: Panel, selection: Selection, lang: str) -> pd.DataFrame:
    """The published rows a panel shows: its chosen indicators, the selected years, groups and items."""
    items = list(selection.items_for(panel.item_filter)) if panel.item_filter else []
    if panel.item_filter and not items:
        return pd.DataFrame()
    frames = []
    for code in indicators:
        rows = query("facts_selection", indicator_code=code, fiscal_years=list(selection.fiscal_years),
                     group_codes=list(selection.groups), breakdown_codes=items)
        meta = query("indicator_meta", indicator_code=code).iloc[0]
        frames.append(rows.assign(indicator_label=pick(meta.label_ja, meta.label_en, lang)))
    frames = [frame for frame in frames if not frame.empty]
    return labelled_facts(pd.concat(frames, ignore_index=True), lang) if frames else pd.DataFrame()


def chart_view(spec: TopicPage, index: int, panel: Panel, frame: pd.DataFrame, selection: Selection, encoding: str,
               lang: str) -> ChartView:
    codes = list(dict.fromkeys(frame.indicator_code))
    metas = [query("indicator_meta", indicator_code=code).iloc[0] for code in codes]
    # one table: its title as printed; several drawn together: the figure's title (e.g. 交付状況及び保有状況)
    main = pick(metas[0].title_ja, metas[0].title_en, lang) if len(metas) == 1 else \
        pick(metas[0].figure_title_ja, metas[0].figure_title_en, lang)
    title = (main, as_of_phrase(list(frame.as_of), lang))
    table = export_table(frame, lang)
    return ChartView(
        key=f"{spec.page_id}__{index}__{codes[0]}",
        title=" ".join(title),
        figures=tuple(charts.as_drawn(figure) for figure in figures(panel.chart, frame, title, metas[0].unit, lang)),
        source=labelled(text('source', lang), sources_joined(frame.source_ja, lang), lang),
        coarser_groups=coarser_groups_sentence(codes[0], int(frame.fiscal_year.max()), lang),
        table=shown_table(table, frame, lang),
        export=csv_export(table, frame, panel.export_name or codes[0], encoding, lang),
        notes=notes_for(codes, list(selection.fiscal_years), lang),
    )


def figures(kind: str, frame: pd.DataFrame, title: tuple[str, str], unit: str, lang: str) -> list[go.Figure]:
    percent, cases = text("percent", lang), text("cases", lang)
    y_title = percent if unit == "pct" else cases
    same_value = text("same_value_as", lang, groups="{groups}")  # filled in per point by the chart
    if kind == "trend":
        return [charts.trend_or_bars(frame, title, y_title, lang, same_value)]
    if kind == "small_multiples":
        return charts.small_multiples(frame, title, y_title, lang, same_value)
    if kind == "heatmap":
        return [charts.heatmap(frame, title, percent)]
    if kind == "ranked":
        return [charts.ranked_bars(frame, title, cases, lang)]
    if kind in ("bands", "progress"):
        return [charts.stacked_shares(frame, title, percent, charts.BAND_AND_PROGRESS, stack_to_100=kind == "bands", lang=lang)]
    if kind == "side_by_side":
        return [charts.side_by_side(frame, title, y_title, lang)]
    raise ValueError(f"unknown chart kind {kind!r}")
