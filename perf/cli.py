"""`python -m perf [--quick] [--no-browser] [--markdown FILE]`: measure and print a table with the machine it ran on."""
from __future__ import annotations

import argparse
import tempfile
from collections import Counter
from pathlib import Path

from perf.machine import describe
from perf.stats import summary

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"etl_ms": 3000, "query_p95_ms": 5, "contract_query_p95_ms": 10, "scale_query_p95_ms": 50, "page_p95_ms": 150, "page_ratio": 1.3,
           "first_chart_ms": 2000, "p95_at_10_ms": 3000,
           "first_chart_ratio": 1.2}


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m perf", description="Measure the ETL, every named query (bundled and a "
                                "generated synthetic scale database), page reruns and browser sessions; print the figures.")
    p.add_argument("--quick", action="store_true", help="few repetitions and no concurrency: proves the benchmark still works")
    p.add_argument("--no-browser", action="store_true", help="skip the headless-Chromium measurements")
    p.add_argument("--markdown", type=Path, help="also write the report as Markdown to this file")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    repeat = 5 if args.quick else 50
    lines: list[str] = []

    def out(text: str = "") -> None:
        print(text, flush=True)
        lines.append(text)

    machine = describe()
    out("# Performance of the 自治体DX dashboard")
    out()
    for key, value in machine.items():
        out(f"- {key}: {value}")

    from perf.etl_timing import time_etl
    out()
    out("## ETL (full rebuild)")
    out(_table(["measure", "median ms", "p95 ms", "target"],
               [(name, f"{m:.0f}", f"{p:.0f}", f"< {TARGETS['etl_ms']} ms {_mark(p < TARGETS['etl_ms'])}")
                for name, (m, p) in time_etl(3 if args.quick else 10).items()]))

    from perf.queries import CONTRACT_QUERIES, time_contract_queries, time_queries
    from perf.scale_database import ENTITIES, YEARS, build_scale_database
    database = ROOT / "data" / "dx.duckdb"
    out()
    out(f"## Named queries on the bundled database ({repeat} runs each)")
    bundled = time_queries(database, repeat)
    out(_table(["query", "median ms", "p95 ms", "target p95 < 5 ms"],
               [(name, f"{m:.2f}", f"{p:.2f}", "see below" if name in CONTRACT_QUERIES else _mark(p < TARGETS["query_p95_ms"]))
                for name, m, p in bundled]))
    out()
    out(f"## Per-government contract queries, as a DataFrame and as an Arrow table in turns ({repeat * 2} runs each)")
    out(_table(["query", "result", "median ms", "p95 ms", f"target p95 < {TARGETS['contract_query_p95_ms']} ms"],
               [(name, form, f"{m:.2f}", f"{p:.2f}", _mark(p < TARGETS["contract_query_p95_ms"]))
                for name, form, m, p in time_contract_queries(database, repeat * 2)]))
    with tempfile.TemporaryDirectory() as folder:
        scale, rows = build_scale_database(database, Path(folder) / "scale.duckdb")
        out()
        out(f"## Named queries on a synthetic scale database ({ENTITIES:,} made-up entities × every indicator × "
            f"{len(YEARS)} years = {rows:,} rows; generated, never shown)")
        groups = [f"synthetic_{i:04d}" for i in range(0, ENTITIES, 36)]  # a selection of 50 entities
        scaled = time_queries(scale, repeat, groups)
        out(_table(["query", "median ms", "p95 ms", "target p95 < 50 ms"],
                   [(name, f"{m:.2f}", f"{p:.2f}", _mark(p < TARGETS["scale_query_p95_ms"])) for name, m, p in scaled]))

    from perf.pages_timing import time_pages
    out()
    out(f"## Pages: warm rerun with AppTest ({repeat} runs) and ratio to a minimal script drawing the same elements")
    out(_table(["page", "median ms", "p95 ms", "minimal ms", "ratio", "targets p95 < 150 ms, ratio ≤ 1.3"],
               [(page, f"{m:.1f}", f"{p:.1f}", f"{minimal:.1f}", f"{ratio:.2f}",
                 _mark(p < TARGETS["page_p95_ms"]) + " " + _mark(ratio <= TARGETS["page_ratio"]))
                for page, m, p, minimal, ratio in time_pages(repeat)]))

    if not args.no_browser:
        browser_report(out, args.quick)
        from perf.map_timing import time_map_draws
        from perf.stats import summary
        median, p95 = summary(time_map_draws(3 if args.quick else 20))
        out()
        out("## Browser: the national map (47 prefectures, 1,741 points) drawn by Plotly once its figure has arrived")
        out(_table(["measure", "median ms", "p95 ms", "target"],
                   [("Plotly.newPlot → drawn", f"{median:.0f}", f"{p95:.0f}", f"< 1000 ms {_mark(p95 < 1000)}")]))
    if args.markdown:
        args.markdown.parent.mkdir(parents=True, exist_ok=True)
        args.markdown.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


# The per-government pages compared with Streamlit's one-chart page (issue: within 1.2× of it, measured in the same run):
# the prefecture view of the largest prefecture (179 municipalities) and of one of the smallest (19), since its heatmap and
# tables grow with the prefecture.
COMPARED_PAGES = {"profile of 函館市 (中核市)": "municipality?code=012025", "prefecture view of 北海道": "prefecture?code=01",
                  "prefecture view of 鳥取県": "prefecture?code=31"}


