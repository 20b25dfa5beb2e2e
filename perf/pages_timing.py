"""Warm rerun time of each page with AppTest, and its ratio to a minimal script drawing the same elements from memory."""
from __future__ import annotations

from pathlib import Path

import plotly.io
from streamlit.testing.v1 import AppTest

from dashboard.csv_export import dataframe_to_csv_bytes
from perf import stash
from perf.stats import summary, time_ms

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["overview", "governance", "frontyard", "standardization", "mynumber", "security", "ai_rpa", "telework",
         "digital_divide", "data_sources", "benchmark"]


def open_page(page: str) -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.run()
    if page != "overview":
        app.switch_page(f"pages/{page}.py")
        app.run()
    return app


def time_pages(repeat: int, pages: list[str] | None = None) -> list[tuple[str, float, float, float, float]]:
    """(page, median ms, p95 ms, minimal-script median ms, ratio of medians)."""
    results = []
    for page in pages or PAGES:
        if not (ROOT / "pages" / f"{page}.py").exists():
            continue
        app = open_page(page)
        if app.exception:
            raise RuntimeError(f"page {page} raised: {app.exception[0].value}")
        for _ in range(2):
            app.run()  # warm: caches filled, as for any reader after the first
        median, p95 = summary(time_ms(app.run, repeat))
        minimal_median = time_minimal(app, repeat)
        results.append((page, median, p95, minimal_median, median / minimal_median if minimal_median else float("nan")))
    return results


def time_minimal(app: AppTest, repeat: int) -> float:
    stash.ELEMENTS["figures"] = [plotly.io.from_json(chart.proto.spec) for chart in app.get("plotly_chart")]
    stash.ELEMENTS["tables"] = [frame.value for frame in app.dataframe]
    stash.ELEMENTS["downloads"] = [dataframe_to_csv_bytes(frame.value) for frame in app.dataframe]
    minimal = AppTest.from_file(str(ROOT / "perf" / "minimal_page.py"), default_timeout=120)
    minimal.run()
    minimal.run()
    return summary(time_ms(minimal.run, repeat))[0]
