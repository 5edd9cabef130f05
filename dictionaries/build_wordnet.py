#!/usr/bin/python3
"""Build the default English synonym dictionary and inflection exceptions from WordNet 3.0.

Source: Debian package `wordnet-base` (/usr/share/wordnet), WordNet 3.0, Princeton University.
Licence: see LICENSE-WordNet.txt beside this script (redistribution allowed with the notice).

Run:  apt-get install wordnet-base && /usr/bin/python3 dictionaries/build_wordnet.py

Writes (deterministically, sorted):
  en-wordnet.tsv                   word<TAB>pos<TAB>syn1,syn2,...   (pos: n v a r)
  en-inflection-exceptions.tsv     inflected<TAB>pos<TAB>lemma       (WordNet's *.exc lists)
  en-antonyms.tsv                  word<TAB>antonym                  (WordNet's '!' pointers)
  en-word-forms.txt                one regular inflected English word form a line (SCOWL, see below)

The word-form list comes from the Debian packages `wamerican-large` and `wbritish` (SCOWL, Kevin
Atkinson; licence in LICENSE-SCOWL.txt, redistribution allowed with the notice):
  apt-get install wamerican-large wbritish
Only lower-case words that end like a regular inflection (-s, -ed/-d, -ing, -er/-r, -est/-st) are kept,
possessives dropped: the inflector checks the forms it builds against it ("newses", "skilfulest" are not
there). The `huge` list is not used: it contains such forms ("newses", "goodnesses").

Choices:
  * Keys are single tokens (no spaces): the tokenizer never produces a multi-word token, so
    multi-word keys could never be looked up. Synonyms may be multi-word ("motion picture").
  * Only senses that WordNet's sense-tagged corpus has seen (tagsense_cnt in index.*) are kept,
    and at least the first sense: this drops rare senses that make poor substitutes
    ("good" -> "commodity"). Synonyms are listed most frequent sense first.
  * A synonym equal to the key (ignoring case) or containing ',' or a tab is dropped, and so is a
    capitalised synonym of a lower-case word (a proper name: "white" -> "Caucasian").
"""
import os
import re
import sys

WORDNET = os.environ.get("WORDNET_DIR", "/usr/share/wordnet")
WORD_LISTS = ["/usr/share/dict/american-english-large", "/usr/share/dict/british-english"]
INFLECTED = re.compile(r"^[a-z][a-z'-]*(s|ed|d|ing|er|r|est|st)$")
HERE = os.path.dirname(os.path.abspath(__file__))
POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}


def read_synsets(path):
    """offset -> list of lemmas (underscores become spaces, adjective markers removed)."""
    synsets = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("  "):
                continue  # licence header
            parts = line.split(" ")
            offset = parts[0]
            count = int(parts[3], 16)
            words = []
            for i in range(count):
                lemma = parts[4 + 2 * i]
                if lemma.endswith(")") and "(" in lemma:  # adjective position marker e.g. "big(a)"
                    lemma = lemma[: lemma.index("(")]
                words.append(lemma.replace("_", " "))
            synsets[offset] = words
    return synsets


