"""How long headless Chromium takes to draw the national map (47 filled prefectures, 1,741 municipality points) once
its figure has arrived: Plotly.newPlot of the exact figure the page sends, on a blank page with the plotly.js that the
Python package bundles (no server, no network)."""
from __future__ import annotations

import json
from pathlib import Path

import plotly

from perf.browser_timing import CHROMIUM, CHROMIUM_ARGS

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def map_figure_json(indicator_code: str = "dx_muni_cio") -> str:
    """The figure the prefecture page draws, built by the page's own code from the bundled database."""
    from dashboard.db import database_version
    from dashboard.prefecture_model import national_map

    figure, _ = national_map(indicator_code, "ja", database_version())
    return figure.to_json()


def time_map_draws(repeat: int) -> list[float]:
    """Milliseconds from Plotly.newPlot to its promise resolving (the map drawn), `repeat` times in one page."""
    from playwright.sync_api import sync_playwright

    figure = json.loads(map_figure_json())
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.route("**/*", lambda route: route.abort())  # nothing may be fetched: the figure carries all it needs
        page.set_content('<div id="map" style="width:820px;height:720px"></div>')
        page.add_script_tag(path=str(PLOTLY_JS))
        timings = page.evaluate("""async ([figure, repeat]) => {
            const times = [];
            for (let i = 0; i < repeat + 1; i++) {
                const div = document.getElementById("map");
                Plotly.purge(div);
                const start = performance.now();
                await Plotly.newPlot(div, figure.data, figure.layout, {displaylogo: false});
                times.push(performance.now() - start);
            }
            return times.slice(1);  // the first draw also compiles plotly.js: not a map cost
        }""", [figure, repeat])
        points = page.evaluate("document.querySelectorAll('#map .scatterlayer .point').length")
        browser.close()
    if points < 1741:
        raise RuntimeError(f"the map drew {points} points, expected at least 1,741")
    return timings
