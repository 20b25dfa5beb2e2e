"""The benchmark page with a chosen government: the form filled with its official answers (government_facts), the real
governments of its type as peers (counted here from the Digital Agency's raw CSV, not from the database), 別紙1's
group with its reason elsewhere, a bad ?code=, the search on the page, and a prefecture's list beside the official
answers. Driven through the real router with AppTest."""
from __future__ import annotations

import csv
import io
import re

import pytest

from tests.apptest_support import downloads, open_page  # noqa: F401 (fixture)
from tests.test_benchmark_page import UNESCAPED_TAG
from tests.test_government_queries import municipalities, type_in, wide_cells_by_government

HAKODATE, OGATA, WAJIMA = "012025", "053686", "172049"
# The benchmark's yes/no items and the Digital Agency row that answers each for a municipality (indicators.csv)
ANSWERED_ITEMS = {"governance_cross_departmental": "dx_muni_cross_departmental",
                  "governance_overall_policy": "dx_muni_overall_policy", "ai_adoption": "dx_muni_ai",
                  "rpa_adoption": "dx_muni_rpa", "telework_adoption": "dx_muni_telework"}
FISCAL_YEAR = 2023  # the rows' dates (2023-04-01, 2023-10-01, 2023-12-31) all fall in 2023年度
FORM_VALUE = {"implemented": "yes", "not_implemented": "no", "not_surveyed": "unanswered", "not_reported": "unanswered"}


def open_benchmark(params: dict[str, str]):
    app = open_page("benchmark", params)
    assert not app.exception, [e.value for e in app.exception]
    return app


def unescaped(values) -> str:
    return re.sub(r"\\(.)", r"\1", "\n".join(values))


def page_text(app) -> str:
    return unescaped([e.value for kind in ("markdown", "caption", "success", "error", "warning", "info")
                      for e in getattr(app, kind)])


def expected_base(indicator_code: str, entity_type: str) -> tuple[int, int, list[str]]:
    """(answered, 実施, names 調査無し) among the municipalities of the type in 2023年度, from the raw CSV."""
    cells = wide_cells_by_government(indicator_code)
    answered = done = 0
    unsurveyed = []
    for row in municipalities():
        code = row["lgcode"].zfill(6)
        if type_in(code, row["city"], FISCAL_YEAR) != entity_type:
            continue
        printed = cells[code]["value_printed"]
        answered += printed in ("実施", "未実施")
        done += printed == "実施"
        if printed == "調査無し":
            unsurveyed.append(row["city"])
    return answered, done, unsurveyed


