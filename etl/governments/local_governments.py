"""The 1,788 governments (47 prefectures, 1,741 municipalities): codes, names, location, type per fiscal year, groups."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from common.government_code import check_digit
from etl.checks import Failure
from etl.governments.outcome import SOURCE_ROOT, Outcome, limited, where
from etl.sources import SourceError, read_reference_csv

MUNICIPALITIES = "local_governments/localgovjp-utf8.csv"
PREFECTURES = "local_governments/prefjp-utf8.csv"
MUNICIPALITY_COLUMNS = ["pid", "pref", "cid", "city", "citykana", "lat", "lng", "url", "phrase", "lgcode"]
PREFECTURE_COLUMNS = ["pid", "pref", "prefkana", "prefshort", "prefshortkana", "pref_en", "pref3code", "url", "lgcode",
                      "ISO3166-2", "capital", "lat", "lng"]
FISCAL_YEARS = range(2020, 2025)
NAMES_EN, CORRECTIONS = "names_en.csv", "name_en_corrections.csv"
SPECIAL_WARDS = ("131016", "131237")  # 東京都の特別区: 千代田区 … 江戸川区
SUFFIX_TYPES = {"市": "city_other", "町": "town", "村": "village"}
# The kana of the suffix tells how 町 and 村 are read (まち / ちょう, むら / そん).
SUFFIX_KANA = {"市": ("し",), "区": ("く",), "町": ("ちょう", "まち"), "村": ("むら", "そん")}


def read_source_csv(data_dir: Path, name: str, columns: list[str]) -> pd.DataFrame:
    """A source CSV as text cells, exactly as in the file, with its line numbers (header = 1)."""
    path = data_dir / SOURCE_ROOT / name
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError) as error:
        raise SourceError(f"{where(name)}: cannot read: {error}") from error
    if list(frame.columns) != columns:
        raise SourceError(f"{where(name, 1)}: header must be {','.join(columns)}, found {','.join(frame.columns)}")
    return frame.assign(source_row=range(2, len(frame) + 2))


def code_failures(codes: pd.Series, rows: pd.Series, file: str, column: int) -> list[Failure]:
    """団体コード: six digits, prefecture 01–47, a valid check digit, each listed once."""
    failures = []
    for code, row in zip(codes, rows):
        if not (len(code) == 6 and code.isdigit() and 1 <= int(code[:2]) <= 47):
            failures.append(Failure("government_codes", where(file, row, column, "団体コード"), f"{code!r} is not a 6-digit 団体コード"))
        elif check_digit(code[:5]) != int(code[5]):
            failures.append(Failure("government_codes", where(file, row, column, "団体コード"),
                                    f"団体コード {code} has a wrong check digit (should end in {check_digit(code[:5])}) / 検査数字が正しくありません"))
    repeated = codes[codes.duplicated(keep=False)]
    for code, group in rows[repeated.index].groupby(repeated.values):
        failures.append(Failure("government_codes", where(file, int(group.iloc[-1]), column, "団体コード"),
                                f"団体コード {code} is listed twice (rows {', '.join(map(str, group))}) / 同じ団体が2回あります"))
    return failures


def run(data_dir: Path, reference_sizes: dict[tuple[str, int], int], entity_groups: dict[str, list[str]]) -> Outcome:
    """Load both lists, check codes and names, derive each government's type per fiscal year and its 別紙1 groups."""
    outcome = Outcome()
    listed = read_source_csv(data_dir, MUNICIPALITIES, MUNICIPALITY_COLUMNS)
    munis = listed[~listed.city.str.contains(" ")].copy()  # wards of designated cities are named 「札幌市 中央区」: left out
    prefs = read_source_csv(data_dir, PREFECTURES, PREFECTURE_COLUMNS)
    prefs["code"] = prefs.lgcode.str.zfill(6)  # the prefecture list drops the leading zero (10006 = 北海道)
    outcome.check("government_codes", MUNICIPALITIES, len(munis),
                  limited(code_failures(munis.lgcode, munis.source_row, MUNICIPALITIES, 10)))
    outcome.check("government_codes", PREFECTURES, len(prefs),
                  limited(code_failures(prefs.code, prefs.source_row, PREFECTURES, 9)))
    outcome.check("government_counts", MUNICIPALITIES, len(munis) + len(prefs), [
        Failure("government_counts", where(name), f"{found} {what} listed, 別紙1's census for 2024 has {expected}")
        for name, found, what, expected in ((MUNICIPALITIES, len(munis), "municipalities", reference_sizes[("muni", 2024)]),
                                            (PREFECTURES, len(prefs), "prefectures", reference_sizes[("pref", 2024)]))
        if found != expected])
    outcome.check("name_suffix_and_kana", MUNICIPALITIES, len(munis), limited([
        Failure("name_suffix_and_kana", where(MUNICIPALITIES, row, 5, "citykana"),
                f"{name} ({code}): the kana {kana!r} does not end with the reading of its suffix 「{name[-1]}」")
        for name, kana, code, row in zip(munis.city, munis.citykana, munis.lgcode, munis.source_row)
        if not kana.endswith(SUFFIX_KANA.get(name[-1], ("\0",)))]))
    if outcome.failures:
        return outcome  # types, names and groups need a sound list
    governments = pd.concat([
        pd.DataFrame(dict(government_code=prefs.code, name_ja=prefs.pref, name_kana=prefs.prefkana, name_en=prefs.pref_en,
                          prefecture_code=prefs.code.str[:2], lat=prefs.lat.astype(float), lng=prefs.lng.astype(float),
                          source_row=prefs.source_row, source_file=PREFECTURES)),
        pd.DataFrame(dict(government_code=munis.lgcode, name_ja=munis.city, name_kana=munis.citykana, name_en=None,
                          prefecture_code=munis.lgcode.str[:2], lat=munis.lat.astype(float), lng=munis.lng.astype(float),
                          source_row=munis.source_row, source_file=MUNICIPALITIES)),
    ]).sort_values("government_code", ignore_index=True)
    governments["prefecture_government_code"] = governments.prefecture_code.map(dict(zip(prefs.code.str[:2], prefs.code)))
    names_en, found = english_names(data_dir, governments)
    outcome.check("english_names", NAMES_EN, len(names_en), limited(found))
    governments["name_en"] = governments.name_en.fillna(governments.government_code.map(names_en))
    types = government_types(data_dir, governments)
    outcome.check("type_counts_match_census", "government_types", len(types), type_count_failures(types, reference_sizes))
    outcome.frames["governments"] = governments.assign(
        entity_type=governments.government_code.map(types[types.fiscal_year == max(FISCAL_YEARS)]
                                                     .set_index("government_code").entity_type))
    outcome.frames["government_types"] = types
    outcome.frames["government_groups"] = (types.assign(group_code=types.entity_type.map(entity_groups)).explode("group_code")
                                           [["government_code", "fiscal_year", "group_code"]].reset_index(drop=True))
    return outcome


