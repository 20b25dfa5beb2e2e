"""Reconciliation rules. Each takes a table and the reference data and returns the failures it finds."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from fractions import Fraction

from etl.reference import APPENDIX_1_FIRST_LINE, APPENDIX_1_LAST_LINE, Reference
from etl.rounding import fraction_of_size_exists, implied_base, printed_interval
from etl.sources import Cell, Table

SMALL_GROUP_LIMIT = 100  # shares of groups this small must be an exact k ÷ size: a strong check on transcription


@dataclass(frozen=True)
class Failure:
    check: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"[{self.check}] {self.where}: {self.message}"


def printed_where_cited(table: Table, reference: Reference) -> list[Failure]:
    """Every value and count occurs on the 別紙1 line the transcription cites."""
    failures = []
    for cell in table.cells:
        for what, text, line in (("value", cell.value_printed, cell.value_line),
                                 ("count", _count_text(cell, table), cell.count_line)):
            if line is None:
                continue
            if not APPENDIX_1_FIRST_LINE <= line <= APPENDIX_1_LAST_LINE:
                failures.append(Failure("printed_where_cited", cell.describe(), f"{what} line {line} is outside 別紙1 "
                                        f"(lines {APPENDIX_1_FIRST_LINE}–{APPENDIX_1_LAST_LINE})"))
            elif not (text in reference.source_lines[line - 1] if what == "count"
                      else _printed_as_a_number(text, reference.source_lines[line - 1])):
                failures.append(Failure("printed_where_cited", cell.describe(),
                                        f"{what} {cell.value_printed if what == 'value' else cell.count} is not printed on line {line}: "
                                        f"{reference.source_lines[line - 1].strip()!r}"))
    return failures


def _printed_as_a_number(printed: str, line: str) -> bool:
    """`printed` occurs in `line` not as part of a longer number (no digit, point or comma on either side). A plain
    scan, not a regular expression: compiling ~400 patterns cost 0.1 s of every fresh build."""
    start = line.find(printed)
    while start != -1:
        before, after = line[start - 1:start] if start else "", line[start + len(printed):start + len(printed) + 1]
        if not _in_number(before) and not _in_number(after):
            return True
        start = line.find(printed, start + 1)
    return False


def _in_number(character: str) -> bool:
    return character != "" and (character.isdecimal() or character in ".,")  # isdecimal: what \d matches


def _count_text(cell: Cell, table: Table) -> str | None:
    if cell.count is None:
        return None
    unit = "団体" if table.count_unit == "entities" else "枚"
    return "(" + (f"{cell.count:,}" if unit == "枚" else str(cell.count)) + unit


def percentages_in_range(table: Table, reference: Reference) -> list[Failure]:
    return [Failure("percentages_in_range", cell.describe(), f"{cell.value_printed}% lies outside 0–100")
            for cell in table.cells if table.unit == "pct" and cell.value is not None and not 0 <= cell.value <= 100]


def cases_are_whole_numbers(table: Table, reference: Reference) -> list[Failure]:
    return [Failure("cases_are_whole_numbers", cell.describe(), f"{cell.value_printed} cases is not a whole number ≥ 0")
            for cell in table.cells if cell.value is not None and (cell.value < 0 or cell.value != int(cell.value))]


def counts_within_group_size(table: Table, reference: Reference) -> list[Failure]:
    failures = []
    for cell in table.cells:
        size = reference.group_size(cell.group_code, cell.fiscal_year)
        if cell.count is not None and size is not None and cell.count > size:
            failures.append(Failure("counts_within_group_size", cell.describe(),
                                    f"count {cell.count} exceeds the {size} entities of group {cell.group_code}"))
    return failures


def subgroup_counts_sum_to_total(table: Table, reference: Reference) -> list[Failure]:
    """Where a table prints a total and all parts of a partition of it, the parts' counts add up to the total."""
    failures = []
    for (year, breakdown), cells in _by_year_and_breakdown(table).items():
        counts = {c.group_code: c.count for c in cells if c.count is not None}
        for parent, children in reference.partitions:
            if parent not in counts or not all(child in counts for child in children):
                continue
            difference = counts[parent] - sum(counts[child] for child in children)
            if difference == 0:
                continue
            found = reference.exception_for("subgroup_counts_sum_to_total", table.table_id, year, parent, breakdown)
            if found and found[1].expected_difference == difference:
                reference.used_exceptions.add(found[0])
                continue
            failures.append(Failure("subgroup_counts_sum_to_total", _where(table, year, breakdown, parent),
                                    f"count {counts[parent]} ≠ {' + '.join(f'{counts[c]} ({c})' for c in children)} "
                                    f"= {counts[parent] - difference} (difference {difference:+d}); declare a real difference "
                                    f"in data/reconciliation_exceptions.csv with its reason"))
    return failures


