package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/kozan-dev/kozan/index/snippet"
	"github.com/kozan-dev/kozan/pipeline"
)

// Search finds articles whose title or text tokens contain every query token
// (queryTokens are space-joined tokens from the same tokenizer as the index),
// best first by bm25 (title weighted double), at most limit (default 20).
// Each token is quoted, so user input cannot break the FTS5 syntax. The
// snippet is snippet.Make over the raw text and title with
// snippet.Terms(queryTokens, ""): the sentence with the most query terms,
// matches in [brackets], the same as index/es gives.
func (s *Store) Search(ctx context.Context, queryTokens string, limit int) ([]pipeline.SearchHit, error) {
	terms := queryTerms(queryTokens)
	if len(terms) == 0 {
		return nil, errors.New("search: empty query")
	}
	if limit <= 0 {
		limit = 20
	}
	snipTerms := snippet.Terms(queryTokens, "")
	quoted := make([]string, len(terms))
	for i, t := range terms {
		quoted[i] = `"` + strings.ReplaceAll(t, `"`, `""`) + `"`
	}
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.url, a.title, a.published_at, a.lang, a.source, a.text,
		bm25(articles_fts, 2.0, 1.0) AS rank
		FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
		WHERE articles_fts MATCH ? ORDER BY rank, a.id LIMIT ?`, strings.Join(quoted, " AND "), limit)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", queryTokens, err)
	}
	defer rows.Close()
	var hits []pipeline.SearchHit
	for rows.Next() {
		var h pipeline.SearchHit
		var text string
		var rank float64
		var pub sql.NullInt64
		if err := rows.Scan(&h.ArticleID, &h.URL, &h.Title, &pub, &h.Lang, &h.Source, &text, &rank); err != nil {
			return nil, fmt.Errorf("search %q: %w", queryTokens, err)
		}
		h.PublishedAt = fromNullNanos(pub)
		h.Score = -rank
		h.Snippet = snippet.Make(text, h.Title, snipTerms)
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search %q: %w", queryTokens, err)
	}
	return hits, nil
}

// queryTerms splits query tokens into the FTS5 MATCH terms, dropping those
// without a letter or digit (the index's unicode61 tokenizer drops them too)
// and repeats. Snippet terms are snippet.Terms, which also drop particles.
func queryTerms(q string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range strings.Fields(q) {
		if !strings.ContainsFunc(t, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) {
			continue
		}
		if k := strings.ToLower(t); !seen[k] {
			seen[k] = true
			out = append(out, t)
		}
	}
	return out
}
