"""Tests for common.csv_export: formula guard, CSV bytes, file names."""

from __future__ import annotations

import csv
import io
import math
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, reject, settings
from hypothesis import strategies as st

from common.csv_export import (
    FORMULA_PREFIXES,
    ExportError,
    UnencodableCharactersError,
    UnsupportedEncodingError,
    dataframe_to_csv_bytes,
    export_filename,
    neutralise_cell,
)

FORMULA_PAYLOADS = [
    "=1+1",
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    "＝1+1",
    "＋1",
    "－1",
    "＠SUM(A1)",
    '=HYPERLINK("http://example.invalid","x")',
]


def cells(data: bytes, encoding: str = "utf-8-sig") -> list[list[str]]:
    """The CSV cells exactly as written (no type inference)."""
    return list(csv.reader(io.StringIO(data.decode(encoding), newline="")))


# --- neutralise_cell -----------------------------------------------------------


@pytest.mark.parametrize("payload", FORMULA_PAYLOADS)
def test_formula_text_is_prefixed(payload: str) -> None:
    assert neutralise_cell(payload) == "'" + payload


@pytest.mark.parametrize("text", ["-1.3", "+81", "-0", "@", "=", "－５"])
def test_text_that_looks_numeric_or_is_one_char_is_still_prefixed(text: str) -> None:
    assert neutralise_cell(text) == "'" + text


@pytest.mark.parametrize("text", ["", "abc", "千代田区", "1+1", " =1", "'=1", "a=b", "1.3", "%"])
def test_safe_text_is_unchanged(text: str) -> None:
    assert neutralise_cell(text) == text


@pytest.mark.parametrize("value", [-1.3, 0, -5, 0.0, 1.5, None, True, np.int64(-3), np.float64(-2.5)])
def test_non_text_values_are_returned_unchanged(value: object) -> None:
    assert neutralise_cell(value) is value


def test_nan_is_returned_unchanged() -> None:
    nan = float("nan")
    assert neutralise_cell(nan) is nan
    assert neutralise_cell(pd.NA) is pd.NA


# --- dataframe_to_csv_bytes: layout --------------------------------------------


def test_exact_output_for_a_small_frame() -> None:
    df = pd.DataFrame(
        {
            "団体名": ["千代田区", "札幌市", None],
            "率": [29.6, 100.0, float("nan")],
            "件数": pd.array([3, None, 0], dtype="Int64"),
        }
    )
    expected = "団体名,率,件数\r\n千代田区,29.6,3\r\n札幌市,100.0,\r\n,,0\r\n"
    assert dataframe_to_csv_bytes(df) == b"\xef\xbb\xbf" + expected.encode("utf-8")


def test_default_encoding_has_bom_and_cp932_has_none() -> None:
    df = pd.DataFrame({"団体名": ["千代田区"]})
    utf8 = dataframe_to_csv_bytes(df)
    sjis = dataframe_to_csv_bytes(df, encoding="cp932")
    assert utf8.startswith(b"\xef\xbb\xbf")
    assert utf8.count(b"\xef\xbb\xbf") == 1
    assert not sjis.startswith(b"\xef\xbb\xbf")
    assert sjis == "団体名\r\n千代田区\r\n".encode("cp932")


def test_every_line_ends_with_crlf_and_there_is_no_index() -> None:
    df = pd.DataFrame({"a": [1, 2, 3], "b": ["x", "y", "z"]}, index=[10, 20, 30])
    text = dataframe_to_csv_bytes(df).decode("utf-8-sig")
    assert text == "a,b\r\n1,x\r\n2,y\r\n3,z\r\n"
    assert "\n" not in text.replace("\r\n", "")


def test_embedded_newlines_and_commas_are_quoted() -> None:
    df = pd.DataFrame({"メモ": ["一行目\n二行目", "a,b", 'say "hi"']})
    assert cells(dataframe_to_csv_bytes(df))[1:] == [["一行目\n二行目"], ["a,b"], ['say "hi"']]


