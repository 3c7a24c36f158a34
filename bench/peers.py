#!/usr/bin/env python3
"""Typst, timed for appealpack's benchmark suite (benches/suite.rs) on the same documents.

Usage:
  peers.py typst-source TEXT_PACK LOCALE FONTS OUT.typ   write the Typst document of a text pack
  peers.py typst-cold SRC.typ FONTS                       one compile in this fresh process
  peers.py typst-warm FONTS RUNS SRC.typ...               compiles again and again in one process
  peers.py compare-locales CONFIG BASE                    Mozilla's compare-locales on an l10n.toml

The Typst documents are set like appealpack's PDF (page, margins, font, size, justification,
hyphenation; bench/wordgaps.py). Typst sees only the fonts of appealpack's `fonts/` folder
(`ignore_system_fonts`), as appealpack does. Each mode prints one JSON object.
"""
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def walk_details(node, path, out):
    """Collects compare-locales' details (nested by folder, or flattened paths) as (path, entry)."""
    if isinstance(node, dict):
        for key, value in node.items():
            walk_details(value, path + [key], out)
    elif isinstance(node, list):
        for entry in node:
            out.append(("/".join(path), entry))


def compare_locales(config_path, base):
    """One run of compare-locales on CONFIG with BASE as {l10n_base}: the missing and obsolete
    totals over every locale, the files reported missing and obsolete, and the entries of the
    obsolete files (compare-locales reports such a file once; appealpack counts its entries as
    obsolete too, so the suite adds them for the side-by-side)."""
    import re

    from compare_locales.compare import compareProjects
    from compare_locales.paths import TOMLParser

    base = os.path.abspath(base)
    start = time.perf_counter()
    config = TOMLParser().parse(config_path, env={"l10n_base": base})
    observers = compareProjects([config], [], base)
    elapsed = time.perf_counter() - start
    data = [observer.toJSON() for observer in observers][0]
    summary = data["summary"]
    details = []
    walk_details(data.get("details", {}), [], details)
    entry = re.compile(r"^-?[A-Za-z][A-Za-z0-9_-]*\s*=", re.M)
    obsolete_in_files = 0
    for path, item in details:
        if "obsoleteFile" in item:
            with open(os.path.join(base, path), encoding="utf-8", errors="replace") as f:
                obsolete_in_files += len(entry.findall(f.read()))
    print(
        json.dumps(
            {
                "seconds": elapsed,
                "locales": len(summary),
                "missing": sum(s.get("missing", 0) for s in summary.values()),
                "obsolete": sum(s.get("obsolete", 0) for s in summary.values()),
                "missing_files": sum(1 for _, i in details if "missingFile" in i),
                "obsolete_files": sum(1 for _, i in details if "obsoleteFile" in i),
                "obsolete_in_files": obsolete_in_files,
            }
        )
    )


def main():
    mode = sys.argv[1]
    if mode == "compare-locales":
        compare_locales(sys.argv[2], sys.argv[3])
        return
    if mode == "typst-source":
        from wordgaps import typst_source

        text_pack, locale, fonts, out = sys.argv[2:6]
        with open(text_pack, encoding="utf-8") as f:
            text = f.read()
        with open(out, "w", encoding="utf-8") as f:
            f.write(typst_source(text, locale, "a4", fonts))
        return
    t0 = time.perf_counter()
    import typst

    imported = time.perf_counter() - t0
    if mode == "typst-cold":
        src, fonts = sys.argv[2:4]
        t = time.perf_counter()
        typst.compile(src, output=src[:-4] + ".pdf", font_paths=[fonts], ignore_system_fonts=True)
        print(json.dumps({"import": imported, "compile": time.perf_counter() - t}))
    elif mode == "typst-warm":
        fonts, runs, sources = sys.argv[2], int(sys.argv[3]), sys.argv[4:]
        rounds = []
        per_doc = {s: [] for s in sources}
        for _ in range(runs):
            start = time.perf_counter()
            for src in sources:
                t = time.perf_counter()
                typst.compile(src, output=src[:-4] + ".pdf", font_paths=[fonts], ignore_system_fonts=True)
                per_doc[src].append(time.perf_counter() - t)
            rounds.append(time.perf_counter() - start)
        # Typst's incremental cache: an unchanged document recompiled by the same compiler.
        recompile = {}
        for src in sources:
            compiler = typst.Compiler(src, font_paths=[fonts], ignore_system_fonts=True)
            compiler.compile()
            t = time.perf_counter()
            compiler.compile()
            recompile[src] = time.perf_counter() - t
        print(json.dumps({"rounds": rounds, "per_doc": per_doc, "recompile": recompile}))
    else:
        sys.exit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
