"""Write a municipality's entries back as the CSV the upload reads (parse_upload reads it back exactly), and the
template to fill in. Pure Python (no Streamlit)."""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from benchmark.upload import FIXED_COLUMNS
from benchmark.vocabulary import ItemSpec, MunicipalityEntry, Vocabulary, bilingual_error
from common.csv_export import dataframe_to_csv_bytes
from common.texts import text


def entries_to_csv_bytes(
    entries: Iterable[MunicipalityEntry],
    vocabulary: Vocabulary,
    encoding: str = "utf-8-sig",
    language: str = "ja",
) -> bytes:
    """Write entries as an uploadable CSV (parse_upload reads it back exactly).

    Goes through ``dataframe_to_csv_bytes``, so formula-looking names are
    neutralised and unencodable characters raise rather than vanish.
    """
    if language not in ("ja", "en"):
        raise bilingual_error(f"言語「{language}」には対応していません（ja または en）",
                               f"language must be 'ja' or 'en', not {language!r}")
    en = language == "en"
    items = vocabulary.items
    header = [labels[en] for labels in FIXED_COLUMNS.values()]
    header += [item.label_en if en else item.label_ja for item in items]
    known = {item.item_code for item in items}
    rows = []
    for entry in entries:
        unknown = sorted(set(entry.answers) - known)
        if unknown:
            raise bilingual_error(f"指標一覧にない項目への回答があります: {unknown}",
                                   f"answers for items not in the item list: {unknown}")
        if entry.entity_type not in vocabulary.entity_types:
            raise bilingual_error(f"団体区分「{entry.entity_type}」は不明です",
                                   f"unknown entity type {entry.entity_type!r}")
        name = entry.municipality_name
        if name.startswith("'"):
            name = "'" + name  # keeps a real leading apostrophe through parse_upload
        row: list[object] = [entry.municipality_code, name, vocabulary.entity_types[entry.entity_type][en]]
        row += [_format_answer(item, entry.answers.get(item.item_code), en, vocabulary.bands) for item in items]
        rows.append(row)
    frame = pd.DataFrame(rows, columns=header, dtype=object)
    return dataframe_to_csv_bytes(frame, encoding=encoding)


def template_csv_bytes(vocabulary: Vocabulary, language: str = "ja", encoding: str = "utf-8-sig") -> bytes:
    """Header plus one example row (千代田区) that parse_upload accepts."""
    example_values: dict[str, bool | str | float] = {"yes_no": True, "band": "band_30_50", "percent": 50.0}
    entry = MunicipalityEntry(
        municipality_code="131016",
        municipality_name=text("template_example_name", language),
        entity_type="ward",
        answers={item.item_code: example_values[item.kind] for item in vocabulary.items},
    )
    return entries_to_csv_bytes([entry], vocabulary, encoding=encoding, language=language)


def _format_answer(item: ItemSpec, value: bool | str | float | None, en: bool, bands: dict[str, tuple[str, str]]) -> object:
    if value is None:
        return None
    if item.kind == "yes_no" and isinstance(value, bool):
        if en:
            return (item.yes_label_en or "Yes") if value else (item.no_label_en or "No")
        return (item.yes_label_ja or "はい") if value else (item.no_label_ja or "いいえ")
    if item.kind == "band" and isinstance(value, str) and value in bands:
        return bands[value][en]
    if item.kind == "percent" and isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 100:
        return float(value)
    raise bilingual_error(f"項目「{item.item_code}」の値 {value!r} は書き出せません（{item.kind}）",
                           f"cannot write {value!r} for item {item.item_code!r} ({item.kind})")
