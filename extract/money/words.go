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
	case 'z', 'o', 't', 'f', 's', 'e', 'n', 'a', 'h':
		return true
	}
	return false
}

// parseWordNumber reads an English number in words at s[i:].
func parseWordNumber(s string, i int) (number, bool) {
	n := number{start: i, unit: 1, words: true}
	var total, cur float64
	pos := i
	words := 0
	var prev byte
	half := false
	var lastScale float64
	for pos < len(s) {
		j := pos
		for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z') {
			j++
		}
		if j == pos || j-pos > 9 {
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
		ok := true
		switch kind {
		case 'u':
			// "twenty five", not "a five" or "half five".
			ok = prev != 'a' && prev != 'h' && (prev != 'u' || cur >= 20 && int(cur)%10 == 0 && v < 10)
		case 'a':
			ok = words == 0 || prev == 'h'
		case 'h':
			ok = words == 0
		case 'H':
			ok = prev == 'u' || prev == 'a'
		case 's':
			ok = prev == 'u' || prev == 'a' || prev == 'H'
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
			half = prev == 'h'
			cur = 1
		case 'H':
			cur *= 100
		case 's':
			if half {
				cur *= 0.5
				half = false
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
