"""Document intake: recognise a file's format, read its lines, identify the report."""
