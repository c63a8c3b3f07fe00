package es

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kozan-dev/kozan/pipeline"
)

// Integration tests against a real Elasticsearch 8. They run when
// KOZAN_TEST_ES_URL is set, e.g.
//
//	KOZAN_TEST_ES_URL=https://localhost:9200 KOZAN_TEST_ES_CA=deploy/certs/ca.crt \
//	KOZAN_ES_USERNAME=elastic KOZAN_ES_PASSWORD=… go test ./index/es -run Integration
//
// Credentials come from the usual KOZAN_ES_* variables. Each run uses its
// own index prefix and deletes what it made. KOZAN_TEST_KIBANA_URL adds the
// saved objects import.

func integrationClient(t *testing.T, prefix string, addr string) *Client {
	t.Helper()
	cfg := Config{Addresses: []string{addr}, IndexPrefix: prefix, CAFile: os.Getenv("KOZAN_TEST_ES_CA"),
		Fingerprint: os.Getenv("KOZAN_TEST_ES_FINGERPRINT"), Timeout: 20 * time.Second}
	c, err := New(cfg, Options{Refresh: "wait_for", MaxRetries: 1, Backoff: func(int) time.Duration { return 50 * time.Millisecond },
		Tokenize: func(s string) string { return s }})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (c *Client) countDocs(ctx context.Context, kind string) (int, error) {
	var r struct {
		Count int `json:"count"`
	}
	_, err := c.do(ctx, http.MethodGet, "/"+c.Alias(kind)+"/_count", nil, &r)
	return r.Count, err
}

func TestIntegration(t *testing.T) {
	addr := os.Getenv("KOZAN_TEST_ES_URL")
	if addr == "" {
		t.Skip("KOZAN_TEST_ES_URL is not set: skipping the tests against a real Elasticsearch (see integration_test.go)")
	}
	ctx := context.Background()
	prefix := fmt.Sprintf("kozantest-%d", time.Now().UnixNano())
	c := integrationClient(t, prefix, addr)
	t.Cleanup(func() {
		for _, kind := range []string{KindArticles, KindDeals} {
			for v := 1; v <= 3; v++ {
				_, _ = c.do(ctx, http.MethodDelete, "/"+c.Alias(kind)+"-v"+fmt.Sprint(v), nil, nil)
			}
			_, _ = c.do(ctx, http.MethodDelete, "/_index_template/"+c.Alias(kind), nil, nil)
		}
	})

	t.Run("setup twice", func(t *testing.T) {
		rep, err := c.Setup(ctx)
		if err != nil || !rep.Changed() {
			t.Fatalf("first setup: %v %v", rep, err)
		}
		rep, err = c.Setup(ctx)
		if err != nil || rep.Changed() {
			t.Fatalf("second setup changed something: %v %v", rep, err)
		}
	})

	items := demoItems()
	t.Run("index demo", func(t *testing.T) {
		rep, err := c.Index(ctx, items)
		if err != nil || len(rep.Acked) != len(items) {
			t.Fatalf("index: %+v %v", rep, err)
		}
	})

	t.Run("search japanese and english", func(t *testing.T) {
		for _, q := range []struct{ query, tokens, wantURL string }{
			{"蒼天クラウド 契約", "蒼天 クラウド 契約", "https://news.example.jp/a/101"},
			{"32億ドル", "32 億 ドル", "https://news.example.jp/a/101"},
			{"Larchmont lease", "larchmont lease", "https://news.example.com/2026/ridgeway-lease"},
		} {
			hits, err := c.Search(ctx, q.query, q.tokens, 5)
			if err != nil {
				t.Fatal(err)
			}
			if len(hits) == 0 || hits[0].URL != q.wantURL || !strings.Contains(hits[0].Snippet, "[") {
				t.Errorf("search %q: %+v, want %s first with a highlighted snippet", q.query, hits, q.wantURL)
			}
		}
	})

	t.Run("re-run without duplicates, review preserved", func(t *testing.T) {
		d := items[3].Deal
		d.Review = pipeline.Review{Status: pipeline.StatusApproved, Reviewer: "it", ReviewedAt: ptrTime(time.Now())}
		if _, err := c.Index(ctx, items[3:]); err != nil {
			t.Fatal(err)
		}
		d.Review = pipeline.Review{}
		if rep, err := c.Index(ctx, items); err != nil || len(rep.Acked) != len(items) {
			t.Fatalf("re-run: %+v %v", rep, err)
		}
		for kind, want := range map[string]int{KindArticles: 2, KindDeals: 2} {
			if n, err := c.countDocs(ctx, kind); err != nil || n != want {
				t.Errorf("%s: %d docs (%v), want %d", kind, n, err, want)
			}
		}
		var doc struct {
			Source struct {
				Review reviewDoc `json:"review"`
			} `json:"_source"`
		}
		if _, err := c.do(ctx, http.MethodGet, "/"+c.Alias(KindDeals)+"/_doc/"+d.ID, nil, &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Source.Review.Status != pipeline.StatusApproved {
			t.Errorf("review after re-run: %+v, want approved", doc.Source.Review)
		}
	})

	t.Run("outage then sync", func(t *testing.T) {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		dead := "http://" + l.Addr().String()
		l.Close()
		down := integrationClient(t, prefix, dead)
		more := []pipeline.OutboxItem{items[0], items[2]}
		rep, err := down.Index(ctx, more)
		if err == nil || len(rep.Acked) != 0 {
			t.Fatalf("outage: %+v %v; want an error and nothing acked", rep, err)
		}
		rep, err = c.Index(ctx, more)
		if err != nil || !slices.Equal(sorted(rep.Acked), []int64{1, 3}) {
			t.Fatalf("sync: %+v %v", rep, err)
		}
		if n, _ := c.countDocs(ctx, KindDeals); n != 2 {
			t.Errorf("deals after sync: %d, want 2", n)
		}
	})

	t.Run("mapping change moves the alias", func(t *testing.T) {
		var got map[string]any
		if _, err := c.do(ctx, http.MethodGet, "/_index_template/"+c.Alias(KindDeals), nil, &got); err != nil {
			t.Fatal(err)
		}
		tpl := got["index_templates"].([]any)[0].(map[string]any)["index_template"].(map[string]any)
		tpl["_meta"].(map[string]any)["mapping_hash"] = "older"
		if _, err := c.do(ctx, http.MethodPut, "/_index_template/"+c.Alias(KindDeals), tpl, nil); err != nil {
			t.Fatal(err)
		}
		rep, err := c.Setup(ctx)
		if err != nil {
			t.Fatal(err)
		}
		deals := rep.Indices[1]
		if deals.Version != 2 || !deals.AliasMoved || deals.Reindexed != 2 {
			t.Errorf("after a mapping change: %+v", deals)
		}
		if err := c.Refresh(ctx); err != nil {
			t.Fatal(err)
		}
		if n, _ := c.countDocs(ctx, KindDeals); n != 2 {
			t.Errorf("deals behind the moved alias: %d, want 2", n)
		}
	})

	if kb := os.Getenv("KOZAN_TEST_KIBANA_URL"); kb != "" {
		t.Run("kibana import", func(t *testing.T) {
			if err := c.ImportKibana(ctx, kb); err != nil {
				t.Fatal(err)
			}
		})
	}
}
