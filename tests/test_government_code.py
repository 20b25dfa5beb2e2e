"""Tests for common.government_code (JIS X 0402 codes)."""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from common.government_code import (
    MunicipalityCodeError,
    check_digit,
    normalise_municipality_code,
)

KNOWN_CODES = {
    "131016": "千代田区",
    "011002": "札幌市",
    "472018": "那覇市",
    "130001": "東京都",
    "141003": "横浜市",
    "271004": "大阪市",
    "012025": "函館市",
    "132063": "府中市（東京都）",
    "342084": "府中市（広島県）",
    "470007": "沖縄県",
    "010006": "北海道",
}


def reference_check_digit(first_five: str) -> int:
    """Independent spelling of the published rule, for cross-checking."""
    s = 6 * int(first_five[0]) + 5 * int(first_five[1]) + 4 * int(first_five[2]) + 3 * int(first_five[3]) + 2 * int(first_five[4])
    return (11 - s % 11) % 10


def rejection(raw: object) -> MunicipalityCodeError:
    with pytest.raises(MunicipalityCodeError) as info:
        normalise_municipality_code(raw)
    err = info.value
    assert isinstance(err, ValueError)
    assert err.message_ja and err.message_en
    assert err.message_ja in str(err) and err.message_en in str(err)
    return err


# --- check_digit ---------------------------------------------------------------


@pytest.mark.parametrize("code", sorted(KNOWN_CODES))
def test_check_digit_of_real_codes(code: str) -> None:
    assert check_digit(code[:5]) == int(code[5])


@pytest.mark.parametrize(
    ("first_five", "expected"),
    # s mod 11 == 0 gives 11 -> 1 and s mod 11 == 1 gives 10 -> 0: the two "mod 10" cases.
    [("00000", 1), ("00014", 1), ("00006", 0), ("00001", 9), ("99999", 7), ("10000", 5), ("13101", 6)],
)
def test_check_digit_edge_values(first_five: str, expected: int) -> None:
    assert check_digit(first_five) == expected


@settings(database=None)
@given(st.from_regex(r"[0-9]{5}", fullmatch=True))
def test_check_digit_matches_the_published_formula(first_five: str) -> None:
    assert check_digit(first_five) == reference_check_digit(first_five)


@pytest.mark.parametrize("bad", ["1310", "131016", "1310a", "１３１０１", "", 13101, None])
def test_check_digit_rejects_anything_but_five_ascii_digits(bad: object) -> None:
    with pytest.raises(MunicipalityCodeError) as info:
        check_digit(bad)  # type: ignore[arg-type]
    assert info.value.reason == "not_digits"
    assert "5桁" in info.value.message_ja and "five digits" in info.value.message_en


# --- normalise: accepted forms -------------------------------------------------


@pytest.mark.parametrize("code", sorted(KNOWN_CODES))
def test_real_codes_validate_unchanged(code: str) -> None:
    assert normalise_municipality_code(code) == code


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("11002", "011002"),  # Excel dropped the leading zero
        (11002, "011002"),
        (131016, "131016"),
        (np.int64(11002), "011002"),
        (" 131016 ", "131016"),
        ("\u3000131016\t", "131016"),
        ("０１１００２", "011002"),
        ("１１００２", "011002"),
        ("11002.0", "011002"),
        ("131016.0", "131016"),
        ("11002.00", "011002"),
        ("１１００２．０", "011002"),
        (11002.0, "011002"),
        (np.float64(131016.0), "131016"),
        ("10006", "010006"),
    ],
)
def test_accepted_spellings(raw: object, expected: str) -> None:
    assert normalise_municipality_code(raw) == expected


# --- normalise: rejections -------------------------------------------------------


@pytest.mark.parametrize("raw", [None, "", "   ", "\u3000", float("nan")])
def test_empty(raw: object) -> None:
    err = rejection(raw)
    assert err.reason == "empty"
    assert "空" in err.message_ja and "empty" in err.message_en


