"""Plain-Python parsing of Chinese local newspaper issues (no Dagster import).

Public entry points:
- ``decoding.decode_issue(raw_bytes)``: bytes -> text, or a readable ``UndecodableIssue`` error.
- ``articles.parse_issue(text)``: text -> ``ParsedIssue`` (articles, photo items, labels).
- ``pubdate.infer_publication_date(...)``: the contract's publication-date rules.
- ``statistics.extract_statistics(body)``: every reported quantity in a body.
- ``meetings.extract_meeting(article)``: the meeting an article reports, with its people.
- ``projects.extract_project(article)``: the investment project an article reports.
"""
