"""Parse the CSV a municipality uploads with its own DX status: its header, rows and values, against the vocabulary
read from the database. Pure Python (no Streamlit). ``parse_upload`` collects every problem it can find before raising
``UploadError``; row numbers are spreadsheet row numbers (the header is row 1).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from benchmark.upload_file import (MAX_PROBLEMS, MAX_TEXT_CHARS, Problem, UploadError, clip, collect_rows, decode,
                                   file_problem, match_key, not_csv_single_column, read_records)
from benchmark.vocabulary import ItemSpec, MunicipalityEntry, Vocabulary
from common.csv_export import FORMULA_PREFIXES
from common.government_code import MunicipalityCodeError, is_prefecture_code, normalise_municipality_code
from common.texts import LANGUAGES, text

# field: (header_ja, header_en)
FIXED_COLUMNS = {
    "municipality_code": ("団体コード", "Municipality code"),
    "municipality_name": ("団体名", "Municipality name"),
    "entity_type": ("団体区分", "Entity type"),
}
_YES_WORDS = ("1", "yes", "y", "true", "はい", "○", "〇", "◯", "済")
_NO_WORDS = ("0", "no", "n", "false", "いいえ", "×", "✕", "☓", "未")
# After a leading apostrophe, these mean the apostrophe was our formula guard.
_ESCAPED_AFTER_QUOTE = FORMULA_PREFIXES | {"'"}
# Exponents are allowed because Excel's General format writes 0.00001 as 1E-05.
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:e[+-]?[0-9]+)?")


# The template's example row, in either language, by its name: left in a filled-in template, it is skipped, not read
# as a municipality.
_EXAMPLE_NAMES = frozenset(match_key(text("template_example_name", lang)) for lang in LANGUAGES)


@dataclass(frozen=True)
class Upload:
    """An accepted upload: its entries, and the rows it skipped (the template's example row) with why."""

    entries: list[MunicipalityEntry]
    skipped: list[Problem]


def parse_upload(
    data: bytes, vocabulary: Vocabulary, *, multiple: bool, filename: str = ""
) -> list[MunicipalityEntry]:
    """Parse an uploaded CSV into entries or raise ``UploadError`` (see ``read_upload``)."""
    return read_upload(data, vocabulary, multiple=multiple, filename=filename).entries


def read_upload(data: bytes, vocabulary: Vocabulary, *, multiple: bool, filename: str = "") -> Upload:
    """Parse an uploaded CSV into entries or raise ``UploadError``.

    ``multiple=False`` expects exactly one data row (one municipality);
    ``multiple=True`` allows up to ``MAX_ROWS`` (e.g. a prefecture's upload).
    ``filename`` only makes file-level messages more specific.
    """
    data = bytes(data)
    columns = _column_index(vocabulary.items)
    text = decode(data, filename)
    records = read_records(text, filename)
    header_row, header = next(records, (0, []))
    if not any(cell.strip() for cell in header):
        raise UploadError([file_problem("file_empty", filename, "にはデータがありません", "contains no data")])
    if len(header) < 2:
        raise UploadError([not_csv_single_column(header[0], filename)])

    problems: list[Problem] = []
    fields = _map_header(header, header_row, columns, multiple, problems)
    skipped: list[Problem] = []
    rows, count_problem = collect_rows(_without_examples(records, fields.get("municipality_name"), skipped),
                                       multiple, filename)
    if count_problem:
        raise UploadError([*problems, *skipped, count_problem])
    _check_unnamed_columns(header, rows, problems)
    entries: list[MunicipalityEntry] = []
    seen = _Seen()
    for row_number, cells in rows:
        if len(problems) >= MAX_PROBLEMS:
            problems.append(Problem(
                row_number, None, "too_many_problems",
                f"{row_number}行目以降: 問題が{MAX_PROBLEMS}件を超えたため、確認していません",
                f"Row {row_number} on: not checked, as more than {MAX_PROBLEMS} problems were found",
            ))
            break
        row = _Row(row_number, cells, header, fields, problems)
        entry = _parse_row(row, vocabulary, multiple)
        if entry is not None:
            _check_duplicate(entry, row, seen)
            entries.append(entry)
    if problems:
        raise UploadError(problems)
    return Upload(entries, skipped)


def _without_examples(records, name_position: int | None, skipped: list[Problem]):
    """The records, less the template's example row (recorded in `skipped`)."""
    for row_number, cells in records:
        name = cells[name_position] if name_position is not None and name_position < len(cells) else ""
        if len(name) <= MAX_TEXT_CHARS and match_key(name) in _EXAMPLE_NAMES:
            skipped.append(Problem(
                row_number, None, "example_row_skipped",
                f"{row_number}行目の「{name.strip()}」はテンプレートの記入例のため、読み込みませんでした",
                f"Row {row_number}: “{name.strip()}” is the template's example and was not read",
            ))
            continue
        yield row_number, cells


def _check_unnamed_columns(
    header: list[str], rows: list[tuple[int, list[str]]], problems: list[Problem]
) -> None:
    """A column without a header is fine while empty (Excel leaves those behind)."""
    for position, raw in enumerate(header):
        if raw.strip():
            continue
        for row_number, cells in rows:
            if position < len(cells) and cells[position].strip():
                shown = clip(cells[position].strip())
                problems.append(Problem(
                    row_number, "", "unnamed_column",
                    f"{row_number}行目: 見出しのない{position + 1}列目に値「{shown}」があります",
                    f"Row {row_number}: column {position + 1} has no header but holds “{shown}”",
                ))
                break


def _column_index(items: tuple[ItemSpec, ...]) -> dict[str, str]:
    """Map each normalised header alias to its field (fixed column or item_code)."""
    index: dict[str, str] = {}
    aliases = [(name, (name, *headers)) for name, headers in FIXED_COLUMNS.items()]
    aliases += [(i.item_code, (i.item_code, i.label_ja, i.label_en)) for i in items]
    for target, names in aliases:
        for name in names:
            key = match_key(name)
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
        target = columns.get(match_key(raw))
        if target is None:
            problems.append(Problem(
                header_row, raw, "unknown_column",
                f"{header_row}行目: 列「{clip(raw)}」は不明な列です（団体コード・団体名・団体区分と指標の列だけが使えます）",
                f"Row {header_row}: unknown column “{clip(raw)}” (only municipality code, name, "
                "entity type and indicator columns are allowed)",
            ))
        elif target in fields:
            duplicated.add(target)
            first = header[fields[target]]
            problems.append(Problem(
                header_row, raw, "duplicate_column",
                f"{header_row}行目: 列「{clip(raw)}」は列「{clip(first)}」と同じ項目です（重複しています）",
                f"Row {header_row}: column “{clip(raw)}” duplicates column “{clip(first)}”",
            ))
        else:
            fields[target] = position
    required = ["entity_type"] + (["municipality_name"] if multiple else [])
    for name in required:
        if name not in fields:
            ja, en = FIXED_COLUMNS[name]
            problems.append(Problem(
                header_row, None, "missing_column",
                f"{header_row}行目: 列「{ja}」（{name}）がありません",
                f"Row {header_row}: the column “{en}” ({name}) is missing",
            ))
    if not set(fields) - set(FIXED_COLUMNS):
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
        where_ja = f"{self.number}行目の列「{clip(column)}」: " if column is not None else f"{self.number}行目: "
        where_en = f"Row {self.number}, column “{clip(column)}”: " if column is not None else f"Row {self.number}: "
        self.problems.append(Problem(self.number, column, code, where_ja + ja, where_en + en))


def _parse_row(row: _Row, vocabulary: Vocabulary, multiple: bool) -> MunicipalityEntry | None:
    if _too_long(row):
        return None
    before = len(row.problems)
    extra = [c for c in row.cells[len(row.header):] if c.strip()]
    if extra:
        row.report(None, "extra_cells", f"見出しのない位置に値「{clip(extra[0])}」があります",
                   f"value “{clip(extra[0])}” is beyond the last named column")
    code = _read_code(row)
    name = _read_name(row, multiple)
    entity_type = _read_entity_type(row, code, vocabulary.entity_types)
    answers = _read_answers(row, vocabulary)
    if len(row.problems) > before:
        # Report this row's problems left to right, as the user reads the row.
        position = {row.header[pos]: pos for pos in row.fields.values()}
        row.problems[before:] = sorted(row.problems[before:], key=lambda p: position.get(p.column, len(row.header)))
        return None
    return MunicipalityEntry(code, name, entity_type, answers)


def _too_long(row: _Row) -> bool:
    """Refuse, by row and column, any cell longer than a real value can be; nothing else in the row is read."""
    found = False
    for field_name, position in sorted(row.fields.items(), key=lambda pair: pair[1]):
        value = row.cells[position] if position < len(row.cells) else ""
        if len(value.strip()) <= MAX_TEXT_CHARS:
            continue
        found = True
        if field_name == "municipality_name":
            row.report(row.header[position], "name_too_long",
                       f"団体名が長すぎます（{len(value.strip()):,}文字。上限は{MAX_TEXT_CHARS}文字で、どの団体名よりも長い長さです）",
                       f"the municipality name is too long ({len(value.strip()):,} characters; the limit is "
                       f"{MAX_TEXT_CHARS}, longer than any real government's name)")
        else:
            row.report(row.header[position], "value_too_long",
                       f"値が長すぎます（{len(value.strip()):,}文字。上限は{MAX_TEXT_CHARS}文字）",
                       f"the value is too long ({len(value.strip()):,} characters; the limit is {MAX_TEXT_CHARS})")
    return found


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


def _read_entity_type(row: _Row, code: str | None, entity_types: dict[str, tuple[str, str]]) -> str:
    column, raw = row.cell("entity_type")
    if column is None:
        return ""  # already reported as a missing column
    if not raw.strip():
        row.report(column, "missing_value", "団体区分が空です", "the entity type is empty")
        return ""
    entity_type = _lookup(raw, entity_types)
    if not entity_type:
        shown = clip(raw.strip())
        row.report(column, "unknown_entity_type",
                   f"団体区分「{shown}」は不明です（{'・'.join(ja for ja, _ in entity_types.values())}のいずれか）",
                   f"unknown entity type “{shown}” (one of: {', '.join(en for _, en in entity_types.values())})")
    elif code and (entity_type == "pref") != is_prefecture_code(code):
        label_ja, label_en = entity_types[entity_type]
        row.report(column, "type_code_mismatch",
                   f"団体コード「{code}」と団体区分「{label_ja}」が合いません（都道府県のコードは3〜5桁目が000です）",
                   f"municipality code “{code}” does not match entity type “{label_en}” "
                   "(prefecture codes have 000 in digits 3–5)")
    return entity_type


def _read_answers(row: _Row, vocabulary: Vocabulary) -> dict[str, bool | str | float]:
    answers: dict[str, bool | str | float] = {}
    for item in vocabulary.items:
        column, raw = row.cell(item.item_code)
        if not raw.strip():
            continue  # blank = unanswered
        try:
            answers[item.item_code] = _parse_value(item, raw, vocabulary.bands)
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
        label_ja, label_en = FIXED_COLUMNS[field_name][0], field_name.replace("_", " ")
        row.report(column, "duplicate_municipality", f"{label_ja}「{clip(value)}」が{first}行目と重複しています",
                   f"{label_en} “{clip(value)}” duplicates row {first}")


class _BadValue(Exception):
    def __init__(self, code: str, message_ja: str, message_en: str) -> None:
        super().__init__(message_en)
        self.code, self.message_ja, self.message_en = code, message_ja, message_en


def _parse_value(item: ItemSpec, raw: str, bands: dict[str, tuple[str, str]]) -> bool | str | float:
    shown = clip(raw.strip())
    key = match_key(raw)
    if item.kind == "yes_no":
        yes = {match_key(w) for w in (*_YES_WORDS, item.yes_label_ja, item.yes_label_en) if w}
        no = {match_key(w) for w in (*_NO_WORDS, item.no_label_ja, item.no_label_en) if w}
        if key in yes:
            return True
        if key in no:
            return False
        yes_ja, no_ja = item.yes_label_ja or "はい", item.no_label_ja or "いいえ"
        raise _BadValue("unknown_yes_no_value",
                        f"「{shown}」は読み取れません（{yes_ja}／{no_ja}、1／0、はい／いいえ、○／× など）",
                        f"cannot read “{shown}” (use yes/no, 1/0, true/false or the item's labels)")
    if item.kind == "band":
        band = _lookup(raw, bands)
        if band:
            return band
        raise _BadValue("unknown_band_value",
                        f"「{shown}」は選択肢にありません（{'、'.join(ja for ja, _ in bands.values())}）",
                        f"“{shown}” is not one of the choices ({', '.join(en for _, en in bands.values())})")
    number = key.removesuffix("%")
    if not _NUMBER.fullmatch(number):
        raise _BadValue("invalid_percent", f"「{shown}」は数値ではありません（0〜100の数値で入力してください）",
                        f"“{shown}” is not a number (enter a number from 0 to 100)")
    value = float(number)
    if not 0 <= value <= 100:
        raise _BadValue("percent_out_of_range", f"{shown} は0〜100の範囲外です", f"{shown} is outside 0–100")
    return value


def _lookup(raw: str, vocabulary: dict[str, tuple[str, str]]) -> str:
    """The code whose code or label (either language) `raw` names, or ""."""
    key = match_key(raw)
    for code, labels in vocabulary.items():
        if key in {match_key(code), *(match_key(label) for label in labels)}:
            return code
    return ""
