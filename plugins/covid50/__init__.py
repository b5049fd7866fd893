"""covid50 — Covid-19: temporary premium of 50 EUR (subsidy year 2020).

Legal basis: royal decree n° 47 of 26 June 2020. Beneficiaries of the integration income and
equivalent aid received 50 EUR a month from July to December 2020, paid by the CPAS; this form
tells the SPP IS how much the CPAS really paid so that the advance can be settled.

Everything but one check lives in ``schemas/covid50/2020.yaml``. The plugin adds the warning
that a justified amount which is not a whole number of premiums is suspicious; the premium
amount itself is the schema's ``premium_unit`` parameter.
"""

from decimal import Decimal

from engine import Code
from engine import Issue
from engine import Location
from engine import Shown
from engine import hookimpl

NOT_MULTIPLE = Code(
    "COVID50_NOT_MULTIPLE", "warning",
    "le montant justifié {justified} n'est pas un multiple de {unit} : la prime est payée par "
    "unités de {unit} ; vérifiez le montant (ce n'est qu'un avertissement).",
    "het verantwoorde bedrag {justified} is geen veelvoud van {unit}: de premie wordt per "
    "eenheid van {unit} betaald; controleer het bedrag (dit is enkel een waarschuwing).",
    owner="covid50",
)


def is_whole_number_of(amount: Decimal, unit: Decimal) -> bool:
    """True when ``amount`` is a whole number of ``unit`` (``11350`` of ``50``: yes)."""
    return unit != 0 and amount % unit == 0


@hookimpl
def register_codes():
    return [NOT_MULTIPLE]


@hookimpl
def measure_requires():
    return {
        "premium_unit": "a money parameter: the premium paid per person and month (50.00)",
        "justified": "the money field holding the amount the CPAS justifies",
    }


@hookimpl
def validate_values(measure, values):
    justified, unit = values.get("justified"), values.get("premium_unit")
    if justified is None or not unit or is_whole_number_of(justified, unit):
        return []
    params = {"justified": Shown(justified, "money"), "unit": Shown(unit, "money")}
    return [Issue(Location(field="justified"), NOT_MULTIPLE.name, "warning", params)]
