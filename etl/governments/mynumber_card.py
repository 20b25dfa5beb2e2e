"""マイナンバーカード交付状況: cards, population and rate for every government at 47 dates, as published."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np
import pyarrow
import pyarrow.compute
import pyarrow.csv
import pandas as pd

from common.government_code import check_digit
from etl.checks import Failure
from etl.governments.exceptions import Exceptions
from etl.governments.outcome import SOURCE_ROOT, Outcome, limited, where
from etl.sources import SourceError, read_reference_csv

SOURCE_ID = "mynumber_card_issuance"
FOLDER = "mynumber_card"
INDICATOR = "mynumber_issued_rate"
MUNI_COLUMNS = ["算出基準日", "都道府県名", "市区町村名", "総数（人口）", "交付枚数", "人口に対する交付枚数率", "人口算出基準日",
                "交付件数基準日", "団体コード"]
PREF_COLUMNS = ["算出基準日", "都道府県名", "総数（人口）", "交付枚数", "人口に対する交付枚数率", "人口算出基準日", "交付枚数算出基準日"]
TYPE_COLUMNS = ["算出基準日", "区分", "人口", "交付枚数", "人口に対する交付枚数率", "人口算出基準日", "交付枚数算出基準日"]
RATE_COLUMN = 6  # 人口に対する交付枚数率 in all_localgovs.csv (in all_prefectures.csv it is column 5)
# The printed groups of summary_by_types.csv (their names changed over time) and the types of government they are made of.
TYPE_GROUPS = {"全国": "all", "特別区": "ward", "政令指定都市": "designated", "指定都市": "designated",
               "市（政令指定都市を除く）": "city", "市（指定都市を除く）": "city", "特別区・市（指定都市を除く）": "ward_city",
               "町村": "town_village"}
TYPE_CLASS = {"ward": "ward", "designated": "designated", "core": "city", "city_other": "city", "town": "town_village",
              "village": "town_village"}


def read_all(data_dir: Path, folders: list[str], file_name: str, columns: list[str]) -> pd.DataFrame:
    """One kind of file at every date, parsed in one pass (a pandas parse per file costs ~15 ms, 141 files), with the
    file and line of every row. Each file's header is checked; cells are kept as text, exactly as printed."""
    bodies, counts = [], []
    for folder in folders:
        name = f"{FOLDER}/{folder}/{file_name}"
        try:
            raw = (data_dir / SOURCE_ROOT / name).read_bytes().removeprefix(b"\xef\xbb\xbf")
            header, _, body = raw.partition(b"\n")
            found = next(csv.reader([header.decode("utf-8").rstrip("\r")]), [])
        except (OSError, UnicodeDecodeError) as error:
            raise SourceError(f"{where(name)}: cannot read: {error}") from error
        if found != columns:
            raise SourceError(f"{where(name, 1)}: header must be {','.join(columns)}, found {','.join(found)}")
        bodies.append(body)
        counts.append(body.count(b"\n"))
    try:
        table = pyarrow.csv.read_csv(io.BytesIO(b"".join(bodies)), read_options=pyarrow.csv.ReadOptions(column_names=columns),
                                     convert_options=pyarrow.csv.ConvertOptions(column_types={c: pyarrow.string() for c in columns}))
    except pyarrow.ArrowInvalid as error:
        raise SourceError(f"{where(f'{FOLDER}/*/{file_name}')}: cannot read: {error}") from error
    if table.num_rows != sum(counts):
        raise SourceError(f"{where(f'{FOLDER}/*/{file_name}')}: a cell spans lines; cannot place rows")
    frame = table.to_pandas()
    frame["folder"] = np.repeat(folders, counts).astype(object)
    frame["source_file"] = np.repeat([f"{FOLDER}/{folder}/{file_name}" for folder in folders], counts).astype(object)
    frame["source_row"] = np.concatenate([np.arange(2, n + 2) for n in counts])
    return frame



