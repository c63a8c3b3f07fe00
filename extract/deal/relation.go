package deal

import (
	"strings"

	"github.com/kozan-dev/kozan/extract/org"
	"github.com/kozan-dev/kozan/pipeline"
)

// state carries the discourse topic from sentence to sentence.
type state struct {
	para      int     // paragraph number of the current sentence
	topic     mention // the last sentence subject
	topicPara int
	hasTopic  bool
	// miner is the last miner that was a sentence subject or a deal's
	// company: "The company" after a sentence about its tenant.
	miner    mention
	hasMiner bool
	// docMiner is the article's miner: the headline subject when it is a
	// miner, else the miner the article names most.
	docMiner    mention
	hasDocMiner bool
}

// Distances (bytes) within which a deal word ties to an amount.
const (
	maxDistJA = 63 // about 21 characters
	maxDistEN = 90
)

// anaphors refer back to the topic company.
var anaphors = []string{"同社", "当社", "the company", "the firm", "the miner", "the operator", "the group",
	"it said", " its ", "it has", "it will", "it signed", "it raised", "it sold", "it agreed", "it also"}

// sentence runs the relation rules over one sentence span.
// prev are the deals of the previous sentence of the same paragraph: a
// sentence restating their value ("契約総額は…", "The deal is valued at…")
// gives them its amount.
func (x *Extractor) sentence(d *doc, sp [2]int, st *state, prev []pipeline.Deal) []pipeline.Deal {
	txt := d.text
	s := txt[sp[0]:sp[1]]
	isJA := hasJapanese(s)
	ms := x.sentenceMentions(d, sp, isJA)
	if isJA {
		labelJA(txt, ms)
	} else {
		labelEN(txt, sp, ms)
		plainAsides(txt, sp, ms)
	}
	cues := cuesIn(d.cues, sp)
	if isJA {
		cues = dropRelativeCues(txt, ms, cues)
		cues = dropUnderwriting(txt, cues)
	}
	amts := dealCandidates(txt, d.amounts, dropRestatedBTC(amountsIn(d.amounts, sp)))
	maxDist := maxDistEN
	if isJA {
		maxDist = maxDistJA
	}

	subj, hasSubj := sentenceSubject(ms)
	topic, hasTopic := st.topic, st.hasTopic
	if hasTopic && st.topicPara != st.para && !hasAnaphor(d.lower[sp[0]:sp[1]]) && !namesPlain(ms, topic.Name) && !(isJA && !hasSubj && topic.miner) {
		// A Japanese sentence with no subject of its own ("購入資金の一部
		// は、Xが引き受ける融資で賄う") goes on about the miner told before.
		hasTopic = false
	}
	if hasTopic && !hasSubj && genericSubject(d.lower[sp[0]:sp[1]], isJA) {
		hasTopic = false
	}
	ctx := sentenceContext(cues) || d.aiDoc
	anaphoric := startsWithAnaphor(d.lower[sp[0]:sp[1]])
	if anaphoric && !hasSubj && hasTopic && !topic.miner && st.hasMiner && companyAnaphor(d.lower[sp[0]:sp[1]]) {
		// "Meta will lease… with Cipher putting the value at…. The
		// company has also bought…": the article's miner, not its tenant.
		topic = st.miner
	}
	// The miner the paragraph is about backs a guarantor's deal even when
	// the sentence has its own subject ("Google agreed to backstop…").
	var topicMiner *mention
	if st.hasTopic && st.topic.miner && (st.topicPara == st.para || hasAnaphor(d.lower[sp[0]:sp[1]])) {
		t := st.topic
		topicMiner = &t
	} else if st.hasMiner && backstopIn(cues) {
		// A guarantor in a paragraph of its own ("Google, already X's
		// largest backer, will backstop…") backs the article's miner.
		t := st.miner
		topicMiner = &t
	}
	judged := amts // every deal candidate, including those given to prev
	if len(prev) > 0 && fillCounterparty(d, sp, ms, prev) {
		return nil // the sentence names the other side of the previous deal
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
		lo, hi = zoneClause(txt, lo, hi, a, i > 0, i+1 < len(amts), isJA)
		if _, chi := zoneClause(txt, lo, hi, a, false, true, isJA); !isJA && chi < hi {
			// "buy a site from X for $95 million and separately signed a
			// PPA with Y": the amount's own clause, when it has a deal word.
			if _, ok := nearestTrigger(d.lower, cues, a, lo, chi, maxDist, isJA); ok {
				hi = chi
			}
		}
		trig, ok := nearestTrigger(d.lower, cues, a, lo, hi, maxDist, isJA)
		if !ok || !isJA && conditionalValue(d.lower[sp[0]:a.Span[0]]) {
			continue
		}
		if !isJA && runRate(txt[:a.Span[0]], txt[a.Span[1]:]) {
			// A yearly rate, a backlog, a market value: its deal word
			// names no deal of this amount.
			markClause(txt, cues, used, a, trig, lo, hi, isJA)
			continue
		}
		if valueMetric[trig.w.s] && (!strongTriggerIn(cues, trig) || implied(d.lower[max(sp[0], trig.start-30):trig.start])) {
			continue // "could support $12 billion of enterprise value": no deal told
		}
		markClause(txt, cues, used, a, trig, lo, hi, isJA)
		kind := kindNear(cues, trig, a.Span[0], a.Span[1], lo, hi)
		if kind == pipeline.KindPurchase && objectInZone(ms, lo, hi) {
			kind = pipeline.KindAcquisition // "buy Soluna for $X": a company bought
		}
		if !isJA && (kind == pipeline.KindAssetSale || kind == pipeline.KindFinancing || kind == pipeline.KindOther) && stockSold(d.lower[a.Span[1]:hi]) {
			kind = pipeline.KindEquity // "sell up to $2.1 billion of Class A common stock"
		}
		if blockedByNegative(d, cues, a, lo, hi, trig, kind, isJA) {
			continue
		}
		zm := mentionsIn(ms, lo, hi)
		if !isJA {
			zm = ownClause(txt, zm, a)
		}
		if listedParties(txt, zm, a) || !isJA && listedSubject(txt, sp[0], zm, a) {
			continue // "$60 billion of deals with Nebius, Nscale, Lambda and IREN": a sum
		}
		p, ok := resolve(zm, subj, hasSubj, topic, hasTopic && (anaphoric || !hasSubj), topicMiner, ms, kind, a.Span[0], a.Span[1], isJA)
		if !ok {
			continue
		}
		p = minerPrior(txt, p, subj, hasSubj, topicMiner, st, refersBack(d.lower[sp[0]:sp[1]], hasSubj, p))
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
		kind = refineKind(kind, ctx, p, x.gaz)
		if plo, phi := zoneClause(txt, lo, hi, a, true, true, isJA); ppaIn(cues, plo, phi) {
			// A PPA in the amount's own clause; "Xを…で買収し、あわせて
			// Yと電力購入契約を締結" keeps the acquisition.
			kind = pipeline.KindOther
		}
		amt := a
		dl := pipeline.Deal{
			Company:      p.company.Name,
			Counterparty: pipeline.NullString(p.cpName()),
			Kind:         kind,
			Amount:       &amt,
			Evidence:     s,
			EvidenceSpan: sp,
			Confidence:   p.confidence(true),
			Rule:         "amount:" + p.how + "@" + trig.w.id,
		}
		x.measures(d, &dl, lo, hi, a.Span[0])
		out = append(out, dl)
	}
	out = append(out, x.amountless(d, sp, st, ms, cues, used, judged, subj, hasSubj, topic, hasTopic && (anaphoric || !hasSubj), topicMiner, ctx, isJA)...)

	for _, dl := range out {
		for _, m := range ms {
			if m.miner && m.Name == dl.Company {
				st.miner, st.hasMiner = m, true
			}
		}
	}
	if hasSubj && subj.miner {
		st.miner, st.hasMiner = subj, true
	}
	if hasSubj && (subj.Known || !subj.weak) {
		st.topic, st.hasTopic, st.topicPara = subj, true, st.para
	} else if m, ok := firstMiner(ms); ok && len(out) == 0 {
		st.topic, st.hasTopic, st.topicPara = m, true, st.para
	} else if len(out) > 0 && out[0].Company != "" {
		for _, m := range ms {
			if m.Name == out[0].Company {
				st.topic, st.hasTopic, st.topicPara = m, true, st.para
				break
			}
		}
	}
	return out
}

