"""The PostgreSQL backend: a version is one schema (the paragraph store's tables, BM25 postings, pgvector units)."""
from __future__ import annotations

import threading

import numpy as np

from qa.backend.base import Candidates, IndexDamaged
from qa.backend.postings import from_bytes, scores_at, summed, top_rows
from qa.backend.pgversions import pin_version, read_live  # noqa: F401 (read_live is part of this module's API)
from qa.store import Store

EF_SEARCH = 400  # HNSW search depth: at least the number of nearest vectors one question pools


class _Row(dict):
    """A result row readable by name and by position, like sqlite3.Row (the store's code uses both)."""

    def __getitem__(self, key):
        return list(self.values())[key] if isinstance(key, int) else dict.__getitem__(self, key)


def _row_factory(cursor):
    names = [c.name for c in cursor.description or ()]
    return lambda values: _Row(zip(names, values))


class _SqliteSpelling:
    """Runs the store's SQLite-spelled queries ("?" placeholders) on a psycopg connection."""

    def __init__(self, con):
        self.con = con

    def execute(self, query: str, args=()):
        return self.con.execute(query.replace("%", "%%").replace("?", "%s"), tuple(args))


def connect(url: str, schema: str | None = None, read_only: bool = False):
    """A psycopg connection (autocommit) with the version's schema first on the search path and pgvector types."""
    import psycopg
    from pgvector.psycopg import register_vector

    opts = [f"-c hnsw.ef_search={EF_SEARCH}", "-c hnsw.iterative_scan=relaxed_order"]
    if schema:
        opts.append(f"-c search_path={schema},public")
    if read_only:
        opts.append("-c default_transaction_read_only=on")
    con = psycopg.connect(url, autocommit=True, options=" ".join(opts), connect_timeout=10)
    register_vector(con)
    return con


class PostgresStore(Store):
    """The paragraph store's read API over one version's schema; one connection per thread."""

    SQL_DECISION_STATUS = "(p.decision::jsonb ->> 'status')"
    SQL_DECISION_IS_ACTION = "(p.decision::jsonb ->> 'is_action')::boolean"
    SQL_EACH_REF = "jsonb_array_elements(p.refs::jsonb) r"
    SQL_REF_TEXT = "r.value::text"
    SQL_REF_MEETING = "(r.value ->> 'meeting_id')"

    def __init__(self, url: str, schema: str, manifest: dict):  # noqa: super().__init__ reads files; not here
        self.url, self.schema, self.manifest = url, schema, manifest
        self._local = threading.local()

    def _db(self):
        db = getattr(self._local, "db", None)
        if db is None or db.con.closed:
            con = connect(self.url, self.schema, read_only=True)
            con.row_factory = _row_factory
            db = self._local.db = _SqliteSpelling(con)
        return db

    def query(self, sql: str, args=(), prepare: bool | None = None, binary: bool = False):
        """Plain tuples from one psycopg-spelled (%s) query on this thread's connection (binary: results sent
        in PostgreSQL's binary format, which spares decoding large byte columns)."""
        from psycopg.rows import tuple_row

        cur = self._db().con.cursor(row_factory=tuple_row, binary=binary)
        return cur.execute(sql, args, prepare=prepare)


def _filter_sql(f) -> tuple[str, list]:
    """A WHERE clause over paragraphs p joined to meetings m for Filters f (same rules as qa.backend.filters)."""
    where, args = [], []
    if f and f.active():
        for clause, value in (("lower(m.body) = lower(%s)", f.body), ("m.kind = %s", f.kind),
                              ("m.date >= %s", f.date_from), ("m.date <= %s", f.date_to)):
            if value:
                where.append(clause)
                args.append(value)
        if f.date_from or f.date_to:
            where.append("m.date <> ''")
        if f.decisions_only:
            where.append("p.is_decision = 1")
    return " AND ".join(where), args


