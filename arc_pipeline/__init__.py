"""arc_pipeline: ARC-AGI program synthesis with edit models, as a reproducible pipeline.

The library never imports dagster; the orchestration layer lives in ``arc_pipeline.defs``.
"""

__version__ = "0.2.1"  # 0.2.1: the curriculum boosts tasks whose student edits stall (GRPO results change)
