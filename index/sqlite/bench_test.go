package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/kozan-dev/kozan/pipeline"
)

// fiveDeals is a document with five deals, as a busy article yields. Its
// deals are the same agreements as those of the documents with the same
// i/group (group 1: every document has its own deals).
func fiveDeals(i, group int) pipeline.Result {
	url := fmt.Sprintf("https://wire.example.com/2026/02/roundup-%d", i)
	text := fmt.Sprintf("Roundup number %d of mining and AI infrastructure contracts. ", i) + twText +
		" Cipher Mining agreed a $5.5 billion lease with AWS. Hut 8 signed a $7 billion lease with Anthropic. Core Scientific extended its hosting deal with CoreWeave."
	a := pipeline.Article{Title: fmt.Sprintf("Weekly roundup %d", i), PublishedAt: ptr(time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour)),
		Lang: "en", Text: text, TitleTokens: fmt.Sprintf("weekly roundup %d", i),
		TextTokens: "a weekly roundup of mining and ai infrastructure contracts terawulf signed a ten-year lease with fluidstack worth 3.7 billion google will backstop 1.8 billion cipher mining agreed a 5.5 billion lease with aws hut 8 signed a 7 billion lease with anthropic core scientific extended its hosting deal with coreweave"}
	deals := append(twDeals(),
		pipeline.Deal{Company: "Cipher Mining", Counterparty: "AWS", Kind: pipeline.KindLease, Amount: usd(5.5e9, "$5.5 billion"), Evidence: "Cipher Mining agreed a $5.5 billion lease with AWS.", Confidence: 0.8},
		pipeline.Deal{Company: "Hut 8", Counterparty: "Anthropic", Kind: pipeline.KindLease, Amount: usd(7e9, "$7 billion"), Evidence: "Hut 8 signed a $7 billion lease with Anthropic.", Confidence: 0.8},
		pipeline.Deal{Company: "Core Scientific", Counterparty: "CoreWeave", Kind: pipeline.KindHosting, Evidence: "Core Scientific extended its hosting deal with CoreWeave.", Confidence: 0.6},
	)
	for k := range deals {
		deals[k].Company = fmt.Sprintf("%s %d", deals[k].Company, i/group)
	}
	return result(url, "minewire", a, deals...)
}

// BenchmarkPut stores new five-deal documents.
func BenchmarkPut(b *testing.B) { benchPut(b, 1) }

// BenchmarkPutMerging stores five-deal documents whose deals are reported by
// eight sources each: every deal after the first of its group merges.
func BenchmarkPutMerging(b *testing.B) { benchPut(b, 8) }

func benchPut(b *testing.B, group int) {
	s, _ := openTest(b)
	docs := make([]pipeline.Result, b.N)
	for i := range docs {
		docs[i] = fiveDeals(i, group)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		if err := s.Put(context.Background(), docs[i]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPutUnchanged re-stores the same document (a re-crawl with no change).
func BenchmarkPutUnchanged(b *testing.B) {
	s, _ := openTest(b)
	r := fiveDeals(0, 1)
	put(b, s, r)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if err := s.Put(context.Background(), r); err != nil {
			b.Fatal(err)
		}
	}
}

// seedDeals writes articles × perArticle unmerged deals straight into the
// tables, much faster than Put, for the streaming tests.
func seedDeals(tb testing.TB, s *Store, articles, perArticle int) {
	tb.Helper()
	ctx := context.Background()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		tb.Fatal(err)
	}
	defer tx.Rollback()
	insA, err := tx.PrepareContext(ctx, `INSERT INTO articles (id, url, title, text, lang, source, published_at, fetched_at, content_hash)
		VALUES (?, ?, ?, ?, 'en', 'bulk', ?, ?, ?)`)
	if err != nil {
		tb.Fatal(err)
	}
	insD, err := tx.PrepareContext(ctx, `INSERT INTO deals (id, article_id, deal_json, company_lc, counterparty_lc, kind, amount_usd,
		published_at, extracted_at, sort_at, group_pub_at, group_sort_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		tb.Fatal(err)
	}
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range articles {
		url := fmt.Sprintf("https://bulk.example.com/a/%d", i)
		aid := pipeline.ArticleID(url)
		pub := nanos(base.Add(time.Duration(i) * time.Hour))
		if _, err := insA.ExecContext(ctx, aid, url, fmt.Sprintf("Article %d", i), twText, pub, pub, aid); err != nil {
			tb.Fatal(err)
		}
		for j := range perArticle {
			d := pipeline.Deal{Company: fmt.Sprintf("Miner %d", j), Counterparty: "Fluidstack", Kind: pipeline.KindLease,
				Amount: usd(float64(1+i)*1e6, "$1 million"), Evidence: twText, EvidenceSpan: [2]int{0, 60}, Confidence: 0.8}
			js, _ := json.Marshal(d)
			if _, err := insD.ExecContext(ctx, pipeline.DealID(aid, d), aid, string(js), norm(d.Company), "fluidstack", "lease",
				*d.Amount.USD, pub, pub, pub, pub, pub); err != nil {
				tb.Fatal(err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkDeals streams 100,000 deals per iteration.
func BenchmarkDeals(b *testing.B) {
	s, _ := openTest(b)
	seedDeals(b, s, 10000, 10)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		n := 0
		if err := s.Deals(context.Background(), pipeline.DealFilter{}, func(pipeline.DealRecord) error { n++; return nil }); err != nil {
			b.Fatal(err)
		}
		if n != 100000 {
			b.Fatalf("streamed %d deals, want 100000", n)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1e5, "ns/deal")
}

// TestDealsStreamsInBoundedMemory streams 100,000 deals and checks that the
// live heap stays flat while they go by.
func TestDealsStreamsInBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("seeds 100,000 deals")
	}
	s, _ := openTest(t)
	seedDeals(t, s, 10000, 10)
	live := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	base := live()
	var peak uint64
	n := 0
	var last time.Time
	err := s.Deals(context.Background(), pipeline.DealFilter{}, func(d pipeline.DealRecord) error {
		n++
		if n%10000 == 0 {
			peak = max(peak, live())
		}
		if !last.IsZero() && d.PublishedAt.After(last) {
			return fmt.Errorf("deal %d out of order", n)
		}
		last = *d.PublishedAt
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != 100000 {
		t.Fatalf("streamed %d deals, want 100000", n)
	}
	growth := int64(peak) - int64(base)
	t.Logf("live heap: base %d KiB, peak while streaming %d KiB", base>>10, peak>>10)
	if growth > 16<<20 {
		t.Errorf("live heap grew by %d MiB while streaming: deals are being held", growth>>20)
	}
}

// TestDealsCallbackError stops the stream and returns fn's error.
func TestDealsCallbackError(t *testing.T) {
	s, _ := openTest(t)
	seedDeals(t, s, 10, 3)
	stop := fmt.Errorf("enough")
	n := 0
	err := s.Deals(context.Background(), pipeline.DealFilter{}, func(pipeline.DealRecord) error {
		n++
		if n == 5 {
			return stop
		}
		return nil
	})
	if err != stop || n != 5 {
		t.Errorf("Deals = %v after %d rows, want %v after 5", err, n, stop)
	}
	// The store can be written while a stream is open (fn calling Put).
	err = s.Deals(context.Background(), pipeline.DealFilter{Limit: 1}, func(pipeline.DealRecord) error {
		return s.Put(context.Background(), enIREN())
	})
	if err != nil {
		t.Errorf("Put inside Deals: %v", err)
	}
}
