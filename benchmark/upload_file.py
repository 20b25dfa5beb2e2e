"""Reading an uploaded file into CSV records, and what can be wrong with it: size, file type, encoding, CSV syntax,
number of rows. Every rejection is a ``Problem`` with a stable ``code`` and messages in Japanese and English."""
from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

# The one upload limit, in bytes, as the page says it (10 MB = 10,000,000 bytes). Streamlit's own limit
# (server.maxUploadSize, whole MB) is set just above it, so a larger file reaches this check and its message in the
# user's language instead of the browser's fixed English refusal.
MAX_BYTES = 10_000_000
MAX_MEGABYTES = MAX_BYTES // 1_000_000
# The bounds of the work one upload can cause. Japan has 1,788 local governments, so a list of every one of them fits;
# a name longer than any real government's (the longest is under 20 characters) is refused, and so is any other cell
# of that length: every value the upload reads is a code, a label or a number.
MAX_ROWS = 2_000
MAX_COLUMNS = 200
MAX_TEXT_CHARS = 100
MAX_PROBLEMS = 100
_SHOW_MAX = 40
_SUMMARY_MAX = 5
_SIGNATURES = {
    b"PK\x03\x04": ("Excel（.xlsx）などのZIP形式", "an Excel (.xlsx) or other ZIP file"),
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": ("旧形式のExcel（.xls）", "an old-format Excel (.xls) file"),
    b"%PDF": ("PDF", "a PDF"),
}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


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


def decode(data: bytes, filename: str) -> str:
    if not data:
        raise UploadError([file_problem("file_empty", filename, "は空です", "is empty")])
    if len(data) > MAX_BYTES:
        raise UploadError([file_problem(
            "file_too_large", filename,
            f"は大きすぎます（{len(data):,}バイト、上限は{MAX_MEGABYTES} MB＝{MAX_BYTES:,}バイト）",
            f"is too large ({len(data):,} bytes; the limit is {MAX_MEGABYTES} MB = {MAX_BYTES:,} bytes)",
        )])
    for signature, (kind_ja, kind_en) in _SIGNATURES.items():
        if data.startswith(signature):
            raise UploadError([file_problem(
                "not_csv", filename,
                f"はCSVではなく{kind_ja}のファイルです。Excelで「CSV UTF-8（コンマ区切り）」として保存し直してください",
                f"is not a CSV but {kind_en}. Save it from Excel as “CSV UTF-8 (Comma delimited)”",
            )])
    text, fallback = _try_decodings(data)
    if text is None:
        raise UploadError([file_problem(
            "unreadable_encoding", filename,
            "の文字コードを読み取れません。UTF-8またはShift_JIS（cp932）で保存してください",
            "has an encoding we cannot read. Save it as UTF-8 or Shift_JIS (cp932)",
        )])
    if fallback:
        _check_plausible_japanese(text, filename)
    control = _CONTROL.search(text)
    if control:
        raise UploadError([file_problem(
            "not_csv", filename,
            f"には制御文字（U+{ord(control.group()):04X}）が含まれており、テキストのCSVではありません",
            f"contains a control character (U+{ord(control.group()):04X}), so it is not a text CSV",
        )])
    return text


def _try_decodings(data: bytes) -> tuple[str | None, bool]:
    """(text, whether it was read by the cp932 fallback, i.e. nothing in the file said which encoding it is)."""
    boms = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
    for bom, codec in boms:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), False
            except UnicodeDecodeError:
                return None, False
    try:
        return data.decode("utf-8"), False
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp932"), True
    except UnicodeDecodeError:
        return None, False


# A Latin-1 / Windows-1252 file read as cp932 turns an accented letter and the letter after it into one kanji or a
# half-width kana wedged inside a Latin word (Besançon → Besan輟n, Straße → Straﾟe), and ñ ò ó ô õ ö ø ù into
# user-defined (private use) characters. Real Shift_JIS text does neither: its kanji and kana stand beside other
# Japanese characters, digits or punctuation (DX推進, AI・RPA, ①, ㈱, 髙, ～, ﾁﾖﾀﾞｸ).
_WEDGED = re.compile(r"[A-Za-z][\u4e00-\u9fff\uff61-\uff9f]{1,2}[A-Za-z]"
                     r"|[a-z][\u4e00-\u9fff\uff61-\uff9f](?![\u3000-\u9fff\uff00-\uffef])"
                     r"|[A-Z][\u4e00-\u9fff\uff61-\uff9f](?=[ '-][A-Za-z])")
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")


