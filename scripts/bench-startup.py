#!/usr/bin/env python3
"""Start-up of the TUI: time from spawn to the first frame on a pseudo-
terminal (120×40), and peak memory (VmHWM) once the frame is drawn; median
of RUNS starts (default 20). Uses target/release/poignee and the example
config; the drafts and recovery folders go to a temp dir.

usage: scripts/bench-startup.py [RUNS]
"""
import fcntl
import os
import pty
import select
import statistics
import struct
import sys
import tempfile
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "poignee")


def one(tmp: str) -> tuple[float, int]:
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update(XDG_DATA_HOME=os.path.join(tmp, "data"), XDG_CONFIG_HOME=os.path.join(tmp, "cfg"),
                          TERM="xterm-256color", LANG="fr_FR.UTF-8")
        os.execv(BIN, [BIN, "--config", os.path.join(ROOT, "config.example.toml")])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    seen = b""
    first = None
    while first is None:
        r, _, _ = select.select([fd], [], [], 5)
        if not r:
            raise SystemExit("no frame after 5 s")
        got = os.read(fd, 65536)
        seen += got
        # Answer the device-attributes query as a terminal does (xterm,
        # tmux, the Linux console): crossterm asks it beside the kitty
        # keyboard query and waits up to 2 s for an answer no pty gives.
        if b"\x1b[c" in got:
            os.write(fd, b"\x1b[?62;22c")
        # The frame is out with its last cell, the bottom-right corner.
        if "┘".encode() in seen:
            first = time.perf_counter() - start
    with open(f"/proc/{pid}/status") as f:
        hwm = next(int(line.split()[1]) for line in f if line.startswith("VmHWM"))
    os.write(fd, b"\x11")  # Ctrl-Q
    os.waitpid(pid, 0)
    os.close(fd)
    return first, hwm


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    with tempfile.TemporaryDirectory() as tmp:
        one(tmp)  # warm the cache
        results = [one(tmp) for _ in range(runs)]
    times = sorted(t * 1000 for t, _ in results)
    rss = max(m for _, m in results) / 1024
    print(f"first frame (120×40): median {statistics.median(times):.1f} ms, max {times[-1]:.1f} ms over {runs} starts")
    print(f"peak RSS (VmHWM): {rss:.1f} MB")


if __name__ == "__main__":
    main()
