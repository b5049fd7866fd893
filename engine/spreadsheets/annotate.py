"""The uploaded workbook handed back with the issues on its cells (openpyxl).

Each issue located in a sheet (``Location.sheet``/``cell``, see the evaluation) gets a comment
with its message in the reader's language and a fill: red for errors, orange for warnings;
several issues on one cell share one comment. An issue on a whole row (``17:17``) marks the
row's first cell. The upload is never modified: a copy is returned.
"""

from __future__ import annotations

import io

from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill

ERROR_FILL = PatternFill("solid", start_color="FFC7CE", end_color="FFC7CE")
WARNING_FILL = PatternFill("solid", start_color="FFEB9C", end_color="FFEB9C")


def annotate(data: bytes, issues, lang: str = "fr") -> bytes:
    """A copy of the workbook ``data`` with a comment and a fill on each offending cell."""
    book = load_workbook(io.BytesIO(data))
    notes: dict[tuple[str, str], list] = {}
    for issue in issues:
        where = issue.location
        if where.sheet is None or where.cell is None or where.sheet not in book.sheetnames:
            continue
        cell = where.cell
        if ":" in cell:  # a whole row: its first cell
            cell = "A" + cell.split(":", 1)[0]
        notes.setdefault((where.sheet, cell), []).append(issue)
    for (sheet, cell), found in notes.items():
        target = book[sheet][cell]
        text = "\n".join(f"• {i.message(lang)}" for i in found)
        target.comment = Comment(text, "Rapport Unique", width=320, height=120)
        target.fill = ERROR_FILL if any(i.is_error for i in found) else WARNING_FILL
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
