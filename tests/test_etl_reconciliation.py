"""Each reconciliation rule rejects a corrupted source with a message naming table, row and cell; the old database survives."""
from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import duckdb
import pytest

from etl.build import ReconciliationFailed, build
from etl.sources import SourceError


def rewrite_cell(data_dir: Path, file: str, match: dict, column: str, new_value: str) -> None:
    path = data_dir / file
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    hits = [row for row in rows if all(row[key] == value for key, value in match.items())]
    assert len(hits) == 1, f"fixture expects exactly one row matching {match} in {file}"
    hits[0][column] = new_value
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rebuild_fails(data_dir: Path) -> list:
    """Rebuild over the good database; return the failures after checking the old database is intact."""
    database = data_dir / "dx.duckdb"
    before = digest(database)
    with pytest.raises(ReconciliationFailed) as raised:
        build(data_dir, database, None, log=lambda _: None)
    assert digest(database) == before, "a failed build must leave the previous database untouched"
    with duckdb.connect(str(database), read_only=True) as connection:
        assert connection.execute("select count(*) from facts").fetchone()[0] == 442
    assert not list(data_dir.glob("dx.duckdb.new*")), "no half-built file may be left behind"
    return raised.value.failures


def failures_of(failures, check: str) -> list[str]:
    return [str(f) for f in failures if f.check == check]


def test_printed_where_cited_rejects_a_value_not_on_its_line(data_copy):
    rewrite_cell(data_copy, "tables/governance_overall_policy.csv", {"fiscal_year": "2023", "group_code": "city"}, "value", "71.5")
    messages = failures_of(rebuild_fails(data_copy), "printed_where_cited")
    assert any("governance_overall_policy" in m and "group=city" in m and "CSV row 18" in m and "line 3666" in m for m in messages)


def test_printed_where_cited_rejects_a_line_outside_appendix_1(data_copy):
    rewrite_cell(data_copy, "tables/ai_adoption.csv", {"fiscal_year": "2021", "group_code": "pref"}, "value_line", "100")
    assert any("outside 別紙1" in m for m in failures_of(rebuild_fails(data_copy), "printed_where_cited"))


def test_percentages_in_range_rejects_a_share_above_100(data_copy):
    rewrite_cell(data_copy, "tables/security_organisation.csv",
                 {"fiscal_year": "2023", "group_code": "pref", "breakdown_code": "ciso_appointed"}, "value", "197.9")
    messages = failures_of(rebuild_fails(data_copy), "percentages_in_range")
    assert messages == ["[percentages_in_range] security_organisation fiscal_year=2023 group=pref breakdown=ciso_appointed "
                        "(CSV row 39): 197.9% lies outside 0–100"]


def test_counts_within_group_size_rejects_more_entities_than_exist(data_copy):
    rewrite_cell(data_copy, "tables/governance_dedicated_unit.csv", {"fiscal_year": "2022", "group_code": "ward"}, "count", "24")
    messages = failures_of(rebuild_fails(data_copy), "counts_within_group_size")
    assert any("group=ward" in m and "count 24 exceeds the 23 entities" in m for m in messages)


def test_subgroup_counts_sum_to_total_names_the_total_row(data_copy):
    rewrite_cell(data_copy, "tables/governance_overall_policy.csv", {"fiscal_year": "2021", "group_code": "town_village"}, "count", "41")
    messages = failures_of(rebuild_fails(data_copy), "subgroup_counts_sum_to_total")
    assert any("fiscal_year=2021 group=all" in m and "difference -1" in m for m in messages), messages


def test_percentages_match_counts_rejects_a_count_that_does_not_give_the_share(data_copy):
    rewrite_cell(data_copy, "tables/frontyard_initiatives.csv",
                 {"group_code": "city", "breakdown_code": "reservation"}, "count", "228")
    messages = failures_of(rebuild_fails(data_copy), "percentages_match_counts")
    assert any("breakdown=reservation" in m and "implies a base of" in m and "not the 772" in m for m in messages), messages


def test_percentages_match_counts_needs_the_declared_smaller_base(data_copy):
    path = data_copy / "responding_bases.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(line for line in lines if ",2023,city," not in line) + "\n", encoding="utf-8")
    messages = failures_of(rebuild_fails(data_copy), "percentages_match_counts")
    assert len(messages) == 4  # three 推進体制 tables and the online application row, all 2023 市
    assert all("implies a base of 767–767, not the 772" in m for m in messages)


def test_declared_base_must_match_what_the_counts_imply(data_copy):
    path = data_copy / "responding_bases.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",2023,city,767,767,", ",2023,city,760,767,"), encoding="utf-8")
    messages = failures_of(rebuild_fails(data_copy), "percentages_match_counts")
    assert any("declares 760–767" in m for m in messages)


def test_reconciliation_exception_must_be_declared_for_a_real_difference(data_copy):
    path = data_copy / "reconciliation_exceptions.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    messages = failures_of(rebuild_fails(data_copy), "subgroup_counts_sum_to_total")
    assert any("mynumber_held fiscal_year=2024 group=all" in m and "difference +10452" in m for m in messages)


def test_reconciliation_exception_excuses_only_its_exact_difference(data_copy):
    rewrite_cell(data_copy, "reconciliation_exceptions.csv", {"table_id": "mynumber_held"}, "expected_difference", "10000")
    assert failures_of(rebuild_fails(data_copy), "subgroup_counts_sum_to_total")


