-- Beleidsevaluatie tables (per plan / beleidsdoelstelling / actieplan / actie, columns
-- Jaarrekening, Eindkredieten, Initiële kredieten). Whole euros.
--   * the plan's overall table = the sum of the BD tables;
--   * a BD table = the sum of the tables of its actieplannen, an AP table = the sum of the tables
--     of its acties (children without a table count as 0; cells that are zero on both sides are
--     left out: nothing is printed there);
--   * Saldo = Ontvangsten - Uitgaven in every table.
-- A plan's tables (column_role set) get an instance only where the document prints the lines compared:
-- a strategic note prints one uitgaven / ontvangsten line per item (budget_kind totaal, no saldo), its
-- ODAA the budget kinds with saldo lines; a sum over children exists where a child prints that cell.
with budgets as (
    select
        *,
        {{ invariant_column_label('year', 'phase') }} as col
    from {{ ref('stg_raw__policy_budgets') }}
),

items as (
    select * from {{ ref('stg_raw__policy_items') }}
),

plan_terms as (
    select
        p.document_id,
        'Policy ' || p.policy_code || ' ' || p.budget_kind || ' ' || p.direction
            || ' = sum of BD tables [' || p.col || ']' as identity,
        b.role,
        1 as sign,
        b.amount,
        'euro' as precision,
        b.policy_code as term,
        b.page_no,
        b.line_no
    from budgets as p
    inner join (
        select *, 'computed' as role from budgets where policy_level = 'BD'
        union all
        select *, 'printed' as role from budgets where policy_level = 'PLAN'
    ) as b
        on b.document_id = p.document_id
        and b.budget_kind = p.budget_kind
        and b.direction = p.direction
        and b.col = p.col
        and (b.role = 'computed' or b.policy_code = p.policy_code)
    where p.policy_level = 'PLAN'
),

child_cells as (
    select
        parent.document_id,
        parent.policy_level,
        parent.policy_code,
        parent.budget_kind,
        parent.direction,
        parent.col,
        child.amount,
        child.policy_code as child_code,
        child.page_no,
        child.line_no
    from budgets as parent
    inner join items as child_item
        on child_item.document_id = parent.document_id and child_item.parent_code = parent.policy_code
    inner join budgets as child
        on child.document_id = parent.document_id
        and child.policy_code = child_item.code
        and child.budget_kind = parent.budget_kind
        and child.direction = parent.direction
        and child.col = parent.col
    where parent.policy_level in ('BD', 'AP')
),

parents_with_children as (
    select parent.*
    from budgets as parent
    where parent.policy_level in ('BD', 'AP')
        and exists (
            select 1 from items as child_item
            where child_item.document_id = parent.document_id and child_item.parent_code = parent.policy_code
        )
        and (
            parent.column_role is null
            or exists (
                select 1 from child_cells as c
                where c.document_id = parent.document_id
                    and c.policy_code = parent.policy_code
                    and c.budget_kind = parent.budget_kind
                    and c.direction = parent.direction
                    and c.col = parent.col
            )
        )
        and (
            parent.amount <> 0
            or exists (
                select 1 from child_cells as c
                where c.document_id = parent.document_id
                    and c.policy_code = parent.policy_code
                    and c.budget_kind = parent.budget_kind
                    and c.direction = parent.direction
                    and c.col = parent.col
                    and c.amount <> 0
            )
        )
),

child_terms as (
    select
        document_id,
        'Policy ' || policy_code || ' ' || budget_kind || ' ' || direction || ' = sum of '
            || case policy_level when 'BD' then 'AP' else 'AC' end || ' tables [' || col || ']' as identity,
        'printed' as role,
        1 as sign,
        amount,
        'euro' as precision,
        policy_code as term,
        page_no,
        line_no
    from parents_with_children
    union all
    select
        p.document_id,
        'Policy ' || p.policy_code || ' ' || p.budget_kind || ' ' || p.direction || ' = sum of '
            || case p.policy_level when 'BD' then 'AP' else 'AC' end || ' tables [' || p.col || ']' as identity,
        'computed' as role,
        1 as sign,
        c.amount,
        'euro' as precision,
        c.child_code as term,
        c.page_no,
        c.line_no
    from parents_with_children as p
    inner join child_cells as c
        on c.document_id = p.document_id
        and c.policy_code = p.policy_code
        and c.budget_kind = p.budget_kind
        and c.direction = p.direction
        and c.col = p.col
),

saldo_terms as (
    select
        s.document_id,
        'Policy ' || s.policy_code || ' ' || s.budget_kind || ' saldo = ontvangsten - uitgaven [' || s.col || ']'
            as identity,
        case b.direction when 'saldo' then 'printed' else 'computed' end as role,
        case b.direction when 'uitgaven' then -1 else 1 end as sign,
        b.amount,
        'euro' as precision,
        b.policy_code || ' ' || b.direction as term,
        b.page_no,
        b.line_no
    from (
        select distinct document_id, policy_code, budget_kind, col
        from budgets
        where column_role is null or direction = 'saldo'
    ) as s
    inner join budgets as b
        on b.document_id = s.document_id
        and b.policy_code = s.policy_code
        and b.budget_kind = s.budget_kind
        and b.col = s.col
),

terms as (
    select * from plan_terms
    union all
    select * from child_terms
    union all
    select * from saldo_terms
),

{{ invariant_evaluate('Policy') }}

select * from final
