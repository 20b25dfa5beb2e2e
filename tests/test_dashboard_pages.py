"""Every page, in both languages, driven through the real router: renders, filters change the data, exports match."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from dashboard.charts import wrap_label
from tests.apptest_support import (ALL_PAGES, TOPIC_PAGES, chart_count, csv_frame, downloads, filter_pills, open_page,
                                   shown_tables)

__all__ = ["downloads"]  # fixture re-exported for pytest


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("page", ALL_PAGES)
def test_page_renders_without_exception(page, lang):
    app = open_page(page, {"lang": lang})
    assert not app.exception, [e.value for e in app.exception]
    assert app.title, "every page states what it shows"
    if page in TOPIC_PAGES:
        assert chart_count(app) >= 1
        assert app.subheader[-1].value == ("出典と時点" if lang == "ja" else "Sources and as-of dates")


def test_english_switch_changes_labels_not_numbers():
    japanese = shown_tables(open_page("governance", {"lang": "ja"}))[0]
    english = shown_tables(open_page("governance", {"lang": "en"}))[0]
    assert "区分" in japanese.columns and "Group" in english.columns
    assert japanese.iloc[:, 2].tolist() == english.iloc[:, 2].tolist()  # the values column: the same printed numbers
    assert "2023年度（令和5年度）" in japanese.iloc[:, 0].tolist() and "FY2023 (Reiwa 5)" in english.iloc[:, 0].tolist()


def test_default_view_is_latest_year_and_every_group():
    app = open_page("governance")
    assert filter_pills(app, "governance", "years").value == [2023]
    assert filter_pills(app, "governance", "groups").value == ["all", "pref", "ward", "designated", "city", "town_village"]


FILTER_CHANGES = {
    "governance": [("years", [2021, 2023]), ("groups", ["pref", "town_village"]), ("items", ["governance_overall_policy"])],
    "frontyard": [("groups", ["muni", "town_village"]), ("items", ["online_application", "one_stop_counter"])],
    "standardization": [("groups", ["pref", "core"]), ("items", ["completed"])],
    "mynumber": [("years", [2021, 2024]), ("groups", ["all", "town_village"]), ("items", ["mynumber_issued"])],
    "security": [("years", [2020, 2023]), ("groups", ["ward"]), ("items", ["csirt_established"])],
    "ai_rpa": [("years", [2021]), ("groups", ["muni_other"]), ("ai_functions", ["matching"]), ("rpa_fields", ["ict", "other"])],
    "telework": [("years", [2022, 2023]), ("groups", ["designated"]), ("items", ["unknown"])],
}


@pytest.mark.parametrize("page, name, value", [(page, name, value) for page, changes in FILTER_CHANGES.items()
                                               for name, value in changes])
def test_changing_each_filter_changes_the_data_shown(page, name, value):
    app = open_page(page)
    before = [frame.to_dict("records") for frame in shown_tables(app)]
    filter_pills(app, page, name).set_value(value)
    app.run()
    assert not app.exception
    after = [frame.to_dict("records") for frame in shown_tables(app)]
    assert after != before
    assert app.query_params[name] == ",".join(str(v) for v in value), "the URL follows the filter"


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("page", TOPIC_PAGES)
def test_csv_bytes_equal_the_rows_shown(page, lang, downloads):
    app = open_page(page, {"lang": lang, "years": "2021,2022,2023,2024"})
    tables, buttons = shown_tables(app), app.download_button
    assert tables and len(tables) == len(buttons)
    for table, button in zip(tables, buttons):
        data = downloads.of(button)
        assert data.startswith(b"\xef\xbb\xbf")
        assert b"\r\n" in data
        exported = csv_frame(data)
        assert list(exported.columns) == list(table.columns)
        assert ("出典" in exported.columns and "時点" in exported.columns) if lang == "ja" else \
            ("Source" in exported.columns and "As of" in exported.columns)
        pd.testing.assert_frame_equal(exported, as_numbers(table, like=exported), check_dtype=False)


def as_numbers(shown: pd.DataFrame, like: pd.DataFrame) -> pd.DataFrame:
    """A shown table's printed strings ("1,234", "57.1", "－") read back as numbers wherever the CSV has numbers."""
    numbers = shown.copy()
    for column in like.columns:
        if pd.api.types.is_numeric_dtype(like[column]) and not pd.api.types.is_numeric_dtype(shown[column]):
            printed = shown[column].str.replace(",", "", regex=False).replace({"－": None, "": None})
            numbers[column] = pd.to_numeric(printed)
    return numbers


@pytest.mark.parametrize("page", TOPIC_PAGES)
def test_tables_show_each_value_as_printed(page, db):
    printed = {value for (value,) in db.execute("select coalesce(value_printed, '－') from facts").fetchall()}
    tables = shown_tables(open_page(page, {"years": "2020,2021,2022,2023,2024"}))
    values = [value for table in tables for value in table.filter(like="値").iloc[:, 0]]
    assert values and set(values) <= printed, "every value reads exactly as 別紙1 prints it (e.g. 57.1, not 57.1000)"


