"""Latency, throughput and memory of the read API over a million statements.

    .venv/bin/python scripts/bench_api.py [--db /tmp/bench.db] [--articles 100000]
        [--per-article 10] [--requests 300] [--rebuild]

1. Builds (or reuses) an SQLite file of synthetic but realistically distributed rows, bulk-loaded
   through the storage layer: Zipf-like speakers, topics and outlets, 1-3 topics per statement
   with stances, 10-40 words per statement drawn from real news word frequencies plus topic
   terms, five years of dates, direct/indirect/mixed statements.
2. Times the filtered list, full-text search and facets in-process (TestClient) and over HTTP
   against `quotes serve` on 127.0.0.1, and prints p50/p90/p99 against the targets. The
   response cache is off for these: every figure is of the queries themselves.
3. Compares requests per second of the filtered list with a bare FastAPI endpoint served by the
   same uvicorn settings, under the same load generator: once with the response cache off (every
   request runs its queries) and once with it on. Each distinct URL is requested once before the
   timed load (for every server alike), so with the cache on the 300 list URLs are all cached.
4. Prints the API servers' peak memory (VmHWM).

Rate limiting is switched off (RATE_LIMIT_PER_MINUTE=0): the benchmark measures the queries, not
the limiter's 429s. Only 127.0.0.1 is used; every loop is bounded in count and time.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib.util
import json
import os
import random
import re
import socket
import subprocess
import sys
import threading
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import accumulate
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SEED = 20261130
HOST = "127.0.0.1"

N_SPEAKERS = 5000
N_SOURCES = 50
START = datetime(2021, 1, 1, tzinfo=UTC)
SPAN = timedelta(days=5 * 365)
ARTICLES_PER_TX = 5000  # one transaction per 5,000 articles (~50,000 statements)
UNATTRIBUTED = 0.03  # "officials said": no resolved speaker

# Latency and throughput bounds: every loop stops at its count or its time, whichever is first.
KIND_SECONDS = 120.0
WARMUP = 10
UNFILTERED_FACET_REPEATS = 5
LOAD_THREADS = 8
LOAD_SECONDS = 15.0
LOAD_MAX_REQUESTS = 50_000
SERVER_START_SECONDS = 120.0

TARGETS = {
    "list": "p50 <= 10 ms, p99 <= 50 ms",
    "search": "p50 <= 20 ms",
    "facets": "p50 <= 100 ms",
}


# --- synthetic data -------------------------------------------------------------------------

FIRST = (
    "Ali Maria John Fatima Ahmed Elena Omar Anna David Leila Sergei Sofia Hassan Laura Ivan "
    "Amina Michael Olga Reza Sarah Mehmet Yulia Karim Emma Pavel Zahra Daniel Irina Mustafa "
    "Nadia James Aisha Viktor Clara Yusuf Marta Peter Hana Nikolai Rania Thomas Svetlana Javad "
    "Ines Robert Layla Andrei Julia Ibrahim Katarina Mark Noor Dmitri Alice Samir Vera Paul "
    "Mina George Rosa Kamal Eva Richard Salma Alexei Lucia Tariq Nina Martin Dina Boris Ayesha "
    "Jonas Farah Igor Helena Walid Greta Hamid Tamara"
).split()
LAST = (
    "Aliyev Petrov Rahimi Smith Kuznetsova Haddad Novak Karimi Johnson Ivanova Nasser Schmidt "
    "Popov Hosseini Brown Orlova Mansour Weber Sokolov Ahmadi Miller Volkova Khalil Fischer "
    "Lebedev Moradi Davis Morozova Saleh Wagner Kozlov Jafari Wilson Pavlova Darwish Becker "
    "Mammadov Rostami Taylor Fedorova Yilmaz Hoffmann Huseynov Sadeghi Anderson Zaitseva Kaya "
    "Schulz Guliyev Mousavi Thomas Egorova Demir Koch Hasanov Tehrani Moore Nikitina Celik "
    "Richter Ismayilov Bagheri Martin Belova Sahin Klein Abbasov Farahani Clark Kovalenko "
    "Aydin Wolf Rzayev Ebrahimi Lewis Bondarenko Ozturk Neumann Gasimov Shirazi Walker Tkachenko "
    "Arslan Schwarz Mehdiyev Zand Hall Melnyk Dogan Braun Abdullayev Kazemi Young Shevchenko "
    "Kilic Zimmermann Aslanov Nouri King Lysenko Aksoy Hartmann"
).split()
COUNTRIES = (
    "Iranian Azerbaijani Turkish Russian Armenian Georgian Kazakh Iraqi Syrian Saudi Qatari "
    "Egyptian Pakistani Indian Chinese American British French German Israeli Lebanese Jordanian "
    "Emirati Omani Afghan Uzbek Turkmen Kyrgyz Tajik Ukrainian"
).split()
BODIES = (
    "Foreign Ministry",
    "Defense Ministry",
    "Energy Ministry",
    "Central Bank",
    "Parliament",
    "Army",
    "Embassy",
    "Interior Ministry",
    "Health Ministry",
    "Trade Ministry",
)
TITLES = (
    "President",
    "Foreign Minister",
    "Prime Minister",
    "Spokesperson",
    "Senator",
    "Ambassador",
    "Governor",
    "Analyst",
    "Professor",
    "Economy Minister",
    "Defense Minister",
    "Deputy Speaker",
)
PLACES = "Caspian Gulf Eastern Northern Capital Global Daily Continental Silk Harbor".split()
PAPERS = ("Times", "Herald", "Wire", "Tribune", "Post")
CUES = ("said", "says", "stressed", "underscored", "noted", "added", "warned", "told reporters")
TYPES, TYPE_CUM = ("direct", "indirect", "mixed"), (0.45, 0.90, 1.0)
STANCES, STANCE_CUM = ("support", "oppose", "neutral"), (0.35, 0.60, 1.0)
TOPIC_COUNTS, TOPIC_COUNT_CUM = (1, 2, 3), (0.55, 0.85, 1.0)  # topics per statement
# Used only when the shared news corpus is not there; its word frequencies are better.
FALLBACK_WORDS = (
    "the of and to in a that is for on said will with as by was it be at from this has have "
    "are not an but they his government country their which would its had were been more "
    "after also new one people two year minister president officials region talks meeting "
    "support against plan policy week state national public said told reporters first last "
    "month other last international countries between agreement future development issue"
).split()


def zipf_cum(n: int, s: float) -> list[float]:
    """Cumulative weights 1/rank^s for random.choices: a few values get most of the draws."""
    return list(accumulate(1.0 / (r + 1) ** s for r in range(n)))


def news_vocabulary(limit: int = 8000) -> tuple[list[str], list[float]]:
    """Words and cumulative frequencies from the shared news corpus (real Zipf statistics)."""
    counts: Counter[str] = Counter()
    corpus = ROOT.parent / "shared/data/polnear/dev.jsonl"
    if corpus.exists():
        with corpus.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    text = json.loads(line).get("text", "")
                    counts.update(w.lower() for w in re.findall(r"[A-Za-z][a-z]+", text))
    if len(counts) < 500:
        counts = Counter({w: 1000 // (i + 1) + 1 for i, w in enumerate(FALLBACK_WORDS)})
    words, freqs = zip(*counts.most_common(limit), strict=True)
    return list(words), list(accumulate(float(f) for f in freqs))


@dataclass
class SpeakerRow:
    id: int
    slug: str
    name: str
    kind: str
    title: str | None
    affiliation: str | None
    mentions: list[str]
    favourite_topics: list[int]


def make_speakers(rng: random.Random, topic_ids: Sequence[int]) -> list[SpeakerRow]:
    names: set[tuple[str, str]] = set()
    orgs = [f"{c} {b}" for c in COUNTRIES for b in BODIES]
    rng.shuffle(orgs)
    n_orgs = N_SPEAKERS // 20
    while len(names) < N_SPEAKERS - n_orgs:
        names.add((rng.choice(FIRST), rng.choice(LAST)))
    people = sorted(names)
    rng.shuffle(people)
    out: list[SpeakerRow] = []
    for first, last in people:
        title = rng.choice(TITLES)
        out.append(
            SpeakerRow(
                id=0,
                slug=f"{first}-{last}".lower(),
                name=f"{first} {last}",
                kind="person",
                title=title,
                affiliation=rng.choice(COUNTRIES),
                mentions=[f"{first} {last}", last, f"{title} {first} {last}", f"the {title}"],
                favourite_topics=rng.sample(list(topic_ids), 5),
            )
        )
    for org in orgs[:n_orgs]:
        out.append(
            SpeakerRow(
                id=0,
                slug=re.sub(r"[^a-z0-9]+", "-", org.lower()),
                name=org,
                kind="government",
                title=None,
                affiliation=org.split()[0],
                mentions=[org, f"the {org.split(' ', 1)[1]}"],
                favourite_topics=rng.sample(list(topic_ids), 5),
            )
        )
    # Rank order (who speaks most) is independent of id order, as in an ingested database.
    rng.shuffle(out)
    for n, sp in enumerate(out, 1):
        sp.id = n
    return out


@dataclass
class Generator:
    """Everything needed to make one article's rows; deterministic for a seed."""

    rng: random.Random
    words: list[str]
    word_cum: list[float]
    speakers: list[SpeakerRow]
    speaker_cum: list[float]
    topic_ids: list[int]
    topic_cum: list[float]
    topic_terms: dict[int, list[str]]
    sources: list[str]
    source_cum: list[float]
    total_articles: int
    pipeline: str = "bench-synthetic-1"

    def article(
        self, article_id: int, first_statement_id: int, n_statements: int
    ) -> tuple[dict, list, list]:
        rng = self.rng
        # Roughly chronological ingest with a month of jitter, like a news feed with backfill.
        frac = (article_id - 1) / max(self.total_articles, 1)
        jitter = timedelta(seconds=rng.uniform(-30, 30) * 86400)
        published = min(max(START + SPAN * frac + jitter, START), START + SPAN)
        source = rng.choices(self.sources, cum_weights=self.source_cum)[0]
        statements: list[dict] = []
        tags: list[dict] = []
        parts: list[str] = []
        pos = 0
        title = " ".join(rng.choices(self.words, cum_weights=self.word_cum, k=8)).capitalize()
        parts.append(title + ".\n\n")
        pos += len(parts[-1])
        for k in range(n_statements):
            sid = first_statement_id + k
            attributed = rng.random() >= UNATTRIBUTED
            sp = rng.choices(self.speakers, cum_weights=self.speaker_cum)[0] if attributed else None
            mention = rng.choice(sp.mentions) if sp else rng.choice(("officials", "a source"))
            cue = rng.choice(CUES)
            kind = rng.choices(TYPES, cum_weights=TYPE_CUM)[0]
            n_topics = rng.choices(TOPIC_COUNTS, cum_weights=TOPIC_COUNT_CUM)[0]
            chosen: list[int] = []
            while len(chosen) < n_topics:
                pool_pick = sp is not None and rng.random() < 0.6
                t = (
                    rng.choice(sp.favourite_topics)  # type: ignore[union-attr]
                    if pool_pick
                    else rng.choices(self.topic_ids, cum_weights=self.topic_cum)[0]
                )
                if t not in chosen:
                    chosen.append(t)
            words = rng.choices(self.words, cum_weights=self.word_cum, k=rng.randint(10, 40))
            terms = [rng.choice(self.topic_terms[t]) for t in chosen]
            for term in terms:
                words.insert(rng.randrange(len(words) + 1), term)
            content = " ".join(words)
            if kind == "direct":
                lead, tail = '"', f'," {mention} {cue}. '
                sentence = lead + content + tail
                c_start = pos + len(lead)
                s_start = c_start + len(content) + 3
            else:
                lead = f"{mention} {cue} " + ('"' if kind == "mixed" else "")
                sentence = lead + content + ('". ' if kind == "mixed" else ". ")
                c_start = pos + len(lead)
                s_start = pos
            c_end = c_start + len(content)
            q_start = s_start + len(mention) + 1
            statements.append(
                {
                    "id": sid,
                    "article_id": article_id,
                    "speaker_id": sp.id if sp else None,
                    "speaker_mention": mention,
                    "content": content,
                    "type": kind,
                    "cue": cue,
                    "content_start": c_start,
                    "content_end": c_end,
                    "speaker_start": s_start,
                    "speaker_end": s_start + len(mention),
                    "cue_start": q_start,
                    "cue_end": q_start + len(cue),
                    "sentence_index": k + 1,
                    "confidence": round(rng.uniform(0.55, 1.0), 3),
                    "source": source,
                    "dated_at": published,
                }
            )
            for t, term in zip(chosen, terms, strict=True):
                at = content.find(term)
                tags.append(
                    {
                        "statement_id": sid,
                        "topic_id": t,
                        "stance": rng.choices(STANCES, cum_weights=STANCE_CUM)[0],
                        "score": round(rng.uniform(0.6, 1.0), 3),
                        "evidence": [
                            {"text": term, "span": [c_start + at, c_start + at + len(term)]}
                        ],
                    }
                )
            parts.append(sentence)
            pos += len(sentence)
        text = "".join(parts)
        article = {
            "id": article_id,
            "title": title,
            "url": f"https://news.example.org/{source.lower().replace(' ', '-')}/{article_id}",
            "source": source,
            "published_at": published,
            "language": "en",
            "text": text,
            "content_hash": hashlib.sha256(text.encode()).hexdigest(),
            "ingested_at": published + timedelta(hours=rng.uniform(0.1, 48)),
            "pipeline_version": self.pipeline,
        }
        return article, statements, tags


