"""The dashboard in a real browser: every page renders, filters drive the chart and the URL, CSV downloads, hostile links.

Needs Debian's chromium (/usr/bin/chromium) and the database (`python -m etl`). Screenshots: artifacts/screenshots/.
"""
from __future__ import annotations

import csv
import io
from urllib.parse import unquote, urlsplit

import pytest

from tests.browser import (ARTIFACTS, CHART, EXCEPTION, FILTER, browser, chart_data, dashboard_url,  # noqa: F401 (fixtures)
                           new_page, offline_page, open_page, page, screenshot, selected_pills, serve, toggle_pill,
                           wait_for_at_least, wait_for_chart, wait_until_idle)

from tests.test_benchmark_page import real_peers
from tests.test_benchmark_real_peers import expected_base

pytestmark = pytest.mark.browser

TOPIC_PAGES = ["governance", "frontyard", "standardization", "mynumber", "security", "ai_rpa", "telework"]
# digital_divide: 別紙1 prints its heading and no figures, so the page has no chart by design
PAGES = ["", *TOPIC_PAGES, "digital_divide", "data"]
VIEWS = [(path, "") for path in PAGES] + [("", "?lang=en"), ("governance", "?lang=en")]
GOVERNANCE_ONE_YEAR = "governance?years=2023&groups=all,pref,town_village&items=governance_overall_policy&lang=ja"


def view_name(path: str, query: str) -> str:
    return (path or "overview") + ("_en" if "lang=en" in query else "")


def assert_no_exception(page) -> None:
    errors = page.locator(EXCEPTION)
    assert errors.count() == 0, f"{page.url} shows an exception: {errors.first.inner_text()[:500]}"


def wait_for_url_containing(page, *fragments: str) -> None:
    page.wait_for_function("fragments => fragments.some(f => decodeURIComponent(location.href).includes(f))",
                           arg=list(fragments))


def test_every_page_renders_and_is_screenshotted(dashboard_url, page):
    for path, query in VIEWS:
        open_page(page, f"{dashboard_url}/{path}{query}")
        assert_no_exception(page)
        if path in TOPIC_PAGES or path in ("municipality", "prefecture"):
            wait_for_chart(page)  # fails with a timeout when the page has no chart
        screenshot(page, view_name(path, query))


def test_changing_a_filter_changes_the_chart(dashboard_url, page):
    open_page(page, f"{dashboard_url}/{GOVERNANCE_ONE_YEAR}")
    before = chart_data(page)
    assert before, "no chart data before the change"

    toggle_pill(page, 0, "2021年度")  # the first filter is 年度
    wait_for_url_containing(page, "years=2021,2023")
    wait_until_idle(page)

    after = chart_data(page)
    for _ in range(20):  # Plotly may redraw a moment after Streamlit is idle
        if after != before:
            break
        page.wait_for_timeout(250)
        after = chart_data(page)
    assert after != before, "the chart did not change"
    years_on_x = {str(x)[:4] for trace in after for x in trace["x"]}
    assert years_on_x == {"2021", "2023"}, f"x of the two-year chart: {[trace['x'] for trace in after]}"
    assert all(len(trace["x"]) == 2 for trace in after), after
    assert "years=2021%2C2023" in page.url or "years=2021,2023" in page.url, page.url
    screenshot(page, "governance_after_adding_2021")


