package deal

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/kozan-dev/kozan/extract/org"
	"github.com/kozan-dev/kozan/extract/text"
)

// Roles of the names of an English sentence, from its frames: labelEN.

// ownedFigure is a possessive followed by a money figure within three
// words: "'s recent $1.5 billion raise".
var ownedFigure = regexp.MustCompile(`^['’]s\s+(?:[A-Za-z-]+\s+){0,3}?(?:(?:US|C|A|HK|S)?\$|€|£|¥)\s?\d`)

// boughtAfter reports what follows Xの naming X as the company bought:
// 「ビットアイルの完全子会社化」「Xの買収」「Xの全株式」.
func boughtAfter(s string) bool {
	// 「Axtelの1億7500万ドルの買収」: the price between the name and the noun.
	if loc := pricedRE.FindStringIndex(s); loc != nil {
		s = s[loc[1]:]
	}
	for _, p := range []string{"完全子会社化", "子会社化", "買収", "株式取得", "全株式", "全株"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// pricedRE is a price written before the acquisition noun it sizes:
// 「1億7500万ドルの」「約82億ドル規模での」.
var pricedRE = regexp.MustCompile(`^(?:約|推定|総額)?[0-9０-９][0-9０-９,.]*(?:[兆億万千百][0-9０-９,.]*)*(?:米ドル|ドル|円|ユーロ|ポンド|元|ウォン)(?:規模|相当)?(?:での|の)`)

// assetBought reports an asset of the name before it (its site, plant,
// data center, business) bought in the same clause: 「(Xの)パラグアイにある
// 鉱山を買収」「(Xの)テキサス州の施設を取得」.
func assetBought(s string) bool {
	s = s[:runeBoundary(s, min(len(s), 90))]
	k := -1
	for _, v := range []string{"を買収", "を取得", "を購入", "を買い取"} {
		if i := strings.Index(s, v); i >= 0 && (k < 0 || i < k) {
			k = i
		}
	}
	if k <= 0 || strings.ContainsAny(s[:k], "、。はが「」") {
		return false
	}
	return text.ContainsAny(s[:k], "施設", "拠点", "鉱山", "採掘場", "データセンター", "用地", "土地", "工場", "事業", "サイト", "設備", "資産", "キャンパス", "発電所")
}

// relationGap is a possessive relation word between two names: "'s
// rival", "’s former parent", "'s sister company".
var relationGap = regexp.MustCompile(`^['’]s? (?:former |larger |smaller |main |chief |biggest |closest )?(?:rival|rivals|competitor|peer|sister company|parent|parent company)\s+$`)

// enPreps mark the counterparty in English.
var enPreps = map[string]label{
	"with": lCP, "from": lCP, "by": lCP, "to": lDat, "via": lCP, "alongside": lCP, "between": lPairA,
	"for": lCP, "and": lCP, "including": lCP, "customer": lCP, "client": lCP, "tenant": lCP, "partner": lCP,
	// "an agreement that grants Fluidstack full use of the campus": the
	// one a deal gives something to is its other side.
	"grants": lCP, "granting": lCP, "gives": lCP, "giving": lCP,
	// "ICG has backed Proximity Data Centres with £25m": the one backed,
	// funded or lent to receives the money.
	"backed": lDat, "backs": lDat, "funded": lDat, "funds": lDat, "financed": lDat, "lent": lDat,
}

// modifiesAgreement reports a name between a determiner or an agreement's
// adjective (ws, the words before it, nearest first) and an agreement noun
// (rest, lower-cased): "a five-year ESDS deal".
func modifiesAgreement(ws []string, rest string) bool {
	if !agreementNounNext(strings.TrimPrefix(rest, " ")) {
		return false
	}
	switch w := ws[0]; {
	case w == "a", w == "an", w == "the", w == "its", w == "their", w == "new", w == "another", w == "latest",
		w == "multi-year", w == "long-term", strings.HasSuffix(w, "-year"):
		return true
	}
	return false
}

// enAcq words before a name make it the object of an acquisition.
var enAcq = map[string]bool{
	"acquire": true, "acquires": true, "acquired": true, "acquiring": true, "buy": true, "buys": true,
	"bought": true, "buying": true, "purchase": true, "purchased": true, "purchasing": true, "of": false,
	"takeover": true, "merge": true, "absorb": true,
}

// labelEN gives mentions of an English sentence their roles. sent is the
// sentence span.
func labelEN(text string, sent [2]int, ms []mention) {
	for i := range ms {
		m := &ms[i]
		m.label = lPlain
		// Words before the name, nearest first, stopping at punctuation.
		// "Alphabet's Google": the owner's place is the name's place.
		at, first := m.Span[0], i
		for first > 0 && ms[first-1].Span[1] >= sent[0] && ownerOf(text[ms[first-1].Span[1]:ms[first].Span[0]]) {
			first--
			at = ms[first].Span[0]
		}
		ws := wordsBefore(text, sent[0], at, 5)
		if len(ws) == 5 && org.UnitNoun(ws[0]) {
			ws = wordsBefore(text, sent[0], at, 9) // "from Digital Currency Group's mining subsidiary Foundry"
		}
		pws := ws
		if len(ws) > 1 && org.PlacePossessive(ws[0]) {
			pws = ws[1:] // "a unit of Japan's Sojitz": the country describes the name
		} else if len(ws) > 1 && org.PlaceBased(ws[0]) {
			// "a subsidiary of Hong Kong-based West Data Group": the
			// place's words describe the name too.
			for k := 1; k < min(len(ws), 4); k++ {
				if ws[k] == "of" {
					pws = ws[k:]
					break
				}
			}
		}
		prevMention := first > 0 && ms[first-1].Span[1] >= sent[0]
		if l, ok := parentRole(pws); ok {
			// "to the AI data center subsidiary of Gridline Mining": the
			// parent takes the role of the preposition before its unit.
			m.label = l
			ws = nil
		}
		for k, w := range ws {
			if w == "–" || w == "—" || w == "-" || w == "|" {
				break // "… from Generate Capital – Soluna announced": a dash opens a clause
			}
			if enAcq[w] || k < 2 && (w == "of" && len(ws) > k+1 && (ws[k+1] == "acquisition" || ws[k+1] == "takeover" || ws[k+1] == "purchase")) {
				m.label = lObj
				break
			}
			if w == "in" && (investBefore(ws[k+1:]) || k+1 == len(ws) && investBeforeRaw(text, sent[0], m.Span[0])) {
				m.label = lInv
				break
			}
			if w == "and" && k > 0 && k+1 < len(ws) && descriptorRun(ws[:k]) && descriptorRun(ws[k+1:k+2]) {
				continue // "to data centre developer and operator Pure DC": the and joins two nouns of one description
			}
			if l, ok := enPreps[w]; ok && (k < 4 || longDescriptor(ws[:k]) || unitOfNamedRun(ws[:k])) {
				if w == "and" {
					if k == 0 && clauseVerbAfter(text[m.Span[1]:sent[1]]) && (!prevMention || ms[i-1].label != lPlain && ms[i-1].label != lSubj) {
						// "A closed a loan with B and C signed…": C opens
						// a clause of its own.
						m.label = lSubj
					} else if k == 0 && prevMention && ms[i-1].Span[1]+6 >= m.Span[0] || k > 0 && prevMention && descriptorRun(ws[:k]) &&
						strings.HasPrefix(text[ms[i-1].Span[1]:], " and ") {
						m.label = lPairB
						if (ms[i-1].label == lPlain || ms[i-1].label == lSubj) && prepListBefore(strings.ToLower(text[max(sent[0], ms[i-1].Span[0]-70):ms[i-1].Span[0]])) {
							// "financing from a group of investors, NVIDIA, and
							// Related Companies": members of a list of the other
							// side, no pair of their own.
							ms[i-1].label, m.label = lCP, lCP
						} else if ms[i-1].label == lPlain || ms[i-1].label == lSubj {
							ms[i-1].label = lPairA
						}
					} else if k == 0 && clauseVerbAfter(text[m.Span[1]:sent[1]]) {
						// "A sold $X of notes, B raised $Y and C priced a
						// $Z offering": C opens a clause of its own.
						m.label = lSubj
					}
					break
				}
				if w == "to" && k == 0 && i+0 < len(ms) {
					m.label = lDat
					if len(ws) > 2 {
						switch ws[2] {
						case "was", "were", "been", "is", "are", "be":
							m.passive = true
						}
					}
					break
				}
				m.label = l
				break
			}
		}
		if m.label == lPlain && len(ws) > 0 && modifiesAgreement(ws, strings.ToLower(text[m.Span[1]:sent[1]])) {
			// "a five-year ESDS deal", "the new Fluidstack lease": the name
			// before the agreement noun is its other side.
			m.label = lCP
		}
		if m.label == lPlain && len(ws) == 0 {
			// "from its largest shareholder, Growler Mining", "to a local
			// investor group, Abay Power": the name restates a role noun
			// governed by a preposition before the comma.
			if l, ok := appositiveRole(text, sent[0], m.Span[0]); ok {
				m.label = l
			}
		}
		rest := text[m.Span[1]:sent[1]]
		if m.label == lObj && productAfter(rest) {
			// "buy the Nvidia GPUs", "acquire Bitmain S21 machines": the
			// maker sells products, it is not the company bought.
			m.label = lCP
			if moneyRaisedToBuy(strings.ToLower(text[sent[0]:m.Span[0]])) {
				// "raised $200 million in debt to buy Nvidia GPUs": the
				// maker is no side of the financing that pays for them.
				m.label = lPlain
			}
		}
		if possessive(rest) && m.label != lPlain && m.label != lObj && m.label != lInv && !(len(ws) > 0 && adjacentPrep[ws[0]]) {
			// "part of Lambda's payments", "including Nvidia's GB300": a
			// possessive far from its preposition owns a thing, not a role.
			m.label = lPoss
		}
		if len(ws) > 0 && (ws[0] == "company's" || ws[0] == "company’s" || ws[0] == "its" || ws[0] == "our") && unitAfter(rest) {
			// "for the Company's Volta Cloud subsidiary": the company's
			// own unit, no other party.
			m.label = lPoss
			continue
		}
		if sourceAfter(rest) {
			// "a Jefferies report said", "according to a JPMorgan research
			// note": the name is a source of the news, not a party.
			m.label = lPoss
			continue
		}
		if m.label == lPlain || m.label == lPoss {
			if ownedFigure.MatchString(rest) {
				// "Lambda's recent $1.5 billion raise", "Microsoft's $1.5
				// billion investment in Core42": the owner of the figure's
				// deal is its subject.
				m.label = lSubj
				continue
			}
		}
		if m.label == lPlain {
			switch {
			case (len(ws) == 0 && first == i) && ownsDeal(rest):
				// "Cipher's existing agreements with A and B cover…":
				// the owner of the deals opening the sentence is its company.
				m.label = lSubj
			case strings.HasPrefix(rest, "'s"), strings.HasPrefix(rest, "’s"):
				m.label = lPoss
			case !prevMention || len(ws) == 0 || startsClause(ws):
				m.label = lSubj
			case strings.HasPrefix(rest, ":"):
				m.label = lSubj
			}
		}
	}
	// "agreed to buy CyrusOne's rival CoreSite": the name after a
	// possessive relation word takes the role, the owner is no party.
	for i := 0; i+1 < len(ms); i++ {
		if ms[i].Span[1] <= ms[i+1].Span[0] && relationGap.MatchString(text[ms[i].Span[1]:ms[i+1].Span[0]]) {
			if ms[i+1].label == lPlain {
				ms[i+1].label = ms[i].label
			}
			ms[i].label = lPoss
		}
	}
	// "with investors including Nvidia, Dell and Lenovo": names listed after
	// a counterparty are counterparties too, not a pair of their own.
	for i := 1; i < len(ms); i++ {
		if ms[i-1].label == lCP && (ms[i].label == lPlain || ms[i].label == lPairA || ms[i].label == lPairB) &&
			ms[i-1].Span[1] <= ms[i].Span[0] && joinedAsList(text, ms[i-1], ms[i], false) {
			ms[i].label = lCP
		}
	}
	// "Nvidia-backed Crusoe", "SoftBank-owned SB Energy": the backer
	// describes the name after it and is no party; the name takes its place.
	for i := 0; i+1 < len(ms); i++ {
		between := strings.ToLower(text[ms[i].Span[1]:ms[i+1].Span[0]])
		if backerBetween(between) {
			if ms[i+1].label == lPlain {
				ms[i+1].label = ms[i].label
			}
			ms[i].label = lPoss
		}
	}
	// "a Google-backed lease with Fluidstack": a backer describing a deal
	// or a thing, not a name, is no party of the sentence's deal.
	for i := range ms {
		rest := strings.ToLower(text[ms[i].Span[1]:min(len(text), ms[i].Span[1]+40)])
		for _, b := range [...]string{"-backed ", "-funded ", "-supported ", "-sponsored ", " sponsored "} {
			if after, ok := strings.CutPrefix(rest, b); ok && after != "" && after[0] >= 'a' && after[0] <= 'z' && !strings.HasPrefix(after, "by ") {
				ms[i].label = lPoss
				break
			}
		}
	}
	// What the words around a name say of it:
	for i := range ms {
		before := strings.ToLower(text[max(sent[0], ms[i].Span[0]-40):ms[i].Span[0]])
		switch {
		case strings.HasSuffix(before, " sponsored by ") && (strings.Contains(before, "fund") || strings.Contains(before, "reit") ||
			strings.Contains(before, "trust") || strings.Contains(before, "vehicle") || strings.Contains(before, "platform")):
			// "A real estate investment fund sponsored by Digital Realty,
			// Digital Core REIT, is set to…": a fund's sponsor describes it.
			ms[i].label = lPoss
		case (strings.HasSuffix(before, ", with the support of ") || strings.HasSuffix(before, ", with support from ")) &&
			strings.HasPrefix(text[ms[i].Span[1]:], ","):
			// "Fluidstack, with the support of Google, has signed close to
			// 1GW of leases": a supporter named in an aside is no side.
			ms[i].label = lPoss
		}
		// "$4.6B of senior secured notes, JPMorgan-led.": the one leading a
		// financing is its lender or arranger, not the one raising it.
		rest := text[ms[i].Span[1]:min(len(text), ms[i].Span[1]+16)]
		for _, b := range [...]string{"-led", "-arranged", "-underwritten"} {
			if after, ok := strings.CutPrefix(rest, b); ok && (after == "" || after[0] == '.' || after[0] == ',' || after[0] == ';' || after[0] == ')') {
				ms[i].funder = true
				break
			}
		}
	}
	// "buy $X of Nvidia GB300 systems … from Dell": the seller named after
	// from beats the maker of the products.
	for i := range ms {
		if ms[i].label == lPoss || dealPrepBefore(text[sent[0]:ms[i].Span[0]]) || !productAfter(text[ms[i].Span[1]:sent[1]]) {
			continue
		}
		for j := i + 1; j < len(ms); j++ {
			if strings.HasSuffix(strings.ToLower(text[sent[0]:ms[j].Span[0]]), "from ") {
				ms[i].label = lPoss
				break
			}
		}
	}
	// "Hut 8 Corp. (Nasdaq: HUT)": a ticker in brackets after its name
	// restates the name and takes its role.
	for i := 1; i < len(ms); i++ {
		if ms[i].Name == ms[i-1].Name && tickerBracket(text[ms[i-1].Span[1]:ms[i].Span[0]]) {
			ms[i].label = ms[i-1].label
		}
	}
	// "A said B agreed to invest…": A reports the deal, B is its counterparty.
	for i := 0; i+1 < len(ms); i++ {
		between := text[ms[i].Span[1]:ms[i+1].Span[0]]
		if reportVerbBetween(between) &&
			(ms[i].label == lSubj || ms[i].label == lPlain) {
			ms[i].label, ms[i+1].label = lSubj, lCP
		}
	}
	// Headline style "A, B expand pact": two names opening the sentence,
	// joined by a comma and followed by a verb, are a pair.
	if len(ms) >= 2 && strings.TrimSpace(text[sent[0]:ms[0].Span[0]]) == "" && text[ms[0].Span[1]:ms[1].Span[0]] == ", " {
		rest := text[ms[1].Span[1]:sent[1]]
		if w := strings.Fields(rest); len(w) > 0 && rest[0] == ' ' && w[0] != "and" && w[0] != "or" &&
			w[0][0] >= 'a' && w[0][0] <= 'z' && (len(ms) == 2 || ms[2].Span[0] > ms[1].Span[1]+len(w[0])+2) {
			ms[0].label, ms[1].label = lPairA, lPairB
		}
	}
	// "X and Y signed…": a pair at the start.
	for i := 0; i+1 < len(ms); i++ {
		if ms[i].label == lSubj && ms[i+1].label == lCP {
			between := text[ms[i].Span[1]:ms[i+1].Span[0]]
			if strings.TrimSpace(between) == "and" {
				ms[i].label, ms[i+1].label = lPairA, lPairB
			}
		}
	}
	// "DataBank, a DigitalBridge portfolio data center company, announced…":
	// the name opening the sentence is the subject; a name inside the
	// description only describes it.
	if len(ms) > 1 && ms[0].Span[0] == bulletEnd(text, sent[0]) {
		rest := text[ms[0].Span[1]:sent[1]]
		if strings.HasPrefix(rest, ", ") && appositiveCompany(rest[2:]) {
			end := ms[0].Span[1] + 2 + strings.IndexByte(rest[2:], ',')
			ms[0].label = lSubj
			for i := 1; i < len(ms) && ms[i].Span[1] <= end; i++ {
				ms[i].label = lPoss
			}
		}
	}
}

// prepListBefore reports the text before a list's first member (lower
// case) opening a list of a deal's other side: "from a group of
// investors, ", "led by " (not "an investor group including", which
// may open the sentence's subject).
func prepListBefore(before string) bool {
	if strings.Contains(before, ". ") {
		before = before[strings.LastIndex(before, ". ")+2:]
	}
	for _, w := range []string{" from ", " led by "} {
		if strings.Contains(before, w) {
			return true
		}
	}
	return false
}

// clauseVerbs are finite deal verbs a name opening its own clause takes
// ("and CleanSpark priced a $1.15 billion offering").
var clauseVerbs = map[string]bool{"priced": true, "raised": true, "sold": true, "signed": true, "closed": true,
	"secured": true, "completed": true, "issued": true, "bought": true, "acquired": true, "inked": true,
	"struck": true, "added": true, "took": true, "won": true, "borrowed": true, "agreed": true, "landed": true,
	"upsized": true, "launched": true, "announced": true, "drew": true, "tapped": true, "obtained": true,
	"placed": true, "offered": true, "arranged": true, "entered": true}

// clauseVerbAfter reports a finite deal verb right after a name.
func clauseVerbAfter(rest string) bool {
	rest = strings.TrimPrefix(rest, ".") // "Tundra Hash Inc. priced"
	ws := strings.Fields(rest)
	if len(ws) == 0 || rest[0] != ' ' {
		return false
	}
	for len(ws) > 1 && legalForm[strings.ToLower(strings.TrimRight(ws[0], ".,"))] {
		ws = ws[1:] // "Tundra Hash Inc. priced"
	}
	w := ws[0]
	if (w == "also" || w == "separately" || w == "has" || w == "had") && len(ws) > 1 {
		w = ws[1]
	}
	return clauseVerbs[w]
}

// legalForm are legal forms a mention may leave after it.
var legalForm = map[string]bool{"inc": true, "corp": true, "ltd": true, "llc": true, "co": true, "plc": true, "limited": true}

// backerBetween reports a compound adjective of ownership or backing
// joining a backer to the name it describes ("-backed ", "-owned ").
func backerBetween(between string) bool {
	switch between {
	case "-backed ", "-owned ", "-funded ", "-controlled ", "-supported ", "-majority-owned ", "-affiliated ":
		return true
	}
	return false
}

// unitNoun reports a word naming a part of a company ("the data center
// subsidiary of X"): org's unit nouns, their plurals, business and spinoff.
func unitNoun(w string) bool { return org.UnitNoun(w) || moreUnitNouns[w] }

// moreUnitNouns name a part of a company beside org.UnitNoun's.
var moreUnitNouns = map[string]bool{"subsidiaries": true, "units": true, "business": true, "spinoff": true, "spin-off": true}

// unitAfter reports a unit noun right after a name ("Volta Cloud
// subsidiary", "BUZZ HPC unit").
func unitAfter(rest string) bool {
	ws := strings.Fields(strings.ToLower(rest))
	for i, w := range ws {
		if i >= 2 {
			break
		}
		if unitNoun(strings.Trim(w, ".,;")) {
			return true
		}
	}
	return false
}

// parentRole reads "<prep> the … subsidiary of X" in ws (the words before
// X, nearest first) and returns the role of the preposition.
func parentRole(ws []string) (label, bool) {
	if len(ws) < 3 || ws[0] != "of" || !unitNoun(ws[1]) {
		return lPlain, false
	}
	for _, w := range ws[2:] {
		switch w {
		case "to":
			return lDat, true
		case "from", "with", "for", "by":
			return lCP, true
		}
	}
	return lPlain, false
}

// ownsDeal reports a possessive naming the name's deals ("'s existing
// agreements with", "'s new lease with").
func ownsDeal(rest string) bool {
	if !possessive(rest) {
		return false
	}
	ws := strings.Fields(strings.ToLower(rest))
	for i := 1; i < len(ws) && i <= 3; i++ {
		switch strings.Trim(ws[i], ",") {
		case "agreement", "agreements", "contract", "contracts", "deal", "deals", "lease", "leases", "pact":
			return i+1 < len(ws) && ws[i+1] == "with"
		}
	}
	return false
}

// ownerOf reports the possessive between an owner and the company it owns
// ("Alphabet's Google", "SoftBank’s SB Energy").
func ownerOf(between string) bool {
	return between == "'s " || between == "’s "
}

// reportVerbBetween reports "said", "said that", "said on Monday",
// "announced Tuesday that" between two names: the first reports the deal
// of the second.
func reportVerbBetween(b string) bool {
	b = strings.TrimLeft(b, ".,") // "Hut 8 Corp. said"
	ws := strings.Fields(b)
	if len(ws) == 0 || b[0] != ' ' || b[len(b)-1] != ' ' {
		return false
	}
	switch strings.ToLower(strings.Trim(ws[0], ",.")) {
	case "inc", "corp", "ltd", "co", "plc", "llc", "ag", "sa", "nv":
		ws = ws[1:] // "Cipher Mining Inc said…"
	}
	if len(ws) == 0 {
		return false
	}
	verb := ws[0]
	if verb != "said" && verb != "says" && verb != "announced" {
		return false
	}
	ws = ws[1:]
	that := len(ws) > 0 && ws[len(ws)-1] == "that"
	if that {
		ws = ws[:len(ws)-1]
	}
	if verb == "announced" && !that {
		return false // "A announced B…" without "that" reports nothing of B
	}
	if len(ws) > 0 && ws[0] == "on" {
		ws = ws[1:]
	}
	if len(ws) == 1 && strings.HasSuffix(ws[0], "day") {
		ws = ws[1:]
	}
	return len(ws) == 0
}

// sourceNouns follow a name that is the source of a figure ("a Barclays
// report", "JPMorgan analysts"), not a party to a deal.
var sourceNouns = []string{" report", " research", " analyst", " analysts", " note", " estimate", " estimates", " survey", " data showed", " data show"}

// sourceAfter reports a source noun right after a name, as a whole word
// ("a Barclays report", not "Canaan reported").
func sourceAfter(rest string) bool {
	for _, n := range sourceNouns {
		if strings.HasPrefix(rest, n) && (len(rest) == len(n) || !isWordByte(rest[len(n)])) {
			return true
		}
	}
	return false
}

// descriptorRun reports words (nearest first) that describe the name after
// them: "Japanese trading house", "AI cloud provider".
func descriptorRun(ws []string) bool {
	if len(ws) == 0 || len(ws) > 4 {
		return false
	}
	if len(ws) == 1 && org.PlacePossessive(ws[0]) {
		return true // "and Japan's Hokuriku Energy Trading"
	}
	return slices.Contains(descriptorNouns, ws[0])
}

// descriptorNouns end a description of an organisation written before its name
// ("data centre developer and operator Pure DC", "real estate firm DL
// Invest").
var descriptorNouns = []string{"house", "company", "firm", "biz", "provider", "operator", "developer", "startup", "start-up", "lab",
	"giant", "group", "conglomerate", "bank", "utility", "maker", "manufacturer", "producer", "miner", "investor", "fund",
	"manager", "platform", "insurer", "lender", "supplier", "vendor", "partner", "hyperscaler", "player", "specialist", "owner"}

// longDescriptor reports the words between a preposition and a name as
// a description of the name ending in a role noun, up to seven words ("with
// the artificial intelligence infrastructure group Nebius", "to data centre
// developer and operator Pure DC"): the name keeps the preposition's role.
func longDescriptor(ws []string) bool {
	if len(ws) < 4 || len(ws) > 7 || !descriptorRun(ws[:1]) {
		return false
	}
	for k, w := range ws[1:] {
		if !isLowerWord(w) {
			return false
		}
		if w == "and" && k+2 < len(ws) && descriptorRun(ws[k:k+1]) && descriptorRun(ws[k+2:k+3]) {
			continue // "developer and operator": two role nouns of one description
		}
		switch w {
		case "said", "says", "is", "was", "has", "had", "will", "and", "or", "to", "for", "from", "with", "by", "that", "which":
			return false
		}
	}
	return true
}

// unitOfNamedRun reports the words between a preposition and a name
// (lower-cased, nearest first) as a named company's unit ("from Digital
// Currency Group's mining subsidiary Foundry"): the unit keeps the
// preposition's role (its owner is no party, en.party.possessor); "its
// subsidiary", "the company's unit" name the company's own part.
func unitOfNamedRun(ws []string) bool {
	if len(ws) < 2 || !org.UnitNoun(ws[0]) {
		return false
	}
	for k := 1; k < len(ws) && k < 4; k++ {
		w := ws[k]
		if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
			// "Digital Currency Group's" names a company; "the group's",
			// "its" the company itself.
			named := !org.GenericPossessive(w) || k+1 < len(ws) && ws[k+1] != "the" && isLowerWord(ws[k+1]) && !enPrepWord(ws[k+1])
			return named && len(ws)-k <= 5
		}
		if !isLowerWord(w) {
			return false
		}
	}
	return false
}

// enPrepWord reports a preposition of enPreps.
func enPrepWord(w string) bool {
	_, ok := enPreps[w]
	return ok
}

// isLowerWord reports a word of lower-case ASCII letters and hyphens.
func isLowerWord(w string) bool {
	for _, r := range w {
		if (r < 'a' || r > 'z') && r != '-' {
			return false
		}
	}
	return w != ""
}

// adjacentPrep keep their role over a possessive right after them ("with
// Microsoft's cloud unit").
var adjacentPrep = map[string]bool{"with": true, "from": true, "by": true, "to": true, "between": true, "and": true}

func possessive(rest string) bool {
	return strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s")
}

// investBefore reports an invest/stake word among the next few words
// before "in" ("invested $100 million in X", "a 5% stake in X").
func investBefore(ws []string) bool {
	for i, w := range ws {
		if i >= 4 {
			break
		}
		if strings.HasPrefix(w, "invest") || w == "stake" || w == "interest" || w == "investment" {
			return true
		}
	}
	return false
}

// investBeforeRaw reports an invest word shortly before the "in" that
// ends text[:end] when a bracket cut the word list ("invest ¥20 billion
// ($134 million) in U.S. developer X").
func investBeforeRaw(text string, start, end int) bool {
	lo := end - 120
	if lo < start {
		lo = start
	}
	w := strings.ToLower(text[lo:end])
	k := strings.LastIndex(w, " in ")
	if k < 0 {
		return false
	}
	w = w[:k]
	if j := strings.LastIndexAny(w, ".;"); j >= 0 && j+1 < len(w) && w[j+1] == ' ' {
		w = w[j+1:]
	}
	if len(w) > 60 {
		w = w[len(w)-60:]
	}
	return strings.Contains(w, "invest") || strings.Contains(w, " stake")
}

// roleNouns describe a party before its name in apposition ("its largest
// shareholder, X").
var roleNouns = map[string]bool{"shareholder": true, "investor": true, "group": true, "partner": true, "lender": true,
	"bank": true, "buyer": true, "purchaser": true, "acquirer": true, "customer": true, "client": true, "tenant": true,
	"company": true, "firm": true, "developer": true, "operator": true, "provider": true, "fund": true, "manager": true,
	"consortium": true, "utility": true, "startup": true, "backer": true, "owner": true, "affiliate": true, "maker": true,
	"rival": true, "competitor": true, "peer": true, "miner": true}

// appositiveRole reads "<prep> [its largest] <role noun>, <name>": the
// name's role is the preposition's; after a buying verb ("will acquire one
// of its oldest rivals, DuPont Fabros") the name is the one bought.
func appositiveRole(text string, start, pos int) (label, bool) {
	b := strings.TrimRight(text[start:pos], " ")
	if !strings.HasSuffix(b, ",") {
		return lPlain, false
	}
	ws := wordsBefore(text, start, start+len(b)-1, 12)
	if len(ws) < 2 || !roleNouns[ws[0]] && !(strings.HasSuffix(ws[0], "s") && roleNouns[strings.TrimSuffix(ws[0], "s")]) {
		return lPlain, false
	}
	// "led by quantitative investment manager and digital assets market
	// maker, Blue Sky Capital": a description of several words may stand
	// between the preposition and its role noun, not a verb or a clause.
	for k := 1; k < len(ws) && k < 11; k++ {
		switch ws[k] {
		case "with", "from", "by", "for":
			return lCP, true
		case "to":
			return lDat, true
		case "acquire", "acquires", "acquired", "acquiring", "buy", "buys", "bought", "buying":
			return lObj, true
		case "said", "says", "is", "was", "are", "were", "has", "have", "which", "that", "who", "will":
			return lPlain, false
		}
	}
	return lPlain, false
}

// startsClause reports whether the words before a name (nearest first) end a
// clause or a sentence-initial phrase ("On Monday, X", "Meanwhile X").
func startsClause(ws []string) bool {
	if len(ws) == 0 {
		return true
	}
	if len(ws) == 1 && (ws[0] == "and" || ws[0] == "but" || ws[0] == "while") {
		return true
	}
	switch ws[0] {
	case "miner", "operator", "company", "firm", "provider", "developer", "lab", "giant", "startup", "meanwhile",
		"rival", "peer", "hyperscaler", "the", "said", "that", "while", "whereas", "when", "after", "as", "also",
		"owner", "parent", "subsidiary", "unit", "affiliate", "based", "where", "–", "—", "-", "|":
		return true
	}
	// "said that Japanese trading house X will…": a descriptor before a
	// name opening a reported clause.
	for k := 1; k < len(ws) && k <= 4; k++ {
		if (ws[k] == "that" || ws[k] == "said") && descriptorRun(ws[:k]) {
			return true
		}
	}
	return false
}

// wordsBefore returns up to n lowercase words before end (nearest first),
// stopping at sentence punctuation or start.
func wordsBefore(text string, start, end, n int) []string {
	if n < 8 {
		n = 8
	}
	var out []string
	i := end
	for len(out) < n && i > start {
		// skip spaces
		for i > start && (text[i-1] == ' ' || text[i-1] == '-') {
			i--
		}
		if i <= start {
			break
		}
		c := text[i-1]
		if c == '.' && dottedAbbrev(text[start:i]) {
			// "U.S.", "U.K.": an abbreviation, not the end of a sentence.
			j := strings.LastIndexByte(text[start:i], ' ') + start + 1
			i = j
			continue
		}
		if c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"' || c == '.' {
			break
		}
		j := i
		for j > start {
			r, sz := utf8.DecodeLastRuneInString(text[start:j])
			if r == ',' && j-2 >= start && j < len(text) && isDigitByte(text[j-2]) && isDigitByte(text[j]) {
				j-- // "buy 12,000 rigs": a thousands separator, one word
				continue
			}
			if r == ' ' || r == ',' || r == ';' || r == ':' || r == '(' || r == '"' {
				break
			}
			j -= sz
		}
		if j == i {
			break
		}
		w := strings.ToLower(text[j:i])
		if w == "the" || w == "a" || w == "an" || w == "its" || w == "u.s." || w == "new" {
			i = j
			continue
		}
		out = append(out, w)
		i = j
	}
	return out
}

