package deal

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/kozan-dev/kozan/extract/text"
	"github.com/kozan-dev/kozan/pipeline"
)

// ja is the lang of Japanese sentences: roles from particles, clauses
// bounded by 、 and linking forms, counterparties before the amount.
type ja struct{}

func (ja) maxDist() int { return maxDistJA }

func (ja) read(txt string, sp [2]int, ms []mention, cues []cue) []cue {
	labelJA(txt, ms)
	cues = dropRelativeCues(txt, ms, cues)
	return dropUnderwriting(txt, cues)
}

func (ja) genericSubject(lower string) bool {
	for _, g := range []string{"採掘企業は", "採掘企業が", "各社は", "各社が", "業界は", "市場は", "投資家は", "アナリストは",
		"マイナーは", "企業は", "企業が", "事業者は", "彼らは", "彼らが"} {
		if strings.Contains(lower, g) {
			return true
		}
	}
	return false
}

// elidedSubject is false: a Japanese sentence without a subject is the
// rule, and readTopic keeps the miner told before for it already.
func (ja) elidedSubject(string) bool { return false }

// jaZoneBreaks end a clause that may hold a deal of its own: "…に5,600万ドル
// で売却し、…から3,000万ドルの融資を受けた" tells two deals.
var jaZoneBreaks = []string{"し、", "、また", "。また", "ほか、", "一方、", "一方で"}

func (ja) zoneClause(txt string, lo, hi int, a pipeline.Amount, before, after bool) (int, int) {
	return cutAt(txt, lo, hi, a, before, after, jaZoneBreaks)
}

// amountClause is the comma clause around the amount.
func (ja) amountClause(txt string, a pipeline.Amount, lo, hi int) (int, int, bool) {
	if k := strings.LastIndex(txt[lo:a.Span[0]], "、"); k >= 0 {
		lo += k + len("、")
	}
	if k := strings.Index(txt[a.Span[1]:hi], "、"); k >= 0 {
		hi = a.Span[1] + k
	}
	return lo, hi, true
}

