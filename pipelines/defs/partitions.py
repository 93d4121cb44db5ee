"""One partition per report document, keyed by its document id (added by the inbox sensor or the CLI)."""

import dagster as dg

documents_partitions = dg.DynamicPartitionsDefinition(name="documents")