class PostgresBackend:
    """The live version of a database (read from a replica when one is given), pinned while this object lives."""

    def __init__(self, url: str, version: str, schema: str, manifest: dict, read_url: str | None = None):
        self.url, self.read_url = url, read_url or url
        self.version, self.schema, self.manifest = version, schema, manifest
        self.keyword_ranking = "bm25"  # or "ts_rank", on a version built with full_text (a measurement)

    @classmethod
    def open(cls, url: str, replica_url: str | None = None, version: str | None = None) -> "PostgresBackend":
        """The live version (or a named one); FileNotFoundError when the database holds none yet."""
        import psycopg

        try:
            found = read_live(replica_url or url, version)
        except psycopg.OperationalError as e:
            raise ConnectionError(f"cannot reach the database: {e}") from None
        if found is None:
            raise FileNotFoundError("no index in the database yet: run `python -m qa build` with "
                                    "MINUTEBOOK_DATABASE_URL set first")
        version, schema, manifest = found
        return cls(url, version, schema, manifest, replica_url)

    def load(self) -> "PostgresBackend":
        self._pin = pin_version(self.read_url, self.version)  # the builder drops no version a reader pins
        self.store = PostgresStore(self.read_url, self.schema, self.manifest)
        self._query = self.store.query  # searching uses the same per-thread connection
        counts = self.manifest.get("counts", {})
        try:
            got = self._query("SELECT (SELECT count(*) FROM paragraphs), (SELECT count(*) FROM units), "
                              "(SELECT vector_dims(embedding) FROM units LIMIT 1), (SELECT format_type(atttypid, "
                              "NULL) FROM pg_attribute WHERE attrelid = 'terms'::regclass AND attname = 'rows')"
                              ).fetchone()
        except Exception as e:  # a dropped or half-loaded schema: refuse clearly
            raise IndexDamaged(f"index version {self.version} in the database is damaged ({e}); rebuild it") from None
        if got[0] != counts.get("paragraphs") or got[1] != counts.get("vectors"):
            raise IndexDamaged(f"index version {self.version} is inconsistent (counts differ from its manifest)")
        if got[3] != "bytea":  # postings as arrays: written by an earlier Minutebook
            raise IndexDamaged(f"index version {self.version} stores its postings in an older layout; rebuild it")
        self.n_rows, self.dims = int(got[0]), int(got[2] or 0)
        self._dfs: dict[str, int] = {}  # document frequencies read so far; a version never changes
        return self

    def candidates(self, qvec, tokens, filters, n, units) -> Candidates:
        where, fargs = _filter_sql(filters)
        vec = np.asarray(qvec, dtype=np.float32)
        if where:
            q = ("SELECT u.row, -(u.embedding <#> %s) FROM units u JOIN paragraphs p ON p.row = u.row "
                 f"JOIN meetings m ON m.id = p.meeting_id WHERE {where} ORDER BY u.embedding <#> %s LIMIT %s")
        else:
            q = "SELECT u.row, -(u.embedding <#> %s) FROM units u ORDER BY u.embedding <#> %s LIMIT %s"
        dense_of: dict[int, float] = {}
        for row, sim in self._query(q, (vec, *fargs, vec, units), prepare=True):
            if sim > dense_of.get(row, -1.0):  # max-sim: a paragraph scores by its best vector
                dense_of[row] = float(sim)
        top_d = sorted(dense_of, key=lambda r: (-dense_of[r], r))[:n]
        terms = list(dict.fromkeys(tokens))
        if self.keyword_ranking == "bm25":
            keyword, keyword_of = self._bm25(terms, n, top_d, where, fargs)
        else:
            keyword, keyword_of = self._ts_rank(terms, n, top_d, where, fargs)
        union = set(top_d) | set(keyword)
        return Candidates(dense={r: dense_of[r] for r in top_d}, keyword=keyword,
                          dense_of={r: dense_of.get(r, -1.0) for r in union},
                          keyword_of={r: keyword_of.get(r, 0.0) for r in union})

    def _bm25(self, terms, n, top_d, where, fargs):
        """(top n keyword rows, keyword scores of those and of top_d), from the terms' postings summed here."""
        # Summed as the embedded backend sums them; with a filter, the best rows are checked in growing slices.
        got = {t: from_bytes(r, w) for t, r, w in
               self._query("SELECT term, rows, weights FROM terms WHERE term = ANY(%s)", (terms,), prepare=True,
                           binary=True)}
        rows, scores = summed([got[t] for t in terms if t in got])  # the question's term order, as embedded sums
        if where:
            best = [int(rows[i]) for i in top_rows(scores, len(rows), 0.0)]
            top, start, size = [], 0, 4 * n
            while len(top) < n and start < len(best):
                part = best[start:start + size]
                ok = {r for (r,) in self._query("SELECT p.row FROM paragraphs p JOIN meetings m ON m.id = p.meeting_id "
                                                f"WHERE {where} AND p.row = ANY(%s)", (*fargs, part))}
                top += [r for r in part if r in ok]
                start, size = start + size, size * 4
            top = top[:n]
        else:
            top = [int(rows[i]) for i in top_rows(scores, n, 0.0)]
        keyword_of = scores_at(rows, scores, set(top) | set(top_d))
        return {r: keyword_of[r] for r in top}, keyword_of

    def _ts_rank(self, terms, n, top_d, where, fargs):
        """The same, ranked by PostgreSQL's own ts_rank_cd over the full-text index (a measurement, see README)."""
        keyword, keyword_of = {}, {}
        if terms:
            restrict = (" AND s0.r IN (SELECT p.row FROM paragraphs p JOIN meetings m ON m.id = p.meeting_id "
                        f"WHERE {where})") if where else ""
            q = ("WITH s AS (SELECT s0.r, s0.w FROM (SELECT p.row AS r, ts_rank_cd(p.keywords, q) AS w "
                 "FROM paragraphs p, to_tsquery('simple', %s) q WHERE p.keywords @@ q) s0 "
                 f"WHERE true{restrict}) "
                 "(SELECT r, w, true FROM s ORDER BY w DESC, r LIMIT %s) UNION ALL "
                 "(SELECT r, w, false FROM s WHERE r = ANY(%s))")
            arg = " | ".join("'" + t.replace("'", "''") + "'" for t in terms)
            for row, w, top in self._query(q, (arg, *fargs, n, top_d), prepare=True):
                keyword_of[row] = float(w)
                if top and w > 0:
                    keyword[row] = float(w)
        return keyword, keyword_of

    def own_similarity(self, qvec, rows):
        if not rows:
            return {}
        vec = np.asarray(qvec, dtype=np.float32)
        got = self._query("SELECT row, -(embedding <#> %s) FROM units WHERE kind = 0 AND row = ANY(%s)",
                          (vec, [int(r) for r in rows]), prepare=True)
        return {int(r): float(sim) for r, sim in got}

    def idf(self, token: str) -> float:
        df = self._dfs.get(token)
        if df is None:
            got = self._query("SELECT df FROM terms WHERE term = %s", (token,)).fetchone()
            df = int(got[0]) if got else 0
            if len(self._dfs) < 100_000:
                self._dfs[token] = df
        return 0.0 if not df else float(np.log(1.0 + (self.n_rows - df + 0.5) / (df + 0.5)))

    def sentences(self, row: int):
        got = self._query("SELECT kind, start, stop, embedding FROM units WHERE row = %s ORDER BY id", (row,)).fetchall()
        sents = [(int(s), int(e), np.asarray(v, dtype=np.float32)) for k, s, e, v in got if k == 2]
        if not sents and got:
            sents = [(0, -1, np.asarray(got[0][3], dtype=np.float32))]
        return sents


def read_live_version(url: str, replica_url: str | None = None) -> str | None:
    """The live version's name, or None when there is none or the database cannot be reached now."""
    try:
        found = read_live(replica_url or url)
    except Exception:  # a database that is briefly unreachable must not take the service down
        return None
    return found[0] if found else None
