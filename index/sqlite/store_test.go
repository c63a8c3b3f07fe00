package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/kozan-dev/kozan/pipeline"
)

// allDeals collects Deals(f).
func allDeals(t testing.TB, s *Store, f pipeline.DealFilter) []pipeline.DealRecord {
	t.Helper()
	var out []pipeline.DealRecord
	if err := s.Deals(context.Background(), f, func(d pipeline.DealRecord) error {
		out = append(out, d)
		return nil
	}); err != nil {
		t.Fatalf("Deals: %v", err)
	}
	return out
}

func TestRoundTrip(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	r := jaIREN()
	r.Page.Aliases = []string{jaURL + "?utm_source=x", jaURL + "/amp"}
	put(t, s, r)

	id := pipeline.ArticleID(jaURL)
	arts, err := s.Articles(ctx, pipeline.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	wantRec := []pipeline.ArticleRecord{{ID: id, URL: jaURL, Title: r.Doc.Article.Title, PublishedAt: day(2026, 1, 10),
		Lang: "ja", Source: "nikkan-mining", FetchedAt: r.Page.FetchedAt, DealCount: 1}}
	if !reflect.DeepEqual(arts, wantRec) {
		t.Errorf("Articles:\n got %+v\nwant %+v", arts, wantRec)
	}

	got, err := s.Article(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	want := r.Doc.Article
	want.ID, want.FetchedAt = id, ptr(r.Page.FetchedAt)
	want.ContentHash = hashBytes([]byte(want.Text))
	want.Aliases = []string{jaURL + "/amp", jaURL + "?utm_source=x"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Article:\n got %+v\nwant %+v", got, want)
	}
	if _, err := s.Article(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Article(unknown) err = %v, want ErrNotFound", err)
	}

	deals := allDeals(t, s, pipeline.DealFilter{})
	if len(deals) != 1 {
		t.Fatalf("Deals = %d, want 1", len(deals))
	}
	d := deals[0]
	wantDeal := pipeline.DealRecord{
		Deal: r.Doc.Deals[0], ID: pipeline.DealID(id, r.Doc.Deals[0]), ArticleID: id, URL: jaURL,
		Title: r.Doc.Article.Title, Source: "nikkan-mining", Lang: "ja", PublishedAt: day(2026, 1, 10),
		ExtractedAt: newClock().t, Review: pipeline.Review{Status: pipeline.StatusPending},
	}
	if !reflect.DeepEqual(d, wantDeal) {
		t.Errorf("Deal:\n got %+v\nwant %+v", d, wantDeal)
	}

	cr, ok, err := s.CrawlState(ctx, jaURL)
	if err != nil || !ok {
		t.Fatalf("CrawlState = %v, %v", ok, err)
	}
	wantCR := pipeline.CrawlRecord{URL: jaURL, ETag: `"v1"`, LastModified: r.Page.LastMod, ContentHash: want.ContentHash,
		ArticleID: id, FirstSeen: newClock().t, LastSeen: newClock().t}
	if cr != wantCR {
		t.Errorf("CrawlState:\n got %+v\nwant %+v", cr, wantCR)
	}
	alias, ok, err := s.CrawlState(ctx, jaURL+"/amp")
	if err != nil || !ok || alias != wantCR {
		t.Errorf("CrawlState(alias) = %+v, %v, %v; want the canonical record", alias, ok, err)
	}
	if _, ok, err := s.CrawlState(ctx, "https://unknown.example/"); ok || err != nil {
		t.Errorf("CrawlState(unknown) = %v, %v", ok, err)
	}
}

func TestCrawlStateSkipAndNotModified(t *testing.T) {
	ctx := context.Background()
	s, c := openTest(t)
	const u = "https://news.example.jp/list?page=2"
	page := pipeline.Page{URL: u, ETag: `"l1"`, LastMod: "x", Body: []byte("<html>list</html>")}
	put(t, s, pipeline.Result{Page: page, Skip: "listing"})
	first := c.t

	c.Advance(time.Hour)
	put(t, s, pipeline.Result{Page: pipeline.Page{URL: u, NotModified: true, ETag: `"other"`}, Skip: "not_modified"})
	got, _, err := s.CrawlState(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	want := pipeline.CrawlRecord{URL: u, ETag: `"l1"`, LastModified: "x", ContentHash: hashBytes(page.Body),
		FirstSeen: first, LastSeen: c.t, Skip: "listing"}
	if got != want {
		t.Errorf("after 304:\n got %+v\nwant %+v", got, want)
	}

	// A failed extraction keeps no validators, so the page is fetched again.
	c.Advance(time.Hour)
	put(t, s, pipeline.Result{Page: page, Skip: "error: boom"})
	got, _, _ = s.CrawlState(ctx, u)
	if got.ETag != "" || got.LastModified != "" || got.Skip != "error: boom" || got.FirstSeen != first {
		t.Errorf("after error: %+v", got)
	}
}

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(migrations[0]); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`PRAGMA user_version = 1`); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`INSERT INTO crawl_state (url, canonical_url, first_seen, last_seen) VALUES ('u', 'u', 1, 2)`); err != nil {
		t.Fatal(err)
	}
	raw.Close()

	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatalf("Open(v1): %v", err)
	}
	var v int
	if err := s.db.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil || v != SchemaVersion() {
		t.Errorf("user_version = %d, %v; want %d", v, err, SchemaVersion())
	}
	var mode string
	var fk int
	if err := s.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	if err := s.db.QueryRow(`PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
		t.Errorf("foreign_keys = %d, %v; want 1", fk, err)
	}
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE name = 'crawl_state_article'`).Scan(&n); err != nil || n != 1 {
		t.Errorf("migration 2 index present = %d, %v", n, err)
	}
	if _, ok, err := s.CrawlState(ctx, "u"); !ok || err != nil {
		t.Errorf("data lost in migration: %v, %v", ok, err)
	}
	if _, err := s.db.Exec(`PRAGMA user_version = 99`); err != nil {
		t.Fatal(err)
	}
	s.Close()

	_, err = Open(ctx, path, Options{})
	if err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("Open(v99) err = %v, want a 'newer' refusal", err)
	}

	// Reopening a current store is a no-op.
	fresh := filepath.Join(t.TempDir(), "new.db")
	for i := range 2 {
		s, err := Open(ctx, fresh, Options{})
		if err != nil {
			t.Fatalf("Open #%d: %v", i, err)
		}
		s.Close()
	}
}

