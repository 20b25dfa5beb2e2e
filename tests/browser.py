"""Browser-test helpers: the dashboard served by `streamlit run`, Debian's Chromium driven by Playwright, and waiting.

Fixtures live here (not in conftest.py) so that only tests/test_browser.py pays for a server and a browser.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
SERVER_LOG = ARTIFACTS / "browser" / "streamlit.log"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1280, "height": 800}
STARTUP_TIMEOUT_S = 60
IDLE_TIMEOUT_MS = 30_000
SETTLE_MS = 500

APP = '[data-testid="stApp"]'
RUNNING = '[data-testid="stStatusWidget"]'
EXCEPTION = '[data-testid="stException"]'
CHART = ".js-plotly-plot"
FILTER = '[data-testid="stButtonGroup"]'  # each page filter is a row of multi-select pills


def require_chromium() -> None:
    """Skip without Chromium on a developer machine; under CI=true its absence is a failure, not a skip."""
    if CHROMIUM.exists():
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{CHROMIUM} is missing on CI: install Debian's chromium package (bash .ci/run does)", pytrace=False)
    pytest.skip(f"{CHROMIUM} is missing: `apt-get install chromium fonts-noto-cjk` to run the browser tests")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_health(base_url: str, server: subprocess.Popen, log_path: Path, timeout_s: float = STARTUP_TIMEOUT_S) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"streamlit exited with {server.returncode}; see {log_path}")
        try:
            with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as response:
                if response.read().decode().strip() == "ok":
                    return
        except OSError:
            pass
        time.sleep(0.25)
    raise RuntimeError(f"streamlit was not healthy within {timeout_s} s; see {log_path}")


def stop(server: subprocess.Popen) -> None:
    """Stop the server's whole process group: TERM, then KILL if it lingers."""
    if server.poll() is not None:
        return
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=10)


@contextmanager
def serve(log_path: Path = SERVER_LOG):
    """`streamlit run app.py` from the repository root on a free port; yields the base URL, stops the process group after.
    The server inherits DX_DATABASE and DX_EXPORTS: it reads the session's database (tests/conftest.py)."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
             "--server.headless", "true", "--server.address", "127.0.0.1"],
            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
        try:
            wait_for_health(base_url, server, log_path)
            yield base_url
        finally:
            stop(server)


@pytest.fixture(scope="session")
def dashboard_url(built_data_dir):
    """The dashboard shared by the tests; its log goes to artifacts/browser/streamlit.log."""
    require_chromium()
    with serve() as base_url:
        yield base_url


@pytest.fixture(scope="session")
def browser():
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def new_page(browser):
    """A factory of pages, each in its own context (own cookies, own Streamlit session); all closed after the test."""
    contexts = []

    def make():
        context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
        context.set_default_timeout(IDLE_TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture()
def page(new_page):
    return new_page()


@pytest.fixture()
def offline_page(new_page, dashboard_url):
    """A page whose every request to another host is aborted, and the list of those requests (it must stay empty)."""
    page = new_page()
    blocked: list[str] = []

    def only_local(route):
        if route.request.url.startswith(dashboard_url):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page.context.route("**/*", only_local)
    page.blocked_requests = blocked
    return page


def wait_until_idle(page, timeout_ms: int = IDLE_TIMEOUT_MS) -> None:
    """Wait for the app to be connected and done running its script, then let the charts settle.

    Checked twice around the settle: a rerun that starts during the pause (e.g. after a widget change) is waited for too.
    """
    page.wait_for_selector(APP, state="attached", timeout=timeout_ms)
    for _ in range(2):
        page.wait_for_function(
            """([app, running]) => {
                const root = document.querySelector(app);
                const widget = document.querySelector(running);
                const busy = widget !== null && widget.offsetParent !== null && /running/i.test(widget.innerText);
                return root && root.dataset.testConnectionState === "CONNECTED"
                    && root.dataset.testScriptState === "notRunning" && !busy;
            }""",
            arg=[APP, RUNNING], timeout=timeout_ms)
        page.wait_for_timeout(SETTLE_MS)


def open_page(page, url: str):
    page.goto(url)
    wait_until_idle(page)
    return page


def wait_for_chart(page, index: int = 0, timeout_ms: int = IDLE_TIMEOUT_MS) -> None:
    """Plotly draws after Streamlit is idle (its bundle loads lazily): wait until the index-th chart has drawn its traces."""
    page.wait_for_function(
        "([selector, index]) => { const chart = document.querySelectorAll(selector)[index];"
        " return Boolean(chart && chart.data && chart._fullData); }",
        arg=[CHART, index], timeout=timeout_ms)


def chart_data(page, index: int = 0) -> list[dict]:
    """Name, x and y of every trace of the index-th Plotly chart, as plain lists.

    Plotly 6 sends arrays base64-encoded (`{dtype, bdata}`) in `.data`; plotly.js keeps the decoded arrays in `_fullData`.
    """
    wait_for_chart(page, index)
    return page.evaluate(
        """([selector, index]) => {
            const chart = document.querySelectorAll(selector)[index];
            const decoded = (trace, i, axis) => {
                const full = chart._fullData.find(f => f.index === i);
                const value = full && full[axis] !== undefined ? full[axis] : trace[axis];
                return value && typeof value.length === "number" ? Array.from(value) : [];
            };
            return chart.data.map((trace, i) => ({name: trace.name ?? null, x: decoded(trace, i, "x"), y: decoded(trace, i, "y")}));
        }""",
        [CHART, index])


def toggle_pill(page, filter_index: int, label_prefix: str) -> None:
    """Click the pill whose text starts with label_prefix in the filter_index-th filter (0 = 年度)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    pills = page.locator(FILTER).nth(filter_index).locator("button")
    try:  # on a loaded machine the filters are still being drawn: wait for the pill before listing what is there
        pills.filter(has_text=label_prefix).first.wait_for(timeout=15_000)
    except PlaywrightTimeout:
        pass  # the assertion below names what the filter offers instead
    texts = pills.all_inner_texts()
    matching = [i for i, text in enumerate(texts) if text.strip().startswith(label_prefix)]
    assert matching, f"no pill starting with {label_prefix!r} among {texts}"
    pills.nth(matching[0]).click()


def wait_for_at_least(page, selector: str, count: int, timeout_ms: int = IDLE_TIMEOUT_MS) -> int:
    """Wait until `selector` matches at least `count` elements, and return how many it matches (also after a timeout,
    so that the caller's assertion names the number). On a loaded machine the idle check can pass between a session's
    first run and its rerun, or before Plotly has drawn every point: a count read at once may be of a page half drawn."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function("([selector, count]) => document.querySelectorAll(selector).length >= count",
                               arg=[selector, count], timeout=timeout_ms)
    except PlaywrightTimeout:
        pass
    return page.locator(selector).count()


def selected_pills(page) -> list[list[str]]:
    """The chosen values of each filter, in order."""
    filters = page.locator(FILTER)
    return [filters.nth(i).locator('button[aria-pressed="true"]').all_inner_texts() for i in range(filters.count())]


def screenshot(page, name: str) -> Path:
    """The viewport (1280×800), not the full page: what a reader sees first."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path
