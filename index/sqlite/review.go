package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/kozan-dev/kozan/pipeline"
)

// ApplyReviews applies review updates in one transaction. An unknown deal id
// is reported in Unknown and the others still apply. A row equal to the store
// (status, note, reviewer) counts as Unchanged. A deal reviewed in the store
// after the file's Seen time (nil Seen: never reviewed when exported) is
// Stale and left alone unless force. Applied reviews get reviewed_at = now
// and are queued for Elasticsearch. Times are compared to the second, the
// precision of exported files. An invalid status fails the whole call before
// anything is written.
func (s *Store) ApplyReviews(ctx context.Context, ups []pipeline.ReviewUpdate, force bool) (pipeline.ReviewReport, error) {
	rep := pipeline.ReviewReport{Changed: []string{}, Unknown: []string{}, Stale: []string{}}
	for _, u := range ups {
		switch u.Review.Status {
		case pipeline.StatusPending, pipeline.StatusApproved, pipeline.StatusRejected:
		default:
			return pipeline.ReviewReport{}, fmt.Errorf("apply reviews: row %d: deal %s: invalid status %q", u.Row, u.DealID, u.Review.Status)
		}
	}
	tx, err := s.begin(ctx)
	if err != nil {
		return pipeline.ReviewReport{}, fmt.Errorf("apply reviews: %w", err)
	}
	defer tx.Rollback()
	now := s.now().UTC()
	for _, u := range ups {
		var status, note, reviewer string
		var at sql.NullInt64
		err := tx.QueryRowContext(ctx, `SELECT status, note, reviewer, reviewed_at FROM deals WHERE id = ?`, u.DealID).Scan(
			&status, &note, &reviewer, &at)
		if errors.Is(err, sql.ErrNoRows) {
			rep.Unknown = append(rep.Unknown, u.DealID)
			continue
		}
		if err != nil {
			return pipeline.ReviewReport{}, fmt.Errorf("apply reviews: row %d: %w", u.Row, err)
		}
		if u.KeepNote {
			u.Review.Note = note
		}
		if u.KeepReviewer {
			u.Review.Reviewer = reviewer
		}
		if status == u.Review.Status && note == u.Review.Note && reviewer == u.Review.Reviewer {
			rep.Unchanged++
			continue
		}
		if at.Valid && !force && (u.Seen == nil || fromNanos(at.Int64).Truncate(time.Second).After(u.Seen.Truncate(time.Second))) {
			rep.Stale = append(rep.Stale, u.DealID)
			continue
		}
		_, err = tx.ExecContext(ctx, `UPDATE deals SET status = ?, note = ?, reviewer = ?, reviewed_at = ? WHERE id = ?`,
			u.Review.Status, u.Review.Note, u.Review.Reviewer, nanos(now), u.DealID)
		if err != nil {
			return pipeline.ReviewReport{}, fmt.Errorf("apply reviews: row %d: %w", u.Row, err)
		}
		if err := enqueue(ctx, tx, pipeline.OutboxDeal, u.DealID); err != nil {
			return pipeline.ReviewReport{}, fmt.Errorf("apply reviews: row %d: %w", u.Row, err)
		}
		rep.Changed = append(rep.Changed, u.DealID)
	}
	if err := tx.Commit(); err != nil {
		return pipeline.ReviewReport{}, fmt.Errorf("apply reviews: commit: %w", err)
	}
	s.log.Debug("reviews applied", "changed", len(rep.Changed), "unchanged", rep.Unchanged,
		"unknown", len(rep.Unknown), "stale", len(rep.Stale))
	return rep, nil
}
