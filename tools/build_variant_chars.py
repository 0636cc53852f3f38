"""Build dangan/text/variant_chars.py: the characters that are one character in another script.

The text key of 同文异版 (dangan/text/fingerprint.py) must read a Traditional copy of a Simplified
document as the same words. OpenCC's `t2s` alone cannot: a character that is both a Traditional form
and a Simplified character of its own is kept (Taiwan and Hong Kong write 著 for 着, 衞 for 卫, 爲/為
for 为, 綫 for 线), and which form a copy holds depends on the converter that made it (s2t keeps 着,
s2tw writes 著; s2t writes 爲, s2tw 為). And OpenCC's phrase tables write some
characters otherwise in words (想象 → 想像, 背负 → 揹負, 复苏 → 復甦, 链条 → 鍊條) that `t2s` does not write
back. So the sets are read from OpenCC's own tables: every single-character mapping of every
Simplified/Traditional/Taiwan/Hong Kong conversion, and the characters its phrase tables change in the
words of jieba's dictionary (349k Simplified words, converted to Traditional and back), joined
(union-find): the key writes every member as its set's first (lowest) character, so it needs no
OpenCC at run time. Taiwan and Hong Kong phrasing (软件 → 軟體) is left out: it writes other words,
not other characters (bench/README.md, 同文异版 in Traditional script).

The table is kept in the package rather than derived at run time so that a stored key does not change
when OpenCC is upgraded: tests/test_variant_chars.py compares it with the installed OpenCC; when they
differ, run this again and add a migration that computes the stored keys again (as migration 17 does).

    PYTHONPATH=$PWD .venv/bin/python tools/build_variant_chars.py
"""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "dangan" / "text" / "variant_chars.py"
# Simplified ↔ Traditional ↔ Taiwan ↔ Hong Kong, with and without regional phrasing (the Japanese
# Shinjitai tables are left out: another language's forms)
CONVERSIONS = ("s2t", "t2s", "s2tw", "tw2s", "s2hk", "hk2s", "t2tw", "tw2t", "t2hk", "hk2t")
TO_TRADITIONAL = ("s2t", "s2tw", "s2hk")   # for the words: each into Traditional, and that back by t2s
# CJK Unified Ideographs and extensions A to H; the compatibility ideographs are left out: NFKC, which
# the key applies first, maps them to unified ones
RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0x20000, 0x2A6DF), (0x2A700, 0x2EBEF), (0x30000, 0x323AF))
WIDTH = 110


def derive() -> tuple[list[str], str]:
    """VARIANT_SETS and BIG5_LOSES as the installed OpenCC gives them."""
    sets, written = variant_sets()
    return sets, big5_loses(sets, written)


def variant_sets() -> tuple[list[str], set[str]]:
    """Every set of two or more characters that the conversions map to one another, each sorted; and the
    characters the phrase tables write in the words converted into Traditional."""
    import jieba
    import opencc

    parent: dict[str, str] = {}

    def root(c: str) -> str:
        while parent.get(c, c) != c:
            c = parent[c]
        return c

    def join(before: list[str], after: list[str]) -> None:
        """Each character changed in a word of the same length: one set with what it became."""
        assert len(before) == len(after)
        for word, converted in zip(before, after, strict=True):
            if converted == word or len(converted) != len(word):   # most are: nothing to join (and fast)
                continue
            for c, d in zip(word, converted, strict=True):
                if c == d:   # a character left as it was joins nothing
                    continue
                a, b = sorted((root(c), root(d)))
                if a != b:
                    parent[b] = a
                parent.setdefault(a, a)

    def convert(name: str, lines: list[str]) -> list[str]:
        return opencc.OpenCC(name).convert("\n".join(lines)).split("\n")   # one a line: no phrase spans two

    chars = [chr(i) for first, last in RANGES for i in range(first, last + 1)]
    for name in CONVERSIONS:
        join(chars, convert(name, chars))
    dictionary = Path(jieba.__file__).parent / "dict.txt"
    words = [line.split()[0] for line in dictionary.read_text(encoding="utf-8").splitlines() if line.strip()]
    written: set[str] = set()
    for name in TO_TRADITIONAL:
        traditional = convert(name, words)
        written.update(*traditional)
        join(words, traditional)
        join(traditional, convert("t2s", traditional))
    sets: dict[str, list[str]] = {}
    for c in parent:
        sets.setdefault(root(c), []).append(c)
    return sorted("".join(sorted(members)) for members in sets.values() if len(members) > 1), written


def big5_loses(sets: list[str], written: set[str]) -> str:
    """The first character of each set one of whose Traditional forms Big5 lacks (s2t writes 爲 for 为,
    which Big5 has no code for; s2hk writes 着 and 衞; in a word, s2tw writes 恆 in 持之以恆): a Big5 copy
    may have lost any member."""
    import opencc

    to_traditional = [opencc.OpenCC(name) for name in TO_TRADITIONAL]
    t2s = opencc.OpenCC("t2s")
    lost = []
    for members in sets:
        forms = {c for c in members if t2s.convert(c) != c}
        forms |= {converter.convert(c) for converter in to_traditional for c in members}
        forms |= written & set(members)
        if not all(_in_big5(form) for form in forms):
            lost.append(members[0])
    return "".join(lost)


def _in_big5(text: str) -> bool:
    try:
        text.encode("big5")
    except UnicodeEncodeError:
        return False
    return True


def _lines(words: list[str], joiner: str) -> str:
    lines, line = [], ""
    for word in words:
        if len(line) + len(word) + 1 > WIDTH // 2:   # CJK characters are wide: keep lines readable
            lines.append(line)
            line = ""
        line = f"{line}{joiner}{word}" if line else word
    lines.append(line)
    return "\n".join(f'    "{text}{joiner}"' for text in lines)


def write(sets: list[str], lost: str) -> None:
    OUT.write_text(f'''"""Characters that are one character in another script (generated by tools/build_variant_chars.py from
OpenCC's conversion tables: do not edit by hand). Each space-separated word is one set; the text key
(fingerprint.py) writes each member as the set's first character. BIG5_LOSES: the first character of
each set one of whose Traditional forms Big5 cannot hold."""
from __future__ import annotations

VARIANT_SETS = (
{_lines(sets, " ")}
).split()

BIG5_LOSES = frozenset(
{_lines(list(lost), "")}
)
''', encoding="utf-8")


if __name__ == "__main__":
    found, lost = derive()
    write(found, lost)
    print(f"{len(found)} sets, {sum(map(len, found))} characters, {len(lost)} of them lost by Big5 "
          f"→ {OUT.relative_to(ROOT)}")
