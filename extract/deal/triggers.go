package deal

// Deal words and figures: the nearest deal word of a figure in its zone,
// clauses already used, figure words that block a deal, cue lookups.

import (
	"strings"

	"github.com/kozan-dev/kozan/pipeline"
)

// backstopIn reports a guarantee word among cues.
func backstopIn(cues []cue) bool {
	for _, c := range cues {
		if c.w.class == cueTrigger && c.w.kind == pipeline.KindBackstop {
			return true
		}
	}
	return false
}

// dropUnderwriting removes 引き受け when a lender underwrites a loan or
// bonds (Xが引き受ける20億ドルの融資): the deal is the loan, not shares.
func dropUnderwriting(txt string, cues []cue) []cue {
	out := cues[:0:0]
	for _, c := range cues {
		if c.w.kind == pipeline.KindEquity && strings.HasPrefix(c.w.s, "引") && strings.HasSuffix(txt[:c.start], "が") && loanAfter(txt[c.start:]) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// dropRelativeCues removes the deal words of relative clauses that only
// describe a company (グーグルが出資する英AIクラウドのX: 出資 is no deal
// of this sentence).
func dropRelativeCues(txt string, ms []mention, cues []cue) []cue {
	var at []int
	for _, m := range ms {
		p := afterMention(txt, m.Span[1])
		if m.label == lPoss && strings.HasPrefix(txt[p:], "が") && relativeClause(txt[p+len("が"):]) {
			at = append(at, p+len("が"))
		}
	}
	if len(at) == 0 {
		return cues
	}
	out := make([]cue, 0, len(cues))
	for _, c := range cues {
		drop := false
		for _, a := range at {
			if c.start == a {
				drop = true
			}
		}
		if !drop {
			out = append(out, c)
		}
	}
	return out
}

// sentenceContext reports AI/HPC context words in the sentence.
func sentenceContext(cues []cue) bool {
	for _, c := range cues {
		if c.w.class == cueContext {
			return true
		}
	}
	return false
}

func cuesIn(cs []cue, sp [2]int) []cue {
	lo := lowerBound(len(cs), func(i int) bool { return cs[i].start >= sp[0] })
	hi := lo
	for hi < len(cs) && cs[hi].end <= sp[1] {
		hi++
	}
	return cs[lo:hi]
}

func amountsIn(as []pipeline.Amount, sp [2]int) []pipeline.Amount {
	lo := lowerBound(len(as), func(i int) bool { return as[i].Span[0] >= sp[0] })
	hi := lo
	for hi < len(as) && as[hi].Span[1] <= sp[1] {
		hi++
	}
	return as[lo:hi]
}

func lowerBound(n int, f func(int) bool) int {
	lo, hi := 0, n
	for lo < hi {
		m := (lo + hi) / 2
		if f(m) {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
}

// strongTriggerIn reports a deal word other than t that names a deal by
// itself (acquire, merger, deal, agreement…).
func strongTriggerIn(cs []cue, t cue) bool {
	for _, c := range cs {
		if c.w.class == cueTrigger && c.w.strong && c.start != t.start {
			return true
		}
	}
	return false
}

func dist(c cue, a pipeline.Amount) int {
	if c.end <= a.Span[0] {
		return a.Span[0] - c.end
	}
	if c.start >= a.Span[1] {
		return c.start - a.Span[1]
	}
	return 0
}

// nearestTrigger finds the deal word closest to the amount in [lo,hi].
func nearestTrigger(lower string, cues []cue, a pipeline.Amount, lo, hi, maxDist int, isJA bool) (cue, bool) {
	var best cue
	bd := -1
	for _, c := range cues {
		if c.w.class != cueTrigger || c.start < lo || c.end > hi {
			continue
		}
		if !isJA && c.start > a.Span[1] && hypothetical(lower, lo, c.start) {
			continue // "…ahead of further leasing"
		}
		dd := dist(c, a)
		if dd > maxDist {
			continue
		}
		if bd < 0 || dd < bd {
			best, bd = c, dd
		}
	}
	if bd < 0 && !isJA && hasAnySuffix(lower[lo:a.Span[0]], " for ", " worth ", " valued at ") {
		// "agreed to acquire a 7.2 MW data center in …, from X for $N",
		// "buy X … in an all-stock deal worth $N": a price governed by a
		// buying or selling verb further back.
		for _, c := range cues {
			if c.w.class == cueTrigger && c.start >= lo && c.end <= a.Span[0] && priceVerb(c.w.kind) &&
				dist(c, a) <= 3*maxDist && !strings.ContainsAny(lower[c.end:a.Span[0]], ";") {
				best, bd = c, dist(c, a)
			}
		}
	}
	return best, bd >= 0
}

// hasAnySuffix reports s ending with one of ps.
func hasAnySuffix(s string, ps ...string) bool {
	for _, p := range ps {
		if strings.HasSuffix(s, p) {
			return true
		}
	}
	return false
}

// priceVerb reports a deal kind whose verb takes a price ("for $N").
func priceVerb(k pipeline.Kind) bool {
	return k == pipeline.KindAcquisition || k == pipeline.KindPurchase || k == pipeline.KindAssetSale
}

// markClause marks the deal word tied to an amount, and the deal words of
// the amount's clause: they belong to it, not to an amount-less deal.
func markClause(txt string, cues []cue, used []bool, a pipeline.Amount, trig cue, lo, hi int, isJA bool) {
	clo, chi := clauseOf(txt, a.Span[0], a.Span[1], lo, hi, isJA)
	for i, c := range cues {
		if c.w.class != cueTrigger {
			continue
		}
		if c.start == trig.start || isJA && c.start >= clo && c.end <= chi {
			used[i] = true
		}
	}
}

// placedDebt reports debt placed privately: a debt word right after the
// placement ("a private placement of convertible notes").
func placedDebt(cues []cue, pp cue) bool {
	for _, c := range cues {
		if c.start >= pp.end && c.start-pp.end <= 30 && debtWords[c.w.s] {
			return true
		}
	}
	return false
}

// cueBetween reports a deal or non-deal word in [lo,hi), other than a
// financing word ("senior secured notes").
func cueBetween(cues []cue, lo, hi int) bool {
	for _, c := range cues {
		if c.start >= lo && c.end <= hi && c.w.kind != pipeline.KindFinancing {
			return true
		}
	}
	return false
}

// blockedByNegative reports whether a non-deal word (revenue, cash, total…)
// sits closer to the amount than the deal word, or a sum word governs it.
func blockedByNegative(d *doc, cues []cue, a pipeline.Amount, lo, hi int, trig cue, kind pipeline.Kind, isJA bool) bool {
	txt := d.text
	td := dist(trig, a)
	for _, c := range cues {
		if c.start < lo || c.end > hi {
			continue
		}
		switch c.w.class {
		case cueSum:
			if isJA {
				// 累計/累積 add up everything raised to date: never one deal.
				if c.w.s == "累計" || c.w.s == "累積" {
					return true
				}
				// 総額 is a deal's total value unless several companies are summed.
				if pluralJA(txt[lo:hi]) {
					return true
				}
				continue
			}
			if c.w.s != "total of" || dist(c, a) < td {
				return true
			}
		case cueNegative:
			if kind == pipeline.KindAcquisition && valuationWords[c.w.s] {
				continue
			}
			if unitOfAmount(d, c) {
				continue // "$2.30 per share": the unit of another figure
			}
			if buybackWords[c.w.s] && c.start >= a.Span[1] && c.start-a.Span[1] <= 45 &&
				!strings.Contains(txt[a.Span[1]:c.start], ",") && !strings.Contains(txt[a.Span[1]:c.start], " and ") {
				return true // "$460 million of the proceeds to repurchase shares"
			}
			if paymentForm(txt, c) {
				continue
			}
			// English figures name the metric before the amount or right
			// after it ("$80 million in revenue"); a later word is a purpose
			// ("to cover costs").
			if !isJA && c.start >= a.Span[1] && (c.start-a.Span[1] > 30 || clauseBreak(d.lower[a.Span[1]:c.start])) {
				continue
			}
			if dealValue(d.lower, c) || newTotal(d.lower, c, a) {
				continue
			}
			if dist(c, a) < td {
				return true
			}
		}
	}
	return false
}

// valuation negatives do not block an acquisition price.
var valuationWords = map[string]bool{"評価額": true, "価値": true, "時価": true, "valuation": true, "valued": true,
	"valuing": true, "values": true,
	"price": true, "価格": true, "market value": true}

// buybackWords spend an amount on the company's own shares, however the
// clause is built.
var buybackWords = map[string]bool{"repurchase": true, "repurchased": true, "repurchases": true, "buyback": true,
	"buy back": true, "自社株買い": true, "買い戻": true}

// valueMetric are value phrases that price a deal only when a deal is told
// in the sentence ("agreed to buy X … $2 billion in enterprise value").
var valueMetric = map[string]bool{"enterprise value": true, "in total enterprise value": true, "equity value": true,
	"total equity value": true, "in total equity value": true}
