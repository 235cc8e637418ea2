"""One run layout: where a run's files live under the data directory.

Every path the pipeline writes outside the warehouse is built here, so "where is the SFT
checkpoint?" has one answer and no module joins ``checkpoints/sft/merged`` by hand::

    <data>/warehouse.duckdb
    <data>/models/                       locally built base models (the tiny model)
    <data>/datasets/sft-<hash>/          HF datasets export of `sft_examples`
    <data>/checkpoints/<stage>/          training output (metrics.json, curves)
    <data>/checkpoints/<stage>/merged/   the loadable model of that stage (sft, grpo)
    <data>/reports/<run>/                eval reports; reports/latest -> the newest
    <data>/reports/cache/<fp>.json       report cache keyed by the eval fingerprint
    <data>/run_times.jsonl               one line per `make run` (stage timings)
    <data>/logs/                         full tracebacks of failed runner stages
    <data>/dagster_home/                 the runner's default $DAGSTER_HOME

>>> lay = RunLayout(Path("/d"))
>>> str(lay.merged("sft")), str(lay.report_cache("ab12"))
('/d/checkpoints/sft/merged', '/d/reports/cache/ab12.json')
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

CHECKPOINT_STAGES = ("sft", "grpo")  # trained stages, in training order
MERGED = "merged"  # the loadable model inside a checkpoint directory


def merged_in(checkpoint_dir: Path | str) -> Path:
    """The loadable model inside a training output directory (what trainers write, given only
    their ``out_dir``; :meth:`RunLayout.merged` is the same path for a run's stage).

    >>> str(merged_in("/d/checkpoints/grpo"))
    '/d/checkpoints/grpo/merged'
    """
    return Path(checkpoint_dir) / MERGED


@dataclass(frozen=True)
class RunLayout:
    """Paths of one data directory (``PipelineConfig.data_path``)."""

    root: Path

    @classmethod
    def of(cls, cfg) -> "RunLayout":
        """The layout of a :class:`~arc_pipeline.config.PipelineConfig`."""
        return cls(Path(cfg.data_path))

    @property
    def warehouse(self) -> Path:
        return self.root / "warehouse.duckdb"

    @property
    def models(self) -> Path:
        return self.root / "models"

    @property
    def datasets(self) -> Path:
        return self.root / "datasets"

    def sft_dataset(self, digest: str) -> Path:
        """The HF datasets export of the SFT rows with this content hash."""
        return self.datasets / f"sft-{digest}"

    def checkpoint(self, stage: str) -> Path:
        """Output directory of a training stage (``sft`` or ``grpo``)."""
        if stage not in CHECKPOINT_STAGES:
            raise ValueError(f"unknown checkpoint stage {stage!r}; known: {list(CHECKPOINT_STAGES)}")
        return self.root / "checkpoints" / stage

    def merged(self, stage: str) -> Path:
        """The loadable (merged) model a training stage produced."""
        return merged_in(self.checkpoint(stage))

    @property
    def reports(self) -> Path:
        return self.root / "reports"

    def report_cache(self, fingerprint: str) -> Path:
        return self.reports / "cache" / f"{fingerprint}.json"

    @property
    def latest_report(self) -> Path:
        """Symlink to the newest report directory."""
        return self.reports / "latest"

    @property
    def run_times(self) -> Path:
        return self.root / "run_times.jsonl"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def dagster_home(self) -> Path:
        """The runner's ``$DAGSTER_HOME`` when the environment sets none."""
        return self.root / "dagster_home"
