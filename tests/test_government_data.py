"""The per-government tables honour their contract: every government once, every cell as printed, reconciled with 別紙1."""
from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from dashboard.queries import sql_for
from etl.exports import _write_csv_in_sql
from etl.governments.romanise import generate

ROOT = Path(__file__).resolve().parent.parent


def scalar(db, sql, params=None):
    return db.execute(sql, params or []).fetchone()[0]


def test_governments_are_the_47_prefectures_and_1741_municipalities_keyed_by_six_character_codes(db):
    governments = db.execute("select government_code, entity_type from governments").df()
    assert len(governments) == 1788 and governments.government_code.is_unique
    assert governments.government_code.str.fullmatch(r"\d{6}").all()
    assert governments.entity_type.value_counts().to_dict() == {
        "town": 743, "city_other": 710, "village": 183, "core": 62, "pref": 47, "ward": 23, "designated": 20}


def test_core_cities_change_with_the_fiscal_year(db):
    core = dict(db.execute("select fiscal_year, count(*) from government_types where entity_type = 'core' group by 1").fetchall())
    assert core == {2020: 60, 2021: 62, 2022: 62, 2023: 62, 2024: 62}
    matsumoto = dict(db.execute("select fiscal_year, entity_type from government_types where government_code = '202029'").fetchall())
    assert matsumoto[2020] == "city_other" and matsumoto[2021] == "core"


def test_every_government_sums_into_the_groups_that_contain_its_type(db):
    sizes = dict(db.execute("select group_code, count(*) from government_groups where fiscal_year = 2024 group by 1").fetchall())
    assert sizes["all"] == 1788 and sizes["muni"] == 1741 and sizes["city"] == 772 and sizes["town_village"] == 926
    assert sizes["muni_other"] == 1721 and sizes["ward_city"] == 795


def test_a_cell_keeps_its_printed_text_number_and_source_position(db):
    sapporo = db.execute("select indicator_code, value_printed, value, status, source_row, source_column from government_facts "
                         "where government_code = '011002' and indicator_code in ('dx_muni_cio', 'online_rate_muni_01', "
                         "'online_rate_muni_03')").df().set_index("indicator_code")
    assert tuple(sapporo.loc["dx_muni_cio", ["value_printed", "status", "source_row", "source_column"]]) == ("実施", "implemented", 2, 3)
    assert pd.isna(sapporo.loc["dx_muni_cio", "value"])
    assert sapporo.loc["online_rate_muni_01", "value_printed"] == "88.8%" and sapporo.loc["online_rate_muni_01", "value"] == 88.8
    # 研修・講習・各種イベント等の申込 is blank for 札幌市: not reported, never 0
    assert tuple(sapporo.loc["online_rate_muni_03", ["value_printed", "status"]]) == ("", "not_reported")
    assert pd.isna(sapporo.loc["online_rate_muni_03", "value"])


def test_blank_and_not_surveyed_cells_are_never_numbers(db):
    by_status = db.execute("select status, count(*), count(value), count(count) from government_facts group by 1").fetchall()
    for status, cells, values, counts in by_status:
        if status in ("not_reported", "not_surveyed", "not_applicable", "implemented", "not_implemented"):
            assert values == 0 and counts == 0, status
    not_surveyed = db.execute("select distinct value_printed from government_facts where status = 'not_surveyed'").fetchall()
    assert not_surveyed == [("調査無し",)]
    assert scalar(db, "select count(*) from government_facts where status = 'not_surveyed'") == 56  # 8 municipalities × 7 rows


def test_card_issuance_covers_every_government_at_all_47_dates(db):
    dates = db.execute("select as_of, count(*) from government_facts where indicator_code = 'mynumber_issued_rate' group by 1").fetchall()
    assert len(dates) == 47 and {count for _, count in dates} == {1788}
    miyake = db.execute("select value_printed, count, base_count, base_as_of from government_facts where government_code = '133817' "
                        "and indicator_code = 'mynumber_issued_rate' and as_of = date '2022-12-31'").fetchone()
    assert miyake[0] == "56.3" and miyake[1] == 1329 and miyake[2] == 2362 and str(miyake[3]) == "2022-01-01"


def test_population_is_the_latest_card_file_population_with_its_date(db):
    row = db.execute("select population, population_as_of from governments where government_code = '011002'").fetchone()
    assert row[0] == 1960668 and str(row[1]) == "2022-01-01"


def test_every_reconciliation_with_appendix_1_ran_and_passed(db):
    checks = db.execute("select check_name, count(*), sum(failures) from government_checks group by 1").df().set_index("check_name")
    assert checks.loc["sums_equal_appendix_1", "count_star()"] == 10
    assert checks.loc["municipalities_sum_to_prefecture", "count_star()"] == 1
    assert checks["sum(failures)"].sum() == 0


