package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/kozan-dev/kozan/extract/deal"
	"github.com/kozan-dev/kozan/pipeline"
)

// PrintOptions say how much of a report to print.
type PrintOptions struct {
	// ScoresOnly prints the scores and the number of errors per class, and
	// no evidence: for a split that must stay unread.
	ScoresOnly bool
	// Explain adds, per record with an error, every predicted deal with the
	// rule that made it and every money mention of the text.
	Explain bool
}

// WriteTable prints the report for a terminal: the score table, the error
// counts, then every error by class with its evidence sentence.
func WriteTable(w io.Writer, r *Report, o PrintOptions) error {
	ew := &errWriter{w: w}
	for _, s := range r.Skipped {
		ew.printf("skipped %s: %s (%s)\n", s.Record, s.Status, s.Reason)
	}
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "group\texcerpts\tgold\tfound\ttp\tfp\tfn\tprecision\trecall\tF1\tkind ok\t\n")
	for _, k := range r.Groups() {
		t := r.Scores[k]
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t\n", k, t.Excerpts, t.TP+t.FN, t.TP+t.FP,
			t.TP, t.FP, t.FN, t.Precision(), t.Recall(), t.F1(), t.KindAccuracy())
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	counts := r.ErrorCounts()
	var parts []string
	for _, c := range ErrorClasses {
		parts = append(parts, fmt.Sprintf("%s %d", c, counts[c]))
	}
	ew.printf("\nerrors: %s\n", strings.Join(parts, ", "))
	if o.ScoresOnly {
		return ew.err
	}
	for _, c := range ErrorClasses {
		if counts[c] == 0 {
			continue
		}
		ew.printf("\n%s (%d)\n", c, counts[c])
		for _, e := range r.Errors {
			if e.Class == c {
				ew.printf("  %s\n", e.line())
			}
		}
	}
	if o.Explain {
		for _, res := range r.Results {
			if len(res.Score.Errors) > 0 {
				writeExplain(ew, res)
			}
		}
	}
	return ew.err
}

// line prints an error on one line: record, the gold and predicted deal,
// and the evidence.
func (e Error) line() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s [%s", e.Record, e.Lang)
	if e.Split != "" {
		b.WriteString(" " + e.Split)
	}
	b.WriteString("]")
	if e.Gold != nil {
		b.WriteString(" gold: " + FormatGold(*e.Gold))
	}
	if e.Got != nil {
		b.WriteString(" got: " + FormatDeal(*e.Got))
	}
	if e.What != "" {
		b.WriteString(" (not a deal: " + e.What + ")")
	}
	if e.Evidence != "" {
		b.WriteString(" «" + oneLine(e.Evidence) + "»")
	}
	return b.String()
}

// FormatGold prints a gold deal: company | counterparty | amount | kind.
func FormatGold(g GoldDeal) string {
	cp, amt := "null", "null"
	if g.Counterparty != nil {
		cp = *g.Counterparty
	}
	if g.Amount != nil {
		amt = fmt.Sprintf("%.0f %s", *g.Amount, deref(g.Currency))
	}
	return fmt.Sprintf("%s | %s | %s | %s", g.Company, cp, amt, g.Kind)
}

// FormatDeal prints a predicted deal with the rule that made it.
func FormatDeal(d pipeline.Deal) string {
	cp, amt := "null", "null"
	if d.Counterparty != "" {
		cp = string(d.Counterparty)
	}
	if d.Amount != nil {
		amt = fmt.Sprintf("%.0f %s", d.Amount.Value, d.Amount.Currency)
		if d.Amount.Max != 0 {
			amt += fmt.Sprintf("-%.0f", d.Amount.Max)
		}
	}
	return fmt.Sprintf("%s | %s | %s | %s [rule %s, conf %.2f]", d.Company, cp, amt, d.Kind, d.Rule, d.Confidence)
}

// writeExplain prints one record: its gold deals with what matched them,
// every prediction, and every money mention.
func writeExplain(ew *errWriter, res Result) {
	ew.printf("\n== %s [%s %s] %s\n", res.Record.ID, res.Record.Lang, res.Record.Split, res.Record.URL)
	if res.Doc.Article.Lang != res.Record.Lang {
		ew.printf("  language detected %q, the key says %q\n", res.Doc.Article.Lang, res.Record.Lang)
	}
	for i, g := range res.Record.Deals {
		m := "MISSED"
		if j := res.Score.Pair[i]; j >= 0 {
			m = fmt.Sprintf("matched prediction %d", j+1)
		}
		ew.printf("  gold %d: %s — %s\n", i+1, FormatGold(g), m)
	}
	for j, d := range res.Doc.Deals {
		ew.printf("  got %d: %s «%s»\n", j+1, FormatDeal(d), oneLine(d.Evidence))
	}
	if res.Trace != nil {
		ew.printf("  sentence by sentence:\n")
		if err := deal.WriteExplanation(&indent{ew}, res.Doc.Article.Text, *res.Trace); err != nil {
			ew.err = err
		}
		return
	}
	for _, a := range res.Doc.Amounts {
		ew.printf("  money: %q = %.0f %s\n", a.Text, a.Value, a.Currency)
	}
}

// indent writes every line two spaces in.
type indent struct{ w io.Writer }

func (i *indent) Write(p []byte) (int, error) {
	s := strings.ReplaceAll(string(p), "\n", "\n  ")
	if strings.HasSuffix(s, "  ") {
		s = s[:len(s)-2]
	}
	if _, err := io.WriteString(i.w, "  "+s); err != nil {
		return 0, err
	}
	return len(p), nil
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// WriteJSON prints the report as JSON lines: one {"type":"score"} line per
// group, one {"type":"error"} line per error (left out with ScoresOnly),
// one {"type":"skipped"} line per skipped record.
func WriteJSON(w io.Writer, r *Report, o PrintOptions) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	type skipped struct {
		Type string `json:"type"`
		Skip
	}
	type score struct {
		Type      string  `json:"type"`
		Group     string  `json:"group"`
		Precision float64 `json:"precision"`
		Recall    float64 `json:"recall"`
		F1        float64 `json:"f1"`
		KindAcc   float64 `json:"kind_accuracy"`
		Tally
	}
	type errLine struct {
		Type string `json:"type"`
		Error
	}
	for _, s := range r.Skipped {
		if err := enc.Encode(skipped{"skipped", s}); err != nil {
			return err
		}
	}
	for _, k := range r.Groups() {
		t := *r.Scores[k]
		if err := enc.Encode(score{"score", k, t.Precision(), t.Recall(), t.F1(), t.KindAccuracy(), t}); err != nil {
			return err
		}
	}
	if o.ScoresOnly {
		return nil
	}
	for _, e := range r.Errors {
		if err := enc.Encode(errLine{"error", e}); err != nil {
			return err
		}
	}
	return nil
}

// errWriter keeps the first write error, so printing code stays flat.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

func (e *errWriter) printf(format string, args ...any) { fmt.Fprintf(e, format, args...) }
