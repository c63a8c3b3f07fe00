package deal

import (
	"strings"

	"github.com/kozan-dev/kozan/extract/text"
	"github.com/kozan-dev/kozan/pipeline"
)

// The deals of a text settled at the end: dropped, merged, completed.

// yieldNameless drops a data rule's deal that names no counterparty when
// another deal of the same company is told in the same sentence ("agreed
// to acquire a site from X" is X's deal; "is to acquire data centre
// developer Y" is the deal of Y bought by the company), or a deal of a
// like kind with a value is told near it (a site acquired, then its price
// two sentences on). It runs after the drops, so it yields only to deals
// that stay ("paid $2.5 million for a property": the payment, dropped as
// spending, leaves the site's purchase).
func yieldNameless(ds []pipeline.Deal) []pipeline.Deal {
	const near = 400 // bytes: a sentence or two
	out := ds[:0]
	for i, d := range ds {
		keep := true
		if d.Counterparty == "" && strings.HasPrefix(d.Rule, "data:") {
			for j, o := range ds {
				if j == i || o.Company != d.Company && (string(o.Counterparty) != d.Company || o.Kind != d.Kind) {
					continue // "DigitalBridge is to acquire data centre developer Yondr": Yondr's deal names the buyer
				}
				same := o.EvidenceSpan == d.EvidenceSpan && (o.Counterparty != "" || !strings.HasPrefix(o.Rule, "data:"))
				close := o.Amount != nil && d.Amount == nil && likeKinds(o.Kind, d.Kind) && !distinctSites(o, d) &&
					o.EvidenceSpan[0] < d.EvidenceSpan[1]+near && d.EvidenceSpan[0] < o.EvidenceSpan[1]+near
				if same || close {
					keep = false
					break
				}
			}
		}
		if keep {
			out = append(out, d)
		}
	}
	return out
}

// dropSpending drops the deals Rules.spending tells apart: a company
// investing with nobody named ("plans to invest $850 million in Spain").
func (x *Extractor) dropSpending(ds []pipeline.Deal) []pipeline.Deal {
	out := ds[:0]
	for _, d := range ds {
		if _, ok := x.rules.spending(d); !ok {
			out = append(out, d)
		}
	}
	return out
}

// jvOwnersYield drops a partnership between a joint venture and one of
// its owners when the same sentence told the owners' own partnership
// (data:en.deal.jv_owners): "Ascenty is a Digital Realty and Brookfield
// joint venture" is Digital Realty's deal with Brookfield, not Ascenty's.
func jvOwnersYield(ds []pipeline.Deal) []pipeline.Deal {
	type pair struct {
		sp   [2]int
		a, b string
	}
	var owners []pair
	for _, d := range ds {
		if strings.Contains(d.Rule, "data:en.deal.jv_owners") && d.Counterparty != "" {
			owners = append(owners, pair{d.EvidenceSpan, d.Company, string(d.Counterparty)})
		}
	}
	if len(owners) == 0 {
		return ds
	}
	out := ds[:0]
	for _, d := range ds {
		drop := false
		if d.Kind == pipeline.KindPartnership && !strings.Contains(d.Rule, "data:en.deal.jv_owners") {
			for _, o := range owners {
				if o.sp != d.EvidenceSpan {
					continue
				}
				c, cp := d.Company, string(d.Counterparty)
				inA, inB := c == o.a || c == o.b, cp == o.a || cp == o.b
				if inA != inB {
					drop = true // one side an owner, the other the venture
				}
			}
		}
		if !drop {
			out = append(out, d)
		}
	}
	return out
}

// dropSelfDeals drops a deal between two names of one company ("Hut 8" and
// "Hut 8 Mining").
func (x *Extractor) dropSelfDeals(ds []pipeline.Deal) []pipeline.Deal {
	out := ds[:0]
	for _, d := range ds {
		if !sameName(d.Company, string(d.Counterparty)) || x.twoKnown(d.Company, string(d.Counterparty)) {
			out = append(out, d)
		}
	}
	return out
}

