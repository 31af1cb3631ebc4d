"""Raw documents: their bytes, their identity (SHA-256 of the bytes) and their format."""

from __future__ import annotations

import hashlib
import os
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = {".txt", ".text"}
PDF_SUFFIXES = {".pdf"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | PDF_SUFFIXES


@dataclass(frozen=True)
class RawDocument:
    name: str  # path relative to its source folder, for messages and provenance
    path: str  # absolute path it was read from
    sha256: str  # the document's identity
    size: int
    format: str  # "text" or "pdf"
    data: bytes


def detect_format(name: str, data: bytes) -> str:
    """"pdf", "text" or "unsupported": by content first (a PDF starts with %PDF), then by
    suffix. Never raises: every file has an identity, and the parser says what is wrong."""
    if data[:1024].lstrip().startswith(b"%PDF"):
        return "pdf"
    suffix = Path(name).suffix.lower()
    return "text" if suffix in TEXT_SUFFIXES else "unsupported"


def format_problem(raw: "RawDocument") -> str | None:
    """Why a document's format cannot be parsed, or None if it can."""
    if raw.format != "unsupported":
        return None
    suffix = Path(raw.name).suffix.lower()
    if suffix in PDF_SUFFIXES:
        return "named .pdf but is not a PDF (no %PDF header)"
    return f"unsupported file type {suffix or '(no suffix)'}: expected a PDF or its text form (.txt)"


SPECIAL = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
           (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def special(path: Path) -> str | None:
    """What the path is when it is neither a regular file nor a folder; such a file is never
    opened (reading a FIFO would wait forever), only listed and refused."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    return next((kind for test, kind in SPECIAL if test(mode)), None)


def read_raw(path: Path, root: Path | None = None, name: str | None = None) -> RawDocument:
    """Read a document; its name (for messages and provenance) is `name`, else its path
    relative to `root`, else its file name. A special file is an OSError saying what it is."""
    kind = special(path)
    if kind:
        raise OSError(0, f"not a regular file but {kind}; not read")
    data = path.read_bytes()
    name = name or (path.relative_to(root).as_posix() if root else path.name)
    return RawDocument(
        name=name,
        path=str(path.resolve()),
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        format=detect_format(name, data),
        data=data,
    )


def identify(path: Path, name: str) -> RawDocument:
    """A document's identity (hash, size, format) read in blocks: its bytes are never held, so
    a huge file costs no memory before its size is judged. `data` is empty."""
    kind = special(path)
    if kind:
        raise OSError(0, f"not a regular file but {kind}; not read")
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        head = f.read(1024)
        digest.update(head)
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
        size = f.tell()
    return RawDocument(name=name, path=str(path.resolve()), sha256=digest.hexdigest(), size=size,
                       format=detect_format(name, head), data=b"")


def file_sha256(path: Path) -> str | None:
    """A file's identity without reading it into memory at once; None for a file that cannot
    be read (or is special): its run says why."""
    if special(path):
        return None
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def list_raw(root: Path) -> list[Path]:
    """Candidate documents under `root` (recursively), in a stable order: regular files, and
    special ones (a FIFO, a device) so that they are refused by name rather than ignored. Hidden
    files (and partial downloads, which are hidden) are skipped, and so is anything that resolves
    outside `root` (a symlink pointing elsewhere): nothing outside the configured folders is read."""
    base = root.resolve()
    return sorted(
        p
        for p in root.rglob("*")
        if (p.is_file() or special(p))
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
        and inside(p, base)
    )


def inside(path: Path, base: Path) -> bool:
    return path.resolve().is_relative_to(base)


def printable(text: str) -> str:
    """A name as it may be printed on a terminal or in a log: control and format characters
    (a newline, an ANSI escape) escaped, so a file name cannot forge lines of output."""
    return "".join(ch.encode("unicode_escape").decode("ascii") if unicodedata.category(ch)[0] == "C" else ch
                   for ch in text)
