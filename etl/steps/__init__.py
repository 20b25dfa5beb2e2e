"""One step per published table of 別紙1, found by its file: etl/steps/<table_id>.py has a `run(reference)` that loads
data/tables/<table_id>.csv, reconciles it and returns its rows (etl/table_rows.py). A table is added by adding its
files; the order on screen is each table's `sort_order` in its metadata."""
from __future__ import annotations

import importlib
import pkgutil

from etl.reference import Reference
from etl.sources import SourceError
from etl.table_rows import TableResult


def step_names() -> list[str]:
    return sorted(module.name for module in pkgutil.iter_modules(__path__) if not module.name.startswith("_"))


def run_steps(reference: Reference) -> list[TableResult]:
    """Every step's result, in the order of the indicators on screen. Each table needs its step and each step its table."""
    steps, tables = step_names(), reference.table_ids()
    unmatched = [f"data/tables/{name}.meta.json has no step etl/steps/{name}.py" for name in tables if name not in steps]
    unmatched += [f"etl/steps/{name}.py has no table data/tables/{name}.meta.json" for name in steps if name not in tables]
    if unmatched:
        raise SourceError("\n".join(unmatched))
    results = [importlib.import_module(f"{__name__}.{name}").run(reference) for name in steps]
    orders = [result.sort_order for result in results]
    repeated = sorted({f"{r.table.table_id}.meta.json" for r in results if orders.count(r.sort_order) > 1})
    if repeated:
        raise SourceError(f"{', '.join(repeated)}, field sort_order: the same position is given to two tables")
    return sorted(results, key=lambda result: result.sort_order)
