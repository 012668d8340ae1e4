"""HTTP routers, one per resource; every resource lives under the version prefix."""

from fastapi import Depends, FastAPI

V1 = "/v1"


def include_routers(app: FastAPI) -> None:
    # Imported here because each router module imports V1 from this package.
    from app.api import articles, health, search, speakers, statements, topics
    from app.api.deps import rate_limit, require_read_key

    guarded = [Depends(rate_limit), Depends(require_read_key)]
    for module in (articles, statements, search, speakers, topics):
        app.include_router(module.router, dependencies=guarded)
    app.include_router(health.router)