def test_csv_file_name_records_topic_years_and_groups(downloads):
    app = open_page("governance", {"years": "2021,2022,2023", "groups": "pref,town_village", "items": "governance_overall_policy"})
    exported = csv_frame(downloads.of(app.download_button[0]))
    assert len(exported) == 6
    row = exported[(exported["年度"] == "2023年度（令和5年度）") & (exported["区分"] == "町村")].iloc[0]
    assert (row["値（%）"], row["団体数"], row["時点"]) == (29.6, 273, "2023-04-01")
    assert downloads.by_name["dx_governance_overall_policy_2021-2023_pref_town_village.csv"] == downloads.of(app.download_button[0])


def test_cp932_option_writes_shift_jis_without_bom(downloads):
    app = open_page("frontyard")
    app.radio(key="frontyard__encoding").set_value("cp932")
    app.run()
    data = downloads.of(app.download_button[0])
    assert not data.startswith(b"\xef\xbb\xbf")
    text = data.decode("cp932")
    assert "全市区町村" in text and "オンライン申請システム" in text


def test_not_published_cells_export_as_blank_not_zero(downloads):
    app = open_page("security", {"years": "2020", "items": "csirt_established"})
    exported = csv_frame(downloads.of(app.download_button[0]))
    assert exported["値（%）"].isna().all() and len(exported) == 6


HOSTILE = [
    {"years": "<script>alert(1)</script>"},
    {"groups": "';drop table facts;--"},
    {"items": "governance_overall_policy' or '1'='1"},
    {"years": "9999,abc", "groups": "pref"},
    {"years": "2021," * 200},
    {"lang": "xx"},
    {"groups": "\u202epref\u0000"},
]


@pytest.mark.parametrize("params", HOSTILE)
def test_hostile_query_parameters_fall_back_with_a_notice(params):
    app = open_page("overview" if "lang" in params else "governance", params)  # the language is read on a session's first run
    assert not app.exception
    assert app.warning, "a visible notice says the link's setting was not used"
    assert all("<script>" not in w.value and "drop table" not in w.value for w in app.warning)
    assert chart_count(app) >= 1


def test_partly_valid_parameters_keep_the_valid_part():
    app = open_page("governance", {"years": "2021,1999", "groups": "pref,nowhere"})
    assert filter_pills(app, "governance", "years").value == [2021]
    assert filter_pills(app, "governance", "groups").value == ["pref"]
    assert len(app.warning) == 2


def test_filter_state_survives_switching_pages_and_back():
    app = open_page("governance", {"years": "2021,2022", "groups": "ward,city"})
    app.query_params.clear()  # as the browser does when st.navigation switches pages
    app.switch_page("pages/frontyard.py")
    app.run()
    assert app.query_params["years"] == "2023", "the other page shows its own default"
    app.query_params.clear()
    app.switch_page("pages/governance.py")
    app.run()
    assert filter_pills(app, "governance", "years").value == [2021, 2022]
    assert filter_pills(app, "governance", "groups").value == ["ward", "city"]
    assert app.query_params["years"] == "2021,2022"


def test_coarser_groups_are_explained_for_ai():
    app = open_page("ai_rpa")
    captions = " ".join(caption.value for caption in app.caption)
    assert "町" in captions and "その他市区町村" in captions and "個別に公表していません" in captions


def test_responding_base_note_appears_for_2023():
    app = open_page("governance", {"years": "2023"})
    texts = " ".join(text.value for text in app.text)
    assert "母数 1,779〜1,780団体（全1,788団体より8〜9団体少ない）" in texts


def test_empty_selection_asks_the_reader_to_choose():
    app = open_page("governance")
    filter_pills(app, "governance", "groups").set_value([])
    app.run()
    assert not app.exception and any("選んでください" in info.value for info in app.info)
    # no 別紙1 chart; only the per-government distribution, which these filters do not govern, stays
    charts = app.get("plotly_chart")
    assert len(charts) == 1 and "団体区分別の実施の割合" in json.loads(charts[0].proto.spec)["layout"]["title"]["text"]


def test_language_switch_holds_across_pages_and_runs():
    app = open_page("governance")
    app.radio(key="language_switch").set_value("en")
    app.run()
    assert app.title[0].value == "DX promotion structure"
    app.switch_page("pages/frontyard.py")
    app.run()
    assert app.title[0].value == "Front-yard reform"
    assert app.radio(key="language_switch").value == "en", "the router (and its switch) runs on every page"
    assert app.query_params["lang"] == "en", "a copied link keeps the language"


def test_side_by_side_panels_keep_group_names_level_and_readable():
    app = open_page("mynumber", {"years": "2022,2023,2024"})
    spec = json.loads(app.get("plotly_chart")[0].proto.spec)
    layout = spec["layout"]
    assert [layout[axis].get("tickangle") for axis in ("xaxis", "xaxis2", "xaxis3")] == [0, 0, 0]
    assert layout["yaxis"]["title"]["text"] and not layout["yaxis2"]["title"].get("text"), "one title for the shared axis"
    names = {name for trace in spec["data"] for name in trace["x"]}
    assert "特別区・<br>市" in names and "全国" in names


@pytest.mark.parametrize(("label", "shown"), [
    ("Special wards and cities", "Special<br>wards and<br>cities"),
    ("その他市区町村", "その他市<br>区町村"),
    ("町村", "町村"),
    ("&lt;script&gt;x", "&lt;script&gt;x"),  # an escaped entity is never cut
])
def test_long_group_names_wrap_at_spaces_or_after_nakaguro(label, shown):
    assert wrap_label(label) == shown
