"""Normalisation and validation of identifiers typed into report forms.

Every ``normalize_*`` function takes raw user input (surrounding whitespace is
tolerated), returns the canonical form of the value, or raises
:class:`FormatProblem` whose ``reason`` is one of the stable ``REASON_*`` keys
below.  The ``format_*`` functions turn a value into its usual human-readable
presentation (they normalise first, so they also accept non-canonical input).

Covered formats:

* IBAN (ISO 13616, mod-97 check, per-country length),
* BIC (ISO 9362),
* NISS, the Belgian national register number (including bis numbers),
* NIS/INS code of a Belgian municipality or CPAS,
* enterprise number (BCE/KBO),
* e-mail address,
* telephone number (Belgian national or international, canonical E.164).

Pure functions, standard library only.
"""

from __future__ import annotations

import calendar
import re

REASON_EMPTY = "empty"
REASON_CHARACTERS = "characters"
REASON_LENGTH = "length"
REASON_CHECKSUM = "checksum"
REASON_COUNTRY = "country"
REASON_DATE = "date"
REASON_SYNTAX = "syntax"

REASONS = frozenset(
    {
        REASON_EMPTY,
        REASON_CHARACTERS,
        REASON_LENGTH,
        REASON_CHECKSUM,
        REASON_COUNTRY,
        REASON_DATE,
        REASON_SYNTAX,
    }
)

# IBAN length per country (ISO 13616 registry): all SEPA countries plus a few neighbours.
IBAN_LENGTHS: dict[str, int] = {
    "AD": 24,
    "AL": 28,
    "AT": 20,
    "BA": 20,
    "BE": 16,
    "BG": 22,
    "CH": 21,
    "CY": 28,
    "CZ": 24,
    "DE": 22,
    "DK": 18,
    "EE": 20,
    "ES": 24,
    "FI": 18,
    "FO": 18,
    "FR": 27,
    "GB": 22,
    "GE": 22,
    "GI": 23,
    "GL": 18,
    "GR": 27,
    "HR": 21,
    "HU": 28,
    "IE": 22,
    "IS": 26,
    "IT": 27,
    "LI": 21,
    "LT": 20,
    "LU": 20,
    "LV": 21,
    "MC": 27,
    "MD": 24,
    "ME": 22,
    "MK": 19,
    "MT": 31,
    "NL": 18,
    "NO": 15,
    "PL": 28,
    "PT": 25,
    "RO": 24,
    "RS": 22,
    "SE": 24,
    "SI": 19,
    "SK": 24,
    "SM": 27,
    "TR": 26,
    "UA": 29,
    "VA": 22,
    "XK": 20,
}

_IBAN_MIN_LENGTH = 5
_IBAN_MAX_LENGTH = 34
_IBAN_RE = re.compile(r"[A-Z]{2}[0-9]{2}[A-Z0-9]+")
_BIC_RE = re.compile(r"[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?")
_ALNUM_RE = re.compile(r"[A-Z0-9]*")

_NUMBER_SEPARATORS_RE = re.compile(r"[\s.\-/]")
_PHONE_SEPARATORS_RE = re.compile(r"[\s.\-/()]")
_PHONE_TRUNK_ZERO = "(0)"

_NISS_LENGTH = 11
_NISS_2000_OFFSET = 2_000_000_000
_NIS_LENGTH = 5
_ENTERPRISE_LENGTH = 10

_EMAIL_MAX_LENGTH = 254
_EMAIL_LOCAL_MAX_LENGTH = 64
_DOMAIN_LABEL_MAX_LENGTH = 63
_DOMAIN_LABEL_RE = re.compile(r"[a-z0-9-]+")

_BELGIUM_CALLING_CODE = "32"
_INTERNATIONAL_MIN_DIGITS = 8
_INTERNATIONAL_MAX_DIGITS = 15
_BE_LANDLINE_DIGITS = 9
_BE_MOBILE_DIGITS = 10
_BE_MOBILE_PREFIX = "04"


