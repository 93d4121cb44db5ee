"""``python -m pipelines.synth OUT_DIR --count N [--seed S] [--pdf] [--family a|b|c]``: write a synthetic corpus."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipelines.synth.generator import FAMILIES, write_corpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pipelines.synth",
        description="Write synthetic BBC reports with their ground truth (and PDFs).",
    )
    parser.add_argument("out_dir", type=Path, help="directory for <name>.txt, <name>.truth.json (and .pdf)")
    parser.add_argument("--count", "-n", type=int, default=5, help="number of reports (default 5)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the first report (default 0)")
    parser.add_argument("--pdf", action="store_true", help="also render each report as PDF")
    parser.add_argument(
        "--family",
        choices=FAMILIES,
        default="a",
        help="layout family: a = the sample's jaarrekeningen (default), b = another package's meerjarenplannen,"
        " c = a policy portal's plan volumes",
    )
    args = parser.parse_args(argv)
    if args.count < 0:
        parser.error("--count must be >= 0")
    for path in write_corpus(args.out_dir, args.count, seed=args.seed, pdf=args.pdf, family=args.family):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
