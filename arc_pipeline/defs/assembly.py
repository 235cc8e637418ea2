"""Assemble assets, checks, resources, schedules and jobs into one Definitions object."""

from __future__ import annotations

import dagster as dg

from arc_pipeline.defs import foundation, traces, training
from arc_pipeline.defs.resources import default_pipeline_resource, default_teacher_resource

ASSET_MODULES = [foundation, traces, training]


def build_definitions() -> dg.Definitions:
    assets = dg.load_assets_from_modules(ASSET_MODULES)
    checks = dg.load_asset_checks_from_modules(ASSET_MODULES)
    return dg.Definitions(
        assets=assets,
        asset_checks=checks,
        resources={"pipeline": default_pipeline_resource(), "teacher": default_teacher_resource()},
        jobs=[traces.traces_job],
        schedules=[traces.resample_traces_schedule],
    )
