#!/usr/bin/env python3
"""Writes Name.resx and Name.zh-CN.resx from a TSV of key<TAB>English<TAB>Chinese, so the two never drift apart.

Usage: tools/resx.py src/Modules/Shared/Strings.tsv
"""
import sys
from xml.sax.saxutils import escape

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""

def main(tsv):
    rows = []
    for n, line in enumerate(open(tsv, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            sys.exit(f"{tsv}:{n}: expected key, English, Chinese separated by tabs")
        rows.append(parts)
    keys = [r[0] for r in rows]
    dupes = {k for k in keys if keys.count(k) > 1}
    if dupes:
        sys.exit(f"{tsv}: duplicate keys {sorted(dupes)}")
    base = tsv[:-4]
    for suffix, col in ((".resx", 1), (".zh-CN.resx", 2)):
        with open(base + suffix, "w", encoding="utf-8") as f:
            f.write(HEADER)
            for r in sorted(rows):
                f.write(f'  <data name="{escape(r[0], {chr(34): "&quot;"})}" xml:space="preserve"><value>{escape(r[col])}</value></data>\n')
            f.write("</root>\n")

if __name__ == "__main__":
    for path in sys.argv[1:]:
        main(path)
