#!/usr/bin/env python3
"""Times Typst on the same documents as appealpack's PDF bench.

Usage: typst_time.py DIR RUNS — DIR holds one text pack per locale (<locale>.txt); each is
turned into a Typst document as bench/wordgaps.py does. Prints one JSON object: the first
compile of the process (cold), for each round the time to compile all documents, and for
each document the time to recompile it unchanged (Typst's incremental cache, warm).
"""
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from wordgaps import typst_source  # noqa: E402


def main():
    folder, runs = sys.argv[1], int(sys.argv[2])
    fonts = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "fonts")
    sources = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".txt"):
            locale = name[:-4]
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                text = f.read()
            path = os.path.join(folder, f"{locale}.typ")
            with open(path, "w", encoding="utf-8") as f:
                f.write(typst_source(text, locale, "a4", fonts))
            sources.append(path)
    t0 = time.perf_counter()
    import typst

    imported = time.perf_counter() - t0
    rounds = []
    first = None
    for _ in range(runs):
        start = time.perf_counter()
        for path in sources:
            t = time.perf_counter()
            typst.compile(path, output=path[:-4] + ".pdf", font_paths=[fonts])
            if first is None:
                first = time.perf_counter() - t
        rounds.append(time.perf_counter() - start)
    # Typst's incremental cache: recompiling an unchanged document with the same compiler.
    warm = []
    for path in sources:
        compiler = typst.Compiler(path, font_paths=[fonts])
        compiler.compile()
        t = time.perf_counter()
        compiler.compile()
        warm.append(time.perf_counter() - t)
    print(json.dumps({"documents": len(sources), "import": imported, "first": first, "rounds": rounds, "recompile": warm}))


if __name__ == "__main__":
    main()
