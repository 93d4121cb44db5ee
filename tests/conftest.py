"""Shared fixtures: the bundled sample report, read the way intake reads it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipelines.extract.lines import CLine, Line, content_lines
from pipelines.extract.sections import Section, find_sections
from pipelines.ingest.text import decode_text, text_to_lines

REPO = Path(__file__).resolve().parents[1]

# tests run on ephemeral Dagster instances and temporary warehouses, never on the user's data/
os.environ.pop("DAGSTER_HOME", None)
os.environ.pop("BBC_WAREHOUSE", None)
SAMPLE_TXT = REPO / "data" / "samples" / "jaarrekening-2024-agb-genk.txt"

# The page numbers the sample prints alone on their line (physical line, page), read off the text: the
# sample has no form feeds; each of these lines ends its page (see pipelines.ingest.text).
SAMPLE_PAGE_COUNTERS = (
    (108, 6),
    (2193, 44),
    (2538, 50),
    (6787, 126),
    (7540, 139),
    (8524, 156),
    (8855, 167),
    (8863, 168),
    (8883, 169),
    (8891, 170),
    (9644, 227),
    (9652, 228),
)

# "page:first line" of every page of the sample, read off the text: a page begins after a printed page
# number (the lines above) or at a line with one leading space right after a non-blank line (205 such
# lines, e.g. 174 " Prioritaire actie: AC000485"). Between two printed numbers the marked starts agree
# with the numbers in the policy part (pages 5 to 156: 1 before 6; 37 between 6 and 44; 5, 75, 12, 16
# after), not in the schedules (5 marks for the 10 pages 157-166, 19 and a footer for the 56 pages
# 171-226): those lines carry the printed number that ends their run, 167 and 227. After 228 pages count
# on (35 marks: 229-264).
SAMPLE_PAGE_FIRST_LINES = tuple(
    tuple(int(n) for n in pair.split(":"))
    for pair in """
    5:1 6:72 7:109 8:174 9:218 10:255 11:295 12:351 13:405 14:451 15:507 16:565 17:625 18:666 19:714 20:769
    21:830 22:897 23:957 24:1021 25:1071 26:1135 27:1177 28:1241 29:1306 30:1370 31:1418 32:1456 33:1487
    34:1548 35:1598 36:1653 37:1709 38:1772 39:1835 40:1897 41:1957 42:2018 43:2073 44:2127 45:2194 46:2268
    47:2337 48:2353 49:2412 50:2474 51:2539 52:2601 53:2654 54:2705 55:2757 56:2790 57:2834 58:2898 59:2923
    60:2961 61:2997 62:3050 63:3087 64:3155 65:3214 66:3278 67:3335 68:3408 69:3471 70:3537 71:3611 72:3682
    73:3737 74:3792 75:3851 76:3905 77:3970 78:4033 79:4093 80:4156 81:4213 82:4265 83:4335 84:4388 85:4451
    86:4510 87:4574 88:4639 89:4701 90:4768 91:4817 92:4880 93:4947 94:5010 95:5074 96:5138 97:5201 98:5265
    99:5329 100:5367 101:5407 102:5464 103:5505 104:5560 105:5611 106:5665 107:5698 108:5755 109:5808
    110:5865 111:5919 112:5964 113:5987 114:6048 115:6100 116:6166 117:6221 118:6264 119:6324 120:6382
    121:6446 122:6500 123:6563 124:6623 125:6675 126:6723 127:6788 128:6855 129:6917 130:6953 131:7021
    132:7064 133:7105 134:7172 135:7213 136:7275 137:7338 138:7393 139:7458 140:7541 141:7569 142:7629
    143:7690 144:7739 145:7789 146:7849 147:7920 148:7987 149:8039 150:8110 151:8179 152:8244 153:8289
    154:8352 155:8407 156:8463 167:8525 168:8856 169:8864 170:8884 227:8892 228:9645 229:9653 230:9714
    231:9725 232:9726 233:9780 234:9841 235:9900 236:9929 237:10057 238:10180 239:10216 240:10268 241:10317
    242:10374 243:10427 244:10477 245:10592 246:10673 247:10814 248:11008 249:11203 250:11386 251:11572
    252:11578 253:11744 254:11916 255:12075 256:12237 257:12402 258:12560 259:12729 260:12929 261:12933
    262:12968 263:13025 264:13060
    """.split()
)
SAMPLE_LAST_PAGE = SAMPLE_PAGE_FIRST_LINES[-1][0]  # the page count the text shows (pages=264)


def sample_page(line_no: int) -> int:
    """The printed page of the sample's physical line ``line_no``."""
    return next(page for page, first in reversed(SAMPLE_PAGE_FIRST_LINES) if first <= line_no)


@pytest.fixture(scope="session")
def sample_text() -> str:
    return decode_text(SAMPLE_TXT.read_bytes())


@pytest.fixture(scope="session")
def sample_raw_lines(sample_text: str) -> list[Line]:
    return text_to_lines(sample_text)


@pytest.fixture(scope="session")
def sample_lines(sample_raw_lines: list[Line]) -> list[CLine]:
    return content_lines(sample_raw_lines)


@pytest.fixture(scope="session")
def sample_sections(sample_lines: list[CLine]) -> dict[str, list[Section]]:
    out: dict[str, list[Section]] = {}
    for s in find_sections(sample_lines):
        out.setdefault(s.kind, []).append(s)
    return out


def lines_from_text(text: str) -> list[CLine]:
    """Helper for tests that build small variants."""
    return content_lines(text_to_lines(text))


@pytest.fixture(scope="session", autouse=True)
def dbt_manifest() -> Path:
    """dagster-dbt needs an up-to-date dbt_project/target/manifest.json before the definitions
    import (``make test`` builds it; this covers a bare ``pytest``)."""
    import subprocess
    import sys

    manifest = REPO / "dbt_project" / "target" / "manifest.json"
    sources = [p for d in ("models", "seeds", "macros", "tests") for p in (REPO / "dbt_project" / d).rglob("*")]
    newest = max((p.stat().st_mtime for p in sources if p.is_file()), default=0)
    if not manifest.exists() or manifest.stat().st_mtime < newest:
        dbt = Path(sys.executable).with_name("dbt")
        subprocess.run([str(dbt), "parse", "--quiet", "--profiles-dir", "."], cwd=REPO / "dbt_project", check=True)
    return manifest


@pytest.fixture(scope="session")
def sample_warehouse(tmp_path_factory, dbt_manifest):
    """The whole pipeline (intake, extraction, raw load, dbt build) run once on the sample text into a
    temporary warehouse; returns its Settings. Tests open it read-only."""
    import shutil

    from pipelines.cli import process_files
    from pipelines.settings import Settings

    root = tmp_path_factory.mktemp("sample_warehouse")
    source = root / "data" / "inbox" / SAMPLE_TXT.name
    source.parent.mkdir(parents=True)
    shutil.copy(SAMPLE_TXT, source)
    settings = Settings(warehouse=root / "warehouse.duckdb", data_dir=root / "data")
    outcomes = process_files([source], settings)
    assert [o.status for o in outcomes] == ["loaded"], [o.line() for o in outcomes]
    return settings


@pytest.fixture()
def sample_db(sample_warehouse):
    """A read-only DuckDB connection to the sample warehouse."""
    import duckdb

    con = duckdb.connect(str(sample_warehouse.warehouse), read_only=True)
    yield con
    con.close()
