"""The benchmark page (AppTest) against hostile and faulty input: overlong names, files in an encoding we do not read,
web addresses in file names and typed codes, the template's example row, and the work a large list causes per run."""
from __future__ import annotations

from benchmark.upload_file import MAX_TEXT_CHARS
from tests.apptest_support import downloads  # noqa: F401 (fixture)
from tests.apptest_support import open_page as open_app_page
from tests.test_benchmark_page import (PREFECTURE, assert_clean, choose_multiple, markdown_values, only, open_page,
                                       told, upload)

HEADER = "団体名,団体区分,AIの導入\r\n"


def test_the_form_limits_the_name_to_the_longest_allowed():
    at = open_page()
    assert at.text_input(key="bench__form_name").proto.max_chars == MAX_TEXT_CHARS


def test_an_overlong_name_in_a_list_is_refused_with_row_and_field():
    at = choose_multiple(open_page())
    upload(at, "multiple", "long.csv", (HEADER + "町" * 130_000 + ",町,はい\r\n").encode("utf-8"))
    assert "benchmark_entries" not in at.session_state
    assert "2行目の列「団体名」: 団体名が長すぎます（130,000文字" in told(at)


def test_a_latin1_file_is_refused_naming_it_and_not_read_as_mojibake():
    at = choose_multiple(open_page())
    data = "Municipality name,Entity type,AI adopted\r\nBesançon-lès-Bains,town,yes\r\n"
    upload(at, "multiple", "communes.csv", data.encode("cp1252"))
    assert "benchmark_entries" not in at.session_state
    shown = told(at)
    assert "ファイル「communes.csv」をShift_JISとして読むと文字化けします" in shown and "UTF-8" in shown


def test_a_shift_jis_list_with_platform_characters_is_read():
    at = choose_multiple(open_page())
    names = ["髙山村", "①町", "ﾁﾖﾀﾞ町"]
    upload(at, "multiple", "sjis.csv", (HEADER + "".join(f"{n},町,はい\r\n" for n in names)).encode("cp932"))
    assert [e.municipality_name for e in at.session_state["benchmark_entries"]] == names


def test_a_successful_list_upload_stays_in_sight_after_the_expander_closes():
    at = choose_multiple(open_page())
    upload(at, "multiple", "yamanashi.csv", PREFECTURE.read_bytes())
    assert any("12団体を読み込みました" in s.value for s in at.success)
    assert not [s for s in at.expander[0].success], "the notice must not be hidden in the closed expander"


def test_the_templates_example_row_is_skipped_and_said():
    at = choose_multiple(open_page())
    data = HEADER + "千代田区（記入例）,町,はい\r\n中央町,町,はい\r\n"
    upload(at, "multiple", "filled.csv", data.encode("utf-8"))
    assert [e.municipality_name for e in at.session_state["benchmark_entries"]] == ["中央町"]
    assert "2行目の「千代田区（記入例）」はテンプレートの記入例のため、読み込みませんでした" in told(at)


WEB_FILE_NAMES = ["www.evil.example.csv", "https:__evil.example_x.csv", ":material_home: list.csv"]


def test_file_names_and_typed_codes_reach_no_markdown():
    at = choose_multiple(open_page())
    for name in WEB_FILE_NAMES:
        upload(at, "multiple", name, (HEADER + "甲町,町,はい\r\n").encode("utf-8"))
        assert f"ファイル: {name}" in [t.value for t in at.text]
        upload(at, "multiple", name, b"")  # rejected: the name is still shown, as text only
        assert f"ファイル: {name}" in [t.value for t in at.text]
        for value in markdown_values(at):
            assert "evil" not in value.replace("\\", "") and "material" not in value, value
    single = open_page()
    single.text_input(key="bench__form_code").set_value("www.x.jp")
    single.run()
    assert_clean(single)
    assert not any("x.jp" in value.replace("\\", "") for value in markdown_values(single))
    assert "www.x.jp" in told(single)


def test_a_lists_scorecards_are_built_on_click_not_on_every_run(downloads):  # noqa: F811
    at = choose_multiple(open_page())
    upload(at, "multiple", "yamanashi.csv", PREFECTURE.read_bytes())
    memo = at.session_state["benchmark_memo"]
    assert not [name for name in memo if "scorecard" in name], list(memo)
    button = next(b for b in at.get("download_button") if b.proto.label.startswith("全団体の比較表"))
    assert button.proto.deferred_file_id
    rows = only(downloads, "dx_benchmark_pref19_12entities").decode("utf-8-sig").splitlines()
    assert len(rows) > 12  # built by the click: a row per municipality and item


def test_the_view_and_encoding_are_in_the_url_but_no_entry_is():
    at = open_page()
    at.selectbox(key="bench__form_type").set_value("town")
    at.text_input(key="bench__form_name").set_value("秘密町")
    at.run()
    at.radio(key="bench__encoding_single").set_value("cp932")
    at.run()
    params = dict(at.query_params)
    flat = {key: value[0] if isinstance(value, list) else value for key, value in params.items()}
    assert flat == {"mode": "single", "view": "screen", "type": "town", "lang": "ja", "encoding": "cp932"}
    shared = open_app_page("benchmark", {"mode": "multiple", "sort": "behind", "encoding": "cp932", "lang": "en"})
    assert shared.radio(key="bench__mode").value == "multiple"
    assert "benchmark_entries" not in shared.session_state
