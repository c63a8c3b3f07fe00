package sqlite

import (
	"context"
	"database/sql"
	"sync"
)

// stmtCache holds prepared statements by query text, so the hot paths (Put,
// ApplyReviews) do not parse the same SQL again for every document.
type stmtCache struct {
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

// get returns the prepared statement for q, preparing it once.
func (c *stmtCache) get(ctx context.Context, db *sql.DB, q string) (*sql.Stmt, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.m[q]; ok {
		return st, nil
	}
	st, err := db.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	if c.m == nil {
		c.m = map[string]*sql.Stmt{}
	}
	c.m[q] = st
	return st, nil
}

// close closes every cached statement.
func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.m {
		st.Close()
	}
	c.m = nil
}

// wtx is a write transaction whose statements come from the store's cache.
// Its methods have the names and signatures of *sql.Tx's.
type wtx struct {
	tx    *sql.Tx
	db    *sql.DB
	cache *stmtCache
}

// begin starts a write transaction.
func (s *Store) begin(ctx context.Context) (*wtx, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	return &wtx{tx: tx, db: s.db, cache: &s.stmts}, nil
}

// ExecContext runs a cached statement in the transaction.
func (w *wtx) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	st, err := w.cache.get(ctx, w.db, q)
	if err != nil {
		return nil, err
	}
	return w.tx.StmtContext(ctx, st).ExecContext(ctx, args...)
}

// QueryContext runs a cached query in the transaction.
func (w *wtx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	st, err := w.cache.get(ctx, w.db, q)
	if err != nil {
		return nil, err
	}
	return w.tx.StmtContext(ctx, st).QueryContext(ctx, args...)
}

// QueryRowContext runs a cached single-row query in the transaction.
func (w *wtx) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	st, err := w.cache.get(ctx, w.db, q)
	if err != nil {
		// Let the error surface from Scan, as *sql.Tx does.
		return w.tx.QueryRowContext(ctx, q, args...)
	}
	return w.tx.StmtContext(ctx, st).QueryRowContext(ctx, args...)
}

// Commit commits the transaction.
func (w *wtx) Commit() error { return w.tx.Commit() }

// Rollback aborts the transaction unless it was committed.
func (w *wtx) Rollback() error { return w.tx.Rollback() }