def test_missing_values_are_blank_not_zero() -> None:
    df = pd.DataFrame(
        {
            "obj": ["x", None, pd.NA, float("nan")],
            "float": [1.5, np.nan, 0.0, np.nan],
            "int": pd.array([0, pd.NA, 2, pd.NA], dtype="Int64"),
            "bool": pd.array([True, pd.NA, False, None], dtype="boolean"),
        }
    )
    rows = cells(dataframe_to_csv_bytes(df))
    assert rows == [
        ["obj", "float", "int", "bool"],
        ["x", "1.5", "0", "True"],
        ["", "", "", ""],
        ["", "0.0", "2", "False"],
        ["", "", "", ""],
    ]


@pytest.mark.parametrize(
    ("value", "text"),
    [(29.6, "29.6"), (100.0, "100.0"), (0.1, "0.1"), (-1.3, "-1.3"), (1 / 3, "0.3333333333333333"), (0.0, "0.0")],
)
def test_floats_are_written_in_shortest_round_trip_form(value: float, text: str) -> None:
    assert cells(dataframe_to_csv_bytes(pd.DataFrame({"v": [value]})))[1] == [text]


def test_float32_has_no_spurious_digits() -> None:
    df = pd.DataFrame({"a": np.array([29.6, 0.1], dtype=np.float32), "b": pd.array([29.6, None], dtype="Float32")})
    assert cells(dataframe_to_csv_bytes(df))[1:] == [["29.6", "29.6"], ["0.1", ""]]


def test_integers_stay_integers_with_nullable_int64() -> None:
    df = pd.DataFrame({"n": pd.array([1, None, 1_000_000_000_000], dtype="Int64")})
    assert cells(dataframe_to_csv_bytes(df))[1:] == [["1"], [""], ["1000000000000"]]


def test_plain_float_column_with_nan_keeps_the_decimal_point() -> None:
    # Documented limitation: float64 cannot tell 1.0 from an integer; use Int64.
    df = pd.DataFrame({"n": [1, None, 3]})
    assert df["n"].dtype == np.float64
    assert cells(dataframe_to_csv_bytes(df))[1:] == [["1.0"], [""], ["3.0"]]


def test_dates_are_written_as_dates() -> None:
    df = pd.DataFrame(
        {
            "as_of": pd.to_datetime(["2024-04-01", None]),
            "at": pd.to_datetime(["2024-04-01 09:30:00", "2024-04-02 00:00:00"]),
            "tz": pd.to_datetime(["2024-04-01", "2024-04-02"]).tz_localize("Asia/Tokyo"),
        }
    )
    assert cells(dataframe_to_csv_bytes(df))[1:] == [
        ["2024-04-01", "2024-04-01 09:30:00", "2024-04-01 00:00:00+09:00"],
        ["", "2024-04-02 00:00:00", "2024-04-02 00:00:00+09:00"],
    ]


def test_input_frame_is_not_modified() -> None:
    df = pd.DataFrame({"=h": ["=1+1", "x"], "n": [-1.3, 0.0]})
    before = df.copy()
    dataframe_to_csv_bytes(df)
    pd.testing.assert_frame_equal(df, before)


# --- formula injection -----------------------------------------------------------


@pytest.mark.parametrize("payload", FORMULA_PAYLOADS)
def test_formula_payloads_are_neutralised_in_output(payload: str) -> None:
    df = pd.DataFrame({"団体名": [payload]})
    rows = cells(dataframe_to_csv_bytes(df))
    assert rows[1] == ["'" + payload]
    rows = cells(dataframe_to_csv_bytes(df, encoding="cp932"), encoding="cp932")
    assert rows[1] == ["'" + payload]


