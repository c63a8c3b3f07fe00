package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// ErrNotFound is returned when the store does not hold the requested item.
var ErrNotFound = errors.New("not found")

// Options tunes a Store. The zero value works.
type Options struct {
	Logger *slog.Logger     // default: discard
	Now    func() time.Time // default: time.Now
	// NearDuplicateBits is how many bits two articles' fingerprints
	// (simhash of the main text) may differ by for the later one to be
	// stored as a copy of the first: 0 means DefaultNearDuplicateBits,
	// a negative value turns near-duplicate detection off (exact copies
	// are still found by content hash).
	NearDuplicateBits int
	// ReadOnly opens an existing store for reading only (see Open).
	ReadOnly bool
	// KeepHTML keeps each article's fetched HTML, gzip-compressed, when it
	// is at most MaxHTML bytes (0: no limit), for Pages and re-extraction.
	KeepHTML bool
	MaxHTML  int64
	// RuleSet names the extraction rules of the documents Put receives; it
	// is recorded with the kept HTML.
	RuleSet string
	// Fingerprints, when set, is the fingerprint record this store shares
	// with other kozan processes that write stores of their own (the
	// crawler's Redis state): a new article that none of this store's
	// articles is a copy of is looked up there, and is not stored when
	// another process stored its original first (see Put).
	Fingerprints SharedFingerprints
}

// SharedFingerprints is a record of article fingerprints several stores
// share. crawler.RedisShared is one.
type SharedFingerprints interface {
	// ClaimFingerprint returns the URL of the first article recorded with
	// a fingerprint within maxBits of fp (other than url itself), or else
	// records fp for url and returns "", in one atomic step.
	ClaimFingerprint(ctx context.Context, url string, fp uint64, maxBits int) (original string, err error)
}

// DefaultNearDuplicateBits is the default NearDuplicateBits. Unrelated
// texts differ by about 32 bits of 64 (20 or more between two stories on
// the same deal, on kozan's sample sites); a copy with another headline
// and a changed sentence differs by 5 to 8.
const DefaultNearDuplicateBits = 8

// Store is kozan's embedded SQLite store. It is safe for concurrent use;
// writes are serialised by SQLite.
type Store struct {
	db       *sql.DB
	log      *slog.Logger
	now      func() time.Time
	path     string
	stmts    stmtCache
	near     int // NearDuplicateBits in force; < 0: off
	shared   SharedFingerprints
	readOnly bool
	version  int // schema version of the file (older than SchemaVersion only when read-only)
	keepHTML bool
	maxHTML  int64
	ruleSet  string
}

// StoreStats counts what the store holds.
type StoreStats struct {
	Articles       int `json:"articles"`
	Deals          int `json:"deals"`           // live canonical deals (merged ones count once)
	MergedDeals    int `json:"merged_deals"`    // deals merged into another
	Superseded     int `json:"superseded"`      // deals no longer produced by their article
	PendingReviews int `json:"pending_reviews"` // live canonical deals with status pending
	Outbox         int `json:"outbox"`          // documents Elasticsearch has not acknowledged
	CrawlURLs      int `json:"crawl_urls"`      // URLs with crawl state (aliases included)
}

// Open opens (creating if needed) the store at path and migrates its schema.
// A store written by a newer kozan is refused.
//
// With opt.ReadOnly it opens an existing store without writing to it or
// creating anything: no schema, no migration, no journal mode change. It
// uses SQLite's mode=ro, and falls back to immutable=1 when that cannot
// read the file (a WAL store in a directory kozan may not write, such as a
// snapshot on read-only media, whose -shm file cannot be created). A
// missing or empty file, or a file that is not a kozan store, is an error.
// A store of an older schema is read as it is: what it lacks reads as
// empty (e.g. no review history yet).
func Open(ctx context.Context, path string, opt Options) (*Store, error) {
	if path == "" {
		return nil, errors.New("open store: empty path")
	}
	if strings.ContainsRune(path, '?') {
		return nil, fmt.Errorf("open store %s: a path may not contain '?'", path)
	}
	var (
		db  *sql.DB
		v   int
		err error
	)
	if opt.ReadOnly {
		db, v, err = openReadOnly(ctx, path, opt.Logger)
	} else {
		db, v, err = openReadWrite(ctx, path)
	}
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	s := &Store{db: db, log: opt.Logger, now: opt.Now, path: path, near: opt.NearDuplicateBits, readOnly: opt.ReadOnly, version: v,
		keepHTML: opt.KeepHTML, maxHTML: opt.MaxHTML, ruleSet: opt.RuleSet, shared: opt.Fingerprints}
	if s.near == 0 {
		s.near = DefaultNearDuplicateBits
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.now == nil {
		s.now = time.Now
	}
	return s, nil
}

func openReadWrite(ctx context.Context, path string) (*sql.DB, int, error) {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", path+"?"+q.Encode())
	if err != nil {
		return nil, 0, err
	}
	db.SetMaxOpenConns(4)
	db.SetMaxIdleConns(4)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, 0, err
	}
	if err := migrate(ctx, db, path); err != nil {
		db.Close()
		return nil, 0, err
	}
	return db, len(migrations), nil
}

