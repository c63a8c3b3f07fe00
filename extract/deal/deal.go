package deal

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kozan-dev/kozan/extract/jtok"
	"github.com/kozan-dev/kozan/extract/money"
	"github.com/kozan-dev/kozan/extract/org"
	"github.com/kozan-dev/kozan/extract/text"
	"github.com/kozan-dev/kozan/pipeline"
)

// Config configures an Extractor. Nil fields get defaults: a new kagome
// tokenizer, a money parser without FX rates (USD only), the built-in
// gazetteer. Share one Tokenizer across extractors: it is large.
type Config struct {
	Tokenizer *jtok.Tokenizer
	Money     *money.Parser
	Gazetteer *org.Gazetteer
	Rules     *Rules // nil: the built-in rules (LoadRules())
}

// Result is what Extract finds in one document.
type Result struct {
	Deals   []pipeline.Deal   // deals, deduplicated, in text order
	Amounts []pipeline.Amount // every money mention of the text, deal or not
	Vetoes  []Veto            // what the veto rules set aside, for --explain
	Fired   []pipeline.Deal   // every deal a data rule made, before merging, for --explain
	Dropped []Drop            // candidate deals set aside after the sentence rules, and why
	Names   []org.Mention     // the organisations the rules saw (vetoed ones aside), for --explain
	// Err is set when the rules failed on this text (a bug: a panic they
	// recovered from). Deals is then empty; the caller keeps the article
	// and reports the error instead of losing the rest of its run.
	Err error
}

// recoverResult turns a panic of the rules into Result.Err: one bad page
// must not take a crawl or a scoring run down with it.
func recoverResult(res *Result) {
	if r := recover(); r != nil {
		*res = Result{Err: fmt.Errorf("deal rules failed on this text (a bug; please report it with the text): %v", r)}
	}
}

// Drop is a candidate deal set aside, with the reason.
type Drop struct {
	Deal   pipeline.Deal `json:"deal"`
	Reason string        `json:"reason"`
}

// Veto is a mention or a money figure a named rule set aside: no party, or
// no deal's value.
type Veto struct {
	Rule string `json:"rule"`
	What string `json:"what"` // "party" or "figure"
	Text string `json:"text"`
	Span [2]int `json:"span"`
}

// Extractor finds deals in normalised text. It is immutable after New (but for a
// pool of token buffers) and safe for concurrent use.
type Extractor struct {
	tok    *jtok.Tokenizer
	money  *money.Parser
	gaz    *org.Gazetteer
	rules  *Rules
	words  []word
	lexIdx *lexIndex
	toks   sync.Pool // *[]jtok.Token buffers reused across documents
	// tokenizeAll reads kagome's names in every piece, not only in those
	// the rules need (tests compare the two).
	tokenizeAll bool
}

// New returns an Extractor.
func New(cfg Config) (*Extractor, error) {
	x := &Extractor{tok: cfg.Tokenizer, money: cfg.Money, gaz: cfg.Gazetteer, rules: cfg.Rules}
	if x.rules == nil {
		r, err := LoadRules()
		if err != nil {
			return nil, fmt.Errorf("deal rules: %w", err)
		}
		x.rules = r
	}
	if x.tok == nil {
		t, err := jtok.New()
		if err != nil {
			return nil, fmt.Errorf("deal extractor: %w", err)
		}
		x.tok = t
	}
	if x.money == nil {
		x.money = money.New(money.Config{})
	}
	if x.gaz == nil {
		g, err := org.Builtin()
		if err != nil {
			return nil, fmt.Errorf("deal extractor: %w", err)
		}
		x.gaz = g
	}
	x.words = x.rules.words()
	x.lexIdx = indexLexicon(x.words)
	return x, nil
}

// doc is the per-document analysis shared by the sentence rules.
type doc struct {
	text, lower string
	sents       [][2]int // splitSentences(text)
	cues        []cue
	mentions    []mention
	amounts     []pipeline.Amount
	noValue     map[[2]int]string // span of a figure that is no deal value → the rule that says so
	noDeal      map[string]bool   // figure rules whose figure tells no deal at all (FigureRule.NoDeal)
	parents     map[[2]int]string // span of a subsidiary's mention → the parent named in its place (parentOf)
	vetoes      []Veto
	read        []org.Mention // names read from capitalised frames, sentence by sentence (for Result.Names)
	aiDoc       bool          // the document is about AI/HPC: a miner's contract is an HPC contract
	// tc tells names from common words capitalised at a sentence start or
	// in a Title Case headline; headline holds the spans of such a
	// headline's clauses in text (none when the headline is not Title Case).
	tc       *truecase
	headline [][2]int
	// elsewhere memoises the party rules' reading of a name's other uses.
	elsewhere map[elsewhereKey]bool
	// lastSp and lastMs are the span and the mentions of the sentence the
	// relation rules read last (newSent), for the data rules that read it
	// next.
	lastSp [2]int
	lastMs []mention
	// ahead holds, for an English text, every sentence's mentions read
	// before the sentences are gone through, and spread the names read in
	// some sentence that stand for an organisation in every other
	// (readAhead).
	ahead  map[[2]int][]mention
	spread []mention
	// hits is where the rules' words occur in lower (Rules.phrases).
	hits *phraseHits
}

// Extract finds the deals of a document. text must already be normalised
// (text.Normalize); title is the headline, used with the first sentence when
// the body alone does not carry a deal. Spans are byte offsets into text.
func (x *Extractor) Extract(title, txt string) Result {
	return x.ExtractTokens(title, txt, nil)
}

// ExtractTokens is Extract for a caller that has already tokenized txt
// with the same tokenizer (the facade reuses them for the search index):
// toks must be the tokens of txt, or nil to tokenize here when needed.
func (x *Extractor) ExtractTokens(title, txt string, toks []jtok.Token) (res Result) {
	defer recoverResult(&res)
	txt = text.JoinWrapped(txt) // a press release wrapped at 70 columns reads as sentences
	d := x.analyze(txt, toks)
	d.headline = bodyHeadlines(txt, d.sents)
	d.tc = newTruecase(txt, d.mentions, d.headline...)
	res = Result{Amounts: d.amounts}
	sents := d.sents
	var deals []pipeline.Deal
	st := &state{}
	if t := strings.TrimSpace(title); t != "" {
		// The headline's subject is the topic of the first paragraph.
		st.topic, st.hasTopic = x.headlineSubject(headlineClauses(t)[0], d.tc)
		st.miner, st.hasMiner = st.topic, st.hasTopic && st.topic.miner
	}
	st.docMiner, st.hasDocMiner = docMiner(d.mentions)
	st.main, st.hasMain = mostOf(d.mentions, func(m mention) bool { return usable(m) && (m.Known || !m.weak) })
	if st.hasMiner {
		st.docMiner = st.miner
	}
	prevEnd, prevFrom, lastFrom, noted := 0, 0, -1, 0 // noted: deals[:noted] are in st.lastTold
	boiler := boilerplate(txt, d.lower, sents)
	if !hasJapanese(txt) {
		x.readAhead(d, sents, boiler)
	}
	var dr *dataRuns
	if len(txt) >= parallelFrom && len(x.rules.Deals) > 0 {
		dr = startDataRuns(len(sents), x.dataRulesOn(d))
		defer dr.stop()
	}
	for si, s := range sents {
		if boiler[si] {
			continue
		}
		if id, ok := x.rules.skipSentence(d.lower, d.hits, s); ok {
			d.vetoes = append(d.vetoes, Veto{Rule: id, What: "sentence", Text: txt[s[0]:s[1]], Span: s})
			continue
		}
		if strings.Contains(txt[prevEnd:s[0]], "\n") {
			st.para++
			lastFrom = -1
			if !dealReference(d.lower[s[0]:s[1]]) {
				lastFrom = prevFrom
				prevFrom = len(deals) // a new paragraph: nothing to restate
			}
		} else if lastFrom >= 0 && prevFrom == len(deals) && dealReference(d.lower[s[0]:s[1]]) {
			// "The initial term is ten years. Including two extension
			// options, the lease has…": a paragraph without deals so far
			// that comes back to the deal told before it.
			prevFrom = lastFrom
		}
		prevEnd = s[1]
		from := len(deals)
		st.told = deals // the deals told so far, for a lender named paragraphs later
		st.lastTold, noted = noteTold(st.lastTold, deals[noted:]), len(deals)
		deals = append(deals, x.sentence(d, s, st, deals[prevFrom:])...)
		if isJA := hasJapanese(txt[s[0]:s[1]]); x.rules.dataRulesRead(d.hits, d.lower, s, hasTrigger(cuesIn(d.cues, s))) {
			// Kept apart until the end: an amount-less deal of a data
			// rule takes no figure from the sentences after it.
			ms := d.lastMs
			if d.lastSp != s {
				ms = x.sentenceMentions(d, s, isJA)
			}
			if dr != nil {
				dr.jobs <- dataRun{i: si, sp: s, ms: slices.Clone(ms), st: *st, isJA: isJA}
			} else {
				res.Fired = append(res.Fired, x.matchDeals(d, s, ms, st, isJA)...)
			}
		}
		if len(deals) > from {
			// A sentence without deals ("1株に対し0.85株を割り当てる") does
			// not stand between a deal and its value.
			prevFrom, lastFrom = from, -1
		}
	}
	if dr != nil {
		res.Fired = dr.wait()
	}
	if t := strings.TrimSpace(title); t != "" {
		deals = append(deals, x.titleDeals(t, txt, sents, d.tc)...)
	}
	stage := func(reason string, before, after []pipeline.Deal) []pipeline.Deal {
		res.Dropped = append(res.Dropped, gone(before, after, reason)...)
		return after
	}
	all := append(append([]pipeline.Deal(nil), deals...), res.Fired...)
	deals = joinPending(clone(deals))
	deals = stage("its other side given to its company's deal with the figure, told in another sentence (joined)", all, append(deals, res.Fired...))
	all = append(append([]pipeline.Deal(nil), deals...), res.Fired...)
	deals = stage("a weak deal word whose value the next sentence did not give", all, append(dropPending(deals), res.Fired...))
	deals = stage("its other side given to its company's one deal of its kind with a figure and no other side, told near it (joined)", deals,
		joinValued(clone(deals), func(dl pipeline.Deal) bool { return strings.HasPrefix(dl.Rule, "noamount:") && dl.Counterparty != "" }))
	deals = stage("a data rule's deal without counterparty yields to another deal of its company in the sentence", deals, yieldNameless(clone(deals)))
	deals = stage("its two parties are two names of one company", deals, x.dropSelfDeals(clone(deals)))
	deals = stage("a joint venture's partnership with one of its owners yields to the owners' (jv_owners)", deals, jvOwnersYield(clone(deals)))
	deals = stage("its two parties are banks that lend or underwrite together", deals, x.dropCoLenders(clone(deals)))
	deals = stage("its only figure is no deal value (a figure rule) and it names no counterparty, or a weak deal word made it", deals, dropNoValues(d, clone(deals)))
	deals = stage("spending: its deal word needs a counterparty and none is named (a capex plan is no deal)", deals, x.dropSpending(clone(deals)))
	deals = x.refineKinds(x.fullNames(d, withParents(d, deals)))
	deals = stage("a part of an acquisition price told just before", deals, dropPriceParts(txt, clone(deals)))
	deals = stage("the deal told before, its value restated ('the contract was worth…')", deals, dropRestated(d.lower, clone(deals)))
	deals = stage("the same figure told twice, given to another company without counterparty", deals, dropFigureTwice(d, clone(deals)))
	res.Deals = x.asWritten(d, stage("the same deal as another mention (merged)", deals, dedupe(clone(deals))))
	res.Names = names(d)
	seen := map[Veto]bool{}
	for _, v := range d.vetoes {
		if !seen[v] {
			seen[v] = true
			res.Vetoes = append(res.Vetoes, v)
		}
	}
	return res
}

