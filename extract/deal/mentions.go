package deal

// The organisations of a sentence: the names found for it, English names
// read from capitalised frames, asides and appositives that name no party,
// anaphors and the subject.

import (
	"strings"

	"github.com/kozan-dev/kozan/extract/org"
	"github.com/kozan-dev/kozan/pipeline"
)

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
		d.read = append(d.read, m)
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

func mentionsIn(ms []mention, lo, hi int) []mention {
	var out []mention
	for _, m := range ms {
		if m.Span[0] >= lo && m.Span[1] <= hi {
			out = append(out, m)
		}
	}
	return out
}

// usable reports whether a mention may be a party.
func usable(m mention) bool {
	return !(m.weak && !m.Known && org.IsStop(m.Name))
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
