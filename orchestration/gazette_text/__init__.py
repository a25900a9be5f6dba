"""Plain-Python parsing of Chinese local newspaper issues (no Dagster import).

Public entry points:
- ``decoding.decode_issue(raw_bytes)``: bytes -> text, or a readable ``UndecodableIssue`` error.
- ``issue.read_issue(source_file, text, manifest)``: text -> publication date, articles, leftovers.
- ``articles.parse_issue(text)``: text -> ``ParsedIssue`` (articles, photo items, labels).
- ``records.read_records(file_name, raw_bytes)``: a records file (.jsonl/.csv/.parquet) -> one ``Record``
  (headline, body, date, paper, page, url, author) or ``RecordError`` per record.
- ``articles.read_story(headline, body, byline)``: one record's article, read like a page article.
- ``places.paper_place(paper)`` / ``places.title_place(title)`` / ``places.level_rank(level)``: the place
  and administrative level a paper's name or a person's title names.
- ``pubdate.publication_date(...)``: the contract's publication-date rules.
- ``coverage.coverage(text, parsed)``: is every printed character placed exactly once?
- ``statistics.extract_statistics(body)``: every reported quantity in a body.
- ``people.find_titled_people(text)``: people named after an official title.
- ``meetings.extract_meeting(headline, body, kind)``: the meeting an article reports, with its people.
- ``projects.extract_projects(headline, body, kind, published_on, year)``: every project an article reports.
- ``project_merge.merge_reports(earlier, later)``: one project's reports across issues, newest facts winning.
"""
