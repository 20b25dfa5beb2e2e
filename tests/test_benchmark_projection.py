"""benchmark/projection.py: when a peer group would reach 50/80/100% at its recent pace, always labelled a projection."""
from __future__ import annotations

from decimal import Decimal

import pytest

from benchmark.projection import HORIZON_YEARS, Milestone, project, projection_sentence


def by_target(projection):
    return {m.target: m for m in projection.milestones}


def test_pace_is_the_slope_of_the_last_two_points():
    # 町村 全体方針: 4.3 → 13.6 → 29.6; only 2022→2023 (+16.0/year) counts
    projection = project([(2021, 4.3), (2022, 13.6), (2023, 29.6)])
    assert projection.status == "projected"
    assert projection.base_years == (2022, 2023)
    assert projection.slope == Decimal("16.0")  # exact: Decimal on the printed values, not 16.000000000000004
    assert projection.milestones == (Milestone(50, "projected", 2025), Milestone(80, "projected", 2027),
                                     Milestone(100, "projected", 2028))


def test_points_may_come_unsorted_and_with_gaps_between_years():
    projection = project([(2023, 40.0), (2021, 20.0)])  # two years apart: +10/year
    assert projection.base_years == (2021, 2023)
    assert projection.slope == Decimal(10)
    assert by_target(projection)[50] == Milestone(50, "projected", 2024)


def test_a_target_hit_exactly_is_that_year_not_the_next():
    projection = project([(2022, 30.0), (2023, 40.0)])
    assert by_target(projection)[50].fiscal_year == 2024
    assert by_target(projection)[80].fiscal_year == 2027
    assert by_target(projection)[100].fiscal_year == 2029


def test_targets_already_met_are_reached_not_projected():
    projection = project([(2023, 78.6), (2024, 85.8)])
    assert by_target(projection)[50].status == "reached"
    assert by_target(projection)[80].status == "reached"
    assert by_target(projection)[100] == Milestone(100, "projected", 2026)


def test_all_targets_reached():
    projection = project([(2022, 100.0), (2023, 100.0)])
    assert projection.status == "all_reached"
    assert all(m.status == "reached" for m in projection.milestones)


@pytest.mark.parametrize("points", [[(2022, 62.9), (2023, 60.1)], [(2022, 40.0), (2023, 40.0)]])
def test_flat_or_declining_projects_nothing(points):
    projection = project(points)
    assert projection.status == "flat_or_declining"
    assert all(m.status in ("reached", "not_projected") for m in projection.milestones)
    assert not any(m.fiscal_year for m in projection.milestones)


def test_flat_still_reports_targets_already_reached():
    projection = project([(2022, 62.9), (2023, 60.1)])
    assert by_target(projection)[50].status == "reached"
    assert by_target(projection)[80].status == "not_projected"


def test_single_point_and_no_data():
    assert project([(2023, 46.6)]).status == "single_point"
    assert project([]).status == "no_data"
    assert project([(2022, None), (2023, float("nan"))]).status == "no_data"
    assert project([(2022, None), (2023, 46.6)]).status == "single_point"


def test_never_further_than_the_horizon():
    # CISO in 町村: +0.6/year from 88.9 would need 19 years to reach 100
    projection = project([(2022, 88.3), (2023, 88.9)])
    assert by_target(projection)[100].status == "beyond_horizon"
    assert by_target(projection)[100].fiscal_year is None
    # exactly at the horizon is still projected
    at_horizon = project([(2022, 84.0), (2023, 85.0)])
    assert by_target(at_horizon)[100] == Milestone(100, "projected", 2023 + HORIZON_YEARS)


def test_sentences_are_labelled_and_name_the_years_used():
    projection = project([(2021, 4.3), (2022, 13.6), (2023, 29.6)])
    ja = projection_sentence(projection, "町村", "ja")
    assert ja.startswith("見通し（試算）：")
    assert "2022年度→2023年度" in ja and "年+16.0ポイント" in ja
    assert "50%到達は2025年度ごろ" in ja and "100%到達は2028年度ごろ" in ja
    en = projection_sentence(projection, "Towns and villages", "en")
    assert en.startswith("Projection: ")
    assert "FY2022→FY2023" in en and "+16.0 points a year" in en and "50% around FY2025" in en


def test_sentences_for_every_status():
    assert "横ばいまたは減少" in projection_sentence(project([(2022, 62.9), (2023, 60.1)]), "その他市区町村", "ja")
    assert "1年度分のみ" in projection_sentence(project([(2023, 46.6)]), "町村", "ja")
    assert "既に50%、80%、100%に達しています" in projection_sentence(project([(2022, 100.0), (2023, 100.0)]), "指定都市", "ja")
    assert "15年より先" in projection_sentence(project([(2022, 88.3), (2023, 88.9)]), "町村", "ja")
    assert "not within 15 years" in projection_sentence(project([(2022, 88.3), (2023, 88.9)]), "Towns", "en")
    assert projection_sentence(project([]), "町村", "ja").startswith("見通し（試算）")