def test_csv_download_has_bom_and_the_rows_shown(dashboard_url, page):
    open_page(page, f"{dashboard_url}/governance?years=2021,2022,2023&groups=pref,town_village"
                    "&items=governance_overall_policy&lang=ja")
    button = page.locator('[data-testid="stDownloadButton"] button', has_text="CSVをダウンロード").first
    with page.expect_download() as download_info:
        button.click()
    download = download_info.value
    data = download.path().read_bytes()

    assert download.suggested_filename == "dx_governance_overall_policy_2021-2023_pref_town_village.csv"
    assert data.startswith(b"\xef\xbb\xbf"), data[:16]
    header, *rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert {"年度", "区分", "出典", "時点"} <= set(header), header
    assert len(rows) == 6, rows  # 3 years × 2 groups
    records = [dict(zip(header, row)) for row in rows]
    value_column = next(name for name in header if name.startswith("値"))
    town_village_2023 = [r for r in records if r["年度"] == "2023年度（令和5年度）" and r["区分"] == "町村"]
    assert len(town_village_2023) == 1, records
    assert float(town_village_2023[0][value_column]) == 29.6
    assert int(town_village_2023[0]["団体数"]) == 273


def test_copied_url_restores_the_same_view(dashboard_url, new_page):
    first = open_page(new_page(), f"{dashboard_url}/governance?years=2021,2023&groups=pref,city"
                                  "&items=governance_dedicated_unit")
    copied = first.url
    second = open_page(new_page(), copied)  # a new context: a new Streamlit session, only the URL carries the view
    for shown in (first, second):  # 年度, 区分 and 項目, and the chart drawn after them
        assert wait_for_at_least(shown, FILTER, 3) == 3
        wait_for_chart(shown)

    years, groups = selected_pills(second)[:2]
    assert years == ["2021年度（令和3年度）", "2023年度（令和5年度）"], years
    assert groups == ["都道府県", "市"], groups
    assert selected_pills(second) == selected_pills(first)
    assert chart_data(second) == chart_data(first)
    assert chart_data(first)


def test_hostile_url_falls_back_with_notice(dashboard_url, page):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_page(page, f"{dashboard_url}/governance?years=<script>alert(1)</script>&groups=%27%3B--&lang=xx")

    assert_no_exception(page)
    warnings = '[data-testid="stAlertContentWarning"], [data-testid="stAlert"]'
    assert wait_for_at_least(page, warnings, 1) > 0, "no notice about the refused URL values"
    assert page.locator(warnings).first.is_visible()
    assert "<script>" not in page.locator('[data-testid="stMain"]').inner_text()
    wait_for_chart(page)
    assert dialogs == []
    screenshot(page, "governance_hostile_url")


def test_deep_link_on_a_fresh_server_runs_the_app(page):
    """A shared link is often the first request after a deploy or restart, so it needs a server of its own.
    (Streamlit serves pages/ as a legacy multipage app until st.navigation has run once: dashboard/routing.py.)"""
    with serve(ARTIFACTS / "browser" / "streamlit_fresh.log") as fresh_url:
        open_page(page, f"{fresh_url}/governance?years=2021,2023&groups=pref,city")
        # the first run on a fresh server reroutes (st.rerun); on a busy machine the idle check can fall between the
        # two runs, so wait for the rerun's chart, drawn after the filters
        wait_for_chart(page)
        wait_for_at_least(page, FILTER, 2)
        assert "/governance" in page.url, page.url
        assert selected_pills(page)[1] == ["都道府県", "市"], "the link's view survives the router's rerun"
        navigation = page.locator('[data-testid="stSidebarNav"]').inner_text()
        language_switch = page.locator('[data-testid="stSidebar"] [data-testid="stRadio"]').count()
        assert language_switch == 1, "app.py did not run: the sidebar has no language switch"
        assert "推進体制" in navigation, f"navigation from file names, not st.navigation: {navigation!r}"
        assert page.title() == "自治体DX 進捗ダッシュボード"


