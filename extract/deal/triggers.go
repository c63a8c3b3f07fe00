package deal

import (
	"strings"

	"github.com/kozan-dev/kozan/extract/text"
	"github.com/kozan-dev/kozan/pipeline"
)

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
func nearestTrigger(sc *sent, a pipeline.Amount, lo, hi int) (cue, bool) {
	lower, cues, maxDist, isJA := sc.d.lower, sc.cues, sc.lang.maxDist(), sc.isJA
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
	if bd >= 0 && !isJA && raiseWords[best.w.s] {
		// "Secured $9.7bn AI cloud contract": the noun the amount
		// qualifies is the deal word, not the verb before it.
		for _, c := range cues {
			if c.w.class == cueTrigger && contractNouns[c.w.s] && c.start >= a.Span[1] && c.end <= hi &&
				c.start-a.Span[1] <= 25 && !strings.ContainsAny(lower[a.Span[1]:c.start], ",;:()") &&
				// "raised $505 million in a deal led by…": the raise is the deal.
				!text.ContainsAny(lower[a.Span[1]:c.start], " in a ", " in an ", " through a", " via a", " as part of") {
				best = c
				break
			}
		}
	}
	if bd >= 0 && !isJA && best.start > a.Span[1] && strings.ContainsAny(lower[a.Span[1]:best.start], ",;(") && text.HasAnySuffix(lower[lo:a.Span[0]], " for ") {
		// "would buy the operations of X for about $1.32 billion, giving it
		// access to the colocation business": the price's buying verb, not
		// a deal word of the clause after the comma.
		if c, ok := priceWord(lower, cues, a, lo, maxDist, false); ok {
			best, bd = c, dist(c, a)
		}
	}
	if bd < 0 && !isJA && text.HasAnySuffix(lower[lo:a.Span[0]], " for ", " worth ", " valued at ", " value of ", " consideration of ", " purchase price of ") {
		// "agreed to acquire a 7.2 MW data center in …, from X for $N",
		// "buy X … in an all-stock deal worth $N": a price governed by a
		// buying or selling verb further back; "agreed to lease 10,000
		// servers from Lambda …, with a total value of $1.3 billion",
		// "the acquisition of a facility in Georgia, USA, for a total cash
		// consideration of $19.5 million": a value phrase takes the
		// strong deal word before it.
		if c, ok := priceWord(lower, cues, a, lo, maxDist, !text.HasAnySuffix(lower[lo:a.Span[0]], " for ")); ok {
			best, bd = c, dist(c, a)
		}
	}
	return best, bd >= 0
}

// priceWord returns the last deal word in [lo, a) that governs the price a
// (a buying or selling verb; with valuePhrase, any strong deal word too),
// at most three times the usual distance away and in the same clause (no
// ";" between).
func priceWord(lower string, cues []cue, a pipeline.Amount, lo, maxDist int, valuePhrase bool) (cue, bool) {
	var best cue
	found := false
	for _, c := range cues {
		if c.w.class == cueTrigger && c.start >= lo && c.end <= a.Span[0] && (priceVerb(c.w.kind) || valuePhrase && c.w.strong) &&
			dist(c, a) <= 3*maxDist && !strings.ContainsAny(lower[c.end:a.Span[0]], ";") {
			best, found = c, true
		}
	}
	return best, found
}

// contractNouns name an agreement itself: won or signed, never raised.
var contractNouns = map[string]bool{"deal": true, "deals": true, "agreement": true, "agreements": true,
	"contract": true, "contracts": true, "pact": true, "lease": true}

// priceVerb reports a deal kind whose verb takes a price ("for $N").
func priceVerb(k pipeline.Kind) bool {
	return k == pipeline.KindAcquisition || k == pipeline.KindPurchase || k == pipeline.KindAssetSale
}

