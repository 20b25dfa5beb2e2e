"""etl/background.py: a function run beside the caller gives the same result, or the same error, as run inline."""
import os

import pytest

from etl.background import in_background
from etl.sources import SourceError


def _pid_and_double(value):
    return os.getpid(), value * 2


def _fails(file):
    raise SourceError(f"data/municipal/{file} row 3: cannot read")


def test_runs_in_a_second_process_and_returns_its_result():
    with in_background(_pid_and_double, 21) as pending:
        here = os.getpid()
        pid, doubled = pending.result()
    assert doubled == 42
    assert pid != here


def test_the_error_of_the_background_function_is_raised_by_result():
    with in_background(_fails, "x.csv") as pending:
        with pytest.raises(SourceError, match=r"data/municipal/x\.csv row 3: cannot read"):
            pending.result()


def test_serial_mode_runs_inline_with_the_same_result_and_error(monkeypatch):
    monkeypatch.setenv("DX_ETL_SERIAL", "1")
    with in_background(_pid_and_double, 21) as pending:
        assert pending.result() == (os.getpid(), 42)
    with in_background(_fails, "y.csv") as pending:
        with pytest.raises(SourceError, match=r"y\.csv row 3"):
            pending.result()
