-- Grain: one printed amount (row x column) of a schema that no dedicated parser reads (T5, a jaarrekening's
-- T3 with content), read generically by pipelines/extract/generic.py: its row label, column position and,
-- where a year header row names the column, its year. No accounting identity is assumed for these cells.
with cells as (
    select * from {{ ref('stg_raw__schema_cells') }}
),

final as (
    select
        document_id,
        table_kind,
        title,
        row_no,
        label,
        column_no,
        column_header,
        year,
        cast(amount as decimal(18, 2)) as amount,
        page_no,
        line_no
    from cells
)

select * from final
