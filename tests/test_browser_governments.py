"""The per-government pages in a real browser: search → profile → peers, the prefecture heatmap, and the map drawn
with every request to another host blocked."""
from __future__ import annotations

import pytest

from tests.browser import (CHART, EXCEPTION, browser, dashboard_url, new_page, open_page, page,  # noqa: F401 (fixtures)
                           screenshot, wait_for_chart, wait_until_idle)

pytestmark = pytest.mark.browser

# Streamlit fetches a material-icon favicon from Google's font server (app.py's page icon): not a map request
FAVICON_HOST = "https://fonts.gstatic.com/s/i/short-term/release/materialsymbolsrounded/"


def assert_no_exception(page) -> None:
    errors = page.locator(EXCEPTION)
    assert errors.count() == 0, f"{page.url} shows an exception: {errors.first.inner_text()[:500]}"


def test_search_then_profile_then_peers(dashboard_url, page):
    open_page(page, f"{dashboard_url}/?lang=ja")
    box = page.get_by_placeholder("名前・よみ・ローマ字・団体コード")
    box.fill("はこだて")  # no Enter: results come as the user types
    link = page.get_by_role("link", name="函館市（北海道）")
    link.wait_for()
    link.click()
    page.wait_for_function("() => location.pathname.endsWith('/municipality') && location.search.includes('code=012025')")
    wait_until_idle(page)
    assert_no_exception(page)
    assert page.get_by_role("heading", name="函館市").count() >= 1
    sentence = "全体方針策定：未実施。回答した中核市61市のうち55市（90.2%）が実施（2023年4月1日時点、金沢市は調査無し）。"
    page.get_by_text(sentence).wait_for()
    wait_for_chart(page)
    screenshot(page, "profile_hakodate")


def test_prefecture_heatmap_shows_symbols(dashboard_url, page):
    open_page(page, f"{dashboard_url}/prefecture?code=17&lang=ja")
    assert_no_exception(page)
    wait_for_chart(page)
    symbols = page.evaluate(
        "(selector) => { const chart = document.querySelector(selector); return chart.data[0].text.flat(); }", CHART)
    assert {"●", "○", "×"} <= set(symbols), "実施 / 未実施 / 調査無し are told apart by symbol, not colour alone"
    drawn = page.locator(f"{CHART} .hm text, {CHART} .heatmaplayer text").count()
    assert drawn >= 19 * 10, "every cell prints its symbol"
    page.locator(CHART).first.scroll_into_view_if_needed()
    screenshot(page, "prefecture_ishikawa_heatmap")


def test_map_draws_with_every_outside_request_blocked(dashboard_url, new_page):
    page = new_page()
    blocked: list[str] = []

    def only_local(route):
        if route.request.url.startswith(dashboard_url):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page.context.route("**/*", only_local)
    open_page(page, f"{dashboard_url}/prefecture?lang=ja")
    assert_no_exception(page)
    wait_for_chart(page)
    drawn = page.evaluate("""(selector) => {
        const chart = document.querySelector(selector);
        return {traces: chart._fullData.length, points: chart.querySelectorAll('.scatterlayer .point').length,
                fills: chart.querySelectorAll('.scatterlayer path.js-fill').length, geo: chart.querySelectorAll('.geo').length};
    }""", CHART)
    assert drawn["geo"] == 0
    assert drawn["fills"] >= 1, "the prefectures are filled polygons"
    assert drawn["points"] >= 1741, "every municipality is drawn as a point"
    assert [url for url in blocked if not url.startswith(FAVICON_HOST)] == [], "the map needs nothing from another host"
    screenshot(page, "map_offline")
