package deal

import (
	"regexp"
	"strings"

	"github.com/kozan-dev/kozan/extract/text"
	"github.com/kozan-dev/kozan/pipeline"
)

// sent is what the rules know of one sentence: built once by newSent,
// passed by pointer to the phases (triggers, roles, amount-less deals).
// It stays on the stack of sentence: it holds no pointer to itself.
type sent struct {
	d     *doc
	sp    [2]int    // the sentence span in d.text
	st    *state    // the discourse state the sentence is read in
	lang  lang      // what Japanese and English do differently
	isJA  bool      // for the rules of one language only
	lower string    // d.lower of the sentence
	ms    []mention // organisations of the sentence, labelled with their roles
	cues  []cue     // lexicon words of the sentence but those naming no deal of it (lang.read)

	subj    mention // the sentence's own subject (sentenceSubject)
	hasSubj bool
	// topic is the company a sentence goes on about when it refers back
	// or has no subject of its own; hasTopic says it may be used.
	topic    mention
	hasTopic bool
	// topicMiner, when hasTopicMiner, is the paragraph's miner: the
	// company of a deal a non-miner backs or rents without naming the miner.
	topicMiner    mention
	hasTopicMiner bool
	ctx           bool // AI/HPC context in the sentence or the article, and no power deal told
	// aiCtx is the AI/HPC context alone: a deal with a party the text
	// does not name is told only in one (a power deal too).
	aiCtx bool
}

// newSent reads a sentence: its mentions with their roles, its lexicon
// words, its subject and the topic it goes on about.
func (x *Extractor) newSent(d *doc, sp [2]int, st *state) sent {
	txt := d.text
	l := langOf(txt[sp[0]:sp[1]])
	_, isJA := l.(ja)
	ms := x.sentenceMentions(d, sp, isJA)
	d.lastSp, d.lastMs = sp, ms // the data rules read the same sentence next
	cues := l.read(txt, sp, ms, cuesIn(d.cues, sp))
	st.before, st.hasBefore = st.topic, st.hasTopic
	sc := sent{d: d, sp: sp, st: st, lang: l, isJA: isJA, lower: d.lower[sp[0]:sp[1]], ms: ms, cues: cues}
	sc.subj, sc.hasSubj = sentenceSubject(ms)
	sc.readTopic()
	if !isJA {
		st.describe(txt, ms)
	}
	// A power deal in an AI story ("reached a deal with the local utility
	// to increase the power capacity") stays of kind other.
	sc.aiCtx = sentenceContext(cues) || d.aiDoc
	sc.ctx = sc.aiCtx && !text.ContainsAny(sc.lower, powerDealWords...)
	return sc
}

// powerDealWords tell a sentence about supplying power or fuel.
var powerDealWords = []string{"power supply", "power purchase", "energy supplier", "energy supply", "electricity supply",
	"utility", "renewable power", "renewable energy", " ppa", "grid connection", "interconnection agreement", "natural gas",
	"energy deposit", "power agreement", "電力供給", "電力購入", "電力会社", "送電", "系統接続"}