func TestSearch(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	put(t, s, jaIREN())
	put(t, s, enIREN())
	put(t, s, twResult(twText, twDeals()...))

	tests := []struct {
		name    string
		query   string
		wantIDs []string
		snippet string // of the first hit
	}{
		{"japanese", "約 37 億 ドル の 契約", []string{jaURL},
			"ビットコインマイニング大手のIRENは10日、Microsoftとの間で[約37億ドル]規模のAIクラウド[契約]を結んだと発表した。"},
		{"japanese, the sentence with the most terms", "契約 期間", []string{jaURL}, "[契約期間]は5年で、テキサス州の拠点にGPUを設置する。"},
		{"japanese title only", "マイクロソフト", []string{jaURL}, "IRENが[マイクロソフト]とAIクラウド契約、約37億ドル"},
		{"english", "microsoft contract", []string{enURL},
			"Bitcoin miner IREN said on Friday it had signed a five-year AI cloud services [contract] with [Microsoft] worth $3.7 billion."},
		{"english case and both", "IREN", []string{enURL, jaURL}, ""},
		{"no match", "coreweave", nil, ""},
		{"syntax chars are quoted", `"terawulf" (fluidstack* -`, []string{twURL}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hits, err := s.Search(ctx, tc.query, 10)
			if err != nil {
				t.Fatalf("Search: %v", err)
			}
			var got []string
			for _, h := range hits {
				got = append(got, h.URL)
			}
			if len(tc.wantIDs) > 1 { // order by rank is not asserted here
				if len(got) != len(tc.wantIDs) {
					t.Errorf("hits = %v, want %v", got, tc.wantIDs)
				}
				return
			}
			if !reflect.DeepEqual(got, tc.wantIDs) {
				t.Fatalf("hits = %v, want %v", got, tc.wantIDs)
			}
			if tc.snippet != "" && hits[0].Snippet != tc.snippet {
				t.Errorf("snippet:\n got %q\nwant %q", hits[0].Snippet, tc.snippet)
			}
			if len(hits) > 0 && hits[0].Score <= 0 {
				t.Errorf("score = %v, want > 0", hits[0].Score)
			}
		})
	}
	if _, err := s.Search(ctx, " 、 。 ", 10); err == nil {
		t.Error("Search(punctuation only) succeeded, want an error")
	}
}

