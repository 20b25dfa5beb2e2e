"""Plotly figures for each kind of chart the topic pages draw. Input: a labelled facts frame (see labelled_facts)."""
from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go
import plotly.io

from common.formatting import bracketed, labelled
from dashboard.colors import BAND_COLORS, MEASURE_COLORS, PROGRESS_COLORS, REFERENCE_GROUPS, group_color, group_style

FONT = "Noto Sans CJK JP, Hiragino Sans, Yu Gothic, Meiryo, sans-serif"


def _labelled(label: str, value: str, lang: str) -> str:
    """A hover line's "label: value" with the page language's colon."""
    return labelled(label, value, lang)


def literal(text) -> str:
    """Text placed inside Plotly's HTML-like labels and hover templates, shown as itself: escaped, no %{…} fields.
    Quotes stay as they are: outside a tag they are plain text, and Plotly does not decode &quot; (it would show)."""
    return html.escape(str(text), quote=False).replace("%{", "%&#123;")


def _literals(values) -> list[str]:
    return [literal(value) for value in values]


def as_drawn(figure: go.Figure) -> go.Figure:
    """The figure rebuilt from its own JSON, for figures kept in a cache and drawn on every run: the arrays are then
    already in the encoded form st.plotly_chart sends, instead of numpy arrays Plotly re-encodes on each run."""
    return plotly.io.from_json(figure.to_json())


def _layout(figure: go.Figure, title: "str | tuple[str, str]", x_title: str, y_title: str, height: int = 420) -> go.Figure:
    """Title (and the as-of date as its subtitle), fonts, legend below the plot, white background."""
    main, sub = (title, "") if isinstance(title, str) else title
    figure.update_layout(
        title=dict(text=literal(main), subtitle=dict(text=literal(sub), font=dict(size=13, color="#555")), x=0, xanchor="left",
                   font=dict(size=15)),
        height=height, font=dict(family=FONT, size=13), margin=dict(l=10, r=10, t=80, b=10),
        legend=dict(orientation="h", yanchor="top", y=-0.12, x=0, title_text=""), plot_bgcolor="white",
        hoverlabel=dict(font_family=FONT), separators=".,", uniformtext=dict(minsize=11, mode="show"),
    )
    figure.update_xaxes(title_text=x_title, showgrid=False, linecolor="#444", automargin=True)
    figure.update_yaxes(title_text=y_title, gridcolor="#e5e5e5", zeroline=True, zerolinecolor="#999", automargin=True)
    return figure


# Lines that print the same values lie on top of each other (都道府県 and 指定都市 both at 100%). Never moved off their
# values: the first of them is drawn wide with a large marker, each later one narrower, dashed, with a smaller marker on
# top, so every colour shows; the hover names the groups with the same value.
COINCIDING_WIDTHS = (7.0, 4.0, 2.0, 1.5)
COINCIDING_DASHES = ("solid", "dash", "dot", "dashdot")
COINCIDING_MARKERS = (17, 12, 8, 6)


def coinciding_groups(frame: pd.DataFrame) -> dict[tuple[str, int], list[str]]:
    """(group code, fiscal year) → labels of the other groups printing the same value that year."""
    shown = frame.dropna(subset=["value"])
    same: dict[tuple[str, int], list[str]] = {}
    for (year, _), rows in shown.groupby(["fiscal_year", "value_printed"], sort=False):
        for code in rows.group_code:
            same[(code, year)] = [label for other, label in zip(rows.group_code, rows.group_label) if other != code]
    return same