// names lists the organisations of the document the rules saw: those
// found for the whole text and those read from a sentence's capitalised
// frames, once each, in text order.
func names(d *doc) []org.Mention {
	seen := map[[2]int]bool{}
	var out []org.Mention
	for _, m := range d.mentions {
		seen[m.Span] = true
		out = append(out, m.Mention)
	}
	for _, m := range d.read {
		if !seen[m.Span] {
			seen[m.Span] = true
			out = append(out, m)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Span[0] < out[j].Span[0] })
	return out
}

// hasTrigger reports a deal word among cs, or a figure word a deal word
// may have become (提携計画): the relation patterns run only in sentences
// that hold one (every pattern names its deal in words the lexicon knows;
// the rules' examples would fail otherwise).
func hasTrigger(cs []cue) bool {
	for _, c := range cs {
		if c.w.class == cueTrigger || c.w.class == cueNegative {
			return true
		}
	}
	return false
}

// yieldNameless drops a data rule's deal that names no counterparty when
// another deal of the same company is told in the same sentence ("agreed
// to acquire a site from X" is X's deal; "is to acquire data centre
// developer Y" is the deal of Y bought by the company), or a deal of a
// like kind with a value is told near it (a site acquired, then its price
// two sentences on).
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
// acquisition or a stake between two lenders.
func (x *Extractor) dropCoLenders(ds []pipeline.Deal) []pipeline.Deal {
	lender := func(name string) bool {
		return x.roleOf(name) == "lender" || hasJapanese(name) && text.HasAnySuffix(name, bankWordsJA...)
	}
	out := ds[:0]
	for _, d := range ds {
		money := d.Kind == pipeline.KindFinancing || d.Kind == pipeline.KindBackstop || d.Kind == pipeline.KindOther || d.Kind == pipeline.KindPartnership
		// A figure told as the lenders' joint loan (「…との協調融資」, "a
		// co-financing with") is no loan between them either.
		joint := d.Amount == nil || text.ContainsAny(strings.ToLower(d.Evidence), coLending...)
		if money && joint && d.Counterparty != "" && lender(d.Company) && lender(string(d.Counterparty)) {
			continue
		}
		out = append(out, d)
	}
	return out
}

