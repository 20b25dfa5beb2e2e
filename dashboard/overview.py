"""The overview's figures: each topic's headline series, its latest change and the distance to any target that applies."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pandas as pd

from dashboard.db import query
from dashboard.i18n import pick


@dataclass(frozen=True)
class Headline:
    """Which published series stands for a topic on the overview (the national or widest group the table prints)."""

    topic_code: str
    indicator_code: str
    breakdown_code: str | None
    group_code: str


HEADLINES = (
    Headline("governance", "governance_cross_departmental", None, "all"),
    Headline("frontyard", "frontyard_initiatives", "online_application", "muni"),
    Headline("standardization", "standardization_progress", "completed", "muni"),
    Headline("mynumber", "mynumber_issued", None, "all"),
    Headline("security", "security_organisation", "ciso_appointed", "all"),
    Headline("ai", "ai_adoption", None, "muni_other"),
    Headline("rpa", "rpa_adoption", None, "muni_other"),
    Headline("telework", "telework_adoption", None, "all"),
)


def series(headline: Headline) -> pd.DataFrame:
    return query("indicator_series", indicator_code=headline.indicator_code, group_code=headline.group_code,
                 breakdown_code=headline.breakdown_code).dropna(subset=["value"])


def headline_label(headline: Headline, latest: pd.Series) -> str:
    """「DXを推進するための全庁的・横断的な推進体制を構築している自治体 ・ 全自治体」"""
    indicators = query("topic_indicators", topic_code=headline.topic_code).set_index("indicator_code")
    parts = [pick(indicators.at[headline.indicator_code, "label_ja"], indicators.at[headline.indicator_code, "label_en"])]
    if headline.breakdown_code:
        parts.append(pick(latest.breakdown_label_ja, latest.breakdown_label_en))
    parts.append(pick(latest.group_label_ja, latest.group_label_en))
    return " ・ ".join(parts)


def change_in_points(rows: pd.DataFrame) -> Decimal | None:
    """Latest minus previous published value, exact on the printed digits (66.3 − 50.4 = 15.9, never 15.899999)."""
    if len(rows) < 2:
        return None
    return Decimal(rows.value_printed.iloc[-1]) - Decimal(rows.value_printed.iloc[-2])


def _targets(topic_code: str) -> pd.DataFrame:
    targets = query("targets")
    # private-sector targets (民間企業) are not comparable with local governments: they stay on the data page
    return targets[(targets.topic_code == topic_code) & (targets.scope_ja != "民間企業")]


def _measures(target, headline: Headline) -> bool:
    return (target.indicator_code == headline.indicator_code and target.indicator_group_code == headline.group_code
            and (target.indicator_breakdown_code or None) == headline.breakdown_code)


def measured_targets(headline: Headline, rows: pd.DataFrame) -> list[tuple]:
    """Targets this headline series measures, with the gap in points from its latest printed value."""
    found = []
    for target in _targets(headline.topic_code).itertuples():
        if _measures(target, headline) and target.target_unit == "pct" and not rows.empty:
            found.append((target, Decimal(str(target.target_value)) - Decimal(rows.value_printed.iloc[-1])))
    return found


def other_targets(headline: Headline) -> list:
    return [target for target in _targets(headline.topic_code).itertuples() if not _measures(target, headline)]
