"""Two fixes of the benchmark and the rules behind the official answers: a government without telework is not ranked on
the band of adopters; the own-answer marker of the comparison chart never sits on a bar's value label; official
answers fill the form only where they describe the compared year, and 調査無し never becomes 未実施."""
from __future__ import annotations

import pytest

from benchmark.official import answers_from_official
from benchmark.scoring import score_entry
from benchmark.vocabulary import MunicipalityEntry
from benchmark.wording import position_label
from dashboard.benchmark_charts import BAR_WIDTH, OWN_SIZE, comparison_figure
from dashboard.benchmark_model import Model

LEGEND_ALLOWANCE_PX = 80  # the legend below the plot takes at most this much of the figure's height


@pytest.fixture(scope="module")
def model() -> Model:
    return Model()


def band_row(model: Model, answers: dict):
    rows = score_entry(MunicipalityEntry(None, "", "town", answers), model.items, model.contexts["town"])
    return next(row for row in rows if row.item.item_code == "telework_staff_band")


def test_a_government_without_telework_is_not_ranked_on_the_adopters_band(model):
    adopter = band_row(model, {"telework_adoption": True, "telework_staff_band": "band_80_100"})
    assert adopter.position == "ahead", "the same band is ranked for an adopter"
    without = band_row(model, {"telework_adoption": False, "telework_staff_band": "band_80_100"})
    assert (without.position, without.reason) == ("not_comparable", "not_adopted")
    assert position_label(without, "en") == "Not compared (telework not adopted)"
    assert position_label(without, "ja") == "比較なし（テレワーク未導入）"
    unanswered_band = band_row(model, {"telework_adoption": False})
    assert unanswered_band.reason == "not_adopted"


def test_the_band_is_ranked_when_telework_is_not_answered(model):
    row = band_row(model, {"telework_staff_band": "band_0_30"})
    assert row.position == "behind"


def own_marker_clearance(figure) -> list[float]:
    """For each own ◆: the gap in pixels between its edge and the nearest edge of its row's bar (negative = overlap)."""
    layout = figure.layout
    rows = len(layout.yaxis.tickvals)
    plot_px = layout.height - layout.margin.t - layout.margin.b - LEGEND_ALLOWANCE_PX
    px_per_row = plot_px / (layout.yaxis.range[0] - layout.yaxis.range[1])
    bars = {round(y): y for trace in figure.data if trace.type == "bar" for y in trace.y}
    own = next(trace for trace in figure.data if trace.type == "scatter" and trace.marker.symbol == "diamond")
    gaps = []
    for y in own.y:
        row = round(y)
        assert 0 <= row < rows
        if row in bars:  # a row without a peer bar has no label to cover
            gaps.append((abs(y - bars[row]) - BAR_WIDTH / 2) * px_per_row - OWN_SIZE / 2)
    return gaps


@pytest.mark.parametrize("entity_type", ["core", "town", "village", "pref"])
def test_the_own_marker_never_covers_a_bar_label(model, entity_type):
    # every answer on both extremes: "no" is drawn at 0, where a label anchored inside a bar starts; "yes" at 100
    for yes in (True, False):
        answers = {item.item_code: yes if item.kind == "yes_no" else 0.0 for item in model.items if item.kind != "band"}
        rows = score_entry(MunicipalityEntry(None, "", entity_type, answers), model.items, model.contexts[entity_type])
        figure = comparison_figure(rows, "ja")
        bars = [trace for trace in figure.data if trace.type == "bar"]
        assert bars and all(trace.text is not None and len(trace.text) == len(trace.y) for trace in bars)
        gaps = own_marker_clearance(figure)
        assert len(gaps) == sum(row.item.kind != "band" and row.context.peer is not None for row in rows)
        assert min(gaps) > 0, gaps


def test_official_answers_fill_only_the_compared_year_and_never_turn_not_surveyed_into_no(model):
    hakodate = model.official.answers("012025", "core")
    filled = answers_from_official(hakodate, model.contexts["core"])
    assert hakodate["mynumber_issued_rate"].as_of.year == 2022 and "mynumber_issued_rate" not in filled
    assert "mynumber_held_rate" not in filled, "an undated rate is shown, not filled in"
    assert filled["governance_overall_policy"] is (hakodate["governance_overall_policy"].status == "implemented")
    wajima = model.official.answers("172049", "city_other")
    unsurveyed = [code for code, answer in wajima.items() if answer.status == "not_surveyed"]
    assert unsurveyed and not set(unsurveyed) & set(answers_from_official(wajima, model.contexts["city_other"]))


def test_real_peers_replace_the_besshi1_group_only_where_per_government_data_answers_the_item(model):
    core = model.contexts["core"]
    ai = core["ai_adoption"]
    base = ai.government_base
    assert base is not None and ai.peer.label("ja") == "中核市" and ai.besshi_peer.label("ja") == "その他市区町村"
    assert ai.peer.value_printed == f"{100 * base.done / base.answered:.1f}"
    assert core["governance_dedicated_unit"].government_base is None
    assert core["governance_dedicated_unit"].besshi_reason == "no_government_data"
    assert core["mynumber_issued_rate"].besshi_reason == "government_data_older"
    assert model.contexts["pref"]["governance_overall_policy"].besshi_reason == "government_date_undetermined"
