"""Every class of corrupted source stops `python -m etl` with 「ビルドを中止しました」, the file, the row (or line, or
field) and the column, and the statement that the previous database is untouched: never a raw traceback."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from etl.cli import main


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture expects {old!r} in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def edit_meta(path: Path, change) -> None:
    meta = json.loads(path.read_text(encoding="utf-8"))
    change(meta)
    path.write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")


def drop_lines(path: Path, prefix: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(line for line in lines if not line.startswith(prefix)) + "\n", encoding="utf-8")


CORRUPTIONS = {
    "nan in a table": (lambda d: replace(d / "tables/ai_adoption.csv", "2021,muni_other,,35.2", "2021,muni_other,,nan"),
                       "ai_adoption.csv row 4, column value: 'nan' is not a finite number"),
    "inf in a table": (lambda d: replace(d / "tables/rpa_adoption.csv", "\n2021,pref,,91.5,", "\n2021,pref,,inf,"),
                       "rpa_adoption.csv row 2, column value: 'inf' is not a finite number"),
    "text in a reference file": (lambda d: replace(d / "group_sizes.csv", "pref,2020,47,", "pref,2020,abc,"),
                                 "group_sizes.csv row 3, column entity_count: 'abc' is not a whole number"),
    "misspelt reference column": (lambda d: replace(d / "group_partitions.csv", "child_group_codes", "child_groups"),
                                  "group_partitions.csv row 1 (header): column child_group_codes is missing"),
    "missing reference column": (lambda d: replace(d / "topics.csv", ",heading_line\n", "\n"),
                                 "topics.csv row 1 (header): column heading_line is missing"),
    "wrong type in metadata": (lambda d: edit_meta(d / "tables/ai_adoption.meta.json",
                                                   lambda m: m["years"][0].update(fiscal_year="2021")),
                               "ai_adoption.meta.json, field years[0].fiscal_year: '2021' is not of type 'integer'"),
    "missing key in metadata": (lambda d: edit_meta(d / "tables/ai_adoption.meta.json",
                                                    lambda m: m["printed_at"].pop("first_line")),
                                "ai_adoption.meta.json, field printed_at: 'first_line' is a required property"),
    "impossible date in metadata": (lambda d: edit_meta(d / "tables/ai_adoption.meta.json",
                                                        lambda m: m["years"][1].update(as_of="2022-13-31")),
                                    "ai_adoption.meta.json, field years[1].as_of: '2022-13-31' is not a 'date'"),
    "invalid UTF-8 in metadata": (lambda d: (d / "tables/ai_adoption.meta.json").write_bytes(
        (d / "tables/ai_adoption.meta.json").read_bytes().replace('"AI導入'.encode(), b'"\xff\xfe', 1)),
        "ai_adoption.meta.json line 5, column 16: cannot read as UTF-8 (byte 0xff)"),
    "unknown group in entity types": (lambda d: replace(d / "entity_types.csv", ",1,pref all", ",1,prefecture all"),
                                      "entity_types.csv row 2, column containing_groups: 'prefecture' is not in groups.csv"),
    "removed topic row": (lambda d: drop_lines(d / "topics.csv", "digital_divide,"),
                          "digital_divide.meta.json, field topic_code: 'digital_divide' is not in topics.csv"),
    "unknown table in a target": (lambda d: replace(d / "targets.csv", ",standardization_progress,completed,",
                                                    ",standardisation_progress,completed,"),
                                  "targets.csv row 5, column indicator_table_id: 'standardisation_progress' is not in data/tables/"),
    "repeated key in a reference file": (lambda d: replace(d / "group_sizes.csv", "\npref,2020,47,", "\nall,2020,47,"),
                                         "group_sizes.csv row 3, column group_code, fiscal_year: all, 2020 repeats row 2"),
    "impossible date in a reference file": (lambda d: replace(d / "body_figures.csv", ",2023,2023-04-01,", ",2023,2023-04-31,"),
                                            "body_figures.csv row 2, column as_of: '2023-04-31' is not a date"),
    "unknown kind of benchmark item": (lambda d: replace(d / "benchmark_items.csv", "departmental,yes_no,", "departmental,yesno,"),
                                       "benchmark_items.csv row 2, column kind: 'yesno' is not one of yes_no, band, percent"),
}


@pytest.mark.parametrize("corruption", list(CORRUPTIONS))
def test_corrupted_source_stops_the_build_with_file_row_and_column(data_copy, capsys, corruption):
    corrupt, where = CORRUPTIONS[corruption]
    database = data_copy / "dx.duckdb"
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    corrupt(data_copy)
    assert main(["--data-dir", str(data_copy), "--no-exports", "--quiet"]) == 1
    stderr = capsys.readouterr().err
    assert stderr.startswith("ビルドを中止しました。以前のデータベースはそのまま残っています。")
    assert "the previous database is untouched" in stderr
    assert where in stderr, stderr
    assert "Traceback" not in stderr
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before
    assert not list(data_copy.glob("dx.duckdb.new-*"))


def test_a_table_without_its_step_stops_the_build(data_copy, capsys):
    for suffix in (".csv", ".meta.json"):
        source = (data_copy / "tables" / f"ai_adoption{suffix}").read_text(encoding="utf-8")
        (data_copy / "tables" / f"ai_adoption_copy{suffix}").write_text(source.replace('"ai_adoption"', '"ai_adoption_copy"'),
                                                                        encoding="utf-8")
    assert main(["--data-dir", str(data_copy), "--no-exports", "--quiet"]) == 1
    assert "data/tables/ai_adoption_copy.meta.json has no step etl/steps/ai_adoption_copy.py" in capsys.readouterr().err


def test_the_next_build_removes_what_killed_builds_left_behind(data_copy):
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = int(finished.stdout)  # a process that has exited: its half-built files are orphans
    orphans = [data_copy / f"dx.duckdb.new-{dead}", data_copy / f"dx.duckdb.new-{dead}.wal"]
    running = data_copy / f"dx.duckdb.new-{os.getppid()}"  # a build still running elsewhere keeps its file
    for path in [*orphans, running]:
        path.write_bytes(b"half-built")
    assert main(["--data-dir", str(data_copy), "--no-exports", "--quiet"]) == 0
    assert [path for path in orphans if path.exists()] == []
    assert running.exists()
