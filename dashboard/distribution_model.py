"""What a topic page's distribution view shows, from the per-government cells of one indicator: every municipality's
value (a rate: by type, one point each) or answer (実施/未実施/調査無し/報告なし: the share 実施 by type with its
counts), and the list of governments behind it, each linked to its profile. A prefecture-level indicator (the
prefectures' online procedures) shows the 47 prefectures as one type. Computed once per indicator, language and
database version; a rerun only filters the list."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pyarrow as pa
import plotly.graph_objects as go
import streamlit as st

from common.formatting import labelled
from common.texts import pick, text
from dashboard.charts import FONT, as_drawn, literal
from dashboard.db import query
from dashboard.government_data import (attributions, cells, fiscal_year_of, governments, governments_in_year, indicators,
                                       iso_date, latest, names_in_prefecture)
from dashboard.peer_text import status_text
from dashboard.prefecture_model import SYMBOLS, profile_url
from governments.peers import DONE, NOT_APPLICABLE, NOT_DONE, NOT_REPORTED, NOT_SURVEYED, statuses_of

ANSWERS = (DONE, NOT_DONE, NOT_SURVEYED, NOT_REPORTED)
DONE_COLOR, POINT_COLOR = "#0072B2", "#0072B2"  # Okabe–Ito blue, as the other charts


@dataclass(frozen=True)
class Distribution:
    indicator_code: str
    label: str
    kind: str                  # "rate" | "answer"
    figure: go.Figure
    by_type: pd.DataFrame      # per type: counts (and the share 実施, or the median and quartiles of a rate)
    governments: pd.DataFrame  # one row per government: `type_code`, `answer`, `prefecture_code`: what the list is filtered by
    shown_list: pa.Table       # the same rows as shown; Arrow already, so a rerun does not convert 1,741 rows again
    type_labels: dict[str, str]
    prefecture_labels: dict[str, str]  # prefecture code → name, in code order: the list's prefecture filter
    source: str                # source, as-of date, attribution and what the values are


@st.cache_resource(max_entries=32, show_spinner=False)
def distribution(indicator_code: str, lang: str, version: tuple) -> Distribution:
    """`lang` and `version` key the cache."""
    meta = indicators().loc[indicator_code]
    as_of = latest(cells(indicator_code))[1]
    prefectures = meta.level == "pref"  # the prefectures' own indicators: the 47 are the governments shown
    rows = query("government_distribution_prefectures" if prefectures else "government_distribution",
                 indicator_code=indicator_code, as_of=None if as_of is None else pd.Timestamp(as_of).date())
    frame = governments_in_year(fiscal_year_of(as_of), version)
    shown_governments = frame[(frame.government_code == frame.prefecture_government_code) == prefectures]
    type_labels = type_names(lang, prefectures)
    label = pick(str(meta.label_ja).strip(), meta.label_en, lang)
    kind = "rate" if meta.kind == "pct" else "answer"
    listed = government_rows(shown_governments, rows, kind, lang)
    order = [code for code in type_labels if code in set(listed.type_code)]
    as_of_words = as_of_phrase(as_of, lang)
    if kind == "rate":
        figure, by_type = rate_figure(listed, order, type_labels, label, as_of_words, prefectures, lang)
    else:
        figure, by_type = answer_figure(listed, order, type_labels, label, as_of_words, lang)
    notes = [text("distribution_source", lang, source="／".join(attributions([meta.source_id])), as_of=iso_date(as_of), cells=len(rows)),
             text("distribution_share_base", lang) if kind == "answer" else text("distribution_blank_note", lang)]
    if as_of is None:  # the source carries no date and 別紙1 prints nothing to reconcile it with (indicators.csv)
        notes.append(text("distribution_undetermined_note", lang))
    prefecture_labels = dict(sorted(zip(listed.prefecture_code, listed.prefecture)))
    return Distribution(indicator_code, label, kind, as_drawn(figure), by_type, listed[["type_code", "answer", "prefecture_code"]],
                        pa.Table.from_pandas(shown(listed, kind, lang), preserve_index=False),
                        {code: type_labels[code] for code in order}, prefecture_labels, (" " if lang == "en" else "").join(notes))


@st.cache_resource(max_entries=32, show_spinner=False)
def choice_labels(indicator_codes: tuple[str, ...], lang: str, version: tuple) -> dict[str, str]:
    """How the picker names each indicator; where a page offers both levels, whose it is (市区町村：… / 都道府県：…).
    Once per page, language and database version: a page may offer 85 (the online procedures)."""
    meta = indicators().loc[list(indicator_codes)]
    both = meta.level.nunique() > 1
    labels = {}
    for row in meta.itertuples():
        label = pick(str(row.label_ja).strip(), row.label_en, lang)
        labels[row.indicator_code] = labelled(text(f"distribution_level_{row.level}", lang), label, lang) if both else label
    return labels


def as_of_phrase(as_of, lang: str) -> str:
    """「2023-04-01時点」 / "as of 2023-04-01", or 時点未確定 / "date undetermined" where the source's date is unknown."""
    return text("as_of_undetermined", lang) if as_of is None or pd.isna(as_of) else text("distribution_as_of", lang, date=iso_date(as_of))


