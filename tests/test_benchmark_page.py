"""The benchmark page in Streamlit's AppTest: the form, both uploads, rejected files, hostile names, the round trip of
the entries, page switching, printing and both languages. Reads the session's database (tests/conftest.py)."""
from __future__ import annotations

import codecs
import csv
import io
import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from benchmark.vocabulary import MunicipalityEntry
from common.government_code import check_digit
from tests.apptest_support import Downloads, downloads  # noqa: F401 (fixture)
from tests.apptest_support import open_page as open_app_page

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "benchmark"
PREFECTURE = FIXTURES / "yamanashi_municipalities.csv"
SINGLE_TOWN = FIXTURES / "single_town.csv"
TIMEOUT = 60
UNESCAPED_TAG = re.compile(r"(?<!\\)<[A-Za-z/!]")  # "\<script\>" renders as text; "<script>" would not
# Elements whose value Streamlit renders as markdown/HTML: a user's tag must never reach them unescaped.
MARKDOWN_KINDS = ("markdown", "caption", "title", "header", "subheader", "error", "warning", "info", "success")


def open_page(language: str = "ja") -> AppTest:
    at = open_app_page("benchmark", {"lang": language})
    assert_clean(at)
    return at


def real_peers(indicator_code: str, entity_type: str, type_ja: str, counter: str) -> str:
    """「回答した町740町のうち414町（55.9%・計算値）が」: the base of the real peers, counted from the raw CSV
    (tests/test_benchmark_real_peers.py), for items the per-government table answers."""
    from tests.test_benchmark_real_peers import expected_base  # that module imports this one
    answered, done, _ = expected_base(indicator_code, entity_type)
    return f"回答した{type_ja}{answered}{counter}のうち{done}{counter}（{100 * done / answered:.1f}%・計算値）が"


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def markdown_values(at: AppTest) -> list[str]:
    values = []
    for kind in MARKDOWN_KINDS:
        values += [element.value for element in getattr(at, kind)]
    return values


def sentences(at: AppTest) -> str:
    """The markdown on the page as a reader sees it (the page backslash-escapes punctuation such as ":" and "_")."""
    return re.sub(r"\\(.)", r"\1", "\n".join(element.value for element in at.markdown))


def upload(at: AppTest, mode: str, name: str, data: bytes) -> AppTest:
    at.file_uploader(key=f"bench__upload_{mode}").set_value((name, data, "text/csv"))
    at.run()
    assert_clean(at)
    return at


def choose_multiple(at: AppTest) -> AppTest:
    at.radio(key="bench__mode").set_value("multiple")
    at.run()
    assert_clean(at)
    return at


def plotly_specs(at: AppTest) -> list[str]:
    return [element.proto.spec for element in at.get("plotly_chart")]


def csv_rows(data: bytes, encoding: str = "utf-8-sig") -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode(encoding))))


def only(downloads: Downloads, prefix: str) -> bytes:
    """The one file offered whose name starts with prefix (built as a click would, if it is built on click)."""
    chosen = [name for name in downloads.names() if name.startswith(prefix)]
    assert len(chosen) == 1, (prefix, downloads.names())
    return downloads.named(chosen[0])


def told(at: AppTest) -> str:
    """Everything the page tells about an upload or an entry: the alerts (our words), the plain text beside them (file
    names, typed values) and the table of problems."""
    parts = [e.value for kind in ("error", "warning", "info", "success", "text") for e in getattr(at, kind)]
    for frame in at.dataframe:
        for column in ("内容", "Problem"):
            if column in frame.value.columns:
                parts += [str(value) for value in frame.value[column]]
    return "\n".join(parts)


# --- the form --------------------------------------------------------------------------------------------------------


def test_page_is_registered_and_starts_empty():
    at = open_page()
    assert at.title[0].value == "自団体の位置（ベンチマーク）"
    assert at.selectbox(key="bench__form_type").value is None
    assert any("団体区分を選ぶと" in info.value for info in at.info)
    assert "benchmark_entries" not in at.session_state