// hypothetical reports a deal word spoken of in general, not as a deal:
// after more/additional/future/potential, denied just before it, under a
// condition, wished for, or in an analyst's price-target sentence.
func hypothetical(lower string, sentStart, at int) bool {
	ws := wordsBefore(lower, sentStart, at, 3)
	for i, w := range ws {
		if i >= 3 {
			break
		}
		switch w {
		case "more", "additional", "future", "potential", "further", "any", "possible":
			return true
		}
	}
	// "the company didn't reach an agreement with Nscale", "has not signed
	// a lease": a deal denied in the words just before its deal word.
	if near := strings.ReplaceAll(lower[max(sentStart, at-40):at], "not only", ""); text.ContainsAny(near, "n't ", " not ", " never ", "n’t ", " no longer ") {
		return true // "not only invested in X but…" affirms
	}
	// "contingent upon executing a lease", "subject to signing", "once it
	// secures a tenant": a condition, no deal made yet.
	return strings.Contains(lower[sentStart:at], "price target") ||
		text.ContainsAny(lower[max(sentStart, at-40):at], "contingent upon", "contingent on", "subject to executing", "subject to signing", "subject to entering",
			"once it signs", "once it secures", "if it signs", "if it secures", "upon signing", "upon executing") ||
		// "Compute North hopes to contract with Wolf Hollow… to lease space": a wish;
		text.ContainsAny(lower[sentStart:at], " hopes to ", " hoping to ", " hope to ", " wants to ", " would like to ", " is seeking to ", " seeks to ",
			// "is in talks to buy", "is weighing a stake sale": no deal yet.
			" in talks to ", " is considering ", " are considering ", " is weighing ", " is mulling ", " is exploring ") ||
		// "are both trying to acquire atNorth", "had attempted a takeover":
		// an attempt (not "trying to complete a merger", a deal agreed).
		text.ContainsAny(lower[max(sentStart, at-14):at], " trying to ", " attempting to ", " attempted a ", " attempted to ", " tried to ") ||
		// "the upfront money the miner needs to invest": a need.
		text.ContainsAny(lower[max(sentStart, at-12):at], " needs to ", " need to ")
}

// markClause marks the deal word tied to an amount, and the deal words of
// the amount's clause: they belong to it, not to an amount-less deal.
func markClause(sc *sent, used []bool, a pipeline.Amount, trig cue, lo, hi int) {
	clo, chi, own := sc.lang.amountClause(sc.d.text, a, lo, hi)
	for i, c := range sc.cues {
		if c.w.class != cueTrigger {
			continue
		}
		if c.start == trig.start || own && c.start >= clo && c.end <= chi {
			used[i] = true
		}
	}
}

// valueMetric are value phrases that price a deal only when a deal is told
// in the sentence ("agreed to buy X … $2 billion in enterprise value").
var valueMetric = map[string]bool{"enterprise value": true, "in total enterprise value": true, "equity value": true,
	"total equity value": true, "in total equity value": true}

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

// buybackWords spend an amount on the company's own shares, however the
// clause is built.
var buybackWords = map[string]bool{"repurchase": true, "repurchased": true, "repurchases": true, "buyback": true,
	"buy back": true, "自社株買い": true, "買い戻": true}

// unitOfAmount reports a negative word that is the unit of an amount right
// before it ("$2.30 per share").
func unitOfAmount(d *doc, c cue) bool {
	if c.w.s != "per share" && c.w.s != "price" {
		return false
	}
	// d.amounts are sorted and do not overlap: only the last one ending
	// before c can end right before it.
	i := lowerBound(len(d.amounts), func(i int) bool { return d.amounts[i].Span[1] > c.start })
	return i > 0 && c.start-d.amounts[i-1].Span[1] <= 1
}

// soldHoldings are balance words that, between a sale's word and its
// amount, name what was sold, not a balance.
var soldHoldings = map[string]bool{"holdings": true, "holding": true, "reserves": true, "treasury": true}

// valuation negatives do not block an acquisition price.
var valuationWords = map[string]bool{"評価額": true, "価値": true, "時価": true, "valuation": true, "valued": true,
	"valuing": true, "values": true,
	"price": true, "価格": true, "market value": true}

// valueVerbs state the value of the deal word right before them ("an
// agreement valued at $X").
var valueVerbs = map[string]bool{"valued": true, "worth": true, "totaling": true, "totalling": true}

