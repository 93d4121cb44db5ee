-- J1 Doelstellingenrekening, per column (Jaarrekening, Meerjarenplan). Whole euros.
--   * Totaal = the sum over the beleidsdoelstellingen (and the blocks without one), per budget
--     kind and direction;
--   * Saldo = Ontvangst - Uitgave per block and budget kind (omitted rows count as 0; blocks
--     whose amounts are all zero are left out: nothing is printed there).
{{ doelstellingen_invariants('J1', ref('stg_raw__j1_doelstellingenrekening')) }}

select * from final
