"""Where raw documents come from: local folders and HTTP(S) URLs, configured in one file.

`sources.toml` at the repository root (path: JUESUAN_SOURCES) lists further folders and URLs;
`raw/` (JUESUAN_RAW) is always the first folder. Downloads land in one configured folder and
become documents only when complete: a body is written to a hidden temporary file and renamed
into place once its size and hash are known, so a partial download never becomes a document.
Bytes already present in any folder are not stored twice.
"""

from __future__ import annotations

import hashlib
import ipaddress
import os
import re
import socket
import time
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import requests
import urllib3

from pipelines import settings
from pipelines.isolation import Limits
from pipelines.raw import file_sha256, list_raw

RETRYABLE_STATUS = {408, 425, 429, 500, 502, 503, 504}
SAFE_NAME = re.compile(r"[^\w.\-\u3400-\u9fff]+")


@dataclass(frozen=True)
class Sources:
    folders: list[Path]  # raw/ first
    urls: list[str]
    download_dir: Path
    timeout: float = 30.0  # seconds, for connecting and for each read
    retries: int = 3  # further attempts after a retryable failure
    backoff: float = 1.0  # seconds before the first retry, doubled each time
    max_bytes: int = 200 * 1024 * 1024  # a larger document is refused
    max_redirects: int = 5
    deadline: float = 300.0  # seconds for one whole download, however slowly it trickles
    # addresses allowed although private, loopback or link-local (none by default)
    allow_addresses: tuple[str, ...] = ()
    limits: Limits = Limits()  # what parsing one document may cost ([limits])


@dataclass
class Download:
    url: str
    status: str  # downloaded | duplicate | failed
    path: Path | None = None
    sha256: str | None = None
    problem: str | None = None
    attempts: int = 0
    history: list[str] = field(default_factory=list)


class DownloadError(Exception):
    """A URL that cannot be fetched; the message names the URL and the problem."""

    def __init__(self, url: str, problem: str, retryable: bool = False):
        super().__init__(f"{url}: {problem}")
        self.url, self.problem, self.retryable = url, problem, retryable


