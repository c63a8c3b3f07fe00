package deal

import (
	"strings"
	"unicode/utf8"

	"github.com/kozan-dev/kozan/pipeline"
)

// Headlines: the title's subject and the deals a headline tells.

// headlineSubject is the company a headline is about: its first subject,
// else its first known miner.
func (x *Extractor) headlineSubject(title string, tc *truecase) (mention, bool) {
	d := x.analyze(title, nil)
	d.tc = tc
	if titleCase(title) {
		d.headline = [][2]int{{0, len(title)}}
	}
	sp := [2]int{0, len(title)}
	isJA := hasJapanese(title)
	ms := x.sentenceMentions(d, sp, isJA)
	if isJA {
		labelJA(title, ms)
	} else {
		labelEN(title, sp, ms)
	}
	if m, ok := sentenceSubject(ms); ok && !m.weak {
		return m, true
	}
	return firstMiner(ms)
}

// bodyHeadlines are the sentences of the body that are lines of their own
// written in Title Case without a closing stop: a headline or a
// subheading given as the text's first line ("Cathedra Bitcoin Announces
// Operations and Corporate Updates") is read as a headline, its
// capitalised words no names without other evidence.
func bodyHeadlines(txt string, sents [][2]int) [][2]int {
	var out [][2]int
	for _, s := range sents {
		line := strings.TrimSpace(txt[s[0]:s[1]])
		if line == "" || s[0] > 0 && txt[s[0]-1] != '\n' || s[1] < len(txt) && txt[s[1]] != '\n' && txt[s[1]] != '\r' {
			continue
		}
		if strings.ContainsAny(line[len(line)-1:], ".!?") || !titleCase(line) {
			continue
		}
		out = append(out, s)
	}
	return out
}

// headlineConj returns the length of a clause conjunction (" as ", " while
// ", " amid ") at the start of s when a capitalised name follows it, or 0.
func headlineConj(s string) int {
	for _, c := range []string{" as ", " while ", " amid ", " after "} {
		if strings.HasPrefix(s, c) && len(s) > len(c) && s[len(c)] >= 'A' && s[len(c)] <= 'Z' {
			return len(c)
		}
	}
	return 0
}

// titleDeals extracts from the headline joined with the first sentence, so a
// deal split across them is found; evidence is the first sentence. A
// headline of several clauses ("A、Bと…契約　Cが…を保証", "A inks … with B;
// C backstops $X") joins only its first clause to the body; each further
// clause is read on its own, after it, with the first clause's subject as
// the topic, so a guarantor of the second clause backs the miner of the
// first and is never paired with the first clause's customer.
func (x *Extractor) titleDeals(title, txt string, sents [][2]int, tc *truecase) []pipeline.Deal {
	ev := [2]int{0, 0}
	first := ""
	if len(sents) > 0 {
		ev = sents[0]
		first = txt[ev[0]:ev[1]]
	}
	if first == title {
		return nil
	}
	clauses := headlineClauses(title)
	syn := clauses[0] + "\n" + first
	spans := [][2]int{{0, len(syn)}}
	for _, c := range clauses[1:] {
		syn += "\n"
		spans = append(spans, [2]int{len(syn), len(syn) + len(c)})
		syn += c
	}
	d := x.analyze(syn, nil)
	d.tc = tc
	if titleCase(title) {
		d.headline = append(d.headline, [2]int{0, len(clauses[0])})
		d.headline = append(d.headline, spans[1:]...) // further clauses follow the body's first sentence
	}
	st := &state{}
	var out []pipeline.Deal
	for _, sp := range spans {
		out = append(out, x.sentence(d, sp, st, nil)...)
	}
	base := len(clauses[0]) + 1
	for i := range out {
		dl := &out[i]
		dl.Evidence = first
		dl.EvidenceSpan = ev
		dl.Confidence = round2(dl.Confidence * 0.9)
		dl.Rule = "title+" + dl.Rule
		if dl.Amount != nil {
			// A copy: deals of one figure (a list's members) share its
			// Amount, which must move into the body's offsets once.
			a := *dl.Amount
			if a.Span[0] >= base && a.Span[1] <= base+len(first) {
				a.Span[0] += ev[0] - base
				a.Span[1] += ev[0] - base
			} else {
				a.Span = ev
			}
			dl.Amount = &a
		}
		if first == "" {
			dl.Evidence = title
		}
	}
	// A deal with an unnamed party stands only with the value the body
	// gives it; the headline pass never sees that sentence.
	kept := out[:0]
	for _, dl := range out {
		if dl.Amount == nil && strings.HasPrefix(dl.Rule, "title+"+pendingRule+"unnamed:") {
			continue
		}
		kept = append(kept, dl)
	}
	return kept
}

// headlineClauses splits a headline into its clauses: at ";" and " | ",
// at "/" next to Japanese, and at a space between two Japanese characters
// (a full-width space normalised), which Japanese headlines use between
// two statements. Spaces inside names ("Together AI", "Hut 8") stay.
func headlineClauses(title string) []string {
	var out []string
	start := 0
	cut := func(a, b int) {
		if c := strings.TrimSpace(title[start:a]); c != "" {
			out = append(out, c)
		}
		start = b
	}
	for i := 0; i < len(title); i++ {
		switch title[i] {
		case ';':
			cut(i, i+1)
		case '|':
			if i > 0 && title[i-1] == ' ' {
				cut(i, i+1)
			}
		case '/':
			if jaBefore(title, i) || jaAfter(title, i+1) {
				cut(i, i+1)
			}
		case ' ':
			if jaBefore(title, i) && jaAfter(title, i+1) {
				cut(i, i+1)
				break
			}
			// "TeraWulf expands Fluidstack deal as Google lifts backstop":
			// a conjunction opens a second clause with its own subject.
			if conj := headlineConj(title[i:]); conj > 0 {
				cut(i, i+conj)
				i += conj - 1
				break
			}
			// "…契約を締結 ― シリーズBで15億円を調達": a dash between clauses.
			for _, dash := range []string{" ― ", " — ", " – ", " - "} {
				if strings.HasPrefix(title[i:], dash) && (jaBefore(title, i) || jaAfter(title, i+len(dash))) {
					cut(i, i+len(dash))
					i += len(dash) - 1
					break
				}
			}
		}
	}
	cut(len(title), len(title))
	if len(out) == 0 {
		return []string{strings.TrimSpace(title)}
	}
	return out
}

func jaBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return isJapaneseRune(r) && r != '・'
}

func jaAfter(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isJapaneseRune(r) && r != '・'
}
