"""A read-only data API beside the app, for self-hosting (serve.py): the indicators as CSV or JSON, filtered by
the explorer's canned query (queries/explorer_rows.sql), like Datasette's table API.

GET /api/indicators.csv|json?topic=&page=&year=&kind=&measure=&q=&min=&max= ; each filter may repeat
(?topic=trade&topic=consumption). Unknown parameters and bad values get 400 with a message in both languages.
Every response allows any origin (CORS), so a notebook or web page elsewhere can read it.
"""

from __future__ import annotations

import json
import math
import threading
from pathlib import Path

import duckdb
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from jiangbei.core import store
from jiangbei.core.schema import INDICATOR_COLUMNS
from jiangbei.presentation.i18n import LANGS, t
from jiangbei.reuse import citation, datapackage

# URL parameter -> (query parameter, facet whose values it may take; None: free text or a number).
FILTERS = {"topic": ("topics", "topic"), "page": ("pages", "page"), "year": ("years", "year"),
           "kind": ("kinds", "kind"), "measure": ("measures", "measure"), "unit": ("units", "unit"),
           "section": ("sections", "section")}
SINGLE = {"q": "q", "min": "min_value", "max": "max_value"}  # at most one value each
MAX_Q_CHARS = 200
CORS = {"Access-Control-Allow-Origin": "*"}
_lock = threading.Lock()
_state: dict = {}


class BadRequest(Exception):
    def __init__(self, key: str, **fields):
        super().__init__(key)
        self.key, self.fields = key, fields


def _database() -> tuple[duckdb.DuckDBPyConnection, dict[str, set[str]]]:
    """The app's database and each facet's values, built once per data version (as the app's own cache does)."""
    directory = store.data_dir()
    version = store.fingerprint(directory)
    with _lock:
        if _state.get("version") != version:
            con = store.build_database(directory)
            allowed: dict[str, set[str]] = {}
            for facet, value in store.run_query(con, "facet_values").itertuples(index=False):
                allowed.setdefault(facet, set()).add(value)
            _state.update(version=version, con=con, allowed=allowed)
        return _state["con"], _state["allowed"]


def parameters(request: Request, allowed: dict[str, set[str]]) -> dict:
    """The query's parameters from the URL; BadRequest names the first unknown parameter or bad value."""
    params: dict = {query: [] for query, _ in FILTERS.values()} | {"q": "", "min_value": None, "max_value": None}
    for name in request.query_params.keys():
        values = request.query_params.getlist(name)
        if name in FILTERS:
            query, facet = FILTERS[name]
            for value in values:
                if value not in allowed.get(facet, set()):
                    raise BadRequest("api_bad_value", param=name, value=value[:50],
                                     allowed=", ".join(sorted(allowed.get(facet, set()))[:20]))
            params[query] = [int(v) for v in values] if name == "year" else values
        elif name in SINGLE:
            if len(values) > 1:
                raise BadRequest("api_repeated", param=name)
            value = values[0]
            if name == "q":
                if len(value) > MAX_Q_CHARS:
                    raise BadRequest("api_too_long", param=name, n=MAX_Q_CHARS)
                params["q"] = value
            else:
                try:
                    number = float(value)
                except ValueError:
                    number = math.nan
                if not math.isfinite(number):
                    raise BadRequest("api_not_a_number", param=name, value=value[:50])
                params[SINGLE[name]] = number
        else:
            raise BadRequest("api_unknown_param", param=name[:50],
                             known=", ".join([*FILTERS, *SINGLE]))
    return params


def _error(error: BadRequest) -> JSONResponse:
    body = {"error": {lang: t(error.key, lang, **error.fields) for lang in LANGS}}
    return JSONResponse(body, status_code=400, headers=CORS)


def indicators(request: Request) -> Response:
    """GET /api/indicators.csv or .json: the matching indicators in the report's order, every column of
    data/indicators.csv (codes, both languages' names, unit as written and in English)."""
    con, allowed = _database()
    try:
        params = parameters(request, allowed)
    except BadRequest as error:
        return _error(error)
    rows = store.run_query(con, "explorer_rows", **params, lang="en")[INDICATOR_COLUMNS]
    headers = {**CORS, "Link": '</api/datapackage.json>; rel="describedby"',
               "X-License": citation.LICENCE["path"]}
    if request.path_params["format"] == "csv":
        return Response(rows.to_csv(index=False), media_type="text/csv; charset=utf-8", headers=headers)
    records = json.loads(rows.to_json(orient="records", force_ascii=False))
    return JSONResponse(records, headers=headers)


def descriptor(request: Request) -> Response:
    """GET /api/datapackage.json: the dataset's Frictionless descriptor (data/datapackage.json)."""
    path: Path = store.data_dir() / datapackage.FILE_NAME
    return Response(path.read_text(encoding="utf-8"), media_type="application/json", headers=CORS)


def not_found(request: Request) -> Response:
    return JSONResponse({"error": {lang: t("api_not_found", lang) for lang in LANGS}}, status_code=404,
                        headers=CORS)


def routes() -> list[Route]:
    return [
        Route("/api/indicators.{format:str}", _only_known_formats, methods=["GET"]),
        Route("/api/datapackage.json", descriptor, methods=["GET"]),
    ]


def _only_known_formats(request: Request) -> Response:
    if request.path_params["format"] not in ("csv", "json"):
        return not_found(request)
    return indicators(request)