// dottedAbbrev reports s ending in a dotted abbreviation ("U.S.", "U.K.").
func dottedAbbrev(s string) bool {
	w := s[strings.LastIndexByte(s, ' ')+1:]
	if len(w) < 4 || len(w) > 6 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if i%2 == 1 && w[i] != '.' || i%2 == 0 && !(w[i] >= 'A' && w[i] <= 'Z') {
			return false
		}
	}
	return true
}

// productNouns are things bought from a maker, not companies.
var productNouns = map[string]bool{"gpu": true, "gpus": true, "chip": true, "chips": true, "server": true, "servers": true,
	"system": true, "systems": true, "accelerator": true, "accelerators": true, "hardware": true, "machine": true,
	"machines": true, "miners": true, "rigs": true, "units": true, "processors": true, "equipment": true,
	"racks": true, "superchips": true, "asics": true, "asic": true, "antminers": true, "whatsminers": true}

// productAfter reports a product noun right after a name, possibly behind
// model codes or a product family ("Nvidia GPUs", "Nvidia B200 chips",
// "Bitmain S21 XP machines", "Bitmain Antminer S23 rigs").
func productAfter(rest string) bool {
	for i, w := range strings.Fields(rest) {
		if i >= 4 {
			break
		}
		raw := strings.TrimRight(w, ",.;:")
		w = strings.ToLower(raw)
		if productNouns[w] {
			return true
		}
		if !strings.ContainsAny(w, "0123456789") && !(len(raw) <= 4 && strings.ToUpper(raw) == raw) && !(i == 0 && productNames[w]) && !modelSuffixes[w] {
			return false
		}
	}
	return false
}

