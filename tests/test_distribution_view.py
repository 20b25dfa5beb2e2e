"""The distribution view of the topic pages, driven through the real router in both languages: one point per
government with its name and prefecture, the list filterable and linked to profiles, the answers kept apart."""
from __future__ import annotations

import csv
import json
import re

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


# --- the front-yard page: every government's online application rate, per procedure -------------------------------

ONLINE_MUNI = DATA / "municipal" / "digital_agency_dashboard" / "市区町村毎のDX進捗状況_行政手続のオンライン申請率.csv"
ONLINE_PREF = DATA / "municipal" / "digital_agency_dashboard" / "都道府県のDX進捗状況_行政手続のオンライン申請率.csv"
JAPANESE = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")


def online_row(path, label: str) -> list[tuple[str, str]]:
    """(government name, the cell as printed) for every column of one procedure's row; names repeat (府中市 ×2)."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    row = next(row for row in rows[1:] if row[1] == label)
    return [(name, cell) for name, cell in zip(rows[0][2:], row[2:]) if name]


def by_type_rows(app) -> list[dict]:
    return app.dataframe[-2].value.to_dict("records")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_an_online_procedure_has_one_point_per_municipality_that_reports_it_and_blanks_are_not_zero(lang):
    app = open_page("frontyard", {"lang": lang, "dist": "online_rate_muni_41"})  # 妊娠の届出
    assert not app.exception, [e.value for e in app.exception]
    printed = online_row(ONLINE_MUNI, "妊娠の届出")
    reported = [value for _, value in printed if value]
    blanks = sum(1 for _, value in printed if not value)
    assert reported and blanks, "the row has both rates and blanks"
    boxes = [trace for trace in distribution_chart(app)["data"] if trace["type"] == "box"]
    points = [point for trace in boxes for point in trace["customdata"]]
    assert sorted(point[2] for point in points) == sorted(reported), "one point per printed rate, as printed"
    not_reported = "報告なし" if lang == "ja" else "Not reported"
    assert sum(row[not_reported] for row in by_type_rows(app)) == blanks, "every blank counted as not reported"
    assert all("%<extra>" not in trace["hovertemplate"] for trace in boxes), "the printed % is not doubled"
    listed = app.dataframe[-1].value
    sapporo = listed[listed.iloc[:, -1] == "011002"].iloc[0]
    assert sapporo.iloc[4] == (dict(printed)["札幌市"] or not_reported)
    assert listed.iloc[:, 3].isna().sum() == blanks, "a blank stays blank in the rate column, never 0"
    caption = next(c.value for c in app.caption if "セル" in c.value or "cells" in c.value)
    assert ("時点未確定" if lang == "ja" else "Date undetermined") in caption
    assert ("0ではありません" if lang == "ja" else "is not 0") in caption
    title = distribution_chart(app)["layout"]["title"]["text"]
    assert title.startswith("妊娠の届出" if lang == "ja" else "Notice of pregnancy")
    assert ("時点未確定" if lang == "ja" else "date undetermined") in title


def test_a_prefecture_procedure_shows_the_47_prefectures_as_one_type():
    app = open_page("frontyard", {"lang": "ja", "dist": "online_rate_pref_05"})  # 自動車税環境性能割の申告納付
    assert not app.exception, [e.value for e in app.exception]
    printed = online_row(ONLINE_PREF, "自動車税環境性能割の申告納付")
    assert len(printed) == 47
    boxes = [trace for trace in distribution_chart(app)["data"] if trace["type"] == "box"]
    assert [trace["name"] for trace in boxes] == ["都道府県"]
    assert sorted(point[2] for point in boxes[0]["customdata"]) == sorted(value for _, value in printed if value)
    listed = app.dataframe[-1].value
    assert len(listed) == 47 and list(listed.columns[:2]) == ["都道府県", "団体区分"]
    tokyo = listed[listed["都道府県"] == "東京都"].iloc[0]
    assert tokyo["プロフィール"] == "municipality?code=130001&lang=ja"
    assert tokyo["公表値"] == (dict(printed)["東京都"] or "報告なし")


def test_the_front_yard_picker_offers_every_online_procedure_of_both_levels(db):
    app = open_page("frontyard", {"lang": "en"})
    picker = app.selectbox(key="frontyard__distribution")
    procedures = db.execute("select level, label_en from government_indicators "
                            "where concept_code = 'online_application_rate' order by sort_order").fetchall()
    assert len(procedures) == 52 + 30
    whose = {"muni": "Municipalities", "pref": "Prefectures"}
    offered = picker.options  # as the reader sees them: each level's summary rates, then its procedures
    assert [f"{whose[level]}: {label}" for level, label in procedures] == offered[2:54] + offered[55:]
    assert offered[0] == "Municipalities: 32 frequent procedures online" and offered[54] == "Prefectures: 32 frequent procedures online"
    assert "Municipalities: Notice of pregnancy" in offered and "Prefectures: Automobile tax: notice of a change of address" in offered


# --- the distribution's view in the URL -----------------------------------------------------------------------------

def test_the_distribution_view_round_trips_through_the_url():
    app = open_page("governance", {"lang": "ja"})
    app.selectbox(key="governance__distribution").set_value("dx_muni_cio").run()
    app.multiselect(key="governance__distribution_types").set_value(["core", "city_other"]).run()
    app.selectbox(key="governance__distribution_prefecture").set_value("17").run()
    app.multiselect(key="governance__distribution_answers").set_value(["調査無し"]).run()
    params = dict(app.query_params)
    assert (params["dist"], params["dist_types"], params["dist_pref"], params["dist_answers"]) == (
        "dx_muni_cio", "core,city_other", "17", "not_surveyed")
    assert params["years"] and params["groups"], "the page's own filters are kept beside the view's"
    listed = app.dataframe[-1].value
    assert set(listed["市区町村"]) == {"金沢市", "七尾市", "小松市", "輪島市", "珠洲市"}, "中核市・その他の市 in 石川県, 調査無し"

    shared = open_page("governance", {name: params[name] for name in params})  # the copied link, a new session
    assert not shared.exception and not shared.warning
    assert shared.selectbox(key="governance__distribution").value == "dx_muni_cio"
    assert shared.multiselect(key="governance__distribution_types").value == ["core", "city_other"]
    assert shared.selectbox(key="governance__distribution_prefecture").value == "17"
    assert shared.multiselect(key="governance__distribution_answers").value == ["調査無し"]
    assert shared.dataframe[-1].value.equals(listed)
    assert dict(shared.query_params) == params


def test_the_default_indicator_is_not_written_to_the_url():
    app = open_page("governance", {"lang": "ja", "dist": "dx_muni_cio"})
    assert app.query_params["dist"] == "dx_muni_cio"
    app.selectbox(key="governance__distribution").set_value("dx_muni_overall_policy").run()  # the first: the default
    assert "dist" not in app.query_params
    assert app.selectbox(key="governance__distribution").value == "dx_muni_overall_policy"


def test_clearing_the_distribution_filters_removes_them_from_the_url():
    app = open_page("mynumber", {"lang": "ja", "dist_types": "village", "dist_pref": "05"})
    assert len(app.dataframe[-1].value) == len(app.dataframe[-1].value[app.dataframe[-1].value["団体区分"] == "村"])
    app.multiselect(key="mynumber__distribution_types").set_value([]).run()
    app.selectbox(key="mynumber__distribution_prefecture").set_value(None).run()
    assert "dist_types" not in app.query_params and "dist_pref" not in app.query_params
    assert "dist" not in app.query_params, "a page with one indicator names none"
    assert len(app.dataframe[-1].value) == len(card_rates())


HOSTILE = ["<script>alert(1)</script>", "'; DROP TABLE government_facts; --", "x" * 100_000, "99"]


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("parameter", ["dist", "dist_types", "dist_answers", "dist_pref"])
@pytest.mark.parametrize("raw", HOSTILE)
def test_a_hostile_distribution_parameter_is_refused_by_name_and_the_default_shown(parameter, raw, lang):
    app = open_page("governance", {"lang": lang, "dist": "dx_muni_cio", parameter: raw})
    assert not app.exception, [e.value for e in app.exception]
    warnings = [w.value for w in app.warning]
    expected = (f"URLの指定「{parameter}」に使えない値があったため、既定の表示に戻しました。" if lang == "ja"
                else f"The link's “{parameter}” setting had values that cannot be used; showing the default instead.")
    assert warnings == [expected]
    assert all(raw[:20] not in w for w in warnings), "the raw value is never repeated"
    assert app.selectbox(key="governance__distribution").value == ("dx_muni_overall_policy" if parameter == "dist"  # the first
                                                                   else "dx_muni_cio")
    assert app.multiselect(key="governance__distribution_types").value == []
    assert app.selectbox(key="governance__distribution_prefecture").value is None
    assert app.multiselect(key="governance__distribution_answers").value == []
    assert len(app.dataframe[-1].value) == 1741
    assert app.query_params.get(parameter, "") != raw, "the refused value is not written back"


# --- English names of the online procedures --------------------------------------------------------------------------

def test_every_online_procedure_has_a_short_english_label_with_no_japanese(db):
    labels = db.execute("select indicator_code, label_ja, label_en from government_indicators "
                        "where concept_code = 'online_application_rate' order by sort_order").fetchall()
    assert len(labels) == 52 + 30
    for code, label_ja, label_en in labels:
        assert label_en and label_en.strip() == label_en, code
        assert not JAPANESE.search(label_en), (code, label_en)
        assert len(label_en) <= 80, (code, label_en)
    english = {label_ja: label_en for _, label_ja, label_en in labels}
    assert english["妊娠の届出"] == "Notice of pregnancy" and english["転出届"] == "Notice of moving out"


def test_the_english_profile_names_its_online_procedures_in_english():
    app = open_page("municipality", {"code": "012025", "lang": "en"})
    assert not app.exception
    online = next(frame.value for frame in app.dataframe if "Procedure" in frame.value.columns)
    assert len(online) == 52 and not any(JAPANESE.search(name) for name in online["Procedure"])
    assert "Library book reservations, etc." in set(online["Procedure"])
    assert any("of the 52 procedures" in t.value for t in app.text)


def test_every_indicator_category_has_an_english_name_and_the_english_profile_shows_it(db):
    categories = db.execute("select distinct category_ja, category_en from government_indicators").fetchall()
    assert len({ja for ja, _ in categories}) == len(categories), "one English name per category"
    assert all(en and not JAPANESE.search(en) for _, en in categories), categories
    app = open_page("municipality", {"code": "012025", "lang": "en"})
    shown = {value for frame in app.dataframe if "Item" in frame.value.columns for value in frame.value["Item"]}
    assert shown and not any(JAPANESE.search(value) for value in shown), shown
    assert shown <= {en for _, en in categories}


def test_the_distribution_view_survives_a_page_switch():
    app = open_page("mynumber", {"lang": "ja"})
    app.multiselect(key="mynumber__distribution_types").set_value(["village"]).run()
    app.selectbox(key="mynumber__distribution_prefecture").set_value("05").run()
    shown = app.dataframe[-1].value
    app.query_params.clear()  # as the browser does when st.navigation switches pages
    app.switch_page("pages/governance.py").run()
    assert "dist_types" not in app.query_params and app.multiselect(key="governance__distribution_types").value == [], \
        "another page shows its own view"
    app.query_params.clear()
    app.switch_page("pages/mynumber.py").run()
    assert app.multiselect(key="mynumber__distribution_types").value == ["village"]
    assert app.selectbox(key="mynumber__distribution_prefecture").value == "05"
    assert app.dataframe[-1].value.equals(shown) and set(shown["団体区分"]) == {"村"} and set(shown["都道府県"]) == {"秋田県"}
    assert (app.query_params["dist_types"], app.query_params["dist_pref"]) == ("village", "05")
