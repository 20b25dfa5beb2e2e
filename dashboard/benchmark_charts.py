"""The benchmark's charts: you and your peers per item, the band distribution, the peer trend with its projection, and
the municipalities × items heatmap. Every label is made literal (charts.literal): names are user text."""
from __future__ import annotations

from decimal import Decimal

import pandas as pd
import plotly.graph_objects as go

from benchmark.projection import HORIZON_YEARS
from benchmark.scoring import ScoreRow
from benchmark.vocabulary import BenchmarkItem
from benchmark.wording import peer_value_text, position_label, row_answer
from common.formatting import bracketed, labelled
from common.texts import text
from dashboard.charts import FONT, contrast_text, literal
from dashboard.colors import BAND_COLORS, group_color

PLOT_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}
HEATMAP_MAX_ROWS = 200


# Each item is a row of height 1 on a numeric axis: the peer bar (with its value label) in the upper part, your own ◆
# in the lower part, so that the marker never covers the label, wherever the two values lie.
BAR_CENTRE = -0.175  # the bar's centre, relative to the row
BAR_WIDTH = 0.45  # the bar spans BAR_CENTRE ± BAR_WIDTH / 2
OWN_OFFSET = 0.27  # your ◆, relative to the row, below the bar
OWN_SIZE = 11  # px
ROW_PX = 30  # the figure grows by this much per row


def _legend_name(peer, lang: str) -> str:
    """Real governments of a type and 別紙1's group of the same name are told apart: 中核市（団体別データ） vs 中核市."""
    if peer.group_code.startswith("type_"):
        return text("chart_real_peers", lang, peer=peer.label(lang))
    return peer.label(lang)


def comparison_figure(rows: list[ScoreRow], lang: str) -> go.Figure:
    """Per item: the peer value as a bar (group colour), the national value as a tick, and your own status as ◆."""
    rows = [row for row in rows if row.item.kind != "band"]
    labels = [literal(row.item.label(lang)) for row in rows]
    figure = go.Figure()
    groups: dict[str, list[tuple[int, ScoreRow]]] = {}
    for index, row in enumerate(rows):
        if row.context.peer is not None:
            groups.setdefault(row.context.peer.group_code, []).append((index, row))
    for code, members in groups.items():
        peer = members[0][1].context.peer
        figure.add_trace(go.Bar(
            y=[index + BAR_CENTRE for index, _ in members], x=[row.context.peer.value for _, row in members],
            orientation="h", width=BAR_WIDTH, name=literal(_legend_name(peer, lang)),
            marker=dict(color=group_color(code.removeprefix("type_"))),
            text=[f"{row.context.peer.value_printed}%" for _, row in members], textposition="auto",
            insidetextanchor="start", insidetextfont=dict(color="white"), outsidetextfont=dict(color="#333333"),
            cliponaxis=False,
            customdata=[[labels[index], literal(peer_value_text(row.context, lang)), literal(row.context.year_label(lang))]
                        for index, row in members],
            hovertemplate="%{customdata[0]}<br>" + labelled(literal(peer.label(lang)), bracketed("%{customdata[1]}", "%{customdata[2]}", lang), lang)
            + "<extra></extra>"))
    national = [(index, row) for index, row in enumerate(rows) if row.context.national is not None]
    if national:
        figure.add_trace(go.Scatter(
            y=[index + BAR_CENTRE for index, _ in national], x=[row.context.national.value for _, row in national],
            mode="markers", name=literal(text("chart_national", lang)),
            marker=dict(symbol="line-ns-open", size=18, color="#000000", line=dict(width=2)),
            customdata=[[labels[index], literal(f"{row.context.national.label(lang)} {row.context.national.text(lang)}")]
                        for index, row in national],
            hovertemplate="%{customdata[0]}<br>%{customdata[1]}<extra></extra>"))
    own = [(index, row) for index, row in enumerate(rows) if row.answer is not None]
    if own:
        figure.add_trace(go.Scatter(
            y=[index + OWN_OFFSET for index, _ in own],
            x=[(100.0 if row.answer else 0.0) if row.item.kind == "yes_no" else float(row.answer) for _, row in own],
            mode="markers", name=literal(text("chart_own", lang)), cliponaxis=False,
            marker=dict(symbol="diamond", size=OWN_SIZE, color="#111111", line=dict(color="white", width=1.5)),
            customdata=[[labels[index], literal(row_answer(row, lang)), literal(position_label(row, lang))] for index, row in own],
            hovertemplate="%{customdata[0]}<br>" + bracketed("%{customdata[1]}", "%{customdata[2]}", lang) + "<extra></extra>"))
    figure.update_layout(
        title=dict(text=literal(text("chart_title", lang)), x=0, xanchor="left", font=dict(size=15)),
        height=190 + ROW_PX * len(rows), font=dict(family=FONT, size=13), plot_bgcolor="white", barmode="overlay",
        margin=dict(l=10, r=20, t=80, b=10), uniformtext=dict(minsize=11, mode="show"),
        legend=dict(orientation="h", yanchor="top", y=-0.02, x=0, xanchor="left", title_text=""),
        hoverlabel=dict(font_family=FONT))
    figure.update_xaxes(range=[0, 104], ticksuffix="%", gridcolor="#e5e5e5", side="top", title_text="")
    figure.update_yaxes(tickmode="array", tickvals=list(range(len(rows))), ticktext=labels, range=[len(rows) - 0.5, -0.5],
                        showgrid=False, zeroline=False, automargin=True)
    return figure


