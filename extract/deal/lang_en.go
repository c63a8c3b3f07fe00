package deal

import (
	"slices"
	"strings"

	"github.com/kozan-dev/kozan/extract/text"
	"github.com/kozan-dev/kozan/pipeline"
)

// en is the lang of English sentences: roles from frames and asides,
// clauses bounded by "; " and coordinated deal verbs, counterparties after
// the amount.
type en struct{}

func (en) maxDist() int { return maxDistEN }

func (en) read(txt string, sp [2]int, ms []mention, cues []cue) []cue {
	labelEN(txt, sp, ms)
	plainAsides(txt, sp, ms)
	return cuesOutside(cues, ms)
}

// cuesOutside drops the lexicon's words inside the sentence's names, the
// names read from capitalised words too ("Orion Holdings", "Harbor
// Capital Partners"): the document's pass knew only the listed names. It
// copies cues (a window on the document's) before dropping any.
func cuesOutside(cues []cue, ms []mention) []cue {
	inside := func(c cue) bool {
		for _, m := range ms {
			if m.Span[0] <= c.start && c.end <= m.Span[1] {
				return true
			}
		}
		return false
	}
	if !slices.ContainsFunc(cues, inside) {
		return cues
	}
	return slices.DeleteFunc(slices.Clone(cues), inside)
}

