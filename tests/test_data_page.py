"""The data & sources page's full downloads: every published number, in the chosen encoding, and the database itself."""
from __future__ import annotations

import io

import pandas as pd

import json
import shutil

import duckdb
import pytest

from dashboard import full_dataset
from dashboard.db import DATABASE
from etl.exports import MANIFEST
from tests.apptest_support import csv_frame, downloads, open_page  # noqa: F401 — downloads is a fixture
from tests.conftest import DATA


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


@pytest.fixture()
def exports_copy(tmp_path, monkeypatch):
    """A writable copy of the exports the app serves, put in their place for one test."""
    copy = tmp_path / "exports"
    shutil.copytree(full_dataset.EXPORTS, copy)
    monkeypatch.setattr(full_dataset, "EXPORTS", copy)
    return copy


def test_missing_exports_are_explained_and_the_database_is_still_offered(exports_copy, downloads):
    shutil.rmtree(exports_copy)
    app = open_page("data_sources")
    assert not app.exception
    assert any("まだ作成されていません" in warning.value for warning in app.warning)
    assert [button.key for button in app.download_button if button.key.startswith("download_")] == ["download_duckdb"]
    assert downloads.of(_button(app, "download_duckdb")) == DATABASE.read_bytes()


def test_exports_of_another_build_are_not_served(exports_copy):
    manifest = json.loads((exports_copy / MANIFEST).read_text(encoding="utf-8"))
    (exports_copy / MANIFEST).write_text(json.dumps({**manifest, "built_at": "1999-01-01T00:00:00"}), encoding="utf-8")
    app = open_page("data_sources", {"lang": "en"})
    assert not app.exception
    assert any("being updated" in warning.value for warning in app.warning)
    assert "download_facts_csv" not in [button.key for button in app.download_button]


def test_exports_name_the_build_and_every_file_they_hold(exports_copy):
    manifest = json.loads((exports_copy / MANIFEST).read_text(encoding="utf-8"))
    with duckdb.connect(str(DATABASE), read_only=True) as app_database:
        build = dict(app_database.execute("select key, value from build_info").fetchall())
    assert (manifest["built_at"], manifest["sources_sha256"]) == (build["built_at"], build["sources_sha256"])
    assert manifest["cp932_problem"] is None, "every published label fits Shift_JIS"
    assert set(manifest["files"]) == {path.name for path in exports_copy.iterdir()} - {MANIFEST}


@pytest.mark.parametrize("language", ["ja", "en"])
def test_each_indicator_states_the_as_of_date_of_each_year_it_covers(language):
    """Written once, in Python, from the dates the metadata gives; 「－」 for the topic without figures."""
    app = open_page("data_sources", {"lang": language})
    texts = [element.value for element in app.text]
    meta = json.loads((DATA / "tables" / "governance_overall_policy.meta.json").read_text(encoding="utf-8"))
    if language == "ja":
        expected = "時点：" + "、".join(f"{y['fiscal_year']}年度（令和{y['fiscal_year'] - 2018}年度）："
                                     f"{y['fiscal_year']}年4月1日時点" for y in meta["years"])
    else:
        expected = "As of: " + "; ".join(f"FY{y['fiscal_year']} (Reiwa {y['fiscal_year'] - 2018}): 1 April {y['fiscal_year']}"
                                        for y in meta["years"])
    assert any(expected + "\n" in text for text in texts), expected
    assert sum(("時点：－\n" if language == "ja" else "As of: －\n") in text for text in texts) == 1, "digital_divide"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_reference_tables_are_labelled_for_people(lang):
    """Headers in the UI language, checks and units by name, and no None, nan or raw code where a reader looks."""
    app = open_page("data_sources", {"lang": lang})
    tables = [element.value for element in app.dataframe]
    assert len(tables) == 4  # responding bases, reconciliation checks, body-text figures, targets
    for table in tables:
        raw = [column for column in table.columns if "_" in column or column.isascii() and column.islower()]
        assert raw == [], f"raw column names: {raw}"
        cells = {str(value) for column in table.columns for value in table[column]}
        assert not cells & {"None", "nan", "NaN", "NaT", "<NA>"}, cells & {"None", "nan", "NaT", "<NA>"}
        assert not [cell for cell in cells if cell.endswith(" 00:00:00")], "dates as dates"
    checks = tables[1].iloc[:, 1].tolist()
    assert "counts_within_group_size" not in checks
    assert ("団体数が区分の団体数以内" if lang == "ja" else "Counts within the group's size") in checks