// TestConcurrentWriters has two handles on one file (as two kozan processes
// would) writing at once: immediate transactions and the busy timeout make
// them take turns instead of failing with SQLITE_BUSY.
func TestConcurrentWriters(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "shared.db")
	var stores [2]*Store
	for i := range stores {
		s, err := Open(ctx, path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		stores[i] = s
	}
	errs := make(chan error, 2)
	for w, s := range stores {
		go func() {
			for i := range 20 {
				r := twResult(fmt.Sprintf("%s Writer %d, version %d.", twText, w, i), twDeals()...)
				r.Page.URL = fmt.Sprintf("%s-%d", twURL, w)
				r.Doc.Article.URL = r.Page.URL
				if err := s.Put(ctx, r); err != nil {
					errs <- err
					return
				}
				var n int
				if err := s.Deals(ctx, pipeline.DealFilter{}, func(pipeline.DealRecord) error { n++; return nil }); err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range stores {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	st, err := stores[0].Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 2 || st.Deals+st.MergedDeals != 4 {
		t.Errorf("Stats = %+v, want 2 articles and 4 deals", st)
	}
}

// TestNearDuplicateAcrossRuns: a copy of a stored article at another URL,
// with another headline and a changed sentence (fingerprint a few bits
// away), is stored as an alias of the first, also when it comes in a later
// run (the store reopened); NearDuplicateBits < 0 turns this off.
func TestNearDuplicateAcrossRuns(t *testing.T) {
	const (
		orig   = 0x0f0f_0f0f_1234_5678
		copyFP = orig ^ 0b1011_0001 // 4 bits away
		other  = 0x7777_0000_aaaa_5555
	)
	for _, tt := range []struct {
		name string
		bits int
		want []string
	}{
		{"default", 0, []string{"https://a.example/story"}},
		{"off", -1, []string{"https://a.example/story", "https://b.example/copy"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "kozan.db")
			ctx := context.Background()
			s, err := Open(ctx, path, Options{NearDuplicateBits: tt.bits})
			if err != nil {
				t.Fatal(err)
			}
			put(t, s, result("https://a.example/story", "a", pipeline.Article{Title: "One", Text: "the story", Fingerprint: orig}))
			put(t, s, result("https://c.example/other", "c", pipeline.Article{Title: "Other", Text: "another story", Fingerprint: other}))
			s.Close()

			s, err = Open(ctx, path, Options{NearDuplicateBits: tt.bits})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			put(t, s, result("https://b.example/copy", "b", pipeline.Article{Title: "Two", Text: "the story, slightly changed", Fingerprint: copyFP}))
			recs, err := s.Articles(ctx, pipeline.ArticleFilter{Source: ""})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			aliases := map[string][]string{}
			for _, r := range recs {
				if r.URL != "https://c.example/other" {
					got = append(got, r.URL)
				}
				aliases[r.URL] = r.Aliases
			}
			sort.Strings(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("articles %v, want %v", got, tt.want)
			}
			if tt.bits == 0 && !slices.Equal(aliases["https://a.example/story"], []string{"https://b.example/copy"}) {
				t.Errorf("aliases of the first: %v", aliases["https://a.example/story"])
			}
		})
	}
}

// TestOpenReadOnly: a read-only open reads a store another process is
// writing, writes nothing, and creates nothing.
func TestOpenReadOnly(t *testing.T) {
	ctx := context.Background()
	w, _ := openTest(t)
	put(t, w, jaIREN())
	ro, err := Open(ctx, w.path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	var ids []string
	if err := ro.Deals(ctx, pipeline.DealFilter{}, func(r pipeline.DealRecord) error { ids = append(ids, r.ID); return nil }); err != nil || len(ids) == 0 {
		t.Fatalf("read-only Deals: %d deals, %v", len(ids), err)
	}
	if _, err := ro.ApplyReviews(ctx, []pipeline.ReviewUpdate{{DealID: ids[0], Review: pipeline.Review{Status: pipeline.StatusApproved}}}, false); err == nil {
		t.Error("a read-only store accepted a write")
	}

	dir := t.TempDir()
	tests := []struct {
		name, file string
		make       bool
		want       string
	}{
		{"missing", "missing.db", false, "no such file"},
		{"empty", "empty.db", true, "not a kozan store: the file is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, tt.file)
			if tt.make {
				os.WriteFile(p, nil, 0o644)
			}
			if _, err := Open(ctx, p, Options{ReadOnly: true}); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
			st, err := os.Stat(p)
			if tt.make && (err != nil || st.Size() != 0) || !tt.make && err == nil {
				t.Errorf("the read-only open changed the file: %v %v", st, err)
			}
		})
	}
}

// TestKeepHTML: the fetched HTML is kept compressed and given back as
// fetched, unless the store does not keep HTML or the page is over the cap.
func TestKeepHTML(t *testing.T) {
	ctx := context.Background()
	body := []byte("<html><body><p>" + strings.Repeat("IREN signed a contract. ", 200) + "</p></body></html>")
	tests := []struct {
		name string
		opt  Options
		want int
	}{
		{"kept", Options{KeepHTML: true, RuleSet: "r1"}, 1},
		{"switched off", Options{}, 0},
		{"over the cap", Options{KeepHTML: true, MaxHTML: 100}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Open(ctx, filepath.Join(t.TempDir(), "k.db"), tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			r := jaIREN()
			r.Page.Body = body
			put(t, s, r)
			var got []StoredPage
			if err := s.Pages(ctx, PageFilter{}, func(p StoredPage) error { got = append(got, p); return nil }); err != nil {
				t.Fatal(err)
			}
			if len(got) != tt.want {
				t.Fatalf("%d pages kept, want %d", len(got), tt.want)
			}
			if tt.want == 1 && (string(got[0].Page.Body) != string(body) || got[0].RuleSet != "r1" || got[0].Page.URL != r.Page.URL) {
				t.Errorf("page %+v", got[0])
			}
			var stored int
			s.db.QueryRowContext(ctx, `SELECT coalesce(sum(length(body_gz)), 0) FROM article_html`).Scan(&stored)
			if tt.want == 1 && stored >= len(body)/4 {
				t.Errorf("kept %d bytes for a %d-byte page: not compressed", stored, len(body))
			}
		})
	}
}

// TestArticlesByPublishedDate: articles come newest story first by their
// published date (the fetch time when they have none), and --since filters
// on the same date, as deals do.
func TestArticlesByPublishedDate(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	day := func(d int) *time.Time { v := time.Date(2026, 1, d, 9, 0, 0, 0, time.UTC); return &v }
	old := result("https://a.example/old", "a", pipeline.Article{Title: "Old story", Text: "an old story", PublishedAt: day(3)})
	old.Page.FetchedAt = time.Date(2026, 2, 20, 0, 0, 0, 0, time.UTC) // fetched last
	fresh := result("https://a.example/new", "a", pipeline.Article{Title: "New story", Text: "a new story", PublishedAt: day(25)})
	fresh.Page.FetchedAt = time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	undated := result("https://a.example/undated", "a", pipeline.Article{Title: "Undated", Text: "no date at all"})
	undated.Page.FetchedAt = time.Date(2026, 1, 10, 0, 0, 0, 0, time.UTC)
	put(t, s, old)
	put(t, s, fresh)
	put(t, s, undated)
	urls := func(f pipeline.ArticleFilter) []string {
		recs, err := s.Articles(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range recs {
			out = append(out, strings.TrimPrefix(r.URL, "https://a.example/"))
		}
		return out
	}
	if got, want := urls(pipeline.ArticleFilter{}), []string{"new", "undated", "old"}; !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
	if got, want := urls(pipeline.ArticleFilter{Since: *day(5)}), []string{"new", "undated"}; !slices.Equal(got, want) {
		t.Errorf("since Jan 5: %v, want %v", got, want)
	}
}

// TestReadOnlyOlderSchemas: a read-only open of a store written by an older
// kozan (every older schema version) reads what it lacks as empty.
func TestReadOnlyOlderSchemas(t *testing.T) {
	ctx := context.Background()
	for v := 1; v < len(migrations); v++ {
		t.Run(fmt.Sprintf("v%d", v), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "old.db")
			raw, err := sql.Open("sqlite", "file:"+path)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range migrations[:v] {
				if _, err := raw.Exec(m); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := raw.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, v)); err != nil {
				t.Fatal(err)
			}
			raw.Close()
			s, err := Open(ctx, path, Options{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if _, err := s.ReviewImports(ctx); err != nil {
				t.Errorf("ReviewImports: %v", err)
			}
			if err := s.Pages(ctx, PageFilter{}, func(StoredPage) error { return nil }); err != nil {
				t.Errorf("Pages: %v", err)
			}
			if _, ok, err := s.CopyOf(ctx, "https://a.example/x"); ok || err != nil {
				t.Errorf("CopyOf: %v, %v", ok, err)
			}
		})
	}
}
