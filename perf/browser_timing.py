"""Time to first chart in headless Chromium, and many sessions at once against one server.

Sessions at once are measured twice: with Chromium tabs (on a small machine the tabs, not the server, saturate the
CPU) and with a protocol-level client that speaks Streamlit's websocket protocol without rendering
(perf/protocol_sessions.py), which measures the server's side. A third measure puts one real browser among
protocol sessions: what a reader sees while others load the page at the same moment."""
from __future__ import annotations

import asyncio
import os
import time
from dataclasses import dataclass, field

from perf.protocol_sessions import SessionResult, run_sessions
from perf.server import Server

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
FIRST_CHART = "[data-testid='stPlotlyChart'] .main-svg"
VIEWPORT = {"width": 1280, "height": 800}
FLOOR_APP = "perf/floor_app.py"


@dataclass
class Load:
    """Many sessions at once: each session's ms to its first chart (None: failed), and what the server spent."""

    first_chart_ms: list[float | None]
    rss_growth_mb: float
    server_cpu_s: float
    wall_s: float
    errors: list[str] = field(default_factory=list)  # why sessions failed, one line each


async def _first_chart_ms(context, url: str, errors: list[str] | None = None, timeout_ms: int = 90_000) -> float | None:
    """Open `url` in a new tab (a new Streamlit session) of `context`; ms until the first chart is drawn, within one
    budget for the whole visit (navigation included). A failure returns None and adds its reason to `errors`."""
    page = await context.new_page()
    started = time.perf_counter()
    try:
        await page.goto(url, wait_until="commit", timeout=timeout_ms)
        left = timeout_ms - (time.perf_counter() - started) * 1000
        await page.wait_for_selector(FIRST_CHART, timeout=max(left, 1))
        return (time.perf_counter() - started) * 1000
    except Exception as error:  # noqa: BLE001 — a session that fails or times out is counted as failed
        if errors is not None:
            errors.append(f"no chart drawn within {timeout_ms / 1000:.0f} s" if "Timeout" in type(error).__name__
                          else f"{type(error).__name__}: {str(error).splitlines()[0][:120]}")
        return None
    finally:
        await page.close()


async def _in_new_context(browser, url: str, errors: list[str] | None = None) -> float | None:
    """A first visit: a fresh browser profile, nothing cached."""
    context = await browser.new_context(viewport=VIEWPORT)
    try:
        return await _first_chart_ms(context, url, errors)
    finally:
        await context.close()


async def _with_browser(work):
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return await work(browser)
        finally:
            await browser.close()


def first_visits(url: str, repeat: int) -> list[float | None]:
    """One first visit at a time (fresh profile each): ms to first chart."""
    async def work(browser):
        return [await _in_new_context(browser, url) for _ in range(repeat)]
    return asyncio.run(_with_browser(work))


def first_visits_in_turns(urls: list[str], repeat: int) -> dict[str, list[float | None]]:
    """First visits to several pages taken in turns (a, b, c, a, b, c …), so that a slow spell of the shared machine
    falls on all of them alike: their ratios are then steadier than their times."""
    async def work(browser):
        timings: dict[str, list[float | None]] = {url: [] for url in urls}
        for _ in range(repeat):
            for url in urls:
                timings[url].append(await _in_new_context(browser, url))
        return timings
    return asyncio.run(_with_browser(work))


def returning_visits(url: str, repeat: int) -> list[float | None]:
    """One visit at a time in the same profile, after a first one: scripts and fonts come from the browser's cache."""
    async def work(browser):
        context = await browser.new_context(viewport=VIEWPORT)
        try:
            await _first_chart_ms(context, url)
            return [await _first_chart_ms(context, url) for _ in range(repeat)]
        finally:
            await context.close()
    return asyncio.run(_with_browser(work))


def _measured(server: Server, action) -> tuple[object, float, float, float]:
    before, cpu_before, started = server.rss_mb(), server.cpu_seconds(), time.perf_counter()
    outcome = action()
    return outcome, server.rss_mb() - before, server.cpu_seconds() - cpu_before, time.perf_counter() - started


def browser_sessions(server: Server, path: str, sessions: int) -> Load:
    """`sessions` Chromium first visits at once."""
    errors: list[str] = []

    async def work(browser):
        return list(await asyncio.gather(*[_in_new_context(browser, f"{server.url}/{path}", errors) for _ in range(sessions)]))
    timings, growth, cpu, wall = _measured(server, lambda: asyncio.run(_with_browser(work)))
    return Load(timings, growth, cpu, wall, errors)


def protocol_sessions(server: Server, path: str, sessions: int) -> Load:
    """`sessions` page loads at once by the protocol-level client: the server's side of a first visit."""
    results, growth, cpu, wall = _measured(server, lambda: asyncio.run(run_sessions(server.url, path, sessions)))
    return Load([_chart_ms(result) for result in results], growth, cpu, wall, [r.error for r in results if r.error])


def browser_among_protocol_sessions(server: Server, path: str, sessions: int) -> float | None:
    """One Chromium first visit started together with `sessions - 1` protocol-level ones: ms to its first chart."""
    async def work(browser):
        others = run_sessions(server.url, path, sessions - 1)
        timing, _ = await asyncio.gather(_in_new_context(browser, f"{server.url}/{path}"), others)
        return timing
    return asyncio.run(_with_browser(work))


def _chart_ms(result: SessionResult) -> float | None:
    return result.first_chart_ms if result.ok else None


def require_chromium() -> None:
    if not os.path.exists(CHROMIUM):
        raise RuntimeError(f"{CHROMIUM} is missing: apt-get install chromium")
