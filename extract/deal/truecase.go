package deal

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kozan-dev/kozan/extract/org"
	"github.com/kozan-dev/kozan/extract/text"
)

// truecase holds what the body of an article says about capitalised words:
// a word written capitalised in the middle of a sentence is a name; a word
// capitalised only at a sentence start or in a Title Case headline may be a
// common word ("Annual rent will start…", "Gross proceeds…").
type truecase struct {
	mid   map[string]bool // words capitalised mid-sentence in the body
	names []org.Mention   // the body's organisation names found with a corporate word or in the gazetteer
	// Looked up by text, not searched (a long page names thousands):
	// prefixAt maps each name and each of its leading words up to a space
	// to the first name so written; nameAt each name to its first index;
	// unknownLead holds the first words of the names the gazetteer lacks,
	// and those names whole.
	prefixAt, nameAt map[string]int
	unknownLead      map[string]bool
}

// newTruecase reads the body text and its organisation mentions; the
// Title Case headline lines of the body (heads: sentences of the body, in
// text order and apart, as bodyHeadlines gives them) are no evidence.
func newTruecase(body string, ms []mention, heads ...[2]int) *truecase {
	tc := &truecase{mid: map[string]bool{}}
	// The headline that may hold i is the last to start at or before it.
	inHead := func(i int) bool {
		k := sort.Search(len(heads), func(k int) bool { return heads[k][0] > i }) - 1
		return k >= 0 && i < heads[k][1]
	}
	for i := 0; i < len(body); {
		r, n := utf8.DecodeRuneInString(body[i:])
		if !isLatinLetter(r) {
			i += n
			continue
		}
		j := i
		for j < len(body) {
			r2, n2 := utf8.DecodeRuneInString(body[j:])
			if !isLatinLetter(r2) && !(r2 >= '0' && r2 <= '9') && r2 != '-' {
				break
			}
			j += n2
		}
		if unicode.IsUpper(r) && !sentenceStartAt(body, i) && !inHead(i) {
			tc.mid[body[i:j]] = true
		}
		i = j
	}
	tc.prefixAt, tc.nameAt, tc.unknownLead = map[string]int{}, map[string]int{}, map[string]bool{}
	first := func(idx map[string]int, k string, i int) {
		if _, ok := idx[k]; !ok {
			idx[k] = i
		}
	}
	for _, m := range ms {
		if m.weak {
			continue
		}
		i := len(tc.names)
		tc.names = append(tc.names, m.Mention)
		name := m.Mention.Name
		first(tc.nameAt, name, i)
		first(tc.prefixAt, name, i)
		for k := strings.IndexByte(name, ' '); k >= 0; k = nextSpace(name, k) {
			first(tc.prefixAt, name[:k], i)
		}
		if !m.Known {
			lead, _, _ := strings.Cut(name, " ")
			tc.unknownLead[lead], tc.unknownLead[name] = true, true
		}
	}
	return tc
}

// nextSpace is the index of the first space of s after index k, or -1.
func nextSpace(s string, k int) int {
	j := strings.IndexByte(s[k+1:], ' ')
	if j < 0 {
		return -1
	}
	return k + 1 + j
}

func isLatinLetter(r rune) bool {
	return r < 0x3000 && unicode.IsLetter(r)
}

// sentenceStartAt reports a word at i that opens a sentence, a line or a
// clause after a colon (quotes and brackets before it skipped).
func sentenceStartAt(text string, i int) bool {
	k := i
	for k > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:k])
		switch r {
		case ' ', '"', '\'', '“', '‘', '(', '[', '\t':
			k -= n
			continue
		case '.', '!', '?', ':', '\n', '-', '—', '–', '|':
			return true
		}
		return r >= 0x3000 // after Japanese text or a full-width mark
	}
	return true
}

// titleCase reports a headline written in Title Case: most of its longer
// words capitalised.
func titleCase(s string) bool {
	caps, n := 0, 0
	for _, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if utf8.RuneCountInString(w) < 4 || !isLatinLetter(r) {
			continue
		}
		n++
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return n >= 2 && caps*4 >= n*3
}