def run(data_dir: Path, governments: pd.DataFrame, municipality_types: pd.Series, exceptions: Exceptions) -> Outcome:
    """`municipality_types`: today's type by 団体コード, for the sums by type."""
    outcome = Outcome()
    folders = sorted(p.name for p in (data_dir / SOURCE_ROOT / FOLDER).iterdir() if p.is_dir())
    munis = read_all(data_dir, folders, "all_localgovs.csv", MUNI_COLUMNS)
    prefs = read_all(data_dir, folders, "all_prefectures.csv", PREF_COLUMNS)
    types = read_all(data_dir, folders, "summary_by_types.csv", TYPE_COLUMNS)
    dates = [(frame, wrong) for frame in (munis, prefs, types)
             for wrong in [frame["算出基準日"].str.replace("/", "").to_numpy() != frame.folder.to_numpy()] if wrong.any()]
    outcome.check("dates_agree_with_folder", FOLDER, len(munis) + len(prefs) + len(types), limited([
        Failure("dates_agree_with_folder", where(file, row, 1, "算出基準日"), f"{date!r} in folder {folder}")
        for frame, wrong in dates
        for file, row, date, folder in zip(frame.source_file[wrong], frame.source_row[wrong], frame["算出基準日"][wrong], frame.folder[wrong])]))
    munis["government_code"] = supply_codes(data_dir, munis, outcome)
    prefs["government_code"] = prefs["都道府県名"].map(dict(zip(governments.name_ja, governments.government_code)))
    check_codes(munis, prefs, governments, outcome)
    for frame, name in ((munis, "all_localgovs"), (prefs, "all_prefectures"), (types, "summary_by_types")):
        check_numbers(frame, name, outcome, exceptions)
    if outcome.failures:
        return outcome
    check_sums(munis, prefs, types, municipality_types, outcome, exceptions)
    facts = pd.concat([munis, prefs.assign(交付件数基準日=prefs["交付枚数算出基準日"])], ignore_index=True)
    outcome.frames["facts"] = pd.DataFrame(dict(
        government_code=facts.government_code, indicator_code=INDICATOR, indicator_label_ja="人口に対する交付枚数率",
        as_of=pd.to_datetime(facts["算出基準日"], format="%Y/%m/%d"), value_printed=facts["人口に対する交付枚数率"],
        value=facts.rate, count=facts.cards.astype("Int64"), unit="pct", status="reported", base_count=facts.population.astype("Int64"),
        base_as_of=pd.to_datetime(facts["人口算出基準日"], format="%Y/%m/%d"), source_id=SOURCE_ID,
        source_file=facts.source_file, source_row=facts.source_row,
        source_column=np.where(facts.source_file.str.endswith("all_localgovs.csv"), RATE_COLUMN, 5)))
    latest = facts[facts.folder == folders[-1]]
    outcome.frames["population"] = pd.DataFrame(dict(government_code=latest.government_code, population=latest.population.astype("Int64"),
                                                     population_as_of=pd.to_datetime(latest["人口算出基準日"], format="%Y/%m/%d").dt.date))
    return outcome


def supply_codes(data_dir: Path, munis: pd.DataFrame, outcome: Outcome) -> pd.Series:
    """Left-pad the code to 6 digits; where the file prints <NA>, the declared correction supplies it (names matched)."""
    codes = munis["団体コード"].where(munis["団体コード"] == "<NA>", munis["団体コード"].str.zfill(6))
    corrections = read_reference_csv(data_dir / SOURCE_ROOT / "code_corrections.csv")
    failures = []
    for number, fix in enumerate(corrections, start=2):
        hit = ((munis.folder >= fix["first_file"]) & (munis.folder <= fix["last_file"]) & (munis["都道府県名"] == fix["prefecture_ja"])
               & (munis["市区町村名"] == fix["name_printed"]) & (munis["団体コード"] == fix["code_printed"]))
        expected = sum(fix["first_file"] <= folder <= fix["last_file"] for folder in munis.folder.unique())
        if hit.sum() != expected:
            failures.append(Failure("declared_code_corrections", f"data/{SOURCE_ROOT}/code_corrections.csv row {number}",
                                    f"applies to {int(hit.sum())} rows, expected one in each of {expected} files: stale or wrong"))
        codes = codes.mask(hit, fix["government_code"])
    outcome.check("declared_code_corrections", "code_corrections.csv", len(corrections), failures)
    return codes