def test_each_digital_agency_indicator_has_an_as_of_decision_with_evidence(db):
    indicators = db.execute("select indicator_code, as_of, as_of_status, as_of_evidence_ja from government_indicators").df()
    assert indicators.as_of_evidence_ja.notna().all()
    decided = indicators.set_index("indicator_code")
    assert str(decided.loc["dx_muni_ai", "as_of"])[:10] == "2023-12-31" and decided.loc["dx_muni_ai", "as_of_status"] == "reconciled"
    assert pd.isna(decided.loc["dx_pref_overall_policy", "as_of"]) and decided.loc["dx_pref_overall_policy", "as_of_status"] == "undetermined"


def test_english_names_apply_the_declared_corrections(db):
    names = dict(db.execute("select government_code, name_en from governments where government_code in "
                            "('332127', '011002', '131016', '104264', '473014')").fetchall())
    assert names == {"332127": "Setouchi-shi", "011002": "Sapporo-shi", "131016": "Chiyoda-ku", "104264": "Kusatsu-machi",
                     "473014": "Kunigami-son"}


def test_generated_english_names_file_is_current():
    committed = pd.read_csv(ROOT / "data/municipal/names_en.csv", dtype=str)
    assert generate(committed[["government_code", "name_ja", "name_kana"]]).equals(committed)


def test_prefecture_outlines_are_47_closed_geojson_features(db):
    outlines = db.execute("select government_code, geojson from prefecture_outlines").fetchall()
    assert len(outlines) == 47
    tokyo = json.loads(dict(outlines)["130001"])
    assert tokyo["properties"]["name_ja"] == "東京都"
    rings = [ring for polygon in tokyo["geometry"]["coordinates"] for ring in polygon]
    assert rings and all(ring[0] == ring[-1] for ring in rings)
    assert all(135 < lng < 155 and 20 < lat < 36 for ring in rings for lng, lat in ring)


def test_government_profile_query_returns_one_governments_values(db):
    profile = db.execute(sql_for("government_profile"), {"government_code": "133817"}).df()
    assert set(profile.indicator_code.str[:7]) == {"dx_muni", "online_", "mynumbe"}
    assert len(profile) == 15 + 52 + 47
    assert profile.sort_order.is_monotonic_increasing


def test_prefecture_matrix_query_returns_its_municipalities_only(db):
    matrix = db.execute(sql_for("prefecture_matrix"), {"prefecture_code": "13", "indicator_codes": ["dx_muni_cio", "mynumber_issued_rate"],
                                                      "as_of": "2022-12-31"}).df()
    assert matrix.government_code.nunique() == 62 and "130001" not in set(matrix.government_code)
    assert len(matrix) == 62 * 2


def test_csv_written_in_sql_guards_formula_cells_only(tmp_path):
    connection = duckdb.connect()
    connection.execute("create table cells as select * from (values ('=1+1', 'a', 1), ('x', '-b', -2), ('y', 'c', 3)) v(p, q, n)")
    _write_csv_in_sql(connection, "cells", tmp_path / "cells.csv")
    assert (tmp_path / "cells.csv").read_bytes() == "\ufeffp,q,n\r\n'=1+1,a,1\r\nx,'-b,-2\r\ny,c,3\r\n".encode("utf-8")


def test_exports_include_the_government_tables(built_data_dir):
    exports = built_data_dir / "build" / "exports"
    facts = (exports / "government_facts.csv").read_bytes()
    assert facts.startswith("\ufeffgovernment_code,".encode("utf-8"))
    assert facts.count(b"\r\n") == 202704 + 1
    assert (exports / "governments.parquet").exists() and (exports / "prefecture_outlines.csv").exists()


@pytest.mark.parametrize("code, lang, shown", [
    ("132063", "ja", "府中市（東京都）"), ("342084", "en", "Fuchu-shi (Hiroshima)"),  # 府中市 ×2 in both languages
    ("082040", "ja", "古河市"), ("082040", "en", "Koga-shi (Ibaraki)"),  # 古賀市 (Fukuoka) is Koga-shi too
    ("011002", "ja", "札幌市"), ("011002", "en", "Sapporo-shi"),
    ("013617", "ja", "江差町"), ("013617", "en", "Esashi-cho (江差町, Hokkaido)")])  # 枝幸町, also 北海道, is Esashi-cho too
def test_a_name_shared_in_the_language_shown_carries_the_prefecture(db, code, lang, shown):
    from dashboard.government_data import distinct_name

    assert distinct_name(code, lang) == shown
