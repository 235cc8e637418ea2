"""arc_pipeline: ARC-AGI program synthesis with edit models, as a reproducible pipeline.

The library never imports dagster; the orchestration layer lives in ``arc_pipeline.defs``.
"""

__version__ = "0.2.0"  # 0.2.0: line references change the student prompt, completions and rewards
