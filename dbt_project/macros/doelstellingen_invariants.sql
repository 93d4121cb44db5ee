{#-
    The identities of a financieel doelstellingenplan / doelstellingenrekening (J1 of a jaarrekening, M1 of
    a plan) over relation `relation`, identities named '<label> ...'; CTEs ending in `final`.
    J1 Doelstellingenrekening, per column (Jaarrekening, Meerjarenplan). Whole euros.
      * Totaal = the sum over the beleidsdoelstellingen (and the blocks without one), per budget
        kind and direction;
      * Saldo = Ontvangst - Uitgave per block and budget kind (omitted rows count as 0; blocks
        whose amounts are all zero are left out: nothing is printed there).
    M1 prints one uitgaven / ontvangsten line per block, without budget kind (budget_kind null) and
    without saldo lines.
-#}
{% macro doelstellingen_invariants(label, relation) -%}
with doelstellingen as (
    select
        *,
        {{ invariant_column_label('year', 'phase') }} as col
    from {{ relation }}
),

total_terms as (
    select
        t.document_id,
        '{{ label }} TOTAAL ' || coalesce(t.budget_kind || ' ', '') || t.direction || ' = sum of beleidsdoelstellingen [' || t.col || ']'
            as identity,
        case d.policy_code when 'TOTAAL' then 'printed' else 'computed' end as role,
        1 as sign,
        d.amount,
        'euro' as precision,
        d.line_path as term,
        d.page_no,
        d.line_no
    from (select distinct document_id, budget_kind, direction, col from doelstellingen) as t
    inner join doelstellingen as d
        on d.document_id = t.document_id
        and d.budget_kind is not distinct from t.budget_kind
        and d.direction = t.direction
        and d.col = t.col
),

saldo_blocks as (
    -- only tables that print saldo lines (M1 prints none)
    select document_id, policy_code, budget_kind, col
    from doelstellingen
    where document_id in (select document_id from doelstellingen where direction = 'saldo')
    group by document_id, policy_code, budget_kind, col
    having max(abs(amount)) <> 0
),

saldo_terms as (
    select
        d.document_id,
        '{{ label }} ' || d.policy_code || ' ' || coalesce(d.budget_kind || ' ', '') || 'saldo = ontvangsten - uitgaven [' || d.col || ']'
            as identity,
        case d.direction when 'saldo' then 'printed' else 'computed' end as role,
        case d.direction when 'uitgaven' then -1 else 1 end as sign,
        d.amount,
        'euro' as precision,
        d.line_path as term,
        d.page_no,
        d.line_no
    from saldo_blocks as b
    inner join doelstellingen as d
        on d.document_id = b.document_id
        and d.policy_code = b.policy_code
        and d.budget_kind is not distinct from b.budget_kind
        and d.col = b.col
),

terms as (
    select * from total_terms
    union all
    select * from saldo_terms
),

{{ invariant_evaluate(label) }}
{%- endmacro %}
