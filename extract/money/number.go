package money

import (
	"math"
	"strings"
	"unicode/utf8"
)

// number is one parsed numeral: Arabic ("3,000", "1.75"), kanji ("一億二千万"),
// mixed ("1億6850万", "3千万") or vague ("数百億", "十数億"), possibly with an
// English scale word ("5.5 billion", "$1.4bn").
type number struct {
	start, end int
	value      float64
	// coef and unit describe the last scale applied: value ends with
	// coef×unit ("10億" → 10, 1e8; "8 million" → 8, 1e6). A number without a
	// scale has unit 1.
	coef, unit float64
	scaled     bool // a big unit (万億兆) or an English scale word
	kanji      bool // uses kanji digits or 十百千
	vague      bool // contains 数
	plain      bool // a single Arabic numeral, nothing else
	words      bool // English number words ("five million")
	kana       bool // written in hiragana ("ごせん")
	article    bool // only "a"/"an" or "half a": money only before a currency word ending the phrase
	digits     int  // count of kanji digits / Arabic runs, for the lone-kanji guard
	mant       float64
	dec        int // plain numbers: value = mant / 10^dec
}

// scaleOf returns mant×unit/10^dec, multiplying first so that values such as
// 9.7 billion come out exact.
func scaleOf(mant float64, dec int, unit float64) float64 {
	return mant * unit / math.Pow10(dec)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// parseArabic reads "123", "1,234,567", "2'500'000", "3.7", "1,234.5" at
// s[i:]. Commas (or apostrophes) must separate groups of exactly three
// digits.
func parseArabic(s string, i int) (mant float64, dec, end int, ok bool) {
	j := i
	for j < len(s) && isDigit(s[j]) {
		mant = mant*10 + float64(s[j]-'0')
		j++
	}
	if j == i {
		return 0, 0, i, false
	}
	if m, d, e, ok := parseEuropean(s, i, j, mant); ok {
		return m, d, e, true
	}
	// Indian grouping: lakhs and crores in groups of two before the last
	// three digits ("1,05,000", "12,34,56,789").
	if m, e, ok := indianGroups(s, i, j, mant); ok {
		mant, j = m, e
	} else if j-i <= 3 {
		// Thousands separators: only when the leading run is 1–3 digits;
		// commas, or the Swiss apostrophe ("CHF 2'500'000"), one kind in a
		// number.
		sepc := byte(',')
		if j < len(s) && s[j] == '\'' {
			sepc = '\''
		}
		for j+3 < len(s)+0 && s[j] == sepc && isDigit(s[j+1]) && isDigit(s[j+2]) && isDigit(s[j+3]) &&
			(j+4 >= len(s) || !isDigit(s[j+4])) {
			mant = mant*1000 + float64(s[j+1]-'0')*100 + float64(s[j+2]-'0')*10 + float64(s[j+3]-'0')
			j += 4
		}
	}
	if j+1 < len(s) && s[j] == '.' && isDigit(s[j+1]) {
		j++
		for j < len(s) && isDigit(s[j]) {
			if dec < 18 {
				// Digits past the eighteenth decimal change nothing a float
				// holds; hundreds of them would overflow mant and 10^dec
				// into Inf/Inf = NaN ("$0.2000…0").
				mant = mant*10 + float64(s[j]-'0')
				dec++
			}
			j++
		}
	}
	return mant, dec, j, true
}

// parseEuropean reads the European forms of a number whose leading digits
// are s[i:j] (value mant): dots between groups of three and a decimal comma
// ("1.299,00", "1.234.567,89"), two or more dot groups without decimals
// ("1.234.567"), or a decimal comma of one or two digits alone ("2,50",
// "12,5"). A single dot group without a comma ("1.299") stays the English
// decimal 1.299, and a comma before exactly three digits stays a thousands
// separator.
func parseEuropean(s string, i, j int, mant float64) (float64, int, int, bool) {
	k, groups := j, 0
	if j-i <= 3 {
		for k+3 < len(s) && s[k] == '.' && isDigit(s[k+1]) && isDigit(s[k+2]) && isDigit(s[k+3]) &&
			(k+4 == len(s) || !isDigit(s[k+4])) {
			mant = mant*1000 + float64(s[k+1]-'0')*100 + float64(s[k+2]-'0')*10 + float64(s[k+3]-'0')
			k += 4
			groups++
		}
	}
	// A decimal comma: one or two digits, then no digit and no further
	// ",d" or ".d" (which would make it a list or an English number).
	if k+1 < len(s) && s[k] == ',' && isDigit(s[k+1]) {
		e := k + 2
		if e < len(s) && isDigit(s[e]) {
			e++
		}
		if e == len(s) || !isDigit(s[e]) && !((s[e] == ',' || s[e] == '.') && e+1 < len(s) && isDigit(s[e+1])) {
			dec := e - k - 1
			for p := k + 1; p < e; p++ {
				mant = mant*10 + float64(s[p]-'0')
			}
			return mant, dec, e, true
		}
	}
	if groups >= 2 && (k == len(s) || s[k] != '.' && s[k] != ',' || k+1 == len(s) || !isDigit(s[k+1])) {
		return mant, 0, k, true
	}
	return 0, 0, i, false
}

// kanjiDigit returns the value of a kanji digit.
func kanjiDigit(r rune) (float64, bool) {
	switch r {
	case '〇', '零':
		return 0, true
	case '一', '壱':
		return 1, true
	case '二', '弐':
		return 2, true
	case '三', '参':
		return 3, true
	case '四':
		return 4, true
	case '五':
		return 5, true
	case '六':
		return 6, true
	case '七':
		return 7, true
	case '八':
		return 8, true
	case '九':
		return 9, true
	}
	return 0, false
}

// smallUnit returns the value of 十, 百, 千.
func smallUnit(r rune) float64 {
	switch r {
	case '十', '拾':
		return 10
	case '百':
		return 100
	case '千', '仟':
		return 1000
	}
	return 0
}

// bigUnit returns the value of 万, 億, 兆 (and the simplified 亿).
func bigUnit(r rune) float64 {
	switch r {
	case '万', '萬':
		return 1e4
	case '億', '亿':
		return 1e8
	case '兆':
		return 1e12
	}
	return 0
}

// isNumeralStart reports whether r can begin a number.
func isNumeralStart(r rune) bool {
	if r >= '0' && r <= '9' || r == '数' || smallUnit(r) != 0 {
		return true
	}
	_, ok := kanjiDigit(r)
	return ok
}

// isNumeralRune reports whether r can be part of a number.
func isNumeralRune(r rune) bool {
	return isNumeralStart(r) || bigUnit(r) != 0
}

// group is a number below 万: "6850", "二千", "3千5百", "数百".
type group struct {
	value  float64
	mant   float64
	dec    int
	end    int
	kanji  bool
	vague  bool
	arabic bool // consists of one Arabic numeral only
	digits int
}

// parseGroup reads a number below 万 at s[i:]. leading says whether nothing
// precedes it in the whole number (a leading 数 counts as 1, a trailing one
// as 0, so vague forms keep their order of magnitude as a lower bound).
func parseGroup(s string, i int, leading bool) (group, bool) {
	g := group{end: i}
	pos := i
	lastSmall := math.Inf(1)
	for pos < len(s) {
		var coef float64
		hasCoef := false
		coefArabic := false
		var mant float64
		var dec int
		p := pos
		r, w := utf8.DecodeRuneInString(s[p:])
		switch {
		case isDigit(s[p]):
			m, d, e, _ := parseArabic(s, p)
			mant, dec = m, d
			coef = scaleOf(m, d, 1)
			hasCoef, coefArabic = true, true
			p = e
			g.digits++
		case r == '数':
			if leading && g.value == 0 {
				coef = 1
			}
			hasCoef = true
			g.vague = true
			p += w
		default:
			if d, ok := kanjiDigit(r); ok {
				coef = d
				hasCoef = true
				g.kanji = true
				g.digits++
				p += w
				// Positional kanji digits: 二〇〇万, 一二三四円, 三〇〇億.
				for p < len(s) {
					r2, w2 := utf8.DecodeRuneInString(s[p:])
					d2, ok := kanjiDigit(r2)
					if !ok {
						break
					}
					coef = coef*10 + d2
					g.digits++
					p += w2
				}
				// A kanji decimal point before a big unit: 五・五億円, 〇・三兆円.
				if f, e, ok := kanjiFraction(s, p); ok {
					coef += f
					p = e
				}
			}
		}
		// A small unit may follow the coefficient.
		su := 0.0
		if p < len(s) {
			r2, w2 := utf8.DecodeRuneInString(s[p:])
			if su = smallUnit(r2); su != 0 && su < lastSmall {
				if !hasCoef {
					coef = 1
				}
				g.kanji = true
				g.value += coef * su
				lastSmall = su
				p += w2
				pos = p
				g.end = p
				continue
			}
		}
		if !hasCoef {
			break
		}
		if coefArabic && g.value == 0 && !g.kanji {
			g.arabic = true
			g.mant, g.dec = mant, dec
		}
		g.value += coef
		g.end = p
		pos = p
		break
	}
	return g, g.end > i
}

// parseNumber reads a number with Japanese big units (兆億万) or an English
// scale word at s[i:].
func parseNumber(s string, i int) (number, bool) {
	n := number{start: i, unit: 1}
	pos := i
	lastBig := math.Inf(1)
	groups := 0
	for pos < len(s) {
		if groups > 0 && s[pos] == ' ' && spacedGroup(s, pos+1, lastBig) {
			pos++ // "5億 3000万ドル"
		}
		g, ok := parseGroup(s, pos, n.value == 0 && groups == 0)
		if !ok {
			break
		}
		g = spacedThousands(s, g)
		groups++
		n.kanji = n.kanji || g.kanji
		n.vague = n.vague || g.vague
		n.digits += g.digits
		p := g.end
		if p+1 < len(s) && s[p] == ' ' {
			if r, _ := utf8.DecodeRuneInString(s[p+1:]); bigUnit(r) != 0 {
				p++ // "1,000 万円", "5 億ドル"
			}
		}
		if p < len(s) {
			r, w := utf8.DecodeRuneInString(s[p:])
			if u := bigUnit(r); u != 0 && u < lastBig {
				// Chinese-style 万億 and 億万 are 1e12 (一万億円 = 1兆円).
				if p+w < len(s) {
					r2, w2 := utf8.DecodeRuneInString(s[p+w:])
					if u2 := bigUnit(r2); u2 != 0 && u*u2 == 1e12 && u != u2 && 1e12 < lastBig {
						u *= u2
						w += w2
					}
				}
				var term float64
				if g.arabic {
					term = scaleOf(g.mant, g.dec, u)
				} else {
					term = g.value * u
				}
				n.value += term
				n.coef, n.unit = g.value, u
				n.scaled = true
				lastBig = u
				pos = p + w
				n.end = pos
				continue
			}
		}
		// A group without a big unit ends the number.
		n.value += g.value
		n.end = g.end
		if groups == 1 && g.arabic {
			n.plain = true
			n.mant, n.dec = g.mant, g.dec
			n.coef = g.value
		} else if n.scaled {
			// "1万5000": keep the last big unit as the scale.
			n.coef = n.value / n.unit
		} else {
			n.coef = n.value
		}
		break
	}
	if n.end <= i {
		return n, false
	}
	if n.plain {
		if u, e := englishScale(s, n.end); u != 0 {
			n.value = scaleOf(n.mant, n.dec, u)
			n.coef, n.unit = scaleOf(n.mant, n.dec, 1), u
			n.scaled = true
			n.plain = false
			n.end = e
		}
	}
	return n, true
}

// kanjiFraction reads the fraction of a kanji decimal at s[p:], a "・"
// and kanji digits with a big unit right after them ("・五億"); it
// returns the fraction and where its digits end.
func kanjiFraction(s string, p int) (float64, int, bool) {
	const dot = "・"
	if !strings.HasPrefix(s[p:], dot) {
		return 0, p, false
	}
	q := p + len(dot)
	f, scale := 0.0, 0.1
	for q < len(s) {
		r, w := utf8.DecodeRuneInString(s[q:])
		d, ok := kanjiDigit(r)
		if !ok {
			break
		}
		f += d * scale
		scale /= 10
		q += w
	}
	if scale == 0.1 || q >= len(s) {
		return 0, p, false
	}
	if r, _ := utf8.DecodeRuneInString(s[q:]); bigUnit(r) == 0 {
		return 0, p, false
	}
	return f, q, true
}

// spacedThousands extends a group of one to three Arabic digits with the
// space-separated thousands that follow it when a big unit comes right
// after them ("1 000万円", "12 500 億"): without the unit, the spaces
// separate numbers.
func spacedThousands(s string, g group) group {
	if !g.arabic || g.dec != 0 || g.mant >= 1000 {
		return g
	}
	mant, k := spacedGroups(s, g.end, g.mant)
	if k == g.end {
		return g
	}
	p := k
	if p < len(s) && s[p] == ' ' {
		p++
	}
	if p >= len(s) {
		return g
	}
	if r, _ := utf8.DecodeRuneInString(s[p:]); bigUnit(r) == 0 {
		return g
	}
	g.digits += (k - g.end) / 4
	g.mant, g.value, g.end = mant, mant, k
	return g
}

// spacedGroups reads the groups of three digits, each after a space, that
// follow a number of value mant ending at k ("1 500 000": " 500", " 000"),
// and returns the number's value and its new end (k when there is none).
func spacedGroups(s string, k int, mant float64) (float64, int) {
	for k+3 < len(s) && s[k] == ' ' && isDigit(s[k+1]) && isDigit(s[k+2]) && isDigit(s[k+3]) &&
		(k+4 == len(s) || !isDigit(s[k+4])) {
		mant = mant*1000 + float64(s[k+1]-'0')*100 + float64(s[k+2]-'0')*10 + float64(s[k+3]-'0')
		k += 4
	}
	return mant, k
}

// spacedGroup reports whether a group at i is followed (after an optional
// space) by a big unit smaller than last, so a space before it is inside
// the number.
func spacedGroup(s string, i int, last float64) bool {
	if i >= len(s) {
		return false
	}
	g, ok := parseGroup(s, i, false)
	if !ok {
		return false
	}
	p := g.end
	if p < len(s) && s[p] == ' ' {
		p++
	}
	if p >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[p:])
	u := bigUnit(r)
	return u != 0 && u < last
}

