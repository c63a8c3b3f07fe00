package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/kozan-dev/kozan/pipeline"
)

// A merge group is a canonical deal (merged_into IS NULL) and the live deals
// whose merged_into names it. The canonical row carries the group's earliest
// dates and its source URLs; its review is the group's review.

// supersede marks a deal its article no longer yields. It leaves its group;
// a canonical deal hands the group to its earliest live member.
func (s *Store) supersede(ctx context.Context, tx *wtx, id string, mergedInto sql.NullString) error {
	if _, err := tx.ExecContext(ctx, `UPDATE deals SET superseded = 1, merged_into = NULL, merge_reason = '' WHERE id = ?`, id); err != nil {
		return fmt.Errorf("supersede deal %s: %w", id, err)
	}
	if err := enqueue(ctx, tx, pipeline.OutboxDeal, id); err != nil {
		return err
	}
	if mergedInto.Valid {
		return s.refreshGroup(ctx, tx, mergedInto.String)
	}
	if err := s.promote(ctx, tx, id); err != nil {
		return err
	}
	return s.refreshGroup(ctx, tx, id)
}

// promote makes the earliest live member of oldRoot's group its canonical
// deal. The group's review moves with it unless the member has its own.
func (s *Store) promote(ctx context.Context, tx *wtx, oldRoot string) error {
	var newRoot string
	err := tx.QueryRowContext(ctx, `SELECT id FROM deals WHERE merged_into = ? AND superseded = 0
		ORDER BY sort_at, id LIMIT 1`, oldRoot).Scan(&newRoot)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("promote in group %s: %w", oldRoot, err)
	}
	stmts := []struct {
		q    string
		args []any
	}{
		{`UPDATE deals SET merged_into = NULL, merge_reason = '' WHERE id = ?`, []any{newRoot}},
		{`UPDATE deals SET merged_into = ? WHERE merged_into = ?`, []any{newRoot, oldRoot}},
		{`UPDATE deals SET (status, note, reviewer, reviewed_at) =
			(SELECT status, note, reviewer, reviewed_at FROM deals WHERE id = ?)
			WHERE id = ? AND reviewed_at IS NULL AND status = 'pending'`, []any{oldRoot, newRoot}},
	}
	for _, st := range stmts {
		if _, err := tx.ExecContext(ctx, st.q, st.args...); err != nil {
			return fmt.Errorf("promote %s in group %s: %w", newRoot, oldRoot, err)
		}
	}
	s.log.Debug("deal promoted", "deal_id", newRoot, "was", oldRoot)
	if err := enqueueGroup(ctx, tx, newRoot); err != nil {
		return err
	}
	return s.refreshGroup(ctx, tx, newRoot)
}

