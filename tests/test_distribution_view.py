"""The distribution view of the topic pages, driven through the real router in both languages: one point per
government with its name and prefecture, the list filterable and linked to profiles, the answers kept apart."""
from __future__ import annotations

import csv
import json

import pytest

from tests.apptest_support import open_page
from tests.conftest import DATA

CARD_FILE = DATA / "municipal" / "mynumber_card" / "20221231" / "all_localgovs.csv"
DX_TABLE = DATA / "municipal" / "digital_agency_dashboard" / "市区町村毎のDX進捗状況_市区町村比較.csv"


def dx_row(label: str) -> list[str]:
    """The municipalities' cells of one row of the Digital Agency table, as printed."""
    with open(DX_TABLE, encoding="utf-8-sig", newline="") as handle:
        return next(row[2:] for row in csv.reader(handle) if row[1] == label)


def card_rates() -> dict[tuple[str, str], str]:
    """(prefecture, municipality) → the rate as printed in the latest card file."""
    with open(CARD_FILE, encoding="utf-8-sig", newline="") as handle:
        return {(row["都道府県名"], row["市区町村名"]): row["人口に対する交付枚数率"] for row in csv.DictReader(handle)}


def distribution_chart(app) -> dict:
    return json.loads(app.get("plotly_chart")[-1].proto.spec)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_mynumber_distribution_has_one_point_per_government_of_the_card_file(lang):
    app = open_page("mynumber", {"lang": lang})
    assert not app.exception, [e.value for e in app.exception]
    boxes = [trace for trace in distribution_chart(app)["data"] if trace["type"] == "box"]
    points = [point for trace in boxes for point in trace["customdata"]]
    rates = card_rates()
    assert len(points) == len(rates)
    listed = app.dataframe[-1].value
    assert len(listed) == len(rates) and listed.iloc[:, -1].is_unique
    hakodate = listed[listed.iloc[:, -1] == "012025"].iloc[0]
    assert hakodate.iloc[-2] == f"municipality?code=012025&lang={lang}"
    assert hakodate.iloc[4] == rates[("北海道", "函館市")]  # as printed
    name = "函館市" if lang == "ja" else "Hakodate-shi"
    prefecture = "北海道" if lang == "ja" else "Hokkaido"
    assert [name, prefecture, rates[("北海道", "函館市")]] in points


def test_mynumber_list_filters_by_type():
    app = open_page("mynumber", {"lang": "ja"})
    app.multiselect[0].set_value(["village"]).run()
    listed = app.dataframe[-1].value
    assert len(listed) and set(listed["団体区分"]) == {"村"}
    assert "大潟村" in set(listed["市区町村"])
    assert app.caption[-1].value == f"{len(listed)}団体を表示（全{len(card_rates())}団体）"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_governance_distribution_counts_the_core_cities_that_answered(lang):
    """The issue's own figure: of the 中核市 that answered, 55 of 61 have a 全体方針 (金沢市 not surveyed)."""
    app = open_page("governance", {"lang": lang})
    assert not app.exception, [e.value for e in app.exception]
    app.selectbox(key="governance__distribution").set_value("dx_muni_overall_policy").run()
    bars = distribution_chart(app)["data"][0]
    core = "中核市" if lang == "ja" else "Core city"
    assert bars["text"][bars["y"].index(core)] == "55/61（90.2%）"
    caption = next(c.value for c in app.caption if "2023-04-01" in c.value)
    assert ("別紙1の集計値ではありません" if lang == "ja" else "not the figures of 別紙1") in caption


def test_governance_list_keeps_not_surveyed_apart_from_not_done():
    app = open_page("governance", {"lang": "en"})
    app.selectbox(key="governance__distribution").set_value("dx_muni_overall_policy").run()
    answers = app.multiselect[-1]
    answers.set_value(["調査無し"]).run()
    listed = app.dataframe[-1].value
    assert set(listed["Answer"]) == {"× Not surveyed"}
    assert "Wajima-shi" in set(listed["Municipality"]) and "Kanazawa-shi" in set(listed["Municipality"])
    assert len(listed) == dx_row("全体方針策定").count("調査無し")
