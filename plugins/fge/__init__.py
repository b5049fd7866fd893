"""fge — Social gas and electricity fund (law of 4 September 2002, royal decree of 14
February 2005). The measure is delivered by its own issue; this package holds its plugin once it
exists."""
