"""Pulling documents over HTTP from a local server on 127.0.0.1 that misbehaves on purpose."""

from __future__ import annotations

import gzip
import hashlib
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from dataclasses import replace

from pipelines.sources import Sources, fetch, file_name_for, load_sources, pull

GOOD = "山西省人民政府驻上海办事处2024年度单位决算公开\n".encode() * 50


class Handler(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}

    def log_message(self, *args):  # quiet
        pass

    def _send(self, status: int, body: bytes = b"", length: int | None = None, headers=()):
        self.send_response(status)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        path = self.path
        Handler.hits[path] = Handler.hits.get(path, 0) + 1
        n = Handler.hits[path]
        if path in ("/docs/good.txt", "/docs/%E5%86%B3%E7%AE%97%20%E5%85%AC%E5%BC%80.txt", "/dup.txt"):
            self._send(200, GOOD)
        elif path == "/slow.txt":
            time.sleep(1.5)
            self._send(200, GOOD)
        elif path == "/missing.txt":
            self._send(404, b"not found")
        elif path == "/flaky.txt":  # fails twice, then works
            self._send(500) if n <= 2 else self._send(200, GOOD + b"flaky")
        elif path == "/broken.txt":
            self._send(500)
        elif path == "/truncated.txt":
            self._send(200, GOOD[:100], length=len(GOOD))
        elif path == "/redirect":
            self._send(302, headers=[("Location", "/docs/good.txt")])
        elif path == "/loop":
            self._send(302, headers=[("Location", "/loop")])
        elif path == "/big.txt":
            self._send(200, b"x" * 5000)
        elif path == "/gzip.txt":  # Content-Length is the compressed length, as HTTP says
            self._send(200, gzip.compress(GOOD), headers=[("Content-Encoding", "gzip")])
        elif path == "/bad-gzip.txt":
            self._send(200, b"not gzip at all", headers=[("Content-Encoding", "gzip")])
        elif path == "/to-file":
            self._send(302, headers=[("Location", "file:///etc/passwd")])
        elif path == "/bad-length.txt":
            self.send_response(200)
            self.send_header("Content-Length", "lots")
            self.end_headers()
            self.wfile.write(GOOD[:50])
        elif path == "/trickle.txt":  # 1 byte every 50 ms: each read in time, the whole never
            self.send_response(200)
            self.send_header("Content-Length", "100")
            self.end_headers()
            for _ in range(100):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.05)
        else:
            self._send(404)


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture()
def sources(tmp_path):
    Handler.hits.clear()
    return Sources(folders=[tmp_path / "raw"], urls=[], download_dir=tmp_path / "downloads",
                   timeout=0.5, retries=2, backoff=0.01, max_bytes=4096, allow_addresses=("127.0.0.1",))


def only_documents(folder):
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_good_file_is_downloaded_atomically(server, sources):
    result = fetch(f"{server}/docs/good.txt", sources)
    assert result.status == "downloaded" and result.path.read_bytes() == GOOD
    assert result.sha256 == hashlib.sha256(GOOD).hexdigest()
    assert only_documents(sources.download_dir) == ["good.txt"]  # no temporary file left


def test_redirect_is_followed_and_redirect_loop_refused(server, sources):
    assert fetch(f"{server}/redirect", sources).path.name == "good.txt"
    looped = fetch(f"{server}/loop", sources)
    assert looped.status == "failed" and "redirects" in looped.problem and looped.attempts == 1


def test_slow_server_times_out_with_bounded_retries(server, sources):
    started = time.monotonic()
    result = fetch(f"{server}/slow.txt", sources)
    assert result.status == "failed" and "Timeout" in result.problem
    assert result.attempts == 3 and time.monotonic() - started < 5
    assert only_documents(sources.download_dir) == []


def test_not_found_is_not_retried(server, sources):
    result = fetch(f"{server}/missing.txt", sources)
    assert (result.status, result.problem, result.attempts) == ("failed", "HTTP 404", 1)


def test_server_error_is_retried_until_it_works(server, sources):
    result = fetch(f"{server}/flaky.txt", sources)
    assert result.status == "downloaded" and result.attempts == 3
    assert result.history == ["HTTP 500", "HTTP 500"]


def test_persistent_server_error_gives_up(server, sources):
    result = fetch(f"{server}/broken.txt", sources)
    assert (result.status, result.problem, result.attempts) == ("failed", "HTTP 500", 3)


def test_truncated_body_never_becomes_a_document(server, sources):
    result = fetch(f"{server}/truncated.txt", sources)
    assert result.status == "failed" and result.attempts == 3
    assert only_documents(sources.download_dir) == []


def test_size_limit(server, sources):
    result = fetch(f"{server}/big.txt", sources)
    assert result.status == "failed" and "limit" in result.problem and result.attempts == 1
    assert only_documents(sources.download_dir) == []