def percentages_match_counts(table: Table, reference: Reference) -> list[Failure]:
    """Each share equals count ÷ base within the printed rounding; the base is the census unless declared smaller."""
    failures = []
    for cell in table.cells:
        if cell.count is None or cell.value is None or table.count_unit != "entities":
            continue
        implied = implied_base(cell.count, cell.value_printed)
        census = reference.group_size(cell.group_code, cell.fiscal_year)
        declared = reference.declared_base(table.table_id, cell.breakdown_code, cell.fiscal_year, cell.group_code)
        if implied is not None and implied[0] > implied[1]:
            failures.append(Failure("percentages_match_counts", cell.describe(),
                                    f"{cell.value_printed}% of {cell.count} fits no base at all"))
        elif declared is not None:
            if implied is not None and not implied[0] <= declared.base_min <= declared.base_max <= implied[1]:
                failures.append(Failure("percentages_match_counts", cell.describe(),
                                        f"{cell.value_printed}% of {cell.count} implies a base of {implied[0]:,}–{implied[1]:,}, "
                                        f"but data/responding_bases.csv declares {declared.base_min:,}–{declared.base_max:,} ({declared.base_id})"))
            elif implied is not None and census is not None and implied[0] <= census <= implied[1]:
                failures.append(Failure("percentages_match_counts", cell.describe(),
                                        f"the census base {census:,} fits {cell.value_printed}% of {cell.count}: "
                                        f"the declared smaller base {declared.base_id} is not needed here"))
        elif census is None:
            failures.append(Failure("percentages_match_counts", cell.describe(), f"no group size for {cell.group_code} in {cell.fiscal_year}"))
        elif implied is not None and not implied[0] <= census <= implied[1]:
            failures.append(Failure("percentages_match_counts", cell.describe(),
                                    f"{cell.value_printed}% of {cell.count} implies a base of {implied[0]:,}–{implied[1]:,}, not the "
                                    f"{census:,} entities of {cell.group_code}; if the survey's base really was smaller, "
                                    f"declare it with its reason in data/responding_bases.csv"))
    return failures


def small_group_shares_are_fractions(table: Table, reference: Reference) -> list[Failure]:
    """A share of 47 prefectures, 23 wards or 20 designated cities must be some whole k out of the group."""
    failures = []
    for cell in table.cells:
        size = reference.group_size(cell.group_code, cell.fiscal_year)
        if cell.value is None or cell.count is not None or size is None or size > SMALL_GROUP_LIMIT:
            continue
        if not fraction_of_size_exists(size, cell.value_printed):
            failures.append(Failure("small_group_shares_are_fractions", cell.describe(),
                                    f"{cell.value_printed}% is not k ÷ {size} for any whole k"))
    return failures


def _partitions_printed(table: Table, reference: Reference):
    """Each (year, breakdown, parent cell, child cells) where the table prints a total and every part of a partition of it."""
    for (year, breakdown), cells in _by_year_and_breakdown(table).items():
        values = {c.group_code: c for c in cells if c.value is not None}
        for parent, children in reference.partitions:
            if parent in values and all(child in values for child in children):
                yield year, breakdown, values[parent], [values[child] for child in children]


def total_within_subgroup_range(table: Table, reference: Reference) -> list[Failure]:
    """A total's share lies between the smallest and largest share of the parts it is made of."""
    failures = []
    for year, breakdown, total, parts in _partitions_printed(table, reference):
        low = min(printed_interval(c.value_printed)[0] for c in parts)
        high = max(printed_interval(c.value_printed)[1] for c in parts)
        total_low, total_high = printed_interval(total.value_printed)
        if total_high < low or total_low > high:
            failures.append(Failure("total_within_subgroup_range", total.describe(),
                                    f"{total.value_printed}% lies outside the range of its parts "
                                    f"({', '.join(f'{c.group_code} {c.value_printed}' for c in parts)})"))
    return failures


