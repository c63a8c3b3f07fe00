package deal

import (
	"regexp"
	"slices"
	"strings"

	"github.com/kozan-dev/kozan/extract/org"
	"github.com/kozan-dev/kozan/extract/text"
	"github.com/kozan-dev/kozan/pipeline"
)

// state carries the discourse topic from sentence to sentence.
type state struct {
	para      int     // paragraph number of the current sentence
	topic     mention // the last sentence subject
	topicPara int
	hasTopic  bool
	// before is the topic as it stood before the sentence being read
	// (a data rule reads the sentence after the topic moved on).
	before    mention
	hasBefore bool
	// miner is the last miner that was a sentence subject or a deal's
	// company: "The company" after a sentence about its tenant.
	miner    mention
	hasMiner bool
	// docMiner is the article's miner: the headline subject when it is a
	// miner, else the miner the article names most.
	docMiner    mention
	hasDocMiner bool
	// docMinerLeads: no organisation is named more often than the
	// article's miner (the article is about it, or as much about it as
	// about any other).
	docMinerLeads bool
	// main is the organisation the article names most; prevNames the
	// names of the sentence read last: "OpenAI picked Nscale… It also
	// partnered with Microsoft" goes on about the article's company, which
	// the sentence before named, not about that sentence's subject.
	main      mention
	hasMain   bool
	prevNames map[string]bool
	// described are the names the sentence just read described with an
	// appositive ("TWG Global, a $40 billion investment firm"), by the
	// noun that closes it: "The firm has also partnered…" next means it.
	described map[string]describedName
	sentNo    int // sentences read so far
	// told are the deals of the sentences read so far (the same backing
	// array as the extractor's list, so a counterparty filled in here is
	// filled there).
	told []pipeline.Deal
	// lastTold is the company and end of the last deal told of each kind,
	// copied on every change: the data rules read it on goroutines of
	// their own while told's deals are still being filled in.
	lastTold []toldRef
}

// toldRef is a deal told: its kind, its company, where its sentence ends.
type toldRef struct {
	kind    pipeline.Kind
	company string
	end     int
}

// companyMention is the told deal's company as a party of a deal a rule
// makes of it (a known name: the deal named it already).
func (r toldRef) companyMention() mention {
	return mention{Mention: org.Mention{Name: r.company, Text: r.company, Known: true}}
}

// noteTold returns refs with the deals ds told last of each kind.
func noteTold(refs []toldRef, ds []pipeline.Deal) []toldRef {
	if len(ds) == 0 {
		return refs
	}
	out := slices.Clone(refs)
	for _, d := range ds {
		r := toldRef{kind: d.Kind, company: d.Company, end: d.EvidenceSpan[1]}
		if k := slices.IndexFunc(out, func(o toldRef) bool { return o.kind == d.Kind }); k >= 0 {
			out[k] = r
		} else {
			out = append(out, r)
		}
	}
	return out
}

// describedName is a name an appositive described, and the sentence that did.
type describedName struct {
	m  mention
	at int
}

// appositiveNoun closes an appositive after a name: ", a relatively new
// $40 billion investment firm".
var appositiveNoun = regexp.MustCompile(`^,? (?:a|an) (?:[\w$.%’'-]+ ){0,6}?(firm|company|bank|lender|investor|fund|operator|provider|startup|developer|manager)\b`)

// describe notes the names of the sentence just read that an appositive
// describes, and counts the sentence.
func (st *state) describe(txt string, ms []mention) {
	st.sentNo++
	for _, m := range ms {
		rest := txt[m.Span[1]:min(len(txt), m.Span[1]+90)]
		if sm := appositiveNoun.FindStringSubmatch(rest); sm != nil {
			if st.described == nil {
				st.described = map[string]describedName{}
			}
			st.described[sm[1]] = describedName{m, st.sentNo}
		}
	}
}

// describedAnaphor is the name one of the two sentences before described
// with the noun a sentence opens on ("…TWG Global, a $40 billion
// investment firm. … The firm has also…"), if any.
func (st *state) describedAnaphor(lower string) (mention, bool) {
	if len(st.described) == 0 || !strings.HasPrefix(lower, "the ") {
		return mention{}, false
	}
	w, _, _ := strings.Cut(lower[len("the "):], " ")
	dn, ok := st.described[strings.Trim(w, ",")]
	if !ok || st.sentNo-dn.at > 2 {
		return mention{}, false
	}
	return dn.m, true
}

