"""When a peer group would reach 50% / 80% / 100% if it kept its recent pace: a labelled projection, never a forecast.

Pure Python (no Streamlit). The rule, stated in every sentence it produces:

* the pace is the slope between the **last two published points** (fiscal years y1 < y2, printed values v1, v2):
  (v2 − v1) / (y2 − y1) points per year; the years used are named in the sentence;
* a target the latest value already meets is "reached" (no projection for it);
* a flat or falling pace projects nothing ("flat_or_declining");
* one published point (or none) projects nothing;
* a target more than ``HORIZON_YEARS`` (15) fiscal years beyond the latest point is reported as "not within 15 years"
  instead of a year;
* the projected year is the first fiscal year whose survey would show the target: y2 + ceil((target − v2) / slope).

Arithmetic is done in ``Decimal`` on the printed values, so 29.6 − 13.6 is 16.0, not 16.000000000000004.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from common.fiscal_years import format_fiscal_year
from common.formatting import missing
from common.texts import text

__all__ = ["HORIZON_YEARS", "TARGETS", "Milestone", "Projection", "project", "projection_sentence"]

TARGETS = (50, 80, 100)
HORIZON_YEARS = 15


@dataclass(frozen=True)
class Milestone:
    target: int
    status: str  # "reached" | "projected" | "beyond_horizon" | "not_projected"
    fiscal_year: int | None = None


@dataclass(frozen=True)
class Projection:
    status: str  # "projected" | "all_reached" | "flat_or_declining" | "single_point" | "no_data"
    base_years: tuple[int, int] | None = None
    base_values: tuple[Decimal, Decimal] | None = None
    slope: Decimal | None = None  # points per year, between the two base years
    milestones: tuple[Milestone, ...] = ()


def _decimal(value) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"not a finite value: {value!r}")
    return Decimal(str(value))


def project(points: Iterable[tuple[int, object]], targets: Sequence[int] = TARGETS,
            horizon: int = HORIZON_YEARS) -> Projection:
    """Project from (fiscal_year, value) points; missing values (None/NaN) are ignored."""
    clean = sorted({int(year): _decimal(value) for year, value in points if not missing(value)}.items())
    if not clean:
        return Projection("no_data")
    latest_year, latest = clean[-1]
    reached = tuple(Milestone(t, "reached") for t in targets if latest >= t)
    if len(reached) == len(targets):
        base = (clean[-2][0], latest_year) if len(clean) > 1 else None
        values = (clean[-2][1], latest) if len(clean) > 1 else None
        return Projection("all_reached", base, values, None, reached)
    if len(clean) < 2:
        return Projection("single_point", None, None, None,
                          reached + tuple(Milestone(t, "not_projected") for t in targets if latest < t))
    (first_year, first), _ = clean[-2], clean[-1]
    slope = (latest - first) / Decimal(latest_year - first_year)
    base_years, base_values = (first_year, latest_year), (first, latest)
    if slope <= 0:
        return Projection("flat_or_declining", base_years, base_values, slope,
                          reached + tuple(Milestone(t, "not_projected") for t in targets if latest < t))
    milestones = list(reached)
    for target in targets:
        if latest >= target:
            continue
        years_needed = int(((Decimal(target) - latest) / slope).to_integral_value(rounding=ROUND_CEILING))
        if years_needed > horizon:
            milestones.append(Milestone(target, "beyond_horizon"))
        else:
            milestones.append(Milestone(target, "projected", latest_year + years_needed))
    return Projection("projected", base_years, base_values, slope, tuple(milestones))


def _points(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def projection_sentence(projection: Projection, group_label: str, language: str) -> str:
    """One sentence, always starting with the projection label (見通し（試算） / Projection)."""
    label = text("projection_label", language)
    if projection.status == "no_data":
        return text("labelled", language, label=label, value=text("projection_no_data", language))
    if projection.status == "single_point":
        body = text("projection_single_point", language, group=group_label)
    elif projection.status == "all_reached":
        body = text("projection_all_reached", language, group=group_label,
                    targets=_join([f"{m.target}%" for m in projection.milestones], language))
    else:
        first, last = projection.base_years
        pace = text("projection_pace", language, group=group_label, first=format_fiscal_year(first, language),
                    last=format_fiscal_year(last, language), slope=_points(projection.slope))
        if projection.status == "flat_or_declining":
            body = text("projection_flat", language, group=group_label, first=format_fiscal_year(first, language),
                        last=format_fiscal_year(last, language))
        else:
            parts = []
            for milestone in projection.milestones:
                if milestone.status == "reached":
                    parts.append(text("milestone_reached", language, target=milestone.target))
                elif milestone.status == "projected":
                    parts.append(text("milestone_projected", language, target=milestone.target,
                                      year=format_fiscal_year(milestone.fiscal_year, language)))
                else:
                    parts.append(text("milestone_beyond", language, target=milestone.target, horizon=HORIZON_YEARS))
            body = pace + _join(parts, language) + text("projection_tail", language)
    return text("labelled", language, label=label, value=body)


def _join(parts: list[str], language: str) -> str:
    return text("milestone_separator", language).join(parts)