class FormatProblem(ValueError):
    """A value does not have the expected format. `reason` is a stable short key."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


# --------------------------------------------------------------------------- helpers


def _strip(text: str) -> str:
    """Return `text` without surrounding whitespace; raise "empty" if nothing is left."""
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    stripped = text.strip()
    if not stripped:
        raise FormatProblem(REASON_EMPTY, "no value given")
    return stripped


def _require_digits(value: str, what: str) -> None:
    """Raise "characters" unless `value` consists of ASCII digits only."""
    if not (value.isascii() and value.isdigit()):
        raise FormatProblem(REASON_CHARACTERS, f"{what} may only contain digits")


def _mod97_check_digits(number: int) -> int:
    """Belgian check digits: 97 minus the remainder of `number` divided by 97 (1..97)."""
    return 97 - number % 97


def _iban_remainder(iban: str) -> int:
    """ISO 13616 remainder: move the first 4 characters to the end, letters to 10..35."""
    rearranged = iban[4:] + iban[:4]
    numeric = "".join(str(int(char, 36)) for char in rearranged)
    return int(numeric) % 97


def _group(text: str, size: int) -> str:
    """Split `text` in space-separated groups of `size` characters."""
    return " ".join(text[i : i + size] for i in range(0, len(text), size))


# --------------------------------------------------------------------------- IBAN / BIC


def normalize_iban(text: str) -> str:
    """Return the compact uppercase IBAN (e.g. "BE68539007547034").

    Raises "characters", "length" (outside 5..34), "country" (unknown country or
    length not matching it) or "checksum" (mod-97 not equal to 1).
    """
    iban = re.sub(r"\s", "", _strip(text)).upper()
    if not (iban.isascii() and _ALNUM_RE.fullmatch(iban)):
        raise FormatProblem(REASON_CHARACTERS, "an IBAN only contains letters and digits")
    if not _IBAN_MIN_LENGTH <= len(iban) <= _IBAN_MAX_LENGTH:
        raise FormatProblem(REASON_LENGTH, "an IBAN has 5 to 34 characters")
    if not _IBAN_RE.fullmatch(iban):
        raise FormatProblem(
            REASON_CHARACTERS, "an IBAN starts with 2 letters followed by 2 check digits"
        )
    country = iban[:2]
    expected = IBAN_LENGTHS.get(country)
    if expected is None:
        raise FormatProblem(REASON_COUNTRY, f"unknown IBAN country {country!r}")
    if len(iban) != expected:
        raise FormatProblem(
            REASON_COUNTRY, f"an IBAN from {country} has {expected} characters, not {len(iban)}"
        )
    if _iban_remainder(iban) != 1:
        raise FormatProblem(REASON_CHECKSUM, "the IBAN check digits are wrong")
    return iban


def format_iban(canonical: str) -> str:
    """Return the IBAN grouped by 4 characters, e.g. "BE68 5390 0754 7034"."""
    return _group(normalize_iban(canonical), 4)


def normalize_bic(text: str) -> str:
    """Return the uppercase BIC without spaces (8 or 11 characters, e.g. "GEBABEBB").

    Raises "characters" or "length".
    """
    bic = re.sub(r"\s", "", _strip(text)).upper()
    if not (bic.isascii() and _ALNUM_RE.fullmatch(bic)):
        raise FormatProblem(REASON_CHARACTERS, "a BIC only contains letters and digits")
    if len(bic) not in (8, 11):
        raise FormatProblem(REASON_LENGTH, "a BIC has 8 or 11 characters")
    if not _BIC_RE.fullmatch(bic):
        raise FormatProblem(
            REASON_CHARACTERS, "a BIC starts with 6 letters (bank and country code)"
        )
    return bic


# --------------------------------------------------------------------------- NISS


def _niss_century(digits: str) -> int | None:
    """Return 1900 or 2000 depending on which check-digit rule matches, else None."""
    base = int(digits[:9])
    check = int(digits[9:])
    if _mod97_check_digits(base) == check:
        return 1900
    if _mod97_check_digits(_NISS_2000_OFFSET + base) == check:
        return 2000
    return None


def _niss_month(encoded: int) -> int | None:
    """Decode the month of a NISS (bis numbers add 20 or 40); 0 means unknown."""
    for offset in (0, 20, 40):
        if 0 <= encoded - offset <= 12:
            return encoded - offset
    return None


def _check_niss_date(digits: str, century: int) -> None:
    """Raise "date" if the birth date encoded in `digits` cannot exist."""
    year = century + int(digits[:2])
    month = _niss_month(int(digits[2:4]))
    day = int(digits[4:6])
    if month is None:
        raise FormatProblem(REASON_DATE, f"month {digits[2:4]} is impossible")
    if day > 31:
        raise FormatProblem(REASON_DATE, f"day {digits[4:6]} is impossible")
    if month == 0 or day == 0:
        return
    if day > calendar.monthrange(year, month)[1]:
        raise FormatProblem(REASON_DATE, f"{year:04d}-{month:02d}-{day:02d} does not exist")


def normalize_niss(text: str) -> str:
    """Return the 11 digits of a Belgian national register number (NISS/INSZ).

    Accepts "85073003328", "85.07.30-033.28" or "85 07 30 033 28".  The check
    digits are 97 - (first 9 digits mod 97), or for births from 2000 on the same
    computed on 2 000 000 000 + the first 9 digits.  The birth date must exist
    in the century matching the check digits (month 00 and day 00 mean unknown;
    bis numbers add 20 or 40 to the month).

    Raises "characters", "length", "checksum" or "date".
    """
    if len(text) == _NISS_LENGTH and text.isascii() and text.isdigit():
        digits = text  # already canonical: the usual case in a workbook
    else:
        digits = _NUMBER_SEPARATORS_RE.sub("", _strip(text))
    _require_digits(digits, "a national register number")
    if len(digits) != _NISS_LENGTH:
        raise FormatProblem(REASON_LENGTH, "a national register number has 11 digits")
    century = _niss_century(digits)
    if century is None:
        raise FormatProblem(REASON_CHECKSUM, "the check digits are wrong")
    _check_niss_date(digits, century)
    return digits


def format_niss(canonical: str) -> str:
    """Return the NISS in its usual notation, e.g. "85.07.30-033.28"."""
    d = normalize_niss(canonical)
    return f"{d[0:2]}.{d[2:4]}.{d[4:6]}-{d[6:9]}.{d[9:11]}"


# --------------------------------------------------------------------------- NIS, enterprise


def normalize_nis(text: str) -> str:
    """Return the 5-digit NIS/INS code of a Belgian municipality or CPAS (e.g. "21004").

    Raises "characters" (non-digits, or a leading 0) or "length".
    """
    code = _strip(text)
    _require_digits(code, "a NIS code")
    if len(code) != _NIS_LENGTH:
        raise FormatProblem(REASON_LENGTH, "a NIS code has 5 digits")
    if code.startswith("0"):
        raise FormatProblem(REASON_CHARACTERS, "a NIS code does not start with 0")
    return code


def normalize_enterprise_number(text: str) -> str:
    """Return the 10 digits of a BCE/KBO enterprise number (e.g. "0123456749").

    Accepts "0123.456.749", "BE0123456749", "BE 0123 456 749" and the old
    9-digit form "123456749" (a 0 is prefixed).  The last 2 digits must equal
    97 - (first 8 digits mod 97).

    Raises "characters" (non-digits, or not starting with 0 or 1), "length" or
    "checksum".
    """
    number = _NUMBER_SEPARATORS_RE.sub("", _strip(text)).upper()
    number = number.removeprefix("BE")
    _require_digits(number, "an enterprise number")
    if len(number) == _ENTERPRISE_LENGTH - 1:
        number = "0" + number
    if len(number) != _ENTERPRISE_LENGTH:
        raise FormatProblem(REASON_LENGTH, "an enterprise number has 10 digits")
    if number[0] not in "01":
        raise FormatProblem(REASON_CHARACTERS, "an enterprise number starts with 0 or 1")
    if _mod97_check_digits(int(number[:8])) != int(number[8:]):
        raise FormatProblem(REASON_CHECKSUM, "the check digits are wrong")
    return number


def format_enterprise_number(canonical: str) -> str:
    """Return the enterprise number in its usual notation, e.g. "0123.456.749"."""
    n = normalize_enterprise_number(canonical)
    return f"{n[0:4]}.{n[4:7]}.{n[7:10]}"


# --------------------------------------------------------------------------- e-mail


def _check_domain(domain: str) -> None:
    """Validate a lowercased e-mail domain: dot-separated labels of [a-z0-9-]."""
    labels = domain.split(".")
    if len(labels) < 2:
        raise FormatProblem(REASON_SYNTAX, "the domain needs at least one dot")
    for label in labels:
        if not label:
            raise FormatProblem(REASON_SYNTAX, "the domain has an empty part")
        if not (label.isascii() and _DOMAIN_LABEL_RE.fullmatch(label)):
            raise FormatProblem(
                REASON_CHARACTERS, "the domain may only contain letters, digits and hyphens"
            )
        if label.startswith("-") or label.endswith("-"):
            raise FormatProblem(REASON_SYNTAX, "a domain part cannot start or end with '-'")
        if len(label) > _DOMAIN_LABEL_MAX_LENGTH:
            raise FormatProblem(REASON_LENGTH, "a domain part has at most 63 characters")


def normalize_email(text: str) -> str:
    """Return the e-mail address stripped, with its domain lowercased.

    Raises "length" (over 254 characters, or parts too long), "characters"
    (whitespace, or a domain character other than letters, digits, hyphens)
    or "syntax" (not exactly one "@", empty local part, bad domain structure).
    """
    address = _strip(text)
    if len(address) > _EMAIL_MAX_LENGTH:
        raise FormatProblem(REASON_LENGTH, "an e-mail address has at most 254 characters")
    if any(char.isspace() for char in address):
        raise FormatProblem(REASON_CHARACTERS, "an e-mail address contains no spaces")
    if address.count("@") != 1:
        raise FormatProblem(REASON_SYNTAX, "an e-mail address contains exactly one '@'")
    local, domain = address.split("@")
    if not local:
        raise FormatProblem(REASON_SYNTAX, "nothing before the '@'")
    if len(local) > _EMAIL_LOCAL_MAX_LENGTH:
        raise FormatProblem(REASON_LENGTH, "the part before '@' has at most 64 characters")
    domain = domain.lower()
    _check_domain(domain)
    return f"{local}@{domain}"


# --------------------------------------------------------------------------- phone


def _belgian_national_to_e164(digits: str) -> str:
    """Convert a Belgian national number ("0" + area/mobile code ...) to E.164."""
    if len(digits) == _BE_LANDLINE_DIGITS:
        return "+" + _BELGIUM_CALLING_CODE + digits[1:]
    if len(digits) == _BE_MOBILE_DIGITS and digits.startswith(_BE_MOBILE_PREFIX):
        return "+" + _BELGIUM_CALLING_CODE + digits[1:]
    raise FormatProblem(REASON_LENGTH, "a Belgian number has 9 digits, or 10 for a mobile (04..)")


def _international_to_e164(digits: str) -> str:
    """Convert the digits following "+" or "00" to E.164, checking their count."""
    if digits.startswith("0"):
        raise FormatProblem(REASON_SYNTAX, "a country calling code does not start with 0")
    if not _INTERNATIONAL_MIN_DIGITS <= len(digits) <= _INTERNATIONAL_MAX_DIGITS:
        raise FormatProblem(REASON_LENGTH, "an international number has 8 to 15 digits")
    if digits.startswith(_BELGIUM_CALLING_CODE):
        national = digits[len(_BELGIUM_CALLING_CODE) :]
        if national.startswith("0"):
            raise FormatProblem(
                REASON_SYNTAX, "no trunk 0 after +32 (write +32 2..., not +32 02...)"
            )
        # Belgian numbers are checked like national ones (trunk 0 re-added).
        _belgian_national_to_e164("0" + national)
    return "+" + digits


def normalize_phone(text: str) -> str:
    """Return a telephone number in E.164 form, e.g. "+3225088586".

    Accepts Belgian national numbers ("02 508 85 86", "02/508.85.86",
    "0475 12 34 56") and international ones ("+32 2 508 85 86",
    "+32 (0)2 508 85 86", "0032 2 508 85 86", "+33 1 23 45 67 89").
    Separators (spaces . / - parentheses) are ignored.

    Raises "characters" (letters or other symbols), "syntax" (misplaced "+",
    no leading 0 or +) or "length".
    """
    stripped = _strip(text)
    if stripped.startswith(("+", "00")):
        stripped = stripped.replace(_PHONE_TRUNK_ZERO, "", 1)
    compact = _PHONE_SEPARATORS_RE.sub("", stripped)
    body = compact.removeprefix("+")
    if not body:
        raise FormatProblem(REASON_SYNTAX, "no digits in the telephone number")
    if "+" in body:
        raise FormatProblem(REASON_SYNTAX, "'+' is only allowed at the start")
    _require_digits(body, "a telephone number")
    if compact.startswith("+"):
        return _international_to_e164(body)
    if compact.startswith("00"):
        return _international_to_e164(compact[2:])
    if compact.startswith("0"):
        return _belgian_national_to_e164(compact)
    raise FormatProblem(REASON_SYNTAX, "a telephone number starts with 0, 00 or +")


def format_phone(canonical: str) -> str:
    """A stored E.164 number as people read it: Belgian numbers grouped the Belgian way
    (``+32 2 508 85 86``, ``+32 475 12 34 56``, ``+32 71 12 34 56``), others as stored."""
    if not canonical.startswith("+32") or not canonical[3:].isdigit():
        return canonical
    national = canonical[3:]
    if len(national) == 9 and national.startswith("4"):  # mobile: 4xx xx xx xx
        parts = [national[:3], national[3:5], national[5:7], national[7:]]
    elif len(national) == 8 and national[0] in "2349":  # one-digit zone: 2 508 85 86
        parts = [national[:1], national[1:4], national[4:6], national[6:]]
    elif len(national) == 8:  # two-digit zone: 71 12 34 56
        parts = [national[:2], national[2:4], national[4:6], national[6:]]
    else:
        return canonical
    return "+32 " + " ".join(parts)