// ErrNotStore is returned when a read-only open finds a file that is not a
// kozan store (empty, or without kozan's schema).
var ErrNotStore = errors.New("not a kozan store")

func openReadOnly(ctx context.Context, path string, log *slog.Logger) (*sql.DB, int, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, 0, err
	}
	if st.IsDir() {
		return nil, 0, fmt.Errorf("%w: a directory", ErrNotStore)
	}
	if st.Size() == 0 {
		return nil, 0, fmt.Errorf("%w: the file is empty", ErrNotStore)
	}
	db, v, err := openURI(ctx, path, "ro")
	if err != nil {
		db2, v2, err2 := openURI(ctx, path, "immutable")
		if err2 != nil {
			return nil, 0, err // the first reason is the telling one
		}
		if log != nil {
			log.Debug("store opened immutable: mode=ro could not read it", "path", path, "err", err)
		}
		db, v = db2, v2
	}
	switch {
	case v == 0:
		db.Close()
		return nil, 0, fmt.Errorf("%w: no kozan schema", ErrNotStore)
	case v > len(migrations):
		db.Close()
		return nil, 0, fmt.Errorf("store %s has schema version %d, newer than this kozan knows (%d): upgrade kozan", path, v, len(migrations))
	}
	return db, v, nil
}

// openURI opens path read-only through an SQLite URI: how "ro" (mode=ro) or
// "immutable" (also immutable=1: no locks, no -shm; for files nobody writes).
func openURI(ctx context.Context, path, how string) (*sql.DB, int, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, 0, err
	}
	esc := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(filepath.ToSlash(abs))
	q := url.Values{}
	q.Set("mode", "ro")
	if how == "immutable" {
		q.Set("immutable", "1")
	}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "query_only(1)")
	q.Set("_txlock", "deferred")
	db, err := sql.Open("sqlite", "file:"+esc+"?"+q.Encode())
	if err != nil {
		return nil, 0, err
	}
	db.SetMaxOpenConns(4)
	db.SetMaxIdleConns(4)
	var v int
	if err := db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
		db.Close()
		return nil, 0, err
	}
	// The schema is read here too, so that a file mode=ro cannot really
	// read fails now rather than at the first query.
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema`).Scan(&n); err != nil {
		db.Close()
		return nil, 0, err
	}
	return db, v, nil
}

// ReadOnly reports whether the store was opened read-only.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Close closes the store.
func (s *Store) Close() error {
	s.stmts.close()
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close store %s: %w", s.path, err)
	}
	return nil
}

// Stats counts articles, deals, pending reviews and outbox entries.
func (s *Store) Stats(ctx context.Context) (StoreStats, error) {
	var st StoreStats
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM articles),
		(SELECT count(*) FROM deals WHERE superseded = 0 AND merged_into IS NULL),
		(SELECT count(*) FROM deals WHERE superseded = 0 AND merged_into IS NOT NULL),
		(SELECT count(*) FROM deals WHERE superseded = 1),
		(SELECT count(*) FROM deals WHERE superseded = 0 AND merged_into IS NULL AND status = 'pending'),
		(SELECT count(*) FROM outbox),
		(SELECT count(*) FROM crawl_state)`).Scan(
		&st.Articles, &st.Deals, &st.MergedDeals, &st.Superseded, &st.PendingReviews, &st.Outbox, &st.CrawlURLs)
	if err != nil {
		return StoreStats{}, fmt.Errorf("store stats: %w", err)
	}
	return st, nil
}

// nanos converts t to the stored form.
func nanos(t time.Time) int64 { return t.UTC().UnixNano() }

// nullNanos converts an optional time to the stored form.
func nullNanos(t *time.Time) sql.NullInt64 {
	if t == nil || t.IsZero() {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: nanos(*t), Valid: true}
}

// fromNanos converts a stored time back.
func fromNanos(n int64) time.Time { return time.Unix(0, n).UTC() }

// fromNullNanos converts a stored optional time back.
func fromNullNanos(n sql.NullInt64) *time.Time {
	if !n.Valid {
		return nil
	}
	t := fromNanos(n.Int64)
	return &t
}
