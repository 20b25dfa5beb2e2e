"""The app's only door to the database: read-only, external access off, one connection per database version."""
from __future__ import annotations

import os
import stat as file_mode
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from dashboard.queries import parameters_of, sql_for

DATABASE = Path(os.environ.get("DX_DATABASE", Path(__file__).resolve().parent.parent / "data" / "dx.duckdb"))


class DatabaseUnavailable(RuntimeError):
    """The app cannot read the database: the pages say so (dashboard/availability.py) instead of a traceback."""


class DatabaseMissing(DatabaseUnavailable):
    pass


class DatabaseUnusable(DatabaseUnavailable):
    """There is something at the path, but not a database the ETL built: damaged, empty, a directory, a broken link."""


def database_version() -> tuple[int, int, int]:
    """Identity of the published file: the ETL replaces it atomically, so a new inode means a new build."""
    try:
        stat = DATABASE.stat()
    except FileNotFoundError:
        raise DatabaseMissing(str(DATABASE)) from None
    except OSError as error:  # a symlink loop, no permission ...
        raise DatabaseUnusable(f"{DATABASE}: {error}") from None
    if not file_mode.S_ISREG(stat.st_mode):
        raise DatabaseUnusable(f"{DATABASE} is not a regular file")
    return stat.st_ino, stat.st_mtime_ns, stat.st_size


def check_database() -> None:
    """Raise DatabaseUnavailable unless the database opens and has the tables the pages read. The connection this opens
    is the one the queries then use (cached per version), so the check costs nothing on a good database."""
    _connection(str(DATABASE), database_version())


def open_read_only(path: str | Path) -> duckdb.DuckDBPyConnection:
    """A connection that can only read this one file. ATTACH into an in-memory database rather than connect() to the
    path: DuckDB caches instances by path, so connect() could keep serving a file the ETL has since replaced."""
    # one worker thread: the app's queries are tiny, and a pool per connection oversubscribes 2 cores under load
    connection = duckdb.connect(":memory:", config={"threads": 1})
    escaped = str(path).replace("'", "''")  # our own configured path, not user input
    connection.execute(f"attach '{escaped}' as dx (read_only)")
    connection.execute("use dx")
    connection.execute("set enable_external_access = false")
    connection.execute("set lock_configuration = true")
    return connection


@st.cache_resource(max_entries=2, show_spinner=False)
def _connection(path: str, version: tuple[int, int, int]) -> duckdb.DuckDBPyConnection:
    """Shared by all sessions, one per version of the file; each run takes its own cursor. A file that does not open, or
    lacks the topics every page lists, is not cached: each run tries again, so a repaired file is picked up."""
    try:
        connection = open_read_only(path)
    except duckdb.Error as error:
        raise DatabaseUnusable(f"{path}: {error}") from None
    try:
        connection.execute(sql_for("topics")).fetchall()
    except duckdb.Error as error:
        connection.close()
        raise DatabaseUnusable(f"{path}: {error}") from None
    return connection


@st.cache_resource(max_entries=2000, show_spinner=False)
def _cached_query(name: str, frozen_params: tuple, version: tuple[int, int, int]) -> pd.DataFrame:
    params = {key: list(value) if isinstance(value, tuple) else value for key, value in frozen_params}
    handle = _connection(str(DATABASE), version).cursor()
    try:
        handle.execute("use dx")
        return handle.execute(sql_for(name), params).df()
    except (duckdb.IOException, duckdb.CatalogException) as error:  # damaged pages, or a database of another build
        raise DatabaseUnusable(f"{DATABASE}: {error}") from None
    finally:
        handle.close()


def query(name: str, **params) -> pd.DataFrame:
    """Run a named query with bound parameters; results are cached per database version."""
    expected = parameters_of(name)
    if set(params) != expected:
        raise TypeError(f"query {name!r} takes {sorted(expected)}, got {sorted(params)}")
    frozen = tuple(sorted((key, tuple(value) if isinstance(value, list) else value) for key, value in params.items()))
    # One frame per query and version, shared by every run and session. A shallow copy is enough to keep it intact:
    # under pandas copy-on-write a change to the copy copies the data it touches, never the cached frame. (st.cache_data
    # would unpickle a full copy on every call, the largest cost of a warm page run.)
    return _cached_query(name, frozen, database_version()).copy(deep=False)

