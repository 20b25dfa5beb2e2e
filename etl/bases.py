"""Responding bases: the denominator behind each published share, derived from count ÷ share."""
from __future__ import annotations

from etl.reference import Reference
from etl.rounding import implied_base
from etl.sources import Table


def responding_bases(table: Table, reference: Reference) -> list[dict]:
    """One row per share printed with its count: the base it implies, the census, and any declared shortfall."""
    rows = []
    for cell in table.cells:
        if cell.count is None or cell.value is None:
            continue
        implied = implied_base(cell.count, cell.value_printed)
        row = dict(indicator_code=table.table_id, breakdown_code=cell.breakdown_code, fiscal_year=cell.fiscal_year,
                   group_code=cell.group_code, base_unit="population" if table.count_unit == "cards" else "entities",
                   census=None, implied_base_min=implied[0] if implied else None,
                   implied_base_max=implied[1] if implied else None, base_min=None, base_max=None,
                   shortfall_min=None, shortfall_max=None, base_id=None, reason_ja=None, reason_en=None)
        if table.count_unit == "cards":
            # The population is not printed: the implied range is all the document allows us to say.
            row.update(base_min=row["implied_base_min"], base_max=row["implied_base_max"],
                       reason_ja="人口（住基人口）は資料に印字されていない。枚数÷割合から導いた範囲。",
                       reason_en="The population is not printed; this range is implied by cards ÷ rate.")
        else:
            census = reference.group_size(cell.group_code, cell.fiscal_year)
            declared = reference.declared_base(table.table_id, cell.breakdown_code, cell.fiscal_year, cell.group_code)
            low, high = (declared.base_min, declared.base_max) if declared else (census, census)
            row.update(census=census, base_min=low, base_max=high, shortfall_min=census - high, shortfall_max=census - low)
            if declared:
                row.update(base_id=declared.base_id, reason_ja=declared.reason_ja, reason_en=declared.reason_en)
        rows.append(row)
    return rows
