"""The worst upload the benchmark page accepts, and what it costs everyone else: peak server memory and other users'
page latency while one user's list is read, scored, drawn and its scorecards downloaded.

One headless Chromium uploads a generated list (made-up names, never shown to anyone else) to the benchmark page of a
local server and clicks the scorecard download; meanwhile a protocol-level client (perf/protocol_sessions.py) loads
another page again and again, and the server's resident memory is sampled. Loopback only; every loop is bounded.

`python -m perf.upload_load [--rows N --name-chars M]`: by default the largest list the limits allow
(benchmark/upload_file.py); `--rows 75 --name-chars 130000 --filler x` is the 9.75 MB file of issue 12.
"""
from __future__ import annotations

import argparse
import asyncio
import threading
import time
from dataclasses import dataclass

from perf.protocol_sessions import run_sessions
from perf.server import Server
from perf.stats import summary

OTHER_PAGE = "governance"
MAX_OTHER_LOADS = 300         # bounds the loop of other users' page loads (it stops when the upload is done)
BASELINE_LOADS = 8
UPLOAD_TIMEOUT_S = 180
HEADER = "団体名,団体区分,全体方針,AIの導入,RPAの導入,テレワークの導入,標準化 完了率,マイナンバーカード 保有枚数率"


def generated_upload(rows: int, name_chars: int, filler: str = "試") -> bytes:
    """`rows` made-up towns, each named with `name_chars` characters, every column answered. Synthetic, for speed only."""
    lines = [HEADER]
    for number in range(rows):
        suffix = f"{number:05d}町"
        lines.append(f"{filler * max(name_chars - len(suffix), 0)}{suffix},町,策定済み,導入済み,未導入,導入済み,66.6,77.1")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


@dataclass
class UploadLoad:
    file_bytes: int
    rows: int
    name_chars: int
    outcome: str                    # what the page said
    upload_s: float | None          # from choosing the file to the page drawn with the list's results
    download_s: float | None        # the scorecard download, clicked after the upload
    download_bytes: int | None
    rss_before_mb: float
    rss_peak_mb: float
    rss_after_mb: float
    baseline_ms: list[float]        # another user's page load before the upload
    during_ms: list[float]          # … and while the upload and download are processed


class _MemorySampler(threading.Thread):
    def __init__(self, server: Server) -> None:
        super().__init__(daemon=True)
        self.server, self.peak, self.stop = server, server.rss_mb(), threading.Event()

    def run(self) -> None:
        while not self.stop.wait(0.02):
            self.peak = max(self.peak, self.server.rss_mb())


def _other_user_loads(server: Server, count: int, until: threading.Event | None = None) -> list[float]:
    timings = []
    for _ in range(count):
        if until is not None and until.is_set():
            break
        [result] = asyncio.run(run_sessions(server.url, OTHER_PAGE, 1, timeout_s=60))
        if result.ok and result.finished_ms is not None:
            timings.append(result.finished_ms)
    return timings


def _upload_in_browser(server: Server, data: bytes, started: threading.Event, result: dict) -> None:
    from perf.browser_timing import CHROMIUM, CHROMIUM_ARGS, VIEWPORT
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport=VIEWPORT, accept_downloads=True)
            page.goto(f"{server.url}/benchmark", timeout=60_000)
            page.get_by_text("複数団体（都道府県による一括確認）").click(timeout=60_000)
            chooser = page.locator("input[type=file]").first
            chooser.wait_for(state="attached", timeout=60_000)
            started.set()
            begun = time.perf_counter()
            chooser.set_input_files({"name": "generated.csv", "mimeType": "text/csv", "buffer": data})
            answer = page.locator("[data-testid='stAlertContentSuccess'], [data-testid='stAlertContentError']").first
            answer.wait_for(timeout=UPLOAD_TIMEOUT_S * 1000)
            result["outcome"] = answer.inner_text()[:80].replace("check_circle", "").strip()
            button = page.get_by_text("全団体の比較表をCSVでダウンロード")
            if "読み込みました" in result["outcome"]:
                button.wait_for(timeout=UPLOAD_TIMEOUT_S * 1000)  # the whole page drawn: heat map, table, downloads
                result["upload_s"] = time.perf_counter() - begun
                begun = time.perf_counter()
                with page.expect_download(timeout=UPLOAD_TIMEOUT_S * 1000) as download:
                    button.click()
                # Chromium may cancel a download it cannot save headless: fetch its URL as the click would have
                response = page.context.request.get(download.value.url, timeout=UPLOAD_TIMEOUT_S * 1000)
                result["download_bytes"] = len(response.body())
                result["download_s"] = time.perf_counter() - begun
        finally:
            browser.close()


