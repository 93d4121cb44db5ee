-- T2 = T4 per column: the periodic repayments of T2 (financiering uitgaven) = - T4 B "Aflossingen",
-- and T2 "Aangaan van financiële schulden" (financiering ontvangsten) = T4 A "Nieuwe leningen".
-- Rows are found by their regulated labels. Whole euros.
{%- set specs = [
    {'name': 'T2 periodieke aflossingen = - T4 B aflossingen',
     'printed': [('-', 'T4', 'aflossingen')], 'computed': [('+', 'T2', 'periodieke_aflossingen')]},
    {'name': 'T2 aangaan van financiële schulden = T4 A nieuwe leningen',
     'printed': [('+', 'T4', 'nieuwe_leningen')], 'computed': [('+', 'T2', 'aangaan_schulden')]},
] %}

with cells as (
    select
        document_id,
        'T2' as source,
        case
            when line_path like 'financiering.uitgaven.%' and lower(label) like '%periodieke aflossing%'
                then 'periodieke_aflossingen'
            else 'aangaan_schulden'
        end as key,
        {{ invariant_column_label('year', 'phase') }} as col,
        'T2 ' || line_path as term,
        amount,
        'euro' as precision,
        page_no,
        line_no
    from {{ ref('stg_raw__t2_economische_aard') }}
    where (line_path like 'financiering.uitgaven.%' and lower(label) like '%periodieke aflossing%')
        or (parent_path = 'financiering.ontvangsten' and lower(label) like '%aangaan%')
    union all
    select
        document_id,
        'T4' as source,
        case parent_path when 'B' then 'aflossingen' else 'nieuwe_leningen' end as key,
        {{ invariant_column_label('year', 'phase') }} as col,
        'T4 ' || line_path as term,
        amount,
        'euro' as precision,
        page_no,
        line_no
    from {{ ref('stg_raw__t4_financiele_schulden') }}
    where (parent_path = 'B' and lower(label) like '%aflossing%')
        or (parent_path = 'A' and lower(label) like '%nieuwe lening%')
),

terms as (
    {{ invariant_formula_terms('cells', specs) }}
),

{{ invariant_evaluate('T2xT4') }}

select * from final
