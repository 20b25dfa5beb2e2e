"""Production defaults that must not drift: Streamlit's config and the app's database connection."""
from __future__ import annotations

import tomllib

import duckdb
import pytest

from dashboard.db import open_read_only
from tests.conftest import ROOT

CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


def test_streamlit_config_is_hardened_for_production():
    assert CONFIG["server"]["enableXsrfProtection"] is True
    assert CONFIG["server"]["maxUploadSize"] == 11, "MB: just above the app's own 10,000,000 bytes (see below)"
    assert CONFIG["server"]["fileWatcherType"] == "none" and CONFIG["server"]["runOnSave"] is False
    assert CONFIG["client"]["disableDataExport"] is True, "the toolbar's CSV export does no formula escaping"
    assert CONFIG["client"]["showErrorDetails"] == "none"
    assert CONFIG["browser"]["gatherUsageStats"] is False


def test_streamlit_lets_every_file_over_the_apps_limit_reach_the_apps_own_message():
    """The browser refuses above maxUploadSize × 1,000,000 bytes (× 1,048,576 on Windows) in fixed English, the server
    above × 1,048,576: both must be above the app's MAX_BYTES, which the page states, and not far above (bounded work)."""
    from benchmark.upload_file import MAX_BYTES, MAX_MEGABYTES
    streamlit_mb = CONFIG["server"]["maxUploadSize"]
    assert MAX_BYTES < streamlit_mb * 1_000_000 <= streamlit_mb * 1_048_576 <= MAX_BYTES + 2 * 1_048_576
    assert MAX_BYTES == MAX_MEGABYTES * 1_000_000, "the page says whole MB"


def test_the_dashboard_listens_on_this_machine_only_unless_told_otherwise():
    # ./scripts/start and a bare `streamlit run app.py` both read this; `--server.address 0.0.0.0` overrides it
    assert CONFIG["server"]["address"] == "127.0.0.1"
    start = (ROOT / "scripts" / "start").read_text(encoding="utf-8")
    assert "--server.address" not in start.split("exec ", 1)[1], "the start script must not widen the address itself"


def test_streamlit_config_skips_the_full_garbage_collection_after_every_run():
    # ~90 ms per run with pandas, pyarrow and Plotly loaded, holding the GIL for every other session (perf figures)
    assert CONFIG["runner"]["postScriptGC"] is False


def test_the_app_connection_cannot_write_or_reach_outside_files(database_path, tmp_path):
    connection = open_read_only(database_path)
    try:
        assert connection.execute("select count(*) from facts").fetchone()[0] == 442
        with pytest.raises(duckdb.Error):
            connection.execute("create table stolen as select 1")
        with pytest.raises(duckdb.Error):
            connection.execute("delete from observations")
        secret = tmp_path / "secret.csv"
        secret.write_text("a\n1\n", encoding="utf-8")
        with pytest.raises(duckdb.Error):
            connection.execute(f"select * from read_csv('{secret}')")
        with pytest.raises(duckdb.Error):
            connection.execute(f"attach '{tmp_path / 'other.duckdb'}' as other")
        with pytest.raises(duckdb.Error):
            connection.execute("set enable_external_access = true")
    finally:
        connection.close()
