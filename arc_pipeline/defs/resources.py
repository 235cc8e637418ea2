"""Dagster resources: the pipeline configuration (profile) and the DuckDB warehouse."""

from __future__ import annotations

import dagster as dg

from arc_pipeline.config import PipelineConfig, load_config
from arc_pipeline.warehouse import Warehouse


class PipelineResource(dg.ConfigurableResource):
    """Which profile a run uses; ``data_dir`` overrides where the warehouse and files live."""

    profile: str = "cpu-tiny"
    data_dir: str | None = None

    def config(self) -> PipelineConfig:
        overrides = {"data_dir": self.data_dir} if self.data_dir else None
        return load_config(self.profile, overrides=overrides)

    def warehouse(self) -> Warehouse:
        return Warehouse(self.config().warehouse_path)


def default_pipeline_resource() -> PipelineResource:
    """Resource from the environment: ARC_PIPELINE_PROFILE / ARC_PIPELINE_DATA_DIR."""
    import os

    return PipelineResource(
        profile=os.environ.get("ARC_PIPELINE_PROFILE", "cpu-tiny"),
        data_dir=os.environ.get("ARC_PIPELINE_DATA_DIR") or None,
    )


class TeacherResource(dg.ConfigurableResource):
    """The teacher that writes edits. Empty fields fall back to the profile's `teacher:` section.

    Keys come from the environment through ``dg.EnvVar`` (see ``default_teacher_resource``);
    a configured API teacher without its key fails at start with the variable's name.
    """

    name: str = ""
    model: str = ""
    base_url: str | None = None
    anthropic_api_key: str | None = None
    gemini_api_key: str | None = None
    price_per_mtok: str = ""  # "input,output" USD per million tokens; overrides the price table

    def settings(self) -> dict:
        return {k: v for k, v in {
            "name": self.name, "model": self.model, "base_url": self.base_url,
            "price_per_mtok": self.price_per_mtok,
            "anthropic_api_key": self.anthropic_api_key, "gemini_api_key": self.gemini_api_key,
        }.items() if v}


def default_teacher_resource() -> TeacherResource:
    """Teacher choice from ARC_PIPELINE_TEACHER / _MODEL / _BASE_URL / _PRICE; keys via dg.EnvVar."""
    import os

    env = os.environ
    gemini_var = "GEMINI_API_KEY" if env.get("GEMINI_API_KEY") else "GOOGLE_API_KEY"
    return TeacherResource(
        name=env.get("ARC_PIPELINE_TEACHER", ""),
        model=env.get("ARC_PIPELINE_TEACHER_MODEL", ""),
        base_url=env.get("ARC_PIPELINE_TEACHER_BASE_URL") or None,
        price_per_mtok=env.get("ARC_PIPELINE_TEACHER_PRICE", ""),
        anthropic_api_key=dg.EnvVar("ANTHROPIC_API_KEY") if env.get("ANTHROPIC_API_KEY") else None,
        gemini_api_key=dg.EnvVar(gemini_var) if env.get(gemini_var) else None,
    )
