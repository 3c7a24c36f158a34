#!/usr/bin/env python3
"""Word-gap comparison: appealpack's PDF against Typst on the same text.

Builds the text pack and the PDF of one locale, generates a Typst document with the same
paper, margins, font, size and justification from the text pack, compiles it, and measures
the inter-word gaps of every justified line of both PDFs with `pdftotext -bbox`.

A justified line is one that spans the measure (its last word ends at the right margin);
last lines of paragraphs and ragged lines are left out. Gaps are reported in points and as
multiples of the natural space of Noto Sans (0.26 em).

Usage: bench/wordgaps.py [--locale en] [--i18n i18n] [--paper a4|letter] [--release]
"""

import argparse
import html
import os
import re
import statistics
import subprocess
import sys
import tempfile

SIZE = 10.5
SPACE = 0.26 * SIZE  # natural space of Noto Sans
MARGIN_X = 70.0
MARGIN_TOP = 64.0
MARGIN_BOTTOM = 72.0
PAPERS = {"a4": (595.276, 841.89, "a4"), "letter": (612.0, 792.0, "us-letter")}


def typst_escape(text):
    return re.sub(r'([\\#*_`$<>@\[\]~"/=+-])', r"\\\1", text)


def typst_source(text_pack, locale, paper, font_dir):
    width, height, name = PAPERS[paper]
    lines = text_pack.split("\n")
    out = [
        f'#set page(paper: "{name}", margin: (x: {MARGIN_X}pt, top: {MARGIN_TOP}pt, bottom: {MARGIN_BOTTOM}pt),'
        ' footer: context align(center, text(size: 8.5pt, fill: luma(100))[#counter(page).display("1 / 1", both: true)]))',
        # Arabic: Naskh first, 1.2 times larger, as appealpack sets it.
        (f'#set text(font: ("Noto Naskh Arabic", "Noto Sans"), size: {SIZE * 1.2}pt, lang: "ar", dir: rtl)'
         if locale == "ar" else
         f'#set text(font: "Noto Sans", size: {SIZE}pt, lang: "{locale}", hyphenate: true)'),
        # 15 pt from baseline to baseline, as appealpack sets body text.
        "#set par(justify: true, leading: 7.5pt, spacing: 14.5pt)",
        "#show list: set par(justify: true)",
        "#set list(indent: 6pt, body-indent: 8pt)",
    ]
    title = True
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if line == "\f":
            out.append("#pagebreak()")
            continue
        body = typst_escape(line)
        if title and i == 0:
            out.append(f"#block[#set par(justify: false); #text(size: 20pt, weight: \"bold\")[{body}]]\n")
            continue
        if title and i == 1:
            out.append(f"#text(size: 12pt)[{body}]\n")
            title = False
            continue
        title = False
        if line.startswith("- "):
            out.append(f"- {typst_escape(line[2:])}")
        elif line.startswith("> "):
            out.append(f"#block(fill: luma(240), inset: 10pt)[#set par(justify: false); {typst_escape(line[2:])}]\n")
        elif len(line) < 70:
            # Headings, names, labels: short lines, not justified.
            out.append(f"#block[#set par(justify: false); {body}]\n")
        else:
            out.append(f"\n{body}\n")
    return "\n".join(out) + "\n"


def words_by_line(pdf, paper):
    """Pages of lines of (xMin, xMax) word boxes, from pdftotext -bbox."""
    width, height, _ = PAPERS[paper]
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], check=True, capture_output=True, text=True).stdout
    pages = []
    for page in re.findall(r"<page[^>]*>(.*?)</page>", out, re.S):
        lines = {}
        for x0, y0, x1, y1, word in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', page
        ):
            key = round(float(y1), 0)
            lines.setdefault(key, []).append((float(x0), float(x1), html.unescape(word)))
        pages.append([sorted(ws) for _, ws in sorted(lines.items())])
    return pages


