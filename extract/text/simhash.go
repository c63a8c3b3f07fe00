package text

import (
	"hash/fnv"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Simhash is a 64-bit fingerprint of s for finding near-duplicate texts
// (Charikar's simhash, as trafilatura and news-please use for the same
// job): texts that share most of their shingles have fingerprints a few
// bits apart (Distance). Shingles are three-word windows of lower-cased
// words; Japanese, Chinese and Korean runs, which have no spaces, give
// four-character windows instead. Zero means the text has no words.
func Simhash(s string) uint64 {
	var v [64]int
	n := 0
	add := func(sh string) {
		h := fnv.New64a()
		h.Write([]byte(sh))
		x := h.Sum64()
		for i := range 64 {
			if x&(1<<uint(i)) != 0 {
				v[i]++
			} else {
				v[i]--
			}
		}
		n++
	}
	var words []string
	var cjk []rune
	flushCJK := func() {
		if len(cjk) == 0 {
			return
		}
		if len(cjk) < 4 {
			words = append(words, string(cjk))
		}
		for i := 0; i+4 <= len(cjk); i++ {
			add(string(cjk[i : i+4]))
		}
		cjk = cjk[:0]
	}
	start := -1
	for i, r := range s {
		switch {
		case isCJK(r):
			if start >= 0 {
				words = append(words, strings.ToLower(s[start:i]))
				start = -1
			}
			cjk = append(cjk, r)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			flushCJK()
			if start < 0 {
				start = i
			}
		default:
			flushCJK()
			if start >= 0 {
				words = append(words, strings.ToLower(s[start:i]))
				start = -1
			}
		}
	}
	flushCJK()
	if start >= 0 {
		words = append(words, strings.ToLower(s[start:]))
	}
	switch {
	case len(words) >= 3:
		for i := 0; i+3 <= len(words); i++ {
			add(words[i] + " " + words[i+1] + " " + words[i+2])
		}
	default:
		for _, w := range words {
			add(w)
		}
	}
	if n == 0 {
		return 0
	}
	var out uint64
	for i := range 64 {
		if v[i] > 0 {
			out |= 1 << uint(i)
		}
	}
	if out == 0 {
		out = 1 // zero is "no fingerprint"
	}
	return out
}

// Distance is the number of bits in which two fingerprints differ.
func Distance(a, b uint64) int { return bits.OnesCount64(a ^ b) }

func isCJK(r rune) bool {
	return r >= 0x2e80 && r < utf8.MaxRune && (unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) || r == 'ー')
}
