FROM python:3.11-slim
WORKDIR /srv
COPY requirements.lock pyproject.toml README.md ./
RUN pip install --no-cache-dir --require-hashes -r requirements.lock
COPY app ./app
COPY migrations ./migrations
COPY alembic.ini ./
COPY seeds ./seeds
RUN pip install --no-cache-dir --no-deps -e .
ENV DATABASE_URL=sqlite:////data/quotes.db
EXPOSE 8000
CMD ["sh", "-c", "quotes ingest seeds/ && quotes serve --host 0.0.0.0 --port 8000"]
