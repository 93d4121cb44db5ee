"""The identity groups of ``marts.audit_invariants`` (its ``group_name`` values).

One dbt model per group in ``dbt_project/models/intermediate/invariants``; the names follow
INVARIANTS.md. The Dagster asset checks have one check per group; the coverage suite requires the
groups of the schemas every jaarrekening and every meerjarenplan prints (expectations/invariant_coverage.json).
"""

from __future__ import annotations

import re

import pandas as pd

GROUP_NAMES: tuple[str, ...] = (
    "J4", "J5", "J5xJ4", "J2", "J3", "J3xJ2", "J1", "J1xJ3", "J1xJ2",
    "Policy", "Policy x J1", "Policy x J3",
    "T1", "T1xT2", "T2", "T2xJ2/J3", "T2xT4", "T4", "T4xJ4", "T4xJ2",
    "Participaties", "OffBalance", "OffBalance x J2",
    "Overdracht", "Overdracht x J2", "Overdracht x policy",
    "M1", "M2", "M3xM2", "M1xM2", "Plan revision",
    "Subsidies", "Beleidsveld budgets", "Beleidsitem budget", "Beleidsitem x lists",
)

# A meerjarenplan published in volumes (identity ``plan_volume``; empty = the whole plan): what a volume's content
# lets the coverage suite require. The M-schema groups only where the schemas are printed (a whole plan, its
# financial note), the documentation lists' groups in the documentation volume; a policy statement or a
# strategic note alone has no identity to check.
PLAN_SCHEMA_VOLUMES = frozenset({"", "volledig", "financiele_nota"})
DOCUMENTATION_VOLUMES = frozenset({"documentatie"})
VOLUMES_WITHOUT_IDENTITIES = frozenset({"beleidsverklaring", "strategische_nota", "beleidsdoelstellingen"})


def volume_flags(report_types: pd.Series, plan_volumes: pd.Series | None) -> dict[str, pd.Series]:
    """Boolean columns of the coverage frame: ``plan_schemas`` (a plan document that prints M1-M3),
    ``documentation_lists`` (a plan's documentation volume), ``expects_instances`` (any document but a
    plan volume without identities)."""
    volumes = plan_volumes.reindex(report_types.index).fillna("") if plan_volumes is not None else None
    if volumes is None:
        volumes = pd.Series("", index=report_types.index)
    is_plan = report_types == "meerjarenplan"
    return {
        "plan_schemas": is_plan & volumes.isin(PLAN_SCHEMA_VOLUMES),
        "documentation_lists": is_plan & volumes.isin(DOCUMENTATION_VOLUMES),
        "expects_instances": ~(is_plan & volumes.isin(VOLUMES_WITHOUT_IDENTITIES)),
    }


def check_name(group: str) -> str:
    """A Dagster-safe check name for a group: ``invariants_t2xj2_j3``, ``invariants_policy_x_j1``."""
    return "invariants_" + re.sub(r"[^a-z0-9]+", "_", group.lower()).strip("_")
