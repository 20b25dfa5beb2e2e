"""A database that is damaged, of the wrong kind or gone: every page says so in the user's language and what to do,
and nothing already entered in the benchmark form is lost."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pytest

import dashboard.db
import dashboard.topic_page
from tests.apptest_support import ALL_PAGES, open_page

UNUSABLE = {"ja": "データベース（data/dx.duckdb）を読み込めません", "en": "The database (data/dx.duckdb) cannot be read"}
MISSING = {"ja": "データベース（data/dx.duckdb）がありません", "en": "The database (data/dx.duckdb) is missing"}
REBUILD = "python -m etl"


def overwrite_first_64_kib(path: Path, good: Path) -> None:
    shutil.copyfile(good, path)
    with path.open("r+b") as file:
        file.write(bytes(range(256)) * 256)


def empty_duckdb_file(path: Path, good: Path) -> None:
    duckdb.connect(str(path)).close()  # a valid DuckDB database without a single table


def zero_byte_file(path: Path, good: Path) -> None:
    path.write_bytes(b"")


def directory(path: Path, good: Path) -> None:
    path.mkdir()


def symlink_to_a_text_file(path: Path, good: Path) -> None:
    text = path.parent / "notes.txt"
    text.write_text("not a database\n", encoding="utf-8")
    path.symlink_to(text)


def symlink_loop(path: Path, good: Path) -> None:
    path.symlink_to(path)


FAULTS = [overwrite_first_64_kib, empty_duckdb_file, zero_byte_file, directory, symlink_to_a_text_file, symlink_loop]


@pytest.fixture()
def broken_database(tmp_path, monkeypatch, database_path):
    """Point the app at tmp_path/dx.duckdb and return a function that breaks it in one of the ways above."""
    target = tmp_path / "dx.duckdb"
    monkeypatch.setattr(dashboard.db, "DATABASE", target)

    def breaking(fault):
        fault(target, database_path)
        return target

    return breaking


def messages(app) -> str:
    return "\n".join(element.value for element in app.error)


@pytest.mark.parametrize("fault", FAULTS, ids=lambda fault: fault.__name__)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_broken_database_gets_the_apps_own_message(broken_database, fault, lang):
    broken_database(fault)
    app = open_page("overview", {"lang": lang})
    assert not app.exception, [e.value for e in app.exception]
    assert UNUSABLE[lang] in messages(app) and REBUILD in messages(app)
    assert not app.get("plotly_chart"), "nothing is drawn from a database that cannot be read"


@pytest.mark.parametrize("page", ALL_PAGES + ["benchmark"])
def test_every_page_gives_the_message_for_an_overwritten_database(broken_database, page):
    broken_database(overwrite_first_64_kib)
    app = open_page(page)
    assert not app.exception, [e.value for e in app.exception]
    assert UNUSABLE["ja"] in messages(app)


def test_a_missing_database_gets_the_apps_own_message(broken_database):
    app = open_page("overview")
    assert not app.exception
    assert MISSING["ja"] in messages(app) and REBUILD in messages(app)


def test_a_database_that_disappears_while_the_form_is_in_use_keeps_what_was_entered(broken_database, database_path):
    live = dashboard.db.DATABASE
    shutil.copyfile(database_path, live)
    app = open_page("benchmark")
    app.selectbox(key="bench__form_type").set_value("town")
    app.text_input(key="bench__form_name").input("富士河口湖町")
    app.run()
    assert not app.exception

    os.remove(live)  # the operator deletes or moves the file while the user keeps typing
    app.text_input(key="bench__form_code").input("194301")
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert MISSING["ja"] in messages(app)
    assert "入力した内容は保持されています" in messages(app)

    shutil.copyfile(database_path, live)  # back again: the user presses 再試行
    app.button(key="database_retry").click()
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert app.text_input(key="bench__form_name").value == "富士河口湖町"
    assert app.text_input(key="bench__form_code").value == "194301"
    entry = app.session_state["benchmark_entry"]
    assert (entry.municipality_code, entry.municipality_name, entry.entity_type) == ("194301", "富士河口湖町", "town"), \
        "the change made while the database was gone reached the entry once it was back"


def test_a_database_that_disappears_while_a_page_is_drawn_gets_the_message(broken_database, database_path, monkeypatch):
    """Between app.py's check and the page's queries: the page stops with the same message, not a traceback."""
    live = dashboard.db.DATABASE
    shutil.copyfile(database_path, live)
    app = open_page("governance")
    assert not app.exception
    real_query = dashboard.db.query
    calls = []

    def vanishing(name, **params):
        calls.append(name)
        if name == "facts_selection":
            os.remove(live)
        return real_query(name, **params)

    monkeypatch.setattr(dashboard.db, "query", vanishing)
    monkeypatch.setattr(dashboard.topic_page, "query", vanishing)
    app.pills(key="governance__years").set_value([2021, 2023])
    app.run()
    assert "facts_selection" in calls, "the page reached its queries"
    assert not app.exception, [e.value for e in app.exception]
    assert MISSING["ja"] in messages(app)
