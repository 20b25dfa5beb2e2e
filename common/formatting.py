"""How published numbers and dates read on screen: exactly as printed, with their counts: 78.7%（604団体）."""
from __future__ import annotations

import math
from datetime import date

import pandas as pd

from common.texts import text


def missing(value) -> bool:
    """None, NaN or pd.NA: a number that was not printed (「－」) or a cell left empty."""
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def labelled(label: str, value: str, language: str) -> str:
    """「出典：…」 / "Source: …": a label and its value with the language's colon."""
    return text("labelled", language, label=label, value=value)


def bracketed(main: str, note: str, language: str) -> str:
    """「甲府市（192015）」 / "甲府市 (192015)": a note in the language's brackets."""
    return text("bracketed", language, text=main, note=note)


def gap_joined(parts, language: str) -> str:
    """Pieces of a caption side by side: a full-width space in Japanese, a space in English; empty pieces dropped."""
    joined = ""
    for part in (p for p in parts if p):
        joined = text("gap_join", language, first=joined, second=part) if joined else part
    return joined


def names_listed(names: list[str], total: int, language: str) -> str:
    """Names side by side (「A、B」 / "A, B"), and 「ほか3団体」 / "and 3 more" where `total` is more than those shown."""
    joined = text("list_separator", language).join(names)
    return joined if total <= len(names) else text("names_and_more", language, names=joined, count=total - len(names))


def sources_joined(sources, language: str) -> str:
    """Source document names, each once, in order: 「A ／ B」 / "A / B"."""
    return text("source_separator", language).join(dict.fromkeys(sources))


def format_count(count, count_unit: str | None, language: str) -> str:
    if missing(count) or not count_unit:
        return ""
    return text(f"count_{count_unit}_value" + ("_one" if int(count) == 1 else ""), language, count=f"{int(count):,}")


def format_value(value_printed: str, unit: str, count=None, count_unit: str | None = None, language: str = "ja") -> str:
    """The printed value with its unit, and its count in brackets where both are published."""
    if value_printed in ("－", "", None):
        return text("value_not_published", language)
    main = f"{value_printed}%" if unit == "pct" else text("value_cases_one" if value_printed == "1" else "value_cases", language, value=value_printed)
    counted = format_count(count, count_unit, language)
    if not counted:
        return main
    return text("bracketed", language, text=main, note=counted)


def format_points(difference: float, language: str) -> str:
    """+15.9ポイント / -2.7 points: ASCII signs, because st.metric reads a leading '-' as a fall."""
    number = f"{difference:+.1f}" if difference else "0.0"
    return text("points_value", language, number=number)


def format_date(value: date, language: str) -> str:
    value = pd.Timestamp(value).date()
    return text("date", language, year=value.year, month=value.month, day=value.day, month_short=value.strftime("%b"))


def format_dates(dates, language: str) -> str:
    """Dates in order, joined: 2023年4月1日、2024年4月1日 / 1 Apr 2023, 1 Apr 2024."""
    return text("list_separator", language).join(format_date(d, language) for d in dates)


def as_of_by_year(year_labels: list[str], dates: list[date], language: str) -> str:
    """Each year's as-of date: 「2021年度（令和3年度）：2021年4月1日時点、…」 / "FY2021 (Reiwa 3): 1 April 2021; …"."""
    if language == "ja":
        return "、".join(f"{label}：{format_date(day, language)}時点" for label, day in zip(year_labels, dates))
    return "; ".join(f"{label}: {pd.Timestamp(day).strftime('%-d %B %Y')}" for label, day in zip(year_labels, dates))


def as_of_phrase(dates: list[date], language: str) -> str:
    """「各年度の4月1日時点」 when every year shares a day, else the dates themselves."""
    dates = sorted({pd.Timestamp(d).date() for d in dates})
    if not dates:
        return ""
    if len(dates) > 1 and len({(d.month, d.day) for d in dates}) == 1:
        d = dates[0]
        return text("as_of_each_year", language, month=d.month, day=d.day, month_long=d.strftime("%B"))
    return text("as_of_date", language, date=format_dates(dates, language))