// sentence runs the relation rules over one sentence span.
// prev are the deals of the previous sentence of the same paragraph: a
// sentence restating their value ("契約総額は…", "The deal is valued at…")
// gives them its amount.
func (x *Extractor) sentence(d *doc, sp [2]int, st *state, prev []pipeline.Deal) []pipeline.Deal {
	s := x.newSent(d, sp, st)
	sc := &s
	txt, isJA, ms, cues := d.text, sc.isJA, sc.ms, sc.cues
	amts := dealCandidates(txt, d.amounts, dropRestatedBTC(amountsIn(d.amounts, sp)))
	// The amounts of an aside describing a name are no deal's (「イーツ(東京都
	// 港区。売上高15億2000万円)の株式を丸紅に譲渡」): they tell of the name,
	// and the clause may still tell a deal without an amount. judged holds
	// every other candidate, including those given to prev.
	amts = withoutNameAsides(txt, sp, ms, amts)
	judged := amts
	if isJA && len(amts) == 0 {
		// A sentence of its own about the leads of a round told before;
		// one with a figure tells a deal of its own.
		if co, ok := leadsJA(d, sp, ms, st.told); ok {
			return co // 「今回の資金調達ラウンドはAのほか、Bが主導した」
		}
	}
	if !isJA && noDealValue(d, amts) {
		// "X served as the administrative agent for the loan, which was
		// led by A, B and C": every bank named lends in the loan told
		// before; so does "X was joint coordinator for the financing,
		// which comprises $600 million in term loans and…".
		if co, ok := lendersEN(d, sp, ms, st.told); ok {
			return co
		}
		if co, ok := otherBackers(d, sp, ms, st.told); ok {
			return co
		}
		if co, ok := roundJoiners(d, sp, ms, st.told); ok {
			return co
		}
	}
	if len(prev) > 0 && fillCounterparty(d, sp, ms, prev) || !isJA && len(amts) == 0 && fillLender(d, sp, ms, st.told) {
		// The sentence names the other side of the previous deal, and
		// perhaps others who took part in it.
		for i := len(prev) - 1; i >= 0; i-- {
			if strings.HasSuffix(prev[i].Rule, "+role") && prev[i].Amount == nil && len(amts) == 1 {
				// "The round, anchored by Kingsway, is expected to bring
				// gross proceeds of US$180 million": the sentence naming
				// the other side gives the deal its value too.
				a := amts[0]
				prev[i].Amount = &a
				break
			}
		}
		if !isJA {
			for i := len(prev) - 1; i >= 0; i-- {
				if strings.HasSuffix(prev[i].Rule, "+role") {
					// "…was co-led by A and B, with participation from C":
					// the other leads keep the amount, the participants do not.
					return append(coAgents(d, sp, ms, prev[i]), participants(d, sp, ms, prev[i])...)
				}
			}
		}
		return nil
	}
	if len(prev) > 0 {
		var rest []pipeline.Amount
		for _, a := range amts {
			if want, ok := followUpAmount(d, sp, a, ms, prev, isJA); ok && x.attachFollowUp(d, sp, a, want, prev) {
				continue
			}
			if ventureContribution(d, sp, a, ms, prev) && x.attachFollowUp(d, sp, a, pipeline.KindPartnership, prev) {
				continue
			}
			rest = append(rest, a)
		}
		amts = rest
	}

	var out []pipeline.Deal
	used := make([]bool, len(cues)) // triggers tied to an amount
	for i, a := range amts {
		lo, hi := sp[0], sp[1]
		if i > 0 {
			lo = amts[i-1].Span[1]
		}
		if i+1 < len(amts) {
			hi = amts[i+1].Span[0]
		}
		lo, hi = sc.lang.zoneClause(txt, lo, hi, a, i > 0, i+1 < len(amts))
		if _, chi := sc.lang.zoneClause(txt, lo, hi, a, false, true); !isJA && chi < hi {
			// "buy a site from X for $95 million and separately signed a
			// PPA with Y": the amount's own clause, when it has a deal word.
			if _, ok := nearestTrigger(sc, a, lo, chi); ok {
				hi = chi
			}
		}
		trig, ok := nearestTrigger(sc, a, lo, hi)
		if !ok || !isJA && conditionalValue(d.lower[sp[0]:a.Span[0]]) {
			continue
		}
		if !isJA && runRate(txt[:a.Span[0]], txt[a.Span[1]:]) {
			// A yearly rate, a backlog, a market value: its deal word
			// names no deal of this amount.
			markClause(sc, used, a, trig, lo, hi)
			continue
		}
		if valueMetric[trig.w.s] && (!strongTriggerIn(cues, trig) || implied(d.lower[max(sp[0], trig.start-30):trig.start])) {
			continue // "could support $12 billion of enterprise value": no deal told
		}
		markClause(sc, used, a, trig, lo, hi)
		kind := kindNear(cues, trig, a.Span[0], a.Span[1], lo, hi)
		if kind == pipeline.KindEquity && majorityStake(d.lower[lo:hi]) {
			kind = pipeline.KindAcquisition // "acquired a 64% stake in Exaion for $168 million"
		}
		if kind == pipeline.KindPurchase && objectInZone(ms, lo, hi) {
			kind = pipeline.KindAcquisition // "buy Soluna for $X": a company bought
		}
		if !isJA && (kind == pipeline.KindAssetSale || kind == pipeline.KindFinancing || kind == pipeline.KindOther) && stockSold(d.lower[a.Span[1]:hi]) {
			kind = pipeline.KindEquity // "sell up to $2.1 billion of Class A common stock"
		}
		if kind == pipeline.KindFinancing && raiseWords[trig.w.s] && (roundAfter(cues, a) ||
			text.HasAnyPrefix(d.lower[a.Span[1]:], " in equity", " of equity", " in new equity", " in an equity", " in a series", " in series", " in its series")) {
			kind = pipeline.KindEquity // "raised AUD 330 million in equity funding"
		}
		if kind == pipeline.KindFinancing && isJA && text.ContainsAny(d.lower[lo:a.Span[0]], "株式による資金調達", "株式による調達", "株式の発行によ", "株式発行によ", "株式発行で", "株式の発行で", "新株発行によ", "新株発行で", "増資による", "増資で") {
			kind = pipeline.KindEquity // 「株式による資金調達で13億8000万ドルを確保」
		}
		if kind == pipeline.KindFinancing && raiseWords[trig.w.s] && !isJA &&
			text.HasAnyPrefix(d.lower[a.Span[1]:], " in revenue", " of revenue", " in contracted revenue", " of contracted revenue", " in total revenue", " in projected revenue") {
			kind = mainKind(cues, trig, a, lo, hi) // "an agreement that … secures $830 million in revenue": the contract's value
		}
		if kind == pipeline.KindFinancing && raiseWords[trig.w.s] && !isJA &&
			text.ContainsAny(d.lower[lo:hi], "initial public offering", " ipo", "to list on ", "listing on ", "went public", "its listing") {
			kind = pipeline.KindEquity // "the first to list on the London Stock Exchange, raising $32 million"
		}
		if blockedByNegative(sc, a, lo, hi, trig, kind) {
			continue
		}
		zm := mentionsIn(ms, lo, hi)
		if isJA {
			zm = laterVerbsNames(cues, trig, a, zm)
		}
		var rel []mention // the relative clause the amount stands in
		if !isJA {
			if rz, ok := whichClause(txt, sp, ms, a); ok {
				zm, rel = rz, rz // "Core42, which is backed by a $1.5 billion investment from Microsoft, …"
			} else {
				zm = ownClause(txt, zm, a)
			}
		}
		raise := raiseWords[trig.w.s] && (kind == pipeline.KindFinancing || kind == pipeline.KindEquity)
		if !isJA && listedSubject(txt, sp[0], zm, a) && !cpAfter(zm, a) {
			// "Cipher, MARA, and TeraWulf alone raised around $3 billion
			// through convertible bonds": the figure sums their raises;
			// each raised its own money, of no value told.
			if raise {
				last := 0
				for _, m := range zm {
					if m.Span[1] <= a.Span[0] {
						last = max(last, m.Span[1])
					}
				}
				// "A, B and C each raised $500 million": the figure is
				// every member's own.
				each := eachOwnFigure(d.lower, a, last)
				for _, m := range zm {
					if m.Span[1] <= a.Span[0] && usable(m) && !hasDeal(out, m.Name, "") {
						dl := ownRaise(txt, sp, m, kind, "listsum:each@"+trig.w.id)
						if each {
							a := a
							dl.Amount, dl.Rule = &a, "each:"+trig.w.id
						}
						out = append(out, dl)
					}
				}
			}
			continue
		}
		if listedParties(txt, zm, a) && (isJA || !text.ContainsAny(d.lower[a.Span[1]:hi], participantsFrom...)) && !moneyFromList(d.lower, zm, a, kind) {
			continue // "$60 billion of deals with Nebius, Nscale, Lambda and IREN": a sum
		}
		var p parties
		if rel != nil {
			// The name the clause hangs on is the company; the other side,
			// if any, is named inside the clause.
			if !usable(rel[0]) {
				continue
			}
			p = parties{company: rel[0], cp: nearestCP(rel[1:], &rel[0], a.Span[0], a.Span[1], sc.lang), how: "relative"}
		} else if p, ok = resolve(sc, zm, kind, a.Span[0], a.Span[1]); !ok {
			continue
		}
		if p.how == "pair" && p.cp != nil && raise {
			// "IREN and Bitdeer raised over $800 million through
			// convertible bonds": each raised its own money; the figure
			// is their sum, no deal between them. A pair told as a joint
			// venture's owners or partners ("a partnership between A and
			// B … has finalised a loan", "A and B joint venture plans an
			// offering") raised nothing each.
			pairEnd := max(p.company.Span[1], p.cp.Span[1])
			joint := pairEnd <= trig.start && text.ContainsAny(d.lower[pairEnd:trig.start], "partner", "joint", "venture", ",") ||
				strings.HasSuffix(strings.TrimRight(d.lower[:min(p.company.Span[0], p.cp.Span[0])], " "), "between")
			if !joint {
				// "…each raised $500 million", "securing $1 billion each":
				// the figure is every member's own, not their sum.
				each := !isJA && eachOwnFigure(d.lower, a, max(p.company.Span[1], p.cp.Span[1]))
				for _, m := range []mention{p.company, *p.cp} {
					dl := ownRaise(txt, sp, m, kind, "pairsum:each@"+trig.w.id)
					if each {
						a := a
						dl.Amount, dl.Rule = &a, "each:"+trig.w.id
					}
					out = append(out, dl)
				}
			}
			continue
		}
		if p.how == "pair" && !isJA && pluralDealWord(d.lower, trig.start, trig.end) {
			// "Riot and Marathon also entered into $750 million ATM
			// agreements": a pair each making its own agreements, told
			// together, made none with the other.
			continue
		}
		if p.how == "pair" && (kind == pipeline.KindFinancing || kind == pipeline.KindEquity || kind == pipeline.KindBackstop) {
			// "DigitalBridge and Silver Lake led a $9.2B investment in the
			// firm", "SMBC and NatWest provide £100 million to X", "A and
			// B each carry about $10 billion of debt": a pair that
			// invests, lends or guarantees acts together on a third
			// party, or each on its own; the figure is no deal between
			// the two. On the real-news dev split: 2 right, 6 wrong.
			// The one the clause names as receiving it ("SMBC and NatWest
			// provide £100 million to X", 「SMBCおよびNatWestは、Xが展開する
			// プロジェクトへの…融資枠を提供」) takes the figure from each.
			if r := soleRecipient(zm, p); r != nil && p.cp != nil {
				for _, lender := range []*mention{&p.company, p.cp} {
					amt := a
					dl := pipeline.Deal{Company: r.Name, Counterparty: pipeline.NullString(lender.Name), Kind: kind, Amount: &amt,
						Evidence: txt[sp[0]:sp[1]], EvidenceSpan: sp, Confidence: p.confidence(true), Rule: "amount:pair_to@" + trig.w.id}
					x.measures(d, &dl, lo, hi, a.Span[0])
					out = append(out, dl)
				}
			}
			continue
		}
		if p.cp != nil && !isJA && p.cp.Span[0] > a.Span[1] && text.ContainsAny(d.lower[a.Span[1]:p.cp.Span[0]], participantsFrom...) {
			p.cp = nil // "a $500 million round, drawing participation from A, B and C": participants, each told apart
		}
		if rel == nil { // a relative clause names its own parties
			p = sc.minerPrior(p, kind)
			if p.cp == nil && isJA && p.how == "subject" && (kind == pipeline.KindFinancing || kind == pipeline.KindEquity) {
				p = withOnlyOther(p, zm) // 「XはYの債務を引き受け、…融資を提供」: Y is the borrower
			}
			if p.cp == nil {
				p = sc.anaphoricPartner(p, lo, hi) // "Nvidia made a $200 million deal with the company", 「ACOAは同社に出資」
			}
			if _, noValue := d.noValue[a.Span]; p.cp == nil && !noValue && (kind == pipeline.KindEquity || kind == pipeline.KindFinancing) &&
				(fundsOthers(p.company) || text.ContainsAny(d.lower[lo:hi], leadsRound...)) {
				p = sc.fundedTopic(p) // "MAM will invest up to $900 million": in the company the article is about
			}
			if p.cp == nil && p.company.funder {
				continue // "…notes, JPMorgan-led." with nobody before to borrow: the lender's, not its own raise
			}
		}
		if !isJA && kind == pipeline.KindAcquisition && p.how == "acquisition" && assetOf(txt[p.company.Span[1]:hi]) {
			// "QTS agreed to buy Bitdeer's 86-megawatt site for $X": the
			// seller parts with an asset, it is not bought.
			kind = pipeline.KindAssetSale
		}
		if (kind == pipeline.KindPurchase || kind == pipeline.KindOther) && boughtCompany(zm, p) {
			kind = pipeline.KindAcquisition
		}
		if kind == pipeline.KindOther {
			kind = mainKind(cues, trig, a, lo, hi)
		}
		kind = refineKind(kind, sc.ctx, p, x.gaz)
		if plo, phi := sc.lang.zoneClause(txt, lo, hi, a, true, true); ppaIn(cues, plo, phi) {
			// A PPA in the amount's own clause; "Xを…で買収し、あわせて
			// Yと電力購入契約を締結" keeps the acquisition.
			kind = pipeline.KindOther
		}
		if !isJA && p.how == "miner" && (p.company.Span[0] < sp[0] || p.company.Span[1] > sp[1]) && !hasAnaphor(sc.lower) {
			// The article's miner given a figure of a sentence that
			// neither names it nor points back to it ("Their new supply
			// contract: up to $14.2 billion", "This amount includes a $35
			// million purchase price"): on real news the figure was its
			// deal's once in eleven.
			continue
		}
		amt := a
		dl := pipeline.Deal{
			Company:      p.company.Name,
			Counterparty: pipeline.NullString(p.cpName()),
			Kind:         kind,
			Amount:       &amt,
			Evidence:     txt[sp[0]:sp[1]],
			EvidenceSpan: sp,
			Confidence:   p.confidence(true),
			Rule:         "amount:" + p.how + "@" + trig.w.id,
		}
		x.measures(d, &dl, lo, hi, a.Span[0])
		out = append(out, dl)
	}
	if !isJA {
		// "…announced a $2 billion Series C, drawing participation from
		// A, B and C": each investor took part in the round.
		for _, dl := range out {
			if dl.Amount != nil && (dl.Kind == pipeline.KindEquity || dl.Kind == pipeline.KindFinancing) && dl.EvidenceSpan == sp {
				out = append(out, participants(d, sp, ms, dl)...)
				break
			}
		}
	}
	out = shareCounterparty(txt, out)
	out = append(out, x.amountless(sc, used, judged)...)
	out = expandLists(sc, out)
	if !isJA {
		out = splitBackers(d, sp, ms, out)
		// "Mubadala is investing $350 million in PDG, while existing
		// backers A and B also participated in the fundraising".
		if co, ok := roundJoiners(d, sp, ms, out); ok {
			out = append(out, co...)
		}
	} else {
		out = backersJA(d, sp, ms, out)
		out = groupJA(sc, out)
	}
	out = coBuyers(ms, out)
	out = pairAnaphora(sc, out)
	st.after(sc, out)
	return out
}