// priceOpening reports an English sentence opening on the price of a deal
// told before ("The total purchase price for the Garlock site consists
// of…"): it goes on about the topic company even in a new paragraph.
func priceOpening(lower string) bool {
	return text.HasAnyPrefix(lower, "the purchase price", "the total purchase price", "the aggregate purchase price", "the sale price",
		"the total sale price", "the acquisition price", "the total consideration", "the aggregate consideration", "the consideration")
}

// readTopic sets the topic a sentence may go on about, and the
// paragraph's miner that backs a guarantor's deal.
func (sc *sent) readTopic() {
	st, ms, lower, isJA := sc.st, sc.ms, sc.lower, sc.isJA
	hasSubj := sc.hasSubj
	topic, hasTopic := st.topic, st.hasTopic
	if hasTopic && st.topicPara != st.para && !hasAnaphor(lower) && !namesPlain(ms, topic.Name) && !(isJA && !hasSubj && topic.miner) &&
		!(!isJA && !hasSubj && priceOpening(lower)) {
		// A Japanese sentence with no subject of its own ("購入資金の一部
		// は、Xが引き受ける融資で賄う") goes on about the miner told before.
		hasTopic = false
	}
	if hasTopic && !hasSubj && sc.lang.genericSubject(lower) {
		hasTopic = false
	}
	if !hasSubj && sc.lang.elidedSubject(lower) {
		// A highlight without its subject ("- Secured $9.7bn contract
		// with Microsoft") tells the deal of the article's company, in
		// any paragraph; before it is named, of the miner it names most.
		if st.hasTopic {
			topic, hasTopic = st.topic, true
		} else if st.hasDocMiner {
			topic, hasTopic = st.docMiner, true
		}
	}
	anaphoric := startsWithAnaphor(lower)
	if m, ok := st.describedAnaphor(lower); ok && !hasSubj {
		// "…led by TWG Global, a $40 billion investment firm. The firm has
		// also partnered with…": the firm just described.
		m.label = lSubj // an appositive calls it a firm: an organisation, the subject here
		topic, hasTopic, anaphoric = m, true, true
	} else if anaphoric && !hasSubj && hasTopic && !topic.miner && st.hasMiner && companyAnaphor(lower) {
		// "Meta will lease… with Cipher putting the value at…. The
		// company has also bought…": the article's miner, not its tenant.
		topic = st.miner
	} else if anaphoric && !hasSubj && hasTopic && st.hasMain && topic.Name != st.main.Name && st.prevNames[st.main.Name] && !isJA {
		// "OpenAI picked Nscale to develop its site. It also partnered
		// with Microsoft": the article's company, named just before.
		topic = st.main
	} else if isJA && anaphoric && !hasSubj && hasTopic {
		topic = st.passingTopic(sc.d, topic)
	}
	// The topic stands for the company only in a sentence that refers
	// back or has no subject of its own.
	sc.topic, sc.hasTopic = topic, hasTopic && (anaphoric || !hasSubj)
	// The miner the paragraph is about backs a guarantor's deal even when
	// the sentence has its own subject ("Google agreed to backstop…").
	if st.hasTopic && st.topic.miner && (st.topicPara == st.para || hasAnaphor(lower)) {
		sc.topicMiner, sc.hasTopicMiner = st.topic, true
	} else if st.hasMiner && backstopIn(sc.cues) {
		// A guarantor in a paragraph of its own ("Google, already X's
		// largest backer, will backstop…") backs the article's miner.
		sc.topicMiner, sc.hasTopicMiner = st.miner, true
	}
}

// passingTopic is the company 同社 stands for when the topic is a name
// told once in passing and the article is about another, named three
// times or more: 「…他の投資家にはESRが含まれる。…同社は2022年に…と提携し」.
func (st *state) passingTopic(d *doc, topic mention) mention {
	if st.hasMain && topic.Name != st.main.Name && !topic.miner &&
		timesNamed(d.mentions, topic.Name) == 1 && timesNamed(d.mentions, st.main.Name) >= 3 {
		return st.main
	}
	return topic
}

