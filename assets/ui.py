"""`make ui`: Dagster's development server, `dg dev` (webserver, daemon and their code servers),
that stops whole on Ctrl-C and on SIGTERM.

    python -m assets.ui [dg dev options]      # make ui: -w workspace.yaml -h 127.0.0.1 -p 3000

`dg dev` shuts its services down on SIGINT, and Dagster maps SIGTERM onto SIGINT's handler,
but only when Python installed one: a process started in the background by a non-interactive
shell (`make ui &` in a script, a CI step) inherits SIGINT *ignored*, so it then ignores both,
and once make gives up, its webserver, daemon and code servers live on. A signal aimed at make
alone (a supervisor's SIGINT) never reaches them either. So this wrapper

* starts `dg dev` in a process group of its own, with SIGINT and SIGTERM at their defaults
  (a handler here is reset to the default in the child; an ignored signal would not be);
* on SIGINT, SIGTERM or SIGHUP sends SIGINT to that whole group, as a terminal's Ctrl-C does
  (Dagster's tested, graceful path), waits for it, then kills whatever of the group is left
  (a second signal kills at once);
* when it dies itself, even by SIGKILL, `dg dev` gets SIGINT (Linux PR_SET_PDEATHSIG).
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

GRACE_SECONDS = 30.0  # for dg dev to stop its services (the webserver takes a few seconds)
PR_SET_PDEATHSIG = 1
SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def command(argv: list[str]) -> list[str]:
    return [str(Path(sys.executable).with_name("dg")), "dev", *argv]


def _die_with_parent() -> None:  # in the child, before exec
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGINT)
    except (OSError, AttributeError):  # not Linux: the signal handlers below still apply
        pass


def _alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _signal_group(group: int, sig: int) -> None:
    try:
        os.killpg(group, sig)
    except (ProcessLookupError, PermissionError):
        pass


def main(argv: list[str]) -> int:
    received: list[int] = []
    proc: subprocess.Popen | None = None

    def stop(signum: int, _frame) -> None:
        received.append(signum)
        if proc is not None:
            _signal_group(proc.pid, signal.SIGINT if len(received) == 1 else signal.SIGKILL)

    for sig in SIGNALS:
        signal.signal(sig, stop)
    proc = subprocess.Popen(command(argv), process_group=0, preexec_fn=_die_with_parent)
    group = proc.pid
    if received:  # a signal came before the group existed
        _signal_group(group, signal.SIGINT)
    deadline = None
    while proc.poll() is None:
        if received and deadline is None:
            deadline = time.monotonic() + GRACE_SECONDS
        if deadline is not None and time.monotonic() > deadline:
            print(f"dg dev did not stop within {GRACE_SECONDS:g}s: killing it", file=sys.stderr)
            _signal_group(group, signal.SIGKILL)
        time.sleep(0.2)
    # dg dev has exited: nothing of its group may outlive it (a code server, a run worker)
    if _alive(group):
        _signal_group(group, signal.SIGTERM)
        end = time.monotonic() + 5
        while _alive(group) and time.monotonic() < end:
            time.sleep(0.1)
        _signal_group(group, signal.SIGKILL)
    if received:
        return 128 + received[0]
    return proc.returncode if proc.returncode >= 0 else 128 - proc.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
