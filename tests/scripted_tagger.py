"""A stand-in tagger for tests of the article layer: it tags listed word sequences."""

from __future__ import annotations


class ScriptedTagger:
    """Tags the tokens listed in ``spans`` (surface sequence -> type), everything else O; a
    sequence already covered by an earlier one is left alone."""

    def __init__(self, spans: dict[str, str]):
        self.spans = {tuple(k.split()): v for k, v in spans.items()}

    def tag(self, sentences):
        out = []
        for words in sentences:
            tags = ["O"] * len(words)
            for seq, typ in self.spans.items():
                for i in range(len(words) - len(seq) + 1):
                    if tuple(words[i:i + len(seq)]) == seq and all(t == "O" for t in tags[i:i + len(seq)]):
                        tags[i:i + len(seq)] = [f"B-{typ}"] + [f"I-{typ}"] * (len(seq) - 1)
            out.append(tags)
        return out
