package deal

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/kozan-dev/kozan/extract/text"
	"github.com/kozan-dev/kozan/pipeline"
)

// amountless finds deals without an amount: a strong deal word with a
// counterparty in the same clause ("AMDとリース契約を締結", "partnered with X").
// used are the deal words tied to an amount; a clause holding one of the
// judged amounts is not amount-less.
func (x *Extractor) amountless(sc *sent, used []bool, judged []pipeline.Amount) []pipeline.Deal {
	d, sp, ms, cues, ctx, isJA := sc.d, sc.sp, sc.ms, sc.cues, sc.ctx, sc.isJA
	var out []pipeline.Deal
	seen := map[string]int{} // key -> distance of the trigger to the counterparty
	idx := map[string]int{}
	for ci, c := range cues {
		if c.w.class != cueTrigger || used[ci] {
			continue
		}
		// A weak buying, selling or funding word ("から…を購入した") makes
		// a pending deal: it stands only if the next sentence gives its
		// value (購入額は…), see dropPending.
		pending := !c.w.strong && !(!isJA && doneBefore(d.lower[max(sp[0], c.start-40):c.start]))
		// 「AとBは共同で開発する」, "A and B teamed up": a weak joint
		// word makes a partnership of a pair that is the sentence's
		// subject, nothing else.
		joint := pending && c.w.kind == pipeline.KindPartnership
		if pending && !pendingKinds[c.w.kind] && !joint {
			continue
		}
		if !isJA && hypothetical(d.lower, sp[0], c.start) {
			continue // "more hyperscaler leases", "potential deals"
		}
		if !isJA && refersToDealTold(d.lower[sp[0]:c.start]) {
			continue // "The deal effectively brings Bitmain's assets to market": the deal just told
		}
		lo, hi := sc.lang.clauseAround(d.text, sp, c)
		// A clause whose amounts were judged is not amount-less.
		skip := false
		for _, a := range judged {
			if a.Span[0] >= lo && a.Span[1] <= hi {
				skip = true
			}
		}
		if skip {
			continue
		}
		zm := mentionsIn(ms, lo, hi)
		kind := kindNear(cues, c, c.start, c.end, lo, hi)
		if kind == pipeline.KindEquity && majorityStake(d.lower[lo:hi]) {
			kind = pipeline.KindAcquisition
		}
		if stockInClause(cues, lo, hi) && (kind == pipeline.KindAssetSale || kind == pipeline.KindPurchase || kind == pipeline.KindOther) {
			kind = pipeline.KindEquity
		}
		if pending && (kind == pipeline.KindEquity || kind == pipeline.KindAcquisition) && sharesBought(d.lower[lo:hi], isJA) {
			// 「Bitfarms株式を追加購入した」: shares of a named company
			// bought are a stake taken (a majority: control, 過半数の株式を取得).
			pending = false
		}
		if kind == pipeline.KindOther && isJA {
			// "ホスティングサービスを提供する契約": the service named
			// before the agreement.
			kind = mainKind(cues, c, pipeline.Amount{Span: [2]int{c.start, c.end}}, lo, c.start)
		}
		rel := false
		var p parties
		var ok bool
		if !isJA {
			// "The facility will be leased to Oracle, which has a deal to
			// provide computing power to Microsoft": the name the clause
			// hangs on makes the clause's deal, when the clause names its
			// other side.
			if rz, found := whichClause(d.text, sp, ms, pipeline.Amount{Span: [2]int{c.start, c.end}}); found {
				if rp, rok := resolve(sc, rz, kind, c.start, c.end); rok && rp.cp != nil && (rp.company.Name == rz[0].Name || rp.cp.Name == rz[0].Name) {
					zm, p, ok, rel = rz, rp, true, true
				}
			}
		}
		if !rel {
			p, ok = resolve(sc, zm, kind, c.start, c.end)
		}
		if ok && !rel {
			p = sc.minerPrior(p, kind)
			if p.cp == nil && isJA && p.how == "subject" && (kind == pipeline.KindFinancing || kind == pipeline.KindEquity) {
				p = withOnlyOther(p, zm) // 「GoogleはTeraWulfの株式を購入するワラントを受け取った」
			}
		}
		if ok && isJA && speakerOfQuote(d.text, sp, p, c.start) {
			continue // 「Xは公開書簡で『今回の買収はYを過小評価』と述べた」: the speaker makes no deal
		}
		firm := false
		if joint {
			if !ok || p.how != "pair" || p.cp == nil {
				continue
			}
			pending = false
		}
		if pending && !isJA && ok && p.cp != nil && p.cp.label == lObj && firmBought(sc, p.cp) && (p.company.Known || !p.company.weak) &&
			(kind == pipeline.KindPurchase || kind == pipeline.KindAcquisition || kind == pipeline.KindEquity) {
			// "which bought Data4 from Axa IM in 2023", "to buy AirTrunk":
			// a company bought outright is an acquisition, its value or
			// not; it still takes the value the next sentence gives.
			firm, kind = true, pipeline.KindAcquisition
		}
		if ok && p.cp == nil && c.w.strong && unnamedParty(d.lower[lo:hi]) && minerKinds[refineKind(kind, sc.aiCtx, p, x.gaz)] {
			// "signed a colocation agreement with a hyperscaler it did not
			// name": a deal whose value the next sentence may give.
			key := p.company.Name + "\x00"
			if _, ok := idx[key]; ok {
				continue
			}
			ukind := refineKind(kind, ctx, p, x.gaz)
			if ppaIn(cues, lo, hi) {
				ukind = pipeline.KindOther // "a power purchase agreement with a major renewable energy producer"
			}
			dl := pipeline.Deal{
				Company:      p.company.Name,
				Kind:         ukind,
				Evidence:     d.text[sp[0]:sp[1]],
				EvidenceSpan: sp,
				Confidence:   p.confidence(false),
				Rule:         pendingRule + "unnamed:" + p.how,
			}
			x.measures(d, &dl, lo, hi, c.start)
			idx[key] = len(out)
			out = append(out, dl)
			continue
		}
		if ns, ne, signed := signedDeal(sc, c); ok && p.cp == nil && c.w.strong && p.how == "subject" && !p.company.weak && signed &&
			(p.company.miner || !minerKinds[kindNear(cues, c, ns, ne, lo, hi)]) { // "Oracle has signed a lease": the tenant's landlord is not named
			// "BitFuFu Inc. signed exclusive lease agreements for two
			// sites": a deal its subject made, the other side unnamed.
			key := p.company.Name + "\x00"
			if _, ok := idx[key]; !ok {
				kind = refineKind(kindNear(cues, c, ns, ne, lo, hi), ctx, p, x.gaz)
				if ppaIn(cues, lo, hi) {
					kind = pipeline.KindOther // "entered into six hydropower purchasing agreements": power, whatever the article's context
				}
				dl := pipeline.Deal{Company: p.company.Name, Kind: kind, Evidence: d.text[sp[0]:sp[1]], EvidenceSpan: sp,
					Confidence: p.confidence(false), Rule: "noamount:signed@" + c.w.id}
				x.measures(d, &dl, lo, hi, c.start)
				idx[key] = len(out)
				out = append(out, dl)
			}
			continue
		}
		if !ok || p.cp == nil || p.cp.weak && !p.cp.Known && !strongUnknown(p.cp) && !acronymParty(sc, p.cp) && !companyAppositive(d.lower[p.cp.Span[1]:min(len(d.lower), p.cp.Span[1]+80)]) &&
			!(isJA && c.w.strong && p.cp.label == lCP && latinWord(p.cp.Name)) {
			// 「CoinmintはAlcoaと…リース契約を締結」: a Latin name in the partner's
			// slot of a Japanese deal sentence is a company's.
			continue
		}
		if p.how == "pair" && !isJA && pluralDealWord(d.lower, c.start, c.end) {
			continue // "A and B signed hosting agreements": each its own, none with the other
		}
		if p.how == "pair" && !isJA && kind != pipeline.KindPartnership && thirdPartyAfter(zm, p) && !strings.HasSuffix(d.lower[:p.company.Span[0]], "between ") {
			// "KKR and GIP will pay $90.50 for each CyrusOne share as per
			// the deal": a pair acting together on a third company is no
			// deal between the two. "An agreement between A and B on who
			// will serve a site in C County" names its two sides.
			continue
		}
		pps := []parties{p}
		if p.how == "pair" && isJA {
			if (kind == pipeline.KindFinancing || kind == pipeline.KindEquity || kind == pipeline.KindBackstop) && thirdPartyIn(zm, p) {
				// 「DBJは…AとBに…融資」「MUFGに加え、AとB、Cが合計で出資する」:
				// a pair that lends, invests or is funded beside a third name
				// acts with it, or each with it; no money passes between the two.
				continue
			}
			if kind == pipeline.KindFinancing && text.HasAnyPrefix(c.w.s, "補助", "助成") {
				// 「AとBが、経済産業省の補助金を活用し」: a subsidy comes from
				// a government; the pair receives it together.
				continue
			}
			if t := partnerAfterPair(zm, p); t != nil {
				// 「東北電力とDBJがNTT東日本と締結した協定」: a pair that signs
				// with a third makes no deal between the two; each makes it
				// with the third.
				pps = []parties{{company: p.company, cp: t, how: "pair_with"}, {company: *p.cp, cp: t, how: "pair_with"}}
			}
		}
		if p.how == "miner" {
			// A deal word with no figure, and a company chosen only for
			// being a miner the sentence names ("The deal comes as
			// reports swirl that…", "This lease agreement follows…"):
			// right on four of nine on the real-news dev split, where
			// its rules were tuned. Precision first: no deal.
			continue
		}
		base := kind
		for _, p := range pps {
			kind := base
			key := p.company.Name + "\x00" + p.cp.Name
			dcp := absInt(c.start - p.cp.Span[1])
			if pending {
				dcp += 1 << 20 // a strong deal word wins
			}
			if kind == pipeline.KindOther {
				dcp += 1 << 19 // "leased the campus to X under a long-term agreement": the lease tells the kind
			}
			if prev, ok := seen[key]; ok && prev <= dcp {
				continue
			}
			seen[key] = dcp
			if kind == pipeline.KindOther && hasPartnerWord(cues, lo, hi) {
				kind = pipeline.KindPartnership // "agreed to set up a joint venture to run GPU halls"
			}
			kind = refineKind(kind, ctx, p, x.gaz)
			if ppaIn(cues, lo, hi) {
				kind = pipeline.KindOther
			}
			dl := pipeline.Deal{
				Company:      p.company.Name,
				Counterparty: pipeline.NullString(p.cp.Name),
				Kind:         kind,
				Evidence:     d.text[sp[0]:sp[1]],
				EvidenceSpan: sp,
				Confidence:   p.confidence(false),
				Rule:         "noamount:" + p.how + "@" + c.w.id,
			}
			if pending {
				dl.Rule = pendingRule + p.how + "@" + c.w.id
				if firm {
					dl.Rule = pendingRule + firmBoughtRule + p.how + "@" + c.w.id
				}
			}
			x.measures(d, &dl, lo, hi, c.start)
			if k, ok := idx[key]; ok {
				out[k] = dl
				continue
			}
			idx[key] = len(out)
			out = append(out, dl)
		}
	}
	return out
}