def test_benchmark_upload_scorecard_and_csv(dashboard_url, page):
    """A town uploads its one-row CSV, reads its scorecard, downloads it; a prefecture uploads its list: heatmap."""
    fixtures = ARTIFACTS.parent / "tests" / "fixtures" / "benchmark"
    open_page(page, f"{dashboard_url}/benchmark")
    page.get_by_text("CSVで入力（1団体）").click()
    page.locator("[data-testid='stFileUploader'] input[type='file']").first.set_input_files(str(fixtures / "single_town.csv"))
    heading = page.get_by_text("富士河口湖町（194301）／町", exact=True)
    heading.wait_for(timeout=30_000)
    wait_until_idle(page)
    assert_no_exception(page)
    town_peers = real_peers("dx_muni_overall_policy", "town", "町", "町")  # counted from the raw CSV
    assert town_peers + "策定済み" in page.locator('[data-testid="stMain"]').inner_text()
    heading.scroll_into_view_if_needed()
    screenshot(page, "benchmark_scorecard")

    button = page.locator('[data-testid="stDownloadButton"] button', has_text="比較表をCSVでダウンロード").first
    with page.expect_download() as download_info:
        button.click()
    data = download_info.value.path().read_bytes()
    assert download_info.value.suggested_filename.startswith("dx_benchmark_194301")
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    answered, done, _ = expected_base("dx_muni_overall_policy", "town")
    assert "富士河口湖町" in text and f",{100 * done / answered:.1f}," in text and "2023-04-01" in text

    page.get_by_text("複数団体（都道府県による一括確認）").click()
    wait_until_idle(page)
    page.locator("[data-testid='stFileUploader'] input[type='file']").first.set_input_files(
        str(fixtures / "yamanashi_municipalities.csv"))
    wait_for_chart(page)
    wait_until_idle(page)
    assert_no_exception(page)
    page.locator("[data-testid='stPlotlyChart']").first.scroll_into_view_if_needed()
    screenshot(page, "benchmark_heatmap")


def test_a_file_just_over_the_limit_gets_the_apps_own_message_in_japanese(dashboard_url, page):
    """10,500,000 bytes: over the app's 10 MB = 10,000,000 bytes, under Streamlit's 11 MB, so the browser lets it
    through and the app refuses it in the user's language (not the browser's English "File must be … or smaller")."""
    open_page(page, f"{dashboard_url}/benchmark")
    page.get_by_text("CSVで入力（1団体）").click()
    data = "団体区分,AIの導入\r\n町,導入済み\r\n".encode("utf-8")
    data += b" " * (10_500_000 - len(data))
    page.locator("[data-testid='stFileUploader'] input[type='file']").first.set_input_files(
        {"name": "large.csv", "mimeType": "text/csv", "buffer": data})
    message = page.get_by_text("は大きすぎます", exact=False).first
    message.wait_for(timeout=30_000)
    assert "上限は10 MB＝10,000,000バイト" in message.inner_text()
    assert page.get_by_text("or smaller", exact=False).count() == 0


# Every address the page refers to: what the browser requested, what it opened as a websocket, and what the document
# names (a favicon is fetched by the browser itself, outside what Playwright reports as the page's requests).
REFERENCED_URLS = """() => [...document.querySelectorAll('link[href], script[src], img[src], iframe[src], source[src]')]
    .map(element => element.href || element.src)"""


def test_a_full_visit_of_every_page_asks_nothing_of_any_other_host(dashboard_url, page):
    """The dashboard runs offline and inside government networks: no font server, CDN or tracker, not even the icon."""
    requested: list[str] = []
    page.context.on("request", lambda request: requested.append(request.url))
    page.on("websocket", lambda websocket: requested.append(websocket.url))
    government_views = [("municipality", "?code=012025&lang=ja"), ("prefecture", "?code=17&lang=ja"), ("prefecture", "?lang=en")]
    for path, query in [*VIEWS, *government_views, ("benchmark", "?lang=en"), ("benchmark", "?lang=ja")]:
        open_page(page, f"{dashboard_url}/{path}{query}")
        if path in TOPIC_PAGES:
            wait_for_chart(page)
            page.locator(".js-plotly-plot").first.hover()  # the hover label and the mode bar
        requested += page.evaluate(REFERENCED_URLS)
    page.get_by_text("複数団体（都道府県による一括確認）").click()  # the benchmark's second mode
    wait_until_idle(page)
    requested += page.evaluate(REFERENCED_URLS)

    server = urlsplit(dashboard_url).netloc
    network = [url for url in requested if urlsplit(url).scheme in ("http", "https", "ws", "wss")]
    assert len(network) > 20 and any(url.startswith(f"ws://{server}/") for url in network), network[:5]
    outside = sorted({url for url in network if urlsplit(url).netloc != server})
    assert outside == [], f"requests to other hosts: {outside}"


