"""Made-up articles for the durability tests: varied scripts, any length, no real news."""

from __future__ import annotations

import random

SENTENCES = (
    "Police installed forty new cameras along the river road last spring.",
    "Residents said a drone hovered over the market for most of the afternoon.",
    "The ministry denied that phones seized at the checkpoint were copied.",
    "Officers photographed every protester who passed the east gate.",
    "قال شهود إن الشرطة صادرت الهواتف عند نقطة التفتيش.",
    "天网摄像头覆盖了整个老城区。",
    "A leaked contract lists 📷 facial recognition for 12 stations.",
    "Cafe\u0301 owners were asked to keep guest lists for thirty days.",
    "SIM cards now require a fingerprint at the point of sale.",
    "Journalists found spyware on two devices after the election.",
)


def article(rng: random.Random, size: int, title: str = "") -> str:
    """About `size` characters: a headline, a dateline, then paragraphs of sentences."""
    parts = [title or f"Report {rng.randrange(10**6)}", f"date 2024-{rng.randint(1, 12):02d}-10"]
    length = sum(map(len, parts))
    while length < size:
        paragraph = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 6)))
        parts.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(parts)
