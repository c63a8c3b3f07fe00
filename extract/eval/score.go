package eval

import (
	"fmt"
	"math"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/kozan-dev/kozan/pipeline"
)

// legalWords are trailing English legal forms dropped before comparing names.
var legalWords = map[string]bool{
	"inc": true, "incorporated": true, "corp": true, "corporation": true,
	"ltd": true, "limited": true, "llc": true, "plc": true, "co": true,
	"ag": true, "sa": true, "gmbh": true, "nv": true,
	"ab": true, "asa": true, "bv": true, "spa": true, "srl": true, "ltda": true,
	// The forms the extractor drops too (extract/org): partnerships, the
	// Nordic, Singaporean, Malaysian, Australian and Japanese ones, and a
	// US bank's N.A.
	"lp": true, "llp": true, "oy": true, "oyj": true, "se": true, "sas": true, "sarl": true, "aps": true,
	"pty": true, "pte": true, "bhd": true, "sdn": true, "kk": true, "na": true,
}

// NameKey is the comparison key of a party name: NFKC, lower case, without
// spaces, punctuation and legal forms (Inc., Corp., 株式会社, (株)…).
func NameKey(s string) string {
	s = strings.ToLower(norm.NFKC.String(s))
	for _, jp := range []string{"株式会社", "(株)", "(有)", "有限会社", "合同会社"} {
		s = strings.ReplaceAll(s, jp, " ")
	}
	// "S.A.", "N.V.": drop the dots so abbreviated legal forms are one word.
	s = strings.ReplaceAll(s, ".", "")
	words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for len(words) > 1 && legalWords[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	k := strings.Join(words, "")
	// 「…社」 as in 「アジャイルエナジーX社」: the counter, not the name.
	if r := []rune(k); len(r) > 3 && r[len(r)-1] == '社' {
		k = string(r[:len(r)-1])
	}
	return k
}

// Options configure a Scorer. The zero value scores by ANNOTATION.md.
type Options struct {
	// Aliases are groups of spellings of one party (the first is the
	// group's key), added to the spellings each record lists.
	Aliases [][]string
	// NullMatchesAny makes a gold counterparty of null match any predicted
	// counterparty. ANNOTATION.md says it matches only a predicted null;
	// the team's older written sets were annotated under this looser rule.
	NullMatchesAny bool
}

// Scorer matches predicted deals to an answer key.
type Scorer struct {
	groups   map[string]string // key of a spelling → key of its group
	nullsAny bool
}

// NewScorer builds a Scorer; a spelling in two alias groups is an error.
func NewScorer(opt Options) (*Scorer, error) {
	s := &Scorer{groups: map[string]string{}, nullsAny: opt.NullMatchesAny}
	for _, g := range opt.Aliases {
		if len(g) == 0 {
			continue
		}
		head := NameKey(g[0])
		for _, name := range g {
			k := NameKey(name)
			if prev, ok := s.groups[k]; ok && prev != head {
				return nil, fmt.Errorf("alias %q is in groups %q and %q", name, prev, head)
			}
			s.groups[k] = head
		}
	}
	return s, nil
}

// canon is the canonical key of a name.
func (s *Scorer) canon(name string) string {
	k := NameKey(name)
	if g, ok := s.groups[k]; ok {
		return g
	}
	return k
}

// spellings are the keys a gold party name accepts: the name ("|" separates
// alternatives), the deal's aliases for it and the record's company aliases.
func (s *Scorer) spellings(rec *Record, name string, aliases []string) map[string]bool {
	out := map[string]bool{}
	add := func(n string) {
		if k := s.canon(n); k != "" {
			out[k] = true
		}
	}
	for _, n := range strings.Split(name, "|") {
		add(n)
		for _, a := range rec.Companies[n] {
			add(a)
		}
	}
	for _, a := range aliases {
		add(a)
	}
	return out
}

// goldParties holds a gold deal's accepted spellings.
type goldParties struct {
	company, counterparty map[string]bool // counterparty nil: none named
}

func (s *Scorer) parties(rec *Record, g GoldDeal) goldParties {
	p := goldParties{company: s.spellings(rec, g.Company, g.CompanyAliases)}
	if g.Counterparty != nil {
		p.counterparty = s.spellings(rec, *g.Counterparty, g.CounterpartyAliases)
	}
	return p
}

// partiesMatch: the two parties match in either order; a gold null
// counterparty matches a predicted null only (unless NullMatchesAny).
func (s *Scorer) partiesMatch(gp goldParties, d pipeline.Deal) bool {
	c, p := s.canon(d.Company), ""
	if d.Counterparty != "" {
		p = s.canon(string(d.Counterparty))
	}
	if gp.counterparty == nil {
		if s.nullsAny {
			return gp.company[c] || (p != "" && gp.company[p])
		}
		return p == "" && gp.company[c]
	}
	return p != "" && (gp.company[c] && gp.counterparty[p] || gp.company[p] && gp.counterparty[c])
}

// amountHits reports whether a predicted amount (its value, or the upper
// bound of a range) is within 1% of v in the same currency.
func amountHits(a *pipeline.Amount, v float64, cur string) bool { return figureNear(a, v, cur, 0.01) }

// figureNear reports whether a's value or upper bound is within tol (a
// fraction) of v in the same currency, compared by size: a loss written
// "-$0.49" is the figure 0.49.
func figureNear(a *pipeline.Amount, v float64, cur string, tol float64) bool {
	if a == nil || !strings.EqualFold(a.Currency, cur) {
		return false
	}
	if v == 0 {
		return a.Value == 0 && a.Max == 0 // "0.00円": a zero matches only a zero, not every amount without a range
	}
	close := func(x float64) bool { return x != 0 && math.Abs(math.Abs(x)-math.Abs(v)) <= tol*math.Abs(v) }
	return close(a.Value) || close(a.Max)
}

// amountMatch: a gold null amount matches anything; otherwise the predicted
// amount is within 1% of the gold amount or of one of its other values.
func amountMatch(g GoldDeal, d pipeline.Deal) bool {
	if g.Amount == nil {
		return true
	}
	if amountHits(d.Amount, *g.Amount, deref(g.Currency)) {
		return true
	}
	for _, o := range g.OtherValues {
		if amountHits(d.Amount, o.Amount, o.Currency) {
			return true
		}
	}
	return false
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// Tally counts matches.
type Tally struct {
	Excerpts int `json:"excerpts"`
	TP       int `json:"tp"`
	FP       int `json:"fp"`
	FN       int `json:"fn"`
	KindOK   int `json:"kind_ok"` // matches whose kind is right too
}

// Add accumulates another tally.
func (t *Tally) Add(o Tally) {
	t.Excerpts += o.Excerpts
	t.TP += o.TP
	t.FP += o.FP
	t.FN += o.FN
	t.KindOK += o.KindOK
}

// Precision is tp/(tp+fp), 1 when nothing was predicted.
func (t Tally) Precision() float64 { return ratio(t.TP, t.TP+t.FP) }

// Recall is tp/(tp+fn), 1 when nothing was expected.
func (t Tally) Recall() float64 { return ratio(t.TP, t.TP+t.FN) }

// KindAccuracy is the share of matches whose kind is right, 1 with none.
func (t Tally) KindAccuracy() float64 { return ratio(t.KindOK, t.TP) }

// F1 is the harmonic mean of precision and recall.
func (t Tally) F1() float64 {
	p, r := t.Precision(), t.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// String prints the tally on one line.
func (t Tally) String() string {
	return fmt.Sprintf("P=%.2f R=%.2f F1=%.2f (tp=%d fp=%d fn=%d, kind right on %d/%d matches)",
		t.Precision(), t.Recall(), t.F1(), t.TP, t.FP, t.FN, t.KindOK, t.TP)
}

// ErrorClass names what went wrong with a deal.
type ErrorClass string

// Error classes, in the order reports list them. WrongAmount costs a false
// positive and a miss; WrongKind costs nothing in precision and recall.
const (
	WrongParty  ErrorClass = "wrong_party"     // a predicted deal whose parties match no gold deal: invented or wrong party
	WrongAmount ErrorClass = "wrong_amount"    // right parties, wrong or missing amount
	NotDeal     ErrorClass = "not_deal_figure" // the predicted amount is one of the record's not_deals figures
	Duplicate   ErrorClass = "duplicate"       // the parties of a deal already found, reported again with another figure
	Missed      ErrorClass = "missed"          // a gold deal nothing matched
	WrongKind   ErrorClass = "wrong_kind"      // matched, with another kind
)

// ErrorClasses lists the classes in report order.
var ErrorClasses = []ErrorClass{WrongParty, WrongAmount, NotDeal, Duplicate, Missed, WrongKind}

// Error is one scoring error.
type Error struct {
	Record string         `json:"record"`
	Lang   string         `json:"lang"`
	Split  string         `json:"split,omitempty"`
	Class  ErrorClass     `json:"class"`
	Gold   *GoldDeal      `json:"gold,omitempty"`
	Got    *pipeline.Deal `json:"got,omitempty"`
	// Evidence is the sentence behind the error: the prediction's evidence,
	// else the gold deal's.
	Evidence string `json:"evidence,omitempty"`
	// What explains a not_deals match.
	What string `json:"what,omitempty"`
}

// ItemScore is the score of one record.
type ItemScore struct {
	Tally  Tally
	Pair   []int // for each gold deal, the index of its prediction or -1
	Errors []Error
}

// Score matches the predicted deals of one record to its gold deals, one to
// one and as many pairs as possible, and classifies every error.
func (s *Scorer) Score(rec Record, got []pipeline.Deal) ItemScore {
	gps := make([]goldParties, len(rec.Deals))
	partyOK := make([][]bool, len(rec.Deals))
	ok := make([][]bool, len(rec.Deals))
	pref := make([][]int, len(rec.Deals))
	for i, g := range rec.Deals {
		gps[i] = s.parties(&rec, g)
		partyOK[i] = make([]bool, len(got))
		ok[i] = make([]bool, len(got))
		pref[i] = make([]int, len(got))
		for j, d := range got {
			partyOK[i][j] = s.partiesMatch(gps[i], d)
			ok[i][j] = partyOK[i][j] && amountMatch(g, d)
			if g.Amount != nil {
				pref[i][j] += 2 // an amount matched, not only allowed
			}
			if string(d.Kind) == g.Kind {
				pref[i][j]++
			}
		}
	}
	pair := assign(ok, pref, len(got))
	res := ItemScore{Pair: pair, Tally: Tally{Excerpts: 1}}
	used := make([]bool, len(got))
	found := make([]bool, len(rec.Deals))
	newErr := func(c ErrorClass, gi, dj int) Error {
		e := Error{Record: rec.ID, Lang: rec.Lang, Split: rec.Split, Class: c}
		if gi >= 0 {
			g := rec.Deals[gi]
			e.Gold = &g
			e.Evidence = g.Evidence
		}
		if dj >= 0 {
			d := got[dj]
			e.Got = &d
			e.Evidence = d.Evidence
		}
		return e
	}
	for i, j := range pair {
		if j < 0 {
			continue
		}
		used[j], found[i] = true, true
		res.Tally.TP++
		if string(got[j].Kind) == rec.Deals[i].Kind {
			res.Tally.KindOK++
		} else {
			res.Errors = append(res.Errors, newErr(WrongKind, i, j))
		}
	}
	missedBy := map[int]int{} // gold → unmatched prediction with its parties
	for j, d := range got {
		if used[j] {
			continue
		}
		res.Tally.FP++
		if f, hit := notDealFigure(rec, d); hit {
			e := newErr(NotDeal, -1, j)
			e.What = f.What + f.Why
			res.Errors = append(res.Errors, e)
			continue
		}
		gi, dup := -1, false
		for i := range rec.Deals {
			if !partyOK[i][j] {
				continue
			}
			if !found[i] {
				if _, taken := missedBy[i]; !taken {
					gi = i
					break
				}
			}
			dup = true
		}
		switch {
		case gi >= 0:
			missedBy[gi] = j
			res.Errors = append(res.Errors, newErr(WrongAmount, gi, j))
		case dup:
			res.Errors = append(res.Errors, newErr(Duplicate, -1, j))
		default:
			res.Errors = append(res.Errors, newErr(WrongParty, -1, j))
		}
	}
	for i := range rec.Deals {
		if found[i] {
			continue
		}
		res.Tally.FN++
		if _, ok := missedBy[i]; !ok {
			res.Errors = append(res.Errors, newErr(Missed, i, -1))
		}
	}
	return res
}

// notDealFigure finds the not_deals figure a predicted amount equals.
func notDealFigure(rec Record, d pipeline.Deal) (Figure, bool) {
	for _, f := range rec.NotDeals {
		if amountHits(d.Amount, f.Amount, f.Currency) {
			return f, true
		}
	}
	return Figure{}, false
}

// assign pairs gold deals with predictions, each used at most once: as
// many pairs as possible and, among the ways to get that many, the one
// with the most exact pairs (pref: a gold amount matched, the same kind).
// It returns, for each gold deal, the index of its prediction or -1.
func assign(ok [][]bool, pref [][]int, nGot int) []int {
	n := len(ok)
	pair := make([]int, n)
	for i := range pair {
		pair[i] = -1
	}
	if n == 0 || nGot == 0 {
		return pair
	}
	// Maximum-weight matching (Hungarian algorithm, minimising cost on a
	// square matrix): a pair is worth far more than any preference, so the
	// number of pairs is maximal first.
	size := max(n, nGot)
	const big = 1 << 20
	cost := make([][]int, size+1)
	for i := range cost {
		cost[i] = make([]int, size+1)
	}
	for i := 0; i < n; i++ {
		for j := 0; j < nGot; j++ {
			if ok[i][j] {
				cost[i+1][j+1] = -(big + pref[i][j])
			}
		}
	}
	u, v := make([]int, size+1), make([]int, size+1)
	p, way := make([]int, size+1), make([]int, size+1)
	for i := 1; i <= size; i++ {
		p[0] = i
		j0 := 0
		minv := make([]int, size+1)
		used := make([]bool, size+1)
		for j := range minv {
			minv[j] = int(^uint(0) >> 1)
		}
		for {
			used[j0] = true
			i0, delta, j1 := p[j0], int(^uint(0)>>1), 0
			for j := 1; j <= size; j++ {
				if used[j] {
					continue
				}
				if cur := cost[i0][j] - u[i0] - v[j]; cur < minv[j] {
					minv[j], way[j] = cur, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= size; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for j0 != 0 {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
		}
	}
	for j := 1; j <= size; j++ {
		if i := p[j]; i >= 1 && i <= n && j <= nGot && ok[i-1][j-1] {
			pair[i-1] = j - 1
		}
	}
	return pair
}
