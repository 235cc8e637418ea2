"""arc_pipeline: ARC-AGI program synthesis with edit models, as a reproducible pipeline.

The library never imports dagster; the orchestration layer lives in ``arc_pipeline.defs``.
"""

__version__ = "0.1.0"
