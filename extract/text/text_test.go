package text

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"fullwidth digits", "３７億ドル", "37億ドル"},
		{"fullwidth letters", "ＡＷＳとＩＲＥＮ", "AWSとIREN"},
		{"wave dash", "8〜10億ドル", "8~10億ドル"},
		{"fullwidth tilde", "8～10億ドル", "8~10億ドル"},
		{"reiwa", "㋿8年", "令和8年"},
		{"zero width", "Tera\u200BWulf\u200D社\uFEFF", "TeraWulf社"},
		{"bom first", "\uFEFF本文", "本文"},
		{"nbsp", "US$\u00A03.7\u202Fbillion", "US$ 3.7 billion"},
		{"ideographic space", "同社\u3000は", "同社 は"},
		{"fullwidth dollar and yen", "＄５ ￥１００", "$5 ¥100"},
		{"halfwidth katakana", "ﾏｲｸﾛｿﾌﾄ", "マイクロソフト"},
		{"minus sign", "\u22125%", "-5%"},
		{"hyphens", "Google\u2010backed, non\u2011binding", "Google-backed, non-binding"},
		{"fullwidth punctuation", "増加！本当？（注）", "増加!本当?(注)"},
		{"plain ascii unchanged", "Cipher signed a $5.5 billion lease.", "Cipher signed a $5.5 billion lease."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Normalize(tt.in)
			if got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if again := Normalize(got); again != got {
				t.Errorf("not idempotent: %q -> %q", got, again)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"japanese", "同社は契約を締結した。金額は128億ドル。", []string{"同社は契約を締結した。", "金額は128億ドル。"}},
		{"japanese exclam", "驚きだ!本当か?そうだ", []string{"驚きだ!", "本当か?", "そうだ"}},
		{"brackets keep", "社長は「AIに賭ける。後戻りはない。」と述べた。次の文。", []string{"社長は「AIに賭ける。後戻りはない。」と述べた。", "次の文。"}},
		{"parens keep", "売上(前年比23%増。過去最高)を記録した。以上。", []string{"売上(前年比23%増。過去最高)を記録した。", "以上。"}},
		{"line breaks", "見出し\n本文です。\r\n\n次", []string{"見出し", "本文です。", "次"}},
		{"line break closes bracket", "「開いたまま\n次の文。最後。", []string{"「開いたまま", "次の文。", "最後。"}},
		{"english", "Cipher signed a lease. The deal is worth $5.5 billion! Is it? Yes.", []string{"Cipher signed a lease.", "The deal is worth $5.5 billion!", "Is it?", "Yes."}},
		{"abbreviations", "Acme Inc. signed with Foo Corp. for the U.S. market. Mr. J. Smith agreed.", []string{"Acme Inc. signed with Foo Corp. for the U.S. market.", "Mr. J. Smith agreed."}},
		{"company suffix ends sentence", "Cipher signed with Acme Corp. The deal closes in May. It hired Foo Inc. Analysts agreed.", []string{"Cipher signed with Acme Corp.", "The deal closes in May.", "It hired Foo Inc.", "Analysts agreed."}},
		{"company suffix then name", "Acme Corp. Chief Executive Jane Doe spoke. Sales rose in the U.S. The end.", []string{"Acme Corp. Chief Executive Jane Doe spoke.", "Sales rose in the U.S.", "The end."}},
		{"decimal", "Revenue was $3.7 billion. Costs rose 2.5%.", []string{"Revenue was $3.7 billion.", "Costs rose 2.5%."}},
		{"lowercase follows", "It rose approx. three times. Next", []string{"It rose approx. three times.", "Next"}},
		{"quote after period", `He said "we signed." Then he left.`, []string{`He said "we signed."`, "Then he left."}},
		{"digit follows", "It closed in Jan. 2026 at last. 2027 is next.", []string{"It closed in Jan. 2026 at last.", "2027 is next."}},
		{"mixed", "IRENはMicrosoft Corp.と契約した。The deal is big. 次だ。", []string{"IRENはMicrosoft Corp.と契約した。", "The deal is big.", "次だ。"}},
		{"url and version", "See example.com and v1.2 now. Done", []string{"See example.com and v1.2 now.", "Done"}},
		{"a domain ends a sentence", "See example.com. A lease followed.", []string{"See example.com.", "A lease followed."}},
		{"dotted initials", "Ph.D. holders and U.S. miners met. Done", []string{"Ph.D. holders and U.S. miners met.", "Done"}},
		{"a scale letter after digits ends a sentence", "It was valued at $15B. Harbor then partnered with J. Smith.", []string{"It was valued at $15B.", "Harbor then partnered with J. Smith."}},
		{"yahoo", "Yahoo!Japan reported. Fine", []string{"Yahoo!Japan reported.", "Fine"}},
		{"spaces trimmed", "  一文目。  二文目。  ", []string{"一文目。", "二文目。"}},
		{"empty", "", nil},
		{"only spaces", " \n \n", nil},
		{"ellipsis", "Wait... Then go.", []string{"Wait...", "Then go."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, sp := range Sentences(tt.in) {
				got = append(got, sp.Text(tt.in))
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
				t.Errorf("Sentences(%q)\n got  %q\n want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSentencesUnclosedBracket(t *testing.T) {
	in := "冒頭に「閉じない括弧がある。" + strings.Repeat("長い文章が続く。", 40) + "最後の文。"
	spans := Sentences(in)
	if len(spans) < 10 {
		t.Fatalf("unclosed bracket swallowed the text: %d spans", len(spans))
	}
	if got := spans[len(spans)-1].Text(in); got != "最後の文。" {
		t.Errorf("last sentence = %q, want %q", got, "最後の文。")
	}
}

func checkSpans(t *testing.T, in string, spans []Span) {
	t.Helper()
	bounds := runeBounds(in)
	prev := 0
	for _, sp := range spans {
		if sp.Start < prev || sp.End <= sp.Start || sp.End > len(in) {
			t.Fatalf("bad span %v (prev end %d, len %d) in %q", sp, prev, len(in), in)
		}
		if !bounds[sp.Start] || !bounds[sp.End] {
			t.Fatalf("span %v not on rune boundaries in %q", sp, in)
		}
		txt := sp.Text(in)
		if strings.TrimSpace(txt) != txt {
			t.Fatalf("span %v not trimmed: %q", sp, txt)
		}
		prev = sp.End
	}
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{"", "。", "a. B", "「。", "Inc. The", "(((((", "3.7. 4", "\uFEFF１２３。\u3000x", "U.S.\nA!?b", "」」。"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		checkSpans(t, in, Sentences(in))
		n := Normalize(in)
		if Normalize(n) != n {
			t.Fatalf("Normalize not idempotent on %q", in)
		}
		if !utf8.ValidString(n) {
			t.Fatalf("Normalize produced invalid UTF-8 from %q", in)
		}
		checkSpans(t, n, Sentences(n))
	})
}

func BenchmarkSentences(b *testing.B) {
	s := strings.Repeat("IRENはMicrosoft Corp.と5年間97億ドルの契約を締結した(前年比23%増。)。The deal is worth $9.7 billion. ", 200)
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Sentences(s)
	}
}

func BenchmarkNormalize(b *testing.B) {
	s := strings.Repeat("ＩＲＥＮはマイクロソフトと５年間９７億ドルの契約を締結した〜。", 200)
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Normalize(s)
	}
}

// runeBounds marks the offsets a rune-by-rune decoder stops at (an invalid
// byte counts as one rune, as in a range loop).
func runeBounds(s string) map[int]bool {
	m := map[int]bool{len(s): true}
	for i := range s {
		m[i] = true
	}
	return m
}
