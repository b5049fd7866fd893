"""Tests for engine.formats: normalisation and validation of identifiers.

All check digits used below were computed independently of the code under test
(ISO 13616 mod-97 for IBANs, 97 - n mod 97 for NISS and enterprise numbers).
"""

import pytest

from engine import formats
from engine.formats import FormatProblem


def _reason(func, text):
    """Call `func(text)`, expect a FormatProblem and return its reason."""
    with pytest.raises(FormatProblem) as info:
        func(text)
    return info.value.reason


# --------------------------------------------------------------------------- FormatProblem


def test_format_problem_keeps_reason_and_detail():
    problem = FormatProblem("checksum", "the check digits are wrong")
    assert isinstance(problem, ValueError)
    assert problem.reason == "checksum"
    assert problem.detail == "the check digits are wrong"
    assert "checksum" in str(problem)


def test_format_problem_detail_defaults_to_empty():
    problem = FormatProblem("empty")
    assert problem.reason == "empty"
    assert problem.detail == ""


def test_reason_constants():
    assert formats.REASON_EMPTY == "empty"
    assert formats.REASON_CHARACTERS == "characters"
    assert formats.REASON_LENGTH == "length"
    assert formats.REASON_CHECKSUM == "checksum"
    assert formats.REASON_COUNTRY == "country"
    assert formats.REASON_DATE == "date"
    assert formats.REASON_SYNTAX == "syntax"
    expected = {"empty", "characters", "length", "checksum", "country", "date", "syntax"}
    assert expected == formats.REASONS


ALL_NORMALIZERS = [
    formats.normalize_iban,
    formats.normalize_bic,
    formats.normalize_niss,
    formats.normalize_nis,
    formats.normalize_enterprise_number,
    formats.normalize_email,
    formats.normalize_phone,
]


@pytest.mark.parametrize("func", ALL_NORMALIZERS)
@pytest.mark.parametrize("text", ["", "   ", "\t\n"])
def test_blank_input_is_empty(func, text):
    assert _reason(func, text) == "empty"


@pytest.mark.parametrize("func", ALL_NORMALIZERS)
def test_non_string_input_is_a_type_error(func):
    with pytest.raises(TypeError):
        func(None)


# --------------------------------------------------------------------------- IBAN


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BE68539007547034", "BE68539007547034"),
        ("BE71096123456769", "BE71096123456769"),
        ("BE68 5390 0754 7034", "BE68539007547034"),
        ("  be71 0961 2345 6769 ", "BE71096123456769"),
        ("NL91ABNA0417164300", "NL91ABNA0417164300"),
        ("FR14 2004 1010 0505 0001 3M02 606", "FR1420041010050500013M02606"),
        ("DE89370400440532013000", "DE89370400440532013000"),
        ("LU280019400644750000", "LU280019400644750000"),
        ("ES9121000418450200051332", "ES9121000418450200051332"),
        ("IT60X0542811101000000123456", "IT60X0542811101000000123456"),
        ("PT50000201231234567890154", "PT50000201231234567890154"),
        ("AT611904300234573201", "AT611904300234573201"),
        ("CH9300762011623852957", "CH9300762011623852957"),
        ("GB29NWBK60161331926819", "GB29NWBK60161331926819"),
        ("IE29AIBK93115212345678", "IE29AIBK93115212345678"),
    ],
)
def test_iban_valid(text, expected):
    assert formats.normalize_iban(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("BE68539007547035", "checksum"),  # last digit changed
        ("BE86539007547034", "checksum"),  # check digits swapped
        ("NL91ABNA0417164301", "checksum"),
        ("BE6853900754703", "country"),  # 15 characters, BE needs 16
        ("BE685390075470344", "country"),  # 17 characters
        ("NL91ABNA041716430", "country"),  # 17 characters, NL needs 18
        ("XX68539007547034", "country"),  # unknown country
        ("BE68-5390-0754-7034", "characters"),
        ("BE68 5390 0754 703é", "characters"),
        ("BE68.5390.0754.7034", "characters"),
        ("1E68539007547034", "characters"),  # country must be letters
        ("BEXX539007547034", "characters"),  # check digits must be digits
        ("BE6", "length"),
        ("BE68" + "1" * 31, "length"),  # 35 characters
    ],
)
def test_iban_invalid(text, reason):
    assert _reason(formats.normalize_iban, text) == reason


def test_iban_country_table_has_sepa_lengths():
    expected = {
        "BE": 16,
        "NL": 18,
        "FR": 27,
        "DE": 22,
        "LU": 20,
        "ES": 24,
        "IT": 27,
        "PT": 25,
        "AT": 20,
        "CH": 21,
        "GB": 22,
        "IE": 22,
    }
    for country, length in expected.items():
        assert formats.IBAN_LENGTHS[country] == length


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BE68539007547034", "BE68 5390 0754 7034"),
        ("be71096123456769", "BE71 0961 2345 6769"),
        ("FR1420041010050500013M02606", "FR14 2004 1010 0505 0001 3M02 606"),
    ],
)
def test_format_iban(text, expected):
    assert formats.format_iban(text) == expected


