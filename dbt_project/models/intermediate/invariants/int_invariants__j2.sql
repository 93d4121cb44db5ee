-- J2 Staat van het financieel evenwicht, per column (Jaarrekening, Meerjarenplan). Whole euros.
--   * every row with printed sub-rows a. and b.: X = X.a - X.b (saldi = ontvangsten - uitgaven,
--     netto aflossingen, correctie op de aflossingen)
--   * budgettair resultaat III = I + II, V = III + IV, VII = V + VI, IX = VII - VIII (an omitted
--     VIII "bestemde gelden" counts as 0)
--   * autofinancieringsmarge I = budgettair resultaat I, III = I - II
--   * gecorrigeerde autofinancieringsmarge I = AFM III, II.a = AFM II.a, III = I + II
--   * geconsolideerd: every "Totaal..." line = the sum of its entity lines; with a single entity
--     its line equals the entity's own IX / AFM III / gecorrigeerde AFM III
-- Numerals and blocks follow the regulated J2 layout (line_path = <block>.<numeral>[.<letter>]).
{%- set br = 'budgettair_resultaat' -%}
{%- set afm = 'autofinancieringsmarge' -%}
{%- set gafm = 'gecorrigeerde_autofinancieringsmarge' -%}
{%- set cons = 'geconsolideerd_financieel_evenwicht' -%}
{%- set specs = [
    {'name': 'J2 ' ~ br ~ '.III = I + II', 'printed': [('+', 'J2', br ~ '.III')],
     'computed': [('+', 'J2', br ~ '.I'), ('+', 'J2', br ~ '.II')]},
    {'name': 'J2 ' ~ br ~ '.V = III + IV', 'printed': [('+', 'J2', br ~ '.V')],
     'computed': [('+', 'J2', br ~ '.III'), ('+', 'J2', br ~ '.IV')]},
    {'name': 'J2 ' ~ br ~ '.VII = V + VI', 'printed': [('+', 'J2', br ~ '.VII')],
     'computed': [('+', 'J2', br ~ '.V'), ('+', 'J2', br ~ '.VI')]},
    {'name': 'J2 ' ~ br ~ '.IX = VII - VIII', 'printed': [('+', 'J2', br ~ '.IX')],
     'computed': [('+', 'J2', br ~ '.VII'), ('-', 'J2', br ~ '.VIII')]},
    {'name': 'J2 ' ~ afm ~ '.I = ' ~ br ~ '.I', 'printed': [('+', 'J2', afm ~ '.I')],
     'computed': [('+', 'J2', br ~ '.I')]},
    {'name': 'J2 ' ~ afm ~ '.III = I - II', 'printed': [('+', 'J2', afm ~ '.III')],
     'computed': [('+', 'J2', afm ~ '.I'), ('-', 'J2', afm ~ '.II')]},
    {'name': 'J2 ' ~ gafm ~ '.I = ' ~ afm ~ '.III', 'printed': [('+', 'J2', gafm ~ '.I')],
     'computed': [('+', 'J2', afm ~ '.III')]},
    {'name': 'J2 ' ~ gafm ~ '.II.a = ' ~ afm ~ '.II.a', 'printed': [('+', 'J2', gafm ~ '.II.a')],
     'computed': [('+', 'J2', afm ~ '.II.a')]},
    {'name': 'J2 ' ~ gafm ~ '.III = I + II', 'printed': [('+', 'J2', gafm ~ '.III')],
     'computed': [('+', 'J2', gafm ~ '.I'), ('+', 'J2', gafm ~ '.II')]},
] -%}
{%- set own_results = [('I', br ~ '.IX'), ('II', afm ~ '.III'), ('III', gafm ~ '.III')] %}

with evenwicht as (
    select * from {{ ref('stg_raw__j2_financieel_evenwicht') }}
),

cells as (
    select
        document_id,
        'J2' as source,
        line_path as key,
        parent_path,
        {{ invariant_column_label('year', 'phase') }} as col,
        line_path as term,
        amount,
        'euro' as precision,
        page_no,
        line_no
    from evenwicht
),

-- X = X.a - X.b wherever both letters are printed under X
difference_rows as (
    select distinct document_id, col, parent_path as key
    from cells
    where key = parent_path || '.a'
        and exists (
            select 1 from cells as b
            where b.document_id = cells.document_id and b.col = cells.col and b.key = cells.parent_path || '.b'
        )
),

difference_terms as (
    select
        d.document_id,
        'J2 ' || d.key || ' = a - b [' || d.col || ']' as identity,
        case c.key when d.key then 'printed' else 'computed' end as role,
        case c.key when d.key || '.b' then -1 else 1 end as sign,
        c.amount,
        c.precision,
        c.term,
        c.page_no,
        c.line_no
    from difference_rows as d
    inner join cells as c
        on c.document_id = d.document_id
        and c.col = d.col
        and c.key in (d.key, d.key || '.a', d.key || '.b')
),

-- consolidated block: '<block>.<numeral>.totaal' = its other (entity) lines
consolidated_totals as (
    select
        t.document_id,
        'J2 ' || t.key || ' = sum of entities [' || t.col || ']' as identity,
        case c.key when t.key then 'printed' else 'computed' end as role,
        1 as sign,
        c.amount,
        c.precision,
        c.term,
        c.page_no,
        c.line_no
    from cells as t
    inner join cells as c
        on c.document_id = t.document_id and c.col = t.col and c.parent_path = t.parent_path
    where t.key = t.parent_path || '.totaal' and t.parent_path like '{{ cons }}.%'
),

single_entity_lines as (
    select document_id, col, parent_path, min(key) as key
    from cells
    where parent_path like '{{ cons }}.%' and key <> parent_path || '.totaal'
    group by document_id, col, parent_path
    having count(*) = 1
),

consolidated_own_terms as (
    {%- for numeral, own_key in own_results %}
    {% if not loop.first %}union all{% endif %}
    select
        s.document_id,
        'J2 {{ cons }}.{{ numeral }} (single entity) = {{ own_key }} [' || s.col || ']' as identity,
        case c.key when s.key then 'printed' else 'computed' end as role,
        1 as sign,
        c.amount,
        c.precision,
        c.term,
        c.page_no,
        c.line_no
    from single_entity_lines as s
    inner join cells as c
        on c.document_id = s.document_id and c.col = s.col and c.key in (s.key, '{{ own_key }}')
    where s.parent_path = '{{ cons }}.{{ numeral }}'
    {%- endfor %}
),

terms as (
    select * from difference_terms
    union all
    select * from consolidated_totals
    union all
    select * from consolidated_own_terms
    union all
    {{ invariant_formula_terms('cells', specs) }}
),

{{ invariant_evaluate('J2') }}

select * from final
