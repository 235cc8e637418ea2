"""Stage `arc_tasks`: the profile's task selection -> table `tasks`."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from arc_pipeline.config import PipelineConfig
from arc_pipeline.slices import select_tasks, tasks_frame
from arc_pipeline.tasks import ArcTask
from arc_pipeline.warehouse import Warehouse


@dataclass
class ArcTasksResult:
    frame: pl.DataFrame
    train: dict[str, ArcTask]
    evals: dict[str, ArcTask]
    revision: str


def build_arc_tasks(cfg: PipelineConfig, wh: Warehouse) -> ArcTasksResult:
    """Select the training pool and held-out tasks of this profile and store them (`tasks`)."""
    train, evals = select_tasks(cfg.tasks)
    frame, revision = tasks_frame(cfg.tasks, train, evals)
    wh.replace_table("tasks", frame)
    return ArcTasksResult(frame, train, evals, revision)