func (en) genericSubject(lower string) bool {
	ws := headFields(lower, 4)
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

func (en) elidedSubject(lower string) bool {
	lower = strings.TrimLeft(lower, "-–—•*· ")
	w, _, _ := strings.Cut(lower, " ")
	return elidedVerbs[w]
}

// elidedVerbs open a highlight or a headline whose subject is the
// article's company: past tenses of deal verbs, never a noun as well
// ("Signed" but not "Deal", "Lease").
var elidedVerbs = map[string]bool{"secured": true, "signed": true, "entered": true, "closed": true,
	"completed": true, "executed": true, "inked": true, "agreed": true, "acquired": true,
	"expanded": true, "extended": true, "raised": true, "won": true, "announced": true}

// enZoneBreaks end a clause that may hold a deal of its own: "…deal with
// Fluidstack; Google backstops $1.4 billion" and "Eaton agreed to acquire
// X for $9.5 billion, while Vertiv is set to absorb Y" tell two deals.
var enZoneBreaks = []string{"; ", ", while ", ", whereas "}

func (en) zoneClause(txt string, lo, hi int, a pipeline.Amount, before, after bool) (int, int) {
	lo, hi = cutAt(txt, lo, hi, a, before, after, enZoneBreaks)
	// "agreed to buy X for $310 million and signed a PPA with Y
	// valued at $240 million": a coordinated verb starts the next
	// deal's clause. So does a headline's second verb after a comma
	// ("Hut 8 expands borrowing capacity with Coinbase to $65 million,
	// acquires natural gas power plants").
	lo, hi = cutAtVerbs(txt, lo, hi, a, before, after, " and ", andVerbs)
	lo, hi = cutAtVerbs(txt, lo, hi, a, before, after, ", ", commaVerbs)
	return lo, hi
}

// andVerbs are deal verbs that open a coordinated clause after "and".
var andVerbs = []string{"signed", "agreed", "inked", "struck", "entered", "sold", "bought", "raised", "secured",
	"closed", "acquired", "will", "also", "separately", "plans", "signs", "agrees", "sells", "buys", "raises", "secures",
	// A pronoun opens a clause of its own subject ("raised $500m in
	// funding and we spoke to a provider called X").
	"we", "they", "he", "she", "i"}

// cutAtVerbs narrows the zone [lo, hi) of amount a to its own clause: the
// last sep+verb before the amount (when before) and the first after it
// (when after) open another clause.
func cutAtVerbs(txt string, lo, hi int, a pipeline.Amount, before, after bool, sep string, verbs []string) (int, int) {
	// opens reports whether the clause text c starts with one of the verbs
	// and a space.
	opens := func(c string) bool {
		for _, v := range verbs {
			if len(c) > len(v) && c[len(v)] == ' ' && c[:len(v)] == v {
				return true
			}
		}
		return false
	}
	if before {
		for end := a.Span[0]; end > lo; {
			k := strings.LastIndex(txt[lo:end], sep)
			if k < 0 {
				break
			}
			if opens(txt[lo+k+len(sep) : a.Span[0]]) {
				lo += k + len(sep)
				break
			}
			end = lo + k
		}
	}
	if after {
		for from := a.Span[1]; from < hi; {
			k := strings.Index(txt[from:hi], sep)
			if k < 0 {
				break
			}
			if opens(txt[from+k+len(sep) : hi]) {
				hi = from + k
				break
			}
			from += k + 1
		}
	}
	return lo, hi
}

// commaVerbs are the present-tense deal verbs a headline strings together
// with commas.
var commaVerbs = []string{"signs", "agrees", "sells", "buys", "raises", "secures", "acquires", "closes", "inks", "strikes",
	"enters", "expands", "completes", "lands", "wins", "launches", "announces"}

// amountClause: the deal words of an English zone are not bound to one
// amount's clause.
func (en) amountClause(txt string, a pipeline.Amount, lo, hi int) (int, int, bool) {
	return lo, hi, false
}

// clauseAround is the clause between enClauseBreaks around the deal word.
func (en) clauseAround(txt string, sp [2]int, c cue) (int, int) {
	return enClause(txt, sp, c.start, c.end)
}

// cpCost: English names the counterparty after the amount ("$X deal
// with B").
func (en) cpCost(m *mention, pos int) int {
	if m.Span[1] <= pos {
		return pos - m.Span[1] + 1<<20
	}
	return m.Span[0] - pos
}

// sumBlocks: a sum word governs the amount, unless it is "total of" and
// the deal word is nearer.
func (en) sumBlocks(txt string, c cue, a pipeline.Amount, lo, hi, td int) bool {
	return c.w.s != "total of" || dist(c, a) < td
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
		if text.HasAnyPrefix(rest, " (a ", " (an ", " (the ") {
			// "Regen Properties LLP (a partnership between A and B) was
			// granted…": the owners in brackets are no party either.
			if e := strings.IndexByte(rest, ')'); e > 0 && ownerAside(strings.ToLower(rest[2:e])) {
				lo, hi := ms[i].Span[1], ms[i].Span[1]+e+(len(txt[ms[i].Span[1]:sp[1]])-len(rest))
				for j := range ms {
					if ms[j].Span[0] >= lo && ms[j].Span[1] <= hi {
						ms[j].label = lPlain
					}
				}
			}
			return
		}
		owner := false
		e := strings.IndexByte(rest[min(2, len(rest)):], ',')
		if text.HasAnyPrefix(rest, ", the ", ", a ", ", an ") {
			// "QTS Data Centers, the Blackstone-owned operator, agreed…",
			// "X Corp., the Hut 8-majority-owned miner co-founded by…":
			// the owner or founder in the appositive is no party.
			if e > 0 {
				owner = ownerAside(strings.ToLower(rest[2 : 2+e]))
			}
			if owner {
				// "American Bitcoin, a new mining operation started by A,
				// B, and C, is merging with…": the founders' list runs to
				// the comma before the verb.
				e = asideVerbComma(rest[2:], e)
			}
		}
		if !owner && !text.HasAnyPrefix(rest, ", which ", ", who ", ", already ", ", itself ", ", whose ") {
			return
		}
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
	if !text.HasAnyPrefix(rest, ", which ", ", whose ", ", already ", ", itself ", ", the ", ", a ", ", an ") {
		return 0, 0, false
	}
	e := strings.IndexByte(rest[2:], ',')
	if e < 0 {
		return 0, 0, false
	}
	if text.HasAnyPrefix(rest, ", the ", ", a ", ", an ") && !ownerAside(strings.ToLower(rest[2:2+e])) {
		return 0, 0, false
	}
	return c, c + 2 + e, true
}

// asideVerbs open the predicate after an appositive: ", is merging with…".
var asideVerbs = []string{", is ", ", was ", ", has ", ", had ", ", will ", ", would ", ", said ", ", says ", ", agreed ", ", announced ",
	", signed ", ", plans ", ", has agreed ", ", entered ", ", reached ", ", struck ", ", completed ", ", closed ", ", raised ", ", secured "}

// asideVerbComma is the offset in s of the comma that ends an appositive
// listing names ("started by A, B, and C, is merging"): the comma before
// the sentence's verb within 200 bytes, else first (the first comma).
func asideVerbComma(s string, first int) int {
	best := -1
	for _, v := range asideVerbs {
		if k := strings.Index(s[:min(len(s), 200)], v); k >= 0 && (best < 0 || k < best) {
			best = k
		}
	}
	if best < first {
		return first
	}
	return best
}

// ownerAside reports an appositive telling who owns, founded or spun off
// the name before it ("the Blackstone-owned operator", "the miner
// co-founded by Eric Trump", "spun out of Bit Digital").
func ownerAside(a string) bool {
	for _, w := range []string{"-owned", " owned by", "-backed", " backed by", "founded by", "-controlled", " controlled by",
		"spun out of", "spun off from", "spun off by", "unit of", "subsidiary of", "arm of", "division of", "affiliate of",
		"spinoff of", "spin-off of", "-led ", "chaired by", "started by", "launched by", "created by", "set up by", "formed by",
		"joint venture between", "jv between", "partnership between", "joint venture of", "venture owned by"} {
		if strings.Contains(a, w) {
			return true
		}
	}
	return false
}

// ownedAside reports an appositive after a name telling its owner (", the
// AI infrastructure unit of X,", ", a Y-backed startup,").
func ownedAside(rest string) bool {
	rest = strings.TrimPrefix(rest, ".")
	if !text.HasAnyPrefix(rest, ", the ", ", a ", ", an ") {
		return false
	}
	e := strings.IndexByte(rest[2:], ',')
	return e > 0 && ownerAside(strings.ToLower(rest[2:2+e]))
}

// enClauseBreaks start a new English clause with its own subject or verb
// ("…, and Nvidia agreed to…", "…; Google backstops…", "… and receive
// warrants…").
var enClauseBreaks = []string{"; ", ", and ", ", while ", ", whereas ", ", where ", " and receive ", " and receives ",
	" and will ", " and agreed ", " and signed ", " and sold ", " and take ", " and get ", " and separately ", " and also ",
	" and we ", " and they ", " and he ", " and she "}

// enClause bounds the English clause around [a,b) within sentence sp.
func enClause(txt string, sp [2]int, a, b int) (int, int) {
	lo, hi := sp[0], sp[1]
	for _, br := range enClauseBreaks {
		// A break " and <verb> " may open on the deal word itself ("…from
		// Nvidia and sold capacity to…"): read up to the verb's end.
		end := a
		if br[0] != ',' && br[0] != ';' {
			end = min(sp[1], a+len(br)-len(" and "))
		}
		if k := strings.LastIndex(txt[sp[0]:end], br); k >= 0 && sp[0]+k+len(br) > lo {
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