def measure(rows: int, name_chars: int, filler: str = "試") -> UploadLoad:
    data = generated_upload(rows, name_chars, filler)
    with Server() as server:
        _other_user_loads(server, 2)  # the server's first runs fill its caches
        baseline = _other_user_loads(server, BASELINE_LOADS)
        rss_before = server.rss_mb()
        sampler = _MemorySampler(server)
        sampler.start()
        started, done, result = threading.Event(), threading.Event(), {"outcome": "no answer"}

        def upload() -> None:
            try:
                _upload_in_browser(server, data, started, result)
            except Exception as error:  # noqa: BLE001 — a failed upload is reported, not a crash of the run
                result["outcome"] = f"{type(error).__name__}: {str(error).splitlines()[0][:100]}"
            finally:
                started.set()
                done.set()

        worker = threading.Thread(target=upload, daemon=True)
        worker.start()
        started.wait(UPLOAD_TIMEOUT_S)
        during = _other_user_loads(server, MAX_OTHER_LOADS, until=done)
        worker.join(UPLOAD_TIMEOUT_S)
        time.sleep(1)
        sampler.stop.set()
        sampler.join()
        return UploadLoad(len(data), rows, name_chars, result["outcome"], result.get("upload_s"), result.get("download_s"),
                          result.get("download_bytes"), rss_before, sampler.peak, server.rss_mb(), baseline, during)


def report_rows(load: UploadLoad) -> list[tuple]:
    def timing(values: list[float]) -> str:
        if not values:
            return "—"
        median, p95 = summary(values)
        return f"{median:.0f} / {p95:.0f} / {max(values):.0f} ms (n={len(values)})"

    return [
        ("file", f"{load.rows:,} rows × {load.name_chars:,}-character names, {load.file_bytes / 1e6:.2f} MB"),
        ("page's answer", load.outcome.replace("\n", " ")),
        ("upload until the page is drawn", f"{load.upload_s:.1f} s" if load.upload_s is not None else "—"),
        ("scorecard download", f"{load.download_s:.1f} s, {load.download_bytes / 1e6:.1f} MB"
         if load.download_s is not None and load.download_bytes is not None else "—"),
        ("server memory before / peak / after", f"{load.rss_before_mb:.0f} / {load.rss_peak_mb:.0f} / "
                                                f"{load.rss_after_mb:.0f} MB"),
        (f"another user's {OTHER_PAGE} page, before (median / p95 / max)", timing(load.baseline_ms)),
        (f"another user's {OTHER_PAGE} page, during (median / p95 / max)", timing(load.during_ms)),
    ]


def main(argv: list[str] | None = None) -> int:
    from benchmark import upload_file

    parser = argparse.ArgumentParser(prog="python -m perf.upload_load", description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=upload_file.MAX_ROWS)
    parser.add_argument("--name-chars", type=int, default=getattr(upload_file, "MAX_TEXT_CHARS", 100))
    parser.add_argument("--filler", default="試", help="the character names are made of (x: the issue's 1-byte names)")
    args = parser.parse_args(argv)
    for name, value in report_rows(measure(args.rows, args.name_chars, args.filler)):
        print(f"- {name}: {value}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