def _check_plausible_japanese(text: str, filename: str) -> None:
    found = _WEDGED.search(text) or _PRIVATE_USE.search(text)
    if found is None:
        return
    line = text.count("\n", 0, found.start()) + 1
    start = max(text.rfind("\n", 0, found.start()) + 1, found.start() - 12)
    excerpt = clip(text[start:found.end() + 12].split("\n", 1)[0].strip())
    raise UploadError([file_problem(
        "implausible_cp932", filename,
        f"をShift_JISとして読むと文字化けします（{line}行目「{excerpt}」）。"
        "UTF-8またはShift_JIS（cp932）で保存し直してからアップロードしてください",
        f"does not read as Japanese Shift_JIS text (line {line}: “{excerpt}”); it was probably saved in another "
        "encoding such as Latin-1. Save it as UTF-8 or Shift_JIS (cp932) and upload it again",
    )])


def read_records(text: str, filename: str) -> Iterator[tuple[int, list[str]]]:
    """Yield (spreadsheet row number, cells) for each non-blank record."""
    reader = csv.reader(io.StringIO(text, newline=""))
    row_number = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            raise UploadError([file_problem(
                "not_csv", filename,
                f"はCSVとして読めません（{row_number + 1}行目付近: {err}）",
                f"cannot be read as CSV (near row {row_number + 1}: {err})",
            )]) from None
        row_number += 1
        if len(cells) > MAX_COLUMNS:
            raise UploadError([file_problem(
                "too_many_columns", filename,
                f"の{row_number}行目には{len(cells):,}列あります（上限は{MAX_COLUMNS}列）",
                f"has {len(cells):,} columns in row {row_number} (the limit is {MAX_COLUMNS})",
            )])
        if any(cell.strip() for cell in cells):
            yield row_number, cells


def collect_rows(
    records: Iterator[tuple[int, list[str]]], multiple: bool, filename: str
) -> tuple[list[tuple[int, list[str]]], Problem | None]:
    """Read the data rows, or return the problem with their number."""
    rows: list[tuple[int, list[str]]] = []
    for record in records:
        rows.append(record)
        if len(rows) > MAX_ROWS:
            return rows, file_problem(
                "too_many_rows", filename,
                f"の行数が多すぎます（データ行の上限は{MAX_ROWS:,}行）",
                f"has too many rows (the limit is {MAX_ROWS:,} data rows)",
            )
    if not rows:
        return rows, file_problem(
            "no_rows", filename, "には見出し行しかありません（データ行がありません）",
            "has a header row but no data rows",
        )
    if not multiple and len(rows) > 1:
        return rows, file_problem(
            "multiple_rows", filename,
            f"にはデータ行が{len(rows)}行あります。1団体分（1行）だけにしてください",
            f"has {len(rows)} data rows; upload one municipality (one row) only",
        )
    return rows, None


def match_key(text: str) -> str:
    """Case-, width- and space-insensitive form used to match headers and values."""
    normalised = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\s\u200b\ufeff]+", "", normalised)


def clip(value: str | None) -> str:
    text = "" if value is None else value
    return text if len(text) <= _SHOW_MAX else text[:_SHOW_MAX] + "…"


def file_problem(code: str, filename: str, ja: str, en: str) -> Problem:
    subject_ja = f"ファイル「{clip(filename)}」" if filename else "ファイル"
    subject_en = f"The file “{clip(filename)}”" if filename else "The file"
    return Problem(None, None, code, f"{subject_ja}{ja}。", f"{subject_en} {en}.")


def not_csv_single_column(cell: str, filename: str) -> Problem:
    for sep, sep_ja, sep_en in ((";", "セミコロン（;）", "semicolons"), ("\t", "タブ", "tabs")):
        if sep in cell:
            return file_problem(
                "not_csv", filename,
                f"は{sep_ja}区切りのようです。コンマ（,）区切りのCSVで保存してください",
                f"seems to be separated by {sep_en}; save it as comma-separated CSV",
            )
    return file_problem(
        "not_csv", filename,
        "には列が1つしかありません。コンマ（,）区切りで、団体区分と指標の列を含むCSVにしてください",
        "has only one column; use a comma-separated CSV with the entity type and indicator columns",
    )
