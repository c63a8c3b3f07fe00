package money

import (
	"math"
	"strings"
)

// Japanese numbers written in hiragana: "いちおくえん", "ごせんえん",
// "さんぜんまんえん", "にせんにひゃくごじゅうろく ドル". Like kanji numerals they
// are digits, small units (じゅう, ひゃく, せん) and big units (まん, おく,
// ちょう), with the sound changes (さんびゃく, ろっぴゃく, はっせん, いっせん).
// A kana number is money only with a currency right after it.

// kanaTok is one hiragana numeral word.
type kanaTok struct {
	text string
	v    float64
	kind byte // 'd' digit, 'g' geminated digit (いっ, ろっ, はっ: a unit must follow), 's' small unit, 'b' big unit
}

// isKanaNumberStart reports hiragana that can begin a number.
func isKanaNumberStart(r rune) bool {
	switch r {
	case 'い', 'に', 'さ', 'よ', 'ご', 'ろ', 'な', 'し', 'は', 'き', 'じ', 'ひ', 'せ':
		return true
	}
	return false
}

// kanaTokAt returns the numeral word at s[i:]. A switch on the first rune
// keeps the lookup cheap and free of allocations: hiragana is most of
// Japanese text.
func kanaTokAt(s string, i int) (kanaTok, bool) {
	if i >= len(s) {
		return kanaTok{}, false
	}
	t := s[i:]
	switch rune0(t) {
	case 'い':
		if strings.HasPrefix(t, "いち") {
			return kanaTok{"いち", 1, 'd'}, true
		}
		if strings.HasPrefix(t, "いっ") {
			return kanaTok{"いっ", 1, 'g'}, true
		}
	case 'に':
		if strings.HasPrefix(t, "に") {
			return kanaTok{"に", 2, 'd'}, true
		}
	case 'さ':
		if strings.HasPrefix(t, "さん") {
			return kanaTok{"さん", 3, 'd'}, true
		}
	case 'よ':
		if strings.HasPrefix(t, "よん") {
			return kanaTok{"よん", 4, 'd'}, true
		}
	case 'ご':
		if strings.HasPrefix(t, "ご") {
			return kanaTok{"ご", 5, 'd'}, true
		}
	case 'ろ':
		if strings.HasPrefix(t, "ろく") {
			return kanaTok{"ろく", 6, 'd'}, true
		}
		if strings.HasPrefix(t, "ろっ") {
			return kanaTok{"ろっ", 6, 'g'}, true
		}
	case 'な':
		if strings.HasPrefix(t, "なな") {
			return kanaTok{"なな", 7, 'd'}, true
		}
	case 'し':
		if strings.HasPrefix(t, "しち") {
			return kanaTok{"しち", 7, 'd'}, true
		}
	case 'は':
		if strings.HasPrefix(t, "はち") {
			return kanaTok{"はち", 8, 'd'}, true
		}
		if strings.HasPrefix(t, "はっ") {
			return kanaTok{"はっ", 8, 'g'}, true
		}
	case 'き':
		if strings.HasPrefix(t, "きゅう") {
			return kanaTok{"きゅう", 9, 'd'}, true
		}
	case 'じ':
		if strings.HasPrefix(t, "じゅう") {
			return kanaTok{"じゅう", 10, 's'}, true
		}
		if strings.HasPrefix(t, "じゅっ") {
			return kanaTok{"じゅっ", 10, 's'}, true
		}
	case 'ひ':
		if strings.HasPrefix(t, "ひゃく") {
			return kanaTok{"ひゃく", 100, 's'}, true
		}
	case 'び':
		if strings.HasPrefix(t, "びゃく") {
			return kanaTok{"びゃく", 100, 's'}, true
		}
	case 'ぴ':
		if strings.HasPrefix(t, "ぴゃく") {
			return kanaTok{"ぴゃく", 100, 's'}, true
		}
	case 'せ':
		if strings.HasPrefix(t, "せん") {
			return kanaTok{"せん", 1000, 's'}, true
		}
	case 'ぜ':
		if strings.HasPrefix(t, "ぜん") {
			return kanaTok{"ぜん", 1000, 's'}, true
		}
	case 'ま':
		if strings.HasPrefix(t, "まん") {
			return kanaTok{"まん", 1e4, 'b'}, true
		}
	case 'お':
		if strings.HasPrefix(t, "おく") {
			return kanaTok{"おく", 1e8, 'b'}, true
		}
	case 'ち':
		if strings.HasPrefix(t, "ちょう") {
			return kanaTok{"ちょう", 1e12, 'b'}, true
		}
	}
	return kanaTok{}, false
}

// parseKanaNumber reads a hiragana number at s[i:]. A single one-kana digit
// (に, ご) is a particle or a prefix far more often than a number, so it
// counts only before えん or どる ("ごえん"), never before ドル or 円 (日本に
// ドルが…).
func parseKanaNumber(s string, i int) (number, bool) {
	n := number{start: i, unit: 1, kana: true}
	var total, group float64
	digit := -1.0
	lastSmall, lastBig := math.Inf(1), math.Inf(1)
	pos, toks := i, 0
	for {
		t, ok := kanaTokAt(s, pos)
		if !ok {
			break
		}
		e := pos + len(t.text)
		switch t.kind {
		case 'd', 'g':
			if digit >= 0 {
				goto done
			}
			if t.kind == 'g' {
				// いっ, ろっ, はっ stand only before a unit.
				if u, ok := kanaTokAt(s, e); !ok || u.kind == 'd' || u.kind == 'g' {
					goto done
				}
			}
			digit = t.v
		case 's':
			if t.v >= lastSmall {
				goto done
			}
			coef := 1.0
			if digit >= 0 {
				coef = digit
			}
			group += coef * t.v
			digit = -1
			lastSmall = t.v
		case 'b':
			g := group + max(digit, 0)
			if t.v >= lastBig || g == 0 {
				goto done
			}
			total += g * t.v
			group, digit = 0, -1
			lastSmall, lastBig = math.Inf(1), t.v
			n.scaled, n.unit, n.coef = true, t.v, g
		}
		toks++
		pos = e
		if t.kind != 'g' {
			n.end = pos
			n.value = total + group + max(digit, 0)
		}
	}
done:
	if n.end <= i {
		return n, false
	}
	if !n.scaled {
		n.coef = n.value
	} else {
		n.coef = n.value / n.unit
	}
	if toks == 1 && n.end-i == len("に") && !strings.HasPrefix(s[n.end:], "えん") && !strings.HasPrefix(s[n.end:], "どる") {
		return n, false
	}
	return n, true
}