// twoKnown reports two names the company list knows as two companies
// (NTT and NTT DATA), though one begins with the other.
func (x *Extractor) twoKnown(a, b string) bool {
	ca, ka := x.gaz.Canonical(a)
	cb, kb := x.gaz.Canonical(b)
	return ka && kb && ca != cb
}

// dropCoLenders drops a financing between two lenders — banks the
// company list knows as lenders, or Japanese names that end in a bank
// word (百十四銀行, 高松信用金庫) — ("JP Morgan and Goldman Sachs are
// expected to underwrite project-level financing", 「DBJは百十四銀行、
// 香川銀行とシンジケートローンを組成」): they lend together, to someone
// else; neither is the other's counterparty. Only a deal told without a
// figure: a loan with its amount from one lender to another (a private
// credit manager borrowing from a bank) stays, and so does an
// acquisition or a stake between two lenders. When the sentence names one
// other company, not a lender ("JP Morgan and Goldman Sachs have committed
// to back the construction loan for Hut 8's campus"), the financing is
// each lender's with it (rule borrower:…).
func (x *Extractor) dropCoLenders(d *doc, ds []pipeline.Deal) []pipeline.Deal {
	lender := func(name string) bool {
		return x.roleOf(name) == "lender" || hasJapanese(name) && text.HasAnySuffix(name, bankWordsJA...)
	}
	out := ds[:0]
	var lent []pipeline.Deal
	for _, dl := range ds {
		money := dl.Kind == pipeline.KindFinancing || dl.Kind == pipeline.KindBackstop || dl.Kind == pipeline.KindOther || dl.Kind == pipeline.KindPartnership
		// A figure told as the lenders' joint loan (「…との協調融資」, "a
		// co-financing with") is no loan between them either.
		colend := text.ContainsAny(strings.ToLower(dl.Evidence), coLending...)
		joint := dl.Amount == nil || colend
		if money && joint && dl.Counterparty != "" && lender(dl.Company) && lender(string(dl.Counterparty)) {
			b, ok := x.borrowerIn(d, dl, lender)
			if !ok && dl.Kind == pipeline.KindFinancing && colend {
				// 「本融資は、A銀行及びB銀行との協調融資により実施」: the loan
				// told before, its borrower the one the co-lenders lend to.
				b, ok = borrowerBefore(ds, dl, lender)
			}
			if ok && dl.Kind == pipeline.KindFinancing {
				for _, l := range []string{dl.Company, string(dl.Counterparty)} {
					bd := withCounterparty(dl, l, "borrower:")
					bd.Company = b
					lent = append(lent, bd)
				}
			}
			continue
		}
		out = append(out, dl)
	}
	for _, l := range lent {
		if !hasDeal(out, l.Company, string(l.Counterparty)) {
			out = append(out, l)
		}
	}
	return out
}

// borrowerIn returns the one company of dl's sentence that is neither of
// its two lenders nor a lender at all, named or evidently an organisation.
func (x *Extractor) borrowerIn(d *doc, dl pipeline.Deal, lender func(string) bool) (string, bool) {
	b := ""
	ms := d.mentionsFrom(dl.EvidenceSpan)
	for i := range ms {
		m := &ms[i]
		if m.Span[1] > dl.EvidenceSpan[1] || !usable(*m) || lender(m.Name) ||
			sameName(m.Name, dl.Company) || sameName(m.Name, string(dl.Counterparty)) || !m.Known && !x.partyEvident(d, m) {
			continue
		}
		if b != "" && !sameName(b, m.Name) {
			return "", false
		}
		b = m.Name
	}
	return b, b != ""
}

