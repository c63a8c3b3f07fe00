package deal

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
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
	partyVetoes spanSet       // the spans of vetoes[i].What == "party", for vetoedSpan
	read        []org.Mention // names read from capitalised frames, sentence by sentence (for Result.Names)
	aiDoc       bool          // the document is about AI/HPC: a miner's contract is an HPC contract
	// tc tells names from common words capitalised at a sentence start or
	// in a Title Case headline; headline holds the spans of such a
	// headline's clauses in text (none when the headline is not Title Case).
	tc       *truecase
	headline [][2]int
	// party memoises the party rules' reading of a name's other uses and,
	// on a long text, indexes its words for them (built before the
	// sentences are read, then only read).
	party partyMemo
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
	st.docMinerLeads = st.hasDocMiner && (!st.hasMain || timesNamed(d.mentions, st.main.Name) <= timesNamed(d.mentions, st.docMiner.Name))
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
		if trig, isJA := hasTrigger(cuesIn(d.cues, s)), hasJapanese(txt[s[0]:s[1]]); x.rules.dataRulesRead(d.hits, d.lower, s, trig) {
			// Kept apart until the end: an amount-less deal of a data
			// rule takes no figure from the sentences after it.
			ms := d.lastMs
			if d.lastSp != s {
				ms = x.sentenceMentions(d, s, isJA)
			}
			if dr != nil {
				dr.jobs <- dataRun{i: si, sp: s, ms: slices.Clone(ms), st: *st, isJA: isJA, trig: trig}
			} else {
				res.Fired = append(res.Fired, x.matchDeals(d, s, ms, st, isJA, trig)...)
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
	deals = stage("its two parties are two names of one company", deals, x.dropSelfDeals(clone(deals)))
	deals = stage("a joint venture's partnership with one of its owners yields to the owners' (jv_owners)", deals, jvOwnersYield(clone(deals)))
	deals = stage("its two parties are banks that lend or underwrite together", deals, x.dropCoLenders(d, clone(deals)))
	deals = stage("its two parties are each another company's backer or partner of the same kind in the sentence (co-investors)", deals, dropCoParties(clone(deals)))
	deals = stage("its only figure is no deal value (a figure rule) and it names no counterparty, or a weak deal word made it", deals, x.rules.dropNoValues(d, clone(deals)))
	deals = stage("spending: its deal word needs a counterparty and none is named (a capex plan is no deal)", deals, x.dropSpending(clone(deals)))
	deals = stage("a party is a maker named only for its products (\"504 Nvidia B200 GPUs\", 「エヌビディア製GPU」), in a deal that buys none from it", deals, x.dropProductMakers(d, clone(deals)))
	deals = stage("a data rule's deal without counterparty yields to another deal of its company in the sentence", deals, yieldNameless(clone(deals)))
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

func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }

// runeBoundary moves i back to the start of a rune.
func runeBoundary(s string, i int) int {
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}
