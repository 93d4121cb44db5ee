-- T4 Evolutie van de financiële schulden, per year. Whole euros.
--   * A and B roll forward: closing = the sum of their printed movements (1 januari, nieuwe
--     leningen, aflossingen, overboekingen, ...);
--   * Totaal financiële schulden = A + B + C;
--   * the transfer from long-term to "due within the year" nets out: A overboekingen = - B overboekingen;
--   * each opening ("op 1 januari") = the closing of the year before.
with schulden as (
    select
        *,
        {{ invariant_column_label('year', 'phase') }} as col
    from {{ ref('stg_raw__t4_financiele_schulden') }}
),

cells as (
    select
        document_id,
        line_path,
        parent_path,
        cast(year as varchar) || '|' || phase as cell_key,
        col as cell_label,
        amount,
        page_no,
        line_no
    from schulden
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

terms as (
    {{ invariant_rollup_terms('cells', 'T4') }}
    union all
    select * from total_terms
    union all
    select * from transfer_terms
    union all
    select * from opening_terms
),

{{ invariant_evaluate('T4') }}

select * from final
