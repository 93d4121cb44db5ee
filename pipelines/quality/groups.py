"""The identity groups of ``marts.audit_invariants`` (its ``group_name`` values).

One dbt model per group in ``dbt_project/models/intermediate/invariants``; the names follow
INVARIANTS.md. The Dagster asset checks have one check per group; the coverage suite requires the
groups of the schemas every jaarrekening and every meerjarenplan prints (expectations/invariant_coverage.json).
"""

from __future__ import annotations

import re

GROUP_NAMES: tuple[str, ...] = (
    "J4", "J5", "J5xJ4", "J2", "J3", "J3xJ2", "J1", "J1xJ3", "J1xJ2",
    "Policy", "Policy x J1", "Policy x J3",
    "T1", "T1xT2", "T2", "T2xJ2/J3", "T2xT4", "T4", "T4xJ4", "T4xJ2",
    "Participaties", "OffBalance", "OffBalance x J2",
    "Overdracht", "Overdracht x J2", "Overdracht x policy",
    "M1", "M2", "M3xM2", "M1xM2", "Plan revision",
)


def check_name(group: str) -> str:
    """A Dagster-safe check name for a group: ``invariants_t2xj2_j3``, ``invariants_policy_x_j1``."""
    return "invariants_" + re.sub(r"[^a-z0-9]+", "_", group.lower()).strip("_")
