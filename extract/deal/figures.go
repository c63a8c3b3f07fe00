package deal

import (
	"slices"
	"strings"

	"github.com/kozan-dev/kozan/extract/text"
	"github.com/kozan-dev/kozan/pipeline"
)

// dropRestatedBTC leaves out BTC amounts with a fiat amount close by in
// the same sentence ("sold 578 bitcoin for $55 million", "1900BTC(約1.75億ドル)"):
// the fiat value is the deal's amount, and the BTC one must not split its zone.
func dropRestatedBTC(as []pipeline.Amount) []pipeline.Amount {
	btc := false
	for _, a := range as {
		if a.Currency == "BTC" {
			btc = true
		}
	}
	if !btc {
		return as
	}
	out := make([]pipeline.Amount, 0, len(as))
	for i, a := range as {
		if a.Currency == "BTC" {
			near := false
			for j, b := range as {
				if j != i && b.Currency != "BTC" && absInt(b.Span[0]-a.Span[0]) < 80 {
					near = true
				}
			}
			if near {
				continue
			}
		}
		out = append(out, a)
	}
	return out
}

// dealCandidates leaves out amounts that are never deal values, so they do
// not split the zones of the others.
func dealCandidates(txt string, all, as []pipeline.Amount) []pipeline.Amount {
	out := as[:0:0]
	for i := range as {
		if skipAmount(txt, as, i) || restatedCurrency(txt, all, as[i]) {
			continue
		}
		if i > 0 && restates(txt, as[i-1], as[i]) {
			continue
		}
		out = append(out, as[i])
	}
	return out
}

// restates reports an amount that converts the one before it: "55億ドル
// (約8100億円)", "¥20 billion ($134 million)", "$1.4bn, or about ¥210bn".
func restates(txt string, prev, a pipeline.Amount) bool {
	if prev.Currency == a.Currency || a.Span[0] < prev.Span[1] {
		return false
	}
	gap := strings.TrimSpace(txt[prev.Span[1]:a.Span[0]])
	switch gap {
	case "(", "(約", "(about", "(approximately", "(roughly", ", or about", ", or roughly", ", or", "、約", "(日本円で約", "(同約":
		return true
	}
	return false
}

// skipAmount drops amounts that are never deal values: per-unit prices
// (ドル/PH/s, "per share", 1株4.20ドル), and a BTC amount restated in fiat
// next to it.
func skipAmount(txt string, amts []pipeline.Amount, i int) bool {
	a := amts[i]
	before := txt[:a.Span[0]]
	if text.HasAnySuffix(before, "1株", "株当たり", "1株あたり", "1台", "1台あたり", "1枚") {
		return true
	}
	if strings.HasSuffix(before, " shares at ") || strings.HasSuffix(before, " units at ") || strings.HasSuffix(before, " share at ") {
		return true // "pricing 6 million shares at $16": a price per share
	}
	if strings.HasSuffix(before, "per ") || strings.HasSuffix(before, "for each ") || strings.HasSuffix(before, "for every ") {
		return true // "52.4 shares per $1,000 principal amount": a unit
	}
	rest := txt[a.Span[1]:]
	if strings.HasPrefix(rest, " for each") || strings.HasPrefix(rest, " apiece") || strings.HasPrefix(rest, " for every") {
		return true
	}
	// "raised its target to $18 from $12": a changed figure, not a deal;
	// "upsized its offering to $400 million from $330 million": the deal's
	// new size, the former one is no deal.
	if i+1 < len(amts) && strings.TrimSpace(txt[a.Span[1]:amts[i+1].Span[0]]) == "from" && strings.HasSuffix(before, "to ") && targetBefore(before) {
		return true
	}
	if i > 0 && strings.TrimSpace(txt[amts[i-1].Span[1]:a.Span[0]]) == "from" && strings.HasSuffix(txt[:amts[i-1].Span[0]], "to ") {
		return true
	}
	// "increases the total contract value from $9.7 billion to $14.2
	// billion", 当初予定の8億5000万ドルから10億ドルに引き上げ: the old size.
	if i+1 < len(amts) {
		between := strings.TrimSpace(toLower(txt[a.Span[1]:amts[i+1].Span[0]]))
		if (between == "to" || between == "to approximately" || between == "to about" || between == "to roughly" || between == "to around") &&
			strings.HasSuffix(toLower(before[max(0, len(before)-16):]), "from ") && !strings.HasPrefix(txt[amts[i+1].Span[1]:], " per") {
			return true
		}
		if between == "から" && text.HasAnyPrefix(txt[amts[i+1].Span[1]:], "に", "へ") {
			return true
		}
	}
	if i > 0 && fromFormer(txt, amts[i-1], a) {
		return true
	}
	if optionOrIncrement(txt, amts, i) {
		return true
	}
	if projectCost(before, rest) || partOfTotal(txt, amts, i) {
		return true
	}
	if vagueAmount(a.Text) || formerSize(txt, a) || shareMove(before) || balanceClause(before) || accountingResult(before) || netProceeds(before) {
		return true
	}
	// "$15 million at closing and the rest over 18 months": an instalment
	// of a deal, not its value.
	if text.HasAnyPrefix(rest, " at closing", " on closing", " upon closing", " at close", " upfront", " up front", " at signing", " on signing", " in an initial payment") {
		return true
	}
	if strings.HasPrefix(rest, "/") || strings.HasPrefix(rest, " per ") || strings.HasPrefix(rest, " a share") ||
		strings.HasPrefix(rest, " each") || strings.HasPrefix(rest, "あたり") || strings.HasPrefix(rest, "当たり") {
		return true
	}
	if a.Currency == "BTC" {
		for j, b := range amts {
			if j != i && b.Currency != "BTC" && (b.Span[0]-a.Span[1] < 12 && b.Span[0] >= a.Span[1] || a.Span[0]-b.Span[1] < 12 && a.Span[0] >= b.Span[1]) {
				return true
			}
		}
	}
	return false
}

