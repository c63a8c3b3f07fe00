package jtok

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
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

func FuzzTokens(f *testing.F) {
	tok := newTok(f)
	for _, s := range []string{"", "a", "契約を締結", "Hut 8 と AWS", "\xff\xfe", "１２３ドル"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
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

func BenchmarkJoin(b *testing.B) {
	tok := newTok(b)
	s := strings.Repeat("採掘企業TeraWulfはFluidstackと128億ドルのHPC契約を締結した。", 50)
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		tok.Join(s)
	}
}

// TestLongInputChunks: a long input is tokenized line-chunk by line-chunk;
// offsets still point into the whole input, nothing is lost or repeated,
// and the result equals tokenizing each line on its own.
func TestLongInputChunks(t *testing.T) {
	tok := newTok(t)
	line := "北辰マイニングは12日、米マイクロソフトと5年間で約37億ドルの契約を結んだと発表した。\n"
	s := strings.Repeat(line, 3*maxPiece/len(line)+2)
	toks := tok.Tokens(s)
	var per []Token
	for off := 0; off < len(s); off += len(line) {
		for _, tk := range tok.Tokens(line) {
			tk.Start += off
			tk.End += off
			per = append(per, tk)
		}
	}
	if len(toks) != len(per) {
		t.Fatalf("%d tokens, want %d (line by line)", len(toks), len(per))
	}
	for i, tk := range toks {
		if s[tk.Start:tk.End] != tk.Surface || tk.Start != per[i].Start || tk.Surface != per[i].Surface {
			t.Fatalf("token %d = %+v, want %+v", i, tk, per[i])
		}
	}
}

// BenchmarkTokensLong shows tokenization staying linear in the input size
// (kagome's single lattice over a whole long input does not).
func BenchmarkTokensLong(b *testing.B) {
	tok := newTok(b)
	para := strings.Repeat("北辰マイニングは12日、米マイクロソフトと5年間で約37億ドルの契約を結んだと発表した。", 8) + "\n"
	for _, kb := range []int{32, 128} {
		s := strings.Repeat(para, kb<<10/len(para)+1)
		b.Run(fmt.Sprintf("%dKB", kb), func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			b.ReportAllocs()
			for b.Loop() {
				tok.Tokens(s)
			}
		})
	}
}

// TestLongLineChunks: a text without line breaks or 。 (a page flattened
// to one line) is cut into bounded chunks at spaces and punctuation, and
// the tokens still cover the input.
func TestLongLineChunks(t *testing.T) {
	tok := newTok(t)
	tests := []struct{ name, unit string }{
		{"english", "Granite Hash signed a lease with CoreWeave for $2.1 billion, the company said; "},
		{"japanese commas", "北辰マイニングはマイクロソフトと契約を締結し、"},
		{"one run", "アイウエオカキクケコ"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := strings.Repeat(tt.unit, 3*maxPiece/len(tt.unit)+1)
			toks := tok.Tokens(s)
			pos := 0
			for _, k := range toks {
				if k.Start != pos || s[k.Start:k.End] != k.Surface {
					t.Fatalf("token %q at %d:%d, want start %d", k.Surface, k.Start, k.End, pos)
				}
				pos = k.End
			}
			if pos != len(s) {
				t.Fatalf("tokens end at %d, want %d", pos, len(s))
			}
			for _, p := range Pieces(s) {
				if p[1]-p[0] > maxPiece || p[1] < len(s) && !utf8.RuneStart(s[p[1]]) {
					t.Fatalf("piece %v: longer than %d or not at a rune start", p, maxPiece)
				}
			}
		})
	}
}

// TestViterbiMatchesKagome: jtok's lattice gives kagome's tokens, surface,
// offsets and POS, on Japanese and English news text and on odd input.
func TestViterbiMatchesKagome(t *testing.T) {
	tok := newTok(t)
	inputs := []string{
		"北辰マイニングは12日、米マイクロソフトと5年間で約37億ドルの契約を結んだと発表した。",
		"TeraWulf signed a 10-year lease with Fluidstack for $3.7 billion; Google backstops $1.8 billion.",
		"ＩＲＥＮ、ＡＩクラウドで１兆２０００億円　ｘＡＩ向け「グリッドノヴァ」ホールディングス（株）",
		"ーーーー!!!???…「」『』【】 \t 123,456.78 ｱｲｳ ０１２ Ωμ 한국어 中文简体 😀 \x80\xff",
		strings.Repeat("アイウエオカキクケコ", 300),
		"",
	}
	if raw, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "seed", "000_b2387dff09af2a47.txt")); err == nil {
		inputs = append(inputs, string(raw))
	}
	for _, in := range inputs {
		for _, p := range Pieces(in) {
			got := tok.appendLattice(nil, in[p[0]:p[1]], p[0])
			want := tok.appendKagome(nil, in[p[0]:p[1]], p[0])
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("piece %q:\n got %v\nwant %v", in[p[0]:p[1]], got, want)
			}
		}
	}
}

// FuzzViterbi: jtok's lattice and kagome's give the same tokens on any
// input.
func FuzzViterbi(f *testing.F) {
	tok := newTok(f)
	for _, s := range []string{"", "契約を締結した。", "Hut 8 と AWS", "\xff\xfe\xef\xbf\xbd", "ーーーー１２３ドル", "ｱｲｳ(株)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := tok.appendLattice(nil, s, 0), tok.appendKagome(nil, s, 0); !reflect.DeepEqual(got, want) {
			t.Fatalf("%q:\n got %v\nwant %v", s, got, want)
		}
	})
}

// BenchmarkTokensSeed is the lattice alone over the seed article (or the
// long benchmark's text when the seed is missing), every piece.
func BenchmarkTokensSeed(b *testing.B) {
	tok := newTok(b)
	s := strings.Repeat("北辰マイニングは12日、米マイクロソフトと5年間で約37億ドルの契約を結んだと発表した。\n", 300)
	if raw, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "seed", "000_b2387dff09af2a47.txt")); err == nil {
		s = string(raw)
	}
	var buf []Token
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		buf = tok.AppendTokens(buf[:0], s)
	}
}

// TestIndexBreak: indexBreak is strings.IndexAny(s, "\n。"), also on
// invalid UTF-8.
func TestIndexBreak(t *testing.T) {
	for _, s := range []string{"", "abc", "a\nb", "契約。\n", "\xe3\x80", "\xe3\xe3\x80\x82", "\xf0\xe3\x80\x82x", "\x80\x82。", "ab\xe3\x80\x83。"} {
		if got, want := indexBreak(s), strings.IndexAny(s, "\n。"); got != want {
			t.Errorf("indexBreak(%q) = %d, want %d", s, got, want)
		}
	}
}