def _fts_insert_trigger() -> str:
    """The FTS insert trigger exactly as migration 0002 defines it (read from the migration)."""
    path = ROOT / "migrations/versions/0002_statement_search.py"
    spec = importlib.util.spec_from_file_location("_migration_0002", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    (sql,) = [s for s in module.UPGRADE if "TRIGGER statement_fts_insert" in s]
    return sql


def db_size(db: Path) -> int:
    return sum(p.stat().st_size for p in (db, Path(f"{db}-wal")) if p.exists())


def is_complete(db: Path, expected_statements: int) -> bool:
    """A finished build: the insert trigger is back, ANALYZE ran, the row count is right."""
    import sqlite3

    if not db.exists():
        return False
    try:
        with contextlib.closing(sqlite3.connect(db)) as con:
            names = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
            if not {"statement_fts_insert", "sqlite_stat1"} <= names:
                return False
            (n,) = con.execute("SELECT max(id) FROM statement").fetchone()
            return n == expected_statements
    except sqlite3.Error:
        return False


def build(db: Path, articles: int, per_article: int, fts_rebuild: bool) -> None:
    from sqlalchemy import insert, text
    from sqlmodel import Session, select

    from app.db import make_engine, migrate
    from app.ingest import alias_key, looks_like_name
    from app.models import Article, Speaker, SpeakerAlias, Statement, StatementTopic, Topic
    from app.nlp.topics import load_topics
    from app.taxonomy import seed_topics

    for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        p.unlink(missing_ok=True)
    url = f"sqlite:///{db}"
    started = time.perf_counter()
    migrate(url)
    engine = make_engine(url)
    rng = random.Random(SEED)
    with Session(engine) as session:
        seed_topics(session, load_topics())
        topics = session.exec(select(Topic)).all()
    topic_ids = [t.id for t in topics if t.id is not None]
    rng.shuffle(topic_ids)  # which topics are popular is not alphabetical
    # A term's first part, without the inversion mark: words a statement would contain.
    topic_terms = {
        t.id: [x.removeprefix("~").split(" + ")[0] for x in t.terms]
        for t in topics
        if t.id is not None
    }
    speakers = make_speakers(rng, topic_ids)
    words, word_cum = news_vocabulary()
    sources = sorted(f"{p} {n}" for p in PLACES for n in PAPERS)[:N_SOURCES]
    rng.shuffle(sources)
    gen = Generator(
        rng=rng,
        words=words,
        word_cum=word_cum,
        speakers=speakers,
        speaker_cum=zipf_cum(len(speakers), 1.0),
        topic_ids=topic_ids,
        topic_cum=zipf_cum(len(topic_ids), 0.8),
        topic_terms=topic_terms,
        sources=sources,
        source_cum=zipf_cum(len(sources), 0.9),
        total_articles=articles,
    )
    with engine.begin() as conn:
        conn.execute(
            insert(Speaker),
            [
                {
                    "id": s.id,
                    "slug": s.slug,
                    "name": s.name,
                    "kind": s.kind,
                    "title": s.title,
                    "affiliation": s.affiliation,
                }
                for s in speakers
            ],
        )
        aliases = [
            {
                "speaker_id": s.id,
                "alias": m,
                "alias_key": alias_key(m),
                "is_name": looks_like_name(m),
            }
            for s in speakers
            for m in dict.fromkeys(s.mentions)
        ]
        conn.execute(insert(SpeakerAlias), aliases)
        if fts_rebuild:
            # One FTS rebuild after the load beats a million single-row index updates.
            conn.execute(text("DROP TRIGGER statement_fts_insert"))
    counts = statement_counts(rng, articles, per_article)
    next_statement = 1
    made = 0
    for first in range(1, articles + 1, ARTICLES_PER_TX):
        batch_a: list[dict] = []
        batch_s: list[dict] = []
        batch_t: list[dict] = []
        for aid in range(first, min(first + ARTICLES_PER_TX, articles + 1)):
            a, s, t = gen.article(aid, next_statement, counts[aid - 1])
            batch_a.append(a)
            batch_s.extend(s)
            batch_t.extend(t)
            next_statement += len(s)
            made += len(s)
        with engine.begin() as conn:
            # Big cache for the load connection only: index pages stay in memory between rows.
            conn.execute(text("PRAGMA cache_size=-1000000"))
            conn.execute(insert(Article), batch_a)
            conn.execute(insert(Statement), batch_s)
            conn.execute(insert(StatementTopic), batch_t)
        elapsed = time.perf_counter() - started
        print(f"  {made:>9,} statements  {elapsed:6.1f} s", file=sys.stderr, flush=True)
    with engine.begin() as conn:
        if fts_rebuild:
            t0 = time.perf_counter()
            conn.execute(text("INSERT INTO statement_fts(statement_fts) VALUES('rebuild')"))
            conn.execute(text(_fts_insert_trigger()))
            print(f"  FTS rebuild {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        conn.execute(text("ANALYZE"))
    with engine.connect() as conn:
        conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    engine.dispose()
    print(
        f"build: {made:,} statements, {articles:,} articles in "
        f"{time.perf_counter() - started:.1f} s; database {db_size(db) / 2**20:,.0f} MiB"
    )


def statement_counts(rng: random.Random, articles: int, per_article: int) -> list[int]:
    """Statements per article around per_article (at least one), summing exactly to
    articles * per_article so that a reused database can be checked by its row count."""
    counts = [max(1, round(rng.gauss(per_article, per_article / 4))) for _ in range(articles)]
    diff = articles * per_article - sum(counts)
    while diff:
        i = rng.randrange(articles)
        step = 1 if diff > 0 else -1
        if counts[i] + step >= 1:
            counts[i] += step
            diff -= step
    return counts


# --- request parameters ---------------------------------------------------------------------


@dataclass
class Req:
    path: str
    group: str  # "frequent" speaker (top 10), "other", or "" when not applicable


def plan_requests(db: Path, n: int) -> dict[str, list[Req]]:
    """Varied parameters that exist in the data: a third of the speakers from the ten most
    frequent, a third from the next 500, a third from the tail; topics half from what the
    speaker talks about, half at random; search words from topic terms and the vocabulary."""
    import sqlite3

    rng = random.Random(SEED + 1)
    with contextlib.closing(sqlite3.connect(db)) as con:
        ranked = con.execute(
            "SELECT s.slug, c.n FROM (SELECT speaker_id, count(*) n FROM statement "
            "WHERE speaker_id IS NOT NULL GROUP BY speaker_id) c JOIN speaker s ON s.id = "
            "c.speaker_id ORDER BY c.n DESC"
        ).fetchall()
        topics = [r[0] for r in con.execute("SELECT slug FROM topic")]
        terms = [
            term.removeprefix("~").split(" + ")[0]
            for (raw,) in con.execute("SELECT terms FROM topic")
            for term in json.loads(raw)
        ]

        def speaker_topics(slug: str) -> list[str]:
            rows = con.execute(
                "SELECT t.slug FROM statement s JOIN speaker p ON p.id = s.speaker_id "
                "JOIN statementtopic st ON st.statement_id = s.id JOIN topic t "
                "ON t.id = st.topic_id WHERE p.slug = ? LIMIT 200",
                (slug,),
            ).fetchall()
            return [r[0] for r in rows] or topics

        (tags,) = con.execute("SELECT count(*) FROM statementtopic").fetchone()
        (total,) = con.execute("SELECT count(*) FROM statement").fetchone()
        print(
            f"data: {total:,} statements, {tags / total:.2f} topics each; {len(ranked):,} "
            f"speakers, statements of the 1st {ranked[0][1]:,}, 10th {ranked[9][1]:,}, "
            f"median {ranked[len(ranked) // 2][1]:,}, last {ranked[-1][1]:,}"
        )
        frequent = [s for s, _ in ranked[:10]]
        middle = [s for s, _ in ranked[10:510]]
        tail = [s for s, _ in ranked[510:]]
        spoken = {s: speaker_topics(s) for s in frequent}

        def speaker(i: int) -> tuple[str, str]:
            pool = (frequent, middle, tail)[i % 3]
            return rng.choice(pool), "frequent" if pool is frequent else "other"

        lists: list[Req] = []
        facet_reqs: list[Req] = []
        for i in range(n):
            slug, group = speaker(i)
            if slug not in spoken:
                spoken[slug] = speaker_topics(slug)
            topic = rng.choice(spoken[slug]) if rng.random() < 0.5 else rng.choice(topics)
            lists.append(Req(f"/v1/statements?speaker={slug}&topic={topic}&limit=50", group))
            slug, group = speaker(i)
            facet_reqs.append(
                Req(
                    f"/v1/statements?speaker={slug}&facets=topic,stance,type,source&limit=50", group
                )
            )
    words, _ = news_vocabulary()
    content_words = [w for w in words[100:3000] if len(w) > 3]
    searches: list[Req] = []
    for i in range(n):
        first = rng.choice(terms) if i % 2 else rng.choice(content_words)
        q = f"{first} {rng.choice(content_words)}" if i % 3 == 0 else first
        searches.append(Req(f"/v1/search?q={quote(q)}&limit=20", ""))
    unfiltered = [
        Req("/v1/statements?facets=topic,stance,type,source&limit=50", "")
        for _ in range(min(n, UNFILTERED_FACET_REPEATS))
    ]
    return {
        "list": lists,
        "search": searches,
        "facets": facet_reqs,
        "facets (no filter)": unfiltered,
    }


# --- latency --------------------------------------------------------------------------------


def pct(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile: p99 of 300 samples is the 297th, not an interpolation."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


@dataclass
class Timings:
    ms: list[float] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    errors: int = 0


def run_latency(get: Callable[[str], int], reqs: Sequence[Req], budget: float) -> Timings:
    out = Timings()
    for r in reqs[:WARMUP]:  # warm caches and code paths; not timed
        get(r.path)
    deadline = time.monotonic() + budget
    for r in reqs:
        if time.monotonic() > deadline:
            break
        t0 = time.perf_counter()
        status = get(r.path)
        out.ms.append((time.perf_counter() - t0) * 1000)
        out.groups.append(r.group)
        out.errors += status != 200
    return out


def latency_rows(where: str, kind: str, t: Timings) -> Iterator[str]:
    def row(label: str, ms: list[float]) -> str:
        if not ms:
            return f"{label:<30} {where:<10} {0:>4}"
        return (
            f"{label:<30} {where:<10} {len(ms):>4} {pct(ms, 50):8.1f} {pct(ms, 90):8.1f} "
            f"{pct(ms, 99):8.1f} {max(ms):8.1f}"
        )

    target = TARGETS.get(kind, "(informational)")
    yield f"{row(kind, t.ms)}   {target}" + (f"   {t.errors} non-200!" if t.errors else "")
    for group in ("frequent", "other"):
        ms = [m for m, g in zip(t.ms, t.groups, strict=True) if g == group]
        if ms:
            yield row(f"  {group} speakers", ms)


def in_process(plan: dict[str, list[Req]]) -> dict[str, Timings]:
    # Starlette's note about httpx in its TestClient is noise in a benchmark's output.
    warnings.filterwarnings("ignore", message=".*httpx.*deprecated")
    from fastapi.testclient import TestClient

    from app.main import create_app

    results: dict[str, Timings] = {}
    with TestClient(create_app()) as client:

        def get(path: str) -> int:
            return client.get(path).status_code

        for kind, reqs in plan.items():
            results[kind] = run_latency(get, reqs, KIND_SECONDS)
    return results


def over_http(base: str, plan: dict[str, list[Req]]) -> dict[str, Timings]:
    import httpx

    results: dict[str, Timings] = {}
    with httpx.Client(base_url=base, timeout=60) as client:

        def get(path: str) -> int:
            return client.get(path).status_code

        for kind, reqs in plan.items():
            results[kind] = run_latency(get, reqs, KIND_SECONDS)
    return results


# --- servers and throughput -----------------------------------------------------------------


def bare_app() -> Any:
    from fastapi import FastAPI

    app = FastAPI()

    # A sync handler like the API's, so both pay the same thread-pool hop per request.
    @app.get("/const")
    def const() -> dict[str, str]:
        return {"status": "ok"}

    return app


def serve_bare(port: int) -> None:
    import uvicorn

    # The settings `quotes serve` passes to uvicorn.run: one worker, no uvicorn access log.
    uvicorn.run(bare_app(), host=HOST, port=port, workers=1, access_log=False)


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    name: str
    proc: subprocess.Popen[bytes]
    port: int
    log: IO[bytes]

    @property
    def base(self) -> str:
        return f"http://{HOST}:{self.port}"

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def peak_rss_mb(self) -> float:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self, keep_log: bool = False) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
        self.log.close()
        if not keep_log:  # kept only when the server failed, for the error message
            Path(self.log.name).unlink(missing_ok=True)


def start_server(name: str, argv: list[str], env: dict[str, str], ready_path: str) -> Server:
    import httpx

    port = free_port()
    log = open(f"/tmp/bench_api_{name}_{port}.log", "wb")  # noqa: SIM115 - closed by stop()
    # stdout/stderr to a file: a pipe nobody reads would block the server once it fills.
    proc = subprocess.Popen(
        [*argv, "--port", str(port)], env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT
    )
    server = Server(name, proc, port, log)
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            server.stop(keep_log=True)
            raise RuntimeError(f"{name} server exited with {proc.returncode}; see {log.name}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{server.base}{ready_path}", timeout=2).status_code == 200:
                return server
        time.sleep(0.2)
    server.stop(keep_log=True)
    raise RuntimeError(f"{name} server not ready in {SERVER_START_SECONDS:.0f} s; see {log.name}")


@dataclass
class Load:
    rps: float
    done: int
    errors: int
    seconds: float
    server_cpu: float  # share of one core the server used

    @property
    def per_cpu(self) -> float:
        return self.done / (self.server_cpu * self.seconds) if self.server_cpu else 0.0


def throughput(server: Server, paths: Sequence[str]) -> Load:
    """LOAD_THREADS threads, each with its own keep-alive client, for LOAD_SECONDS or
    LOAD_MAX_REQUESTS in all, whichever comes first, after one request to each distinct path:
    the same rule for every server, so a cache is measured warm, as it runs once warmed."""
    import httpx

    lock = threading.Lock()
    counts = {"done": 0, "errors": 0}
    stop = threading.Event()
    per_thread = LOAD_MAX_REQUESTS // LOAD_THREADS

    def worker(k: int) -> None:
        done = errors = 0
        with httpx.Client(base_url=server.base, timeout=60) as client:
            for i in range(per_thread):
                if stop.is_set():
                    break
                try:
                    ok = client.get(paths[(k * 7919 + i) % len(paths)]).status_code == 200
                except httpx.HTTPError:
                    ok = False
                done += 1
                errors += not ok
        with lock:
            counts["done"] += done
            counts["errors"] += errors

    with httpx.Client(base_url=server.base) as warm:  # connections and caches warm
        for p in dict.fromkeys(paths):
            warm.get(p)
    threads = [threading.Thread(target=worker, args=(k,)) for k in range(LOAD_THREADS)]
    cpu0, t0 = server.cpu_seconds(), time.perf_counter()
    for t in threads:
        t.start()
    stop.wait(LOAD_SECONDS)
    stop.set()
    for t in threads:
        t.join(timeout=120)
    elapsed = time.perf_counter() - t0
    cpu = (server.cpu_seconds() - cpu0) / elapsed
    return Load(counts["done"] / elapsed, counts["done"], counts["errors"], elapsed, cpu)


# --- main -----------------------------------------------------------------------------------


def print_latency(where: str, results: dict[str, Timings]) -> None:
    for kind, t in results.items():
        for line in latency_rows(where, kind, t):
            print(line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default="/tmp/bench.db")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--per-article", type=int, default=10)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--rebuild", action="store_true", help="build the database afresh")
    parser.add_argument(
        "--fts-load",
        choices=("rebuild", "trigger"),
        default="rebuild",
        help="fill the FTS index once after the load (faster) or row by row by its trigger",
    )
    # Internal: this script serving the bare app, started as a subprocess by itself.
    parser.add_argument("--serve-bare", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_bare:
        serve_bare(args.port)
        return 0

    db = Path(args.db).resolve()
    # Before any app import: settings are read once and cached.
    os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ["RATE_LIMIT_PER_MINUTE"] = "0"
    os.environ["RESPONSE_CACHE_MB"] = "0"
    env = {**os.environ}
    cached_env = {**env, "RESPONSE_CACHE_MB": "64"}
    from app.config import get_settings

    get_settings.cache_clear()

    wall = time.perf_counter()
    expected = args.articles * args.per_article
    if args.rebuild or not is_complete(db, expected):
        build(db, args.articles, args.per_article, args.fts_load == "rebuild")
    else:
        print(f"build: reusing {db} ({db_size(db) / 2**20:,.0f} MiB); --rebuild to start over")

    plan = plan_requests(db, args.requests)
    header = f"{'request':<30} {'where':<10} {'n':>4} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8}"
    print(f"\n{header} {'max ms':>8}   target")
    print_latency("in-proc", in_process(plan))

    servers: list[Server] = []
    try:
        api = start_server("api", [str(BIN / "quotes"), "serve"], env, "/readyz")
        servers.append(api)
        print_latency("http", over_http(api.base, plan))

        list_paths = [r.path for r in plan["list"]]
        api_load = throughput(api, list_paths)
        cached = start_server("cached", [str(BIN / "quotes"), "serve"], cached_env, "/readyz")
        servers.append(cached)
        cached_load = throughput(cached, list_paths)
        bare = start_server(
            "bare", [sys.executable, str(Path(__file__).resolve()), "--serve-bare"], env, "/const"
        )
        servers.append(bare)
        bare_load = throughput(bare, ["/const"])
        print(f"\nthroughput ({LOAD_THREADS} client threads, {LOAD_SECONDS:.0f} s or fewer):")
        loads = (
            ("filtered list, no cache", api_load),
            ("filtered list, cached", cached_load),
            ("bare FastAPI", bare_load),
        )
        for name, load in loads:
            print(
                f"  {name:<24} {load.rps:8.0f} req/s  ({load.done} requests, {load.errors} "
                f"errors, {load.seconds:.1f} s; server CPU {load.server_cpu:.0%} of a core, "
                f"{load.per_cpu:.0f} req per server CPU-second)"
            )
        # The client shares the two cores with the server: when a server is not saturated
        # (CPU well under 100%), the client is the limit and requests per server CPU-second
        # is the fairer comparison.
        for name, load in loads[:2]:
            ratio = load.rps / bare_load.rps if bare_load.rps else float("nan")
            cpu_ratio = load.per_cpu / bare_load.per_cpu if bare_load.per_cpu else float("nan")
            print(
                f"  {name:<24} ratio {ratio:.2f} (target >= 0.5); "
                f"per server CPU-second {cpu_ratio:.2f}"
            )
        print(
            f"\npeak memory (VmHWM): api server {api.peak_rss_mb():.0f} MiB, with the cache "
            f"{cached.peak_rss_mb():.0f} MiB; bare server {bare.peak_rss_mb():.0f} MiB"
        )
    finally:
        for s in servers:
            s.stop()
    print(f"total run time {time.perf_counter() - wall:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
