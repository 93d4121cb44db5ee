-- One row per entity over all loaded documents, whatever its role on them (the main entity of a report,
-- or the OCMW printed together with its gemeente/stad); name and type come from its latest document.
with document_entities as (
    select * from {{ ref('int_document_entities_resolved') }}
),

latest as (
    select *
    from document_entities
    qualify row_number() over (
        partition by entity_id
        order by (entity_name is null), fiscal_year desc nulls last, ingested_at desc, document_id, seq
    ) = 1
),

spans as (
    select
        entity_id,
        count(distinct document_id) as document_count,
        count(distinct document_id) filter (where role = 'main') as main_document_count,
        min(fiscal_year) as first_fiscal_year,
        max(fiscal_year) as last_fiscal_year
    from document_entities
    group by entity_id
),

final as (
    select
        latest.entity_id,
        latest.kbo_number,
        case
            when latest.kbo_number is not null
                then substr(latest.kbo_number, 1, 4) || '.' || substr(latest.kbo_number, 5, 3) || '.'
                || substr(latest.kbo_number, 8, 3)
        end as kbo_formatted,
        latest.kbo_number is not null as has_kbo_number,
        latest.entity_name,
        latest.entity_type,
        spans.document_count,
        spans.main_document_count,
        spans.first_fiscal_year,
        spans.last_fiscal_year
    from latest
    inner join spans on latest.entity_id = spans.entity_id
)

select * from final