def trend_or_bars(frame: pd.DataFrame, title: str, y_title: str, lang: str, same_value: str = "= {groups}") -> go.Figure:
    """Lines by group over the years; a single year becomes bars by group. National groups are dashed black references.
    `same_value` phrases the hover note naming the groups that print the same value ({groups})."""
    figure = go.Figure()
    years = frame.fiscal_year.nunique()
    same = coinciding_groups(frame) if years > 1 else {}
    overlapping: list[str] = []  # groups drawn so far that share a point with a later one
    for code, rows in frame.groupby("group_code", sort=False):
        color, dash, symbol = group_style(code)
        reference = code in REFERENCE_GROUPS
        if years > 1:
            others = [same.get((code, year), []) for year in rows.fiscal_year]
            width, size = (3.5 if reference else 2.5), 9
            if any(others):
                rank = min(len(overlapping), len(COINCIDING_WIDTHS) - 1)
                overlapping.append(code)
                width, size = COINCIDING_WIDTHS[rank], COINCIDING_MARKERS[rank]
                dash = dash if rank == 0 else COINCIDING_DASHES[rank]
            notes = ["<br>" + literal(same_value.format(groups="、".join(names))) if names else "" for names in others]
            figure.add_trace(go.Scatter(
                x=_literals(rows.year_label), y=rows.value, name=literal(rows.group_label.iloc[0]), mode="lines+markers",
                line=dict(color=color, dash=dash, width=width), marker=dict(symbol=symbol, size=size, color=color,
                                                                             line=dict(color="white", width=1)),
                customdata=[[literal(v), note] for v, note in zip(rows.value_text, notes)],
                hovertemplate="%{x}<br>" + _labelled(literal(rows.group_label.iloc[0]), "%{customdata[0]}%{customdata[1]}", lang) + "<extra></extra>"))
        else:
            figure.add_trace(go.Bar(
                x=_literals(rows.group_label), y=rows.value, name=literal(rows.group_label.iloc[0]), marker=dict(color=color,
                pattern_shape="/" if reference else ""), text=_literals(rows.value_text), textposition="outside", cliponaxis=False,
                textfont=dict(size=12, color="#222"), hovertemplate=_labelled("%{x}", "%{text}", lang) + "<extra></extra>"))
    _layout(figure, title, "", y_title)  # the year labels name the axis; a title there would collide with the legend
    if years == 1:
        figure.update_layout(showlegend=False, bargap=0.35)
    if (frame.unit == "pct").all():
        figure.update_yaxes(range=[0, 109], ticksuffix="%")
    return figure


def small_multiples(frame: pd.DataFrame, title: tuple[str, str], y_title: str, lang: str,
                    same_value: str = "= {groups}") -> list[go.Figure]:
    """One trend_or_bars per item (e.g. CISO and CSIRT), same scales, so items compare across panels."""
    return [trend_or_bars(rows, (f"{title[0]} — {label}", title[1]), y_title, lang, same_value)
            for label, rows in frame.groupby("item_label", sort=False)]


def heatmap(frame: pd.DataFrame, title: str, colorbar_title: str) -> go.Figure:
    """Groups × items, each cell printed with its share and count."""
    frame = frame.assign(item_label=_literals(frame.item_label), group_label=_literals(frame.group_label))
    items = list(dict.fromkeys(frame.item_label))
    groups = list(dict.fromkeys(frame.group_label))
    pivot = frame.pivot_table(index="item_label", columns="group_label", values="value", aggfunc="first").reindex(index=items, columns=groups)
    text = frame.pivot_table(index="item_label", columns="group_label", values="cell_text", aggfunc="first").reindex(index=items, columns=groups)
    figure = go.Figure(go.Heatmap(
        z=pivot.values, x=groups, y=items, text=text.values, texttemplate="%{text}", zmin=0, zmax=100,
        colorscale="Blues", colorbar=dict(title=colorbar_title, ticksuffix="%"), xgap=2, ygap=2,
        hovertemplate="%{y} × %{x}<br>%{text}<extra></extra>"))
    _layout(figure, title, "", "", height=140 + 46 * len(items))
    figure.update_yaxes(autorange="reversed", showgrid=False)
    figure.update_xaxes(side="top")
    # dark cells get white text so every label stays readable
    figure.update_traces(textfont=dict(size=12))
    figure.update_layout(margin=dict(l=10, r=10, t=90, b=10))
    return figure