// place merges a live, unmerged deal into the group of the same agreement
// from another article, if there is one.
func (s *Store) place(ctx context.Context, tx *wtx, id string) error {
	var js, articleID, company, counterparty string
	var at int64
	var merged sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT deal_json, article_id, company_lc, counterparty_lc, sort_at, merged_into
		FROM deals WHERE id = ?`, id).Scan(&js, &articleID, &company, &counterparty, &at, &merged)
	if err != nil {
		return fmt.Errorf("place deal %s: %w", id, err)
	}
	if merged.Valid {
		return nil
	}
	var hasMembers bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM deals WHERE merged_into = ?)`, id).Scan(&hasMembers); err != nil {
		return fmt.Errorf("place deal %s: %w", id, err)
	}
	if hasMembers {
		return nil
	}
	var d pipeline.Deal
	if err := json.Unmarshal([]byte(js), &d); err != nil {
		return fmt.Errorf("place deal %s: decode: %w", id, err)
	}
	// Candidates name both parties, or one of them with no counterparty.
	parties := `(c.company_lc = ? OR c.counterparty_lc = ?)`
	args := []any{articleID, id, company, company}
	if counterparty != "" {
		parties = `((c.company_lc = ? AND c.counterparty_lc IN (?, '')) OR (c.company_lc = ? AND c.counterparty_lc IN (?, '')))`
		args = []any{articleID, id, company, counterparty, counterparty, company}
	}
	window := MergeWindow.Nanoseconds()
	rows, err := tx.QueryContext(ctx, `SELECT COALESCE(c.merged_into, c.id) AS root, min(r.group_sort_at)
		FROM deals c JOIN deals r ON r.id = COALESCE(c.merged_into, c.id)
		WHERE c.superseded = 0 AND c.article_id != ? AND c.id != ? AND `+parties+`
			AND c.sort_at BETWEEN ? AND ?
		GROUP BY root ORDER BY min(r.group_sort_at), root`,
		append(args, at-window, at+window)...)
	if err != nil {
		return fmt.Errorf("place deal %s: candidates: %w", id, err)
	}
	var roots []string
	for rows.Next() {
		var root string
		var first int64
		if err := rows.Scan(&root, &first); err != nil {
			rows.Close()
			return fmt.Errorf("place deal %s: candidates: %w", id, err)
		}
		roots = append(roots, root)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("place deal %s: candidates: %w", id, err)
	}
	for _, root := range roots {
		reason, ok, err := matchGroup(ctx, tx, root, articleID, d, fromNanos(at))
		if err != nil {
			return fmt.Errorf("place deal %s: %w", id, err)
		}
		if !ok {
			continue
		}
		if _, err := tx.ExecContext(ctx, `UPDATE deals SET merged_into = ?, merge_reason = ? WHERE id = ?`, root, reason, id); err != nil {
			return fmt.Errorf("place deal %s: %w", id, err)
		}
		s.log.Debug("deal merged", "deal_id", id, "into", root, "reason", reason)
		if err := enqueue(ctx, tx, pipeline.OutboxDeal, root); err != nil {
			return err
		}
		return s.refreshGroup(ctx, tx, root)
	}
	return nil
}

// matchGroup reports whether d (from articleID, dated at) is the same deal as
// every live member of root's group, and why, as compared with the root.
func matchGroup(ctx context.Context, tx *wtx, root, articleID string, d pipeline.Deal, at time.Time) (string, bool, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, article_id, deal_json, sort_at FROM deals
		WHERE (id = ? OR merged_into = ?) AND superseded = 0`, root, root)
	if err != nil {
		return "", false, fmt.Errorf("group %s: %w", root, err)
	}
	defer rows.Close()
	var reason string
	for rows.Next() {
		var id, art, js string
		var mAt int64
		if err := rows.Scan(&id, &art, &js, &mAt); err != nil {
			return "", false, fmt.Errorf("group %s: %w", root, err)
		}
		if art == articleID {
			return "", false, nil // one article, two deals: never merged
		}
		var m pipeline.Deal
		if err := json.Unmarshal([]byte(js), &m); err != nil {
			return "", false, fmt.Errorf("group %s: decode %s: %w", root, id, err)
		}
		ok, why := SameDeal(d, m, at, fromNanos(mAt))
		if !ok {
			return "", false, nil
		}
		if id == root {
			reason = why
		}
	}
	if err := rows.Err(); err != nil {
		return "", false, fmt.Errorf("group %s: %w", root, err)
	}
	return reason, reason != "", nil
}

// refreshArticleGroups refreshes the group of every live deal of an article.
func (s *Store) refreshArticleGroups(ctx context.Context, tx *wtx, articleID string) error {
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT COALESCE(merged_into, id) FROM deals
		WHERE article_id = ? AND superseded = 0`, articleID)
	if err != nil {
		return fmt.Errorf("groups of article %s: %w", articleID, err)
	}
	var roots []string
	for rows.Next() {
		var r string
		if err := rows.Scan(&r); err != nil {
			rows.Close()
			return fmt.Errorf("groups of article %s: %w", articleID, err)
		}
		roots = append(roots, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("groups of article %s: %w", articleID, err)
	}
	for _, r := range roots {
		if err := s.refreshGroup(ctx, tx, r); err != nil {
			return err
		}
	}
	return nil
}

