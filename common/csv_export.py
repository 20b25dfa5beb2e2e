"""CSV downloads that are safe to open in Excel.

Pure Python (no Streamlit): formula-injection guard, Excel-friendly CSV bytes
in UTF-8 with BOM or cp932, and predictable, path-safe file names.
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import re
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "FORMULA_PREFIXES",
    "SUPPORTED_ENCODINGS",
    "ExportError",
    "UnencodableCharactersError",
    "UnsupportedEncodingError",
    "dataframe_to_csv_bytes",
    "export_filename",
    "neutralise_cell",
]

# Excel (and LibreOffice) start a formula on these; the full-width forms are
# included because Japanese IMEs produce them and some spreadsheet apps
# normalise them to ASCII on import.
FORMULA_PREFIXES = frozenset("=+-@\t\r＝＋－＠")
SUPPORTED_ENCODINGS = ("utf-8-sig", "cp932")
MAX_FILENAME_LENGTH = 120
_MESSAGE_EXAMPLES = 3


class ExportError(ValueError):
    """A rejected export, with the reason in Japanese and English."""

    def __init__(self, message_ja: str, message_en: str) -> None:
        super().__init__(f"{message_en} / {message_ja}")
        self.message_ja = message_ja
        self.message_en = message_en


class UnsupportedEncodingError(ExportError):
    """The requested encoding is not one we write."""


class UnencodableCharactersError(ExportError):
    """Some characters cannot be written in the requested encoding.

    ``problems`` lists ``(row, column, character)``; ``row`` is the
    spreadsheet row number (the header is row 1, the first data row is 2).
    """

    def __init__(self, problems: list[tuple[int, str, str]], encoding: str) -> None:
        self.problems = problems
        self.encoding = encoding
        target_ja = "Shift_JIS（cp932）" if encoding == "cp932" else "UTF-8"
        target_en = "Shift_JIS (cp932)" if encoding == "cp932" else "UTF-8"
        shown = problems[:_MESSAGE_EXAMPLES]
        rest = len(problems) - len(shown)
        parts_ja = "、".join(
            f"{row}行目の列「{col}」の文字「{_show_char(ch)}」" for row, col, ch in shown
        )
        parts_en = "; ".join(
            f"row {row}, column “{col}”: character “{_show_char(ch)}”"
            for row, col, ch in shown
        )
        more_ja = f"（ほか{rest}件）" if rest else ""
        more_en = f" (and {rest} more)" if rest else ""
        if encoding == "cp932":
            advice_ja = "UTF-8（BOM付き）で保存してください。"
            advice_en = "Save as UTF-8 (with BOM) instead."
        else:
            advice_ja = "該当の文字を修正してください。"
            advice_en = "Correct those characters."
        super().__init__(
            f"{parts_ja}は{target_ja}で表せません{more_ja}。{advice_ja}",
            f"Cannot be represented in {target_en}: {parts_en}{more_en}. {advice_en}",
        )


def neutralise_cell(value: Any) -> Any:
    """Prefix ``'`` to text that a spreadsheet would run as a formula.

    Only ``str`` values are touched: real numbers (including negatives),
    ``None`` and NaN are returned unchanged. Text that merely looks numeric,
    such as ``"-1.3"``, is still text and is prefixed.
    """
    if isinstance(value, str) and value[:1] in FORMULA_PREFIXES:
        return "'" + value
    return value


def dataframe_to_csv_bytes(df: pd.DataFrame, encoding: str = "utf-8-sig") -> bytes:
    """Encode ``df`` as Excel-friendly CSV (CRLF, no index, neutralised text).

    Missing values become empty cells; integers (including nullable
    ``Int64``) are written without a decimal point; floats use their
    shortest round-trip form. Raises ``UnsupportedEncodingError`` for an
    encoding other than utf-8-sig / cp932 and ``UnencodableCharactersError``
    rather than replacing any character.
    """
    codec = _check_encoding(encoding)
    header = [_format_header(name) for name in df.columns]
    columns = [_format_column(df.iloc[:, j]) for j in range(df.shape[1])]
    rows: list[Sequence[str]] = list(zip(*columns)) if columns else [() for _ in range(len(df))]

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    text = buffer.getvalue()
    try:
        data: bytes | None = text.encode(codec)
    except UnicodeEncodeError:
        data = None
    # Python's cp932 "best-fit" encodes 〜 − ‖ ¢ £ ¬ as look-alikes (～ － ∥ ￠ ￡ ￢);
    # that would be a silent replacement, so it counts as unencodable too.
    if data is None or data.decode(codec) != text:
        raise UnencodableCharactersError(_find_unencodable(header, rows, codec), codec)
    return data


def export_filename(
    topic_code: str,
    fiscal_years: Iterable[int],
    group_codes: Sequence[str],
    extension: str = "csv",
    prefix: str = "dx",
) -> str:
    """Build e.g. ``dx_governance_2021-2023_pref_town_village.csv``.

    Each part keeps only ``[a-z0-9_]`` (after lower-casing), so hostile input
    cannot produce path separators or dots. The result is at most 120
    characters; the group part is truncated first and the extension is kept.
    """
    ext = _clean(extension, allowed=r"[^a-z0-9]")
    if not ext:
        raise ExportError(
            f"拡張子「{extension}」が正しくありません（英数字のみ使えます）。",
            f"Invalid file extension “{extension}” (letters and digits only).",
        )
    suffix = "." + ext
    head = "_".join(
        part for part in (_clean(prefix), _clean(topic_code), years_part(fiscal_years)) if part
    )
    groups = "_".join(part for part in (_clean(code) for code in group_codes) if part)
    stem = "_".join(part for part in (head, groups) if part) or "export"
    budget = MAX_FILENAME_LENGTH - len(suffix)
    if len(stem) > budget:
        stem = stem[:budget].rstrip("_-")
    return stem + suffix


# --- helpers -----------------------------------------------------------------


def _check_encoding(encoding: str) -> str:
    try:
        name = codecs.lookup(encoding).name
    except (LookupError, TypeError):
        name = None
    if name not in SUPPORTED_ENCODINGS:
        raise UnsupportedEncodingError(
            f"文字コード「{encoding}」には対応していません（utf-8-sig または cp932 を指定してください）。",
            f"Unsupported encoding “{encoding}” (use utf-8-sig or cp932).",
        )
    return name


def _is_missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, (float, np.floating)):
        return math.isnan(value)
    return isinstance(value, np.datetime64) and np.isnat(value)


def _format_header(name: Any) -> str:
    return neutralise_cell(name) if isinstance(name, str) else str(name)


def _format_column(series: pd.Series) -> list[str]:
    """Format one column; typed columns take a fast path (exports can be 100k+ rows)."""
    dtype = series.dtype
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return _format_datetimes(series)
    values = series.tolist()
    if isinstance(dtype, pd.StringDtype):
        return [neutralise_cell(v) if isinstance(v, str) else "" for v in values]
    if pd.api.types.is_bool_dtype(dtype):
        return [_format_value(v) for v in values]
    if pd.api.types.is_integer_dtype(dtype):
        return ["" if v is pd.NA else str(v) for v in values]
    if pd.api.types.is_float_dtype(dtype):
        if dtype in (np.float32, pd.Float32Dtype()):
            # float32 widened to float64 would print 29.600000381469727.
            return ["" if v is pd.NA or v != v else str(np.float32(v)) for v in values]
        return ["" if v is pd.NA or v != v else repr(v) for v in values]
    return [_format_value(v) for v in values]


def _format_datetimes(series: pd.Series) -> list[str]:
    # A DATE column from DuckDB arrives as datetime64; write 2024-04-01, not 2024-04-01 00:00:00.
    present = series.dropna()
    if present.dt.tz is None and bool((present == present.dt.normalize()).all()):
        return series.dt.strftime("%Y-%m-%d").fillna("").tolist()
    return ["" if pd.isna(value) else str(value) for value in series.tolist()]


def _format_value(value: Any) -> str:
    if _is_missing(value):
        return ""
    if isinstance(value, str):
        return neutralise_cell(value)
    if isinstance(value, (bool, np.bool_)):
        return "True" if value else "False"
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, np.float32):
        return str(value)
    if isinstance(value, (float, np.floating)):
        return repr(float(value))
    return neutralise_cell(str(value))


def _find_unencodable(
    header: list[str], rows: list[Sequence[str]], codec: str
) -> list[tuple[int, str, str]]:
    problems: list[tuple[int, str, str]] = []
    for row_number, cells in enumerate([header, *rows], start=1):
        for col_name, cell in zip(header, cells):
            seen: set[str] = set()
            for ch in cell:
                if ch in seen:
                    continue
                if not _round_trips(ch, codec):
                    seen.add(ch)
                    problems.append((row_number, col_name, ch))
    return problems


def _round_trips(ch: str, codec: str) -> bool:
    try:
        return ch.encode(codec).decode(codec) == ch
    except UnicodeEncodeError:
        return False


def _show_char(ch: str) -> str:
    if ch.isprintable() and not 0xD800 <= ord(ch) <= 0xDFFF:
        return ch
    return f"U+{ord(ch):04X}"


def _clean(part: Any, allowed: str = r"[^a-z0-9_]") -> str:
    return re.sub(allowed, "", str(part).lower())


def years_part(fiscal_years: Iterable[int]) -> str:
    """2021-2023 for a run of years, 2021_2023 for a gap: how file names record years."""
    years = sorted({_year(y) for y in fiscal_years})
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return "_".join(
        str(run[0]) if len(run) == 1 else f"{run[0]}-{run[-1]}" for run in runs
    )


def _year(value: Any) -> int:
    if isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_)):
        if 0 <= value <= 9999:
            return int(value)
    elif isinstance(value, str) and re.fullmatch(r"[0-9]{4}", value):
        return int(value)
    raise ExportError(
        f"年度「{value}」が正しくありません（4桁の西暦で指定してください）。",
        f"Invalid fiscal year “{value}” (use a four-digit year).",
    )
