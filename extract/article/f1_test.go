package article

import (
	"strings"
	"testing"
	"unicode"
)

// shingleTokens splits text into words; each Japanese character (kana,
// kanji) is a word of its own, since Japanese is written without spaces.
func shingleTokens(s string) []string {
	var toks []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			toks = append(toks, strings.ToLower(cur.String()))
			cur.Reset()
		}
	}
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
			flush()
			toks = append(toks, string(r))
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			cur.WriteRune(r)
		default:
			flush()
		}
	}
	flush()
	return toks
}

// shingles counts the 4-token shingles of s (a text shorter than four
// tokens is one shingle).
func shingles(s string) map[string]int {
	toks := shingleTokens(s)
	const k = 4
	out := map[string]int{}
	if len(toks) < k {
		if len(toks) > 0 {
			out[strings.Join(toks, " ")]++
		}
		return out
	}
	for i := 0; i+k <= len(toks); i++ {
		out[strings.Join(toks[i:i+k], " ")]++
	}
	return out
}

// shingleF1 compares got with want as multisets of shingles.
func shingleF1(got, want string) (precision, recall, f1 float64) {
	g, w := shingles(got), shingles(want)
	var ng, nw, common int
	for s, c := range g {
		ng += c
		common += min(c, w[s])
	}
	for _, c := range w {
		nw += c
	}
	if ng == 0 || nw == 0 {
		if ng == nw {
			return 1, 1, 1
		}
		return 0, 0, 0
	}
	precision, recall = float64(common)/float64(ng), float64(common)/float64(nw)
	if common == 0 {
		return precision, recall, 0
	}
	return precision, recall, 2 * precision * recall / (precision + recall)
}

func TestShingleF1(t *testing.T) {
	tests := []struct {
		name, got, want string
		f1              float64
	}{
		{"same", "one two three four five", "one two three four five", 1},
		{"disjoint", "one two three four", "five six seven eight", 0},
		{"half", "a b c d e f g", "a b c d", 0.4},
		{"japanese", "今日は晴れです", "今日は晴れです", 1},
		{"empty both", "", "", 1},
		{"empty got", "", "a b c d", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, _, got := shingleF1(tt.got, tt.want); got < tt.f1-1e-9 || got > tt.f1+1e-9 {
				t.Errorf("F1 = %v, want %v", got, tt.f1)
			}
		})
	}
}
