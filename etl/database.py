"""Write the reconciled data into a new DuckDB file, check the contract, and publish it atomically."""
from __future__ import annotations

import os
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow

SCHEMA = Path(__file__).with_name("schema.sql")
MATERIALIZE = Path(__file__).with_name("materialize.sql")
BLOCK_SIZE = 16 * 1024

# Every column of the facts table the pages, exports and outside checks rely on.
FACTS_CONTRACT = [
    "topic_code", "indicator_code", "indicator_label_ja", "indicator_label_en", "breakdown_code", "breakdown_label_ja",
    "breakdown_label_en", "fiscal_year", "as_of", "group_code", "group_label_ja", "value", "unit", "count", "count_unit",
    "source_ja",
]


# How a table is stored when not in the order its frame comes in. The facts are stored by government (so one
# government's rows sit together for the profile query) and in the indicators' reading order; DuckDB sorts them as it
# inserts, in a fraction of what reordering 200,000 rows in pandas costs.
STORED_ORDER = {
    "government_facts": "select incoming.* from incoming join government_indicators i using (indicator_code) "
                        "order by incoming.government_code, i.sort_order, incoming.as_of",
}
# Keys of the per-government tables without a foreign key (one lookup per row costs 0.2 s for the 200,000 facts, 0.14 s
# for the 43,025 group memberships): one join each.
UNMATCHED_KEYS = {
    "government_facts.government_code": "select count(*) from government_facts f anti join governments g using (government_code)",
    "government_facts.indicator_code": "select count(*) from government_facts f anti join government_indicators i using (indicator_code)",
    "government_facts.source_id": "select count(*) from government_facts f anti join government_sources s using (source_id)",
    "government_types.government_code": "select count(*) from government_types t anti join governments g using (government_code)",
    "government_types.entity_type": "select count(*) from government_types t anti join entity_types e using (entity_type)",
    "government_groups.government_code": "select count(*) from government_groups r anti join governments g using (government_code)",
    "government_groups.group_code": "select count(*) from government_groups r anti join groups g using (group_code)",
}


class ContractError(RuntimeError):
    """The freshly built database does not honour the data contract."""


class DatabaseWriter:
    """Writes the new database file on a background thread, one job after the other in the order given, while the build
    goes on: DuckDB releases the GIL, so the 別紙1 tables are stored and materialised while the per-government sources
    are read in pandas. `finish` waits for every job and raises the first error; `close` checkpoints only when told."""

    def __init__(self, path: Path):
        self.path = path
        self.connection: duckdb.DuckDBPyConnection | None = None
        self._columns: dict[str, list[str]] = {}
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="database")
        self._jobs: list[Future] = [self._thread.submit(self._create)]

    def insert(self, frames: dict[str, pd.DataFrame]) -> None:
        """Insert these tables, in schema order (referenced tables first)."""
        self._jobs.append(self._thread.submit(self._insert, frames))

    def materialize(self) -> None:
        """The tables the pages read (etl/materialize.sql): they need the 別紙1 tables only."""
        self._jobs.append(self._thread.submit(lambda: self.connection.execute(MATERIALIZE.read_text(encoding="utf-8"))))

    def finish(self, build_info: dict[str, str], expected_facts: int) -> duckdb.DuckDBPyConnection:
        """Wait for every insert, then record the build and check the contract; the connection, for the exports."""
        self._wait()
        self.connection.executemany("insert into build_info values (?, ?)", list(build_info.items()))
        check_contract(self.connection, expected_facts=expected_facts)
        return self.connection

    def close(self, checkpoint: bool) -> None:
        """Checkpoint (a complete build) or just stop (a failed one: the caller deletes the file); safe to call twice."""
        try:
            if checkpoint:
                self._wait()
                self.connection.execute("checkpoint")
        finally:
            self._thread.shutdown(wait=True, cancel_futures=True)  # a running job ends before its file can be deleted
            if self.connection is not None:
                self.connection.close()
                self.connection = None

    def _wait(self) -> None:
        for job in self._jobs:
            job.result()

    def _create(self) -> None:
        # 16 KiB blocks instead of the default 256 KiB: each column of each small table takes at least one block, so the
        # default made a 15 MB file of 442 numbers; this one is about 1 MB, written and copied to replicas in a fraction.
        self.connection = duckdb.connect(str(self.path), config={"default_block_size": str(BLOCK_SIZE)})
        self.connection.execute(SCHEMA.read_text(encoding="utf-8"))
        # one catalogue read for all tables: information_schema costs a few ms per query, and there are 25 tables
        for table, column in self.connection.execute("select table_name, column_name from duckdb_columns() where not internal "
                                                     "order by table_oid, column_index").fetchall():
            self._columns.setdefault(table, []).append(column)

    def _insert(self, frames: dict[str, pd.DataFrame]) -> None:
        unknown = set(frames) - set(self._columns)
        if unknown:
            raise ContractError(f"no table in etl/schema.sql for {', '.join(sorted(unknown))}")
        for table in [name for name in self._columns if name in frames]:
            # as Arrow: DuckDB's scan of a pandas frame costs ~10 ms to set up per table (it inspects every text
            # column), an Arrow table's ~2 ms; there are 37 tables
            self.connection.register("incoming", pyarrow.Table.from_pandas(frames[table][self._columns[table]], preserve_index=False))
            # table names come from our own dict
            self.connection.execute(f'insert into "{table}" ' + STORED_ORDER.get(table, "select * from incoming"))
            self.connection.unregister("incoming")


def check_contract(connection: duckdb.DuckDBPyConnection, expected_facts: int) -> None:
    columns = {row[0] for row in connection.execute("select column_name from information_schema.columns where table_name = 'facts'").fetchall()}
    missing = [column for column in FACTS_CONTRACT if column not in columns]
    if missing:
        raise ContractError(f"the facts table lacks {', '.join(missing)}")
    facts = connection.execute("select count(*) from facts").fetchone()[0]
    if facts != expected_facts:
        raise ContractError(f"facts has {facts} rows but {expected_facts} numbers were loaded: a join drops or repeats rows")
    orphans = connection.execute(
        "select count(*) from observations o left join indicator_groups g using (indicator_code, group_code) where g.group_code is null").fetchone()[0]
    if orphans:
        raise ContractError(f"{orphans} observations use a group their table does not print")
    for key, query in UNMATCHED_KEYS.items():
        unmatched = connection.execute(query).fetchone()[0]
        if unmatched:
            raise ContractError(f"{unmatched} rows have a {key} that its table does not list")


def remove_leftovers(target: Path) -> None:
    """Delete what killed builds left beside `target`: `<name>.new-<pid>` and its `.wal`, for processes no longer running."""
    for leftover in target.parent.glob(f"{target.name}.new-*"):
        pid = leftover.name.removeprefix(f"{target.name}.new-").removesuffix(".wal")
        if pid.isdigit() and not _running(int(pid)):
            leftover.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, owned by someone else
    return True


def publish(new_file: Path, target: Path) -> None:
    """Atomically replace `target`: a reader sees the old database or the new one, never a half-built file."""
    wal = Path(str(new_file) + ".wal")
    if wal.exists():
        raise ContractError(f"{wal} is left over: the new database was not checkpointed")
    with open(new_file, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(new_file, target)