// coLending words tell a loan several lenders make together.
var coLending = []string{"協調融資", "シンジケートローン", "シンジケート・ローン", "co-financing", "cofinancing", "co-lend", "syndicated"}

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
	left := map[key]int{}
	for _, d := range after {
		left[key{d.Company, string(d.Counterparty), d.Kind, d.EvidenceSpan}]++
	}
	var out []Drop
	for _, d := range before {
		k := key{d.Company, string(d.Counterparty), d.Kind, d.EvidenceSpan}
		if left[k] > 0 {
			left[k]--
			continue
		}
		out = append(out, Drop{Deal: d, Reason: reason})
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
					a.Amount.Value > dl.Amount.Value && a.Company == dl.Company &&
					(dl.Counterparty == "" || sameName(string(a.Counterparty), string(dl.Counterparty))) {
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
	if text.HasAnyPrefix(after, " in cash", " in stock", " in shares", " of cash", " in newly issued") &&
		(strings.HasSuffix(before, "pay ") || strings.HasSuffix(before, "pays ") || strings.HasSuffix(before, "paying ") ||
			strings.Contains(before, " will pay ") || strings.Contains(before, " of which ") || strings.Contains(before, "comprising ") ||
			strings.Contains(before, "consisting of ") || strings.Contains(before, "consists of ") || strings.Contains(before, "comprises ") ||
			strings.Contains(before, "made up of ") || strings.Contains(before, "composed of ")) {
		return true
	}
	return strings.Contains(before, "うち") && (strings.Contains(before, "現金") || strings.Contains(after, "を現金") ||
		strings.Contains(after, "は現金") || strings.Contains(before, "株式"))
}

// analyze finds amounts, lexicon cues and organisations once per document.
func (x *Extractor) analyze(txt string, toks []jtok.Token) *doc {
	d := &doc{text: txt, lower: asciiLower(txt)}
	// The organisation finder reads the whole text on its own: on a long
	// text it runs beside the other passes (money, rule words, sentences,
	// kagome's names), and its names join them below.
	findKnown := background(len(txt) >= parallelFrom, func() []org.Mention { return x.gaz.Find(txt) })
	d.hits = x.rules.phrases.scan(d.lower)
	d.amounts = x.money.Find(txt)
	if d.amounts == nil {
		d.amounts = []pipeline.Amount{}
	}
	d.cues = scanLexicon(d.lower, x.words, x.lexIdx)
	nctx := 0
	for _, c := range d.cues {
		if c.w.class == cueContext {
			nctx++
		}
	}
	d.aiDoc = nctx >= 3
	d.sents = splitSentences(txt)
	addKnown := func() {
		for _, m := range findKnown() {
			d.mentions = append(d.mentions, mention{Mention: m, miner: m.Role == org.RoleMiner})
		}
	}
	if !hasJapanese(txt) {
		addKnown()
		d.mentions = firstWordNames(txt, d.mentions)
	} else {
		// kagome's organisation names are needed only where a rule can
		// make or complete a deal: see needPieces.
		inv := investees(txt)
		keep := needPieces(d, inv)
		if x.tokenizeAll {
			keep = nil
		}
		var names []org.Mention
		if toks == nil {
			names = x.tokenNames(txt, keep)
		} else {
			if keep != nil {
				toks = tokensIn(txt, toks, keep)
			}
			names = org.FromTokens(txt, toks)
		}
		addKnown()
		// kagome's names come in order and do not overlap each other: each
		// is checked against the names found before and the amounts only.
		knownIdx := newSpanIndex(len(d.mentions), func(i int) [2]int { return d.mentions[i].Span })
		amountIdx := newSpanIndex(len(d.amounts), func(i int) [2]int { return d.amounts[i].Span })
		for _, m := range names {
			if !knownIdx.overlaps(m.Span) && !amountIdx.overlaps(m.Span) {
				// A name ending in an organisation word (百十四銀行,
				// 北風電力) is an organisation's, not a guess.
				d.mentions = append(d.mentions, mention{Mention: m, weak: !x.rules.orgEnd(m.Name)})
			}
		}
		d.mentions = extendCorpNames(txt, d.mentions)
		d.mentions = extendAcronymNames(txt, d.mentions)
		d.mentions = extendLatinNames(txt, d.mentions)
		d.mentions = addInvestees(d.mentions, inv)
		d.mentions = x.sameBank(txt, d.mentions)
		d.mentions = x.definedNames(txt, d.mentions)
		d.mentions = x.spreadNames(txt, d.mentions)
		d.mentions = x.outsideRICs(txt, d.mentions)
		// 「パトリック・フルーリー(Patrick Fleury)」: a person's name, no party.
		d.mentions = slices.DeleteFunc(d.mentions, func(m mention) bool {
			return !m.Known && (org.KatakanaPerson(m.Name) || latinPerson(m.Name))
		})
		sort.Slice(d.mentions, func(i, j int) bool { return d.mentions[i].Span[0] < d.mentions[j].Span[0] })
	}
	d.mentions = extendByAcronym(txt, d.mentions)
	if !hasJapanese(txt) {
		d.mentions = formerLatter(txt, d.lower, d.mentions)
	}
	d.cues = pruneCues(d.lower, d.cues, d.mentions)
	d.cues = dropNonDealWords(txt, d.lower, d.cues)
	x.veto(d)
	return d
}

// parallelFrom is the text length from which analyze runs the
// organisation finder beside its other passes.
const parallelFrom = 16 << 10

// background runs f in its own goroutine when async, else at once, and
// returns a function that waits for f's result. A panic in f is raised
// again in the caller, whose recoverResult turns it into an error.
func background[T any](async bool, f func() T) func() T {
	if !async {
		v := f()
		return func() T { return v }
	}
	var (
		v   T
		p   any
		wg  sync.WaitGroup
		got bool
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer func() { p = recover() }()
		v = f()
	}()
	return func() T {
		if !got {
			wg.Wait()
			got = true
		}
		if p != nil {
			panic(p)
		}
		return v
	}
}

// veto sets aside the mentions that are no parties and the figures that
// are no deal values, by the named rules, and notes which rule did.
func (x *Extractor) veto(d *doc) {
	isJA := hasJapanese(d.text)
	// On a long text the figure rules run beside the party rules. They
	// share only what never changes: the figures get their own copy of
	// the rule words' hits, whose cache of merged word lists fills as it
	// is read.
	async := len(d.text) >= parallelFrom
	hits := d.hits
	if async && hits != nil {
		h := *hits
		h.merged = nil
		hits = &h
	}
	figures := background(async, func() figureVetoes { return x.vetoFigures(d, hits, isJA) })
	kept := d.mentions[:0]
	for _, m := range d.mentions {
		if id, ok := x.vetoMention(d, m.Mention, isJA); ok {
			d.vetoes = append(d.vetoes, Veto{Rule: id, What: "party", Text: m.Text, Span: m.Span})
			continue
		}
		kept = append(kept, m)
	}
	d.mentions = kept
	fv := figures()
	d.vetoes = append(d.vetoes, fv.vetoes...)
	d.noValue, d.noDeal = fv.noValue, fv.noDeal
	textConversions(d.amounts, d.noValue)
	d.parents = map[[2]int]string{}
}

// textConversions gives a figure restated in US dollars right after it
// ("2bn reais (US$378mn)", 「5億ドル(約770億円)」 read the other way) the
// dollar value the text gives, not the one a fixed rate of exchange
// makes: the same deal told in dollars elsewhere (a headline's
// "US$380mn") is then recognised as the same (dedupe's converted).
func textConversions(as []pipeline.Amount, noValue map[[2]int]string) {
	for i := 0; i+1 < len(as); i++ {
		a, b := &as[i], &as[i+1]
		if id := noValue[b.Span]; !strings.HasSuffix(id, ".figure.converted") || b.Span[0]-a.Span[1] > 16 {
			continue
		}
		switch {
		case b.Currency == "USD" && a.Currency != "USD":
			v := b.Value
			a.USD = &v
		case a.Currency == "USD" && b.Currency != "USD":
			v := a.Value
			b.USD = &v
		}
	}
}

// dataRun is one sentence for the deal rules: its names and the reading
// state as they stood when the sentence was read, copied.
type dataRun struct {
	i    int
	sp   [2]int
	ms   []mention
	st   state
	isJA bool
}

// dataRuns runs the deal rules (matchDeals) over a long text's sentences
// on a goroutine of its own, a sentence behind the rest of the reading:
// it reads only what the reading no longer changes (the text, its
// figures and their vetoes) and its own copy of the rule words' hits.
type dataRuns struct {
	jobs   chan dataRun
	result func() [][]pipeline.Deal // waits for the goroutine (background)
	closed bool
}

// dataRulesOn returns the deal rules run over d's sentences from another
// goroutine: a copy of d with its own rule words' hits (the fields
// matchDeals reads are set before the sentences are read).
func (x *Extractor) dataRulesOn(d *doc) func(dataRun) []pipeline.Deal {
	dd := *d
	if d.hits != nil {
		h := *d.hits
		h.merged = nil
		dd.hits = &h
	}
	return func(j dataRun) []pipeline.Deal { return x.matchDeals(&dd, j.sp, j.ms, &j.st, j.isJA) }
}

// startDataRuns starts run over n sentences, given in order on jobs.
func startDataRuns(n int, run func(dataRun) []pipeline.Deal) *dataRuns {
	jobs := make(chan dataRun, 64)
	result := background(true, func() [][]pipeline.Deal {
		// After a panic the reading still sends its sentences: take them
		// until it closes the queue; wait raises the panic.
		defer func() {
			for range jobs {
			}
		}()
		out := make([][]pipeline.Deal, n)
		for j := range jobs {
			out[j.i] = run(j)
		}
		return out
	})
	return &dataRuns{jobs: jobs, result: result}
}

// wait returns the deals the rules made, in sentence order; a panic of
// the rules is raised again here.
func (r *dataRuns) wait() []pipeline.Deal {
	r.stop()
	var out []pipeline.Deal
	for _, ds := range r.result() {
		out = append(out, ds...)
	}
	return out
}

// stop closes the queue once: the goroutine ends when it has read it, so
// a reading that panics midway leaves nothing blocked behind.
func (r *dataRuns) stop() {
	if !r.closed {
		r.closed = true
		close(r.jobs)
	}
}

// figureVetoes are what the figure rules set aside in a document: the
// vetoes in figure order, the figures that are no deal value (by rule),
// and the rules whose figure tells no deal at all.
type figureVetoes struct {
	vetoes  []Veto
	noValue map[[2]int]string
	noDeal  map[string]bool
}

// vetoFigures runs the figure rules over every figure of d, hits being
// the document's rule words.
func (x *Extractor) vetoFigures(d *doc, hits *phraseHits, isJA bool) figureVetoes {
	fv := figureVetoes{noValue: map[[2]int]string{}}
	const reach = 300 // bytes before a figure a figure rule reads
	for i, a := range d.amounts {
		// The figure's sentence, read back at most reach bytes.
		lo := max(0, a.Span[0]-reach)
		from := lo
		if k := strings.LastIndexByte(d.text[lo:a.Span[0]], '\n'); k >= 0 {
			from = lo + k + 1
		}
		if k := strings.LastIndex(d.text[lo:a.Span[0]], "。"); k >= 0 && lo+k+len("。") > from {
			from = lo + k + len("。")
		}
		var prev *pipeline.Amount
		if i > 0 {
			prev = &d.amounts[i-1]
		}
		if id, ok := x.rules.vetoFigure(d.lower, hits, [2]int{from, a.Span[1]}, a, prev, isJA); ok {
			fv.vetoes = append(fv.vetoes, Veto{Rule: id, What: "figure", Text: a.Text, Span: a.Span})
			fv.noValue[a.Span] = id
			if x.rules.noDeal(id) {
				if fv.noDeal == nil {
					fv.noDeal = map[string]bool{}
				}
				fv.noDeal[id] = true
			}
		}
	}
	return fv
}

// dropNoValues applies the figure vetoes to the deals found: a deal whose
// amount is no deal value loses it, and without a counterparty, or made by
// a weak deal word, is no deal.
// The figures stay in the analysis, where they still delimit clauses and
// anchor phrases ("for $1.15 per share…, valuing it at $X").
func dropNoValues(d *doc, ds []pipeline.Deal) []pipeline.Deal {
	out := ds[:0]
	for _, dl := range ds {
		if dl.Amount != nil {
			if id, ok := d.noValue[dl.Amount.Span]; ok {
				if dl.Counterparty == "" || d.noDeal[id] || weakWord(dl.Rule) {
					continue
				}
				dl.Amount = nil
			}
		}
		out = append(out, dl)
	}
	return out
}

// tokenNames tokenizes the pieces of txt keep takes (all when keep is nil)
// and returns kagome's organisation names in them (org.FromTokens), as
// FromTokens over all those tokens at once would, but holding only a few
// pieces' tokens at a time: a run of tokens is read as soon as it ends on
// a token no name continues past (org.EndsNames).
func (x *Extractor) tokenNames(txt string, keep func(start, end int) bool) []org.Mention {
	buf, _ := x.toks.Get().(*[]jtok.Token)
	if buf == nil {
		buf = new([]jtok.Token)
	}
	run := (*buf)[:0]
	var names []org.Mention
	for _, p := range jtok.Pieces(txt) {
		if keep != nil && !keep(p[0], p[1]) {
			continue
		}
		run = x.tok.AppendPiece(run, txt, p)
		if n := len(run); n > 0 && org.EndsNames(run[n-1]) {
			names = append(names, org.FromTokens(txt, run)...)
			clear(run)
			run = run[:0]
		}
	}
	names = append(names, org.FromTokens(txt, run)...)
	clear(run) // drop the references to txt before pooling
	*buf = run[:0]
	x.toks.Put(buf)
	return names
}

// addInvestees adds the investees' names to ms: a longer katakana run
// replaces the unknown pieces inside it ("グリッドノヴァ", not "ノヴァ"); a
// known name wins. Each investee is checked against the names it overlaps
// only (looked up by position), not against every name of the text.
func addInvestees(ms []mention, inv []org.Mention) []mention {
	if len(inv) == 0 {
		return ms
	}
	order := make([]int, len(ms)) // ms by start
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return ms[order[a]].Span[0] < ms[order[b]].Span[0] })
	idx := newSpanIndex(len(order), func(i int) [2]int { return ms[order[i]].Span })
	removed := make([]bool, len(ms))
	var added []mention
	for _, m := range inv {
		inner := func(o mention) bool {
			return o.Span[0] >= m.Span[0] && o.Span[1] <= m.Span[1] && !o.Known && o.Span != m.Span
		}
		clash := false
		var inside []int // names of ms inside m
		idx.each(m.Span, func(k int) {
			if j := order[k]; !removed[j] && ms[j].Span[1] > m.Span[0] {
				if inner(ms[j]) {
					inside = append(inside, j)
				} else {
					clash = true
				}
			}
		})
		for _, o := range added {
			if o.Span[0] < m.Span[1] && m.Span[0] < o.Span[1] && !inner(o) {
				clash = true
			}
		}
		if clash {
			continue
		}
		for _, j := range inside {
			removed[j] = true
		}
		kept := added[:0]
		for _, o := range added {
			if !inner(o) {
				kept = append(kept, o)
			}
		}
		added = append(kept, mention{Mention: m, weak: true})
	}
	out := ms[:0]
	for j, o := range ms {
		if !removed[j] {
			out = append(out, o)
		}
	}
	return append(out, added...)
}

