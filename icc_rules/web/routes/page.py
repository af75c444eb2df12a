"""The routes outside the API: the page at ``/`` and the API's docs at ``/docs`` with Swagger UI's files."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, Response

from ..page import pages, swagger_assets
from .common import Context, etags, language_of, preferred


def add(app: FastAPI, context: Context) -> None:
    """Add the page and the docs to ``app``."""
    made = pages(context.data, context.settings)

    @app.get("/", include_in_schema=False)
    async def page_endpoint(request: Request) -> Response:
        page = made[language_of(request)]  # ?lang, else Accept-Language; an unknown ?lang is a problem (400)
        gzipped = preferred(request.headers.get("accept-encoding"), ["identity", "gzip"]) == "gzip"
        headers = {**page.headers, "ETag": page.gzip_etag if gzipped else page.etag}
        if headers["ETag"] in etags(request.headers.get("if-none-match")):
            return Response(status_code=304, headers=headers)
        if gzipped:
            return HTMLResponse(page.gzipped, headers={**headers, "Content-Encoding": "gzip"})
        return HTMLResponse(page.body, headers=headers)

    assets = swagger_assets()

    @app.get("/docs", include_in_schema=False)
    async def docs_endpoint() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="icc-rules API",
                                   swagger_js_url="/docs/swagger-ui-bundle.js",
                                   swagger_css_url="/docs/swagger-ui.css", swagger_favicon_url="data:,")

    def asset_endpoint(name: str) -> Callable[[], Awaitable[Response]]:
        body, media = assets[name]

        async def endpoint() -> Response:
            return Response(body, media_type=media, headers={"Cache-Control": "public, max-age=86400"})
        return endpoint

    for name in assets:
        app.add_api_route(f"/docs/{name}", asset_endpoint(name), include_in_schema=False, methods=["GET"])
