"""Time of a full rebuild: in-process (what the build itself costs) and `python -m etl` end to end."""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from etl.build import build
from perf.stats import summary, time_ms

ROOT = Path(__file__).resolve().parent.parent


def time_etl(repeat: int) -> dict[str, tuple[float, float]]:
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("build", "*.duckdb", "*.duckdb.*"))
        in_process = time_ms(lambda: build(data, data / "dx.duckdb", data / "build" / "exports", log=lambda _: None), repeat)
        command = [sys.executable, "-m", "etl", "--quiet", "--data-dir", str(data)]
        cli = time_ms(lambda: subprocess.run(command, cwd=ROOT, check=True, capture_output=True), max(2, repeat // 2))
    return {"build() in process, with exports": summary(in_process), "python -m etl (new interpreter)": summary(cli)}
