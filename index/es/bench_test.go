package es

import (
	"context"
	"fmt"
	"testing"

	"github.com/kozan-dev/kozan/pipeline"
)

// batch makes n outbox items: one article per three deals.
func batch(n int) []pipeline.OutboxItem {
	base := demoItems()
	var out []pipeline.OutboxItem
	for i := 0; len(out) < n; i++ {
		a := *base[i%2].Article
		a.URL = fmt.Sprintf("%s?n=%d", a.URL, i)
		a.ID = pipeline.ArticleID(a.URL)
		out = append(out, pipeline.OutboxItem{Seq: int64(len(out) + 1), Kind: pipeline.OutboxArticle, ID: a.ID, Article: &a})
		for k := 0; k < 3 && len(out) < n; k++ {
			d := dealRecord(&a, fmt.Sprintf("Miner %d", k), "Cloud Co", pipeline.KindHPCContract, float64(k+1)*1e8, pipeline.Review{})
			out = append(out, pipeline.OutboxItem{Seq: int64(len(out) + 1), Kind: pipeline.OutboxDeal, ID: d.ID, Deal: d})
		}
	}
	return out
}

func BenchmarkPrepare(b *testing.B) {
	f := newFakeES(b)
	c := newTestClient(b, f, Options{})
	items := batch(100)
	b.ReportAllocs()
	for b.Loop() {
		for _, it := range items {
			if _, err := c.prepare(it); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkIndex500 sends 500 items through the real client and
// BulkIndexer to the in-memory fake (loopback HTTP), per iteration.
func BenchmarkIndex500(b *testing.B) {
	f := newFakeES(b)
	c := newTestClient(b, f, Options{})
	ctx := context.Background()
	if _, err := c.Setup(ctx); err != nil {
		b.Fatal(err)
	}
	items := batch(500)
	b.ReportAllocs()
	for b.Loop() {
		rep, err := c.Index(ctx, items)
		if err != nil || len(rep.Acked) != len(items) {
			b.Fatalf("%+v %v", rep, err)
		}
	}
}
