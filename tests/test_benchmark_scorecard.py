"""The benchmark's peers, scoring, wording and scorecard CSV through the real database: peer selection, national and
leading groups, positions, sentences, the summary's order, the export frame and file names."""
from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

import pandas as pd
import pytest

from benchmark.peers import peer_contexts
from benchmark.scorecard_csv import scorecard_export_frame, scorecard_filename
from benchmark.scoring import score_entry, signed_score, summary
from benchmark.upload import parse_upload
from benchmark.vocabulary import ItemSpec, MunicipalityEntry, items_from_frame, vocabulary
from benchmark.wording import matrix_frames, position_label, scorecard_display_frame, sentence, summary_line
from common.csv_export import dataframe_to_csv_bytes
from dashboard.queries import sql_for


@pytest.fixture(scope="module")
def frames(database_path):
    import duckdb

    connection = duckdb.connect(str(database_path), read_only=True)
    try:
        items = items_from_frame(connection.execute(sql_for("benchmark_items")).df())
        facts = connection.execute(sql_for("benchmark_facts")).df()
        types = connection.execute(sql_for("benchmark_entity_types")).df()
        peers = {code: connection.execute(sql_for("benchmark_peer_groups"), {"entity_type": code}).df()
                 for code in types.entity_type}
    finally:
        connection.close()
    labels = {row.entity_type: (row.label_ja, row.label_en) for row in types.itertuples()}
    return items, facts, peers, labels


@pytest.fixture(scope="module")
def vocab(database_path, frames):
    import duckdb

    connection = duckdb.connect(str(database_path), read_only=True)
    try:
        types = connection.execute(sql_for("benchmark_entity_types")).df()
        bands = connection.execute(sql_for("breakdowns"), {"indicator_code": "telework_staff_share"}).df()
    finally:
        connection.close()
    return vocabulary(frames[0], types, bands)


@pytest.fixture(scope="module")
def contexts(frames):
    items, facts, peers, labels = frames
    return {code: peer_contexts(items, facts, peers[code], code, *labels[code]) for code in labels}


def score(frames, contexts, entity_type, answers):
    items = frames[0]
    rows = score_entry(MunicipalityEntry(None, "", entity_type, answers), items, contexts[entity_type])
    return {row.item.item_code: row for row in rows}


# --- items -----------------------------------------------------------------------------------------------------------


def test_items_come_from_the_database_in_order(frames):
    items = frames[0]
    assert len(items) == 22
    assert [item.sort_order for item in items] == sorted(item.sort_order for item in items)
    spec = items[2].spec
    assert isinstance(spec, ItemSpec) and spec.item_code == "governance_overall_policy"
    assert (spec.label_ja, spec.yes_label_ja, spec.no_label_ja) == ("全体方針", "策定済み", "未策定")
    assert items[2].topic_label_ja == "推進体制"


# --- peer selection --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("entity_type, item_code, peer, year, as_of", [
    ("town", "governance_overall_policy", "town_village", 2023, date(2023, 4, 1)),
    ("village", "governance_overall_policy", "town_village", 2023, date(2023, 4, 1)),
    ("ward", "governance_overall_policy", "ward", 2023, date(2023, 4, 1)),
    ("core", "security_ciso", "city", 2023, date(2023, 4, 1)),
    ("core", "standardization_completed", "core", 2024, date(2025, 1, 31)),
    ("city_other", "standardization_completed", "city_general", 2024, date(2025, 1, 31)),
    ("town", "ai_adoption", "muni_other", 2023, date(2023, 12, 31)),
    ("designated", "ai_adoption", "designated", 2023, date(2023, 12, 31)),
    ("ward", "mynumber_issued_rate", "ward_city", 2024, date(2024, 12, 31)),
    ("pref", "mynumber_issued_rate", "all", 2024, date(2024, 12, 31)),
    ("pref", "governance_overall_policy", "pref", 2023, date(2023, 4, 1)),
    ("village", "telework_staff_band", "muni_other", 2023, date(2023, 10, 1)),
])
def test_peer_is_the_finest_published_group_in_the_latest_year(contexts, entity_type, item_code, peer, year, as_of):
    context = contexts[entity_type][item_code]
    assert context.peer.group_code == peer
    assert (context.fiscal_year, context.as_of) == (year, as_of)
    assert context.missing is None