def load_sources(path: Path | None = None) -> Sources:
    """The configured sources; without a file, just raw/."""
    path = Path(path or settings.sources_file())
    config = tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    base = path.parent

    def resolve(p: str) -> Path:
        return (base / p).resolve()

    raw = settings.raw_folder().resolve()
    folders = [raw] + [f for f in (resolve(p) for p in config.get("folders", [])) if f != raw]
    download = config.get("download", {})
    limits = config.get("limits", {})
    urls = config.get("urls", [])
    for url in urls:
        if urlparse(url).scheme not in ("http", "https"):
            raise ValueError(f"{path}: only http(s) URLs can be sources, not {redact(url)!r}")
    return Sources(
        folders=folders,
        urls=list(urls),
        download_dir=resolve(download.get("folder", str(raw / "downloads"))),
        timeout=float(download.get("timeout_seconds", Sources.timeout)),
        retries=int(download.get("retries", Sources.retries)),
        backoff=float(download.get("backoff_seconds", Sources.backoff)),
        max_bytes=int(download.get("max_megabytes", Sources.max_bytes // 2**20)) * 2**20,
        max_redirects=int(download.get("max_redirects", Sources.max_redirects)),
        deadline=float(download.get("deadline_seconds", Sources.deadline)),
        allow_addresses=tuple(download.get("allow_addresses", ())),
        limits=Limits(
            memory_mib=int(limits.get("parse_memory_mib", Limits.memory_mib)),
            seconds=float(limits.get("parse_seconds", Limits.seconds)),
            text_mib=int(limits.get("text_max_mib", Limits.text_mib)),
            file_mib=int(limits.get("file_max_mib", Limits.file_mib)),
        ),
    )


def file_name_for(url: str) -> str:
    """A safe local name from the URL's last path segment: no directories, no leading dot or
    dash, no control characters; Chinese characters kept."""
    name = unquote(urlparse(url).path.rsplit("/", 1)[-1])
    name = unicodedata.normalize("NFC", name)
    name = SAFE_NAME.sub("_", name).lstrip(".-_") or "document"
    return name[:120]


def redact(url: str) -> str:
    """The URL without its credentials (user:password@), as it may be printed or stored."""
    parts = urlparse(url)
    if "@" not in parts.netloc:
        return url
    return parts._replace(netloc="***@" + parts.netloc.rsplit("@", 1)[1]).geturl()


def _refused(ip: ipaddress.IPv4Address | ipaddress.IPv6Address, sources: Sources) -> bool:
    if str(ip) in sources.allow_addresses:
        return False
    return (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast
            or ip.is_unspecified)


def check_address(url: str, sources: Sources) -> None:
    """Only http(s), and no private, loopback, link-local or reserved address unless
    sources.toml allows it (a URL must not reach into the machine or its network)."""
    parts = urlparse(url)
    if parts.scheme not in ("http", "https"):
        raise DownloadError(redact(url), f"only http(s) is fetched, not {parts.scheme or 'a relative'} URL")
    try:
        infos = socket.getaddrinfo(parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80))
    except (socket.gaierror, UnicodeError) as error:
        raise DownloadError(redact(url), f"cannot resolve {parts.hostname}: {error}", retryable=True) from None
    for *_, address in infos:
        ip = ipaddress.ip_address(address[0])
        if _refused(ip, sources):
            raise DownloadError(redact(url), f"{parts.hostname} is {ip}, a private or local address "
                                             "(allow it in sources.toml [download] allow_addresses)")


def check_peer(response: requests.Response, url: str, sources: Sources) -> None:
    """The address actually connected to passes the same rule: a name that resolves to a public
    address when checked and to a local one when connecting (DNS rebinding) is refused."""
    # urllib3 keeps the socket on its connection, or (the server closes after this answer)
    # only under the http.client response it reads from
    sock = (getattr(getattr(response.raw, "_connection", None), "sock", None)
            or getattr(getattr(getattr(getattr(response.raw, "_fp", None), "fp", None), "raw", None), "_sock", None))
    if sock is None and response.is_redirect:
        return  # an answer complete without a body: nothing of it is read; its Location is a hop checked anew
    try:
        peer = ipaddress.ip_address(sock.getpeername()[0])
    except (AttributeError, OSError, ValueError):
        raise DownloadError(redact(url), "the address connected to cannot be checked") from None
    if _refused(peer, sources):
        raise DownloadError(redact(url), f"connected to {peer}, a private or local address, though "
                                         f"{urlparse(url).hostname} resolved to a public one when checked")


def fetch(url: str, sources: Sources, known: set[str] | None = None,
          session: requests.Session | None = None) -> Download:
    """Download one URL into the download folder, retrying what can be retried. Whatever the
    URL, its server or its body does, the outcome is a Download (failed, with the reason)."""
    result = Download(redact(url), "failed")
    delay = sources.backoff
    for attempt in range(1, sources.retries + 2):
        result.attempts = attempt
        try:
            return _fetch_once(url, sources, set() if known is None else known, session, result)
        except DownloadError as error:
            result.problem = error.problem
            result.history.append(error.problem)
            if not error.retryable or attempt > sources.retries:
                return result
        except (requests.RequestException, OSError, ValueError) as error:  # any other answer: this URL's
            result.problem = f"{type(error).__name__}: {redact(str(error))}"
            result.history.append(result.problem)
            return result
        time.sleep(delay)
        delay *= 2
    return result  # pragma: no cover - the loop always returns


def _fetch_once(url, sources: Sources, known: set[str], session, result: Download) -> Download:
    sources.download_dir.mkdir(parents=True, exist_ok=True)
    token = hashlib.sha1(url.encode()).hexdigest()[:12]
    temporary = sources.download_dir / f".partial-{os.getpid()}-{token}"  # hidden: never a document
    digest = hashlib.sha256()
    try:
        final_url = _stream(url, temporary, digest, sources, session or requests.Session())
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    sha = result.sha256 = digest.hexdigest()
    if sha in known:
        temporary.unlink()
        result.status = "duplicate"
        return result
    target = sources.download_dir / file_name_for(final_url)
    if target.exists() and file_sha256(target) != sha:
        target = target.with_name(f"{target.stem}-{sha[:8]}{target.suffix}")
    os.replace(temporary, target)  # atomic: the document appears complete or not at all
    known.add(sha)
    result.status, result.path, result.problem = "downloaded", target, None
    return result


def _stream(url: str, temporary: Path, digest, sources: Sources, session: requests.Session) -> str:
    """Write the body to `temporary`, checking every hop's address, status, size limit,
    deadline and completeness; the final URL (after redirects, followed here so that each is
    checked) names the file. gzip and deflate bodies are decoded; completeness is checked on
    the bytes as sent."""
    deadline = time.monotonic() + sources.deadline
    shown = redact(url)
    try:
        for _ in range(sources.max_redirects + 1):
            check_address(url, sources)
            response = session.get(url, stream=True, timeout=sources.timeout, allow_redirects=False)
            try:
                check_peer(response, url, sources)
            except DownloadError:
                response.close()
                raise
            if not response.is_redirect:
                break
            url = urljoin(url, response.headers["Location"])
            response.close()
        else:
            raise DownloadError(shown, f"more than {sources.max_redirects} redirects")
        with response:
            if response.status_code >= 400:
                raise DownloadError(shown, f"HTTP {response.status_code}",
                                    retryable=response.status_code in RETRYABLE_STATUS)
            declared = response.headers.get("Content-Length")
            if declared is not None and not declared.strip().isdigit():
                raise DownloadError(shown, f"a bad Content-Length header ({declared[:20]!r})")
            if declared and int(declared) > sources.max_bytes:
                raise DownloadError(shown, f"larger than the {sources.max_bytes} byte limit")
            size = 0
            with temporary.open("wb") as out:
                while chunk := _read_some(response):  # whatever has arrived: the deadline holds
                    size += len(chunk)
                    if size > sources.max_bytes:
                        raise DownloadError(shown, f"larger than the {sources.max_bytes} byte limit")
                    if time.monotonic() > deadline:
                        raise DownloadError(shown, f"not complete after the {sources.deadline:.0f} s deadline")
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sent = response.raw.tell()  # bytes as sent: compressed when the body is gzip
            if declared and sent != int(declared):
                raise DownloadError(shown, f"truncated: {sent} of {declared} bytes", retryable=True)
            return url
    except requests.exceptions.ContentDecodingError as error:
        raise DownloadError(shown, f"a body that does not decode ({type(error).__name__})") from None
    except (requests.ConnectionError, requests.Timeout,
            requests.exceptions.ChunkedEncodingError) as error:
        raise DownloadError(shown, f"{type(error).__name__}: {redact(str(error))}", retryable=True) from None


def _read_some(response: requests.Response) -> bytes:
    """The next bytes of the body, decoded, as soon as any arrive (one read on the socket)."""
    try:
        return response.raw.read1(64 * 1024, decode_content=True)
    except urllib3.exceptions.DecodeError as error:
        raise requests.exceptions.ContentDecodingError(error) from error
    except urllib3.exceptions.ProtocolError as error:
        raise requests.exceptions.ChunkedEncodingError(error) from error
    except urllib3.exceptions.ReadTimeoutError as error:
        raise requests.exceptions.ConnectionError(error) from error


def pull(sources: Sources, session: requests.Session | None = None) -> list[Download]:
    """Fetch every configured URL; bytes already in any folder are not stored again."""
    known = {file_sha256(p)
             for folder in sources.folders + [sources.download_dir] if folder.exists()
             for p in list_raw(folder)}
    return [fetch(url, sources, known, session) for url in sources.urls]  # each fails alone
