package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/kozan-dev/kozan/pipeline"
)

// querier is what *sql.DB and *sql.Tx have in common for reading.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// CrawlState returns what the store remembers about url: the record of its
// canonical URL when url is an alias. ok is false when the URL is unknown.
func (s *Store) CrawlState(ctx context.Context, url string) (pipeline.CrawlRecord, bool, error) {
	rec, canonical, ok, err := readCrawl(ctx, s.db, url)
	if err != nil || !ok {
		return rec, ok, err
	}
	if canonical != url {
		if c, _, ok, err := readCrawl(ctx, s.db, canonical); err != nil {
			return pipeline.CrawlRecord{}, false, err
		} else if ok {
			return c, true, nil
		}
		rec.URL = canonical
	}
	return rec, true, nil
}

// readCrawl reads one crawl_state row.
func readCrawl(ctx context.Context, q querier, url string) (pipeline.CrawlRecord, string, bool, error) {
	var r pipeline.CrawlRecord
	var canonical string
	var first, last int64
	err := q.QueryRowContext(ctx, `SELECT url, canonical_url, etag, last_modified, content_hash, article_id,
		first_seen, last_seen, skip FROM crawl_state WHERE url = ?`, url).Scan(
		&r.URL, &canonical, &r.ETag, &r.LastModified, &r.ContentHash, &r.ArticleID, &first, &last, &r.Skip)
	if errors.Is(err, sql.ErrNoRows) {
		return pipeline.CrawlRecord{}, "", false, nil
	}
	if err != nil {
		return pipeline.CrawlRecord{}, "", false, fmt.Errorf("crawl state %s: %w", url, err)
	}
	r.FirstSeen, r.LastSeen = fromNanos(first), fromNanos(last)
	return r, canonical, true, nil
}

// schemaCopiesElsewhere is the schema version that records copies of
// articles other processes stored.
const schemaCopiesElsewhere = 7

