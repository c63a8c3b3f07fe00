package sqlite

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/kozan-dev/kozan/pipeline"
)

// clock is a settable test clock.
type clock struct{ t time.Time }

func (c *clock) Now() time.Time                 { return c.t }
func (c *clock) Advance(d time.Duration)        { c.t = c.t.Add(d) }
func newClock() *clock                          { return &clock{t: time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC)} }
func ptr[T any](v T) *T                         { return &v }
func day(y int, m time.Month, d int) *time.Time { return ptr(time.Date(y, m, d, 0, 0, 0, 0, time.UTC)) }

// openTest opens a fresh store in a temporary directory.
func openTest(t testing.TB) (*Store, *clock) {
	t.Helper()
	c := newClock()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "kozan.db"), Options{Now: c.Now})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, c
}

// put stores r or fails the test.
func put(t testing.TB, s *Store, r pipeline.Result) {
	t.Helper()
	if err := s.Put(context.Background(), r); err != nil {
		t.Fatalf("Put(%s): %v", r.Page.URL, err)
	}
}

// usd is an amount in US dollars.
func usd(v float64, text string) *pipeline.Amount {
	return &pipeline.Amount{Value: v, Currency: "USD", Text: text, USD: ptr(v)}
}

// result wraps an article and deals in a Result as the pipeline makes it.
func result(url, source string, a pipeline.Article, deals ...pipeline.Deal) pipeline.Result {
	a.URL = url
	a.Source = source
	return pipeline.Result{
		Page: pipeline.Page{URL: url, FetchURL: url, Source: source, Status: 200, ETag: `"v1"`,
			LastMod: "Sat, 10 Jan 2026 01:00:00 GMT", FetchedAt: time.Date(2026, 2, 1, 8, 0, 0, 0, time.UTC)},
		Doc: &pipeline.Document{Source: url, Article: a, Deals: deals},
	}
}

// The fixtures below are written for these tests; any resemblance in wording
// to real reports is only in the kind of facts they carry.

const (
	jaURL  = "https://news.example.jp/articles/1001"
	enURL  = "https://wire.example.com/2026/01/iren-microsoft-cloud"
	en2URL = "https://wire.example.com/2026/01/iren-microsoft-expansion"
	twURL  = "https://wire.example.com/2026/01/terawulf-fluidstack"
)

// jaIREN is a Japanese report of IREN's cloud contract with Microsoft.
func jaIREN() pipeline.Result {
	text := "ビットコインマイニング大手のIRENは10日、Microsoftとの間で約37億ドル規模のAIクラウド契約を結んだと発表した。" +
		"契約期間は5年で、テキサス州の拠点にGPUを設置する。同社の株価は発表後に12%上昇した。"
	a := pipeline.Article{
		Title:       "IRENがマイクロソフトとAIクラウド契約、約37億ドル",
		PublishedAt: day(2026, 1, 10),
		Lang:        "ja",
		Text:        text,
		TitleTokens: "IREN が マイクロソフト と AI クラウド 契約 、 約 37 億 ドル",
		TextTokens: "ビットコイン マイニング 大手 の IREN は 10 日 、 Microsoft と の 間 で 約 37 億 ドル 規模 の AI クラウド 契約 を 結ん だ と 発表 し た 。 " +
			"契約 期間 は 5 年 で 、 テキサス 州 の 拠点 に GPU を 設置 する 。 同社 の 株価 は 発表 後 に 12 % 上昇 し た 。",
	}
	amt := usd(3.7e9, "約37億ドル")
	amt.Approx, amt.Qualifier = true, pipeline.QualAbout
	return result(jaURL, "nikkan-mining", a, pipeline.Deal{
		Company: "IREN", Counterparty: "Microsoft", Kind: pipeline.KindHPCContract, Amount: amt,
		TermYears: ptr(5.0), Evidence: "ビットコインマイニング大手のIRENは10日、Microsoftとの間で約37億ドル規模のAIクラウド契約を結んだと発表した。",
		EvidenceSpan: [2]int{0, 160}, Confidence: 0.9, Rule: "ja_contract",
	})
}

