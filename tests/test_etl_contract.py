"""The data contract pages, exports and outside checks rely on: views, columns, codes, years, peer groups."""
from __future__ import annotations

import io
import re
import shutil
from datetime import date

import duckdb
import pandas as pd
import pytest

from etl.database import ContractError, check_contract

TOPICS = ["governance", "frontyard", "standardization", "mynumber", "security", "ai", "rpa", "telework", "digital_divide"]
GROUPS = ["all", "pref", "muni", "ward", "designated", "core", "city", "city_general", "town_village", "muni_other", "ward_city"]


def test_facts_view_has_the_contract_columns_and_types(db):
    types = dict(db.execute("select column_name, data_type from information_schema.columns where table_name = 'facts'").fetchall())
    expected = {"topic_code": "VARCHAR", "indicator_code": "VARCHAR", "indicator_label_ja": "VARCHAR", "indicator_label_en": "VARCHAR",
                "breakdown_code": "VARCHAR", "breakdown_label_ja": "VARCHAR", "breakdown_label_en": "VARCHAR",
                "fiscal_year": "INTEGER", "as_of": "DATE", "group_code": "VARCHAR", "group_label_ja": "VARCHAR",
                "value": "DOUBLE", "unit": "VARCHAR", "count": "BIGINT", "count_unit": "VARCHAR", "source_ja": "VARCHAR"}
    assert {column: types.get(column) for column in expected} == expected


def test_topic_codes_are_the_contract_vocabulary(db):
    assert [row[0] for row in db.execute("select topic_code from topics order by sort_order").fetchall()] == TOPICS


def test_group_codes_have_labels_parents_and_sizes(db):
    groups = db.execute("select group_code, label_ja, label_en, parent_group_code from groups").df()
    assert sorted(groups.group_code) == sorted(GROUPS)
    assert groups.label_ja.str.len().gt(0).all() and groups.label_en.str.len().gt(0).all()
    assert set(groups.parent_group_code.dropna()) <= set(GROUPS)
    sizes = dict(db.execute("select group_code, entity_count from group_sizes where fiscal_year = 2023").fetchall())
    assert sizes["all"] == sizes["pref"] + sizes["ward"] + sizes["designated"] + sizes["city"] + sizes["town_village"] == 1788
    assert db.execute("select entity_count from group_sizes where group_code = 'core' and fiscal_year = 2024").fetchone()[0] == 62


def test_every_group_in_facts_is_in_the_vocabulary_and_units_are_known(db):
    facts = db.execute("select distinct group_code, unit, count_unit from facts").df()
    assert set(facts.group_code) <= set(GROUPS)
    assert set(facts.unit) <= {"pct", "cases"}
    assert set(facts.count_unit.dropna()) <= {"entities", "cards"}


@pytest.mark.parametrize("topic, years", [
    ("governance", [2021, 2022, 2023]), ("frontyard", [2023]), ("standardization", [2024]),
    ("mynumber", [2021, 2022, 2023, 2024]), ("security", [2020, 2021, 2022, 2023]), ("ai", [2021, 2022, 2023]),
    ("rpa", [2021, 2022, 2023]), ("telework", [2021, 2022, 2023]),
])
def test_fiscal_years_per_topic(db, topic, years):
    found = [row[0] for row in db.execute("select distinct fiscal_year from facts where topic_code = ? order by 1", [topic]).fetchall()]
    assert found == years


@pytest.mark.parametrize("indicator, cells", [
    ("governance_cross_departmental", 3 * 6), ("governance_dedicated_unit", 3 * 6), ("governance_overall_policy", 3 * 6),
    ("frontyard_initiatives", 9 * 5), ("standardization_progress", 7 * 2), ("mynumber_issued", 4 * 4), ("mynumber_held", 4),
    ("security_organisation", 4 * 2 * 6), ("ai_adoption", 3 * 3), ("ai_functions", 3 * 8 * 3), ("rpa_adoption", 3 * 3),
    ("rpa_fields", 3 * 11 * 3), ("telework_adoption", 3 * 4), ("telework_staff_share", 3 * 5 * 4),
])
def test_every_published_cell_is_loaded(db, indicator, cells):
    """Years × items × groups as printed in 別紙1: all of it, no subset."""
    assert db.execute("select count(*) from facts where indicator_code = ?", [indicator]).fetchone()[0] == cells