def test_the_chart_tool_bar_speaks_the_ui_language(dashboard_url, page):
    """Plotly's own labels (e.g. 「Download plot as a PNG」) follow the UI language: Plotly looks them up in config.locales."""
    titles = ".js-plotly-plot .modebar-btn"
    for query, expected, absent in [("?lang=ja", "グラフをPNG画像で保存", "Download plot as a PNG"),
                                    ("?lang=en", "Download plot as a PNG", "グラフをPNG画像で保存")]:
        open_page(page, f"{dashboard_url}/governance{query}")
        wait_for_chart(page)
        page.locator(".js-plotly-plot").first.hover()
        page.locator(titles).first.wait_for(state="attached")
        shown = page.locator(titles).evaluate_all("buttons => buttons.map(b => b.getAttribute('data-title'))")
        assert expected in shown and absent not in shown, shown


# --- per-government pages: search → profile → peers, the prefecture heatmap, the map with the network blocked --------


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
    traces = page.evaluate("""(selector) => document.querySelector(selector).data.map(
        trace => ({type: trace.type, symbol: trace.marker && trace.marker.symbol, points: (trace.x || []).length,
                   rows: trace.type === 'heatmap' ? trace.y.length : 0}))""", CHART)
    cells = traces[0]["rows"] * traces[0]["points"]
    symbols = {trace["symbol"] for trace in traces[1:] if trace["points"]}
    assert {"circle", "circle-open", "x-thin-open"} <= symbols, "実施 / 未実施 / 調査無し are told apart by symbol, not colour alone"
    drawn = wait_for_at_least(page, f"{CHART} .scatterlayer .point", cells)
    assert cells == 19 * 10 and drawn == cells, "every cell carries exactly one symbol"
    # the hover names the cell under the pointer, also near a cell's corner (far from its marker)
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.locator(CHART).first.scroll_into_view_if_needed()
    plot = page.locator(f"{CHART} .nsewdrag").first.bounding_box()
    for row, column, name, item in [(0, 0, "金沢市", "CIOの任命"), (1, 2, "七尾市", "全体方針策定")]:
        for corner in (-0.4, 0.4):
            page.mouse.move(plot["x"] + plot["width"] * (column + 0.5 + corner) / 10,
                            plot["y"] + plot["height"] * (row + 0.5 + corner) / 19)
            expected = f"{name} × {item}："
            try:
                page.wait_for_function("([selector, expected]) => document.querySelector(selector + ' .hoverlayer')"
                                       ".textContent.startsWith(expected)", arg=[CHART, expected], timeout=10_000)
            except PlaywrightTimeout:  # report what the hover said instead
                hover = page.evaluate("(selector) => document.querySelector(selector + ' .hoverlayer').textContent", CHART)
                pytest.fail(f"hover at row {row}, column {column}: expected {expected}…, shown {hover!r}")
    page.locator(CHART).first.scroll_into_view_if_needed()
    screenshot(page, "prefecture_ishikawa_heatmap")


