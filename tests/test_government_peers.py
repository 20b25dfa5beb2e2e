"""Peer sets and their counts: the base is who answered, and who did not answer is named, never counted as 未実施."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from governments.peers import (DONE, NOT_DONE, NOT_REPORTED, NOT_SURVEYED, Peers, answer_summary, is_answer_indicator,
                               number_summary, peer_sets, population_band, status)

GOVERNMENTS = pd.DataFrame([
    # code, type, prefecture, population
    ("012025", "core", "01", 248_000),
    ("172014", "core", "17", 462_000),
    ("202011", "core", "20", 375_000),
    ("282014", "core", "28", 530_000),
    ("172049", "city_other", "17", 24_000),
    ("173657", "town", "17", 16_000),
    ("170003", "pref", "17", 1_100_000),
    ("010006", "pref", "01", 5_100_000),
], columns=["government_code", "entity_type", "prefecture_code", "population"])


def cells(pairs) -> pd.DataFrame:
    return pd.DataFrame([(code, printed, value) for code, printed, value in pairs],
                        columns=["government_code", "value_printed", "value"])


def test_a_municipality_has_type_prefecture_and_population_peers_and_is_among_them():
    sets = {peers.kind: peers for peers in peer_sets("172049", GOVERNMENTS)}
    assert sets["type"].codes == ("172049",)
    assert sets["prefecture"].codes == ("172014", "172049", "173657"), "the prefecture itself is not a peer of its towns"
    assert sets["population"].key == "10000" and sets["population"].codes == ("172049", "173657")


def test_a_prefecture_is_compared_with_prefectures_only():
    assert [(p.kind, p.codes) for p in peer_sets("170003", GOVERNMENTS)] == [("type", ("010006", "170003"))]


def test_the_share_counts_only_those_who_answered_and_names_the_rest():
    core = Peers("type", "core", ("012025", "172014", "202011", "282014"))
    summary = answer_summary(core, cells([("012025", NOT_DONE, None), ("172014", NOT_SURVEYED, None),
                                          ("202011", DONE, None)]))  # 282014 has no row: not reported
    assert (summary.answered, summary.done) == (2, 1)
    assert summary.share == 50.0
    assert summary.not_surveyed == ("172014",) and summary.not_reported == ("282014",)


def test_no_answer_gives_no_share_rather_than_zero():
    summary = answer_summary(Peers("type", "core", ("172014",)), cells([("172014", NOT_SURVEYED, None)]))
    assert summary.answered == 0 and summary.share is None


def test_rates_give_median_quartiles_rank_and_percentile():
    peers = Peers("type", "core", ("012025", "172014", "202011", "282014"))
    summary = number_summary(peers, cells([("012025", "40.0%", 40.0), ("172014", "調査無し", None), ("202011", "60.0%", 60.0),
                                           ("282014", "", None)]), subject="012025")
    assert summary.reported == 2 and summary.median == 50.0
    assert (summary.lower_quartile, summary.upper_quartile) == (45.0, 55.0)
    assert summary.rank == 2 and summary.percentile == 50.0
    assert summary.not_surveyed == ("172014",) and summary.not_reported == ("282014",)


def test_ties_share_the_best_rank():
    peers = Peers("type", "core", ("a", "b", "c"))
    summary = number_summary(peers, cells([("a", "50%", 50.0), ("b", "50%", 50.0), ("c", "70%", 70.0)]), subject="b")
    assert summary.rank == 2


@pytest.mark.parametrize("printed, expected", [("実施", DONE), (" 未実施 ", NOT_DONE), ("", NOT_REPORTED), (None, NOT_REPORTED),
                                               (math.nan, NOT_REPORTED), ("72%", "72%"), ("0", "0")])
def test_status_keeps_blank_zero_and_answers_apart(printed, expected):
    assert status(printed) == expected


def test_answer_indicators_are_told_from_rates():
    assert is_answer_indicator(cells([("a", "実施", None), ("b", "調査無し", None), ("c", None, None)]))
    assert not is_answer_indicator(cells([("a", "72%", 72.0), ("b", "実施", None)]))
    assert not is_answer_indicator(cells([("a", None, None)]))


@pytest.mark.parametrize("population, band", [(0, (0, 10_000)), (9_999, (0, 10_000)), (10_000, (10_000, 50_000)),
                                              (3_700_000, (1_000_000, math.inf)), (None, None)])
def test_population_bands_include_their_lower_bound(population, band):
    assert population_band(population) == band
