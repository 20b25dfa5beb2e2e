"""Parse (and write back) the CSV a municipality uploads with its own DX status.

Pure Python (no Streamlit). Every rejection is a ``Problem`` with a stable
``code`` and messages in Japanese and English; ``parse_upload`` collects all
the problems it can find before raising ``UploadError``. Row numbers are
spreadsheet row numbers (the header is row 1).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import pandas as pd

from common.csv_export import FORMULA_PREFIXES, dataframe_to_csv_bytes
from common.government_code import MunicipalityCodeError, is_prefecture_code, normalise_municipality_code

__all__ = [
    "BANDS",
    "ENTITY_TYPES",
    "KINDS",
    "MAX_BYTES",
    "MAX_ROWS",
    "ItemSpec",
    "MunicipalityEntry",
    "Problem",
    "UploadError",
    "entries_to_csv_bytes",
    "parse_upload",
    "template_csv_bytes",
]

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 5_000
_SHOW_MAX = 40
_SUMMARY_MAX = 5

KINDS = ("yes_no", "band", "percent")
# code: (label_ja, label_en); mirrors data/entity_types.csv (a test checks it).
ENTITY_TYPES: dict[str, tuple[str, str]] = {
    "pref": ("都道府県", "Prefecture"),
    "ward": ("特別区", "Special ward (Tokyo)"),
    "designated": ("指定都市", "Designated city"),
    "core": ("中核市", "Core city"),
    "city_other": ("その他の市", "Other city"),
    "town": ("町", "Town"),
    "village": ("村", "Village"),
}
# Telework staff share bands: code: (label_ja, label_en).
BANDS: dict[str, tuple[str, str]] = {
    "band_0_30": ("0%以上30%未満", "0% to under 30%"),
    "band_30_50": ("30%以上50%未満", "30% to under 50%"),
    "band_50_80": ("50%以上80%未満", "50% to under 80%"),
    "band_80_100": ("80%以上", "80% or more"),
    "unknown": ("不明", "Unknown"),
}
# field: (header_ja, header_en)
_FIXED_COLUMNS = {
    "municipality_code": ("団体コード", "Municipality code"),
    "municipality_name": ("団体名", "Municipality name"),
    "entity_type": ("団体区分", "Entity type"),
}
_YES_WORDS = ("1", "yes", "y", "true", "はい", "○", "〇", "◯", "済")
_NO_WORDS = ("0", "no", "n", "false", "いいえ", "×", "✕", "☓", "未")
_SIGNATURES = {
    b"PK\x03\x04": ("Excel（.xlsx）などのZIP形式", "an Excel (.xlsx) or other ZIP file"),
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": ("旧形式のExcel（.xls）", "an old-format Excel (.xls) file"),
    b"%PDF": ("PDF", "a PDF"),
}
# After a leading apostrophe, these mean the apostrophe was our formula guard.
_ESCAPED_AFTER_QUOTE = FORMULA_PREFIXES | {"'"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Exponents are allowed because Excel's General format writes 0.00001 as 1E-05.
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:e[+-]?[0-9]+)?")


@dataclass(frozen=True)
class ItemSpec:
    """One benchmarkable indicator (a row of data/benchmark_items.csv)."""

    item_code: str
    kind: str  # "yes_no" | "band" | "percent"
    label_ja: str
    label_en: str
    yes_label_ja: str = ""
    no_label_ja: str = ""
    yes_label_en: str = ""
    no_label_en: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise _bilingual_error(f"指標「{self.item_code}」の種類「{self.kind}」は不明です",
                                   f"ItemSpec {self.item_code!r}: unknown kind {self.kind!r}")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an upload; ``row``/``column`` are None at file level."""

    row: int | None
    column: str | None
    code: str
    message_ja: str
    message_en: str


class UploadError(ValueError):
    """The upload was rejected; ``problems`` holds everything found."""

    def __init__(self, problems: list[Problem]) -> None:
        if not problems:
            raise ValueError("UploadError needs at least one problem")
        self.problems = list(problems)
        rest = len(problems) - _SUMMARY_MAX
        shown = problems[:_SUMMARY_MAX]
        self.message_ja = "\n".join(p.message_ja for p in shown) + (
            f"\n（ほか{rest}件）" if rest > 0 else ""
        )
        self.message_en = "\n".join(p.message_en for p in shown) + (
            f"\n(and {rest} more)" if rest > 0 else ""
        )
        super().__init__(self.message_en)


