-- J3 Realisatie van de kredieten: every printed row = the sum of its printed children (e.g.
-- Financiering = Leningen en leasings), per entity, phase and direction. Whole euros.
with kredieten as (
    select * from {{ ref('stg_raw__j3_realisatie_kredieten') }}
),

cells as (
    select
        document_id,
        section || '.' || line_path as line_path,
        section || '.' || parent_path as parent_path,
        cast(year as varchar) || '|' || phase || '|' || direction as cell_key,
        {{ invariant_column_label('year', 'phase') }} || ' ' || direction as cell_label,
        amount,
        page_no,
        line_no
    from kredieten
),

terms as (
    {{ invariant_rollup_terms('cells', 'J3') }}
),

{{ invariant_evaluate('J3') }}

select * from final
