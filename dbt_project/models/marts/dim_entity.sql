-- One row per entity over all loaded documents; name and type come from its latest document.
with documents as (
    select * from {{ ref('int_documents_identified') }}
),

latest as (
    select *
    from documents
    qualify row_number() over (
        partition by entity_id order by fiscal_year desc nulls last, ingested_at desc, document_id
    ) = 1
),

spans as (
    select
        entity_id,
        count(*) as document_count,
        min(fiscal_year) as first_fiscal_year,
        max(fiscal_year) as last_fiscal_year
    from documents
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
        spans.first_fiscal_year,
        spans.last_fiscal_year
    from latest
    inner join spans on latest.entity_id = spans.entity_id
)

select * from final