// soleRecipient is the one mention of zm, other than the pair p, that the
// clause marks as receiving money (lDat, lInv), or nil.
func soleRecipient(zm []mention, p parties) *mention {
	var r *mention
	for i := range zm {
		m := &zm[i]
		if (m.label != lDat && m.label != lInv) || !usable(*m) || m.Name == p.company.Name || p.cp != nil && m.Name == p.cp.Name {
			continue
		}
		if r != nil && r.Name != m.Name {
			return nil
		}
		r = m
	}
	return r
}

// moneyFromList reports a financing or an equity round whose figure comes
// from the list after it ("secured $4B in capital from A, B, and C"):
// every member lends or invests in it and carries its figure, as the list
// rule gives it; the figure sums no deals of their own.
func moneyFromList(lower string, zm []mention, a pipeline.Amount, kind pipeline.Kind) bool {
	if kind != pipeline.KindFinancing && kind != pipeline.KindEquity {
		return false
	}
	for _, m := range zm {
		if m.Span[0] >= a.Span[1] {
			gap := lower[a.Span[1]:m.Span[0]]
			return len(gap) < 90 && !strings.ContainsAny(gap, ";") && fromBackersRE.MatchString(gap)
		}
	}
	return false
}

// fromBackersRE ends the words between a sum raised and the first name of
// a list of its backers: "from", or "from investors including", "from a
// group of lenders such as".
var fromBackersRE = regexp.MustCompile(`^[^,]* from (?:(?:a (?:group|syndicate|consortium) of |its |existing |new |institutional |strategic |several |major |other |global )*(?:investors|backers|lenders|banks|shareholders),? (?:including|such as|like|led by) )?$`)