@pytest.mark.parametrize(
    "raw",
    ["abc", "13101-6", "13 1016", "13101６a", "1.5", 1.5, -11002, "-11002", "+131016", "①31016",
     "١٣١٠١٦", "0x1F", "1e5", True, float("inf"), ".0", "131016.5"],
)
def test_not_digits(raw: object) -> None:
    err = rejection(raw)
    assert err.reason == "not_digits"
    assert "数字以外" in err.message_ja and "other than digits" in err.message_en


def test_not_digits_message_quotes_the_value() -> None:
    err = rejection("13101-6")
    assert "「13101-6」" in err.message_ja and "“13101-6”" in err.message_en


def test_long_values_are_shortened_in_messages() -> None:
    err = rejection("x" * 500)
    assert len(err.message_ja) < 100 and "…" in err.message_ja


@pytest.mark.parametrize(("raw", "digits"), [("1", 1), ("1234", 4), ("1310160", 7), (12345678, 8), ("0011002", 7)])
def test_wrong_length(raw: object, digits: int) -> None:
    err = rejection(raw)
    assert err.reason == "wrong_length"
    assert f"{digits}桁" in err.message_ja and f"{digits} digits" in err.message_en
    assert "6桁" in err.message_ja


@pytest.mark.parametrize(("raw", "prefecture"), [("481234", "48"), ("990009", "99"), ("000001", "00"), ("00001", "00")])
def test_prefecture_out_of_range(raw: str, prefecture: str) -> None:
    err = rejection(raw)
    assert err.reason == "prefecture_out_of_range"
    assert f"「{prefecture}」" in err.message_ja and "01〜47" in err.message_ja
    assert f"“{prefecture}”" in err.message_en and "01–47" in err.message_en


def test_bad_check_digit_says_which_digit_was_expected() -> None:
    err = rejection("131015")
    assert err.reason == "bad_check_digit"
    assert err.expected_check_digit == 6
    assert "検査数字が正しくありません（末尾は6のはずです）" in err.message_ja
    assert "should be 6" in err.message_en
    assert "検査数字のない" not in err.message_ja  # only 5-digit input gets the hint


def test_five_digit_code_without_check_digit_gets_a_hint() -> None:
    # 13101 is also how 千代田区 is often written *without* its check digit.
    err = rejection("13101")
    assert err.reason == "bad_check_digit"
    assert err.expected_check_digit == 2  # for the padded reading 013101
    assert "「013101」" in err.message_ja and "「131016」" in err.message_ja
    assert "131016" in err.message_en


def test_five_digit_hint_is_not_offered_when_it_would_be_invalid_too() -> None:
    err = rejection("99991")  # padded 099991 has a bad check digit; 99991x has prefecture 99
    assert err.reason == "bad_check_digit"
    assert "検査数字のない" not in err.message_ja


@settings(database=None)
@given(st.from_regex(r"(0[1-9]|[1-3][0-9]|4[0-7])[0-9]{3}", fullmatch=True), st.integers(0, 9))
def test_exactly_one_last_digit_is_valid(first_five: str, last: int) -> None:
    code = first_five + str(last)
    if last == reference_check_digit(first_five):
        assert normalise_municipality_code(code) == code
        assert normalise_municipality_code(int(code)) == code  # leading zero restored
    else:
        err = rejection(code)
        assert err.reason == "bad_check_digit"
        assert f"末尾は{reference_check_digit(first_five)}のはずです" in err.message_ja


@settings(database=None)
@given(st.one_of(st.text(max_size=12), st.integers(), st.floats(), st.none(), st.booleans()))
def test_never_raises_anything_else(raw: object) -> None:
    try:
        code = normalise_municipality_code(raw)
    except MunicipalityCodeError as err:
        assert err.reason in {"empty", "not_digits", "wrong_length", "prefecture_out_of_range", "bad_check_digit"}
        assert err.message_ja and err.message_en
    else:
        assert re.fullmatch(r"[0-9]{6}", code)
        assert 1 <= int(code[:2]) <= 47
        assert check_digit(code[:5]) == int(code[5])
