package review

import (
	"time"

	"github.com/kozan-dev/kozan/pipeline"
)

func ptr[T any](v T) *T { return &v }

func at(s string) *time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return &t
}

// fixtureDeals are deals of this package's own writing: Japanese and
// English, a merged deal, a reviewed one, amounts with and without USD, and
// one whose text tries formula injection in every guarded way.
func fixtureDeals() []pipeline.DealRecord {
	jst := time.FixedZone("JST", 9*3600)
	pub1 := time.Date(2026, 11, 17, 9, 30, 0, 0, jst)
	pub2 := time.Date(2026, 11, 18, 14, 0, 0, 0, time.UTC)
	pub4 := time.Date(2026, 11, 19, 0, 15, 0, 0, jst)
	ext := time.Date(2026, 11, 20, 3, 0, 0, 0, time.UTC)
	recs := []pipeline.DealRecord{
		{
			Deal: pipeline.Deal{
				Company: "Bitfarms", Counterparty: "Nebula Compute", Kind: pipeline.KindLease,
				Amount: &pipeline.Amount{Value: 3.7e9, Currency: "USD", Approx: true, Qualifier: pipeline.QualAbout,
					Text: "約37億ドル", USD: ptr(3.7e9), Span: [2]int{40, 54}},
				TermYears:  ptr(10.0),
				CapacityMW: ptr(220.0),
				Evidence:   "Bitfarmsは米データセンター運営のNebula Computeと約37億ドル、期間10年のリース契約を結んだと発表した。",
				Confidence: 0.92, Rule: "ja_contract",
			},
			ArticleID: "a1", URL: "https://news.example.jp/articles/101",
			Title: "Bitfarms、AI向けに約37億ドルのリース契約", Source: "example-ja", Lang: "ja",
			PublishedAt: &pub1, ExtractedAt: ext,
			Review: pipeline.Review{Status: pipeline.StatusPending},
			URLs:   []string{"https://news.example.jp/articles/101", "https://wire.example.com/bitfarms-nebula-lease"},
		},
		{
			Deal: pipeline.Deal{
				Company: "Hut 8", Counterparty: "Northwind Cloud", Kind: pipeline.KindHosting,
				Amount:     &pipeline.Amount{Value: 1.25e9, Currency: "USD", Text: "$1.25 billion", USD: ptr(1.25e9)},
				Evidence:   `Hut 8 said it signed a $1.25 billion, 15-year hosting agreement with Northwind Cloud, "its largest yet".`,
				Confidence: 0.88,
			},
			ArticleID: "a2", URL: "https://wire.example.com/hut8-northwind",
			Title: "Hut 8 lands $1.25 billion hosting deal", Source: "example-en", Lang: "en",
			PublishedAt: &pub2, ExtractedAt: ext,
			Review: pipeline.Review{Status: pipeline.StatusApproved, Note: "confirmed in the 8-K", Reviewer: "mika",
				ReviewedAt: at("2026-11-20T08:15:30.123456789Z")},
		},
		{
			Deal: pipeline.Deal{
				Company: `=HYPERLINK("http://evil.example/","click")`, Counterparty: "+cmd|' /C calc'!A0",
				Kind: pipeline.KindOther, Evidence: "-1+1 is what a spreadsheet would compute here",
				Confidence: 0.5,
			},
			ArticleID: "a3", URL: "https://wire.example.com/odd", Title: "\tTabbed title", Source: "example-en", Lang: "en",
			ExtractedAt: ext,
			Review:      pipeline.Review{Status: pipeline.StatusRejected, Note: "@SUM(A1:A9)", Reviewer: "\rcr", ReviewedAt: at("2026-11-20T09:00:00Z")},
		},
		{
			Deal: pipeline.Deal{
				Company: "マイニング東海", Counterparty: "", Kind: pipeline.KindFinancing,
				Amount:     &pipeline.Amount{Value: 1.685e8, Currency: "JPY", Text: "1億6850万円", USD: ptr(1128950.5)},
				Evidence:   "マイニング東海は地方銀行から1億6850万円の融資を受けた。",
				Confidence: 0.81,
			},
			ArticleID: "a4", URL: "https://news.example.jp/articles/104", Title: "マイニング東海が融資", Source: "example-ja", Lang: "ja",
			PublishedAt: &pub4, ExtractedAt: ext,
		},
		{
			Deal: pipeline.Deal{
				Company: "Bitfarms", Counterparty: "Satoshi Traders", Kind: pipeline.KindAssetSale,
				Amount:     &pipeline.Amount{Value: 0.5, Currency: "BTC", Text: "0.5 BTC"},
				Evidence:   "Bitfarms sold rigs to Satoshi Traders for 0.5 BTC.",
				Confidence: 0.6,
			},
			ArticleID: "a5", URL: "https://wire.example.com/rigs", Title: "Rig sale", Source: "example-en", Lang: "en",
			PublishedAt: &pub2, ExtractedAt: ext,
			Review: pipeline.Review{Status: pipeline.StatusPending},
		},
	}
	for i := range recs {
		recs[i].ID = pipeline.DealID(recs[i].ArticleID, recs[i].Deal)
		recs[i].ArticleID = pipeline.ArticleID(recs[i].URL)
	}
	return recs
}

// eachOf streams a slice.
func eachOf(recs []pipeline.DealRecord) Each {
	return func(fn func(pipeline.DealRecord) error) error {
		for _, r := range recs {
			if err := fn(r); err != nil {
				return err
			}
		}
		return nil
	}
}