def test_map_draws_with_every_outside_request_blocked(dashboard_url, offline_page):
    page = offline_page
    open_page(page, f"{dashboard_url}/prefecture?lang=ja")
    assert_no_exception(page)
    wait_for_chart(page)
    wait_for_at_least(page, f"{CHART} .scatterlayer .point", 1741)
    drawn = page.evaluate("""(selector) => {
        const chart = document.querySelector(selector);
        return {traces: chart._fullData.length, points: chart.querySelectorAll('.scatterlayer .point').length,
                fills: chart.querySelectorAll('.scatterlayer path.js-fill').length, geo: chart.querySelectorAll('.geo').length};
    }""", CHART)
    assert drawn["geo"] == 0
    assert drawn["fills"] >= 1, "the prefectures are filled polygons"
    assert drawn["points"] >= 1741, "every municipality is drawn as a point"
    assert page.blocked_requests == [], "the map needs nothing from another host"
    screenshot(page, "map_offline")


def test_benchmark_prefill_after_picking_a_government_by_search(dashboard_url, page):
    open_page(page, f"{dashboard_url}/benchmark?lang=ja")
    assert_no_exception(page)
    box = page.get_by_role("textbox", name="自団体を検索して選ぶ")
    box.fill("はこだて")
    box.press("Enter")
    button = page.get_by_role("button", name="函館市（北海道）")
    button.wait_for()
    button.click()
    wait_for_url_containing(page, "code=012025")
    wait_until_idle(page)
    assert_no_exception(page)
    page.get_by_text("選んだ団体：函館市（中核市）。公式回答で記入しました。").wait_for()
    caption = page.get_by_text("公式回答：未策定（2023年4月1日時点、出典：デジタル庁「自治体DXの取組に関するダッシュボード」）")
    caption.wait_for()
    assert page.get_by_role("radio", name="未策定").is_checked(), "the official 未実施 is filled in as 未策定"
    assert page.get_by_role("radio", name="構築済み").is_checked()
    answered, done, _ = expected_base("dx_muni_overall_policy", "core")  # counted from the raw CSV
    page.get_by_text(f"回答した中核市{answered}市のうち{done}市（{100 * done / answered:.1f}%・計算値）が策定済み",
                     exact=False).first.wait_for()
    caption.scroll_into_view_if_needed()
    screenshot(page, "benchmark_prefilled_hakodate")


YONAGUNI = "473821"  # 与那国町: the westernmost municipality, a point far from every other marker


def test_clicking_a_municipality_on_the_map_opens_its_profile(dashboard_url, offline_page):
    page = offline_page
    page.set_viewport_size({"width": 1280, "height": 1400})  # the whole map on screen: a click lands where it is drawn
    open_page(page, f"{dashboard_url}/prefecture?lang=ja")
    wait_for_chart(page)
    page.locator(CHART).first.scroll_into_view_if_needed()
    where = page.evaluate("""([selector, code]) => {
        const chart = document.querySelector(selector);
        const layout = chart._fullLayout, box = chart.getBoundingClientRect();
        for (const trace of chart._fullData) {
            const index = (trace.customdata || []).findIndex(d => d[0] === code && d[1] === "muni");
            if (index < 0) continue;
            return {x: box.left + layout.xaxis._offset + layout.xaxis.l2p(trace.x[index]),
                    y: box.top + layout.yaxis._offset + layout.yaxis.l2p(trace.y[index])};
        }
        return null;
    }""", [CHART, YONAGUNI])
    assert where, "与那国町 is drawn as a point"
    page.mouse.move(where["x"], where["y"])
    page.locator(".hoverlayer").get_by_text("与那国町").wait_for()  # the hover names the point about to be clicked
    page.mouse.click(where["x"], where["y"])
    page.wait_for_function(f"() => location.pathname.endsWith('/municipality') && location.search.includes('code={YONAGUNI}')")
    wait_until_idle(page)
    assert_no_exception(page)
    assert page.get_by_role("heading", name="与那国町").count() >= 1
    assert page.blocked_requests == []