def official_statuses(db, code: str) -> dict[str, str]:
    rows = db.execute("select indicator_code, status from government_facts where government_code = ? "
                      "and indicator_code in (select unnest(?))", [code, list(ANSWERED_ITEMS.values())]).fetchall()
    return dict(rows)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_core_city_is_filled_with_its_official_answers_and_compared_with_the_core_cities(db, lang):
    app = open_benchmark({"code": HAKODATE, "lang": lang})
    statuses = official_statuses(db, HAKODATE)
    assert len(statuses) == len(ANSWERED_ITEMS)
    for item, indicator in ANSWERED_ITEMS.items():
        assert app.radio(key=f"bench__form__{item}").value == FORM_VALUE[statuses[indicator]], item
    assert app.selectbox(key="bench__form_type").value == "core"
    assert app.text_input(key="bench__form_code").value == HAKODATE
    assert app.text_input(key="bench__form_name").value == ("函館市" if lang == "ja" else "Hakodate-shi")
    assert app.query_params["code"] == HAKODATE
    shown = page_text(app)
    answered, done, unsurveyed = expected_base("dx_muni_overall_policy", "core")
    assert unsurveyed == ["金沢市"]
    if lang == "ja":
        assert "公式回答：未策定（2023年4月1日時点、出典：デジタル庁" in shown
        assert f"回答した中核市{answered}市のうち{done}市（{100 * done / answered:.1f}%・計算値）が策定済み（2023年4月1日時点、金沢市は調査無し）" in shown
        assert "DX推進専任部署：別紙1の「市」（2023年度（令和5年度））と比較。この項目には団体別のデータがないため。" in shown
    else:
        assert "Official answer: Not adopted (as of 1 Apr 2023, Source: Digital Agency" in shown
        assert (f"{done} of the {answered} governments of type “Core city” that answered "
                f"({100 * done / answered:.1f}%, computed) report “Adopted” (as of 1 Apr 2023; not surveyed: Kanazawa-shi)") in shown
        assert "Dedicated DX unit: compared with 別紙1's group “Cities (excl. designated)” (FY2023 (Reiwa 5)), because there is no per-government data" in shown
    captions = unescaped(e.value for e in app.caption).splitlines()
    attribution = ("出典：デジタル庁「自治体DXの取組に関するダッシュボード」" if lang == "ja"
                   else "Source: Digital Agency, 'Local government DX dashboard'")
    assert attribution in captions, "the per-government table is credited once, in the reader's language"
    assert not [line for line in captions if "出典：出典：" in line or "Source: 出典" in line]
    ai_answered, ai_done, _ = expected_base("dx_muni_ai", "core")
    scorecard = app.dataframe[0].value
    peer_column = scorecard.columns[2]
    ai_row = scorecard[scorecard.iloc[:, 0] == ("AIの導入" if lang == "ja" else "AI adopted")].iloc[0]
    assert str(ai_answered) in ai_row[peer_column] and "その他市区町村" not in ai_row[peer_column]
    assert ai_row.iloc[3].startswith(f"{ai_done}/{ai_answered}" if lang == "ja" else f"{ai_done} of {ai_answered}")


def test_a_village_is_compared_with_the_villages(db):
    app = open_benchmark({"code": OGATA})
    statuses = official_statuses(db, OGATA)
    for item, indicator in ANSWERED_ITEMS.items():
        assert app.radio(key=f"bench__form__{item}").value == FORM_VALUE[statuses[indicator]], item
    assert app.selectbox(key="bench__form_type").value == "village"
    answered, done, _ = expected_base("dx_muni_ai", "village")
    assert f"回答した村{answered}村のうち{done}村（{100 * done / answered:.1f}%・計算値）が導入済み（2023年12月31日時点" in page_text(app)


def test_not_surveyed_is_shown_as_such_and_left_unanswered_never_not_done(db):
    app = open_benchmark({"code": WAJIMA})
    statuses = official_statuses(db, WAJIMA)
    unsurveyed = [item for item, indicator in ANSWERED_ITEMS.items() if statuses[indicator] == "not_surveyed"]
    assert unsurveyed, "輪島市 was not surveyed on 推進体制 (Noto earthquake)"
    for item in unsurveyed:
        assert app.radio(key=f"bench__form__{item}").value == "unanswered"
    assert "公式回答：調査無し（2023年4月1日時点、出典：デジタル庁「自治体DXの取組に関するダッシュボード」）— 未回答のままにしています" in page_text(app)


def test_a_changed_answer_is_marked_as_the_users_own():
    app = open_benchmark({"code": HAKODATE})
    assert "✎" not in page_text(app)
    app.radio(key="bench__form__governance_overall_policy").set_value("yes").run()
    assert not app.exception
    captions = unescaped([c.value for c in app.caption])
    assert "✎ あなたの回答（公式回答と異なります）" in captions and "公式回答：未策定" in captions
    assert app.session_state["benchmark_entry"].answers["governance_overall_policy"] is True


