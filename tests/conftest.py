"""Shared fixtures: one database built per session from the real sources, in a temporary folder, used by every test.

The app under test (AppTest in this process, and any server a test starts) finds it through DX_DATABASE and
DX_EXPORTS, set before any test module imports the app: a run tests one database, never data/dx.duckdb."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import duckdb
import pytest

from etl.build import build

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SESSION_DATA = pytest.StashKey[Path]()
PREVIOUS_SETTINGS = pytest.StashKey[dict]()
APP_SETTINGS = ("DX_DATABASE", "DX_EXPORTS")


def copy_sources(destination: Path) -> Path:
    """The committed sources only: no database, no exports."""
    shutil.copytree(DATA, destination, ignore=shutil.ignore_patterns("build", "*.duckdb", "*.duckdb.*"))
    return destination


def pytest_configure(config: pytest.Config) -> None:
    """Runs before test modules are imported, so the app's settings read at import already name the session database."""
    data_dir = Path(tempfile.mkdtemp(prefix="dx-tests-")) / "data"
    config.stash[SESSION_DATA] = data_dir
    config.stash[PREVIOUS_SETTINGS] = {name: os.environ.get(name) for name in APP_SETTINGS}  # restored at the end
    os.environ["DX_DATABASE"] = str(data_dir / "dx.duckdb")
    os.environ["DX_EXPORTS"] = str(data_dir / "build" / "exports")


def pytest_unconfigure(config: pytest.Config) -> None:
    for name, value in config.stash.get(PREVIOUS_SETTINGS, {}).items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    if SESSION_DATA in config.stash:
        shutil.rmtree(config.stash[SESSION_DATA].parent, ignore_errors=True)


@pytest.fixture(scope="session", autouse=True)
def built_data_dir(pytestconfig) -> Path:
    """The sources and the database (with its exports) every test reads, built once per session."""
    data_dir = copy_sources(pytestconfig.stash[SESSION_DATA])
    build(data_dir, data_dir / "dx.duckdb", data_dir / "build" / "exports", log=lambda _: None)
    from dashboard import db  # imported here, after pytest_configure has pointed it at the session database
    assert db.DATABASE == data_dir / "dx.duckdb", "the app under test must read the session's database"
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