def test_numbers_are_left_as_numbers_but_numeric_text_is_neutralised() -> None:
    df = pd.DataFrame({"num": [-1.3, 0.0], "int": [-5, 0], "text": ["-1.3", "0"]})
    assert cells(dataframe_to_csv_bytes(df))[1:] == [["-1.3", "-5", "'-1.3"], ["0.0", "0", "0"]]


@pytest.mark.parametrize("payload", FORMULA_PAYLOADS)
def test_headers_are_neutralised(payload: str) -> None:
    df = pd.DataFrame({payload: [1], "ok": [2]})
    assert cells(dataframe_to_csv_bytes(df))[0] == ["'" + payload, "ok"]


def test_non_text_headers_are_written_as_text() -> None:
    df = pd.DataFrame([[1, 2]], columns=[2023, -1])
    assert cells(dataframe_to_csv_bytes(df))[0] == ["2023", "-1"]


@settings(database=None)
@given(st.lists(st.text(), min_size=1, max_size=5))
def test_any_text_reads_back_as_its_neutralised_form(values: list[str]) -> None:
    df = pd.DataFrame({"t": values}, dtype=object)
    written = [row[0] if row else "" for row in cells(dataframe_to_csv_bytes_or_skip(df))[1:]]
    assert written == [neutralise_cell(v) for v in values]
    assert not any(w[:1] in FORMULA_PREFIXES for w in written)


def dataframe_to_csv_bytes_or_skip(df: pd.DataFrame) -> bytes:
    try:
        return dataframe_to_csv_bytes(df)
    except UnencodableCharactersError:
        # Only lone surrogates cannot be UTF-8; make sure that was the reason.
        assert any(any(0xD800 <= ord(c) <= 0xDFFF for c in v) for v in df["t"])
        reject()


# --- encodings ------------------------------------------------------------------


def test_cp932_bytes_decode_back_including_vendor_characters() -> None:
    df = pd.DataFrame({"団体名": ["①㈱髙～", "髙森町", "ｱｲｳ－∥￢"], "率": [12.5, None, 0.0]})
    data = dataframe_to_csv_bytes(df, encoding="cp932")
    assert cells(data, "cp932") == [["団体名", "率"], ["①㈱髙～", "12.5"], ["髙森町", ""], ["ｱｲｳ－∥￢", "0.0"]]
    with pytest.raises(UnicodeEncodeError):
        "①㈱髙".encode("shift_jis")  # why cp932: plain Shift_JIS cannot hold these


def test_unencodable_character_raises_with_row_and_column() -> None:
    df = pd.DataFrame({"団体コード": ["011002", "131016"], "団体名": ["札幌市", "𠮷野町"]})
    with pytest.raises(UnencodableCharactersError) as info:
        dataframe_to_csv_bytes(df, encoding="cp932")
    err = info.value
    assert isinstance(err, ValueError)
    assert err.problems == [(3, "団体名", "𠮷")]
    assert err.message_ja == "3行目の列「団体名」の文字「𠮷」はShift_JIS（cp932）で表せません。UTF-8（BOM付き）で保存してください。"
    assert "row 3" in err.message_en and "“団体名”" in err.message_en and "“𠮷”" in err.message_en
    assert "UTF-8 (with BOM)" in err.message_en


def test_unencodable_characters_are_all_listed_and_the_message_is_capped() -> None:
    df = pd.DataFrame({"𠮷": ["a"], "名": ["𠮷𠮷🙂"], "x": ["🙂"], "y": ["🍣"]})
    with pytest.raises(UnencodableCharactersError) as info:
        dataframe_to_csv_bytes(df, encoding="cp932")
    assert info.value.problems == [(1, "𠮷", "𠮷"), (2, "名", "𠮷"), (2, "名", "🙂"), (2, "x", "🙂"), (2, "y", "🍣")]
    assert "（ほか2件）" in info.value.message_ja
    assert "(and 2 more)" in info.value.message_en
    assert "🍣" not in info.value.message_ja


