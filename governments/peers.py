"""Where one government stands among its peers: the same type nationally, the same prefecture, a population band.
Pure pandas: the page passes in the published cells of one indicator and the governments; nothing here is recomputed
from anything but those cells, and every count names its base (who answered) and who did not answer.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

# The answer words of the Digital Agency's table, as printed. Anything else printed is a number (72%, 88.8%) or a count.
DONE, NOT_DONE, NOT_SURVEYED = "実施", "未実施", "調査無し"
ANSWERS = (DONE, NOT_DONE, NOT_SURVEYED)
NOT_REPORTED = "not_reported"  # no cell, or a blank cell: never 0, never 未実施
NOT_APPLICABLE = "not_applicable"  # a bare 「%」: the government has no such procedure
# The database's status of a cell → the status used here (a number keeps its printed form)
DATABASE_STATUS = {"implemented": DONE, "not_implemented": NOT_DONE, "not_surveyed": NOT_SURVEYED,
                   "not_reported": NOT_REPORTED, "not_applicable": NOT_APPLICABLE}

# Population bands (residents): lower bound inclusive, upper bound exclusive
POPULATION_BANDS: tuple[tuple[int, float], ...] = ((0, 10_000), (10_000, 50_000), (50_000, 100_000), (100_000, 300_000),
                                                   (300_000, 1_000_000), (1_000_000, math.inf))


def status(value_printed, database_status: str | None = None) -> str:
    """実施 / 未実施 / 調査無し as printed; a number's printed form stays as it is; nothing printed is not_reported.
    Where the database classified the cell (`database_status`), its class decides."""
    if database_status in DATABASE_STATUS:
        return DATABASE_STATUS[database_status]
    if value_printed is None or (isinstance(value_printed, float) and math.isnan(value_printed)) or value_printed is pd.NA:
        return NOT_REPORTED
    text = str(value_printed).strip()
    return text if text else NOT_REPORTED


def is_answer_indicator(cells: pd.DataFrame) -> bool:
    """An indicator answered with 実施 / 未実施 (not a rate): every printed cell is an answer word."""
    printed = list(statuses_of(cells).values())
    answered = [p for p in printed if p != NOT_REPORTED]
    return bool(answered) and all(p in ANSWERS for p in answered)


def population_band(population) -> tuple[int, float] | None:
    if population is None or pd.isna(population):
        return None
    return next(band for band in POPULATION_BANDS if band[0] <= population < band[1])


@dataclass(frozen=True)
class Peers:
    """A set of governments to compare with. `kind`: type | prefecture | population; `key` is the type code, the
    prefecture code or the band's lower bound."""

    kind: str
    key: str
    codes: tuple[str, ...]


def peer_sets(subject: str, governments: pd.DataFrame) -> tuple[Peers, ...]:
    """The subject's peers among `governments` (columns government_code, entity_type, prefecture_code, population; the
    type as it was on the date compared). Prefectures are compared with prefectures only; municipalities with
    municipalities of the same type, of their prefecture, and of their population band. The subject is included."""
    frame = governments.reset_index(drop=True).sort_values("government_code").set_index("government_code", drop=False)
    me = frame.loc[subject]
    if me.entity_type == "pref":
        return (Peers("type", "pref", tuple(frame.index[frame.entity_type == "pref"])),)
    municipalities = frame[frame.entity_type != "pref"]
    sets = [Peers("type", me.entity_type, tuple(municipalities.index[municipalities.entity_type == me.entity_type])),
            Peers("prefecture", me.prefecture_code,
                  tuple(municipalities.index[municipalities.prefecture_code == me.prefecture_code]))]
    band = population_band(me.population)
    if band is not None:
        inside = (municipalities.population >= band[0]) & (municipalities.population < band[1])
        sets.append(Peers("population", str(band[0]), tuple(municipalities.index[inside])))
    return tuple(sets)


@dataclass(frozen=True)
class AnswerSummary:
    """Counts of 実施 among the peers who answered 実施 or 未実施; who was not surveyed or did not report is named."""

    peers: Peers
    answered: int
    done: int
    not_surveyed: tuple[str, ...]  # codes
    not_reported: tuple[str, ...]

    @property
    def share(self) -> float | None:
        """Computed here (done / answered × 100), not published: shown with one decimal and marked as computed."""
        return 100 * self.done / self.answered if self.answered else None


@dataclass(frozen=True)
class NumberSummary:
    """The spread of a published rate among the peers who report one; the subject's rank (1 = highest)."""

    peers: Peers
    reported: int
    median: float | None
    lower_quartile: float | None
    upper_quartile: float | None
    rank: int | None  # ties share the best rank
    not_surveyed: tuple[str, ...]
    not_reported: tuple[str, ...]

    @property
    def percentile(self) -> float | None:
        """Share of reporting peers at or below the subject (computed)."""
        return None if self.rank is None or not self.reported else 100 * (self.reported - self.rank + 1) / self.reported


def answer_summary(peers: Peers, cells: pd.DataFrame) -> AnswerSummary:
    """`cells`: government_code, value_printed of one indicator at one date (governments without a row: not reported)."""
    printed = _statuses(peers, cells)
    return AnswerSummary(
        peers=peers,
        answered=sum(p in (DONE, NOT_DONE) for p in printed.values()),
        done=sum(p == DONE for p in printed.values()),
        not_surveyed=tuple(code for code, p in printed.items() if p == NOT_SURVEYED),
        not_reported=tuple(code for code, p in printed.items() if p == NOT_REPORTED),
    )


def number_summary(peers: Peers, cells: pd.DataFrame, subject: str) -> NumberSummary:
    """`cells`: government_code, value_printed, value. Quartiles by linear interpolation (pandas' default), computed."""
    printed = _statuses(peers, cells)
    values = cells.set_index("government_code").value.reindex(list(peers.codes))
    values = values[[printed[code] not in (NOT_REPORTED, NOT_SURVEYED, NOT_APPLICABLE) for code in values.index]].dropna()
    mine = values.get(subject)
    return NumberSummary(
        peers=peers, reported=len(values),
        median=_quantile(values, 0.5), lower_quartile=_quantile(values, 0.25), upper_quartile=_quantile(values, 0.75),
        rank=None if mine is None else int((values > mine).sum()) + 1,
        not_surveyed=tuple(code for code, p in printed.items() if p == NOT_SURVEYED),
        not_reported=tuple(code for code, p in printed.items()
                           if p == NOT_REPORTED or (p not in (*ANSWERS, NOT_APPLICABLE) and code not in values.index)),
    )


def statuses_of(cells: pd.DataFrame) -> dict[str, str]:
    """government_code → status of the cells (with the database's `status` column where it has one)."""
    classes = cells.status if "status" in cells else [None] * len(cells)
    return {code: status(printed, kind) for code, printed, kind in zip(cells.government_code, cells.value_printed, classes)}


def _statuses(peers: Peers, cells: pd.DataFrame) -> dict[str, str]:
    known = statuses_of(cells)
    return {code: known.get(code, NOT_REPORTED) for code in peers.codes}


def _quantile(values: pd.Series, q: float) -> float | None:
    return float(values.quantile(q)) if len(values) else None