def test_same_bytes_are_not_stored_twice(server, sources):
    sources = Sources(**{**sources.__dict__, "urls": [f"{server}/docs/good.txt", f"{server}/dup.txt"]})
    results = pull(sources)
    assert [r.status for r in results] == ["downloaded", "duplicate"]
    assert only_documents(sources.download_dir) == ["good.txt"]
    assert [r.status for r in pull(sources)] == ["duplicate", "duplicate"]


def test_names_are_safe(server, sources):
    chinese = fetch(f"{server}/docs/%E5%86%B3%E7%AE%97%20%E5%85%AC%E5%BC%80.txt", sources)
    assert chinese.path.name == "决算_公开.txt"
    assert file_name_for("http://x/a/..%2F..%2Fetc%2Fpasswd") == "etc_passwd"
    assert file_name_for("http://x/-rf%0Aname.pdf") == "rf_name.pdf"
    assert file_name_for("http://x/") == "document"


def test_config_file(tmp_path, monkeypatch):
    monkeypatch.setenv("JUESUAN_RAW", str(tmp_path / "raw"))
    config = tmp_path / "sources.toml"
    config.write_text('folders = ["more"]\nurls = ["https://example.org/a.pdf"]\n'
                      '[download]\nfolder = "dl"\ntimeout_seconds = 5\nmax_megabytes = 1\n'
                      'deadline_seconds = 60\nallow_addresses = ["127.0.0.1"]\n',
                      encoding="utf-8")
    sources = load_sources(config)
    assert sources.folders == [(tmp_path / "raw").resolve(), (tmp_path / "more").resolve()]
    assert sources.download_dir == (tmp_path / "dl").resolve()
    assert (sources.timeout, sources.max_bytes, sources.deadline) == (5.0, 2**20, 60.0)
    assert sources.allow_addresses == ("127.0.0.1",)
    config.write_text('urls = ["file:///etc/passwd"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="only http"):
        load_sources(config)


def test_extra_folders_become_partitions(tmp_path, seed_path):
    import dagster as dg

    from assets.ingestion.resources import RawFolder

    raw, more = tmp_path / "raw", tmp_path / "more"
    (raw / "sub").mkdir(parents=True)
    more.mkdir()
    (raw / "sub" / "a.txt").write_bytes(b"a")
    (more / "b.txt").write_bytes(b"b")
    folder = RawFolder(path=str(raw), extra_folders=[str(more)])
    assert folder.documents() == {"sub/a.txt": raw / "sub" / "a.txt", "more/b.txt": more / "b.txt"}
    assert folder.file("more/b.txt") == more / "b.txt"
    with pytest.raises(dg.Failure):
        folder.file("more/../../raw/sub/a.txt")


def test_a_gzip_encoded_body_is_decoded_and_complete(server, sources):
    result = fetch(f"{server}/gzip.txt", sources)
    assert result.status == "downloaded" and result.path.read_bytes() == GOOD


@pytest.mark.parametrize("path,problem", [
    ("/bad-gzip.txt", "a body that does not decode"),
    ("/to-file", "only http(s) is fetched, not file"),
    ("/bad-length.txt", "a bad Content-Length header ('lots')"),
])
def test_a_hostile_answer_fails_that_url_alone(server, sources, path, problem):
    result = fetch(f"{server}{path}", sources)
    assert result.status == "failed" and problem in result.problem, result.problem
    assert only_documents(sources.download_dir) == []


def test_one_overall_deadline_per_download(server, sources):
    started = time.monotonic()
    result = fetch(f"{server}/trickle.txt", replace(sources, deadline=1.0, retries=0))
    assert result.status == "failed" and "not complete after the 1 s deadline" in result.problem
    assert time.monotonic() - started < 3


def test_local_addresses_are_refused_unless_allowed(server, sources):
    result = fetch(f"{server}/docs/good.txt", replace(sources, allow_addresses=()))
    assert result.status == "failed" and "127.0.0.1, a private or local address" in result.problem
    assert fetch(f"{server}/docs/good.txt", sources).status == "downloaded"


def test_credentials_in_a_url_are_never_shown(server, sources):
    url = server.replace("http://", "http://reader:s3cret@") + "/missing.txt"
    result = fetch(url, sources)
    assert result.status == "failed" and "s3cret" not in result.url + result.problem
    assert result.url == server.replace("http://", "http://***@") + "/missing.txt"


def test_a_name_rebound_to_a_local_address_is_refused(server, sources, monkeypatch):
    """DNS rebinding: the name resolves to a public address when checked, then to 127.0.0.1
    when the connection is made. The address connected to is checked too."""
    port = int(server.rsplit(":", 1)[1])
    real = socket.getaddrinfo
    answers = iter(["93.184.216.34"])  # the first lookup (the check); every later one: loopback

    def rebinding(host, *args, **kwargs):
        if host != "rebind.example":
            return real(host, *args, **kwargs)
        return real(next(answers, "127.0.0.1"), *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    result = fetch(f"http://rebind.example:{port}/docs/good.txt", replace(sources, allow_addresses=()))
    assert result.status == "failed", result
    assert result.problem == ("connected to 127.0.0.1, a private or local address, though rebind.example "
                              "resolved to a public one when checked")
    assert only_documents(sources.download_dir) == []