// noDealValue reports a sentence without a figure a figure rule leaves as
// a deal's value.
func noDealValue(d *doc, amts []pipeline.Amount) bool {
	for _, a := range amts {
		if _, no := d.noValue[a.Span]; !no {
			return false
		}
	}
	return true
}

// coBuyers gives the other buyer of a pair its own acquisition: "A and B
// agreed to jointly acquire C for $X", 「AとBはCを共同で買収」 is a deal of
// each buyer with C, with the same figure.
func coBuyers(ms []mention, out []pipeline.Deal) []pipeline.Deal {
	n := len(out)
	for i := 0; i < n; i++ {
		dl := out[i]
		if dl.Kind != pipeline.KindAcquisition || dl.Counterparty == "" {
			continue
		}
		for k, m := range ms {
			if m.label != lPairA || m.Name != string(dl.Counterparty) || k+1 >= len(ms) || ms[k+1].label != lPairB {
				continue
			}
			b := ms[k+1]
			if !usable(b) || b.Name == dl.Company || sameName(b.Name, dl.Company) {
				continue
			}
			out = append(out, withCounterparty(dl, b.Name, "cobuyer:"))
		}
	}
	return out
}

// capacityKinds rent or host capacity: a backer of such a deal guarantees
// its tenant's payments.
var capacityKinds = map[pipeline.Kind]bool{pipeline.KindLease: true, pipeline.KindHosting: true,
	pipeline.KindColocation: true, pipeline.KindHPCContract: true}