def band_figure(row: ScoreRow, lang: str) -> go.Figure | None:
    context = row.context
    if not context.bands or context.peer is None:
        return None
    peer = literal(context.peer.label(lang))
    figure = go.Figure()
    for band in context.bands:
        is_own = band.band_code == row.answer
        figure.add_trace(go.Bar(
            y=[peer], x=[band.value or 0], orientation="h", name=literal(band.label(lang)),
            marker=dict(color=BAND_COLORS.get(band.band_code, "#888888"),
                        line=dict(color="#000000" if is_own else "white", width=3 if is_own else 1)),
            text=[f"{band.value_printed}%"], textposition="inside", insidetextanchor="middle",
            hovertemplate=labelled(literal(band.label(lang)), literal(band.value_printed) + "%", lang) + "<extra></extra>"))
    title = text("band_chart_title", lang, item=row.item.label(lang), peer=context.peer.label(lang), as_of=context.as_of_text(lang))
    if row.answer is not None:
        title = text("gap_join", lang, first=title, second=text("band_own", lang, band=row_answer(row, lang)))
    figure.update_layout(
        barmode="stack", height=190, font=dict(family=FONT, size=13), plot_bgcolor="white",
        title=dict(text=literal(title), x=0, xanchor="left", font=dict(size=14)),
        margin=dict(l=10, r=10, t=45, b=10), legend=dict(orientation="h", y=-0.25, x=0, title_text="", traceorder="normal"))
    figure.update_xaxes(range=[0, 100.5], ticksuffix="%", gridcolor="#e5e5e5")
    figure.update_yaxes(automargin=True)
    contrast_text(figure)
    return figure


