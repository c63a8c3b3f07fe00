package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations are applied in order, each in its own transaction; after
// migration i the database's PRAGMA user_version is i+1. Append only: never
// edit a migration that has shipped.
var migrations = []string{
	// 1: the initial schema.
	`
CREATE TABLE crawl_state (
	url           TEXT PRIMARY KEY,
	canonical_url TEXT NOT NULL,           -- equals url except for alias rows
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	content_hash  TEXT NOT NULL DEFAULT '',
	article_id    TEXT NOT NULL DEFAULT '',
	first_seen    INTEGER NOT NULL,
	last_seen     INTEGER NOT NULL,
	skip          TEXT NOT NULL DEFAULT ''
);

CREATE TABLE articles (
	rowid        INTEGER PRIMARY KEY,
	id           TEXT NOT NULL UNIQUE,
	url          TEXT NOT NULL,
	title        TEXT NOT NULL DEFAULT '',
	text         TEXT NOT NULL DEFAULT '',
	lang         TEXT NOT NULL DEFAULT '',
	source       TEXT NOT NULL DEFAULT '',
	author       TEXT NOT NULL DEFAULT '',
	site_name    TEXT NOT NULL DEFAULT '',
	published_at INTEGER,
	fetched_at   INTEGER NOT NULL,
	content_hash TEXT NOT NULL
);
CREATE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_fetched_at ON articles(fetched_at);

-- Other URLs of an article: kind 'alias' (tracking variants, AMP, redirects,
-- the page URL when the article names another canonical URL) or 'copy' (a
-- syndicated copy found by content hash, a source of its own).
CREATE TABLE article_urls (
	url        TEXT PRIMARY KEY,
	article_id TEXT NOT NULL REFERENCES articles(id),
	kind       TEXT NOT NULL CHECK (kind IN ('alias', 'copy'))
);
CREATE INDEX article_urls_article ON article_urls(article_id);

-- Tokens joined by spaces; rowid = articles.rowid.
CREATE VIRTUAL TABLE articles_fts USING fts5(title_tokens, text_tokens, tokenize = 'unicode61');

CREATE TABLE deals (
	id              TEXT PRIMARY KEY,
	article_id      TEXT NOT NULL REFERENCES articles(id),
	deal_json       TEXT NOT NULL,          -- the pipeline.Deal
	company_lc      TEXT NOT NULL,          -- lower-cased, for filters and merging
	counterparty_lc TEXT NOT NULL DEFAULT '',
	kind            TEXT NOT NULL,
	amount_usd      REAL,
	published_at    INTEGER,                -- the article's
	extracted_at    INTEGER NOT NULL,       -- first extraction
	sort_at         INTEGER NOT NULL,       -- published_at, else extracted_at
	superseded      INTEGER NOT NULL DEFAULT 0,
	merged_into     TEXT,                   -- canonical deal id when merged
	merge_reason    TEXT NOT NULL DEFAULT '',
	group_pub_at    INTEGER,                -- canonical rows: earliest published_at of the group
	group_sort_at   INTEGER NOT NULL,       -- canonical rows: earliest sort_at of the group
	group_urls      TEXT NOT NULL DEFAULT '', -- canonical rows: newline-joined source URLs when more than one
	status          TEXT NOT NULL DEFAULT 'pending',
	note            TEXT NOT NULL DEFAULT '',
	reviewer        TEXT NOT NULL DEFAULT '',
	reviewed_at     INTEGER
);
CREATE INDEX deals_article ON deals(article_id);
CREATE INDEX deals_merged_into ON deals(merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX deals_canonical_order ON deals(group_sort_at DESC, id DESC) WHERE merged_into IS NULL;
CREATE INDEX deals_company ON deals(company_lc);
CREATE INDEX deals_counterparty ON deals(counterparty_lc);

CREATE TABLE outbox (
	seq    INTEGER PRIMARY KEY AUTOINCREMENT,
	kind   TEXT NOT NULL,
	doc_id TEXT NOT NULL,
	UNIQUE (kind, doc_id)
);
`,
	// 2: indexes for crawl-state lookups by article and the merge window.
	`
CREATE INDEX crawl_state_article ON crawl_state(article_id) WHERE article_id != '';
CREATE INDEX deals_sort_at ON deals(sort_at) WHERE superseded = 0;
`,
	// 3: merge candidates are looked up by both parties.
	`
DROP INDEX deals_company;
CREATE INDEX deals_parties ON deals(company_lc, counterparty_lc);
`,
	// 4: the simhash of each article's text (a uint64 stored as its int64
	// bits; 0 for none), to find near-duplicate copies across runs.
	`
ALTER TABLE articles ADD COLUMN simhash INTEGER NOT NULL DEFAULT 0;
`,
	// 5: review history: every import (or undo) and every review change it made.
	`
CREATE TABLE review_imports (
	id        INTEGER PRIMARY KEY AUTOINCREMENT,
	at        INTEGER NOT NULL,
	file      TEXT NOT NULL DEFAULT '',
	by        TEXT NOT NULL DEFAULT '',  -- the user who ran it
	forced    INTEGER NOT NULL DEFAULT 0,
	changed   INTEGER NOT NULL DEFAULT 0,
	undo_of   INTEGER,                   -- this import undid that one
	undone_by INTEGER                    -- the import that undid this one
);
CREATE TABLE review_history (
	seq             INTEGER PRIMARY KEY AUTOINCREMENT,
	import_id       INTEGER NOT NULL REFERENCES review_imports(id),
	deal_id         TEXT NOT NULL,
	at              INTEGER NOT NULL,
	old_status      TEXT NOT NULL,
	old_note        TEXT NOT NULL,
	old_reviewer    TEXT NOT NULL,
	old_reviewed_at INTEGER,
	new_status      TEXT NOT NULL,
	new_note        TEXT NOT NULL,
	new_reviewer    TEXT NOT NULL
);
CREATE INDEX review_history_deal ON review_history(deal_id, seq);
CREATE INDEX review_history_import ON review_history(import_id, seq);
`,
	// 6: the fetched HTML of each article, gzip-compressed, for re-extraction.
	`
CREATE TABLE article_html (
	article_id    TEXT PRIMARY KEY REFERENCES articles(id),
	url           TEXT NOT NULL,            -- the page URL it was fetched as
	fetch_url     TEXT NOT NULL DEFAULT '',
	source        TEXT NOT NULL DEFAULT '',
	lang          TEXT NOT NULL DEFAULT '', -- the source's language hint
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	fetched_at    INTEGER NOT NULL,
	size          INTEGER NOT NULL,         -- bytes before compression
	body_gz       BLOB NOT NULL,
	rule_set      TEXT NOT NULL DEFAULT ''  -- the extraction rules last run over it
);
`,
	// 7: copies of articles another kozan process stored first (processes
	// sharing Redis crawl state, each writing a store of its own): this
	// store holds no article and no deals for them, only where the original is.
	`
CREATE TABLE copies_elsewhere (
	url          TEXT PRIMARY KEY,          -- the copy's canonical URL
	article_id   TEXT NOT NULL,             -- the original's id: pipeline.ArticleID(original_url)
	original_url TEXT NOT NULL,
	source       TEXT NOT NULL DEFAULT '',  -- the copy's source
	first_seen   INTEGER NOT NULL,
	last_seen    INTEGER NOT NULL
);
`,
}

