package eval

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/kozan-dev/kozan/extract/money"
	"github.com/kozan-dev/kozan/extract/text"
	"github.com/kozan-dev/kozan/pipeline"
)

// Problem is one inconsistency of an answer key.
type Problem struct {
	Record string `json:"record"`
	Line   int    `json:"line"`
	Msg    string `json:"problem"`
}

func (p Problem) String() string { return fmt.Sprintf("%s (line %d): %s", p.Record, p.Line, p.Msg) }

// Check reports what is inconsistent in one record and its text:
//   - the record's form: lang, split, kinds, amounts with currencies, evidence;
//   - the text: present and with the record's sha256;
//   - every deal's evidence occurs in the text (as cached or normalised);
//   - every annotated figure (amount, other value, not_deals figure) is a
//     money mention of the text in the same currency (within 0.5%);
//   - every money mention of the text in a currency (bitcoin counts aside)
//     is accounted for by one of those figures.
//
// Money mentions are found with kozan's own money parser: a mention the
// parser misreads shows up here too, to be fixed in the parser or listed.
func Check(rec Record, t Text, p *money.Parser) []Problem {
	var out []Problem
	bad := func(format string, args ...any) {
		out = append(out, Problem{Record: rec.ID, Line: rec.Line, Msg: fmt.Sprintf(format, args...)})
	}
	if rec.Lang != "en" && rec.Lang != "ja" {
		bad("lang %q: want en or ja", rec.Lang)
	}
	switch rec.Split {
	case "", "dev", "test":
	default:
		bad("split %q: want dev or test", rec.Split)
	}
	if rec.URL != "" && rec.SHA256 == "" {
		bad("url without sha256: the cached text cannot be verified")
	}
	for i, d := range rec.Deals {
		n := i + 1
		if strings.TrimSpace(d.Company) == "" {
			bad("deal %d: empty company", n)
		}
		if d.Counterparty != nil && strings.TrimSpace(*d.Counterparty) == "" {
			bad("deal %d: empty counterparty: write null when the text names none", n)
		}
		if !pipeline.Kind(d.Kind).Valid() {
			bad("deal %d: kind %q is not one of %v", n, d.Kind, pipeline.Kinds)
		}
		if (d.Amount == nil) != (d.Currency == nil) {
			bad("deal %d: amount and currency must be both set or both null", n)
		}
		if d.Amount != nil && *d.Amount <= 0 {
			bad("deal %d: amount %v is not positive", n, *d.Amount)
		}
		if d.Evidence == "" {
			bad("deal %d: no evidence", n)
		}
	}
	if !t.Status.Scorable() {
		bad("text %s: %v", t.Status, t.Err)
		return out
	}
	norm := text.Normalize(t.Body)
	for i, d := range rec.Deals {
		if d.Evidence != "" && !strings.Contains(t.Body, d.Evidence) && !strings.Contains(norm, text.Normalize(d.Evidence)) {
			bad("deal %d: evidence %q is not in the text", i+1, d.Evidence)
		}
	}
	mentions := p.Find(norm)
	type fig struct {
		v    float64
		cur  string
		what string
	}
	var figs []fig
	for i, d := range rec.Deals {
		if d.Amount != nil {
			figs = append(figs, fig{*d.Amount, deref(d.Currency), fmt.Sprintf("deal %d amount", i+1)})
		}
		for _, o := range d.OtherValues {
			figs = append(figs, fig{o.Amount, o.Currency, fmt.Sprintf("deal %d %s", i+1, o.Role)})
		}
	}
	for _, f := range rec.NotDeals {
		figs = append(figs, fig{f.Amount, f.Currency, "not_deals " + f.What + f.Why})
	}
	hits := func(a pipeline.Amount, f fig, tol float64) bool { return figureNear(&a, f.v, f.cur, tol) }
	for _, f := range figs {
		if !slices.ContainsFunc(mentions, func(a pipeline.Amount) bool { return hits(a, f, 0.005) }) {
			bad("%s %s %s is no money mention of the text", f.what, num(f.v), f.cur)
		}
	}
	for _, a := range mentions {
		if a.Currency == "BTC" {
			continue
		}
		if !slices.ContainsFunc(figs, func(f fig) bool { return hits(a, f, 0.01) }) {
			bad("money %q (%s %s) is not accounted for: a deal's amount, other_values or not_deals", a.Text, num(a.Value), a.Currency)
		}
	}
	return out
}

// num prints a figure in full, cents included.
func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