// splitBackers reads "signed a $7 billion, 15-year lease backed by Google":
// the name after "backed by" guarantees the lease, it does not rent it.
// The lease keeps its amount without that counterparty; the backer gets a
// backstop deal of its own, without a figure. ("guaranteed by" and
// "backstopped by" are backstop words already: such a sentence tells the
// backstop, with the figure.)
func splitBackers(d *doc, sp [2]int, ms []mention, out []pipeline.Deal) []pipeline.Deal {
	n := len(out)
	for i := 0; i < n; i++ {
		dl := &out[i]
		if !capacityKinds[dl.Kind] || dl.Counterparty == "" {
			continue
		}
		for _, m := range ms {
			if m.Name != string(dl.Counterparty) || m.Span[0] < sp[0] || m.Span[1] > sp[1] {
				continue
			}
			before := strings.TrimRight(d.lower[max(sp[0], m.Span[0]-20):m.Span[0]], " ")
			if !strings.HasSuffix(before, " backed by") {
				continue
			}
			b := backstopOf(*dl, m.Name)
			dl.Counterparty = ""
			out = append(out, b)
			break
		}
	}
	return out
}

// backstopOf is the backstop deal of backer with dl's company, told in
// dl's sentence: no figure, term or capacity of its own.
func backstopOf(dl pipeline.Deal, backer string) pipeline.Deal {
	dl.Counterparty, dl.Kind, dl.Amount, dl.TermYears, dl.CapacityMW = pipeline.NullString(backer), pipeline.KindBackstop, nil, nil, nil
	dl.Rule = "backer:" + dl.Rule
	return dl
}

