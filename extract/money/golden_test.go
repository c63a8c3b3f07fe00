package money

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// goldenAmount is the reviewable part of an amount.
type goldenAmount struct {
	Text      string   `json:"text"`
	Value     float64  `json:"value"`
	Max       float64  `json:"max,omitempty"`
	Currency  string   `json:"currency"`
	Qualifier string   `json:"qualifier,omitempty"`
	Approx    bool     `json:"approx,omitempty"`
	USD       *float64 `json:"usd"`
	Span      [2]int   `json:"span"`
}

// TestGolden runs Find on every passage of testdata/corpus.txt and compares
// the amounts with testdata/corpus.golden.json (go test -update rewrites it).
func TestGolden(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "corpus.txt"))
	if err != nil {
		t.Fatal(err)
	}
	p := New(Config{FXUSD: map[string]float64{"JPY": 0.0067, "EUR": 1.08, "GBP": 1.27, "CNY": 0.14, "HKD": 0.128}})
	type entry struct {
		Passage string         `json:"passage"`
		Amounts []goldenAmount `json:"amounts"`
	}
	var got []entry
	for _, line := range strings.Split(string(raw), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		e := entry{Passage: line, Amounts: []goldenAmount{}}
		for _, a := range p.Find(line) {
			e.Amounts = append(e.Amounts, goldenAmount{a.Text, a.Value, a.Max, a.Currency, a.Qualifier, a.Approx, a.USD, a.Span})
		}
		got = append(got, e)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(got); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "corpus.golden.json")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		gotLines, wantLines := strings.Split(buf.String(), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gotLines) && i < len(wantLines); i++ {
			if gotLines[i] != wantLines[i] {
				t.Fatalf("golden mismatch at line %d:\n got  %s\n want %s\n(go test -update rewrites %s)", i+1, gotLines[i], wantLines[i], golden)
			}
		}
		t.Fatalf("golden mismatch: %d lines, want %d", len(gotLines), len(wantLines))
	}
}
