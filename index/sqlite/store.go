package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
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
}

// DefaultNearDuplicateBits is the default NearDuplicateBits. Unrelated
// texts differ by about 32 bits of 64 (20 or more between two stories on
// the same deal, on kozan's sample sites); a copy with another headline
// and a changed sentence differs by 5 to 8.
const DefaultNearDuplicateBits = 8

// Store is kozan's embedded SQLite store. It is safe for concurrent use;
// writes are serialised by SQLite.
type Store struct {
	db    *sql.DB
	log   *slog.Logger
	now   func() time.Time
	path  string
	stmts stmtCache
	near  int // NearDuplicateBits in force; < 0: off
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
func Open(ctx context.Context, path string, opt Options) (*Store, error) {
	if path == "" {
		return nil, errors.New("open store: empty path")
	}
	if strings.ContainsRune(path, '?') {
		return nil, fmt.Errorf("open store %s: a path may not contain '?'", path)
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	db.SetMaxOpenConns(4)
	db.SetMaxIdleConns(4)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	if err := migrate(ctx, db, path); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	s := &Store{db: db, log: opt.Logger, now: opt.Now, path: path, near: opt.NearDuplicateBits}
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
