"""The per-government named queries, run with sample parameters against the session's database, return the rows the
raw files under data/municipal/ say they should. The expectations are worked out here from those files (the list of
governments, the Digital Agency wide CSVs by column position, the My Number Card CSVs, core_cities.csv,
indicators.csv, SOURCES.json, the TopoJSON), not from the database or the ETL. tests/test_queries.py counts these
cases with its own: together they must name every query in queries/."""
from __future__ import annotations

import csv
import json
from functools import cache
from itertools import accumulate

import pytest

from tests.conftest import DATA
from tests.test_queries import ENTITY_TYPES, facts, peer_group, project, rows_of, run

MUNICIPAL = DATA / "municipal"
HAKODATE, WAJIMA, ISHIKAWA = "012025", "172049", "17"
YEARS = range(2020, 2025)  # government_types: fiscal 2020–2024, as of 1 April
ANSWERS = {"実施": "implemented", "未実施": "not_implemented", "調査無し": "not_surveyed", "": "not_reported"}


@cache
def read(relative: str) -> list[dict[str, str]]:
    with open(MUNICIPAL / relative, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@cache
def lines(relative: str) -> list[list[str]]:
    with open(MUNICIPAL / relative, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def blank(text: str) -> str | None:
    return text or None


@cache
def municipalities() -> list[dict[str, str]]:
    """The list's municipalities (a designated city's wards, written 「市 区」, are not governments), by 団体コード."""
    rows = [dict(row, line=str(line)) for line, row in enumerate(read("local_governments/localgovjp-utf8.csv"), start=2)
            if " " not in row["city"]]
    assert len(rows) == 1741, "the list holds 1,741 municipalities"
    return sorted(rows, key=lambda row: row["lgcode"])


@cache
def prefectures() -> list[dict[str, str]]:
    return [dict(row, line=str(line)) for line, row in enumerate(read("local_governments/prefjp-utf8.csv"), start=2)]


PREFECTURE_CODES = {row["lgcode"].zfill(6) for row in prefectures()}


def type_in(code: str, name: str, year: int) -> str:
    """The type on 1 April of the fiscal year: 特別区 by code range, 指定都市 and 中核市 as declared, else by the suffix."""
    if code in PREFECTURE_CODES:
        return "pref"
    if "131016" <= code <= "131237":
        return "ward"
    if code in {row["government_code"] for row in read("designated_cities.csv") if row["designated_by"] <= f"{year}-04-01"}:
        return "designated"
    if code in {row["government_code"] for row in read("core_cities.csv")
                if (row["core_from"] or row["core_by"]) <= f"{year}-04-01"}:
        return "core"
    return {"市": "city_other", "町": "town", "村": "village"}[name[-1]]



@cache
def latest_cards() -> dict[str, dict[str, str]]:
    """Population by government from the latest My Number Card file: municipalities by code (two codes printed <NA>
    are supplied by code_corrections.csv), prefectures by name."""
    corrected = {(row["prefecture_ja"], row["name_printed"]): row["government_code"] for row in read("code_corrections.csv")}
    by_code = {}
    for row in read("mynumber_card/20221231/all_localgovs.csv"):
        code = row["団体コード"].zfill(6) if row["団体コード"] != "<NA>" else corrected[(row["都道府県名"], row["市区町村名"])]
        by_code[code] = row
    names = {row["pref"]: row["lgcode"].zfill(6) for row in prefectures()}
    by_code.update({names[row["都道府県名"]]: row for row in read("mynumber_card/20221231/all_prefectures.csv")})
    return by_code


def iso(slashed: str) -> str:
    return slashed.replace("/", "-")


@cache
def expected_governments() -> list[dict]:
    names_en = {row["government_code"]: row["name_en"] for row in read("names_en.csv")}
    names_en.update({row["government_code"]: row["corrected"] for row in read("name_en_corrections.csv")})
    rows = []
    for pref in prefectures():
        code = pref["lgcode"].zfill(6)
        rows.append(dict(government_code=code, name_ja=pref["pref"], name_kana=pref["prefkana"], name_en=pref["pref_en"],
                         prefecture_code=code[:2], prefecture_government_code=code, entity_type="pref",
                         lat=float(pref["lat"]), lng=float(pref["lng"])))
    pref_codes = {code[:2]: code for code in PREFECTURE_CODES}
    for muni in municipalities():
        code = muni["lgcode"]
        rows.append(dict(government_code=code, name_ja=muni["city"], name_kana=muni["citykana"], name_en=names_en[code],
                         prefecture_code=code[:2], prefecture_government_code=pref_codes[code[:2]],
                         entity_type=type_in(code, muni["city"], 2024), lat=float(muni["lat"]), lng=float(muni["lng"])))
    for row in rows:
        card = latest_cards()[row["government_code"]]
        row.update(population=int(card["総数（人口）"]), population_as_of=iso(card["人口算出基準日"]))
    return sorted(rows, key=lambda row: row["government_code"])


def expected_governments_all() -> list[dict]:
    by_code = {row["government_code"]: row for row in expected_governments()}
    types = {row["entity_type"]: row for row in ENTITY_TYPES}
    return [dict(row, type_label_ja=types[row["entity_type"]]["label_ja"], type_label_en=types[row["entity_type"]]["label_en"],
                 type_order=int(types[row["entity_type"]]["sort_order"]),
                 prefecture_ja=by_code[row["prefecture_government_code"]]["name_ja"],
                 prefecture_en=by_code[row["prefecture_government_code"]]["name_en"])
            for row in expected_governments()]


def declared_bare_percent() -> set[tuple[str, int, int]]:
    """The cells printed as a bare 「%」 that reconciliation_exceptions.csv declares (file, row, column)."""
    return {(row["source_file"], int(row["source_row"]), int(row["source_column"]))
            for row in read("reconciliation_exceptions.csv") if row["printed"] == "%"}


def cell(printed: str, unit: str, where: tuple[str, int, int]) -> dict:
    """value, count and status of one printed cell."""
    if printed in ANSWERS:
        return dict(value=None, count=None, status=ANSWERS[printed])
    if printed == "%":
        assert where in declared_bare_percent(), f"an undeclared bare % at {where}"
        return dict(value=None, count=None, status="not_applicable")
    number = float(printed.removesuffix("%"))
    return dict(value=number, count=int(printed) if unit == "procedures" else None, status="reported")


# The card rate is one indicator over 47 files, the last row of indicators.csv: what the card files and the data
# contract fix about it (its label is the files' column header; it comes after every row of the Digital Agency table).
CARD_RATE = dict(indicator_code="mynumber_issued_rate", source_id="mynumber_card_issuance", level="all",
                 category_ja="マイナンバーカード交付状況", category_en="My Number Card issuance", label_ja="人口に対する交付枚数率",
                 label_en="My Number Card issuance rate (cards issued per population)", kind="pct", unit="pct",
                 as_of="", as_of_status="per_row")


@cache
def indicators() -> list[dict[str, str]]:
    """indicators.csv in screen order: the Digital Agency table's rows, then the card rate."""
    return sorted(read("indicators.csv"), key=lambda row: int(row["sort_order"]))


def wide_cells(indicator: dict[str, str]) -> list[dict]:
    """Every cell of an indicator's row of a Digital Agency wide CSV: column 3 is the first government by 団体コード."""
    table = lines(indicator["source_file"])
    governments = municipalities() if indicator["level"] == "muni" else prefectures()
    header, row = table[0], table[int(indicator["source_row"]) - 1]
    if len(header) == len(governments) + 3:  # a trailing comma on every line: an empty last column
        assert header[-1] == "" and all(line[-1] == "" for line in table)
    else:
        assert len(header) == len(governments) + 2
    cells = []
    for position, government in enumerate(governments):
        name = government["city"] if indicator["level"] == "muni" else government["pref"]
        assert header[position + 2] == name, "the columns are in 団体コード order"
        cells.append(dict(government_code=government["lgcode"].zfill(6), indicator_code=indicator["indicator_code"],
                          indicator_label_ja=row[1], as_of=blank(indicator["as_of"]), value_printed=row[position + 2],
                          unit=indicator["unit"], base_count=None, base_as_of=None, source_id=indicator["source_id"],
                          source_file=indicator["source_file"], source_row=int(indicator["source_row"]),
                          source_column=position + 3, **cell(row[position + 2], indicator["unit"],
                                 (indicator["source_file"], int(indicator["source_row"]), position + 3))))
    return cells


@cache
def card_rows(relative: str) -> dict[str, tuple[int, dict[str, str]]]:
    """A card file's municipality rows by 団体コード, with their line numbers (the header is line 1)."""
    return {row["団体コード"].zfill(6): (line, row) for line, row in enumerate(read(relative), start=2)}


def card_cells(indicator: dict[str, str], code: str) -> list[dict]:
    """One municipality's row of every My Number Card file (found by its 団体コード), oldest first."""
    cells = []
    for folder in sorted(path for path in (MUNICIPAL / "mynumber_card").iterdir() if path.is_dir()):
        relative = f"mynumber_card/{folder.name}/all_localgovs.csv"
        line, row = card_rows(relative)[code]
        cells.append(dict(government_code=code, indicator_code=indicator["indicator_code"], indicator_label_ja=indicator["label_ja"],
                          as_of=iso(row["算出基準日"]), value_printed=row["人口に対する交付枚数率"],
                          value=float(row["人口に対する交付枚数率"]), count=int(row["交付枚数"]), unit=indicator["unit"],
                          status="reported", base_count=int(row["総数（人口）"]), base_as_of=iso(row["人口算出基準日"]),
                          source_id=indicator["source_id"], source_file=relative, source_row=line, source_column=6))
    return cells


@cache
def wide_cells_by_government(indicator_code: str) -> dict[str, dict]:
    indicator = next(row for row in indicators() if row["indicator_code"] == indicator_code)
    return {row["government_code"]: row for row in wide_cells(indicator)}


def expected_profile(code: str) -> list[dict]:
    rows = []
    for indicator in indicators():
        if indicator["level"] == "pref":
            continue
        if indicator["source_id"] == "mynumber_card_issuance":
            cells = card_cells(indicator, code)
        else:
            cells = [wide_cells_by_government(indicator["indicator_code"])[code]]
        rows += [dict(row, category_ja=indicator["category_ja"], category_en=indicator["category_en"], indicator_label_en=blank(indicator["label_en"]),
                      kind=indicator["kind"], as_of_status=indicator["as_of_status"], sort_order=int(indicator["sort_order"]))
                 for row in cells]
    return project(rows, "indicator_code category_ja category_en indicator_label_ja indicator_label_en kind as_of as_of_status "
                         "value_printed value count unit status base_count base_as_of source_id source_file source_row "
                         "source_column sort_order")


MATRIX = dict(prefecture_code=ISHIKAWA, indicator_codes=["dx_muni_overall_policy", "online_rate_muni_01", "mynumber_issued_rate"],
              as_of="2022-12-31")


def expected_matrix() -> list[dict]:
    rows = []
    for government in [row for row in expected_governments()
                       if row["prefecture_code"] == MATRIX["prefecture_code"] and row["entity_type"] != "pref"]:
        for row in expected_profile(government["government_code"]):
            if row["indicator_code"] in MATRIX["indicator_codes"] and (
                    row["as_of_status"] != "per_row" or row["as_of"] == MATRIX["as_of"]):
                rows.append(dict(government, **row))
    # narrow: names and types come from the `governments` query
    return project(rows, "government_code indicator_code as_of value_printed value count unit status")


def expected_indicator_cells(code: str) -> list[dict]:
    indicator = next(row for row in indicators() if row["indicator_code"] == code)
    return project(sorted(wide_cells(indicator), key=lambda row: (row["as_of"] or "", row["government_code"])),
                   "government_code as_of value_printed value count unit status source_id")


def expected_indicators() -> list[dict]:
    integers = {"source_row", "sort_order"}
    return [{key: int(value) if key in integers and value else blank(value) for key, value in row.items()} for row in indicators()]


def expected_sources() -> list[dict]:
    sources = json.loads((MUNICIPAL / "SOURCES.json").read_text(encoding="utf-8"))["sources"]
    return project(sorted(sources, key=lambda source: source["source_id"]),
                   "source_id title_ja title_en attribution_ja attribution_en terms_ja terms_en")


def expected_types_by_year() -> list[dict]:
    governments = [(row["government_code"], row["name_ja"]) for row in expected_governments()]
    return [dict(government_code=code, fiscal_year=year, entity_type=type_in(code, name, year))
            for year in YEARS for code, name in governments]


LATER = dict(entity_type="core", indicator_code="mynumber_issued")


def expected_later_facts() -> list[dict]:
    rows = []
    for year in sorted({row["fiscal_year"] for row in facts(LATER["indicator_code"])}):
        peer = peer_group(next(row for row in ENTITY_TYPES if row["entity_type"] == LATER["entity_type"]),
                          LATER["indicator_code"], year)
        rows += [row for row in facts(LATER["indicator_code"])
                 if row["fiscal_year"] == year and row["group_code"] == peer and row["breakdown_code"] is None]
    return project(rows, "fiscal_year fiscal_year_label_ja fiscal_year_label_en as_of group_code group_label_ja group_label_en "
                         "value value_printed unit count count_unit source_ja source_line")


def expected_prefecture_distribution(indicator_code: str) -> list[dict]:
    """A prefecture row of the prefectures' online-rate CSV, cell by cell (no date: the file carries none)."""
    indicator = next(row for row in indicators() if row["indicator_code"] == indicator_code)
    assert indicator["level"] == "pref" and indicator["as_of"] == ""
    return project(wide_cells(indicator), "government_code as_of value_printed value status source_file source_row source_column")


# query → (sample parameters, the rows it must return)
CASES = {
    "governments": ({}, lambda: project(expected_governments(), "government_code name_ja name_kana name_en prefecture_code "
                                        "prefecture_government_code entity_type population population_as_of lat lng")),
    "governments_all": ({}, lambda: project(expected_governments_all(), "government_code name_ja name_kana name_en "
                                            "prefecture_code prefecture_government_code entity_type type_label_ja "
                                            "type_label_en type_order prefecture_ja prefecture_en population "
                                            "population_as_of lat lng")),
    "government_search_index": ({}, lambda: project(expected_governments_all(), "government_code name_ja name_kana name_en "
                                                    "prefecture_code entity_type prefecture_ja prefecture_en")),
    "government_types_by_year": ({}, expected_types_by_year),
    "government_indicators": ({}, None),  # compared in its own test below, with what the card files fix about the card rate
    "government_sources": ({}, expected_sources),
    "government_profile": ({"government_code": WAJIMA}, lambda: expected_profile(WAJIMA)),
    "government_indicator_cells": ({"indicator_code": "dx_muni_cio"}, lambda: expected_indicator_cells("dx_muni_cio")),
    "government_later_facts": (LATER, expected_later_facts),
    "prefecture_matrix": (MATRIX, expected_matrix),
    "prefecture_outlines": ({}, None),  # compared in its own test below, ring by ring with the decoded TopoJSON
    "government_distribution_prefectures": (dict(indicator_code="online_rate_pref_05", as_of=None),
                                            lambda: expected_prefecture_distribution("online_rate_pref_05")),
}


@pytest.mark.parametrize("name", sorted(name for name, (_, expected) in CASES.items() if expected is not None))
def test_government_query_returns_the_rows_the_sources_give(db, name):
    params, expected = CASES[name]
    rows, wanted = rows_of(run(db, name, params)), expected()
    assert wanted, f"the case for {name} must expect some rows"
    assert rows == wanted


def test_government_indicators_are_the_rows_of_indicators_csv_the_card_rate_last(db):
    rows = rows_of(run(db, "government_indicators", {}))
    assert rows == expected_indicators()
    card = rows[-1]
    assert {key: card[key] for key in CARD_RATE} == {key: blank(value) for key, value in CARD_RATE.items()}
    assert card["sort_order"] == len(rows) and card["as_of_evidence_ja"] and card["definition_ja"]
    headers = {tuple(lines(f"mynumber_card/{folder.name}/all_localgovs.csv")[0])
               for folder in (MUNICIPAL / "mynumber_card").iterdir() if folder.is_dir()}
    assert [header[5] for header in headers] == [CARD_RATE["label_ja"]], "the rate is column 6 of every card file"


def topojson_rings() -> dict[int, tuple[str, list[list[list[tuple[float, float]]]]]]:
    """Each prefecture's polygons, decoded here from the TopoJSON (delta-encoded quantized arcs; ~i is arc i reversed;
    each next arc of a ring repeats the previous one's last point): id → (nam_ja, polygons → rings → points)."""
    topology = json.loads((MUNICIPAL / "geo" / "japan.topojson").read_text(encoding="utf-8"))
    (scale_x, scale_y), (shift_x, shift_y) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = [list(zip(accumulate(x for x, _ in arc), accumulate(y for _, y in arc))) for arc in topology["arcs"]]

    def ring(indexes: list[int]) -> list[tuple[float, float]]:
        points = []
        for index in indexes:
            arc = arcs[index] if index >= 0 else arcs[~index][::-1]
            points += arc if not points else arc[1:]
        return [(shift_x + x * scale_x, shift_y + y * scale_y) for x, y in points]

    outlines = {}
    for geometry in topology["objects"]["japan"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        outlines[geometry["properties"]["id"]] = (geometry["properties"]["nam_ja"],
                                                  [[ring(indexes) for indexes in polygon] for polygon in polygons])
    return outlines


def test_prefecture_outlines_are_the_47_prefectures_of_the_topojson_with_its_rings(db):
    rows = rows_of(run(db, "prefecture_outlines", {}))
    assert [row["prefecture_code"] for row in rows] == [f"{number:02d}" for number in range(1, 48)]
    names = {row["lgcode"].zfill(6): row["pref"] for row in prefectures()}
    source = topojson_rings()
    assert sorted(source) == list(range(1, 48))
    for row in rows:
        feature = json.loads(row["geojson"])
        code = next(code for code in names if code[:2] == row["prefecture_code"])
        name, polygons = source[int(row["prefecture_code"])]
        assert feature["type"] == "Feature" and feature["id"] == code
        assert feature["properties"] == dict(government_code=code, prefecture_code=row["prefecture_code"], name_ja=name)
        assert name == names[code], "the outline's name is the list's name of the prefecture with that number"
        assert feature["geometry"]["type"] == "MultiPolygon"
        built = feature["geometry"]["coordinates"]
        assert [len(polygon) for polygon in built] == [len(polygon) for polygon in polygons], f"rings of {name}"
        for built_polygon, polygon in zip(built, polygons):
            for built_ring, ring in zip(built_polygon, polygon):
                assert len(built_ring) == len(ring) >= 4 and built_ring[0] == built_ring[-1]
                assert all(abs(bx - x) < 1e-6 and abs(by - y) < 1e-6 for (bx, by), (x, y) in zip(built_ring, ring)), name


@pytest.mark.parametrize("code", [HAKODATE, WAJIMA])
def test_government_profile_of_a_core_city_and_of_a_city_with_unsurveyed_answers(db, code):
    rows = rows_of(run(db, "government_profile", {"government_code": code}))
    assert rows == expected_profile(code)
    statuses = {row["status"] for row in rows if row["indicator_code"].startswith("dx_muni_")}
    assert ("not_surveyed" in statuses) == (code == WAJIMA), "輪島市 was not asked the 推進体制 questions; 函館市 was"