// thirdPartyAfter reports a usable organisation of the clause's mentions zm,
// other than the pair p, named after both members of the pair. An owner of
// a thing ("quadrupling Khazna's portfolio") is none.
func thirdPartyAfter(zm []mention, p parties) bool {
	for _, m := range zm {
		if thirdOf(m, p) && m.Span[0] > p.company.Span[1] && (p.cp == nil || m.Span[0] > p.cp.Span[1]) {
			return true
		}
	}
	return false
}

// speakerOfQuote reports a deal word inside a quotation 「…」 still open
// at at, with a party named before the quotation opens: the speaker
// quoted, whose words tell of a deal, is no side of it.
func speakerOfQuote(txt string, sp [2]int, p parties, at int) bool {
	q := strings.LastIndex(txt[sp[0]:at], "「")
	if q < 0 {
		return false
	}
	q += sp[0]
	if strings.Contains(txt[q:at], "」") {
		return false
	}
	// Speech, not the name of an agreement (「資本業務提携契約」を締結): a
	// quotation that reads as a sentence, with a comma or a stop in it or
	// long.
	quote := txt[q+len("「") : sp[1]]
	if k := strings.Index(quote, "」"); k >= 0 {
		quote = quote[:k]
	}
	if !strings.ContainsAny(quote, "、。") && utf8.RuneCountInString(quote) <= 20 {
		return false
	}
	return p.company.Span[1] <= q || p.cp != nil && p.cp.Span[1] <= q
}

