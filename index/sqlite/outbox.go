package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/kozan-dev/kozan/pipeline"
)

// enqueue queues a document for Elasticsearch. A document already pending is
// moved to the end with a new sequence number, so that acknowledging an
// older delivery never drops a newer change.
func enqueue(ctx context.Context, tx *wtx, kind, id string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM outbox WHERE kind = ? AND doc_id = ?`, kind, id); err != nil {
		return fmt.Errorf("outbox %s %s: %w", kind, id, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO outbox (kind, doc_id) VALUES (?, ?)`, kind, id); err != nil {
		return fmt.Errorf("outbox %s %s: %w", kind, id, err)
	}
	return nil
}

// Outbox returns up to limit (default 500) documents Elasticsearch has not
// acknowledged, oldest first, with their current content: the full Article
// (tokens included) or the DealRecord (review included). A deal merged into
// another one comes back with Deleted set (the canonical deal stands for it);
// a superseded deal comes back with Superseded set and Deleted false.
func (s *Store) Outbox(ctx context.Context, limit int) ([]pipeline.OutboxItem, error) {
	if limit <= 0 {
		limit = 500
	}
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("outbox: %w", err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT seq, kind, doc_id FROM outbox ORDER BY seq LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("outbox: %w", err)
	}
	var items []pipeline.OutboxItem
	for rows.Next() {
		var it pipeline.OutboxItem
		if err := rows.Scan(&it.Seq, &it.Kind, &it.ID); err != nil {
			rows.Close()
			return nil, fmt.Errorf("outbox: %w", err)
		}
		items = append(items, it)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("outbox: %w", err)
	}
	for i := range items {
		it := &items[i]
		switch it.Kind {
		case pipeline.OutboxArticle:
			a, err := readArticle(ctx, tx, it.ID)
			switch {
			case errors.Is(err, ErrNotFound):
				it.Article, it.Deleted = &pipeline.Article{ID: it.ID}, true
			case err != nil:
				return nil, fmt.Errorf("outbox: %w", err)
			default:
				it.Article = &a
			}
		case pipeline.OutboxDeal:
			d, merged, err := readDeal(ctx, tx, it.ID)
			switch {
			case errors.Is(err, ErrNotFound):
				it.Deal, it.Deleted = &pipeline.DealRecord{ID: it.ID}, true
			case err != nil:
				return nil, fmt.Errorf("outbox: %w", err)
			default:
				it.Deal, it.Deleted = &d, merged
			}
		default:
			return nil, fmt.Errorf("outbox: unknown kind %q at seq %d", it.Kind, it.Seq)
		}
	}
	return items, nil
}

// Ack removes delivered entries from the outbox. An entry re-queued since
// it was read has a new sequence number and stays.
func (s *Store) Ack(ctx context.Context, seqs []int64) error {
	const batch = 500
	for len(seqs) > 0 {
		n := min(batch, len(seqs))
		args := make([]any, n)
		for i, q := range seqs[:n] {
			args[i] = q
		}
		q := `DELETE FROM outbox WHERE seq IN (?` + strings.Repeat(`, ?`, n-1) + `)`
		if _, err := s.db.ExecContext(ctx, q, args...); err != nil {
			return fmt.Errorf("outbox ack: %w", err)
		}
		seqs = seqs[n:]
	}
	return nil
}

// OutboxLen counts the documents Elasticsearch has not acknowledged.
func (s *Store) OutboxLen(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM outbox`).Scan(&n); err != nil {
		return 0, fmt.Errorf("outbox length: %w", err)
	}
	return n, nil
}
