"""The search box's matching: forgiving of how a name is typed, exact about codes, bounded for hostile input."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from governments.search import (MAX_QUERY_CHARS, MAX_RESULTS, Government, SearchIndex, normalise,
                                 without_roman_suffix)

# (code, name, kana, romanised, prefecture) of real governments, as the list of local governments writes them
SAMPLE = [
    ("010006", "北海道", "ほっかいどう", "Hokkaido", "北海道"),
    ("012025", "函館市", "はこだてし", "Hakodate-shi", "北海道"),
    ("016446", "池田町", "いけだちょう", "Ikeda-cho", "北海道"),
    ("122246", "鎌ケ谷市", "かまがやし", "Kamagaya-shi", "千葉県"),
    ("130001", "東京都", "とうきょうと", "Tokyo-to", "東京都"),
    ("131016", "千代田区", "ちよだく", "Chiyoda-ku", "東京都"),
    ("132063", "府中市", "ふちゅうし", "Fuchu-shi", "東京都"),
    ("142077", "茅ヶ崎市", "ちがさきし", "Chigasaki-shi", "神奈川県"),
    ("172049", "輪島市", "わじまし", "Wajima-shi", "石川県"),
    ("183822", "池田町", "いけだちょう", "Ikeda-cho", "福井県"),
    ("204811", "池田町", "いけだまち", "Ikeda-machi", "長野県"),
    ("214043", "池田町", "いけだちょう", "Ikeda-cho", "岐阜県"),
    ("260002", "京都府", "きょうとふ", "Kyōto-fu", "京都府"),
    ("272043", "池田市", "いけだし", "Ikeda-shi", "大阪府"),
    ("342084", "府中市", "ふちゅうし", "Fuchu-shi", "広島県"),
    ("343021", "府中町", "ふちゅうちょう", "Fuchu-cho", "広島県"),
]


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex(Government(code, name, kana, roman, code[:2], prefecture, "", "")
                       for code, name, kana, roman, prefecture in SAMPLE)


def found(index: SearchIndex, query: str) -> list[tuple[str, str]]:
    return [(g.name_ja, g.prefecture_ja) for g in index.search(query).matches]


@pytest.mark.parametrize("query", ["函館市", "函館", "はこだて", "ハコダテ", "ﾊｺﾀﾞﾃ", "はこだてし", "hakodate", "Hakodate-shi",
                                   "HAKODATE CITY", "ｈａｋｏｄａｔｅ", "  函館  ", "北海道函館市"])
def test_every_way_of_typing_a_name_finds_it(index, query):
    assert found(index, query)[0] == ("函館市", "北海道")


def test_same_names_are_all_listed_with_their_prefecture(index):
    assert found(index, "池田町") == [("池田町", "北海道"), ("池田町", "福井県"), ("池田町", "長野県"), ("池田町", "岐阜県"),
                                      ("池田市", "大阪府")]
    assert found(index, "府中市")[:2] == [("府中市", "東京都"), ("府中市", "広島県")]


def test_a_name_without_its_suffix_ranks_the_exact_names_first(index):
    assert found(index, "府中") == [("府中市", "東京都"), ("府中市", "広島県"), ("府中町", "広島県")]
    assert found(index, "輪島") == found(index, "わじま") == [("輪島市", "石川県")]


def test_small_and_large_ke_are_read_alike(index):
    assert found(index, "茅ケ崎") == [("茅ヶ崎市", "神奈川県")]
    assert found(index, "鎌ヶ谷市") == [("鎌ケ谷市", "千葉県")]


def test_long_vowels_in_romanised_names_are_forgiven(index):
    for query in ("kyoto", "kyouto", "Kyōto", "kyoto prefecture"):
        assert found(index, query)[0] == ("京都府", "京都府"), query
    assert found(index, "fuchu")[:2] == found(index, "fuchuu")[:2] == found(index, "Fuchū")[:2]


@pytest.mark.parametrize("name, base", [("Hakodate-shi", "Hakodate"), ("Hakodate City", "Hakodate"), ("Mito", "Mito"),
                                        ("Nishi", "Nishi"), ("Chiyoda Ward", "Chiyoda"), ("Kyōto-fu", "Kyōto")])
def test_a_romanised_suffix_is_only_a_separate_word(name, base):
    """Mito is not Mi-to and Nishi is not Ni-shi: only a separate word is taken for the suffix."""
    assert without_roman_suffix(name) == base


@pytest.mark.parametrize("query, expected", [("172049", "輪島市"), ("１７２０４９", "輪島市"), ("17204", "輪島市"),
                                             ("01202", "函館市"), ("12025", "函館市"), ("130001", "東京都")])
def test_codes_with_or_without_check_digit_or_leading_zero(index, query, expected):
    assert found(index, query)[0][0] == expected


def test_a_bad_check_digit_says_which_digit_is_right(index):
    result = index.search("172048")
    assert result.matches == () and result.problem == "search_bad_check_digit"
    assert dict(result.problem_fields) == {"digit": "9"}


def test_a_prefecture_number_out_of_range_is_named(index):
    for query in ("99", "480001", "00"):
        result = index.search(query)
        assert result.problem == "search_prefecture_range", query


def test_a_valid_code_of_no_government_is_reported_as_unknown(index):
    result = index.search("012033")  # a valid check digit (小樽市), not in this sample
    assert result.problem == "search_unknown_code" and dict(result.problem_fields) == {"code": "012033"}


def test_the_start_of_a_code_lists_the_prefecture_and_its_municipalities(index):
    assert [g.code for g in index.search("13").matches] == ["130001", "131016", "132063"]


@pytest.mark.parametrize("query", ["'; DROP TABLE governments; --", "<script>alert(1)</script>", "%{x}", "\x00\x1b[31m",
                                   "SELECT * FROM governments", "=HYPERLINK(\"x\")"])
def test_hostile_text_finds_nothing_and_says_so(index, query):
    result = index.search(query)
    assert result.matches == () and result.problem == "search_no_match"


def test_a_very_long_string_is_refused_whole_without_being_searched(index):
    result = index.search("函" * 100_000)
    assert result.matches == () and result.problem == "search_too_long"
    assert dict(result.problem_fields) == {"limit": str(MAX_QUERY_CHARS)}


def test_empty_or_blank_queries_show_nothing_and_no_message(index):
    for query in ("", "   ", "\u3000"):
        assert index.search(query).matches == () and index.search(query).problem is None


def test_results_are_capped_and_the_rest_counted():
    many = [Government(f"01{n:03d}0", f"町{n}", "", "", "01", "北海道", "", "town") for n in range(1, 60)]
    result = SearchIndex(many).search("町")
    assert len(result.matches) == MAX_RESULTS and result.more == 59 - MAX_RESULTS


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=MAX_QUERY_CHARS))
def test_any_text_gives_matches_or_a_known_problem(query):
    index = SearchIndex(Government(code, name, kana, roman, code[:2], prefecture, "", "")
                        for code, name, kana, roman, prefecture in SAMPLE)
    result = index.search(query)
    assert result.problem in (None, "search_no_match", "search_too_long", "search_bad_check_digit", "search_unknown_code",
                              "search_prefecture_range", "search_code_length")
    assert len(result.matches) <= MAX_RESULTS


def test_normalise_folds_width_kana_and_accents():
    assert normalise("ＡＢＣ　ｶﾞｯｺｳ") == normalise("abcがっこう")
    assert normalise("Kyōto") == normalise("kyouto") == "kyoto"
    assert normalise("が") != normalise("か"), "voicing marks change the sound and stay"