// spanIndex answers which of a fixed set of spans overlap a given one,
// without scanning them all: the spans sorted by start, with the furthest
// end reached up to each.
type spanIndex struct {
	starts, maxEnd []int
}

// newSpanIndex indexes the spans span(0)…span(n-1), which must be in
// order of their starts.
func newSpanIndex(n int, span func(i int) [2]int) spanIndex {
	x := spanIndex{starts: make([]int, n), maxEnd: make([]int, n)}
	for i := 0; i < n; i++ {
		sp := span(i)
		x.starts[i] = sp[0]
		x.maxEnd[i] = sp[1]
		if i > 0 {
			x.maxEnd[i] = max(x.maxEnd[i], x.maxEnd[i-1])
		}
	}
	return x
}

// overlaps reports a span overlapping sp.
func (x spanIndex) overlaps(sp [2]int) bool {
	i := sort.SearchInts(x.starts, sp[1]) // the spans before i start before sp ends
	return i > 0 && x.maxEnd[i-1] > sp[0]
}

// each calls f with the index of every span that may overlap sp (every
// one that does, and a few that end before it), last first.
func (x spanIndex) each(sp [2]int, f func(i int)) {
	for i := sort.SearchInts(x.starts, sp[1]) - 1; i >= 0 && x.maxEnd[i] > sp[0]; i-- {
		f(i)
	}
}

// needPieces returns which of the text's pieces (jtok.Pieces, a sentence
// or less) kagome must tokenize for the rules: those of the sentences
// that hold an amount, a deal word (or a revenue that may become one) or
// an investee ("X社に出資"), and of those that open on a role ("買い手は…",
// "The facility was led by…") and so may name the other side of the deal
// before them. kagome's names elsewhere change no deal: a sentence without
// an amount or a deal word makes none, and only a known or suffixed name
// (found without kagome) becomes the topic. A sentence that only names a
// known company is not read (on the real-news dev split this changes no
// output).
// Pieces come in order, so keep walks the needed sentences once.
func needPieces(d *doc, inv []org.Mention) func(start, end int) bool {
	var spans [][2]int // amounts, cues, names: in order within each list
	for _, a := range d.amounts {
		spans = append(spans, a.Span)
	}
	for _, c := range d.cues {
		// A deal word, or a revenue contractRevenue may make one: figure
		// and context words alone make no deal.
		if c.w.class == cueTrigger || c.w.s == "revenue" || c.w.s == "revenues" {
			spans = append(spans, [2]int{c.start, c.end})
		}
	}
	for _, m := range inv {
		spans = append(spans, m.Span)
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] })
	var need [][2]int
	k := 0
	for _, s := range d.sents {
		for k < len(spans) && spans[k][1] <= s[0] {
			k++
		}
		if k < len(spans) && spans[k][0] < s[1] || opensOnRole(d.lower[s[0]:s[1]]) {
			need = append(need, s)
		}
	}
	j := 0
	return func(start, end int) bool {
		for j < len(need) && need[j][1] <= start {
			j++
		}
		return j < len(need) && need[j][0] < end
	}
}

// opensOnRole reports a sentence fillCounterparty reads: one that opens
// on a role or a passive agent and may name a party without a deal word.
func opensOnRole(lower string) bool {
	for _, o := range roleOpeners {
		if strings.HasPrefix(lower, o) {
			return true
		}
	}
	if _, ok := passiveAgent(lower); ok {
		return true
	}
	_, ok := securitiesBuyers(lower)
	return ok
}

// tokensIn returns the tokens of toks (tokens of txt) that lie in the
// pieces keep takes.
func tokensIn(txt string, toks []jtok.Token, keep func(start, end int) bool) []jtok.Token {
	var out []jtok.Token
	i := 0
	for _, p := range jtok.Pieces(txt) {
		for i < len(toks) && toks[i].Start < p[0] {
			i++
		}
		if !keep(p[0], p[1]) {
			continue
		}
		for i < len(toks) && toks[i].Start < p[1] {
			out = append(out, toks[i])
			i++
		}
	}
	return out
}

// vetoMention returns the rule that makes m no party, if one does.
func (x *Extractor) vetoMention(d *doc, m org.Mention, isJA bool) (string, bool) {
	role := ""
	if m.Known {
		role = x.gaz.Role(m.Name)
	}
	if d.elsewhere == nil {
		d.elsewhere = map[elsewhereKey]bool{}
	}
	return x.rules.vetoParty(d.text, d.lower, d.hits, m, role, isJA, d.elsewhere)
}

// pruneCues drops lexicon words inside organisation names ("Soluna
// Holdings", "Two Prime Capital") and turns a deal word followed by a
// figure word into a figure word ("hosting revenue", "リース収入").
func pruneCues(lower string, cs []cue, ms []mention) []cue {
	out := cs[:0]
	mi := 0
	for _, c := range cs {
		if c.w.s == "株式" && strings.HasPrefix(lower[c.end:], "会社") {
			continue // 株式会社 of a name the gazetteer does not cover whole
		}
		for mi < len(ms) && ms[mi].Span[1] <= c.start {
			mi++
		}
		if mi < len(ms) && ms[mi].Span[0] < c.end && c.start < ms[mi].Span[1] {
			continue
		}
		out = append(out, c)
	}
	out = contractRevenue(lower, out)
	for i := 0; i+1 < len(out); i++ {
		c, n := out[i], out[i+1]
		// "an agreement valued at $X" values the agreement: the deal word stays.
		if c.w.class == cueTrigger && n.w.class == cueNegative && n.start-c.end <= 1 && !valueVerbs[n.w.s] {
			out[i].w = n.w
		}
	}
	return out
}

// termRevenue is the deal word a revenue tied to a contract's term
// becomes.
var termRevenue = &word{s: "revenue over its term", class: cueTrigger, kind: pipeline.KindOther}

// contractRevenue turns a revenue tied to a contract's term into the value
// of that contract ("expected to generate $4.5 billion of cumulative
// revenue over its initial 15-year term", "$1.2 billion of revenue over its
// 12-year term"): a sum or total word right before it goes with it.
// Company revenue (quarterly, run-rate, guidance) names no term and stays
// a figure.
func contractRevenue(lower string, cs []cue) []cue {
	for i, c := range cs {
		if c.w.class != cueNegative || c.w.s != "revenue" && c.w.s != "revenues" {
			continue
		}
		after := lower[c.end:min(len(lower), c.end+50)]
		if k := strings.IndexAny(after, ".;,"); k >= 0 {
			after = after[:k]
		}
		if !text.HasAnyPrefix(after, " over its ", " over the ", " over a ", " over their ", " during the ", " across the ") ||
			!strings.Contains(after, "term") && !strings.Contains(after, "life of") && !strings.Contains(after, "contract") && !strings.Contains(after, "lease") {
			continue
		}
		cs[i].w = termRevenue
		if i > 0 && cs[i-1].end+1 >= c.start && (cs[i-1].w.class == cueSum || cs[i-1].w.class == cueNegative) {
			cs[i-1].w = termRevenue // "cumulative revenue", "total revenue"
		}
	}
	return cs
}

