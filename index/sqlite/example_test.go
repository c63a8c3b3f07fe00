package sqlite_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/kozan-dev/kozan/index/sqlite"
	"github.com/kozan-dev/kozan/pipeline"
)

func Example() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "kozan-example")
	defer os.RemoveAll(dir)
	s, err := sqlite.Open(ctx, filepath.Join(dir, "kozan.db"), sqlite.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()

	pub := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	usd := 5.5e9
	url := "https://news.example.com/cipher-aws"
	err = s.Put(ctx, pipeline.Result{
		Page: pipeline.Page{URL: url, Source: "example", FetchedAt: pub},
		Doc: &pipeline.Document{Article: pipeline.Article{
			URL: url, Title: "Cipher Mining leases a campus to AWS", PublishedAt: &pub, Lang: "en", Source: "example",
			Text:        "Cipher Mining signed a 15-year lease with AWS worth $5.5 billion. Shares rose.",
			TitleTokens: "cipher mining leases a campus to aws",
			TextTokens:  "cipher mining signed a 15-year lease with aws worth 5.5 billion shares rose",
		}, Deals: []pipeline.Deal{{
			Company: "Cipher Mining", Counterparty: "AWS", Kind: pipeline.KindLease,
			Amount:   &pipeline.Amount{Value: usd, Currency: "USD", Text: "$5.5 billion", USD: &usd},
			Evidence: "Cipher Mining signed a 15-year lease with AWS worth $5.5 billion.",
		}}},
	})
	if err != nil {
		log.Fatal(err)
	}
	err = s.Deals(ctx, pipeline.DealFilter{Company: "aws"}, func(d pipeline.DealRecord) error {
		fmt.Println(d.Company, d.Counterparty, d.Kind, d.Amount.Text, d.Review.Status)
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
	hits, err := s.Search(ctx, "aws lease", 10)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(hits[0].Snippet)
	// Output:
	// Cipher Mining AWS lease $5.5 billion pending
	// Cipher Mining signed a 15-year [lease] with [AWS] worth $5.5 billion.
}
