package deal

import (
	"github.com/kozan-dev/kozan/extract/text"
	"strings"
	"unicode"
)

// productNames are chip and machine families written after their maker
// ("Nvidia Blackwell", "Bitmain Antminer").
var productNames = map[string]bool{"blackwell": true, "hopper": true, "rubin": true, "grace": true, "vera": true,
	"antminer": true, "whatsminer": true, "avalon": true, "instinct": true, "gaudi": true, "epyc": true, "xeon": true,
	"trainium": true, "inferentia": true, "tpu": true, "tpus": true}

// dropProductMakers removes an English mention directly followed by a
// product or model token ("Nvidia GB300 capacity", "AMD MI355X", "Bitmain
// S21 rigs", "Nvidia Blackwell"): it names a product, not a party, unless a
// deal preposition makes the maker a side of the deal ("from Nvidia", "with
// AMD"). A maker before its product noun ("buy Nvidia B200 chips") stays:
// it is the vendor of a purchase (productAfter).
func dropProductMakers(txt string, ms []mention) []mention {
	out := ms[:0]
	for _, m := range ms {
		// productAfter reads four words: give it those, not the rest of the text.
		if modelAfter(txt[m.Span[1]:]) && !productAfter(headWords(txt[m.Span[1]:], 4)) && !dealPrepBefore(txt[:m.Span[0]]) {
			continue
		}
		out = append(out, m)
	}
	return out
}

// headWords returns the start of s that holds its first n words, as
// strings.Fields splits them.
func headWords(s string, n int) string {
	inWord := false
	for i, r := range s {
		space := unicode.IsSpace(r)
		if inWord && space {
			if n--; n == 0 {
				return s[:i]
			}
		}
		inWord = !space
	}
	return s
}

// modelAfter reports a model number (letters and digits: GB300, H100,
// MI355X, S21) or a product family name right after a name.
func modelAfter(rest string) bool {
	if !strings.HasPrefix(rest, " ") {
		return false
	}
	rest = rest[1:]
	end := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' })
	if end < 0 {
		end = len(rest)
	}
	w := rest[:end]
	if productNames[strings.ToLower(w)] {
		return true
	}
	letters, digits := false, false
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			digits = true
		case r >= 'A' && r <= 'Z':
			letters = true
		case unicode.IsLetter(r) && !digits:
			return false // "Hut 8": lowercase letters make a word, not a model; "S19j", "M30s" are models
		}
	}
	return letters && digits
}

// dealPrepBefore reports a deal preposition right before a name ("from ",
// "with ", "to ", "by ").
func dealPrepBefore(before string) bool {
	b := strings.ToLower(before[max(0, len(before)-16):]) // the suffixes below, not the whole text before
	b = strings.TrimSuffix(b, "the ")
	return text.HasAnySuffix(b, "from ", "with ", " to ", " by ")
}
