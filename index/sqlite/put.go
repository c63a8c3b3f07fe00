package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/bits"
	"strings"
	"time"

	"github.com/kozan-dev/kozan/pipeline"
)

// Put stores one result in a single transaction; it implements
// pipeline.Sink. It records crawl state for the page and its aliases; for a
// document it stores the article (or, for a syndicated copy of an article
// already held, only the copy's URL), its FTS row and its deals: new deals
// are pending review, existing ones keep their review, deals the article no
// longer yields are superseded, and new deals join a merge group when they
// are the same agreement as a deal from another article. Everything that
// changed is queued in the outbox.
func (s *Store) Put(ctx context.Context, r pipeline.Result) error {
	if r.Page.URL == "" {
		return errors.New("put: page without URL")
	}
	tx, err := s.begin(ctx)
	if err != nil {
		return fmt.Errorf("put %s: %w", r.Page.URL, err)
	}
	defer tx.Rollback()
	now := s.now()
	switch {
	case r.Page.NotModified:
		err = touchCrawl(ctx, tx, r.Page, now)
	case r.Doc == nil:
		err = putSkip(ctx, tx, r, now)
	default:
		err = s.putDoc(ctx, tx, r, now)
	}
	if err != nil {
		return fmt.Errorf("put %s: %w", r.Page.URL, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("put %s: commit: %w", r.Page.URL, err)
	}
	return nil
}

// crawlRow is one row of crawl_state.
type crawlRow struct {
	url, canonical, etag, lastMod, hash, articleID, skip string
	keepArticle                                          bool // keep the stored article_id (extraction failed)
}

// upsertCrawl writes a crawl_state row; first_seen is set once.
func upsertCrawl(ctx context.Context, tx *wtx, c crawlRow, now time.Time) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO crawl_state
		(url, canonical_url, etag, last_modified, content_hash, article_id, first_seen, last_seen, skip)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(url) DO UPDATE SET canonical_url = excluded.canonical_url, etag = excluded.etag,
			last_modified = excluded.last_modified, content_hash = excluded.content_hash,
			article_id = CASE WHEN ? THEN crawl_state.article_id ELSE excluded.article_id END,
			last_seen = excluded.last_seen, skip = excluded.skip`,
		c.url, c.canonical, c.etag, c.lastMod, c.hash, c.articleID, nanos(now), nanos(now), c.skip, c.keepArticle)
	if err != nil {
		return fmt.Errorf("crawl state %s: %w", c.url, err)
	}
	return nil
}

// touchCrawl records a 304: only last_seen changes.
func touchCrawl(ctx context.Context, tx *wtx, p pipeline.Page, now time.Time) error {
	res, err := tx.ExecContext(ctx, `UPDATE crawl_state SET last_seen = ? WHERE url = ?`, nanos(now), p.URL)
	if err != nil {
		return fmt.Errorf("crawl state %s: %w", p.URL, err)
	}
	if n, _ := res.RowsAffected(); n > 0 {
		return nil
	}
	return upsertCrawl(ctx, tx, crawlRow{url: p.URL, canonical: p.URL, etag: p.ETag, lastMod: p.LastMod}, now)
}

// putSkip records a page that held no article. A failed extraction keeps no
// validators, so the next run fetches the page again.
func putSkip(ctx context.Context, tx *wtx, r pipeline.Result, now time.Time) error {
	c := crawlRow{url: r.Page.URL, canonical: r.Page.URL, etag: r.Page.ETag, lastMod: r.Page.LastMod,
		hash: hashBytes(r.Page.Body), skip: r.Skip}
	if strings.HasPrefix(r.Skip, "error") {
		c.etag, c.lastMod, c.keepArticle = "", "", true
	}
	return upsertCrawlAll(ctx, tx, c, r.Page.Aliases, now)
}

// upsertCrawlAll writes c for c.url and again for every other URL of
// others (aliases that lead to the same page).
func upsertCrawlAll(ctx context.Context, tx *wtx, c crawlRow, others []string, now time.Time) error {
	first := c.url
	if err := upsertCrawl(ctx, tx, c, now); err != nil {
		return err
	}
	for _, u := range others {
		if u == first {
			continue
		}
		c.url = u
		if err := upsertCrawl(ctx, tx, c, now); err != nil {
			return err
		}
	}
	return nil
}

// putDoc stores a document.
func (s *Store) putDoc(ctx context.Context, tx *wtx, r pipeline.Result, now time.Time) error {
	a := r.Doc.Article
	canon := a.URL
	if canon == "" {
		canon = r.Page.URL
	}
	id := pipeline.ArticleID(canon)
	hash := hashBytes([]byte(a.Text))
	fetched := r.Page.FetchedAt
	if a.FetchedAt != nil && !a.FetchedAt.IsZero() {
		fetched = *a.FetchedAt
	}
	if fetched.IsZero() {
		fetched = now
	}

	// Every URL that leads here, besides canon.
	var aliases []string
	seen := map[string]bool{canon: true}
	for _, u := range append(append([]string{r.Page.URL}, r.Page.Aliases...), a.Aliases...) {
		if u != "" && !seen[u] {
			seen[u] = true
			aliases = append(aliases, u)
		}
	}
	crawl := func(articleID string) error {
		c := crawlRow{url: r.Page.URL, canonical: r.Page.URL, etag: r.Page.ETag, lastMod: r.Page.LastMod,
			hash: hash, articleID: articleID}
		return upsertCrawlAll(ctx, tx, c, append([]string{canon}, aliases...), now)
	}

	var old struct {
		rowid                                             int64
		url, title, text, lang, source, author, site, hsh string
		pub                                               sql.NullInt64
	}
	err := tx.QueryRowContext(ctx, `SELECT rowid, url, title, text, lang, source, author, site_name, content_hash, published_at
		FROM articles WHERE id = ?`, id).Scan(&old.rowid, &old.url, &old.title, &old.text, &old.lang, &old.source,
		&old.author, &old.site, &old.hsh, &old.pub)
	exists := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("read article: %w", err)
	}

	if !exists {
		// A syndicated copy of an article already held (the same text, or
		// nearly: another headline, a changed sentence): record the URL only.
		var orig string
		err := tx.QueryRowContext(ctx, `SELECT id FROM articles WHERE content_hash = ? AND id != ? ORDER BY rowid LIMIT 1`,
			hash, id).Scan(&orig)
		if errors.Is(err, sql.ErrNoRows) {
			orig, err = s.nearDuplicate(ctx, tx, id, a.Fingerprint)
			if err == nil && orig == "" {
				err = sql.ErrNoRows
			}
		}
		if errors.Is(err, sql.ErrNoRows) && s.shared != nil && a.Fingerprint != 0 {
			// None here: ask the stores of the other processes.
			var origURL string
			origURL, err = s.shared.ClaimFingerprint(ctx, canon, a.Fingerprint, max(s.near, 0))
			switch {
			case err != nil:
				return fmt.Errorf("shared fingerprints: %w", err)
			case origURL == "":
				err = sql.ErrNoRows
			default:
				orig = pipeline.ArticleID(origURL)
				var held int
				err = tx.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE id = ?`, orig).Scan(&held)
				if err == nil && held == 0 {
					if err := putCopyElsewhere(ctx, tx, canon, orig, origURL, a.Source, now); err != nil {
						return err
					}
					s.log.Debug("copy of an article another process stored", "url", canon, "original_url", origURL)
					return crawl(orig)
				}
			}
		}
		switch {
		case err == nil:
			if err := addArticleURL(ctx, tx, canon, orig, "copy"); err != nil {
				return err
			}
			for _, u := range aliases {
				if err := addArticleURL(ctx, tx, u, orig, "alias"); err != nil {
					return err
				}
			}
			if err := enqueue(ctx, tx, pipeline.OutboxArticle, orig); err != nil {
				return err
			}
			if err := s.refreshArticleGroups(ctx, tx, orig); err != nil {
				return err
			}
			s.log.Debug("syndicated copy", "url", canon, "article_id", orig)
			return crawl(orig)
		case !errors.Is(err, sql.ErrNoRows):
			return fmt.Errorf("find copy: %w", err)
		}
	}

	pub := nullNanos(a.PublishedAt)
	articleChanged := !exists || old.url != canon || old.title != a.Title || old.text != a.Text || old.lang != a.Lang ||
		old.source != a.Source || old.author != a.Author || old.site != a.SiteName || old.pub != pub
	if !exists {
		res, err := tx.ExecContext(ctx, `INSERT INTO articles
			(id, url, title, text, lang, source, author, site_name, published_at, fetched_at, content_hash)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, canon, a.Title, a.Text, a.Lang, a.Source, a.Author, a.SiteName, pub, nanos(fetched), hash)
		if err == nil {
			_, err = tx.ExecContext(ctx, `UPDATE articles SET simhash = ? WHERE id = ?`, int64(a.Fingerprint), id)
		}
		if err != nil {
			return fmt.Errorf("insert article: %w", err)
		}
		if old.rowid, err = res.LastInsertId(); err != nil {
			return fmt.Errorf("insert article: %w", err)
		}
	} else {
		_, err := tx.ExecContext(ctx, `UPDATE articles SET url = ?, title = ?, text = ?, lang = ?, source = ?, author = ?,
			site_name = ?, published_at = ?, fetched_at = ?, content_hash = ?, simhash = ? WHERE rowid = ?`,
			canon, a.Title, a.Text, a.Lang, a.Source, a.Author, a.SiteName, pub, nanos(fetched), hash, int64(a.Fingerprint), old.rowid)
		if err != nil {
			return fmt.Errorf("update article: %w", err)
		}
	}
	tokensChanged, err := putFTS(ctx, tx, old.rowid, a.TitleTokens, a.TextTokens, exists)
	if err != nil {
		return err
	}
	for _, u := range aliases {
		if err := addArticleURL(ctx, tx, u, id, "alias"); err != nil {
			return err
		}
	}
	if articleChanged || tokensChanged {
		if err := enqueue(ctx, tx, pipeline.OutboxArticle, id); err != nil {
			return err
		}
	}
	if err := s.putDeals(ctx, tx, id, pub, r.Doc.Deals, now); err != nil {
		return err
	}
	if err := s.putHTML(ctx, tx, id, r.Page); err != nil {
		return err
	}
	return crawl(id)
}

// putCopyElsewhere records that the article at u is a copy of one another
// process stored (in its own store) at origURL.
func putCopyElsewhere(ctx context.Context, tx *wtx, u, origID, origURL, source string, now time.Time) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO copies_elsewhere (url, article_id, original_url, source, first_seen, last_seen)
		VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT(url) DO UPDATE SET article_id = excluded.article_id, original_url = excluded.original_url,
			source = excluded.source, last_seen = excluded.last_seen`,
		u, origID, origURL, source, nanos(now), nanos(now))
	if err != nil {
		return fmt.Errorf("copy elsewhere %s: %w", u, err)
	}
	return nil
}

