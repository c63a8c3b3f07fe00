package extract

import (
	"reflect"
	"testing"
)

// TestNoIndexTokensChangeNothing: without index tokens (kozan extract),
// kagome reads only the sentences the deal rules need; the deals and
// amounts are those found with the whole text tokenized (kozan run).
func TestNoIndexTokensChangeNothing(t *testing.T) {
	full := newExtractor(t)
	bare := newNoIndexExtractor(t)
	type input struct{ name, title, body string }
	var ins []input
	for _, d := range docs {
		ins = append(ins, input{d.name, d.title, d.body})
	}
	for seed := uint64(1); seed <= 3; seed++ {
		ins = append(ins, input{"generated ja", "北辰マイニング、AIデータセンターで大型契約", bigText(48<<10, true, seed)},
			input{"generated en", "Granite Hash signs GPU lease", bigText(48<<10, false, seed)})
	}
	for _, in := range ins {
		want := full.Text("test", in.title, in.body, "")
		got := bare.Text("test", in.title, in.body, "")
		if !reflect.DeepEqual(got.Deals, want.Deals) || !reflect.DeepEqual(got.Amounts, want.Amounts) {
			t.Errorf("%s: without index tokens:\n got %+v\nwant %+v", in.name, got.Deals, want.Deals)
		}
		if got.Article.TextTokens != "" || got.Article.TitleTokens != "" || want.Article.TextTokens == "" {
			t.Errorf("%s: index tokens %q / %q without, %d bytes with", in.name, got.Article.TitleTokens, got.Article.TextTokens, len(want.Article.TextTokens))
		}
	}
}
