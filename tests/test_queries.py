"""Every named query in queries/, run with sample parameters against the session's database, returns the rows that
the source files in data/ say it should. The expectations are worked out here from the CSVs and metadata, not from
the database; a query without a case here fails the first test."""
from __future__ import annotations

import csv
import hashlib
import json
import math
import re
from datetime import date, datetime
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest

from dashboard.queries import named_queries, parameters_of, sql_for
from etl.database import MATERIALIZE
from tests.conftest import DATA

NOT_PUBLISHED = {"－", "-", "―", "‐"}


def read_csv(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def blank(text: str) -> str | None:
    return text or None


METAS = {path.name.removesuffix(".meta.json"): json.loads(path.read_text(encoding="utf-8"))
         for path in sorted((DATA / "tables").glob("*.meta.json"))}
CELLS = {table_id: read_csv(f"tables/{table_id}.csv") for table_id in METAS}
GROUPS = {row["group_code"]: row for row in read_csv("groups.csv")}
TOPICS = {row["topic_code"]: row for row in read_csv("topics.csv")}
ENTITY_TYPES = sorted(read_csv("entity_types.csv"), key=lambda row: int(row["sort_order"]))
SIZES = {(row["group_code"], int(row["fiscal_year"])): int(row["entity_count"]) for row in read_csv("group_sizes.csv")}
DECLARED = read_csv("responding_bases.csv")
BENCHMARK_ITEMS = sorted(read_csv("benchmark_items.csv"), key=lambda row: int(row["sort_order"]))
BODY_FIGURES = read_csv("body_figures.csv")


def year_ja(year: int) -> str:
    reiwa = year - 2018
    return f"{year}年度（令和{'元' if reiwa == 1 else reiwa}年度）"


def year_en(year: int) -> str:
    return f"FY{year} (Reiwa {year - 2018})"


def items(table_id: str) -> dict[str, tuple[int, dict]]:
    return {item["code"]: (order, item) for order, item in enumerate((METAS[table_id]["breakdown"] or {}).get("items", []))}


def facts(table_id: str) -> list[dict]:
    """One row per printed number of a table, with the labels and dates its metadata and groups.csv give it."""
    meta, breakdowns = METAS[table_id], items(table_id)
    years = {year["fiscal_year"]: year for year in meta["years"]}
    rows = []
    for cell in CELLS[table_id]:
        year, group, breakdown = int(cell["fiscal_year"]), cell["group_code"], blank(cell["breakdown_code"])
        item = breakdowns[breakdown][1] if breakdown else {}
        rows.append(dict(
            indicator_code=table_id, breakdown_code=breakdown, breakdown_label_ja=item.get("label_ja"),
            breakdown_label_en=item.get("label_en"), breakdown_order=breakdowns[breakdown][0] if breakdown else None,
            fiscal_year=year, fiscal_year_label_ja=year_ja(year), fiscal_year_label_en=year_en(year),
            as_of=years[year]["as_of"], group_code=group, group_label_ja=meta["groups_printed"][group],
            group_label_en=GROUPS[group]["label_en"], group_order=int(GROUPS[group]["sort_order"]),
            value=None if cell["value"] in NOT_PUBLISHED else float(cell["value"]), value_printed=cell["value"],
            unit=meta["unit"], count=int(cell["count"]) if cell["count"] else None, count_unit=meta["count_unit"],
            source_ja=years[year]["source_ja"], source_line=int(cell["value_line"])))
    return rows


def by(*keys):
    """A sort key: None first, as ORDER BY … NULLS FIRST."""
    return lambda row: tuple((row[key] is not None, row[key] if row[key] is not None else 0) for key in keys)


def project(rows: list[dict], columns: str) -> list[dict]:
    return [{column: row[column] for column in columns.split()} for row in rows]


def indicator(table_id: str) -> dict:
    meta = METAS[table_id]
    breakdown = meta["breakdown"] or {}
    return dict(indicator_code=table_id, topic_code=meta["topic_code"], label_ja=meta["indicator_label_ja"],
                label_en=meta["indicator_label_en"], title_ja=meta["title_ja"], title_en=meta["title_en"],
                figure_title_ja=meta["figure_title_ja"], figure_title_en=meta["figure_title_en"],
                definition_ja=meta["definition_ja"], definition_en=meta["definition_en"], unit=meta["unit"],
                count_unit=meta["count_unit"], breakdown_dimension_ja=breakdown.get("dimension_ja"),
                breakdown_dimension_en=breakdown.get("dimension_en"), source_ja=meta["source_ja"],
                section_ja=meta["printed_at"]["section_ja"], printed_first_line=meta["printed_at"]["first_line"],
                printed_last_line=meta["printed_at"]["last_line"], sort_order=meta["sort_order"])


def in_screen_order() -> list[str]:
    return sorted(METAS, key=lambda table_id: METAS[table_id]["sort_order"])


def peer_group(entity_type: dict, table_id: str, year: int) -> str | None:
    """The finest group containing the type for which the table publishes a number that year."""
    published = {row["group_code"] for row in facts(table_id) if row["fiscal_year"] == year and row["value"] is not None}
    return next((group for group in entity_type["containing_groups"].split() if group in published), None)


def implied_base(count: int, printed: str) -> tuple[int, int] | None:
    decimals = len(printed.split(".")[1]) if "." in printed else 0
    low, high = Fraction(printed) - Fraction(1, 2 * 10**decimals), Fraction(printed) + Fraction(1, 2 * 10**decimals)
    if count == 0:
        return None if low <= 0 else (1, 0)
    return math.ceil(Fraction(100 * count) / high), math.floor(Fraction(100 * count) / low) if low > 0 else 10**15


def declared_base(table_id: str, row: dict) -> dict | None:
    scope = {table_id, f"{table_id}/{row['breakdown_code']}"}
    return next((base for base in DECLARED if int(base["fiscal_year"]) == row["fiscal_year"]
                 and base["group_code"] == row["group_code"] and scope & set(base["applies_to"].split())), None)


def responding_bases() -> list[dict]:
    rows = []
    for table_id in in_screen_order():
        for fact in facts(table_id):
            if fact["count"] is None or fact["value"] is None:
                continue
            low, high = implied_base(fact["count"], fact["value_printed"]) or (None, None)
            row = dict(indicator_code=table_id, indicator_label_ja=METAS[table_id]["indicator_label_ja"],
                       indicator_label_en=METAS[table_id]["indicator_label_en"], breakdown_code=fact["breakdown_code"],
                       fiscal_year=fact["fiscal_year"], group_code=fact["group_code"],
                       group_label_ja=GROUPS[fact["group_code"]]["label_ja"], group_label_en=fact["group_label_en"],
                       group_order=fact["group_order"], breakdown_label_ja=fact["breakdown_label_ja"],
                       breakdown_label_en=fact["breakdown_label_en"], implied_base_min=low, implied_base_max=high)
            if fact["count_unit"] == "cards":  # no population is printed: the implied range is the base
                row.update(base_unit="population", census=None, base_min=low, base_max=high, shortfall_min=None,
                           shortfall_max=None, base_id=None, reason_ja="人口（住基人口）は資料に印字されていない。枚数÷割合から導いた範囲。",
                           reason_en="The population is not printed; this range is implied by cards ÷ rate.")
            else:
                census, declared = SIZES[(fact["group_code"], fact["fiscal_year"])], declared_base(table_id, fact)
                base_min, base_max = (int(declared["base_min"]), int(declared["base_max"])) if declared else (census, census)
                row.update(base_unit="entities", census=census, base_min=base_min, base_max=base_max,
                           shortfall_min=census - base_max, shortfall_max=census - base_min,
                           base_id=declared and declared["base_id"], reason_ja=declared and declared["reason_ja"],
                           reason_en=declared and declared["reason_en"])
            rows.append(row)
    return rows


def expected_responding_base_notes(table_id: str, years: list[int]) -> list[dict]:
    bases = [row for row in responding_bases() if row["indicator_code"] == table_id and row["fiscal_year"] in years
             and row["base_id"] is not None]
    rows = []
    for key in sorted({(row["fiscal_year"], row["group_order"], row["group_code"]) for row in bases}):
        same = [row for row in bases if (row["fiscal_year"], row["group_order"], row["group_code"]) == key]
        first = same[0]
        rows.append(dict(group_order=first["group_order"], fiscal_year=key[0], fiscal_year_label_ja=year_ja(key[0]),
                         fiscal_year_label_en=year_en(key[0]), group_code=key[2], group_label_ja=first["group_label_ja"],
                         group_label_en=first["group_label_en"], census=first["census"],
                         base_min=min(row["base_min"] for row in same), base_max=max(row["base_max"] for row in same),
                         shortfall_min=min(row["shortfall_min"] for row in same),
                         shortfall_max=max(row["shortfall_max"] for row in same), reason_ja=first["reason_ja"],
                         reason_en=first["reason_en"],
                         breakdowns_ja="、".join(sorted({row["breakdown_label_ja"] or "" for row in same})),
                         breakdowns_en=", ".join(sorted({row["breakdown_label_en"] or "" for row in same}))))
    return rows


def expected_coarser_groups(table_id: str, year: int) -> list[dict]:
    rows = []
    for entity_type in ENTITY_TYPES:
        peer = peer_group(entity_type, table_id, year)
        if peer is not None and peer != entity_type["containing_groups"].split()[0] and peer != "all":
            rows.append(dict(entity_type=entity_type["entity_type"], entity_label_ja=entity_type["label_ja"],
                             entity_label_en=entity_type["label_en"], peer_group_code=peer,
                             peer_label_ja=GROUPS[peer]["label_ja"], peer_label_en=GROUPS[peer]["label_en"]))
    return rows


def expected_benchmark_peer_groups(entity_type_code: str) -> list[dict]:
    entity_type = next(row for row in ENTITY_TYPES if row["entity_type"] == entity_type_code)
    rows = []
    for table_id in sorted({item["indicator_code"] for item in BENCHMARK_ITEMS}):
        for year in sorted(year["fiscal_year"] for year in METAS[table_id]["years"]):
            peer = peer_group(entity_type, table_id, year)
            if peer is not None:
                rows.append(dict(indicator_code=table_id, fiscal_year=year, peer_group_code=peer))
    return rows


def expected_benchmark_facts() -> list[dict]:
    comparable = {group for row in ENTITY_TYPES for group in row["containing_groups"].split()}
    rows = []
    for item in BENCHMARK_ITEMS:
        chosen = [dict(row, item_code=item["item_code"]) for row in facts(item["indicator_code"])
                  if row["group_code"] in comparable
                  and (item["kind"] == "band" or row["breakdown_code"] == blank(item["breakdown_code"]))]
        rows += sorted(chosen, key=by("fiscal_year", "group_order", "breakdown_order"))
    return project(rows, "item_code breakdown_code breakdown_label_ja breakdown_label_en breakdown_order fiscal_year "
                         "fiscal_year_label_ja fiscal_year_label_en as_of group_code group_label_ja group_label_en "
                         "group_order value value_printed count count_unit source_ja")


def expected_all_indicators() -> list[dict]:
    rows = []
    for table_id in in_screen_order():
        meta, row = METAS[table_id], indicator(table_id)
        topic = TOPICS[meta["topic_code"]]
        years = sorted(meta["years"], key=lambda year: year["fiscal_year"])
        rows.append(dict(topic_order=int(topic["sort_order"]), indicator_order=meta["sort_order"], topic_code=topic["topic_code"],
                         topic_label_ja=topic["label_ja"], topic_label_en=topic["label_en"],
                         **{key: row[key] for key in ["indicator_code", "label_ja", "label_en", "title_ja", "title_en",
                                                      "definition_ja", "definition_en", "unit", "count_unit", "source_ja",
                                                      "section_ja", "printed_first_line", "printed_last_line"]},
                         year_labels_ja=[year_ja(y["fiscal_year"]) for y in years],
                         year_labels_en=[year_en(y["fiscal_year"]) for y in years], as_of_dates=[y["as_of"] for y in years]))
    return sorted(rows, key=by("topic_order", "indicator_order"))


def expected_all_responding_bases() -> list[dict]:
    rows = sorted(responding_bases(), key=lambda row: (METAS[row["indicator_code"]]["sort_order"], row["fiscal_year"],
                                                       row["group_order"], row["breakdown_code"] is None,
                                                       row["breakdown_code"] or ""))
    return project(rows, "indicator_code indicator_label_ja indicator_label_en breakdown_code fiscal_year group_code "
                         "group_label_ja group_label_en base_unit census implied_base_min implied_base_max base_min base_max "
                         "shortfall_min shortfall_max reason_ja reason_en")


def expected_build_info() -> list[dict]:
    digest = hashlib.sha256()
    for path in sorted(p for p in DATA.rglob("*") if p.is_file() and p.suffix in {".csv", ".json", ".txt"}
                       and "build" not in p.relative_to(DATA).parts):
        digest.update(path.relative_to(DATA).as_posix().encode())
        digest.update(path.read_bytes())
    cells = sum(len(rows) for rows in CELLS.values())
    return [dict(key="built_at", value=None), dict(key="published_cells", value=str(cells)),
            dict(key="source_document", value="自治体DX推進計画（総務省）別紙1 ほか"),
            dict(key="source_of_record", value="data/source/jichitai_dx_suishin_keikaku.txt"),
            dict(key="sources_sha256", value=digest.hexdigest())]


def expected_reconciliation_log(rows: list[dict]) -> list[dict]:
    """The columns the sources determine; which rules each table passes is the ETL's, checked for order and outcome."""
    return [dict(indicator_code=table_id, label_ja=METAS[table_id]["indicator_label_ja"],
                 label_en=METAS[table_id]["indicator_label_en"], cells_checked=len(CELLS[table_id]), failures=0)
            for table_id in in_screen_order() for _ in [row for row in rows if row["indicator_code"] == table_id]]



def expected_card_rates(day: str) -> list[dict]:
    """Every municipality's issued-card rate in the card file of `day` (YYYYMMDD), from the file itself: the printed
    5-digit code with its check digit (or the declared correction where the file prints <NA>), the rate as printed."""
    from common.government_code import normalise_municipality_code
    corrections = {(r["prefecture_ja"], r["name_printed"]): r["government_code"] for r in read_csv("municipal/code_corrections.csv")
                   if r["source_id"] == "mynumber_card_issuance" and r["first_file"] <= day <= r["last_file"]}
    path = f"mynumber_card/{day}/all_localgovs.csv"  # as the database names it: within data/municipal/
    with open(DATA / "municipal" / path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    found = []
    for line, row in enumerate(rows[1:], start=2):
        code = corrections.get((row[1], row[2])) or normalise_municipality_code(row[8])
        found.append(dict(government_code=code, as_of=f"{day[:4]}-{day[4:6]}-{day[6:]}", value_printed=row[5], value=float(row[5]),
                          status="reported", source_file=path, source_row=line, source_column=6))
    return sorted(found, key=by("government_code"))


FACTS_SELECTION = dict(indicator_code="security_organisation", fiscal_years=[2020, 2023], group_codes=["all", "pref", "ward"],
                       breakdown_codes=["csirt_established"])

# query → (sample parameters, the rows it must return)
CASES = {
    "topics": ({}, lambda: [dict(topic_code=t["topic_code"], label_ja=t["label_ja"], label_en=t["label_en"],
                                 sort_order=int(t["sort_order"]), heading_printed=t["heading_printed"],
                                 has_figures=any(CELLS[i] for i in METAS if METAS[i]["topic_code"] == t["topic_code"]))
                            for t in sorted(TOPICS.values(), key=lambda t: int(t["sort_order"]))]),
    "fiscal_years": ({}, lambda: [dict(fiscal_year=y, label_ja=year_ja(y), label_en=year_en(y)) for y in range(
        min(y["fiscal_year"] for m in METAS.values() for y in m["years"]),
        max([y["fiscal_year"] for m in METAS.values() for y in m["years"]] + [int(r["fiscal_year"]) for r in BODY_FIGURES]) + 1)]),
    "build_info": ({}, expected_build_info),
    "topic_indicators": ({"topic_code": "governance"}, lambda: project(
        [indicator(i) for i in in_screen_order() if METAS[i]["topic_code"] == "governance"],
        "indicator_code label_ja label_en title_ja title_en figure_title_ja figure_title_en definition_ja definition_en unit "
        "count_unit breakdown_dimension_ja breakdown_dimension_en source_ja section_ja printed_first_line printed_last_line")),
    "indicator_meta": ({"indicator_code": "frontyard_initiatives"}, lambda: project(
        [indicator("frontyard_initiatives")],
        "indicator_code topic_code label_ja label_en title_ja title_en figure_title_ja figure_title_en definition_ja "
        "definition_en unit count_unit breakdown_dimension_ja breakdown_dimension_en source_ja section_ja "
        "printed_first_line printed_last_line")),
    "indicator_years": ({"indicator_code": "mynumber_issued"}, lambda: [
        dict(fiscal_year=y["fiscal_year"], label_ja=year_ja(y["fiscal_year"]), label_en=year_en(y["fiscal_year"]),
             as_of=y["as_of"], source_ja=y["source_ja"])
        for y in sorted(METAS["mynumber_issued"]["years"], key=lambda y: y["fiscal_year"])]),
    "indicator_groups": ({"indicator_code": "ai_adoption"}, lambda: sorted(
        [dict(group_code=g, label_ja=label, label_en=GROUPS[g]["label_en"], sort_order=int(GROUPS[g]["sort_order"]))
         for g, label in METAS["ai_adoption"]["groups_printed"].items()], key=by("sort_order"))),
    "indicator_notes": ({"indicator_code": "standardization_progress"}, lambda: [
        dict(note_ja=note) for note in METAS["standardization_progress"]["notes_ja"]]),
    "transcription_notes": ({"indicator_code": "security_organisation"}, lambda: [
        dict(note_ja=note["ja"], note_en=note["en"]) for note in METAS["security_organisation"]["transcription_notes"]]),
    "breakdowns": ({"indicator_code": "frontyard_initiatives"}, lambda: [
        dict(breakdown_code=code, label_ja=item["label_ja"], label_en=item["label_en"], channel_ja=item.get("channel_ja"),
             channel_en=item.get("channel_en"), sort_order=order)
        for code, (order, item) in items("frontyard_initiatives").items()]),
    "breakdown_channels": ({"indicator_code": "frontyard_initiatives"}, lambda: sorted(
        [dict(breakdown_code=code, channel_ja=item.get("channel_ja"), channel_en=item.get("channel_en"))
         for code, (_, item) in items("frontyard_initiatives").items()], key=by("breakdown_code"))),
    "facts_selection": (FACTS_SELECTION, lambda: project(sorted(
        [row for row in facts(FACTS_SELECTION["indicator_code"]) if row["fiscal_year"] in FACTS_SELECTION["fiscal_years"]
         and row["group_code"] in FACTS_SELECTION["group_codes"] and row["breakdown_code"] in FACTS_SELECTION["breakdown_codes"]],
        key=by("breakdown_order", "fiscal_year", "group_order")),
        "indicator_code breakdown_code breakdown_label_ja breakdown_label_en breakdown_order fiscal_year fiscal_year_label_ja "
        "fiscal_year_label_en as_of group_code group_label_ja group_label_en group_order value value_printed unit count "
        "count_unit source_ja source_line")),
    "indicator_series": ({"indicator_code": "mynumber_issued", "group_code": "all", "breakdown_code": None}, lambda: project(
        sorted([row for row in facts("mynumber_issued") if row["group_code"] == "all"], key=by("fiscal_year")),
        "fiscal_year fiscal_year_label_ja fiscal_year_label_en as_of value value_printed count count_unit unit group_label_ja "
        "group_label_en breakdown_label_ja breakdown_label_en source_ja")),
    "all_indicators": ({}, expected_all_indicators),
    "all_responding_bases": ({}, expected_all_responding_bases),
    "responding_base_notes": ({"indicator_code": "governance_overall_policy", "fiscal_years": [2022, 2023]},
                              lambda: expected_responding_base_notes("governance_overall_policy", [2022, 2023])),
    "coarser_groups": ({"indicator_code": "governance_overall_policy", "fiscal_year": 2023},
                       lambda: expected_coarser_groups("governance_overall_policy", 2023)),
    "benchmark_entity_types": ({}, lambda: [dict(entity_type=r["entity_type"], label_ja=r["label_ja"], label_en=r["label_en"],
                                                 sort_order=int(r["sort_order"])) for r in ENTITY_TYPES]),
    "benchmark_items": ({}, lambda: [
        dict({key: blank(value) for key, value in item.items()}, sort_order=int(item["sort_order"]),
             topic_code=METAS[item["indicator_code"]]["topic_code"],
             topic_label_ja=TOPICS[METAS[item["indicator_code"]]["topic_code"]]["label_ja"],
             topic_label_en=TOPICS[METAS[item["indicator_code"]]["topic_code"]]["label_en"],
             topic_order=int(TOPICS[METAS[item["indicator_code"]]["topic_code"]]["sort_order"])) for item in BENCHMARK_ITEMS]),
    "benchmark_government_codes": ({}, lambda: [dict(government_code=code) for code in sorted(
        [row["government_code"] for row in read_csv("municipal/names_en.csv")]
        + [row["lgcode"].zfill(6) for row in read_csv("municipal/local_governments/prefjp-utf8.csv")])]),
    "benchmark_peer_groups": ({"entity_type": "town"}, lambda: expected_benchmark_peer_groups("town")),
    "benchmark_facts": ({}, expected_benchmark_facts),
    "body_figures": ({}, lambda: [
        dict(figure_code=r["figure_code"], topic_code=r["topic_code"], label_ja=r["label_ja"], label_en=r["label_en"],
             fiscal_year=int(r["fiscal_year"]), as_of=r["as_of"], as_of_note=r["as_of_note"],
             group_label_printed=r["group_label_printed"], value=float(r["value"]), value_printed=r["value"], unit=r["unit"],
             qualifier=blank(r["qualifier"]), quote=r["quote"], line=int(r["line"]), source_ja=r["source_ja"])
        for r in sorted(BODY_FIGURES, key=lambda r: (r["topic_code"], int(r["fiscal_year"]), r["figure_code"]))]),
    "targets": ({}, lambda: [
        dict(target_code=r["target_code"], topic_code=r["topic_code"], label_ja=r["label_ja"], label_en=r["label_en"],
             printed_value=r["printed_value"], target_value=float(r["target_value"]), target_unit=r["target_unit"],
             deadline_fiscal_year=int(r["deadline_fiscal_year"]) if r["deadline_fiscal_year"] else None,
             deadline_ja=r["deadline_ja"], deadline_en=r["deadline_en"], scope_ja=r["scope_ja"], scope_en=r["scope_en"],
             quote=r["quote"], line=int(r["line"]), source_ja=r["source_ja"], indicator_code=blank(r["indicator_table_id"]),
             indicator_breakdown_code=blank(r["indicator_breakdown_code"]), indicator_group_code=blank(r["indicator_group_code"]),
             link_note_ja=r["link_note_ja"], link_note_en=r["link_note_en"])
        for r in sorted(read_csv("targets.csv"), key=lambda r: (r["topic_code"], r["target_code"]))]),
    "reconciliation_exceptions": ({}, lambda: [
        dict(check_name=r["check"], indicator_code=r["table_id"], fiscal_year=int(r["fiscal_year"]), group_code=r["group_code"],
             breakdown_code=blank(r["breakdown_code"]), expected_difference=int(r["expected_difference"]),
             reason_ja=r["reason_ja"], reason_en=r["reason_en"])
        for r in sorted(read_csv("reconciliation_exceptions.csv"), key=lambda r: (r["table_id"], int(r["fiscal_year"])))]),
    "government_distribution": (dict(indicator_code="mynumber_issued_rate", as_of=date(2022, 12, 31)),
                                lambda: expected_card_rates("20221231")),
    "reconciliation_log": ({}, None),  # compared in its own test below
}


def plain(value):
    """A cell as Python compares it: None for NULL, ISO text for a date, lists for DuckDB lists."""
    if isinstance(value, (list, tuple, np.ndarray)):
        return [plain(item) for item in value]
    if value is None or value is pd.NaT or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, (pd.Timestamp, datetime, date, np.datetime64)):
        return pd.Timestamp(value).date().isoformat()
    return value.item() if isinstance(value, np.generic) else value


def run(db, name: str, params: dict) -> pd.DataFrame:
    assert set(params) == parameters_of(name), f"the sample parameters of {name} must be the ones it declares"
    return db.execute(sql_for(name), params).df()


def rows_of(frame: pd.DataFrame) -> list[dict]:
    return [{column: plain(value) for column, value in row.items()} for row in frame.to_dict("records")]


def test_every_query_has_a_case_here():
    from tests.test_government_queries import CASES as GOVERNMENT_CASES  # here: that module imports this one's helpers
    assert not set(CASES) & set(GOVERNMENT_CASES), "one case per query"
    assert sorted(CASES | GOVERNMENT_CASES) == sorted(named_queries())


@pytest.mark.parametrize("name", sorted(name for name, (_, expected) in CASES.items() if expected is not None))
def test_query_returns_the_rows_the_sources_give(db, name):
    params, expected = CASES[name]
    rows, wanted = rows_of(run(db, name, params)), expected()
    assert wanted, f"the case for {name} must expect some rows"
    if name == "breakdown_channels":  # a lookup without ORDER BY: its order is not part of what it returns
        rows = sorted(rows, key=by("breakdown_code"))
    if name == "build_info":  # the build time is the only value the sources cannot give
        assert datetime.fromisoformat(rows[0]["value"]) <= datetime.now().astimezone()
        rows[0]["value"] = None
    assert rows == wanted


def test_reconciliation_log_lists_each_tables_rules_in_screen_order_all_passed(db):
    rows = rows_of(run(db, "reconciliation_log", {}))
    assert [{key: row[key] for key in row if key != "check_name"} for row in rows] == expected_reconciliation_log(rows)
    for table_id in METAS:
        names = [row["check_name"] for row in rows if row["indicator_code"] == table_id]
        assert "printed_where_cited" in names and names == sorted(names)


def test_each_table_built_for_a_page_has_the_name_of_the_query_that_reads_it():
    built = set(re.findall(r"create or replace table (\w+)", MATERIALIZE.read_text(encoding="utf-8")))
    for_pages = built - {"facts", "peer_groups"}  # the data contract itself
    assert for_pages, "etl/materialize.sql builds tables for the pages"
    for table in sorted(for_pages):
        assert table in named_queries(), f"queries/{table}.sql should read the table {table}"
        assert re.search(rf"\bfrom {table}\b", sql_for(table)), f"queries/{table}.sql does not read the table {table}"