def main():
    entries = []
    for name, pos in POS.items():
        synsets = read_synsets(os.path.join(WORDNET, "data." + name))
        with open(os.path.join(WORDNET, "index." + name), encoding="utf-8") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                parts = line.split()
                lemma = parts[0].replace("_", " ")
                if " " in lemma:
                    continue
                synset_cnt = int(parts[2])
                p_cnt = int(parts[3])
                tagged = int(parts[5 + p_cnt])
                offsets = parts[6 + p_cnt: 6 + p_cnt + synset_cnt]
                keep = offsets[: max(1, tagged)]
                seen = {lemma.lower()}
                synonyms = []
                for offset in keep:
                    for word in synsets[offset]:
                        if word.lower() in seen or "," in word or "\t" in word:
                            continue
                        if lemma.islower() and not word.islower() and any(c.isupper() for c in word):
                            continue  # a proper name is no substitute for a common word ("white" -> "Caucasian")
                        seen.add(word.lower())
                        synonyms.append(word)
                if synonyms:
                    entries.append((lemma, pos, synonyms))
    entries.sort(key=lambda e: (e[0], e[1]))
    with open(os.path.join(HERE, "en-wordnet.tsv"), "w", encoding="utf-8", newline="\n") as out:
        out.write("# English synonyms from WordNet 3.0 (Princeton University); see LICENSE-WordNet.txt.\n")
        out.write("# Built by dictionaries/build_wordnet.py. Format: word<TAB>pos<TAB>syn1,syn2,... (pos: n v a r)\n")
        for lemma, pos, synonyms in entries:
            out.write(f"{lemma}\t{pos}\t{','.join(synonyms)}\n")

    exceptions = []
    for name, pos in POS.items():
        with open(os.path.join(WORDNET, name + ".exc"), encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if len(parts) < 2 or "_" in parts[0]:
                    continue
                for base in parts[1:]:
                    exceptions.append((parts[0], pos, base.replace("_", " ")))
    exceptions.sort()
    with open(os.path.join(HERE, "en-inflection-exceptions.tsv"), "w", encoding="utf-8", newline="\n") as out:
        out.write("# Irregular English inflections from WordNet 3.0's *.exc lists; see LICENSE-WordNet.txt.\n")
        out.write("# Built by dictionaries/build_wordnet.py. Format: inflected<TAB>pos<TAB>lemma\n")
        for inflected, pos, base in exceptions:
            out.write(f"{inflected}\t{pos}\t{base}\n")
    forms = set()
    for path in WORD_LISTS:
        with open(path, encoding="utf-8") as f:
            for line in f:
                word = line.strip()
                if INFLECTED.match(word) and not word.endswith("'s"):
                    forms.add(word)
    with open(os.path.join(HERE, "en-word-forms.txt"), "w", encoding="utf-8", newline="\n") as out:
        out.write("# Regular inflected English word forms from SCOWL (wamerican-large, wbritish); see LICENSE-SCOWL.txt.\n")
        out.write("# Built by dictionaries/build_wordnet.py. One word a line.\n")
        for word in sorted(forms):
            out.write(word + "\n")

    antonyms = read_antonyms()
    with open(os.path.join(HERE, "en-antonyms.tsv"), "w", encoding="utf-8", newline="\n") as out:
        out.write("# English antonym pairs from WordNet 3.0's antonym pointers ('!'); see LICENSE-WordNet.txt.\n")
        out.write("# Built by dictionaries/build_wordnet.py. Format: word<TAB>antonym (lower case, each pair once, a < b).\n")
        out.write("# A pair joins every word of the two synsets the pointer links (good/bad, also well/ill).\n")
        for a, b in antonyms:
            out.write(f"{a}\t{b}\n")
    print(f"{len(entries)} entries, {len(exceptions)} exceptions, {len(antonyms)} antonym pairs, {len(forms)} word forms", file=sys.stderr)


def read_antonyms():
    """Sorted (a, b) pairs, a < b, lower case: the words of two synsets linked by an antonym pointer.

    The pointer block of a data.* line is: p_cnt, then p_cnt groups of
    (pointer_symbol, synset_offset, pos, source/target hex). '!' is the antonym pointer.
    """
    synsets = {}
    links = []
    for name, pos in POS.items():
        synsets[pos] = read_synsets(os.path.join(WORDNET, "data." + name))
        with open(os.path.join(WORDNET, "data." + name), encoding="utf-8") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                parts = line.split(" ")
                count = int(parts[3], 16)
                at = 4 + 2 * count
                p_cnt = int(parts[at])
                for i in range(p_cnt):
                    symbol, offset, target_pos = parts[at + 1 + 4 * i: at + 4 + 4 * i]
                    if symbol == "!":
                        target_pos = "a" if target_pos == "s" else target_pos
                        links.append((pos, parts[0], target_pos, offset))
    pairs = set()
    for pos, offset, target_pos, target in links:
        for a in synsets[pos][offset]:
            for b in synsets[target_pos][target]:
                a_low, b_low = a.lower(), b.lower()
                if a_low != b_low:
                    pairs.add((min(a_low, b_low), max(a_low, b_low)))
    return sorted(pairs)


if __name__ == "__main__":
    main()