// enIREN is an English report of the same contract, a day earlier.
func enIREN() pipeline.Result {
	text := "Bitcoin miner IREN said on Friday it had signed a five-year AI cloud services contract with Microsoft worth $3.7 billion. " +
		"The company will install GPUs at its Texas campus. Its shares rose 12% after the announcement."
	a := pipeline.Article{
		Title:       "IREN signs $3.7 billion AI cloud deal with Microsoft",
		PublishedAt: day(2026, 1, 9),
		Lang:        "en",
		Text:        text,
		TitleTokens: "iren signs 3.7 billion ai cloud deal with microsoft",
		TextTokens: "bitcoin miner iren said on friday it had signed a five-year ai cloud services contract with microsoft worth 3.7 billion " +
			"the company will install gpus at its texas campus its shares rose 12 after the announcement",
	}
	return result(enURL, "minewire", a, pipeline.Deal{
		Company: "IREN", Counterparty: "Microsoft", Kind: pipeline.KindHPCContract, Amount: usd(3.7e9, "$3.7 billion"),
		TermYears: ptr(5.0), Evidence: "Bitcoin miner IREN said on Friday it had signed a five-year AI cloud services contract with Microsoft worth $3.7 billion.",
		Confidence: 0.9, Rule: "en_contract",
	})
}

// en2IREN is a different, larger agreement between the same parties.
func en2IREN() pipeline.Result {
	text := "IREN and Microsoft agreed a second contract worth $9.7 billion covering a new campus in Oklahoma. " +
		"Deliveries of the first GPUs are planned for the autumn."
	a := pipeline.Article{
		Title: "IREN and Microsoft expand their partnership", PublishedAt: day(2026, 1, 20), Lang: "en", Text: text,
		TitleTokens: "iren and microsoft expand their partnership",
		TextTokens:  "iren and microsoft agreed a second contract worth 9.7 billion covering a new campus in oklahoma deliveries of the first gpus are planned for the autumn",
	}
	return result(en2URL, "minewire", a, pipeline.Deal{
		Company: "IREN", Counterparty: "Microsoft", Kind: pipeline.KindHPCContract, Amount: usd(9.7e9, "$9.7 billion"),
		Evidence: "IREN and Microsoft agreed a second contract worth $9.7 billion covering a new campus in Oklahoma.", Confidence: 0.85,
	})
}

// twDeals are two deals of one English article.
func twDeals() []pipeline.Deal {
	return []pipeline.Deal{
		{Company: "TeraWulf", Counterparty: "Fluidstack", Kind: pipeline.KindLease, Amount: usd(3.7e9, "$3.7 billion"),
			TermYears: ptr(10.0), Evidence: "TeraWulf signed a ten-year lease with Fluidstack worth $3.7 billion.", Confidence: 0.8},
		{Company: "Google", Counterparty: "Fluidstack", Kind: pipeline.KindBackstop, Amount: usd(1.8e9, "$1.8 billion"),
			Evidence: "Google will backstop $1.8 billion of Fluidstack's obligations.", Confidence: 0.7},
	}
}

// twResult is the TeraWulf article with the given text and deals.
func twResult(text string, deals ...pipeline.Deal) pipeline.Result {
	a := pipeline.Article{
		Title: "TeraWulf leases its Lake Mariner campus to Fluidstack", PublishedAt: day(2026, 1, 15), Lang: "en", Text: text,
		TitleTokens: "terawulf leases its lake mariner campus to fluidstack",
		TextTokens:  "terawulf signed a ten-year lease with fluidstack worth 3.7 billion google will backstop 1.8 billion",
	}
	return result(twURL, "minewire", a, deals...)
}

const twText = "TeraWulf signed a ten-year lease with Fluidstack worth $3.7 billion. Google will backstop $1.8 billion of Fluidstack's obligations."
