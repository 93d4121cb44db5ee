-- J5 Staat van opbrengsten en kosten: every printed row = the sum of its printed children;
-- III = II - I (also per part: III.A = II.A - I.A, ...); IV = III. Whole euros.
-- Roman numerals follow the regulated J5 outline: I Kosten, II Opbrengsten, III Overschot of
-- tekort, IV Verwerking van het overschot of tekort.
with results as (
    select * from {{ ref('stg_raw__j5_opbrengsten_kosten') }}
),

cells as (
    select
        document_id,
        line_path,
        parent_path,
        cast(year as varchar) || '|' || phase as cell_key,
        {{ invariant_column_label('year', 'phase') }} as cell_label,
        amount,
        page_no,
        line_no
    from results
),

-- III.X = II.X - I.X for every printed part X of III, and III = II - I, IV = III
result_formulas as (
    select distinct
        document_id,
        cell_key,
        cell_label,
        line_path as result_path,
        'II' || substr(line_path, 4) as income_path,
        'I' || substr(line_path, 4) as cost_path
    from cells
    where line_path = 'III' or (line_path like 'III.%' and parent_path = 'III')
),

result_terms as (
    select
        f.document_id,
        'J5 ' || f.result_path || ' = ' || f.income_path || ' - ' || f.cost_path || ' [' || f.cell_label || ']'
            as identity,
        case c.line_path when f.result_path then 'printed' else 'computed' end as role,
        case c.line_path when f.cost_path then -1 else 1 end as sign,
        c.amount,
        'euro' as precision,
        c.line_path as term,
        c.page_no,
        c.line_no
    from result_formulas as f
    inner join cells as c
        on c.document_id = f.document_id
        and c.cell_key = f.cell_key
        and c.line_path in (f.result_path, f.income_path, f.cost_path)
),

processing_terms as (
    select
        document_id,
        'J5 IV = III [' || cell_label || ']' as identity,
        case line_path when 'IV' then 'printed' else 'computed' end as role,
        1 as sign,
        amount,
        'euro' as precision,
        line_path as term,
        page_no,
        line_no
    from cells
    where line_path in ('III', 'IV')
),

terms as (
    select * from result_terms
    union all
    select * from processing_terms
    union all
    {{ invariant_rollup_terms('cells', 'J5') }}
),

{{ invariant_evaluate('J5') }}

select * from final
