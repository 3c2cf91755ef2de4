#!/usr/bin/env python3
"""Time from starting medpath on a pseudo-terminal to its first frame.

    scripts/first-frame.py BINARY [RUNS]

Starts BINARY on an 80x24 pty, answers the terminal's queries the way a
terminal would (none needed: medpath draws without waiting for them), and
measures the wall time until the welcome screen's text appears. Prints the
median in milliseconds. Used by scripts/bench.sh.
"""
import os, pty, select, signal, statistics, struct, sys, time, fcntl, termios

def once(binary):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ.pop("NO_COLOR", None)
        os.execv(binary, [binary])
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
            if b"career advisor" in seen or b"floor" in seen:
                elapsed = (time.perf_counter() - start) * 1000
                break
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(fd)
    return elapsed

def main():
    binary = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    once(binary)  # warm the page cache
    times = [t for t in (once(binary) for _ in range(runs)) if t is not None]
    if not times:
        print("n/a")
        return
    print(f"{statistics.median(times):.1f}")

main()
