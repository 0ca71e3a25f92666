#!/usr/bin/env python3
"""Builds ai-verticle/src/main/resources/skills/onet-technology.tsv.gz from O*NET's "Technology Skills.txt".

O*NET 28.2 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA), used
under the CC BY 4.0 licence (https://creativecommons.org/licenses/by/4.0/). The output is a modified, filtered
form of the "Example" column; see ai-verticle/src/main/resources/skills/NOTICE.md.

Usage: python3 tools/skills/onet_technology.py "Technology Skills.txt" ai-verticle/src/main/resources/skills/onet-technology.tsv.gz

Each output line: name <TAB> aliases separated by '|' <TAB> commodity title <TAB> Y when a hot technology.
Kept: product names. Dropped: generic descriptions ("Word processing software"), plain capitalised single words
that are not hot technologies ("Algae", "Kismet"), and names that are everyday words of some trade ("Chef", "Go").
"""
import csv
import gzip
import re
import sys
from collections import defaultdict

# Names that are also everyday words in résumés of some trade: a skill would come from a word, not a product.
DENY = {"chef", "go", "r", "square", "access", "project", "teams", "word", "puppet", "bash", "salt", "gem", "ant",
        "spark", "notes", "publisher", "visio viewer", "shopkeep", "time", "sketch", "frontpage", "paint", "fear",
        "scribe", "compass", "jump", "swift", "reflection", "merlin", "cerberus", "atlas", "mercury", "maple",
        "hadoop mapreduce", "box", "slack", "zoom", "alteryx designer", "dash", "basic", "quest", "focus", "nurse",
        "sage", "epic", "minitab express", "canvas", "blackboard", "moodle", "prism", "shop"}
VENDORS = ["Microsoft", "Adobe Systems", "Adobe", "Apache", "Oracle", "IBM", "Google", "Amazon", "Autodesk",
           "Intuit", "Atlassian", "Salesforce", "SAP", "Epic Systems", "Epic", "Cerner", "Meta", "Facebook"]
GENERIC_TAIL = re.compile(r"\s+(software|systems?|tools?|programs?|applications?)$", re.I)


def distinctive(name):
    """A product-like name: some later word capitalised, an acronym, a digit or a symbol in it."""
    words = name.split()
    if any(ch.isdigit() for ch in name) or re.search(r"[.+#/]", name):
        return True
    if any(any(ch.isupper() for ch in w) for w in words[1:]):
        return True
    return len(words) == 1 and (sum(ch.isupper() for ch in name) >= 2)


def aliases(name):
    out = []
    bare = GENERIC_TAIL.sub("", name).strip()
    if bare != name and len(bare) > 2 and bare.lower() not in DENY:
        out.append(bare)
    for base in (name, bare):
        vendor = next((v for v in VENDORS if base.startswith(v + " ")), None)
        if vendor:
            rest = base[len(vendor) + 1:].strip()
            if len(rest) >= 3 and rest.lower() not in DENY and not GENERIC_TAIL.search(" " + rest) \
                    and rest[:1].isupper():
                out.append(rest)
    return [a for i, a in enumerate(out) if a not in out[:i] and a != name]


def main(source, target):
    commodity = defaultdict(set)
    hot = defaultdict(bool)
    with open(source, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            commodity[row["Example"]].add(row["Commodity Title"])
            hot[row["Example"]] |= row["Hot Technology"] == "Y"
    kept = 0
    with gzip.open(target, "wt", encoding="utf-8", compresslevel=9) as out:
        for name in sorted(commodity):
            if name.lower() in DENY or len(name) < 2:
                continue
            words = name.split()
            bare = GENERIC_TAIL.sub("", name)
            generic = GENERIC_TAIL.search(name) and not distinctive(bare) and not (hot[name] and " " not in bare)
            if generic or (len(words) > 1 and not distinctive(name) and not hot[name]):
                continue
            if len(words) == 1 and not distinctive(name) and not hot[name]:
                continue
            out.write("\t".join([name, "|".join(aliases(name)), sorted(commodity[name])[0],
                                 "Y" if hot[name] else "N"]) + "\n")
            kept += 1
    print(f"{kept} of {len(commodity)} O*NET technology examples kept", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
