#!/usr/bin/python3
"""on_tty.py COMMAND...: runs COMMAND with its stderr on a pseudo-terminal
and copies what it wrote there to stdout; exits with its status. For
testing what lightbook shows only to a terminal."""
import os
import pty
import subprocess
import sys

master, slave = pty.openpty()
proc = subprocess.Popen(sys.argv[1:], stdin=subprocess.DEVNULL,
                        stdout=subprocess.DEVNULL, stderr=slave)
os.close(slave)
seen = b""
while True:
    try:
        data = os.read(master, 65536)
    except OSError:   # EIO: the last writer closed the terminal
        break
    if not data:
        break
    seen += data
sys.stdout.buffer.write(seen)
sys.exit(proc.wait())
