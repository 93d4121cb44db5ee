-- T1 Ontvangsten en uitgaven naar functionele aard. Whole euros.
--   * Saldo = Ontvangsten - Uitgaven per beleidsdomein, budget kind and column, where a saldo line is
--     printed (a plan's T1 prints only uitgaven and ontvangsten);
--   * a plan's Algemeen totaal = the sum of its beleidsdomeinen, per direction and column.
with functionele_aard as (
    select
        *,
        {{ invariant_column_label('year', 'phase') }} as col
    from {{ ref('stg_raw__t1_functionele_aard') }}
),

saldo_groups as (
    select distinct document_id, parent_path, col
    from functionele_aard
    where direction = 'saldo'
),

saldo_terms as (
    select
        f.document_id,
        'T1 ' || f.parent_path || ' saldo = ontvangsten - uitgaven [' || f.col || ']' as identity,
        case f.direction when 'saldo' then 'printed' else 'computed' end as role,
        case f.direction when 'uitgaven' then -1 else 1 end as sign,
        f.amount,
        'euro' as precision,
        f.line_path as term,
        f.page_no,
        f.line_no
    from functionele_aard as f
    inner join saldo_groups as g
        on g.document_id = f.document_id and g.parent_path = f.parent_path and g.col = f.col
),

total_terms as (
    select
        t.document_id,
        'T1 ' || t.line_path || ' = sum of beleidsdomeinen [' || t.col || ']' as identity,
        case f.parent_path when 'algemeen_totaal' then 'printed' else 'computed' end as role,
        1 as sign,
        f.amount,
        'euro' as precision,
        f.line_path as term,
        f.page_no,
        f.line_no
    from functionele_aard as t
    inner join functionele_aard as f
        on f.document_id = t.document_id
        and f.col = t.col
        and f.direction = t.direction
        and f.budget_kind is not distinct from t.budget_kind
    where t.parent_path = 'algemeen_totaal'
),

terms as (
    select * from saldo_terms
    union all
    select * from total_terms
),

{{ invariant_evaluate('T1') }}

select * from final