def test_format_iban_rejects_invalid():
    assert _reason(formats.format_iban, "BE68539007547035") == "checksum"


# --------------------------------------------------------------------------- BIC


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("GEBABEBB", "GEBABEBB"),
        ("GKCCBEBB", "GKCCBEBB"),
        ("BBRUBEBB010", "BBRUBEBB010"),
        (" gkcc be bb ", "GKCCBEBB"),
        ("bbru bebb 010", "BBRUBEBB010"),
        ("DEUTDEFF500", "DEUTDEFF500"),
    ],
)
def test_bic_valid(text, expected):
    assert formats.normalize_bic(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("GEBABEB", "length"),
        ("GEBABEBB01", "length"),
        ("GEBABEBB0100", "length"),
        ("GEB1BEBB", "characters"),  # bank code must be letters
        ("GEBAB1BB", "characters"),  # country code must be letters
        ("GEBA-BEBB", "characters"),
        ("GEBABEBÉ", "characters"),
    ],
)
def test_bic_invalid(text, reason):
    assert _reason(formats.normalize_bic, text) == reason


# --------------------------------------------------------------------------- NISS


def _naive_1900_check_digits(niss):
    """Check digits under the 19xx rule only (independent of the code under test)."""
    return 97 - int(niss[:9]) % 97


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("85073003328", "85073003328"),  # 1985-07-30, 19xx rule
        ("85.07.30-033.28", "85073003328"),
        ("85 07 30 033 28", "85073003328"),
        (" 85.07.30-033.28 ", "85073003328"),
        ("85120100192", "85120100192"),  # 1985-12-01
        ("05011512353", "05011512353"),  # 2005-01-15, 20xx rule
        ("20010104590", "20010104590"),  # 2020-01-01, 20xx rule
        ("00022912320", "00022912320"),  # 2000-02-29 (leap year), 20xx rule
        ("85273003371", "85273003371"),  # bis number, month + 20
        ("85473003317", "85473003317"),  # bis number, month + 40
        ("85000003306", "85000003306"),  # month and day unknown
        ("85200000181", "85200000181"),  # bis number, month and day unknown
        ("85001503341", "85001503341"),  # month unknown, day known
    ],
)
def test_niss_valid(text, expected):
    assert formats.normalize_niss(text) == expected


def test_niss_born_2000_or_later_fails_the_1900_rule_but_is_accepted():
    niss = "05011512353"
    # Under the 19xx rule only, the check digits would be 24, not 53.
    assert _naive_1900_check_digits(niss) == 24
    assert formats.normalize_niss(niss) == niss
    # The same person with 19xx check digits is someone born on 1905-01-15.
    assert formats.normalize_niss("05011512324") == "05011512324"


def test_niss_29_february_depends_on_the_century_of_the_check_digits():
    # 2000 is a leap year: valid with the 20xx check digits.
    assert formats.normalize_niss("00022912320") == "00022912320"
    # 1900 is not a leap year: the 19xx check digits select 1900-02-29.
    assert _reason(formats.normalize_niss, "00022912388") == "date"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("85073003329", "checksum"),
        ("85073003358", "checksum"),
        ("85073103328", "checksum"),  # day changed, check digits kept
        ("85023003390", "date"),  # 1985-02-30
        ("85022903323", "date"),  # 1985-02-29, not a leap year
        ("85043103374", "date"),  # 1985-04-31
        ("85130103367", "date"),  # month 13
        ("85223003336", "date"),  # bis number for 02-30
        ("85003203316", "date"),  # month unknown, day 32
        ("85203203359", "date"),  # bis number, month unknown, day 32
        ("8507300332", "length"),
        ("850730033280", "length"),
        ("85.07.30-033.2A", "characters"),
        ("85,07,30,033,28", "characters"),
        ("８５０７３００３３２８", "characters"),  # full-width digits
    ],
)
def test_niss_invalid(text, reason):
    assert _reason(formats.normalize_niss, text) == reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("85073003328", "85.07.30-033.28"),
        ("05 01 15 123 53", "05.01.15-123.53"),
    ],
)
def test_format_niss(text, expected):
    assert formats.format_niss(text) == expected


def test_format_niss_rejects_invalid():
    assert _reason(formats.format_niss, "85073003329") == "checksum"


# --------------------------------------------------------------------------- NIS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("21004", "21004"),
        (" 21004 ", "21004"),
        ("11002", "11002"),
        ("99999", "99999"),
    ],
)
def test_nis_valid(text, expected):
    assert formats.normalize_nis(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("01004", "characters"),  # may not start with 0
        ("2100", "length"),
        ("210040", "length"),
        ("21a04", "characters"),
        ("21 004", "characters"),
        ("-2100", "characters"),
        ("21004.0", "characters"),
    ],
)
def test_nis_invalid(text, reason):
    assert _reason(formats.normalize_nis, text) == reason


