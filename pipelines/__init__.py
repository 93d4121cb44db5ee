"""bbc-warehouse: Flemish BBC 2020 reports (jaarrekening, meerjarenplan) into a DuckDB warehouse."""

__version__ = "0.1.0"
