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
{{ evenwicht_invariants('J2', ref('stg_raw__j2_financieel_evenwicht')) }}

select * from final
