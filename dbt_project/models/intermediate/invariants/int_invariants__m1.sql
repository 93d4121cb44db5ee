-- M1 financieel doelstellingenplan of a plan: Algemeen totaal = the sum over the beleidsdoelstellingen and
-- the operations without one, per direction, plan year and column role (macro doelstellingen_invariants).
{{ doelstellingen_invariants('M1', ref('stg_raw__m1_financieel_doelstellingenplan')) }}

select * from final
