"""Screenshots of the benchmark page for review: ``python tests/benchmark_screenshots.py [base_url]``.

Needs a running app (``streamlit run app.py --server.port 8611 --server.headless true``) and Debian's chromium.
Uploads the fixtures through the real file inputs and writes artifacts/screenshots/benchmark_*.png.
"""
from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "benchmark"
OUT = ROOT / "artifacts" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run"]


def settle(page: Page, seconds: float = 1.5) -> None:
    page.wait_for_timeout(300)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
    page.wait_for_timeout(int(seconds * 1000))


def shoot(page: Page, locator, name: str) -> None:
    locator.scroll_into_view_if_needed()
    settle(page, 1.0)
    locator.screenshot(path=str(OUT / name))
    print("wrote", OUT / name)


def main(base: str = "http://localhost:8611") -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        # A cold server that is first asked for /benchmark runs pages/benchmark.py on its own (legacy pages/ mode):
        # open the app's root first so that app.py registers its navigation, then go to the page.
        page.goto(base, wait_until="networkidle")
        settle(page, 2)
        page.goto(f"{base}/benchmark", wait_until="networkidle")
        settle(page, 2)
        # the app's sticky header would cover the top of element screenshots
        page.add_style_tag(content="[data-testid='stHeader']{display:none !important}")
        # one municipality, from a cp932 CSV
        page.get_by_text("CSVで入力（1団体）").click()
        page.locator("[data-testid='stFileUploader'] input[type='file']").first.set_input_files(str(FIXTURES / "single_town.csv"))
        settle(page, 3)
        page.screenshot(path=str(OUT / "benchmark_viewport.png"))
        main_block = page.locator("[data-testid='stMainBlockContainer']")
        heading = page.get_by_text("富士河口湖町（194301）／町", exact=True)
        heading.scroll_into_view_if_needed()
        settle(page)
        page.screenshot(path=str(OUT / "benchmark_scorecard_summary.png"))
        shoot(page, page.locator("[data-testid='stDataFrame']").first, "benchmark_scorecard_table.png")
        shoot(page, page.locator("[data-testid='stPlotlyChart']").first, "benchmark_scorecard_chart.png")
        shoot(page, page.locator("[data-testid='stPlotlyChart']").nth(1), "benchmark_scorecard_band.png")
        shoot(page, page.locator("[data-testid='stPlotlyChart']").nth(2), "benchmark_scorecard_trend.png")
        # many municipalities: a prefecture's list
        page.get_by_text("複数団体（都道府県による一括確認）").click()
        settle(page, 2)
        page.locator("[data-testid='stFileUploader'] input[type='file']").first.set_input_files(
            str(FIXTURES / "yamanashi_municipalities.csv"))
        settle(page, 3)
        shoot(page, page.locator("[data-testid='stPlotlyChart']").first, "benchmark_heatmap.png")
        # sorted by the number of items ahead
        page.locator("[data-testid='stSelectbox']").filter(has_text="並べ替え").locator("input").click()
        page.get_by_role("option", name="先行している項目が多い順").click()
        settle(page, 2)
        shoot(page, page.locator("[data-testid='stPlotlyChart']").first, "benchmark_heatmap_sorted.png")
        # a rejected upload: the list stays, the problems are listed by row and column
        broken = (FIXTURES / "yamanashi_municipalities.csv").read_bytes().replace(b"192023", b"192024")
        broken = broken.replace("南アルプス市,その他の市".encode(), "南アルプス市,市".encode())
        page.locator("[data-testid='stFileUploader'] input[type='file']").first.set_input_files(
            files=[{"name": "broken.csv", "mimeType": "text/csv", "buffer": broken}])
        settle(page, 3)
        shoot(page, page.locator("[data-testid='stAlertContainer']").first, "benchmark_rejected.png")
        shoot(page, page.locator("[data-testid='stDataFrame']").first, "benchmark_rejected_table.png")
        # English
        page.get_by_text("English", exact=True).click()
        settle(page, 3)
        shoot(page, page.locator("[data-testid='stPlotlyChart']").first, "benchmark_heatmap_en.png")
        page.get_by_text("日本語", exact=True).click()
        settle(page, 3)
        # print view of the chosen municipality
        page.get_by_text("印刷用の表示").click()
        settle(page, 2)
        page.emulate_media(media="print")
        page.screenshot(path=str(OUT / "benchmark_print.png"))
        main_block.screenshot(path=str(OUT / "benchmark_print_full.png"))
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
