package deal

import (
	"regexp"
	"sort"
	"strings"

	"github.com/kozan-dev/kozan/extract/org"
	"github.com/kozan-dev/kozan/extract/text"
	"github.com/kozan-dev/kozan/pipeline"
)

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
	case "subject", "acquisition", "investee", "passive", "pair_with":
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

// resolve picks company and counterparty for a deal anchored at [pos,end)
// among the zone's mentions zm, else the sentence's subject, its topic, its
// miners; the paragraph's miner (sc.topicMiner) is the company of a deal a
// non-miner backs or rents without naming the miner.
func resolve(sc *sent, zm []mention, kind pipeline.Kind, pos, end int) (parties, bool) {
	subj, hasSubj, topic, hasTopic, all, isJA := sc.subj, sc.hasSubj, sc.topic, sc.hasTopic, sc.ms, sc.isJA
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
	// subject of the later clause its counterparty; but a subsidiary
	// signs for itself (「JERAは、子会社のJERA CrossがGoogleと…締結したと
	// 発表」): it is no other side of its parent.
	if isJA && zs != nil && !zs.wa && hasSubj && subj.wa && subj.Name != zs.Name && subj.Span[0] < zs.Span[0] && pairA == nil &&
		!text.HasAnySuffix(sc.d.text[:zs.Span[0]], "子会社の", "子会社である", "傘下の", "子会社") {
		ga := zs
		s := subj
		zs = &s
		p.cp = ga
	}
	if pairA != nil && pairB != nil {
		if head, ok := coSubjects(sc, pairA, pairB); ok {
			// "Crusoe, Blue Owl and Primary Digital landed a $7.1 billion
			// financing led by JPMorgan", 「AとBを含む投資家グループが…買収」:
			// a group doing one deal with a third party, led by its first;
			// the other members are no other side of it.
			for i := range zm {
				if zm[i].Span[0] > head.Span[0] && zm[i].Span[1] <= pairB.Span[1] {
					zm[i].label = lPlain
				}
			}
			zs, pairA, pairB = head, nil, nil
		} else if !isJA && zs != nil && zs.Span[1] <= pairA.Span[0] && zs.Name != pairA.Name && zs.Name != pairB.Name {
			// "Crusoe joined Blue Owl and Primary Digital as part of a $15
			// billion JV": the pair is the object of the subject's verb.
			p.cp = pairA
			pairA, pairB = nil, nil
		}
	}
	var buyer *mention
	if !isJA && zs == nil && !hasSubj && pairA == nil {
		buyer = passiveBuyer(sc.d.lower, zm)
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
	case !isJA && buyer != nil:
		// "The land was purchased by X for $49 million": the agent of a
		// passive purchase is the buyer, not the topic's other side.
		company, p.how = buyer, "passive"
	case hasTopic:
		t := topic
		company, p.how = &t, "topic"
	}
	if !isJA && inv != nil && dat != nil && company != nil && dat.Span[0] > inv.Span[1] && company.Name != inv.Name && company.Name != dat.Name &&
		stakeSold(sc.d.lower[max(sc.sp[0], inv.Span[0]-80):inv.Span[0]]) {
		// "ST Telemedia agreed to sell a minority stake in VIRTUS to the
		// Macquarie fund": the stake's company and its buyer are the deal's
		// sides; the seller only leaves it.
		company, p.cp, p.how = inv, dat, "investee"
	} else if isJA && kind == pipeline.KindAssetSale && obj != nil && dat != nil && company != nil && obj.Name != company.Name &&
		dat.Name != company.Name && obj.Span[1] <= dat.Span[0] {
		// 「EDFは出資先のExaionをMARAに売却する」: a company sold is the
		// deal of its buyer, as the key pairs acquirer and target.
		company, p.cp, p.how = obj, dat, "acquisition"
	} else if seller := sellerAfter(sc, zm, obj); kind == pipeline.KindAcquisition && obj != nil && seller != nil && company != nil && company.Name != seller.Name && !firmBought(sc, obj) {
		// "closed the acquisition of Dorothy 1A from Spring Lane": an
		// asset bought from its seller, who is the other side. A company
		// bought from its owner ("acquired Harbor Data Corp. from Orion
		// Holdings") is the deal's other side itself (the next case).
		p.cp = seller
	} else if kind == pipeline.KindAcquisition && obj != nil {
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
	if company == nil || !usable(*company) || company.weak && !company.Known && company.label != lSubj && company.label != lPairA && company.label != lInv && company.label != lObj &&
		!valueGivenTo(sc, company, p.how, pos, end) {
		return p, false
	}
	if p.cp == nil {
		p.cp = nearestCP(zm, company, pos, end, sc.lang)
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
		if p.cp == nil && sc.hasTopicMiner && sc.topicMiner.Name != company.Name {
			t := sc.topicMiner
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
	if h := listHead(sc, company); h != nil && (p.cp == nil || h.Name != p.cp.Name) {
		company = h
	}
	if h := listHead(sc, p.cp); h != nil && h.Name != company.Name {
		p.cp = h
	}
	p.company = *company
	return p, true
}

// minerKinds are deals a miner reports when a non-miner is the subject.
var minerKinds = map[pipeline.Kind]bool{pipeline.KindBackstop: true, pipeline.KindLease: true,
	pipeline.KindHosting: true, pipeline.KindColocation: true, pipeline.KindHPCContract: true}

// nearestCP is the counterparty-marked mention nearest the anchor. English
// names the counterparty after the amount ("$X deal with B"), Japanese
// before it ("Bと…Xドルの契約"): the other side costs more.
func nearestCP(zm []mention, company *mention, pos, end int, l lang) *mention {
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
		dd := l.cpCost(m, pos)
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
//
// kind is the deal's kind: money raised (a financing, an equity round) by
// the sentence's own subject stays the subject's even when a pronoun
// follows it; a tenant's lease may still be the article miner's deal.
func (sc *sent) minerPrior(p parties, kind pipeline.Kind) parties {
	p = sc.parentOf(p)
	txt, subj, hasSubj, st := sc.d.text, sc.subj, sc.hasSubj, sc.st
	lower := sc.lower
	if hasSubj && p.how == "subject" && subj.Span == p.company.Span && (kind == pipeline.KindFinancing || kind == pipeline.KindEquity) &&
		raisesMoney(sc.lower) {
		// "Blockstream … said it raised $125 million to expand its
		// mining": a pronoun after the subject stands for the subject.
		lower = lower[:max(0, min(len(lower), subj.Span[0]-sc.sp[0]))]
	}
	ref := refersBack(lower, hasSubj, p)
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
	if p.how == "topic" && p.cp == nil && (kind == pipeline.KindFinancing || kind == pipeline.KindEquity) &&
		(raisesMoney(sc.lower) || sc.isJA && raisesMoneyJA(sc.lower)) {
		// 「CoreWeaveは3月に上場した。5月にも30億ドルの社債を発行し」:
		// the company the paragraph is about raised the money itself; the
		// article's miner is no party of it.
		return p
	}
	var m *mention
	switch {
	case hasSubj && subj.miner && subj.label == lSubj && subj.Span[0] < p.company.Span[0]:
		m = &subj
	case !ref:
		return p
	case sc.hasTopicMiner:
		m = &sc.topicMiner
	case st.hasMiner:
		m = &st.miner
	case st.hasDocMiner && (st.docMinerLeads || p.how == "topic" || hasAnaphor(lower)):
		// The article's miner, when the sentence points back to a company
		// ("its", "the company", 同社) or the article is about the miner:
		// a sentence without a subject in a story about others (a
		// consortium's takeover) is no deal of a miner named in passing.
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

// codeAfter reports a name followed by "-<digit>": a code (CB-6, PF-2),
// not a company.
func codeAfter(rest string) bool {
	return len(rest) > 1 && rest[0] == '-' && isDigitByte(rest[1])
}

// companyAppositive reports an apposition right after a name that says
// it is a company (", a subsidiary of G42", ", an AI cloud provider"):
// evidence enough for a name no list knows.
func companyAppositive(after string) bool {
	return appositiveRE.MatchString(after)
}

var appositiveRE = regexp.MustCompile(`^,? (a|an|the) ([\w-]+ ){0,5}(subsidiary|unit|affiliate|company|firm|provider|startup|start-up|operator|developer|lender|bank|fund|investor|manufacturer|maker|miner|hyperscaler|platform|group|venture|utility|specialist)\b`)

// valueGivenTo reports a Japanese investee named right before the value
// given it (「三菱商事はベクターデータに5億ドルを出資」): the dative and the
// figure together say who receives the money.
func valueGivenTo(sc *sent, m *mention, how string, pos, end int) bool {
	if !sc.isJA || how != "investee" || m.label != lDat || m.Span[1] > pos {
		return false
	}
	between := sc.d.text[m.Span[1]:pos]
	if !strings.HasPrefix(between, "に") || len(between) > len("に最大") {
		return false
	}
	for _, a := range sc.d.amounts {
		if a.Span[0] == pos && a.Span[1] == end {
			return true
		}
	}
	return false
}

// strongUnknown reports an unknown name that still reads as a company
// (it came with a corporate suffix, or is a capitalised multi-word name).
func strongUnknown(m *mention) bool {
	return !m.weak || (strings.Contains(m.Name, " ") || hyphenName(m.Name)) && len(m.Name) > 4
}

// hyphenName reports capitalised words joined by a hyphen (Hydro-Sherbrooke).
func hyphenName(s string) bool {
	a, b, ok := strings.Cut(s, "-")
	return ok && a != "" && b != "" && a[0] >= 'A' && a[0] <= 'Z' && b[0] >= 'A' && b[0] <= 'Z'
}

// acronymParty reports an English name of three to six capitals that is
// no common abbreviation of the field (NYDIG, ANDE; not GPU, HPC, SEC)
// and not a term the text defines in quotes or brackets ("Prefabricated
// Data Center (“PDC”)").
func acronymParty(sc *sent, m *mention) bool {
	if sc.isJA || !acronymName(m.Name) {
		return false
	}
	before := strings.TrimRight(sc.d.text[max(0, m.Span[0]-3):m.Span[0]], " ")
	return !strings.HasSuffix(before, "“") && !strings.HasSuffix(before, "\"") && !strings.HasSuffix(before, "(")
}

// acronymName reports three to six capitals that are no common
// abbreviation of the field.
func acronymName(n string) bool {
	return text.Capitals(n, 3, 6) && !org.IsStop(n)
}

// parentOf puts a company in the place of its subsidiary: "its subsidiary,
// Enovum Data Centers Corp., has entered into…" is the deal of the company
// the sentence is about; "Bluepeak's subsidiary Tessel signed…" Bluepeak's.
// The news names the parent as the party.
func (sc *sent) parentOf(p parties) parties {
	lower := sc.d.lower
	parent := func(m mention) (mention, bool) {
		if m.Span[0] < sc.sp[0] || m.Span[0] > sc.sp[1] {
			return m, false // the topic, named in another sentence
		}
		before := strings.TrimRight(lower[max(sc.sp[0], m.Span[0]-60):m.Span[0]], " ,")
		for _, o := range sc.ms { // "Bluepeak Compute Inc.'s subsidiary Tessel"
			if o.Span[1] > m.Span[0] || o.Name == m.Name || !usable(o) {
				continue
			}
			if parentGap.MatchString(lower[o.Span[1]:m.Span[0]]) && text.ContainsAny(lower[o.Span[0]:m.Span[0]], "'s ", "’s ") {
				return o, true
			}
		}
		if sc.isJA {
			// 「Cipher子会社のBlack Pearl Compute」「Xの完全子会社であるY」:
			// the parent named right before, for the deal's own side only
			// (a partner's unit, 「Xホールディングス傘下のY」, is the
			// partner). A subsidiary the company list knows (SBIクリプト)
			// is a party of its own.
			if m.Known || m.Span != p.company.Span {
				return m, false
			}
			for _, o := range sc.ms {
				if o.Span[1] <= m.Span[0] && o.Name != m.Name && usable(o) &&
					jaParentGap.MatchString(stripAsides(sc.d.text[o.Span[1]:m.Span[0]])) {
					return o, true
				}
			}
			return m, false
		}
		if !itsSubsidiary.MatchString(before) {
			return m, false
		}
		switch {
		case sc.hasTopic && sc.topic.Name != m.Name:
			return sc.topic, true
		case sc.hasSubj && sc.subj.Span[1] <= m.Span[0] && sc.subj.Name != m.Name:
			return sc.subj, true // "Hut 8 said its subsidiary, X, signed…"
		case sc.st.hasTopic && sc.st.topic.Name != m.Name:
			return sc.st.topic, true
		}
		return m, false
	}
	if m, ok := parent(p.company); ok && sc.isJA && p.cp != nil && p.cp.Name == m.Name {
		// The subsidiary's deal with nobody named but its parent: the
		// parent's, without counterparty.
		sc.d.parents[p.company.Span] = m.Name
		p.company, p.cp = m, nil
	} else if ok && (p.cp == nil || p.cp.Name != m.Name) {
		if sc.hasSubj && sc.subj.Span == p.company.Span {
			sc.subj = m // the topic goes on with the parent
		}
		sc.d.parents[p.company.Span] = m.Name
		p.company = m
	}
	if p.cp != nil {
		if m, ok := parent(*p.cp); ok && m.Name != p.company.Name {
			sc.d.parents[p.cp.Span] = m.Name
			p.cp = &m
		}
	}
	return p
}

// withParents names the parent in the deals the data rules told of a
// subsidiary parentOf put a parent in place of, in the same sentence.
func withParents(d *doc, ds []pipeline.Deal) []pipeline.Deal {
	if len(d.parents) == 0 {
		return ds
	}
	spans := make([][2]int, 0, len(d.parents))
	for sp := range d.parents {
		spans = append(spans, sp)
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] }) // in text order, the same every run
	for i := range ds {
		for _, sp := range spans {
			parent := d.parents[sp]
			if sp[0] < ds[i].EvidenceSpan[0] || sp[1] > ds[i].EvidenceSpan[1] {
				continue
			}
			name := d.text[sp[0]:sp[1]]
			sub := func(n string) bool {
				return n == name || strings.HasPrefix(name, n+" ") || strings.HasPrefix(n, name)
			}
			if sub(ds[i].Company) && string(ds[i].Counterparty) != parent {
				ds[i].Company = parent
			} else if ds[i].Counterparty != "" && sub(string(ds[i].Counterparty)) && ds[i].Company != parent {
				ds[i].Counterparty = pipeline.NullString(parent)
			}
		}
	}
	return ds
}

// itsSubsidiary ends the text before a subsidiary of the company the
// sentence is about; parentGap lies between a parent and its subsidiary.
var (
	itsSubsidiary = regexp.MustCompile(`\bits (wholly[- ]owned |operating |data cent(er|re) |hpc |ai |bitcoin mining |mining )?(subsidiary|unit|affiliate)$`)
	jaParentGap   = regexp.MustCompile(`^(の)?(完全|100%)?(子会社|傘下)(の|である|となる|、)?$`)
	parentGap     = regexp.MustCompile(`^(\.|,? (inc|corp|ltd|llc|co)\.?)?('s|’s)? (wholly[- ]owned |operating |data cent(er|re) |hpc |ai |bitcoin mining |mining )?(subsidiary|unit|affiliate),? $`)
)

// sellerAfter is the counterparty named with "from" after the object of
// an acquisition ("the acquisition of X from Y"): the seller of an asset.
func sellerAfter(sc *sent, zm []mention, obj *mention) *mention {
	if obj == nil || sc.isJA {
		return nil
	}
	for i := range zm {
		m := &zm[i]
		if m.Span[0] > obj.Span[1] && m.label == lCP && usable(*m) && strings.HasSuffix(sc.d.lower[max(0, m.Span[0]-5):m.Span[0]], "from ") {
			return m
		}
	}
	return nil
}

// firmBought reports an acquisition's object that is a company, not an
// asset: a name the company list knows, one written with its legal form
// ("Harbor Data Corp."), or a bare name right after the buying verb
// ("acquired ViaWest from Shaw"; an asset comes with its article or its
// kind: "the acquisition of Dorothy 1A", "acquired the Cedarvale site").
func firmBought(sc *sent, obj *mention) bool {
	if obj.Known {
		return true
	}
	if ws := strings.Fields(obj.Text); len(ws) > 1 && org.LegalForm(ws[len(ws)-1]) {
		return true
	}
	if rest := sc.d.text[obj.Span[1]:min(len(sc.d.text), obj.Span[1]+4)]; strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") || strings.HasPrefix(rest, "' ") || strings.HasPrefix(rest, "’ ") {
		return false // "may buy Lloyds Banking Group’s data centers": the owner of what is bought
	}
	if text.HasAnySuffix(strings.ToLower(obj.Name), "datacenter", "data center", "data centre", "campus", "site", "facility", "plant", "farm", "park") {
		return false // "to acquire Fyresdal Datacenter from Norsk Data": a site bought from its owner
	}
	before := sc.d.lower[max(sc.sp[0], obj.Span[0]-12):obj.Span[0]]
	return text.HasAnySuffix(before, " acquired ", " acquires ", " acquire ", " bought ", " buys ", " buy ", " purchased ", " purchases ")
}

// coSubjects reports a pair that is part of a group of subjects rather
// than the two sides of a deal: a third name listed before it ("Crusoe,
// Blue Owl and Primary Digital landed…") or, in Japanese, a group the pair
// belongs to 「AとBを含む投資家グループ」. It returns the group's first name.
func coSubjects(sc *sent, a, b *mention) (*mention, bool) {
	txt := sc.d.text
	if sc.isJA {
		if text.HasAnyPrefix(txt[afterMention(txt, b.Span[1]):], "を含む", "などの", "など") {
			return a, true
		}
		return nil, false
	}
	for i := range sc.ms {
		if sc.ms[i].Span != a.Span {
			continue
		}
		first := -1
		for k := i; k > 0 && sc.ms[k-1].Span[1] <= sc.ms[k].Span[0] && joinedAsList(txt, sc.ms[k-1], sc.ms[k], false) && usable(sc.ms[k-1]); k-- {
			first = k - 1
		}
		if first >= 0 {
			return &sc.ms[first], true
		}
	}
	return nil, false
}

// raisesMoney reports a sentence whose verb takes money in (raised,
// secured, borrowed, issued) and none that gives it (invested, lent,
// provided): its subject is the one funded.
// raisesMoneyJA reports a Japanese sentence telling money raised by
// issuing or borrowing (社債を発行, 資金を調達, 借り入れ), not lent or
// invested in someone.
func raisesMoneyJA(lower string) bool {
	return text.ContainsAny(lower, "を発行", "発行し", "発行した", "を調達", "調達し", "調達した", "借り入れ", "借入れ", "増資") &&
		!text.ContainsAny(lower, "に投資", "に出資", "に融資", "を融資", "を貸し", "に貸し")
}

func raisesMoney(lower string) bool {
	return text.ContainsAny(lower, " raised", " raises", " raising", " raise ", " secured", " secures", " borrowed", " borrowing", " issued", " priced", " fundrais", " series ") &&
		!text.ContainsAny(lower, " invested ", " invests ", " will invest", " to invest", " lent ", " lends ", " to lend", " provided ", " provides ", " to provide", " will provide")
}

// passiveBuyer returns the mention of zm that is the agent of a passive
// purchase ("was purchased by X", "were acquired by X"), or nil.
func passiveBuyer(lower string, zm []mention) *mention {
	for i := range zm {
		m := &zm[i]
		if m.label == lCP && usable(*m) && text.HasAnySuffix(lower[max(0, m.Span[0]-24):m.Span[0]],
			"was purchased by ", "were purchased by ", "was acquired by ", "were acquired by ", "was bought by ", "were bought by ",
			"been purchased by ", "been acquired by ", "been bought by ") {
			return m
		}
	}
	return nil
}

// stakeSoldRE ends the words before a company whose stake is sold:
// "to sell a significant minority stake in ", "sold a 49% interest in ".
var stakeSoldRE = regexp.MustCompile(`\b(?:sell|sells|sold|selling|divest|divests|divested|divesting)\s+(?:a|an)\s+(?:[\w%.,-]+\s+){0,4}(?:stake|interest|shareholding|holding)s?\s+in\s+(?:the\s+)?$`)

// stakeSold reports lower-cased words before a company that sell a stake
// in it: "a" stake, a part of the company; a seller's own stake ("its 50%
// stake in the joint venture") is the seller's deal with the buyer.
func stakeSold(before string) bool {
	return strings.Contains(before, " in") && stakeSoldRE.MatchString(before)
}
