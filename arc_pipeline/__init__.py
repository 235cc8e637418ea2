"""arc_pipeline: ARC-AGI program synthesis with edit models, as a reproducible pipeline.

The library never imports dagster; the orchestration layer lives in ``arc_pipeline.defs``.
"""

__version__ = "0.2.2"  # 0.2.2: GRPO learning rate 1.0e-4; opt-in student probe, min_learning_tasks, noop_edits_fail (GRPO results change)