// partOfTotal reports a figure listed as a part of a larger one told just
// before it in the same sentence, after the instruments it is one of ("a
// broader $675 million refinancing … two loans, including a $425 million
// term loan and a $250 million revolver"): a component of that deal, not a
// deal of its own.
func partOfTotal(txt string, amts []pipeline.Amount, i int) bool {
	a := amts[i]
	for j := i - 1; j >= 0; j-- {
		p := amts[j]
		gap := txt[p.Span[1]:a.Span[0]]
		if len(gap) > 160 || strings.ContainsAny(gap, ".;\n") || p.Currency != a.Currency || p.Value <= a.Value {
			continue
		}
		lg := toLower(gap)
		k := max(strings.LastIndex(lg, "including"), strings.LastIndex(lg, "comprising"), strings.LastIndex(lg, "consisting of"))
		if k >= 0 && len(lg)-k < 60 && text.ContainsAny(lg[:k], "loans", "tranches", "facilities", "notes", "bonds", "instruments") {
			return true // "…two five-year loans, including a $425 million term loan"
		}
	}
	return false
}

// projectVerbs open the cost of a project money is raised for ("to fund
// a $6B AI data center campus"); buildVerbs that of a project a company
// builds ("has started building a $50 million facility"), unless partners
// build it: "partnering to develop a $1.2 billion campus" gives the
// partnership its value, as the key annotates.
var (
	projectVerbs = []string{"fund", "funds", "funded", "funding", "finance", "finances", "financed", "financing", "toward", "towards"}
	buildVerbs   = []string{"build", "builds", "building", "develop", "develops", "developing", "construct", "constructs", "constructing"}
	jointWords   = []string{"partner", "joint", "together", "team", "alliance", "collaborat"}
)

// projectNouns end the description of a project that follows its cost.
var projectNouns = []string{"campus", "campuses", "data center", "data centers", "data centre", "data centres", "datacenter", "facility",
	"facilities", "project", "site", "expansion", "buildout", "build out", "development", "plant", "complex", "hub", "cluster"}