# --------------------------------------------------------------------------- enterprise number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0123456749", "0123456749"),
        ("0123.456.749", "0123456749"),
        ("BE0123456749", "0123456749"),
        ("be 0123.456.749", "0123456749"),
        ("123456749", "0123456749"),  # old 9-digit form
        ("0403.170.701", "0403170701"),
        ("403170701", "0403170701"),
        ("0876 543 270", "0876543270"),
        ("1000.000.021", "1000000021"),  # new series starting with 1
    ],
)
def test_enterprise_number_valid(text, expected):
    assert formats.normalize_enterprise_number(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("0123456748", "checksum"),
        ("0123.456.794", "checksum"),
        ("123456748", "checksum"),
        ("2123456749", "characters"),  # must start with 0 or 1
        ("0123.456.74X", "characters"),
        ("NL0123456749", "characters"),
        ("01234567", "length"),
        ("01234567490", "length"),
    ],
)
def test_enterprise_number_invalid(text, reason):
    assert _reason(formats.normalize_enterprise_number, text) == reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0123456749", "0123.456.749"),
        ("123456749", "0123.456.749"),
        ("BE1000000021", "1000.000.021"),
    ],
)
def test_format_enterprise_number(text, expected):
    assert formats.format_enterprise_number(text) == expected


def test_format_enterprise_number_rejects_invalid():
    assert _reason(formats.format_enterprise_number, "0123456748") == "checksum"


# --------------------------------------------------------------------------- e-mail


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jean.dupont@cpas.be", "jean.dupont@cpas.be"),
        ("  Jean.Dupont@CPAS-Bruxelles.BE ", "Jean.Dupont@cpas-bruxelles.be"),
        ("info+rapport@ocmw.gent.be", "info+rapport@ocmw.gent.be"),
        ("a@b.c", "a@b.c"),
        (
            "x" * 64 + "@" + ("d" * 60 + ".") * 3 + "be",
            "x" * 64 + "@" + ("d" * 60 + ".") * 3 + "be",
        ),
    ],
)
def test_email_valid(text, expected):
    assert formats.normalize_email(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("jean", "syntax"),
        ("jean.cpas.be", "syntax"),
        ("a@b@cpas.be", "syntax"),
        ("@cpas.be", "syntax"),
        ("jean@", "syntax"),
        ("jean@cpas", "syntax"),
        ("jean@cpas..be", "syntax"),
        ("jean@.cpas.be", "syntax"),
        ("jean@cpas.be.", "syntax"),
        ("jean@-cpas.be", "syntax"),
        ("jean@cpas-.be", "syntax"),
        ("jean dupont@cpas.be", "characters"),
        ("jean@cpas .be", "characters"),
        ("jean@cpas_x.be", "characters"),
        ("jean@cpäs.be", "characters"),
        ("x" * 65 + "@cpas.be", "length"),
        ("jean@" + "d" * 64 + ".be", "length"),
        ("x" * 64 + "@" + ("d" * 60 + ".") * 4 + "be", "length"),  # 311 characters
    ],
)
def test_email_invalid(text, reason):
    assert _reason(formats.normalize_email, text) == reason


# --------------------------------------------------------------------------- phone


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("02 508 85 86", "+3225088586"),
        ("02/508.85.86", "+3225088586"),
        ("(02) 508-85-86", "+3225088586"),
        ("0475 12 34 56", "+32475123456"),
        ("0475/12.34.56", "+32475123456"),
        ("04 223 45 67", "+3242234567"),  # Liège landline, 9 digits starting 04
        ("0800 12 345", "+3280012345"),
        ("+32 2 508 85 86", "+3225088586"),
        ("+32 (0)2 508 85 86", "+3225088586"),
        ("0032 2 508 85 86", "+3225088586"),
        ("+32 475 12 34 56", "+32475123456"),
        ("+33 1 23 45 67 89", "+33123456789"),
        ("0033 1 23 45 67 89", "+33123456789"),
        (" +3225088586 ", "+3225088586"),
    ],
)
def test_phone_valid(text, expected):
    assert formats.normalize_phone(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2 508 85 86", "syntax"),  # no leading 0 or +
        ("02 508 + 85 86", "syntax"),
        ("++32 2 508 85 86", "syntax"),
        ("+", "syntax"),
        ("+32 02 508 85 86", "syntax"),  # trunk 0 after +32
        ("+0 123 456 789", "syntax"),
        ("02 508 85 8", "length"),  # 8 digits
        ("02 508 85 866", "length"),  # 10 digits but not a mobile
        ("0475 12 34 567", "length"),  # 11 digits
        ("+32 2 508 85 8", "length"),
        ("+32 475 12 34 567", "length"),
        ("+33 1234", "length"),  # 6 digits
        ("+1234567890123456", "length"),  # 16 digits
        ("02 508 85 8A", "characters"),
        ("+32 2 508 85 86 ext 12", "characters"),
        ("02_508_85_86", "characters"),
    ],
)
def test_phone_invalid(text, reason):
    assert _reason(formats.normalize_phone, text) == reason


@pytest.mark.parametrize(("stored", "shown"), [
    ("+3225088586", "+32 2 508 85 86"),
    ("+32475123456", "+32 475 12 34 56"),
    ("+3271123456", "+32 71 12 34 56"),
    ("+33123456789", "+33123456789"),
])
def test_format_phone(stored, shown):
    assert formats.format_phone(stored) == shown
