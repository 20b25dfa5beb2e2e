"""Shared fixtures: a database built once per session from the real sources, in a temporary folder."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from etl.build import build

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


def copy_sources(destination: Path) -> Path:
    """The committed sources only: no database, no exports."""
    shutil.copytree(DATA, destination, ignore=shutil.ignore_patterns("build", "*.duckdb", "*.duckdb.*"))
    return destination


@pytest.fixture(scope="session")
def built_data_dir(tmp_path_factory) -> Path:
    data_dir = copy_sources(tmp_path_factory.mktemp("built") / "data")
    build(data_dir, data_dir / "dx.duckdb", data_dir / "build" / "exports", log=lambda _: None)
    return data_dir


@pytest.fixture(scope="session")
def database_path(built_data_dir) -> Path:
    return built_data_dir / "dx.duckdb"


@pytest.fixture()
def db(database_path):
    connection = duckdb.connect(str(database_path), read_only=True)
    yield connection
    connection.close()


@pytest.fixture()
def data_copy(built_data_dir, tmp_path) -> Path:
    """A writable copy of the sources with a good database already built in it."""
    destination = tmp_path / "data"
    shutil.copytree(built_data_dir, destination, ignore=shutil.ignore_patterns("build"))
    return destination