// partnerAfterPair returns a third name after the pair in the partner's
// slot (と, との), or nil: the pair acts together with it.
func partnerAfterPair(zm []mention, p parties) *mention {
	end := p.company.Span[1]
	if p.cp != nil {
		end = max(end, p.cp.Span[1])
	}
	for i, m := range zm {
		if m.Span[0] >= end && m.label == lCP && thirdOf(m, p) {
			return &zm[i]
		}
	}
	return nil
}

// thirdPartyIn reports a usable name of the clause, other than the pair's
// two, anywhere in it.
func thirdPartyIn(zm []mention, p parties) bool {
	return slices.ContainsFunc(zm, func(m mention) bool { return thirdOf(m, p) })
}

// thirdOf reports a usable organisation other than the pair p's two (an
// owner of a thing, lPoss, is none).
func thirdOf(m mention, p parties) bool {
	return m.Name != p.company.Name && (p.cp == nil || m.Name != p.cp.Name) && usable(m) && m.label != lPoss
}

// pendingKinds are the kinds of weak deal words that may make a pending
// amount-less deal.
var pendingKinds = map[pipeline.Kind]bool{pipeline.KindPurchase: true, pipeline.KindAssetSale: true,
	pipeline.KindFinancing: true, pipeline.KindEquity: true}

