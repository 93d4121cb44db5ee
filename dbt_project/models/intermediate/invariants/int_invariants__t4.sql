-- T4 Evolutie van de financiële schulden, per year. Whole euros.
--   * A and B roll forward: closing = the sum of their printed movements (1 januari, nieuwe
--     leningen, aflossingen, overboekingen, ...);
--   * Totaal financiële schulden = A + B + C;
--   * the transfer from long-term to "due within the year" nets out: A overboekingen = - B overboekingen;
--   * each opening ("op 1 januari") = the closing of the year before.
-- A meerjarenplan prints the same schema (its T3) as a movement table per year and column role:
-- A op 1 januari, B nieuwe leningen, C aflossingen, D op 31 december; there
--   * every printed row = the sum of its printed children (2. leasings, 3. kredietinstellingen);
--   * D = A + B - C;
--   * A of a year = D of the year before (same column role).
with all_schulden as (
    select
        *,
        {{ invariant_column_label('year', 'phase') }} as col
    from {{ ref('stg_raw__t4_financiele_schulden') }}
),

schulden as (  -- a jaarrekening's T4
    select * from all_schulden where column_role is null
),

plan_schulden as (  -- a plan's debt schema
    select * from all_schulden where column_role is not null
),

cells as (
    select
        document_id,
        line_path,
        parent_path,
        cast(year as varchar) || '|' || phase || coalesce('|' || column_role, '') as cell_key,
        col as cell_label,
        amount,
        page_no,
        line_no
    from all_schulden
    where line_path <> 'TOTAAL'
),

total_terms as (
    select
        document_id,
        'T4 TOTAAL = A + B + C [' || col || ']' as identity,
        case line_path when 'TOTAAL' then 'printed' else 'computed' end as role,
        1 as sign,
        amount,
        'euro' as precision,
        line_path as term,
        page_no,
        line_no
    from schulden
    where parent_path is null
),

transfer_terms as (
    select
        document_id,
        'T4 A overboekingen = - B overboekingen [' || col || ']' as identity,
        case parent_path when 'A' then 'printed' else 'computed' end as role,
        case parent_path when 'A' then 1 else -1 end as sign,
        amount,
        'euro' as precision,
        line_path as term,
        page_no,
        line_no
    from schulden
    where parent_path in ('A', 'B') and lower(label) like '%overboeking%'
),

-- opening of year y = closing of year y - 1 (only years whose previous year is printed)
opening_terms as (
    select
        opening.document_id,
        'T4 ' || opening.line_path || ' (1 januari) = ' || opening.parent_path || ' of the year before ['
            || opening.col || ']' as identity,
        t.role,
        1 as sign,
        t.amount,
        'euro' as precision,
        t.line_path || ' ' || t.year as term,
        t.page_no,
        t.line_no
    from schulden as opening
    inner join schulden as closing
        on closing.document_id = opening.document_id
        and closing.line_path = opening.parent_path
        and closing.year = opening.year - 1
    inner join (
        select *, 'printed' as role from schulden
        union all
        select *, 'computed' as role from schulden
    ) as t
        on t.document_id = opening.document_id
        and (
            (t.role = 'printed' and t.line_path = opening.line_path and t.year = opening.year)
            or (t.role = 'computed' and t.line_path = closing.line_path and t.year = closing.year)
        )
    where opening.parent_path in ('A', 'B') and lower(opening.label) like '%1 januari%'
),

plan_closing_terms as (
    select
        p.document_id,
        'T4 D = A + B - C [' || p.col || ']' as identity,
        case p.line_path when 'D' then 'printed' else 'computed' end as role,
        case p.line_path when 'C' then -1 else 1 end as sign,
        p.amount,
        'euro' as precision,
        p.line_path as term,
        p.page_no,
        p.line_no
    from plan_schulden as p
    where p.parent_path is null
        and p.line_path in ('A', 'B', 'C', 'D')
        and exists (
            select 1 from plan_schulden as d
            where d.document_id = p.document_id and d.col = p.col and d.line_path = 'D'
        )
),

plan_opening_terms as (
    select
        opening.document_id,
        'T4 A (1 januari) = D of the year before [' || opening.col || ']' as identity,
        t.role,
        1 as sign,
        t.amount,
        'euro' as precision,
        t.line_path || ' ' || t.year as term,
        t.page_no,
        t.line_no
    from plan_schulden as opening
    inner join plan_schulden as closing
        on closing.document_id = opening.document_id
        and closing.line_path = 'D'
        and closing.year = opening.year - 1
        and closing.column_role = opening.column_role
    inner join (
        select *, 'printed' as role from plan_schulden
        union all
        select *, 'computed' as role from plan_schulden
    ) as t
        on t.document_id = opening.document_id
        and t.column_role = opening.column_role
        and (
            (t.role = 'printed' and t.line_path = 'A' and t.year = opening.year)
            or (t.role = 'computed' and t.line_path = 'D' and t.year = closing.year)
        )
    where opening.line_path = 'A'
),

terms as (
    {{ invariant_rollup_terms('cells', 'T4') }}
    union all
    select * from total_terms
    union all
    select * from transfer_terms
    union all
    select * from opening_terms
    union all
    select * from plan_closing_terms
    union all
    select * from plan_opening_terms
),

{{ invariant_evaluate('T4') }}

select * from final
