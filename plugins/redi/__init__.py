"""redi — REDI subsidy: complementary financial aid after a REDI budget simulation (royal
decree of 22 January 2023). The measure is delivered by its own issue; this package holds its
plugin once it exists."""
