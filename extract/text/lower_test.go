package text

import (
	"strings"
	"testing"
	"unicode"
)

// TestLowerCaseless: no rune of caseless's range changes case.
func TestLowerCaseless(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if caseless(r) && unicode.ToLower(r) != r {
			t.Fatalf("U+%04X lowers to U+%04X", r, unicode.ToLower(r))
		}
	}
}

// TestLower: Lower is strings.ToLower.
func TestLower(t *testing.T) {
	for _, s := range []string{"", "abc", "ABC Capital", "北辰マイニングは12日", "İSTANBUL Kelvin \u212a ΣΑΣ", "Ａｂｃ",
		"\xe3\x80", "契約\xffの総額 Total", "\x80X", "ok\xef\xbf\xbdOK", "株式会社ABC", strings.Repeat("データセンターDC", 20)} {
		if got, want := Lower(s), strings.ToLower(s); got != want {
			t.Errorf("Lower(%q) = %q, want %q", s, got, want)
		}
	}
}

// FuzzLower: Lower is strings.ToLower on any input.
func FuzzLower(f *testing.F) {
	for _, s := range []string{"", "ABC", "契約Ａ", "\xff\xe3", "İK"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Lower(s), strings.ToLower(s); got != want {
			t.Fatalf("Lower(%q) = %q, want %q", s, got, want)
		}
	})
}

func BenchmarkLower(b *testing.B) {
	s := "北辰マイニングは12日、米マイクロソフトと5年間で約37億ドルのHPC契約を結んだと発表した"
	b.ReportAllocs()
	for b.Loop() {
		Lower(s)
	}
}
