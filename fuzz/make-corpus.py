#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets (fuzz/corpus/<target>/) from the shapes the test
tables use. Run it again after changing it; the files are committed."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

SSE = {
    "seed": b'id: 1\nevent: message\ndata: {"count": 1, "time": "2026-12-04T05:00:00Z"}\n\n',
    "spec-examples": b"data: YHOO\ndata: +2\ndata: 10\n\n: test stream\n\ndata: first event\nid: 1\n\n"
                     b"data:second event\nid\n\ndata:  third event\n",
    "blank-data": b"data\n\ndata\ndata\n\ndata:",
    "line-ends": b"data: a\r\ndata: b\rdata: c\n\r\n\r",
    "bom": b"\xef\xbb\xbfdata: after a bom\n\n\xef\xbb\xbfdata: not one\n\n",
    "comments": b": heartbeat\n:\n:no space\ndata: a\n: mid\ndata: b\n\n",
    "ids": b"id: 14\ndata: a\n\nid: 15\ndata: b\n\nid: 1\ndata: c\n\nid: a\0b\ndata: d\n\nid\ndata: e\n\n",
    "retry": b"retry: 500\nretry: 1x\nretry: 999999999999999999999\nretry:\ndata: x\n\n",
    "types": b"event: tick\ndata: 1\n\nevent:\ndata: 2\n\nevent: alert\ndata: {\"latency_ms\": 12}\n\n",
    "utf8": "data: \u65e5\u672c \U0001f4c8 \u20ac\n\n".encode() + b"data: \xff\xe2\x82 \xc3\n\n",
    "unterminated": b"data: a\n\ndata: cut",
    "fields": b"data\nData: x\nid:\ndata:data\n:: x\n data: y\n\n",
}

JSON = {
    "seed": b'{"count": 42, "time": "2026-12-04T05:00:00.000Z"}',
    "nested": b'{"cpu": {"load": [0.5, 0.25, 1e-9]}, "mem": {"used": 1048576, "free": -3}}',
    "numbers": b'[0, -0, 1e300, -1e300, 5e-324, 9007199254740993, 1777000000000000000, 1.5, true, false, null]',
    "strings": b'{"a": "12", "b": "NaN", "c": "2026-12-04T05:00:00Z", "d": ""}',
    "keys": b'{"a/b": 1, "x~y": 2, "[0]": 3, "\\u00e9": 4, "": 5, "a": {"a": {"a": 6}}}',
    "duplicates": b'{"k": 1, "k": 2}',
    "escapes": b'{"s": "\\n\\t\\"\\\\\\u0000\\ud83d\\udcc8", "n": 1}',
    "deep": b"[" * 64 + b"1" + b"]" * 64,
    "bare": b"3.25",
    "big-ints": b'{"ns": 1777000000123456789, "u": 18446744073709551615, "over": 1e400}',
}

CAPTURES = {
    "jsonl": b'{"url":"http://h/e","type":"message","data":"a\\nb","lastEventId":"1","receivedAt":"2026-11-23T19:00:00.123Z","connection":1}\n'
             b'{"url":"http://h/e","comment":"hb","receivedAt":"2026-11-23T19:00:00.200Z"}\n'
             b'{"connection":2,"receivedAt":"","lastEventId":"","data":"","type":"tick","url":"http://h/e"}\n',
    "csv": b'receivedAt,url,type,lastEventId,data,connection\r\n'
           b'2026-11-23T19:00:00.123Z,http://h/e,message,1,"a\r\nb",1\r\n,http://h/e,tick,,,2\r\n',
    "sse": b': receivedAt 2026-11-23T19:00:00.123Z connection 1 url http://h/e\nid: 1\ndata: a\ndata: b\n\n'
           b'event: tick\ndata\n\n',
    "jsonl-bom-crlf": b'\xef\xbb\xbf\r\n{"url":"u","type":"message","data":"x","lastEventId":"","receivedAt":""}\r\n',
}

# Request heads as the embedded server's suites send them, good and bad.
REQUESTS = {
    "get": b"GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\nLast-Event-ID: 41\r\n\r\n",
    "post-body": b"POST /events?x=1&y=%20 HTTP/1.1\r\nContent-Length: 5\r\nContent-Type: application/json\r\n\r\n{\"a\"}",
    "http10": b"GET / HTTP/1.0\nConnection: keep-alive\n\n",
    "absolute": b"GET http://127.0.0.1:8080/events?id=1 HTTP/1.1\r\n\r\n",
    "pipelined": b"\r\n\r\nGET /a HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\nConnection: close\r\n\r\n",
    "chunked": b"POST /e HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
    "folding": b"GET /e HTTP/1.1\r\nA: b\r\n c\r\nB : d\r\n\r\n",
    "bad-length": b"GET /e HTTP/1.1\r\nContent-Length: -1\r\nContent-Length: 99999999999999999999\r\n\r\n",
    "tls-hello": b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n",
}


def write(target, files):
    folder = os.path.join(HERE, "corpus", target)
    os.makedirs(folder, exist_ok=True)
    for name, data in files.items():
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)


write("sseparser", {name: b"\x05" + body for name, body in SSE.items()})  # first byte: pieces and cap
write("differential", SSE)
write("fields", JSON)
write("capturereader", CAPTURES)
write("httprequest", REQUESTS)
