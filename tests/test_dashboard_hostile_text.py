"""Text that reaches the pages from the database is shown as text and exported neutralised, even if it were hostile."""
from __future__ import annotations

import json

import pytest

import dashboard.db
from etl.build import build
from tests.apptest_support import csv_frame, downloads, open_page

__all__ = ["downloads"]

FORMULA = "=HYPERLINK(\"http://example.invalid\",\"x\")"
SCRIPT = "<img src=x onerror=alert(1)>%{x}"


@pytest.fixture()
def hostile_database(data_copy, monkeypatch):
    """A database whose printed group labels are payloads: a stand-in for a poisoned or mistyped source file."""
    meta_path = data_copy / "tables" / "governance_overall_policy.meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["groups_printed"]["pref"] = FORMULA
    meta["groups_printed"]["ward"] = SCRIPT
    meta_path.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    build(data_copy, data_copy / "dx.duckdb", None, log=lambda _: None)
    monkeypatch.setattr(dashboard.db, "DATABASE", data_copy / "dx.duckdb")
    return data_copy / "dx.duckdb"


def test_formula_labels_are_neutralised_in_the_page_export(hostile_database, downloads):
    app = open_page("governance", {"items": "governance_overall_policy", "groups": "pref,ward"})
    assert not app.exception
    exported = csv_frame(downloads.of(app.download_button[0]))
    assert exported["区分"].tolist() == ["'" + FORMULA, SCRIPT]


def test_script_labels_never_reach_the_chart_as_markup(hostile_database):
    app = open_page("governance", {"items": "governance_overall_policy", "groups": "pref,ward"})
    strings = list(_strings(json.loads(app.get("plotly_chart")[0].proto.spec)))
    assert not [text for text in strings if "<img" in text], "no raw tag may reach Plotly, which renders labels as HTML"
    assert "&lt;img src=x onerror=alert(1)&gt;%&#123;x}" in strings, "the label is shown as its own characters"


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


TITLE = "![x](https://evil.example/i.png) www.evil.example :material/home: 全体方針"
MARKDOWN_KINDS = ("markdown", "caption", "title", "header", "subheader", "error", "warning", "info", "success")


@pytest.fixture()
def hostile_title_database(data_copy, monkeypatch):
    """A table title (source text from .meta.json) that markdown would turn into an image, a link and an icon."""
    meta_path = data_copy / "tables" / "governance_overall_policy.meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["title_ja"] = TITLE
    meta_path.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    build(data_copy, data_copy / "dx.duckdb", None, log=lambda _: None)
    monkeypatch.setattr(dashboard.db, "DATABASE", data_copy / "dx.duckdb")
    return data_copy / "dx.duckdb"


def test_a_table_title_in_the_sources_is_shown_as_text_never_as_markdown(hostile_title_database):
    app = open_page("governance", {"items": "governance_overall_policy"})
    assert not app.exception
    assert TITLE in [element.value for element in app.text]
    for kind in MARKDOWN_KINDS:
        for element in getattr(app, kind):
            plain = element.value.replace("\\", "")
            assert "evil.example" not in plain and ":material/home:" not in plain, (kind, element.value)
