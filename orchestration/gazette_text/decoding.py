"""Bytes of an issue file -> text, or an error a person can read.

Accepted: UTF-8 (with or without BOM) and GB18030 (a superset of GBK/GB2312); CRLF and CR become LF.
Full-width digits and Latin letters (１２．５％, ＧＤＰ) become their ASCII forms: typesetters use both,
and every later step reads numbers the same way. Full-width Chinese punctuation (，。（）：) stays.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# A text issue has almost no control characters; a PDF or image saved as .txt has many.
_CONTROL_SHARE_LIMIT = 0.01
# Counted by a regex, not char by char in Python: a tenth of the time on a 10,000-issue ingest.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f]")  # below a space, but not \t \n \x0b \f \r
_FULLWIDTH_ALNUM = {
    **{0xFF10 + i: ord("0") + i for i in range(10)},
    **{0xFF21 + i: ord("A") + i for i in range(26)},
    **{0xFF41 + i: ord("a") + i for i in range(26)},
    ord("％"): ord("%"),
}
# Translated run by run: most texts print none, and str.translate walks every character.
_FULLWIDTH_RUN = re.compile(r"[０-９Ａ-Ｚａ-ｚ％]+")
# A full-width point is a decimal point only between digits (１２．５); elsewhere it is punctuation.
_FULLWIDTH_POINT = re.compile(r"(?<=[0-9])．(?=[0-9])")


class UndecodableIssue(ValueError):
    """The file cannot become an issue; ``str(err)`` is the reason shown to users."""


@dataclass(frozen=True)
class DecodedIssue:
    text: str
    encoding: str  # utf-8 | utf-8-sig | utf-8-truncated | gb18030


def decode_issue(raw: bytes) -> DecodedIssue:
    decoded = decode_text(raw)
    return DecodedIssue(text=fold_fullwidth_alnum(normalise_newlines(decoded.text)), encoding=decoded.encoding)


def decode_text(raw: bytes) -> DecodedIssue:
    """The file's text as written (newlines and full-width characters untouched), by the same rules
    as an issue's: for files whose text is data (article records), folded field by field."""
    if not raw.strip():
        raise UndecodableIssue("empty file")
    if b"\x00" in raw:
        raise UndecodableIssue("not text: binary content (NUL bytes)")
    encoding, text = _decode(raw)
    if _control_share(text) > _CONTROL_SHARE_LIMIT:
        raise UndecodableIssue("not text: binary content (control characters)")
    return DecodedIssue(text=text, encoding=encoding)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def fold_fullwidth_alnum(text: str) -> str:
    folded = _FULLWIDTH_RUN.sub(lambda run: run.group().translate(_FULLWIDTH_ALNUM), text)
    return _FULLWIDTH_POINT.sub(".", folded)


def _decode(raw: bytes) -> tuple[str, str]:
    if raw.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig", _strict(raw, "utf-8-sig")
    try:
        return "utf-8", raw.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        # A download cut mid-character is still UTF-8; GB18030 would turn it into mojibake.
        if utf8_error.reason == "unexpected end of data" and utf8_error.start >= len(raw) - 3:
            return "utf-8-truncated", raw[: utf8_error.start].decode("utf-8")
        try:
            return "gb18030", raw.decode("gb18030")
        except UnicodeDecodeError:
            raise UndecodableIssue(
                f"undecodable as UTF-8 or GB18030 at byte {utf8_error.start}"
            ) from None


def _strict(raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as err:
        raise UndecodableIssue(f"undecodable as {encoding.upper()} at byte {err.start}") from None


def _control_share(text: str) -> float:
    return len(_CONTROLS.findall(text)) / max(len(text), 1)
