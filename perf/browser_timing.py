"""Time to first chart in headless Chromium, and many sessions at once against one server."""
from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
FIRST_CHART = "[data-testid='stPlotlyChart'] .main-svg"


class Server:
    """`streamlit run app.py` on a free local port, stopped on exit."""

    def __enter__(self) -> "Server":
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(self.port), "--server.address", "127.0.0.1",
             "--server.headless", "true"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if urllib.request.urlopen(f"http://127.0.0.1:{self.port}/_stcore/health", timeout=2).read() == b"ok":
                    return self
            except OSError:
                time.sleep(0.3)
        self.__exit__()
        raise RuntimeError("the dashboard did not become healthy within 60 s")

    def cpu_seconds(self) -> float:
        """User + system CPU time of the server so far: how much of a run's wall time the server itself worked."""
        fields = open(f"/proc/{self.process.pid}/stat", encoding="utf-8").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def rss_mb(self) -> float:
        with open(f"/proc/{self.process.pid}/status", encoding="utf-8") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1024

    def __exit__(self, *exc) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=20)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(self.process.pid, signal.SIGKILL)


async def _first_chart_ms(browser, url: str, timeout_ms: int = 90_000) -> float | None:
    context = await browser.new_context(viewport={"width": 1280, "height": 800})
    page = await context.new_page()
    started = time.perf_counter()
    try:
        await page.goto(url)
        await page.wait_for_selector(FIRST_CHART, timeout=timeout_ms)
        return (time.perf_counter() - started) * 1000
    except Exception:  # noqa: BLE001 — a session that fails or times out is counted as failed
        return None
    finally:
        await context.close()


async def _sessions(url: str, sessions: int, one_at_a_time: bool) -> list[float | None]:
    """Open `sessions` fresh browser contexts (new Streamlit sessions) and time each to its first chart."""
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            if one_at_a_time:
                return [await _first_chart_ms(browser, url) for _ in range(sessions)]
            return list(await asyncio.gather(*[_first_chart_ms(browser, url) for _ in range(sessions)]))
        finally:
            await browser.close()


def time_browser(path: str, repeat: int, concurrency: list[int]) -> dict:
    """{'sequential': [ms…], 'concurrent': {n: ([ms or None…], rss growth MB)}, 'rss_start_mb': …}"""
    if not os.path.exists(CHROMIUM):
        raise RuntimeError(f"{CHROMIUM} is missing: apt-get install chromium")
    with Server() as server:
        url = f"http://127.0.0.1:{server.port}/{path}"
        asyncio.run(_sessions(url, 1, True))  # the server's first run fills its caches
        results = {"rss_start_mb": server.rss_mb(), "sequential": asyncio.run(_sessions(url, repeat, True)), "concurrent": {}}
        for sessions in concurrency:
            before, cpu_before, started = server.rss_mb(), server.cpu_seconds(), time.perf_counter()
            timings = asyncio.run(_sessions(url, sessions, False))
            results["concurrent"][sessions] = (timings, server.rss_mb() - before, server.cpu_seconds() - cpu_before,
                                               time.perf_counter() - started)
        results["rss_end_mb"] = server.rss_mb()
    return results
