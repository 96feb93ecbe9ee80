"""Article-like texts for the reference project, fast and the same for a seed.

Sentences are drawn once from a Zipf-weighted vocabulary (words of the field, a few
phrases researchers search for, and invented words, so the full-text indexes hold
thousands of terms), then joined into articles: a headline, then paragraphs. Some
articles are Arabic or Chinese; others quote phrases in those scripts, carry emoji
or a rare word a search should find in only a few documents.
"""

from __future__ import annotations

import random

RARE_WORDS = ("stingray", "geofence", "tower-dump", "imsi-catcher", "spyware")

_COMMON = (  # noqa: SIM905 - a word list reads best as one string
    "the of and to in a was were had been has have is are said that for on with as by "
    "at from it this which will would their they he she after before under over new "
    "police cameras camera border data market phone network council city street face "
    "record protest journalist journalists report officials court licence drone sensor "
    "checkpoint permit database biometric scanner station traders residents system "
    "plate vendor contract ministry interior security agency "
    "surveillance activists lawyers minister parliament law decree emergency powers "
    "internet shutdown website blocked accounts monitoring messages encrypted app "
    "identity card registration fingerprints iris passport airport travel ban exit "
    "informants agents neighbourhood campus students workers union refugees migrants "
    "minority religious opposition party election campaign arrested detained charged "
    "released sentenced tracked located intercepted hacked seized extracted shared "
    "company companies imported exported sanctions training technical assistance"
).split()
# Phrases a researcher searches for, frequent enough to give many hits.
_PHRASES = ("facial recognition", "human rights", "border crossing", "phone interception")
_ARABIC = (  # noqa: SIM905
    "الشرطة الكاميرات السوق الحدود الهاتف الصحفيين قالت في من على إلى عن التي الذي "
    "الأمن المراقبة الوزارة الداخلية المحكمة الناشطين البيانات الإنترنت قانون الطوارئ "
    "الحكومة المدينة الشارع بصمات الهوية اعتقال التجسس برنامج شركة"
).split()
_CHINESE = (  # noqa: SIM905
    "摄像头 车站 数据 警方 人脸识别 市场 记者 手机 监控 网络 政府 法律 公司 边境 "
    "身份证 指纹 系统 城市 街道 抗议 律师 活动人士 互联网 审查 信息 安全 部门 技术"
).split()
EMOJI = ("📷", "👁️", "📱", "🚨")
_SYLLABLES = (  # noqa: SIM905
    "ka ra mo ti sen vol dar pe lu nim gor ba fel ris tam ok ur zel ho mi an qua"
).split()


class ArticleWriter:
    """Sentences drawn from a Zipf-like vocabulary, joined into articles."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        made = {
            "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(3_000)
        }
        vocabulary = list(_COMMON) + list(_PHRASES) + sorted(made - set(_COMMON))
        weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
        self.english = self._sentences(vocabulary, weights, 4_000, " ")
        self.arabic = self._sentences(_ARABIC, None, 600, " ")
        self.chinese = self._sentences(_CHINESE, None, 600, "")

    def _sentences(
        self, words: list[str], weights: list[float] | None, count: int, joiner: str
    ) -> list[str]:
        stop = "。" if not joiner else "."
        out = []
        for _ in range(count):
            chosen = self.rng.choices(words, weights, k=self.rng.randint(8, 28))
            sentence = joiner.join(chosen)
            out.append(sentence[:1].upper() + sentence[1:] + stop)
        return out

    def article(self, chars: int, kind: str, sprinkle: tuple[str, ...]) -> str:
        """A headline paragraph, then paragraphs of 2-7 sentences, about `chars` long.

        `kind` "mixed" (the 1 MB leaks): English paragraphs with Arabic and Chinese
        ones between them, and emoji here and there.
        """
        rng = self.rng
        pools = {"en": self.english, "ar": self.arabic, "zh": self.chinese}
        headline = rng.choice(pools.get(kind, self.english)).rstrip(".。")
        paragraphs, size = [headline], len(headline)
        while size < chars:
            script = kind
            if kind == "mixed":
                script = rng.choices(("en", "ar", "zh"), (0.7, 0.2, 0.1))[0]
            joiner = "" if script == "zh" else " "
            paragraph = joiner.join(rng.choices(pools[script], k=rng.randint(2, 7)))
            if kind == "mixed" and rng.random() < 0.05:
                paragraph += " " + rng.choice(EMOJI)
            paragraphs.append(paragraph)
            size += len(paragraph) + 2
        for extra in sprinkle:  # quoted phrases, rare words and emoji, somewhere inside
            at = rng.randrange(1, len(paragraphs))
            paragraphs[at] = f"{paragraphs[at]} “{extra}”"
        return "\n\n".join(paragraphs)
