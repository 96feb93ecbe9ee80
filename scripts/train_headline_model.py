"""Train the headline model of pasted pages (annotator/core/importing/headline_model.json).

    .venv/bin/python scripts/train_headline_model.py            # train on even ids, check odd
    .venv/bin/python scripts/train_headline_model.py --check    # only score the shipped model

The real-page corpus (../shared/corpora/web-pages.tar.xz) is unpacked to a temporary
folder as the benchmark does; nothing of it is written here but the weights. Each
page's text is the browser's copy (inscriptis); the candidate lines near the body's
start get their features (`headlines.candidates`), and the gold title says which
line is the headline (the label only: no gold text is a feature). A logistic
regression (scikit-learn, a test dependency; deterministic, lbfgs) is trained on the
pages with even ids, and the share of odd pages whose chosen line is the gold title
is printed beside the even figure: if odd is clearly worse, the model fits the pages.
The weights are rounded and written as JSON, read at run time in plain Python.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.core.importing import article, headlines, languages  # noqa: E402
from tests.benchmarks import web_corpus  # noqa: E402

MODEL = ROOT / "annotator" / "core" / "importing" / "headline_model.json"


def _key(value: str) -> str:
    value = unicodedata.normalize("NFKC", value or "").casefold()
    return " ".join(re.sub(r"[\W_]+", " ", value).split())


def examples() -> list[tuple[str, list[tuple[int, list[float]]], set[int]]]:
    """Per page with a gold title: its half, its candidates and which of them are it."""
    folder = web_corpus.corpora_folder()
    if folder is None:
        raise SystemExit("The real-page corpus is not here (set ANNOTATOR_CORPORA).")
    found = []
    for page in web_corpus.pages(folder):
        gold = page.gold.get("title")
        if not gold:
            continue
        text = web_corpus.pasted_text(page.data)
        language = languages.detect(text)
        where = article.find(text, language)
        if where is None:
            continue
        lines = text.split("\n")
        candidates = headlines.candidates(lines, where.body_first, language)
        right = {i for i, _ in candidates if _key(lines[i]) == _key(gold)}
        found.append((page.half, candidates, right))
    return found


def accuracy(pages: list, weights: dict[str, float]) -> tuple[int, int]:
    hits = 0
    for _, candidates, right in pages:
        if candidates:
            best = max(candidates, key=lambda item: headlines.score(item[1], weights))[0]
            hits += best in right
    return hits, len(pages)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="score the shipped model only")
    parser.add_argument("--c", type=float, default=0.5, help="inverse regularisation")
    args = parser.parse_args()
    pages = examples()
    even = [p for p in pages if p[0] == "even"]
    odd = [p for p in pages if p[0] == "odd"]
    if args.check:
        weights = json.loads(MODEL.read_text("utf-8"))["weights"]
    else:
        from sklearn.linear_model import LogisticRegression

        rows, labels = [], []
        for _, candidates, right in even:
            if not right:
                continue  # the title is not a line of the copy: nothing to learn
            for index, features in candidates:
                rows.append(features[1:])
                labels.append(index in right)
        model = LogisticRegression(C=args.c, max_iter=5000, class_weight="balanced")
        model.fit(rows, labels)
        weights = {"bias": round(float(model.intercept_[0]), 4)}
        weights |= {
            name: round(float(w), 4)
            for name, w in zip(headlines.NAMES[1:], model.coef_[0], strict=True)
        }
        MODEL.write_text(
            json.dumps(
                {
                    "about": "Logistic weights of the headline of a pasted page "
                    "(annotator/core/importing/headlines.py), trained by "
                    "scripts/train_headline_model.py on the even ids of the real-page corpus.",
                    "weights": weights,
                },
                indent=1,
            )
            + "\n",
            "utf-8",
        )
    for name, part in (("even (trained on)", even), ("odd (held out)", odd)):
        hits, total = accuracy(part, weights)
        print(f"{name}: the headline line is the gold title on {hits}/{total} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
