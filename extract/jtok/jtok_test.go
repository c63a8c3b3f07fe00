package jtok

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/ikawaha/kagome/v2/tokenizer"
)

func newTok(tb testing.TB) *Tokenizer {
	tb.Helper()
	tok, err := New()
	if err != nil {
		tb.Fatalf("New: %v", err)
	}
	return tok
}

func TestJoin(t *testing.T) {
	tok := newTok(t)
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"english words", "TeraWulf signed a Lease.", "terawulf signed a lease"},
		{"japanese", "マイクロソフトと契約を締結した。", "マイクロソフト と 契約 を 締結 し た"},
		{"mixed", "IRENは、Microsoftと97億ドルの契約", "iren は microsoft と 97 億 ドル の 契約"},
		{"punctuation only dropped", "「」、。!? -- ...", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tok.Join(tt.in); got != tt.want {
				t.Errorf("Join(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTokensOffsetsAndPOS(t *testing.T) {
	tok := newTok(t)
	s := "ソフトバンクグループは東京で新しいデータセンターを建設する。Cipher Mining signed."
	toks := tok.Tokens(s)
	if len(toks) == 0 {
		t.Fatal("no tokens")
	}
	prev := 0
	for _, k := range toks {
		if k.Start < prev || k.End > len(s) || k.Start >= k.End {
			t.Fatalf("bad span %d:%d after %d", k.Start, k.End, prev)
		}
		if got := s[k.Start:k.End]; got != k.Surface {
			t.Errorf("s[%d:%d] = %q, want surface %q", k.Start, k.End, got, k.Surface)
		}
		if len(k.POS) == 0 {
			t.Errorf("token %q has no POS", k.Surface)
		}
		prev = k.End
	}
	var found bool
	for _, k := range toks {
		if k.Surface == "東京" && len(k.POS) > 2 && k.POS[1] == "固有名詞" {
			found = true
		}
	}
	if !found {
		t.Errorf("東京 not tagged as a proper noun: %+v", toks)
	}
}

func TestConcurrent(t *testing.T) {
	tok := newTok(t)
	want := tok.Join("IRENとマイクロソフトの5年間の契約")
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := tok.Join("IRENとマイクロソフトの5年間の契約"); got != want {
				t.Errorf("concurrent Join = %q, want %q", got, want)
			}
		}()
	}
	wg.Wait()
}

// kagomeTokens is the reference: kagome's own Analyze in Normal mode,
// converted to Tokens with kagome's POS.
func kagomeTokens(tb testing.TB, s string) []Token {
	tb.Helper()
	kt, err := tokenizer.New(newTok(tb).d, tokenizer.OmitBosEos())
	if err != nil {
		tb.Fatal(err)
	}
	var out []Token
	for _, k := range kt.Analyze(s, tokenizer.Normal) {
		if k.Class == tokenizer.DUMMY || k.Surface == "" {
			continue
		}
		pos := k.POS()
		if k.Class == tokenizer.UNKNOWN && pos == nil {
			pos = newTok(tb).unknown[k.ID] // kagome drops a short feature list; jtok keeps it
		}
		out = append(out, Token{Surface: k.Surface, POS: pos, Start: k.Position, End: k.Position + len(k.Surface)})
	}
	return out
}

// latticeCases are texts for the lattice port: scripts, unknown-word
// groups, invalid UTF-8, runes above the BMP, long runs.
var latticeCases = []string{
	"a",
	"契約を締結",
	"Hut 8 と AWS",
	"\xff\xfe",
	"１２３ドル",
	"データセンター運営会社ノースフィールドは、米ヒューストンの拠点を４億２千万ドルで売却した。",
	"Acme Compute signed a 10-year, $1.2 billion lease with Orbital AI on 3 March.",
	"ビットコイン採掘のスターリング・マイニング（Sterling Mining）が、GPUクラウド企業と提携🚀",
	"売上高は前年比32.5%増の8,400万ドル　(約126億円)。\n\n＜注＞",
	"abc\x80def漢字\xe3\x81かな",
	"   \t\n",
	strings.Repeat("ア", 1100) + "社",
	strings.Repeat("x", 2050),
	"㋿元年〜2025年～",
}