// jaBackedBy follow a name that backs a capacity deal: 「Googleの支援を受けて、
// …とリース契約を締結」, 「Googleが保証する」.
var jaBackedBy = []string{"の支援を受け", "の保証を受け", "の保証付き", "の保証のもと", "が保証する", "が支援する", "がバックストップ", "のバックストップ"}

// backersJA gives the name a Japanese sentence says backs a capacity deal
// (a lease, hosting, colocation or compute contract of the sentence) a
// backstop deal of its own with the deal's company, without a figure.
func backersJA(d *doc, sp [2]int, ms []mention, out []pipeline.Deal) []pipeline.Deal {
	n := len(out)
	for i := 0; i < n; i++ {
		dl := out[i]
		if !capacityKinds[dl.Kind] || dl.EvidenceSpan != sp {
			continue
		}
		for _, m := range ms {
			if m.Span[0] < sp[0] || m.Span[1] > sp[1] || m.Name == dl.Company || m.Name == string(dl.Counterparty) || !usable(m) {
				continue
			}
			if !text.HasAnyPrefix(d.text[m.Span[1]:sp[1]], jaBackedBy...) {
				continue
			}
			out = append(out, backstopOf(dl, m.Name))
		}
	}
	return out
}

// measures fills term and capacity stated in the deal's zone.
func (x *Extractor) measures(d *doc, dl *pipeline.Deal, lo, hi, pos int) {
	if v, ok := findTerm(d.text, d.lower, lo, hi, pos); ok {
		dl.TermYears = &v
	}
	if v, ok := findCapacity(d.text, lo, hi, pos); ok {
		dl.CapacityMW = &v
	}
}

