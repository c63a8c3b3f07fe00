package deal

import (
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/kozan-dev/kozan/extract/org"
	"github.com/kozan-dev/kozan/extract/text"
	"github.com/kozan-dev/kozan/pipeline"
)

// sentenceMentions returns the organisation mentions of a sentence, adding
// English names read from capitalised words after a preposition or at the
// start of the sentence.
func (x *Extractor) sentenceMentions(d *doc, sp [2]int, isJA bool) []mention {
	if ms, ok := d.ahead[sp]; ok {
		return spreadInto(d, sp, slices.Clone(ms))
	}
	var ms []mention
	for _, m := range d.mentionsFrom(sp) {
		if m.Span[1] <= sp[1] {
			ms = append(ms, m)
		}
	}
	if isJA {
		return withoutOverlaps(x.addListMembers(d, withoutOverlaps(ms), listMembersJA, true))
	}
	txt := d.text
	add := func(pos int, initial bool) {
		m, ok := org.CapitalizedAt(txt[:sp[1]], pos)
		if ok && !initial {
			// "from Golden TechGen": a longer name read after a preposition
			// replaces the piece a word with an inner capital gave before.
			var gone [2]int
			if ms, gone = dropWeakTail(ms, m.Span); gone != [2]int{} {
				d.read = slices.DeleteFunc(d.read, func(r org.Mention) bool { return r.Span == gone })
			}
		}
		if !ok || org.FieldOfPost(txt, m.Span[0]) || overlaps(ms, m.Span) || overlapsAmount(d.amounts, m.Span) || vetoedSpan(d, m.Span) {
			return // a part of a name set aside ("Magazine" of Bitcoin Magazine) is none either
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
		if org.IsDemonym(m.Name) || demonymDescriptor(m.Name) {
			return // "and Japanese trading house Sojitz", "Chinese ASIC manufacturing giant Bitmain": a description, not a name
		}
		if name, known := x.gaz.Canonical(m.Name); known {
			m.Name, m.Known = name, true
		} else if name, known := x.gaz.ByTicker(txt, m.Span[1]); known {
			m.Name, m.Known = name, true // "Applied Blockchain (APLD)": a former name
		}
		if !m.Known && pluralAcronym(m.Name) {
			return // "a stake in the SPVs", "REITs", "PPAs": a kind of thing, many of them
		}
		if id, ok := x.vetoMention(d, m, false); ok {
			d.addPartyVeto(Veto{Rule: id, What: "party", Text: m.Text, Span: m.Span})
			return
		}
		ms = append(ms, mention{Mention: m, weak: true})
		d.read = append(d.read, m)
	}
	ms = dropProductMakers(txt, ms)
	add(bulletEnd(txt[:sp[1]], sp[0]), true) // a sentence that is only a bullet ("- ") ends before the name it would open
	if rest := afterTimeOpener(d.lower[sp[0]:sp[1]]); len(rest) < sp[1]-sp[0] {
		// "In 2021, Digital Edge paid $165 million…": the subject after
		// an opening adverbial of time.
		add(sp[1]-len(rest), true)
	}
	// A word with a capital inside (DataBank, CenturyLink) or going on
	// before its digits (Data4) names something wherever it stands: "On
	// Jan. 17 DataBank acquired C7 Data Centers".
	eachWord(txt, sp, func(off, end int) {
		if w := strings.TrimRight(txt[off:end], ".,;:"); innerCapital(w) || org.WordDigitName(w) {
			add(off, false)
		}
	})
	// An abbreviation naming the other side of the agreement word after it
	// ("a five-year ESDS deal", "the NEXTDC contract").
	eachWord(txt, sp, func(off, end int) {
		if end < sp[1] && text.Capitals(txt[off:end], 3, 6) && !org.IsStop(txt[off:end]) && agreementNounNext(d.lower[end+1:sp[1]]) {
			add(off, false)
		}
	})
	// "Power management biz Eaton has signed…", "digital infrastructure
	// firm Vertiv": a capitalised word right after a role noun names the
	// organisation the noun describes.
	// The byte tests come first: the noun list is looked up only for a
	// lower-case word before a capital.
	eachWord(txt, sp, func(off, end int) {
		if end+1 < sp[1] && txt[end] == ' ' && txt[end+1] >= 'A' && txt[end+1] <= 'Z' && txt[off] >= 'a' && txt[off] <= 'z' &&
			descriptorRun([]string{strings.TrimRight(d.lower[off:end], ",")}) {
			add(end+1, false)
		}
	})
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
	ms = x.addListMembers(d, ms, listMembers, false)
	return withoutOverlaps(ms)
}

// addListMembers adds to ms the members of lists of organisations that
// members finds, unless vetoed.
func (x *Extractor) addListMembers(d *doc, ms []mention, members func(string, []mention) []mention, isJA bool) []mention {
	txt := d.text
	if add := members(txt, ms); len(add) > 0 {
		for _, m := range add {
			if overlaps(ms, m.Span) || vetoedSpan(d, m.Span) {
				continue
			}
			if name, known := x.gaz.Canonical(m.Name); known {
				m.Name, m.Known = name, true
			}
			if id, ok := x.vetoMention(d, m.Mention, isJA); ok {
				d.addPartyVeto(Veto{Rule: id, What: "party", Text: m.Text, Span: m.Span})
				continue
			}
			ms = append(ms, m) // not weak: a member of a list of organisations
			d.read = append(d.read, m.Mention)
		}
		sortMentions(ms)
	}
	return ms
}

// withoutOverlaps drops, of mentions that overlap (the same name found by
// two finders, 「CFS社」), the later one, or the shorter one when both start
// together, keeping a known name over an unknown one of the same span: the
// rules read the text between two mentions and need them in order.
func withoutOverlaps(ms []mention) []mention {
	out := ms[:0]
	for _, m := range ms {
		if n := len(out); n > 0 && m.Span[0] < out[n-1].Span[1] {
			last := &out[n-1]
			longer := m.Span[0] == last.Span[0] && m.Span[1] > last.Span[1]
			if longer || m.Span == last.Span && m.Known && !last.Known {
				*last = m
			}
			continue
		}
		out = append(out, m)
	}
	return out
}

// eachWord calls f with the start and end of each word of txt[sp[0]:sp[1]]
// split at single spaces, left to right.
func eachWord(txt string, sp [2]int, f func(off, end int)) {
	for off := sp[0]; off < sp[1]; {
		end := sp[1]
		if k := strings.IndexByte(txt[off:sp[1]], ' '); k >= 0 {
			end = off + k
		}
		f(off, end)
		off = end + 1
	}
}

// agreementNounNext reports an agreement noun opening lower-cased rest.
func agreementNounNext(rest string) bool {
	return text.HasAnyPrefix(rest, "deal ", "deal,", "deal.", "deals ", "contract ", "contract,", "contract.", "contracts ",
		"lease ", "lease,", "lease.", "agreement ", "agreement,", "agreement.", "partnership ", "order ", "tie-up ")
}

// placeAfter reports a name followed by ", Region" (a capitalised word or
// two, then a comma or the end of the sentence): "X, Quebec," "X, New
// Brunswick." — X is a city.
func placeAfter(rest string) bool {
	if !strings.HasPrefix(rest, ", ") {
		return false
	}
	rest = rest[2:]
	if len(rest) >= 2 && usStates[rest[:2]] && (len(rest) == 2 || strings.ContainsRune(",.; )", rune(rest[2]))) {
		return true // "based in El Segundo, CA, for $16.3 million": a city and its state's code
	}
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

// demonymDescriptor reports a nationality followed only by capitalised
// abbreviations of the trade ("Chinese ASIC", "US AI"): a description.
func demonymDescriptor(name string) bool {
	ws := strings.Fields(name)
	if len(ws) < 2 || !org.IsDemonym(ws[0]) {
		return false
	}
	for _, w := range ws[1:] {
		if !org.IsStop(w) {
			return false
		}
	}
	return true
}

// verbFollows reports a lowercase word right after a sentence-initial name
// ("Zephyr signed", not "NEW YORK, March 3").
func verbFollows(rest string) bool {
	if strings.HasPrefix(rest, ", ") && appositiveCompany(rest[2:]) {
		return true // "DataBank, a DigitalBridge portfolio data center company, announced…"
	}
	if text.HasAnyPrefix(rest, ", in partnership with ", ", together with ", ", along with ", ", alongside ", ", in collaboration with ",
		", in conjunction with ", ", jointly with ") {
		return true // "Fermi America, in partnership with the Texas Tech University System, has signed…"
	}
	if len(rest) < 2 || rest[0] != ' ' {
		return false
	}
	return rest[1] >= 'a' && rest[1] <= 'z'
}

// appositiveCompany reports a description of a company set off by commas
// after a name: "a … company,", "the … operator,".
func appositiveCompany(rest string) bool {
	if !text.HasAnyPrefix(rest, "a ", "an ", "the ") {
		return false
	}
	end := strings.IndexByte(rest, ',')
	if end < 0 || end > 120 {
		return false
	}
	for _, w := range strings.Fields(strings.ToLower(rest[:end])) {
		if companyHeads[strings.Trim(w, "()")] || w == "subsidiary" || w == "unit" || w == "fund" || w == "investor" || w == "manager" || w == "platform" || w == "partner" {
			return true
		}
	}
	return false
}

// bulletEnd skips a list bullet and the spaces after it at the start of a
// sentence ("- CenturyLink sold…", "• Hut 8 signed…").
func bulletEnd(s string, i int) int {
	for _, b := range [...]string{"- ", "• ", "* ", "– ", "— ", "· "} {
		if strings.HasPrefix(s[i:], b) {
			i += len(b)
			for i < len(s) && s[i] == ' ' {
				i++
			}
			return i
		}
	}
	return i
}

func sortMentions(ms []mention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].Span[0] < ms[j-1].Span[0]; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// mentionsFrom returns the document's mentions that start inside sp (some
// may end after it): d.mentions are sorted by start, so a window of them.
func (d *doc) mentionsFrom(sp [2]int) []mention {
	lo := lowerBound(len(d.mentions), func(i int) bool { return d.mentions[i].Span[0] >= sp[0] })
	hi := lo + lowerBound(len(d.mentions)-lo, func(i int) bool { return d.mentions[lo+i].Span[0] >= sp[1] })
	return d.mentions[lo:hi]
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

// cpAfter reports another side named after the amount ("A, B and C
// landed a $7.1 billion loan led by D"): the listed names did one deal
// together with it, not several deals of their own.
func cpAfter(zm []mention, a pipeline.Amount) bool {
	for _, m := range zm {
		if m.Span[0] >= a.Span[1] && m.label == lCP && usable(m) {
			return true
		}
	}
	return false
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
	if listOpens(pre) {
		return true
	}
	// "Although their Q3 numbers are pending, A, B and C raised…": the
	// list opens the main clause after an opening one.
	if k := strings.Index(pre, ", "); k > 0 {
		at := a.Span[0] - len(pre) + k + len(", ")
		for _, m := range zm {
			if m.Span[0] == at {
				return listOpens(pre[k+len(", "):])
			}
		}
	}
	return false
}

// listOpens reports pre opening on three or more capitalised names joined
// by commas and "and".
func listOpens(pre string) bool {
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

// addPartyVeto records a party veto: in the document's account and in the
// index vetoedSpan searches.
func (d *doc) addPartyVeto(v Veto) {
	d.vetoes = append(d.vetoes, v)
	pv := &d.partyVetoes
	// Kept in order of start: vetoes come sentence by sentence, but a
	// sentence's come after the document's.
	at := sort.Search(len(pv.spans), func(i int) bool { return pv.spans[i][0] > v.Span[0] })
	pv.spans = slices.Insert(pv.spans, at, v.Span)
	pv.maxLen = max(pv.maxLen, v.Span[1]-v.Span[0])
}

// spanSet is a set of spans searched by containment: sorted by start, with
// the longest span's length bounding how far back a containing span may
// start.
type spanSet struct {
	spans  [][2]int
	maxLen int
}

// vetoedSpan reports a span inside a mention a party rule set aside. The
// vetoes are searched by position: a long page holds thousands.
func vetoedSpan(d *doc, sp [2]int) bool {
	pv := &d.partyVetoes
	// The spans starting at or before sp[0]; of them, only those starting
	// at most maxLen before it can reach sp[1].
	i := sort.Search(len(pv.spans), func(i int) bool { return pv.spans[i][0] > sp[0] })
	for j := i - 1; j >= 0 && sp[0]-pv.spans[j][0] <= pv.maxLen; j-- {
		if sp[1] <= pv.spans[j][1] {
			return true
		}
	}
	return false
}

// whichRE opens a relative clause right after a name, its legal form
// allowed between.
var whichRE = regexp.MustCompile(`^(?: (?:Inc|Corp|Ltd|LLC|Co|plc|PLC|AG|SA|AS|ASA|Limited|Corporation|Holdings))?\.?,? (?:which|who|whose) `)

// whichClause returns the parties of the relative clause an amount
// stands in ("Core42, which is backed by a recent $1.5 billion investment
// from Microsoft, signed…", "…leased to Bluepeak, which raised $1.5
// billion in its IPO."): the name the clause hangs on is its subject, the
// names inside take their roles from the clause alone, and nothing outside
// it is a party of that amount.
func whichClause(txt string, sp [2]int, ms []mention, a pipeline.Amount) ([]mention, bool) {
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		if m.Span[1] > a.Span[0] || m.Span[0] < sp[0] {
			continue
		}
		rest := txt[m.Span[1]:a.Span[0]]
		k := whichRE.FindStringIndex(rest)
		if k == nil {
			continue
		}
		if strings.ContainsAny(rest[k[1]:], ",;") {
			return nil, false // the clause closed before the amount
		}
		end := sp[1]
		if k := strings.IndexAny(txt[a.Span[1]:sp[1]], ",;"); k >= 0 {
			end = a.Span[1] + k
		}
		sub := []mention{m}
		for _, o := range ms[i+1:] {
			if o.Span[0] >= end {
				break
			}
			sub = append(sub, o)
		}
		labelEN(txt, [2]int{m.Span[1], end}, sub[1:])
		sub[0].label = lSubj
		return sub, true
	}
	return nil, false
}

// usStates are the postal codes of the US states a dateline or an address
// writes after a city.
var usStates = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range strings.Fields("AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC") {
		m[c] = true
	}
	return m
}()

// readAhead reads the mentions of every sentence of an English text before
// the sentences are gone through, so that a name read in one sentence
// ("Charlotte-based Peak 10 provides…") is a mention in the others too,
// before it as well as after it ("Peak 10 acquired ViaWest…", where no
// frame shows it). Only names a description or a legal form shows to be
// an organisation's where they are read, of two words or more or written
// with a capital inside or a digit, spread: a single common-looking word
// ("Prime") needs its own sign wherever it stands.
func (x *Extractor) readAhead(d *doc, sents [][2]int, boiler []bool) {
	ahead := make(map[[2]int][]mention, len(sents))
	seen := map[string]bool{}
	var spread []mention
	for si, s := range sents {
		if boiler[si] {
			continue
		}
		ms := x.sentenceMentions(d, s, false)
		ahead[s] = ms
		for _, m := range ms {
			if m.Known || m.weak || seen[m.Text] || !spreadable(m.Text) || !org.DescribedAt(d.text, m.Span[0]) && latinLegalAt(d.text[m.Span[1]:]) == 0 {
				continue
			}
			seen[m.Text] = true
			spread = append(spread, m)
		}
	}
	d.ahead, d.spread = ahead, spread
}

// spreadable reports a name that reads as a name wherever it is written.
func spreadable(name string) bool {
	return strings.Contains(name, " ") || innerCapital(name) || strings.ContainsAny(name, "0123456789")
}

// spreadInto adds to ms, the mentions of the sentence at sp, the uses of
// the names read in other sentences (readAhead) that no mention covers.
func spreadInto(d *doc, sp [2]int, ms []mention) []mention {
	added := false
	for _, n := range d.spread {
		if n.Span[0] >= sp[0] && n.Span[1] <= sp[1] {
			continue // read in this sentence
		}
		for i := sp[0]; ; {
			k := strings.Index(d.text[i:sp[1]], n.Text)
			if k < 0 {
				break
			}
			span := [2]int{i + k, i + k + len(n.Text)}
			i = span[1]
			if span[0] > 0 && isWordByte(d.text[span[0]-1]) || span[1] < len(d.text) && isWordByte(d.text[span[1]]) ||
				overlaps(ms, span) || overlapsAmount(d.amounts, span) || vetoedSpan(d, span) {
				continue
			}
			m := n
			m.Span, m.label, m.wa, m.passive, m.weak = span, 0, false, false, true
			ms = append(ms, m)
			d.read = append(d.read, m.Mention) // names() keeps one per span
			added = true
		}
	}
	if added {
		sortMentions(ms)
		ms = withoutOverlaps(ms)
	}
	return ms
}

// dropWeakTail drops from ms the one weak unknown name that ends where sp
// ends and starts inside it ("TechGen" of "Golden TechGen"), when nothing
// else overlaps sp, and returns its span (zero when none).
func dropWeakTail(ms []mention, sp [2]int) ([]mention, [2]int) {
	k := -1
	for i, m := range ms {
		if sp[0] < m.Span[1] && m.Span[0] < sp[1] {
			if k >= 0 || !m.weak || m.Known || m.Span[1] != sp[1] || m.Span[0] <= sp[0] {
				return ms, [2]int{}
			}
			k = i
		}
	}
	if k < 0 {
		return ms, [2]int{}
	}
	return append(ms[:k:k], ms[k+1:]...), ms[k].Span
}

// pluralAcronym reports an abbreviation in the plural ("SPVs", "REITs",
// "PPAs"): two to six capitals and an s, which names a kind of thing, not
// one organisation.
func pluralAcronym(n string) bool {
	return len(n) >= 3 && n[len(n)-1] == 's' && text.Capitals(n[:len(n)-1], 2, 6)
}