def test_form_entry_produces_the_sentence_for_a_town():
    at = open_page()
    at.selectbox(key="bench__form_type").set_value("town")
    at.radio(key="bench__form__governance_overall_policy").set_value("yes")
    at.run()
    assert_clean(at)
    text = sentences(at)
    assert "全体方針：策定済み — " + real_peers("dx_muni_overall_policy", "town", "町", "町") + "策定済み（2023年4月1日時点、" in text
    assert "全体方針：別紙1の「町村」" not in text and "全体方針：町の実際の団体と比較" in text
    entry = at.session_state["benchmark_entry"]
    assert entry == MunicipalityEntry(None, "", "town", {"governance_overall_policy": True})
    assert at.dataframe  # the scorecard table
    assert plotly_specs(at)  # the chart


def test_form_numbers_band_and_unanswered():
    at = open_page()
    at.selectbox(key="bench__form_type").set_value("village")
    at.number_input(key="bench__form__standardization_completed").set_value(65.0)
    at.selectbox(key="bench__form__telework_staff_band").set_value("band_80_100")
    at.run()
    assert_clean(at)
    text = sentences(at)
    assert "差は+5.8ポイント（計算値）" in text
    assert "不明（22.3%）を除くと" in text
    assert "DX推進専任部署：未回答 — 町村では33.4%（308団体）が設置済み" in text
    assert at.session_state["benchmark_entry"].answers == {"standardization_completed": 65.0,
                                                           "telework_staff_band": "band_80_100"}
    # clearing a number makes it unanswered again
    at.number_input(key="bench__form__standardization_completed").set_value(None)
    at.run()
    assert "standardization_completed" not in at.session_state["benchmark_entry"].answers


def test_form_code_is_validated_with_its_check_digit():
    at = open_page()
    at.selectbox(key="bench__form_type").set_value("designated")
    at.text_input(key="bench__form_code").set_value("011003")
    at.run()
    assert [e.value for e in at.error] == ["団体コードを確認してください。"]
    assert "検査数字が正しくありません（末尾は2のはずです）" in told(at)
    assert at.session_state["benchmark_entry"].municipality_code is None
    # Excel dropped the leading zero: accepted and padded
    at.text_input(key="bench__form_code").set_value("11002")
    at.run()
    assert not at.error
    assert any("011002" in info.value for info in at.info)
    assert at.session_state["benchmark_entry"].municipality_code == "011002"
    # a municipal code with the prefecture type is flagged
    at.selectbox(key="bench__form_type").set_value("pref")
    at.run()
    assert any("合いません" in w.value for w in at.warning)


def test_prefecture_sees_frontyard_items_as_municipal_only():
    at = open_page()
    at.selectbox(key="bench__form_type").set_value("pref")
    at.radio(key="bench__form__frontyard_online_application").set_value("yes")
    at.run()
    assert_clean(at)
    assert "オンライン申請システム：実施 — この項目は市区町村のみ公表（都道府県の区分はありません）" in sentences(at)


# --- uploads ---------------------------------------------------------------------------------------------------------


def test_single_upload_of_a_cp932_file_fills_the_form():
    at = open_page()
    upload(at, "single", "single_town.csv", SINGLE_TOWN.read_bytes())
    assert [s.value for s in at.success] == ["ファイルを読み込みました。"]
    assert "ファイル: single_town.csv" in [t.value for t in at.text]  # the file's name as plain text
    entry = at.session_state["benchmark_entry"]
    assert (entry.municipality_code, entry.municipality_name, entry.entity_type) == ("194301", "富士河口湖町", "town")
    assert entry.answers["standardization_completed"] == 66.6
    assert at.selectbox(key="bench__form_type").value == "town"
    assert at.text_input(key="bench__form_name").value == "富士河口湖町"
    assert at.radio(key="bench__form__governance_overall_policy").value == "yes"
    assert at.number_input(key="bench__form__standardization_completed").value == 66.6
    assert "富士河口湖町（194301）／町" in [element.value for element in at.text]
    assert real_peers("dx_muni_overall_policy", "town", "町", "町") + "策定済み" in sentences(at)


