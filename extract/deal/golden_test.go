package deal

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/kozan-dev/kozan/extract/text"
	"github.com/kozan-dev/kozan/pipeline"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json")

// TestGolden pins the full extraction output (deals with kinds, terms,
// capacities, evidence spans, rules) of the answer-keyed corpus, so any
// behaviour change shows up in review. Run with -update to accept changes.
func TestGolden(t *testing.T) {
	x := newExtractor(t)
	for _, name := range []string{"corpus_en", "corpus_ja"} {
		t.Run(name, func(t *testing.T) {
			type out struct {
				ID    string          `json:"id"`
				Deals []pipeline.Deal `json:"deals"`
			}
			var got []out
			for _, c := range loadCorpus(t, name+".yaml") {
				res := x.Extract(text.Normalize(c.Title), text.Normalize(c.Text))
				got = append(got, out{ID: c.ID, Deals: res.Deals})
			}
			b, err := json.MarshalIndent(got, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			b = append(b, '\n')
			path := filepath.Join("testdata", name+".golden.json")
			if *update {
				if err := os.WriteFile(path, b, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("read golden (run with -update): %v", err)
			}
			if !bytes.Equal(b, want) {
				t.Errorf("%s differs from the extraction; run go test -run TestGolden -update and review the diff", path)
			}
		})
	}
}
