"""Which language a text is in, told by its stopwords (jusText's lists for 100 languages).

Clean-up judges a line by how much of it is ordinary language (stopwords such as
"the", "und", "que"): article sentences are full of them, menus and buttons are
not. The language with the most distinct stopwords in the text (weighed against the
size of its list) is the text's language;
scripts without spaces between words (Chinese, Japanese) are told by their letters.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass

_WORD = re.compile(r"\w+")
_HAN_OR_KANA = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_SAMPLE_WORDS = 4000
# ISO 639-1 codes of jusText's list names, for the languages a researcher meets most.
_CODES = {
    "Arabic": "ar", "Bengali": "bn", "Bulgarian": "bg", "Catalan": "ca", "Croatian": "hr",
    "Czech": "cs", "Danish": "da", "Dutch": "nl", "English": "en", "Estonian": "et",
    "Finnish": "fi", "French": "fr", "German": "de", "Greek": "el", "Hebrew": "he",
    "Hindi": "hi", "Hungarian": "hu", "Indonesian": "id", "Italian": "it", "Korean": "ko",
    "Latvian": "lv", "Lithuanian": "lt", "Malay": "ms", "Norwegian_Bokmal": "no",
    "Persian": "fa", "Polish": "pl", "Portuguese": "pt", "Romanian": "ro", "Russian": "ru",
    "Serbian": "sr", "Slovak": "sk", "Slovenian": "sl", "Spanish": "es", "Swahili": "sw",
    "Swedish": "sv", "Tagalog": "tl", "Turkish": "tr", "Ukrainian": "uk", "Urdu": "ur",
    "Vietnamese": "vi",
}  # fmt: skip
# Lists that are near-copies of a larger one and would only blur the guess.
_LEFT_OUT = {"Simple_English", "Serbo_Croatian", "Belarusian_Taraskievica"}


@dataclass(frozen=True)
class Language:
    name: str  # jusText's list name, e.g. "German"; "" when the text has no words
    code: str  # ISO 639-1 where we know it, else ""
    stopwords: frozenset[str]

    def stopword_share(self, words: list[str]) -> float:
        """Share of `words` (case-folded) that are stopwords of this language."""
        if not words:
            return 0.0
        return sum(word in self.stopwords for word in words) / len(words)


UNKNOWN = Language("", "", frozenset())
CHINESE_OR_JAPANESE = Language("Chinese or Japanese", "zh", frozenset())


@functools.cache
def _stoplists() -> dict[str, frozenset[str]]:
    import justext

    return {
        name: frozenset(word.casefold() for word in justext.get_stoplist(name))
        for name in justext.get_stoplists()
        if name not in _LEFT_OUT
    }


@functools.cache
def _languages_of() -> dict[str, tuple[str, ...]]:
    """For each stopword, the languages whose list holds it."""
    found: dict[str, list[str]] = {}
    for name, stopwords in _stoplists().items():
        for word in stopwords:
            found.setdefault(word, []).append(name)
    return {word: tuple(names) for word, names in found.items()}


def words(text: str) -> list[str]:
    return [word.casefold() for word in _WORD.findall(text)]


@functools.lru_cache(maxsize=4)  # the clean-up and the details ask about the same text
def detect(text: str) -> Language:
    """The language whose stopwords cover most of the text's words."""
    found = words(text)[:_SAMPLE_WORDS]
    if len(_HAN_OR_KANA.findall(text[:20000])) > max(200, len(found)):
        return CHINESE_OR_JAPANESE
    if not found:
        return UNKNOWN
    lists = _stoplists()
    met: Counter[str] = Counter()
    for word in set(found):
        met.update(_languages_of().get(word, ()))
    if not met:
        return UNKNOWN
    # Distinct stopwords met, against the list's size: a list of 5,000 words (Estonian's)
    # would otherwise win on any text for the few common words it shares with all.
    best = max(sorted(met), key=lambda name: met[name] / math.sqrt(len(lists[name])))
    return Language(best, _CODES.get(best, ""), lists[best])
