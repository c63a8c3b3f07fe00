package eval

import (
	"fmt"
	"testing"

	"github.com/kozan-dev/kozan/pipeline"
)

func ptr[T any](v T) *T { return &v }

func TestNameKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hut 8 Corp.", "hut8"},
		{"KeyBank N.A.", "keybank"},
		{"DayOne Data Centres Sdn Bhd", "dayonedatacentres"},
		{"Northwind Pte. Ltd.", "northwind"},
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
			if got := NameKey(tt.in); got != tt.want {
				t.Errorf("NameKey(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestScorePairs(t *testing.T) {
	groups := [][]string{{"Google", "グーグル"}, {"Cipher Mining", "Cipher Digital"}}
	usd := func(v float64) *pipeline.Amount { return &pipeline.Amount{Value: v, Currency: "USD"} }
	rec := Record{ID: "r", Lang: "en", Deals: []GoldDeal{
		{Company: "Cipher Mining", Counterparty: ptr("Google"), Amount: ptr(1.4e9), Currency: ptr("USD"),
			OtherValues: []Value{{Amount: 2.1e11, Currency: "JPY", Role: "converted"}}},
		{Company: "Cipher Mining", Counterparty: ptr("Google")},
		{Company: "Cipher Mining", Amount: ptr(7e8), Currency: ptr("USD"), CompanyAliases: []string{"CIFR"}},
	}}
	tests := []struct {
		name    string
		nullAny bool
		got     []pipeline.Deal
		want    []int
	}{
		{"none", false, nil, []int{-1, -1, -1}},
		{"reversed parties and alias", false, []pipeline.Deal{{Company: "グーグル", Counterparty: "Cipher Digital", Amount: usd(1.4e9)}}, []int{0, -1, -1}},
		{"one prediction used once", false, []pipeline.Deal{{Company: "Cipher Digital", Counterparty: "Google", Amount: usd(1.4e9)}, {Company: "cipher digital", Counterparty: "グーグル"}}, []int{0, 1, -1}},
		{"augmenting path", false, []pipeline.Deal{{Company: "Cipher Mining", Counterparty: "Google"}, {Company: "Cipher Mining", Counterparty: "Google", Amount: usd(1.4e9)}}, []int{1, 0, -1}},
		{"amount within 1%", false, []pipeline.Deal{{Company: "Cipher Mining", Amount: usd(7.05e8)}}, []int{-1, -1, 0}},
		{"amount off by 2%", false, []pipeline.Deal{{Company: "Cipher Mining", Amount: usd(7.15e8)}}, []int{-1, -1, -1}},
		{"range upper bound", false, []pipeline.Deal{{Company: "Cipher Mining", Amount: &pipeline.Amount{Value: 5e8, Max: 7e8, Currency: "USD"}}}, []int{-1, -1, 0}},
		{"wrong currency", false, []pipeline.Deal{{Company: "Cipher Mining", Amount: &pipeline.Amount{Value: 7e8, Currency: "JPY"}}}, []int{-1, -1, -1}},
		{"other value in its currency", false, []pipeline.Deal{{Company: "Cipher Mining", Counterparty: "Google", Amount: &pipeline.Amount{Value: 2.1e11, Currency: "JPY"}}}, []int{0, -1, -1}},
		{"deal alias", false, []pipeline.Deal{{Company: "CIFR", Amount: usd(7e8)}}, []int{-1, -1, 0}},
		{"null counterparty matches only null", false, []pipeline.Deal{{Company: "Cipher Mining", Counterparty: "Morgan Stanley", Amount: usd(7e8)}}, []int{-1, -1, -1}},
		{"null counterparty matches any in the written sets", true, []pipeline.Deal{{Company: "Cipher Mining", Counterparty: "Morgan Stanley", Amount: usd(7e8)}}, []int{-1, -1, 0}},
		{"named counterparty needs one", false, []pipeline.Deal{{Company: "Cipher Mining", Amount: usd(1.4e9)}}, []int{-1, -1, -1}},
		{"other company", false, []pipeline.Deal{{Company: "IREN", Counterparty: "Google", Amount: usd(1.4e9)}}, []int{-1, -1, -1}},
		{"a figure goes to the deal that names it", false, []pipeline.Deal{{Company: "Cipher Mining", Counterparty: "Google"}, {Company: "Cipher Mining", Counterparty: "Google", Amount: usd(1.4e9)}}, []int{1, 0, -1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := NewScorer(Options{Aliases: groups, NullMatchesAny: tt.nullAny})
			if err != nil {
				t.Fatal(err)
			}
			got := s.Score(rec, tt.got).Pair
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("pairs = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestScorePrefersExactPairs: with as many pairs either way, the deal with
// a figure takes the prediction with that figure, and kinds break ties.
func TestScorePrefersExactPairs(t *testing.T) {
	usd := func(v float64) *pipeline.Amount { return &pipeline.Amount{Value: v, Currency: "USD"} }
	rec := Record{ID: "r", Lang: "en", Deals: []GoldDeal{
		{Company: "Cipher Mining", Kind: "partnership"},
		{Company: "Cipher Mining", Amount: ptr(1.3e9), Currency: ptr("USD"), Kind: "financing"},
		{Company: "IREN", Counterparty: ptr("Microsoft"), Kind: "hpc_contract"},
		{Company: "IREN", Counterparty: ptr("Microsoft"), Kind: "financing"},
	}}
	got := []pipeline.Deal{
		{Company: "Cipher Mining", Amount: usd(1.3e9), Kind: "financing"},
		{Company: "IREN", Counterparty: "Microsoft", Kind: "financing"},
	}
	s, _ := NewScorer(Options{})
	sc := s.Score(rec, got)
	if fmt.Sprint(sc.Pair) != "[-1 0 -1 1]" {
		t.Errorf("pairs = %v, want [-1 0 -1 1]", sc.Pair)
	}
	if sc.Tally.KindOK != 2 {
		t.Errorf("kinds right on %d matches, want 2", sc.Tally.KindOK)
	}
}

func TestScoreErrorClasses(t *testing.T) {
	usd := func(v float64) *pipeline.Amount { return &pipeline.Amount{Value: v, Currency: "USD"} }
	rec := Record{ID: "r", Lang: "en", Companies: map[string][]string{"Hut 8": {"HUT"}},
		Deals: []GoldDeal{
			{Company: "TeraWulf", Counterparty: ptr("Fluidstack"), Amount: ptr(3.7e9), Currency: ptr("USD"), Kind: "hpc_contract", Evidence: "a"},
			{Company: "Hut 8", Counterparty: ptr("Anthropic"), Amount: ptr(7e9), Currency: ptr("USD"), Kind: "lease", Evidence: "b"},
			{Company: "IREN", Counterparty: ptr("Microsoft"), Kind: "hpc_contract", Evidence: "c"},
		},
		NotDeals: []Figure{{Amount: 3.15e8, Currency: "USD", What: "annual NOI"}},
	}
	got := []pipeline.Deal{
		{Company: "TeraWulf", Counterparty: "Fluidstack", Amount: usd(3.7e9), Kind: "lease"},   // match, wrong kind
		{Company: "TeraWulf", Counterparty: "Fluidstack", Amount: usd(8.7e9), Kind: "lease"},   // same parties again
		{Company: "HUT", Counterparty: "Anthropic", Amount: usd(9e9), Kind: "lease"},           // wrong amount
		{Company: "TeraWulf", Amount: usd(3.15e8), Kind: "other"},                              // not_deals figure
		{Company: "Exchange Commission", Counterparty: "TeraWulf", Amount: nil, Kind: "other"}, // wrong party
	}
	s, err := NewScorer(Options{})
	if err != nil {
		t.Fatal(err)
	}
	sc := s.Score(rec, got)
	var classes []ErrorClass
	for _, e := range sc.Errors {
		classes = append(classes, e.Class)
	}
	want := []ErrorClass{WrongKind, Duplicate, WrongAmount, NotDeal, WrongParty, Missed}
	if fmt.Sprint(classes) != fmt.Sprint(want) {
		t.Errorf("classes = %v, want %v", classes, want)
	}
	if w := (Tally{Excerpts: 1, TP: 1, FP: 4, FN: 2, KindOK: 0}); sc.Tally != w {
		t.Errorf("tally = %+v, want %+v", sc.Tally, w)
	}
	if e := sc.Errors[len(sc.Errors)-1]; e.Evidence != "c" || e.Gold.Company != "IREN" {
		t.Errorf("missed error = %+v, want IREN with its evidence", e)
	}
}
