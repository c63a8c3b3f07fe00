package eval

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kozan-dev/kozan/extract/deal"
	"github.com/kozan-dev/kozan/extract/money"
	"github.com/kozan-dev/kozan/pipeline"
)

func TestLoad(t *testing.T) {
	tests := []struct {
		name, in string
		ids      []string
		err      string
	}{
		{"json lines", `{"id":"a","lang":"en","deals":[]}` + "\n" + `{"id":"b","lang":"ja","deals":[]}` + "\n", []string{"a", "b"}, ""},
		{"one object over lines (seed form)", "{\n \"doc\": \"x.txt\",\n \"lang\": \"ja\",\n \"deals\": [],\n \"amounts_not_deals\": [{\"amount\": 5, \"currency\": \"USD\", \"why\": \"w\"}],\n \"companies\": {\"A\": [\"a\"]}\n}\n", []string{"x"}, ""},
		{"unknown key names its line", `{"id":"a","lang":"en","deals":[]}` + "\n" + `{"id":"b","lang":"en","deal":[]}` + "\n", nil, `line 2: json: unknown field "deal"`},
		{"syntax error names its line", `{"id":"a","lang":"en","deals":[]}` + "\n\n" + `{"id":"b",,}` + "\n", nil, "line 3:"},
		{"duplicate id", `{"id":"a","lang":"en"}` + "\n" + `{"id":"a","lang":"en"}` + "\n", nil, `line 2: id "a" already used on line 1`},
		{"missing id", `{"lang":"en"}`, nil, "line 1: record without id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, err := Load(strings.NewReader(tt.in))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, r := range recs {
				ids = append(ids, r.ID)
			}
			if fmt.Sprint(ids) != fmt.Sprint(tt.ids) {
				t.Errorf("ids = %v, want %v", ids, tt.ids)
			}
		})
	}
	recs, _ := Load(strings.NewReader(tests[1].in))
	if r := recs[0]; len(r.NotDeals) != 1 || r.TextFile() != "x.txt" || r.Companies["A"][0] != "a" {
		t.Errorf("seed form = %+v", r)
	}
}

// fakeExtractor returns fixed deals per text.
type fakeExtractor map[string][]pipeline.Deal

func (f fakeExtractor) Text(source, _, body, lang string) pipeline.Document {
	return pipeline.Document{Source: source, Article: pipeline.Article{Lang: "en", Text: body}, Deals: f[source]}
}