def test_peer_values_are_printed_values_with_counts(contexts):
    context = contexts["town"]["governance_overall_policy"]
    assert (context.peer.value_printed, context.peer.count, context.peer.count_unit) == ("29.6", 273, "entities")
    assert context.peer.label_ja == "町村"
    assert context.peer.text("ja") == "29.6%（273団体）"
    assert context.peer.text("en") == "29.6% (273 entities)"
    assert context.year_label_ja == "2023年度（令和5年度）"
    assert context.source_ja == "総務省「自治体DX・情報化推進概要（令和5年度）」"


def test_a_breakdown_not_published_in_the_latest_year_falls_back_to_an_earlier_year(frames):
    """CSIRT is printed 「－」 for 2020; a database where 2023 were also 「－」 must fall back to 2022."""
    items, facts, peers, labels = frames
    blanked = facts.copy()
    mask = (blanked.item_code == "security_csirt") & (blanked.fiscal_year == 2023)
    blanked.loc[mask, "value"] = float("nan")
    blanked.loc[mask, "value_printed"] = "－"
    context = peer_contexts(items, blanked, peers["town"], "town", *labels["town"])["security_csirt"]
    assert (context.fiscal_year, context.peer.value_printed) == (2022, "76.3")


def test_trend_is_the_peer_series_over_the_published_years(contexts):
    context = contexts["town"]["governance_overall_policy"]
    assert [(p.fiscal_year, p.value_printed) for p in context.trend] == [(2021, "4.3"), (2022, "13.6"), (2023, "29.6")]
    assert context.projection.base_years == (2022, 2023)
    csirt = contexts["town"]["security_csirt"]
    assert [p.fiscal_year for p in csirt.trend] == [2021, 2022, 2023]  # 2020 printed 「－」: left out


# --- national and leading groups -------------------------------------------------------------------------------------


def test_national_is_all_where_published_else_muni_else_none(contexts):
    town = contexts["town"]
    assert town["governance_overall_policy"].national.group_code == "all"
    assert town["governance_overall_policy"].national.text("ja") == "51.0%（907団体）"
    assert town["frontyard_online_application"].national.group_code == "muni"
    assert town["frontyard_online_application"].national.label_ja == "全市区町村"
    assert town["standardization_completed"].national.group_code == "muni"
    assert town["ai_adoption"].national is None
    assert town["mynumber_issued_rate"].national.label_ja == "全国"  # as the My Number Card table prints it


def test_leading_group_is_the_highest_published_group_excluding_national_ones(contexts):
    town = contexts["town"]
    assert [r.group_code for r in town["governance_overall_policy"].leading] == ["pref"]
    assert town["governance_overall_policy"].leading[0].value_printed == "95.7"
    # a tie keeps every group, in display order
    assert [r.group_code for r in town["governance_cross_departmental"].leading] == ["pref", "designated"]
    assert town["governance_cross_departmental"].leading_label("ja") == "都道府県、指定都市"
    assert [r.group_code for r in town["frontyard_ai_chatbot"].leading] == ["ward"]
    # 全国 (all) is 84.5 and never "leading"; 町村 is the highest group
    assert [r.group_code for r in town["mynumber_issued_rate"].leading] == ["town_village"]
    assert all(r.group_code not in ("all", "muni") for c in town.values() for r in c.leading)


def test_band_item_compares_the_share_of_the_top_band(contexts):
    context = contexts["town"]["telework_staff_band"]
    assert context.measure_band.band_code == "band_80_100"
    assert context.peer.value_printed == "38.2"
    assert context.national.value_printed == "41.0"
    assert [b.band_code for b in context.bands] == ["band_0_30", "band_30_50", "band_50_80", "band_80_100", "unknown"]


# --- prefecture on front-yard items ----------------------------------------------------------------------------------


def test_prefecture_on_frontyard_says_it_is_published_for_municipalities_only(frames, contexts):
    context = contexts["pref"]["frontyard_online_application"]
    assert context.peer is None and context.missing == "municipal_only"
    assert context.national.group_code == "muni"
    row = score(frames, contexts, "pref", {"frontyard_online_application": True})["frontyard_online_application"]
    assert (row.position, row.reason) == ("not_comparable", "municipal_only")
    assert sentence(row, "ja") == ("オンライン申請システム：実施 — この項目は市区町村のみ公表（都道府県の区分はありません）。"
                                  "参考：全市区町村では62.3%（1,079団体）（2023年4月1日時点）。")
    assert "published for municipalities only (there is no figure for Prefecture)" in sentence(row, "en")
    # the item is not hidden: it is in the display table with its reason
    table = scorecard_display_frame(list(score(frames, contexts, "pref", {}).values()), "ja")
    assert "市区町村のみ公表" in table.loc[table["項目"] == "オンライン申請システム", "比較区分"].iloc[0]


