"""The scorecard as CSV: one row per municipality and item, numbers as numbers, computed values labelled, and the file
names of the downloads. Pure Python."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date

import pandas as pd

from benchmark.scoring import ScoreRow
from benchmark.vocabulary import MunicipalityEntry
from benchmark.wording import measure_label, position_label, row_answer, sentence
from common.csv_export import years_part
from common.texts import text


# Our own sentences use — (U+2014), which Shift_JIS (cp932) lacks, as it lacks the minus sign − (U+2212); a cp932
# file gets ― and －, the characters Japanese Excel shows in their place. User text (names) is never altered: it
# fails loudly instead.
_CP932_SENTENCE = str.maketrans({"\u2014": "\u2015", "\u2212": "\uff0d"})


def scorecard_export_frame(entry: MunicipalityEntry, rows: Sequence[ScoreRow], language: str,
                           entity_label: str, encoding: str = "utf-8-sig") -> pd.DataFrame:
    """One CSV row per item: who, the answer, the printed values (numbers stay numbers), computed values labelled as
    such, the sentence, the source and the as-of date. ``encoding="cp932"`` writes the sentence in cp932's dashes."""
    return scorecards_export_frame([(entry, rows, entity_label)], language, encoding)


def scorecards_export_frame(scored: Iterable[tuple[MunicipalityEntry, Sequence[ScoreRow], str]], language: str,
                            encoding: str = "utf-8-sig") -> pd.DataFrame:
    """The export frame of many municipalities at once: (entry, its rows, its type's label) each, in that order."""
    keys = ("col_code", "col_name", "col_type", "col_topic", "col_item", "col_answer", "col_measure", "col_peer",
            "col_year", "col_as_of", "col_peer_value_pct", "col_count", "col_count_unit", "col_national_group",
            "col_national_pct", "col_leading", "col_leading_pct", "col_higher", "col_same", "col_lower",
            "col_difference", "col_position", "col_sentence", "col_source")
    cp932 = encoding == "cp932"
    # Everything but who depends only on the item, the peer context and the answer, which a list of hundreds shares:
    # each distinct one is worded once (a national list's 44,000 rows are a few hundred distinct ones).
    worded: dict[tuple, tuple] = {}
    records = []
    for entry, rows, entity_label in scored:
        for row in rows:
            # every field of the row but the cached sentences (the context, alive for the build, stands for the item)
            key = (id(row.context), repr(row.answer), row.position, row.reason, row.difference, row.distance,
                   row.band_shares)
            if key not in worded:
                worded[key] = _item_cells(row, language, cp932)
            records.append((entry.municipality_code or None, entry.municipality_name or None, entity_label, *worded[key]))
    columns = [text(key, language) for key in keys]
    frame = pd.DataFrame.from_records(records, columns=columns)
    frame[text("col_count", language)] = frame[text("col_count", language)].astype("Int64")
    for key in ("col_peer_value_pct", "col_national_pct", "col_leading_pct", "col_higher", "col_same", "col_lower",
                "col_difference"):
        frame[text(key, language)] = frame[text(key, language)].astype("float64")
    return frame


def _item_cells(row: ScoreRow, language: str, cp932: bool) -> tuple:
    context = row.context
    peer, national = context.peer, context.national
    lead = context.leading[0] if context.leading else None
    higher, same, lower = row.band_shares or (None, None, None)
    words = sentence(row, language)
    return (
        row.item.topic(language), row.item.label(language),
        row_answer(row, language), measure_label(context, language),
        peer.label(language) if peer else None, context.year_label(language) or None,
        context.as_of.isoformat() if context.as_of else None,
        peer.value if peer else None, peer.count if peer else None,
        text(f"unit_{peer.count_unit}", language) if peer and peer.count_unit else None,
        national.label(language) if national else None, national.value if national else None,
        context.leading_label(language) or None, lead.value if lead else None,
        float(higher) if higher is not None else None, float(same) if same is not None else None,
        float(lower) if lower is not None else None,
        float(row.difference) if row.difference is not None else None,
        position_label(row, language), words.translate(_CP932_SENTENCE) if cp932 else words,
        text("list_separator", language).join(context.sources(language)) or None,
    )


# --- file names ------------------------------------------------------------------------------------------------------

_UNSAFE = re.compile(r"[^\w-]+")  # \w keeps letters and digits of any script, so 千代田区 survives


def _safe_part(value: str, limit: int = 40) -> str:
    cleaned = _UNSAFE.sub("_", unicodedata.normalize("NFKC", value)).strip("_-")
    return cleaned[:limit].strip("_-")


def scorecard_filename(entries: Sequence[MunicipalityEntry], fiscal_years: Iterable[int], made: date,
                       kind: str = "benchmark", extension: str = "csv") -> str:
    """e.g. ``dx_benchmark_131016_2023-2024_20250601.csv``: who (code, else the name made path-safe, else the type;
    for many: the shared prefecture and the count), the fiscal years compared, and the date it was made."""
    if len(entries) == 1:
        entry = entries[0]
        who = entry.municipality_code or _safe_part(entry.municipality_name) or entry.entity_type or "entry"
    else:
        codes = {entry.municipality_code[:2] for entry in entries if entry.municipality_code}
        shared = f"pref{codes.pop()}_" if len(codes) == 1 and all(e.municipality_code for e in entries) else ""
        who = f"{shared}{len(entries)}entities"
    year_part = years_part(fiscal_years) if fiscal_years else ""
    stem = "_".join(part for part in ("dx", _safe_part(kind), _safe_part(who), year_part, made.strftime("%Y%m%d")) if part)
    return stem[:115] + "." + extension
