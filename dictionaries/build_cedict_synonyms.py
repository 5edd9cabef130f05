#!/usr/bin/python3
"""Build the default Chinese synonym table, dictionaries/zh-cedict-synonyms.tsv, from CC-CEDICT.

Source: CC-CEDICT (MDBG, 2020-02-03 release, 117,867 entries; CC BY-SA 4.0, dictionaries/LICENSE-CC-CEDICT.txt),
the copy in the npm package @nlpjs/lang-zh 4.26.1 (src/cedict_ts.u8.js, the unchanged CC-CEDICT text in a
JavaScript string). jieba's dictionary (Debian python3-jieba 0.42.1) gives frequencies and parts of speech;
WordNet 3.0 (Debian wordnet-base) says how many senses an English gloss has and which glosses are antonyms.
None of these is used at run or test time.

Run:
  apt-get install python3-jieba wordnet-base
  cd /tmp && npm pack @nlpjs/lang-zh@4.26.1 && tar xzf nlpjs-lang-zh-4.26.1.tgz
  /usr/bin/python3 dictionaries/build_cedict_synonyms.py build /tmp/package/src/cedict_ts.u8.js
  apt-get install manpages-zh gettext      # a corpus: manpages-zh (zh_CN) and the zh_CN message catalogues
  /usr/bin/python3 dictionaries/build_cedict_synonyms.py corpus /tmp/zh-cn.txt
  /usr/bin/python3 dictionaries/build_cedict_synonyms.py measure /tmp/zh-cn.txt  # coverage of running text
  /usr/bin/python3 dictionaries/build_cedict_synonyms.py sample 100 SEED        # pairs to check by hand

Two candidate words (below) are synonyms by one of two rules:
  * primary: the first gloss of both is the same, each word has at most MAX_GLOSSES glosses, at most
    MAX_GROUP candidates share that first gloss (a vague gloss joins many words), and the gloss, without
    a leading "to"/"a"/"an"/"the" and without parenthesised notes, has exactly one sense in WordNet (all
    parts of speech together; "fast" would join 快速 with 斋戒, "film" 电影 with 薄膜) or is a phrase of
    two or more words that WordNet does not list (phrases are specific);
  * shared: the two share at least two glosses, one of which is the first gloss of one of them, and at
    least one character (checked by hand: without the common character fewer than half were synonyms).
A candidate word: its CC-CEDICT entries are not proper nouns (capitalised pinyin), surnames, variants,
cross-references ("see", "used in"), abbreviations, classifiers, or marked (literary), (dialect), (slang),
(Tw), (Cantonese), (old), (archaic), (bound form) and the like ("CL:" and "also written" items are dropped
from the glosses, not the entry); it has at most MAX_GLOSSES_SHARED glosses, two or more characters, only
Han characters; it is in jieba's dictionary with frequency >= MIN_FREQ and a part of speech that is not a
name, place, organisation, other proper noun, number, measure word, pronoun, idiom or function word; and
jieba cuts it as one word when it stands alone (the synonym stage only looks up words the segmenter yields).
Both words of a pair have the same jieba part of speech, and a pair where a gloss of one word is a WordNet
antonym of a gloss of the other (dictionaries/en-antonyms.tsv) is never written.

Output (deterministic): word<TAB>syn1,syn2,... in code-point order, every relation written both ways; the pair
list zh-cedict-synonyms-pairs.tsv (word, synonym, shared glosses) that `sample` draws from; and
zh-cedict-antonyms.tsv (see antonyms() below), which every substitution stage uses to refuse a Chinese candidate.
"""
import collections
import gzip
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "zh-cedict-synonyms.tsv")
PAIRS = os.path.join(HERE, "zh-cedict-synonyms-pairs.tsv")
WORDNET = "/usr/share/wordnet"

