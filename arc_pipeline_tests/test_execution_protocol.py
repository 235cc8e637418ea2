"""The results log a dead worker leaves behind is parsed as strictly as a reply."""

from __future__ import annotations

import struct

from arc_pipeline.execution.protocol import (
    LOG_HEADER,
    OK,
    RECORD,
    RUNTIME_ERROR,
    TIMEOUT,
    decode_log,
    decode_reply,
    error_entry,
    HEADER,
)


def _ok_entry(cells: bytes, h: int, w: int) -> bytes:
    return RECORD.pack(0, h, w, 0.25, 0) + cells


def _log(seq: int, entries: list[bytes], pad: int = 64) -> bytes:
    body = b"".join(entries)
    return LOG_HEADER.pack(seq, len(entries), len(body)) + body + bytes(pad)


def test_log_gives_the_logged_results_in_order():
    rec, err = error_entry(TIMEOUT, "exceeded the time limit of 1s", 1.0)
    data = _log(7, [_ok_entry(bytes([1, 2, 3, 4]), 2, 2), rec + err, _ok_entry(bytes([9]), 1, 1)])
    got = decode_log(data, 7, 10)
    assert [(r.status, r.output, r.error) for r in got] == [
        (OK, ((1, 2), (3, 4)), None), (TIMEOUT, None, "exceeded the time limit of 1s"), (OK, ((9,),), None)]
    assert len(decode_log(data, 7, 2)) == 2  # never more than the message had grids


def test_log_of_another_message_or_malformed_gives_nothing():
    good = _log(3, [_ok_entry(bytes([5]), 1, 1)])
    assert decode_log(good, 4, 10) == []  # stale: an earlier message
    assert decode_log(_log(3, [_ok_entry(bytes([10]), 1, 1)]), 3, 10) == []  # cell not 0..9
    assert decode_log(_log(3, [RECORD.pack(0, 31, 1, 0.0, 0) + bytes(31)]), 3, 10) == []  # too tall
    assert decode_log(_log(3, [RECORD.pack(99, 0, 0, 0.0, 0)]), 3, 10) == []  # unknown status
    assert decode_log(LOG_HEADER.pack(3, 1, 10**6) + bytes(8), 3, 10) == []  # claims more than it has
    assert decode_log(b"", 3, 10) == []


def test_partial_entry_at_the_end_is_dropped():
    rec, err = error_entry(RUNTIME_ERROR, "ZeroDivisionError: division by zero", 0.0)
    whole = rec + err
    body = _ok_entry(bytes([1]), 1, 1) + whole
    data = LOG_HEADER.pack(1, 2, len(body) - 5) + body[:-5]  # killed while writing entry 2
    got = decode_log(data, 1, 10)
    assert [r.status for r in got] == [OK]


def test_reply_and_log_share_the_record_format():
    rec, err = error_entry(RUNTIME_ERROR, "x" * 5000, 0.0)  # cut to the wire limit
    assert struct.unpack_from("<H", rec, RECORD.size - 2)[0] == len(err) == 1200
    reply = HEADER.pack(0, 1) + rec + err
    (flags, (result,)) = decode_reply(reply, 1)
    assert flags == 0 and result.status == RUNTIME_ERROR and decode_log(_log(1, [rec + err]), 1, 1) == [result]
