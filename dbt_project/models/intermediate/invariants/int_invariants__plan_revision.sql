-- A plan revision prints, per year, the plan before (referentie), the change (wijziging) and the plan
-- after (nieuw): nieuw = referentie + wijziging for every printed amount of M1, M2, M3, T1, T2 and the
-- policy budgets that print the three columns. Whole euros (three rounded amounts: 1 EUR).
{%- set tables = [
    ('M1', 'stg_raw__m1_financieel_doelstellingenplan', "policy_code || ' ' || coalesce(budget_kind || ' ', '') || direction"),
    ('M2', 'stg_raw__m2_financieel_evenwicht', "line_path"),
    ('M3', 'stg_raw__m3_kredieten', "section || '.' || line_path || ' ' || direction"),
    ('T1', 'stg_raw__t1_functionele_aard', "line_path"),
    ('T2', 'stg_raw__t2_economische_aard', "line_path"),
    ('Policy', 'stg_raw__policy_budgets', "policy_code || ' ' || budget_kind || ' ' || direction"),
] %}

with cells as (
    {%- for label, relation, key in tables %}
    {% if not loop.first %}union all{% endif %}
    select
        document_id,
        '{{ label }}' as source,
        {{ key }} as key,
        year,
        column_role,
        amount,
        page_no,
        line_no
    from {{ ref(relation) }}
    where column_role in ('referentie', 'wijziging', 'nieuw')
    {%- endfor %}
),

-- cells printed in all three columns (several printings of one cell, as in split year blocks, are summed
-- on both sides alike, which would hide nothing: each printing is one line)
complete as (
    select document_id, source, key, year
    from cells
    group by document_id, source, key, year
    having count(distinct column_role) = 3
),

terms as (
    select
        c.document_id,
        c.source || ' ' || c.key || ' nieuw = referentie + wijziging [' || cast(c.year as varchar) || ']' as identity,
        case c.column_role when 'nieuw' then 'printed' else 'computed' end as role,
        1 as sign,
        c.amount,
        'euro' as precision,
        c.source || ' ' || c.key || ' ' || c.column_role as term,
        c.page_no,
        c.line_no
    from cells as c
    inner join complete
        on complete.document_id = c.document_id
        and complete.source = c.source
        and complete.key = c.key
        and complete.year = c.year
),

{{ invariant_evaluate('Plan revision') }}

select * from final