// known reports a word with evidence of being a name: capitalised
// mid-sentence in the body, or in the gazetteer.
func (tc *truecase) known(x *Extractor, w string) bool {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	if tc.mid[w] || innerCapital(w) {
		return true // "CenturyLink", "DataBank": no common word has a capital inside
	}
	if text.Capitals(w, 2, 6) && !org.IsStop(w) {
		return true // "ICG has backed…": an acronym is no common word either
	}
	if tc.unknownLead[w] {
		return true // the first word of a name the body writes with a corporate word
	}
	_, ok := x.gaz.Canonical(w)
	return ok
}

// fix applies truecasing to an unknown candidate m read from capitalised
// words. initial: its first word opens a sentence; headline: it stands in a
// Title Case headline. A headline candidate that holds a body name ("Texas
// Miner Brazos Hash" and "Brazos Hash Corp.") becomes that name; otherwise
// leading words without evidence of a name are dropped (all of a headline
// candidate's, only the first of a sentence-initial one). It returns false
// when nothing is left.
func (tc *truecase) fix(x *Extractor, text string, m org.Mention, initial, headline bool) (org.Mention, bool) {
	if tc == nil || m.Known || !initial && !headline {
		return m, true
	}
	if headline {
		// The first body name, in the order they were found, that either
		// starts with the candidate's words ("Granite Hash Inc.": the
		// candidate stays) or is their tail ("Texas Miner Brazos Hash" is
		// "Brazos Hash").
		pre, okPre := tc.prefixAt[m.Text]
		suf, okSuf := -1, false
		for k := strings.IndexByte(m.Text, ' '); k >= 0; k = nextSpace(m.Text, k) {
			if i, ok := tc.nameAt[m.Text[k+1:]]; ok && (!okSuf || i < suf) {
				suf, okSuf = i, true
			}
		}
		if okPre && (!okSuf || pre < suf) {
			return m, true // the body's "Granite Hash Inc."
		}
		if okSuf {
			b := tc.names[suf]
			off := len(m.Text) - len(b.Name)
			return org.Mention{Name: b.Name, Text: m.Text[off:], Span: [2]int{m.Span[0] + off, m.Span[1]}, Known: b.Known, Role: b.Role}, true
		}
	}
	ws := strings.Fields(m.Text)
	if len(ws) > 1 && corporateWord(ws[len(ws)-1]) {
		return m, true // "Annual Capital Partners": a company suffix makes the name
	}
	if rest := text[m.Span[1]:]; !headline && !dateOrLead(ws) && (strings.HasPrefix(rest, ", a ") || strings.HasPrefix(rest, ", an ")) && appositiveCompany(rest[2:]) {
		return m, true // "Polarise, a cloud provider based in Berlin, has…": described as a company
	}
	if !headline && len(ws) >= 2 && dealVerbNext(text[m.Span[1]:]) && !dateOrLead(ws) {
		// "Peak 10 acquired ViaWest", "United Internet acquired Strato":
		// capitalised words opening a sentence on a deal verb name the
		// company that makes the deal.
		return m, true
	}
	drop := 0
	for drop < len(ws) && !tc.known(x, strings.Trim(ws[drop], ",.")) {
		drop++
		if !headline {
			// "On March 3 NorthLink…": a date after the first word goes too.
			for drop < len(ws) && (dateOrLead(ws[drop:drop+1]) || digitsOnly(strings.Trim(ws[drop], ",."))) {
				drop++
			}
			break
		}
	}
	if drop == 0 {
		return m, true
	}
	if drop == len(ws) {
		return org.Mention{}, false
	}
	rest := ws[drop:]
	if len(rest) == 1 && org.IsStop(rest[0]) || org.OnlyStopOrPlace(rest) {
		return org.Mention{}, false
	}
	off := strings.Index(m.Text, rest[0])
	cut := org.Mention{Text: m.Text[off:], Span: [2]int{m.Span[0] + off, m.Span[1]}}
	cut.Name = strings.Join(strings.Fields(cut.Text), " ")
	if m.Name != "" && strings.HasPrefix(m.Text, m.Name) && len(m.Name) > off {
		cut.Name = m.Name[off:] // the trimmed name (legal form dropped)
	}
	if org.IsStop(cut.Name) {
		return org.Mention{}, false
	}
	if name, ok := x.gaz.Canonical(cut.Name); ok {
		cut.Name, cut.Known = name, true
	}
	return cut, true
}

