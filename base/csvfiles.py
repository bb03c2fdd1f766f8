"""Every CSV file the site serves, written one way.

One rule for every download (budget sheets, the programme, the staff's request export):

- UTF-8 with a byte-order mark (BOM): a spreadsheet program in Chilean Spanish opens the
  file with its accents right ("Región", "ejecución") instead of guessing Windows-1252.
  Programs that read CSV as data skip it (Python's ``utf-8-sig``, pandas, the budget
  sheet importer ``fichas/importer.py``).
- RFC 4180: comma-separated, fields quoted when needed, CRLF line ends.
- Empty values are empty cells; yes/no values are words in the file's language ("sí"/"no",
  "yes"/"no"), the same words the datapackage declares as its boolean values.
"""

import csv
import io

from django.http import HttpResponse
from django.utils.translation import get_language

BOM = "\ufeff"
CONTENT_TYPE = "text/csv; charset=utf-8"
# The words a yes/no cell is written with, per language: (true, false).
BOOLEAN_WORDS = {"es": ("sí", "no"), "en": ("yes", "no")}


def boolean_words(language=None):
    """(true word, false word) in ``language`` (by default the active one); Spanish for any other language."""
    base = (language or get_language() or "es").split("-")[0].lower()
    return BOOLEAN_WORDS.get(base, BOOLEAN_WORDS["es"])


def csv_cell(value, language=None):
    """A value as a CSV cell: None is empty, a boolean a word in ``language``, anything else as it is."""
    if value is None:
        return ""
    if isinstance(value, bool):
        yes, no = boolean_words(language)
        return yes if value else no
    return value


def csv_text(header, rows, language=None):
    """``header`` and ``rows`` (sequences of values) as CSV text, starting with the BOM."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows([csv_cell(value, language) for value in row] for row in rows)
    return buffer.getvalue()


def csv_response(text, filename):
    """An HTTP download of CSV ``text`` (from ``csv_text``) named ``filename``."""
    response = HttpResponse(text, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def bom_first(chunks):
    """A streamed CSV (an iterable of text chunks, e.g. Wagtail's admin export) preceded by the BOM."""
    yield BOM
    yield from chunks