// borrowerBefore returns the borrower of the last loan or investment told
// before dl whose lender or investor is one of dl's two lenders (「DBJは
// ハイレゾ香川に出資…DBJは、百十四銀行、香川銀行とシンジケートローンも組成」):
// the other side of that deal, when it is no lender itself.
func borrowerBefore(ds []pipeline.Deal, dl pipeline.Deal, lender func(string) bool) (string, bool) {
	b := ""
	for _, o := range ds {
		if o.EvidenceSpan[0] >= dl.EvidenceSpan[0] || o.Kind != pipeline.KindFinancing && o.Kind != pipeline.KindEquity || o.Counterparty == "" {
			continue
		}
		for _, l := range []string{dl.Company, string(dl.Counterparty)} {
			switch {
			case sameName(o.Company, l) && !lender(string(o.Counterparty)):
				b = string(o.Counterparty)
			case sameName(string(o.Counterparty), l) && !lender(o.Company):
				b = o.Company
			}
		}
	}
	return b, b != ""
}

// coLending words tell a loan several lenders make together.
var coLending = []string{"協調融資", "シンジケートローン", "シンジケート・ローン", "co-financing", "cofinancing", "co-lend", "syndicated",
	// 「XとYが主導する融資パッケージ」, "co-led by X and Y": the leads of one loan.
	"主導", "co-led", "jointly led", "joint lead arranger"}

// bankWordsJA end the Japanese names of lenders.
var bankWordsJA = []string{"銀行", "信用金庫", "信金", "信用組合"}

// likeKinds: the same kind, or two kinds of buying and selling an asset.
func likeKinds(a, b pipeline.Kind) bool {
	asset := func(k pipeline.Kind) bool {
		return k == pipeline.KindAcquisition || k == pipeline.KindPurchase || k == pipeline.KindAssetSale
	}
	return a == b || asset(a) && asset(b)
}

// clone copies a deal list, so a filter that works in place leaves the
// list before it intact for the explanation.
func clone(ds []pipeline.Deal) []pipeline.Deal { return append([]pipeline.Deal(nil), ds...) }

// gone lists the deals of before that are not in after.
func gone(before, after []pipeline.Deal, reason string) []Drop {
	type key struct {
		c, cp string
		k     pipeline.Kind
		ev    [2]int
	}
	keyOf := func(d *pipeline.Deal) key { return key{d.Company, string(d.Counterparty), d.Kind, d.EvidenceSpan} }
	// Most stages only drop deals and keep the others in order: walk both
	// lists once. The result is the count-based one below whenever no
	// dropped deal's key is still among the kept ones.
	var out []Drop
	j := 0
	for i := range before {
		if j < len(after) && keyOf(&before[i]) == keyOf(&after[j]) {
			j++
			continue
		}
		out = append(out, Drop{Deal: before[i], Reason: reason})
	}
	if j == len(after) {
		if len(out) == 0 {
			return nil
		}
		dropped := make(map[key]bool, len(out))
		for i := range out {
			dropped[keyOf(&out[i].Deal)] = true
		}
		clean := true
		for i := range after {
			if dropped[keyOf(&after[i])] {
				clean = false
				break
			}
		}
		if clean {
			return out
		}
	}
	left := make(map[key]int, len(after))
	for i := range after {
		left[keyOf(&after[i])]++
	}
	out = out[:0]
	for i := range before {
		k := keyOf(&before[i])
		if left[k] > 0 {
			left[k]--
			continue
		}
		out = append(out, Drop{Deal: before[i], Reason: reason})
	}
	return out
}

// fullNames gives each party no list knows the fullest form the article
// uses for it: "Gridline" after "Gridline Mining", "Nordlys" after
// "Nordlys Compute AS". Known organisations keep their canonical name.
func (x *Extractor) fullNames(d *doc, ds []pipeline.Deal) []pipeline.Deal {
	// longest maps each name's leading words ("Gridline" of "Gridline
	// Mining Co") to the longest name that starts with them, the first
	// in the text on a tie: one pass over the mentions, not one per deal.
	var longest map[string]string
	full := func(n string) string {
		if n == "" {
			return n
		}
		if _, known := x.gaz.Canonical(n); known {
			return n
		}
		if longest == nil {
			longest = map[string]string{}
			for _, m := range d.mentions {
				if m.Known || m.weak {
					continue
				}
				for i := 0; i < len(m.Name); i++ {
					if m.Name[i] == ' ' {
						if b, ok := longest[m.Name[:i]]; !ok || len(m.Name) > len(b) {
							longest[m.Name[:i]] = m.Name
						}
					}
				}
			}
		}
		if b, ok := longest[n]; ok {
			return b
		}
		return n
	}
	for i := range ds {
		ds[i].Company = full(ds[i].Company)
		ds[i].Counterparty = pipeline.NullString(full(string(ds[i].Counterparty)))
	}
	return ds
}