def test_multiple_upload_of_a_prefecture_list(downloads):
    at = choose_multiple(open_page())
    upload(at, "multiple", "yamanashi.csv", PREFECTURE.read_bytes())
    entries = at.session_state["benchmark_entries"]
    assert [e.municipality_name for e in entries][:3] == ["甲府市", "富士吉田市", "都留市"]
    assert len(entries) == 12
    assert any("12団体を読み込みました" in s.value for s in at.success)
    heatmap = json.loads(plotly_specs(at)[0])
    assert heatmap["data"][0]["type"] == "heatmap"
    assert heatmap["data"][0]["y"][0] == "甲府市（192015）"
    matrix = at.dataframe[0].value
    assert len(matrix) == 12 and list(matrix["団体名"])[:2] == ["甲府市", "富士吉田市"]
    # sortable: by the number of items ahead, then by one item
    at.selectbox(key="bench__heatmap_sort").set_value("ahead")
    at.run()
    assert_clean(at)
    ordered = at.dataframe[0].value
    assert list(ordered["先行"]) == sorted(ordered["先行"], reverse=True)
    at.selectbox(key="bench__heatmap_sort").set_value("item:standardization_completed")
    at.run()
    first = at.dataframe[0].value.iloc[0]
    assert first["団体名"] == "南アルプス市"  # 70% against 市 59.0%: the furthest ahead
    at.selectbox(key="bench__heatmap_sort").set_value("name")
    at.run()
    assert_clean(at)
    # one municipality in detail
    at.selectbox(key="bench__pick").set_value(11)
    at.run()
    assert "丹波山村（194433）／村" in [element.value for element in at.text]
    # the scorecards of all twelve, one row per municipality and item
    rows = csv_rows(only(downloads, "dx_benchmark_pref19_12entities"))
    assert len(rows) == 1 + 12 * 22
    assert {"出典", "時点"} <= set(rows[0])


def test_multiple_upload_also_reads_cp932_and_codes_without_leading_zero():
    text = PREFECTURE.read_bytes().decode("utf-8-sig")
    at = choose_multiple(open_page())
    upload(at, "multiple", "yamanashi_sjis.csv", text.encode("cp932"))
    assert len(at.session_state["benchmark_entries"]) == 12
    assert check_digit("01202") == 5  # 函館市 012025; Excel shows it as 12025
    five = "団体コード,団体名,団体区分,AIの導入\r\n11002,札幌市,指定都市,導入済み\r\n12025,函館市,中核市,未導入\r\n"
    upload(at, "multiple", "hokkaido.csv", five.encode("utf-8"))
    codes = [e.municipality_code for e in at.session_state["benchmark_entries"]]
    assert codes == ["011002", "012025"]


def test_rejected_upload_keeps_previous_entries_and_says_row_and_column():
    at = choose_multiple(open_page())
    upload(at, "multiple", "yamanashi.csv", PREFECTURE.read_bytes())
    before = list(at.session_state["benchmark_entries"])
    lines = PREFECTURE.read_bytes().decode("utf-8-sig").splitlines()
    lines[2] = lines[2].replace("192023", "192024", 1)  # bad check digit in row 3
    lines[4] = lines[4].replace(",58,", ",158,", 1) if ",58," in lines[4] else lines[4].replace(",61.2,", ",161.2,", 1)
    bad = ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")
    upload(at, "multiple", "broken.csv", bad)
    assert at.session_state["benchmark_entries"] == before
    message = told(at)
    assert "入力済みの内容はそのままです" in message
    assert "3行目の列「団体コード」" in message and "検査数字" in message
    assert "5行目の列「標準化 完了率」" in message and "0〜100の範囲外" in message
    problems = at.dataframe[0].value
    assert list(problems.columns) == ["行", "列", "内容"]
    assert ["3", "団体コード"] in problems[["行", "列"]].values.tolist()
    # the heatmap of the earlier list is still shown
    assert json.loads(plotly_specs(at)[0])["data"][0]["type"] == "heatmap"


