package sqlite

import (
	"bytes"
	"compress/gzip"
	"context"
	"database/sql"
	"fmt"
	"io"
	"time"

	"github.com/kozan-dev/kozan/pipeline"
)

// schemaHTML is the schema version that keeps fetched HTML.
const schemaHTML = 6 // migration 6

// putHTML keeps the page's HTML for re-extraction (when the store keeps
// HTML and the page is within the size cap); a page over the cap drops what
// an earlier, smaller version left, so that it is never re-extracted from
// stale HTML.
func (s *Store) putHTML(ctx context.Context, tx *wtx, articleID string, p pipeline.Page) error {
	if !s.keepHTML || len(p.Body) == 0 {
		return nil
	}
	if s.maxHTML > 0 && int64(len(p.Body)) > s.maxHTML {
		if _, err := tx.ExecContext(ctx, `DELETE FROM article_html WHERE article_id = ?`, articleID); err != nil {
			return fmt.Errorf("drop html: %w", err)
		}
		return nil
	}
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if _, err := zw.Write(p.Body); err != nil {
		return fmt.Errorf("compress html: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("compress html: %w", err)
	}
	fetched := p.FetchedAt
	if fetched.IsZero() {
		fetched = s.now()
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO article_html (article_id, url, fetch_url, source, lang, etag, last_modified,
		fetched_at, size, body_gz, rule_set) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(article_id) DO UPDATE SET url = excluded.url, fetch_url = excluded.fetch_url, source = excluded.source,
			lang = excluded.lang, etag = excluded.etag, last_modified = excluded.last_modified, fetched_at = excluded.fetched_at,
			size = excluded.size, body_gz = excluded.body_gz, rule_set = excluded.rule_set`,
		articleID, p.URL, p.FetchURL, p.Source, p.Lang, p.ETag, p.LastMod, nanos(fetched), len(p.Body), b.Bytes(), s.ruleSet)
	if err != nil {
		return fmt.Errorf("keep html: %w", err)
	}
	return nil
}

// PageFilter selects stored pages: fetched on or after Since, from Source.
type PageFilter struct {
	Since  time.Time
	Source string
}

// StoredPage is a page as it was fetched, rebuilt from the kept HTML, with
// the rule set last run over it.
type StoredPage struct {
	ArticleID string
	RuleSet   string
	Page      pipeline.Page
}

// Pages calls fn for every article whose fetched HTML the store kept, oldest
// fetch first, with the page rebuilt as the crawler delivered it. fn may
// write to the store (Put): the pages are read one at a time.
func (s *Store) Pages(ctx context.Context, f PageFilter, fn func(StoredPage) error) error {
	if s.version < schemaHTML {
		return nil
	}
	q := `SELECT article_id FROM article_html WHERE 1=1`
	var args []any
	if !f.Since.IsZero() {
		q += ` AND fetched_at >= ?`
		args = append(args, nanos(f.Since))
	}
	if f.Source != "" {
		q += ` AND source = ?`
		args = append(args, f.Source)
	}
	q += ` ORDER BY fetched_at, article_id`
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("stored pages: %w", err)
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return fmt.Errorf("stored pages: %w", err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("stored pages: %w", err)
	}
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return err
		}
		sp := StoredPage{ArticleID: id}
		p := &sp.Page
		var fetched int64
		var gz []byte
		err := s.db.QueryRowContext(ctx, `SELECT url, fetch_url, source, lang, etag, last_modified, fetched_at, body_gz, rule_set
			FROM article_html WHERE article_id = ?`, id).Scan(&p.URL, &p.FetchURL, &p.Source, &p.Lang, &p.ETag, &p.LastMod,
			&fetched, &gz, &sp.RuleSet)
		if err == sql.ErrNoRows {
			continue
		}
		if err != nil {
			return fmt.Errorf("stored page %s: %w", id, err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(gz))
		if err != nil {
			return fmt.Errorf("stored page %s: %w", id, err)
		}
		if p.Body, err = io.ReadAll(zr); err != nil {
			return fmt.Errorf("stored page %s: %w", id, err)
		}
		p.Status, p.FetchedAt = 200, fromNanos(fetched)
		if err := fn(sp); err != nil {
			return err
		}
	}
	return nil
}