// dropPriceParts removes a payment that is part of the price of an
// acquisition told before with the same parties ("buy X for $530 million
// in cash and stock. … will pay $210 million in cash and issue 27 million
// shares to X's owners", "買収額のうち現金で…を支払う").
func dropPriceParts(txt string, ds []pipeline.Deal) []pipeline.Deal {
	out := ds[:0]
	for j, dl := range ds {
		part := false
		if dl.Amount != nil && paymentPart(txt, *dl.Amount) {
			for i := 0; i < j; i++ {
				a := ds[i]
				if a.Kind == pipeline.KindAcquisition && a.Amount != nil && a.Amount.Currency == dl.Amount.Currency &&
					a.Amount.Value > dl.Amount.Value && (a.Company == dl.Company &&
					(dl.Counterparty == "" || sameName(string(a.Counterparty), string(dl.Counterparty))) ||
					// the buyer paying a part of the target's price
					dl.Counterparty == "" && sameName(string(a.Counterparty), dl.Company)) {
					part = true
				}
			}
		}
		if !part {
			out = append(out, dl)
		}
	}
	return out
}

// paymentPart reports an amount told as a form of payment: "pay $X in cash",
// "$X in cash and … shares", "The consideration consists of $X in cash",
// "うち現金で約X億円".
func paymentPart(txt string, a pipeline.Amount) bool {
	if a.Span[1] > len(txt) || a.Span[0] < 0 {
		return false
	}
	before := toLower(txt[max(0, a.Span[0]-24):a.Span[0]])
	after := toLower(txt[a.Span[1]:min(len(txt), a.Span[1]+24)])
	if text.HasAnyPrefix(after, " in cash", " in stock", " in shares", " of cash", " in newly issued", " cash payment", " cash consideration") &&
		(strings.HasSuffix(before, "pay ") || strings.HasSuffix(before, "pays ") || strings.HasSuffix(before, "paying ") ||
			text.ContainsAny(before, " will pay ", " of which ", "comprising ", "consisting of ", "consists of ", "comprises ",
				"made up of ", "composed of ", "satisfied through ", "satisfied by ", "includes ", "including ", "include ")) {
		return true // "valued at $14.3 million, includes a $2.3 million cash payment", "satisfied through C$1,000,000 in cash"
	}
	if text.HasAnySuffix(before, "shares worth ", "stock worth ", "shares valued at ", "stock valued at ") &&
		text.ContainsAny(toLower(txt[max(0, a.Span[0]-160):a.Span[0]]), "includes ", "including ", "satisfied ", "consisting of ", "comprising ") {
		return true // "…includes a cash payment and the issuance of shares worth $12 million"
	}
	return strings.Contains(before, "うち") && (strings.Contains(before, "現金") || strings.Contains(after, "を現金") ||
		strings.Contains(after, "は現金") || strings.Contains(before, "株式"))
}

// restateNouns refer back to an agreement already told.
var restateNouns = []string{"the contract", "the deal", "the agreement", "the lease", "the transaction", "the pact"}

