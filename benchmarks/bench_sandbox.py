"""Benchmark: sandboxed executor vs in-process execution over all verified solvers.

Run: `.venv/bin/python benchmarks/bench_sandbox.py` (same as `arc-pipeline bench`).
Prints ratios against the in-process baseline measured in the same run.
"""

import json

from arc_pipeline.bench import run_benchmark

if __name__ == "__main__":
    print(json.dumps(run_benchmark(), indent=1))