// moneyRaisedToBuy reports a sentence before a maker's name that raises
// or borrows money to buy its products ("raised $200 million in debt to
// buy Nvidia GPUs").
func moneyRaisedToBuy(before string) bool {
	k := max(strings.LastIndex(before, " to buy "), strings.LastIndex(before, " to purchase "), strings.LastIndex(before, " to acquire "))
	if k < 0 || len(before)-k > 30 {
		return false
	}
	return text.ContainsAny(before[:k], " raised ", " raises ", " raising ", " borrowed ", " borrows ", " borrowing ", " in debt", " loan", " financing",
		" credit facility", " notes ", " secured $", " secures $")
}

// modelSuffixes follow a model number in a product's name ("S19 Pro",
// "S21 XP Hyd", "A1566 Pro").
var modelSuffixes = map[string]bool{"pro": true, "max": true, "plus": true, "ultra": true, "xp": true, "hydro": true,
	"hyd": true, "mini": true, "lite": true, "se": true, "air": true, "immersion": true}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// tickerBracket reports the text between a name and its ticker in brackets
// (" (Nasdaq: ", " Ltd. (NYSE: ", " ("), a legal form at most before it.
func tickerBracket(between string) bool {
	i := strings.Index(between, " (")
	if i < 0 || len(between) > 30 || strings.Contains(between, ")") {
		return false
	}
	if form := strings.Trim(between[:i], ".,"); strings.Contains(strings.TrimSpace(form), " ") {
		return false
	}
	b := strings.TrimSpace(between[i+2:])
	return b == "" || strings.HasSuffix(b, ":")
}
