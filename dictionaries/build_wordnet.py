#!/usr/bin/python3
"""Build the default English synonym dictionary and inflection exceptions from WordNet 3.0.

Source: Debian package `wordnet-base` (/usr/share/wordnet), WordNet 3.0, Princeton University.
Licence: see LICENSE-WordNet.txt beside this script (redistribution allowed with the notice).

Run:  apt-get install wordnet-base && /usr/bin/python3 dictionaries/build_wordnet.py

Writes (deterministically, sorted):
  en-wordnet.tsv                   word<TAB>pos<TAB>syn1,syn2,...   (pos: n v a r)
  en-inflection-exceptions.tsv     inflected<TAB>pos<TAB>lemma       (WordNet's *.exc lists)
  en-antonyms.tsv                  word<TAB>antonym                  (WordNet's '!' pointers)
  en-antonym-groups.tsv            words<TAB>opposite words          (the pointers' synsets widened; see below)
  en-word-forms.txt                one regular inflected English word form a line (SCOWL, see below)

The word-form list comes from the Debian packages `wamerican-large` and `wbritish` (SCOWL, Kevin
Atkinson; licence in LICENSE-SCOWL.txt, redistribution allowed with the notice):
  apt-get install wamerican-large wbritish
Only lower-case words that end like a regular inflection (-s, -ed/-d, -ing, -er/-r, -est/-st) are kept,
possessives dropped: the inflector checks the forms it builds against it ("newses", "skilfulest" are not
there). The `huge` list is not used: it contains such forms ("newses", "goodnesses").

Antonym groups (en-antonym-groups.tsv, what the library refuses candidates with): one line per antonym pointer
between two synsets, each side the words of its synset widened by
  * for an adjective head synset, the words of its similar-to satellites ('&': hot ~ sizzling, cold ~ freezing),
  * for a verb synset, the words of its direct troponyms ('~': decrease ~ reduce, increase ~ raise),
so that a word of one side refused for a word of the other covers the antonym's synonyms in that sense
(increase -> reduce, cold -> sizzling, east -> western), not only the literal pair. Prepositions and other function
words are not in WordNet; FUNCTION_OPPOSITES below adds the common ones (before/after, above/below, up/down ...),
the only hand-written part. en-antonyms.tsv keeps the literal pairs (build_cedict_synonyms.py and the label-safety
counter read it).

Choices:
  * Keys are single tokens (no spaces): the tokenizer never produces a multi-word token, so
    multi-word keys could never be looked up. Synonyms may be multi-word ("motion picture").
  * Only senses that WordNet's sense-tagged corpus has seen (tagsense_cnt in index.*) are kept,
    and at least the first sense: this drops rare senses that make poor substitutes
    ("good" -> "commodity"). Synonyms are listed most frequent sense first.
  * A synonym equal to the key (ignoring case) or containing ',' or a tab is dropped, and so is a
    capitalised synonym of a lower-case word (a proper name: "white" -> "Caucasian").
  * Offensive words are not offered (see read_offensive): a synonym in a sense WordNet labels with the usage
    domain obscenity, ethnic slur or disparagement is dropped there; a word whose first sense in WordNet's index is
    labelled obscene ("fuck", "shit", "crap") is dropped in every sense, and so is a synonym with such a word as a
    part between spaces or hyphens ("jack" -> "diddly-shit"; also "cock-a-hoop", "ball cock": the safe side). Closed
    compounds that WordNet does not label ("diddlyshit") stay. Slurs are dropped in their labelled senses only: their
    first listed sense is often the ordinary word ("taco", "oriental", "paddy"), WordNet's order when no sense is tagged.
"""
import os
import re
import sys

WORDNET = os.environ.get("WORDNET_DIR", "/usr/share/wordnet")
WORD_LISTS = ["/usr/share/dict/american-english-large", "/usr/share/dict/british-english"]
INFLECTED = re.compile(r"^[a-z][a-z'-]*(s|ed|d|ing|er|r|est|st)$")
HERE = os.path.dirname(os.path.abspath(__file__))
POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}


