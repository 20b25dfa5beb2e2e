"""`python -m perf [--quick] [--no-browser] [--markdown FILE]`: measure and print a table with the machine it ran on."""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from perf.machine import describe
from perf.stats import summary

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"etl_ms": 1500, "query_p95_ms": 5, "scale_query_p95_ms": 50, "page_p95_ms": 150, "page_ratio": 1.3,
           "first_chart_ms": 2000, "p95_at_10_ms": 3000}


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

    from perf.queries import time_queries
    from perf.scale_database import ENTITIES, YEARS, build_scale_database
    database = ROOT / "data" / "dx.duckdb"
    out()
    out(f"## Named queries on the bundled database ({repeat} runs each)")
    bundled = time_queries(database, repeat)
    out(_table(["query", "median ms", "p95 ms", "target p95 < 5 ms"],
               [(name, f"{m:.2f}", f"{p:.2f}", _mark(p < TARGETS["query_p95_ms"])) for name, m, p in bundled]))
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
        from perf.browser_timing import time_browser
        concurrency = [2] if args.quick else [10, 25]
        results = time_browser("governance", 3 if args.quick else 10, concurrency)
        out()
        out("## Browser: headless Chromium against `streamlit run app.py` (page: governance)")
        ok = [ms for ms in results["sequential"] if ms is not None]
        rows = [("one session at a time", f"{len(ok)}/{len(results['sequential'])}", *(f"{v:.0f}" for v in summary(ok)),
                 "", "", f"first chart < 2000 ms {_mark(summary(ok)[1] < TARGETS['first_chart_ms'])}")]
        for sessions, (timings, growth, cpu, wall) in results["concurrent"].items():
            done = [ms for ms in timings if ms is not None]
            target = f"p95 < 3000 ms {_mark(summary(done or [float('inf')])[1] < TARGETS['p95_at_10_ms'])}" if sessions == 10 else \
                f"all succeed {_mark(len(done) == sessions)}"
            rows.append((f"{sessions} sessions at once", f"{len(done)}/{sessions}",
                         *(f"{v:.0f}" for v in summary(done or [float('nan')])), f"{growth:+.0f}",
                         f"{cpu:.1f} s of {wall:.1f} s", target))
        out(_table(["load", "succeeded", "median ms to first chart", "p95 ms", "server RSS growth MB",
                    "server CPU during the run", "target"], rows))
        out(f"\nServer memory: {results['rss_start_mb']:.0f} MB after the first session, {results['rss_end_mb']:.0f} MB at the end.")
    if args.markdown:
        args.markdown.parent.mkdir(parents=True, exist_ok=True)
        args.markdown.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


def _mark(ok: bool) -> str:
    return "✓" if ok else "✗"


def _table(header: list[str], rows: list[tuple]) -> str:
    text = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return "\n".join(text + ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows])
