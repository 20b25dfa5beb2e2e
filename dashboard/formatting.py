"""How published numbers read on screen: exactly as printed, with their counts: 78.7%（604団体）."""
from __future__ import annotations

import math
from datetime import date

import pandas as pd


def missing(value) -> bool:
    """None, NaN or pd.NA: a number that was not printed (「－」) or a cell left empty."""
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def format_fiscal_year(year: int, language: str) -> str:
    """The short form of a fiscal year, for series and axes: 2023年度 / FY2023 (labels in full come from the database)."""
    return f"{year}年度" if language == "ja" else f"FY{year}"


def format_count(count, count_unit: str | None, language: str) -> str:
    if missing(count) or not count_unit:
        return ""
    suffix = {"entities": ("団体", " entities"), "cards": ("枚", " cards")}[count_unit][language == "en"]
    return f"{int(count):,}{suffix}"


def format_value(value_printed: str, unit: str, count=None, count_unit: str | None = None, language: str = "ja") -> str:
    """The printed value with its unit, and its count in brackets where both are published."""
    if value_printed in ("－", "", None):
        return "－（公表なし）" if language == "ja" else "– (not published)"
    main = f"{value_printed}%" if unit == "pct" else (f"{value_printed}件" if language == "ja" else f"{value_printed} cases")
    counted = format_count(count, count_unit, language)
    if not counted:
        return main
    return f"{main}（{counted}）" if language == "ja" else f"{main} ({counted})"


def format_points(difference: float, language: str) -> str:
    """+15.9ポイント / -2.7 points: ASCII signs, because st.metric reads a leading '-' as a fall."""
    number = f"{difference:+.1f}" if difference else "0.0"
    return f"{number}ポイント" if language == "ja" else f"{number} points"


def format_date(value: date, language: str) -> str:
    value = pd.Timestamp(value).date()
    return f"{value.year}年{value.month}月{value.day}日" if language == "ja" else value.strftime("%-d %b %Y")


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
    if len(dates) == 1:
        return f"{format_date(dates[0], language)}時点" if language == "ja" else f"as of {format_date(dates[0], language)}"
    if len({(d.month, d.day) for d in dates}) == 1:
        d = dates[0]
        return f"各年度の{d.month}月{d.day}日時点" if language == "ja" else f"as of {d.strftime('%-d %B')} of each year"
    joined = "、".join(format_date(d, language) for d in dates) if language == "ja" else ", ".join(format_date(d, language) for d in dates)
    return f"{joined}時点" if language == "ja" else f"as of {joined}"