def test_the_profile_print_view_prints_its_figures_without_the_sidebar(dashboard_url, offline_page):
    page = offline_page
    open_page(page, f"{dashboard_url}/municipality?code=012025&view=print&lang=ja")
    assert_no_exception(page)
    wait_for_chart(page)
    wait_for_at_least(page, '[data-testid="stTable"] table', 3)
    page.emulate_media(media="print")
    shown = page.evaluate("""(selector) => {
        const visible = element => element !== null && getComputedStyle(element).display !== "none"
            && element.getBoundingClientRect().height > 0;
        const chart = document.querySelector(selector);
        return {sidebar: visible(document.querySelector('[data-testid="stSidebar"]')),
                toggle: visible(document.querySelector('[data-testid="stCheckbox"]')),
                chart: visible(chart) && chart._fullData.length > 0 && chart.querySelectorAll('.scatterlayer .trace').length > 0,
                tables: [...document.querySelectorAll('[data-testid="stTable"] table')].filter(visible).length,
                heading: document.querySelector('h1') && document.querySelector('h1').innerText};
    }""", CHART)
    assert shown["sidebar"] is False and shown["toggle"] is False, shown
    assert shown["chart"] and shown["tables"] >= 3 and "函館市" in shown["heading"], shown
    printed = page.pdf(format="A4", print_background=True)  # what the browser's print command produces
    assert printed.startswith(b"%PDF") and len(printed) > 50_000
    (ARTIFACTS / "print").mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "print" / "profile_hakodate.pdf").write_bytes(printed)
    screenshot(page, "profile_hakodate_print")
    assert page.blocked_requests == []


def switch_language(page, name: str) -> None:
    page.locator("[data-testid='stSidebar'] label", has_text=name).first.click()
    wait_until_idle(page)


def test_switching_language_back_and_forth_keeps_the_benchmark_entry(dashboard_url, page):
    """The browser keeps a choice as the label it showed: after a switch of language, the next interaction sends the old
    language's label. The entry must stay 指定都市 (designated), not become the label or a traceback."""
    open_page(page, f"{dashboard_url}/benchmark?code=011002&lang=ja")
    page.get_by_text("選んだ団体：札幌市（指定都市）", exact=False).first.wait_for()
    switch_language(page, "English")
    page.get_by_text("Designated city", exact=False).first.wait_for()
    switch_language(page, "日本語")
    assert_no_exception(page)
    wait_for_url_containing(page, "lang=ja")
    assert "type=designated" in unquote(page.url), page.url
    page.get_by_text("選んだ団体：札幌市（指定都市）", exact=False).first.wait_for()
    page.get_by_text("印刷用の表示").first.click()
    wait_until_idle(page)
    assert_no_exception(page)
    assert "type=designated" in unquote(page.url) and "view=print" in unquote(page.url), page.url
    assert page.get_by_text("印刷する内容がありません", exact=False).count() == 0


def test_switching_language_then_changing_a_filter_keeps_the_other_filters(dashboard_url, page):
    open_page(page, f"{dashboard_url}/{GOVERNANCE_ONE_YEAR}")
    switch_language(page, "English")
    wait_for_url_containing(page, "lang=en")
    toggle_pill(page, 0, "FY2021")
    wait_for_url_containing(page, "years=2021,2023")
    wait_until_idle(page)
    assert_no_exception(page)
    assert "groups=all,pref,town_village" in unquote(page.url), page.url
    years, groups = selected_pills(page)[:2]
    assert len(years) == 2 and len(groups) == 3, (years, groups)


def test_a_pasted_search_longer_than_the_limit_is_answered_not_ignored(dashboard_url, page):
    """The browser drops a paste longer than a box's own limit without a word: the box takes more than the search does,
    so the search itself says the text is too long."""
    open_page(page, f"{dashboard_url}/?lang=ja")
    box = page.get_by_placeholder("名前・よみ・ローマ字・団体コード")
    box.fill("札幌" + " " * 45)
    page.get_by_text("入力が長すぎます（40文字まで）。").wait_for()
    assert_no_exception(page)