def test_rejected_single_upload_keeps_the_form_entry():
    at = open_page()
    at.selectbox(key="bench__form_type").set_value("town")
    at.radio(key="bench__form__ai_adoption").set_value("no")
    at.run()
    before = at.session_state["benchmark_entry"]
    upload(at, "single", "types.csv", "団体区分,AIの導入\r\n区,はい\r\n".encode("utf-8"))
    assert at.session_state["benchmark_entry"] == before
    assert at.radio(key="bench__form__ai_adoption").value == "no"
    assert "2行目の列「団体区分」" in told(at) and "不明" in told(at)


@pytest.mark.parametrize("name, data, expected", [
    ("empty.csv", b"", "空です"),
    ("latin1.csv", (ROOT / "tests" / "fixtures" / "uploads" / "latin1_garbage.csv").read_bytes(), "文字コードを読み取れません"),
    ("book.xlsx", b"PK\x03\x04" + b"\x00" * 40, "Excel（.xlsx）"),
    ("dup.csv", "団体区分,AIの導入,AI adopted\r\n町,はい,はい\r\n".encode("utf-8"), "重複しています"),
    ("unknown.csv", "団体区分,AIの導入,好きな色\r\n町,はい,青\r\n".encode("utf-8"), "不明な列です"),
])
def test_every_rejection_is_explained(name, data, expected):
    at = open_page()
    upload(at, "single", name, data)
    assert at.error and expected in told(at), told(at)
    assert "benchmark_entry" not in at.session_state  # nothing half-read was kept


def test_too_many_rows_and_too_large_files_are_refused_in_the_multiple_upload():
    at = choose_multiple(open_page())
    upload(at, "multiple", "yamanashi.csv", PREFECTURE.read_bytes())
    header = "団体名,団体区分,AIの導入\r\n"
    many = (header + "".join(f"テスト{n}町,町,はい\r\n" for n in range(2_001))).encode("utf-8")
    upload(at, "multiple", "many.csv", many)
    assert "行数が多すぎます" in told(at) and "2,000" in told(at)
    large = (header + "テスト町,町,はい\r\n" + " " * (10 * 1024 * 1024)).encode("utf-8")
    upload(at, "multiple", "large.csv", large)
    assert "大きすぎます" in told(at)
    assert len(at.session_state["benchmark_entries"]) == 12  # the earlier list is still there


def test_rejection_messages_follow_the_ui_language():
    at = open_page("en")
    upload(at, "single", "types.csv", "団体区分,AIの導入\r\n区,はい\r\n".encode("utf-8"))
    message = told(at)
    assert "was not read" in message and "Row 2, column" in message and "unknown entity type" in message
    assert list(at.dataframe[0].value.columns) == ["Row", "Column", "Problem"]


# --- hostile names ---------------------------------------------------------------------------------------------------

HOSTILE = ["<script>alert(1)</script>", '=HYPERLINK("http://evil.example","x")', "<img src=x onerror=alert(1)>",
           "**太字**[link](javascript:alert(1))", "+cmd|' /C calc'!A0"]


