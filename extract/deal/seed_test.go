package deal

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kozan-dev/kozan/extract/org"
	"github.com/kozan-dev/kozan/extract/text"
	"github.com/kozan-dev/kozan/pipeline"
)

var verbose = flag.Bool("deals", false, "print the deals the scorer sees")

// goldDeal is one expected deal: the gold.json and testdata format.
type goldDeal struct {
	Company      string   `json:"company"`
	Counterparty *string  `json:"counterparty"`
	Amount       *float64 `json:"amount"`
	Currency     *string  `json:"currency"`
	Kind         string   `json:"kind,omitempty"`
}

// score matches predicted deals to gold ones: both parties match in either
// order (a null gold counterparty matches only a null one, as in
// shared/realnews/ANNOTATION.md and kozan eval) and the amount is within 1%
// in the same currency (a null gold amount matches any amount). Names are
// compared through the gazetteer's canonical names. It returns true
// positives, predictions and gold counts, and the unmatched of each.
func score(g *org.Gazetteer, pred []pipeline.Deal, gold []goldDeal) (tp int, fps []pipeline.Deal, fns []goldDeal) {
	canon := func(s string) string {
		c, _ := g.Canonical(s)
		return strings.ToLower(c)
	}
	partyOK := func(gold *string, p string) bool {
		if gold == nil {
			return p == "" // shared/realnews/ANNOTATION.md: a null party matches only a null one
		}
		return p != "" && canon(*gold) == canon(p)
	}
	match := func(p pipeline.Deal, gd goldDeal) bool {
		cp := string(p.Counterparty)
		gc := gd.Company
		parties := partyOK(&gc, p.Company) && partyOK(gd.Counterparty, cp) ||
			partyOK(&gc, cp) && partyOK(gd.Counterparty, p.Company)
		if !parties {
			return false
		}
		if gd.Amount == nil {
			return true
		}
		if p.Amount == nil || gd.Currency == nil || p.Amount.Currency != *gd.Currency {
			return false
		}
		return math.Abs(p.Amount.Value-*gd.Amount) <= 0.01*math.Abs(*gd.Amount)
	}
	usedGold := make([]bool, len(gold))
	usedPred := make([]bool, len(pred))
	// Exact-strength matches first: gold with a counterparty and amount.
	for pass := 0; pass < 2; pass++ {
		for gi, gd := range gold {
			strict := gd.Counterparty != nil && gd.Amount != nil
			if usedGold[gi] || (pass == 0) != strict {
				continue
			}
			for pi, p := range pred {
				if !usedPred[pi] && match(p, gd) {
					usedGold[gi], usedPred[pi] = true, true
					tp++
					break
				}
			}
		}
	}
	for pi, p := range pred {
		if !usedPred[pi] {
			fps = append(fps, p)
		}
	}
	for gi, gd := range gold {
		if !usedGold[gi] {
			fns = append(fns, gd)
		}
	}
	return tp, fps, fns
}

func prf(tp, npred, ngold int) (float64, float64) {
	p, r := 1.0, 1.0
	if npred > 0 {
		p = float64(tp) / float64(npred)
	}
	if ngold > 0 {
		r = float64(tp) / float64(ngold)
	}
	return p, r
}

func describe(d pipeline.Deal) string {
	a := "null"
	if d.Amount != nil {
		a = fmt.Sprintf("%g %s", d.Amount.Value, d.Amount.Currency)
	}
	cp := string(d.Counterparty)
	if cp == "" {
		cp = "null"
	}
	return fmt.Sprintf("%s | %s | %s | %s | %.2f %s | %.60s", d.Company, cp, a, d.Kind, d.Confidence, d.Rule, d.Evidence)
}

func describeGold(g goldDeal) string {
	cp, a := "null", "null"
	if g.Counterparty != nil {
		cp = *g.Counterparty
	}
	if g.Amount != nil {
		a = fmt.Sprintf("%g", *g.Amount)
	}
	return fmt.Sprintf("%s | %s | %s", g.Company, cp, a)
}

func TestSeedScore(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "seed")
	gb, err := os.ReadFile(filepath.Join(dir, "gold.json"))
	if err != nil {
		t.Skipf("seed not available: %v", err)
	}
	var gold struct {
		Doc   string     `json:"doc"`
		Deals []goldDeal `json:"deals"`
	}
	if err := json.Unmarshal(gb, &gold); err != nil {
		t.Fatalf("gold.json: %v", err)
	}
	raw, err := os.ReadFile(filepath.Join(dir, gold.Doc))
	if err != nil {
		t.Skipf("seed article not available: %v", err)
	}
	x := newExtractor(t)
	txt := text.Normalize(string(raw))
	res := x.Extract("", txt)
	checkResult(t, txt, res)
	tp, fps, fns := score(x.gaz, res.Deals, gold.Deals)
	p, r := prf(tp, len(res.Deals), len(gold.Deals))
	t.Logf("seed: precision %.3f recall %.3f (tp %d, predicted %d, gold %d)", p, r, tp, len(res.Deals), len(gold.Deals))
	for _, d := range fps {
		t.Logf("  false positive: %s", describe(d))
	}
	for _, g := range fns {
		t.Logf("  missed: %s", describeGold(g))
	}
	if *verbose {
		for _, d := range res.Deals {
			t.Logf("  deal: %s", describe(d))
		}
	}
	if f1 := 2 * p * r / (p + r); p < 0.9 || r < 0.9 || f1 < 0.95 {
		t.Errorf("seed precision %.3f recall %.3f F1 %.3f, want both >= 0.9 and F1 >= 0.95 (issue 12)", p, r, f1)
	}
}
