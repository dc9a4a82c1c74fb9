#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# Copyright 2026 The Audit SDK Authors
"""Top frames of a flight recording, per thread group: where a load run's app CPU goes.

Usage: jfr_top.py RECORDING.jfr [--top 12]

Reads `jfr print --json --events jdk.ExecutionSample,jdk.GarbageCollection` (the JDK's own `jfr` tool),
groups the samples by thread (request threads, the audit writer, other), and prints Markdown tables:
samples per group; per group the samples by component (each sample goes to the first known component
found from the leaf down, so JDK frames count for the code that called them) and the leaf ("self")
methods. GC pauses and GC CPU are summed
from jdk.GarbageCollection and jdk.GCCPUTime (GC threads are not Java threads, so execution samples
never show them); each group's share of the Java threads' CPU comes from jdk.ThreadCPULoad.
"""
import collections
import json
import re
import subprocess
import sys

COMPONENTS = [
    ("audit SDK: HTTP capture (adapter, http mapping, context)", re.compile(r"^dev\.auditsdk\.(spring|servlet|http)\.|^dev\.auditsdk\.ActivityContext")),
    ("audit SDK: record() (build, sanitize, enqueue)", re.compile(r"^dev\.auditsdk\.(internal\.recorder\.DefaultActivityRecorder\.record|internal\.recorder\.RecordPreparer|ActivityLog|Sanitizer)")),
    ("audit SDK: hash chain", re.compile(r"^dev\.auditsdk\.internal\.integrity\.")),
    ("audit SDK: JSON of data", re.compile(r"^dev\.auditsdk\.spi\.ActivityJson")),
    ("audit SDK: store (audit-jdbi)", re.compile(r"^dev\.auditsdk\.jdbi\.")),
    ("SHA-256", re.compile(r"^sun\.security\.provider\.(SHA2|DigestBase)")),
    ("PostgreSQL driver", re.compile(r"^org\.postgresql\.")),
    ("H2 engine", re.compile(r"^org\.h2\.")),
    ("Logbook", re.compile(r"^org\.zalando\.logbook\.")),
    ("Jackson", re.compile(r"^com\.fasterxml\.jackson\.")),
    ("Logback", re.compile(r"^ch\.qos\.logback\.")),
    ("Spring Security", re.compile(r"^org\.springframework\.security\.")),
    ("Spring MVC", re.compile(r"^org\.springframework\.web\.")),
    ("Tomcat", re.compile(r"^org\.apache\.(tomcat|catalina|coyote)\.")),
    ("socket I/O", re.compile(r"^(sun\.nio\.ch\.|java\.net\.Socket|sun\.nio\.fs|java\.io\.FileOutputStream)")),
]


def group(thread):
    if re.search(r"exec-\d+$", thread) or thread.startswith("qtp"):
        return "request threads"
    if "audit" in thread and "writer" in thread:
        return "audit writer"
    return "other (" + re.sub(r"[-#]?\d+$", "", thread) + ")" if thread else "other"


def nearest(frames):
    """The component whose code runs: the first known one from the leaf down (JDK frames belong to their caller)."""
    for f in frames:
        for name, rx in COMPONENTS:
            if rx.search(f):
                return name
    return "unattributed (JDK or other library only, within the recorded stack depth)"


def main(argv):
    path = argv[1]
    top = int(argv[argv.index("--top") + 1]) if "--top" in argv else 12
    out = subprocess.run(["jfr", "print", "--json", "--events", "jdk.ExecutionSample,jdk.GarbageCollection,jdk.GCCPUTime,jdk.ThreadCPULoad", path],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    groups = collections.Counter()
    inclusive = collections.defaultdict(collections.Counter)
    leaves = collections.defaultdict(collections.Counter)
    gc_pause_ms = 0.0
    gc_cpu_ms = 0.0
    gcs = 0
    thread_load = collections.Counter()
    for e in events:
        v = e["values"]
        if e["type"] == "jdk.GarbageCollection":
            gcs += 1
            gc_pause_ms += parse_ms(v.get("sumOfPauses", "0"))
            continue
        if e["type"] == "jdk.GCCPUTime":
            gc_cpu_ms += parse_ms(v.get("userTime", "0")) + parse_ms(v.get("systemTime", "0"))
            continue
        if e["type"] == "jdk.ThreadCPULoad":
            name = (v.get("eventThread") or {}).get("javaName") or ""
            thread_load[group(name)] += float(v.get("user", 0)) + float(v.get("system", 0))
            continue
        thread = (v.get("sampledThread") or {}).get("javaName") or ""
        g = group(thread)
        frames = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"]
                  for f in (v.get("stackTrace") or {}).get("frames", [])]
        if not frames:
            continue
        groups[g] += 1
        leaves[g][frames[0]] += 1
        inclusive[g][nearest(frames)] += 1
    total = sum(groups.values())
    print(f"{total} execution samples; {gcs} collections, {gc_pause_ms:.0f} ms of GC pauses, {gc_cpu_ms:.0f} ms of GC CPU\n")
    load_total = sum(thread_load.values()) or 1.0
    print("| thread group | samples | share of samples | share of Java threads' CPU (jdk.ThreadCPULoad) |\n|---|---|---|---|")
    for g in sorted(set(groups) | set(thread_load), key=lambda k: -thread_load[k]):
        if groups[g] or thread_load[g] / load_total >= 0.001:
            n = groups[g]
            print(f"| {g} | {n} | {100.0 * n / total:.1f} % | {100.0 * thread_load[g] / load_total:.1f} % |")
    for g, n in groups.most_common(3):
        print(f"\n{g}: by component (the nearest known component from the leaf; % of all samples)\n")
        print("| component | samples | share of all |\n|---|---|---|")
        for name, c in inclusive[g].most_common():
            print(f"| {name} | {c} | {100.0 * c / total:.1f} % |")
        print(f"\n{g}: top self frames\n")
        print("| method | samples | share of all |\n|---|---|---|")
        for m, c in leaves[g].most_common(top):
            print(f"| `{m}` | {c} | {100.0 * c / total:.1f} % |")


def parse_ms(text):
    text = str(text).strip()
    iso = re.match(r"PT(?:([\d.]+)M)?(?:([\d.]+)S)?$", text)
    if iso:
        return 60000.0 * float(iso.group(1) or 0) + 1000.0 * float(iso.group(2) or 0)
    m = re.match(r"([\d.]+)\s*(ns|us|ms|s)", text)
    if not m:
        return 0.0
    value, unit = float(m.group(1)), m.group(2)
    return value * {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1000.0}[unit]


if __name__ == "__main__":
    main(sys.argv)
