"""A process and its descendants as /proc describes them: who they are, their memory, their CPU time."""
from __future__ import annotations

import os

_CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def process_tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        p = todo.pop()
        pids.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                todo += [int(c) for c in open(f"/proc/{p}/task/{task}/children").read().split()]
        except OSError:
            pass
    return pids


def memory(pid: int) -> tuple[int, int]:
    """(PSS, RSS) of one process in bytes; (0, 0) once it has ended."""
    found = {}
    try:
        for line in open(f"/proc/{pid}/smaps_rollup"):
            if line.startswith(("Pss:", "Rss:")):
                found[line[:3]] = int(line.split()[1]) * 1024
    except OSError:
        pass
    return found.get("Pss", 0), found.get("Rss", 0)


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of these processes (not of their waited-for children); 0 for one that ended."""
    total = 0
    for pid in pids:
        try:
            fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime: the stat fields 14 and 15
    return total / _CLOCK_TICKS
