"""A chart's CSV and the full facts CSV carry what the page shows: the printed digits of each value (49 cases, not
49.0), and a value printed 「－」 as a blank cell with a note saying it is not published."""
from __future__ import annotations

import csv
import io

from etl.exports import FACTS_CSV
from tests.apptest_support import downloads, open_page

__all__ = ["downloads"]


def rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_case_counts_export_as_the_whole_numbers_printed(downloads):
    app = open_page("ai_rpa", {"years": "2021", "groups": "pref,designated,muni_other"})
    exported = rows(downloads.of(app.download_button[1]))  # AI functions, in cases
    values = [row["値（件）"] for row in exported]
    assert values and all(value.isdigit() for value in values), values
    table = app.table[1].value
    assert values == table["値（件）"].tolist(), "the CSV has the numbers the table shows"


def test_shares_export_with_their_printed_digits(downloads):
    app = open_page("ai_rpa", {"years": "2023", "groups": "pref,muni_other"})
    exported = rows(downloads.of(app.download_button[0]))
    assert [row["値（%）"] for row in exported] == app.table[0].value["値（%）"].tolist()
    assert exported[0]["値（%）"] == "100.0", "as printed, not 100"


def test_a_value_printed_as_a_dash_exports_blank_with_a_note(downloads):
    app = open_page("security", {"years": "2020", "items": "csirt_established"})
    exported = rows(downloads.of(app.download_button[0]))
    assert len(exported) == 6
    assert all(row["値（%）"] == "" and row["注記"] == "公表なし（－）" for row in exported), exported[0]
    assert app.table[0].value["注記"].tolist() == ["公表なし（－）"] * 6, "the page's table says the same"


def test_the_note_is_english_in_the_english_ui(downloads):
    app = open_page("security", {"years": "2020", "items": "csirt_established", "lang": "en"})
    exported = rows(downloads.of(app.download_button[0]))
    assert {row["Note"] for row in exported} == {"not published (–)"}


def test_published_rows_have_no_note_column(downloads):
    app = open_page("security", {"years": "2023", "items": "csirt_established"})
    assert "注記" not in rows(downloads.of(app.download_button[0]))[0]


def test_the_full_facts_csv_carries_printed_digits(built_data_dir):
    facts = rows((built_data_dir / "build" / "exports" / FACTS_CSV).read_bytes())
    cases = [row for row in facts if row["unit"] == "cases"]
    assert cases and all(row["value"] == row["value_printed"] for row in cases), cases[0]
    shares = [row for row in facts if row["unit"] == "pct" and row["value_printed"] not in ("'－", "－")]
    assert all(row["value"] == row["value_printed"] for row in shares)
    dashes = [row for row in facts if row["value_printed"] in ("'－", "－")]
    assert len(dashes) == 6 and all(row["value"] == "" for row in dashes)
