package sqlite

import (
	"context"
	"errors"
	"math/bits"
	"path/filepath"
	"sync"
	"testing"

	"github.com/kozan-dev/kozan/pipeline"
)

// memFingerprints is SharedFingerprints in memory, as crawler.RedisShared
// behaves (its Redis form is tested in crawler and cmd/kozan).
type memFingerprints struct {
	mu   sync.Mutex
	list []struct {
		fp  uint64
		url string
	}
	err error
}

func (m *memFingerprints) ClaimFingerprint(_ context.Context, url string, fp uint64, maxBits int) (string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.err != nil {
		return "", m.err
	}
	for _, e := range m.list {
		if e.url != url && bits.OnesCount64(e.fp^fp) <= maxBits {
			return e.url, nil
		}
	}
	m.list = append(m.list, struct {
		fp  uint64
		url string
	}{fp, url})
	return "", nil
}

// TestCopyStoredElsewhere: two stores share a fingerprint record, as two
// `kozan run` processes sharing Redis state do. A copy that store B fetches
// of an article store A holds is not stored in B (neither the article nor
// its deals); B records the original's URL and the crawl state. An
// unrelated article is stored in B as usual, and a later copy of it in A
// is B's copy. The original itself, fetched by B, is stored in B.
func TestCopyStoredElsewhere(t *testing.T) {
	ctx := context.Background()
	shared := &memFingerprints{}
	open := func(name string) *Store {
		s, err := Open(ctx, filepath.Join(t.TempDir(), name+".db"), Options{Fingerprints: shared})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	a, b := open("a"), open("b")
	const (
		story = 0x0f0f_0f0f_1234_5678
		other = 0x7777_0000_aaaa_5555
	)
	deal := pipeline.Deal{Company: "TeraWulf", Counterparty: "Fluidstack", Kind: "lease", Amount: usd(9.5e9, "$9.5 billion"),
		Evidence: "TeraWulf signed a $9.5 billion lease with Fluidstack."}
	origURL, copyURL := "https://a.example/story", "https://b.example/copy"
	put(t, a, result(origURL, "a", pipeline.Article{Title: "One", Text: "the story", Fingerprint: story}, deal))
	put(t, b, result(copyURL, "b", pipeline.Article{Title: "Two", Text: "the story, slightly changed",
		Fingerprint: story ^ 0b1011_0001}, deal))
	put(t, b, result("https://b.example/other", "b", pipeline.Article{Title: "Other", Text: "another story", Fingerprint: other}))
	put(t, a, result("https://a.example/other-copy", "a", pipeline.Article{Title: "Other again", Text: "another story!", Fingerprint: other ^ 1}))

	arts := func(s *Store) []string {
		recs, err := s.Articles(ctx, pipeline.ArticleFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var urls []string
		for _, r := range recs {
			urls = append(urls, r.URL)
		}
		return urls
	}
	if got := arts(a); len(got) != 1 || got[0] != origURL {
		t.Errorf("store A holds %v, want only %s", got, origURL)
	}
	if got := arts(b); len(got) != 1 || got[0] != "https://b.example/other" {
		t.Errorf("store B holds %v, want only its own article", got)
	}
	if st, _ := b.Stats(ctx); st.Deals != 0 {
		t.Errorf("store B holds %d deals: the copy's deals were stored", st.Deals)
	}
	for _, tt := range []struct {
		s         *Store
		url, want string
	}{{b, copyURL, origURL}, {a, "https://a.example/other-copy", "https://b.example/other"}} {
		got, ok, err := tt.s.CopyOf(ctx, tt.url)
		if err != nil || !ok || got != tt.want {
			t.Errorf("CopyOf(%s) = %q, %v, %v; want %s", tt.url, got, ok, err, tt.want)
		}
	}
	if _, ok, _ := a.CopyOf(ctx, origURL); ok {
		t.Errorf("the original is called a copy")
	}
	rec, ok, err := b.CrawlState(ctx, copyURL)
	if err != nil || !ok || rec.ETag != `"v1"` || rec.ArticleID != pipeline.ArticleID(origURL) {
		t.Errorf("crawl state of the copy in B = %+v, %v, %v; want its ETag and the original's id", rec, ok, err)
	}

	// B fetches the original itself: it is the original, stored in B too.
	put(t, b, result(origURL, "a", pipeline.Article{Title: "One", Text: "the story", Fingerprint: story}, deal))
	if got := arts(b); len(got) != 2 {
		t.Errorf("store B holds %v after fetching the original, want it and its own article", got)
	}

	// The shared record failing fails the Put: nothing is half-stored.
	shared.err = errors.New("connection refused")
	err = b.Put(ctx, result("https://b.example/new", "b", pipeline.Article{Title: "New", Text: "news", Fingerprint: 0x1234}))
	if err == nil || !errors.Is(err, shared.err) {
		t.Errorf("Put with the shared record down: %v, want its error", err)
	}
	if _, ok, _ := b.CrawlState(ctx, "https://b.example/new"); ok {
		t.Error("a failed Put left crawl state")
	}
}
