"""Article records: files holding one article per record (scraper and database exports), read as
records or as errors a person can act on.

Formats, by extension:
- ``.jsonl``: one JSON object a line; blank lines are skipped; a record's ``line`` is its physical line;
- ``.csv``: a header line, then one record a row (quoted fields may span lines; a record's ``line`` is the
  line it starts on, the header being line 1); comma-separated, or tab-separated when the header has tabs
  and no commas;
- ``.parquet``: one record a row (``line`` is the row number, from 1).

Text files are decoded like issue files (UTF-8 with or without BOM, else GB18030). A JSONL file that
mixes encodings (UTF-8 lines and a GB18030 line appended by another tool) is decoded line by line.

Fields are found by name, case- and space-insensitively, in English or Chinese (see the ``*_FIELDS``
tuples); the first name listed wins when a record has several. Every field, known or not, is kept in
``raw``. A record needs a body; everything else is optional. A date that cannot be read is no error: the
text is kept (``published_text``) and the pipeline dates the article from its text, as it dates a page.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import PurePath

from .decoding import UndecodableIssue, decode_text, fold_fullwidth_alnum, normalise_newlines

RECORD_SUFFIXES = (".jsonl", ".csv", ".parquet")

# --- field names: what exports call each field (compared lower-cased, trimmed) -------------------------
HEADLINE_FIELDS = ("headline", "title", "标题", "题目", "篇名", "主标题")
BODY_FIELDS = ("body", "content", "text", "正文", "内容", "全文", "article")
PUBLISHED_FIELDS = (
    "published_on", "date", "pub_date", "publish_date", "publish_time", "published_at", "pubdate", "datetime",
    "日期", "发布时间", "发布日期", "出版日期", "见报日期", "时间",
)
PAPER_FIELDS = ("paper", "source", "newspaper", "media", "publisher", "来源", "媒体", "报纸", "报刊名", "报刊")
PAGE_FIELDS = ("page", "版面", "版次", "版名", "版号")
URL_FIELDS = ("url", "link", "href", "链接", "网址", "原文链接")
BYLINE_FIELDS = ("author", "byline", "authors", "reporter", "作者", "记者")

# --- dates -------------------------------------------------------------------------------------------
# Papers publish on China time: an instant with a zone (2025-02-12T18:30:00Z) is dated there.
_PAPER_ZONE = timezone(timedelta(hours=8))
_YEAR = r"(?:19|20)\d{2}"
_DATE_PATTERN = rf"""
    (?<!\d)
    (?:
        # 2025-02-13, 2025/2/13, 2025.02.13, 2025年2月13日
        (?P<year>{_YEAR})\s*[-/.年]\s*(?P<month>\d{{1,2}})\s*[-/.月]\s*(?P<day>\d{{1,2}})(?!\d)\s*日?
      | (?P<compact_year>{_YEAR})(?P<compact_month>[01]\d)(?P<compact_day>[0-3]\d)(?!\d)   # 20250213
    )
    (?:                                                   # a time of day: 10:26, 19:48:00, T10:26:00.123
        (?:\s*T\s*|\s+|(?<=日))
        (?P<hour>\d{{1,2}})\s*[:：]\s*(?P<minute>\d{{2}})(?:\s*[:：]\s*(?P<second>\d{{2}})(?:\.\d+)?)?
        (?:\s*(?P<zone>Z|[+-]\d{{2}}(?::?\d{{2}})?))?    # and its zone: Z, +08:00, +0800, +08
    )?
