#!/usr/bin/python3
"""Run the EDA reference code (Wei & Zou, github.com/jasonwei20/eda_nlp, code/eda.py) file to file,
as its augment.py does: for each input row, num_aug=4 variants plus the original, written as TSV.

The reference code is not part of this repository (its licence is its authors'): put eda.py in the
folder named by EDA_DIR. It needs NLTK's WordNet: NLTK_DATA must name a folder holding
corpora/wordnet (benchmarks/e2e/run.sh builds one from Debian's wordnet-base).

Usage: EDA_DIR=... NLTK_DATA=... /usr/bin/python3 peer_eda.py INPUT.tsv OUTPUT.tsv [LIMIT]
Prints: rows written, seconds, rows per second.
"""
import os
import sys
import time

sys.path.insert(0, os.environ["EDA_DIR"])
from eda import eda  # noqa: E402


def main():
    source, target = sys.argv[1], sys.argv[2]
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else None
    eda("warm up the wordnet reader", num_aug=4)
    start = time.perf_counter()
    rows = 0
    with open(source, encoding="utf-8") as f, open(target, "w", encoding="utf-8") as out:
        next(f)
        for i, line in enumerate(f):
            if limit is not None and i >= limit:
                break
            _, text, label = line.rstrip("\n").split("\t")
            for sentence in eda(text, alpha_sr=0.1, alpha_ri=0.1, alpha_rs=0.1, p_rd=0.1, num_aug=4):
                out.write(f"{label}\t{sentence}\n")
                rows += 1
    seconds = time.perf_counter() - start
    print(f"eda_nlp\t{rows}\t{seconds:.2f}\t{rows / seconds:.0f}")


if __name__ == "__main__":
    main()