# --- positions and sentences -----------------------------------------------------------------------------------------


def test_yes_below_half_is_ahead_with_the_issue_sentence(frames, contexts):
    row = score(frames, contexts, "town", {"governance_overall_policy": True})["governance_overall_policy"]
    assert row.position == "ahead" and row.distance == Decimal("70.4")
    assert sentence(row, "ja") == "全体方針：策定済み — 町村では29.6%（273団体）が策定済み（2023年4月1日時点）。先行している側です。"
    assert sentence(row, "en") == ("Overall DX policy: Adopted — 29.6% (273 entities) of Towns and villages report “Adopted” "
                                  "(as of 1 Apr 2023). You are on the leading side.")


def test_no_when_most_peers_do_is_behind(frames, contexts):
    rows = score(frames, contexts, "town", {"security_csirt": False, "governance_overall_policy": False})
    csirt = rows["security_csirt"]
    assert csirt.position == "behind" and csirt.distance == Decimal("77.2")
    assert sentence(csirt, "ja") == "CSIRTの整備：未整備 — 町村では77.2%が整備済み（2023年4月1日時点）。遅れている側です。"
    assert sentence(csirt, "en").endswith("You are on the lagging side.")
    policy = rows["governance_overall_policy"]  # "no" while only 29.6% have one: with the majority
    assert policy.position == "level" and policy.distance is None
    assert sentence(policy, "ja").startswith("全体方針：未策定 — 町村では29.6%（273団体）が策定済み")
    assert sentence(policy, "ja").endswith("多くの団体と同じ側です。")


def test_yes_with_the_majority_is_level(frames, contexts):
    row = score(frames, contexts, "pref", {"governance_overall_policy": True})["governance_overall_policy"]
    assert row.position == "level"


def test_unanswered_items_still_show_the_peer_rate(frames, contexts):
    row = score(frames, contexts, "town", {})["governance_overall_policy"]
    assert (row.position, row.reason) == ("not_comparable", "unanswered")
    assert sentence(row, "ja") == "全体方針：未回答 — 町村では29.6%（273団体）が策定済み（2023年4月1日時点）。"
    assert sentence(row, "en").startswith("Overall DX policy: Not answered — 29.6% (273 entities)")
    percent = score(frames, contexts, "town", {})["standardization_completed"]
    assert sentence(percent, "ja") == "標準化 完了率：未回答 — 町村では59.2%（2025年1月31日時点）。"
    band = score(frames, contexts, "town", {})["telework_staff_band"]
    assert "0%以上30%未満 17.9%" in sentence(band, "ja") and "不明 22.3%" in sentence(band, "ja")


def test_numbers_show_the_difference_in_points(frames, contexts):
    rows = score(frames, contexts, "town", {"standardization_completed": 65.0, "mynumber_issued_rate": 80.5,
                                            "mynumber_held_rate": 78.1})
    completed = rows["standardization_completed"]
    assert (completed.position, completed.difference, completed.distance) == ("ahead", Decimal("5.8"), Decimal("5.8"))
    assert sentence(completed, "ja") == ("標準化 完了率：65% — 町村では59.2%（2025年1月31日時点）。差は+5.8ポイント（計算値）。"
                                        "比較区分の値を上回っています。")
    assert "Difference: +5.8 points (computed). Above the peer value." in sentence(completed, "en")
    issued = rows["mynumber_issued_rate"]
    assert (issued.position, issued.difference) == ("behind", Decimal("-5.3"))
    assert "町村では85.8%（8,855,371枚）" in sentence(issued, "ja") and "-5.3ポイント" in sentence(issued, "ja")
    held = rows["mynumber_held_rate"]
    assert (held.position, held.difference, held.distance) == ("level", Decimal("0.0"), None)
    assert sentence(held, "ja").endswith("比較区分の値と同じです。")


def test_in_progress_share_is_not_ranked_but_shows_its_difference(frames, contexts):
    row = score(frames, contexts, "town", {"standardization_in_progress": 10})["standardization_in_progress"]
    assert (row.position, row.reason, row.difference) == ("not_comparable", "not_ranked", Decimal("-4.1"))
    assert "差は-4.1ポイント（計算値）" in sentence(row, "ja")
    assert "先行・遅れは判定しません" in sentence(row, "ja")
    assert contexts["town"]["standardization_in_progress"].projection is None