// clauseAround is the text between the commas around the deal word; a
// clause without a name reaches back one comma.
func (ja) clauseAround(txt string, sp [2]int, c cue) (int, int) {
	lo := commaOutside(txt[sp[0]:c.start], true)
	if lo < 0 {
		lo = sp[0]
	} else {
		lo += sp[0] + len("、")
		// Reach back over a short lead-in ("また、", "昨年11月、").
		if c.start-lo < 6 {
			if k := commaOutside(txt[sp[0]:lo-len("、")], true); k >= 0 {
				lo = sp[0] + k + len("、")
			} else {
				lo = sp[0]
			}
		}
	}
	// "…MARAと、…の基本合意書を締結": a clause ending on a counterparty
	// particle continues into the next one, also over clauses between
	// that end on a verb's continuative form (「Yと、ガスを使用し、…契約を
	// 締結」: Y is the partner of the verb at the end).
	for lo > sp[0] {
		prev := strings.TrimSuffix(txt[sp[0]:lo], "、")
		if len(prev) == lo-sp[0] {
			break
		}
		if !endsWithCPParticle(prev) {
			back, ok := overContinuative(txt, sp[0], lo)
			if !ok {
				break
			}
			lo = back
			continue
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
	hi := commaOutside(txt[c.end:sp[1]], false)
	if hi < 0 {
		hi = sp[1]
	} else {
		hi += c.end
	}
	return lo, hi
}

// overContinuative returns the start of the clause before lo when the
// clause ending at lo ends on a verb's continuative form (し、, して、, り、)
// and an earlier clause of the sentence, at most two back, ends on a
// counterparty particle: the partner named there belongs to the verb
// after lo. ok is false otherwise.
func overContinuative(txt string, start, lo int) (int, bool) {
	at := lo
	for n := 0; n < 2; n++ {
		prev := strings.TrimSuffix(txt[start:at], "、")
		if len(prev) == at-start || !text.HasAnySuffix(prev, "し", "して", "り", "って", "いて") {
			return 0, false
		}
		k := commaOutside(prev, true)
		if k < 0 {
			return 0, false
		}
		if endsWithCPParticle(prev[:k]) {
			return start + k + len("、"), true
		}
		at = start + k + len("、")
	}
	return 0, false
}

// commaOutside is the offset of the first (or, with last, the last) 、 of
// s outside brackets, or -1: 「資産をAllied Properties REIT(以下、Allied社)
// から買収」 — the 、 of a definition or a profile in brackets ends no
// clause.
func commaOutside(s string, last bool) int {
	// Read backwards: a bracket opened before s began and closed inside
	// it (「((本社:…、…)」 typed twice) still hides its commas.
	depth, at := 0, -1
	for i := len(s); i > 0; {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		i -= n
		switch r {
		case ')':
			depth++
		case '(':
			if depth > 0 {
				depth--
			}
		case '、':
			if depth == 0 {
				if last {
					return i
				}
				at = i
			}
		}
	}
	return at
}

// cpCost: Japanese names the counterparty before the amount
// ("Bと…Xドルの契約").
func (ja) cpCost(m *mention, pos int) int {
	if m.Span[1] <= pos {
		return pos - m.Span[1]
	}
	return m.Span[0] - pos + 1<<20
}

// sumBlocks: 累計/累積 add up everything raised to date, never one deal;
// 総額 is a deal's total value unless several companies are summed.
func (ja) sumBlocks(txt string, c cue, a pipeline.Amount, lo, hi, td int) bool {
	return c.w.s == "累計" || c.w.s == "累積" || pluralJA(txt[lo:hi])
}

// dropUnderwriting removes 引き受け when a lender underwrites a loan or
// bonds (Xが引き受ける20億ドルの融資): the deal is the loan, not shares.
func dropUnderwriting(txt string, cues []cue) []cue {
	out := cues[:0:0]
	for _, c := range cues {
		if c.w.kind == pipeline.KindEquity && strings.HasPrefix(c.w.s, "引") && strings.HasSuffix(txt[:c.start], "が") && loanAfter(txt[c.start:]) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// dropRelativeCues removes the deal words of relative clauses that only
// describe a company (グーグルが出資する英AIクラウドのX: 出資 is no deal
// of this sentence).
func dropRelativeCues(txt string, ms []mention, cues []cue) []cue {
	var at []int
	for _, m := range ms {
		p := afterMention(txt, m.Span[1])
		if m.label == lPoss && strings.HasPrefix(txt[p:], "が") && relativeClause(txt[p+len("が"):]) {
			at = append(at, p+len("が"))
		}
	}
	if len(at) == 0 {
		return cues
	}
	out := make([]cue, 0, len(cues))
	for _, c := range cues {
		drop := false
		for _, a := range at {
			if c.start == a {
				drop = true
			}
		}
		if !drop {
			out = append(out, c)
		}
	}
	return out
}

// endsWithCPParticle reports Japanese text ending on a counterparty
// particle ("Xと", "Xとの間で", "Xに対し").
func endsWithCPParticle(s string) bool {
	return text.HasAnySuffix(s, "と", "との間で", "に対し", "に対して", "向けに")
}

// pluralJA reports a Japanese clause that sums over several companies.
func pluralJA(s string) bool {
	if strings.Contains(s, "各社") || strings.Contains(s, "複数社") || strings.Contains(s, "業界全体") {
		return true
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' && strings.HasPrefix(s[i+1:], "社") {
			return true
		}
	}
	return countedFirmsJA.MatchString(s)
}

// countedFirmsJA are two or more companies or deals counted before a sum:
// 「15の公開マイニング企業による…発行総額」「3件の契約の合計」 (「1件の契約」 is one).
var countedFirmsJA = regexp.MustCompile(`(^|[^0-9０-９.])([2-9２-９]|[1-9１-９][0-9０-９]+)(の[^、。0-9]{0,12})?(企業|件|銘柄)`)
