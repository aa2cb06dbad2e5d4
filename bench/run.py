#!/usr/bin/env python3
"""make bench: times offermap against the cmark CLI and Hugo on generated corpora.

    bench/run.py [--sizes 1000,20000] [--runs 5] [--binary .build/release/offermap]

Everything runs on tmpfs (/dev/shm) so that disk noise stays out; wall, CPU and peak RSS
come from /usr/bin/time, medians of --runs runs taken in rounds (each command once per round), ratios
from the same session.
"""
import argparse
import tempfile
import os
import shutil
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WORK = "/dev/shm/offermap-bench"
HUGO_CONFIG = 'baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "home", "section", "404"]\n'
HUGO_LAYOUT = "<!DOCTYPE html><html><head><title>{{ .Params.name }}</title></head><body><h1>{{ .Params.name }}</h1>{{ .Content }}</body></html>\n"


def timed(command, cwd=None):
    """Runs a command under /usr/bin/time; returns (wall s, cpu s, peak RSS MB)."""
    result = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M"] + command, cwd=cwd,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stderr[-2000:]}")
    wall, user, system, rss = result.stderr.strip().splitlines()[-1].split()
    return float(wall), float(user) + float(system), int(rss) / 1024


def prepare(size):
    folder = os.path.join(WORK, str(size))
    inputs = os.path.join(folder, "inputs")
    if not os.path.exists(inputs):
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), inputs, str(size // 50), "50"], check=True)
    bodies = os.path.join(folder, "bodies.md")
    hugo = os.path.join(folder, "hugo")
    if not os.path.exists(bodies) or not os.path.exists(hugo):
        os.makedirs(os.path.join(hugo, "layouts", "_default"), exist_ok=True)
        with open(os.path.join(hugo, "hugo.toml"), "w") as f:
            f.write(HUGO_CONFIG)
        with open(os.path.join(hugo, "layouts", "_default", "single.html"), "w") as f:
            f.write(HUGO_LAYOUT)
        with open(bodies, "w", encoding="utf-8") as out:
            for county in sorted(os.listdir(inputs)):
                source = os.path.join(inputs, county, "institutions")
                if not os.path.isdir(source):
                    continue
                target = os.path.join(hugo, "content", county)
                os.makedirs(target, exist_ok=True)
                for name in sorted(os.listdir(source)):
                    text = open(os.path.join(source, name), encoding="utf-8").read()
                    shutil.copy(os.path.join(source, name), os.path.join(target, name))
                    out.write(text.split("\n---\n", 1)[1] + "\n")
    return folder


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,20000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "offermap"))
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    results = {}
    for size in [int(s) for s in args.sizes.split(",")]:
        folder = prepare(size)
        inputs, out = os.path.join(folder, "inputs"), os.path.join(folder, "out")
        commands = {
            "offermap build": [binary, "build", "--inputs", inputs, "--out", out, "--date", "2026-11-25"],
            "offermap publish": [binary, "publish", "--inputs", inputs, "--out", out, "--date", "2026-11-25"],
            "offermap compare": [binary, "compare", "--inputs", inputs, "--out", out, "--date", "2026-11-25"],
            "cmark CLI (bodies)": ["sh", "-c", f"cmark < {folder}/bodies.md > /dev/null"],
            "hugo (1 page/institution)": ["hugo", "--quiet", "--source", os.path.join(folder, "hugo"),
                                          "--destination", os.path.join(folder, "public")],
        }
        # in rounds, each command once per round: the machine's speed drifts by several per cent within minutes,
        # and five runs of one command after five of another would carry that drift into the ratios
        runs = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                runs[name].append(timed(command))
        for name in commands:
            results[(size, name)] = tuple(statistics.median(r[i] for r in runs[name]) for i in range(3))
            wall, cpu, rss = results[(size, name)]
            print(f"{size:>6} {name:<28} wall {wall:7.2f} s  cpu {cpu:7.2f} s  peak {rss:7.0f} MB", flush=True)
    # one sample county as a network manager maps it: the shipped classifier is loaded, not trained
    sample = os.path.join(ROOT, "inputs")
    one = [timed([binary, "build", "--inputs", sample, "--county", "werra-meissner", "--out", tempfile.mkdtemp(prefix="offermap-one-"),
                  "--date", "2026-11-25"]) for _ in range(args.runs)]
    results[("werra-meissner", "offermap build (one sample county)")] = tuple(statistics.median(r[i] for r in one) for i in range(3))
    print(f"one sample county: wall {results[('werra-meissner', 'offermap build (one sample county)')][0]:.3f} s", flush=True)
    print()
    print("| institutions | command | wall s | cpu s | peak RSS MB |")
    print("|---:|---|---:|---:|---:|")
    for (size, name), (wall, cpu, rss) in results.items():
        print(f"| {size} | {name} | {wall:.2f} | {cpu:.2f} | {rss:.0f} |")
    sizes = sorted({size for size, _ in results if isinstance(size, int)})
    big, small = sizes[-1], sizes[0]
    def wall(size, name): return results[(size, name)][0]
    print()
    # issue 19's targets: against Hugo in the same run, and peak RSS
    hugo = wall(big, "hugo (1 page/institution)")
    checks = [
        (f"build ÷ Hugo ≤ 1.0 ({big})", wall(big, "offermap build") / hugo, 1.0, "≤"),
        (f"publish ÷ Hugo ≤ 1.5 ({big})", wall(big, "offermap publish") / hugo, 1.5, "≤"),
        (f"compare ÷ Hugo ≤ 0.5 ({big})", wall(big, "offermap compare") / hugo, 0.5, "≤"),
    ]
    for name in ["offermap build", "offermap publish", "offermap compare"]:
        checks.append((f"{name} peak RSS ≤ 300 MB ({big})", results[(big, name)][2], 300, "≤"))
        if big != small:
            per = (wall(big, name) / big) / (wall(small, name) / small)
            checks.append((f"{name} time per institution {big} vs {small} ≤ 1.3×", per, 1.3, "≤"))
    print("| target | measured | limit | holds |")
    print("|---|---:|---:|---|")
    checks.append(("one sample county ≤ 0.2 s", results[("werra-meissner", "offermap build (one sample county)")][0], 0.2, "≤"))
    for name, value, limit, sense in checks:
        holds = value <= limit if sense == "≤" else value >= limit
        print(f"| {name} | {value:.2f} | {sense} {limit} | {'yes' if holds else 'NO'} |")


if __name__ == "__main__":
    main()
