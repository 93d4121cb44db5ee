"""``python -m pipelines.quality [--warehouse PATH]``: validate the invariants of every loaded
document, build the data docs (``data/gx_docs/index.html``) and print per document its failed
checks and warnings. Exit 1 when an error-level check failed."""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

from pipelines.quality.runner import default_docs_dir, validate_warehouse
from pipelines.settings import Settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipelines.quality", description=__doc__)
    parser.add_argument("--warehouse", type=Path, default=None)
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore")  # GE's deprecation notices are not for the user
    settings = Settings.from_env(args.warehouse)
    if not settings.warehouse.exists():
        print(f"no warehouse at {settings.warehouse}; run `make run` first", file=sys.stderr)
        return 2
    summary = validate_warehouse(settings.warehouse, default_docs_dir(settings))
    print("\n".join(summary.lines()))
    return 1 if summary.has_errors else 0


if __name__ == "__main__":
    sys.exit(main())