def type_names(lang: str, prefectures: bool = False) -> dict[str, str]:
    """Type code → label, in the types' order: the municipal types, or the prefectures' own."""
    frame = governments().drop_duplicates("entity_type").sort_values("type_order")
    return {row.entity_type: pick(row.type_label_ja, row.type_label_en, lang) for row in frame.itertuples()
            if (row.entity_type == "pref") == prefectures}


def government_rows(municipalities: pd.DataFrame, rows: pd.DataFrame, kind: str, lang: str) -> pd.DataFrame:
    """Every government with its cell: a rate's number as printed, or its answer (報告なし where the cell is blank or
    missing; a declared bare 「%」 stays 該当なし: neither is ever a 0)."""
    known = statuses_of(rows)
    printed = dict(zip(rows.government_code, rows.value_printed))
    values = dict(zip(rows.government_code, rows.value))
    codes = list(municipalities.government_code)
    return pd.DataFrame(dict(
        government_code=codes,
        name=names_in_prefecture(codes, lang),  # the prefecture is shown beside
        prefecture=[pick(a, b, lang) for a, b in zip(municipalities.prefecture_ja, municipalities.prefecture_en)],
        prefecture_code=list(municipalities.prefecture_code),
        type_code=list(municipalities.entity_type),
        answer=[known.get(c, NOT_REPORTED) if kind == "answer" else rate_status(known.get(c), values.get(c)) for c in codes],
        value=[values.get(c) for c in codes],
        printed=[printed.get(c) or "" for c in codes],
    ))


def rate_status(status: str | None, value) -> str:
    """A rate's cell: reported (a number), 該当なし (a declared bare 「%」), else 報告なし (blank or no cell)."""
    if status == NOT_APPLICABLE:
        return NOT_APPLICABLE
    return NOT_REPORTED if value is None or pd.isna(value) else "reported"


def rate_figure(listed: pd.DataFrame, order: list[str], type_labels: dict[str, str], label: str, as_of: str, prefectures: bool,
                lang: str):
    """One box per type with every government as a point beside it; hover names the government and its prefecture, and
    its value as published (with a % sign where the source prints none)."""
    figure = go.Figure()
    summary = []
    for code in order:
        rows = listed[(listed.type_code == code) & listed.value.notna()]
        percent = "" if rows.printed.str.endswith("%").all() and len(rows) else "%"
        figure.add_trace(go.Box(
            x=[literal(type_labels[code])] * len(rows), y=rows.value, name=literal(type_labels[code]), boxpoints="all", jitter=0.6,
            pointpos=0, marker=dict(size=4, color=POINT_COLOR, opacity=0.55), line=dict(color="#555555", width=1),
            fillcolor="rgba(0,0,0,0)", customdata=list(zip(map(literal, rows.name), map(literal, rows.prefecture), map(literal, rows.printed))),
            hovertemplate="%{customdata[0]}（%{customdata[1]}）：%{customdata[2]}" + percent + "<extra></extra>", showlegend=False))
        values = rows.value
        answers = listed.answer[listed.type_code == code]
        summary.append([type_labels[code], len(rows), int((answers == NOT_REPORTED).sum()), int((answers == NOT_APPLICABLE).sum()),
                        *(round(float(values.quantile(q)), 1) if len(values) else None for q in (0.25, 0.5, 0.75)),
                        values.min() if len(values) else None, values.max() if len(values) else None])
    title = "distribution_title_prefectures" if prefectures else "distribution_title"
    figure.update_layout(title=dict(text=literal(text(title, lang, indicator=label, as_of=as_of)), x=0, xanchor="left"),
                         height=480, font=dict(family=FONT, size=12), margin=dict(l=10, r=10, t=60, b=10), plot_bgcolor="white")
    figure.update_yaxes(title_text=literal(text("distribution_rate_axis", lang)), gridcolor="#e5e5e5", rangemode="tozero")
    columns = [text("entity_type", lang), text("distribution_count", lang), text("status_not_reported", lang),
               text("status_not_applicable", lang), text("distribution_q1", lang), text("distribution_median", lang), text("distribution_q3", lang),
               text("distribution_min", lang), text("distribution_max", lang)]
    by_type = pd.DataFrame(summary, columns=columns)
    if not by_type[columns[3]].any():  # 該当なし only where the source prints a bare 「%」
        by_type = by_type.drop(columns=columns[3])
    return figure, by_type