// CopyOf reports whether the article at url is a copy of another one, and
// gives the original's URL: a syndicated or near-duplicate copy the store
// keeps as an alias of an article it holds, or a copy of an article another
// process (sharing Options.Fingerprints) stored in its own store first.
func (s *Store) CopyOf(ctx context.Context, url string) (original string, ok bool, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT a.url FROM article_urls u JOIN articles a ON a.id = u.article_id
		WHERE u.url = ? AND u.kind = 'copy'`, url).Scan(&original)
	if errors.Is(err, sql.ErrNoRows) && s.version >= schemaCopiesElsewhere {
		err = s.db.QueryRowContext(ctx, `SELECT original_url FROM copies_elsewhere WHERE url = ?`, url).Scan(&original)
	}
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return "", false, nil
	case err != nil:
		return "", false, fmt.Errorf("copy of %s: %w", url, err)
	}
	return original, true, nil
}

// Articles lists stored articles, most recently fetched first, with the
// number of live (not superseded) deals each yields.
func (s *Store) Articles(ctx context.Context, f pipeline.ArticleFilter) ([]pipeline.ArticleRecord, error) {
	q := `SELECT a.id, a.url, a.title, a.published_at, a.lang, a.source, a.fetched_at,
		(SELECT count(*) FROM deals d WHERE d.article_id = a.id AND d.superseded = 0)
		FROM articles a WHERE 1`
	var args []any
	if !f.Since.IsZero() {
		q += ` AND coalesce(a.published_at, a.fetched_at) >= ?`
		args = append(args, nanos(f.Since))
	}
	if f.Source != "" {
		q += ` AND a.source = ?`
		args = append(args, f.Source)
	}
	// Newest story first: by published date, the fetch time when the page
	// gave none (as deals are sorted and --since filters them).
	q += ` ORDER BY coalesce(a.published_at, a.fetched_at) DESC, a.id`
	if f.Limit > 0 {
		q += ` LIMIT ?`
		args = append(args, f.Limit)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("articles: %w", err)
	}
	defer rows.Close()
	var out []pipeline.ArticleRecord
	for rows.Next() {
		var r pipeline.ArticleRecord
		var pub sql.NullInt64
		var fetched int64
		if err := rows.Scan(&r.ID, &r.URL, &r.Title, &pub, &r.Lang, &r.Source, &fetched, &r.DealCount); err != nil {
			return nil, fmt.Errorf("articles: %w", err)
		}
		r.PublishedAt, r.FetchedAt = fromNullNanos(pub), fromNanos(fetched)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("articles: %w", err)
	}
	rows.Close()
	return out, s.attachCopies(ctx, out)
}

// attachCopies fills each record's Aliases with the URLs of its syndicated
// and near-duplicate copies (the later URLs of the same story).
func (s *Store) attachCopies(ctx context.Context, recs []pipeline.ArticleRecord) error {
	if len(recs) == 0 {
		return nil
	}
	at := make(map[string]int, len(recs))
	for i, r := range recs {
		at[r.ID] = i
	}
	rows, err := s.db.QueryContext(ctx, `SELECT article_id, url FROM article_urls WHERE kind = 'copy' ORDER BY url`)
	if err != nil {
		return fmt.Errorf("articles: copies: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, u string
		if err := rows.Scan(&id, &u); err != nil {
			return fmt.Errorf("articles: copies: %w", err)
		}
		if i, ok := at[id]; ok {
			recs[i].Aliases = append(recs[i].Aliases, u)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("articles: copies: %w", err)
	}
	return nil
}

// Article returns a stored article in full: text, tokens, content hash and
// every other URL it is known by. It returns ErrNotFound for an unknown id.
func (s *Store) Article(ctx context.Context, id string) (pipeline.Article, error) {
	a, err := readArticle(ctx, s.db, id)
	if err != nil {
		return pipeline.Article{}, fmt.Errorf("article %s: %w", id, err)
	}
	return a, nil
}

// readArticle reads an article in full.
func readArticle(ctx context.Context, q querier, id string) (pipeline.Article, error) {
	var a pipeline.Article
	var rowid, fetched int64
	var pub sql.NullInt64
	err := q.QueryRowContext(ctx, `SELECT rowid, id, url, title, text, lang, source, author, site_name,
		published_at, fetched_at, content_hash FROM articles WHERE id = ?`, id).Scan(
		&rowid, &a.ID, &a.URL, &a.Title, &a.Text, &a.Lang, &a.Source, &a.Author, &a.SiteName, &pub, &fetched, &a.ContentHash)
	if errors.Is(err, sql.ErrNoRows) {
		return pipeline.Article{}, ErrNotFound
	}
	if err != nil {
		return pipeline.Article{}, err
	}
	a.PublishedAt = fromNullNanos(pub)
	f := fromNanos(fetched)
	a.FetchedAt = &f
	err = q.QueryRowContext(ctx, `SELECT title_tokens, text_tokens FROM articles_fts WHERE rowid = ?`, rowid).Scan(
		&a.TitleTokens, &a.TextTokens)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return pipeline.Article{}, fmt.Errorf("tokens: %w", err)
	}
	rows, err := q.QueryContext(ctx, `SELECT url FROM article_urls WHERE article_id = ? ORDER BY url`, id)
	if err != nil {
		return pipeline.Article{}, fmt.Errorf("aliases: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var u string
		if err := rows.Scan(&u); err != nil {
			return pipeline.Article{}, fmt.Errorf("aliases: %w", err)
		}
		a.Aliases = append(a.Aliases, u)
	}
	return a, rows.Err()
}

// dealSelect reads a deal with its article and review; scanDeal scans it.
const dealSelect = `SELECT d.id, d.article_id, d.deal_json, d.extracted_at, d.superseded, d.published_at,
	d.group_pub_at, d.group_urls, d.merged_into, d.merge_reason, d.status, d.note, d.reviewer, d.reviewed_at,
	a.url, a.title, a.source, a.lang
	FROM deals d JOIN articles a ON a.id = d.article_id`

// scannedDeal is a deal row with its merge link.
type scannedDeal struct {
	rec         pipeline.DealRecord
	mergedInto  string
	mergeReason string
}

// scanDeal scans a dealSelect row. A canonical deal gets its group's
// earliest published_at and, when merged, every source URL; a member keeps
// its own.
func scanDeal(sc interface{ Scan(...any) error }, js *[]byte) (scannedDeal, error) {
	var (
		out                 scannedDeal
		r                   = &out.rec
		extracted           int64
		pub, groupPub, revd sql.NullInt64
		urls                string
		merged              sql.NullString
	)
	err := sc.Scan(&r.ID, &r.ArticleID, js, &extracted, &r.Superseded, &pub, &groupPub, &urls, &merged,
		&out.mergeReason, &r.Review.Status, &r.Review.Note, &r.Review.Reviewer, &revd,
		&r.URL, &r.Title, &r.Source, &r.Lang)
	if err != nil {
		return out, err
	}
	if err := json.Unmarshal(*js, &r.Deal); err != nil {
		return out, fmt.Errorf("decode deal %s: %w", r.ID, err)
	}
	r.ExtractedAt = fromNanos(extracted)
	r.Review.ReviewedAt = fromNullNanos(revd)
	if merged.Valid {
		out.mergedInto = merged.String
		r.PublishedAt = fromNullNanos(pub)
	} else {
		r.PublishedAt = fromNullNanos(groupPub)
		if urls != "" {
			r.URLs = strings.Split(urls, "\n")
		}
	}
	return out, nil
}

// readDeal reads one deal; merged reports whether it is merged into another.
func readDeal(ctx context.Context, q querier, id string) (pipeline.DealRecord, bool, error) {
	var js []byte
	d, err := scanDeal(q.QueryRowContext(ctx, dealSelect+` WHERE d.id = ?`, id), &js)
	if errors.Is(err, sql.ErrNoRows) {
		return pipeline.DealRecord{}, false, ErrNotFound
	}
	if err != nil {
		return pipeline.DealRecord{}, false, fmt.Errorf("deal %s: %w", id, err)
	}
	return d.rec, d.mergedInto != "", nil
}

// Deals streams the deals f selects to fn, newest first by published_at
// (extracted_at when unknown), never holding more than one row. A merged deal
// comes once, as its canonical deal, with URLs = every source URL and
// PublishedAt = the earliest date. Since and Until are inclusive. Superseded
// deals are left out unless f.IncludeSuperseded. An error from fn stops the
// stream and is returned as is.
func (s *Store) Deals(ctx context.Context, f pipeline.DealFilter, fn func(pipeline.DealRecord) error) error {
	q := dealSelect + ` WHERE d.merged_into IS NULL`
	var args []any
	add := func(cond string, a ...any) {
		q += ` AND ` + cond
		args = append(args, a...)
	}
	if !f.IncludeSuperseded {
		add(`d.superseded = 0`)
	}
	if !f.Since.IsZero() {
		add(`d.group_sort_at >= ?`, nanos(f.Since))
	}
	if !f.Until.IsZero() {
		add(`d.group_sort_at <= ?`, nanos(f.Until))
	}
	if f.Company != "" {
		in, args := anyOf(f.Company, f.CompanyNames)
		add(`(d.company_lc IN `+in+` OR d.counterparty_lc IN `+in+`)`, append(args, args...)...)
	}
	if f.Counterparty != "" {
		in, args := anyOf(f.Counterparty, f.CounterpartyNames)
		add(`d.counterparty_lc IN `+in, args...)
	}
	if f.Kind != "" {
		add(`d.kind = ?`, string(f.Kind))
	}
	if f.MinUSD > 0 {
		add(`d.amount_usd >= ?`, f.MinUSD)
	}
	if f.Status != "" {
		add(`d.status = ?`, f.Status)
	}
	if f.Lang != "" {
		add(`a.lang = ?`, f.Lang)
	}
	if f.Source != "" {
		add(`(a.source = ? OR EXISTS (SELECT 1 FROM deals m JOIN articles ma ON ma.id = m.article_id
			WHERE m.merged_into = d.id AND m.superseded = 0 AND ma.source = ?))`, f.Source, f.Source)
	}
	q += ` ORDER BY d.group_sort_at DESC, d.id DESC`
	if f.Limit > 0 {
		q += ` LIMIT ?`
		args = append(args, f.Limit)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("deals: %w", err)
	}
	defer rows.Close()
	var js []byte
	for rows.Next() {
		d, err := scanDeal(rows, &js)
		if err != nil {
			return fmt.Errorf("deals: %w", err)
		}
		if err := fn(d.rec); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("deals: %w", err)
	}
	return nil
}

// Source is a deal merged into a canonical deal, and why.
type Source struct {
	pipeline.DealRecord
	MergeReason string `json:"merge_reason"`
}

// DealSources returns the canonical deal of id's group (id itself unless it
// was merged into another) and every deal merged into it, earliest first,
// each with the reason it was merged. It returns ErrNotFound for an unknown
// id.
func (s *Store) DealSources(ctx context.Context, id string) (pipeline.DealRecord, []Source, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return pipeline.DealRecord{}, nil, fmt.Errorf("deal sources %s: %w", id, err)
	}
	defer tx.Rollback()
	var js []byte
	d, err := scanDeal(tx.QueryRowContext(ctx, dealSelect+` WHERE d.id = ?`, id), &js)
	if errors.Is(err, sql.ErrNoRows) {
		return pipeline.DealRecord{}, nil, fmt.Errorf("deal sources %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return pipeline.DealRecord{}, nil, fmt.Errorf("deal sources %s: %w", id, err)
	}
	if d.mergedInto != "" {
		if d, err = scanDeal(tx.QueryRowContext(ctx, dealSelect+` WHERE d.id = ?`, d.mergedInto), &js); err != nil {
			return pipeline.DealRecord{}, nil, fmt.Errorf("deal sources %s: %w", id, err)
		}
	}
	rows, err := tx.QueryContext(ctx, dealSelect+` WHERE d.merged_into = ? AND d.superseded = 0 ORDER BY d.sort_at, d.id`, d.rec.ID)
	if err != nil {
		return pipeline.DealRecord{}, nil, fmt.Errorf("deal sources %s: %w", id, err)
	}
	defer rows.Close()
	var members []Source
	for rows.Next() {
		m, err := scanDeal(rows, &js)
		if err != nil {
			return pipeline.DealRecord{}, nil, fmt.Errorf("deal sources %s: %w", id, err)
		}
		members = append(members, Source{DealRecord: m.rec, MergeReason: m.mergeReason})
	}
	if err := rows.Err(); err != nil {
		return pipeline.DealRecord{}, nil, fmt.Errorf("deal sources %s: %w", id, err)
	}
	return d.rec, members, nil
}

// anyOf is an SQL list of placeholders for name and its other names,
// normalised as company_lc is, and their arguments.
func anyOf(name string, others []string) (string, []any) {
	seen := map[string]bool{}
	var args []any
	for _, n := range append([]string{name}, others...) {
		if k := norm(n); !seen[k] {
			seen[k] = true
			args = append(args, k)
		}
	}
	return "(" + strings.TrimSuffix(strings.Repeat("?,", len(args)), ",") + ")", args
}
