#!/usr/bin/env python3
"""Count label-unsafe edits in augmented corpora (issue 12). Standard library only.

usage: count.py INPUT.tsv WORKDIR STAGE...   (reads WORKDIR/{before,after}-STAGE.jsonl)

Each variant is aligned with its original word by word (difflib on the word tokens: letters, digits, and
' or - inside a word). Per stage and side it prints:
  antonyms     replaced word -> new word that is a WordNet antonym pair (dictionaries/en-antonyms.tsv) or on the
               other side of an antonym group (dictionaries/en-antonym-groups.tsv: before/after, increase/reduce),
               compared as written and with a final -s/-es/-ed/-ing/-er/-est stripped
  negators     negators of the original (dictionaries/negators-en.txt, or ending in n't) that are not kept
               in place: replaced, deleted, or moved (a swap shows as a delete plus an insert)
  new negators negators in a variant beyond those of its original (a replacement "not bad", an inserted "never")
  number words English number words (dictionaries/numbers-en.txt, hyphenated ones, -fold) of the original not kept
               in place, plus those a variant has beyond its original's (a replacement "eighty")
  one-letter/numeric   replacements of a one-letter word, or by a word with a digit when the original had none
  bad forms    replacement words ending like a regular inflection (-s, -ed, -ing, -er, -est) that are neither in
               dictionaries/en-word-forms.txt, a WordNet head word or irregular form, nor in the original text;
               approximate: a word of this shape that WordNet lists under another form may be counted
  protected    protected units not kept in place: "U.S." (the pipeline's protect.words), capitalised words
               inside a sentence (likely names) and acronyms of at most four capitals, and a sentence-initial
               common given name (dictionaries/given-names-en.txt)
  replacements all replaced words (for a swap: the words that changed position), for scale
A swap is counted position by position, so a swapped one-letter word or an antonym pair swapped within a
sentence counts too; bad forms apply to stages that inflect (synonym, random_insertion): word_vector, tfidf and
mlm take their words verbatim from the vectors', the corpus's or the model's vocabulary, which the issue
accepts as real word forms, so they print '-' there.
"""
import difflib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DICT = os.path.join(HERE, "..", "..", "dictionaries")
WORD = re.compile(r"[^\W_](?:[\w]|['’-](?=\w))*")
SUFFIXES = ("ies", "es", "s", "ed", "ing", "er", "est")


def lines(name):
    with open(os.path.join(DICT, name), encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]


ANTONYMS = set()
for line in lines("en-antonyms.tsv"):
    a, b = line.split("\t")
    ANTONYMS.add((a, b))
    ANTONYMS.add((b, a))
SIDES = {}
for n, line in enumerate(lines("en-antonym-groups.tsv")):
    for k, side in enumerate(line.split("\t")):
        for w in side.split(","):
            SIDES.setdefault(w, set()).add(2 * n + k)
NEGATORS = set(lines("negators-en.txt"))
NUMBERS = set(lines("numbers-en.txt"))
GIVEN_NAMES = set(lines("given-names-en.txt"))
FORMS = set(lines("en-word-forms.txt"))
for line in lines("en-wordnet.tsv"):
    head, _, synonyms = line.split("\t")
    FORMS.add(head.lower())
    FORMS.update(s.lower() for s in synonyms.split(","))
for line in lines("en-inflection-exceptions.tsv"):
    FORMS.add(line.split("\t")[0].lower())


def stems(w):
    out = {w}
    for s in SUFFIXES:
        if w.endswith(s) and len(w) > len(s) + 2:
            out.add(w[: -len(s)])
            out.add(w[: -len(s)] + "e")
            if s == "ies":
                out.add(w[:-3] + "y")
    return out


def is_antonym(a, b):
    a, b = a.lower(), b.lower()
    if a == b:
        return False
    return any((x, y) in ANTONYMS or any(s ^ 1 in SIDES.get(y, ()) for s in SIDES.get(x, ())) for x in stems(a) for y in stems(b))


def is_number_word(w):
    w = w.lower()
    return (w in NUMBERS or ("-" in w and all(p in NUMBERS for p in w.split("-")))
            or (w.endswith("fold") and w[:-4] in NUMBERS))


def is_negator(w):
    w = w.lower()
    return w in NEGATORS or w.endswith("n't") or w.endswith("n’t")


