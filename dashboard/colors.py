"""One colour per group on every page, from the Okabe–Ito palette (safe for colour-blind readers), plus a dash and marker
so that no distinction rests on colour alone. The national reference groups are drawn in black, dashed."""
from __future__ import annotations

GROUP_STYLE: dict[str, tuple[str, str, str]] = {  # colour, line dash, marker symbol
    "all": ("#000000", "dash", "diamond"),
    "muni": ("#555555", "dash", "diamond-open"),
    "pref": ("#0072B2", "solid", "circle"),
    "ward": ("#CC79A7", "solid", "square"),
    "designated": ("#D55E00", "solid", "triangle-up"),
    "core": ("#E69F00", "solid", "star"),
    "city": ("#009E73", "solid", "cross"),
    "city_general": ("#56B4E9", "solid", "x"),
    "town_village": ("#9A7D00", "solid", "triangle-down"),
    "muni_other": ("#7F4F24", "dot", "hexagon"),
    "ward_city": ("#44AA99", "dot", "pentagon"),
}
REFERENCE_GROUPS = ("all", "muni")

# Ordered bands: a single-hue ramp reads as an order; 「不明」 is neutral grey.
BAND_COLORS = {"band_0_30": "#c6dbef", "band_30_50": "#6baed6", "band_50_80": "#2171b5", "band_80_100": "#08306b",
               "unknown": "#bdbdbd"}
PROGRESS_COLORS = {"completed": "#0072B2", "in_progress": "#E69F00"}
MEASURE_COLORS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000", "#9A7D00", "#7F4F24",
                  "#44AA99", "#555555"]


def group_style(group_code: str) -> tuple[str, str, str]:
    """(colour, line dash, marker) of a group; groups without their own style are dark grey."""
    return GROUP_STYLE.get(group_code, ("#333333", "solid", "circle"))


def group_color(group_code: str) -> str:
    return group_style(group_code)[0]
