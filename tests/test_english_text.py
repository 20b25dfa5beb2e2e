"""The English UI reads as English: no full-width punctuation around our English words, no "1 problems", no words run
together, no Japanese UI words after numbers.

Data labels that are Japanese in the source (titles printed in 別紙1, place names, document names) stay Japanese, and
their own punctuation with them (「千代田区（記入例）」 inside a label is fine). What is flagged is full-width punctuation
touching ASCII letters or digits in a string that has English words: that is punctuation we put there ourselves
(「Kofu（019992）」, 「Share：12%」), not a Japanese label's own.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from common.formatting import bracketed, format_count, format_value, gap_joined, labelled, sources_joined
from tests.apptest_support import ALL_PAGES, open_page

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "benchmark"
FULL_WIDTH = "（）：／　「」、。"
ENGLISH_WORD = re.compile(r"\b[A-Za-z]*[a-z]{2,}\b")  # "the", "Share", "municipalities"; not "AI", "DX", "RPA"
FULL_WIDTH_BY_ASCII = re.compile(rf"[A-Za-z0-9][{FULL_WIDTH}]|[{FULL_WIDTH}][A-Za-z0-9]")
FULL_WIDTH_SPACE_BY_ASCII = re.compile(r"[ -~]　|　[ -~]")  # a full-width space is never ours next to ASCII
ONE_PLURAL = re.compile(r"(?<![\d.,])\b1 (?!cases?\b)[a-z]+(?<!s)s\b|(?<![\d.,])\(1 [a-z]+s\)")
RUN_TOGETHER = re.compile(r"[a-z]{2}[,;:][A-Za-z]|[a-z]\([a-z]{2,}|\)[a-z]{2,}")
JAPANESE_UNIT_AFTER_NUMBER = re.compile(r"(?<![^\x00-\x7f\d])\d[\d,.]*(?:団体|件|年度|時点|枚|ポイント|行)")  # "604団体", not 令和5年度


def problems(string: str) -> list[str]:
    """What reads wrong in one rendered English string (empty when it reads right)."""
    if not ENGLISH_WORD.search(string) or "@media" in string or "<style" in string:
        return []  # a Japanese data label, a number, an icon or CSS: not our English
    found = []
    for rule, pattern in (("full-width punctuation by ASCII", FULL_WIDTH_BY_ASCII),
                          ("full-width space by ASCII", FULL_WIDTH_SPACE_BY_ASCII),
                          ("plural after 1", ONE_PLURAL), ("words run together", RUN_TOGETHER),
                          ("Japanese unit after a number", JAPANESE_UNIT_AFTER_NUMBER)):
        for match in pattern.finditer(string):
            found.append(f"{rule}: …{string[max(0, match.start() - 40):match.end() + 40]}…")
    return found


def test_the_rule_flags_our_punctuation_and_allows_japanese_labels():
    assert problems("Kofu（019992）")
    assert problems("Share：12%")
    assert problems("Printed in: 別紙1 (lines 3–9) (1 problems)")
    assert problems("The template's row is skipped,use UTF-8")
    assert problems("78.7% (604団体) of municipalities")
    assert problems("a list　of names")
    assert not problems("Printed in: 自治体DX推進計画, 別紙1 ２（１） (lines 3–9 of the source document)")
    assert not problems("Row 3 is 千代田区（記入例） and was skipped (1 problem)")
    assert not problems("自治体DX推進計画（令和5年度）")  # a Japanese label alone
    assert not problems("1 case, 2 cases, 1 of 5 municipalities, 1.5 points")


def test_english_counts_one_in_the_singular_and_japanese_is_unchanged():
    assert format_value("1", "cases", language="en") == "1 case"
    assert format_value("12", "cases", language="en") == "12 cases"
    assert format_value("50.0", "pct", 1, "entities", "en") == "50.0% (1 entity)"
    assert format_count(1, "cards", "en") == "1 card"
    assert format_count(1_234, "entities", "en") == "1,234 entities"
    assert format_value("50.0", "pct", 1, "entities", "ja") == "50.0%（1団体）"
    assert format_value("1", "cases", language="ja") == "1件"


def test_separators_follow_the_language():
    assert labelled("Source", "総務省「調査」", "en") == "Source: 総務省「調査」"
    assert labelled("出典", "総務省「調査」", "ja") == "出典：総務省「調査」"
    assert bracketed("甲府市", "192015", "en") == "甲府市 (192015)"
    assert bracketed("甲府市", "192015", "ja") == "甲府市（192015）"
    assert gap_joined(["A", "", "B"], "en") == "A B" and gap_joined(["A", "", "B"], "ja") == "A　B"
    assert sources_joined(["甲", "乙", "甲"], "en") == "甲 / 乙" and sources_joined(["甲", "乙"], "ja") == "甲 ／ 乙"


def strings_in(value) -> list[str]:
    """Every string in a protobuf message, a parsed plotly figure, or a list/dict of them."""
    if isinstance(value, str):
        if value[:1] in "{[":
            try:
                return strings_in(json.loads(value))
            except ValueError:
                pass
        return [value]
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in strings_in(item)]
    if isinstance(value, (list, tuple)):
        return [s for item in value for s in strings_in(item)]
    if hasattr(value, "ListFields"):
        return [s for field, item in value.ListFields() for s in strings_in(item)]
    if hasattr(value, "__iter__") and not isinstance(value, (bytes, bytearray)):  # repeated proto fields
        return [s for item in value for s in strings_in(item)]
    return []


def rendered_strings(app: AppTest) -> list[str]:
    """What the page shows: every element's text (labels, options, help, bodies, chart texts and hover templates),
    and the column names and text cells of its tables."""
    found: list[str] = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            found.extend(strings_in(proto))
        if node.type in ("dataframe", "arrow_data_frame", "table"):
            frame = node.value
            found.extend(str(column) for column in frame.columns)
            for column in frame.columns:
                found.extend(cell for cell in frame[column].tolist() if isinstance(cell, str))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(app._tree)
    # the page backslash-escapes markdown punctuation; read what a reader sees
    return [re.sub(r"\\(.)", r"\1", string) for string in found]


def english_problems(app: AppTest) -> list[str]:
    assert not app.exception, [e.value for e in app.exception]
    return sorted({problem for string in rendered_strings(app) for problem in problems(string)})


PAGES = [(page, {}) for page in ALL_PAGES] + [
    ("benchmark", {}),
    ("municipality", {"code": "012025"}),
    ("prefecture", {"code": "17"}),
    ("prefecture", {}),
]


@pytest.mark.parametrize("page, params", PAGES, ids=[f"{p}-{'-'.join(q.values()) or 'plain'}" for p, q in PAGES])
def test_english_page_reads_as_english(page, params):
    app = open_page(page, {"lang": "en", **params})
    assert rendered_strings(app), "nothing collected from the page"
    assert english_problems(app) == []


def test_english_benchmark_single_entry_reads_as_english():
    app = open_page("benchmark", {"lang": "en"})
    app.text_input(key="bench__form_code").set_value("192015")
    app.run()
    assert english_problems(app) == []


def test_english_benchmark_list_and_bad_list_read_as_english():
    app = open_page("benchmark", {"lang": "en"})
    app.radio(key="bench__mode").set_value("multiple")
    app.run()
    app.file_uploader(key="bench__upload_multiple").set_value(
        ("yamanashi.csv", (FIXTURES / "yamanashi_municipalities.csv").read_bytes(), "text/csv"))
    app.run()
    problems_with_list = english_problems(app)
    app.file_uploader(key="bench__upload_multiple").set_value(
        ("bad.csv", "Entity type,AI adopted\r\nfoo,bar\r\n".encode(), "text/csv"))
    app.run()
    assert problems_with_list + english_problems(app) == []