def trend_figure(row: ScoreRow, lang: str) -> go.Figure:
    context = row.context
    color = group_color(context.trend_peer.group_code)
    figure = go.Figure(go.Scatter(
        x=[p.fiscal_year for p in context.trend], y=[p.value for p in context.trend], mode="lines+markers+text",
        name=literal(context.trend_peer.label(lang)), line=dict(color=color, width=3), marker=dict(size=9, color=color),
        text=[f"{p.value_printed}%" for p in context.trend], textposition="top center",
        hovertemplate=labelled("%{x}", "%{text}", lang) + "<extra></extra>"))
    projection = context.projection
    if projection is not None and projection.status == "projected":
        # a straight line at the recent pace, up to 100% or the horizon, whichever comes first
        last_year, last = projection.base_years[1], projection.base_values[1]
        span = min(float((Decimal(100) - last) / projection.slope), float(HORIZON_YEARS))
        years = [last_year, last_year + span]
        values = [float(last), min(100.0, float(last + projection.slope * Decimal(str(span))))]
        figure.add_trace(go.Scatter(
            x=years, y=values, mode="lines", name=literal(text("projection_line", lang)),
            line=dict(color="#777777", dash="dot", width=2), hovertemplate=labelled("%{x}", "%{y:.1f}%", lang) + "<extra>" +
            literal(text("projection_line", lang)) + "</extra>"))
    if row.answer is not None and row.item.kind == "percent":
        figure.add_hline(y=float(row.answer), line=dict(color="#111111", dash="dash", width=1.5),
                         annotation_text=literal(text("band_own", lang, band=row_answer(row, lang))),
                         annotation_position="bottom right")
    figure.update_layout(
        title=dict(text=literal(f"{row.item.label(lang)} — {context.trend_peer.label(lang)}"), x=0, font=dict(size=14)),
        height=340, font=dict(family=FONT, size=13), plot_bgcolor="white", margin=dict(l=10, r=10, t=50, b=10),
        legend=dict(orientation="h", y=-0.2, x=0, title_text=""))
    figure.update_xaxes(dtick=1, tickformat="d", ticksuffix=text("year_tick", lang, year=""), gridcolor="#f0f0f0")
    figure.update_yaxes(range=[0, 109], ticksuffix="%", gridcolor="#e5e5e5")
    return figure




def _short(label: str, limit: int = 14) -> str:
    return label if len(label) <= limit else label[:limit - 1] + "…"


def heatmap_figure(items: list[BenchmarkItem], order: list[int], names: list[str], scores: pd.DataFrame,
                   answers: pd.DataFrame, scored: list[list[ScoreRow]], lang: str) -> go.Figure:
    shown = order[:HEATMAP_MAX_ROWS]
    answered = [item for item in items if (answers[item.item_code] != "").any()] or items
    codes = [item.item_code for item in answered]
    positions = {code: j for j, code in enumerate(item.item_code for item in items)}
    short = [_short(item.label(lang)) for item in answered]
    # Plotly merges equal category labels, so a truncation that collides keeps the full label
    x = [literal(label if short.count(label) == 1 else item.label(lang)) for label, item in zip(short, answered)]
    y = [literal(names[i]) for i in shown]
    z = scores.iloc[shown][codes].to_numpy()
    cell_text = answers.iloc[shown][codes].map(literal).to_numpy()
    hover = [[literal(labelled(scored[i][positions[code]].item.label(lang), row_answer(scored[i][positions[code]], lang), lang)
                          + f" — {position_label(scored[i][positions[code]], lang)}") for code in codes] for i in shown]
    figure = go.Figure(go.Heatmap(
        z=z, x=x, y=y, text=cell_text, texttemplate="%{text}", textfont=dict(size=12), customdata=hover,
        zmin=-100, zmax=100, colorscale=[[0, "#B35806"], [0.25, "#F1A340"], [0.5, "#F7F7F7"], [0.75, "#67A9CF"],
                                         [1, "#0B5A99"]],
        colorbar=dict(title=dict(text=literal(text("heatmap_score", lang)), side="right"), tickvals=[-100, -50, 0, 50, 100]),
        xgap=2, ygap=2, hovertemplate="%{y}<br>%{customdata}<extra></extra>", hoverongaps=False))
    figure.update_layout(
        height=190 + 30 * len(shown), font=dict(family=FONT, size=12), plot_bgcolor="#BDBDBD",
        margin=dict(l=10, r=10, t=170, b=10), hoverlabel=dict(font_family=FONT))
    figure.update_xaxes(side="top", tickangle=-50, showgrid=False)
    figure.update_yaxes(autorange="reversed", showgrid=False, automargin=True)
    return figure
