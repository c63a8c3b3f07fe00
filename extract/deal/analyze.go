package deal

import (
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/kozan-dev/kozan/extract/jtok"
	"github.com/kozan-dev/kozan/extract/org"
	"github.com/kozan-dev/kozan/extract/text"
	"github.com/kozan-dev/kozan/pipeline"
)

// The document analysis every sentence reads from: names, amounts, rule
// words, vetoes of names and figures, sentences.

// analyze finds amounts, lexicon cues and organisations once per document.
func (x *Extractor) analyze(txt string, toks []jtok.Token) *doc {
	d := &doc{text: txt, lower: asciiLower(txt)}
	if len(txt) >= wordIndexFrom {
		// A long page names many parties, each read for its other uses.
		d.party.words = newWordIndex(txt)
	}
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
			names = x.tokenNames(txt, keep, len(txt) >= parallelFrom)
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
			if j := prefixedGuess(d.mentions, knownIdx, m.Span); j >= 0 && !amountIdx.overlaps(m.Span) {
				// 「大和エナジー・インフラも出資」: the finder guessed the
				// katakana; kagome's name has the kanji before it too.
				d.mentions[j].Mention = m
				continue
			}
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
		d.mentions = joinGlossed(txt, d.mentions)
		if add := listSlotNames(txt, d.mentions); len(add) > 0 {
			d.mentions = append(d.mentions, add...)
			sort.Slice(d.mentions, func(i, j int) bool { return d.mentions[i].Span[0] < d.mentions[j].Span[0] })
		}
	}
	d.mentions = extendByAcronym(txt, d.mentions)
	if !hasJapanese(txt) {
		d.mentions = formerLatter(txt, d.lower, d.mentions)
	}
	d.cues = pruneCues(d.text, d.lower, d.cues, d.mentions)
	d.cues = dropNonDealWords(txt, d.lower, d.cues)
	x.veto(d)
	return d
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
			d.addPartyVeto(Veto{Rule: id, What: "party", Text: m.Text, Span: m.Span})
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
func (r *Rules) dropNoValues(d *doc, ds []pipeline.Deal) []pipeline.Deal {
	out := ds[:0]
	for _, dl := range ds {
		if dl.Amount != nil {
			if id, ok := d.noValue[dl.Amount.Span]; ok {
				if dl.Counterparty == "" || d.noDeal[id] || r.weakWord(dl.Rule) {
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
// a token no name continues past (org.EndsNames). When async, the pieces
// are tokenized tokenBatch bytes at a time, the second half of each batch
// on a goroutine of its own beside the first (the tokenizer is safe for
// concurrent use and a piece's tokens do not depend on the others).
func (x *Extractor) tokenNames(txt string, keep func(start, end int) bool, async bool) []org.Mention {
	var kept [][2]int
	for _, p := range jtok.Pieces(txt) {
		if keep == nil || keep(p[0], p[1]) {
			kept = append(kept, p)
		}
	}
	run, first, second := x.tokenBuf(), x.tokenBuf(), x.tokenBuf()
	var names []org.Mention
	read := func(tb *tokenBatchBuf) {
		from := 0
		for _, to := range tb.ends {
			run.toks = append(run.toks, tb.toks[from:to]...)
			from = to
			if n := len(run.toks); n > 0 && org.EndsNames(run.toks[n-1]) {
				names = append(names, org.FromTokens(txt, run.toks)...)
				clear(run.toks)
				run.toks = run.toks[:0]
			}
		}
	}
	for len(kept) > 0 {
		n, size := 0, 0
		for n < len(kept) && (n == 0 || size < tokenBatch) {
			size += kept[n][1] - kept[n][0]
			n++
		}
		batch := kept[:n]
		kept = kept[n:]
		h := len(batch)
		if async {
			// The batch's halves by bytes: [0, h) here, [h, n) beside.
			h = 0
			for half := 0; h < n && half < size/2; h++ {
				half += batch[h][1] - batch[h][0]
			}
		}
		var wait func() *tokenBatchBuf
		if h < n {
			wait = background(true, func() *tokenBatchBuf { return x.tokenize(second, txt, batch[h:]) })
		}
		read(x.tokenize(first, txt, batch[:h]))
		if wait != nil {
			read(wait())
		}
	}
	names = append(names, org.FromTokens(txt, run.toks)...)
	for _, b := range []*tokenBatchBuf{run, first, second} {
		b.release(x)
	}
	return names
}

// tokenBatch is how many bytes of pieces tokenNames tokenizes at a time
// when it tokenizes on two goroutines: enough to pay for the goroutine,
// few enough that only a few pieces' tokens are held at once.
const tokenBatch = 32 << 10

// tokenBatchBuf holds the tokens of a few pieces, ends[i] being the end
// of piece i's tokens in toks.
type tokenBatchBuf struct {
	buf  *[]jtok.Token // pooled (Extractor.toks)
	toks []jtok.Token
	ends []int
}

// tokenBuf takes a token buffer from the extractor's pool.
func (x *Extractor) tokenBuf() *tokenBatchBuf {
	buf, _ := x.toks.Get().(*[]jtok.Token)
	if buf == nil {
		buf = new([]jtok.Token)
	}
	return &tokenBatchBuf{buf: buf, toks: (*buf)[:0]}
}

// tokenize fills tb with the tokens of pieces, in order, and returns it.
func (x *Extractor) tokenize(tb *tokenBatchBuf, txt string, pieces [][2]int) *tokenBatchBuf {
	tb.toks, tb.ends = tb.toks[:0], tb.ends[:0]
	for _, p := range pieces {
		tb.toks = x.tok.AppendPiece(tb.toks, txt, p)
		tb.ends = append(tb.ends, len(tb.toks))
	}
	return tb
}

// release gives tb's buffer back to the pool, without the references to
// the text its tokens hold.
func (tb *tokenBatchBuf) release(x *Extractor) {
	clear(tb.toks)
	*tb.buf = tb.toks[:0]
	x.toks.Put(tb.buf)
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

// prefixedGuess returns the index of the one mention of ms (indexed by idx)
// that sp overlaps when it is a guess of the finder (no listed company)
// ending where sp ends and starting after sp starts: sp is the same name
// with a word before it. Else -1.
func prefixedGuess(ms []mention, idx spanIndex, sp [2]int) int {
	found := -1
	idx.each(sp, func(i int) {
		if ms[i].Span[1] <= sp[0] || ms[i].Span[0] >= sp[1] {
			return
		}
		if found != -1 || ms[i].Known || ms[i].Span[1] != sp[1] || ms[i].Span[0] <= sp[0] {
			found = -2
			return
		}
		found = i
	})
	return max(found, -1)
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
	if d.party.answers == nil {
		d.party.answers = map[elsewhereKey]bool{}
	}
	return x.rules.vetoParty(d.text, d.lower, d.hits, m, role, isJA, &d.party)
}

// pruneCues drops lexicon words inside organisation names ("Soluna
// Holdings", "Two Prime Capital") and turns a deal word followed by a
// figure word into a figure word ("hosting revenue", "リース収入").
func pruneCues(txt, lower string, cs []cue, ms []mention) []cue {
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
		if mi > 0 && nameTail(txt, ms[mi-1].Span[1], c) {
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

// nameTail reports a capitalised deal or figure word that goes on the name
// ending at end through capitalised words only: the gazetteer knows
// "Chindata", the text writes "Chindata Group Holdings Ltd.", whose
// "Holdings" are no bitcoin holdings.
func nameTail(txt string, end int, c cue) bool {
	if c.start < end || c.start-end > 40 || txt[c.start] < 'A' || txt[c.start] > 'Z' || !nameWords[c.w.s] {
		return false
	}
	for _, w := range strings.Fields(txt[end:c.start]) {
		if w[0] < 'A' || w[0] > 'Z' {
			return false
		}
	}
	return c.start > end && txt[c.start-1] == ' '
}

// nameWords are the lexicon's words that end many a company's name
// (a Title Case headline's "Lease" or "Revenue" is no name's).
var nameWords = map[string]bool{"holdings": true, "capital": true, "credit": true, "equity": true, "finance": true,
	"financial": true, "investments": true, "ventures": true, "partners": true, "leasing": true, "lending": true, "funding": true}

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
// 「提携を(正式に)発表していません」「契約は締結しておらず」「売却は一切行っていない」.
// A deal only guessed at (提携憶測, 買収観測, 提携の可能性), still talked
// over (買収に向けて協議中, 提携を検討中, 取得するために「事前協議中」) or not
// to be done (資金調達が完了できない) is none either.
var jaNegated = regexp.MustCompile(`^((を|は|に|の)?(正式に|公式に|まだ|一切|全く|まったく|いまだ|未だ)?(発表|締結|合意|決定|発表・締結|実施|し|され|して|行っ|行わ)?(していません|していない|しておらず|していなかった|しなかった|せず|されていない|されておらず|されなかった|していませんが|ていない|ておらず|ません|ない)|(の)?(憶測|臆測|観測|思惑|期待|噂|うわさ|可能性)|を(引き続き|さらに)?(推進|目指|模索|検討|提案)|(に向けて|に向けた)(協議|交渉|検討)|(の)?(協議|交渉|検討)中|(する)?(ために|べく|方向で)[「『]?(事前)?(協議|交渉|検討|調整)(中|を進め|している)|が(完了|成立|実現|実行)(でき|し)?(ない|なかった|ず))`)

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
