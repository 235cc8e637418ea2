"""Stage `verified_solutions`: every DSL solver run in the sandbox -> table `verified_solutions`."""

from __future__ import annotations

from arc_pipeline.config import PipelineConfig
from arc_pipeline.warehouse import Warehouse


def build_verified_solutions(cfg: PipelineConfig, wh: Warehouse):
    """Verify every solver on all train+test pairs and store the rows; returns the report."""
    from arc_pipeline.solutions.verify import verify_solutions_frame

    frame, report = verify_solutions_frame(cfg)
    wh.replace_table("verified_solutions", frame)
    return report
