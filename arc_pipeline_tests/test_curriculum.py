"""Curriculum rules: sunset / boost / keep, level opening, thinking budgets, reasons, frames."""

import polars as pl
import pytest

from arc_pipeline.curriculum import Curriculum, CurriculumConfig, level_number


def test_sunset_boost_keep_rules():
    cur = Curriculum(CurriculumConfig(gate_levels=False))
    cur.record("solved", [0.95, 1.0, 0.9], "baseline")
    cur.record("hard", [0.0, 0.02], "teacher")
    cur.record("mid", [0.3, 0.6, 0.5], "grpo")
    cur.record("noisy", [1.0, 1.0, 0.6, 1.0], "grpo")  # mean 0.9 but std 0.17: not reliable yet
    cur.record("few", [1.0, 1.0], "teacher")  # only 2 visits (< 3)
    cur.set_level("new", "level-2")  # no rewards yet
    d = {x.task_id: x for x in cur.decide()}
    assert d["solved"].action == "sunset" and d["solved"].weight == 0.0
    assert d["hard"].action == "boost" and d["hard"].weight == 3.0 and d["hard"].augment
    assert d["mid"].action == "keep" and d["mid"].weight == 1.0 and not d["mid"].augment
    assert d["noisy"].action == "keep"
    assert d["few"].action == "keep" and "visits" in d["few"].reason
    assert d["new"].action == "keep" and d["new"].reason == "no rewards recorded yet"
    for x in d.values():
        assert x.reason and isinstance(x.reason, str)
    assert "mean 0.950" in d["solved"].reason and "no longer sampled" in d["solved"].reason
    assert "x3" in d["hard"].reason and "augmented" in d["hard"].reason


def test_record_accumulates_and_window_lets_tasks_recover():
    cur = Curriculum(CurriculumConfig(gate_levels=False, window=4))
    cur.record("t", [0.0] * 10, "baseline")
    assert cur.decide()[0].action == "boost"
    cur.record("t", [1.0] * 4, "grpo")
    (d,) = cur.decide()
    assert d.action == "sunset" and d.visits == 14 and d.mean_reward == 1.0
    cur.record("t", [None, float("nan")], "grpo")  # ignored
    assert cur.decide()[0].visits == 14


def test_min_visits_is_configurable():
    cur = Curriculum(CurriculumConfig(gate_levels=False, min_visits=5))
    cur.record("t", [1.0] * 4, "teacher")
    assert cur.decide()[0].action == "keep"
    cur.record("t", [1.0], "teacher")
    assert cur.decide()[0].action == "sunset"


def _levelled(n1_sunset: int, n1: int = 4) -> Curriculum:
    cur = Curriculum()
    for i in range(n1):
        cur.set_level(f"a{i}", "level-1")
        cur.record(f"a{i}", [1.0, 1.0, 1.0] if i < n1_sunset else [0.5, 0.4, 0.6], "baseline")
    cur.set_level("b0", "level-2")
    cur.record("b0", [0.0, 0.0, 0.0], "baseline")
    cur.set_level("c0", "level-3")
    cur.record("c0", [0.3], "baseline")
    return cur


def test_levels_open_when_the_previous_one_saturates():
    cur = _levelled(n1_sunset=2)  # 2/4 = 50 % < 70 %
    assert cur.open_levels() == ["level-1"]
    d = {x.task_id: x for x in cur.decide()}
    assert d["b0"].action == "locked" and d["b0"].weight == 0.0
    assert "level-2 is not open yet" in d["b0"].reason and "2/4" in d["b0"].reason and "boost" in d["b0"].reason
    assert d["a3"].action == "keep"

    cur = _levelled(n1_sunset=3)  # 3/4 = 75 % >= 70 %
    assert cur.open_levels() == ["level-1", "level-2"]
    d = {x.task_id: x for x in cur.decide()}
    assert d["b0"].action == "boost"  # open now; level-2 itself is not saturated
    assert d["c0"].action == "locked"

    # empty levels do not block: level-3 and above open once level-2 saturates
    cur.record("b0", [1.0] * 5, "grpo")
    assert cur.decide()  # smoke
    cur2 = Curriculum(CurriculumConfig(window=3))
    cur2.set_level("x", "level-1")
    cur2.record("x", [1.0] * 3, "grpo")
    assert cur2.open_levels() == ["level-1", "level-2", "level-3", "level-4", "level-5"]


def test_open_fraction_is_configurable():
    cur = _levelled(n1_sunset=2)
    cur.config = CurriculumConfig(open_fraction=0.5)
    assert "level-2" in cur.open_levels()


def test_thinking_budget_grows_with_level():
    cur = Curriculum(CurriculumConfig(base_thinking_budget=100))
    budgets = [cur.thinking_budget(f"level-{k}") for k in range(1, 6)]
    assert budgets == [100, 200, 300, 400, 500]
    assert cur.thinking_budget(3) == 300 and cur.thinking_budget(None) == 100
    cur.set_level("t", "level-4")
    assert cur.decide()[0].thinking_budget == 400
    assert level_number("level-5") == 5
    with pytest.raises(ValueError):
        level_number("hard")