def browser_report(out, quick: bool, path: str = "governance") -> None:
    from perf import browser_timing as bt
    from perf.server import Server

    bt.require_chromium()
    repeat = 3 if quick else 10
    with Server(bt.FLOOR_APP) as floor, Server() as server:
        url = f"{server.url}/{path}"
        compared = {name: f"{server.url}/{page}" for name, page in COMPARED_PAGES.items()}
        for warm in [floor.url, url, *compared.values()]:
            bt.first_visits(warm, 1)  # each server's first run imports Plotly and fills its caches
        rss_start = server.rss_mb()
        in_turns = bt.first_visits_in_turns([floor.url, *compared.values()], repeat)
        floor_visits = in_turns[floor.url]
        first, returning = bt.first_visits(url, repeat), bt.returning_visits(url, repeat)
        protocol = {n: bt.protocol_sessions(server, path, n) for n in ([10] if quick else [10, 25])}
        mixed = {n: bt.browser_among_protocol_sessions(server, path, n) for n in ([10] if quick else [10, 25])}
        tabs = {n: bt.browser_sessions(server, path, n) for n in ([2] if quick else [10, 25])}
        rss_end = server.rss_mb()

    out()
    out(f"## Browser: headless Chromium, time from opening the page to its first drawn chart (page: {path})")
    limit = TARGETS["first_chart_ms"]
    rows = [("first visit (fresh profile), one at a time", *_timing_cells(first), f"< {limit} ms {_p95_mark(first, limit)}"),
            ("returning visit (scripts cached), one at a time", *_timing_cells(returning), ""),
            ("floor: Streamlit's smallest page with one Plotly chart, first visit", *_timing_cells(floor_visits),
             "reference (perf/floor_app.py)")]
    out(_table(["visit", "succeeded", "median ms", "p95 ms", "target"], rows))

    out()
    out("## Browser: per-government pages against the floor, first visits taken in turns with it")
    floor_median = _median(floor_visits)
    rows = [("floor (perf/floor_app.py)", *_timing_cells(floor_visits), "1.00", "reference")]
    for name, page_url in compared.items():
        ratio = _median(in_turns[page_url]) / floor_median
        rows.append((name, *_timing_cells(in_turns[page_url]), f"{ratio:.2f}",
                     f"≤ {TARGETS['first_chart_ratio']}× floor {_mark(ratio <= TARGETS['first_chart_ratio'])}"))
    out(_table(["page", "succeeded", "median ms", "p95 ms", "median ÷ floor's", "target"], rows))

    out()
    out("## Sessions at once against one server")
    rows = []
    for n, load in protocol.items():
        rows.append((f"{n} at once", "protocol client: chart delivered", *_timing_cells(load.first_chart_ms),
                     f"{load.rss_growth_mb:+.0f}", f"{load.server_cpu_s:.1f} s of {load.wall_s:.1f} s", _load_target(n, load)))
    for n, timing in mixed.items():
        rows.append((f"{n} at once", f"Chromium among {n - 1} protocol sessions: chart drawn", *_timing_cells([timing]), "", "",
                     ""))
    for n, load in tabs.items():
        rows.append((f"{n} at once", "Chromium tabs on this machine: chart drawn", *_timing_cells(load.first_chart_ms),
                     f"{load.rss_growth_mb:+.0f}", f"{load.server_cpu_s:.1f} s of {load.wall_s:.1f} s", _load_target(n, load)))
    out(_table(["load", "client and measure", "succeeded", "median ms", "p95 ms", "server RSS growth MB",
                "server CPU during the run", "target"], rows))
    for n, load in [*protocol.items(), *tabs.items()]:
        for error, count in Counter(load.errors).most_common():
            out(f"\n- {n} at once, failed {count}×: {error}")
    out(f"\nServer memory: {rss_start:.0f} MB after the first session, {rss_end:.0f} MB at the end.")


def _median(timings: list[float | None]) -> float:
    done = [ms for ms in timings if ms is not None]
    return summary(done)[0] if done else float("nan")


def _timing_cells(timings: list[float | None]) -> tuple[str, str, str]:
    done = [ms for ms in timings if ms is not None]
    median, p95 = summary(done) if done else (float("nan"), float("nan"))
    return f"{len(done)}/{len(timings)}", f"{median:.0f}", f"{p95:.0f}"


def _p95_mark(timings: list[float | None], limit: float) -> str:
    done = [ms for ms in timings if ms is not None]
    return _mark(len(done) == len(timings) and summary(done)[1] < limit)


def _load_target(sessions: int, load) -> str:
    if sessions == 10:
        return f"p95 < {TARGETS['p95_at_10_ms']} ms {_p95_mark(load.first_chart_ms, TARGETS['p95_at_10_ms'])}"
    if sessions == 25:
        return f"all succeed {_mark(all(ms is not None for ms in load.first_chart_ms))}"
    return ""


def _mark(ok: bool) -> str:
    return "✓" if ok else "✗"


def _table(header: list[str], rows: list[tuple]) -> str:
    text = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return "\n".join(text + ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows])