// refreshGroup recomputes a canonical deal's earliest dates and source URLs
// and queues it when they changed.
func (s *Store) refreshGroup(ctx context.Context, tx *wtx, root string) error {
	rows, err := tx.QueryContext(ctx, `SELECT d.sort_at, d.published_at, a.url
		FROM deals d JOIN articles a ON a.id = d.article_id
		WHERE d.id = ? OR (d.merged_into = ? AND d.superseded = 0)
		ORDER BY d.sort_at, d.id`, root, root)
	if err != nil {
		return fmt.Errorf("refresh group %s: %w", root, err)
	}
	var (
		sortAt sql.NullInt64
		pubAt  sql.NullInt64
		urls   []string
	)
	for rows.Next() {
		var at int64
		var pub sql.NullInt64
		var u string
		if err := rows.Scan(&at, &pub, &u); err != nil {
			rows.Close()
			return fmt.Errorf("refresh group %s: %w", root, err)
		}
		if !sortAt.Valid || at < sortAt.Int64 {
			sortAt = sql.NullInt64{Int64: at, Valid: true}
		}
		if pub.Valid && (!pubAt.Valid || pub.Int64 < pubAt.Int64) {
			pubAt = pub
		}
		urls = append(urls, u)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("refresh group %s: %w", root, err)
	}
	if !sortAt.Valid {
		return nil // no such deal
	}
	copies, err := groupCopyURLs(ctx, tx, root)
	if err != nil {
		return err
	}
	urls = append(urls, copies...)
	urls = dedupe(urls)
	joined := ""
	if len(urls) > 1 {
		joined = strings.Join(urls, "\n")
	}
	res, err := tx.ExecContext(ctx, `UPDATE deals SET group_sort_at = ?, group_pub_at = ?, group_urls = ?
		WHERE id = ? AND (group_sort_at IS NOT ? OR group_pub_at IS NOT ? OR group_urls IS NOT ?)`,
		sortAt.Int64, pubAt, joined, root, sortAt.Int64, pubAt, joined)
	if err != nil {
		return fmt.Errorf("refresh group %s: %w", root, err)
	}
	if n, _ := res.RowsAffected(); n > 0 {
		return enqueue(ctx, tx, pipeline.OutboxDeal, root)
	}
	return nil
}

// groupCopyURLs lists the syndicated copies of the articles of a group.
func groupCopyURLs(ctx context.Context, tx *wtx, root string) ([]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT u.url FROM article_urls u WHERE u.kind = 'copy' AND u.article_id IN
		(SELECT article_id FROM deals WHERE id = ? OR (merged_into = ? AND superseded = 0)) ORDER BY u.url`, root, root)
	if err != nil {
		return nil, fmt.Errorf("copies in group %s: %w", root, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var u string
		if err := rows.Scan(&u); err != nil {
			return nil, fmt.Errorf("copies in group %s: %w", root, err)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// enqueueGroup queues a canonical deal and its members.
func enqueueGroup(ctx context.Context, tx *wtx, root string) error {
	rows, err := tx.QueryContext(ctx, `SELECT id FROM deals WHERE id = ? OR merged_into = ?`, root, root)
	if err != nil {
		return fmt.Errorf("queue group %s: %w", root, err)
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return fmt.Errorf("queue group %s: %w", root, err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("queue group %s: %w", root, err)
	}
	for _, id := range ids {
		if err := enqueue(ctx, tx, pipeline.OutboxDeal, id); err != nil {
			return err
		}
	}
	return nil
}

// dedupe drops repeated strings, keeping the first of each.
func dedupe(ss []string) []string {
	seen := make(map[string]bool, len(ss))
	out := ss[:0]
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