// dropNonDealWords removes lexicon words that do not make a deal where
// they stand: a payment verb or stock word saying how a price is paid
// ("paid in newly issued shares", "0.42 X shares for each Y share", "an
// all-stock deal"), and a "facility" that is a place ("its 70 MW Boden
// facility"), not a credit facility.
func dropNonDealWords(txt, lower string, cs []cue) []cue {
	out := cs[:0]
	negEnd := -1 // a denied verb's object ends the denial: "has not signed [a lease]"
	for _, c := range cs {
		if c.w.class == cueTrigger && !c.w.ja && (negatedWord(lower[max(0, c.start-30):c.start]) ||
			c.start < negEnd && !strings.ContainsAny(lower[c.start-min(c.start, 30):c.start], ",;")) {
			negEnd = c.end + 30
			continue // "no long-term debt", "without any new financing", "has not signed"
		}
		if c.w.class == cueTrigger && c.w.ja && jaNegated.MatchString(lower[c.end:min(len(lower), c.end+60)]) {
			continue // 「提携を発表していません」「契約は締結しておらず」
		}
		if c.w.class == cueTrigger && c.w.ja && jaBusinessOf(lower[c.end:min(len(lower), c.end+40)]) {
			continue // 「リースを手掛ける東京センチュリー」: what a company does, told to describe it
		}
		if c.w.class == cueTrigger && (c.w.ja && text.HasAnyPrefix(lower[c.end:], "の対価として", "の見返りに", "の見返りとして") ||
			!c.w.ja && text.HasAnySuffix(lower[max(0, c.start-30):c.start], "in exchange for ", "in return for ", "as consideration for ", "in exchange for its ", "in return for its ")) {
			continue // 「財務保証の対価として…ワラントを受け取った」: the deal is the warrants, the guarantee its reason
		}
		if !c.w.ja && c.w.class == cueTrigger && text.HasAnyPrefix(lower[c.end:], " plan ", " plan,", " plan.", " plans", " ambitions", " talks", " rumors", " rumours", " speculation",
			" strategy", " attempt", " attempts", " battle", " fight", " campaign", " bid ", " bid,", " bid.", " bids", " efforts", " interest in") {
			continue // "scrapped its investment plans", "acquisition talks", "as part of its takeover strategy": no deal told
		}
		if !c.w.ja && c.w.class == cueTrigger && (text.HasAnySuffix(lower[max(0, c.start-25):c.start], "used to ", "use the proceeds to ", "proceeds to ", "be used for ") ||
			text.HasAnyPrefix(lower[c.end:], " will be used", " will also be used", " would be used", " is being used", " proceeds will")) {
			continue // what money raised is for, or the deal just told: "the financing will be used to acquire hardware"
		}
		switch c.w.s {
		case "paid", "pay", "pays":
			if text.HasAnyPrefix(lower[c.end:], " in ", " with ", " partly ", " partially ", " entirely ", " fully ", " half ") {
				continue
			}
		case "shares", "stock", "equity":
			if text.HasAnyPrefix(lower[c.end:], " per ", " for each ", " for every ") {
				continue // an exchange ratio
			}
			before := lower[max(0, c.start-45):c.start]
			if k := strings.LastIndexAny(before, ",;"); k >= 0 {
				before = before[k+1:]
			}
			if strings.Contains(before, "paid ") || strings.Contains(before, "payable ") || strings.Contains(before, "newly issued") ||
				strings.Contains(before, "all-stock") || strings.Contains(before, "all stock") {
				continue
			}
		case "hosting", "colocation", "lease", "leasing", "cloud":
			if text.HasAnyPrefix(lower[c.end:], " operator", " provider", " firm", " company", " startup", " business", " specialist") {
				continue // "colocation operator X": what X does, not a deal
			}
			if (c.w.s == "lease" || c.w.s == "leasing") && text.HasAnyPrefix(lower[c.end:], " financing", " finance") {
				continue // "credit and lease financing": money lent, the financing word tells it
			}
		case "facility":
			if physicalFacility(txt, lower, c.start) {
				continue
			}
		case "引受", "引き受け":
			if text.HasAnySuffix(lower[max(0, c.start-30):c.start], "債務を", "義務を", "負債を", "債務などを", "義務をすべて") {
				continue // 「債務を引き受け」: debts assumed, no shares underwritten
			}
		}
		out = append(out, c)
	}
	return out
}

// jaNegated opens the text after a Japanese deal word that denies it:
// 「提携を(正式に)発表していません」「契約は締結しておらず」.
// A deal only guessed at (提携憶測, 買収観測, 提携の可能性), still talked
// over (買収に向けて協議中, 提携を検討中) or not to be done (資金調達が完了で
// きない) is none either.
var jaNegated = regexp.MustCompile(`^((を|は|に|の)?(正式に|公式に|まだ)?(発表|締結|合意|決定|発表・締結|し|され|して)?(していません|していない|しておらず|していなかった|しなかった|せず|されていない|されておらず|されなかった|していませんが|ていない|ておらず|ません|ない)|(の)?(憶測|臆測|観測|思惑|期待|噂|うわさ|可能性)|を(引き続き|さらに)?(推進|目指|模索|検討|提案)|(に向けて|に向けた)(協議|交渉|検討)|(の)?(協議|交渉|検討)中|が(完了|成立|実現|実行)(でき|し)?(ない|なかった|ず))`)

// negatedWord reports English text before a deal word that denies it: "no
// (long-term) debt", "without (any new) financing", "zero debt", "has not
// (yet) signed", "did not officially partner".
func negatedWord(before string) bool {
	ws := strings.Fields(before)
	for i := len(ws) - 1; i >= 0 && i >= len(ws)-3; i-- {
		switch ws[i] {
		case "no", "without", "zero", "free", "not", "never", "hasn't", "haven't", "hadn't", "didn't", "doesn't", "don't",
			"wasn't", "weren't", "isn't", "aren't", "won't":
			return true
		case "long-term", "short-term", "outstanding", "new", "any", "additional", "further", "external", "net",
			"yet", "officially", "publicly", "formally", "been", "be":
			continue
		}
		return false
	}
	return false
}

// physicalFacility reports a "facility" at i that is a site: a capacity or
// a site name right before it ("its 60 MW Spring Creek facility").
func physicalFacility(txt, lower string, i int) bool {
	before := lower[max(0, i-40):i]
	if k := strings.LastIndexAny(before, ",;"); k >= 0 {
		before = before[k+1:]
	}
	if strings.Contains(before, " mw ") || strings.Contains(before, "megawatt") || strings.Contains(before, " gw ") {
		return true
	}
	ws := strings.Fields(before)
	if len(ws) == 0 {
		return false
	}
	last := ws[len(ws)-1]
	switch last {
	case "mining", "hosting", "production", "manufacturing", "cooling", "power", "its":
		return true
	}
	// A capitalised site name ("the Boden facility"), not a lender's.
	j := i - 1 - len(last)
	if j >= 0 && txt[j] >= 'A' && txt[j] <= 'Z' && len(ws) > 1 && (ws[len(ws)-2] == "its" || ws[len(ws)-2] == "the") {
		return true
	}
	// A site's name in Title Case ("Agrees to Sell Helios Facility to
	// …"), not a "Revolving Credit Facility".
	return j >= 0 && txt[i] == 'F' && txt[j] >= 'A' && txt[j] <= 'Z' && !debtFacilityWords[last]
}

// debtFacilityWords come before "facility" in the names of loans.
var debtFacilityWords = map[string]bool{"credit": true, "loan": true, "revolving": true, "term": true, "debt": true,
	"financing": true, "bridge": true, "lending": true, "warehouse": true, "delayed-draw": true, "draw": true, "abl": true, "equity": true}

// splitSentences returns sentence spans, further split at markdown heading
// and emphasis markers that glue headings to body text.
func splitSentences(txt string) [][2]int {
	var out [][2]int
	for _, s := range text.Sentences(txt) {
		a := s.Start
		for {
			seg := txt[a:s.End]
			k := strings.Index(seg, "###")
			if k2 := strings.Index(seg, "**"); k2 >= 0 && (k < 0 || k2 < k) {
				k = k2
			}
			if k < 0 {
				break
			}
			if k > 0 {
				out = appendTrimmed(out, txt, a, a+k)
			}
			a += k
			for a < s.End && (txt[a] == '#' || txt[a] == '*' || txt[a] == ' ') {
				a++
			}
		}
		out = appendTrimmed(out, txt, a, s.End)
	}
	return out
}

func appendTrimmed(out [][2]int, txt string, a, b int) [][2]int {
	for a < b && (txt[a] == ' ' || txt[a] == '\n') {
		a++
	}
	for b > a && (txt[b-1] == ' ' || txt[b-1] == '\n') {
		b--
	}
	if a < b {
		out = append(out, [2]int{a, b})
	}
	return out
}

func hasJapanese(s string) bool {
	for _, r := range s {
		if isJapaneseRune(r) {
			return true
		}
	}
	return false
}

func isJapaneseRune(r rune) bool {
	return r >= 0x3040 && r <= 0x30FF || r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF
}

func overlaps(ms []mention, sp [2]int) bool {
	for _, m := range ms {
		if sp[0] < m.Span[1] && m.Span[0] < sp[1] {
			return true
		}
	}
	return false
}

// overlapsAmount reports an amount of as overlapping sp. as are a
// document's amounts, which money.Find gives in order and without
// overlaps: only the first one ending after sp starts may overlap it.
func overlapsAmount(as []pipeline.Amount, sp [2]int) bool {
	i := sort.Search(len(as), func(i int) bool { return as[i].Span[1] > sp[0] })
	return i < len(as) && as[i].Span[0] < sp[1]
}

// headlineSubject is the company a headline is about: its first subject,
// else its first known miner.
func (x *Extractor) headlineSubject(title string, tc *truecase) (mention, bool) {
	d := x.analyze(title, nil)
	d.tc = tc
	if titleCase(title) {
		d.headline = [][2]int{{0, len(title)}}
	}
	sp := [2]int{0, len(title)}
	isJA := hasJapanese(title)
	ms := x.sentenceMentions(d, sp, isJA)
	if isJA {
		labelJA(title, ms)
	} else {
		labelEN(title, sp, ms)
	}
	if m, ok := sentenceSubject(ms); ok && !m.weak {
		return m, true
	}
	return firstMiner(ms)
}

// bodyHeadlines are the sentences of the body that are lines of their own
// written in Title Case without a closing stop: a headline or a
// subheading given as the text's first line ("Cathedra Bitcoin Announces
// Operations and Corporate Updates") is read as a headline, its
// capitalised words no names without other evidence.
func bodyHeadlines(txt string, sents [][2]int) [][2]int {
	var out [][2]int
	for _, s := range sents {
		line := strings.TrimSpace(txt[s[0]:s[1]])
		if line == "" || s[0] > 0 && txt[s[0]-1] != '\n' || s[1] < len(txt) && txt[s[1]] != '\n' && txt[s[1]] != '\r' {
			continue
		}
		if strings.ContainsAny(line[len(line)-1:], ".!?") || !titleCase(line) {
			continue
		}
		out = append(out, s)
	}
	return out
}

// headlineConj returns the length of a clause conjunction (" as ", " while
// ", " amid ") at the start of s when a capitalised name follows it, or 0.
func headlineConj(s string) int {
	for _, c := range []string{" as ", " while ", " amid ", " after "} {
		if strings.HasPrefix(s, c) && len(s) > len(c) && s[len(c)] >= 'A' && s[len(c)] <= 'Z' {
			return len(c)
		}
	}
	return 0
}

