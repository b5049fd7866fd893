"""personnel — Personnel costs, art. 40 of the law of 26 May 2002. The measure is
delivered by its own issue; this package holds its plugin once it exists."""