def test_unused_exception_is_rejected_as_stale(data_copy):
    path = data_copy / "reconciliation_exceptions.csv"
    with path.open("a", encoding="utf-8") as handle:
        handle.write("subgroup_counts_sum_to_total,mynumber_issued,2021,all,,5,古い例外,stale\n")
    assert failures_of(rebuild_fails(data_copy), "exceptions_are_used")


def test_small_group_share_must_be_a_whole_number_of_entities(data_copy):
    rewrite_cell(data_copy, "tables/security_organisation.csv",
                 {"fiscal_year": "2022", "group_code": "ward", "breakdown_code": "csirt_established"}, "value", "94.0")
    messages = failures_of(rebuild_fails(data_copy), "small_group_shares_are_fractions")
    assert any("group=ward" in m and "94.0% is not k ÷ 23" in m for m in messages)


def test_total_must_match_its_parts_weighted_by_size(data_copy):
    rewrite_cell(data_copy, "tables/security_organisation.csv",
                 {"fiscal_year": "2021", "group_code": "all", "breakdown_code": "ciso_appointed"}, "value", "90.0")
    messages = failures_of(rebuild_fails(data_copy), "total_matches_weighted_subgroups")
    assert any("fiscal_year=2021 group=all breakdown=ciso_appointed" in m for m in messages)


def test_total_must_lie_within_its_parts(data_copy):
    rewrite_cell(data_copy, "tables/telework_staff_share.csv",
                 {"fiscal_year": "2023", "group_code": "all", "breakdown_code": "unknown"}, "value", "2.6")
    messages = failures_of(rebuild_fails(data_copy), "total_within_subgroup_range")
    assert any("breakdown=unknown" in m and "outside the range of its parts" in m for m in messages)


def test_bands_must_add_up_to_100(data_copy):
    rewrite_cell(data_copy, "tables/telework_staff_share.csv",
                 {"fiscal_year": "2022", "group_code": "designated", "breakdown_code": "band_30_50"}, "value", "15.0")
    messages = failures_of(rebuild_fails(data_copy), "band_shares_sum_to_100")
    assert any("fiscal_year=2022 group=designated" in m and "sum to 110.0" in m for m in messages)


def test_card_rates_must_share_one_population(data_copy):
    rewrite_cell(data_copy, "tables/mynumber_held.csv", {"group_code": "designated"}, "value", "70.5")
    messages = failures_of(rebuild_fails(data_copy), "implied_populations_agree")
    assert any("mynumber_held" in m and "group=designated" in m and "cannot share one base" in m for m in messages)


def test_case_counts_must_be_whole_numbers(data_copy):
    rewrite_cell(data_copy, "tables/ai_functions.csv",
                 {"fiscal_year": "2021", "group_code": "pref", "breakdown_code": "matching"}, "value", "4.5")
    assert any("4.5 cases" in m for m in failures_of(rebuild_fails(data_copy), "cases_are_whole_numbers"))


def test_digital_divide_must_stay_without_figures(data_copy):
    with (data_copy / "tables" / "digital_divide.csv").open("a", encoding="utf-8") as handle:
        handle.write("2023,all,,10.0,,4280,\n")
    with pytest.raises(SourceError, match="fiscal_year 2023 is not among the table's years"):
        build(data_copy, data_copy / "dx.duckdb", None, log=lambda _: None)


def test_body_figure_must_agree_with_the_table_it_restates(data_copy):
    rewrite_cell(data_copy, "tables/telework_adoption.csv", {"fiscal_year": "2022", "group_code": "muni_other"}, "value", "63.9")
    messages = failures_of(rebuild_fails(data_copy), "body_figures_match_tables")
    assert any("telework_adoption_muni_2022" in m and "62.9" in m for m in messages)


@pytest.mark.parametrize("mangle, message", [
    (lambda p: p.write_text("year,group,value\n2021,all,1\n", encoding="utf-8"), "header must be"),
    (lambda p: p.write_bytes(b"\xff\xfe\x00garbage"), "cannot read as UTF-8"),
    (lambda p: p.write_text(p.read_text(encoding="utf-8").replace("2021,pref,,100.0", "2021,county,,100.0"), encoding="utf-8"),
     "group_code 'county' is not printed in this table"),
    (lambda p: p.write_text(p.read_text(encoding="utf-8").replace("2021,pref,,100.0", "2021,pref,,百"), encoding="utf-8"),
     "'百' is not a number"),
    (lambda p: p.write_text(p.read_text(encoding="utf-8") + "2021,pref,,100.0,,4058,\n", encoding="utf-8"), "duplicates row 2"),
    (lambda p: p.write_text(p.read_text(encoding="utf-8") + "2021,pref\n", encoding="utf-8"), "expected 7 columns"),
])
def test_malformed_source_is_rejected_with_file_and_row(data_copy, mangle, message):
    database = data_copy / "dx.duckdb"
    before = digest(database)
    mangle(data_copy / "tables" / "ai_adoption.csv")
    with pytest.raises(SourceError, match=message):
        build(data_copy, database, None, log=lambda _: None)
    assert digest(database) == before


def test_metadata_missing_a_field_is_rejected(data_copy):
    path = data_copy / "tables" / "rpa_fields.meta.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"source_ja"', '"source"'), encoding="utf-8")
    with pytest.raises(SourceError, match=r"rpa_fields.meta.json, field \(the whole file\): 'source_ja' is a required property"):
        build(data_copy, data_copy / "dx.duckdb", None, log=lambda _: None)