def data_records(name):
    """Each synset of WordNet's data.NAME as (offset, lemmas, pointers): the lemmas as written (underscores become spaces,
    adjective position markers such as "big(a)" removed), the pointers as (symbol, target offset, target part of speech
    with a satellite's 's' read as 'a', source/target field)."""
    with open(os.path.join(WORDNET, "data." + name), encoding="utf-8") as f:
        for line in f:
            if line.startswith("  "):
                continue  # licence header
            parts = line.split(" ")
            count = int(parts[3], 16)
            lemmas = []
            for i in range(count):
                lemma = parts[4 + 2 * i]
                if lemma.endswith(")") and "(" in lemma:  # adjective position marker e.g. "big(a)"
                    lemma = lemma[: lemma.index("(")]
                lemmas.append(lemma.replace("_", " "))
            at = 4 + 2 * count
            pointers = []
            for i in range(int(parts[at])):
                symbol, offset, target_pos, source_target = parts[at + 1 + 4 * i: at + 5 + 4 * i]
                pointers.append((symbol, offset, "a" if target_pos == "s" else target_pos, source_target))
            yield parts[0], lemmas, pointers


def index_records(name):
    """Each lemma of WordNet's index.NAME as (lemma, synset offsets in sense order, senses tagged in the corpus), the
    lemma with underscores as spaces."""
    with open(os.path.join(WORDNET, "index." + name), encoding="utf-8") as f:
        for line in f:
            if line.startswith("  "):
                continue  # licence header
            parts = line.split()
            synset_cnt, p_cnt = int(parts[2]), int(parts[3])
            yield parts[0].replace("_", " "), parts[6 + p_cnt: 6 + p_cnt + synset_cnt], int(parts[5 + p_cnt])


def read_synsets(name):
    """offset -> list of lemmas of data.NAME (see data_records)."""
    return {offset: lemmas for offset, lemmas, _ in data_records(name)}


def main():
    marked, vulgar = read_offensive()
    entries = []
    for name, pos in POS.items():
        synsets = read_synsets(name)
        for lemma, offsets, tagged in index_records(name):
            if " " in lemma:
                continue
            keep = offsets[: max(1, tagged)]
            seen = {lemma.lower()}
            synonyms = []
            for offset in keep:
                for word in synsets[offset]:
                    if word.lower() in seen or "," in word or "\t" in word:
                        continue
                    if lemma.islower() and not word.islower() and any(c.isupper() for c in word):
                        continue  # a proper name is no substitute for a common word ("white" -> "Caucasian")
                    if (pos, offset, word.lower()) in marked or any(part in vulgar for part in re.split(r"[ -]", word.lower())):
                        continue  # no offensive word as a replacement (read_offensive)
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
    groups = read_antonym_groups()
    with open(os.path.join(HERE, "en-antonym-groups.tsv"), "w", encoding="utf-8", newline="\n") as out:
        out.write("# English antonym groups from WordNet 3.0 (see LICENSE-WordNet.txt): each line joins two synsets linked by an\n")
        out.write("# antonym pointer ('!'), each widened by its similar-to satellites (adjectives) or direct troponyms (verbs),\n")
        out.write("# and the function-word opposites WordNet lacks (before/after ...). Every word of one side is an antonym of\n")
        out.write("# every word of the other. Built by dictionaries/build_wordnet.py. Format: w1,w2,...<TAB>v1,v2,... (lower case).\n")
        for a, b in groups:
            out.write(f"{','.join(a)}\t{','.join(b)}\n")
    print(f"{len(entries)} entries, {len(exceptions)} exceptions, {len(antonyms)} antonym pairs, {len(groups)} antonym groups, {len(forms)} word forms", file=sys.stderr)


def read_antonyms():
    """Sorted (a, b) pairs, a < b, lower case: the words of two synsets linked by an antonym pointer.

    The pointer block of a data.* line is: p_cnt, then p_cnt groups of
    (pointer_symbol, synset_offset, pos, source/target hex). '!' is the antonym pointer.
    """
    synsets, links = {}, []
    for name, pos in POS.items():
        synsets[pos] = {}
        for offset, lemmas, pointers in data_records(name):
            synsets[pos][offset] = lemmas
            links += [(pos, offset, target_pos, target) for symbol, target, target_pos, _ in pointers if symbol == "!"]
    pairs = set()
    for pos, offset, target_pos, target in links:
        for a in synsets[pos][offset]:
            for b in synsets[target_pos][target]:
                a_low, b_low = a.lower(), b.lower()
                if a_low != b_low:
                    pairs.add((min(a_low, b_low), max(a_low, b_low)))
    return sorted(pairs)


# WordNet's usage-domain synsets for offensive words: obscenity (07124340: "obscenity, smut, vulgarism, filth,
# dirty word"), ethnic slur (06718862) and disparagement (06717170).
OBSCENITY = "07124340"
OFFENSIVE_DOMAINS = {OBSCENITY, "06718862", "06717170"}