// projectCost reports a figure that is the cost of a project money is
// raised for or a company builds alone, told as "<verb> a $X <up to five
// words> <project noun>":
// "secured $4B … to fund a $6B AI data center campus" keeps $4B, "plans to
// finance the $440 million project" tells no deal.
func projectCost(before, rest string) bool {
	b := toLower(before[max(0, len(before)-24):])
	det := ""
	for _, d := range []string{" a ", " an ", " the ", " its ", " their "} {
		if strings.HasSuffix(b, d) {
			det = d
			break
		}
	}
	if det == "" {
		return false
	}
	ws := strings.Fields(b[:len(b)-len(det)])
	if len(ws) == 0 {
		return false
	}
	switch v := ws[len(ws)-1]; {
	case slices.Contains(projectVerbs, v):
	case slices.Contains(buildVerbs, v) && !text.ContainsAny(toLower(before[max(0, len(before)-120):]), jointWords...):
	default:
		return false
	}
	r := toLower(rest[:min(len(rest), 80)])
	if k := strings.IndexAny(r, ",.;:()"); k >= 0 {
		r = r[:k]
	}
	ws = strings.Fields(strings.ReplaceAll(r, "-", " "))
	for i := 0; i < len(ws) && i < 6; i++ {
		w := ws[i]
		if i+1 < len(ws) && slices.Contains(projectNouns, w+" "+ws[i+1]) || slices.Contains(projectNouns, w) {
			return true
		}
	}
	return false
}

// runRate reports a figure that measures a business, not a deal: a yearly
// or monthly rate ("$290 million a year", "Annual rent will start at
// $95 million", "a run-rate of $X"), a backlog or the contracted revenue
// of many tenants ("backlog of contracted revenue … $12.8 billion",
// "$X across its campuses"), a market value or price target ("market
// capitalization reaching $12 billion"), an analyst's estimate ("could
// generate $X", "which they value at $X"). A sentence telling a contract's
// total and its yearly rent keeps the total as the deal.
func runRate(before, rest string) bool {
	r := toLower(rest[:min(len(rest), 40)])
	if text.HasAnyPrefix(r, " a year", " per year", " per annum", " annually", " a month", " per month", " each year",
		" every year", " a quarter", " per quarter", " in annual", " of annual", " in yearly", " of yearly", " in annualized",
		" of annualized", " in run-rate", " of run-rate", " on an annual", " on an annualized", " on a discounted") {
		return true
	}
	if strings.HasPrefix(r, " across ") {
		if text.ContainsAny(r, "tenants", "customers", "campuses", "sites", "portfolio", "contracts", "clients") {
			return true
		}
	}
	b := toLower(before[max(0, len(before)-80):])
	if k := strings.LastIndexAny(b, ".;!?\n"); k >= 0 {
		b = b[k+1:]
	}
	clause := b
	if k := strings.LastIndex(clause, ", "); k >= 0 {
		clause = clause[k+2:]
	}
	for _, w := range []string{"annual ", "annualized", "annualised", "yearly", "run-rate", "run rate", "per-year", "monthly"} {
		if strings.Contains(clause, w) && !strings.Contains(clause, "total") {
			return true
		}
	}
	for _, w := range []string{"backlog", "market capitalization", "market capitalisation", "market cap ", "market value",
		"price target", "target price", "could generate", "could reach", "could be worth", "could add", "they value",
		"analysts value", "we value", "sum-of-the-parts"} {
		if strings.Contains(b, w) {
			return true
		}
	}
	return false
}

// accountingResult reports an amount that is a gain, loss or charge booked
// on a deal ("expects to book a gain of about $140 million on the sale"),
// not the deal's value.
func accountingResult(before string) bool {
	b := toLower(strings.TrimRight(before[max(0, len(before)-40):], " "))
	for _, h := range []string{" about", " approximately", " roughly", " around", " nearly", " some", " up to", " an estimated"} {
		b = strings.TrimSuffix(b, h)
	}
	for _, w := range []string{"gain of", "gains of", "loss of", "losses of", "impairment of", "impairment charge of", "charge of",
		"write-down of", "writedown of", "write-off of", "profit of"} {
		if strings.HasSuffix(b, " "+w) {
			return true
		}
	}
	return false
}

// targetBefore reports a price target or estimate changed in the clause
// before an amount ("raised its price target to").
func targetBefore(before string) bool {
	b := toLower(before[max(0, len(before)-60):])
	return text.ContainsAny(b, "target", "estimate", "forecast", "guidance", "outlook", "price objective", "rating")
}