def justified_gaps(pages, paper):
    """Gaps of lines that span the measure: they end at the right margin and, to leave out
    right-aligned last lines of right-to-left paragraphs, start near the left one or a list indent."""
    width, _, _ = PAPERS[paper]
    right = width - MARGIN_X
    per_page = []
    for lines in pages:
        gaps = []
        for words in lines:
            if len(words) < 4 or abs(words[-1][1] - right) > 0.8 or words[0][0] > MARGIN_X + 30:
                continue
            # List bullets that are text (Typst's) are not word gaps.
            if words[0][2] in ("•", "‣", "–"):
                words = words[1:]
            gaps.extend(b[0] - a[1] for a, b in zip(words, words[1:]))
        per_page.append(gaps)
    return per_page


def hyphenated_lines(pages):
    """Lines that end in a hyphen (hyphenations and breaks after explicit hyphens)."""
    return sum(1 for lines in pages for words in lines if words and words[-1][2].endswith(("-", "\u00ad")))


def summary(name, per_page, pages):
    every = [g for page in per_page for g in page]
    if not every:
        return f"{name}: no justified lines"
    worst = [max(p) if p else 0.0 for p in per_page]
    q95 = statistics.quantiles(every, n=20)[-1] if len(every) >= 20 else max(every)
    return (
        f"{name:10} lines' gaps: n={len(every):4}  mean={statistics.mean(every):.2f}pt ({statistics.mean(every) / SPACE:.2f}×)"
        f"  p95={q95:.2f}pt ({q95 / SPACE:.2f}×)  max={max(every):.2f}pt ({max(every) / SPACE:.2f}×)"
        f"  min={min(every):.2f}pt ({min(every) / SPACE:.2f}×)\n"
        f"{'':10} pages={len(pages)} lines ending in a hyphen={hyphenated_lines(pages)}\n"
        f"{'':10} worst gap per page: " + " ".join(f"{w:.2f}" for w in worst)
    )


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--locale", default="en")
    ap.add_argument("--i18n", default="i18n")
    ap.add_argument("--paper", default="a4", choices=PAPERS)
    ap.add_argument("--release", action="store_true")
    ap.add_argument("--keep", help="folder to keep the generated files in")
    args = ap.parse_args()

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    work = args.keep or tempfile.mkdtemp(prefix="wordgaps-")
    os.makedirs(work, exist_ok=True)
    cargo = ["cargo", "run", "-q"] + (["--release"] if args.release else []) + ["--"]
    build = ["build", "--locale", args.locale, "--i18n", args.i18n, "--paper", args.paper, "--out", work]
    subprocess.run(cargo + build + ["-f", "text", "-f", "pdf"], check=True, cwd=root)
    suffix = "-letter" if args.paper == "letter" else ""
    folder = os.path.join(work, args.locale)
    pdf = next(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(f"{suffix}.pdf"))
    txt = next(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".txt"))
    with open(txt, encoding="utf-8") as f:
        text_pack = f.read()

    source = os.path.join(work, f"typst-{args.locale}.typ")
    typst_pdf = os.path.join(work, f"typst-{args.locale}.pdf")
    with open(source, "w", encoding="utf-8") as f:
        f.write(typst_source(text_pack, args.locale, args.paper, os.path.join(root, "fonts")))
    import typst

    typst.compile(source, output=typst_pdf, font_paths=[os.path.join(root, "fonts")])

    our_pages = words_by_line(pdf, args.paper)
    their_pages = words_by_line(typst_pdf, args.paper)
    ours = justified_gaps(our_pages, args.paper)
    theirs = justified_gaps(their_pages, args.paper)
    print(f"locale {args.locale}, paper {args.paper}, natural space {SPACE:.2f}pt; files in {work}")
    print(summary("appealpack", ours, our_pages))
    print(summary("typst", theirs, their_pages))


if __name__ == "__main__":
    sys.exit(main())
