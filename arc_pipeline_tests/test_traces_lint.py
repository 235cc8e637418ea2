"""The CoT lint flags planted failure modes and passes clean traces (incl. the search teacher's)."""

import pytest

from arc_pipeline.config import LintConfig
from arc_pipeline.traces_lint import colour_arithmetic, flag_rates, level_budget, lint_cot, repetition_score

CFG = LintConfig()
CLEAN = ("The start program recolours every cell, but in the train outputs only the largest object changes. "
         "Example 0 shows the 3x3 square turning blue while the two single cells keep their colour. "
         "So the edit is to select the largest object first and recolour only that object. "
         "The mirror step in the start program is also wrong: the outputs are not flipped, so I remove it. "
         "With both changes the program should reproduce all three train outputs exactly.")
BLABBER = " ".join(
    f"Maybe the rule is a rotation. Wait, that does not work for example {i}. "
    "Let me try a flip instead. Hmm, no, the flip does not work either. Alternatively maybe it is a recolour."
    for i in range(6))
COLOUR_SUM = ("The cells in the first row have colours 5 and 3, and 5 + 3 = 8, so the output cell gets "
              "colour 8. This matches the pattern of summing along rows.")
COLOUR_ORDER = "Colour 7 is greater than 2, so the larger colour wins and fills the whole object."
LEAK = ("Looking at the test input, it has four objects, and I already know the answer: the test output is "
        "the input mirrored, so I just flip it.")
SEARCH_COT = ("[search-written]\nThe current program scores 0.42 on the train examples.\n"
              "Example 0: shape right, 7/9 pixels right. Mismatch map (. = right, X = wrong):.\n"
              "Example 1: wrong shape: got 3x3, expected 6x6.\n"
              "I tried 48 edits over 2 rounds, running each on the train inputs.\n"
              "The edits I kept: replaced rot90 with rot180.\n"
              "After them the program scores 1.00 (Δr = +0.58); examples 0, 1 now correct.")


@pytest.mark.parametrize("cot", [CLEAN, SEARCH_COT])
def test_clean_traces_pass(cot):
    res = lint_cot(cot, len(cot.split()), "level-1", CFG)
    assert res.flags == (), res.notes


def test_blabbering_trace_is_flagged():
    res = lint_cot(BLABBER, len(BLABBER.split()), "level-5", CFG)
    assert "repetition" in res.flags
    assert res.repetition >= CFG.repetition_threshold > repetition_score(CLEAN)


@pytest.mark.parametrize("cot", [COLOUR_SUM, COLOUR_ORDER])
def test_colour_arithmetic_is_flagged(cot):
    res = lint_cot(cot, len(cot.split()), "level-1", CFG)
    assert res.flags == ("colour_arithmetic",), res.notes


def test_position_arithmetic_is_not_colour_arithmetic():
    assert colour_arithmetic("The object moves down: row 2 + 3 = 5, so it ends at the bottom.") is None


def test_answer_revealing_trace_is_flagged():
    res = lint_cot(LEAK, len(LEAK.split()), "level-1", CFG)
    assert "answer_leak" in res.flags and "test input" in res.notes["answer_leak"].lower()


def test_length_past_the_level_budget_is_flagged():
    assert level_budget("level-3", CFG, 256) == 768
    assert level_budget("level-2", LintConfig(tokens_per_level=10), 256) == 20
    assert lint_cot(CLEAN, 769, "level-3", CFG).flags == ("over_budget",)
    assert lint_cot(CLEAN, 768, "level-3", CFG).flags == ()


def test_short_repetitive_cot_is_not_blabbering():
    assert lint_cot("Maybe. Wait. Maybe.", 3, "level-1", CFG).flags == ()


def test_flag_rates():
    rates = flag_rates([["repetition"], [], ["repetition", "answer_leak"], None])
    assert rates["repetition"] == pytest.approx(2 / 3, abs=1e-4) and rates["answer_leak"] == pytest.approx(1 / 3, abs=1e-4)
    assert rates["any"] == pytest.approx(2 / 3, abs=1e-4) and rates["colour_arithmetic"] == 0