// after moves the topic on once a sentence is read: its subject, else its
// first miner when it made no deal, else the company of its first deal;
// the miner is the last miner that was a subject or a deal's company.
func (st *state) after(sc *sent, out []pipeline.Deal) {
	ms, subj, hasSubj := sc.ms, sc.subj, sc.hasSubj
	if st.prevNames == nil {
		st.prevNames = map[string]bool{}
	}
	clear(st.prevNames)
	for _, m := range ms {
		if !modelAfter(sc.d.text[m.Span[1]:]) { // "7,000 Nvidia GB300 GPUs" names a product
			st.prevNames[m.Name] = true
		}
	}
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
	if hasSubj && possessivePair(sc, subj) {
		return // the sentence describes a pair's project: the topic stays
	}
	if hasSubj && (subj.Known || !subj.weak) && !modelAfter(sc.d.text[subj.Span[1]:]) {
		// A maker named before its product ("will house 7,000 Nvidia
		// GB300 GPUs") is not what the text goes on about.
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
}

// anaphors refer back to the topic company.
var anaphors = []string{"同社", "当社", "the company", "the firm", "the miner", "the operator", "the group",
	"it said", " its ", "it has", "it will", "it signed", "it raised", "it sold", "it agreed", "it also",
	" it secured", " it closed", " it completed", " it obtained", " it received", " it acquired", " it bought", " it entered"}

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

// startsWithAnaphor reports a sentence opening on the topic company
// ("The company said", "The Miami-based miner", "It", "同社は").
func startsWithAnaphor(lower string) bool {
	lower = afterTimeOpener(lower)
	if strings.HasPrefix(lower, "it ") || strings.HasPrefix(lower, "同社") || strings.HasPrefix(lower, "当社") {
		return true
	}
	if !strings.HasPrefix(lower, "the ") {
		return false
	}
	ws := headFields(lower, 6) // the first words are enough
	for i := 1; i < len(ws) && i <= 4; i++ {
		switch strings.Trim(ws[i], ",") {
		case "company", "miner", "firm", "operator", "group", "developer", "company's", "miner's",
			"giant", "giant's", "chipmaker", "conglomerate":
			return true
		}
	}
	return false
}

// timeOpeners open a sentence on when it happened ("On Monday, the
// tech giant signed…"); the subject follows the comma.
var timeOpeners = []string{"on ", "in ", "earlier ", "last ", "this ", "later ", "separately, ", "meanwhile, ", "also, ", "today, ", "yesterday, "}

// afterTimeOpener is lower without a short opening adverbial of time
// ("on monday, ", "earlier this month, ", "in 2024, "), else lower.
func afterTimeOpener(lower string) string {
	if !text.HasAnyPrefix(lower, timeOpeners...) {
		return lower
	}
	k := strings.Index(lower, ", ")
	if k < 0 || k > 30 {
		return lower
	}
	head := lower[:k]
	for _, w := range strings.Fields(head) {
		switch {
		case monthOrDay[w], allDigitsStr(w), w == "on" || w == "in" || w == "earlier" || w == "last" || w == "this" || w == "later" ||
			w == "week" || w == "month" || w == "year" || w == "quarter" || w == "separately" || w == "meanwhile" || w == "also" ||
			w == "today" || w == "yesterday" || w == "the" || w == "early" || w == "late" || w == "mid":
		default:
			return lower
		}
	}
	return lower[k+2:]
}

var monthOrDay = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true, "august": true,
	"september": true, "october": true, "november": true, "december": true}

// allDigitsStr reports a word of digits (a year, a day), a comma after it
// aside.
func allDigitsStr(w string) bool {
	w = strings.TrimRight(w, ",")
	return w != "" && strings.Trim(w, "0123456789") == ""
}

// companyAnaphor reports a sentence opening on "the company", "the firm" or
// "the miner" (同社): a reference to the company the article is about.
func companyAnaphor(lower string) bool {
	return text.HasAnyPrefix(lower, "the company", "the firm", "the miner", "the bitcoin miner", "同社")
}

// hasAnaphor reports a reference to the topic company.
func hasAnaphor(lower string) bool {
	for _, a := range anaphors {
		if strings.Contains(lower, a) {
			return true
		}
	}
	if ws := headFields(lower, 3); len(ws) > 1 && ws[0] == "the" && enDealNouns[strings.Trim(ws[1], ",")] {
		return true // "The facility, provided by…": the deal just told, so its company
	}
	return strings.HasPrefix(lower, "it ") || describedCompany(lower) || startsWithAnaphor(lower)
}

