"""The app's query cache: one frame per named query and database version, shared by every run, never altered by one."""
from __future__ import annotations

import pandas as pd
import pytest

from dashboard import db


@pytest.fixture()
def app_database(database_path):
    assert db.DATABASE == database_path
    db._cached_query.clear()
    yield
    db._cached_query.clear()


def test_changing_a_query_result_leaves_the_next_callers_result_as_published(app_database):
    first = db.query("facts_selection", indicator_code="governance_overall_policy", fiscal_years=[2023],
                     group_codes=["all"], breakdown_codes=[])
    published = first.copy(deep=True)
    first.loc[first.index[0], "value"] = -1.0
    first["value_printed"] = "tampered"
    del first["unit"]  # in place, as a caller might

    again = db.query("facts_selection", indicator_code="governance_overall_policy", fiscal_years=[2023],
                     group_codes=["all"], breakdown_codes=[])
    pd.testing.assert_frame_equal(again, published)


def test_each_call_gets_its_own_frame_over_one_cached_result(app_database):
    first, second = db.query("topics"), db.query("topics")
    assert first is not second
    assert db._cached_query("topics", (), db.database_version()) is db._cached_query("topics", (), db.database_version())


def test_a_query_with_wrong_parameters_is_refused_before_it_runs(app_database):
    with pytest.raises(TypeError, match="takes \\['indicator_code'\\]"):
        db.query("indicator_notes", indicator_code="x", fiscal_year=2023)
