"""Each bad per-government source stops the build with a message naming file, row and column; the old database survives."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import duckdb
import pytest

from etl.build import ReconciliationFailed, build
from etl.sources import SourceError

COMPARISON = "digital_agency_dashboard/市区町村毎のDX進捗状況_市区町村比較.csv"
RATES = "digital_agency_dashboard/市区町村毎のDX進捗状況_行政手続のオンライン申請率.csv"
LIST = "local_governments/localgovjp-utf8.csv"
CARDS = "mynumber_card/20221231/all_localgovs.csv"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def replace_source(data_dir: Path, name: str, old: str, new: str, record: bool = True) -> None:
    """Change a source file as a new publication would, and (unless told not to) record its new checksum."""
    path = data_dir / "municipal" / name
    text = path.read_bytes().decode("utf-8")
    assert text.count(old) >= 1, f"fixture expects {old!r} in {name}"
    path.write_bytes(text.replace(old, new, 1).encode("utf-8"))
    if record:
        provenance = data_dir / "municipal" / "SOURCES.json"
        sources = json.loads(provenance.read_text(encoding="utf-8"))
        for source in sources["sources"]:
            if name in source["files"]:
                source["files"][name] = digest(path)
        provenance.write_text(json.dumps(sources, ensure_ascii=False, indent=1), encoding="utf-8")


def rebuild_fails(data_dir: Path) -> list[str]:
    database = data_dir / "dx.duckdb"
    before = digest(database)
    with pytest.raises((ReconciliationFailed, SourceError)) as raised:
        build(data_dir, database, None, log=lambda _: None)
    assert digest(database) == before, "a failed build must leave the previous database untouched"
    with duckdb.connect(str(database), read_only=True) as connection:
        assert connection.execute("select count(*) from governments").fetchone()[0] == 1788
    assert not list(data_dir.glob("dx.duckdb.new*"))
    error = raised.value
    return [str(f) for f in error.failures] if isinstance(error, ReconciliationFailed) else [str(error)]


def test_a_column_shifted_by_one_fails_naming_the_header_cell(data_copy):
    path = data_copy / "municipal" / COMPARISON
    lines = path.read_bytes().decode("utf-8").split("\r\n")
    shifted = [line if not line else ",".join(line.split(",")[:2] + [""] + line.split(",")[2:-1]) for line in lines]
    path.write_bytes("\r\n".join(shifted).encode("utf-8"))
    replace_source(data_copy, COMPARISON, "札幌市", "札幌市")  # records the checksum of the shifted file
    messages = rebuild_fails(data_copy)
    assert any(COMPARISON in m and "row 1, column 3" in m and "札幌市" in m for m in messages)


def test_a_renamed_column_fails_naming_it(data_copy):
    replace_source(data_copy, COMPARISON, ",草津町,", ",草津市,")
    messages = rebuild_fails(data_copy)
    assert any(COMPARISON in m and "row 1, column 500" in m and "'草津市'" in m and "草津町 (104264)" in m for m in messages)


def test_a_bad_check_digit_fails_naming_the_code(data_copy):
    replace_source(data_copy, LIST, ",011002\n", ",011003\n")
    messages = rebuild_fails(data_copy)
    assert any(LIST in m and "row 2, column 10" in m and "011003" in m and "check digit" in m for m in messages)


def test_a_government_listed_twice_fails(data_copy):
    path = data_copy / "municipal" / LIST
    text = path.read_bytes().decode("utf-8")
    lines = text.split("\n")
    replace_source(data_copy, LIST, lines[2] + "\n", lines[1] + "\n")  # 札幌市 中央区's row (a ward, left out) becomes 札幌市 again
    messages = rebuild_fails(data_copy)
    assert any(LIST in m and "011002 is listed twice" in m and "column 10" in m for m in messages)


def test_a_percentage_above_100_fails_naming_row_and_column(data_copy):
    replace_source(data_copy, RATES, ",88.8%,", ",120%,")
    messages = rebuild_fails(data_copy)
    assert any(RATES in m and "row 2, column 3" in m and "'120%'" in m and "above 100%" in m for m in messages)


def test_an_unknown_answer_word_fails_naming_row_and_column(data_copy):
    replace_source(data_copy, COMPARISON, "CIOの任命,実施,", "CIOの任命,実施済,")
    messages = rebuild_fails(data_copy)
    assert any(COMPARISON in m and "row 2, column 3" in m and "'実施済'" in m and "札幌市 011002" in m for m in messages)


def test_a_changed_file_fails_its_checksum(data_copy):
    replace_source(data_copy, CARDS, "1113718", "1113719", record=False)
    messages = rebuild_fails(data_copy)
    assert any(CARDS in m and "SHA-256" in m for m in messages)


def test_municipalities_that_no_longer_add_up_to_their_prefecture_fail(data_copy):
    replace_source(data_copy, CARDS, "1113718", "1113719")  # 札幌市: one card more, rate still 56.8
    messages = rebuild_fails(data_copy)
    assert any("mynumber_card/20221231/all_prefectures.csv row 2" in m and "北海道" in m and "2,888,649 cards" in m for m in messages)