@pytest.mark.parametrize("char", ["〜", "−", "‖", "¢", "£", "¬"])
def test_cp932_best_fit_look_alikes_are_refused_not_substituted(char: str) -> None:
    # Python's cp932 would silently write these as ～ － ∥ ￠ ￡ ￢.
    df = pd.DataFrame({"範囲": [f"10{char}20"]})
    with pytest.raises(UnencodableCharactersError) as info:
        dataframe_to_csv_bytes(df, encoding="cp932")
    assert info.value.problems == [(2, "範囲", char)]
    assert cells(dataframe_to_csv_bytes(df))[1] == [f"10{char}20"]


def test_characters_outside_cp932_are_fine_in_utf8() -> None:
    df = pd.DataFrame({"団体名": ["𠮷野町", "🙂"]})
    assert cells(dataframe_to_csv_bytes(df))[1:] == [["𠮷野町"], ["🙂"]]


def test_lone_surrogate_raises_even_in_utf8() -> None:
    df = pd.DataFrame({"t": ["ok", "bad\ud800"]}, dtype=object)  # str dtype cannot even hold it
    with pytest.raises(UnencodableCharactersError) as info:
        dataframe_to_csv_bytes(df)
    assert info.value.problems == [(3, "t", "\ud800")]
    assert "U+D800" in info.value.message_ja and "U+D800" in info.value.message_en


@pytest.mark.parametrize("encoding", ["utf-8-sig", "UTF_8_SIG", "cp932", "CP932", "ms932"])
def test_supported_encoding_spellings(encoding: str) -> None:
    assert dataframe_to_csv_bytes(pd.DataFrame({"a": ["髙"]}), encoding=encoding).endswith("髙\r\n".encode("cp932" if "932" in encoding else "utf-8"))


@pytest.mark.parametrize("encoding", ["shift_jis", "sjis", "utf-8", "latin-1", "utf-16", "nonsense", ""])
def test_unsupported_encodings_are_rejected_with_messages(encoding: str) -> None:
    with pytest.raises(UnsupportedEncodingError) as info:
        dataframe_to_csv_bytes(pd.DataFrame({"a": [1]}), encoding=encoding)
    assert isinstance(info.value, ValueError)
    assert f"「{encoding}」" in info.value.message_ja and "cp932" in info.value.message_ja
    assert f"“{encoding}”" in info.value.message_en and "utf-8-sig" in info.value.message_en


# --- round trip -------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp932"])
def test_pandas_reads_back_the_same_rows(encoding: str) -> None:
    df = pd.DataFrame(
        {
            "団体コード": ["011002", "131016", "472018"],
            "団体名": ["札幌市", "千代田区, 東京", "那覇市\n（改行）"],
            "率": [29.6, np.nan, 100.0],
            "件数": pd.array([1, None, -3], dtype="Int64"),
            "負": [-1.3, 0.0, 1e-05],
        }
    )
    data = dataframe_to_csv_bytes(df, encoding=encoding)
    back = pd.read_csv(
        io.BytesIO(data), encoding=encoding, dtype={"団体コード": str, "団体名": object, "件数": "Int64"}
    )
    assert list(back.columns) == list(df.columns)
    assert back["団体コード"].tolist() == df["団体コード"].tolist()  # leading zero kept
    assert back["団体名"].tolist() == df["団体名"].tolist()
    assert back["件数"].tolist()[::2] == [1, -3] and back["件数"].isna().tolist() == [False, True, False]
    assert back["負"].tolist() == [-1.3, 0.0, 1e-05]
    assert back["率"].tolist()[::2] == [29.6, 100.0] and math.isnan(back["率"][1])


def test_empty_frame_writes_header_only() -> None:
    assert dataframe_to_csv_bytes(pd.DataFrame(columns=["a", "b"])) == b"\xef\xbb\xbfa,b\r\n"


# --- export_filename --------------------------------------------------------------