// pendingRule marks a deal from a weak deal word that needs the next
// sentence's value to stand.
const pendingRule = "pending:"

// firmBoughtRule marks a pending deal whose object is a company bought
// outright: it stands without a value too.
const firmBoughtRule = "firm:"

// joinPending gives a pending deal's other side to its company's one deal
// of that kind family told with an amount and no counterparty in the same
// story, and drops the pending deal (「トラクト社は…土地を1億3600万ドルで取得
// した。…今回、トラクト社は用地をアリゾナ・ランドから取得した。」).
func joinPending(ds []pipeline.Deal) []pipeline.Deal {
	return joinValued(ds, func(dl pipeline.Deal) bool { return strings.HasPrefix(dl.Rule, pendingRule) })
}

// joinValued gives the other side of each deal without amount that join
// picks to its company's one deal of that kind family told with an
// amount and no counterparty within a few paragraphs, and drops it (the
// deal with the figure keeps its kind: on the real-news dev split,
// taking the named side's kind instead got two kinds fewer right).
func joinValued(ds []pipeline.Deal, join func(pipeline.Deal) bool) []pipeline.Deal {
	const near = 2500 // bytes between the two deals' evidence
	var joined []bool // the pending deals given away, once one is
	var order []int   // ds's indexes by evidence start, built at the first pending deal
	for i, dl := range ds {
		if !join(dl) || dl.Amount != nil || kindFamily[dl.Kind] == "" {
			continue
		}
		if order == nil {
			// A page of many deals: look only at those near, not at all.
			order = make([]int, len(ds))
			for k := range order {
				order[k] = k
			}
			sort.SliceStable(order, func(a, b int) bool { return ds[order[a]].EvidenceSpan[0] < ds[order[b]].EvidenceSpan[0] })
		}
		only := -1
		from := sort.Search(len(order), func(k int) bool { return ds[order[k]].EvidenceSpan[0] >= dl.EvidenceSpan[0]-near })
		for _, k := range order[from:] {
			o := ds[k]
			if o.EvidenceSpan[0] > dl.EvidenceSpan[0]+near {
				break
			}
			if o.Amount == nil || o.Counterparty != "" || o.Company != dl.Company || strings.HasPrefix(o.Rule, pendingRule) ||
				kindFamily[o.Kind] != kindFamily[dl.Kind] || unnamedParty(asciiLower(o.Evidence)) {
				continue // 「…顧客名は公表していない」: a deal whose other side is kept unnamed
			}
			if only >= 0 {
				only = -2
				break
			}
			only = k
		}
		if only >= 0 {
			ds[only].Counterparty = dl.Counterparty
			ds[only].Rule = "joined+" + ds[only].Rule
			if joined == nil {
				joined = make([]bool, len(ds))
			}
			joined[i] = true
		}
	}
	if joined == nil {
		return ds
	}
	return withoutDropped(ds, joined)
}