// dropRestated drops a deal without counterparty whose sentence refers
// back to "the contract" (or deal, agreement…) before its amount, when an
// earlier deal of a like kind names its company with a counterparty and a
// value: "Nebius said the contract was worth $17.4bn…" after "Microsoft
// has signed a deal worth up to $20bn with … Nebius" is that deal again.
func dropRestated(lower string, ds []pipeline.Deal) []pipeline.Deal {
	byParty := map[string][]int{} // a party's deals with a counterparty and a value
	for j, e := range ds {
		if e.Counterparty != "" && e.Amount != nil {
			byParty[e.Company] = append(byParty[e.Company], j)
			byParty[string(e.Counterparty)] = append(byParty[string(e.Counterparty)], j)
		}
	}
	told := make([]bool, len(ds)) // decided before ds is compacted in place
	for i, dl := range ds {
		if dl.Counterparty == "" && dl.Amount != nil && restatesTold(lower, dl) {
			for _, j := range byParty[dl.Company] {
				if e := ds[j]; e.EvidenceSpan[0] < dl.EvidenceSpan[0] && sameKindOr(e.Kind, dl.Kind) {
					told[i] = true
					break
				}
			}
		}
	}
	return withoutDropped(ds, told)
}

// restatesTold reports a definite reference to an agreement between the
// start of dl's sentence and its amount.
func restatesTold(lower string, dl pipeline.Deal) bool {
	sp, a := dl.EvidenceSpan, dl.Amount.Span
	if sp[1] <= sp[0] || a[0] < sp[0] || a[0] > sp[1] || sp[1] > len(lower) {
		return false
	}
	return text.ContainsAny(lower[sp[0]:a[0]], restateNouns...)
}

// dropFigureTwice keeps one of two deals without counterparty that carry
// the same figure (at least a million, one currency) and kinds that may
// agree but name different companies: a figure told twice in a text is one
// deal ("The company raised $220 million…" and, later, "it raised $220
// million in a private placement"). In one sentence, the deal a relation
// pattern ties to the figure stays; else the deal whose company its own
// sentence names, else the one of the company the text names most.
func dropFigureTwice(d *doc, ds []pipeline.Deal) []pipeline.Deal {
	count := map[string]int{}
	for _, m := range d.mentions {
		count[m.Name]++
	}
	own := func(dl pipeline.Deal) bool {
		return strings.Contains(dl.Rule, "amount:subject") || strings.Contains(dl.Rule, "amount:investee")
	}
	// A relation pattern ties the figure to a company its sentence names
	// ("…, TeraWulf (WULF) with $500 million"): closer than the sentence's
	// subject, which keeps the figure only when no pattern does.
	bound := func(dl pipeline.Deal) bool {
		return strings.HasPrefix(dl.Rule, "data:") && strings.Contains(dl.Evidence, dl.Company) // not the topic's
	}
	// Only deals of one figure are compared: a long page's thousands of
	// deals cost no more than their groups.
	type figure struct {
		currency string
		value    float64
	}
	groups := map[figure][]int{}
	for i, a := range ds {
		if a.Counterparty == "" && a.Amount != nil && a.Amount.Value >= 1e6 {
			k := figure{a.Amount.Currency, a.Amount.Value}
			groups[k] = append(groups[k], i)
		}
	}
	drop := make([]bool, len(ds))
	for _, g := range groups {
		for gi, i := range g {
			for _, j := range g[gi+1:] {
				a, b := ds[i], ds[j]
				if drop[i] || drop[j] || b.Company == a.Company || !sameKindOr(a.Kind, b.Kind) && !raising(a.Kind, b.Kind) {
					continue
				}
				switch {
				case a.EvidenceSpan == b.EvidenceSpan && bound(a) != bound(b):
					if bound(a) {
						drop[j] = true
					} else {
						drop[i] = true
					}
				case own(a) && own(b):
					// Two companies each named raising the same sum: two deals.
				case own(a) && !own(b):
					drop[j] = true
				case own(b) && !own(a):
					drop[i] = true
				case count[b.Company] > count[a.Company]:
					drop[i] = true
				case count[a.Company] > count[b.Company]:
					drop[j] = true
				}
			}
		}
	}
	return withoutDropped(ds, drop)
}

