"""Warm rerun time of each page with AppTest, and its ratio to a minimal script drawing the same elements from memory."""
from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from perf import stash
from perf.replay import record
from perf.stats import summary, time_ms
from tests.apptest_support import Downloads, open_page  # the same AppTest helpers the page tests use

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["overview", "governance", "frontyard", "standardization", "mynumber", "security", "ai_rpa", "telework",
         "digital_divide", "data_sources", "benchmark"]


def behave_as_a_running_server() -> None:
    """AppTest forgets before every run that the app uses st.navigation, so each run would first execute the page
    alone and reroute through app.py (dashboard/routing.py): twice the work. A running server learns it once, at its
    first request. Measure what a running server does."""
    from streamlit.runtime.pages_manager import PagesManager

    if getattr(PagesManager, "_perf_patched", False):
        return
    original = PagesManager.__init__

    def remember_navigation(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = remember_navigation
    PagesManager._perf_patched = True


def time_pages(repeat: int, pages: list[str] | None = None) -> list[tuple[str, float, float, float, float]]:
    """(page, median ms, p95 ms, minimal-script median ms, ratio of medians)."""
    results = []
    downloads = Downloads().install()
    behave_as_a_running_server()
    for page in pages or PAGES:
        if not (ROOT / "pages" / f"{page}.py").exists():
            continue
        app = open_page(page, timeout=120)
        if app.exception:
            raise RuntimeError(f"page {page} raised: {app.exception[0].value}")
        for _ in range(2):
            app.run()  # warm: caches filled, as for any reader after the first
        median, p95 = summary(time_ms(app.run, repeat))
        minimal_median = time_minimal(app, repeat, downloads)
        results.append((page, median, p95, minimal_median, median / minimal_median if minimal_median else float("nan")))
    return results


def time_minimal(app: AppTest, repeat: int, downloads: Downloads) -> float:
    """Median rerun of a script that draws the same elements from memory (perf/replay.py)."""
    stash.ELEMENTS["main"] = record(app.main, downloads)
    stash.ELEMENTS["sidebar"] = record(app.sidebar, downloads)
    stash.ELEMENTS["pages"] = len(PAGES)
    minimal = AppTest.from_file(str(ROOT / "perf" / "minimal_page.py"), default_timeout=120)
    minimal.run()
    minimal.run()
    return summary(time_ms(minimal.run, repeat))[0]