def answer_figure(listed: pd.DataFrame, order: list[str], type_labels: dict[str, str], label: str, as_of: str, lang: str):
    """Per type, the share 実施 of those who answered 実施 or 未実施, printed as 「done/answered（share%）」; 調査無し and
    報告なし are outside the base and counted in the table beside."""
    summary, shares, labels = [], [], []
    for code in order:
        answers = listed.answer[listed.type_code == code]
        counts = {answer: int((answers == answer).sum()) for answer in ANSWERS}
        answered = counts[DONE] + counts[NOT_DONE]
        share = 100 * counts[DONE] / answered if answered else None
        shares.append(share)
        labels.append(f"{counts[DONE]}/{answered}" + (f"（{share:.1f}%）" if share is not None else ""))
        summary.append([type_labels[code], *(counts[a] for a in ANSWERS), None if share is None else round(share, 1)])
    names = [literal(type_labels[code]) for code in order]
    figure = go.Figure(go.Bar(x=shares, y=names, orientation="h", marker_color=DONE_COLOR, text=[literal(t) for t in labels],
                              textposition="outside", cliponaxis=False, hovertemplate="%{y}：%{text}<extra></extra>"))
    figure.update_layout(title=dict(text=literal(text("distribution_share_title", lang, indicator=label, as_of=as_of)), x=0, xanchor="left"),
                         height=120 + 34 * len(order), font=dict(family=FONT, size=12), margin=dict(l=10, r=80, t=60, b=10), plot_bgcolor="white")
    figure.update_xaxes(title_text=literal(text("distribution_share_axis", lang)), range=[0, 100], gridcolor="#e5e5e5")
    figure.update_yaxes(autorange="reversed")
    columns = [text("entity_type", lang), *(status_text(a) for a in ANSWERS), text("distribution_share_done", lang)]
    return figure, pd.DataFrame(summary, columns=columns)


def shown(listed: pd.DataFrame, kind: str, lang: str) -> pd.DataFrame:
    """The list as the page shows it: names with their prefecture and type, the answer (symbol and word, readable
    without colour) or the rate as a number to sort by and as printed, the profile link, the code."""
    types = type_names(lang)
    if (listed.type_code == "pref").all():  # the prefectures themselves: the name is the prefecture's
        table = pd.DataFrame({text("prefecture", lang): listed.name,
                              text("entity_type", lang): listed.type_code.map(type_names(lang, prefectures=True))})
    else:
        table = pd.DataFrame({text("municipality", lang): listed.name, text("prefecture", lang): listed.prefecture,
                              text("entity_type", lang): listed.type_code.map(types)})
    if kind == "rate":
        table[text("distribution_rate", lang)] = listed.value
        # blank (報告なし) and a bare 「%」 (該当なし) said in words, so neither reads as a number
        table[text("distribution_printed", lang)] = [printed if answer == "reported" else status_text(answer)
                                                      for printed, answer in zip(listed.printed, listed.answer)]
    else:
        table[text("distribution_answer", lang)] = [f"{SYMBOLS[a]} {status_text(a)}" for a in listed.answer]
    table[text("profile_link", lang)] = [profile_url(code) for code in listed.government_code]
    table[text("government_code", lang)] = listed.government_code
    return table
