"""Every BD table of the policy evaluation equals the J1 row of that BD, cell for cell (the J1
'Meerjarenplan' column is the eindkrediet), and BDs without a policy table have no J1 table."""

from __future__ import annotations

from pipelines.extract.policy import parse_policy
from pipelines.extract.schedules_j import parse_j1


def test_bd_tables_equal_j1(sample_sections) -> None:
    policy = parse_policy(sample_sections["policy"], 2024)
    j1 = parse_j1(sample_sections["J1"], 2024)
    from_policy = {
        (b.policy_code, b.budget_kind, b.direction, b.phase): b.amount
        for b in policy.budgets
        if b.policy_level == "BD" and b.phase in ("jaarrekening", "eindkrediet")
    }
    from_j1 = {
        (r.policy_code, r.budget_kind, r.direction, "eindkrediet" if r.phase == "meerjarenplan" else r.phase): r.amount
        for r in j1
        if r.policy_code.startswith("BD")
    }
    assert len(from_policy) == 88
    assert from_policy == from_j1
    assert {k[0] for k in from_j1} == {f"BD{n:06d}" for n in range(1, 14)} - {"BD000001", "BD000004", "BD000011"}
