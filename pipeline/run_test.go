package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"
)

type listCrawler struct{ pages []Page }

func (c listCrawler) Crawl(ctx context.Context, out chan<- Page) error {
	for _, p := range c.pages {
		select {
		case out <- p:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

// endless produces pages until its context ends.
type endless struct{ started chan struct{} }

func (c endless) Crawl(ctx context.Context, out chan<- Page) error {
	close(c.started)
	for i := 0; ; i++ {
		select {
		case out <- Page{URL: fmt.Sprintf("https://example.com/%d", i)}:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

type fnExtractor func(Page) (Document, error)

func (f fnExtractor) Extract(_ context.Context, p Page) (Document, error) { return f(p) }

type memSink struct {
	mu      sync.Mutex
	results []Result
	block   bool
}

func (s *memSink) Put(ctx context.Context, r Result) error {
	if s.block {
		<-ctx.Done()
		return ctx.Err()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.results = append(s.results, r)
	return nil
}

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func TestRunItemErrorsDoNotStopTheRun(t *testing.T) {
	pages := []Page{{URL: "a"}, {URL: "broken"}, {URL: "listing"}, {URL: "old", NotModified: true}, {URL: "b"}}
	x := fnExtractor(func(p Page) (Document, error) {
		switch p.URL {
		case "broken":
			return Document{}, errors.New("bad html")
		case "listing":
			return Document{}, fmt.Errorf("extract: %w", SkipClass(Classification{Class: PageListing, Signal: "url_root"}))
		}
		return Document{Article: Article{URL: p.URL}, Deals: []Deal{{Company: "X"}}}, nil
	})
	sink := &memSink{}
	sum, err := Run(context.Background(), RunConfig{Workers: 3, Logger: quiet()}, listCrawler{pages}, x, sink)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	want := Summary{Pages: 5, NotModified: 1, Articles: 2, Deals: 2, Skipped: 1, Listings: 1, Failed: 1}
	if sum != want {
		t.Errorf("summary = %+v, want %+v", sum, want)
	}
	if len(sink.results) != 5 {
		t.Fatalf("sink got %d results, want 5 (every page, so crawl state is kept)", len(sink.results))
	}
	skips := map[string]string{}
	for _, r := range sink.results {
		skips[r.Page.URL] = r.Skip
	}
	for url, want := range map[string]string{"a": "", "b": "", "listing": "listing:url_root", "old": "not_modified", "broken": "error: bad html"} {
		if skips[url] != want {
			t.Errorf("skip[%s] = %q, want %q", url, skips[url], want)
		}
	}
}

func TestRunCancellationStopsEveryStage(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	started := make(chan struct{})
	slowX := fnExtractor(func(p Page) (Document, error) { return Document{Article: Article{URL: p.URL}}, nil })
	done := make(chan error, 1)
	go func() {
		_, err := Run(ctx, RunConfig{Workers: 2, Buffer: 1, Logger: quiet()}, endless{started}, slowX, &memSink{block: true})
		done <- err
	}()
	<-started
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Run after cancel = %v, want context.Canceled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return after cancellation: a stage is stuck")
	}
}

type failSink struct{}

func (failSink) Put(context.Context, Result) error { return errors.New("disk full") }

func TestRunSinkFailureEndsRun(t *testing.T) {
	started := make(chan struct{})
	x := fnExtractor(func(p Page) (Document, error) { return Document{}, nil })
	_, err := Run(context.Background(), RunConfig{Logger: quiet()}, endless{started}, x, failSink{})
	if err == nil {
		t.Fatal("want an error from a failing sink, got nil")
	}
	if got := err.Error(); !strings.Contains(got, "disk full") {
		t.Errorf("error %q does not carry the cause", got)
	}
}