// symbolAt reports a currency symbol that follows a scale abbreviation at i.
func symbolAt(s string, i int) bool {
	for _, sym := range [...]string{"€", "$", "£", "¥", "₣"} {
		if strings.HasPrefix(s[i:], sym) {
			return true
		}
	}
	return false
}

// englishScale reads " million", "-billion", "bn", "bil", "M", "k", " hundred",
// " hundred million"… after a number ending at i. Single letters must follow
// the digits directly.
func englishScale(s string, i int) (float64, int) {
	p := i
	sep := false
	if p < len(s) && (s[p] == ' ' || s[p] == '-' || s[p] == '\n') { // a line break too: "$22\nmillion", a table cell wrapped
		p++
		sep = true
	}
	words := [...]struct {
		w string
		v float64
	}{
		{"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12},
		{"mln", 1e6}, {"mil", 1e6}, {"mn", 1e6}, {"bln", 1e9}, {"bil", 1e9}, {"bn", 1e9}, {"trn", 1e12}, {"tril", 1e12}, {"tn", 1e12},
	}
	if p >= len(s) {
		return 0, i
	}
	switch lower(s[p]) {
	case 'h', 't', 'm', 'b', 'l', 'c', 'k':
	default:
		return 0, i // no scale word or letter starts here: the common case
	}
	if hasPrefixFold(s[p:], "hundred") && wordEnd(s, p+len("hundred")) {
		// "5 hundred dollars", "3 hundred million yen".
		e := p + len("hundred")
		if u, e2 := englishScale(s, e); u >= 1e3 && e2 > e+1 && s[e] == ' ' {
			return 100 * u, e2
		}
		return 100, e
	}
	for _, w := range words {
		if hasPrefixFold(s[p:], w.w) && (wordEnd(s, p+len(w.w)) || len(w.w) >= 7 && gluedCellEnd(s, p+len(w.w))) {
			return w.v, p + len(w.w)
		}
	}
	// German abbreviations in English-language reports: "EUR 2.5 Mio",
	// "3,5 Mrd. Euro" (the dot stays when a word follows).
	for _, w := range [...]struct {
		w string
		v float64
	}{{"mio", 1e6}, {"mrd", 1e9}} {
		if hasPrefixFold(s[p:], w.w) && wordEnd(s, p+len(w.w)) {
			e := p + len(w.w)
			if e+2 < len(s) && s[e] == '.' && s[e+1] == ' ' && (isASCIILetterByte(s[e+2]) || symbolAt(s, e+2)) {
				e++ // "3,5 Mrd. Euro", "2,5 Mio. €"
			}
			return w.v, e
		}
	}
	if p < len(s) {
		switch s[p] {
		case 'l', 'L', 'c', 'C':
			if u, e := indianScale(s, p); u != 0 {
				return u, e
			}
		case 'M':
			if strings.HasPrefix(s[p:], "MM") && wordEnd(s, p+2) {
				return 1e6, p + 2 // "$5MM", "$12 MM": finance shorthand
			}
		case 'm':
			if !sep && strings.HasPrefix(s[p:], "mm") && wordEnd(s, p+2) {
				return 1e6, p + 2 // "$1.2mm" glued to its digits (a currency makes it money, not millimetres)
			}
		}
	}
	if sep || p >= len(s) {
		return 0, i
	}
	var v float64
	switch s[p] {
	case 'k', 'K':
		v = 1e3
	case 'm', 'M':
		v = 1e6
	case 'b', 'B':
		v = 1e9
	case 'T':
		v = 1e12 // "$3T+ market cap"; upper case only ("3t" is tonnes)
	default:
		return 0, i
	}
	if !wordEnd(s, p+1) && !footnoteAfter(s, i, p+1) {
		return 0, i
	}
	return v, p + 1
}

// footnoteAfter reports a footnote digit glued to a money figure's scale
// letter ("for $43.9m2, with delivery"): one digit, then a space or a
// mark, right after a figure written with a currency sign (i is where the
// scale begins, e where the digit is).
func footnoteAfter(s string, i, e int) bool {
	if e >= len(s) || !isDigit(s[e]) || e+1 < len(s) && isASCIIAlnum(s[e+1]) {
		return false
	}
	return strings.ContainsAny(s[max(0, i-12):i], "$€£")
}

// indianGroups reads the Indian grouping of a number whose leading one or
// two digits are s[i:j] (value mant): one or more groups of two digits,
// then one of three, each after a comma, and no digit after ("1,05,000").
func indianGroups(s string, i, j int, mant float64) (float64, int, bool) {
	if j-i > 2 {
		return 0, j, false
	}
	k, pairs := j, 0
	for k+3 < len(s) && s[k] == ',' && isDigit(s[k+1]) && isDigit(s[k+2]) && s[k+3] == ',' {
		mant = mant*100 + float64(s[k+1]-'0')*10 + float64(s[k+2]-'0')
		k += 3
		pairs++
	}
	if pairs == 0 || k+3 >= len(s) || s[k] != ',' || !isDigit(s[k+1]) || !isDigit(s[k+2]) || !isDigit(s[k+3]) ||
		k+4 < len(s) && isDigit(s[k+4]) {
		return 0, j, false
	}
	mant = mant*1000 + float64(s[k+1]-'0')*100 + float64(s[k+2]-'0')*10 + float64(s[k+3]-'0')
	return mant, k + 4, true
}

// indianScale reads lakh (1e5) and crore (1e7) at p, and "lakh crore"
// (1e12): "Rs 5 crore", "₹2 lakh", "₹3 lakh crore"; the press writes
// crore "cr" too ("Rs 1,300 cr").
func indianScale(s string, p int) (float64, int) {
	for _, w := range [...]struct {
		w string
		v float64
	}{{"lakhs", 1e5}, {"lakh", 1e5}, {"lacs", 1e5}, {"lac", 1e5}, {"crores", 1e7}, {"crore", 1e7}, {"crs", 1e7}, {"cr", 1e7}} {
		if !hasPrefixFold(s[p:], w.w) || !wordEnd(s, p+len(w.w)) {
			continue
		}
		e := p + len(w.w)
		if w.v == 1e5 && hasPrefixFold(s[e:], " crore") && wordEnd(s, e+len(" crore")) {
			return 1e12, e + len(" crore")
		}
		return w.v, e
	}
	return 0, p
}

// wordEnd reports whether position i ends an ASCII word.
func wordEnd(s string, i int) bool {
	return i >= len(s) || !isASCIIAlnum(s[i])
}

// gluedCellEnd reports a scale word run into the next cell of a table
// whose text lost its spaces ("$36.8 million18.5%", "$62.7 millionN/A"):
// a digit or a capital follows, never a lower-case letter ("millions").
func gluedCellEnd(s string, i int) bool {
	return i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] >= 'A' && s[i] <= 'Z')
}

// scaleWordBefore reports a scale word written out (thousand, million,
// billion, trillion) ending at i.
func scaleWordBefore(s string, i int) bool {
	for _, w := range []string{"thousand", "million", "billion", "trillion"} {
		if i >= len(w) && strings.EqualFold(s[i-len(w):i], w) {
			return true
		}
	}
	return false
}

// wordStart reports whether position i starts an ASCII word.
func wordStart(s string, i int) bool {
	return i == 0 || !isASCIIAlnum(s[i-1])
}

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// hasPrefixFold is strings.HasPrefix with ASCII case folding.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		if lower(s[i]) != lower(prefix[i]) {
			return false
		}
	}
	return true
}

func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