// SchemaVersion is the schema version this build of kozan writes.
func SchemaVersion() int { return len(migrations) }

// migrate brings the database up to len(migrations), refusing a database
// written by a newer kozan.
func migrate(ctx context.Context, db *sql.DB, path string) error {
	var v int
	if err := db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if v > len(migrations) {
		return fmt.Errorf("store %s has schema version %d, newer than this kozan knows (%d): upgrade kozan", path, v, len(migrations))
	}
	for v < len(migrations) {
		next, err := applyMigration(ctx, db, v)
		if err != nil {
			return err
		}
		v = next
	}
	return nil
}

// applyMigration applies migration number from+1 in one transaction, unless
// another process applied it first, and returns the version now in force.
func applyMigration(ctx context.Context, db *sql.DB, from int) (int, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("migrate to %d: %w", from+1, err)
	}
	defer tx.Rollback()
	var v int
	if err := tx.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
		return 0, fmt.Errorf("migrate to %d: %w", from+1, err)
	}
	if v != from { // someone else migrated meanwhile
		return v, nil
	}
	if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
		return 0, fmt.Errorf("migrate to %d: %w", v+1, err)
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, v+1)); err != nil {
		return 0, fmt.Errorf("migrate to %d: %w", v+1, err)
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("migrate to %d: %w", v+1, err)
	}
	return v + 1, nil
}
