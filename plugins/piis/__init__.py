"""piis — Individualised social integration projects, special 10 % subsidy (and piis_pt,
its twin for persons under temporary protection). The measure is delivered by its own issue; this
package holds its plugin once it exists."""
