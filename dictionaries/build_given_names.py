#!/usr/bin/python3
"""Build the list of common English given names that name protection keeps at the start of a sentence.

Source: Debian package `python3-fake-factory` (Faker 0.9.3, Daniele Faraglia; Expat licence, see
LICENSE-Faker.txt beside this script): the en_US person provider's first_names_male and first_names_female, the
most common given names of the United States (Faker drew them from US Census and Social Security name counts).

Run:  apt-get install python3-fake-factory && /usr/bin/python3 dictionaries/build_given_names.py

Writes given-names-en.txt: one name a line, as Faker writes it (title case), sorted ordinally, duplicates dropped.
Faker's larger `en` provider (about 7,000 names) is not used: it holds many common words written as names (Will,
May, Hope, Dawn ...), which would keep "Will you come?" and "May I ..." from every stage.
"""
import os

from faker.providers.person.en_US import Provider

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    names = sorted(set(Provider.first_names_male) | set(Provider.first_names_female))
    with open(os.path.join(HERE, "given-names-en.txt"), "w", encoding="utf-8", newline="\n") as out:
        out.write("# Common English given names: Faker's en_US first names (Debian python3-fake-factory, Expat licence,\n")
        out.write("# see LICENSE-Faker.txt). Built by dictionaries/build_given_names.py. One name a line, matched in any case.\n")
        out.write("# Used by TextAugment.Text.ProtectionOptions.Names: a sentence-initial word in this list is kept as a name.\n")
        for name in names:
            out.write(name + "\n")
    print(f"{len(names)} names")


if __name__ == "__main__":
    main()