func TestRunSkipsMissingAndChangedTexts(t *testing.T) {
	recs, err := LoadFile(filepath.Join("testdata", "key", "key.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("testdata", "key")
	recs = append(recs, Record{ID: "k4", Lang: "en", SHA256: "ab"}) // no k4.txt
	usd := func(v float64) *pipeline.Amount { return &pipeline.Amount{Value: v, Currency: "USD"} }
	x := fakeExtractor{
		"k1": {{Company: "Northwind Hashing", Counterparty: "Bluepeak AI", Amount: usd(1.2e9), Kind: "lease"}},
		"k2": {{Company: "Stonefield Mining", Amount: usd(1.2e7), Kind: "other"}},
	}
	s, _ := NewScorer(Options{})
	rep, err := Run(context.Background(), x, s, recs, dir)
	if err != nil {
		t.Fatal(err)
	}
	var skipped []string
	for _, sk := range rep.Skipped {
		skipped = append(skipped, sk.Record+":"+string(sk.Status))
	}
	if got, want := fmt.Sprint(skipped), "[k3:changed k4:missing]"; got != want {
		t.Errorf("skipped = %s, want %s", got, want)
	}
	all := *rep.Scores["all"]
	if want := (Tally{Excerpts: 2, TP: 1, FP: 1, KindOK: 1}); all != want {
		t.Errorf("all = %+v, want %+v", all, want)
	}
	if d, ts := rep.Scores["dev"], rep.Scores["test/en"]; d == nil || d.TP != 1 || ts == nil || ts.FP != 1 {
		t.Errorf("split scores = %v %v", d, ts)
	}
	if n := rep.ErrorCounts(); n[NotDeal] != 1 || len(rep.Errors) != 1 {
		t.Errorf("errors = %+v", rep.Errors)
	}

	var table, scoresOnly, js bytes.Buffer
	if err := WriteTable(&table, &rep, PrintOptions{Explain: true}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"skipped k3: changed", "skipped k4: missing", "not_deal_figure (1)", "(not a deal: revenue)", "== k2 [en test] https://example.test/b"} {
		if !strings.Contains(table.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, table.String())
		}
	}
	if err := WriteTable(&scoresOnly, &rep, PrintOptions{ScoresOnly: true}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(scoresOnly.String(), "Stonefield") || !strings.Contains(scoresOnly.String(), "not_deal_figure 1") {
		t.Errorf("--scores-only printed text or no counts:\n%s", scoresOnly.String())
	}
	if err := WriteJSON(&js, &rep, PrintOptions{}); err != nil {
		t.Fatal(err)
	}
	types := map[string]int{}
	for _, line := range strings.Split(strings.TrimSpace(js.String()), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("bad JSON line %q: %v", line, err)
		}
		types[m["type"].(string)]++
		if m["type"] == "error" && (m["record"] != "k2" || m["class"] != "not_deal_figure") {
			t.Errorf("error line = %s", line)
		}
		if m["type"] == "score" && m["group"] == "all" && m["precision"] != 0.5 {
			t.Errorf("score line = %s", line)
		}
	}
	if types["skipped"] != 2 || types["error"] != 1 || types["score"] < 3 {
		t.Errorf("JSON line types = %v", types)
	}
}

func TestCheck(t *testing.T) {
	dir := filepath.Join("testdata", "key")
	p := money.New(money.Config{})
	problems := func(file string) []string {
		recs, err := LoadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range recs {
			for _, pr := range Check(r, ReadText(dir, r), p) {
				out = append(out, pr.Record+": "+pr.Msg)
			}
		}
		return out
	}
	got := problems("key.jsonl")
	if len(got) != 1 || !strings.Contains(got[0], "k3: text changed") {
		t.Errorf("key.jsonl problems = %q, want only k3's changed text", got)
	}
	got = problems("bad.jsonl")
	for _, want := range []string{
		`kind "rental" is not one of`,
		`evidence "a lease it never signed" is not in the text`,
		"deal 1 amount 1300000000 USD is no money mention of the text",
		`money "$1.2 billion" (1200000000 USD) is not accounted for`,
		`money "$48.5 million" (48500000 USD) is not accounted for`,
		`money "about ¥180 billion" (180000000000 JPY) is not accounted for`,
	} {
		found := false
		for _, g := range got {
			found = found || strings.Contains(g, want)
		}
		if !found {
			t.Errorf("bad.jsonl: no problem %q in %q", want, got)
		}
	}
}

func TestReadTextStatuses(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("hello"), 0o644); err != nil {
		t.Fatal(err)
	}
	const helloSum = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
	tests := []struct {
		rec  Record
		want TextStatus
	}{
		{Record{ID: "a", SHA256: helloSum}, TextOK},
		{Record{ID: "a", SHA256: strings.ToUpper(helloSum)}, TextOK},
		{Record{ID: "a"}, TextUnverified},
		{Record{ID: "a", SHA256: "00"}, TextChanged},
		{Record{ID: "b", SHA256: helloSum}, TextMissing},
	}
	for _, tt := range tests {
		if got := ReadText(dir, tt.rec); got.Status != tt.want || (got.Status.Scorable() != (got.Err == nil)) {
			t.Errorf("%+v: status %s (err %v), want %s", tt.rec, got.Status, got.Err, tt.want)
		}
	}
}

// failingExtractor's deal rules fail on every text (Result.Err).
type failingExtractor struct{ fakeExtractor }

func (f failingExtractor) TextExplained(source, title, body, lang string) (pipeline.Document, deal.Result) {
	return f.Text(source, title, body, lang), deal.Result{Err: errors.New("deal rules failed on this text (a bug): boom")}
}

// TestRunReportsFailedExtraction: a text the rules failed on is reported
// as failed, never scored as a text without deals.
func TestRunReportsFailedExtraction(t *testing.T) {
	recs, err := LoadFile(filepath.Join("testdata", "key", "key.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	s, _ := NewScorer(Options{})
	rep, err := Run(context.Background(), failingExtractor{fakeExtractor{}}, s, recs, filepath.Join("testdata", "key"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Results) != 0 {
		t.Errorf("%d records scored, want none", len(rep.Results))
	}
	failed := 0
	for _, sk := range rep.Skipped {
		if sk.Status == TextFailed && strings.Contains(sk.Reason, "boom") {
			failed++
		}
	}
	if failed == 0 {
		t.Errorf("no record reported as failed: %+v", rep.Skipped)
	}
}

// TestFigureNearZero: a figure of zero ("dividend 0.00円") is near only a
// zero amount, not every amount without a range.
func TestFigureNearZero(t *testing.T) {
	zero := pipeline.Amount{Value: 0, Currency: "JPY"}
	five := pipeline.Amount{Value: 5e6, Currency: "JPY"}
	if !figureNear(&zero, 0, "JPY", 0.005) {
		t.Error("0 JPY is not near 0 JPY")
	}
	if figureNear(&five, 0, "JPY", 0.005) {
		t.Error("5,000,000 JPY is near 0 JPY")
	}
	if figureNear(&zero, 5e6, "JPY", 0.005) {
		t.Error("0 JPY is near 5,000,000 JPY")
	}
}
