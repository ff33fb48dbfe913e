#!/usr/bin/env python3
"""Times copse serve's edit loop on one hub: from writing a one-page text edit to a meeting note
to the reload event reaching a connected client (server-sent events), several times.

    serve_loop.py --copse BIN --hub DIR --note content/.../meetings/x.md [--edits N] [--label NAME]

Starts `copse serve --root DIR --port 0 --no-git-dates`, connects to /_copse/events like an open
page, makes one untimed warm-up edit, then N timed edits, each after the last has been announced
and a pause. Prints one line per edit and a summary line starting with "RESULT" (tab-separated:
label, edits, median, min and max seconds from write to event, the median of copse's own
"Rebuilt in" time, the median of each edit's write-to-event time less its rebuild time (what
serve adds: the debounce, the event, the client), and the first build's time). The note is put back as it was at the end. Python 3 stdlib only."""

import argparse
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time


class EventClient(threading.Thread):
    """Reads the event stream; records (arrival time, build name) for every `build` event."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.sendall(b"GET /_copse/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        self.events = []
        self.cond = threading.Condition()

    def run(self):
        pending, event = b"", None
        while True:
            data = self.sock.recv(65536)
            if not data:
                return
            now = time.perf_counter()
            pending += data
            while b"\n" in pending:
                line, pending = pending.split(b"\n", 1)
                line = line.strip()
                if line.startswith(b"event: "):
                    event = line[7:].decode()
                elif line.startswith(b"data: ") and event == "build":
                    with self.cond:
                        self.events.append((now, line[6:].decode()))
                        self.cond.notify_all()
                    event = None

    def wait_for(self, count, timeout):
        with self.cond:
            if not self.cond.wait_for(lambda: len(self.events) >= count, timeout):
                raise SystemExit(f"serve_loop.py: no reload event within {timeout} s")
            return self.events[count - 1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--copse", required=True)
    parser.add_argument("--hub", required=True)
    parser.add_argument("--note", required=True, help="the meeting note to edit, relative to the hub")
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--pause", type=float, default=1.0, help="seconds between edits")
    parser.add_argument("--label", default="hub")
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args()

    note = os.path.join(args.hub, args.note)
    with open(note, encoding="utf-8") as f:
        original = f.read()
    server = subprocess.Popen([args.copse, "serve", "--root", args.hub, "--port", "0", "--no-git-dates"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = []
    reader = None
    try:
        first_build = None
        while True:
            line = server.stdout.readline()
            if not line:
                raise SystemExit("serve_loop.py: copse serve stopped:\n" + "".join(lines))
            lines.append(line)
            match = re.match(r"Built \d+ pages in ([\d.]+) s", line)
            if match:
                first_build = float(match.group(1))
            match = re.search(r" at http://127\.0\.0\.1:(\d+)/", line)
            if match:
                port = int(match.group(1))
                break
        reader = threading.Thread(target=lambda: lines.extend(iter(server.stdout.readline, "")), daemon=True)
        reader.start()
        client = EventClient(port)
        client.start()
        client.wait_for(1, args.timeout)  # the build being served, sent on connecting

        latencies = []
        for index in range(args.edits + 1):
            time.sleep(args.pause)
            seen = len(client.events)
            text = original + f"\n\nEdit {index} of the serve benchmark.\n"
            started = time.perf_counter()
            with open(note, "w", encoding="utf-8") as f:
                f.write(text)
            arrived, _ = client.wait_for(seen + 1, args.timeout)
            if index == 0:
                print(f"  {args.label}: warm-up edit {arrived - started:.3f} s", flush=True)
                continue
            latencies.append(arrived - started)
            print(f"  {args.label}: edit {index}: write to reload event {arrived - started:.3f} s", flush=True)
        time.sleep(0.3)
        rebuilt = [float(m.group(1)) for m in (re.match(r"Rebuilt in ([\d.]+) s", l) for l in lines) if m]
        failed = [l for l in lines if l.startswith("Build failed")]
        if failed:
            raise SystemExit("serve_loop.py: a build failed:\n" + "".join(lines))
        timed = rebuilt[1:]  # one rebuild per edit (each waited for), the first the warm-up's
        if len(timed) != len(latencies):
            raise SystemExit(f"serve_loop.py: {len(latencies)} edits but {len(timed)} timed rebuilds:\n" + "".join(lines))
        # What serve adds to the build: the debounce, the event and the client, edit by edit.
        overhead = [latency - build for latency, build in zip(latencies, timed)]
        print("RESULT\t" + "\t".join([
            args.label, str(len(latencies)),
            f"{statistics.median(latencies):.3f}", f"{min(latencies):.3f}", f"{max(latencies):.3f}",
            f"{statistics.median(timed):.3f}", f"{statistics.median(overhead):.3f}",
            f"{first_build:.3f}" if first_build is not None else "nan"]), flush=True)
    finally:
        with open(note, "w", encoding="utf-8") as f:
            f.write(original)
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    sys.exit(main())
