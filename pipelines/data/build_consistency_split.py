"""Splits wordnet-topics-train.tsv for the consistency pipeline: every 6th row (200) stays labelled, the other
1,000 rows become unlabelled text (one per line, labels dropped). Deterministic; run from this folder:
    python3 build_consistency_split.py
"""
import csv

with open("wordnet-topics-train.tsv", encoding="utf-8", newline="") as f:
    rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
header, rows = rows[0], rows[1:]
labelled = [r for i, r in enumerate(rows) if i % 6 == 0]
unlabelled = [r for i, r in enumerate(rows) if i % 6 != 0]
with open("wordnet-topics-train-200.tsv", "w", encoding="utf-8", newline="") as f:
    f.write("\t".join(header) + "\n")
    for r in labelled:
        f.write("\t".join(r) + "\n")
with open("wordnet-topics-unlabelled.txt", "w", encoding="utf-8", newline="") as f:
    for r in unlabelled:
        f.write(r[header.index("text")] + "\n")
