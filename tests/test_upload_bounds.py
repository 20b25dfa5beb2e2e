"""Hostile and faulty uploads (benchmark/upload.py, upload_file.py): the work one file can cause is bounded (names,
cells, columns, rows, problems), and a file in an encoding we do not read is refused by name instead of being read as
mojibake, while real Shift_JIS files are still read."""
from __future__ import annotations

import pytest

from benchmark.upload_file import MAX_COLUMNS, MAX_PROBLEMS, MAX_ROWS, MAX_TEXT_CHARS, UploadError
from tests.test_upload import VOCABULARY, parse, problems, utf8

HEADER = "municipality_code,municipality_name,entity_type,ai_adoption"


def test_a_name_longer_than_any_governments_is_refused_naming_row_and_field() -> None:
    name = "町" * 130_000  # the issue's file: 130,000-character names, each accepted and exported
    [problem] = problems(utf8(HEADER, f",{name},町,はい"))
    assert (problem.row, problem.column, problem.code) == (2, "municipality_name", "name_too_long")
    assert problem.message_ja.startswith("2行目の列「municipality_name」") and "130,000文字" in problem.message_ja
    assert f"上限は{MAX_TEXT_CHARS}文字" in problem.message_ja
    assert "Row 2, column “municipality_name”" in problem.message_en and "130,000 characters" in problem.message_en


def test_a_name_of_the_limit_is_read() -> None:
    name = "町" * MAX_TEXT_CHARS
    [entry] = parse(utf8(HEADER, f",{name},町,はい"))
    assert entry.municipality_name == name


@pytest.mark.parametrize("column, row", [("entity_type", ",町,{long},はい"), ("ai_adoption", ",町,町,{long}"),
                                         ("municipality_code", "{long},町,町,はい")])
def test_any_other_overlong_cell_is_refused_by_its_column(column: str, row: str) -> None:
    [problem] = problems(utf8(HEADER, row.format(long="1" * (MAX_TEXT_CHARS + 1))))
    assert (problem.row, problem.column, problem.code) == (2, column, "value_too_long")


def test_rows_beyond_the_number_of_all_governments_are_refused() -> None:
    assert 1_788 <= MAX_ROWS < 2 * 1_788  # every local government in Japan fits, and little more
    data = utf8(HEADER, *(f",町{n},町,はい" for n in range(MAX_ROWS + 1)))
    assert [p.code for p in problems(data)] == ["too_many_rows"]


def test_a_row_of_too_many_columns_is_refused_before_it_is_read() -> None:
    [problem] = problems(utf8(HEADER, "," * MAX_COLUMNS))
    assert problem.code == "too_many_columns" and f"{MAX_COLUMNS + 1:,}" in problem.message_en


def test_problems_stop_being_collected_after_the_limit() -> None:
    data = utf8(HEADER, *(f",町{n},町,たぶん" for n in range(MAX_ROWS)))
    found = problems(data)
    assert len(found) == MAX_PROBLEMS + 1
    assert found[-1].code == "too_many_problems" and found[-1].message_ja.startswith(f"{MAX_PROBLEMS + 2}行目以降")


LATIN_NAMES = ["Besançon-lès-Bains", "Straße", "Hélène", "São Paulo", "Genève", "Ñuñoa", "Ærø"]


@pytest.mark.parametrize("name", LATIN_NAMES)
@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_a_latin1_file_is_not_read_as_mojibake(name: str, encoding: str) -> None:
    raw = f"{HEADER}\r\n,{name},town,yes\r\n".encode(encoding)
    with pytest.raises(UploadError) as info:
        parse(raw, filename="communes.csv")
    [problem] = info.value.problems
    assert problem.code in {"implausible_cp932", "unreadable_encoding"}
    assert "communes.csv" in problem.message_ja and "communes.csv" in problem.message_en
    assert "UTF-8" in problem.message_ja and "Shift_JIS" in problem.message_ja


def test_the_issues_file_is_refused_with_the_line_it_cannot_read() -> None:
    raw = f"{HEADER}\r\n,Besançon-lès-Bains,town,yes\r\n".encode("cp1252")
    [problem] = problems(raw, filename="Besançon.csv")
    assert problem.code == "implausible_cp932"
    assert "2行目" in problem.message_ja and "Besan輟n" in problem.message_ja
    assert "ファイル「Besançon.csv」" in problem.message_ja


@pytest.mark.parametrize("name", ["①市", "㈱町", "髙山村", "～町", "ﾁﾖﾀﾞｸ", "DX推進町", "AI・RPA村", "ｶﾌﾞｼｷｶﾞｲｼｬ", "髙橋①ﾁｮｳ"])
def test_real_shift_jis_names_are_still_read(name: str) -> None:
    raw = f"{HEADER}\r\n,{name},町,はい\r\n".encode("cp932")
    [entry] = parse(raw)
    assert entry.municipality_name == name


def test_a_japanese_template_saved_as_shift_jis_is_read() -> None:
    from benchmark.entries_csv import template_csv_bytes

    for language in ("ja", "en"):
        data = template_csv_bytes(VOCABULARY, language=language, encoding="cp932")
        filled = data.replace(("千代田区（記入例）" if language == "ja" else "Chiyoda (example)").encode("cp932"),
                              "髙山村".encode("cp932"))
        assert [e.municipality_name for e in parse(filled)] == ["髙山村"]