def test_fiscal_year_labels_read_western_then_reiwa(db):
    labels = dict(db.execute("select distinct fiscal_year, fiscal_year_label_ja from facts").fetchall())
    assert labels[2023] == "2023年度（令和5年度）" and labels[2020] == "2020年度（令和2年度）"


def test_as_of_dates_follow_each_survey(db):
    as_of = dict(db.execute("select distinct indicator_code || ':' || fiscal_year, as_of from facts").fetchall())
    assert as_of["governance_overall_policy:2023"] == date(2023, 4, 1)
    assert as_of["ai_adoption:2023"] == date(2023, 12, 31)
    assert as_of["telework_adoption:2021"] == date(2021, 10, 1)
    assert as_of["mynumber_held:2024"] == date(2024, 12, 31)
    assert as_of["standardization_progress:2024"] == date(2025, 1, 31)


def test_not_published_is_null_never_zero(db):
    rows = db.execute("select value, value_printed from facts where indicator_code = 'security_organisation' "
                      "and breakdown_code = 'csirt_established' and fiscal_year = 2020").fetchall()
    assert len(rows) == 6 and all(value is None and printed == "－" for value, printed in rows)
    assert db.execute("select count(*) from facts where value is null").fetchone()[0] == 6


def test_percentages_and_counts_are_kept_as_printed(db):
    row = db.execute("select value, count, count_unit, group_label_ja from facts where indicator_code = 'governance_cross_departmental' "
                     "and fiscal_year = 2023 and group_code = 'city'").fetchone()
    assert row == (78.7, 604, "entities", "市")
    cards = db.execute("select count, count_unit, group_label_ja from facts where indicator_code = 'mynumber_issued' "
                       "and fiscal_year = 2021 and group_code = 'all'").fetchone()
    assert cards == (51871720, "cards", "全国")


def test_digital_divide_is_kept_with_no_figures(db):
    assert db.execute("select has_figures from topics where topic_code = 'digital_divide'").fetchone()[0] is False
    assert db.execute("select count(*) from facts where topic_code = 'digital_divide'").fetchone()[0] == 0
    assert db.execute("select count(*) from indicators where topic_code = 'digital_divide'").fetchone()[0] == 1


@pytest.mark.parametrize("entity_type, indicator, year, expected", [
    ("town", "governance_overall_policy", 2023, "town_village"),
    ("village", "ai_adoption", 2023, "muni_other"),
    ("town", "telework_staff_share", 2023, "muni_other"),
    ("core", "governance_overall_policy", 2023, "city"),
    ("core", "standardization_progress", 2024, "core"),
    ("city_other", "standardization_progress", 2024, "city_general"),
    ("city_other", "mynumber_issued", 2024, "ward_city"),
    ("ward", "security_organisation", 2023, "ward"),
    ("ward", "ai_adoption", 2023, "muni_other"),
    ("pref", "mynumber_issued", 2024, "all"),
    ("designated", "frontyard_initiatives", 2023, "designated"),
])
def test_peer_group_is_the_finest_published_group_containing_the_type(db, entity_type, indicator, year, expected):
    found = db.execute("select peer_group_code from peer_groups where entity_type = ? and indicator_code = ? and fiscal_year = ?",
                       [entity_type, indicator, year]).fetchall()
    assert found == [(expected,)]


def test_prefectures_have_no_peer_group_where_only_municipalities_are_published(db):
    assert db.execute("select count(*) from peer_groups where entity_type = 'pref' and topic_code = 'frontyard'").fetchone()[0] == 0


def test_peer_group_for_ciso_skips_unpublished_years(db):
    """CSIRT 2020 is 「－」: no peer rate can come from it, but CISO 2020 still has one."""
    assert db.execute("select count(*) from peer_groups where indicator_code = 'security_organisation' and fiscal_year = 2020").fetchone()[0] == 7


def test_reduced_2023_base_is_stored_with_its_shortfall_and_reason(db):
    row = db.execute("select min(base_min), max(base_max), min(shortfall_min), max(shortfall_max), any_value(reason_ja) "
                     "from responding_bases where indicator_code like 'governance_%' and fiscal_year = 2023 and group_code = 'all'").fetchone()
    assert row[:4] == (1779, 1780, 8, 9)
    assert "能登" in row[4] and "確認できない" in row[4]
    census = db.execute("select count(*) from responding_bases where fiscal_year = 2022 and base_unit = 'entities' "
                        "and (base_min <> census or base_max <> census)").fetchone()[0]
    assert census == 0


