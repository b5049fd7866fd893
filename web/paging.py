"""Long tables one page at a time: which rows a page shows, the pager's links, and which tables
the edit page shows read-only.

A table's page and filter are query parameters of its own (``?simulations_page=3``,
``?simulations_issues=1``), so that two tables page independently and every other parameter
is kept. Anything that is not a page number (``abc``, ``-2``, ``99999999999``) is clamped to a
page that exists: a pager never answers 500.

On the edit page a table that was filled by an uploaded file is *locked*: shown read-only and
paged, and a save keeps its stored rows whatever is posted (:func:`keep_locked`), so that rows
of other pages are never lost or changed (their ``_sheet_row`` included). Its rows change by
uploading the file again. A table declared ``upload_only`` is locked even when empty: its rows
never come from the form.

Pure functions: no Flask here, so that they are tested alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

DEFAULT_SIZE = 50
_MAX_DIGITS = 9  # a longer "page number" is no page number: it is clamped like any other


@dataclass(frozen=True)
class Page:
    """The rows of one table that one page shows."""

    table: str
    number: int  # the page shown, from 1
    count: int  # pages in the selection (at least 1)
    size: int
    rows: int  # rows of the table
    with_issues: int  # rows with at least one issue
    only_issues: bool  # the selection is the rows with issues
    numbers: tuple[int, ...]  # the real row numbers (from 1) shown, in order
    first: int  # position of the page's first row in the selection (from 1; 0 when empty)

    @property
    def total(self) -> int:
        """Rows in the selection: all of them, or those with issues."""
        return self.with_issues if self.only_issues else self.rows

    @property
    def last(self) -> int:
        return self.first + len(self.numbers) - 1 if self.numbers else 0

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.count

    @property
    def needs_pager(self) -> bool:
        """A pager is shown for a table longer than a page, or when the filter is on."""
        return self.rows > self.size or self.only_issues


def page_number(text) -> int | None:
    """The page asked for, or None when ``text`` is no positive whole number."""
    text = str(text or "").strip()
    if not text.isdecimal() or not text.isascii() or len(text) > _MAX_DIGITS:
        return None
    return int(text) or None


def paginate(table: str, rows: int, issue_rows: Iterable[int], page=None, only_issues=None,
             size: int = DEFAULT_SIZE) -> Page:
    """The page ``page`` (a query parameter's text, clamped to the pages that exist) of the
    table's rows, or of its rows with issues when ``only_issues`` is ``"1"``."""
    size = max(int(size), 1)
    with_issues = sorted({n for n in issue_rows if 1 <= n <= rows})
    only = str(only_issues or "") == "1"
    total = len(with_issues) if only else rows
    count = max(1, -(-total // size))
    asked = page_number(page)
    number = 1 if asked is None else min(asked, count)
    start = (number - 1) * size
    if only:
        numbers = tuple(with_issues[start:start + size])
    else:
        numbers = tuple(range(start + 1, min(start + size, rows) + 1))
    return Page(table, number, count, size, rows, len(with_issues), only, numbers,
                start + 1 if numbers else 0)


def page_param(table: str) -> str:
    return f"{table}_page"


def issues_param(table: str) -> str:
    return f"{table}_issues"


def query(args, table: str, page: int, only_issues: bool) -> str:
    """The query string (``?…``) of a pager link: the table's page and filter set, every
    other parameter kept. ``args`` is a MultiDict or a mapping of parameters."""
    own = (page_param(table), issues_param(table))
    items = args.items(multi=True) if hasattr(args, "getlist") else args.items()
    kept = [(k, v) for k, v in items if k not in own]
    if page > 1:
        kept.append((own[0], str(page)))
    if only_issues:
        kept.append((own[1], "1"))
    return "?" + urlencode(kept) if kept else "?"


def locked_tables(tables: Iterable[str], stored: Mapping, uploaded: Iterable[str],
                  upload_only: Iterable[str] = ()) -> frozenset[str]:
    """The tables the edit page shows read-only: those filled by an uploaded file (a table
    typed in the form stays editable, however long), and always, even empty, those whose rows
    come only from an upload (``upload_only``). Decided on what is stored and on the schema,
    never on what was posted; another table without stored rows is never locked."""
    uploaded, only = set(uploaded), set(upload_only)
    return frozenset(t for t in tables if t in only or (t in uploaded and stored.get(t)))


def keep_locked(entered: dict, stored: Mapping, locked: Iterable[str]) -> dict:
    """The posted values with every locked table's stored rows, as they are: a save never
    drops or alters rows that the page did not post."""
    for table in locked:
        if table in stored:
            entered[table] = stored[table]
        else:
            entered.pop(table, None)
    return entered


def issue_rows(keys: Iterable[tuple], table: str) -> list[int]:
    """The row numbers of ``table`` among ``(table, row)`` keys of an issue index."""
    return [row for name, row in keys if name == table and row is not None]


class Pager:
    """The links of a request's pagers: ``url(table, page, only_issues)``, and ``row_url``
    that goes to the page showing a row (the error summary's links)."""

    def __init__(self, args, size: int = DEFAULT_SIZE):
        self.args = args
        self.size = max(int(size), 1)

    def url(self, table: str, page: int, only_issues: bool = False) -> str:
        return query(self.args, table, page, only_issues) + f"#t-{table}"

    def row_url(self, table: str, row: int) -> str:
        page = (max(int(row), 1) - 1) // self.size + 1
        return query(self.args, table, page, False) + f"#r-{table}-{row}"
