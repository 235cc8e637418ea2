"""Partitions: difficulty levels (level-1 easiest .. level-5 hardest)."""

import dagster as dg

from arc_pipeline.baselines import LEVELS

difficulty_partitions = dg.StaticPartitionsDefinition(list(LEVELS))
