"""The shipped headline model is the one `headlines` can read: one weight per feature."""

from __future__ import annotations

import json
from importlib import resources

from annotator.core.importing import headlines


def test_the_shipped_model_weighs_every_feature_and_nothing_else() -> None:
    path = resources.files("annotator.core.importing").joinpath("headline_model.json")
    weights = json.loads(path.read_text("utf-8"))["weights"]
    assert list(weights) == list(headlines.NAMES)
    assert all(isinstance(value, float) for value in weights.values())