// implied reports a value derived by an analyst right before a value
// phrase ("implying an enterprise value of $11.5 billion"): no deal's price.
func implied(before string) bool {
	return text.ContainsAny(before, "implying", "implies", "imply", "implied")
}

// vagueAmount reports an order of magnitude, not a figure ("several
// billion dollars", "tens of millions"). Japanese ones (数十億ドル) never
// get here: extract/money reads them as no amount.
func vagueAmount(t string) bool {
	l := toLower(t)
	return text.ContainsAny(l, "several", "tens of", "hundreds of", "a few", "multi-", "multibillion", "multimillion")
}

// formerSize reports the earlier size of a deal that grew or changed
// ("upsized from the $1.25 billion it announced", "当初は25億ドルの発行を予定").
func formerSize(txt string, a pipeline.Amount) bool {
	lo := a.Span[0] - 60
	if lo < 0 {
		lo = 0
	}
	lo = runeBoundary(txt, lo)
	b := toLower(txt[lo:a.Span[0]])
	// Strip the describing words in any order ("from the previously
	// announced $750 million").
	b = trimDescribing(b)
	if text.HasAnySuffix(b, "upsized from ", "increased from ", "expanded from ", "raised from ", "enlarged from ", "boosted from ", "up from ", "downsized from ", "cut from ", "reduced from ") {
		return true
	}
	// "after upsizing the deal from $2.5 billion", "increasing it from":
	// a verb in -ing with its object before from.
	if o, ok := strings.CutSuffix(b, " from "); ok {
		for _, obj := range []string{" the deal", " the offering", " the sale", " the facility", " the loan", " the notes", " the raise", " its offering", " it"} {
			o = strings.TrimSuffix(o, obj)
		}
		for _, v := range []string{"upsizing", "increasing", "expanding", "raising", "enlarging", "boosting", "downsizing", "cutting", "reducing",
			"upsized", "increased", "expanded", "raised", "enlarged", "boosted", "downsized", "reduced"} {
			if strings.HasSuffix(o, " "+v) {
				return true
			}
		}
	}
	// Japanese: 当初/従来 (initially) anywhere in the clause before the
	// amount (当初は…, …は当初、…, 当初の…), unless a change from a former
	// size to this one lies between (当初予定のXからYに).
	lo = a.Span[0] - 120
	if lo < 0 {
		lo = 0
	}
	lo = runeBoundary(txt, lo)
	j := txt[lo:a.Span[0]]
	if k := strings.LastIndex(j, "。"); k >= 0 {
		j = j[k+len("。"):]
	}
	k := max(strings.LastIndex(j, "当初"), strings.LastIndex(j, "従来"))
	if k < 0 {
		return false
	}
	r := j[k+len("当初"):]
	r = strings.TrimPrefix(strings.TrimPrefix(r, "は"), "、")
	return !strings.Contains(r, "、") && !strings.Contains(r, "から")
}

// trimDescribing strips, in any order, the describing words that may
// stand between "from" and a former size ("from the previously announced").
func trimDescribing(b string) string {
	for trimmed := true; trimmed; {
		trimmed = false
		for _, w := range []string{"the ", "an ", "a ", "its ", "initially ", "originally ", "previously ", "planned ",
			"announced ", "proposed ", "initial ", "original ", "earlier ", "prior "} {
			if strings.HasSuffix(b, w) {
				b, trimmed = strings.TrimSuffix(b, w), true
			}
		}
	}
	return b
}

