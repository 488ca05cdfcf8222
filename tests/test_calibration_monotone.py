"""The relevance never falls as the evidence for a passage grows.

Hits are ranked by the fused score but called weak (below ``NO_ANSWER_BELOW``) by the relevance, so a
relevance that fell as the meaning or keyword match improved would call a closer match weak where a
worse one passes.
"""

import numpy as np
import pytest

from qa.calibration import relevance

GRID = np.linspace(0.0, 2.0, 41)


@pytest.mark.parametrize("coverage", [0.0, 0.5, 1.0])
@pytest.mark.parametrize("other", [0.0, 0.45, 1.0, 2.0])
def test_relevance_non_decreasing_in_dense_standing(coverage, other):
    score = relevance(np.full_like(GRID, other), GRID, coverage)
    assert np.all(np.diff(score) >= -1e-12), score


@pytest.mark.parametrize("coverage", [0.0, 0.5, 1.0])
@pytest.mark.parametrize("other", [0.0, 0.5, 1.0, 2.0])
def test_relevance_non_decreasing_in_keyword_match(coverage, other):
    score = relevance(GRID, np.full_like(GRID, other), coverage)
    assert np.all(np.diff(score) >= -1e-12), score
