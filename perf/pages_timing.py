"""Warm rerun time of each page with AppTest, and its ratio to a minimal script drawing the same elements from memory."""
from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from dashboard.navigation import TOPIC_PAGES
from perf import stash
from perf.apptest_driver import Downloads, open_page
from perf.replay import record
from perf.stats import summary, time_alternately

ROOT = Path(__file__).resolve().parent.parent
# overview; one page per topic page file; profile and prefecture; benchmark and data, as dashboard/navigation.py lays them out
NAVIGATION_SECTIONS = (1, len(set(TOPIC_PAGES.values())), 2, 2)
PAGES = ["overview", "governance", "frontyard", "standardization", "mynumber", "security", "ai_rpa", "telework",
         "digital_divide", "data_sources", "benchmark", "municipality", "prefecture", "map"]
# views that need a URL: (page file, query parameters) — a 中核市's profile, a prefecture's municipalities, the map
PAGE_VIEWS = {"municipality": ("municipality", {"code": "012025"}), "prefecture": ("prefecture", {"code": "17"}),
              "map": ("prefecture", {})}


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
        file, params = PAGE_VIEWS.get(page, (page, {}))
        if not (ROOT / "pages" / f"{file}.py").exists():
            continue
        app = open_page(file, params, timeout=120)
        if app.exception:
            raise RuntimeError(f"page {page} raised: {app.exception[0].value}")
        for _ in range(2):
            app.run()  # warm: caches filled, as for any reader after the first
        minimal = minimal_script(app, downloads)
        page_ms, minimal_ms = time_alternately(app.run, minimal.run, repeat)
        median, p95 = summary(page_ms)
        minimal_median = summary(minimal_ms)[0]
        results.append((page, median, p95, minimal_median, median / minimal_median if minimal_median else float("nan")))
    return results


def minimal_script(app: AppTest, downloads: Downloads) -> AppTest:
    """A warm AppTest of a script that draws the same elements as `app`'s page from memory (perf/replay.py)."""
    stash.ELEMENTS["main"] = record(app.main, downloads)
    stash.ELEMENTS["sidebar"] = record(app.sidebar, downloads)
    stash.ELEMENTS["sections"] = NAVIGATION_SECTIONS
    minimal = AppTest.from_file(str(ROOT / "perf" / "minimal_page.py"), default_timeout=120)
    minimal.run()
    minimal.run()
    return minimal