"""
_DATE = re.compile(_DATE_PATTERN, re.VERBOSE)
_ZONE = re.compile(r"(?P<sign>[+-])(?P<hours>\d{2}):?(?P<minutes>\d{2})?")


@dataclass(frozen=True)
class Record:
    line: int  # JSONL: physical line (1-based); CSV: the line the record starts on (header = 1); Parquet: row (1-based)
    headline: str | None
    body: str  # the article text as given: newlines kept, CRLF -> LF, full-width digits and letters folded
    published_on: date | None
    published_text: str | None  # the date field as given (2025-02-13 10:26)
    paper: str | None
    page: str | None
    url: str | None
    byline: str | None  # an author field as given
    raw: str  # the record as read, as a JSON object (ensure_ascii=False): every field, known or not


@dataclass(frozen=True)
class RecordError:
    line: int | None  # None when the whole file is unreadable
    reason: str  # a sentence a person understands: "line 7: not valid JSON (…)"
    raw: str | None  # the line or row as read, when there is one


def read_records(file_name: str, raw: bytes) -> list[Record | RecordError]:
    """Every record of the file in order, each a ``Record`` or a ``RecordError``: one bad record never
    stops the others. A file that cannot be read at all is one ``RecordError`` with ``line`` None."""
    suffix = PurePath(file_name).suffix.lower()
    if suffix == ".jsonl":
        return _read_jsonl(raw)
    if suffix == ".csv":
        return _read_csv(raw)
    if suffix == ".parquet":
        return _read_parquet(raw)
    return [RecordError(None, f"not a records file: {suffix or 'no extension'} (expected one of: "
                              f"{', '.join(RECORD_SUFFIXES)})", None)]


def parse_published(value) -> date | None:
    """The date of a date field: a date or datetime value, or text such as 2025-02-13, 2025-02-13 10:26,
    2025/2/13, 2025.02.13, 20250213, 2025年2月13日, 2025-02-13T10:26:00+08:00; None when unreadable.
    An instant with a zone is dated on China time."""
    if isinstance(value, datetime):
        return value.astimezone(_PAPER_ZONE).date() if value.tzinfo else value.date()
    if isinstance(value, date):
        return value
    if value is None or isinstance(value, bool):
        return None
    match = _DATE.search(fold_fullwidth_alnum(str(value)))
    if not match:
        return None
    try:
        if match["year"]:
            day = date(int(match["year"]), int(match["month"]), int(match["day"]))
        else:
            day = date(int(match["compact_year"]), int(match["compact_month"]), int(match["compact_day"]))
        if match["zone"] is None:
            return day
        instant = datetime(day.year, day.month, day.day, int(match["hour"]), int(match["minute"]),
                           int(match["second"] or 0), tzinfo=_zone(match["zone"]))
        return instant.astimezone(_PAPER_ZONE).date()
    except ValueError:  # 2025-02-30, 25:00
        return None


# --- formats -------------------------------------------------------------------------------------


def _read_jsonl(raw: bytes) -> list[Record | RecordError]:
    lines = _jsonl_lines(raw)
    if isinstance(lines, RecordError):
        return [lines]
    read: list[Record | RecordError] = []
    for number, line in lines:
        if isinstance(line, RecordError):
            read.append(line)
            continue
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as err:
            read.append(RecordError(number, f"line {number}: not valid JSON ({err.msg} at column {err.colno})", line))
            continue
        if not isinstance(value, dict):
            why = f"a JSON {_json_kind(value)}, not an object of fields"
            read.append(RecordError(number, f"line {number}: {why}", line))
            continue
        read.append(_record(number, value, "line"))
    return read


def _jsonl_lines(raw: bytes) -> list[tuple[int, str | RecordError]] | RecordError:
    """(line number, text) of every physical line; the whole file decoded at once, unless it mixes
    UTF-8 lines with lines in another encoding: then line by line."""
    try:
        decoded = decode_text(raw)
    except UndecodableIssue as err:
        if not _has_utf8_text(raw) or "undecodable" not in str(err):
            return RecordError(None, f"unreadable file: {err}", None)
        decoded = None
    if decoded is not None and (decoded.encoding != "gb18030" or not _has_utf8_text(raw)):
        return list(enumerate(normalise_newlines(decoded.text).split("\n"), start=1))
    return [(number, _decode_line(number, line)) for number, line in enumerate(raw.split(b"\n"), start=1)]


def _has_utf8_text(raw: bytes) -> bool:
    """Does a line hold non-ASCII text that is valid UTF-8 (so the file was written as UTF-8)?"""
    for line in raw.split(b"\n"):
        if not line.isascii():
            try:
                line.decode("utf-8")
                return True
            except UnicodeDecodeError:
                continue
    return False


def _decode_line(number: int, line: bytes) -> str | RecordError:
    line = line.removesuffix(b"\r")
    for encoding in ("utf-8", "gb18030"):
        try:
            return line.decode(encoding)
        except UnicodeDecodeError:
            continue
    return RecordError(number, f"line {number}: undecodable bytes (neither UTF-8 nor GB18030)",
                       line.decode("utf-8", errors="replace"))


def _read_csv(raw: bytes) -> list[Record | RecordError]:
    try:
        text = normalise_newlines(decode_text(raw).text).removeprefix("\ufeff")
    except UndecodableIssue as err:
        return [RecordError(None, f"unreadable file: {err}", None)]
    lines = text.split("\n")
    header_line = next((line for line in lines if line.strip()), "")
    delimiter = "\t" if "\t" in header_line and "," not in header_line else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header: list[str] | None = None
    read: list[Record | RecordError] = []
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            as_read = _lines(lines, start, reader.line_num)
            read.append(RecordError(start, f"line {start}: unreadable CSV ({err})", as_read))
            if reader.line_num < start:  # the reader is stuck: nothing more can be read
                break
            continue
        if not row or not any(field.strip() for field in row):
            continue  # a blank line
        if header is None:
            header = _unique_names(row)
            if not _names_a_body(header):
                return [RecordError(None, _no_body_column(header), None)]
            continue
        if len(row) > len(header):
            read.append(RecordError(
                start, f"line {start}: {len(row)} fields, but the header names {len(header)}",
                _lines(lines, start, reader.line_num),
            ))
            continue
        read.append(_record(start, dict(zip(header, row)), "line"))
    return read


def _read_parquet(raw: bytes) -> list[Record | RecordError]:
    import pyarrow.parquet as pq  # only for Parquet files

    try:
        table = pq.read_table(io.BytesIO(raw))
        rows = table.to_pylist()
    except Exception as err:  # pyarrow raises several types (ArrowInvalid, OSError…) for a bad file
        return [RecordError(None, f"not a readable Parquet file ({_first_line(err)})", None)]
    header = list(table.column_names)
    if not _names_a_body(header):
        return [RecordError(None, _no_body_column(header), None)]
    return [_record(number, row, "row") for number, row in enumerate(rows, start=1)]


# --- one record ------------------------------------------------------------------------------------


def _record(line: int, fields: dict, line_word: str) -> Record | RecordError:
    raw = json.dumps(fields, ensure_ascii=False, default=_json_value)
    named = {}
    for key, value in fields.items():
        named.setdefault(str(key).strip().lower(), value)
    body = _text(_field(named, BODY_FIELDS))
    if body is None:
        body_names = [name for name in BODY_FIELDS if name in named]
        why = (f"empty body (field {body_names[0]})" if body_names
               else f"no body (expected one of: {', '.join(BODY_FIELDS)})")
        return RecordError(line, f"{line_word} {line}: {why}", raw)
    published = _field(named, PUBLISHED_FIELDS)
    return Record(
        line=line,
        headline=_one_line(_text(_field(named, HEADLINE_FIELDS))),
        body=fold_fullwidth_alnum(normalise_newlines(body)),
        published_on=parse_published(published),
        published_text=_published_text(published),
        paper=_one_line(_text(_field(named, PAPER_FIELDS)), fold=False),
        page=_one_line(_text(_field(named, PAGE_FIELDS)), fold=False),
        url=_one_line(_text(_field(named, URL_FIELDS)), fold=False),
        byline=_one_line(_text(_field(named, BYLINE_FIELDS)), fold=False),
        raw=raw,
    )


def _field(named: dict, names: tuple[str, ...]):
    """The value of the first of ``names`` the record has with something in it."""
    for name in names:
        value = named.get(name)
        if _text(value) is not None:
            return value
    return None


def _text(value) -> str | None:
    """A field's value as text, or None when it holds nothing (missing, null, blank)."""
    if value is None:
        return None
    if isinstance(value, bytes):
        value = _decode_field(value)
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        value = "\n".join(value)  # a body exported as a list of paragraphs
    elif isinstance(value, float) and value.is_integer():
        value = str(int(value))  # a page number read as 2.0
    elif isinstance(value, (dict, list)):
        value = json.dumps(value, ensure_ascii=False, default=_json_value)
    elif not isinstance(value, str):
        value = str(value)
    return value if value.strip() else None


