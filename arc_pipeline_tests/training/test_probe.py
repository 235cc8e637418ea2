"""The student probe: every row edited ``samples`` times, scored by the GRPO reward itself (a
visit per completion with GRPO's fields), budgets per level, and reused while nothing changed."""

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from arc_pipeline.rewards.smooth import DEFAULT_REWARD  # noqa: E402
from arc_pipeline.training.probe import probe_student  # noqa: E402
from arc_pipeline_tests.training.test_rounds import MIRROR, _row, _task  # noqa: E402

GOOD = "<think>each row is mirrored</think>\n" + MIRROR
BAD = "<think>no idea</think>\ndef solve(I):\n    O = frobnicate(I)\n    return O\n"


class ScriptedProposer:
    """A stand-in for the SFT model: the first completion per request mirrors, the rest fail."""

    made = 0

    def __init__(self):
        ScriptedProposer.made += 1
        self.max_new_tokens = 0
        self.budgets = []

    def propose(self, requests, n, seed):
        self.budgets.append(self.max_new_tokens)
        return [[GOOD] + [BAD] * (n - 1) for _ in requests]


def test_the_probe_scores_each_rows_edits_like_grpo_and_is_reused(tmp_path):
    tasks = [_task("t1", [[[1, 2], [3, 4]], [[5, 6], [7, 8]]]), _task("t2", [[[1, 0, 2]], [[3, 0, 4]]])]
    rows = [_row(tasks[0], "level-1"), _row(tasks[1], "level-2")]
    proposers = []

    def make(model_dir):
        proposers.append(ScriptedProposer())
        return proposers[-1]

    budget = lambda lv: 10 * int(str(lv or "level-1")[-1])  # noqa: E731
    args = dict(rows=rows, model_dir=tmp_path / "model", out_dir=tmp_path / "grpo", samples=3, seed=0,
                make_proposer=make, budget_of=budget, program_tokens=100, max_completion_length=115,
                reward_config=DEFAULT_REWARD)
    visits = probe_student(**args)
    assert len(visits) == 6 and {v["task_id"] for v in visits} == {"t1", "t2"}
    assert proposers[0].budgets == [110, 115]  # level-1: 10 + 100; level-2: 20 + 100 capped at 115
    for v in visits:
        row = rows[0] if v["task_id"] == "t1" else rows[1]
        assert v["reward_before"] == row["reward_before"] < 1
        assert v["thinking_budget"] == budget(row["difficulty_level"])
        assert set(v) >= {"call", "variant_id", "reward_after", "delta_r", "valid", "status", "penalty"}
    good = [v for v in visits if v["valid"]]
    assert len(good) == 2 and all(v["reward_after"] == 1.0 and v["delta_r"] > 0 for v in good)
    assert all(v["reward_after"] == 0.0 and v["delta_r"] < 0 for v in visits if not v["valid"])
    assert probe_student(**args) == visits and len(proposers) == 1  # reused from disk: no model call
    assert len(probe_student(**{**args, "samples": 2})) == 4 and len(proposers) == 2
    assert probe_student(**{**args, "samples": 0}) == []
