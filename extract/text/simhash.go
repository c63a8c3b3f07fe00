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
	var buf []byte // the shingle being hashed
	h := fnv.New64a()
	add := func(sh []byte) {
		h.Reset()
		h.Write(sh)
		x := h.Sum64()
		for i := range 64 {
			v[i] += int(x>>uint(i)&1)*2 - 1 // +1 for a set bit, -1 for a clear one, without a branch
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
			buf = buf[:0]
			for _, r := range cjk[i : i+4] {
				buf = utf8.AppendRune(buf, r)
			}
			add(buf)
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
			buf = append(append(append(append(append(buf[:0], words[i]...), ' '), words[i+1]...), ' '), words[i+2]...)
			add(buf)
		}
	default:
		for _, w := range words {
			add([]byte(w))
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
