package deal

import (
	"os"
	"path/filepath"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/kozan-dev/kozan/extract/text"
)

// corpusCase is one answer-keyed passage of testdata/corpus_*.yaml.
type corpusCase struct {
	ID    string     `yaml:"id"`
	Title string     `yaml:"title"`
	Text  string     `yaml:"text"`
	Deals []goldDeal `yaml:"deals"`
}

func loadCorpus(t *testing.T, name string) []corpusCase {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatalf("read corpus: %v", err)
	}
	var cs []corpusCase
	if err := yaml.Unmarshal(b, &cs); err != nil {
		t.Fatalf("parse %s: %v", name, err)
	}
	return cs
}

// Floors for the corpus scores: set just under what the rules achieve, so a
// regression fails the build.
const (
	corpusMinPrecision = 0.97
	corpusMinRecall    = 0.97
)

func TestCorpus(t *testing.T) {
	x := newExtractor(t)
	for _, file := range []string{"corpus_en.yaml", "corpus_ja.yaml"} {
		t.Run(file, func(t *testing.T) {
			cases := loadCorpus(t, file)
			if len(cases) < 30 {
				t.Fatalf("%s has %d passages, want at least 30", file, len(cases))
			}
			var tp, npred, ngold, kindOK int
			for _, c := range cases {
				txt := text.Normalize(c.Text)
				res := x.Extract(text.Normalize(c.Title), txt)
				checkResult(t, txt, res)
				ctp, fps, fns := score(x.gaz, res.Deals, c.Deals)
				tp += ctp
				npred += len(res.Deals)
				ngold += len(c.Deals)
				for _, d := range res.Deals {
					for _, g := range c.Deals {
						if g.Kind == string(d.Kind) {
							kindOK++
							break
						}
					}
				}
				for _, d := range fps {
					t.Logf("%s: false positive: %s", c.ID, describe(d))
				}
				for _, g := range fns {
					t.Logf("%s: missed: %s", c.ID, describeGold(g))
				}
				if *verbose {
					for _, d := range res.Deals {
						t.Logf("%s: deal: %s", c.ID, describe(d))
					}
				}
			}
			p, r := prf(tp, npred, ngold)
			t.Logf("%s: precision %.3f recall %.3f (tp %d, predicted %d, gold %d; kinds right %d)", file, p, r, tp, npred, ngold, kindOK)
			if p < corpusMinPrecision || r < corpusMinRecall {
				t.Errorf("%s: precision %.3f recall %.3f, want >= %.2f / %.2f", file, p, r, corpusMinPrecision, corpusMinRecall)
			}
		})
	}
}
