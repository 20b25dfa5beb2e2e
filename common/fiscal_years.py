"""Fiscal-year labels: 2023 → 「2023年度（令和5年度）」 in full (the ETL stores them in the database; pages read them
from there), and the short form 2023年度 / FY2023 for series and axes."""

from common.texts import text

REIWA_START = 2019  # 令和元年度 starts in April 2019
HEISEI_START = 1989


def era_year(fiscal_year: int) -> str:
    """「令和5」 for 2023; the first year of an era reads 元."""
    if fiscal_year >= REIWA_START:
        era, start = "令和", REIWA_START
    elif fiscal_year >= HEISEI_START:
        era, start = "平成", HEISEI_START
    else:
        raise ValueError(f"fiscal year {fiscal_year} is before 平成")
    number = fiscal_year - start + 1
    return f"{era}{'元' if number == 1 else number}"


def fiscal_year_label_ja(fiscal_year: int) -> str:
    return f"{fiscal_year}年度（{era_year(fiscal_year)}年度）"


def fiscal_year_label_en(fiscal_year: int) -> str:
    return f"FY{fiscal_year} ({era_year(fiscal_year).replace('令和', 'Reiwa ').replace('平成', 'Heisei ').replace('元', '1')})"


def fiscal_year_of(day) -> int:
    """The 年度 a date (or Timestamp) falls in, April to March: 2024-03-31 is in 2023年度."""
    return day.year if day.month >= 4 else day.year - 1


def format_fiscal_year(year: int, language: str) -> str:
    """The short form of a fiscal year, for series and axes: 2023年度 / FY2023 (labels in full come from the database)."""
    return text("fiscal_year_short", language, year=year)