def protected_positions(text, words):
    """Indexes of words that are protected units: U.S. and likely names."""
    keep = set()
    for m in re.finditer(r"U\.S\.", text):
        for i, (start, _) in enumerate(words):
            if m.start() <= start < m.end():
                keep.add(i)
    for i, (start, w) in enumerate(words):
        before = text[:start].rstrip().rstrip("([{\"'“‘").rstrip()  # an opening bracket or quote keeps a sentence start
        initial = before == "" or before[-1] in ".!?…\n"
        name_like = len(w) >= 2 and w[0].isupper() and (any(c.islower() for c in w[1:]) or len(w) <= 4)
        if name_like and (not initial or w in GIVEN_NAMES):
            keep.add(i)
    return keep


def tokens(text):
    return [(m.start(), m.group()) for m in WORD.finditer(text)]


def count(originals, path):
    c = dict(antonyms=0, negators=0, new_negators=0, number_words=0, one_letter_numeric=0, bad_forms=0, protected=0, replacements=0)
    with open(path, encoding="utf-8") as f:
        for row in f:
            r = json.loads(row)
            original = originals[r["id"]]
            ow, vw = tokens(original), tokens(r["text"])
            a, b = [w for _, w in ow], [w for _, w in vw]
            keep = protected_positions(original, ow)
            original_lower = {w.lower() for w in a}
            c["new_negators"] += max(0, sum(map(is_negator, b)) - sum(map(is_negator, a)))
            c["number_words"] += max(0, sum(map(is_number_word, b)) - sum(map(is_number_word, a)))
            kept = set()
            if len(a) == len(b):
                # Same number of words (a swap, one-word substitutions): compare position by position.
                for i in range(len(a)):
                    if a[i].lower() == b[i].lower():
                        kept.add(i)
                        continue
                    c["replacements"] += 1
                    if is_antonym(a[i], b[i]):
                        c["antonyms"] += 1
                    if len(a[i]) == 1 or (any(ch.isdigit() for ch in b[i]) and not any(ch.isdigit() for ch in a[i])):
                        c["one_letter_numeric"] += 1
                    low = b[i].lower()
                    if low.endswith(SUFFIXES) and low not in FORMS and low not in original_lower:
                        c["bad_forms"] += 1
                c["negators"] += sum(1 for i, w in enumerate(a) if is_negator(w) and i not in kept)
                c["number_words"] += sum(1 for i, w in enumerate(a) if is_number_word(w) and i not in kept)
                c["protected"] += sum(1 for i in keep if i not in kept)
                continue
            for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=[w.lower() for w in a], b=[w.lower() for w in b], autojunk=False).get_opcodes():
                if op == "equal":
                    kept.update(range(i1, i2))
                    continue
                if op != "replace":
                    continue
                c["replacements"] += i2 - i1
                old, new = a[i1:i2], b[j1:j2]
                if any(is_antonym(x, y) for x in old for y in new):
                    c["antonyms"] += 1
                if any(len(x) == 1 for x in old) or (any(ch.isdigit() for y in new for ch in y) and not any(ch.isdigit() for x in old for ch in x)):
                    c["one_letter_numeric"] += 1
                for y in new:
                    low = y.lower()
                    if low.endswith(SUFFIXES) and low not in FORMS and low not in original_lower:
                        c["bad_forms"] += 1
            c["negators"] += sum(1 for i, w in enumerate(a) if is_negator(w) and i not in kept)
            c["number_words"] += sum(1 for i, w in enumerate(a) if is_number_word(w) and i not in kept)
            c["protected"] += sum(1 for i in keep if i not in kept)
    return c


def main():
    tsv, work, stages = sys.argv[1], sys.argv[2], sys.argv[3:]
    originals = {}
    with open(tsv, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            parts = line.rstrip("\n").split("\t")
            originals[parts[header.index("id")]] = parts[header.index("text")]
    keys = ["antonyms", "negators", "new_negators", "number_words", "one_letter_numeric", "bad_forms", "protected", "replacements"]
    print("stage\tside\t" + "\t".join(keys))
    for stage in sorted(stages):
        for side in ("before", "after"):
            path = os.path.join(work, f"{side}-{stage}.jsonl")
            if not os.path.exists(path):
                print(f"{stage}\t{side}\t(no output)")
                continue
            c = count(originals, path)
            if stage in ("word_vector", "tfidf", "mlm"):
                c["bad_forms"] = "-"
            if stage == "random_swap":
                c["antonyms"] = c["one_letter_numeric"] = c["bad_forms"] = "-"  # a swap moves words, it replaces none
            print(f"{stage}\t{side}\t" + "\t".join(str(c[k]) for k in keys))


if __name__ == "__main__":
    main()
