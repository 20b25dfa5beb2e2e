"""The data & sources page's full downloads: every published number, in the chosen encoding, and the database itself."""
from __future__ import annotations

import io

import pandas as pd

from dashboard.db import DATABASE
from tests.apptest_support import csv_frame, downloads, open_page  # noqa: F401 — downloads is a fixture


def _button(app, key: str):
    return next(button for button in app.download_button if button.key == key)


def test_full_downloads_serve_every_published_number_and_the_database(downloads):
    app = open_page("data_sources")
    assert not app.exception
    csv = downloads.of(_button(app, "download_facts_csv"))
    assert csv.startswith(b"\xef\xbb\xbf") and b"\r\n" in csv
    facts = csv_frame(csv)
    parquet = pd.read_parquet(io.BytesIO(downloads.of(_button(app, "download_facts_parquet"))))
    assert len(facts) == len(parquet) == 442
    pd.testing.assert_series_equal(facts["value"], parquet["value"], check_dtype=False)
    assert facts["value"].isna().sum() == 6, "the six 「－」 cells stay blank, not zero"
    assert downloads.of(_button(app, "download_duckdb")) == DATABASE.read_bytes()


def test_cp932_choice_serves_the_same_rows_for_older_japanese_tools(downloads):
    app = open_page("data_sources")
    utf8 = csv_frame(downloads.of(_button(app, "download_facts_csv")))
    app.radio(key="data__encoding").set_value("cp932").run()
    assert not app.exception and not app.error
    data = downloads.of(_button(app, "download_facts_csv"))
    assert not data.startswith(b"\xef\xbb\xbf")
    pd.testing.assert_frame_equal(csv_frame(data, encoding="cp932"), utf8)
