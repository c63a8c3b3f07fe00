package eval

import (
	"fmt"
	"math"
	"strings"
	"testing"
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
}

// nameKey is the comparison key of a party name: NFKC, lower case, without
// spaces, punctuation and legal forms (Inc., Corp., 株式会社, (株)…).
func nameKey(s string) string {
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

// aliases maps the key of every known spelling to the key of its group.
type aliases map[string]string

// newAliases builds the alias table; a spelling in two groups is an error.
func newAliases(groups [][]string) (aliases, error) {
	a := aliases{}
	for _, g := range groups {
		if len(g) == 0 {
			continue
		}
		head := nameKey(g[0])
		for _, name := range g {
			k := nameKey(name)
			if prev, ok := a[k]; ok && prev != head {
				return nil, fmt.Errorf("%q is in groups %q and %q", name, prev, head)
			}
			a[k] = head
		}
	}
	return a, nil
}

// canon is the canonical key of a name.
func (a aliases) canon(name string) string {
	k := nameKey(name)
	if g, ok := a[k]; ok {
		return g
	}
	return k
}

// same reports whether the predicted name got is one of the "|"-separated
// spellings in want.
func (a aliases) same(want, got string) bool {
	g := a.canon(got)
	if g == "" {
		return false
	}
	for _, w := range strings.Split(want, "|") {
		if a.canon(w) == g {
			return true
		}
	}
	return false
}

// partiesMatch: both parties match in either order; a null expected
// counterparty matches anything.
func (a aliases) partiesMatch(w wantDeal, d pipeline.Deal) bool {
	c, p := d.Company, string(d.Counterparty)
	cp := func(x string) bool { return w.Counterparty == nil || (x != "" && a.same(*w.Counterparty, x)) }
	return (a.same(w.Company, c) && cp(p)) || (p != "" && a.same(w.Company, p) && cp(c))
}

// amountMatch: an expected null amount matches anything; otherwise the same
// currency and a value (or the upper bound of a range) within 1%.
func amountMatch(w wantDeal, d pipeline.Deal) bool {
	if w.Amount == nil {
		return true
	}
	if d.Amount == nil || !strings.EqualFold(d.Amount.Currency, *w.Currency) {
		return false
	}
	near := func(v float64) bool { return math.Abs(v-*w.Amount) <= 0.01*math.Abs(*w.Amount) }
	return near(d.Amount.Value) || (d.Amount.Max != 0 && near(d.Amount.Max))
}

// matches reports whether prediction d matches expectation w.
func (a aliases) matches(w wantDeal, d pipeline.Deal) bool {
	return a.partiesMatch(w, d) && amountMatch(w, d)
}

// assign pairs expected deals with predicted ones, each used at most once,
// maximising the number of pairs (bipartite matching by augmenting paths).
// It returns, for each expected deal, the index of its prediction or -1.
func (a aliases) assign(want []wantDeal, got []pipeline.Deal) []int {
	ok := make([][]bool, len(want))
	for i, w := range want {
		ok[i] = make([]bool, len(got))
		for j, d := range got {
			ok[i][j] = a.matches(w, d)
		}
	}
	owner := make([]int, len(got)) // prediction → expected, or -1
	for j := range owner {
		owner[j] = -1
	}
	var try func(i int, seen []bool) bool
	try = func(i int, seen []bool) bool {
		for j := range got {
			if !ok[i][j] || seen[j] {
				continue
			}
			seen[j] = true
			if owner[j] < 0 || try(owner[j], seen) {
				owner[j] = i
				return true
			}
		}
		return false
	}
	for i := range want {
		try(i, make([]bool, len(got)))
	}
	pair := make([]int, len(want))
	for i := range pair {
		pair[i] = -1
	}
	for j, i := range owner {
		if i >= 0 {
			pair[i] = j
		}
	}
	return pair
}

// tally counts true positives, false positives and false negatives.
type tally struct{ tp, fp, fn, kindOK int }

// add accumulates another tally.
func (t *tally) add(o tally) { t.tp += o.tp; t.fp += o.fp; t.fn += o.fn; t.kindOK += o.kindOK }

// precision is tp/(tp+fp), 1 when nothing was predicted.
func (t tally) precision() float64 {
	if t.tp+t.fp == 0 {
		return 1
	}
	return float64(t.tp) / float64(t.tp+t.fp)
}

// recall is tp/(tp+fn), 1 when nothing was expected.
func (t tally) recall() float64 {
	if t.tp+t.fn == 0 {
		return 1
	}
	return float64(t.tp) / float64(t.tp+t.fn)
}

// f1 is the harmonic mean of precision and recall.
func (t tally) f1() float64 {
	p, r := t.precision(), t.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// String prints the tally as one line of the score table.
func (t tally) String() string {
	return fmt.Sprintf("P=%.2f R=%.2f F1=%.2f (tp=%d fp=%d fn=%d, kind right on %d/%d matches)",
		t.precision(), t.recall(), t.f1(), t.tp, t.fp, t.fn, t.kindOK, t.tp)
}

func ptr[T any](v T) *T { return &v }

func TestNameKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hut 8 Corp.", "hut8"},
		{"Soluna Holdings, Inc.", "solunaholdings"},
		{"IREN Limited", "iren"},
		{"Co", "co"},
		{"株式会社アオバデータセンター", "アオバデータセンター"},
		{"みちのくパワー(株)", "みちのくパワー"},
		{"マッコーリー・グループ", "マッコーリーグループ"},
		{"ＴｅｒａＷｕｌｆ", "terawulf"},
		{"アジャイルエナジーX社", "アジャイルエナジーx"},
		{"双日", "双日"},
		{"Hydra Energia S.A.", "hydraenergia"},
		{"Arvika Digital AB", "arvikadigital"},
		{"U.S. Bancorp", "usbancorp"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := nameKey(tt.in); got != tt.want {
				t.Errorf("nameKey(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestAssign(t *testing.T) {
	a, err := newAliases([][]string{{"Google", "グーグル"}, {"Cipher Mining", "Cipher Digital"}})
	if err != nil {
		t.Fatal(err)
	}
	usd := func(v float64) *pipeline.Amount { return &pipeline.Amount{Value: v, Currency: "USD"} }
	want := []wantDeal{
		{Company: "Cipher Mining", Counterparty: ptr("Google"), Amount: ptr(1.4e9), Currency: ptr("USD")},
		{Company: "Cipher Mining", Counterparty: ptr("Google")},
		{Company: "Cipher Mining", Amount: ptr(7e8), Currency: ptr("USD")},
	}
	tests := []struct {
		name string
		got  []pipeline.Deal
		want []int
	}{
		{"none", nil, []int{-1, -1, -1}},
		{"reversed parties and alias", []pipeline.Deal{{Company: "グーグル", Counterparty: "Cipher Digital", Amount: usd(1.4e9)}}, []int{0, -1, -1}},
		{"one prediction used once", []pipeline.Deal{{Company: "Cipher Digital", Counterparty: "Google", Amount: usd(1.4e9)}, {Company: "cipher digital", Counterparty: "グーグル"}}, []int{0, 1, -1}},
		{"augmenting path", []pipeline.Deal{{Company: "Cipher Mining", Counterparty: "Google"}, {Company: "Cipher Mining", Counterparty: "Google", Amount: usd(1.4e9)}}, []int{1, 0, -1}},
		{"amount within 1%", []pipeline.Deal{{Company: "Cipher Mining", Amount: usd(7.05e8)}}, []int{-1, -1, 0}},
		{"amount off by 2%", []pipeline.Deal{{Company: "Cipher Mining", Amount: usd(7.15e8)}}, []int{-1, -1, -1}},
		{"wrong currency", []pipeline.Deal{{Company: "Cipher Mining", Amount: &pipeline.Amount{Value: 7e8, Currency: "JPY"}}}, []int{-1, -1, -1}},
		{"null counterparty matches a named one", []pipeline.Deal{{Company: "Cipher Mining", Counterparty: "Morgan Stanley", Amount: usd(7e8)}}, []int{-1, -1, 0}},
		{"named counterparty needs one", []pipeline.Deal{{Company: "Cipher Mining", Amount: usd(1.4e9)}}, []int{-1, -1, -1}},
		{"other company", []pipeline.Deal{{Company: "IREN", Counterparty: "Google", Amount: usd(1.4e9)}}, []int{-1, -1, -1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := a.assign(want, tt.got)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("assign = %v, want %v", got, tt.want)
			}
		})
	}
}