// titleDeals extracts from the headline joined with the first sentence, so a
// deal split across them is found; evidence is the first sentence. A
// headline of several clauses ("A、Bと…契約　Cが…を保証", "A inks … with B;
// C backstops $X") joins only its first clause to the body; each further
// clause is read on its own, after it, with the first clause's subject as
// the topic, so a guarantor of the second clause backs the miner of the
// first and is never paired with the first clause's customer.
func (x *Extractor) titleDeals(title, txt string, sents [][2]int, tc *truecase) []pipeline.Deal {
	ev := [2]int{0, 0}
	first := ""
	if len(sents) > 0 {
		ev = sents[0]
		first = txt[ev[0]:ev[1]]
	}
	if first == title {
		return nil
	}
	clauses := headlineClauses(title)
	syn := clauses[0] + "\n" + first
	spans := [][2]int{{0, len(syn)}}
	for _, c := range clauses[1:] {
		syn += "\n"
		spans = append(spans, [2]int{len(syn), len(syn) + len(c)})
		syn += c
	}
	d := x.analyze(syn, nil)
	d.tc = tc
	if titleCase(title) {
		d.headline = append(d.headline, [2]int{0, len(clauses[0])})
		d.headline = append(d.headline, spans[1:]...) // further clauses follow the body's first sentence
	}
	st := &state{}
	var out []pipeline.Deal
	for _, sp := range spans {
		out = append(out, x.sentence(d, sp, st, nil)...)
	}
	base := len(clauses[0]) + 1
	for i := range out {
		dl := &out[i]
		dl.Evidence = first
		dl.EvidenceSpan = ev
		dl.Confidence = round2(dl.Confidence * 0.9)
		dl.Rule = "title+" + dl.Rule
		if dl.Amount != nil {
			if dl.Amount.Span[0] >= base && dl.Amount.Span[1] <= base+len(first) {
				dl.Amount.Span[0] += ev[0] - base
				dl.Amount.Span[1] += ev[0] - base
			} else {
				dl.Amount.Span = ev
			}
		}
		if first == "" {
			dl.Evidence = title
		}
	}
	// A deal with an unnamed party stands only with the value the body
	// gives it; the headline pass never sees that sentence.
	kept := out[:0]
	for _, dl := range out {
		if dl.Amount == nil && strings.HasPrefix(dl.Rule, "title+"+pendingRule+"unnamed:") {
			continue
		}
		kept = append(kept, dl)
	}
	return kept
}

// headlineClauses splits a headline into its clauses: at ";" and " | ",
// at "/" next to Japanese, and at a space between two Japanese characters
// (a full-width space normalised), which Japanese headlines use between
// two statements. Spaces inside names ("Together AI", "Hut 8") stay.
func headlineClauses(title string) []string {
	var out []string
	start := 0
	cut := func(a, b int) {
		if c := strings.TrimSpace(title[start:a]); c != "" {
			out = append(out, c)
		}
		start = b
	}
	for i := 0; i < len(title); i++ {
		switch title[i] {
		case ';':
			cut(i, i+1)
		case '|':
			if i > 0 && title[i-1] == ' ' {
				cut(i, i+1)
			}
		case '/':
			if jaBefore(title, i) || jaAfter(title, i+1) {
				cut(i, i+1)
			}
		case ' ':
			if jaBefore(title, i) && jaAfter(title, i+1) {
				cut(i, i+1)
				break
			}
			// "TeraWulf expands Fluidstack deal as Google lifts backstop":
			// a conjunction opens a second clause with its own subject.
			if conj := headlineConj(title[i:]); conj > 0 {
				cut(i, i+conj)
				i += conj - 1
				break
			}
			// "…契約を締結 ― シリーズBで15億円を調達": a dash between clauses.
			for _, dash := range []string{" ― ", " — ", " – ", " - "} {
				if strings.HasPrefix(title[i:], dash) && (jaBefore(title, i) || jaAfter(title, i+len(dash))) {
					cut(i, i+len(dash))
					i += len(dash) - 1
					break
				}
			}
		}
	}
	cut(len(title), len(title))
	if len(out) == 0 {
		return []string{strings.TrimSpace(title)}
	}
	return out
}

func jaBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return isJapaneseRune(r) && r != '・'
}

func jaAfter(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isJapaneseRune(r) && r != '・'
}

func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }

// runeBoundary moves i back to the start of a rune.
func runeBoundary(s string, i int) int {
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// investees finds katakana names that receive an investment, which no list
// and no dictionary knows: "コールドレーンに3,000万ドルを出資", "グリッドノヴァへの
// 出資", "…に投資". The run of katakana right before に/への is a name when
// 出資/投資 follows in the same clause and it is no common noun (org.IsStop).
func investees(txt string) []org.Mention {
	var out []org.Mention
	for _, verb := range []string{"出資", "投資"} {
		text.EachIndex(txt, verb, func(at, _ int) {
			lo := strings.LastIndexAny(txt[:at], "、。\n") + 1
			seg := txt[lo:at]
			for _, mark := range []string{"への", "に"} {
				p := strings.LastIndex(seg, mark)
				if p <= 0 {
					continue
				}
				end := lo + p
				start := end
				for start > lo {
					r, n := utf8.DecodeLastRuneInString(txt[:start])
					if !(r >= 0x30A1 && r <= 0x30FA || r == 'ー' || r == '・') {
						break
					}
					start -= n
				}
				for start < end && strings.HasPrefix(txt[start:], "・") {
					start += len("・")
				}
				name := txt[start:end]
				if utf8.RuneCountInString(name) < 3 || org.IsStop(name) || org.KanaGeneric(name) {
					continue
				}
				out = append(out, org.Mention{Name: name, Text: name, Span: [2]int{start, end}})
				break
			}
		})
	}
	return out
}

// corpNameEnds are the last words of Japanese company names that may hold
// hiragana the unknown-name finder stops at ("株式会社東北みらい銀行").
var corpNameEnds = []string{"銀行", "信用金庫", "証券", "電力", "信託", "商事", "物産", "リース", "キャピタル", "ファイナンス"}

// listMembers returns the members of lists of organisations that no list
// knows and no corporate word marks ("provided by ABN AMRO, DNB, Eksfin,
// Nordea, and SEB"): between two organisations found (ms, sorted), items
// of one to three capitalised words joined only by list marks are
// organisations too. Both ends must be found names, so "in Texas, Ohio and
// Georgia" or a list opening a sentence is left alone.
func listMembers(txt string, ms []mention) []mention {
	return listGaps(txt, ms, 120, func(gap string, off int) []mention {
		if !strings.HasPrefix(gap, ", ") || strings.ContainsAny(gap, ".;:()\n") {
			return nil
		}
		end := off + len(gap)
		inner := strings.TrimSpace(strings.TrimPrefix(gap, ", "))
		inner = strings.TrimSpace(strings.TrimSuffix(inner, " and"))
		inner = strings.TrimSuffix(inner, ",")
		if inner == "" || inner == "and" {
			return nil
		}
		var found []mention
		off += len(", ")
		for _, it := range strings.Split(inner, ", ") {
			start := strings.Index(txt[off:end], it)
			if !listItemName(it) || start < 0 {
				return nil
			}
			sp := [2]int{off + start, off + start + len(it)}
			found = append(found, mention{Mention: org.Mention{Name: it, Text: it, Span: sp}})
			off = sp[1]
		}
		return found
	})
}

// listGaps gives f the text between each two neighbouring names of ms
// (sorted) at most max bytes apart, and where it starts, and returns the
// list members f reads in them.
func listGaps(txt string, ms []mention, max int, f func(gap string, off int) []mention) []mention {
	var add []mention
	for i := 0; i+1 < len(ms); i++ {
		a, b := ms[i], ms[i+1]
		if b.Span[0] <= a.Span[1] || b.Span[0]-a.Span[1] > max {
			continue
		}
		add = append(add, f(txt[a.Span[1]:b.Span[0]], a.Span[1])...)
	}
	return add
}

// listMembersJA is listMembers for Japanese: between two organisations
// found and joined by 、, items written in Latin letters, digits or
// katakana alone (「九州電力、IIJ、QTnet、1FINITY、ノーチラス・テクノロジーズ」)
// are organisations too.
func listMembersJA(txt string, ms []mention) []mention {
	return append(listGapsJA(txt, ms), countedListHeads(txt, ms)...)
}

// countedListHeads finds the first member of a Japanese list of companies
// counted after it when that member is written in Latin letters or
// katakana and the finders missed it: 「RUTILEA、東北電力、日立製作所、
// 日本政策投資銀行の4社は」. Only a list its count closes qualifies.
func countedListHeads(txt string, ms []mention) []mention {
	var add []mention
	for i := 0; i < len(ms); i++ {
		j := i
		for j+1 < len(ms) && ms[j].Span[1] <= ms[j+1].Span[0] && jaListGap(txt[ms[j].Span[1]:ms[j+1].Span[0]]) {
			j++
		}
		last := ms[j].Span[1]
		if k := closingAside(txt[last:]); k > 0 {
			last += k
		}
		if rest := strings.TrimPrefix(txt[last:], "社"); !groupCountRE.MatchString(rest) && !countedCompaniesRE.MatchString(rest) {
			i = j
			continue
		}
		// The item before the list's first member, back to the clause's start.
		end := ms[i].Span[0]
		if !strings.HasSuffix(txt[:end], "、") {
			i = j
			continue
		}
		stop := end - len("、")
		start := 0
		if k := strings.LastIndexAny(txt[:stop], "、。\n「」"); k >= 0 {
			_, n := utf8.DecodeRuneInString(txt[k:])
			start = k + n
		}
		it := strings.TrimSpace(txt[start:stop])
		if it != "" && listItemNameJA(it) {
			off := start + strings.Index(txt[start:stop], it)
			add = append(add, mention{Mention: org.Mention{Name: it, Text: it, Span: [2]int{off, off + len(it)}}})
		}
		i = j
	}
	return add
}

// listGapsJA finds the names between two organisations of a Japanese list
// (listMembersJA).
func listGapsJA(txt string, ms []mention) []mention {
	return listGaps(txt, ms, 90, func(gap string, off int) []mention {
		// An aside in brackets after a name (IIJ(インターネットイニシアティブ)) is skipped.
		if k := closingAside(gap); k > 0 {
			gap, off = gap[k:], off+k
		}
		for _, c := range []string{")", "）"} { // the name was the aside: インターネットイニシアティブ(IIJ)、
			if strings.HasPrefix(gap, c) {
				gap, off = gap[len(c):], off+len(c)
			}
		}
		inner, ok := strings.CutPrefix(gap, "、")
		if !ok || !strings.HasSuffix(inner, "、") {
			return nil
		}
		off += len("、")
		var found []mention
		for _, it := range strings.Split(strings.TrimSuffix(inner, "、"), "、") {
			if !listItemNameJA(it) {
				return nil
			}
			sp := [2]int{off, off + len(it)}
			found = append(found, mention{Mention: org.Mention{Name: it, Text: it, Span: sp}})
			off = sp[1] + len("、")
		}
		return found
	})
}

// closingAside returns the length of a bracketed aside opening s, or 0.
func closingAside(s string) int {
	for _, p := range [][2]string{{"(", ")"}, {"（", "）"}} {
		if strings.HasPrefix(s, p[0]) {
			if k := strings.Index(s, p[1]); k > 0 {
				return k + len(p[1])
			}
		}
	}
	return 0
}

// listItemNameJA reports a Japanese list item that is a name by its
// letters: Latin letters and digits (QTnet, 1FINITY), or katakana of at
// least three runes that are no common words; no particle, no kanji.
func listItemNameJA(it string) bool {
	n, latin, kana := 0, 0, 0
	for _, r := range it {
		n++
		switch {
		case r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z':
			latin++
		case r >= '0' && r <= '9' || r == '-' || r == '.' || r == '&' || r == ' ':
		case r >= 0x30A0 && r <= 0x30FF: // katakana, ・ and ー
			kana++
		default:
			return false
		}
	}
	if n == 0 || n > 24 || org.IsStop(it) {
		return false
	}
	if latin > 0 {
		return latin+kana >= 2 && hasUpper(it)
	}
	return kana >= 3 && !org.KanaGeneric(it)
}

// hasUpper reports an upper-case ASCII letter in s.
func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// listItemName reports one to three capitalised words (letters, digits,
// & and hyphens) that are no stop word: a list member's name.
func listItemName(it string) bool {
	ws := strings.Fields(it)
	if len(ws) == 0 || len(ws) > 3 {
		return false
	}
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && w != "&" {
			return false
		}
		for _, c := range w {
			if !unicode.IsLetter(c) && !unicode.IsDigit(c) && c != '&' && c != '-' && c != '.' {
				return false
			}
		}
	}
	return !org.IsStop(it)
}

