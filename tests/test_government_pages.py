"""The profile and prefecture pages and the sidebar search, driven through the real router in both languages."""
from __future__ import annotations

import json
from urllib.parse import parse_qs

import pytest

from common.texts import text
from tests.apptest_support import csv_frame, downloads, open_page

__all__ = ["downloads"]

HAKODATE, OGATA, CHIYODA, WAJIMA, ISHIKAWA = "012025", "053686", "131016", "172049", "170003"


def texts(app) -> list[str]:
    return [element.value for element in app.text]


def errors(app) -> list[str]:
    return [element.value for element in app.error] + [element.value for element in app.warning]


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("code, title_ja, title_en", [(HAKODATE, "函館市", "Hakodate-shi"), (OGATA, "大潟村", "Ogata-mura"),
                                                      (CHIYODA, "千代田区", "Chiyoda-ku"), (WAJIMA, "輪島市", "Wajima-shi"),
                                                      (ISHIKAWA, "石川県", "Ishikawa")])
def test_profile_renders_for_every_kind_of_government(code, title_ja, title_en, lang):
    app = open_page("municipality", {"code": code, "lang": lang})
    assert not app.exception, [e.value for e in app.exception]
    assert app.title[0].value == (title_ja if lang == "ja" else title_en)
    assert len(app.get("plotly_chart")) == 1, "the MyNumber chart"
    assert app.dataframe, "the indicator table"
    assert app.query_params["code"] == code


def test_hakodate_sentence_names_its_base_and_who_was_not_surveyed():
    """The issue's own example: 函館市 against the 中核市 that answered, 金沢市 not surveyed (FY2023, 1 April)."""
    sentences = texts(open_page("municipality", {"code": HAKODATE}))
    assert "全体方針策定：未実施。回答した中核市61市のうち55市（90.2%）が実施（2023年4月1日時点、金沢市は調査無し）。" in sentences


def test_a_noto_municipality_reads_not_surveyed_and_is_left_out_of_the_base():
    app = open_page("municipality", {"code": WAJIMA, "lang": "en"})
    table = app.dataframe[0].value
    policy = table[table["Indicator"] == "Overall DX policy adopted"].iloc[0]
    assert policy["Answer or value"] == "Not surveyed"
    sentence = next(s for s in texts(app) if s.startswith("Overall DX policy adopted"))
    assert "not surveyed: Nanao-shi, Komatsu-shi, Wajima-shi, Suzu-shi" in sentence


def test_profile_csv_holds_the_answers_and_values_shown(downloads):
    app = open_page("municipality", {"code": HAKODATE})
    exported = csv_frame(downloads.of(app.download_button[0]))
    shown = app.dataframe[0].value
    rows = exported[exported["表"] == "取組状況（デジタル庁）"]
    assert rows["回答・値"].tolist() == shown["回答・値"].tolist()
    assert set(exported["団体コード"].astype(str).str.zfill(6)) == {HAKODATE}


@pytest.mark.parametrize("raw, message_ja", [
    ("172048", "検査数字が正しくありません"),
    ("999999", "01〜47の範囲外"),
    ("012033" + "0" * 500, "長すぎます"),
    ("<script>alert(1)</script>", "数字以外の文字"),
    ("1; DROP TABLE governments", "数字以外の文字"),
    ("123", "3桁"),
])
def test_a_bad_code_in_the_url_gets_a_clear_message_and_no_error(raw, message_ja):
    app = open_page("municipality", {"code": raw})
    assert not app.exception
    assert any(message_ja in text for text in errors(app)), errors(app)
    assert not app.dataframe


def test_a_valid_code_of_no_government_is_named_unknown_in_english():
    app = open_page("municipality", {"code": "012033"[:5] + "3", "lang": "en"})  # 01203x: check digit 3 is 小樽市
    assert not app.exception
    assert app.title[0].value == "Otaru-shi"
    app = open_page("municipality", {"code": "019992", "lang": "en"})
    assert not app.exception and any("No government has the code" in text for text in errors(app))