def read_offensive():
    """(marked, vulgar): marked holds (pos, synset offset, lower-case word) for every word WordNet labels with an
    offensive usage domain (a ';u' pointer to OFFENSIVE_DOMAINS: all the synset's words, or the one word of a lexical
    pointer); vulgar holds the words whose first sense (index.*) is labelled obscene in some part of speech
    (first_sense_words: each with those parts of speech): those are dropped as synonyms in every sense. Words labelled only
    in a later sense ("boy", "suit", "tool", "screw") are kept elsewhere. build_offensive.py reads both."""
    marked, obscene = set(), set()
    for name, pos in POS.items():
        for offset, lemmas, pointers in data_records(name):
            words = [w.lower() for w in lemmas]
            for symbol, target, _, source_target in pointers:
                if symbol == ";u" and target in OFFENSIVE_DOMAINS:
                    source = int(source_target[:2], 16)
                    for word in (words if source == 0 else [words[source - 1]]):
                        marked.add((pos, offset, word))
                        if target == OBSCENITY:
                            obscene.add((pos, offset, word))
    return marked, first_sense_words(obscene)


def first_sense_words(labelled):
    """The lemmas (lower case, spaces between words) whose first sense in WordNet's index.* (the most frequent in its
    sense-tagged corpus, else WordNet's order), in some part of speech, is in labelled, a set of (pos, synset offset,
    lower-case word) such as read_offensive's, as {lemma: the parts of speech of those first senses}."""
    words = {}
    for name, pos in POS.items():
        for lemma, offsets, _ in index_records(name):
            if (pos, offsets[0], lemma) in labelled:
                words.setdefault(lemma, set()).add(pos)
    return words


# Opposites among prepositions and adverbs that WordNet has no antonym pointer for (prepositions are not in it):
# "take it before meals" and "after meals" are different instructions. Written for TextAugment.
FUNCTION_OPPOSITES = [
    (["before", "prior to", "ahead of"], ["after", "following", "afterwards", "afterward"]),
    (["above", "over"], ["below", "under", "beneath", "underneath"]),
    (["up", "upward", "upwards"], ["down", "downward", "downwards"]),
    (["in", "into", "inside", "within"], ["out", "outside", "out of"]),
    (["to", "toward", "towards"], ["from", "away from"]),
    (["for", "pro"], ["against", "anti", "con"]),
    (["with"], ["without"]),
    (["ahead", "in front of"], ["behind"]),
    (["since"], ["until", "till"]),
    (["always", "ever"], ["never"]),
    (["all", "every", "everything", "everyone", "everybody"], ["none", "nothing", "no one", "nobody"]),
]


def read_antonym_groups():
    """Sorted (side, opposite side) pairs of sorted word tuples, lower case: for every antonym pointer between two
    synsets, each synset's words widened by its similar-to satellites (an adjective head) or its direct troponyms (a
    verb); then FUNCTION_OPPOSITES. Each link is written once (the pointers come in both directions)."""
    synsets, pointers = {}, {}
    for name, pos in POS.items():
        synsets[pos], pointers[pos] = {}, {}
        for offset, lemmas, links in data_records(name):
            synsets[pos][offset] = [w.lower() for w in lemmas]
            pointers[pos][offset] = [(symbol, target, target_pos) for symbol, target, target_pos, _ in links]

    def widened(pos, offset):
        words = set(synsets[pos][offset])
        for symbol, target, target_pos in pointers[pos][offset]:
            if (pos == "a" and symbol == "&") or (pos == "v" and symbol == "~"):
                words.update(synsets[target_pos][target])
        return tuple(sorted(w for w in words if "," not in w and "\t" not in w))

    groups = set()
    for pos in POS.values():
        for offset, links in pointers[pos].items():
            for symbol, target, target_pos in links:
                if symbol != "!":
                    continue
                a, b = widened(pos, offset), widened(target_pos, target)
                # A word on both sides (a troponym or satellite of both: "fall", "get") is no antonym of either.
                both = set(a) & set(b)
                a, b = tuple(w for w in a if w not in both), tuple(w for w in b if w not in both)
                if a and b:
                    groups.add((min(a, b), max(a, b)))
    for a, b in FUNCTION_OPPOSITES:
        groups.add((tuple(sorted(a)), tuple(sorted(b))))
    return sorted(groups)


if __name__ == "__main__":
    main()
