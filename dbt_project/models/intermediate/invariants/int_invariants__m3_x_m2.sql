-- M3 overzicht van de kredieten of a plan = M2 (macro kredieten_x_evenwicht_invariants): ontvangsten = a.,
-- uitgaven = b. of I Exploitatie, II Investeringen, IV Financiering, for each year M3 prints, per column
-- role (vorig krediet = referentie, wijziging, nieuw krediet = nieuw; plan in an original plan).
{{ kredieten_x_evenwicht_invariants('M3', ref('stg_raw__m3_kredieten'), 'M2', ref('stg_raw__m2_financieel_evenwicht')) }}

select * from final