MIN_FREQ = 20
MAX_GLOSSES = 3
MAX_GROUP = 6
MAX_GLOSSES_SHARED = 8
PRIMARY = 1
BAD_POS = {"nr", "ns", "nt", "nz", "nrt", "nrfg", "m", "mq", "q", "r", "i", "l", "x", "eng", "o", "y", "e", "u", "p", "c"}
HAN = re.compile("^[\u4E00-\u9FFF]+$")
REJECT = re.compile(
    r"variant of|surname|\bsee\b|used in|abbr\.|classifier for|\(literary\)|\(dialect\)|\(slang\)|\(Tw\)|"
    r"\(Cantonese\)|\(old\)|\(archaic\)|\(bound form\)|\(coll\.\)|\(Internet slang\)|\(loanword\)|\(polite\)|"
    r"\(derog|\(vulgar\)|\(Buddhism\)|\(Taiwan pr\.|\(onom\.\)|\(honorific\)|\(humble\)|\(euphemism\)|\[",
    re.IGNORECASE)
DROPPED = ("CL:", "also written", "also pr.", "Taiwan pr.")
PAREN = re.compile(r"\([^)]*\)")
LEAD = re.compile(r"^(to|a|an|the)\s+")


def read_cedict(path):
    text = open(path, encoding="utf-8").read()
    start = text.index("`") + 1
    end = text.rindex("`")
    entries = []
    for n, line in enumerate(text[start:end].split("\n"), 1):
        if not line or line.startswith("#"):
            continue
        m = re.match(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/$", line)
        if not m:
            sys.exit(f"{path}: line {n} of the CC-CEDICT text is not 'trad simp [pinyin] /gloss/': {line!r}")
        entries.append((m.group(1), m.group(2), m.group(3), m.group(4).split("/")))
    return entries


def read_jieba():
    import jieba
    words = {}
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            words[parts[0]] = (int(parts[1]), parts[2] if len(parts) > 2 else "")
    return words


def read_wordnet():
    senses = collections.Counter()
    for pos in ("noun", "verb", "adj", "adv"):
        with open(os.path.join(WORDNET, f"index.{pos}"), encoding="latin-1") as f:
            for line in f:
                if line.startswith(" "):
                    continue
                parts = line.split()
                senses[parts[0].replace("_", " ")] += int(parts[2])
    antonyms = set()
    with open(os.path.join(HERE, "en-antonyms.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or "\t" not in line:
                continue
            a, b = line.rstrip("\n").split("\t")
            antonyms.add((a, b))
            antonyms.add((b, a))
    return senses, antonyms


def core(gloss):
    g = PAREN.sub("", gloss).strip().lower()
    g = LEAD.sub("", g)
    return re.sub(r"\s+", " ", g).strip()


def one_sense(gloss, senses):
    c = core(gloss)
    if not c or not re.match(r"^[a-z][a-z '\-]*$", c):
        return False
    if c in senses:
        return senses[c] == 1
    return " " in c


def candidates(cedict_path):
    jieba_words = read_jieba()
    senses, antonyms = read_wordnet()
    glosses_of = collections.defaultdict(list)   # simplified word -> glosses of its usable entries
    rejected = set()
    for trad, simp, pinyin, glosses in read_cedict(cedict_path):
        if pinyin[:1].isupper() or any(REJECT.search(g) for g in glosses):
            rejected.add(simp)
            continue
        glosses = [g.strip() for g in glosses if g.strip() and not g.startswith(DROPPED)]
        glosses_of[simp].extend(glosses)
    import jieba
    jieba.setLogLevel(60)
    usable = {}
    for word, glosses in glosses_of.items():
        if word in rejected or not HAN.match(word) or len(word) < 2 or len(glosses) > MAX_GLOSSES_SHARED:
            continue
        freq, pos = jieba_words.get(word, (0, ""))
        if freq < MIN_FREQ or pos in BAD_POS or not pos or jieba.lcut(word, HMM=False) != [word]:
            continue
        usable[word] = glosses
    by_gloss = collections.defaultdict(set)
    for word, glosses in usable.items():
        for g in glosses:
            by_gloss[g.lower()].add(word)
    pairs = {}
    for gloss, words in by_gloss.items():
        if len(words) < 2:
            continue
        for a in words:
            for b in words:
                if a >= b or (a, b) in pairs or jieba_words[a][1] != jieba_words[b][1]:
                    continue
                ga = [g.lower() for g in usable[a]]
                gb = [g.lower() for g in usable[b]]
                shared = set(ga) & set(gb)
                primary = (len(ga) <= MAX_GLOSSES and len(gb) <= MAX_GLOSSES and len(words) <= MAX_GROUP
                           and ga[0] == gb[0] == gloss and one_sense(gloss, senses))
                if not primary and (len(shared) < 2 or (ga[0] not in shared and gb[0] not in shared) or not set(a) & set(b)):
                    continue
                ca = {core(g) for g in ga}
                cb = {core(g) for g in gb}
                if any((x, y) in antonyms for x in ca for y in cb):
                    continue
                pairs[(a, b)] = gloss if primary else "|".join(sorted(shared))
    return pairs


def build(cedict_path):
    pairs = candidates(cedict_path)
    table = collections.defaultdict(set)
    for a, b in pairs:
        table[a].add(b)
        table[b].add(a)
    lines = [
        "# Chinese synonyms from CC-CEDICT (MDBG, release 2020-02-03; CC BY-SA 4.0, see LICENSE-CC-CEDICT.txt):",
        "# words that share a one-sense English gloss, filtered by jieba's part of speech and frequency.",
        "# Built by dictionaries/build_cedict_synonyms.py. Format: word<TAB>syn1,syn2 (simplified characters).",
    ]
    lines += [f"{w}\t{','.join(sorted(table[w]))}" for w in sorted(table)]
    tmp = OUT + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(tmp, OUT)
    with open(PAIRS, "w", encoding="utf-8") as f:
        for (a, b), g in sorted(pairs.items()):
            f.write(f"{a}\t{b}\t{g}\n")
    print(f"{len(table)} head words, {len(pairs)} pairs -> {OUT}")


def antonyms(cedict_path):
    """
    Chinese antonym pairs for the substitution stages' check (dictionaries/zh-cedict-antonyms.tsv): two words whose
    first or second CC-CEDICT gloss (core, as for synonyms) are WordNet antonyms (dictionaries/en-antonyms.tsv:
    increase/decrease, like/dislike), with the same jieba part of speech, both at least two Han characters and in
    jieba's dictionary with frequency >= MIN_FREQ. Here an entry of a proper noun or a marked entry is skipped, not
    the whole word (成功 is also a place name). A pair is only ever used to refuse a candidate, so a polysemous gloss
    that joins two unrelated words (上升/卧倒: rise/lie) costs nothing.
    """
    jieba_words = read_jieba()
    _, wordnet_antonyms = read_wordnet()
    glosses_of = collections.defaultdict(list)
    for trad, simp, pinyin, glosses in read_cedict(cedict_path):
        if pinyin[:1].isupper() or any(REJECT.search(g) for g in glosses):
            continue
        glosses_of[simp].extend(g.strip() for g in glosses if g.strip() and not g.startswith(DROPPED))
    by_core = collections.defaultdict(set)
    for word, glosses in glosses_of.items():
        if not HAN.match(word) or len(word) < 2 or jieba_words.get(word, (0, ""))[0] < MIN_FREQ:
            continue
        for g in glosses[:2]:
            c = core(g)
            if c:
                by_core[c].add(word)
    pairs = set()
    for a, b in wordnet_antonyms:
        for x in by_core.get(a, ()):
            for y in by_core.get(b, ()):
                if x != y and jieba_words[x][1] == jieba_words[y][1]:
                    pairs.add((min(x, y), max(x, y)))
    lines = ["# Chinese antonym pairs from CC-CEDICT (CC BY-SA 4.0, see LICENSE-CC-CEDICT.txt) and WordNet 3.0's antonyms",
             "# (see LICENSE-WordNet.txt): words whose first or second glosses are WordNet antonyms, same jieba part of speech.",
             "# Built by dictionaries/build_cedict_synonyms.py. Format: word<TAB>antonym (each pair once, a < b). Used only to",
             "# refuse a candidate, never to propose one."]
    lines += [f"{a}\t{b}" for a, b in sorted(pairs)]
    path = os.path.join(HERE, "zh-cedict-antonyms.tsv")
    with open(path + ".tmp", "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(path + ".tmp", path)
    print(f"{len(pairs)} antonym pairs -> {path}")


def load_table():
    table = {}
    with open(OUT, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            w, s = line.rstrip("\n").split("\t")
            table[w] = s.split(",")
    return table


def debian_corpus(path):
    """Simplified Chinese text from Debian packages: manpages-zh's zh_CN pages and the zh_CN message catalogues."""
    import subprocess
    chunks = []
    for dirpath, _, files in sorted(os.walk("/usr/share/man/zh_CN")):
        for name in sorted(files):
            data = open(os.path.join(dirpath, name), "rb").read()
            chunks.append((gzip.decompress(data) if name.endswith(".gz") else data).decode("utf-8", "replace"))
    d = "/usr/share/locale/zh_CN/LC_MESSAGES"
    for name in sorted(os.listdir(d)):
        if name.endswith(".mo"):
            po = subprocess.run(["msgunfmt", os.path.join(d, name)], capture_output=True, text=True, errors="replace")
            chunks.append("\n".join(l[len("msgstr "):] for l in po.stdout.splitlines() if l.startswith("msgstr ")))
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(chunks))


def measure(corpus_path):
    """Coverage: of the Han words jieba cuts from the corpus (HMM on), how many have a synonym (tokens, types)."""
    import jieba
    jieba.setLogLevel(60)
    table = load_table()
    stop = {l.strip() for l in open(os.path.join(HERE, "stopwords-zh.txt"), encoding="utf-8") if l.strip() and not l.startswith("#")}
    tokens = covered = content = content_covered = 0
    types, types_covered = set(), set()
    for line in open(corpus_path, encoding="utf-8"):
        for run in re.findall("[\u4E00-\u9FD5]+", line):
            for w in jieba.lcut(run):
                tokens += 1
                hit = w in table
                covered += hit
                types.add(w)
                if hit:
                    types_covered.add(w)
                if w not in stop:
                    content += 1
                    content_covered += hit
    print(f"corpus {corpus_path}: {tokens} Han word tokens, {covered} with a synonym ({100 * covered / tokens:.1f} %); "
          f"not stop words: {content}, {content_covered} with a synonym ({100 * content_covered / content:.1f} %); "
          f"types {len(types)}, {len(types_covered)} with a synonym ({100 * len(types_covered) / len(types):.1f} %)")


def sample(n, seed):
    pairs = [l.rstrip("\n").split("\t") for l in open(PAIRS, encoding="utf-8")]
    rng = random.Random(seed)
    for a, b, g in rng.sample(pairs, n):
        print(f"{a}\t{b}\t{g}")


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "build" and len(sys.argv) == 3:
        build(sys.argv[2])
        antonyms(sys.argv[2])
    elif cmd == "corpus" and len(sys.argv) == 3:
        debian_corpus(sys.argv[2])
    elif cmd == "measure" and len(sys.argv) == 3:
        measure(sys.argv[2])
    elif cmd == "sample" and len(sys.argv) == 4:
        sample(int(sys.argv[2]), int(sys.argv[3]))
    else:
        sys.exit("usage: build_cedict_synonyms.py build CEDICT_JS | corpus OUT | measure CORPUS | sample N SEED")