// dropPending removes pending deals that got no amount, and renames the
// rule of those that did.
func dropPending(ds []pipeline.Deal) []pipeline.Deal {
	out := ds[:0]
	for _, dl := range ds {
		if strings.HasPrefix(dl.Rule, pendingRule) {
			if dl.Amount == nil && !strings.HasPrefix(dl.Rule, pendingRule+"unnamed:") && !strings.HasPrefix(dl.Rule, pendingRule+firmBoughtRule) {
				continue
			}
			dl.Rule = "noamount:" + strings.TrimPrefix(dl.Rule, pendingRule)
		}
		out = append(out, dl)
	}
	return out
}

// unnamedParty reports a counterparty described but not named ("an
// investment-grade hyperscaler it did not name", 大手ハイパースケーラーと,
// 社名は非公表).
func unnamedParty(lower string) bool {
	for _, w := range []string{"unnamed", "undisclosed", "did not name", "did not identify", "declined to name", "declined to identify",
		"did not disclose", "declined to disclose", "ハイパースケーラー", "非公表", "非開示", "公表していない", "明らかにしていない", "明かしていない",
		"名前は明かさ", "社名は明かさ", "名は明かさ"} {
		if strings.Contains(lower, w) {
			return true
		}
	}
	k := strings.Index(lower, "hyperscaler")
	return k >= 0 && !strings.HasPrefix(lower[k+len("hyperscaler"):], "s")
}

// signedDeal reports a deal word c that tells an agreement made, and
// where its agreement is: a verb of signing followed by its agreement
// ("signed exclusive lease agreements", "entered into a hosting contract")
// or 「…契約を締結した」.
func signedDeal(sc *sent, c cue) (int, int, bool) {
	lower := sc.d.lower
	if sc.isJA {
		ok := (c.w.s == "締結" || c.w.s == "契約") && strings.HasSuffix(lower[max(sc.sp[0], c.start-12):c.start], "契約を") &&
			text.HasAnyPrefix(lower[c.end:], "した", "しました", "している", "済み") ||
			// 「…の供給を受ける契約を結んだ」: the agreement, then its signing verb.
			strings.HasSuffix(c.w.s, "契約") && text.HasAnyPrefix(lower[c.end:], "を結んだ", "を結び", "を結んで", "を結びました",
				"を締結した", "を締結し", "を締結しました", "を交わした", "を交わし", "に署名した", "に署名し", "に調印した", "に調印し")
		return c.start, c.end, ok
	}
	switch c.w.s {
	case "signed", "signs", "entered into", "enters into", "inked", "inks", "executed", "finalized", "finalised":
	case "reached an agreement", "reached a deal", "reached a definitive agreement", "struck a deal", "reached a settlement":
		return c.start, c.end, true // "reached a deal with the local utility"
	default:
		return 0, 0, false
	}
	end := min(sc.sp[1], c.end+50)
	if k := strings.IndexAny(lower[c.end:end], ",;.("); k >= 0 {
		end = c.end + k
	}
	at := c.end
	for _, w := range strings.Fields(lower[c.end:end]) {
		at = c.end + strings.Index(lower[c.end:end], w)
		switch w {
		case "lease", "leases", "agreement", "agreements", "contract", "contracts", "deal", "deals":
			return at, at + len(w), true
		case "with", "to":
			return 0, 0, false // "signed a deal with…": its partner is named, or should be
		}
	}
	return 0, 0, false
}

