package deal

// The sentence rules' driver: a sentence's figures tied to deal words and
// parties (sentence), and the state carried from one sentence to the next.

import (
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

// sentCtx is what the sentence rules know of one sentence, built once by
// sentence and handed to the phases that need it (instead of long
// parameter lists).
type sentCtx struct {
	d    *doc
	sp   [2]int
	st   *state
	ms   []mention // the sentence's organisations, with their roles
	cues []cue     // the sentence's lexicon words
	isJA bool
	ctx  bool // AI/HPC context: a generic contract is an HPC contract
	// subj is the sentence's own subject, if hasSubj; topic the company it
	// goes on about (the last subject), if useTopic — only when the
	// sentence refers back or has no subject of its own.
	subj       mention
	hasSubj    bool
	topic      mention
	useTopic   bool
	topicMiner *mention // the miner the paragraph is about, for the miner prior
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
	sc := &sentCtx{d: d, sp: sp, st: st, ms: ms, cues: cues, isJA: isJA, ctx: ctx, subj: subj, hasSubj: hasSubj,
		topic: topic, useTopic: hasTopic && (anaphoric || !hasSubj), topicMiner: topicMiner}
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
		p, ok := resolve(sc, zm, kind, a.Span[0], a.Span[1])
		if !ok {
			continue
		}
		p = minerPrior(sc, p)
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
	out = append(out, x.amountless(sc, used, judged)...)

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
