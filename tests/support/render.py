"""Test PDFs are rendered by the synthetic-corpus renderer (kept in the product for the benchmark)."""

from pipelines.synth.pdf import (  # noqa: F401
    SUBSTITUTIONS,
    as_drawn,
    font_file,
    paginate,
    render_encrypted_pdf,
    render_scanned_pdf,
    render_text_to_pdf,
    truncate_pdf,
)