func TestLatticeMatchesKagome(t *testing.T) {
	tok := newTok(t)
	cases := append([]string(nil), latticeCases...)
	// Longer real texts when present: the seed article and the corpora.
	for _, g := range []string{"../../../shared/seed/*.txt", "../deal/testdata/*.yaml", "../eval/testdata/*.yaml"} {
		files, _ := filepath.Glob(g)
		for _, f := range files {
			if b, err := os.ReadFile(f); err == nil {
				cases = append(cases, string(b))
			}
		}
	}
	for i, s := range cases {
		got, want := tok.Tokens(s), kagomeTokens(t, s)
		if !reflect.DeepEqual(got, want) {
			n := 0
			for n < len(got) && n < len(want) && reflect.DeepEqual(got[n], want[n]) {
				n++
			}
			t.Errorf("case %d (%.30q): tokens differ from kagome at %d: got %d tokens, want %d", i, s, n, len(got), len(want))
		}
		if got2 := tok.appendKagome(nil, s); !reflect.DeepEqual(got, got2) {
			t.Errorf("case %d (%.30q): arena lattice differs from appendKagome", i, s)
		}
	}
}

func TestAppendTokensReusesBuffer(t *testing.T) {
	tok := newTok(t)
	buf := make([]Token, 0, 64)
	a := tok.AppendTokens(buf[:0], "IRENとマイクロソフトの契約")
	want := tok.Tokens("IRENとマイクロソフトの契約")
	if !reflect.DeepEqual(a, want) {
		t.Fatalf("AppendTokens = %v, want %v", a, want)
	}
	if &a[0] != &buf[:1][0] {
		t.Error("AppendTokens did not reuse the buffer")
	}
	b := tok.AppendTokens(a, "契約")
	if got := b[len(a):]; !reflect.DeepEqual(got, tok.Tokens("契約")) {
		t.Errorf("appended tokens = %v", got)
	}
}

func FuzzTokens(f *testing.F) {
	tok := newTok(f)
	f.Add("")
	for _, s := range latticeCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := tok.Tokens(s), tok.appendKagome(nil, s); (len(got) > 0 || len(want) > 0) && !reflect.DeepEqual(got, want) {
			t.Fatalf("arena lattice differs from kagome's: %v vs %v", got, want)
		}
		for _, k := range tok.Tokens(s) {
			if k.Start < 0 || k.End > len(s) || k.Start > k.End {
				t.Fatalf("span %d:%d outside %d", k.Start, k.End, len(s))
			}
			if utf8.ValidString(s) && s[k.Start:k.End] != k.Surface {
				t.Fatalf("surface mismatch")
			}
		}
		if j := tok.Join(s); strings.Contains(j, "  ") {
			t.Fatalf("double space in %q", j)
		}
	})
}

// BenchmarkTokens compares the arena lattice with kagome's own on the
// seed article when present, else a repeated sample.
func BenchmarkTokens(b *testing.B) {
	tok := newTok(b)
	s := strings.Repeat("採掘企業TeraWulfはFluidstackと128億ドルのHPC契約を締結した。", 300)
	if raw, err := os.ReadFile("../../../shared/seed/000_b2387dff09af2a47.txt"); err == nil {
		s = string(raw)
	}
	b.Run("arena", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(s)))
		var buf []Token
		for b.Loop() {
			buf = tok.AppendTokens(buf[:0], s)
		}
	})
	b.Run("kagome", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(s)))
		var buf []Token
		for b.Loop() {
			buf = tok.appendKagome(buf[:0], s)
		}
	})
}

func BenchmarkJoin(b *testing.B) {
	tok := newTok(b)
	s := strings.Repeat("採掘企業TeraWulfはFluidstackと128億ドルのHPC契約を締結した。", 50)
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		tok.Join(s)
	}
}
