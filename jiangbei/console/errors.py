"""Where in a visitor's SQL DuckDB found the error: DuckDB ends many messages with "LINE n: <the line>" and a
row of carets under the offending part; this finds that place in the visitor's own text and points at it."""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE = re.compile(r"\n\s*LINE (\d+): ?(.*)\n( *)(\^+)", re.DOTALL)


@dataclass
class Position:
    line: int  # 1-based, in the visitor's SQL
    column: int  # 1-based
    length: int  # characters the carets cover


def summary(message: str) -> str:
    """DuckDB's message without its LINE excerpt."""
    return _LINE.split(message, maxsplit=1)[0].strip() if _LINE.search(message) else message.strip()


def locate(message: str, sql: str) -> Position | None:
    """The error's place in sql, when DuckDB's message gives one."""
    found = _LINE.search(message)
    if not found:
        return None
    line_no, excerpt, pad, carets = int(found.group(1)), found.group(2), found.group(3), found.group(4)
    offset = len(pad) - len(f"LINE {line_no}: ")  # the caret's place within the excerpt
    lines = sql.splitlines() or [""]
    if offset < 0:
        return None
    # DuckDB may shorten a long line to an excerpt ("..." at its ends), and numbers the lines of the statement it
    # ran; so find the excerpt in the visitor's text, on the line DuckDB names if it is there.
    core = excerpt.strip(".") if excerpt.startswith("...") else excerpt.rstrip(".")
    candidates = [line_no] if 1 <= line_no <= len(lines) else []
    candidates += [n for n in range(1, len(lines) + 1) if n != line_no]
    line_no = next((n for n in candidates if core in lines[n - 1]), None)
    if line_no is None:
        return None
    start = lines[line_no - 1].find(core)
    lead = len(excerpt) - len(excerpt.lstrip(".")) if excerpt.startswith("...") else 0
    column = (max(start, 0) + offset - lead) + 1
    return Position(line_no, max(column, 1), len(carets))


def pointer(sql: str, position: Position, context_lines: int = 2) -> str:
    """The lines up to the error and a caret line under it, for a monospace block."""
    lines = sql.splitlines() or [""]
    first = max(0, position.line - 1 - context_lines)
    width = len(str(position.line))
    shown = [f"{n + 1:>{width}} | {lines[n]}" for n in range(first, position.line)]
    shown.append(" " * (width + 3 + position.column - 1) + "^" * position.length)
    return "\n".join(shown)
