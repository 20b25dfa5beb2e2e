"""Every stored number occurs, as printed, on the line of 別紙1 the database cites — read independently of the ETL."""
from __future__ import annotations

import re

from tests.conftest import DATA

SOURCE = (DATA / "source" / "jichitai_dx_suishin_keikaku.txt").read_text(encoding="utf-8").split("\n")
APPENDIX_START = next(i for i, line in enumerate(SOURCE, start=1) if line.startswith("別紙１ 自治体 DXの重点取組事項等"))
APPENDIX_END = next(i for i, line in enumerate(SOURCE, start=1) if "別紙２" in line and i > APPENDIX_START)


def occurs(number: str, line: int) -> bool:
    return re.search(r"(?<![\d.,])" + re.escape(number) + r"(?![\d.,])", SOURCE[line - 1]) is not None


def test_source_of_record_is_the_seed_text():
    assert (APPENDIX_START, APPENDIX_END) == (3632, 4281)


def test_every_value_is_printed_on_its_cited_line_of_appendix_1(db):
    rows = db.execute("select indicator_code, value, value_printed, source_line from facts").fetchall()
    assert len(rows) == 442
    for indicator, value, printed, line in rows:
        assert APPENDIX_START <= line < APPENDIX_END, (indicator, line)
        assert occurs(printed, line), (indicator, printed, line, SOURCE[line - 1])
        assert value is None if printed == "－" else float(printed) == value


def test_every_count_is_printed_on_its_cited_line(db):
    rows = db.execute("select indicator_code, count, count_unit, count_line from facts where count is not null").fetchall()
    assert len(rows) == 18 * 3 + 45 + 16 + 4
    for indicator, count, unit, line in rows:
        printed = f"({count}団体)" if unit == "entities" else f"({count:,}枚）"
        assert printed in SOURCE[line - 1], (indicator, printed, line)


def test_every_body_figure_and_target_is_quoted_from_its_line(db):
    for table in ("body_figures", "targets"):
        rows = db.execute(f"select quote, line from {table}").fetchall()
        assert rows
        for quote, line in rows:
            assert quote in SOURCE[line - 1], (table, quote, line)
