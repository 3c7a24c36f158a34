#!/usr/bin/env python3
"""Typst's PDF/UA-1 output of a text pack, for docs/tagged-pdf.md's side-by-side comparison.

Usage: typst_ua.py PACK.txt OUT.pdf HEADING... — the text pack (appealpack build --format text)
up to its first letter, as a Typst document: the first line a level-1 heading, each HEADING
line a level-2 heading, lines starting "- " list items, e-mail addresses and X handles links,
the rest paragraphs; compiled with pdf_standards=["ua-1"].
"""
import os
import re
import sys

import typst

LINK = re.compile(r"([\w.+-]+@[\w-]+(?:\.[\w-]+)+|@\w+)")


def escape(text):
    return re.sub(r'([\\#*_`$<>@\[\]"~/=+-])', r"\\\1", text)


def inline(text):
    out, last = [], 0
    for m in LINK.finditer(text):
        out.append(escape(text[last:m.start()]))
        target = m.group(1)
        uri = f"https://x.com/{target[1:]}" if target.startswith("@") else f"mailto:{target}"
        out.append(f'#link("{uri}")[{escape(target)}]')
        last = m.end()
    out.append(escape(text[last:]))
    return "".join(out)


def main():
    pack, pdf, headings = sys.argv[1], sys.argv[2], set(sys.argv[3:])
    lines = open(pack, encoding="utf-8").read().split("\f")[0].split("\n")
    title = lines[0]
    out = [f'#set document(title: "{title}")', '#set text(font: "Noto Sans", lang: "en")',
           '#set page(footer: context align(center)[#counter(page).display("1 / 1", both: true)])',
           f"= {escape(title)}"]
    for line in lines[1:]:
        if not line.strip():
            continue
        if line in headings:
            out.append(f"\n== {escape(line)}\n")
        elif line.startswith("- "):
            out.append(f"- {inline(line[2:])}")
        else:
            out.append(f"\n{inline(line)}\n")
    source = pdf[:-4] + ".typ"
    with open(source, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    fonts = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "fonts")
    typst.compile(source, output=pdf, font_paths=[fonts], pdf_standards=["ua-1"])


if __name__ == "__main__":
    main()
