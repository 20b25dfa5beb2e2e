"""Labels of years, groups and breakdown items in a language, read from the database (cached per run)."""
from __future__ import annotations

import pandas as pd

from common.formatting import format_value
from common.texts import pick, text
from dashboard.db import query


def year_labels(lang: str) -> dict[int, str]:
    years = query("fiscal_years")
    return dict(zip(years.fiscal_year, years[f"label_{lang}"]))


def group_labels(indicator_codes: list[str], lang: str) -> dict[str, str]:
    """Group labels as printed by the first indicator that prints the group (全自治体 vs 全国 differ by table)."""
    labels: dict[str, str] = {}
    for code in indicator_codes:
        for row in query("indicator_groups", indicator_code=code).itertuples():
            labels.setdefault(row.group_code, pick(row.label_ja, row.label_en, lang))
    return labels


def breakdown_labels(indicator_code: str, lang: str) -> dict[str, str]:
    items = query("breakdowns", indicator_code=indicator_code)
    return {row.breakdown_code: pick(row.label_ja, row.label_en, lang) for row in items.itertuples()}


def labelled_facts(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Add the display columns every chart and table uses, in `lang`."""
    frame = frame.copy()
    frame["year_label"] = frame[f"fiscal_year_label_{lang}"]
    frame["group_label"] = frame[f"group_label_{lang}"]
    frame["item_label"] = frame[f"breakdown_label_{lang}"]
    channels = query("breakdown_channels", indicator_code=frame.indicator_code.iloc[0]) if len(frame) else None
    if channels is not None and channels.channel_ja.notna().any():  # front-yard items carry their channel: 「自宅｜…」
        channel = dict(zip(channels.breakdown_code, channels[f"channel_{lang}"]))
        separator = text("channel_separator", lang)
        frame["item_label"] = [f"{channel[code]}{separator}{label}" for code, label in zip(frame.breakdown_code, frame.item_label)]
    frame["value_text"] = [format_value(p, u, c, cu, lang) for p, u, c, cu in
                           zip(frame.value_printed, frame.unit, frame["count"], frame.count_unit)]
    frame["cell_text"] = [(f"{p}%" + (f"<br>({int(c):,})" if pd.notna(c) else "")) if p != "－" else "－"
                          for p, c in zip(frame.value_printed, frame["count"])]
    return frame