def test_no_code_asks_the_reader_to_search():
    app = open_page("municipality")
    assert not app.exception and "サイドバーの検索" in app.info[0].value


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_prefecture_page_shows_symbols_counts_and_the_lacking_list(lang, downloads):
    app = open_page("prefecture", {"code": "17", "lang": lang})
    assert not app.exception, [e.value for e in app.exception]
    counts, matrix, lacking = (frame.value for frame in app.dataframe)
    assert len(matrix) == 19, "石川県 has 19 municipalities"
    policy = "全体方針策定" if lang == "ja" else "Overall DX policy adopted"
    cells = set(matrix[policy])
    assert {"● 実施", "○ 未実施", "× 調査無し"} <= cells if lang == "ja" else {"● Done", "○ Not done", "× Not surveyed"} <= cells
    lacking_policy = lacking[lacking.iloc[:, 0] == policy]
    assert len(lacking_policy) == (matrix[policy].str.startswith("○")).sum()
    assert all(link.startswith("municipality?code=17") for link in lacking_policy.iloc[:, 2])
    exported = csv_frame(downloads.of(app.download_button[0]))
    assert len(exported) == 19 and exported.filter(like="全体方針策定" if lang == "ja" else "Overall").shape[1] == 1


def test_prefecture_view_tells_apart_names_its_municipalities_share_in_english():
    """江差町 and 枝幸町 (both 北海道) are both Esashi-cho: Plotly merges equal row labels, so the heatmap would draw
    two municipalities on one row; the tables would list two rows of the same name."""
    app = open_page("prefecture", {"code": "01", "lang": "en"})
    assert not app.exception, [e.value for e in app.exception]
    _, matrix, lacking = (frame.value for frame in app.dataframe)
    assert len(matrix) == 179 and matrix["Municipality"].is_unique
    assert {"Esashi-cho (江差町)", "Esashi-cho (枝幸町)"} <= set(matrix["Municipality"])
    rows = json.loads(app.get("plotly_chart")[0].proto.spec)["data"][0]["y"]
    assert len(rows) == 179 and len(set(rows)) == 179, "one heatmap row per municipality"
    named = lacking.drop_duplicates(subset=[lacking.columns[3]]).set_index(lacking.columns[3])[lacking.columns[1]]
    assert named.get("013617", "Esashi-cho (江差町)") == "Esashi-cho (江差町)"


def test_prefecture_counts_match_the_matrix_and_the_nation():
    app = open_page("prefecture", {"code": "17"})
    counts, matrix, _ = (frame.value for frame in app.dataframe)
    row = counts[counts["指標"] == "全体方針策定"].iloc[0]
    done = (matrix["全体方針策定"] == "● 実施").sum()
    answered = matrix["全体方針策定"].isin(["● 実施", "○ 未実施"]).sum()
    assert row["県内：実施/回答"] == f"{done}/{answered}"
    assert row["調査無し・報告なし"] == 19 - answered


@pytest.mark.parametrize("raw", ["48", "00", "1234567", "<b>x</b>", "17' OR 1=1 --", "170004"])
def test_a_bad_prefecture_code_falls_back_to_the_national_map_with_a_notice(raw):
    app = open_page("prefecture", {"code": raw})
    assert not app.exception
    assert any("01〜47" in text for text in errors(app))
    assert app.title[0].value == "全国：都道府県別の取組状況"


@pytest.mark.parametrize("raw", [ISHIKAWA, "17", "１７", " 17 "])
def test_a_prefecture_code_in_any_of_its_written_forms_opens_that_prefecture(raw):
    app = open_page("prefecture", {"code": raw})
    assert app.title[0].value == "石川県"


def test_the_map_uses_plain_axes_and_no_geo_trace():
    """Plotly's geo and map traces fetch base maps from a CDN; the map must be drawn from our outlines only."""
    app = open_page("prefecture")
    spec = json.loads(app.get("plotly_chart")[0].proto.spec)
    assert {trace["type"] for trace in spec["data"]} == {"scatter"}
    assert not {"geo", "mapbox", "map"} & set(spec["layout"])
    points = sum(len(trace.get("customdata", [])) for trace in spec["data"] if trace.get("legendgroup") == "points")
    assert points == 1741, "every municipality is a point"


def test_the_map_indicator_is_kept_in_the_url():
    app = open_page("prefecture", {"indicator": "dx_muni_ai"})
    assert app.selectbox(key="prefecture__indicator").value == "dx_muni_ai"
    assert app.query_params["indicator"] == "dx_muni_ai"
    app = open_page("prefecture", {"indicator": "'; DROP TABLE x"})
    assert not app.exception and app.selectbox(key="prefecture__indicator").value == "dx_muni_cio"


