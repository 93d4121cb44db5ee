-- J3 totals (summed over its entities) = the J2 budgettair resultaat lines: ontvangsten = a.,
-- uitgaven = b. of I Exploitatie, II Investeringen, IV Financiering; J3 Jaarrekening = J2
-- Jaarrekening, J3 Eindkredieten = J2 Meerjarenplan. Whole euros.
{{ kredieten_x_evenwicht_invariants('J3', ref('stg_raw__j3_realisatie_kredieten'), 'J2', ref('stg_raw__j2_financieel_evenwicht')) }}

select * from final