// plainAsides takes the roles away from names inside an aside about the
// sentence's subject ("Google, which already holds a stake in Fluidstack,
// will guarantee…", "Google, already Fluidstack's largest backer, …"):
// they describe the subject, they are no party of its deal.
func plainAsides(txt string, sp [2]int, ms []mention) {
	// "The company, which is majority-owned by Hut 8 and counts…, said":
	// an aside about an anaphoric subject names no party either.
	if lo, hi, ok := anaphorAside(txt[sp[0]:sp[1]]); ok {
		for j := range ms { // the headline may be read with the first sentence
			if ms[j].Span[0] >= sp[0]+lo && ms[j].Span[1] <= sp[0]+hi {
				ms[j].label = lPlain
			}
		}
	}
	for i := range ms {
		if ms[i].label != lSubj {
			continue
		}
		rest := strings.TrimPrefix(txt[ms[i].Span[1]:sp[1]], ".") // "American Bitcoin Corp., the…"
		owner := false
		if hasAnyPrefix(rest, ", the ", ", a ", ", an ") {
			// "QTS Data Centers, the Blackstone-owned operator, agreed…",
			// "X Corp., the Hut 8-majority-owned miner co-founded by…":
			// the owner or founder in the appositive is no party.
			if e := strings.IndexByte(rest[2:], ','); e > 0 {
				owner = ownerAside(strings.ToLower(rest[2 : 2+e]))
			}
		}
		if !owner && !hasAnyPrefix(rest, ", which ", ", who ", ", already ", ", itself ", ", whose ") {
			return
		}
		e := strings.IndexByte(rest[2:], ',')
		if e < 0 {
			return
		}
		lo, hi := ms[i].Span[1], ms[i].Span[1]+2+e+(len(txt[ms[i].Span[1]:sp[1]])-len(rest))
		for j := range ms {
			if ms[j].Span[0] >= lo && ms[j].Span[1] <= hi {
				ms[j].label = lPlain
			}
		}
		return
	}
}

// assetOf reports a possessive naming an asset of the company before it
// ("'s 86-megawatt site in Knoxville", "'s Texas data center").
func assetOf(rest string) bool {
	if k := strings.Index(rest, "'s "); k > 1 && k < 14 && rest[0] == ' ' && capitalisedStart(rest[1:]) && !strings.Contains(rest[1:k], " ") {
		rest = rest[k:] // "Bitdeer Technologies Group's": the rest of the name
	}
	if !possessive(rest) {
		return false
	}
	ws := strings.Fields(strings.ToLower(rest[min(len(rest), 3):]))
	for i, w := range ws {
		if i >= 5 {
			break
		}
		switch strings.Trim(w, ",.") {
		case "site", "sites", "facility", "facilities", "campus", "data", "plant", "mine", "assets", "portfolio", "fleet", "property", "building":
			return true
		}
	}
	return false
}

// stockSold reports shares right after an amount ("$2.1 billion of Class
// A common stock through an at-the-market program"): an equity sale.
func stockSold(rest string) bool {
	if !strings.HasPrefix(rest, " of ") {
		return false
	}
	rest = rest[:min(len(rest), 60)]
	for _, w := range []string{"common stock", "common shares", "ordinary shares", "class a shares", "preferred stock",
		"american depositary", "at-the-market", "its shares", "new shares"} {
		if strings.Contains(rest, w) {
			return true
		}
	}
	return false
}

// ownerAside reports an appositive telling who owns, founded or spun off
// the name before it ("the Blackstone-owned operator", "the miner
// co-founded by Eric Trump", "spun out of Bit Digital").
func ownerAside(a string) bool {
	for _, w := range []string{"-owned", " owned by", "-backed", " backed by", "founded by", "-controlled", " controlled by",
		"spun out of", "spun off from", "spun off by", "unit of", "subsidiary of", "arm of", "division of", "affiliate of",
		"spinoff of", "spin-off of", "-led ", "chaired by"} {
		if strings.Contains(a, w) {
			return true
		}
	}
	return false
}

// backstopIn reports a guarantee word among cues.
func backstopIn(cues []cue) bool {
	for _, c := range cues {
		if c.w.class == cueTrigger && c.w.kind == pipeline.KindBackstop {
			return true
		}
	}
	return false
}

