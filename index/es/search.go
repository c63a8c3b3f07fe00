package es

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/kozan-dev/kozan/index/snippet"
	"github.com/kozan-dev/kozan/pipeline"
)

// SearchBody returns the _search request Search sends: a bool query whose
// should clauses are a multi_match of queryTokens over the *_tokens fields
// (all tokens required) and a phrase multi_match of the raw query over the
// cjk sub-fields. It asks for no highlights: snippets are built locally by
// index/snippet, the same way the SQLite store builds them.
func SearchBody(query, queryTokens string, limit int) map[string]any {
	if strings.TrimSpace(queryTokens) == "" {
		queryTokens = query
	}
	return map[string]any{
		"size":             limit,
		"track_total_hits": false,
		"_source":          []string{"id", "url.full", "title", "published_at", "lang", "source", "text"},
		"query": map[string]any{"bool": map[string]any{
			"should": []any{
				map[string]any{"multi_match": map[string]any{
					"query": queryTokens, "fields": []string{"title_tokens^2", "text_tokens"}, "operator": "and",
				}},
				map[string]any{"multi_match": map[string]any{
					"query": query, "fields": []string{"title.cjk^2", "text.cjk"}, "type": "phrase",
				}},
			},
			"minimum_should_match": 1,
		}},
	}
}

// Search finds articles. query is the raw query (matched as a phrase on the
// cjk sub-fields), queryTokens the same query tokenized the way the index
// was (kagome tokens joined by spaces; "" means query). Each hit's Snippet
// is snippet.Make over the article's text and title with
// snippet.Terms(queryTokens, query): the sentence with the most query terms,
// matches in [brackets], the same as the SQLite store gives.
func (c *Client) Search(ctx context.Context, query, queryTokens string, limit int) ([]pipeline.SearchHit, error) {
	if strings.TrimSpace(query) == "" && strings.TrimSpace(queryTokens) == "" {
		return nil, fmt.Errorf("search: empty query")
	}
	if limit <= 0 {
		limit = 10
	}
	var res struct {
		Hits struct {
			Hits []struct {
				ID     string  `json:"_id"`
				Score  float64 `json:"_score"`
				Source struct {
					ID  string `json:"id"`
					URL struct {
						Full string `json:"full"`
					} `json:"url"`
					Title       string     `json:"title"`
					PublishedAt *time.Time `json:"published_at"`
					Lang        string     `json:"lang"`
					Source      string     `json:"source"`
					Text        string     `json:"text"`
				} `json:"_source"`
			} `json:"hits"`
		} `json:"hits"`
	}
	path := "/" + c.Alias(KindArticles) + "/_search"
	if _, err := c.do(ctx, http.MethodPost, path, SearchBody(query, queryTokens, limit), &res); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	terms := snippet.Terms(queryTokens, query)
	hits := make([]pipeline.SearchHit, 0, len(res.Hits.Hits))
	for _, h := range res.Hits.Hits {
		id := h.Source.ID
		if id == "" {
			id = h.ID
		}
		hits = append(hits, pipeline.SearchHit{
			ArticleID: id, URL: h.Source.URL.Full, Title: h.Source.Title, PublishedAt: h.Source.PublishedAt,
			Lang: h.Source.Lang, Source: h.Source.Source, Score: h.Score,
			Snippet: snippet.Make(h.Source.Text, h.Source.Title, terms),
		})
	}
	return hits, nil
}
