"""Article records (JSONL, CSV, Parquet exports): every good record read whatever its field names, every
bad one reported with its line and a reason, and each record's article read like a page article's.
Names in the made-up records are invented."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from gazette_text.articles import read_story
from gazette_text.issue import date_articles
from gazette_text.records import Record, RecordError, parse_published, read_records

DEV = Path(__file__).resolve().parent / "fixtures" / "dev-pages"
RECORDS_RAW = (DEV / "records.jsonl").read_bytes()
GOLD = json.loads((DEV / "records_gold.json").read_text(encoding="utf-8"))["articles"]
SOURCE = [json.loads(line) for line in RECORDS_RAW.decode("utf-8").splitlines() if line.strip()]


def _squeeze(text: str | None) -> str:
    return "".join((text or "").split())


def _records(raw: bytes, name: str = "export.jsonl") -> list[Record]:
    read = read_records(name, raw)
    assert all(isinstance(r, Record) for r in read), [r for r in read if isinstance(r, RecordError)]
    return read


def _jsonl(*rows) -> bytes:
    return "\n".join(row if isinstance(row, str) else json.dumps(row, ensure_ascii=False) for row in rows).encode()


def _same_fields(record: Record) -> Record:
    """A record without what depends on the format (its line, the raw record)."""
    return replace(record, line=0, raw="")


# --- the dev records ------------------------------------------------------------------------------

def test_the_dev_records_read_with_every_field():
    records = _records(RECORDS_RAW, "records.jsonl")
    assert [r.line for r in records] == [g["line"] for g in GOLD] == [1, 2, 3, 4, 5, 6]
    assert [r.headline for r in records] == [g["headline"] for g in GOLD]
    assert [r.published_on for r in records] == [date.fromisoformat(g["published_on"]) for g in GOLD]
    assert [r.published_text for r in records] == [s["published_on"] for s in SOURCE]
    assert records[1].published_text == "2025-02-13 10:26" and records[4].published_text == "2024-12-05 19:48:00"
    assert [(r.paper, r.page, r.url) for r in records] == [(s["paper"], s["page"], s["url"]) for s in SOURCE]
    assert all(r.byline is None for r in records)
    assert [r.body for r in records] == [s["body"] for s in SOURCE]  # as given: indents and newlines kept
    assert [json.loads(r.raw) for r in records] == SOURCE


def _exported(aliases: dict[str, str]) -> list[dict]:
    """The dev records with their fields renamed as another exporter names them."""
    return [{aliases[key]: value for key, value in source.items()} for source in SOURCE]


CHINESE = {"headline": "标题", "body": "正文", "published_on": "发布时间", "paper": "来源", "page": "版面", "url": "链接"}
ENGLISH = {"headline": "Title", "body": "content", "published_on": "date", "paper": "source", "page": "page", "url": "link"}


def _csv(rows: list[dict], delimiter: str = ",", bom: bool = False) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    return (("\ufeff" if bom else "") + out.getvalue()).encode("utf-8")


def _parquet(rows: list[dict] | pa.Table) -> bytes:
    table = rows if isinstance(rows, pa.Table) else pa.Table.from_pylist(rows)
    out = io.BytesIO()
    pq.write_table(table, out)
    return out.getvalue()


@pytest.mark.parametrize("aliases", [CHINESE, ENGLISH], ids=["chinese", "english"])
@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_csv_and_parquet_exports_read_to_the_same_records(aliases, fmt):
    rows = _exported(aliases)
    raw = _csv(rows) if fmt == "csv" else _parquet(rows)
    records = _records(raw, f"export.{fmt}")
    expected = _records(RECORDS_RAW, "records.jsonl")
    assert [_same_fields(r) for r in records] == [_same_fields(r) for r in expected]
    assert [json.loads(r.raw) for r in records] == rows  # the fields under the names the file gives


def test_csv_records_start_where_their_row_starts():
    records = _records(_csv(_exported(CHINESE)), "export.csv")
    # Each body spans as many lines as it has: the next record starts after them.
    starts, line = [], 2
    for source in SOURCE:
        starts.append(line)
        line += source["body"].count("\n") + 1
    assert [r.line for r in records] == starts
    assert starts[1] > 3  # the first body's quoted newlines moved the second record down


def test_parquet_rows_are_numbered_from_one():
    records = _records(_parquet(_exported(ENGLISH)), "export.parquet")
    assert [r.line for r in records] == [1, 2, 3, 4, 5, 6]


# --- CSV forms ------------------------------------------------------------------------------------

def test_a_tab_separated_csv_with_a_bom_reads():
    rows = [{"标题": "柳汀区召开会议", "内容": "本报讯 柳汀区召开会议。", "日期": "2025/2/13"}]
    (record,) = _records(_csv(rows, delimiter="\t", bom=True), "export.csv")
    assert (record.headline, record.body, record.published_on) == ("柳汀区召开会议", "本报讯 柳汀区召开会议。", date(2025, 2, 13))
    assert json.loads(record.raw) == rows[0]


def test_a_multi_line_quoted_body_and_blank_lines_keep_the_line_numbers():
    raw = (
        "title,content\r\n"
        '第一篇,"第一段。\r\n第二段。\r\n第三段。"\r\n'
        "\r\n"
        "第二篇,只有一段。\r\n"
        '第三篇,"又一段,带逗号。\n再一段。"\n'
    ).encode("utf-8")
    records = _records(raw, "export.csv")
    assert [(r.line, r.headline) for r in records] == [(2, "第一篇"), (6, "第二篇"), (7, "第三篇")]
    assert records[0].body == "第一段。\n第二段。\n第三段。"  # CRLF inside the field became LF
    assert records[2].body == "又一段,带逗号。\n再一段。"


def test_a_csv_row_with_more_fields_than_the_header_is_an_error_and_the_others_read():
    raw = "title,content\n第一篇,正文一。\n第二篇,正文二。,多出的一列\n第三篇,正文三。\n".encode("utf-8")
    first, error, third = read_records("export.csv", raw)
    assert isinstance(error, RecordError) and error.line == 3
    assert "3 fields" in error.reason and "2" in error.reason and error.raw == "第二篇,正文二。,多出的一列"
    assert (first.line, first.body, third.line, third.body) == (2, "正文一。", 4, "正文三。")


def test_a_csv_row_with_fewer_fields_reads_what_it_has():
    (record,) = _records("title,content,date\n只有标题和正文,正文。\n".encode("utf-8"), "export.csv")
    assert (record.headline, record.body, record.published_on) == ("只有标题和正文", "正文。", None)


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_a_file_with_no_body_column_is_one_error_naming_its_columns(fmt):
    rows = [{"标题": "柳汀区召开会议", "摘要": "会议召开。", "日期": "2025-02-13"}]
    (error,) = read_records(f"export.{fmt}", _csv(rows) if fmt == "csv" else _parquet(rows))
    assert isinstance(error, RecordError) and error.line is None and error.raw is None
    assert "no body column" in error.reason and "标题, 摘要, 日期" in error.reason and "正文" in error.reason


# --- bad records among good ones ------------------------------------------------------------------

def test_bad_jsonl_records_are_errors_on_their_lines_and_the_good_ones_read():
    good = {"title": "柳汀区召开会议", "content": "本报讯 柳汀区召开会议。", "date": "2025-02-13"}
    raw = _jsonl(
        good,                                           # 1
        '{"title": "缺逗号" "content": "正文。"}',        # 2: broken JSON
        "",                                             # 3: blank, skipped
        '["title", "content"]',                         # 4: an array
        {"title": "没有正文", "date": "2025-02-13"},       # 5: no body
        {"title": "空正文", "正文": "  \n "},              # 6: an empty body
        {**good, "date": "去年春天", "extra": [1, 2]},     # 7: an unreadable date is no error
        "   ",                                          # 8: blank
        '"just a string"',                              # 9
    )
    read = read_records("export.jsonl", raw)
    errors = {r.line: r for r in read if isinstance(r, RecordError)}
    records = {r.line: r for r in read if isinstance(r, Record)}
    assert sorted(errors) == [2, 4, 5, 6, 9] and sorted(records) == [1, 7]
    assert errors[2].reason.startswith("line 2: not valid JSON (Expecting ',' delimiter at column")
    assert errors[2].raw == '{"title": "缺逗号" "content": "正文。"}'
    assert errors[4].reason == "line 4: a JSON array, not an object of fields"
    assert errors[5].reason.startswith("line 5: no body (expected one of: body, content, text, 正文, 内容")
    assert json.loads(errors[5].raw) == {"title": "没有正文", "date": "2025-02-13"}
    assert errors[6].reason == "line 6: empty body (field 正文)"
    assert errors[9].reason == "line 9: a JSON string, not an object of fields"
    assert (records[1].headline, records[1].body, records[1].published_on) == ("柳汀区召开会议", "本报讯 柳汀区召开会议。", date(2025, 2, 13))
    undated = records[7]
    assert (undated.published_on, undated.published_text, undated.body) == (None, "去年春天", good["content"])
    assert json.loads(undated.raw)["extra"] == [1, 2]  # an unknown field is kept


def test_a_gb18030_file_reads():
    rows = [{"标题": "枫渚县召开会议", "正文": "本报讯（记者 汤明远）昨天，枫渚县召开会议。", "发布时间": "2025年2月13日"}]
    (record,) = _records(_jsonl(*rows).decode().encode("gb18030"))
    assert (record.headline, record.body, record.published_on) == ("枫渚县召开会议", rows[0]["正文"], date(2025, 2, 13))


def test_a_line_in_another_encoding_among_utf8_lines_reads_and_undecodable_bytes_are_its_error():
    utf8 = _jsonl({"content": "第一篇正文。"}, {"content": "第二篇正文。"})
    gbk_line = json.dumps({"content": "第三篇正文，另一种编码。"}, ensure_ascii=False).encode("gb18030")
    raw = utf8 + b"\n" + gbk_line + b"\n" + b'{"content": "\xff\xfe\xff"}' + b"\n" + _jsonl({"content": "第五篇正文。"})
    read = read_records("export.jsonl", raw)
    assert [(r.line, type(r).__name__) for r in read] == [
        (1, "Record"), (2, "Record"), (3, "Record"), (4, "RecordError"), (5, "Record"),
    ]
    assert read[2].body == "第三篇正文，另一种编码。"
    assert read[3].reason == "line 4: undecodable bytes (neither UTF-8 nor GB18030)"


@pytest.mark.parametrize("raw", [b"\xff\xfe\xfd\x81\x30 not text", b"", b"\x00\x01binary\x00"])
def test_an_unreadable_text_file_is_one_error(raw):
    for name in ("export.jsonl", "export.csv"):
        (error,) = read_records(name, raw)
        assert isinstance(error, RecordError) and error.line is None and error.reason.startswith("unreadable file:")


def test_parquet_garbage_is_one_error():
    (error,) = read_records("export.parquet", b"PAR1 this is not a parquet file")
    assert isinstance(error, RecordError) and error.line is None and error.raw is None
    assert error.reason.startswith("not a readable Parquet file (")


def test_parquet_rows_without_a_body_are_errors_by_row():
    rows = [{"title": "有正文", "content": "正文。"}, {"title": "正文为空", "content": None}, {"title": "再一篇", "content": "又一篇。"}]
    read = read_records("export.parquet", _parquet(rows))
    assert [type(r).__name__ for r in read] == ["Record", "RecordError", "Record"]
    assert read[1].line == 2 and read[1].reason == "row 2: empty body (field content)"


def test_another_extension_is_one_error():
    (error,) = read_records("notes.xlsx", b"whatever")
    assert error.line is None and ".xlsx" in error.reason and ".jsonl" in error.reason


# --- field values ---------------------------------------------------------------------------------

def test_bodies_are_normalised_and_short_fields_trimmed():
    row = {
        " Title ": " 柳汀区　召开会议\n（副题） ", "CONTENT": "　　第一段２０２５年。\r\n　　第二段１２．５％。", "Author": " 记者 汤明远 ",
        "Page": 2, "URL": " https://example.org/a ",
    }
    (record,) = _records(_jsonl(row))
    assert record.body == "　　第一段2025年。\n　　第二段12.5%。"
    assert record.headline == "柳汀区　召开会议 （副题）"
    assert (record.byline, record.page, record.url) == ("记者 汤明远", "2", "https://example.org/a")


def test_the_first_field_name_listed_wins():
    (record,) = _records(_jsonl({"text": "次选正文。", "body": "首选正文。", "title": "", "标题": "中文标题"}))
    assert (record.body, record.headline) == ("首选正文。", "中文标题")


def test_a_body_given_as_a_list_of_paragraphs_is_one_text():
    (record,) = _records(_jsonl({"content": ["第一段。", "第二段。"]}))
    assert record.body == "第一段。\n第二段。"


def test_parquet_date_and_timestamp_values_are_dates():
    table = pa.table({
        "content": ["正文一。", "正文二。", "正文三。"],
        "date": pa.array([date(2025, 2, 13), date(2024, 12, 5), None], pa.date32()),
        "published_at": pa.array(
            [datetime(2025, 2, 12, 18, 30), None, datetime(2023, 10, 9, 8, 0)], pa.timestamp("s", tz="UTC")
        ),
    })
    first, second, third = _records(_parquet(table), "export.parquet")
    assert (first.published_on, first.published_text) == (date(2025, 2, 13), "2025-02-13")
    assert second.published_on == date(2024, 12, 5)
    assert third.published_on == date(2023, 10, 9)  # from published_at, on China time
    assert json.loads(first.raw)["date"] == "2025-02-13"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("2025-02-13", date(2025, 2, 13)),
        ("2025-02-13 10:26", date(2025, 2, 13)),
        ("2024-12-05 19:48:00", date(2024, 12, 5)),
        ("2025/2/13", date(2025, 2, 13)),
        ("2025.02.13", date(2025, 2, 13)),
        ("20250213", date(2025, 2, 13)),
        ("2025年2月13日", date(2025, 2, 13)),
        ("2025年02月13日 星期四", date(2025, 2, 13)),
        ("２０２５年２月１３日", date(2025, 2, 13)),
        ("发布时间：2025-02-13 10:26", date(2025, 2, 13)),
        ("2025-02-13T10:26:00", date(2025, 2, 13)),
        ("2025-02-13T10:26:00+08:00", date(2025, 2, 13)),
        ("2025-02-12T18:30:00Z", date(2025, 2, 13)),  # after 16:00 UTC it is the next day in China
        ("2025-02-13T01:00:00+0800", date(2025, 2, 13)),
        ("2025-02-13T23:00:00-05:00", date(2025, 2, 14)),
        (20250213, date(2025, 2, 13)),
        (date(2025, 2, 13), date(2025, 2, 13)),
        (datetime(2025, 2, 13, 10, 26), date(2025, 2, 13)),
        (datetime(2025, 2, 12, 20, 0, tzinfo=timezone.utc), date(2025, 2, 13)),
        (datetime(2025, 2, 13, 7, 0, tzinfo=timezone(timedelta(hours=8))), date(2025, 2, 13)),
        ("2025-02-30", None),
        ("2月13日", None),
        ("去年春天", None),
        ("12025-02-13", None),
        ("", None),
        (None, None),
    ],
)
def test_date_forms(text, expected):
    assert parse_published(text) == expected


# --- each record's article ------------------------------------------------------------------------

def _event(gold: dict, published_on: date) -> date | None:
    event = gold["event"]
    if event is None:
        return None
    if event.startswith("pub-"):
        return published_on - timedelta(days=int(event[4:]))
    month, day = event.split("-")
    return date(published_on.year, int(month), int(day))


@pytest.mark.parametrize("gold", GOLD, ids=[g["key"] for g in GOLD])
def test_a_record_reads_as_the_gold_article(gold):
    record = _records(RECORDS_RAW, "records.jsonl")[gold["line"] - 1]
    article = read_story(record.headline, record.body, record.byline)
    body = _squeeze(article.body)
    assert body.startswith(_squeeze(gold["body_start"])) and body.endswith(_squeeze(gold["body_end"]))
    assert article.headline == gold["headline"]
    assert list(article.reporters) == gold["reporters"]
    assert list(article.contributors) == gold["contributors"]
    assert list(article.photographers) == gold["photographers"]
    assert article.dateline == gold["dateline"]
    assert article.kind == gold["kind"]
    (dated,) = date_articles([article], record.published_on)
    assert dated.event_date == _event(gold, record.published_on)


def test_a_story_glues_lines_the_layout_cut_and_keeps_one_paragraph_a_line():
    body = "　　本报讯（记者 汤明远）10月9日，柳汀区召开\n会议，部署秋季工作。\n　　会议指出，要抓好落实。\n"
    article = read_story("柳汀区召开会议", body)
    assert article.body == "本报讯（记者 汤明远）10月9日，柳汀区召开会议，部署秋季工作。\n\n会议指出，要抓好落实。"
    assert (article.reporters, article.dateline, article.kind) == (("汤明远",), "10月9日", "meeting")


def test_a_byline_line_of_its_own_and_a_trailing_byline_are_read():
    body = "□融媒记者 汤明远\n昨天上午，枫渚县举行秋季运动会。\n运动员们奋勇争先。\n（通讯员 钱晓峰）"
    article = read_story("枫渚县秋季运动会开幕", body)
    assert (article.reporters, article.contributors) == (("汤明远",), ("钱晓峰",))
    assert article.dateline == "昨天上午" and _squeeze(article.body).endswith("运动员们奋勇争先。")


def test_a_first_line_repeating_the_headline_is_no_part_of_the_body():
    article = read_story("柳汀区召开会议", "柳汀区召开会议\n　　本报讯 昨天，柳汀区召开会议。")
    assert article.body == "本报讯 昨天，柳汀区召开会议。"


@pytest.mark.parametrize(
    "author,reporters,contributors",
    [
        ("记者 汤明远", ("汤明远",), ()),
        ("汤明远 钱晓峰", (), ("汤明远", "钱晓峰")),
        ("钱晓峰、见习记者 汤明远", ("汤明远",), ("钱晓峰",)),
        ("作者：汤明远", (), ("汤明远",)),
        ("（记者 汤明远 通讯员 钱晓峰）", ("汤明远",), ("钱晓峰",)),
    ],
)
def test_the_author_field_names_the_writers_when_the_body_names_none(author, reporters, contributors):
    article = read_story("柳汀区召开会议", "昨天，柳汀区召开会议。", author)
    assert (article.reporters, article.contributors) == (reporters, contributors)
    assert article.byline == author


def test_an_author_field_credits_a_photographer():
    article = read_story("柳汀区召开会议", "昨天，柳汀区召开会议。", "文/汤明远 图/钱晓峰")
    assert (article.contributors, article.photographers) == (("汤明远",), ("钱晓峰",))


def test_the_body_byline_wins_over_the_author_field():
    article = read_story(None, "本报讯（记者 汤明远）昨天，柳汀区召开会议。", "钱晓峰")
    assert (article.reporters, article.contributors) == (("汤明远",), ())


@pytest.mark.parametrize("author", ["柳汀区融媒体中心", "admin2025", ""])
def test_an_author_field_that_is_no_names_names_nobody(author):
    article = read_story(None, "昨天，柳汀区召开会议。", author)
    assert (article.reporters, article.contributors, article.byline) == ((), (), None)


def test_a_lone_caption_with_a_credit_is_a_photo():
    article = read_story("秋收忙", "10月9日，枫渚县农民在田间收割水稻。\n汤明远 摄")
    assert (article.kind, article.photographers, article.credit) == ("photo", ("汤明远",), "汤明远 摄")
    assert article.body == "10月9日，枫渚县农民在田间收割水稻。" and article.dateline == "10月9日"


def test_a_story_ending_in_a_credit_is_a_story_with_its_photographer():
    body = "本报讯 10月9日，枫渚县举行秋收节。\n活动吸引了众多游客。\n汤明远 摄"
    article = read_story("枫渚县举行秋收节", body)
    assert article.kind != "photo" and article.photographers == ("汤明远",)
    assert _squeeze(article.body).endswith("活动吸引了众多游客。")


def test_an_undated_record_is_an_issue_dated_from_its_text():
    """No date field and no file name of its own: its web lead's date dates it, as a page's would."""
    from gazette_text.issue import Story, read_stories

    read = read_stories([Story(headline="柳汀区召开安全生产会议",
                               body="江海网2024年3月5日讯 3月4日，柳汀区召开安全生产工作会议。")], None)
    assert (read.publication.published_on, read.publication.source) == (date(2024, 3, 5), "inferred")
    assert [a.headline for a in read.articles] == ["柳汀区召开安全生产会议"]
    undatable = read_stories([Story(headline=None, body="会议要求，抓好安全生产。")], None)
    assert (undatable.publication.published_on, undatable.publication.source) == (None, "unknown")