def _one_line(text: str | None, fold: bool = True) -> str | None:
    """A short field (headline, paper, page) trimmed, its lines joined by a space."""
    if text is None:
        return None
    joined = " ".join(part.strip() for part in normalise_newlines(text).split("\n") if part.strip())
    return fold_fullwidth_alnum(joined) if fold else joined


def _published_text(value) -> str | None:
    if isinstance(value, datetime):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    text = _text(value)
    return text.strip() if text is not None else None


def _decode_field(value: bytes) -> str:
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        return value.decode("gb18030", errors="replace")


def _json_value(value):
    """JSON for values JSON has no type for (Parquet dates, decimals, binary)."""
    if isinstance(value, datetime):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return _decode_field(value)
    return str(value)


def _zone(text: str) -> timezone:
    if text == "Z":
        return timezone.utc
    match = _ZONE.fullmatch(text)
    offset = timedelta(hours=int(match["hours"]), minutes=int(match["minutes"] or 0))
    return timezone(-offset if match["sign"] == "-" else offset)


def _names_a_body(columns: list[str]) -> bool:
    return any(str(column).strip().lower() in BODY_FIELDS for column in columns)


def _no_body_column(columns: list[str]) -> str:
    return (f"no body column (expected one of: {', '.join(BODY_FIELDS)}); "
            f"the file's columns are: {', '.join(map(str, columns)) or 'none'}")


def _unique_names(header: list[str]) -> list[str]:
    """Column names, trimmed; a repeated name gets a number (title, title#2) so no value is lost."""
    seen: dict[str, int] = {}
    names = []
    for name in header:
        name = name.strip()
        seen[name] = seen.get(name, 0) + 1
        names.append(name if seen[name] == 1 else f"{name}#{seen[name]}")
    return names


def _lines(lines: list[str], first: int, last: int) -> str:
    return "\n".join(lines[first - 1 : max(first, last)])


def _json_kind(value) -> str:
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    return "number"


def _first_line(err: Exception) -> str:
    text = str(err).strip() or type(err).__name__
    return text.split("\n", 1)[0]
