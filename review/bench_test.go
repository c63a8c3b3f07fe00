package review

import (
	"bytes"
	"context"
	"io"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kozan-dev/kozan/pipeline"
)

// syntheticDeals streams n made-up deals, built one at a time so the
// source itself holds nothing: 60 companies, 12 sources, about three deals
// per article, every fourth merged across two URLs.
func syntheticDeals(n int) Each {
	companies := make([]string, 60)
	for i := range companies {
		companies[i] = "Miner " + strconv.Itoa(i)
	}
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	return func(fn func(pipeline.DealRecord) error) error {
		for i := range n {
			usd := float64(1+i%900) * 1e7
			art := "https://news.example.com/" + strconv.Itoa(i/3)
			pub := base.Add(time.Duration(i) * time.Minute)
			r := pipeline.DealRecord{
				Deal: pipeline.Deal{
					Company:      companies[i%len(companies)],
					Counterparty: pipeline.NullString("Cloud " + strconv.Itoa(i%37)),
					Kind:         pipeline.Kinds[i%len(pipeline.Kinds)],
					Amount:       &pipeline.Amount{Value: usd, Currency: "USD", Text: "$" + strconv.Itoa(int(usd)), USD: &usd},
					Evidence: "Miner " + strconv.Itoa(i%60) + " signed a multi-year agreement worth $" +
						strconv.Itoa(int(usd/1e6)) + " million with Cloud " + strconv.Itoa(i%37) + " to host AI compute at its Texas site.",
					Confidence: 0.8,
				},
				ID:          strconv.FormatUint(uint64(i)*0x9E3779B97F4A7C15, 16),
				ArticleID:   art,
				URL:         art,
				Title:       "Miner signs AI hosting deal " + strconv.Itoa(i),
				Source:      "source-" + strconv.Itoa(i%12),
				Lang:        [2]string{"en", "ja"}[i%2],
				PublishedAt: &pub,
				ExtractedAt: pub,
				Review:      pipeline.Review{Status: pipeline.StatusPending},
			}
			if i%4 == 0 {
				r.URLs = []string{art, "https://wire.example.jp/" + strconv.Itoa(i)}
			}
			if err := fn(r); err != nil {
				return err
			}
		}
		return nil
	}
}

// peakHeap samples HeapAlloc until stop is called and returns the highest
// value seen, in bytes.
func peakHeap() (stop func() uint64) {
	var (
		peak atomic.Uint64
		done = make(chan struct{})
		wg   sync.WaitGroup
	)
	sample := func() {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		if ms.HeapAlloc > peak.Load() {
			peak.Store(ms.HeapAlloc)
		}
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				sample()
			}
		}
	}()
	return func() uint64 {
		close(done)
		wg.Wait()
		sample()
		return peak.Load()
	}
}

// countingWriter counts bytes and drops them.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

func benchmarkExport(b *testing.B, format string, n int) {
	b.ReportAllocs()
	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	stop := peakHeap()
	var out countingWriter
	start := time.Now()
	for b.Loop() {
		out = countingWriter{}
		got, err := Export(context.Background(), &out, format, syntheticDeals(n))
		if err != nil || got != n {
			b.Fatalf("Export = %d, %v", got, err)
		}
	}
	elapsed := time.Since(start)
	peak := stop()
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
	b.ReportMetric(float64(base.HeapAlloc)/(1<<20), "base-heap-MiB")
	b.ReportMetric(float64(out.n)/(1<<20), "out-MiB")
	b.ReportMetric(float64(n)*float64(b.N)/elapsed.Seconds(), "deals/s")
}

var _ io.Writer = (*countingWriter)(nil)

// BenchmarkExportCSV100k exports 100,000 deals to CSV.
func BenchmarkExportCSV100k(b *testing.B) { benchmarkExport(b, "csv", 100_000) }

// BenchmarkExportXLSX100k exports 100,000 deals to XLSX.
func BenchmarkExportXLSX100k(b *testing.B) { benchmarkExport(b, "xlsx", 100_000) }

// BenchmarkExportJSONL100k exports 100,000 deals to JSONL.
func BenchmarkExportJSONL100k(b *testing.B) { benchmarkExport(b, "jsonl", 100_000) }

// BenchmarkExportCSV1k and BenchmarkExportXLSX1k are a week's export.
func BenchmarkExportCSV1k(b *testing.B)  { benchmarkExport(b, "csv", 1000) }
func BenchmarkExportXLSX1k(b *testing.B) { benchmarkExport(b, "xlsx", 1000) }

// benchmarkImport reads back an unedited export of n deals with real ids.
func benchmarkImport(b *testing.B, format string, n int) {
	inner := syntheticDeals(n)
	withIDs := func(fn func(pipeline.DealRecord) error) error {
		i := 0
		return inner(func(r pipeline.DealRecord) error {
			r.ID = pipeline.DealID(strconv.Itoa(i), r.Deal)
			i++
			return fn(r)
		})
	}
	var buf bytes.Buffer
	if _, err := Export(context.Background(), &buf, format, withIDs); err != nil {
		b.Fatal(err)
	}
	read := ImportCSV
	if format == "xlsx" {
		read = ImportXLSX
	}
	b.ReportAllocs()
	for b.Loop() {
		ups, err := read(bytes.NewReader(buf.Bytes()))
		if err != nil || len(ups) != n {
			b.Fatalf("import = %d updates, %v", len(ups), err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkImportCSV5k and BenchmarkImportXLSX5k read a large review file.
func BenchmarkImportCSV5k(b *testing.B)  { benchmarkImport(b, "csv", 5000) }
func BenchmarkImportXLSX5k(b *testing.B) { benchmarkImport(b, "xlsx", 5000) }
