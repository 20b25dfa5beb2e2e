"""One step per published table of 別紙1: which table it reads and which reconciliation rules it must pass."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from etl.checks import Failure
from etl.reference import Reference
from etl.sources import Table

Check = Callable[[Table, Reference], list[Failure]]


@dataclass(frozen=True)
class TableStep:
    table_id: str
    checks: tuple[Check, ...]

    def reconcile(self, table: Table, reference: Reference) -> tuple[list[str], list[Failure]]:
        """Run every rule; return the names of the rules run and all failures (not only the first)."""
        failures = []
        for check in self.checks:
            failures += check(table, reference)
        return [check.__name__ for check in self.checks], failures


def all_steps() -> list[TableStep]:
    from etl.steps import (ai_adoption, ai_functions, digital_divide, frontyard_initiatives, governance_cross_departmental,
                           governance_dedicated_unit, governance_overall_policy, mynumber_held, mynumber_issued, rpa_adoption,
                           rpa_fields, security_organisation, standardization_progress, telework_adoption, telework_staff_share)
    return [module.STEP for module in (
        governance_cross_departmental, governance_dedicated_unit, governance_overall_policy, frontyard_initiatives,
        standardization_progress, mynumber_issued, mynumber_held, security_organisation, ai_adoption, ai_functions,
        rpa_adoption, rpa_fields, telework_adoption, telework_staff_share, digital_divide)]
