"""Dagster resources: the pipeline configuration (profile) and the teacher's API keys.

The environment is read once, by ``config.settings_from_env``; ``default_pipeline_resource`` /
``default_teacher_resource`` turn those settings into resources, and a caller (the runner, a test)
may build the resources from explicit values instead. Teacher *choice* (name, model, base URL,
price) is configuration and lives in ``PipelineResource``; API keys live only in ``TeacherResource``
(through ``dg.EnvVar``) and never reach ``PipelineConfig`` or its dumps.
"""

from __future__ import annotations

import os

import dagster as dg

from arc_pipeline.config import (DEFAULT_PROFILE, PipelineConfig, Settings, TeacherOverrides, resolve_config,
                                 settings_from_env)
from arc_pipeline.warehouse import Warehouse


class PipelineResource(dg.ConfigurableResource):
    """Which configuration a run uses: a profile (or a config file), the data dir, teacher overrides.

    Empty fields keep what the profile says.
    """

    profile: str = DEFAULT_PROFILE
    config_path: str | None = None  # an explicit YAML file instead of configs/<profile>.yaml
    data_dir: str | None = None
    teacher: str = ""  # teacher name: search | anthropic | gemini | local | replay
    teacher_model: str = ""
    teacher_base_url: str = ""
    teacher_price: str = ""  # "input,output" USD per million tokens; overrides the price table

    def settings(self) -> Settings:
        return Settings(profile=self.profile, config_path=self.config_path, data_dir=self.data_dir,
                        teacher=TeacherOverrides(self.teacher, self.teacher_model, self.teacher_base_url,
                                                 self.teacher_price))

    def config(self) -> PipelineConfig:
        return resolve_config(self.settings())

    def warehouse(self) -> Warehouse:
        return Warehouse(self.config().warehouse_path)


def pipeline_resource(settings: Settings) -> PipelineResource:
    """The resource that resolves to exactly ``resolve_config(settings)``."""
    t = settings.teacher
    return PipelineResource(profile=settings.profile or DEFAULT_PROFILE, config_path=settings.config_path,
                            data_dir=settings.data_dir,
                            teacher=t.name, teacher_model=t.model, teacher_base_url=t.base_url,
                            teacher_price=t.price_per_mtok)


def default_pipeline_resource() -> PipelineResource:
    """Resource from the environment (``settings_from_env``): what ``dagster dev`` loads."""
    return pipeline_resource(settings_from_env())


class TeacherResource(dg.ConfigurableResource):
    """The teacher's API keys. Everything else about the teacher is in ``PipelineResource``.

    Keys come from the environment through ``dg.EnvVar`` (see ``default_teacher_resource``);
    a configured API teacher without its key fails at start with the variable's name.
    """

    anthropic_api_key: str | None = None
    gemini_api_key: str | None = None
    openai_api_key: str | None = None  # teacher "openai"; another variable: teacher.api_key_env

    def settings(self) -> dict:
        """The keys that are set, for ``make_teacher(cfg, secrets, ...)``."""
        return {k: v for k, v in {"anthropic_api_key": self.anthropic_api_key,
                                  "gemini_api_key": self.gemini_api_key,
                                  "openai_api_key": self.openai_api_key}.items() if v}


def default_teacher_resource() -> TeacherResource:
    """API keys via ``dg.EnvVar`` (resolved by Dagster at run time, never stored in config)."""
    env = os.environ  # only to see which variable is set: the value itself stays in the environment
    gemini_var = "GEMINI_API_KEY" if env.get("GEMINI_API_KEY") else "GOOGLE_API_KEY"
    return TeacherResource(
        anthropic_api_key=dg.EnvVar("ANTHROPIC_API_KEY") if env.get("ANTHROPIC_API_KEY") else None,
        gemini_api_key=dg.EnvVar(gemini_var) if env.get(gemini_var) else None,
        openai_api_key=dg.EnvVar("OPENAI_API_KEY") if env.get("OPENAI_API_KEY") else None,
    )
