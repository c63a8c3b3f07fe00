package money

// English number words: "five million dollars", "a billion yen", "half a
// billion euros", "twenty-five thousand pounds", "one hundred and fifty
// dollars". A word number is money only with a currency word after it.

// wordValue classifies an English number word.
func wordValue(w string) (v float64, kind byte) {
	switch w {
	case "zero":
		return 0, 'u'
	case "one":
		return 1, 'u'
	case "two":
		return 2, 'u'
	case "three":
		return 3, 'u'
	case "four":
		return 4, 'u'
	case "five":
		return 5, 'u'
	case "six":
		return 6, 'u'
	case "seven":
		return 7, 'u'
	case "eight":
		return 8, 'u'
	case "nine":
		return 9, 'u'
	case "ten":
		return 10, 'u'
	case "eleven":
		return 11, 'u'
	case "twelve":
		return 12, 'u'
	case "thirteen":
		return 13, 'u'
	case "fourteen":
		return 14, 'u'
	case "fifteen":
		return 15, 'u'
	case "sixteen":
		return 16, 'u'
	case "seventeen":
		return 17, 'u'
	case "eighteen":
		return 18, 'u'
	case "nineteen":
		return 19, 'u'
	case "twenty":
		return 20, 'u'
	case "thirty":
		return 30, 'u'
	case "forty":
		return 40, 'u'
	case "fifty":
		return 50, 'u'
	case "sixty":
		return 60, 'u'
	case "seventy":
		return 70, 'u'
	case "eighty":
		return 80, 'u'
	case "ninety":
		return 90, 'u'
	case "a", "an":
		return 1, 'a'
	case "half":
		return 0.5, 'h'
	case "quarter", "quarters":
		return 0.25, 'q'
	case "third", "thirds":
		return 1.0 / 3, 'q'
	case "fifth", "fifths":
		return 0.2, 'q'
	case "tenth", "tenths":
		return 0.1, 'q'
	case "of":
		return 0, 'o'
	case "hundred":
		return 100, 'H'
	case "thousand":
		return 1e3, 's'
	case "million":
		return 1e6, 's'
	case "billion":
		return 1e9, 's'
	case "trillion":
		return 1e12, 's'
	case "and":
		return 0, '&'
	}
	return 0, 0
}

// isWordNumberStart is a cheap filter on the first letter.
func isWordNumberStart(c byte) bool {
	switch lower(c) {
	case 'z', 'o', 't', 'f', 's', 'e', 'n', 'a', 'h', 'q':
		return true
	}
	return false
}

// parseWordNumber reads an English number in words at s[i:], with the
// fractions of a scale word: "half a million", "a quarter (of a) billion",
// "three quarters of a billion", "a third of a billion", "two fifths of a
// million", "one and a half million", "a billion and a
// half". A lone article ("a dollar") or "half a" ("half a dollar") is a
// number too, marked article: the caller accepts it only before a currency
// word that ends the phrase.
func parseWordNumber(s string, i int) (number, bool) {
	n := number{start: i, unit: 1, words: true}
	var total, cur float64
	pos := i
	words := 0
	var prev byte
	frac := 0.0     // half, a quarter, three quarters: multiplies the next scale
	needOf := false // "a third" is a fraction only with "of": "a third billion-dollar deal" is an ordinal
	var lastScale float64
	for pos < len(s) {
		j := wordAt(s, pos)
		if j == pos {
			break
		}
		var buf [9]byte
		for k := pos; k < j; k++ {
			buf[k-pos] = lower(s[k])
		}
		v, kind := wordValue(string(buf[:j-pos]))
		if kind == 0 {
			break
		}
		if kind == '&' && (prev == 's' || prev == 'u') {
			// "a billion and a half", "one and a half million".
			if e, ok := andAHalf(s, j); ok {
				if prev == 's' {
					total += 0.5 * lastScale
					n.value = total
				} else {
					cur += 0.5
					n.value = total + cur
				}
				n.end = e
				n.article = false
				if prev == 's' {
					prev = 'x' // nothing follows "a billion and a half"
				} else {
					prev = 'u'
				}
				words, pos = words+3, e
				if pos < len(s) && (s[pos] == ' ' || s[pos] == '-') {
					pos++
				}
				continue
			}
		}
		ok := true
		switch kind {
		case 'u':
			// "twenty five", not "a five" or "half five".
			ok = prev != 'a' && prev != 'h' && prev != 'q' && prev != 'o' && prev != 'x' && (prev != 'u' || cur >= 20 && int(cur)%10 == 0 && v < 10)
		case 'a':
			ok = words == 0 || prev == 'h' || prev == 'o'
		case 'h':
			ok = words == 0 || prev == 'a' && words == 1
		case 'q':
			ok = words == 0 || prev == 'a' && words == 1 || prev == 'u' && words == 1 && cur < 4 && cur >= 1
		case 'o':
			ok = prev == 'h' || prev == 'q'
		case 'H':
			ok = prev == 'u' || prev == 'a' && frac == 0
		case 's':
			ok = (prev == 'u' || prev == 'a' || prev == 'H' || prev == 'h' || prev == 'q') && !needOf
		case '&':
			ok = prev == 'H' || prev == 's'
		}
		if !ok {
			break
		}
		switch kind {
		case 'u':
			cur += v
		case 'a':
			cur = 1
		case 'h':
			frac, cur = 0.5, 1
		case 'q':
			coef := 1.0
			if prev == 'u' {
				coef = cur
			}
			frac, cur = v*coef, 1
			needOf = v != 0.25
		case 'o':
			needOf = false
		case 'H':
			cur *= 100
		case 's':
			if frac != 0 {
				cur *= frac
				frac = 0
			}
			total += cur * v
			lastScale = v
			cur = 0
		}
		prev = kind
		words++
		if kind == 'u' || kind == 'H' || kind == 's' {
			n.end = j
			n.value = total + cur
			n.article = false
		}
		if kind == 'a' && (words == 1 || frac == 0.5 && words == 2) {
			// "a dollar", "half a dollar": only an amount before a currency
			// word (the caller checks).
			n.end = j
			n.value = cur
			if frac != 0 {
				n.value = frac
			}
			n.article = true
		}
		pos = j
		if pos < len(s) && (s[pos] == ' ' || s[pos] == '-') {
			pos++
		}
	}
	if n.end <= i || n.value <= 0 {
		return n, false
	}
	if lastScale != 0 {
		n.scaled = true
		n.unit = lastScale
		n.coef = n.value / lastScale
	} else {
		n.coef = n.value
	}
	return n, true
}

// wordAt returns the end of the ASCII word (at most 9 letters) at pos, or
// pos when there is none.
func wordAt(s string, pos int) int {
	j := pos
	for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z') {
		j++
	}
	if j-pos > 9 {
		return pos
	}
	return j
}

// andAHalf reads " a half" after "and" ending at j and returns its end.
func andAHalf(s string, j int) (int, bool) {
	if hasPrefixFold(s[j:], " a half") && wordEnd(s, j+len(" a half")) {
		return j + len(" a half"), true
	}
	return j, false
}