def searchable_page():
    """The overview after a second run: AppTest's first run has no page yet, so the sidebar's widgets get other ids
    on that run than on every later one (a browser names the page from its first request)."""
    app = open_page("overview")
    app.run()
    return app


def test_the_search_text_survives_a_page_switch():
    app = searchable_page()
    app.text_input(key="government_search").input("輪島").run()
    app.switch_page("pages/prefecture.py")
    app.run()
    assert app.text_input(key="government_search").value == "輪島"
    assert [link.proto.label for link in app.get("page_link")][0] == "輪島市（石川県）"


@pytest.mark.parametrize("typed, expected", [("ふちゅう", ["府中市（東京都）", "府中市（広島県）", "府中町（広島県）"]),
                                             ("池田町", ["池田町（北海道）", "池田町（福井県）", "池田町（長野県）", "池田町（岐阜県）"]),
                                             ("ｲｹﾀﾞﾁｮｳ", ["池田町（北海道）", "池田町（福井県）", "池田町（岐阜県）"])])  # 長野's is いけだまち
def test_sidebar_search_lists_same_names_with_their_prefecture(typed, expected):
    app = searchable_page()
    app.text_input(key="government_search").input(typed).run()
    assert not app.exception
    labels = [link.proto.label.replace("\\", "") for link in app.get("page_link")]
    assert labels[:len(expected)] == expected


def test_sidebar_search_tells_apart_names_shared_within_a_prefecture_in_english():
    app = open_page("overview", {"lang": "en"})
    app.run()
    app.text_input(key="government_search").input("Esashi").run()
    labels = {link.proto.label.replace("\\", "") for link in app.get("page_link")}
    assert {"Esashi-cho (江差町, Hokkaido)", "Esashi-cho (枝幸町, Hokkaido)"} <= labels, labels


@pytest.mark.parametrize("typed, message", [("<script>alert(1)</script>", "該当する団体がありません"),
                                            ("172048", "末尾は9のはずです"), ("99", "01〜47の範囲外")])
def test_sidebar_search_answers_hostile_text_with_a_message(typed, message):
    app = searchable_page()
    app.text_input(key="government_search").input(typed).run()
    assert not app.exception
    assert any(message in caption.value for caption in app.caption)
    assert not [link for link in app.get("page_link") if "municipality" in link.proto.page]


def test_the_later_besshi1_figures_are_those_of_the_finest_group_with_their_own_counts():
    app = open_page("municipality", {"code": HAKODATE})
    assert "別紙1の同じ指標：その後の推移（団体区分の値）" in [s.value for s in app.subheader]
    held = app.dataframe[-1].value  # 保有枚数率: counts are cards, for 特別区・市 (the finest group printed for 中核市)
    assert "枚数" in held.columns and "団体数" not in held.columns
    assert set(held["区分"]) == {"特別区・市"}


def test_the_profile_print_view_is_in_the_url_both_ways():
    app = open_page("municipality", {"code": HAKODATE, "view": "print", "lang": "en"})
    assert not app.exception and app.toggle(key="profile__print").value is True
    assert app.table and not app.get("download_button"), "the print view draws plain tables and no download button"
    assert app.query_params["view"] == "print"
    app.toggle(key="profile__print").set_value(False).run()
    assert "view" not in app.query_params and app.dataframe


@pytest.mark.parametrize("lang, message", [("ja", "URLの指定「view」に使えない値があったため、既定の表示に戻しました。"),
                                           ("en", "The link's “view” setting had values that cannot be used; showing the default instead.")])
def test_a_hostile_profile_view_falls_back_to_the_screen_view_with_a_notice(lang, message):
    app = open_page("municipality", {"code": HAKODATE, "view": "<script>print()</script>", "lang": lang})
    assert not app.exception and app.toggle(key="profile__print").value is False
    assert [w.value for w in app.warning] == [message]
    assert "view" not in app.query_params


@pytest.mark.parametrize("code, lang", [(HAKODATE, "ja"), ("130001", "en")])  # a 中核市; 東京都 itself
def test_the_profile_links_to_the_benchmark_filled_in_for_the_same_government(code, lang):
    app = open_page("municipality", {"code": code, "lang": lang})
    assert not app.exception
    links = [link.proto for link in app.get("page_link") if "benchmark" in link.proto.page]
    assert len(links) == 1
    assert parse_qs(links[0].query_string) == {"code": [code], "lang": [lang]}
    assert links[0].label == text("open_benchmark", lang)