// companyHeads are the nouns a description of the topic company ends on.
var companyHeads = map[string]bool{"company": true, "firm": true, "miner": true, "developer": true, "operator": true,
	"provider": true, "startup": true, "start-up": true, "group": true, "owner": true, "builder": true, "reit": true,
	"hyperscaler": true, "specialist": true, "business": true, "utility": true, "giant": true, "maker": true, "manufacturer": true,
	"chipmaker": true, "producer": true, "supplier": true, "lab": true, "conglomerate": true}

// describedCompany reports a sentence opening on a description of the
// topic company: "The Denver-based data center developer and operator
// announced…", "The Texas miner said…" — "the", at most five words, and a
// company noun (or two joined by "and") before the verb.
func describedCompany(lower string) bool {
	if !strings.HasPrefix(lower, "the ") {
		return false
	}
	ws := headFields(lower, 10) // words up to the ninth are read
	for i := 1; i < len(ws) && i <= 6; i++ {
		w := strings.Trim(ws[i], ",")
		if !companyHeads[w] {
			if strings.ContainsAny(ws[i], ",.;:") {
				return false
			}
			continue
		}
		if i+2 < len(ws) && ws[i+1] == "and" && companyHeads[strings.Trim(ws[i+2], ",")] {
			i += 2
		}
		return i+1 < len(ws) && !strings.HasSuffix(ws[i], ",") && !strings.HasSuffix(ws[i], "'s") && !strings.HasSuffix(ws[i], "’s") && ws[i+1] != "of"
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

// possessivePair reports a Japanese pair head whose pair owns what follows
// (「OpenAIとオラクルのAIインフラ投資プロジェクト」): the pair is described,
// it does not become the company a later 同社 means.
func possessivePair(sc *sent, m mention) bool {
	if !sc.isJA || m.label != lPairA {
		return false
	}
	for i := range sc.ms {
		if sc.ms[i].Span[0] > m.Span[1] {
			rest := sc.d.text[afterMention(sc.d.text, sc.ms[i].Span[1]):]
			return strings.HasPrefix(rest, "の") && !strings.HasPrefix(rest, "の間")
		}
	}
	return false
}

// pairAnaphors name the two parties of a deal told before: "The two
// companies have also signed PPAs…", 「両社はまた…契約を締結し」.
var pairAnaphors = []string{"the two companies", "the two firms", "both companies", "both firms", "the pair ", "両社"}

// toldPair is the last deal told with both its parties within the 2,000
// bytes before sp: the pair a pair anaphor stands for.
func toldPair(told []pipeline.Deal, sp [2]int) (pipeline.Deal, bool) {
	for i := len(told) - 1; i >= 0; i-- {
		t := told[i]
		if t.EvidenceSpan[1] > sp[0] {
			continue
		}
		if sp[0]-t.EvidenceSpan[1] > 2000 {
			break // deals are told in text order: the rest are further still
		}
		if t.Company != "" && t.Counterparty != "" {
			return t, true
		}
	}
	return pipeline.Deal{}, false
}

// pairAnaphora reads a sentence that tells a deal of "the two companies"
// (「両社」) as a deal of the pair of the last deal told: a deal of one of
// them without another side gets the other as its counterparty; a
// sentence that names nobody else and tells no deal yet, but holds a
// strong deal word, tells a deal of the pair, of the kind of its most
// specific deal word, without value. A deal the pair told before absorbs
// it (dedupe) unless their kinds differ.
func pairAnaphora(sc *sent, out []pipeline.Deal) []pipeline.Deal {
	lower := sc.lower
	if !text.ContainsAny(lower, pairAnaphors...) {
		return out
	}
	pair, ok := toldPair(sc.st.told, sc.sp)
	if !ok {
		return out
	}
	a, b := pair.Company, string(pair.Counterparty)
	for i := range out {
		dl := &out[i]
		if dl.Counterparty != "" {
			continue
		}
		switch dl.Company {
		case a:
			dl.Counterparty = pipeline.NullString(b)
		case b:
			dl.Counterparty = pipeline.NullString(a)
		default:
			continue
		}
		dl.Rule += "+pair_anaphor"
	}
	if len(out) > 0 {
		return out
	}
	for _, m := range sc.ms {
		if usable(m) && m.Name != a && m.Name != b {
			return out // another company named: the anaphor may be its pair's
		}
	}
	// A strong deal word tells the deal; the most specific deal word of
	// the sentence its kind (「ホスティング契約を締結」 is hosting).
	var strong, best *cue
	for i := range sc.cues {
		c := &sc.cues[i]
		if c.w.class != cueTrigger || !sc.isJA && hypothetical(sc.d.lower, sc.sp[0], c.start) ||
			sc.isJA && jaNegated.MatchString(sc.d.lower[c.end:sc.sp[1]]) {
			continue
		}
		if c.w.strong && strong == nil {
			strong = c
		}
		if best == nil || kindRank[c.w.kind] > kindRank[best.w.kind] {
			best = c
		}
	}
	if strong == nil {
		return out
	}
	return append(out, pipeline.Deal{
		Company:      a,
		Counterparty: pipeline.NullString(b),
		Kind:         best.w.kind,
		Evidence:     sc.d.text[sc.sp[0]:sc.sp[1]],
		EvidenceSpan: sc.sp,
		Confidence:   0.6,
		Rule:         "noamount:pair_anaphor@" + strong.w.id,
	})
}

// formerLatterNext are the words after "the former" or "the latter" that
// make it a pronoun ("the latter is the former's landlord", "acquired the
// latter in partnership with"), not an adjective ("the former CEO").
var formerLatterNext = map[string]bool{"is": true, "was": true, "has": true, "had": true, "will": true, "would": true,
	"said": true, "says": true, "agreed": true, "acquired": true, "bought": true, "sold": true, "paid": true, "owns": true,
	"owned": true, "holds": true, "and": true, "in": true, "for": true, "with": true, "to": true, "as": true, "at": true,
	"on": true, "from": true, "by": true, "remains": true, "became": true}

// formerLatter adds a mention for each "the former" and "the latter" that
// stands for one of the last two organisations named as a list before it
// (within formerLatterReach bytes): the former for the first of them, the
// latter for the second ("CoreWeave and Core Scientific still work
// together: the latter is the former's landlord"; "acquisitions of Data4
// and Compass. It acquired the latter with…"). ms are sorted by position.
func formerLatter(txt, lower string, ms []mention) []mention {
	const formerLatterReach = 400
	var add []mention
	for _, w := range [...]string{"the former", "the latter"} {
		text.EachIndex(lower, w, func(at, end int) {
			if at > 0 && isWordByte(lower[at-1]) || end < len(lower) && isWordByte(lower[end]) {
				return
			}
			rest := lower[end:]
			switch {
			case strings.HasPrefix(rest, "'s"), strings.HasPrefix(rest, "’s"), rest == "", rest[0] == '.' || rest[0] == ',' || rest[0] == ';':
			case rest[0] == ' ':
				next, _, _ := strings.Cut(strings.TrimLeft(rest, " "), " ")
				if !formerLatterNext[strings.TrimRight(next, ",.;")] {
					return
				}
			default:
				return
			}
			// The last pair named as a list before ("A and B", "A, B"):
			// the former is its first, the latter its second.
			var last, prev *mention
			for i := len(ms) - 1; i > 0; i-- {
				m := &ms[i]
				if m.Span[1] > at {
					continue
				}
				if at-m.Span[1] > formerLatterReach {
					break
				}
				p := &ms[i-1]
				if usable(*m) && usable(*p) && m.Name != p.Name && p.Span[1] <= m.Span[0] && joinedAsList(txt, *p, *m, false) {
					last, prev = m, p
					break
				}
			}
			if last == nil {
				return
			}
			ref := *last
			if w == "the former" {
				ref = *prev
			}
			ref.Span = [2]int{at, end}
			ref.Text = txt[at:end]
			ref.weak = false
			add = append(add, ref)
		})
	}
	if len(add) == 0 {
		return ms
	}
	out := append(slices.Clone(ms), add...)
	slices.SortStableFunc(out, func(a, b mention) int { return a.Span[0] - b.Span[0] })
	return out
}

// headFields is strings.Fields(s) cut to its first n fields, without
// splitting the rest of s: rules that read a sentence's opening words.
func headFields(s string, n int) []string {
	return strings.Fields(headWords(s, n))
}