// sameBank names 同行 ("the said bank") by the last bank named before it
// within a few sentences: 「Silvergate Bankからの与信枠の借り換えを行い、同
// 行からの融資をさらに1億ドル追加した」. 同行する (to go along) is no
// bank.
func (x *Extractor) sameBank(txt string, ms []mention) []mention {
	const w = "同行"
	if !strings.Contains(txt, w) {
		return ms
	}
	bank := func(m mention) bool {
		if m.Known {
			return x.gaz.Role(m.Name) == "lender"
		}
		return strings.HasSuffix(m.Name, "銀行") || strings.HasSuffix(m.Name, "Bank")
	}
	var add []mention
	text.EachIndex(txt, w, func(at, off int) {
		if !text.HasAnyPrefix(txt[off:], "から", "は", "が", "の", "と", "に", "より") || strings.HasPrefix(txt[off:], "の上") {
			return
		}
		for i := len(ms) - 1; i >= 0; i-- {
			m := ms[i]
			if m.Span[1] > at {
				continue
			}
			if at-m.Span[1] > 600 {
				break
			}
			if bank(m) {
				if !overlaps(ms, [2]int{at, off}) {
					add = append(add, mention{Mention: org.Mention{Name: m.Name, Text: w, Span: [2]int{at, off}, Known: m.Known, Role: m.Role}})
				}
				break
			}
		}
	})
	if len(add) == 0 {
		return ms
	}
	ms = append(ms, add...)
	sort.Slice(ms, func(i, j int) bool { return ms[i].Span[0] < ms[j].Span[0] })
	return ms
}

// extendAcronymNames stretches a known Latin name glued to a katakana run
// that ends in a legal form ("SBIインベストメント株式会社",
// "GMOインターネット株式会社"): the group's subsidiary, another company.
func extendAcronymNames(txt string, ms []mention) []mention {
	for i := range ms {
		m := &ms[i]
		if !m.Known || !isASCIIWord(strings.ReplaceAll(m.Text, " ", "")) {
			continue
		}
		p, n := m.Span[1], 0
		for p < len(txt) && isKatakanaAt(txt, p) {
			_, sz := utf8.DecodeRuneInString(txt[p:])
			p += sz
			n++
		}
		if n < 3 || hasCorpSuffix(txt[p:]) == 0 || i+1 < len(ms) && ms[i+1].Span[0] < p {
			continue
		}
		stretchName(m, txt, p)
	}
	return ms
}

// stretchName makes a name end at p: a longer name no list knows.
func stretchName(m *mention, txt string, p int) {
	m.Span[1] = p
	m.Text = txt[m.Span[0]:p]
	m.Name = m.Text
	m.Known, m.miner = false, false
}

// jaBusinessOf reports the words after a Japanese deal word telling a
// company's line of business (「リースを手掛ける」「融資事業を展開する」): the
// word describes the company named next, it tells no deal.
func jaBusinessOf(rest string) bool {
	rest = strings.TrimPrefix(strings.TrimPrefix(rest, "事業"), "業務")
	return text.HasAnyPrefix(rest, "を手掛ける", "を手がける", "を手掛け、", "を手がけ、", "を展開する", "を営む", "を主力とする", "を本業とする")
}

// latinPerson reports a Latin name of two capitalised words, the first a
// given name and neither a corporate word ("Patrick Fleury" in a Japanese
// text, where no English frame tells a person).
func latinPerson(name string) bool {
	ws := strings.Fields(name)
	return len(ws) == 2 && org.GivenName(ws[0]) && !org.CorporateWord(ws[1]) && !org.CorporateWord(ws[0]) &&
		ws[1][0] >= 'A' && ws[1][0] <= 'Z' && strings.ContainsAny(ws[1], lowerLetters) // a surname, not "Sharon AI"
}

// ricExchanges are the exchange codes a Reuters instrument code ends on
// (RUM.O, NB2.DE, 9984.T, ORCL.N).
var ricExchanges = map[string]bool{"O": true, "OQ": true, "N": true, "A": true, "K": true, "P": true, "T": true, "DE": true,
	"F": true, "L": true, "HK": true, "KS": true, "KQ": true, "SS": true, "SZ": true, "PA": true, "AS": true, "MI": true,
	"TO": true, "V": true, "AX": true, "SI": true, "BO": true, "NS": true, "TW": true, "S": true, "SW": true, "ST": true,
	"OL": true, "CO": true, "HE": true, "MC": true, "BR": true, "LS": true, "VI": true, "WA": true, "IS": true, "SA": true, "MX": true}

// rics returns the spans of the Reuters instrument codes in txt, each
// from its ticker to the end of its exchange's code: a ticker, a dot and
// the exchange's code, written after a name. The ticker may be glued to a
// Latin name before it (CoreWeaveCRWV.O, IRENIREN.O): rics cuts it out.
// It reads the text once, from each dot, without an expression (a long
// page has many dots and few codes).
func rics(txt string) [][2]int {
	var out [][2]int
	for i := 0; ; i++ {
		k := strings.IndexByte(txt[i:], '.')
		if k < 0 {
			return out
		}
		i += k
		e := i + 1
		for e < len(txt) && txt[e] >= 'A' && txt[e] <= 'Z' && e-i <= 2 {
			e++
		}
		if e == i+1 || !ricExchanges[txt[i+1:e]] || e < len(txt) && (isWordByte(txt[e]) || txt[e] == '.') {
			continue
		}
		st := i
		for st > 0 && i-st < 30 && isWordByte(txt[st-1]) {
			st--
		}
		if i-st < 2 || st > 0 && (isWordByte(txt[st-1]) || txt[st-1] == '.') {
			continue // "U.S.A", "Inc.A"
		}
		run := txt[st:i]
		tick := run
		switch {
		case len(run)%2 == 0 && run[:len(run)/2] == run[len(run)/2:]:
			tick = run[len(run)/2:] // IRENIREN.O
		case strings.ContainsAny(run, lowerLetters):
			j := len(run)
			for j > 0 && (run[j-1] >= 'A' && run[j-1] <= 'Z' || run[j-1] >= '0' && run[j-1] <= '9') {
				j--
			}
			tick = run[j:] // CoreWeaveCRWV.O
		}
		if len(tick) < 2 || len(tick) > 6 || strings.ContainsAny(tick, lowerLetters) {
			continue
		}
		out = append(out, [2]int{i - len(tick), e})
	}
}