// sharesBought reports a clause telling shares bought: 「株式を(追加)購入/取得」,
// "bought/acquired … shares of".
func sharesBought(clause string, isJA bool) bool {
	if isJA {
		return text.ContainsAny(clause, "株式を", "株を") && text.ContainsAny(clause, "購入", "取得", "買い増", "買い付け")
	}
	return text.ContainsAny(clause, "shares of", "stake in") && text.ContainsAny(clause, "bought", "acquired", "purchased", "buys", "acquires", "purchases")
}

// refersToDealTold reports a deal word opening its sentence after a
// determiner ("The deal…", "This agreement…", "The new lease…"): it goes on
// about the deal just told and tells no new one.
func refersToDealTold(before string) bool {
	ws := strings.Fields(strings.TrimLeft(before, "-–—•* "))
	if len(ws) == 0 || len(ws) > 3 {
		return false
	}
	switch ws[0] {
	case "the", "this", "that", "these", "such":
	default:
		return false
	}
	for _, w := range ws[1:] {
		switch w {
		case "new", "latest", "proposed", "initial", "original", "same", "expanded", "amended", "combined":
		default:
			return false
		}
	}
	return true
}

// latinWord reports a name written in Latin letters (and digits), as
// Japanese news writes foreign companies, with lower-case letters.
func latinWord(name string) bool {
	letters, lower := 0, false
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z':
			letters++
			lower = true
		case r >= 'A' && r <= 'Z':
			letters++
		case r >= '0' && r <= '9' || r == ' ' || r == '.' || r == '-' || r == '&':
		default:
			return false
		}
	}
	return letters >= 4 && lower // not an abbreviation (IRI, CLLP) whose expansion the text gives elsewhere
}

// doneWords end the text right before a weak deal word when the deal is
// done or agreed, not only spoken of: "completed the sale of a site to
// X", "agreed to sell its stake to Y".
var doneWords = []string{"completed the ", "completes the ", "has completed the ", "closed the ", "closes the ",
	"finalized the ", "finalised the ", "completion of the ", "closing of the ", "agreed to ", "agrees to ",
	"an agreement to ", "a definitive agreement to ", "a deal to "}

// doneBefore reports text ending with one of doneWords.
func doneBefore(before string) bool {
	return text.HasAnySuffix(before, doneWords...)
}

// pluralDealWord reports a deal word written in the plural at [start,
// end) ("agreements", "contracts", "leases"): a pair told with it made its
// deals each on its own.
func pluralDealWord(lower string, start, end int) bool {
	// The cue may be a stem ("agreement" in "agreements") or a word before
	// the noun ("signed hosting agreements"): its word and the two after.
	k := start
	for n := 0; n < 3 && k < len(lower); n++ {
		e := k
		for e < len(lower) && lower[e] >= 'a' && lower[e] <= 'z' {
			e++
		}
		if pluralDealNouns[lower[k:e]] {
			after := lower[e:min(len(lower), e+40)]
			return !strings.Contains(after, "with each other") && !strings.Contains(after, "between them")
		}
		if e >= len(lower) || lower[e] != ' ' {
			return false
		}
		k = e + 1
	}
	return false
}

// pluralDealNouns are deal nouns in the plural.
var pluralDealNouns = map[string]bool{"agreements": true, "contracts": true, "leases": true, "loans": true, "facilities": true,
	"programs": true, "programmes": true, "arrangements": true}
