-- T2 Ontvangsten en uitgaven naar economische aard, for every column (jaarrekening years and
-- meerjarenplan years). Whole euros.
--   * every printed row = the sum of its printed children;
--   * III. Exploitatiesaldo / Investeringssaldo / Financieringssaldo = the section's ontvangsten
--     minus its uitgaven (the top rows A., B., ... of each part: T2 prints no part totals);
--   * Saldo exploitatie en investeringen = the two saldi; Budgettair resultaat = that saldo plus
--     the financieringssaldo.
-- Sub-lines ("- ...") carry no outline prefix, so a sub-line list may nest: "- Andere algemene
-- werkingssubsidies" followed by "- van de gemeente" that details it. Per parent the structure
-- that holds in most columns is used: flat (parent = all sub-lines) or nested after sub-line k
-- (parent = sub-lines 1..k, sub-line k = the sub-lines after it). Line paths follow
-- pipelines/extract/schedules_t.py (<section>.<part>.<outline>, <section>.saldo, totaal.*).
{%- set saldo_specs = [] -%}
{%- for section in ['exploitatie', 'investeringen', 'financiering'] -%}
{%- do saldo_specs.append({
    'name': 'T2 ' ~ section ~ '.saldo = ontvangsten - uitgaven',
    'printed': [('+', 'T2', section ~ '.saldo')],
    'computed': [('+', 'T2', 'top:' ~ section ~ '.ontvangsten'), ('-', 'T2', 'top:' ~ section ~ '.uitgaven')],
}) -%}
{%- endfor -%}
{%- do saldo_specs.append({
    'name': 'T2 totaal.saldo_exploitatie_en_investeringen = exploitatie.saldo + investeringen.saldo',
    'printed': [('+', 'T2', 'totaal.saldo_exploitatie_en_investeringen')],
    'computed': [('+', 'T2', 'exploitatie.saldo'), ('+', 'T2', 'investeringen.saldo')],
}) -%}
{%- do saldo_specs.append({
    'name': 'T2 totaal.budgettair_resultaat = saldo_exploitatie_en_investeringen + financiering.saldo',
    'printed': [('+', 'T2', 'totaal.budgettair_resultaat')],
    'computed': [('+', 'T2', 'totaal.saldo_exploitatie_en_investeringen'), ('+', 'T2', 'financiering.saldo')],
}) %}

with economische_aard as (
    select
        *,
        cast(year as varchar) || '|' || phase || coalesce('|' || column_role, '') as cell_key,
        {{ invariant_column_label('year', 'phase') }} as col
    from {{ ref('stg_raw__t2_economische_aard') }}
),

sub_lines as (
    select
        document_id,
        parent_path,
        line_path,
        row_number() over (partition by document_id, parent_path order by min(line_no)) as ordinal,
        count(*) over (partition by document_id, parent_path) as sub_line_count
    from economische_aard
    where label like '-%'
    group by document_id, parent_path, line_path
),

sub_line_amounts as (
    select
        c.document_id,
        c.parent_path,
        c.cell_key,
        s.ordinal,
        s.sub_line_count,
        c.amount,
        sum(c.amount) over (
            partition by c.document_id, c.parent_path, c.cell_key order by s.ordinal
        ) as running_sum,
        sum(c.amount) over (partition by c.document_id, c.parent_path, c.cell_key) as all_sub_lines
    from economische_aard as c
    inner join sub_lines as s using (document_id, parent_path, line_path)
),

parent_columns as (
    select
        p.document_id,
        p.line_path as parent_path,
        p.cell_key,
        p.amount,
        coalesce(sum(o.amount), 0) as outline_children
    from economische_aard as p
    left join economische_aard as o
        on o.document_id = p.document_id
        and o.cell_key = p.cell_key
        and o.parent_path = p.line_path
        and o.label not like '-%'
    where exists (select 1 from sub_lines as s where s.document_id = p.document_id and s.parent_path = p.line_path)
    group by p.document_id, p.line_path, p.cell_key, p.amount
),

-- columns (per parent) in which each structure holds, within the largest tolerance (2 EUR)
structure_votes as (
    select
        a.document_id,
        a.parent_path,
        a.ordinal,
        count(*) filter (
            where a.ordinal < a.sub_line_count
                and abs(p.amount - p.outline_children - a.running_sum) <= 2
                and abs(a.amount - (a.all_sub_lines - a.running_sum)) <= 2
        ) as nested_columns,
        count(*) filter (where abs(p.amount - p.outline_children - a.all_sub_lines) <= 2) as flat_columns
    from sub_line_amounts as a
    inner join parent_columns as p using (document_id, parent_path, cell_key)
    group by a.document_id, a.parent_path, a.ordinal
),

nesting as (
    select
        document_id,
        parent_path,
        arg_max(ordinal, nested_columns * 1000 - ordinal) as detailed_ordinal
    from structure_votes
    group by document_id, parent_path
    having max(nested_columns) > max(flat_columns)
),

-- sub-lines after the detailed one belong to it
effective_parents as (
    select
        s.document_id,
        s.line_path,
        detailed.line_path as parent_path
    from sub_lines as s
    inner join nesting as n
        on n.document_id = s.document_id and n.parent_path = s.parent_path and s.ordinal > n.detailed_ordinal
    inner join sub_lines as detailed
        on detailed.document_id = n.document_id
        and detailed.parent_path = n.parent_path
        and detailed.ordinal = n.detailed_ordinal
),

cells as (
    select
        c.document_id,
        c.line_path,
        coalesce(e.parent_path, c.parent_path) as parent_path,
        c.cell_key,
        c.col as cell_label,
        c.amount,
        c.page_no,
        c.line_no
    from economische_aard as c
    left join effective_parents as e using (document_id, line_path)
),

formula_cells as (
    select
        document_id,
        'T2' as source,
        line_path as key,
        col,
        line_path as term,
        amount,
        'euro' as precision,
        page_no,
        line_no
    from economische_aard
    union all
    select
        document_id,
        'T2' as source,
        'top:' || parent_path as key,
        col,
        line_path as term,
        amount,
        'euro' as precision,
        page_no,
        line_no
    from economische_aard
    where parent_path in (
        'exploitatie.uitgaven', 'exploitatie.ontvangsten', 'investeringen.uitgaven',
        'investeringen.ontvangsten', 'financiering.uitgaven', 'financiering.ontvangsten'
    )
),

terms as (
    {{ invariant_rollup_terms('cells', 'T2') }}
    union all
    {{ invariant_formula_terms('formula_cells', saldo_specs) }}
),

{{ invariant_evaluate('T2') }}

select * from final