// fromFormer reports the earlier size told after a deal's new one in the
// same sentence: "was upsized to $1.25 billion aggregate principal amount,
// from the $1.0 billion announced on Monday".
func fromFormer(txt string, prev, a pipeline.Amount) bool {
	between := txt[prev.Span[1]:a.Span[0]]
	if strings.ContainsAny(between, ";\n") || strings.Contains(between, ". ") || len(between) > 80 {
		return false
	}
	b := toLower(txt[max(0, a.Span[0]-40):a.Span[0]])
	b = trimDescribing(b)
	if !strings.HasSuffix(b, ", from ") && !strings.HasSuffix(b, " from ") {
		return false
	}
	pb := toLower(txt[max(0, prev.Span[0]-60):prev.Span[0]])
	for _, h := range []string{"approximately ", "about ", "roughly ", "around ", "nearly ", "up to "} {
		pb = strings.TrimSuffix(pb, h)
	}
	if !strings.HasSuffix(pb, " to ") {
		return false
	}
	// The new size follows a verb of change ("upsized to", "raised to").
	for _, v := range []string{"upsized", "increased", "raised", "expanded", "enlarged", "boosted", "lifted", "grew", "rises", "rose",
		"downsized", "reduced", "cut", "lowered", "trimmed", "amended", "changed", "revised"} {
		if strings.Contains(pb, v+" ") && !targetBefore(pb) {
			return true
		}
	}
	return false
}

// balanceClause reports an amount in a clause telling what a company held
// at a date: "ended the quarter with cash and digital assets of $236
// million", "exited 2025 with $612 million in cash and 1,250 BTC".
func balanceClause(before string) bool {
	b := toLower(before[max(0, len(before)-80):])
	if k := strings.LastIndexAny(b, ";.\n"); k >= 0 {
		b = b[k+1:]
	}
	return text.ContainsAny(b, "ended the quarter with", "ended the year with", "ended the period with", "ended the month with",
		"exited the quarter with", "exited the year with", "finished the quarter with", "finished the year with",
		"closed the quarter with", "closed the year with", "as of the end of the quarter")
}

// shareMove reports a share price after a percentage move ("shares jumped
// 21% to $15.10", "rose 4% at $17.85").
func shareMove(before string) bool {
	if strings.HasSuffix(before, "% to ") || strings.HasSuffix(before, "% at ") || strings.HasSuffix(before, " percent to ") {
		return true
	}
	// "closed 3.2% higher at $31.18", "ended 5 percent lower to $9.80".
	for _, dir := range []string{" higher", " lower", " up", " down"} {
		for _, p := range []string{"%", " percent", " per cent"} {
			if strings.HasSuffix(before, p+dir+" at ") || strings.HasSuffix(before, p+dir+" to ") {
				return true
			}
		}
	}
	return false
}

// netProceeds reports an amount told as the net proceeds of an offering
// ("estimates that the net proceeds from the offering will be
// approximately $X", "net proceeds of about $X"): what the company keeps,
// not the deal's size. A sale "for net proceeds of $X" is priced by them.
func netProceeds(before string) bool {
	t := toLower(before[max(0, len(before)-100):])
	k := strings.LastIndex(t, "net proceeds")
	if k < 0 || strings.ContainsAny(t[k:], "$€£¥.;") || strings.HasSuffix(t[:k], "for ") {
		return false
	}
	return true
}

// optionOrIncrement reports an amount that is no deal of its own: the
// initial purchasers' option on more notes ("granted the initial
// purchasers an option to purchase … up to an additional $150 million"),
// and the increment of an expanded deal told beside its new total ("will
// pay a further $3.6 billion …, lifting the contract's total value to
// $13.3 billion", 追加分は…約16億ドルで、契約総額は102億ドルに達する): the
// total is the deal.
func optionOrIncrement(txt string, amts []pipeline.Amount, i int) bool {
	a := amts[i]
	lo := runeBoundary(txt, max(0, a.Span[0]-120))
	b := toLower(txt[lo:a.Span[0]])
	if k := strings.LastIndex(b, ". "); k >= 0 {
		b = b[k+2:]
	}
	if k := strings.LastIndex(b, "。"); k >= 0 {
		b = b[k+len("。"):]
	}
	if strings.Contains(b, "additional") && (strings.Contains(b, "option to purchase") || strings.Contains(b, "option to buy") ||
		strings.Contains(b, "over-allotment") || strings.Contains(b, "overallotment") || strings.Contains(b, "greenshoe")) {
		return true
	}
	if i+1 >= len(amts) || amts[i+1].Span[0] < a.Span[1] {
		return false
	}
	between := txt[a.Span[1]:amts[i+1].Span[0]]
	if strings.Contains(between, ". ") || strings.Contains(between, "。") || len(between) > 160 {
		return false
	}
	// Japanese: the clause names the increment (追加分は, 増額分は) and the
	// sentence goes on to the contract's total.
	c := b
	if k := strings.LastIndex(c, "、"); k >= 0 {
		c = c[k+len("、"):]
	}
	if text.HasAnyPrefix(c, "追加分", "追加額", "増額分", "追加契約分") && strings.Contains(between, "総額") {
		return true
	}
	lb := toLower(between)
	if !strings.Contains(lb, "total") {
		return false
	}
	t := strings.TrimSpace(trimDescribing(lb))
	for _, p := range []string{" to about", " to approximately", " to roughly", " to around", " to nearly", " to"} {
		if strings.HasSuffix(t, p) {
			if text.ContainsAny(lb, "bringing ", "lifting ", "raising ", "taking ", "boosting ", "pushing ", "increasing ") {
				return true
			}
			break
		}
	}
	return false
}

