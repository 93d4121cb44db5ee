with source as (
    select * from {{ source('raw', 'coverage') }}
),

final as (
    select
        document_id,
        table_kind,
        raw_table,
        expected,
        found,
        row_count,
        section_lines,
        unattributed_lines,
        note
    from source
)

select * from final