@dataclass(frozen=True)
class MunicipalityEntry:
    """One uploaded municipality; ``answers`` holds only the answered items."""

    municipality_code: str | None
    municipality_name: str
    entity_type: str
    answers: dict[str, bool | str | float] = field(default_factory=dict)


# --- parsing -----------------------------------------------------------------


def parse_upload(
    data: bytes, items: list[ItemSpec], *, multiple: bool, filename: str = ""
) -> list[MunicipalityEntry]:
    """Parse an uploaded CSV into entries or raise ``UploadError``.

    ``multiple=False`` expects exactly one data row (one municipality);
    ``multiple=True`` allows up to ``MAX_ROWS`` (e.g. a prefecture's upload).
    ``filename`` only makes file-level messages more specific.
    """
    data = bytes(data)
    columns = _column_index(items)
    text = _decode(data, filename)
    records = _read_records(text, filename)
    header_row, header = next(records, (0, []))
    if not any(cell.strip() for cell in header):
        raise UploadError([_file_problem("file_empty", filename, "にはデータがありません", "contains no data")])
    if len(header) < 2:
        raise UploadError([_not_csv_single_column(header[0], filename)])

    problems: list[Problem] = []
    fields = _map_header(header, header_row, columns, multiple, problems)
    rows, count_problem = _collect_rows(records, multiple, filename)
    if count_problem:
        raise UploadError([*problems, count_problem])
    _check_unnamed_columns(header, rows, problems)
    entries: list[MunicipalityEntry] = []
    seen = _Seen()
    for row_number, cells in rows:
        row = _Row(row_number, cells, header, fields, problems)
        entry = _parse_row(row, items, multiple)
        if entry is not None:
            _check_duplicate(entry, row, seen)
            entries.append(entry)
    if problems:
        raise UploadError(problems)
    return entries


def _decode(data: bytes, filename: str) -> str:
    if not data:
        raise UploadError([_file_problem("file_empty", filename, "は空です", "is empty")])
    if len(data) > MAX_BYTES:
        raise UploadError([_file_problem(
            "file_too_large", filename,
            f"は大きすぎます（{len(data):,}バイト、上限は10 MB＝{MAX_BYTES:,}バイト）",
            f"is too large ({len(data):,} bytes; the limit is 10 MB = {MAX_BYTES:,} bytes)",
        )])
    for signature, (kind_ja, kind_en) in _SIGNATURES.items():
        if data.startswith(signature):
            raise UploadError([_file_problem(
                "not_csv", filename,
                f"はCSVではなく{kind_ja}のファイルです。Excelで「CSV UTF-8（コンマ区切り）」として保存し直してください",
                f"is not a CSV but {kind_en}. Save it from Excel as “CSV UTF-8 (Comma delimited)”",
            )])
    text = _try_decodings(data)
    if text is None:
        raise UploadError([_file_problem(
            "unreadable_encoding", filename,
            "の文字コードを読み取れません。UTF-8またはShift_JIS（cp932）で保存してください",
            "has an encoding we cannot read. Save it as UTF-8 or Shift_JIS (cp932)",
        )])
    control = _CONTROL.search(text)
    if control:
        raise UploadError([_file_problem(
            "not_csv", filename,
            f"には制御文字（U+{ord(control.group()):04X}）が含まれており、テキストのCSVではありません",
            f"contains a control character (U+{ord(control.group()):04X}), so it is not a text CSV",
        )])
    return text


