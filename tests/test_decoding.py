"""Decoding issue files: the encodings users have, and clear reasons for the files we refuse."""
from __future__ import annotations

import pytest

from gazette_text.decoding import UndecodableIssue, decode_issue

TEXT = "本报讯（记者 朱梦琪）昨天上午，全市公安工作会议召开。\n"


@pytest.mark.parametrize(
    "raw,encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("gb18030"), "gb18030"),
    ],
)
def test_accepted_encodings(raw, encoding):
    decoded = decode_issue(raw)
    assert decoded.text == TEXT and decoded.encoding == encoding


def test_crlf_becomes_lf():
    assert decode_issue("第一段\r\n\r\n第二段\r\n".encode()).text == "第一段\n\n第二段\n"


def test_truncated_utf8_keeps_the_complete_text():
    decoded = decode_issue(TEXT.encode("utf-8") + "会".encode("utf-8")[:2])
    assert decoded.encoding == "utf-8-truncated"
    assert decoded.text.startswith("本报讯")


@pytest.mark.parametrize(
    "raw,reason",
    [
        (b"", "empty file"),
        (b"  \n\r\n", "empty file"),
        (b"%PDF-1.4\x00\x01\x02binary", "not text: binary content"),
        (bytes(range(1, 32)) * 20, "not text: binary content"),
        (b"\xff\xfe\xfd\x81\x30 text", "undecodable as UTF-8 or GB18030 at byte 0"),
    ],
)
def test_refused_files_say_why(raw, reason):
    with pytest.raises(UndecodableIssue, match=reason):
        decode_issue(raw)
