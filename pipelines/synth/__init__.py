"""Synthetic BBC jaarrekening reports with ground truth, in the layout of the bundled sample."""

from pipelines.synth.generator import SyntheticReport, generate_report, write_corpus

__all__ = ["SyntheticReport", "generate_report", "write_corpus"]