// blockedByNegative reports whether a non-deal word (revenue, cash, total…)
// sits closer to the amount than the deal word, or a sum word governs it.
func blockedByNegative(sc *sent, a pipeline.Amount, lo, hi int, trig cue, kind pipeline.Kind) bool {
	d, cues, isJA := sc.d, sc.cues, sc.isJA
	txt := d.text
	td := dist(trig, a)
	for _, c := range cues {
		if c.start < lo || c.end > hi {
			continue
		}
		switch c.w.class {
		case cueSum:
			if sc.lang.sumBlocks(txt, c, a, lo, hi, td) {
				return true
			}
		case cueNegative:
			if kind == pipeline.KindAcquisition && valuationWords[c.w.s] {
				continue
			}
			if unitOfAmount(d, c) {
				continue // "$2.30 per share": the unit of another figure
			}
			if kind == pipeline.KindAssetSale && soldHoldings[c.w.s] && trig.end <= c.start && c.end <= a.Span[0] &&
				strings.TrimSpace(d.lower[c.end:a.Span[0]]) == "for" {
				continue // "sold 78.6% of its bitcoin holdings for $167 million": the holdings are what was sold
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
			if isJA && c.end <= a.Span[0] && valueOfContractJA(txt[a.Span[1]:min(len(txt), a.Span[1]+120)]) {
				continue // 「年間収入で300億ドル規模のクラウド契約」: the figure sizes the contract
			}
			if dist(c, a) < td {
				return true
			}
		}
	}
	return false
}

// valueOfContractJA reports the text after an amount that makes it the
// size of a contract: 「(約4兆円)規模のクラウド契約」「の長期契約」.
func valueOfContractJA(rest string) bool {
	rest, ok := strings.CutPrefix(sizeWordAfter(rest, 60), "の")
	if !ok {
		return false
	}
	k := strings.Index(rest, "契約")
	return k >= 0 && k <= 36 && !strings.ContainsAny(rest[:k], "、。")
}

// clauseBreak reports words that start a new clause between an amount and
// a later word ("$55 million to cover operating costs").
func clauseBreak(between string) bool {
	return strings.Contains(between, ",") || strings.Contains(between, " to ") || strings.Contains(between, " for ") ||
		strings.Contains(between, " and ") || strings.Contains(between, " as ") || strings.Contains(between, " while ")
}

// dealValue reports a valuation word describing a deal ("a deal valued at",
// "the transaction, valued at"): the amount is the deal's value.
func dealValue(lower string, c cue) bool {
	if c.w.s != "valued" && c.w.s != "values" && c.w.s != "valuation" && c.w.s != "total" && c.w.s != "totaling" && c.w.s != "totalling" {
		return false
	}
	// The deal noun may stand before its partner ("an agreement with
	// Coastal Wind Energy valued at"), but not beyond a comma.
	lo := c.start - 60
	if lo < 0 {
		lo = 0
	}
	win := lower[lo:c.start]
	if k := strings.LastIndexAny(win, ",;"); k >= 0 && c.start-lo-k > 30 {
		win = win[k:]
	}
	for _, w := range strings.FieldsFunc(win, func(r rune) bool { return r == ' ' || r == ',' }) {
		switch w {
		case "deal", "transaction", "agreement", "contract", "lease", "acquisition", "merger":
			return true
		case "loan", "loans", "facility", "facilities", "financing", "notes", "bonds":
			// "two senior secured term loans totaling $1.5 billion": the
			// financing's value.
			if c.w.s == "totaling" || c.w.s == "totalling" {
				return true
			}
		}
	}
	return false
}

// paymentForm reports "in cash", "all-cash", "cash and stock", 「現金と株式で」:
// how a deal is paid, not a cash balance.
func paymentForm(txt string, c cue) bool {
	if c.w.s == "現金" {
		// 「164億ドルの現金と株式で…買収」「現金で取得」: how the price is paid.
		rest := txt[c.end:]
		return text.HasAnyPrefix(rest, "と株式で", "および株式で", "及び株式で", "で買収", "で取得", "で購入") ||
			strings.HasSuffix(txt[:c.start], "の") && strings.HasPrefix(rest, "で")
	}
	if c.w.s != "cash" {
		return false
	}
	if cashBalance(txt, c) {
		return false
	}
	before := txt[:c.start]
	return strings.HasSuffix(before, "in ") || strings.HasSuffix(before, "all-") || strings.HasSuffix(before, "all ") ||
		strings.HasPrefix(txt[c.end:], " and stock") || strings.HasPrefix(txt[c.end:], "-and-stock")
}

// cashBalance reports "cash" naming money held, never a payment: "cash and
// (cash) equivalents", "cash on hand", or a holding verb before the figure
// ("had about $1.8 billion in cash", "ended the quarter with $900 million
// in cash").
func cashBalance(txt string, c cue) bool {
	after := strings.ToLower(txt[c.end:min(len(txt), c.end+32)]) // the longest phrase below, and room
	if text.HasAnyPrefix(after, " and equivalents", " and cash equivalents", " equivalents", " on hand", " and short-term",
		" and marketable", " and investments", " and restricted cash", " balance", " position", " reserves") {
		return true
	}
	before := strings.ToLower(txt[max(0, c.start-45):c.start])
	if k := strings.LastIndexAny(before, ",;."); k >= 0 {
		before = before[k+1:]
	}
	for _, v := range []string{" had ", " has ", " held ", " holds ", " have ", " ended the quarter with ", " ended the year with "} {
		if strings.Contains(" "+before, v) {
			return true
		}
	}
	return false
}