def check_codes(munis: pd.DataFrame, prefs: pd.DataFrame, governments: pd.DataFrame, outcome: Outcome) -> None:
    """Each file lists every municipality (or prefecture) once, with a known, valid 団体コード."""
    known = set(governments.government_code)
    failures = []
    for frame, column, count in ((munis, 9, 1741), (prefs, 2, 47)):
        codes = frame.government_code.astype(object)
        unknown = ~codes.isin(known).to_numpy()
        failures += [] if not unknown.any() else [Failure("codes_known_and_unique", where(file, row, column, "団体コード" if column == 9 else "都道府県名"),
                             f"{code if isinstance(code, str) else name!r} is not a government of the list" + bad_check_digit(code))
                     for file, row, code, name in zip(frame.source_file[unknown], frame.source_row[unknown], codes[unknown],
                                                      frame.iloc[:, 1 + (column == 9)][unknown])]
        repeated = frame.duplicated(["source_file", "government_code"]).to_numpy() & ~unknown
        failures += [] if not repeated.any() else [Failure("codes_known_and_unique", where(file, row, column, "団体コード"),
                             f"{code} is listed twice / 同じ団体が2回あります")
                     for file, row, code in zip(frame.source_file[repeated], frame.source_row[repeated], codes[repeated])]
        sizes = frame.groupby("source_file").government_code.nunique()
        failures += [Failure("codes_known_and_unique", where(file), f"{size} governments, expected {count}")
                     for file, size in sizes[sizes != count].items()]
    outcome.check("codes_known_and_unique", FOLDER, len(munis) + len(prefs), limited(failures))


def bad_check_digit(code) -> str:
    if isinstance(code, str) and len(code) == 6 and code.isdigit() and check_digit(code[:5]) != int(code[5]):
        return f": its check digit is wrong (should end in {check_digit(code[:5])}) / 検査数字が正しくありません"
    return ""


def check_numbers(frame: pd.DataFrame, name: str, outcome: Outcome, exceptions: Exceptions) -> None:
    """Population and cards are whole numbers; the rate is a number in 0–100 that cards ÷ population rounds to."""
    population_column = "人口" if name == "summary_by_types" else "総数（人口）"
    failures = []
    for column, target in ((population_column, "population"), ("交付枚数", "cards")):
        frame[target] = as_numbers(frame[column], pyarrow.int64())
        bad = frame[target].isna() | (frame[target] < 0) | (frame[target] % 1 != 0)
        if bad.any():
            failures += [Failure("numbers_are_well_formed", where(file, row, None, column), f"{text!r} is not a whole number")
                         for file, row, text in zip(frame.source_file[bad], frame.source_row[bad], frame[column][bad])]
    rate_text = frame["人口に対する交付枚数率"]
    frame["rate"] = as_numbers(rate_text, pyarrow.float64())
    bad = frame.rate.isna() | (rate_text.str.len() < 3) | (rate_text.str[-2:-1] != ".")  # printed with one decimal
    computed = frame.cards / frame.population * 100
    off = ~bad & ((frame.rate > 100) | ((computed - frame.rate).abs() > 0.05 + 1e-9))
    if off.any():
        off &= ~exceptions.excused("printed_rate_matches_counts", frame.source_file[off], frame.source_row[off], rate_text[off]).reindex(
            frame.index, fill_value=False)
    failures += [] if not (bad | off).any() else [Failure("numbers_are_well_formed", where(file, row, None, "人口に対する交付枚数率"),
                         f"{text!r} is not a rate with one decimal" if is_bad else f"{text}% is not {cards:,.0f} ÷ {population:,.0f} "
                         f"= {value:.3f}% rounded: declare it in data/municipal/reconciliation_exceptions.csv if the source really prints it")
                 for file, row, text, is_bad, cards, population, value in zip(
                     frame.source_file[bad | off], frame.source_row[bad | off], rate_text[bad | off], bad[bad | off],
                     frame.cards[bad | off], frame.population[bad | off], computed[bad | off])]
    outcome.check("numbers_are_well_formed", f"{FOLDER}/*/{name}.csv", len(frame) * 3, limited(failures))


