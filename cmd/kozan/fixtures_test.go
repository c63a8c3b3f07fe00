package main

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/kozan-dev/kozan/index/sqlite"
	"github.com/kozan-dev/kozan/pipeline"
)

func ptr[T any](v T) *T { return &v }

// fixtureDeals are three deals, one article each, as a crawl would store them.
func fixtureResults() []pipeline.Result {
	mk := func(n int, company, counterparty string, usd float64, kind pipeline.Kind) pipeline.Result {
		url := "https://wire.example.com/2026/11/deal-" + string(rune('a'+n))
		pub := time.Date(2026, 11, 10+n, 0, 0, 0, 0, time.UTC)
		evidence := company + " signed a deal with " + counterparty + "."
		a := pipeline.Article{URL: url, Source: "wire", Title: company + " and " + counterparty, PublishedAt: &pub,
			Lang: "en", Text: evidence + " More text follows.", TitleTokens: company, TextTokens: "deal " + company}
		d := pipeline.Deal{Company: company, Counterparty: pipeline.NullString(counterparty), Kind: kind,
			Amount:   &pipeline.Amount{Value: usd, Currency: "USD", Text: "$", USD: ptr(usd)},
			Evidence: evidence, EvidenceSpan: [2]int{0, len(evidence)}, Confidence: 0.9, Rule: "test"}
		return pipeline.Result{
			Page: pipeline.Page{URL: url, FetchURL: url, Source: "wire", Status: 200, FetchedAt: pub.Add(time.Hour),
				Body: []byte("<html><body><p>" + evidence + "</p></body></html>")},
			Doc: &pipeline.Document{Source: url, Article: a, Deals: []pipeline.Deal{d}},
		}
	}
	return []pipeline.Result{
		mk(0, "IREN", "Microsoft", 9.7e9, pipeline.KindHPCContract),
		mk(1, "TeraWulf", "Fluidstack", 3.7e9, pipeline.KindColocation),
		mk(2, "Cipher Mining", "AWS", 5.5e9, pipeline.KindLease),
	}
}

// seedStore writes a store holding fixtureResults and a kozan.yaml for it in
// a new directory, and returns the config path and the deal ids.
func seedStore(t *testing.T) (cfg string, ids []string) {
	t.Helper()
	dir := t.TempDir()
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(dir, "kozan.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range fixtureResults() {
		if err := s.Put(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Deals(ctx, pipeline.DealFilter{}, func(r pipeline.DealRecord) error {
		ids = append(ids, r.ID)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	cfg = filepath.Join(dir, "kozan.yaml")
	if err := os.WriteFile(cfg, []byte("store: kozan.db\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return cfg, ids
}

func jsonUnmarshal(s string, v any) error { return json.Unmarshal([]byte(s), v) }

// refusingURL is the URL of a loopback port nothing listens on: a host that
// refuses connections.
func refusingURL(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	u := "http://" + ln.Addr().String()
	ln.Close()
	return u
}

// hangingServer accepts requests and never answers them (until the request
// is cancelled or the test ends): a host that does not respond.
func hangingServer(t *testing.T) *httptest.Server {
	t.Helper()
	hang := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-hang:
		case <-r.Context().Done():
		}
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(hang) }) // runs first: Close waits for the handlers
	return srv
}
