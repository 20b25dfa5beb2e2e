"""Each topic page states its topic's targets and the distance to them, the same as the overview's tile says."""
from __future__ import annotations

import pytest

from tests.apptest_support import open_page


def texts(app) -> list[str]:
    return [element.value for element in app.text]


def overview_target_notes(lang: str = "ja") -> list[str]:
    return [element.value for element in open_page("overview", {"lang": lang}).caption]


def test_standardisation_page_gives_its_target_and_the_gap_to_it():
    shown = texts(open_page("standardization"))
    gap = [text for text in shown if text.startswith("最新値との差：")]
    assert gap and gap[0].startswith("最新値との差：40.8ポイント。"), shown[:4]
    assert gap[0] in overview_target_notes(), "the page and the overview say the same"
    assert any("標準準拠システム" in text and "2025年度" in text for text in shown)


@pytest.mark.parametrize("page, topic", [("governance", "governance"), ("frontyard", "frontyard"),
                                         ("standardization", "standardization")])
def test_each_target_of_the_topic_is_on_its_page(page, topic, db):
    targets = db.execute("select label_ja, deadline_ja from targets where topic_code = ? and scope_ja <> '民間企業'",
                         [topic]).fetchall()
    assert targets
    shown = texts(open_page(page))
    assert [f"{label}（{deadline}）" for label, deadline in targets if f"{label}（{deadline}）" not in shown] == []


def test_private_sector_targets_stay_off_the_telework_page():
    shown = texts(open_page("telework"))
    assert not [text for text in shown if "民間企業" in text or "雇用型テレワーカー" in text]


def test_targets_follow_the_language():
    shown = texts(open_page("standardization", {"lang": "en"}))
    assert any(text.startswith("Gap to the latest value: 40.8 points.") for text in shown), shown[:4]
