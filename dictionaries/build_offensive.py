#!/usr/bin/python3
"""Build the offensive-word lists every substitution source's candidates are checked against (offensive-en.txt,
offensive-zh.txt, embedded in the library: TextAugment.Text.OffensiveWords). The shipped synonym dictionaries are cleaned
when they are built (build_wordnet.py, build_cedict_synonyms.py), but word vectors, a masked LM, TF-IDF draws and a
dictionary of one's own are not: a candidate on these lists is refused unless the word it replaces is on them too.

Sources (the same as the synonym dictionaries'; none is used at run or test time):
  * English: WordNet 3.0 (Debian `wordnet-base`; LICENSE-WordNet.txt), its usage domains obscenity, ethnic slur and
    disparagement, as build_wordnet.read_offensive reads them.
  * Chinese: CC-CEDICT (the 2020-02-03 release in the npm package @nlpjs/lang-zh 4.26.1, as build_cedict_synonyms.py
    reads it; CC BY-SA 4.0, LICENSE-CC-CEDICT.txt), its glosses marked (vulgar) or (derog.) / (derogatory ...).

Run:
  apt-get install wordnet-base
  cd /tmp && npm pack @nlpjs/lang-zh@4.26.1 && tar xzf nlpjs-lang-zh-4.26.1.tgz
  /usr/bin/python3 dictionaries/build_offensive.py /tmp/package/src/cedict_ts.u8.js

A candidate has no sense: only its words are known, so a word is listed when the sense it is mostly used in is offensive.
  * English: a word whose first sense in WordNet's index (the most frequent in its sense-tagged corpus, else WordNet's
    order) is labelled with one of the three domains, in some part of speech (build_wordnet.first_sense_words), with
    those parts of speech; the library adds their inflected forms (shits, niggers, fucking). Words labelled only in a
    later sense (boy, tool, screw, chink is first "a narrow opening") are not listed; a few listed ones have a harmless
    first sense in WordNet's order where no sense is tagged (taco, paddy, tom): refusing them as candidates is the safe side.
  * Chinese: a CC-CEDICT entry whose first gloss is marked (vulgar) or (derog...), or half or more of whose glosses are
    (鸡巴 "dick/penis (vulgar)"), in Simplified and Traditional characters; an entry with one such gloss among ordinary
    ones is not listed (干 "to do ... to fuck (vulgar)", 靠 "to lean on ...", 小子 "boy ... (derog.) joker").

Writes (deterministically, sorted):
  offensive-en.txt   word<TAB>parts of speech (n v a r, joined by commas)
  offensive-zh.txt   one word a line
"""
import os
import re
import sys

import build_cedict_synonyms
import build_wordnet

HERE = os.path.dirname(os.path.abspath(__file__))
# CC-CEDICT's usage labels for offensive glosses: (vulgar), (derog.), (derog), (derog., used by ...), (derogatory ...).
MARKED = re.compile(r"\((?:vulgar|derog)", re.IGNORECASE)


def english():
    marked, _ = build_wordnet.read_offensive()
    return build_wordnet.first_sense_words(marked)


def chinese(cedict_path):
    words = set()
    for trad, simp, _, glosses in build_cedict_synonyms.read_cedict(cedict_path):
        glosses = [g for g in glosses if g]
        if glosses and (MARKED.search(glosses[0]) or 2 * sum(1 for g in glosses if MARKED.search(g)) >= len(glosses)):
            words.update((simp, trad))
    return words


def main(cedict_path):
    en = english()
    with open(os.path.join(HERE, "offensive-en.txt"), "w", encoding="utf-8", newline="\n") as out:
        out.write("# English words whose first sense WordNet 3.0 labels obscene, an ethnic slur or disparaging (see LICENSE-WordNet.txt).\n")
        out.write("# Refused as substitution candidates (with their inflected forms) unless the word replaced is one.\n")
        out.write("# Built by dictionaries/build_offensive.py. Format: word<TAB>parts of speech of those senses (n v a r).\n")
        for word in sorted(en):
            out.write(f"{word}\t{','.join(sorted(en[word], key='nvar'.index))}\n")
    zh = chinese(cedict_path)
    with open(os.path.join(HERE, "offensive-zh.txt"), "w", encoding="utf-8", newline="\n") as out:
        out.write("# Chinese words whose CC-CEDICT entry is marked (vulgar) or (derog.) in its first gloss or in half of its glosses\n")
        out.write("# (CC BY-SA 4.0, see LICENSE-CC-CEDICT.txt), in Simplified and Traditional characters. Refused as substitution\n")
        out.write("# candidates unless the word replaced is one. Built by dictionaries/build_offensive.py. One word a line.\n")
        for word in sorted(zh):
            out.write(word + "\n")
    print(f"{len(en)} English words, {len(zh)} Chinese words", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: build_offensive.py CEDICT_JS (the cedict_ts.u8.js of npm @nlpjs/lang-zh 4.26.1)")
    main(sys.argv[1])
