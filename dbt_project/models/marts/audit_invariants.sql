-- Accounting invariants of every document: one row per identity instance (grain: document_id x
-- identity). Each row compares a printed amount with the amount computed from other printed
-- amounts, within the instance's tolerance (macro invariant_tolerance), and has a status:
-- 'ok', 'warning' (a known difference whose cause the document shows; status_reason says which)
-- or 'error'. Great Expectations validates this table (expectations/), and the Dagster asset
-- checks on it block a document with an error from publication.
{%- set groups = [
    'j4', 'j5', 'j5_x_j4', 'j2', 'j3', 'j3_x_j2', 'j1', 'j1_x_j3', 'j1_x_j2',
    'policy', 'policy_x_j1', 'policy_x_j3',
    't1', 't1_x_t2', 't2', 't2_x_j2', 't2_x_t4', 't4', 't4_x_j4', 't4_x_j2',
    'participations', 'off_balance', 'off_balance_x_j2',
    'credit_transfers', 'credit_transfers_x_j2', 'credit_transfers_x_policy',
    'm1', 'm2', 'm3_x_m2', 'm1_x_m2', 'plan_revision',
    'subsidies', 'beleidsveld_budgets', 'beleidsitem_budget', 'beleidsitem_x_lists',
] %}

with instances as (
    {%- for group in groups %}
    {% if not loop.first %}union all{% endif %}
    select * from {{ ref('int_invariants__' ~ group) }}
    {%- endfor %}
),

final as (
    select
        md5(document_id || '|' || identity) as invariant_id,
        document_id,
        group_name,
        identity,
        expected,
        printed,
        difference,
        abs_difference,
        tolerance,
        status,
        status_reason,
        computation,
        source_lines,
        term_count
    from instances
)

select * from final