// withoutDropped compacts ds in place to the deals drop does not mark
// (drop is indexed as ds was).
func withoutDropped(ds []pipeline.Deal, drop []bool) []pipeline.Deal {
	out := ds[:0]
	for i, dl := range ds {
		if !drop[i] {
			out = append(out, dl)
		}
	}
	return out
}

// raising reports two kinds a raise of money may be told as: a financing
// and an equity round.
func raising(a, b pipeline.Kind) bool {
	return (a == pipeline.KindFinancing || a == pipeline.KindEquity) && (b == pipeline.KindFinancing || b == pipeline.KindEquity)
}

// dropProductMakers drops a deal one of whose parties is a maker (role
// vendor) that its sentence names only before its products: "leased 504
// Nvidia B200 GPUs", "deploy 800 Bitmain machines", 「エヌビディア製GPU」. The
// maker sold nothing in a lease, a hosting contract or an investment; a
// purchase or an acquisition stays (buying a maker's machines is buying from
// it).
func (x *Extractor) dropProductMakers(d *doc, ds []pipeline.Deal) []pipeline.Deal {
	out := ds[:0]
	for _, dl := range ds {
		if dl.Kind != pipeline.KindPurchase && dl.Kind != pipeline.KindAcquisition &&
			(x.makerOnly(d, dl, dl.Company) || dl.Counterparty != "" && x.makerOnly(d, dl, string(dl.Counterparty))) {
			continue
		}
		out = append(out, dl)
	}
	return out
}

// makerOnly reports a vendor named in dl's sentence, every time, right
// before a product (a model number or a product noun, or 製) or opening a
// product's name in corner brackets.
func (x *Extractor) makerOnly(d *doc, dl pipeline.Deal, name string) bool {
	if x.roleOf(name) != "vendor" {
		return false
	}
	seen := false
	for _, m := range d.mentionsFrom(dl.EvidenceSpan) {
		if m.Span[1] > dl.EvidenceSpan[1] || !sameName(m.Name, name) {
			continue
		}
		rest := d.text[m.Span[1]:min(len(d.text), m.Span[1]+60)]
		before := d.text[max(0, m.Span[0]-12):m.Span[0]]
		quoted := strings.HasSuffix(before, "「") && strings.Contains(rest, "」") // 「NVIDIA H100 Tensor コア GPU」: a product's name
		if !strings.HasPrefix(rest, "製") && !(strings.HasPrefix(rest, " ") && productAfter(rest)) && !quoted {
			return false
		}
		seen = true
	}
	return seen
}

// dropCoParties drops a deal between A and B when a data rule told, in the
// same sentence, the same kind of deal of a third company with each of
// them: 「そこに三菱地所と東京センチュリーが出資する」 makes both the fund's
// investors, not each other's. Deals are compared only within their
// sentence.
func dropCoParties(ds []pipeline.Deal) []pipeline.Deal {
	bySpan := map[[2]int][]int{}
	for i, d := range ds {
		bySpan[d.EvidenceSpan] = append(bySpan[d.EvidenceSpan], i)
	}
	// others returns the companies a data rule told a deal of kind k with
	// name in the sentence of group g.
	others := func(g []int, k pipeline.Kind, name string) map[string]bool {
		out := map[string]bool{}
		for _, j := range g {
			e := ds[j]
			if e.Kind != k || e.Counterparty == "" || !strings.Contains(e.Rule, "data:") {
				continue
			}
			switch name {
			case e.Company:
				out[string(e.Counterparty)] = true
			case string(e.Counterparty):
				out[e.Company] = true
			}
		}
		return out
	}
	out := ds[:0]
	for _, d := range ds {
		if d.Counterparty != "" && !strings.Contains(d.Rule, "data:") {
			g := bySpan[d.EvidenceSpan]
			a, b := d.Company, string(d.Counterparty)
			withB := others(g, d.Kind, b)
			drop := false
			for third := range others(g, d.Kind, a) {
				if third != b && withB[third] {
					drop = true
				}
			}
			if drop {
				continue
			}
		}
		out = append(out, d)
	}
	return out
}
