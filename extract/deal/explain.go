package deal

import (
	"fmt"
	"io"
	"strings"

	"github.com/kozan-dev/kozan/extract/text"
	"github.com/kozan-dev/kozan/pipeline"
)

// WriteExplanation prints, sentence by sentence, what the rules made of
// txt (the normalised text res was extracted from): the organisations, the
// money figures, the
// mentions and figures a veto rule set aside and by which rule, the deals
// each data rule made, the candidates dropped and why, and the deals kept
// with the rules that made them. Sentences where nothing happened are left
// out.
func WriteExplanation(w io.Writer, txt string, res Result) error {
	ew := &errWriter{w: w}
	in := func(sp, s [2]int) bool { return sp[0] >= s[0] && sp[1] <= s[1] }
	txt = text.JoinWrapped(txt) // the sentences Extract read
	for i, s := range splitSentences(txt) {
		var lines []string
		var ns []string
		for _, m := range res.Names {
			if in(m.Span, s) {
				n := m.Name
				if !m.Known {
					n += " (not in the company list)"
				}
				ns = append(ns, n)
			}
		}
		if len(ns) > 0 {
			lines = append(lines, "names    "+strings.Join(ns, ", "))
		}
		for _, a := range res.Amounts {
			if in(a.Span, s) {
				lines = append(lines, fmt.Sprintf("money    %q = %s %s", a.Text, num(a.Value), a.Currency))
			}
		}
		for _, v := range res.Vetoes {
			if in(v.Span, s) || v.What == "sentence" && v.Span == s {
				lines = append(lines, fmt.Sprintf("veto     %s %q by %s", v.What, v.Text, v.Rule))
			}
		}
		for _, d := range res.Fired {
			if d.EvidenceSpan == s {
				lines = append(lines, "rule     "+d.Rule+" made "+dealLine(d))
			}
		}
		for _, dr := range res.Dropped {
			if dr.Deal.EvidenceSpan == s {
				lines = append(lines, "dropped  "+dealLine(dr.Deal)+" ["+dr.Deal.Rule+"]: "+dr.Reason)
			}
		}
		for _, d := range res.Deals {
			if d.EvidenceSpan == s {
				lines = append(lines, fmt.Sprintf("DEAL     %s [%s, confidence %.2f]", dealLine(d), d.Rule, d.Confidence))
			}
		}
		if len(lines) == 0 {
			continue
		}
		ew.printf("[%d] %s\n", i+1, strings.Join(strings.Fields(txt[s[0]:s[1]]), " "))
		for _, l := range lines {
			ew.printf("    %s\n", l)
		}
	}
	return ew.err
}

// dealLine prints a deal as company | counterparty | amount | kind.
func dealLine(d pipeline.Deal) string {
	cp, amt := "null", "null"
	if d.Counterparty != "" {
		cp = string(d.Counterparty)
	}
	if d.Amount != nil {
		amt = num(d.Amount.Value) + " " + d.Amount.Currency
	}
	return fmt.Sprintf("%s | %s | %s | %s", d.Company, cp, amt, d.Kind)
}

func num(v float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", v), "0"), ".")
}

// errWriter keeps the first write error.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
