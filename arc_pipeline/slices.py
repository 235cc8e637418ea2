"""Which tasks a run uses: the fixed default slice (the embedded default) or every task.

The default slice is a documented, fixed list so that every laptop run sees the same tasks.
Training side: ARC-AGI-1 training tasks that have verified solutions and small grids (so the
whole lineage runs in minutes on 2 cores). Evaluation side: ARC-AGI-1 evaluation tasks with
small grids. Evaluation tasks never enter training data unless the seed's documented
"add 100 evaluation tasks" switch moves them (and then they leave the held-out set).
"""

from __future__ import annotations

from arc_pipeline.config import TasksConfig
from arc_pipeline.tasks import ArcTask, load_tasks

# 16 ARC-AGI-1 evaluation tasks with the fewest cells overall (train + test grids; ties by id):
# short prompts for the tiny CPU model. Chosen by that rule; frozen here. The first 8 were the
# slice until 2026-12-03; the next 8 by the same rule were added because with 8 tasks one
# improved task more or less moves a 95% interval's end across 0 (and eval.top_p / GRPO beta
# had been chosen looking at the first 8: the added ones were never looked at).
DEFAULT_EVAL_SLICE: tuple[str, ...] = (
    "66e6c45b", "be03b35f", "00576224", "4cd1b7b2", "ca8de6ea", "e633a9e5", "6ea4a07e", "2072aba6",
    "68b67ca3", "e133d23d", "48131b3c", "59341089", "0c786b71", "60c09cac", "17cae0c1", "5783df64",
)
# The next 16 by the same rule: a VALIDATION slice for choosing knobs (temperature, top_p, steps)
# without looking at the reported tasks. Held out from training like the whole evaluation split,
# never in a report; probed with `arc-pipeline probe` (evaluation/validation.py).
DEFAULT_VALIDATION_SLICE: tuple[str, ...] = (
    "ed98d772", "d017b73f", "e345f17b", "fc754716", "b0722778", "31d5ba1a", "8ba14f53", "e6de6e8f",
    "34b99a2b", "506d28a5", "27a77e38", "c8b7cc0f", "62b74c02", "0692e18c", "3b4c2228", "8e2edd66",
)
# 30 ARC-AGI-1 training tasks: among those with verified solutions (as of the first 198),
# the ones with the fewest cells overall (train + test grids). Chosen once by that rule.
DEFAULT_TRAIN_SLICE: tuple[str, ...] = (
    "017c7c7b", "0520fde7", "0d3d703e", "1e0a9b12", "25d8a9c8", "25ff71a9", "27a28665", "2dee498d",
    "3618c87e", "3af2c5a8", "3c9b0459", "88a62173", "8be77c9e", "8d5021e8", "8e5a5113", "94f9d214",
    "9565186b", "99b1bc43", "9af7a82c", "9dfd6313", "a416b8f3", "a740d043", "a79310a0", "a85d4709",
    "a87f7484", "a9f96cdd", "aedd82e4", "b1948b0a", "bbc9ae5d", "bdad9b1f",
)


def _cells(task: ArcTask) -> int:
    return sum(len(g) * len(g[0]) for p in task.train + task.test for g in (p.input, p.output))


def eval_subset_for_training(eval_tasks: dict[str, ArcTask], n: int = 100) -> tuple[str, ...]:
    """The seed's optional 100 evaluation tasks for training: the first n ids in sorted order."""
    return tuple(sorted(eval_tasks)[:n])


def select_tasks(cfg: TasksConfig) -> tuple[dict[str, ArcTask], dict[str, ArcTask]]:
    """(training pool, held-out evaluation tasks) for a config; disjoint by construction."""
    train_all = load_tasks(cfg.train_dataset, cfg.train_split)
    eval_all = load_tasks(cfg.eval_dataset, cfg.eval_split)
    if cfg.slice == "default":
        train = {t: train_all[t] for t in DEFAULT_TRAIN_SLICE if t in train_all}
        evals = {t: eval_all[t] for t in DEFAULT_EVAL_SLICE if t in eval_all}
    elif cfg.slice == "all":
        train, evals = dict(train_all), dict(eval_all)
    else:
        raise ValueError(f"tasks.slice must be 'default' or 'all', got {cfg.slice!r}")
    if cfg.add_eval_subset_to_training:
        moved = eval_subset_for_training(eval_all)
        train.update({t: eval_all[t] for t in moved})
        evals = {t: v for t, v in evals.items() if t not in moved}
    if cfg.train_limit is not None:
        train = {t: train[t] for t in sorted(train)[: cfg.train_limit]}
    if cfg.eval_limit is not None:
        evals = {t: evals[t] for t in sorted(evals)[: cfg.eval_limit]}
    overlap = set(train) & set(evals)
    if overlap:
        raise ValueError(f"training and evaluation tasks overlap: {sorted(overlap)[:5]}")
    return train, evals


def tasks_frame(cfg: TasksConfig, train: dict[str, ArcTask], evals: dict[str, ArcTask]):
    """The `tasks` table: one row per task with its role, sizes, JSON and the data revision.

    ``train_json`` holds the train pairs only (what prompts may show); ``task_json`` the full
    task (used by verification and evaluation scoring only).
    """
    import json

    import polars as pl

    from arc_pipeline.tasks import data_revision

    revision = data_revision({**train, **evals})
    rows = []
    for role, tasks, dataset, split in (("train", train, cfg.train_dataset, cfg.train_split),
                                        ("eval", evals, cfg.eval_dataset, cfg.eval_split)):
        for task_id in sorted(tasks):
            t = tasks[task_id]
            rows.append({
                "task_id": task_id, "role": role, "dataset": str(dataset), "split": split,
                "n_train": len(t.train), "n_test": len(t.test),
                "max_side": max(max(len(g), len(g[0])) for p in t.train + t.test for g in (p.input, p.output)),
                "train_json": t.train_json(), "task_json": json.dumps(t.to_json(), separators=(",", ":")),
                "content_hash": t.content_hash(), "data_revision": revision,
            })
    return pl.DataFrame(rows), revision


def held_out_task_ids(cfg: TasksConfig, eval_role_ids: set[str]) -> set[str]:
    """Tasks that must never reach training: the eval role, plus the whole evaluation split
    (minus the documented subset when the 'add 100 evaluation tasks' switch is on)."""
    eval_split = load_tasks(cfg.eval_dataset, cfg.eval_split)
    moved = set(eval_subset_for_training(eval_split)) if cfg.add_eval_subset_to_training else set()
    return (set(eval_role_ids) | set(eval_split)) - moved
