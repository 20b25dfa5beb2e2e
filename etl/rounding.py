"""Exact arithmetic on printed numbers: a printed 29.6 stands for any true value in [29.55, 29.65]."""
from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

NOT_PUBLISHED = "－"  # how 別紙1 prints a value it does not publish


def half_unit(printed: str) -> Fraction:
    """Half of the last printed digit: 0.05 for "29.6", 0.5 for "50"."""
    decimals = len(printed.split(".")[1]) if "." in printed else 0
    return Fraction(1, 2 * 10**decimals)


def printed_interval(printed: str) -> tuple[Fraction, Fraction]:
    value, half = Fraction(printed), half_unit(printed)
    return value - half, value + half


def implied_base(count: int, printed_pct: str) -> tuple[int, int] | None:
    """Whole-number bases b with count ÷ b × 100 within the printed rounding; None when any base fits (0 of b)."""
    low, high = printed_interval(printed_pct)
    if count == 0:
        return None if low <= 0 else (1, 0)  # (1, 0) is empty: a zero count cannot give a positive share
    smallest = math.ceil(Fraction(100 * count) / high)
    largest = math.floor(Fraction(100 * count) / low) if low > 0 else 10**15
    return smallest, largest


def share_fits(count: int, base: int, printed_pct: str) -> bool:
    low, high = printed_interval(printed_pct)
    return low <= Fraction(100 * count, base) <= high


def fraction_of_size_exists(size: int, printed_pct: str) -> bool:
    """Is there a whole number k with k ÷ size printing as printed_pct?"""
    return any(share_fits(k, size, printed_pct) for k in range(size + 1))


def printed_number(printed: str | None) -> Decimal | None:
    """A value with exactly the digits printed (49, not 49.0; 57.1; 100.0), for exports; None where 「－」 is printed."""
    if printed is None or printed != printed or printed == NOT_PUBLISHED:  # printed != printed: NaN from a frame
        return None
    return Decimal(printed)
