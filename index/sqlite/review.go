package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/kozan-dev/kozan/pipeline"
)

// ReviewOptions says where a review import comes from and how to apply it.
type ReviewOptions struct {
	File  string // the review file, recorded in the history
	By    string // who runs the import (the OS user), recorded in the history
	Force bool   // apply rows whose deal was reviewed in the store after the export
}

// schemaReviewHistory is the schema version that has the review history.
const schemaReviewHistory = 5 // migration 5

// ApplyReviews is ApplyReviewFile without a file name or user.
func (s *Store) ApplyReviews(ctx context.Context, ups []pipeline.ReviewUpdate, force bool) (pipeline.ReviewReport, error) {
	return s.ApplyReviewFile(ctx, ups, ReviewOptions{Force: force})
}

// ApplyReviewFile applies review updates in one transaction and records
// every change in the review history, as one import.
//
// An unknown deal id is reported in Unknown and the others still apply.
//
// With a Base (the file's exported column), only the fields the row changed
// relative to the export are the reviewer's decision; the others keep what
// the store holds now. A row left entirely as exported is Unchanged and
// never applied, even with Force: an old file cannot reset decisions made
// since. Without a Base (an older export), the row's status, note and
// reviewer are taken whole.
//
// A change to a deal reviewed in the store after the file's Seen time (nil
// Seen: never reviewed when exported) is Stale and left alone unless
// Force. A result equal to the store (status, note, reviewer) counts as
// Unchanged. Applied reviews get reviewed_at = now and are queued for
// Elasticsearch. Times are compared to the second, the precision of
// exported files. An invalid status fails the whole call before anything
// is written.
func (s *Store) ApplyReviewFile(ctx context.Context, ups []pipeline.ReviewUpdate, opt ReviewOptions) (pipeline.ReviewReport, error) {
	rep := pipeline.ReviewReport{Changed: []string{}, Unknown: []string{}, Stale: []string{}, StaleDeals: []pipeline.DealBrief{}}
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
	var importID int64
	for _, u := range ups {
		var cur pipeline.Review
		var at sql.NullInt64
		var js []byte
		err := tx.QueryRowContext(ctx, `SELECT status, note, reviewer, reviewed_at, deal_json FROM deals WHERE id = ?`, u.DealID).Scan(
			&cur.Status, &cur.Note, &cur.Reviewer, &at, &js)
		if errors.Is(err, sql.ErrNoRows) {
			rep.Unknown = append(rep.Unknown, u.DealID)
			continue
		}
		if err != nil {
			return pipeline.ReviewReport{}, fmt.Errorf("apply reviews: row %d: %w", u.Row, err)
		}
		next, edited := u.Review, true
		if u.KeepNote {
			next.Note = cur.Note
		}
		if u.KeepReviewer {
			next.Reviewer = cur.Reviewer
		}
		if b := u.Base; b != nil {
			// Only what the reviewer changed in the file is theirs.
			merged := cur
			edited = false
			if next.Status != b.Status {
				merged.Status, edited = next.Status, true
			}
			if !u.KeepNote && next.Note != b.Note {
				merged.Note, edited = next.Note, true
			}
			if !u.KeepReviewer && next.Reviewer != b.Reviewer {
				merged.Reviewer, edited = next.Reviewer, true
			}
			next = merged
		}
		if !edited || (cur.Status == next.Status && cur.Note == next.Note && cur.Reviewer == next.Reviewer) {
			rep.Unchanged++
			continue
		}
		if at.Valid && !opt.Force && (u.Seen == nil || fromNanos(at.Int64).Truncate(time.Second).After(u.Seen.Truncate(time.Second))) {
			rep.Stale = append(rep.Stale, u.DealID)
			brief := pipeline.DealBrief{ID: u.DealID, Review: cur}
			brief.Review.ReviewedAt = fromNullNanos(at)
			var d pipeline.Deal
			if json.Unmarshal(js, &d) == nil {
				brief.Company, brief.Counterparty, brief.Amount = d.Company, d.Counterparty, d.Amount
			}
			rep.StaleDeals = append(rep.StaleDeals, brief)
			continue
		}
		if importID == 0 {
			if importID, err = newImport(ctx, tx, now, opt.File, opt.By, opt.Force, 0); err != nil {
				return pipeline.ReviewReport{}, fmt.Errorf("apply reviews: %w", err)
			}
		}
		if err := setReview(ctx, tx, importID, u.DealID, now, cur, at, next, sql.NullInt64{Int64: nanos(now), Valid: true}); err != nil {
			return pipeline.ReviewReport{}, fmt.Errorf("apply reviews: row %d: %w", u.Row, err)
		}
		rep.Changed = append(rep.Changed, u.DealID)
	}
	if importID != 0 {
		if _, err := tx.ExecContext(ctx, `UPDATE review_imports SET changed = ? WHERE id = ?`, len(rep.Changed), importID); err != nil {
			return pipeline.ReviewReport{}, fmt.Errorf("apply reviews: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return pipeline.ReviewReport{}, fmt.Errorf("apply reviews: commit: %w", err)
	}
	rep.Import = importID
	s.log.Debug("reviews applied", "import", importID, "changed", len(rep.Changed), "unchanged", rep.Unchanged,
		"unknown", len(rep.Unknown), "stale", len(rep.Stale))
	return rep, nil
}

// newImport records an import (or, with undoOf, an undo) and returns its id.
func newImport(ctx context.Context, tx *wtx, now time.Time, file, by string, force bool, undoOf int64) (int64, error) {
	var undo sql.NullInt64
	if undoOf != 0 {
		undo = sql.NullInt64{Int64: undoOf, Valid: true}
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO review_imports (at, file, by, forced, undo_of) VALUES (?, ?, ?, ?, ?)`,
		nanos(now), file, by, force, undo)
	if err != nil {
		return 0, fmt.Errorf("record import: %w", err)
	}
	return res.LastInsertId()
}

// setReview writes a deal's review, its history entry and its outbox entry.
func setReview(ctx context.Context, tx *wtx, importID int64, id string, now time.Time,
	from pipeline.Review, fromAt sql.NullInt64, to pipeline.Review, toAt sql.NullInt64) error {
	if _, err := tx.ExecContext(ctx, `UPDATE deals SET status = ?, note = ?, reviewer = ?, reviewed_at = ? WHERE id = ?`,
		to.Status, to.Note, to.Reviewer, toAt, id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO review_history (import_id, deal_id, at, old_status, old_note, old_reviewer,
		old_reviewed_at, new_status, new_note, new_reviewer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		importID, id, nanos(now), from.Status, from.Note, from.Reviewer, fromAt, to.Status, to.Note, to.Reviewer); err != nil {
		return fmt.Errorf("review history: %w", err)
	}
	return enqueue(ctx, tx, pipeline.OutboxDeal, id)
}

// ErrUndone is returned when an import was already undone.
var ErrUndone = errors.New("already undone")

// UndoReport says what undoing an import did.
type UndoReport struct {
	Import   int64    `json:"import"`   // the undo's own number in the history
	Restored []string `json:"restored"` // deals whose review was put back as it was before the import
	Kept     []string `json:"kept"`     // deals reviewed again since the import: left as they are
}

// UndoImport puts back the reviews an import changed, as they were before
// it, for every deal whose review is still what the import made it. A deal
// reviewed again since (by a later import) is left alone and reported in
// Kept. The undo is itself recorded in the history, as an import that can
// be undone in turn. It returns ErrNotFound for an unknown import and
// ErrUndone for one already undone.
func (s *Store) UndoImport(ctx context.Context, id int64, by string) (UndoReport, error) {
	rep := UndoReport{Restored: []string{}, Kept: []string{}}
	tx, err := s.begin(ctx)
	if err != nil {
		return rep, fmt.Errorf("undo import %d: %w", id, err)
	}
	defer tx.Rollback()
	var undone sql.NullInt64
	err = tx.QueryRowContext(ctx, `SELECT undone_by FROM review_imports WHERE id = ?`, id).Scan(&undone)
	if errors.Is(err, sql.ErrNoRows) {
		return rep, fmt.Errorf("undo import %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return rep, fmt.Errorf("undo import %d: %w", id, err)
	}
	if undone.Valid {
		return rep, fmt.Errorf("undo import %d: %w (by import %d)", id, ErrUndone, undone.Int64)
	}
	rows, err := tx.QueryContext(ctx, `SELECT deal_id, old_status, old_note, old_reviewer, old_reviewed_at, new_status, new_note, new_reviewer
		FROM review_history WHERE import_id = ? ORDER BY seq DESC`, id)
	if err != nil {
		return rep, fmt.Errorf("undo import %d: %w", id, err)
	}
	type change struct {
		deal     string
		from, to pipeline.Review
		fromAt   sql.NullInt64
	}
	var changes []change
	for rows.Next() {
		var c change
		if err := rows.Scan(&c.deal, &c.from.Status, &c.from.Note, &c.from.Reviewer, &c.fromAt, &c.to.Status, &c.to.Note, &c.to.Reviewer); err != nil {
			rows.Close()
			return rep, fmt.Errorf("undo import %d: %w", id, err)
		}
		changes = append(changes, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return rep, fmt.Errorf("undo import %d: %w", id, err)
	}
	now := s.now().UTC()
	undoID, err := newImport(ctx, tx, now, fmt.Sprintf("undo of import %d", id), by, false, id)
	if err != nil {
		return rep, fmt.Errorf("undo import %d: %w", id, err)
	}
	for _, c := range changes {
		var cur pipeline.Review
		var at sql.NullInt64
		if err := tx.QueryRowContext(ctx, `SELECT status, note, reviewer, reviewed_at FROM deals WHERE id = ?`, c.deal).Scan(
			&cur.Status, &cur.Note, &cur.Reviewer, &at); err != nil {
			return rep, fmt.Errorf("undo import %d: deal %s: %w", id, c.deal, err)
		}
		var later int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM review_history WHERE deal_id = ? AND import_id > ? AND import_id != ?`,
			c.deal, id, undoID).Scan(&later); err != nil {
			return rep, fmt.Errorf("undo import %d: %w", id, err)
		}
		if later > 0 || cur.Status != c.to.Status || cur.Note != c.to.Note || cur.Reviewer != c.to.Reviewer {
			rep.Kept = append(rep.Kept, c.deal)
			continue
		}
		if err := setReview(ctx, tx, undoID, c.deal, now, cur, at, c.from, c.fromAt); err != nil {
			return rep, fmt.Errorf("undo import %d: deal %s: %w", id, c.deal, err)
		}
		rep.Restored = append(rep.Restored, c.deal)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE review_imports SET changed = ? WHERE id = ?`, len(rep.Restored), undoID); err != nil {
		return rep, fmt.Errorf("undo import %d: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE review_imports SET undone_by = ? WHERE id = ?`, undoID, id); err != nil {
		return rep, fmt.Errorf("undo import %d: %w", id, err)
	}
	if err := tx.Commit(); err != nil {
		return rep, fmt.Errorf("undo import %d: commit: %w", id, err)
	}
	rep.Import = undoID
	return rep, nil
}

// ReviewHistory returns a deal's review changes, oldest first. A deal id
// may be given by a unique prefix (at least 6 hex digits). A store from
// before the review history has none.
func (s *Store) ReviewHistory(ctx context.Context, idOrPrefix string) (string, []pipeline.ReviewChange, error) {
	id, err := s.ResolveDealID(ctx, idOrPrefix)
	if err != nil {
		return "", nil, err
	}
	out := []pipeline.ReviewChange{}
	if s.version < schemaReviewHistory {
		return id, out, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT h.import_id, h.at, i.file, i.by, h.old_status, h.old_note, h.old_reviewer, h.old_reviewed_at,
		h.new_status, h.new_note, h.new_reviewer
		FROM review_history h JOIN review_imports i ON i.id = h.import_id WHERE h.deal_id = ? ORDER BY h.seq`, id)
	if err != nil {
		return "", nil, fmt.Errorf("review history %s: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		c := pipeline.ReviewChange{DealID: id}
		var at int64
		var fromAt sql.NullInt64
		if err := rows.Scan(&c.Import, &at, &c.File, &c.By, &c.From.Status, &c.From.Note, &c.From.Reviewer, &fromAt,
			&c.To.Status, &c.To.Note, &c.To.Reviewer); err != nil {
			return "", nil, fmt.Errorf("review history %s: %w", id, err)
		}
		c.At = fromNanos(at)
		c.From.ReviewedAt = fromNullNanos(fromAt)
		to := c.At
		c.To.ReviewedAt = &to
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return "", nil, fmt.Errorf("review history %s: %w", id, err)
	}
	return id, out, nil
}

// ReviewImports lists the imports (and undos) in the review history,
// newest first.
func (s *Store) ReviewImports(ctx context.Context) ([]pipeline.ReviewImport, error) {
	out := []pipeline.ReviewImport{}
	if s.version < schemaReviewHistory {
		return out, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, at, file, by, forced, changed, undo_of, undone_by FROM review_imports ORDER BY id DESC`)
	if err != nil {
		return nil, fmt.Errorf("review imports: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r pipeline.ReviewImport
		var at int64
		var undoOf, undoneBy sql.NullInt64
		if err := rows.Scan(&r.ID, &at, &r.File, &r.By, &r.Forced, &r.Changed, &undoOf, &undoneBy); err != nil {
			return nil, fmt.Errorf("review imports: %w", err)
		}
		r.At, r.UndoOf, r.UndoneBy = fromNanos(at), undoOf.Int64, undoneBy.Int64
		out = append(out, r)
	}
	return out, rows.Err()
}

// ErrAmbiguous is returned when a deal id prefix matches several deals.
var ErrAmbiguous = errors.New("ambiguous deal id prefix")

// ResolveDealID returns the deal id that idOrPrefix names: a full id, or a
// unique prefix of at least 6 hex digits (as the deals table shows).
func (s *Store) ResolveDealID(ctx context.Context, idOrPrefix string) (string, error) {
	p := toLowerASCII(idOrPrefix)
	if len(p) < 6 {
		return "", fmt.Errorf("deal %q: give at least 6 characters of the id", idOrPrefix)
	}
	for i := 0; i < len(p); i++ {
		if c := p[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return "", fmt.Errorf("deal %q: %w", idOrPrefix, ErrNotFound)
		}
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM deals WHERE id >= ? AND id < ? ORDER BY id LIMIT 2`, p, p+"g")
	if err != nil {
		return "", fmt.Errorf("deal %s: %w", idOrPrefix, err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return "", fmt.Errorf("deal %s: %w", idOrPrefix, err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return "", fmt.Errorf("deal %s: %w", idOrPrefix, err)
	}
	switch len(ids) {
	case 0:
		return "", fmt.Errorf("deal %s: %w", idOrPrefix, ErrNotFound)
	case 1:
		return ids[0], nil
	}
	return "", fmt.Errorf("deal %s: %w: give more of the id", idOrPrefix, ErrAmbiguous)
}

func toLowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'F' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
