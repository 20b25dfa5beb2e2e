"""Charts a reader can read: one scale across a chart's panels with every label inside the plot, coinciding lines
that stay visible and are named in the hover, value labels that do not overlap. Figures as the pages draw them."""
from __future__ import annotations

import base64
import json

import numpy as np

from tests.apptest_support import open_page

ALL_YEARS_AI = {"years": "2021,2022,2023"}


def figures(app) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]


def numbers(array) -> list[float]:
    """A Plotly array as numbers: plain lists, or Plotly 6's base64 typed arrays ({dtype, bdata})."""
    if isinstance(array, dict):
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


def axes(figure: dict, letter: str) -> list[dict]:
    return [value for key, value in figure["layout"].items() if key.startswith(f"{letter}axis")]


def test_ranked_cases_share_one_axis_across_years_with_room_for_the_largest_label():
    app = open_page("ai_rpa", {**ALL_YEARS_AI, "groups": "pref,designated,muni_other"})
    ranked = [figure for figure in figures(app) if len(axes(figure, "x")) == 3]
    assert len(ranked) == 2, "AI functions and RPA fields, one panel per year"
    for figure in ranked:
        ranges = {tuple(axis.get("range") or ()) for axis in axes(figure, "x")}
        assert len(ranges) == 1 and ranges != {()}, f"each year has its own scale: {ranges}"
        largest = max(max(numbers(trace["x"])) for trace in figure["data"])
        end = ranges.pop()[1]
        assert end >= 1.15 * largest, f"the label of the longest bar ({largest:g}) needs room inside the plot: {end}"
    assert [max(max(numbers(trace["x"])) for trace in figure["data"]) for figure in ranked] == [621, 505]


def test_lines_at_the_same_value_stay_visible_and_the_hover_names_them():
    app = open_page("ai_rpa", {**ALL_YEARS_AI, "groups": "pref,designated,muni_other"})
    trend = figures(app)[0]
    lines = {trace["name"]: trace for trace in trend["data"]}
    prefectures, designated = lines["都道府県"], lines["指定都市"]
    assert prefectures["line"]["width"] > designated["line"]["width"] + 2, "the later line must not cover the earlier one"
    assert prefectures["marker"]["size"] > designated["marker"]["size"]
    assert designated["line"].get("dash", "solid") != "solid"
    assert all("都道府県と同じ値" in point[1] for point in designated["customdata"]), designated["customdata"]
    assert all("指定都市と同じ値" in point[1] for point in prefectures["customdata"])
    assert all(point[1] == "" for point in lines["その他市区町村"]["customdata"]), "no note where nothing coincides"
    assert numbers(prefectures["y"]) == numbers(designated["y"]) == [100.0, 100.0, 100.0], "values are never moved"


def test_the_same_value_note_is_english_in_the_english_ui():
    app = open_page("telework", {"years": "2021,2022,2023", "groups": "pref,designated", "lang": "en"})
    designated = next(trace for trace in figures(app)[0]["data"] if trace["name"] == "Designated cities")
    assert all("same value as Prefectures" in point[1] for point in designated["customdata"]), designated["customdata"]


def test_dense_side_by_side_bars_carry_their_labels_upright_inside():
    from dashboard.charts import LABEL_PX, narrowest_bar_px

    app = open_page("mynumber", {"years": "2021,2022,2023,2024"})
    figure = figures(app)[0]
    assert narrowest_bar_px(4, 8) < LABEL_PX, "four panels, the last with eight bars: 「84.5」 and 「77.1」 would touch"
    assert {trace.get("textposition") for trace in figure["data"]} == {"inside"}
    assert {trace.get("textangle") for trace in figure["data"]} == {-90}


def test_roomy_side_by_side_bars_keep_their_labels_above():
    app = open_page("mynumber", {"years": "2024"})
    figure = figures(app)[0]
    assert {trace.get("textposition") for trace in figure["data"]} == {"outside"}
    assert all(trace.get("textangle") is None for trace in figure["data"])