// namesPlain reports the sentence naming the company outside any deal role
// ("…, which Hut 8 said would cover…"): the topic of a new paragraph
// still.
func namesPlain(ms []mention, name string) bool {
	for _, m := range ms {
		if m.Name == name && m.label == lPlain {
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

// sentenceMentions returns the organisation mentions of a sentence, adding
// English names read from capitalised words after a preposition or at the
// start of the sentence.
func (x *Extractor) sentenceMentions(d *doc, sp [2]int, isJA bool) []mention {
	var ms []mention
	// d.mentions are sorted by start: look only at those starting inside.
	for _, m := range d.mentions[lowerBound(len(d.mentions), func(i int) bool { return d.mentions[i].Span[0] >= sp[0] }):] {
		if m.Span[0] >= sp[1] {
			break
		}
		if m.Span[1] <= sp[1] {
			ms = append(ms, m)
		}
	}
	if isJA {
		return ms
	}
	txt := d.text
	add := func(pos int, initial bool) {
		m, ok := org.CapitalizedAt(txt[:sp[1]], pos)
		if !ok || overlaps(ms, m.Span) || overlapsAmount(d.amounts, m.Span) {
			return
		}
		if strings.HasSuffix(d.lower[:pos], " in ") && placeAfter(txt[m.Span[1]:sp[1]]) {
			return // "a site in Sherbrooke, Quebec,": a city and its region
		}
		if initial && (!verbFollows(txt[m.Span[1]:sp[1]])) {
			return
		}
		if m, ok = d.tc.fix(x, txt, m, initial || m.Span[0] == sp[0], d.inHeadline(m.Span[0])); !ok || overlaps(ms, m.Span) {
			return
		}
		if demonyms[m.Name] {
			return // "and Japanese trading house Sojitz": a description, not a name
		}
		if name, known := x.gaz.Canonical(m.Name); known {
			m.Name, m.Known = name, true
		}
		if id, ok := x.vetoMention(d, m, false); ok {
			d.vetoes = append(d.vetoes, Veto{Rule: id, What: "party", Text: m.Text, Span: m.Span})
			return
		}
		ms = append(ms, mention{Mention: m, weak: true})
	}
	ms = dropProductMakers(txt, ms)
	add(sp[0], true)
	for _, prep := range []string{"with ", "from ", "by ", "to ", "and ", "between ", "in ", "for ", "acquire ", "acquires ",
		"acquired ", "acquiring ", "buy ", "buys ", "bought ", "of ", "including "} {
		for off := sp[0]; ; {
			k := strings.Index(d.lower[off:sp[1]], prep)
			if k < 0 {
				break
			}
			at := off + k
			off = at + len(prep)
			if at > sp[0] && isWordByte(d.lower[at-1]) {
				continue
			}
			add(off, false)
		}
	}
	sortMentions(ms)
	return ms
}

// placeAfter reports a name followed by ", Region" (a capitalised word or
// two, then a comma or the end of the sentence): "X, Quebec," "X, New
// Brunswick." — X is a city.
func placeAfter(rest string) bool {
	if !strings.HasPrefix(rest, ", ") {
		return false
	}
	rest = rest[2:]
	for n := 0; n < 2; n++ {
		if rest == "" || rest[0] < 'A' || rest[0] > 'Z' {
			return false
		}
		i := 1
		for i < len(rest) && rest[i] >= 'a' && rest[i] <= 'z' {
			i++
		}
		if i < 3 {
			return false
		}
		rest = rest[i:]
		if rest == "" || rest[0] == ',' || rest[0] == '.' {
			return true
		}
		if rest[0] != ' ' {
			return false
		}
		rest = rest[1:]
		if rest != "" && rest[0] >= 'a' && rest[0] <= 'z' {
			return true // "in Carthage, New York by the end of…"
		}
	}
	return false
}

// demonyms describe a company's origin; alone they name none.
var demonyms = map[string]bool{"Japanese": true, "American": true, "Canadian": true, "Chinese": true, "British": true,
	"German": true, "French": true, "Korean": true, "Australian": true, "Swiss": true, "Dutch": true, "Nordic": true,
	"European": true, "Asian": true, "Norwegian": true, "Swedish": true, "Singaporean": true, "Indian": true,
	"Brazilian": true, "Paraguayan": true, "Texan": true, "Icelandic": true, "Finnish": true, "Irish": true,
	"Spanish": true, "Italian": true, "Emirati": true, "Saudi": true, "Taiwanese": true, "Malaysian": true}

// firstMiner is the first known miner of a sentence that is not a
// counterparty: the topic of a sentence without a subject.
func firstMiner(ms []mention) (mention, bool) {
	for _, m := range ms {
		if m.miner && m.label != lCP && m.label != lDat && m.label != lObj && m.label != lPairB {
			return m, true
		}
	}
	return mention{}, false
}

// verbFollows reports a lowercase word right after a sentence-initial name
// ("Zephyr signed", not "NEW YORK, March 3").
func verbFollows(rest string) bool {
	if len(rest) < 2 || rest[0] != ' ' {
		return false
	}
	return rest[1] >= 'a' && rest[1] <= 'z'
}

func sortMentions(ms []mention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].Span[0] < ms[j-1].Span[0]; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// genericSubject reports a sentence whose subject is a group, not the
// topic company ("Miners raised…", "採掘企業各社は…").
func genericSubject(lower string, isJA bool) bool {
	if isJA {
		for _, g := range []string{"採掘企業は", "採掘企業が", "各社は", "各社が", "業界は", "市場は", "投資家は", "アナリストは",
			"マイナーは", "企業は", "企業が", "事業者は", "彼らは", "彼らが"} {
			if strings.Contains(lower, g) {
				return true
			}
		}
		return false
	}
	ws := strings.Fields(lower)
	for i, w := range ws {
		if i >= 4 {
			break
		}
		switch strings.Trim(w, ",") {
		case "miners", "companies", "firms", "operators", "investors", "analysts", "hyperscalers", "lenders",
			"industry", "sector", "peers", "rivals", "they", "others", "banks":
			return true
		}
	}
	return false
}

// startsWithAnaphor reports a sentence opening on the topic company
// ("The company said", "The Miami-based miner", "It", "同社は").
func startsWithAnaphor(lower string) bool {
	if strings.HasPrefix(lower, "it ") || strings.HasPrefix(lower, "同社") || strings.HasPrefix(lower, "当社") {
		return true
	}
	if !strings.HasPrefix(lower, "the ") {
		return false
	}
	ws := strings.Fields(lower)
	for i := 1; i < len(ws) && i <= 4; i++ {
		switch strings.Trim(ws[i], ",") {
		case "company", "miner", "firm", "operator", "group", "developer", "company's", "miner's":
			return true
		}
	}
	return false
}

// companyAnaphor reports a sentence opening on "the company", "the firm" or
// "the miner" (同社): a reference to the company the article is about.
func companyAnaphor(lower string) bool {
	return hasAnyPrefix(lower, "the company", "the firm", "the miner", "the bitcoin miner", "同社")
}

// hasAnaphor reports a reference to the topic company.
func hasAnaphor(lower string) bool {
	for _, a := range anaphors {
		if strings.Contains(lower, a) {
			return true
		}
	}
	if ws := strings.Fields(lower); len(ws) > 1 && ws[0] == "the" && enDealNouns[strings.Trim(ws[1], ",")] {
		return true // "The facility, provided by…": the deal just told, so its company
	}
	return strings.HasPrefix(lower, "it ")
}

// sentenceSubject is the first subject (or pair head) of the sentence.
func sentenceSubject(ms []mention) (mention, bool) {
	for _, m := range ms {
		if m.label == lSubj || m.label == lPairA {
			if m.weak && org.IsStop(m.Name) {
				continue
			}
			return m, true
		}
	}
	return mention{}, false
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

func mentionsIn(ms []mention, lo, hi int) []mention {
	var out []mention
	for _, m := range ms {
		if m.Span[0] >= lo && m.Span[1] <= hi {
			out = append(out, m)
		}
	}
	return out
}

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
	for _, u := range []string{"1株", "株当たり", "1株あたり", "1台", "1台あたり", "1枚"} {
		if strings.HasSuffix(before, u) {
			return true
		}
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
		between := strings.TrimSpace(strings.ToLower(txt[a.Span[1]:amts[i+1].Span[0]]))
		if (between == "to" || between == "to approximately" || between == "to about" || between == "to roughly" || between == "to around") &&
			strings.HasSuffix(strings.ToLower(before[max(0, len(before)-16):]), "from ") && !strings.HasPrefix(txt[amts[i+1].Span[1]:], " per") {
			return true
		}
		if between == "から" && hasAnyPrefix(txt[amts[i+1].Span[1]:], "に", "へ") {
			return true
		}
	}
	if i > 0 && fromFormer(txt, amts[i-1], a) {
		return true
	}
	if optionOrIncrement(txt, amts, i) {
		return true
	}
	if vagueAmount(a.Text) || formerSize(txt, a) || shareMove(before) || balanceClause(before) || accountingResult(before) || netProceeds(before) {
		return true
	}
	// "$15 million at closing and the rest over 18 months": an instalment
	// of a deal, not its value.
	for _, p := range []string{" at closing", " on closing", " upon closing", " at close", " upfront", " up front", " at signing", " on signing", " in an initial payment"} {
		if strings.HasPrefix(rest, p) {
			return true
		}
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

// runRate reports a figure that measures a business, not a deal: a yearly
// or monthly rate ("$290 million a year", "Annual rent will start at
// $95 million", "a run-rate of $X"), a backlog or the contracted revenue
// of many tenants ("backlog of contracted revenue … $12.8 billion",
// "$X across its campuses"), a market value or price target ("market
// capitalization reaching $12 billion"), an analyst's estimate ("could
// generate $X", "which they value at $X"). A sentence telling a contract's
// total and its yearly rent keeps the total as the deal.
func runRate(before, rest string) bool {
	r := strings.ToLower(rest[:min(len(rest), 40)])
	if hasAnyPrefix(r, " a year", " per year", " per annum", " annually", " a month", " per month", " each year",
		" every year", " a quarter", " per quarter", " in annual", " of annual", " in yearly", " of yearly", " in annualized",
		" of annualized", " in run-rate", " of run-rate", " on an annual", " on an annualized", " on a discounted") {
		return true
	}
	if strings.HasPrefix(r, " across ") {
		for _, w := range []string{"tenants", "customers", "campuses", "sites", "portfolio", "contracts", "clients"} {
			if strings.Contains(r, w) {
				return true
			}
		}
	}
	b := strings.ToLower(before[max(0, len(before)-80):])
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
	b := strings.ToLower(strings.TrimRight(before[max(0, len(before)-40):], " "))
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
	b := strings.ToLower(before[max(0, len(before)-60):])
	for _, w := range []string{"target", "estimate", "forecast", "guidance", "outlook", "price objective", "rating"} {
		if strings.Contains(b, w) {
			return true
		}
	}
	return false
}

// implied reports a value derived by an analyst right before a value
// phrase ("implying an enterprise value of $11.5 billion"): no deal's price.
func implied(before string) bool {
	for _, w := range []string{"implying", "implies", "imply", "implied"} {
		if strings.Contains(before, w) {
			return true
		}
	}
	return false
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

// vagueAmount reports an order of magnitude, not a figure ("数十億ドル",
// "several billion dollars", "tens of millions").
func vagueAmount(t string) bool {
	l := strings.ToLower(t)
	for _, v := range []string{"数十", "数百", "数千", "数億", "数兆", "several", "tens of", "hundreds of", "a few", "multi-", "multibillion", "multimillion"} {
		if strings.Contains(l, v) {
			return true
		}
	}
	return false
}

// formerSize reports the earlier size of a deal that grew or changed
// ("upsized from the $1.25 billion it announced", "当初は25億ドルの発行を予定").
func formerSize(txt string, a pipeline.Amount) bool {
	lo := a.Span[0] - 60
	if lo < 0 {
		lo = 0
	}
	lo = runeBoundary(txt, lo)
	b := strings.ToLower(txt[lo:a.Span[0]])
	// Strip the describing words in any order ("from the previously
	// announced $750 million").
	b = trimDescribing(b)
	for _, v := range []string{"upsized from ", "increased from ", "expanded from ", "raised from ", "enlarged from ", "boosted from ", "up from ", "downsized from ", "cut from ", "reduced from "} {
		if strings.HasSuffix(b, v) {
			return true
		}
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
	b := strings.ToLower(txt[max(0, a.Span[0]-40):a.Span[0]])
	b = trimDescribing(b)
	if !strings.HasSuffix(b, ", from ") && !strings.HasSuffix(b, " from ") {
		return false
	}
	pb := strings.ToLower(txt[max(0, prev.Span[0]-60):prev.Span[0]])
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
	b := strings.ToLower(before[max(0, len(before)-80):])
	if k := strings.LastIndexAny(b, ";.\n"); k >= 0 {
		b = b[k+1:]
	}
	for _, v := range []string{"ended the quarter with", "ended the year with", "ended the period with", "ended the month with",
		"exited the quarter with", "exited the year with", "finished the quarter with", "finished the year with",
		"closed the quarter with", "closed the year with", "as of the end of the quarter"} {
		if strings.Contains(b, v) {
			return true
		}
	}
	return false
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

// raiseWords raise money without saying how: the way named next to the
// amount (a private placement) gives the kind.
var raiseWords = map[string]bool{"raised": true, "raise": true, "raises": true, "raising": true, "secured": true, "secures": true, "funding": true}

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

// kindNear picks the kind of a deal: the kind of its deal word, upgraded
// to a more specific kind written right next to it or to the anchor
// [as,ae) ("リース契約", "lease agreement"), within [lo,hi). A stock word
// (株式, shares, stake) turns a sale or purchase into equity.
func kindNear(cues []cue, trig cue, as, ae, lo, hi int) pipeline.Kind {
	kind := trig.w.kind
	stock := trig.w.s == "株式"
	if stock {
		kind = pipeline.KindOther
	}
	const radius = 15
	anchor := pipeline.Amount{Span: [2]int{as, ae}}
	tspan := pipeline.Amount{Span: [2]int{trig.start, trig.end}}
	for _, c := range cues {
		if c.w.class != cueTrigger || c.start < lo || c.end > hi {
			continue
		}
		if kind == pipeline.KindAssetSale && debtWords[c.w.s] && c.start >= ae && c.start-ae <= 2*radius+2 && !cueBetween(cues, ae, c.start) {
			kind = pipeline.KindFinancing // "sold $1.15 billion of zero-coupon notes": debt issued
			continue
		}
		strongKind := c.w.kind == pipeline.KindBackstop || c.w.kind == pipeline.KindAcquisition
		if dist(c, anchor) > radius && dist(c, tspan) > radius && !(strongKind && dist(c, anchor) <= 3*radius) {
			continue
		}
		if c.w.s == "株式" || c.w.s == "shares" || c.w.s == "stake" || c.w.s == "equity" || c.w.s == "warrants" || c.w.s == "新株予約権" {
			stock = true
			continue
		}
		if (c.w.s == "initial public offering" || c.w.s == "ipo") && (raiseWords[trig.w.s] || trig.w.kind == pipeline.KindFinancing) {
			kind = pipeline.KindEquity // "raised $X in its initial public offering": shares sold
			continue
		}
		if c.w.s == "private placement" && raiseWords[trig.w.s] && !placedDebt(cues, c) {
			kind = pipeline.KindEquity // "raised $X in a private placement of common stock"
			continue
		}
		generic := kind == pipeline.KindOther || kind == pipeline.KindPartnership || kind == pipeline.KindHPCContract
		if kind == pipeline.KindAssetSale && debtWords[c.w.s] && c.start >= ae {
			kind = pipeline.KindFinancing // "sold $900 million of bonds": debt issued
			continue
		}
		if kindRank[c.w.kind] > kindRank[kind] && (generic || c.w.kind == pipeline.KindAcquisition || c.w.kind == pipeline.KindBackstop) {
			kind = c.w.kind
		}
	}
	if kind == pipeline.KindOther || kind == pipeline.KindPartnership {
		for _, c := range cues {
			if c.w.class == cueTrigger && c.w.kind == pipeline.KindAcquisition && c.start >= lo && c.end <= hi {
				kind = pipeline.KindAcquisition
			}
		}
	}
	if stock && (kind == pipeline.KindAssetSale || kind == pipeline.KindPurchase || kind == pipeline.KindOther) {
		kind = pipeline.KindEquity
	}
	if kind == pipeline.KindAcquisition && acquiresShares(cues, lo, hi) {
		kind = pipeline.KindEquity
	}
	if kind == pipeline.KindEquity {
		// "invest ¥15 billion in a joint venture with X": the money goes
		// into a venture of both, not into X.
		for _, c := range cues {
			if c.w.class == cueTrigger && c.w.s == "joint venture" && c.start >= ae && c.end <= hi && c.start-ae <= 2*radius {
				kind = pipeline.KindPartnership
			}
		}
	}
	return kind
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

// debtWords are securities a company sells to borrow.
var debtWords = map[string]bool{"bonds": true, "notes": true, "debt": true, "convertible": true, "社債": true, "債券": true}

// mainKind is the kind of a deal whose amount sits by a value phrase
// ("a 15-year lease with X…, with a contract value of $7 billion"): the
// last deal word of a service kind (lease, colocation, hosting) before the
// amount in the zone.
func mainKind(cues []cue, trig cue, a pipeline.Amount, lo, hi int) pipeline.Kind {
	kind := pipeline.KindOther
	for _, c := range cues {
		if c.start < lo || c.end > a.Span[0] || c.w.class != cueTrigger {
			continue
		}
		switch c.w.kind {
		case pipeline.KindLease, pipeline.KindColocation, pipeline.KindHosting:
			kind = c.w.kind
		}
	}
	if kind != pipeline.KindOther {
		return kind
	}
	// "a $90 million agreement with Lambda to provide hosting for its
	// GPUs": the service named right after the agreement.
	for _, c := range cues {
		if c.start < a.Span[1] || c.end > hi || c.start-a.Span[1] > maxDistEN || c.w.class != cueTrigger {
			continue
		}
		switch c.w.kind {
		case pipeline.KindLease, pipeline.KindColocation, pipeline.KindHosting:
			return c.w.kind
		}
	}
	return kind
}

// ppaIn reports a power purchase agreement in [lo,hi).
func ppaIn(cues []cue, lo, hi int) bool {
	for _, c := range cues {
		if c.start >= lo && c.end <= hi && c.w.class == cueTrigger && c.w.kind == pipeline.KindOther &&
			(strings.Contains(c.w.s, "power") || strings.Contains(c.w.s, "ppa") || strings.Contains(c.w.s, "電力")) {
			return true
		}
	}
	return false
}

// acquiresShares reports an acquisition word whose object is shares or
// warrants, not a company ("warrants to acquire 24 million shares", "株式の
// 一部を取得"): a stake, not a takeover.
func acquiresShares(cues []cue, lo, hi int) bool {
	for i, c := range cues {
		if c.start < lo || c.end > hi || c.w.class != cueTrigger || c.w.kind != pipeline.KindAcquisition {
			continue
		}
		if i > 0 && cues[i-1].w.s == "warrants" && c.start-cues[i-1].end < 20 {
			return true
		}
		for _, n := range cues[i+1:] {
			if n.start-c.end > 40 || n.end > hi {
				break
			}
			if n.w.s == "shares" || n.w.s == "warrants" {
				return true
			}
			if n.w.class == cueTrigger && n.w.kind == pipeline.KindAcquisition {
				break
			}
		}
	}
	return false
}

// zoneClause narrows an amount's zone [lo,hi) to its clause when another
// amount lies beyond the clause break: "…に5,600万ドルで売却し、…から3,000万ドルの
// 融資を受けた" and "…deal with Fluidstack; Google backstops $1.4 billion" are
// two deals, and the parties of one clause are not the other's.
func zoneClause(txt string, lo, hi int, a pipeline.Amount, before, after, isJA bool) (int, int) {
	breaks := []string{"; "}
	if isJA {
		breaks = []string{"し、", "、また", "。また", "ほか、", "一方、", "一方で"}
	}
	for _, br := range breaks {
		if before {
			if k := strings.LastIndex(txt[lo:a.Span[0]], br); k >= 0 {
				lo += k + len(br)
			}
		}
		if after {
			if k := strings.Index(txt[a.Span[1]:hi], br); k >= 0 {
				hi = a.Span[1] + k
			}
		}
	}
	if !isJA {
		// "agreed to buy X for $310 million and signed a PPA with Y
		// valued at $240 million": a coordinated verb starts the next
		// deal's clause.
		for _, v := range andVerbs {
			br := " and " + v + " "
			if before {
				if k := strings.LastIndex(txt[lo:a.Span[0]], br); k >= 0 {
					lo += k + len(" and ")
				}
			}
			if after {
				if k := strings.Index(txt[a.Span[1]:hi], br); k >= 0 {
					hi = a.Span[1] + k
				}
			}
		}
	}
	return lo, hi
}

// andVerbs are deal verbs that open a coordinated clause after "and".
var andVerbs = []string{"signed", "agreed", "inked", "struck", "entered", "sold", "bought", "raised", "secured",
	"closed", "acquired", "will", "also", "separately", "plans", "signs", "agrees", "sells", "buys", "raises", "secures"}

// clauseOf bounds the Japanese comma clause around [a,b) within [lo,hi).
func clauseOf(txt string, a, b, lo, hi int, isJA bool) (int, int) {
	if !isJA {
		return lo, hi
	}
	if k := strings.LastIndex(txt[lo:a], "、"); k >= 0 {
		lo += k + len("、")
	}
	if k := strings.Index(txt[b:hi], "、"); k >= 0 {
		hi = b + k
	}
	return lo, hi
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

// valuation negatives do not block an acquisition price.
var valuationWords = map[string]bool{"評価額": true, "価値": true, "時価": true, "valuation": true, "valued": true,
	"valuing": true, "values": true,
	"price": true, "価格": true, "market value": true}

// valueVerbs state the value of the deal word right before them ("an
// agreement valued at $X").
var valueVerbs = map[string]bool{"valued": true, "worth": true, "totaling": true, "totalling": true}

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

// listedParties reports three or more organisations listed after the
// amount (joined by commas, "and", 、, と): the amount sums several deals.
func listedParties(txt string, zm []mention, a pipeline.Amount) bool {
	run, best := 0, 0
	for i := range zm {
		if zm[i].Span[0] < a.Span[1] {
			continue
		}
		if run > 0 {
			gap := strings.TrimSpace(txt[zm[i-1].Span[1]:zm[i].Span[0]])
			switch gap {
			case ",", "and", ", and", "、", "と", "や", "or", ", or":
				run++
			default:
				run = 1
			}
		} else {
			run = 1
		}
		if run > best {
			best = run
		}
	}
	return best >= 3
}

// listedSubject reports a sentence opening on three or more names joined
// by commas and "and" before the amount ("Bitfarms, Hive and Bitdeer Raise
// $1.1 Billion"): the amount sums several companies' deals.
func listedSubject(txt string, sentStart int, zm []mention, a pipeline.Amount) bool {
	if len(zm) == 0 || zm[0].Span[0] >= a.Span[0] || zm[0].Span[0] < sentStart {
		return false
	}
	pre := txt[sentStart:a.Span[0]]
	if k := strings.Index(pre, ": "); k >= 0 {
		pre = pre[k+2:] // "Miners Pile Into Convertibles: A, B and C Raise…"
	}
	k := strings.Index(pre, " and ")
	if k < 0 {
		return false
	}
	head, tail := strings.TrimSuffix(pre[:k], ","), pre[k+len(" and "):]
	if !capitalisedStart(tail) {
		return false
	}
	items := strings.Split(head, ", ")
	if len(items) < 2 {
		return false
	}
	for _, it := range items {
		ws := strings.Fields(it)
		if len(ws) == 0 || len(ws) > 4 {
			return false
		}
		for _, w := range ws {
			if !capitalisedStart(w) {
				return false
			}
		}
	}
	return true
}

// capitalisedStart reports a string starting with an upper-case letter or
// a digit.
func capitalisedStart(s string) bool {
	return s != "" && (s[0] >= 'A' && s[0] <= 'Z' || s[0] >= '0' && s[0] <= '9')
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
		}
	}
	return false
}

// pluralJA reports a Japanese clause that sums over several companies.
func pluralJA(s string) bool {
	if strings.Contains(s, "各社") || strings.Contains(s, "複数社") || strings.Contains(s, "業界全体") {
		return true
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' && strings.HasPrefix(s[i+1:], "社") {
			return true
		}
	}
	return false
}

// paymentForm reports "in cash", "all-cash", "cash and stock": how a deal
// is paid, not a cash balance.
func paymentForm(txt string, c cue) bool {
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
	if hasAnyPrefix(after, " and equivalents", " and cash equivalents", " equivalents", " on hand", " and short-term",
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

// objectInZone reports an organisation bought or acquired in [lo,hi)
// ("buy Soluna", "Xを取得").
func objectInZone(ms []mention, lo, hi int) bool {
	for _, m := range ms {
		if m.label == lObj && m.Span[0] >= lo && m.Span[1] <= hi && usable(m) && (m.Known || !m.weak) {
			return true
		}
	}
	return false
}

// boughtCompany reports a resolved deal whose company or counterparty is
// the object of the purchase.
func boughtCompany(zm []mention, p parties) bool {
	if p.cp == nil {
		return false
	}
	return p.company.label == lObj || p.cp.label == lObj
}

// parties is a resolved company and counterparty.
type parties struct {
	company mention
	cp      *mention
	how     string
}

func (p parties) cpName() string {
	if p.cp == nil {
		return ""
	}
	return p.cp.Name
}

func (p parties) confidence(withAmount bool) float64 {
	c := 0.6
	switch p.how {
	case "pair":
		c = 0.9
	case "subject", "acquisition", "investee", "passive":
		c = 0.8
	case "topic":
		c = 0.65
	case "miner":
		c = 0.6
	}
	if p.cp == nil {
		c -= 0.05
	} else if p.cp.weak {
		c -= 0.1
	}
	if p.company.weak {
		c -= 0.1
	}
	if !withAmount {
		c -= 0.1
	}
	return round2(c)
}

// usable reports whether a mention may be a party.
func usable(m mention) bool {
	return !(m.weak && !m.Known && org.IsStop(m.Name))
}

// resolve picks company and counterparty for a deal anchored at pos.
// topicMiner, when set, is the paragraph's miner: the company of a deal a
// non-miner backs or rents without naming the miner.
func resolve(zm []mention, subj mention, hasSubj bool, topic mention, hasTopic bool, topicMiner *mention, all []mention, kind pipeline.Kind, pos, end int, isJA bool) (parties, bool) {
	var p parties
	// Zone subject nearest before the anchor, else the sentence subject.
	var zs, pairA, pairB, obj, inv, dat *mention
	for i := range zm {
		m := &zm[i]
		if !usable(*m) {
			continue
		}
		switch m.label {
		case lSubj:
			if m.Span[0] < pos || zs == nil {
				zs = m
			}
		case lPairA:
			if pairA == nil || m.Span[0] < pos {
				pairA = m
			}
		case lPairB:
			if pairB == nil || m.Span[0] < pos {
				pairB = m
			}
		case lObj:
			if obj == nil {
				obj = m
			}
		case lInv:
			inv = m
		case lDat:
			if dat == nil {
				dat = m
			}
		}
	}
	var company *mention
	if pairA != nil && zs != nil && zs.Span[0] < pos && pairA.Span[0] > pos {
		pairA, pairB = nil, nil // the pair belongs to a later clause
	}
	// "The miner said A and B will occupy…": the topic miner deals with the pair.
	if pairA != nil && pairB != nil && hasTopic && topic.miner && !pairA.miner && !pairB.miner && (hasSubj && subj.Span[0] == pairA.Span[0]) {
		t := topic
		p.company, p.cp, p.how = t, pairA, "topic"
		if p.cp.Name != t.Name {
			return p, true
		}
	}
	// "Xは…し、Yが…を引き受ける": the は topic is the company, the が
	// subject of the later clause its counterparty.
	if isJA && zs != nil && !zs.wa && hasSubj && subj.wa && subj.Name != zs.Name && subj.Span[0] < zs.Span[0] && pairA == nil {
		ga := zs
		s := subj
		zs = &s
		p.cp = ga
	}
	switch {
	case pairA != nil && pairB != nil:
		company, p.how = pairA, "pair"
		p.cp = pairB
	case zs != nil:
		company, p.how = zs, "subject"
	case hasSubj:
		s := subj
		company, p.how = &s, "subject"
	case pairA != nil:
		company, p.how = pairA, "pair"
	case hasTopic:
		t := topic
		company, p.how = &t, "topic"
	}
	if kind == pipeline.KindAcquisition && obj != nil {
		// Company is the target; the acquirer is the counterparty.
		acquirer := company
		company, p.how = obj, "acquisition"
		p.cp = acquirer
		if acquirer != nil && acquirer.miner && !obj.miner {
			company, p.cp = acquirer, obj
		}
	} else if inv != nil && (kind == pipeline.KindEquity || kind == pipeline.KindFinancing || kind == pipeline.KindOther) {
		investor := company
		company, p.how = inv, "investee"
		p.cp = investor
	} else if dat != nil && company != nil && (kind == pipeline.KindEquity || kind == pipeline.KindFinancing || kind == pipeline.KindBackstop) && dat.Name != company.Name && !company.miner {
		investor := company
		company, p.how = dat, "investee"
		p.cp = investor
	}
	if company == nil && dat != nil && dat.passive {
		// Passive voice: "a $700 million facility was extended to X by Y".
		company, p.how = dat, "passive"
	}
	if company == nil {
		// A known miner named in the sentence, not as a counterparty.
		for i := range all {
			m := &all[i]
			if m.miner && m.label != lCP && m.label != lDat && m.label != lObj && m.label != lPairB {
				company, p.how = m, "miner"
				break
			}
		}
	}
	if company == nil || !usable(*company) || company.weak && !company.Known && company.label != lSubj && company.label != lPairA && company.label != lInv && company.label != lObj {
		return p, false
	}
	if p.cp == nil {
		p.cp = nearestCP(zm, company, pos, end, isJA)
	}
	if p.cp == nil && company.label == lPairA {
		// "AとBは、…合弁会社を設立する": the pair subject of the
		// sentence is the deal's two sides, even in a later clause.
		for i := range all {
			if all[i].label == lPairB && all[i].Span[0] > company.Span[0] && usable(all[i]) {
				p.cp, p.how = &all[i], "pair"
				break
			}
		}
	}
	if p.cp != nil && (p.cp.Name == company.Name || !usable(*p.cp)) {
		p.cp = nil
	}
	// The miner reports: it is the company.
	// A named borrower keeps its place: "X said it closed a loan from
	// Galaxy Digital" (a miner that lends).
	borrower := p.cp != nil && kind == pipeline.KindFinancing && company.label == lSubj && !company.weak && p.cp.label == lCP
	if p.cp != nil && !company.miner && p.cp.miner && kind != pipeline.KindAcquisition && !borrower {
		company, p.cp = p.cp, company
	}
	// A non-miner backing or renting from a miner named in the clause
	// ("グーグルは…14億ドルを保証し、…Cipherの株式を取得"): the miner reports.
	if p.cp == nil && !company.miner && company.Known && minerKinds[kind] {
		for i := range zm {
			if zm[i].miner && zm[i].Name != company.Name {
				company, p.cp = &zm[i], company
				break
			}
		}
		if p.cp == nil && hasTopic && topic.miner && topic.Name != company.Name {
			t := topic
			company, p.cp = &t, company
		}
		if p.cp == nil && topicMiner != nil && topicMiner.Name != company.Name {
			t := *topicMiner
			company, p.cp = &t, company
		}
		if p.cp == nil {
			// "Cipher inks $3 billion deal with Fluidstack; Google backstops $1.4 billion".
			for i := range all {
				m := &all[i]
				if m.miner && m.Name != company.Name && (m.label == lSubj || m.label == lPairA) {
					company, p.cp = m, company
					break
				}
			}
		}
	}
	p.company = *company
	return p, true
}

// pendingKinds are the kinds of weak deal words that may make a pending
// amount-less deal.
var pendingKinds = map[pipeline.Kind]bool{pipeline.KindPurchase: true, pipeline.KindAssetSale: true,
	pipeline.KindFinancing: true, pipeline.KindEquity: true}

// pendingRule marks a deal from a weak deal word that needs the next
// sentence's value to stand.
const pendingRule = "pending:"

// dropPending removes pending deals that got no amount, and renames the
// rule of those that did.
func dropPending(ds []pipeline.Deal) []pipeline.Deal {
	out := ds[:0]
	for _, dl := range ds {
		if strings.HasPrefix(dl.Rule, pendingRule) {
			if dl.Amount == nil {
				continue
			}
			dl.Rule = "noamount:" + strings.TrimPrefix(dl.Rule, pendingRule)
		}
		out = append(out, dl)
	}
	return out
}

// minerKinds are deals a miner reports when a non-miner is the subject.
var minerKinds = map[pipeline.Kind]bool{pipeline.KindBackstop: true, pipeline.KindLease: true,
	pipeline.KindHosting: true, pipeline.KindColocation: true, pipeline.KindHPCContract: true}

// nearestCP is the counterparty-marked mention nearest the anchor. English
// names the counterparty after the amount ("$X deal with B"), Japanese
// before it ("Bと…Xドルの契約"): the other side costs more.
func nearestCP(zm []mention, company *mention, pos, end int, isJA bool) *mention {
	var best *mention
	bd := -1
	for i := range zm {
		m := &zm[i]
		if m.Name == company.Name || !usable(*m) {
			continue
		}
		ok := false
		switch m.label {
		case lCP, lPairB, lDat, lInv, lObj:
			ok = true
		case lPlain:
			// An unmarked known name right next to the amount ("IREN:
			// マイクロソフト97億ドルの契約").
			ok = m.Known && (absInt(m.Span[1]-pos) <= 3 || absInt(m.Span[0]-end) <= 3)
		case lSubj:
			ok = m.Known && m.Span[0] != company.Span[0] && company.label != lSubj
		}
		if !ok {
			continue
		}
		dd := m.Span[0] - pos
		if m.Span[1] <= pos {
			dd = pos - m.Span[1]
			if !isJA {
				dd += 1 << 20 // English: after the amount first
			}
		} else if isJA {
			dd += 1 << 20 // Japanese: before the amount first
		}
		if bd < 0 || dd < bd {
			best, bd = m, dd
		}
	}
	return best
}

func absInt(i int) int {
	if i < 0 {
		return -i
	}
	return i
}

// refineKind turns a generic contract into an AI/HPC contract when the
// sentence or the counterparty says so.
func refineKind(k pipeline.Kind, ctx bool, p parties, g *org.Gazetteer) pipeline.Kind {
	if k != pipeline.KindOther {
		return k
	}
	if ctx {
		return pipeline.KindHPCContract
	}
	if p.cp != nil {
		switch g.Role(p.cp.Name) {
		case "hyperscaler", "neocloud", "ai":
			return pipeline.KindHPCContract
		}
	}
	return k
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

// amountless finds deals without an amount: a strong deal word with a
// counterparty in the same clause ("AMDとリース契約を締結", "partnered with X").
func (x *Extractor) amountless(d *doc, sp [2]int, st *state, ms []mention, cues []cue, used []bool, amts []pipeline.Amount,
	subj mention, hasSubj bool, topic mention, hasTopic bool, topicMiner *mention, ctx, isJA bool) []pipeline.Deal {
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
		pending := !c.w.strong
		if pending && !pendingKinds[c.w.kind] {
			continue
		}
		if !isJA && hypothetical(d.lower, sp[0], c.start) {
			continue // "more hyperscaler leases", "potential deals"
		}
		lo, hi := clauseAround(d.text, sp, c, isJA)
		// A clause whose amounts were judged is not amount-less.
		skip := false
		for _, a := range amts {
			if a.Span[0] >= lo && a.Span[1] <= hi {
				skip = true
			}
		}
		if skip {
			continue
		}
		zm := mentionsIn(ms, lo, hi)
		kind := kindNear(cues, c, c.start, c.end, lo, hi)
		if stockInClause(cues, lo, hi) && (kind == pipeline.KindAssetSale || kind == pipeline.KindPurchase || kind == pipeline.KindOther) {
			kind = pipeline.KindEquity
		}
		if kind == pipeline.KindOther && isJA {
			// "ホスティングサービスを提供する契約": the service named
			// before the agreement.
			kind = mainKind(cues, c, pipeline.Amount{Span: [2]int{c.start, c.end}}, lo, c.start)
		}
		p, ok := resolve(zm, subj, hasSubj, topic, hasTopic, topicMiner, ms, kind, c.start, c.end, isJA)
		if ok {
			p = minerPrior(d.text, p, subj, hasSubj, topicMiner, st, refersBack(d.lower[sp[0]:sp[1]], hasSubj, p))
		}
		if ok && p.cp == nil && c.w.strong && unnamedParty(d.lower[lo:hi]) && minerKinds[refineKind(kind, ctx, p, x.gaz)] {
			// "signed a colocation agreement with a hyperscaler it did not
			// name": a deal whose value the next sentence may give.
			key := p.company.Name + "\x00"
			if _, ok := idx[key]; ok {
				continue
			}
			dl := pipeline.Deal{
				Company:      p.company.Name,
				Kind:         refineKind(kind, ctx, p, x.gaz),
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
		if !ok || p.cp == nil || p.cp.weak && !p.cp.Known && !strongUnknown(p.cp) {
			continue
		}
		key := p.company.Name + "\x00" + p.cp.Name
		dcp := absInt(c.start - p.cp.Span[1])
		if pending {
			dcp += 1 << 20 // a strong deal word wins
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
		}
		x.measures(d, &dl, lo, hi, c.start)
		if k, ok := idx[key]; ok {
			out[k] = dl
			continue
		}
		idx[key] = len(out)
		out = append(out, dl)
		if !isJA && p.cp.Span[0] > lo && pluralDeals(d.lower[lo:p.cp.Span[0]]) {
			// "agreements with Amazon Web Services and Fluidstack": one
			// deal with each of the listed partners.
			for _, n := range coordinated(d.text, zm, *p.cp) {
				if n.Name == p.company.Name {
					continue
				}
				k := p.company.Name + "\x00" + n.Name
				if _, ok := idx[k]; ok {
					continue
				}
				o := dl
				o.Counterparty = pipeline.NullString(n.Name)
				idx[k] = len(out)
				seen[k] = dcp
				out = append(out, o)
			}
		}
	}
	return out
}

// unnamedParty reports a counterparty described but not named ("an
// investment-grade hyperscaler it did not name", 大手ハイパースケーラーと,
// 社名は非公表).
func unnamedParty(lower string) bool {
	for _, w := range []string{"unnamed", "undisclosed", "did not name", "did not identify", "declined to name", "declined to identify",
		"ハイパースケーラー", "非公表", "非開示"} {
		if strings.Contains(lower, w) {
			return true
		}
	}
	k := strings.Index(lower, "hyperscaler")
	return k >= 0 && !strings.HasPrefix(lower[k+len("hyperscaler"):], "s")
}

// pluralDeals reports a plural deal noun before the partners ("existing
// agreements with", "leases with").
func pluralDeals(lower string) bool {
	for _, w := range strings.Fields(lower) {
		switch strings.Trim(w, ",") {
		case "agreements", "contracts", "leases", "deals", "partnerships", "pacts":
			return true
		}
	}
	return false
}

// coordinated returns the names listed after cp ("with A and B", "with A, B
// and C"), at most four.
func coordinated(txt string, zm []mention, cp mention) []mention {
	var out []mention
	end := cp.Span[1]
	for i := range zm {
		n := zm[i]
		if n.Span[0] < end || len(out) == 4 {
			continue
		}
		switch txt[end:n.Span[0]] {
		case " and ", ", and ", ", ":
		default:
			return out
		}
		if !usable(n) || n.weak && !n.Known {
			return out
		}
		out = append(out, n)
		end = n.Span[1]
	}
	return out
}

// conditionalValue reports a value that holds only if options are used
// ("renewal options that, if exercised, would bring the total contract
// value to $2.9 billion").
func conditionalValue(before string) bool {
	for _, w := range []string{"if exercised", "if fully exercised", "are exercised", "were exercised", "if extended", "if renewed"} {
		if strings.Contains(before, w) {
			return true
		}
	}
	return false
}

// hypothetical reports a deal word spoken of in general, not as a deal:
// after more/additional/future/potential, or in an analyst's price-target
// sentence.
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
	return strings.Contains(lower[sentStart:at], "price target")
}

func stockInClause(cues []cue, lo, hi int) bool {
	for _, c := range cues {
		if c.start >= lo && c.end <= hi && (c.w.s == "株式" || c.w.s == "stake" || c.w.s == "shares" || c.w.s == "warrants" || c.w.s == "新株予約権") {
			return true
		}
	}
	return false
}

func hasPartnerWord(cues []cue, lo, hi int) bool {
	for _, c := range cues {
		if c.w.class == cueTrigger && c.w.kind == pipeline.KindPartnership && c.start >= lo && c.end <= hi {
			return true
		}
	}
	return false
}

// strongUnknown reports an unknown name that still reads as a company
// (it came with a corporate suffix, or is a capitalised multi-word name).
func strongUnknown(m *mention) bool {
	return !m.weak || strings.Contains(m.Name, " ") && len(m.Name) > 4
}

// enClauseBreaks start a new English clause with its own subject or verb
// ("…, and Nvidia agreed to…", "…; Google backstops…", "… and receive
// warrants…").
var enClauseBreaks = []string{"; ", ", and ", ", while ", ", whereas ", ", where ", " and receive ", " and receives ",
	" and will ", " and agreed ", " and signed ", " and sold ", " and take ", " and get ", " and separately ", " and also "}

// enClause bounds the English clause around [a,b) within sentence sp.
func enClause(txt string, sp [2]int, a, b int) (int, int) {
	lo, hi := sp[0], sp[1]
	for _, br := range enClauseBreaks {
		if k := strings.LastIndex(txt[sp[0]:a], br); k >= 0 && sp[0]+k+len(br) > lo {
			lo = sp[0] + k + len(br)
			if br[0] != ',' && br[0] != ';' {
				lo = sp[0] + k + len(" and ") // keep the verb in the clause
			}
		}
		if k := strings.Index(txt[b:sp[1]], br); k >= 0 && b+k < hi {
			hi = b + k
		}
	}
	return lo, hi
}

// clauseAround bounds the clause of a deal word: in Japanese between the
// commas around it (a clause without a name reaches back one comma); in
// English the whole sentence.
func clauseAround(txt string, sp [2]int, c cue, isJA bool) (int, int) {
	if !isJA {
		return enClause(txt, sp, c.start, c.end)
	}
	lo := strings.LastIndex(txt[sp[0]:c.start], "、")
	if lo < 0 {
		lo = sp[0]
	} else {
		lo += sp[0] + len("、")
		// Reach back over a short lead-in ("また、", "昨年11月、").
		if c.start-lo < 6 {
			if k := strings.LastIndex(txt[sp[0]:lo-len("、")], "、"); k >= 0 {
				lo = sp[0] + k + len("、")
			} else {
				lo = sp[0]
			}
		}
	}
	// "…MARAと、…の基本合意書を締結": a clause ending on a counterparty
	// particle continues into the next one.
	for lo > sp[0] {
		prev := strings.TrimSuffix(txt[sp[0]:lo], "、")
		if len(prev) == lo-sp[0] || !endsWithCPParticle(prev) {
			break
		}
		k := strings.LastIndex(prev, "、")
		// "X株式会社(本社:札幌市、以下「X」)と、": a 、 inside a profile
		// bracket does not end the clause.
		for k >= 0 && strings.LastIndex(prev[:k], "(") > strings.LastIndex(prev[:k], ")") {
			k = strings.LastIndex(prev[:strings.LastIndex(prev[:k], "(")], "、")
		}
		if k >= 0 {
			lo = sp[0] + k + len("、")
		} else {
			lo = sp[0]
		}
	}
	hi := strings.Index(txt[c.end:sp[1]], "、")
	if hi < 0 {
		hi = sp[1]
	} else {
		hi += c.end
	}
	return lo, hi
}

// endsWithCPParticle reports Japanese text ending on a counterparty
// particle ("Xと", "Xとの間で", "Xに対し").
func endsWithCPParticle(s string) bool {
	for _, p := range []string{"と", "との間で", "に対し", "に対して", "向けに"} {
		if strings.HasSuffix(s, p) {
			return true
		}
	}
	return false
}

// refersBack reports a sentence that goes on about the article's company:
// an anaphor ("its", "the company", 同社), no subject of its own, or a
// company taken from the topic.
func refersBack(lower string, hasSubj bool, p parties) bool {
	return !hasSubj || p.how == "topic" || hasAnaphor(lower)
}

// minerPrior applies the domain's prior: news of this kind reports a
// miner's deals, so a deal whose parties hold no miner belongs to the
// miner the sentence is about — its subject ("WhiteFiber said Macquarie
// agreed to provide…"), or, when the sentence refers back (ref), the
// paragraph's or the article's miner ("the value of its CoreWeave
// contracts"). The non-miner named becomes the counterparty.
func minerPrior(txt string, p parties, subj mention, hasSubj bool, topicMiner *mention, st *state, ref bool) parties {
	if p.company.miner || p.cp != nil && p.cp.miner {
		return p
	}
	if p.cp == nil && (modelAfter(txt[p.company.Span[1]:]) || p.company.weak && !p.company.Known || codeAfter(txt[p.company.Span[1]:])) {
		// "deploy 2,304 Nvidia B300 GPUs": a maker of products; a
		// capitalised word no list knows, a building code (CB-6): no
		// counterparty.
		return p
	}
	if hasSubj && subj.label == lSubj && subj.Span == p.company.Span && ownedAside(txt[p.company.Span[1]:min(len(txt), p.company.Span[1]+160)]) {
		// "WhiteFiber, the AI unit of bitcoin miner Bit Digital, raised
		// $X": the unit deals for itself, its owner is no party.
		return p
	}
	var m *mention
	switch {
	case hasSubj && subj.miner && subj.label == lSubj && subj.Span[0] < p.company.Span[0]:
		m = &subj
	case !ref:
		return p
	case topicMiner != nil:
		m = topicMiner
	case st.hasMiner:
		m = &st.miner
	case st.hasDocMiner:
		m = &st.docMiner
	}
	if m == nil || m.Name == p.company.Name || p.cp != nil && m.Name == p.cp.Name {
		return p
	}
	if p.cp != nil && p.how != "topic" {
		return p // two named non-miners dealing with each other
	}
	if p.cp == nil {
		c := p.company
		p.cp = &c
	}
	p.company, p.how = *m, "miner"
	return p
}

// netProceeds reports an amount told as the net proceeds of an offering
// ("estimates that the net proceeds from the offering will be
// approximately $X", "net proceeds of about $X"): what the company keeps,
// not the deal's size. A sale "for net proceeds of $X" is priced by them.
func netProceeds(before string) bool {
	t := strings.ToLower(before[max(0, len(before)-100):])
	k := strings.LastIndex(t, "net proceeds")
	if k < 0 || strings.ContainsAny(t[k:], "$€£¥.;") || strings.HasSuffix(t[:k], "for ") {
		return false
	}
	return true
}

// codeAfter reports a name followed by "-<digit>": a code (CB-6, PF-2),
// not a company.
func codeAfter(rest string) bool {
	return len(rest) > 1 && rest[0] == '-' && isDigitByte(rest[1])
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
	b := strings.ToLower(txt[lo:a.Span[0]])
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
	if hasAnyPrefix(c, "追加分", "追加額", "増額分", "追加契約分") && strings.Contains(between, "総額") {
		return true
	}
	lb := strings.ToLower(between)
	if !strings.Contains(lb, "total") {
		return false
	}
	t := strings.TrimSpace(trimDescribing(lb))
	for _, p := range []string{" to about", " to approximately", " to roughly", " to around", " to nearly", " to"} {
		if strings.HasSuffix(t, p) {
			for _, v := range []string{"bringing ", "lifting ", "raising ", "taking ", "boosting ", "pushing ", "increasing "} {
				if strings.Contains(lb, v) {
					return true
				}
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
	for _, v := range []string{"bringing ", "lifting ", "raising ", "taking ", "boosting ", "pushing ", "increasing "} {
		if strings.Contains(b, v) {
			return true
		}
	}
	return false
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
	b := strings.ToLower(txt[lo:a.Span[0]])
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

// ownClause drops the names before a subject that opens its own clause in
// a list of deals ("A closed a loan with B, and C issued $X of notes"):
// B belongs to A's deal, not to C's.
func ownClause(txt string, zm []mention, a pipeline.Amount) []mention {
	for k := len(zm) - 1; k > 0; k-- {
		m := zm[k]
		if m.label != lSubj || m.Span[1] > a.Span[0] {
			continue
		}
		b := strings.TrimRight(txt[zm[k-1].Span[1]:m.Span[0]], " ")
		if strings.HasSuffix(b, " and") || strings.HasSuffix(b, ",") {
			return zm[k:]
		}
	}
	return zm
}

// anaphorAside finds the aside after a sentence opening on an anaphoric
// subject ("The company, which…,", "The miner, whose…,", "The firm, already
// …,") and returns its span in s.
func anaphorAside(s string) (int, int, bool) {
	// The sentence start, or the body's start after a headline read with it.
	at := 0
	if !strings.HasPrefix(s, "The ") {
		k := strings.Index(s, "\nThe ")
		if k < 0 {
			return 0, 0, false
		}
		at = k + 1
	}
	lo, hi, ok := asideAt(s[at:])
	return at + lo, at + hi, ok
}

// asideAt reads the aside of anaphorAside at the start of s.
func asideAt(s string) (int, int, bool) {
	c := strings.IndexByte(s, ',')
	if c < 0 || c > 24 || strings.Count(s[:c], " ") > 2 {
		return 0, 0, false
	}
	if !companyAnaphor(strings.ToLower(s[:c])) {
		return 0, 0, false
	}
	rest := s[c:]
	if !hasAnyPrefix(rest, ", which ", ", whose ", ", already ", ", itself ", ", the ", ", a ", ", an ") {
		return 0, 0, false
	}
	e := strings.IndexByte(rest[2:], ',')
	if e < 0 {
		return 0, 0, false
	}
	if hasAnyPrefix(rest, ", the ", ", a ", ", an ") && !ownerAside(strings.ToLower(rest[2:2+e])) {
		return 0, 0, false
	}
	return c, c + 2 + e, true
}

// ownedAside reports an appositive after a name telling its owner (", the
// AI infrastructure unit of X,", ", a Y-backed startup,").
func ownedAside(rest string) bool {
	rest = strings.TrimPrefix(rest, ".")
	if !hasAnyPrefix(rest, ", the ", ", a ", ", an ") {
		return false
	}
	e := strings.IndexByte(rest[2:], ',')
	return e > 0 && ownerAside(strings.ToLower(rest[2:2+e]))
}