def ranked_bars(frame: pd.DataFrame, title: str, x_title: str, lang: str) -> go.Figure:
    """Items ranked by their total across the shown groups, one bar per group; one panel per year (left to right)."""
    from plotly.subplots import make_subplots

    frame = frame.assign(item_label=_literals(frame.item_label), year_label=_literals(frame.year_label))
    years = list(dict.fromkeys(frame.sort_values("fiscal_year").year_label))
    order = frame.groupby("item_label").value.sum().sort_values().index.tolist()
    figure = make_subplots(rows=1, cols=len(years), shared_yaxes=True, subplot_titles=years, horizontal_spacing=0.03)
    shown = set()
    for column, year in enumerate(years, start=1):
        for code, rows in frame[frame.year_label == year].groupby("group_code", sort=False):
            color = group_color(code)
            rows = rows.set_index("item_label").reindex(order).dropna(subset=["value"])
            figure.add_trace(go.Bar(
                x=rows.value, y=rows.index, orientation="h", name=literal(rows.group_label.iloc[0]), marker_color=color,
                legendgroup=code, showlegend=code not in shown, text=rows.value.astype(int), textposition="outside",
                cliponaxis=False, hovertemplate="%{y}<br>" + _labelled(literal(rows.group_label.iloc[0]), "%{x:,}", lang) + "<extra>" + year + "</extra>"),
                row=1, col=column)
            shown.add(code)
    _layout(figure, title, "", "", height=160 + 22 * len(order) * max(1, frame.group_code.nunique()))
    # one scale for every year, so bars compare across panels, and room right of the longest bar for its label
    # (about five digits' width of a panel a third as wide as the chart)
    figure.update_xaxes(title_text=x_title, range=[0, ranked_axis_end(frame.value.max(), len(years))])
    figure.update_layout(barmode="group", bargap=0.25)
    return figure


def ranked_axis_end(largest: float, panels: int) -> float:
    """The end of the shared count axis: the largest value plus room for its label outside the bar."""
    return float(largest) * (1.12 + 0.06 * panels)


def stacked_shares(frame: pd.DataFrame, title: str, x_title: str, colors: dict[str, str], stack_to_100: bool,
                   lang: str) -> go.Figure:
    """Horizontal stacked bars, one per group (and year); bands or progress parts side by side in one bar."""
    frame = frame.assign(group_label=_literals(frame.group_label), year_label=_literals(frame.year_label),
                         item_label=_literals(frame.item_label.fillna("")))
    multiple_years = frame.fiscal_year.nunique() > 1
    frame["bar_label"] = ([bracketed(group, year, lang) for group, year in zip(frame.group_label, frame.year_label)]
                          if multiple_years else frame.group_label)
    bars = list(dict.fromkeys(frame.sort_values(["group_order", "fiscal_year"]).bar_label))
    figure = go.Figure()
    for code, rows in frame.groupby("breakdown_code", sort=False):
        rows = rows.set_index("bar_label").reindex(bars)
        figure.add_trace(go.Bar(
            y=rows.index, x=rows.value, orientation="h", name=rows.item_label.dropna().iloc[0],
            marker_color=colors.get(code, "#888"), text=rows.value.map(lambda v: "" if pd.isna(v) else f"{v:.1f}"),
            textposition="inside", insidetextanchor="middle",
            hovertemplate="%{y}<br>" + _labelled(rows.item_label.dropna().iloc[0], "%{x:.1f}%", lang) + "<extra></extra>"))
    _layout(figure, title, x_title, "", height=140 + 38 * len(bars))
    figure.update_layout(barmode="stack")
    figure.update_yaxes(autorange="reversed", showgrid=False)
    figure.update_xaxes(range=[0, 101] if stack_to_100 else [0, 100], ticksuffix="%", gridcolor="#e5e5e5")
    contrast_text(figure)
    return figure


def contrast_text(figure: go.Figure) -> None:
    """White text on dark fills, black on light fills."""
    for trace in figure.data:
        fill = trace.marker.color or "#888888"
        red, green, blue = (int(fill[i:i + 2], 16) for i in (1, 3, 5))
        trace.textfont = dict(color="white" if 0.299 * red + 0.587 * green + 0.114 * blue < 140 else "black")