def test_filename_example_from_the_brief() -> None:
    assert (
        export_filename("governance", [2021, 2022, 2023], ["pref", "town_village"])
        == "dx_governance_2021-2023_pref_town_village.csv"
    )


@pytest.mark.parametrize(
    ("years", "part"),
    [
        ([2023], "2023"),
        ([2021, 2023], "2021_2023"),
        ([2023, 2021, 2022, 2022], "2021-2023"),
        ([2019, 2020, 2021, 2023], "2019-2021_2023"),
        ((y for y in (2020, 2021)), "2020-2021"),
        (["2022"], "2022"),
    ],
)
def test_year_part(years: object, part: str) -> None:
    assert export_filename("t", years, ["g"]) == f"dx_t_{part}_g.csv"


def test_groups_keep_their_order_and_options_apply() -> None:
    assert export_filename("t", [2023], ["village", "pref"]) == "dx_t_2023_village_pref.csv"
    assert export_filename("t", [2023], [], extension="xlsx", prefix="jichitai") == "jichitai_t_2023.xlsx"
    assert export_filename("t", [], ["g"]) == "dx_t_g.csv"
    assert export_filename("Governance", [2023], ["PREF"], extension=".CSV") == "dx_governance_2023_pref.csv"


@pytest.mark.parametrize(
    "hostile",
    ["../../etc/passwd", "..\\..\\win.ini", "a/b", "c:\\x", "x\x00y", "名前", ".hidden", "a b\tc\nd", "<script>"],
)
def test_hostile_parts_cannot_produce_separators_or_dots(hostile: str) -> None:
    name = export_filename(hostile, [2023], [hostile, "pref"], prefix=hostile)
    stem, ext = name.rsplit(".", 1)
    assert ext == "csv"
    assert re.fullmatch(r"[a-z0-9_\-]+", stem), name
    assert export_filename("../../etc/passwd", [2023], ["a/b"]) == "dx_etcpasswd_2023_ab.csv"


def test_everything_stripped_still_gives_a_name() -> None:
    assert export_filename("名前", [], ["ぐ"], prefix="") == "export.csv"


def test_length_is_capped_by_truncating_groups_and_keeping_extension() -> None:
    groups = [f"group_{i:02d}" for i in range(30)]
    name = export_filename("governance", [2021, 2022, 2023], groups)
    assert len(name) == 120
    assert name.startswith("dx_governance_2021-2023_group_00_group_01")
    assert name.endswith(".csv") and not name.endswith("_.csv")


def test_length_cap_holds_even_for_a_huge_topic() -> None:
    name = export_filename("t" * 500, [2023], ["pref"], extension="xlsx")
    assert len(name) <= 120 and name.endswith(".xlsx") and name.startswith("dx_ttt")


@pytest.mark.parametrize("extension", ["", "...", "/", "拡張子"])
def test_bad_extension_is_rejected(extension: str) -> None:
    with pytest.raises(ExportError) as info:
        export_filename("t", [2023], [], extension=extension)
    assert "拡張子" in info.value.message_ja and "extension" in info.value.message_en


@pytest.mark.parametrize("year", ["20x1", "../1", True, 2023.0, -1, 10_000, None])
def test_bad_year_is_rejected(year: object) -> None:
    with pytest.raises(ExportError) as info:
        export_filename("t", [year], [])
    assert "年度" in info.value.message_ja and "fiscal year" in info.value.message_en


@settings(database=None)
@given(st.text(), st.lists(st.integers(1900, 2100), max_size=6), st.lists(st.text(), max_size=8), st.text(), st.text())
def test_filename_is_always_safe(topic: str, years: list[int], groups: list[str], prefix: str, ext: str) -> None:
    try:
        name = export_filename(topic, years, groups, extension=ext or "csv", prefix=prefix)
    except ExportError as err:
        assert err.message_ja and err.message_en
        return
    assert len(name) <= 120
    assert re.fullmatch(r"[a-z0-9_\-]+\.[a-z0-9]+", name), name
