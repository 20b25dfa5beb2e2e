"""Every table's metadata file is valid against etl/meta.schema.json, and its sort_order gives the order on screen."""
from __future__ import annotations

import json

from jsonschema import Draft202012Validator

from etl.sources import META_SCHEMA, meta_validator
from tests.conftest import DATA

META_FILES = sorted((DATA / "tables").glob("*.meta.json"))


def test_the_schema_is_a_valid_json_schema():
    Draft202012Validator.check_schema(json.loads(META_SCHEMA.read_text(encoding="utf-8")))


def test_every_metadata_file_is_valid_against_the_schema():
    problems = {path.name: [f"{list(error.absolute_path)}: {error.message}"
                            for error in meta_validator().iter_errors(json.loads(path.read_text(encoding="utf-8")))]
                for path in META_FILES}
    assert {name: found for name, found in problems.items() if found} == {}
    assert len(problems) > 0, "no metadata file was checked"
    assert len(problems) == len(list((DATA / "tables").glob("*.csv"))), "each table CSV has its metadata file"


def test_the_schema_rejects_what_the_build_cannot_use():
    meta = json.loads(META_FILES[0].read_text(encoding="utf-8"))
    for broken in ({**meta, "unit": "percent"}, {**meta, "sort_order": "1"}, {**meta, "title": meta["title_ja"]},
                   {key: value for key, value in meta.items() if key != "years"}):
        assert list(meta_validator().iter_errors(broken)), broken


def test_sort_order_gives_the_order_of_the_indicators_on_screen(db):
    by_sort_order = sorted(META_FILES, key=lambda path: json.loads(path.read_text(encoding="utf-8"))["sort_order"])
    expected = ["governance_cross_departmental", "governance_dedicated_unit", "governance_overall_policy",
                "frontyard_initiatives", "standardization_progress", "mynumber_issued", "mynumber_held",
                "security_organisation", "ai_adoption", "ai_functions", "rpa_adoption", "rpa_fields", "telework_adoption",
                "telework_staff_share", "digital_divide"]
    assert [path.name.removesuffix(".meta.json") for path in by_sort_order] == expected
    shown = [row[0] for row in db.execute("select indicator_code from indicators order by sort_order").fetchall()]
    assert shown == expected
