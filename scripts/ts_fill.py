#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Fill unfinished messages of a Qt .ts file from a tab-separated table, or report them.

    ts_fill.py translations/cosell_zh_TW.ts --from new-strings.tsv   # fill
    ts_fill.py translations/cosell_zh_TW.ts --check                  # list what is missing

Table lines: "source<TAB>translation" (any context) or
"context<TAB>source<TAB>translation" (that context only; wins over the context-free line).
Escapes \\n and \\t are understood. A plural (%n) message gets the one text in every form. Lines starting with # are comments.
Run the cosell_ui_lupdate target first so the .ts file knows every source string.
Only unfinished or empty messages are touched; finished translations are never overwritten.
"""
import argparse
import sys
import xml.etree.ElementTree as ET


def unescape(text):
    return text.replace("\\n", "\n").replace("\\t", "\t")


def read_table(path):
    anywhere, by_context = {}, {}
    with open(path, encoding="utf-8") as table:
        for number, line in enumerate(table, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = [unescape(cell) for cell in line.split("\t")]
            if len(cells) == 2:
                anywhere[cells[0]] = cells[1]
            elif len(cells) == 3:
                by_context[(cells[0], cells[1])] = cells[2]
            else:
                sys.exit(f"{path}:{number}: expected 2 or 3 tab-separated cells")
    return anywhere, by_context


def unfinished(message):
    translation = message.find("translation")
    if translation is None:
        return True
    if translation.get("type") in ("unfinished",):
        return True
    if message.get("numerus") == "yes":
        return not all((form.text or "").strip() for form in translation.findall("numerusform"))
    return not (translation.text or "").strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("ts")
    parser.add_argument("--from", dest="table", help="tab-separated translations to fill in")
    parser.add_argument("--check", action="store_true", help="list unfinished messages")
    args = parser.parse_args()

    tree = ET.parse(args.ts)
    anywhere, by_context = read_table(args.table) if args.table else ({}, {})
    filled, missing = 0, []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            if not unfinished(message):
                continue
            source = message.findtext("source")
            text = by_context.get((name, source), anywhere.get(source))
            if text is None:
                missing.append((name, source))
                continue
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            translation.attrib.pop("type", None)
            if message.get("numerus") == "yes":
                # One text fills every plural form: right for languages with a single
                # plural form such as zh_TW; others need the forms edited in Linguist.
                forms = translation.findall("numerusform") or [ET.SubElement(translation, "numerusform")]
                for form in forms:
                    form.text = text
            else:
                translation.text = text
            filled += 1

    if args.table and filled:
        body = ET.tostring(tree.getroot(), encoding="unicode")
        with open(args.ts, "w", encoding="utf-8") as out:
            out.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n")
        print(f"{args.ts}: filled {filled} message(s); run the lupdate target to re-format")
    for name, source in missing:
        print(f"unfinished: [{name}] {source!r}")
    return 1 if (args.check and missing) else 0


if __name__ == "__main__":
    sys.exit(main())
