#!/usr/bin/python3
"""Write dictionaries/stopwords-zh.txt, the default stop words for `language: zh`.

Source: npm package stopwords-iso 1.1.0 (Gene Diaz, MIT licence, https://github.com/stopwords-iso/stopwords-iso),
its stopwords-iso.json, key "zh". Entries are kept in the package's order; punctuation entries are kept too
(they never match a word token, so they are harmless).

Run:  cd /tmp && npm pack stopwords-iso@1.1.0 && tar xzf stopwords-iso-1.1.0.tgz
      /usr/bin/python3 dictionaries/build_stopwords_zh.py /tmp/package/stopwords-iso.json
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
words = json.load(open(sys.argv[1], encoding="utf-8"))["zh"]
out = os.path.join(HERE, "stopwords-zh.txt")
with open(out + ".tmp", "w", encoding="utf-8") as f:
    f.write("# Chinese stop words: npm stopwords-iso 1.1.0, key zh (MIT, (c) Gene Diaz; see LICENSE-stopwords-iso.txt).\n")
    f.write("# Built by build_stopwords_zh.py. One word per line; '#' starts a comment.\n")
    for w in words:
        if w.strip() and not w.startswith("#"):
            f.write(w.strip() + "\n")
os.replace(out + ".tmp", out)
print(len(words), "words")
