#!/usr/bin/python3
"""Build the quickstart's labelled sample: WordNet 3.0 noun glosses labelled by topic.

Source: Debian package `wordnet-base` (/usr/share/wordnet/data.noun), WordNet 3.0, Princeton
University; licence in ../../dictionaries/LICENSE-WordNet.txt (redistribution allowed with the notice).

Each example is the definition part of a noun synset's gloss (before the first ';' or quoted example),
labelled by the synset's lexicographer file (animal, food, plant, artifact, person, location): a short-text
topic task with six classes. Deterministic: the same WordNet gives the same files.

Run:  /usr/bin/python3 pipelines/data/build_wordnet_topics.py
Writes: wordnet-topics-train.tsv (200 per class) and wordnet-topics-test.tsv (100 per class, disjoint).
"""
import os
import random

WORDNET = os.environ.get("WORDNET_DIR", "/usr/share/wordnet")
HERE = os.path.dirname(os.path.abspath(__file__))
TOPICS = {5: "animal", 13: "food", 20: "plant", 6: "artifact", 18: "person", 15: "location"}
TRAIN, TEST = 200, 100


def glosses_by_topic(min_words=6, max_words=30):
    """topic -> [(synset offset, definition)] for the six topics; also used by benchmarks/classifier/prepare.py."""
    by_topic = {name: [] for name in TOPICS.values()}
    with open(os.path.join(WORDNET, "data.noun"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("  "):
                continue
            head, _, gloss = line.partition(" | ")
            fields = head.split(" ")
            topic = TOPICS.get(int(fields[1]))
            if topic is None:
                continue
            definition = " ".join(gloss.split(";")[0].split('"')[0].split())
            if min_words <= len(definition.split()) <= max_words:
                by_topic[topic].append((fields[0], definition))
    return by_topic


def main():
    by_topic = glosses_by_topic()
    rng = random.Random(13)
    train, test = [], []
    for topic in sorted(by_topic):
        items = sorted(by_topic[topic])
        rng.shuffle(items)
        train += [(offset, text, topic) for offset, text in items[:TRAIN]]
        test += [(offset, text, topic) for offset, text in items[TRAIN:TRAIN + TEST]]
    for name, rows in (("wordnet-topics-train.tsv", train), ("wordnet-topics-test.tsv", test)):
        rng.shuffle(rows)
        with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="\n") as out:
            out.write("id\ttext\tlabel\n")
            for offset, text, topic in rows:
                out.write(f"n{offset}\t{text}\t{topic}\n")


if __name__ == "__main__":
    main()
