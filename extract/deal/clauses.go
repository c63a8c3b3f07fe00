package deal

// Clauses and zones within a sentence, in English and Japanese, and lists of
// parties that make a figure a sum.

import (
	"strings"

	"github.com/kozan-dev/kozan/pipeline"
)

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

// enClauseBreaks start a new English clause with its own subject or verb
// ("…, and Nvidia agreed to…", "…; Google backstops…", "… and receive
// warrants…").
var enClauseBreaks = []string{"; ", ", and ", ", while ", ", whereas ", ", where ", " and receive ", " and receives ",
	" and will ", " and agreed ", " and signed ", " and sold ", " and take ", " and get ", " and separately ", " and also "}

// andVerbs are deal verbs that open a coordinated clause after "and".
var andVerbs = []string{"signed", "agreed", "inked", "struck", "entered", "sold", "bought", "raised", "secured",
	"closed", "acquired", "will", "also", "separately", "plans", "signs", "agrees", "sells", "buys", "raises", "secures"}
