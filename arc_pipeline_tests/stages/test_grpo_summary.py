"""The GRPO summary says how the curriculum moved: tasks that changed action per round and after
the last round, and which levels were open then (issue: the curriculum must be visible)."""

import polars as pl

from arc_pipeline.stages.grpo_checkpoint import _summary
from arc_pipeline.training.rounds import RoundResult, RoundsResult


def _decisions(actions: dict[str, tuple[str, str]], round_no: int) -> pl.DataFrame:
    return pl.DataFrame({"task_id": list(actions), "level": [lv for lv, _ in actions.values()],
                         "action": [a for _, a in actions.values()], "round": [round_no] * len(actions)})


def _round(r: int, decisions: pl.DataFrame) -> RoundResult:
    visits = [{"call": 0, "task_id": "a", "variant_id": None, "reward_before": 0.2, "reward_after": 0.1,
               "delta_r": -0.1, "valid": True}]
    metrics = {"fingerprint": f"f{r}", "steps": 1, "delta_r_per_step": [-0.1 * r]}
    return RoundResult(r, metrics, decisions, visits, rows=1, augmented_rows=0, open_levels=["level-1"],
                       max_completion_length=64)


def test_summary_counts_action_changes_between_rounds_and_after_the_last():
    r1 = _decisions({"a": ("level-1", "keep"), "b": ("level-2", "locked")}, 1)
    r2 = _decisions({"a": ("level-1", "boost"), "b": ("level-2", "locked")}, 2)
    final = _decisions({"a": ("level-1", "boost"), "b": ("level-2", "keep")}, 3)
    result = RoundsResult(rounds=[_round(1, r1), _round(2, r2)], final_decisions=final)
    m = _summary(result, 1, {"a": "level-1", "b": "level-2"})
    assert [r["changed_actions"] for r in m["round_records"]] == [{}, {"a": "keep -> boost"}]
    assert m["after_last_round"]["changed_actions"] == {"b": "locked -> keep"}
    assert m["after_last_round"]["open_levels"] == ["level-1", "level-2"]
    assert m["after_last_round"]["actions"] == {"boost": 1, "keep": 1}