def side_by_side(frame: pd.DataFrame, title: str, y_title: str, lang: str) -> go.Figure:
    """Measures side by side per group (e.g. 交付率 and 保有率), one panel per year."""
    from plotly.subplots import make_subplots

    # each panel is a third of the width: long group names go on two lines instead of being turned and cut
    years = list(dict.fromkeys(frame.sort_values("fiscal_year").year_label))
    densest = frame.groupby("year_label").size().max()
    upright = narrowest_bar_px(len(years), densest) < LABEL_PX  # labels would overlap: turn them inside the bars
    frame = frame.assign(group_label=[wrap_label(label, 2 if upright else 4) for label in _literals(frame.group_label)],
                         year_label=_literals(frame.year_label), indicator_label=_literals(frame.indicator_label))
    years = list(dict.fromkeys(frame.sort_values("fiscal_year").year_label))
    figure = make_subplots(rows=1, cols=len(years), shared_yaxes=True, subplot_titles=years, horizontal_spacing=0.04)
    measures = list(dict.fromkeys(frame.indicator_label))
    for column, year in enumerate(years, start=1):
        for index, measure in enumerate(measures):
            rows = frame[(frame.year_label == year) & (frame.indicator_label == measure)]
            if rows.empty:
                continue
            figure.add_trace(go.Bar(
                x=rows.group_label, y=rows.value, name=measure, marker_color=MEASURE_COLORS[index % len(MEASURE_COLORS)],
                legendgroup=measure, showlegend=column == len(years) or len(years) == 1, text=rows.value_printed,
                textposition="outside", cliponaxis=False, textfont=dict(size=12, color="#222"), customdata=[[literal(v)] for v in rows.value_text],
                hovertemplate="%{x}<br>" + _labelled(measure, "%{customdata[0]}", lang) + "<extra>" + year + "</extra>"), row=1, col=column)
    if upright:
        figure.update_traces(textposition="inside", insidetextanchor="end", textangle=-90)
        contrast_text(figure)
    _layout(figure, title, "", y_title, height=460)
    figure.update_layout(barmode="group", margin=dict(t=110), legend=dict(y=-0.25))
    figure.update_xaxes(tickangle=0, tickfont=dict(size=11))
    figure.update_yaxes(range=[0, 109], ticksuffix="%")
    for column in range(2, len(years) + 1):
        figure.update_yaxes(title_text="", row=1, col=column)  # one axis title for the shared axis
    return figure


CHART_WIDTH_PX = 760  # a chart's plot width on a 1280-pixel screen, wide layout, sidebar open (measured)
LABEL_PX = 34  # a value label such as 「84.5」 at 12 px, with a little space either side


def narrowest_bar_px(panels: int, bars_in_densest_panel: int, bargap: float = 0.2) -> float:
    """About how wide each bar of the densest panel is drawn, in pixels."""
    return CHART_WIDTH_PX / panels / bars_in_densest_panel * (1 - bargap)


def wrap_label(label: str, japanese_width: int = 4) -> str:
    """An escaped label on short lines for a narrow panel: English wrapped at spaces to about 10 characters a line;
    Japanese (no spaces, may break between any two characters) over `japanese_width` characters split after a 「・」 or
    in the middle."""
    if "&" in label:  # an escaped entity must not be cut
        return label
    if " " in label:
        lines: list[str] = []
        for word in label.split(" "):
            if lines and len(lines[-1]) + 1 + len(word) <= 10:
                lines[-1] += " " + word
            else:
                lines.append(word)
        return "<br>".join(lines)
    if len(label) <= japanese_width:
        return label
    cut = label.find("・") + 1 or (len(label) + 1) // 2
    return f"{label[:cut]}<br>{label[cut:]}"


def sparkline(years: list[str], values: list[float], color: str = "#0072B2") -> go.Figure:
    figure = go.Figure(go.Scatter(x=years, y=values, mode="lines+markers", line=dict(color=color, width=2),
                                  marker=dict(size=5), hovertemplate="%{x}: %{y}<extra></extra>"))
    figure.update_layout(height=90, margin=dict(l=0, r=0, t=4, b=0), showlegend=False, plot_bgcolor="white",
                         font=dict(family=FONT, size=10))
    figure.update_xaxes(visible=False)
    figure.update_yaxes(visible=False)
    return figure


BAND_AND_PROGRESS = {**BAND_COLORS, **PROGRESS_COLORS}
