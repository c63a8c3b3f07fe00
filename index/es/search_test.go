package es

import (
	"context"
	"testing"

	"github.com/kozan-dev/kozan/index/snippet"
)

func TestSearchBody(t *testing.T) {
	tests := []struct {
		name, query, tokens string
		wantTokens          string
	}{
		{"tokens", "蒼天クラウド 契約", "蒼天 クラウド 契約", "蒼天 クラウド 契約"},
		{"no tokens: the raw query", "32億ドル", " ", "32億ドル"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			body := SearchBody(tc.query, tc.tokens, 7)
			if _, ok := body["highlight"]; ok {
				t.Error("body asks for highlights; snippets are built locally")
			}
			should := body["query"].(map[string]any)["bool"].(map[string]any)["should"].([]any)
			tok := should[0].(map[string]any)["multi_match"].(map[string]any)["query"]
			raw := should[1].(map[string]any)["multi_match"].(map[string]any)["query"]
			if tok != tc.wantTokens || raw != tc.query || body["size"] != 7 {
				t.Errorf("tokens %q, raw %q, size %v; want %q, %q, 7", tok, raw, body["size"], tc.wantTokens, tc.query)
			}
		})
	}
}

// TestSearchSnippetLikeStore checks that Search's snippets are what the
// SQLite store builds for the same article and tokens (snippet.Make with
// snippet.Terms(tokens, "")), so `kozan search` prints the same either way.
func TestSearchSnippetLikeStore(t *testing.T) {
	f := newFakeES(t)
	c := newTestClient(t, f, Options{})
	ctx := context.Background()
	if _, err := c.Setup(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Index(ctx, demoItems()); err != nil {
		t.Fatal(err)
	}
	ja, en := jaArticle(), enArticle()
	tests := []struct {
		name, query, tokens string
		text, title         string
		want                string
	}{
		{"best sentence, not the first", "契約総額", "契約 総額", ja.Text, ja.Title, "[契約総額]は約32億ドル。"},
		{"particles are not highlighted", "蒼天クラウドの契約", "蒼天 クラウド の 契約", ja.Text, ja.Title,
			"北辰マイニングは27日、[クラウド]事業者の[蒼天クラウド]とAI向け計算基盤の10年[契約]を結んだと発表した。"},
		{"english", "contract worth", "contract worth", en.Text, en.Title, "The [contract] is [worth] about $4.1 billion."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hits, err := c.Search(ctx, tc.query, tc.tokens, 5)
			if err != nil {
				t.Fatal(err)
			}
			if len(hits) != 1 {
				t.Fatalf("%d hits, want 1: %+v", len(hits), hits)
			}
			store := snippet.Make(tc.text, tc.title, snippet.Terms(tc.tokens, ""))
			if got := hits[0].Snippet; got != tc.want || got != store {
				t.Errorf("snippet %q, store's %q, want %q", got, store, tc.want)
			}
		})
	}
}