// nearDuplicate finds the first stored article (other than id) whose
// fingerprint is within the store's NearDuplicateBits of fp, or "". Every
// fingerprint is compared: a store of 100 000 articles takes a few
// milliseconds, and no distance is missed.
func (s *Store) nearDuplicate(ctx context.Context, tx *wtx, id string, fp uint64) (string, error) {
	if fp == 0 || s.near < 0 {
		return "", nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, simhash FROM articles WHERE simhash != 0 AND id != ? ORDER BY rowid`, id)
	if err != nil {
		return "", fmt.Errorf("find near duplicate: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var other string
		var h int64
		if err := rows.Scan(&other, &h); err != nil {
			return "", fmt.Errorf("find near duplicate: %w", err)
		}
		if bits.OnesCount64(uint64(h)^fp) <= s.near {
			return other, nil
		}
	}
	if err := rows.Err(); err != nil {
		return "", fmt.Errorf("find near duplicate: %w", err)
	}
	return "", nil
}

// putFTS writes the article's FTS row when its tokens changed.
func putFTS(ctx context.Context, tx *wtx, rowid int64, title, text string, exists bool) (bool, error) {
	if exists {
		var t, x string
		err := tx.QueryRowContext(ctx, `SELECT title_tokens, text_tokens FROM articles_fts WHERE rowid = ?`, rowid).Scan(&t, &x)
		switch {
		case err == nil && t == title && x == text:
			return false, nil
		case err != nil && !errors.Is(err, sql.ErrNoRows):
			return false, fmt.Errorf("read fts: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM articles_fts WHERE rowid = ?`, rowid); err != nil {
			return false, fmt.Errorf("delete fts: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts (rowid, title_tokens, text_tokens) VALUES (?, ?, ?)`,
		rowid, title, text); err != nil {
		return false, fmt.Errorf("insert fts: %w", err)
	}
	return true, nil
}

// addArticleURL records another URL of an article. A URL already known as a
// copy stays a copy.
func addArticleURL(ctx context.Context, tx *wtx, u, articleID, kind string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO article_urls (url, article_id, kind) VALUES (?, ?, ?)
		ON CONFLICT(url) DO UPDATE SET article_id = excluded.article_id,
			kind = CASE WHEN article_urls.kind = 'copy' AND article_urls.article_id = excluded.article_id
				THEN 'copy' ELSE excluded.kind END`, u, articleID, kind)
	if err != nil {
		return fmt.Errorf("article url %s: %w", u, err)
	}
	return nil
}

// storedDeal is what putDeals needs of a deal already stored.
type storedDeal struct {
	json       string
	superseded bool
	mergedInto sql.NullString
	pub        sql.NullInt64
}

// putDeals stores an article's deals: upserts, supersedes, merges.
func (s *Store) putDeals(ctx context.Context, tx *wtx, articleID string, pub sql.NullInt64, deals []pipeline.Deal, now time.Time) error {
	old := map[string]storedDeal{}
	rows, err := tx.QueryContext(ctx, `SELECT id, deal_json, superseded, merged_into, published_at FROM deals WHERE article_id = ?`, articleID)
	if err != nil {
		return fmt.Errorf("read deals: %w", err)
	}
	for rows.Next() {
		var id string
		var d storedDeal
		if err := rows.Scan(&id, &d.json, &d.superseded, &d.mergedInto, &d.pub); err != nil {
			rows.Close()
			return fmt.Errorf("read deals: %w", err)
		}
		old[id] = d
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read deals: %w", err)
	}

	live := map[string]bool{}
	var place []string // deals to try to merge
	for _, d := range deals {
		id := pipeline.DealID(articleID, d)
		if live[id] {
			continue // the extractor yielded the same deal twice
		}
		live[id] = true
		js, err := json.Marshal(d)
		if err != nil {
			return fmt.Errorf("encode deal: %w", err)
		}
		var usd sql.NullFloat64
		if d.Amount != nil && d.Amount.USD != nil {
			usd = sql.NullFloat64{Float64: *d.Amount.USD, Valid: true}
		}
		o, ok := old[id]
		if !ok {
			at := nanos(now)
			if pub.Valid {
				at = pub.Int64
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO deals (id, article_id, deal_json, company_lc, counterparty_lc, kind,
				amount_usd, published_at, extracted_at, sort_at, group_pub_at, group_sort_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				id, articleID, string(js), norm(d.Company), norm(string(d.Counterparty)), string(d.Kind),
				usd, pub, nanos(now), at, pub, at)
			if err != nil {
				return fmt.Errorf("insert deal: %w", err)
			}
			place = append(place, id)
			if err := enqueue(ctx, tx, pipeline.OutboxDeal, id); err != nil {
				return err
			}
			continue
		}
		if o.json == string(js) && !o.superseded && o.pub == pub {
			continue
		}
		_, err = tx.ExecContext(ctx, `UPDATE deals SET deal_json = ?, company_lc = ?, counterparty_lc = ?, kind = ?,
			amount_usd = ?, published_at = ?, sort_at = COALESCE(?, extracted_at), superseded = 0 WHERE id = ?`,
			string(js), norm(d.Company), norm(string(d.Counterparty)), string(d.Kind), usd, pub, pub, id)
		if err != nil {
			return fmt.Errorf("update deal: %w", err)
		}
		if o.superseded {
			place = append(place, id)
		}
		if err := enqueue(ctx, tx, pipeline.OutboxDeal, id); err != nil {
			return err
		}
	}

	for id, o := range old {
		if live[id] || o.superseded {
			continue
		}
		if err := s.supersede(ctx, tx, id, o.mergedInto); err != nil {
			return err
		}
	}
	for _, id := range place {
		if err := s.place(ctx, tx, id); err != nil {
			return err
		}
	}
	return s.refreshArticleGroups(ctx, tx, articleID)
}

// hashBytes is the hex sha256 of b.
func hashBytes(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