def _try_decodings(data: bytes) -> str | None:
    boms = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
    for bom, codec in boms:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec)
            except UnicodeDecodeError:
                return None
    for codec in ("utf-8", "cp932"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return None


def _read_records(text: str, filename: str) -> Iterator[tuple[int, list[str]]]:
    """Yield (spreadsheet row number, cells) for each non-blank record."""
    reader = csv.reader(io.StringIO(text, newline=""))
    row_number = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            raise UploadError([_file_problem(
                "not_csv", filename,
                f"はCSVとして読めません（{row_number + 1}行目付近: {err}）",
                f"cannot be read as CSV (near row {row_number + 1}: {err})",
            )]) from None
        row_number += 1
        if any(cell.strip() for cell in cells):
            yield row_number, cells


def _collect_rows(
    records: Iterator[tuple[int, list[str]]], multiple: bool, filename: str
) -> tuple[list[tuple[int, list[str]]], Problem | None]:
    """Read the data rows, or return the problem with their number."""
    rows: list[tuple[int, list[str]]] = []
    for record in records:
        rows.append(record)
        if len(rows) > MAX_ROWS:
            return rows, _file_problem(
                "too_many_rows", filename,
                f"の行数が多すぎます（データ行の上限は{MAX_ROWS:,}行）",
                f"has too many rows (the limit is {MAX_ROWS:,} data rows)",
            )
    if not rows:
        return rows, _file_problem(
            "no_rows", filename, "には見出し行しかありません（データ行がありません）",
            "has a header row but no data rows",
        )
    if not multiple and len(rows) > 1:
        return rows, _file_problem(
            "multiple_rows", filename,
            f"にはデータ行が{len(rows)}行あります。1団体分（1行）だけにしてください",
            f"has {len(rows)} data rows; upload one municipality (one row) only",
        )
    return rows, None


def _check_unnamed_columns(
    header: list[str], rows: list[tuple[int, list[str]]], problems: list[Problem]
) -> None:
    """A column without a header is fine while empty (Excel leaves those behind)."""
    for position, raw in enumerate(header):
        if raw.strip():
            continue
        for row_number, cells in rows:
            if position < len(cells) and cells[position].strip():
                shown = _show(cells[position].strip())
                problems.append(Problem(
                    row_number, "", "unnamed_column",
                    f"{row_number}行目: 見出しのない{position + 1}列目に値「{shown}」があります",
                    f"Row {row_number}: column {position + 1} has no header but holds “{shown}”",
                ))
                break


def _column_index(items: list[ItemSpec]) -> dict[str, str]:
    """Map each normalised header alias to its field (fixed column or item_code)."""
    index: dict[str, str] = {}
    aliases = [(name, (name, *headers)) for name, headers in _FIXED_COLUMNS.items()]
    aliases += [(i.item_code, (i.item_code, i.label_ja, i.label_en)) for i in items]
    for target, names in aliases:
        for name in names:
            key = _key(name)
            if key and index.setdefault(key, target) != target:
                raise ValueError(f"header alias {name!r} is ambiguous ({index[key]!r}, {target!r})")
    return index


def _map_header(
    header: list[str], header_row: int, columns: dict[str, str], multiple: bool, problems: list[Problem]
) -> dict[str, int]:
    """Return field -> column position, recording header problems."""
    fields: dict[str, int] = {}
    duplicated: set[str] = set()
    for position, raw in enumerate(header):
        if not raw.strip():
            continue  # an unnamed column is only a problem if it holds values
        target = columns.get(_key(raw))
        if target is None:
            problems.append(Problem(
                header_row, raw, "unknown_column",
                f"{header_row}行目: 列「{_show(raw)}」は不明な列です（団体コード・団体名・団体区分と指標の列だけが使えます）",
                f"Row {header_row}: unknown column “{_show(raw)}” (only municipality code, name, "
                "entity type and indicator columns are allowed)",
            ))
        elif target in fields:
            duplicated.add(target)
            first = header[fields[target]]
            problems.append(Problem(
                header_row, raw, "duplicate_column",
                f"{header_row}行目: 列「{_show(raw)}」は列「{_show(first)}」と同じ項目です（重複しています）",
                f"Row {header_row}: column “{_show(raw)}” duplicates column “{_show(first)}”",
            ))
        else:
            fields[target] = position
    required = ["entity_type"] + (["municipality_name"] if multiple else [])
    for name in required:
        if name not in fields:
            ja, en = _FIXED_COLUMNS[name]
            problems.append(Problem(
                header_row, None, "missing_column",
                f"{header_row}行目: 列「{ja}」（{name}）がありません",
                f"Row {header_row}: the column “{en}” ({name}) is missing",
            ))
    if not set(fields) - set(_FIXED_COLUMNS):
        problems.append(Problem(
            header_row, None, "no_item_columns",
            f"{header_row}行目: 指標の列が1つもありません",
            f"Row {header_row}: there are no indicator columns",
        ))
    # A duplicated field is ambiguous, so its values are not read at all.
    return {name: pos for name, pos in fields.items() if name not in duplicated}


@dataclass
class _Row:
    """One data row being read, and where its problems go."""

    number: int
    cells: list[str]
    header: list[str]
    fields: dict[str, int]
    problems: list[Problem]

    def cell(self, name: str) -> tuple[str | None, str]:
        """(header as written, value) of a field; (None, "") if it has no column."""
        position = self.fields.get(name)
        if position is None:
            return None, ""
        return self.header[position], self.cells[position] if position < len(self.cells) else ""

    def report(self, column: str | None, code: str, ja: str, en: str) -> None:
        where_ja = f"{self.number}行目の列「{_show(column)}」: " if column is not None else f"{self.number}行目: "
        where_en = f"Row {self.number}, column “{_show(column)}”: " if column is not None else f"Row {self.number}: "
        self.problems.append(Problem(self.number, column, code, where_ja + ja, where_en + en))


def _parse_row(row: _Row, items: list[ItemSpec], multiple: bool) -> MunicipalityEntry | None:
    before = len(row.problems)
    extra = [c for c in row.cells[len(row.header):] if c.strip()]
    if extra:
        row.report(None, "extra_cells", f"見出しのない位置に値「{_show(extra[0])}」があります",
                   f"value “{_show(extra[0])}” is beyond the last named column")
    code = _read_code(row)
    name = _read_name(row, multiple)
    entity_type = _read_entity_type(row, code)
    answers = _read_answers(row, items)
    if len(row.problems) > before:
        # Report this row's problems left to right, as the user reads the row.
        position = {row.header[pos]: pos for pos in row.fields.values()}
        row.problems[before:] = sorted(row.problems[before:], key=lambda p: position.get(p.column, len(row.header)))
        return None
    return MunicipalityEntry(code, name, entity_type, answers)


def _read_code(row: _Row) -> str | None:
    column, raw = row.cell("municipality_code")
    if not raw.strip():
        return None
    try:
        return normalise_municipality_code(raw)
    except MunicipalityCodeError as err:
        row.report(column, "code_" + err.reason, err.message_ja, err.message_en)
        return None


def _read_name(row: _Row, multiple: bool) -> str:
    column, name = row.cell("municipality_name")
    if not name.strip():
        if multiple and column is not None:
            row.report(column, "missing_value", "団体名が空です", "the municipality name is empty")
        return ""
    if name[:1] == "'" and name[1:2] in _ESCAPED_AFTER_QUOTE:
        return name[1:]  # undo the export's formula guard (see entries_to_csv_bytes)
    return name


def _read_entity_type(row: _Row, code: str | None) -> str:
    column, raw = row.cell("entity_type")
    if column is None:
        return ""  # already reported as a missing column
    if not raw.strip():
        row.report(column, "missing_value", "団体区分が空です", "the entity type is empty")
        return ""
    entity_type = _lookup_entity_type(raw)
    if not entity_type:
        shown = _show(raw.strip())
        row.report(column, "unknown_entity_type",
                   f"団体区分「{shown}」は不明です（{'・'.join(ja for ja, _ in ENTITY_TYPES.values())}のいずれか）",
                   f"unknown entity type “{shown}” (one of: {', '.join(en for _, en in ENTITY_TYPES.values())})")
    elif code and (entity_type == "pref") != is_prefecture_code(code):
        label_ja, label_en = ENTITY_TYPES[entity_type]
        row.report(column, "type_code_mismatch",
                   f"団体コード「{code}」と団体区分「{label_ja}」が合いません（都道府県のコードは3〜5桁目が000です）",
                   f"municipality code “{code}” does not match entity type “{label_en}” "
                   "(prefecture codes have 000 in digits 3–5)")
    return entity_type


def _read_answers(row: _Row, items: list[ItemSpec]) -> dict[str, bool | str | float]:
    answers: dict[str, bool | str | float] = {}
    for item in items:
        column, raw = row.cell(item.item_code)
        if not raw.strip():
            continue  # blank = unanswered
        try:
            answers[item.item_code] = _parse_value(item, raw)
        except _BadValue as bad:
            row.report(column, bad.code, bad.message_ja, bad.message_en)
    return answers


class _Seen:
    """Rows seen so far, by code and by name."""

    def __init__(self) -> None:
        self.by_code: dict[str, int] = {}
        self.by_name: dict[str, list[tuple[int, str | None]]] = {}


def _check_duplicate(entry: MunicipalityEntry, row: _Row, seen: _Seen) -> None:
    # Codes decide when both rows have one (names repeat across prefectures,
    # e.g. 府中市); otherwise the name is all we have.
    code, name = entry.municipality_code, entry.municipality_name.strip()
    duplicate: tuple[str, int, str] | None = None
    if code and code in seen.by_code:
        duplicate = ("municipality_code", seen.by_code[code], code)
    elif name:
        for first, first_code in seen.by_name.get(name, []):
            if not (code and first_code):
                duplicate = ("municipality_name", first, name)
                break
    if code:
        seen.by_code.setdefault(code, row.number)
    if name:
        seen.by_name.setdefault(name, []).append((row.number, code))
    if duplicate is not None:
        field_name, first, value = duplicate
        column, _ = row.cell(field_name)
        label_ja, label_en = _FIXED_COLUMNS[field_name][0], field_name.replace("_", " ")
        row.report(column, "duplicate_municipality", f"{label_ja}「{_show(value)}」が{first}行目と重複しています",
                   f"{label_en} “{_show(value)}” duplicates row {first}")


class _BadValue(Exception):
    def __init__(self, code: str, message_ja: str, message_en: str) -> None:
        super().__init__(message_en)
        self.code, self.message_ja, self.message_en = code, message_ja, message_en


def _parse_value(item: ItemSpec, raw: str) -> bool | str | float:
    shown = _show(raw.strip())
    key = _key(raw)
    if item.kind == "yes_no":
        yes = {_key(w) for w in (*_YES_WORDS, item.yes_label_ja, item.yes_label_en) if w}
        no = {_key(w) for w in (*_NO_WORDS, item.no_label_ja, item.no_label_en) if w}
        if key in yes:
            return True
        if key in no:
            return False
        yes_ja, no_ja = item.yes_label_ja or "はい", item.no_label_ja or "いいえ"
        raise _BadValue("unknown_yes_no_value",
                        f"「{shown}」は読み取れません（{yes_ja}／{no_ja}、1／0、はい／いいえ、○／× など）",
                        f"cannot read “{shown}” (use yes/no, 1/0, true/false or the item's labels)")
    if item.kind == "band":
        for code, labels in BANDS.items():
            if key in {_key(code), *(_key(label) for label in labels)}:
                return code
        raise _BadValue("unknown_band_value",
                        f"「{shown}」は選択肢にありません（{'、'.join(ja for ja, _ in BANDS.values())}）",
                        f"“{shown}” is not one of the choices ({', '.join(en for _, en in BANDS.values())})")
    number = key.removesuffix("%")
    if not _NUMBER.fullmatch(number):
        raise _BadValue("invalid_percent", f"「{shown}」は数値ではありません（0〜100の数値で入力してください）",
                        f"“{shown}” is not a number (enter a number from 0 to 100)")
    value = float(number)
    if not 0 <= value <= 100:
        raise _BadValue("percent_out_of_range", f"{shown} は0〜100の範囲外です", f"{shown} is outside 0–100")
    return value


def _lookup_entity_type(raw: str) -> str:
    key = _key(raw)
    for code, labels in ENTITY_TYPES.items():
        if key in {_key(code), *(_key(label) for label in labels)}:
            return code
    return ""


# --- writing -----------------------------------------------------------------


def entries_to_csv_bytes(
    entries: Iterable[MunicipalityEntry],
    items: list[ItemSpec],
    encoding: str = "utf-8-sig",
    language: str = "ja",
) -> bytes:
    """Write entries as an uploadable CSV (parse_upload reads it back exactly).

    Goes through ``dataframe_to_csv_bytes``, so formula-looking names are
    neutralised and unencodable characters raise rather than vanish.
    """
    if language not in ("ja", "en"):
        raise _bilingual_error(f"言語「{language}」には対応していません（ja または en）",
                               f"language must be 'ja' or 'en', not {language!r}")
    en = language == "en"
    header = [labels[en] for labels in _FIXED_COLUMNS.values()]
    header += [item.label_en if en else item.label_ja for item in items]
    known = {item.item_code for item in items}
    rows = []
    for entry in entries:
        unknown = sorted(set(entry.answers) - known)
        if unknown:
            raise _bilingual_error(f"指標一覧にない項目への回答があります: {unknown}",
                                   f"answers for items not in the item list: {unknown}")
        if entry.entity_type not in ENTITY_TYPES:
            raise _bilingual_error(f"団体区分「{entry.entity_type}」は不明です",
                                   f"unknown entity type {entry.entity_type!r}")
        name = entry.municipality_name
        if name.startswith("'"):
            name = "'" + name  # keeps a real leading apostrophe through parse_upload
        row: list[object] = [entry.municipality_code, name, ENTITY_TYPES[entry.entity_type][en]]
        row += [_format_answer(item, entry.answers.get(item.item_code), en) for item in items]
        rows.append(row)
    frame = pd.DataFrame(rows, columns=header, dtype=object)
    return dataframe_to_csv_bytes(frame, encoding=encoding)


def template_csv_bytes(items: list[ItemSpec], language: str = "ja", encoding: str = "utf-8-sig") -> bytes:
    """Header plus one example row (千代田区) that parse_upload accepts."""
    example_values: dict[str, bool | str | float] = {"yes_no": True, "band": "band_30_50", "percent": 50.0}
    entry = MunicipalityEntry(
        municipality_code="131016",
        municipality_name="Chiyoda (example)" if language == "en" else "千代田区（記入例）",
        entity_type="ward",
        answers={item.item_code: example_values[item.kind] for item in items},
    )
    return entries_to_csv_bytes([entry], items, encoding=encoding, language=language)


def _format_answer(item: ItemSpec, value: bool | str | float | None, en: bool) -> object:
    if value is None:
        return None
    if item.kind == "yes_no" and isinstance(value, bool):
        if en:
            return (item.yes_label_en or "Yes") if value else (item.no_label_en or "No")
        return (item.yes_label_ja or "はい") if value else (item.no_label_ja or "いいえ")
    if item.kind == "band" and isinstance(value, str) and value in BANDS:
        return BANDS[value][en]
    if item.kind == "percent" and isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 100:
        return float(value)
    raise _bilingual_error(f"項目「{item.item_code}」の値 {value!r} は書き出せません（{item.kind}）",
                           f"cannot write {value!r} for item {item.item_code!r} ({item.kind})")


# --- small helpers -------------------------------------------------------------


def _bilingual_error(ja: str, en: str) -> ValueError:
    """For programming errors (bad arguments), not for problems in an upload."""
    return ValueError(f"{en} / {ja}")


def _key(text: str) -> str:
    """Case-, width- and space-insensitive form used to match headers and values."""
    normalised = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\s\u200b\ufeff]+", "", normalised)


def _show(value: str | None) -> str:
    text = "" if value is None else value
    return text if len(text) <= _SHOW_MAX else text[:_SHOW_MAX] + "…"


def _file_problem(code: str, filename: str, ja: str, en: str) -> Problem:
    subject_ja = f"ファイル「{_show(filename)}」" if filename else "ファイル"
    subject_en = f"The file “{_show(filename)}”" if filename else "The file"
    return Problem(None, None, code, f"{subject_ja}{ja}。", f"{subject_en} {en}.")


def _not_csv_single_column(cell: str, filename: str) -> Problem:
    for sep, sep_ja, sep_en in ((";", "セミコロン（;）", "semicolons"), ("\t", "タブ", "tabs")):
        if sep in cell:
            return _file_problem(
                "not_csv", filename,
                f"は{sep_ja}区切りのようです。コンマ（,）区切りのCSVで保存してください",
                f"seems to be separated by {sep_en}; save it as comma-separated CSV",
            )
    return _file_problem(
        "not_csv", filename,
        "には列が1つしかありません。コンマ（,）区切りで、団体区分と指標の列を含むCSVにしてください",
        "has only one column; use a comma-separated CSV with the entity type and indicator columns",
    )