def hostile_file() -> bytes:
    rows = [["団体名", "団体区分", "全体方針", "標準化 完了率"]]
    rows += [[name, "町", "策定済み", "50"] for name in HOSTILE]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def test_html_and_formula_names_render_as_text_and_are_neutralised(downloads):
    at = choose_multiple(open_page())
    upload(at, "multiple", "hostile.csv", hostile_file())
    assert [e.municipality_name for e in at.session_state["benchmark_entries"]] == HOSTILE
    for kind in ("0", "4"):
        at.selectbox(key="bench__pick").set_value(int(kind))
        at.run()
        assert_clean(at)
        for value in markdown_values(at):
            if "@media print" in value:
                continue  # the page's own static stylesheet
            assert not UNESCAPED_TAG.search(value), value
            assert "](javascript" not in value, value
        for spec in plotly_specs(at):
            assert "<script" not in spec and "<img" not in spec
    heatmap = json.loads(plotly_specs(at)[0])
    assert heatmap["data"][0]["y"][0] == "&lt;script&gt;alert(1)&lt;/script&gt;"
    # the names are data in the tables: exactly as given
    assert list(at.dataframe[0].value["団体名"]) == HOSTILE
    # and neutralised in every CSV
    for prefix in ("dx_benchmark_5entities", "dx_benchmark_entries_5entities"):
        text = only(downloads, prefix).decode("utf-8-sig")
        assert "'=HYPERLINK" in text and "'+cmd" in text
        rows = list(csv.reader(io.StringIO(text)))
        names = {row[rows[0].index("団体名")] for row in rows[1:]}
        assert names == {"<script>alert(1)</script>", "'=HYPERLINK(\"http://evil.example\",\"x\")",
                         "<img src=x onerror=alert(1)>", "**太字**[link](javascript:alert(1))", "'+cmd|' /C calc'!A0"}
        for row in rows:  # negative numbers are numbers; no text cell may start a formula
            assert not any(cell[:1] in ("=", "+", "@", "\t", "\r") for cell in row if cell), row


def test_hostile_name_in_the_form_is_shown_as_text_under_the_heading():
    at = open_page()
    at.selectbox(key="bench__form_type").set_value("town")
    at.text_input(key="bench__form_name").set_value("<b>x</b>")
    at.run()
    assert_clean(at)
    assert "<b>x</b>／町" in [element.value for element in at.text]
    assert not any(UNESCAPED_TAG.search(value) for value in markdown_values(at) if "@media print" not in value)


# Names that markdown would turn into a link or an icon even when its characters are backslash-escaped
MARKDOWN_ACTIVE_NAMES = ["www.example.com町", "https://example.com/村", ":material/home: 市"]


@pytest.mark.parametrize("name", MARKDOWN_ACTIVE_NAMES)
@pytest.mark.parametrize("printed", [False, True])
def test_a_name_with_a_web_address_or_icon_code_reaches_no_markdown(name, printed):
    at = open_page()
    at.selectbox(key="bench__form_type").set_value("town")
    at.text_input(key="bench__form_name").set_value(name)
    at.run()
    if printed:
        at.toggle(key="bench__print").set_value(True)
        at.run()
    assert_clean(at)
    assert f"{name}／町" in [element.value for element in at.text], "shown as itself, as text"
    core = name.strip(":町村市 ").split(":")[-1].split("/")[-1] or name
    for value in markdown_values(at):
        plain = value.replace("\\", "")
        assert "example.com" not in plain and "material" not in plain and core not in plain, value


# --- round trip, session, print, languages ---------------------------------------------------------------------------


def test_entries_download_and_upload_reproduce_them_exactly(downloads):
    at = choose_multiple(open_page())
    upload(at, "multiple", "yamanashi.csv", PREFECTURE.read_bytes())
    original = list(at.session_state["benchmark_entries"])
    saved = only(downloads, "dx_benchmark_entries_pref19_12entities")
    again = choose_multiple(open_page())
    upload(again, "multiple", "saved.csv", saved)
    assert again.session_state["benchmark_entries"] == original


def test_form_entry_round_trips_through_the_single_upload(downloads):
    at = open_page()
    at.selectbox(key="bench__form_type").set_value("ward")
    at.text_input(key="bench__form_name").set_value("'千代田区")
    at.text_input(key="bench__form_code").set_value("131016")
    at.radio(key="bench__form__security_csirt").set_value("no")
    at.selectbox(key="bench__form__telework_staff_band").set_value("unknown")
    at.number_input(key="bench__form__mynumber_held_rate").set_value(77.25)
    at.run()
    entry = at.session_state["benchmark_entry"]
    saved = only(downloads, "dx_benchmark_entries_131016")
    again = open_page()
    upload(again, "single", "saved.csv", saved)
    assert again.session_state["benchmark_entry"] == entry


