{#-
    The identities of the staat van het financieel evenwicht (J2 of a jaarrekening, M2 of a plan: the same
    regulated rows), per column: CTEs ending in `final` over relation `relation`, identities named
    '<label> ...'. A plan's columns are per year and column role (see invariant_column_label).
    J2 Staat van het financieel evenwicht, per column (Jaarrekening, Meerjarenplan). Whole euros.
      * every row with printed sub-rows a. and b.: X = X.a - X.b (saldi = ontvangsten - uitgaven,
        netto aflossingen, correctie op de aflossingen)
      * budgettair resultaat III = I + II, V = III + IV, VII = V + VI, IX = VII - VIII (an omitted
        VIII "bestemde gelden" counts as 0)
      * autofinancieringsmarge I = budgettair resultaat I, III = I - II
      * gecorrigeerde autofinancieringsmarge I = AFM III, II.a = AFM II.a, III = I + II
      * geconsolideerd: every "Totaal..." line = the sum of its entity lines; with a single entity
        its line equals the entity's own IX / AFM III / gecorrigeerde AFM III
    Numerals and blocks follow the regulated J2 layout (line_path = <block>.<numeral>[.<letter>]).
-#}
{% macro evenwicht_invariants(label, relation) -%}
{%- set br = 'budgettair_resultaat' -%}
{%- set afm = 'autofinancieringsmarge' -%}
{%- set gafm = 'gecorrigeerde_autofinancieringsmarge' -%}
{%- set cons = 'geconsolideerd_financieel_evenwicht' -%}
{%- set specs = [
    {'name': label ~ ' ' ~ br ~ '.III = I + II', 'printed': [('+', label, br ~ '.III')],
     'computed': [('+', label, br ~ '.I'), ('+', label, br ~ '.II')]},
    {'name': label ~ ' ' ~ br ~ '.V = III + IV', 'printed': [('+', label, br ~ '.V')],
     'computed': [('+', label, br ~ '.III'), ('+', label, br ~ '.IV')]},
    {'name': label ~ ' ' ~ br ~ '.VII = V + VI', 'printed': [('+', label, br ~ '.VII')],
     'computed': [('+', label, br ~ '.V'), ('+', label, br ~ '.VI')]},
    {'name': label ~ ' ' ~ br ~ '.IX = VII - VIII', 'printed': [('+', label, br ~ '.IX')],
     'computed': [('+', label, br ~ '.VII'), ('-', label, br ~ '.VIII')]},
    {'name': label ~ ' ' ~ afm ~ '.I = ' ~ br ~ '.I', 'printed': [('+', label, afm ~ '.I')],
     'computed': [('+', label, br ~ '.I')]},
    {'name': label ~ ' ' ~ afm ~ '.III = I - II', 'printed': [('+', label, afm ~ '.III')],
     'computed': [('+', label, afm ~ '.I'), ('-', label, afm ~ '.II')]},
    {'name': label ~ ' ' ~ gafm ~ '.I = ' ~ afm ~ '.III', 'printed': [('+', label, gafm ~ '.I')],
     'computed': [('+', label, afm ~ '.III')]},
    {'name': label ~ ' ' ~ gafm ~ '.II.a = ' ~ afm ~ '.II.a', 'printed': [('+', label, gafm ~ '.II.a')],
     'computed': [('+', label, afm ~ '.II.a')]},
    {'name': label ~ ' ' ~ gafm ~ '.III = I + II', 'printed': [('+', label, gafm ~ '.III')],
     'computed': [('+', label, gafm ~ '.I'), ('+', label, gafm ~ '.II')]},
] -%}
{%- set own_results = [('I', br ~ '.IX'), ('II', afm ~ '.III'), ('III', gafm ~ '.III')] %}

with evenwicht as (
    select * from {{ relation }}
),

cells as (
    select
        document_id,
        '{{ label }}' as source,
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
        '{{ label }} ' || d.key || ' = a - b [' || d.col || ']' as identity,
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
        '{{ label }} ' || t.key || ' = sum of entities [' || t.col || ']' as identity,
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
        '{{ label }} {{ cons }}.{{ numeral }} (single entity) = {{ own_key }} [' || s.col || ']' as identity,
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

{{ invariant_evaluate(label) }}
{%- endmacro %}
