"""pas — Participation and social activation (yearly royal decree on the participation and
social activation of CPAS users). The measure is delivered by its own issue; this package holds
its plugin once it exists."""