// corporateWord reports a word that ends a company's name (Inc., Capital,
// Partners…).
func corporateWord(w string) bool {
	switch strings.ToLower(strings.Trim(w, ".,")) {
	case "inc", "corp", "corporation", "ltd", "llc", "lp", "plc", "limited", "holdings", "capital", "partners",
		"technologies", "group", "labs", "bank", "infrastructure", "ventures", "management", "fund", "mining",
		"ag", "gmbh", "co", "company", "investments", "advisors", "industries", "resources", "asa", "ab":
		return true
	}
	return false
}

// inHeadline reports a position inside a Title Case headline.
func (d *doc) inHeadline(pos int) bool {
	for _, h := range d.headline {
		if pos >= h[0] && pos < h[1] {
			return true
		}
	}
	return false
}

// innerCapital reports a word with a capital after a lower-case letter
// (CenturyLink, DataBank, AustralianSuper): a name's spelling, never a
// common word's. All-capital words (AI, HPC) do not count.
func innerCapital(w string) bool {
	for i := 1; i < len(w); i++ {
		if w[i] >= 'A' && w[i] <= 'Z' && w[i-1] >= 'a' && w[i-1] <= 'z' {
			return true
		}
	}
	return false
}

// dealVerbs are the verbs a company opens a deal sentence with.
var dealVerbs = []string{"acquired", "acquires", "buys", "bought", "signed", "signs", "raised", "raises", "sold", "sells",
	"agreed", "completed", "closed", "secured", "secures", "entered", "leased", "leases", "purchased", "purchases",
	"acquire", "buy", "sign", "raise", "sell", "agree", "complete", "close", "secure", "enter", "lease", "purchase",
	"partnered", "invested", "inked", "inks", "ink", "formed", "form", "invest", "partner"}

// dealVerbAux are what may stand between a name and its deal verb ("Legacy
// Investing has entered into", "Harbor Data will acquire").
var dealVerbAux = []string{"has also ", "have also ", "has ", "have ", "had ", "will ", "would ", "also ", "is to ", "plans to ", "agreed to "}

// dealVerbNext reports one of dealVerbs right after a name (a space, then
// the verb, perhaps after an auxiliary).
func dealVerbNext(rest string) bool {
	rest = strings.TrimPrefix(rest, " ")
	for _, a := range dealVerbAux {
		if len(rest) >= len(a) && strings.EqualFold(rest[:len(a)], a) {
			rest = rest[len(a):]
			break
		}
	}
	head := strings.ToLower(rest[:min(len(rest), 16)]) // the verb only: never the rest of the text
	for _, v := range dealVerbs {
		if strings.HasPrefix(head, v+" ") {
			return true
		}
	}
	return false
}

// dateOrLead reports words that open a sentence without naming anything:
// a preposition or article, a month or a weekday ("On March 3 NorthLink
// signed…" names NorthLink, not "On March 3 NorthLink").
func dateOrLead(ws []string) bool {
	for _, w := range ws {
		switch strings.ToLower(strings.Trim(w, ".,")) {
		case "on", "in", "at", "by", "after", "before", "since", "from", "for", "the", "a", "an", "last", "this", "next", "earlier", "later",
			"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
			"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
			"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
			return true
		}
	}
	return false
}

// digitsOnly reports a non-empty run of ASCII digits.
func digitsOnly(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}