// withOnlyOther makes the one other listed company of the zone the
// counterparty of a deal that has none (the miner stays the company).
func withOnlyOther(p parties, zm []mention) parties {
	p.cp = onlyOtherKnown(zm, p.company)
	return minerFirst(p)
}

// minerFirst makes a miner counterparty the company of a deal whose
// company is no miner: the miner reports the deal.
func minerFirst(p parties) parties {
	if p.cp != nil && p.cp.miner && !p.company.miner {
		c := p.company
		p.company, p.cp = *p.cp, &c
	}
	return p
}

// onlyOtherKnown is the one company of the list named in zm beside the
// deal's company, or nil when there is none or more than one.
func onlyOtherKnown(zm []mention, company mention) *mention {
	var out *mention
	for i := range zm {
		if m := &zm[i]; m.Known && m.Name != company.Name && usable(*m) {
			if out != nil && out.Name != m.Name {
				return nil
			}
			out = m
		}
	}
	return out
}

// shareCounterparty gives a deal without counterparty the one of the deal
// just before it in the sentence when their amounts are joined as one
// list of the same company's deals of one family: 「500万ドルの運転資金融資と
// 5,090万ドルのつなぎ融資を提供」, "a $5 million loan and a $50.9 million
// bridge loan".
func shareCounterparty(txt string, out []pipeline.Deal) []pipeline.Deal {
	for i := 1; i < len(out); i++ {
		a, b := out[i-1], &out[i]
		if b.Counterparty != "" || a.Counterparty == "" || a.Company != b.Company || a.Amount == nil || b.Amount == nil ||
			!sameKindOr(a.Kind, b.Kind) || a.Amount.Span[1] > b.Amount.Span[0] || b.Amount.Span[0]-a.Amount.Span[1] > 60 {
			continue
		}
		between := txt[a.Amount.Span[1]:b.Amount.Span[0]]
		if (strings.Contains(between, "と") || strings.Contains(between, " and ")) && !strings.ContainsAny(between, "。;") {
			b.Counterparty = a.Counterparty
			b.Rule += "+shared"
		}
	}
	return out
}

// anaphoricPartner makes the company the article is about the other side
// of a deal told "with the company" (or "with the firm", 「同社に」「同社と」)
// in the zone [lo,hi) when its own company is another.
func (sc *sent) anaphoricPartner(p parties, lo, hi int) parties {
	if !text.ContainsAny(sc.d.lower[lo:hi], "with the company", "with the firm", "with the miner", "to the company", "from the company",
		"giving the firm", "giving the company", "in the company", "in the firm", "into the company", "into the firm") &&
		!jaAnaphorPartner(sc.d.lower[lo:hi]) {
		return p
	}
	t, ok := sc.st.topic, sc.st.hasTopic
	if !ok || t.Name == p.company.Name {
		t, ok = mostNamed(sc.d.mentions, p.company.Name) // "with the company": the one the article names most
	}
	if !ok {
		return p
	}
	p.cp = &t
	return minerFirst(p)
}

// jaAnaphorPartner reports 同社 as the other side of a Japanese deal: in
// the dative, with と or から (「同社に出資」「同社と提携」), not 「同社によると」.
func jaAnaphorPartner(s string) bool {
	for i := 0; ; {
		k := strings.Index(s[i:], "同社")
		if k < 0 {
			return false
		}
		rest := s[i+k+len("同社"):]
		if text.HasAnyPrefix(rest, "と", "から", "へ") || strings.HasPrefix(rest, "に") && !strings.HasPrefix(rest, "によ") {
			return true
		}
		i += k + len("同社")
	}
}

// mostNamed is the organisation of the list the document names most,
// other than but (the first on a tie).
func mostNamed(ms []mention, but string) (mention, bool) {
	return mostOf(ms, func(m mention) bool { return m.Known && m.Name != but })
}

// leadsRound say the subject leads a round: an investor, whose money goes
// into the company the article is about.
var leadsRound = []string{"lead the financing round", "lead the funding round", "lead the round", "led the round",
	"led the financing round", "led the funding round", "as lead investor", "as the lead investor"}

// fundsOthers reports a listed investor or lender, or a name told leading
// the financing: money it puts in goes to someone else.
func fundsOthers(m mention) bool {
	return m.funder || m.Known && (m.Role == "investor" || m.Role == "lender")
}