// newTotal reports the word total naming the new size of a deal that grew
// ("lifting the lease's total value to $6.9 billion", "bringing the total
// to $13.3 billion"): the deal's value, not a sum of figures.
func newTotal(lower string, c cue, a pipeline.Amount) bool {
	if c.w.s != "total" || c.end > a.Span[0] || a.Span[0]-c.end > 30 {
		return false
	}
	gap := strings.TrimSpace(trimDescribing(lower[c.end:a.Span[0]]))
	switch gap {
	case "to", "value to", "contract value to", "to about", "to approximately", "value to about", "value to approximately", "to roughly", "value to roughly":
	default:
		return false
	}
	b := lower[max(0, c.start-40):c.start]
	return text.ContainsAny(b, "bringing ", "lifting ", "raising ", "taking ", "boosting ", "pushing ", "increasing ")
}

// restatedCurrency reports an amount that restates, in another currency,
// an amount just told ("a ¥20 billion loan… The loan, equivalent to about
// $134 million", "€500 million, or about $540 million", "2億ドル(約300億円)"):
// the same deal, not a new one; a fiat value of bitcoin stays. Only the
// amounts before it within a short window are looked at.
func restatedCurrency(txt string, amts []pipeline.Amount, a pipeline.Amount) bool {
	i := lowerBound(len(amts), func(k int) bool { return amts[k].Span[0] >= a.Span[0] })
	if i == 0 {
		return false
	}
	lo := runeBoundary(txt, max(0, a.Span[0]-40))
	b := toLower(txt[lo:a.Span[0]])
	b = strings.TrimRight(b, " ")
	for _, w := range []string{"about", "roughly", "around", "approximately", "some", "nearly", "almost", "約", "およそ"} {
		b = strings.TrimSuffix(strings.TrimRight(b, " "), w)
	}
	b = strings.TrimRight(b, " ")
	restate := false
	for _, v := range []string{"equivalent to", "equivalent of", "equal to", "the equivalent of", ", or", "(", "（", "worth", "換算で", "相当"} {
		if strings.HasSuffix(b, v) {
			restate = true
			break
		}
	}
	if !restate {
		return false
	}
	// The restated amount: an earlier one in another currency, close
	// before (the sentence before at most).
	for j := i - 1; j >= 0; j-- {
		p := amts[j]
		if a.Span[0]-p.Span[1] > 400 {
			break
		}
		if p.Currency == "BTC" {
			continue // a fiat value of coins is the value told (578BTC(約5500万ドル相当))
		}
		if p.Currency != a.Currency {
			if strings.HasSuffix(b, "worth") {
				// "worth about $X" restates only right after the other amount
				// or after a noun referring back to it ("The loan, worth…").
				gap := txt[p.Span[1]:a.Span[0]]
				if !strings.Contains(gap, "(") && !strings.HasPrefix(strings.TrimSpace(gap), ",") && !strings.Contains(gap, ". The ") {
					return false
				}
			}
			return true
		}
	}
	return false
}

// conditionalValue reports a value that holds only if options are used
// ("renewal options that, if exercised, would bring the total contract
// value to $2.9 billion").
func conditionalValue(before string) bool {
	return text.ContainsAny(before, "if exercised", "if fully exercised", "are exercised", "were exercised", "if extended", "if renewed")
}
