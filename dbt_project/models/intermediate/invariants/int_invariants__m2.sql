-- M2 staat van het financieel evenwicht of a plan: the identities of J2 (macro evenwicht_invariants), per
-- plan year and column role (referentie, wijziging, nieuw of a revision; plan of an original plan).
{{ evenwicht_invariants('M2', ref('stg_raw__m2_financieel_evenwicht')) }}

select * from final
