"""A topic page: filters from the URL, one chart per panel with its table, CSV export and notes, then the sources."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard import charts
from dashboard.db import query
from dashboard.exports import export_panel
from dashboard.filters import page_filters, show_notices
from dashboard.formatting import as_of_phrase
from dashboard.i18n import language, pick, t
from dashboard.labels import breakdown_labels, group_labels, labelled_facts, year_labels
from dashboard.notes import coarser_groups_note, notes_expander, sources_footer
from dashboard.url_state import FilterOptions, ItemFilter, Selection


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


def page_indicators(spec: TopicPage) -> list[str]:
    return list(dict.fromkeys(code for panel in spec.panels for code in panel.indicators))


def filter_options(spec: TopicPage) -> FilterOptions:
    indicators = page_indicators(spec)
    years = sorted({int(y) for code in indicators for y in query("indicator_years", indicator_code=code).fiscal_year})
    published = pd.concat([query("indicator_groups", indicator_code=code) for code in indicators])
    groups = list(published.drop_duplicates("group_code").sort_values("sort_order").group_code)
    items = []
    for source in spec.item_sources:
        allowed = tuple(query("breakdowns", indicator_code=source.breakdown_of).breakdown_code) if source.breakdown_of else source.indicators
        items.append(ItemFilter(source.name, allowed, allowed))
    return FilterOptions(tuple(years), tuple(groups), (years[-1],), tuple(groups), tuple(items))


def render_topic_page(spec: TopicPage) -> None:
    topics = query("topics").set_index("topic_code")
    st.title(" ・ ".join(pick(topics.at[code, "label_ja"], topics.at[code, "label_en"]) for code in spec.topics))
    st.caption(" ".join(topics.at[code, "heading_printed"] for code in dict.fromkeys(spec.topics)))
    indicators = page_indicators(spec)
    options = filter_options(spec)
    years, groups = year_labels(), group_labels(indicators)
    meta = pd.concat([query("topic_indicators", topic_code=topic) for topic in spec.topics]).set_index("indicator_code")
    item_labels = {}
    for source in spec.item_sources:
        if source.breakdown_of:
            labels = breakdown_labels(source.breakdown_of)
            heading = pick(meta.at[source.breakdown_of, "breakdown_dimension_ja"], meta.at[source.breakdown_of, "breakdown_dimension_en"])
            heading = f"{pick(meta.at[source.breakdown_of, 'label_ja'], meta.at[source.breakdown_of, 'label_en'])}：{heading}" \
                if len(spec.item_sources) > 1 else heading
        else:
            labels = {code: pick(meta.at[code, "label_ja"], meta.at[code, "label_en"]) for code in source.indicators}
            heading = t("indicators")
        item_labels[source.name] = (heading, lambda code, labels=labels: labels.get(code, code))
    selection, notices = page_filters(spec.page_id, options, lambda y: years.get(y, str(y)), lambda g: groups.get(g, g), item_labels)
    show_notices(notices)
    encoding = st.radio(t("encoding"), ["utf-8-sig", "cp932"], horizontal=True, key=f"{spec.page_id}__encoding",
                        format_func=lambda e: t("encoding_utf8") if e == "utf-8-sig" else t("encoding_cp932"))
    if not selection.fiscal_years or not selection.groups:
        st.info(t("nothing_selected"))
    else:
        for index, panel in enumerate(spec.panels):
            render_panel(spec, panel, index, selection, encoding)
    sources_footer(indicators)


def panel_frame(panel: Panel, selection: Selection) -> pd.DataFrame:
    """The published rows this panel shows: its (chosen) indicators, the selected years, groups and items."""
    indicators = [code for code in panel.indicators
                  if panel.indicator_filter is None or code in selection.items_for(panel.indicator_filter)]
    items = list(selection.items_for(panel.item_filter)) if panel.item_filter else []
    if panel.item_filter and not items:
        return pd.DataFrame()
    frames = []
    for code in indicators:
        rows = query("facts_selection", indicator_code=code, fiscal_years=list(selection.fiscal_years),
                     group_codes=list(selection.groups), breakdown_codes=items)
        meta = query("topic_indicators", topic_code=_topic_of(code)).set_index("indicator_code")
        rows["indicator_label"] = pick(meta.at[code, "label_ja"], meta.at[code, "label_en"])
        frames.append(rows)
    frames = [frame for frame in frames if not frame.empty]
    return labelled_facts(pd.concat(frames, ignore_index=True)) if frames else pd.DataFrame()


def _topic_of(indicator_code: str) -> str:
    return query("indicator_topic", indicator_code=indicator_code).topic_code.iloc[0]


def render_panel(spec: TopicPage, panel: Panel, index: int, selection: Selection, encoding: str) -> None:
    if len(selection.fiscal_years) < panel.min_years:
        return
    frame = panel_frame(panel, selection)
    if frame.empty:
        if panel.indicator_filter is None or any(code in selection.items_for(panel.indicator_filter) for code in panel.indicators):
            st.info(t("no_rows"))
        return
    for code, rows in frame.groupby("indicator_code", sort=False):
        if panel.chart == "side_by_side" and code != frame.indicator_code.iloc[0]:
            continue
        shown = frame if panel.chart == "side_by_side" else rows
        meta = query("topic_indicators", topic_code=_topic_of(code)).set_index("indicator_code")
        title = pick(meta.at[code, "title_ja"], meta.at[code, "title_en"])
        if panel.chart == "side_by_side":
            title = "・".join(dict.fromkeys(pick(meta.at[c, "title_ja"], meta.at[c, "title_en"]) for c in shown.indicator_code))
        title = f"{title}　{as_of_phrase(list(shown.as_of), language())}"
        draw_chart(panel, shown, title, meta.at[code, "unit"])
        st.caption(f"{t('source')}：" + " ／ ".join(dict.fromkeys(shown.source_ja)))
        coarser_groups_note(code, int(shown.fiscal_year.max()))
        export_panel(spec, panel, shown, encoding, key=f"{spec.page_id}__{index}__{code}")
        notes_expander(list(dict.fromkeys(shown.indicator_code)), list(selection.fiscal_years))


def draw_chart(panel: Panel, frame: pd.DataFrame, title: str, unit: str) -> None:
    y_title = t("percent") if unit == "pct" else t("cases")
    config = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}
    if panel.chart == "trend":
        figures = [charts.trend_or_bars(frame, title, y_title, t("fiscal_year"))]
    elif panel.chart == "small_multiples":
        figures = [figure for _, figure in charts.small_multiples(frame, title, y_title, t("fiscal_year"))]
    elif panel.chart == "heatmap":
        figures = [charts.heatmap(frame, title, t("percent"))]
    elif panel.chart == "ranked":
        figures = [charts.ranked_bars(frame, title, t("cases"))]
    elif panel.chart in ("bands", "progress"):
        figures = [charts.stacked_shares(frame, title, t("percent"), charts.BAND_AND_PROGRESS, stack_to_100=panel.chart == "bands")]
    elif panel.chart == "side_by_side":
        figures = [charts.side_by_side(frame, title, y_title)]
    else:
        raise ValueError(f"unknown chart kind {panel.chart!r}")
    for figure in figures:
        st.plotly_chart(figure, config=config, width="stretch")
