"""Assemble assets, checks, resources, schedules and jobs into one Definitions object."""

from __future__ import annotations

import dagster as dg

from arc_pipeline.defs import evaluation, foundation, traces, training
from arc_pipeline.defs.resources import default_pipeline_resource, default_teacher_resource

ASSET_MODULES = [foundation, traces, training, evaluation]


# The foundation assets as a job on the multiprocess executor: what a bigger machine or a
# cluster executor (dagster-k8s, dagster-celery) runs, one process/pod per step.
foundation_job = dg.define_asset_job(
    "foundation_job", selection=["arc_tasks", "verified_solutions"],
    executor_def=dg.multiprocess_executor.configured({"max_concurrent": 2}),
)


def build_definitions() -> dg.Definitions:
    assets = dg.load_assets_from_modules(ASSET_MODULES)
    checks = dg.load_asset_checks_from_modules(ASSET_MODULES)
    return dg.Definitions(
        assets=assets,
        asset_checks=checks,
        resources={"pipeline": default_pipeline_resource(), "teacher": default_teacher_resource()},
        jobs=[traces.traces_job, foundation_job],
        schedules=[traces.resample_traces_schedule],
        # Runs launched from the UI, a schedule or a backfill execute their steps (asset + its
        # checks) inside the run's own process: on 2 cores a subprocess per step bought no
        # parallelism (the sandbox pool already fills both cores) and cost one code load each,
        # 6-10 s on a loaded box -- most of a small level's run. foundation_job keeps its
        # multiprocess executor for bigger machines.
        executor=dg.in_process_executor,
    )


def foundation_job_def():
    """The resolved multiprocess foundation job (reconstructable: for execute_job in tests)."""
    return build_definitions().resolve_job_def("foundation_job")
