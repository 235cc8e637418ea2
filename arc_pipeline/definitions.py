"""Dagster entry point (`dagster dev -w workspace.yaml`): everything is assembled in defs/."""

from arc_pipeline.defs.assembly import build_definitions

defs = build_definitions()
