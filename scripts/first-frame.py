#!/usr/bin/env python3
"""Time from starting medpath on a pseudo-terminal to its first frame.

    scripts/first-frame.py BINARY [RUNS [ARGS...]]

Starts BINARY on an 80x24 pty, answers the terminal queries Bubble Tea sends
at start-up (synchronized output, unicode mode, background colour) the way a
terminal would, and measures the wall time from fork until the welcome
screen's text appears. Prints the
median in milliseconds. Used by scripts/bench.sh.
"""
import os, pty, select, signal, statistics, struct, sys, time, fcntl, termios

def once(binary, args):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ.pop("NO_COLOR", None)
        os.execv(binary, [binary] + args)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.perf_counter()
    seen = b""
    elapsed = None
    while time.perf_counter() - start < 5:
        r, _, _ = select.select([fd], [], [], 0.05)
        if fd in r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            seen += chunk
            # answer the start-up queries as a terminal would
            if b"\x1b[?2026$p" in chunk:
                os.write(fd, b"\x1b[?2026;2$y")
            if b"\x1b[?2027$p" in chunk:
                os.write(fd, b"\x1b[?2027;0$y")
            if b"\x1b]11;?" in chunk:
                os.write(fd, b"\x1b]11;rgb:1e1e/1e1e/1e1e\x07")
            if b"career advisor" in seen:
                elapsed = (time.perf_counter() - start) * 1000
                break
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(fd)
    return elapsed

def main():
    binary = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    args = sys.argv[3:]
    once(binary, args)  # warm the page cache
    times = [t for t in (once(binary, args) for _ in range(runs)) if t is not None]
    if not times:
        print("n/a")
        return
    print(f"{statistics.median(times):.1f}")

main()