def english_names(data_dir: Path, governments: pd.DataFrame) -> tuple[pd.Series, list[Failure]]:
    """Romanised names (generated by etl.governments.romanise) with the declared corrections applied."""
    generated = pd.DataFrame(read_reference_csv(data_dir / SOURCE_ROOT / NAMES_EN))
    corrections = pd.DataFrame(read_reference_csv(data_dir / SOURCE_ROOT / CORRECTIONS))
    kana = dict(zip(governments.government_code, governments.name_kana))
    munis = governments[governments.government_code.str[2:5] != "000"]
    failures = [Failure("english_names", where(NAMES_EN), f"{code} has no English name: run python -m etl.governments.romanise")
                for code in sorted(set(munis.government_code) - set(generated.government_code))]
    failures += [Failure("english_names", where(NAMES_EN, row + 2, 3, "name_kana"),
                         f"{code}: generated from kana {old!r}, the list now has {kana.get(code)!r}: run python -m etl.governments.romanise")
                 for row, (code, old) in enumerate(zip(generated.government_code, generated.name_kana)) if kana.get(code) != old]
    names = dict(zip(generated.government_code, generated.name_en))
    for row, fix in enumerate(corrections.itertuples(), start=2):
        if names.get(fix.government_code) != fix.generated:
            failures.append(Failure("english_names", where(CORRECTIONS, row, 3, "generated"),
                                    f"the correction expects {fix.generated!r} but {names.get(fix.government_code)!r} was generated: "
                                    "the correction is stale"))
        names[fix.government_code] = fix.corrected
    return pd.Series(names), failures


def government_types(data_dir: Path, governments: pd.DataFrame) -> pd.DataFrame:
    """Type per fiscal year as of 1 April: 都道府県, 特別区, 指定都市, 中核市 (by its date), else 市・町・村 by the name."""
    designated = pd.DataFrame(read_reference_csv(data_dir / SOURCE_ROOT / "designated_cities.csv"))
    core = pd.DataFrame(read_reference_csv(data_dir / SOURCE_ROOT / "core_cities.csv"))
    core_since = dict(zip(core.government_code, core.core_from.where(core.core_from != "", core.core_by)))
    unknown = sorted((set(core.government_code) | set(designated.government_code)) - set(governments.government_code))
    if unknown:
        raise SourceError(f"data/{SOURCE_ROOT}/core_cities.csv or designated_cities.csv: codes {unknown} are not in the list")
    frames = []
    code, name = governments.government_code, governments.name_ja
    for year in FISCAL_YEARS:
        april = f"{year}-04-01"
        kind = name.str[-1].map(SUFFIX_TYPES)
        kind = kind.mask(code.map(core_since).le(april).fillna(False).astype(bool), "core")
        kind = kind.mask(code.isin(set(designated.government_code[designated.designated_by <= april])), "designated")
        kind = kind.mask(code.between(*SPECIAL_WARDS), "ward").mask(code.str[2:5] == "000", "pref")
        frames.append(pd.DataFrame(dict(government_code=code, fiscal_year=year, entity_type=kind)))
    types = pd.concat(frames, ignore_index=True)
    untyped = types[types.entity_type.isna()]
    if len(untyped):
        raise SourceError(f"{where(MUNICIPALITIES)}: cannot tell the type of {', '.join(untyped.government_code.unique()[:5])}")
    return types


def type_count_failures(types: pd.DataFrame, sizes: dict[tuple[str, int], int]) -> list[Failure]:
    """Per fiscal year, the number of each type equals the census of the 別紙1 group made of it (group_sizes.csv)."""
    composition = {"pref": ["pref"], "ward": ["ward"], "designated": ["designated"], "core": ["core"],
                   "city": ["core", "city_other"], "town_village": ["town", "village"]}
    counts = types.groupby(["fiscal_year", "entity_type"]).size()
    failures = []
    for year in FISCAL_YEARS:
        for group, kinds in composition.items():
            found = int(sum(counts.get((year, kind), 0) for kind in kinds))
            expected = sizes.get((group, year))
            if expected is not None and found != expected:
                failures.append(Failure("type_counts_match_census", f"government_types fiscal_year={year} group={group}",
                                        f"{found} governments of this type, data/group_sizes.csv has {expected}"))
    return failures
