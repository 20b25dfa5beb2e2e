"""`python -m etl`: rebuild data/dx.duckdb and its exports from the transcribed sources in data/."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

from etl.build import ReconciliationFailed, build
from etl.database import ContractError
from etl.sources import SourceError

ROOT = Path(__file__).resolve().parent.parent


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m etl",
        description="Rebuild the DuckDB database of 別紙1 (自治体DX推進計画) from the CSV transcriptions in data/tables, "
                    "run every reconciliation check, and write Parquet and Excel-friendly CSV exports. The build is atomic: "
                    "if any check fails, the previous database is left untouched.")
    p.add_argument("--data-dir", type=Path, default=ROOT / "data", help="folder with tables/, source/ and reference CSVs (default: data)")
    p.add_argument("--database", type=Path, help="database to (re)build (default: DATA_DIR/dx.duckdb)")
    p.add_argument("--exports-dir", type=Path, help="folder for the exports (default: DATA_DIR/build/exports)")
    p.add_argument("--no-exports", action="store_true", help="build the database only")
    p.add_argument("--quiet", action="store_true", help="print only the summary")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    database = args.database or args.data_dir / "dx.duckdb"
    exports_dir = None if args.no_exports else (args.exports_dir or args.data_dir / "build" / "exports")
    log = (lambda _: None) if args.quiet else print
    log(f"Building {database} from {args.data_dir}/tables")
    try:
        summary = build(args.data_dir, database, exports_dir, log=log)
    except (SourceError, ReconciliationFailed, ContractError) as error:
        return stopped(str(error))
    except duckdb.Error as error:  # a constraint of etl/schema.sql that no check before it caught
        return stopped(f"the database refused the data: {error}")
    except Exception as error:  # noqa: BLE001 — a user sees why, never a traceback; the old database is kept either way
        return stopped(f"unexpected {type(error).__name__}: {error}")
    print(f"Built {summary.database}: {summary.tables} tables, {summary.cells} published cells, "
          f"{summary.checks_run} checks passed, in {summary.seconds:.2f} s"
          + (f"; exports in {summary.exports_dir}" if summary.exports_dir else ""))
    return 0


def stopped(reason: str) -> int:
    print("ビルドを中止しました。以前のデータベースはそのまま残っています。", file=sys.stderr)
    print(f"Build stopped; the previous database is untouched. {reason}", file=sys.stderr)
    return 1