def as_numbers(text: pd.Series, kind: pyarrow.DataType) -> pd.Series:
    """Arrow's cast when every cell is a number (the usual case, and 5× faster); else NaN where a cell is not one."""
    try:
        return pd.Series(pyarrow.compute.cast(pyarrow.array(text), kind).to_numpy(zero_copy_only=False), index=text.index)
    except (pyarrow.ArrowInvalid, pyarrow.ArrowTypeError):
        return pd.to_numeric(text, errors="coerce")


def check_sums(munis: pd.DataFrame, prefs: pd.DataFrame, types: pd.DataFrame, municipality_types: pd.Series, outcome: Outcome,
               exceptions: Exceptions) -> None:
    """At every date: Σ municipalities = their prefecture, Σ prefectures = 全国, Σ types = 全国, municipalities by type =
    the printed type rows."""
    failures = []
    by_pref = munis.groupby(["folder", munis.government_code.str[:2]])[["population", "cards"]].sum()
    pref_rows = prefs.set_index(["folder", prefs.government_code.str[:2]])
    difference = (by_pref - pref_rows[["population", "cards"]]).reindex(pref_rows.index)
    for (folder, pref), row in difference[(difference != 0).any(axis=1)].iterrows():
        printed = pref_rows.loc[(folder, pref)]
        failures.append(Failure("municipalities_sum_to_prefecture", where(printed.source_file, int(printed.source_row), None, printed["都道府県名"]),
                                f"the municipalities of {printed['都道府県名']} add up to {int(by_pref.loc[(folder, pref), 'population']):,} people and "
                                f"{int(by_pref.loc[(folder, pref), 'cards']):,} cards; the prefecture row prints {int(printed.population):,} and "
                                f"{int(printed.cards):,} / 市区町村の合計が都道府県の値と一致しません"))
    outcome.check("municipalities_sum_to_prefecture", FOLDER, len(munis), failures)
    national = types[types["区分"] == "全国"].set_index("folder")
    totals = {"prefectures_sum_to_national": prefs.groupby("folder")[["population", "cards"]].sum(),
              "types_sum_to_national": types[types["区分"] != "全国"].groupby("folder")[["population", "cards"]].sum()}
    for check, sums in totals.items():
        wrong = (sums.reindex(national.index) != national[["population", "cards"]]).any(axis=1)
        found = [Failure(check, where(national.source_file[folder], int(national.source_row[folder]), None, "全国"),
                         f"the parts add up to {int(sums.population[folder]):,} people and {int(sums.cards[folder]):,} cards; 全国 prints "
                         f"{int(national.population[folder]):,} and {int(national.cards[folder]):,}")
                 for folder in national.index[wrong.to_numpy()]]
        outcome.check(check, FOLDER, len(national), found)
    # sum by the finest printed class, then add up the combined group (特別区・市 = 特別区 + 市)
    by_class = munis.groupby(["folder", munis.government_code.map(municipality_types).map(TYPE_CLASS).rename("group")])[
        ["population", "cards"]].sum()
    ward_city = (by_class.xs("ward", level="group") + by_class.xs("city", level="group")).assign(group="ward_city")
    by_group = pd.concat([by_class, ward_city.set_index("group", append=True)])
    printed = types.assign(group=types["区分"].map(TYPE_GROUPS)).query("group != 'all'").set_index(["folder", "group"])
    differs = (by_group.reindex(printed.index)[["population", "cards"]] != printed[["population", "cards"]]).any(axis=1)
    differs &= ~exceptions.excused("municipalities_sum_to_types", printed.source_file, printed.source_row,
                                   printed["人口"] + "/" + printed["交付枚数"])
    mismatch = [Failure("municipalities_sum_to_types", where(row.source_file, int(row.source_row), None, row["区分"]),
                        f"municipalities of this type add up to {int(by_group.population[key]):,} people and {int(by_group.cards[key]):,} cards; "
                        f"the file prints {int(row.population):,} and {int(row.cards):,}")
                for key, row in printed[differs].iterrows()]
    outcome.check("municipalities_sum_to_types", FOLDER, len(printed), mismatch)