def total_matches_weighted_subgroups(table: Table, reference: Reference) -> list[Failure]:
    """Weighted by the number of entities, the parts' shares reproduce the total's share within rounding."""
    failures = []
    for year, breakdown, total, parts in _partitions_printed(table, reference):
        sizes = [reference.group_size(c.group_code, year) for c in parts]
        if None in sizes:
            continue
        low = sum(size * printed_interval(c.value_printed)[0] for size, c in zip(sizes, parts)) / sum(sizes)
        high = sum(size * printed_interval(c.value_printed)[1] for size, c in zip(sizes, parts)) / sum(sizes)
        total_low, total_high = printed_interval(total.value_printed)
        if total_high < low or total_low > high:
            failures.append(Failure("total_matches_weighted_subgroups", total.describe(),
                                    f"{total.value_printed}% cannot come from its parts weighted by size: "
                                    f"they give {float(low):.2f}–{float(high):.2f}%"))
    return failures


def band_shares_sum_to_100(table: Table, reference: Reference) -> list[Failure]:
    """The bands of a distribution add up to 100 within the rounding of each printed share."""
    failures = []
    by_year_group = defaultdict(list)
    for cell in table.cells:
        by_year_group[(cell.fiscal_year, cell.group_code)].append(cell)
    for (year, group), cells in sorted(by_year_group.items()):
        low = sum(printed_interval(c.value_printed)[0] for c in cells)
        high = sum(printed_interval(c.value_printed)[1] for c in cells)
        if not low <= 100 <= high:
            total = sum(Fraction(c.value_printed) for c in cells)
            failures.append(Failure("band_shares_sum_to_100", f"{table.table_id} fiscal_year={year} group={group} (CSV rows "
                                    f"{', '.join(str(c.row_number) for c in cells)})",
                                    f"the {len(cells)} bands sum to {float(total):.1f}, beyond rounding of 100"))
    return failures


def implied_populations_agree(table: Table, reference: Reference) -> list[Failure]:
    """Card rates share a population base: groups add up to 全国, and issued/held rates agree on it."""
    failures = []
    populations = implied_populations(table)
    for (year, breakdown), _ in _by_year_and_breakdown(table).items():
        for parent, children in reference.partitions:
            keys = [(year, child) for child in children]
            if (year, parent) not in populations or not all(key in populations for key in keys):
                continue
            low = sum(populations[key][0] for key in keys)
            high = sum(populations[key][1] for key in keys)
            parent_low, parent_high = populations[(year, parent)]
            if parent_high < low or parent_low > high:
                failures.append(Failure("implied_populations_agree", _where(table, year, breakdown, parent),
                                        f"the population implied for {parent} ({parent_low:,}–{parent_high:,}) is not the sum of "
                                        f"its parts ({low:,}–{high:,})"))
    for other in reference.tables.values():
        if other.table_id == table.table_id or other.count_unit != "cards":
            continue
        for key, (low, high) in populations.items():
            if key in (theirs := implied_populations(other)):
                other_low, other_high = theirs[key]
                if high < other_low or low > other_high:
                    failures.append(Failure("implied_populations_agree", f"{table.table_id} fiscal_year={key[0]} group={key[1]}",
                                            f"implies a population of {low:,}–{high:,}, {other.table_id} implies "
                                            f"{other_low:,}–{other_high:,}: the two rates cannot share one base"))
    return failures


def implied_populations(table: Table) -> dict[tuple[int, str], tuple[int, int]]:
    return {(c.fiscal_year, c.group_code): implied_base(c.count, c.value_printed)
            for c in table.cells if c.count is not None and c.value is not None}


def no_figures_published(table: Table, reference: Reference) -> list[Failure]:
    return [Failure("no_figures_published", cell.describe(), "the source prints no figures for this topic")
            for cell in table.cells]


def _by_year_and_breakdown(table: Table) -> dict[tuple[int, str | None], list[Cell]]:
    grouped = defaultdict(list)
    for cell in table.cells:
        grouped[(cell.fiscal_year, cell.breakdown_code)].append(cell)
    return grouped


def _where(table: Table, year: int, breakdown: str | None, group: str) -> str:
    """The row a failure is about, by its key and its line in the CSV file."""
    for cell in table.cells:
        if (cell.fiscal_year, cell.breakdown_code, cell.group_code) == (year, breakdown, group):
            return cell.describe()
    return f"{table.table_id} fiscal_year={year} group={group}" + (f" breakdown={breakdown}" if breakdown else "")


# The rules every table that prints a share with its count of entities must pass.
SHARES_WITH_COUNTS = (printed_where_cited, percentages_in_range, counts_within_group_size, subgroup_counts_sum_to_total,
                      percentages_match_counts, total_within_subgroup_range)