const lowerLetters = "abcdefghijklmnopqrstuvwxyz"

// outsideRICs drops the names read inside a Reuters instrument code
// (「ノーザン・データ」NB2.DE read as NB and DE): a code names no other
// party than the name before it. That name, when no name was read there,
// is a listed company's: the katakana, the Latin or the quoted words right
// before the code (「ランブル」RUM.O, ビットディア・テクノロジーズBTDR.O).
// A known name read in a code no name comes before stays (MSFT.O alone).
func (x *Extractor) outsideRICs(txt string, ms []mention) []mention {
	for _, c := range rics(txt) {
		sp, named := nameBeforeRIC(txt, c[0])
		ms = slices.DeleteFunc(ms, func(m mention) bool {
			return m.Span[0] >= c[0] && m.Span[1] <= c[1] && (named || !m.Known)
		})
		if !named {
			continue
		}
		// The name's mention reaches over the code (and a bracket closing
		// it), so the particle after the code is the name's: ランブルRUM.Oは.
		end := c[1]
		if r, n := utf8.DecodeRuneInString(txt[end:]); r == ')' || r == '>' || r == '\uff09' || r == '\uff1e' {
			end += n
		}
		at := slices.IndexFunc(ms, func(m mention) bool { return m.Span[0] < sp[1] && sp[0] < m.Span[1] })
		switch {
		case at < 0:
			ms = append(ms, x.codeNamed(txt, [2]int{sp[0], sp[1]}, end))
		case ms[at].Span[1] == sp[1]:
			ms[at].Span[1] = end
		case !ms[at].Known && ms[at].Span[1] > sp[1] && ms[at].Span[1] <= end:
			ms[at] = x.codeNamed(txt, [2]int{ms[at].Span[0], sp[1]}, end) // IRENIREN.O read as one name
		}
	}
	return ms
}

// codeNamed is the mention of the name at sp, written before a Reuters
// code that ends at end: a name the company list knows is that company.
func (x *Extractor) codeNamed(txt string, sp [2]int, end int) mention {
	name := txt[sp[0]:sp[1]]
	m := mention{Mention: org.Mention{Name: name, Text: name, Span: [2]int{sp[0], end}}}
	if c, ok := x.gaz.Canonical(name); ok {
		m.Name, m.Known = c, true
	}
	return m
}

// ricMarks may stand between a name and its Reuters code.
var ricMarks = []string{"」", " ", "(", "<", "\uff08", "\uff1c"}

// ricAfter reports a Reuters instrument code right after a name ending at
// end, or after a mark from ricMarks: a listed company's name.
func ricAfter(txt string, end int) bool {
	rest := txt[end:min(len(txt), end+40)]
	for _, c := range rics(rest) {
		if c[0] == 0 || slices.Contains(ricMarks, rest[:c[0]]) {
			return true
		}
	}
	return false
}

// nameBeforeRIC returns the span of the name written right before a
// Reuters code starting at i, after at most one mark from ricMarks: words
// in 「」, a katakana run (with ・ and ー) or Latin letters glued to the
// code.
func nameBeforeRIC(txt string, i int) ([2]int, bool) {
	j := i
	for _, p := range ricMarks[1:] {
		if strings.HasSuffix(txt[:j], p) {
			j -= len(p)
			break
		}
	}
	if strings.HasSuffix(txt[:j], "」") {
		end := j - len("」")
		k := strings.LastIndex(txt[:end], "「")
		if k < 0 || end-k-len("「") > 60 || end == k+len("「") {
			return [2]int{}, false
		}
		return [2]int{k + len("「"), end}, true
	}
	k := j
	latin := j == i && j > 0 && isWordByte(txt[j-1])
	for k > 0 {
		r, n := utf8.DecodeLastRuneInString(txt[:k])
		if latin && !(r < utf8.RuneSelf && isWordByte(byte(r))) || !latin && !unicode.Is(unicode.Katakana, r) && r != 'ー' && r != '・' {
			break
		}
		k -= n
	}
	if j-k < 2*len("ア") && !latin || j-k < 2 {
		return [2]int{}, false
	}
	return [2]int{k, j}, true
}

// extendLatinNames stretches a Latin name in Japanese text over the
// capitalised Latin words written after it up to the Japanese that follows
// (「NTT DC REITは」 is NTT DC REIT, not NTT): a known name followed by more
// of its words names a unit of its own.
func extendLatinNames(txt string, ms []mention) []mention {
	for i := range ms {
		m := &ms[i]
		if !isASCIIWord(strings.ReplaceAll(m.Text, " ", "")) {
			continue
		}
		p, words, plain := m.Span[1], 0, true
		for p+1 < len(txt) && txt[p] == ' ' && txt[p+1] >= 'A' && txt[p+1] <= 'Z' && words < 3 {
			q := p + 1
			for q < len(txt) && (txt[q] >= 'A' && txt[q] <= 'Z' || txt[q] >= 'a' && txt[q] <= 'z' || txt[q] >= '0' && txt[q] <= '9' || txt[q] == '&' || txt[q] == '.' || txt[q] == '-') {
				q++
			}
			w := strings.TrimSuffix(txt[p+1:q], ".")
			if strings.ContainsAny(w, "0123456789") || notNameWords[strings.ToLower(w)] || org.LegalForm(w) {
				plain = false // "Nvidia H100", "Microsoft Azure", "Acme Inc": a product or a legal form, no unit's name
				break
			}
			p, words = q, words+1
		}
		if !plain || words == 0 || p >= len(txt) || !hasJapanese(txt[p:min(len(txt), p+3)]) || i+1 < len(ms) && ms[i+1].Span[0] < p {
			continue
		}
		stretchName(m, txt, p)
	}
	return ms
}

// notNameWords after a Latin name in Japanese text name a product, a
// field or a title, not a unit of the company; legal forms are
// org.LegalForm's, and "company" and "incorporated" written out.
var notNameWords = map[string]bool{"azure": true, "cloud": true, "ai": true, "gpu": true, "gpus": true, "api": true, "copilot": true,
	"gemini": true, "chatgpt": true, "claude": true, "blackwell": true, "hopper": true, "grace": true, "rubin": true, "antminer": true,
	"whatsminer": true, "avalon": true, "ceo": true, "cfo": true, "company": true, "incorporated": true}

// extendCorpNames stretches an unknown name right after 株式会社 to the
// nearest company-name ending within a few characters, with no punctuation
// or は/が/を in between.
func extendCorpNames(txt string, ms []mention) []mention {
	const corp = "株式会社"
	for i := range ms {
		m := &ms[i]
		if m.Known || !strings.HasSuffix(txt[:m.Span[0]], corp) {
			continue
		}
		best := -1
		// A name of at most 14 runes ends within 56 bytes: look no further.
		win := txt[m.Span[0]:min(len(txt), m.Span[0]+14*utf8.UTFMax)]
		for _, e := range corpNameEnds {
			k := strings.Index(win, e)
			if k < 0 {
				continue
			}
			end := m.Span[0] + k + len(e)
			if end <= m.Span[1] || utf8.RuneCountInString(txt[m.Span[0]:end]) > 14 ||
				strings.ContainsAny(txt[m.Span[1]:end-len(e)], "、。,()はがを") {
				continue
			}
			if best < 0 || end < best {
				best = end
			}
		}
		if best < 0 || i+1 < len(ms) && ms[i+1].Span[0] < best {
			continue
		}
		stretchName(m, txt, best)
	}
	// 「南星エンジニアリングと」: kagome read the name without the
	// company word glued to it; the name holds it.
	for i := range ms {
		m := &ms[i]
		if m.Known {
			continue
		}
		n := hasCorpSuffix(txt[m.Span[1]:])
		if n == 0 || !corpWordGlued(txt[m.Span[1]:m.Span[1]+n]) || i+1 < len(ms) && ms[i+1].Span[0] < m.Span[1]+n {
			continue
		}
		stretchName(m, txt, m.Span[1]+n)
		m.weak = false
	}
	return ms
}

// corpWordGlued reports a company word written as part of a name (エンジ
// ニアリング, ホールディングス), not a legal form around it (株式会社, (株)),
// an abbreviation (HD) or a facility (Malagaデータセンター).
func corpWordGlued(w string) bool {
	switch w {
	case "株式会社", "(株)", "合同会社", "有限会社", "HD", "データセンター":
		return false
	}
	return true
}

// docMiner is the known miner the article names most (the first on a tie).
func docMiner(ms []mention) (mention, bool) {
	return mostOf(ms, func(m mention) bool { return m.miner })
}

// mostOf is the organisation of ms that keep accepts which the article
// names most (the first on a tie).
func mostOf(ms []mention, keep func(mention) bool) (mention, bool) {
	n := map[string]int{}
	var best mention
	found := false
	for _, m := range ms {
		if !keep(m) {
			continue
		}
		n[m.Name]++
		if !found || n[m.Name] > n[best.Name] {
			best, found = m, true
		}
	}
	return best, found
}

// toLower is strings.ToLower (text.Lower), without its per-rune case
// lookup for Japanese text: the figure rules lower the text around every
// figure.
func toLower(s string) string { return text.Lower(s) }

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

// weakWord reports a deal made by a weak deal word ("shares", "purchase",
// "investment"), which tells a deal only with its value: when the figure is
// no deal value ("their shares dip to $7.99 and $13.78"), there is no deal
// left, counterparty or not. On the real-news dev split: 2 right, 5 wrong.
func weakWord(rule string) bool {
	first, _, _ := strings.Cut(rule, ",")
	return strings.HasSuffix(first, ".weak")
}
