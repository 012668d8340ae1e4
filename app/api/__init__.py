from fastapi import APIRouter

from app.api import articles, search, speakers, statements, topics

api_router = APIRouter(prefix="/v1")
for module in (articles, statements, search, speakers, topics):
    api_router.include_router(module.router)