def test_every_base_reproduces_its_published_share(db):
    rows = db.execute("select f.value_printed, f.count, b.base_min, b.base_max from facts f join responding_bases b "
                      "using (indicator_code, fiscal_year, group_code) where f.breakdown_code is not distinct from b.breakdown_code").fetchall()
    assert len(rows) == 18 * 3 + 45 + 16 + 4  # every share printed with its count
    for printed, count, low, high in rows:
        for base in {low, high}:
            assert round(count / base * 100, 1) == pytest.approx(float(printed), abs=0.05 + 1e-9), (printed, count, base)


def test_exports_are_parquet_and_excel_friendly_csv(built_data_dir, db):
    exports = built_data_dir / "build" / "exports"
    facts_csv = (exports / "facts.csv").read_bytes()
    assert facts_csv.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(io.BytesIO(facts_csv), encoding="utf-8-sig")
    assert len(frame) == db.execute("select count(*) from facts").fetchone()[0]
    assert len(pd.read_parquet(exports / "facts.parquet")) == len(frame)
    for name in ["groups", "topics", "indicators", "breakdowns", "peer_groups", "responding_bases", "body_figures", "targets"]:
        assert (exports / f"{name}.parquet").exists() and (exports / f"{name}.csv").read_bytes()[:3] == b"\xef\xbb\xbf"


def test_indicator_metadata_is_complete(db):
    meta = db.execute("select * from indicators").df()
    for column in ["label_ja", "label_en", "title_ja", "definition_ja", "definition_en", "section_ja"]:
        assert meta[column].str.len().gt(0).all(), column
    assert meta.loc[meta.topic_code != "digital_divide", "source_ja"].str.contains("出典").all()
    years = db.execute("select count(*) from indicator_years where as_of is null or source_ja = ''").fetchone()[0]
    assert years == 0
    assert db.execute("select count(*) from transcription_notes where note_ja = '' or note_en = ''").fetchone()[0] == 0


def test_targets_and_body_figures_are_stored_with_their_lines(db):
    targets = dict(db.execute("select target_code, target_value from targets").fetchall())
    assert targets["frontyard_300"] == 300 and targets["one_person_it_halved"] == -50 and targets["standardization_running_cost"] == -30
    figures = dict(db.execute("select figure_code, value from body_figures").fetchall())
    assert figures["cio_advisor_external_hires"] == 219 and figures["dx_staff_zero_or_one"] == 213
    assert figures["ai_and_rpa_both"] == 631


def test_build_info_records_the_sources_digest(db):
    info = dict(db.execute("select key, value from build_info").fetchall())
    assert re.fullmatch(r"[0-9a-f]{64}", info["sources_sha256"]) and info["published_cells"] == "442"


def test_database_is_written_in_small_blocks(db, database_path):
    # the default 256 KiB blocks made a 15 MB file of 442 numbers (each column of each table takes a block)
    assert db.execute("select block_size from pragma_database_size()").fetchone()[0] == 16 * 1024
    # about 1 MB for 別紙1's 442 numbers, plus about 7 MB for the 202,704 per-government cells (etl/governments)
    assert database_path.stat().st_size < 12_000_000


@pytest.mark.parametrize("table, column, value", [
    ("government_facts", "government_code", "999999"), ("government_facts", "indicator_code", "no_such_indicator"),
    ("government_facts", "source_id", "no_such_source"), ("government_types", "government_code", "999999"),
    ("government_types", "entity_type", "no_such_type"), ("government_groups", "government_code", "999999"),
    ("government_groups", "group_code", "no_such_group")])
def test_the_contract_check_refuses_a_government_row_whose_key_is_not_listed(database_path, tmp_path, table, column, value):
    """The per-government tables have no foreign keys (too slow per row): the contract check's anti-joins stand in for them."""
    copy = tmp_path / "dx.duckdb"
    shutil.copy(database_path, copy)
    connection = duckdb.connect(str(copy))
    try:
        check_contract(connection, expected_facts=connection.execute("select count(*) from observations").fetchone()[0])
        connection.execute(f"update {table} set {column} = ? where rowid = 0", [value])  # table, column: from the list above
        with pytest.raises(ContractError, match=f"1 rows have a {table}.{column} that its table does not list"):
            check_contract(connection, expected_facts=connection.execute("select count(*) from observations").fetchone()[0])
    finally:
        connection.close()