@pytest.mark.parametrize("raw, lang, message", [
    ("172048", "ja", "検査数字が正しくありません"),
    ("172048", "en", "check digit"),
    ("<script>alert(1)</script>", "ja", "数字以外の文字"),
    ("019992", "en", "No government has the code"),
])
def test_a_bad_code_in_the_url_is_said_in_the_users_language_and_fills_nothing(raw, lang, message):
    app = open_benchmark({"code": raw, "lang": lang})
    errors = unescaped([e.value for e in app.error])
    assert message in errors, errors
    assert "benchmark_official" not in app.session_state
    assert "benchmark_entry" not in app.session_state or app.session_state["benchmark_entry"].municipality_code is None
    assert app.radio(key="bench__form__ai_adoption").value == "unanswered"
    assert not any(UNESCAPED_TAG.search(e.value) for e in app.error), "the typed code is shown as text, never HTML"


def test_the_search_on_the_page_picks_a_government_and_fills_the_form(db):
    app = open_benchmark({})
    app.text_input(key="bench__gov_search").input("はこだて").run()
    app.button(key=f"bench__gov_{HAKODATE}").click().run()
    assert not app.exception
    statuses = official_statuses(db, HAKODATE)
    assert app.radio(key="bench__form__ai_adoption").value == FORM_VALUE[statuses["dx_muni_ai"]]
    assert app.query_params["code"] == HAKODATE
    assert "選んだ団体：函館市（中核市）" in page_text(app)


def test_a_prefectures_list_shows_official_answers_beside_the_entries_and_marks_differences(db):
    app = open_benchmark({})
    app.radio(key="bench__mode").set_value("multiple").run()
    hakodate_ai = official_statuses(db, HAKODATE)["dx_muni_ai"]
    entered = "未導入" if hakodate_ai == "implemented" else "導入済み"
    csv_text = ("団体コード,団体名,団体区分,AIの導入,RPAの導入\n"
                f"{HAKODATE},函館市,中核市,{entered},導入済み\n"
                f"{OGATA},大潟村,村,,\n")
    app.file_uploader(key="bench__upload_multiple").set_value(("list.csv", csv_text.encode("utf-8"), "text/csv"))
    app.run()
    assert not app.exception
    frame = next(table.value for table in app.dataframe if "公式回答と異なる項目数" in table.value.columns)
    hakodate = frame[frame["団体コード"] == HAKODATE].iloc[0]
    official_word = "導入済み" if hakodate_ai == "implemented" else "未導入"
    assert hakodate["AIの導入"] == f"≠ {entered}／公式：{official_word}（2023年12月31日時点）"
    rpa = official_statuses(db, HAKODATE)["dx_muni_rpa"]
    assert hakodate["RPAの導入"].startswith("≠ ") == (rpa != "implemented")
    assert hakodate["公式回答と異なる項目数"] >= 1


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_scorecard_csv_credits_the_per_government_table_where_the_peers_are_real_governments(downloads, lang):
    open_benchmark({"code": HAKODATE, "lang": lang})
    name = next(name for name in downloads.names() if name.startswith(f"dx_benchmark_{HAKODATE}_"))
    rows = list(csv.DictReader(io.StringIO(downloads.named(name).decode("utf-8-sig"))))
    source = "出典" if lang == "ja" else "Source"
    attribution = ("出典：デジタル庁「自治体DXの取組に関するダッシュボード」" if lang == "ja"
                   else "Source: Digital Agency, 'Local government DX dashboard'")
    real = [row for row in rows if attribution in row[source]]
    assert real, [row[source] for row in rows]
    for row in real:  # 別紙1's source first (the trend and the groups are its), then the table's attribution
        assert row[source].endswith(attribution) and row[source][:-len(attribution)].strip("、, "), row[source]
    assert not [row for row in rows if row not in real and "デジタル庁" in row[source]]


def test_an_empty_code_in_the_url_chooses_nothing_without_an_error():
    app = open_benchmark({"code": "", "lang": "ja"})
    assert not app.error, [e.value for e in app.error]
    assert app.text_input(key="bench__form_code").value == ""