def test_entries_survive_switching_pages():
    at = choose_multiple(open_page())
    upload(at, "multiple", "yamanashi.csv", PREFECTURE.read_bytes())
    at.radio(key="bench__mode").set_value("single")
    at.run()
    at.selectbox(key="bench__form_type").set_value("town")
    at.radio(key="bench__form__rpa_adoption").set_value("yes")
    at.run()
    entry = at.session_state["benchmark_entry"]
    at.switch_page("pages/governance.py")
    at.run()
    assert_clean(at)
    at.switch_page("pages/benchmark.py")
    at.run()
    assert_clean(at)
    assert at.session_state["benchmark_entry"] == entry
    assert len(at.session_state["benchmark_entries"]) == 12
    assert at.selectbox(key="bench__form_type").value == "town"  # the form is refilled from the entry
    assert at.radio(key="bench__form__rpa_adoption").value == "yes"
    assert at.radio(key="bench__mode").value == "single"


def test_print_view_is_a_clean_report():
    at = open_page()
    upload(at, "single", "single_town.csv", SINGLE_TOWN.read_bytes())
    at.toggle(key="bench__print").set_value(True)
    at.run()
    assert_clean(at)
    assert [h.value for h in at.header] == ["自治体DX ベンチマーク"]
    assert "富士河口湖町（194301）／町" in [element.value for element in at.text]
    assert at.table  # the scorecard as a static table
    assert not at.file_uploader and not at.get("plotly_chart")
    assert any("@media print" in m.value for m in at.markdown)
    assert "全体方針：策定済み — " + real_peers("dx_muni_overall_policy", "town", "町", "町") + "策定済み" in sentences(at)


def test_cp932_option_for_the_scorecard(downloads):
    at = open_page()
    upload(at, "single", "single_town.csv", SINGLE_TOWN.read_bytes())
    assert only(downloads, "dx_benchmark_194301").startswith(codecs.BOM_UTF8)
    downloads.by_name.clear()
    at.radio(key="bench__encoding_single").set_value("cp932")
    at.run()
    data = only(downloads, "dx_benchmark_194301")
    assert not data.startswith(codecs.BOM_UTF8)
    rows = csv_rows(data, "cp932")
    assert rows[1][1] == "富士河口湖町"
    assert rows[1][rows[0].index("文")].startswith(  # cp932's dash
        "全庁的・横断的な推進体制：構築済み ― " + real_peers("dx_muni_cross_departmental", "town", "町", "町"))
    assert not any(w.value for w in at.warning)  # no fallback to UTF-8 was needed


@pytest.mark.parametrize("language", ["ja", "en"])
def test_both_languages_render_everything(language):
    at = open_page(language)
    at.selectbox(key="bench__form_type").set_value("core")
    for item in ("governance_overall_policy", "security_csirt", "frontyard_ai_chatbot", "telework_adoption"):
        at.radio(key=f"bench__form__{item}").set_value("yes")
    at.selectbox(key="bench__form__telework_staff_band").set_value("band_30_50")
    at.number_input(key="bench__form__mynumber_issued_rate").set_value(90.0)
    at.run()
    assert_clean(at)
    choose_multiple(at)
    upload(at, "multiple", "yamanashi.csv", PREFECTURE.read_bytes())
    heatmap = json.loads(plotly_specs(at)[0])["data"][0]
    z = heatmap["z"]  # plotly sends numpy arrays as {"dtype", "bdata", "shape": "rows, columns"}
    rows, columns = (int(n) for n in z["shape"].split(",")) if isinstance(z, dict) else (len(z), len(z[0]))
    assert len(set(heatmap["x"])) == len(heatmap["x"]) == columns  # no two columns merged into one
    assert len(heatmap["y"]) == rows == 12
    at.toggle(key="bench__print").set_value(True)
    at.run()
    assert_clean(at)
    if language == "en":
        assert at.title[0].value == "Benchmark your municipality"
        from tests.test_benchmark_real_peers import expected_base
        answered, done, _ = expected_base("dx_muni_overall_policy", "core")
        assert (f"Overall DX policy: Adopted — {done} of the {answered} governments of type “Core city” that answered "
                f"({100 * done / answered:.1f}%, computed) report “Adopted”") in sentences(at)
    else:
        assert "全体方針：策定済み — " + real_peers("dx_muni_overall_policy", "core", "中核市", "市") + "策定済み" in sentences(at)


