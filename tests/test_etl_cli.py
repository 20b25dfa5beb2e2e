"""`python -m etl` as a user runs it: help, a build in a temporary folder, and a failed build that keeps the old database."""
from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def run_etl(*args):
    return subprocess.run([sys.executable, "-m", "etl", *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_help_explains_the_command():
    result = run_etl("--help")
    assert result.returncode == 0 and "atomic" in result.stdout and "--data-dir" in result.stdout


def test_build_prints_progress_per_table_and_a_summary(data_copy):
    result = run_etl("--data-dir", str(data_copy))
    assert result.returncode == 0, result.stderr
    assert result.stdout.count(" cells ") == 15
    assert "442 published cells" in result.stdout and (data_copy / "build" / "exports" / "facts.parquet").exists()


def test_failed_build_exits_non_zero_and_says_the_old_database_is_kept(data_copy):
    before = (data_copy / "dx.duckdb").read_bytes()
    table = data_copy / "tables" / "governance_overall_policy.csv"
    table.write_text(table.read_text(encoding="utf-8").replace("2023,all,,51.0,907", "2023,all,,51.0,908"), encoding="utf-8")
    result = run_etl("--data-dir", str(data_copy), "--no-exports")
    assert result.returncode == 1
    assert "governance_overall_policy fiscal_year=2023 group=all" in result.stderr and "以前のデータベースはそのまま" in result.stderr
    assert (data_copy / "dx.duckdb").read_bytes() == before
