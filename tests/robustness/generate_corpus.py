#!/usr/bin/env python3
"""Writes a synthetic news corpus: N articles built from sentence templates
with names, numbers and places drawn by a seeded random generator, so the same
arguments always give the same bytes. Used by the crash-safety tests, which
need thousands of documents; no real article text.

usage: generate_corpus.py FOLDER COUNT [SEED]
"""
import os
import random
import sys

PEOPLE = ["Donald Trump", "Vladimir Putin", "Volodymyr Zelenskyy", "Marco Rubio", "J.D. Vance",
          "Emmanuel Macron", "Olaf Scholz", "Keir Starmer", "Xi Jinping", "Narendra Modi"]
PLACES = ["Geneva", "Vienna", "Helsinki", "Riyadh", "Istanbul", "Munich", "Paris", "Rome", "Oslo", "Warsaw"]
SOURCES = ["officials said", "aides said", "a spokesperson said", "the ministry said", "diplomats said"]
CLAIMS = [
    "The call between {a} and {b} lasted {n} minutes, {src}.",
    "{a} and {b} spoke for about {h} hours, {src}.",
    "{a} will meet {b} in {place} next month, {src}.",
    "The summit between {a} and {b} will take place in {place}, {src}.",
    "{a} invited {b} to visit {place}, {src}.",
]
FILLER = [
    "Markets in {place} were calm on the news.",
    "Neither side gave details of what was discussed.",
    "The talks follow months of tension over trade and security.",
    "Analysts in {place} said the outcome remained uncertain.",
    "It was the {k}th contact between the two governments this year.",
    "Protesters gathered outside the embassy in {place} on Tuesday.",
]


def article(rng, index):
    a, b = rng.sample(PEOPLE, 2)
    lines = [f"Report {index}: {a} and {b}", ""]
    for _ in range(rng.randint(3, 7)):
        words = {"a": a, "b": b, "n": rng.choice([30, 45, 60, 90, 120]), "h": rng.choice([1, 2, 3]),
                 "src": rng.choice(SOURCES), "place": rng.choice(PLACES), "k": rng.randint(4, 19)}
        template = rng.choice(CLAIMS if rng.random() < 0.5 else FILLER)
        lines.append(template.format(**words))
    return "\n".join(lines) + "\n"


def main():
    folder, count = sys.argv[1], int(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 5)
    for i in range(count):
        sub = os.path.join(folder, f"outlet-{i % 40:02d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"story-{i:05d}.txt"), "w", encoding="utf-8") as f:
            f.write(article(rng, i))


if __name__ == "__main__":
    main()