def test_plotly_template_fields_in_names_stay_literal_on_the_charts():
    at = choose_multiple(open_page())
    rows = [["団体名", "団体区分", "全体方針"], ["%{x}町", "町", "策定済み"]]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    upload(at, "multiple", "template.csv", buffer.getvalue().encode("utf-8-sig"))
    assert_clean(at)
    heatmap = json.loads(plotly_specs(at)[0])
    assert heatmap["data"][0]["y"] == ["%&#123;x}町"], "shown as typed, not read as Plotly's %{x} field"


def test_quotes_in_names_reach_the_heatmap_escaped_once():
    """Plotly decodes &lt; &gt; &amp; and numeric entities but not &quot;: a quote must not arrive as &quot;."""
    at = choose_multiple(open_page())
    rows = [["団体名", "団体区分", "全体方針"], ['"ABC"町 & \'D\'<村>', "町", "策定済み"]]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    upload(at, "multiple", "quotes.csv", buffer.getvalue().encode("utf-8-sig"))
    heatmap = json.loads(plotly_specs(at)[0])
    assert heatmap["data"][0]["y"] == ['"ABC"町 &amp; \'D\'&lt;村&gt;']


# --- codes that pass the check digit but name no government -----------------------------------------------------------


def test_form_warns_of_a_code_no_government_has_and_keeps_the_entry():
    assert check_digit("01999") == 2  # 019992 passes the check digit
    at = open_page()
    at.selectbox(key="bench__form_type").set_value("town")
    at.text_input(key="bench__form_code").set_value("019992")
    at.run()
    assert_clean(at)
    assert any("団体コード「019992」の団体はありません" in w.value for w in at.warning)
    assert at.session_state["benchmark_entry"].municipality_code == "019992"
    at.text_input(key="bench__form_code").set_value("192015")  # 甲府市: no warning
    at.run()
    assert not at.warning


def test_single_upload_with_an_unknown_code_warns_in_english_too():
    at = open_page("en")
    upload(at, "single", "ghost.csv", "団体コード,団体名,団体区分,AIの導入\r\n019992,架空町,町,導入済み\r\n".encode("utf-8"))
    assert at.session_state["benchmark_entry"].municipality_code == "019992"
    assert any("No local government has the code “019992”" in w.value for w in at.warning)


def test_multiple_upload_names_the_unknown_codes_and_keeps_every_row():
    at = choose_multiple(open_page())
    rows = "団体コード,団体名,団体区分,AIの導入\r\n192015,甲府市,中核市,導入済み\r\n019992,架空町,町,未導入\r\n"
    upload(at, "multiple", "ghost.csv", rows.encode("utf-8"))
    assert [e.municipality_code for e in at.session_state["benchmark_entries"]] == ["192015", "019992"]
    warnings = [w.value for w in at.warning if "団体はありません" in w.value]
    assert len(warnings) == 1 and "「019992」" in warnings[0] and "192015" not in warnings[0]


@pytest.mark.parametrize("language, words", [("ja", "10 MB＝10,000,000バイトまで"),
                                             ("en", "up to 10 MB = 10,000,000 bytes")])
def test_the_upload_states_the_apps_limit_in_bytes_in_the_users_language(language, words):
    at = open_page(language)
    assert words in at.get("file_uploader")[0].proto.label