@pytest.mark.parametrize("band, position, shares, distance", [
    # その他市区町村 2023 (不明 22.3 left out): 0–30 17.9, 30–50 9.2, 50–80 12.5, 80+ 38.2 → of 77.8
    ("band_80_100", "ahead", ("0.0", "49.1", "50.9"), "50.9"),
    ("band_50_80", "level", ("49.1", "16.1", "34.8"), None),
    ("band_0_30", "behind", ("77.0", "23.0", "0.0"), "77.0"),
])
def test_band_position_uses_the_distribution_without_unknown(frames, contexts, band, position, shares, distance):
    row = score(frames, contexts, "town", {"telework_staff_band": band})["telework_staff_band"]
    assert row.position == position
    assert row.band_shares == tuple(Decimal(s) for s in shares)
    assert row.distance == (Decimal(distance) if distance else None)
    higher, same, lower = shares
    assert (f"不明（22.3%）を除くと、これより高い帯が{higher}%、同じ帯が{same}%、低い帯が{lower}%です（計算値）"
            in sentence(row, "ja"))
    assert "(computed)" in sentence(row, "en")


def test_band_answer_unknown_is_not_compared(frames, contexts):
    row = score(frames, contexts, "town", {"telework_staff_band": "unknown"})["telework_staff_band"]
    assert (row.position, row.reason) == ("not_comparable", "unknown_band")
    assert sentence(row, "ja").startswith("テレワークを実施可能な環境にある職員の割合：不明 — ")


# --- summary ---------------------------------------------------------------------------------------------------------


def test_summary_orders_ahead_and_behind_by_distance(frames, contexts):
    rows = list(score(frames, contexts, "town", {
        "governance_overall_policy": True,  # ahead 70.4
        "frontyard_online_application": True,  # ahead 53.4
        "ai_adoption": True,  # ahead 50.1
        "standardization_completed": 65.0,  # ahead 5.8
        "telework_staff_band": "band_80_100",  # ahead 50.9
        "security_ciso": False,  # behind 88.9
        "security_csirt": False,  # behind 77.2
        "mynumber_issued_rate": 80.5,  # behind 5.3
        "governance_dedicated_unit": False,  # level
    }).values())
    ahead, behind = summary(rows)
    assert [r.item.item_code for r in ahead] == ["governance_overall_policy", "frontyard_online_application",
                                                  "telework_staff_band", "ai_adoption", "standardization_completed"]
    assert [r.item.item_code for r in behind] == ["security_ciso", "security_csirt", "mynumber_issued_rate"]
    assert summary_line(ahead[0], "ja") == "全体方針 — 町村で策定済みは29.6%（273団体）"
    assert summary_line(behind[2], "ja") == "マイナンバーカード 累計交付枚数率 — 町村 85.8%（8,855,371枚）、差 -5.3ポイント"
    assert summary_line(ahead[2], "en") == ("Share of staff able to telework — 50.9% of Other municipalities "
                                               "(unknown left out) are in a lower band (computed)")
    assert signed_score(ahead[0]) == 70.4 and signed_score(behind[0]) == -88.9
    assert signed_score(rows[1]) == 0.0  # level
    assert signed_score(rows[0]) is None  # unanswered (全庁的・横断的な推進体制)


# --- tables, export, file names --------------------------------------------------------------------------------------


def test_export_frame_has_numbers_source_and_as_of(frames, contexts):
    entry = MunicipalityEntry("194301", "富士河口湖町", "town", {"governance_overall_policy": True,
                                                              "standardization_completed": 65.0})
    rows = score_entry(entry, frames[0], contexts["town"])
    frame = scorecard_export_frame(entry, rows, "ja", "町")
    assert len(frame) == 22
    policy = frame[frame["項目"] == "全体方針"].iloc[0]
    assert policy["団体コード"] == "194301" and policy["団体名"] == "富士河口湖町" and policy["団体区分"] == "町"
    assert policy["比較区分"] == "町村" and policy["時点"] == "2023-04-01"
    assert policy["比較区分の値（%）"] == 29.6 and policy["比較区分の数"] == 273 and policy["数の単位"] == "団体"
    assert policy["全国の区分"] == "全自治体" and policy["最も高い区分"] == "都道府県"
    assert policy["出典"] == "総務省「自治体DX・情報化推進概要（令和5年度）」"
    assert policy["位置"] == "先行" and policy["文"].startswith("全体方針：策定済み")
    completed = frame[frame["項目"] == "標準化 完了率"].iloc[0]
    assert completed["差（ポイント・計算値）"] == 5.8
    text = dataframe_to_csv_bytes(frame).decode("utf-8-sig")
    header = next(csv.reader(io.StringIO(text)))
    assert {"出典", "時点", "差（ポイント・計算値）"} <= set(header)
    english = scorecard_export_frame(entry, rows, "en", "Town")
    assert {"Source", "As of", "Difference (points, computed)"} <= set(english.columns)


