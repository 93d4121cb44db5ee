"""Synthetic BBC reports with ground truth: family A in the layout of the bundled sample (jaarrekeningen,
:mod:`pipelines.synth.generator`), family B in the layout of another accounting package (meerjarenplannen of a
city with its OCMW, :mod:`pipelines.synth.family_b`)."""

from pipelines.synth.family_b import generate_family_b
from pipelines.synth.generator import FAMILIES, SyntheticReport, generate_report, write_corpus

__all__ = ["FAMILIES", "SyntheticReport", "generate_family_b", "generate_report", "write_corpus"]