def test_frames_round_trip():
    cur = _levelled(n1_sunset=3)
    cur.set_level("empty", "level-5")
    frame = cur.to_frame()
    assert set(frame.columns) == {"task_id", "level", "seq", "source", "reward", "round", "delta_r"}
    back = Curriculum.from_frame(frame, cur.config)
    assert back.decisions_frame().equals(cur.decisions_frame())
    assert back.rewards("a0") == [1.0, 1.0, 1.0] and back.level_of("empty") == "level-5"

    decisions = cur.decisions_frame()
    assert isinstance(decisions, pl.DataFrame)
    assert {"task_id", "action", "weight", "reason", "augment", "level", "thinking_budget"} <= set(decisions.columns)
    assert decisions["reason"].str.len_chars().min() > 0
    assert set(decisions["action"]) <= {"sunset", "boost", "keep", "locked"}
    # DuckDB persistence (the lead stores it; here: the frame survives a table round trip)
    import duckdb

    con = duckdb.connect()
    con.register("f", frame)
    stored = con.execute("select * from f order by task_id, seq").pl()
    assert Curriculum.from_frame(stored, cur.config).decisions_frame().equals(decisions)


def test_stalled_student_edits_boost_a_task_its_mean_reward_would_keep():
    """A student that writes valid programs earns >= 0.2 without ever improving its start: the
    task is boosted (with augmentation) because its edits stall, not because its reward is low."""
    cur = Curriculum(CurriculumConfig(gate_levels=False, stall_min_edits=16))
    cur.record("stuck", [0.2] * 20, "grpo", 1, [-0.01] * 20)
    cur.record("learning", [0.2] * 18 + [0.6, 0.7], "grpo", 1, [-0.01] * 18 + [0.4, 0.5])  # 2/20 = 10% improve
    cur.record("young", [0.2] * 10, "grpo", 1, [0.0] * 10)  # too few edits to judge
    cur.record("prior", [0.2] * 20, "baseline")  # no student edits: the prior's mean decides
    cur.record("no_deltas", [0.2] * 20, "grpo", 1)  # rewards recorded without Δr
    d = {x.task_id: x for x in cur.decide()}
    assert d["stuck"].action == "boost" and d["stuck"].augment and d["stuck"].weight == 3.0
    assert "0 of its last 20 edits improved" in d["stuck"].reason
    for task in ("learning", "young", "prior", "no_deltas"):
        assert d[task].action == "keep", task
    # a few improving edits in the window bring it back to keep
    cur.record("stuck", [0.6, 0.6], "grpo", 2, [0.4, 0.4])
    assert {x.task_id: x for x in cur.decide()}["stuck"].action == "keep"
    # the rule can be turned off, and the Δr survive the stored record
    off = Curriculum.from_frame(cur.to_frame(), CurriculumConfig(gate_levels=False, stall_improve_rate=0.0))
    assert {x.task_id: x.action for x in off.decide()}["stuck"] == "keep"
    assert Curriculum.from_frame(cur.to_frame(), cur.config).student_deltas("stuck") == cur.student_deltas("stuck")
    with pytest.raises(ValueError, match="task t: 1 deltas for 2 rewards"):
        cur.record("t", [0.1, 0.2], "grpo", 1, [0.0])


def test_levels_open_until_the_student_has_tasks_it_can_improve():
    """With ``min_learning_tasks`` the student's probe edits open levels, easiest first, until
    enough open tasks are ones its edits improve; a level the student has not tried opens nothing."""
    from arc_pipeline.curriculum import PROBE, STUDENT

    layout = {"a1": "level-1", "a2": "level-1", "b1": "level-2", "b2": "level-2",
              "c1": "level-3", "c2": "level-3", "d1": "level-4"}
    improves = {"b1": 1, "c1": 2, "c2": 4, "d1": 8}  # of 8 edits each; level-1 never improves

    def curriculum(min_learning: int, tried=tuple(layout)) -> Curriculum:
        cur = Curriculum(CurriculumConfig(min_learning_tasks=min_learning))
        for t, lv in layout.items():
            cur.set_level(t, lv)
            cur.record(t, [0.3, 0.3], "baseline")
            if t in tried:
                k = improves.get(t, 0)
                cur.record(t, [0.3] * 8, PROBE, 0, [0.1] * k + [-0.1] * (8 - k))
        return cur

    assert curriculum(0).open_levels() == ["level-1"]  # off: the baseline gating alone
    cur = curriculum(3)
    assert [t for t in layout if cur.in_learning_zone(t)] == ["b1", "c1", "c2", "d1"]
    assert cur.open_levels() == ["level-1", "level-2", "level-3"]  # 1 (b1) < 3, then 3 (b1, c1, c2)
    d = {x.task_id: x for x in cur.decide()}
    assert d["d1"].action == "locked" and "learning zone" in d["d1"].reason
    assert d["c2"].action == "keep" and d["c2"].source == PROBE and d["c2"].student_visits == 8
    assert curriculum(1).open_levels() == ["level-1", "level-2"]
    assert curriculum(9).open_levels() == [
        "level-1", "level-2", "level-3", "level-4", "level-5"]
    # the student has not tried b2 yet: level 2 is open but says nothing about level 3
    assert curriculum(3, tried=("a1", "a2", "b1", "c1", "c2")).open_levels() == ["level-1", "level-2"]
    # GRPO rewards join the probe's: the decision's source says so
    cur.record("c2", [0.4] * 4, STUDENT, 1, [0.1] * 4)
    assert {x.task_id: x.source for x in cur.decide()}["c2"] == STUDENT
    assert Curriculum.from_frame(cur.to_frame(), cur.config).open_levels() == cur.open_levels()