def test_names_with_formulas_are_neutralised_in_the_csv(frames, contexts):
    entry = MunicipalityEntry(None, '=HYPERLINK("http://example.com","x")', "village", {})
    rows = score_entry(entry, frames[0], contexts["village"])
    text = dataframe_to_csv_bytes(scorecard_export_frame(entry, rows, "ja", "村")).decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    assert not any(line.startswith("=") or ',=' in line for line in text.splitlines())


def test_matrix_frames(frames, contexts):
    entries = [MunicipalityEntry("192015", "甲府市", "core", {"governance_overall_policy": True,
                                                             "telework_staff_band": "band_50_80"}),
               MunicipalityEntry("194433", "丹波山村", "village", {"governance_overall_policy": False,
                                                                  "standardization_completed": 35.5})]
    scored = [score_entry(e, frames[0], contexts[e.entity_type]) for e in entries]
    scores, answers = matrix_frames(scored, "ja")
    assert scores.shape == (2, 22)
    assert scores.loc[0, "governance_overall_policy"] == 0.0  # 市: 71.6% have one → level
    assert scores.loc[1, "standardization_completed"] == pytest.approx(-23.7)
    assert pd.isna(scores.loc[0, "ai_adoption"])
    assert answers.loc[0, "governance_overall_policy"] == "○" and answers.loc[1, "governance_overall_policy"] == "×"
    assert answers.loc[0, "telework_staff_band"] == "50–80" and answers.loc[1, "standardization_completed"] == "35.5"


def test_file_names_record_who_and_when():
    made = date(2025, 6, 1)
    coded = MunicipalityEntry("194301", "富士河口湖町", "town", {})
    assert scorecard_filename([coded], [2023, 2024], made) == "dx_benchmark_194301_2023-2024_20250601.csv"
    named = MunicipalityEntry(None, "富士河口湖町", "town", {})
    assert scorecard_filename([named], [2023], made) == "dx_benchmark_富士河口湖町_2023_20250601.csv"
    hostile = MunicipalityEntry(None, "../../etc/passwd<script>", "town", {})
    name = scorecard_filename([hostile], [2023], made)
    assert "/" not in name and ".." not in name and "<" not in name and name.endswith(".csv")
    anonymous = MunicipalityEntry(None, "", "village", {})
    assert scorecard_filename([anonymous], [2021, 2023], made) == "dx_benchmark_village_2021_2023_20250601.csv"
    prefecture = [MunicipalityEntry("192015", "甲府市", "core", {}), MunicipalityEntry("194433", "丹波山村", "village", {})]
    assert scorecard_filename(prefecture, [2023], made, kind="benchmark_entries") == \
        "dx_benchmark_entries_pref19_2entities_2023_20250601.csv"
    mixed = [coded, MunicipalityEntry("131016", "千代田区", "ward", {})]
    assert scorecard_filename(mixed, [2023], made) == "dx_benchmark_2entities_2023_20250601.csv"


def test_the_prefecture_fixture_parses_and_scores(frames, contexts, vocab):
    from pathlib import Path

    data = (Path(__file__).parent / "fixtures" / "benchmark" / "yamanashi_municipalities.csv").read_bytes()
    entries = parse_upload(data, vocab, multiple=True)
    assert len(entries) == 12 and {e.municipality_code[:2] for e in entries} == {"19"}
    assert {e.entity_type for e in entries} == {"core", "city_other", "town", "village"}
    for entry in entries:
        rows = score_entry(entry, frames[0], contexts[entry.entity_type])
        assert all(sentence(row, "ja") and sentence(row, "en") for row in rows)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_an_item_with_nothing_published_reads_as_not_published(frames, language):
    items, facts, peers, labels = frames
    contexts = peer_contexts(items, facts.iloc[0:0], peers["town"], "town", *labels["town"])
    answers = {item.item_code: {"yes_no": True, "band": "band_0_30", "percent": 50.0}[item.kind] for item in items}
    rows = score_entry(MunicipalityEntry(None, "", "town", answers), items, contexts)
    assert {row.reason for row in rows} == {"not_published"}
    shown = scorecard_display_frame(rows, language)
    assert len(shown) == len(items)
    assert all(("公表なし" if language == "ja" else "not published") in position_label(row, language) for row in rows)