// fundedTopic makes the company the paragraph is about, else the one the
// article names most, the other side of an investor's or lender's deal
// that names none.
func (sc *sent) fundedTopic(p parties) parties {
	t, ok := sc.st.topic, sc.st.hasTopic
	if !ok || t.Name == p.company.Name || fundsOthers(t) {
		t, ok = mostNamed(sc.d.mentions, p.company.Name)
	}
	if !ok || fundsOthers(t) {
		return p
	}
	c := p.company
	p.company, p.cp = t, &c
	return p
}

// withoutNameAsides returns amts but the amounts inside a parenthesis
// opened right after a name of ms ("X (revenue $5 million)", 「X(売上高…)」).
func withoutNameAsides(txt string, sp [2]int, ms []mention, amts []pipeline.Amount) []pipeline.Amount {
	var out []pipeline.Amount
	for _, a := range amts {
		if !inNameAside(txt, sp, ms, a) {
			out = append(out, a)
		}
	}
	return out
}

// asideFigureWords tell, inside an aside, a figure describing the name
// before it: its revenue, profit, capital, assets or worth.
var asideFigureWords = []string{"売上", "利益", "資本金", "純資産", "総資産", "時価総額", "revenue", "sales", "worth", "market value", "market cap", "assets"}

// inNameAside reports an amount inside a parenthesis, still open at the
// amount, that opens right after a name or describes one by its figures
// (「ノースリンク(札幌市。売上高12億円)」).
func inNameAside(txt string, sp [2]int, ms []mention, a pipeline.Amount) bool {
	before := txt[sp[0]:a.Span[0]]
	open := strings.LastIndexAny(before, "(（")
	if open < 0 || strings.ContainsAny(before[open:], ")）") {
		return false
	}
	if text.ContainsAny(strings.ToLower(before[open:]), asideFigureWords...) {
		return true
	}
	at := sp[0] + open
	for _, m := range ms {
		if m.Span[1] == at || m.Span[1] == at-1 && txt[at-1] == ' ' {
			return true
		}
	}
	return false
}

// eachOwnFigure reports a figure told as each one's ("A and B each raised
// $500 million", "A and B securing $1 billion each"): "each" right after
// the figure, or between the names (ending at pairEnd) and the figure.
func eachOwnFigure(lower string, a pipeline.Amount, pairEnd int) bool {
	if strings.HasPrefix(lower[a.Span[1]:], " each") && !isWordByte(byteAt(lower, a.Span[1]+len(" each"))) {
		return true
	}
	return pairEnd > 0 && pairEnd < a.Span[0] && a.Span[0]-pairEnd <= 40 && strings.HasPrefix(strings.TrimLeft(lower[pairEnd:a.Span[0]], " ,"), "each ")
}

// byteAt returns s[i], or 0 past its end.
func byteAt(s string, i int) byte {
	if i < len(s) {
		return s[i]
	}
	return 0
}

// ownRaise is the deal of one of several companies told raising a sum
// together (sentence sp): its own raise, of no value told.
func ownRaise(txt string, sp [2]int, m mention, kind pipeline.Kind, rule string) pipeline.Deal {
	return pipeline.Deal{Company: m.Name, Kind: kind, Evidence: txt[sp[0]:sp[1]], EvidenceSpan: sp,
		Confidence: parties{company: m, how: "pair"}.confidence(false), Rule: rule}
}

// laterVerbsNames leaves out of a Japanese zone the names of a later
// clause with a deal word of its own, when the amount's deal word stands
// before the amount: 「RIOTは…ビットコインを売却し、その資金(約9600万ドル)を
// 使ってRockdaleの土地を購入し」 — the land's seller is the purchase's
// side, not the sale's.
func laterVerbsNames(cues []cue, trig cue, a pipeline.Amount, zm []mention) []mention {
	if trig.end > a.Span[0] {
		return zm
	}
	next := -1
	for _, c := range cues {
		if c.w.class == cueTrigger && c.start >= a.Span[1] && c.w.kind != trig.w.kind {
			next = c.start
			break
		}
	}
	if next < 0 {
		return zm
	}
	out := zm[:0:0]
	for _, m := range zm {
		if m.Span[0] >= a.Span[1] && m.Span[1] <= next {
			continue
		}
		out = append(out, m)
	}
	return out
}
