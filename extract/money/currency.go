package money

import (
	"strings"
	"unicode/utf8"
)

// affix is one way of writing a currency next to a number.
type affix struct {
	text  string
	code  string
	word  bool // an ASCII word or code: needs word boundaries, matched case-insensitively
	exact bool // an ISO code or all-caps ticker: matched case-sensitively
	cents bool // a hundredth of the currency (cents, セント, ¢)
	code3 bool // a three-letter ISO code, matched in any case
}

// prefixTable lists currencies written before the number ("US$3.7
// billion", "USD 5.5 billion", "€120m").
func prefixTable() []affix {
	return append(codeAffixes(), []affix{
		{text: "U.S.$", code: "USD", word: true}, {text: "US$", code: "USD", word: true},
		{text: "US $", code: "USD", word: true}, {text: "USD$", code: "USD", word: true},
		{text: "HK$", code: "HKD", word: true}, {text: "C$", code: "CAD"},
		{text: "CA$", code: "CAD"}, {text: "CAD$", code: "CAD"}, {text: "A$", code: "AUD"},
		{text: "AU$", code: "AUD"}, {text: "AUD$", code: "AUD"}, {text: "NZ$", code: "NZD"},
		{text: "S$", code: "SGD"}, {text: "SG$", code: "SGD"}, {text: "NT$", code: "TWD"},
		{text: "R$", code: "BRL"}, {text: "$", code: "USD"},
		{text: "JP¥", code: "JPY"}, {text: "CN¥", code: "CNY"}, {text: "RMB¥", code: "CNY"},
		{text: "¥", code: "JPY"}, {text: "€", code: "EUR"}, {text: "£", code: "GBP"},
		{text: "₩", code: "KRW"}, {text: "₹", code: "INR"}, {text: "₿", code: "BTC"},
		{text: "人民币", code: "CNY"}, {text: "人民幣", code: "CNY"},
		{text: "euro", code: "EUR", word: true},
		{text: "CAD", code: "CAD", exact: true}, {text: "KRW", code: "KRW", exact: true},
		{text: "INR", code: "INR", exact: true},
	}...)
}

// suffixTable lists currencies written after the number ("128億ドル", "5.5
// billion dollars", "300 million EUR").
func suffixTable() []affix {
	return append(codeAffixes(), []affix{
		{text: "米ドル", code: "USD"}, {text: "USドル", code: "USD"}, {text: "ドル", code: "USD"},
		{text: "米国ドル", code: "USD"},
		{text: "香港ドル", code: "HKD"}, {text: "豪ドル", code: "AUD"}, {text: "オーストラリアドル", code: "AUD"},
		{text: "カナダドル", code: "CAD"}, {text: "シンガポールドル", code: "SGD"}, {text: "NZドル", code: "NZD"},
		{text: "ニュージーランドドル", code: "NZD"}, {text: "台湾ドル", code: "TWD"}, {text: "新台湾ドル", code: "TWD"},
		{text: "ニュー台湾ドル", code: "TWD"}, {text: "NTドル", code: "TWD"},
		{text: "円", code: "JPY"}, {text: "日本円", code: "JPY"},
		{text: "ユーロ", code: "EUR"},
		{text: "人民元", code: "CNY"}, {text: "中国元", code: "CNY"}, {text: "元", code: "CNY"},
		{text: "英ポンド", code: "GBP"}, {text: "ポンド", code: "GBP"},
		{text: "ウォン", code: "KRW"}, {text: "ルピー", code: "INR"}, {text: "スイスフラン", code: "CHF"},
		{text: "ルーブル", code: "RUB"}, {text: "レアル", code: "BRL"},
		{text: "ビットコイン", code: "BTC"}, {text: "セント", code: "USD", cents: true},
		{text: "¢", code: "USD", cents: true}, {text: "ペンス", code: "GBP", cents: true},
		{text: "pence", code: "GBP", word: true, cents: true},
		{text: "$", code: "USD"}, {text: "¥", code: "JPY"},
		{text: "cents", code: "USD", word: true, cents: true}, {text: "cent", code: "USD", word: true, cents: true},
		{text: "美元", code: "USD"}, {text: "日元", code: "JPY"}, {text: "欧元", code: "EUR"},
		{text: "英镑", code: "GBP"}, {text: "港元", code: "HKD"}, {text: "人民币", code: "CNY"},
		{text: "€", code: "EUR"}, {text: "£", code: "GBP"},
		{text: "U.S. dollars", code: "USD", word: true}, {text: "US dollars", code: "USD", word: true},
		{text: "U.S. dollar", code: "USD", word: true}, {text: "US dollar", code: "USD", word: true},
		{text: "American dollars", code: "USD", word: true},
		{text: "dollars", code: "USD", word: true}, {text: "dollar", code: "USD", word: true},
		{text: "Hong Kong dollars", code: "HKD", word: true}, {text: "Hong Kong dollar", code: "HKD", word: true},
		{text: "HK dollars", code: "HKD", word: true}, {text: "HK dollar", code: "HKD", word: true},
		{text: "Canadian dollars", code: "CAD", word: true}, {text: "Canadian dollar", code: "CAD", word: true},
		{text: "Australian dollars", code: "AUD", word: true}, {text: "Australian dollar", code: "AUD", word: true},
		{text: "Aussie dollars", code: "AUD", word: true},
		{text: "Singapore dollars", code: "SGD", word: true}, {text: "Singapore dollar", code: "SGD", word: true},
		{text: "New Zealand dollars", code: "NZD", word: true}, {text: "New Zealand dollar", code: "NZD", word: true},
		{text: "New Taiwan dollars", code: "TWD", word: true}, {text: "New Taiwan dollar", code: "TWD", word: true},
		{text: "Taiwan dollars", code: "TWD", word: true}, {text: "Taiwan dollar", code: "TWD", word: true},
		{text: "NT dollars", code: "TWD", word: true},
		{text: "Japanese yen", code: "JPY", word: true}, {text: "yen", code: "JPY", word: true},
		{text: "euros", code: "EUR", word: true}, {text: "euro", code: "EUR", word: true},
		{text: "pounds sterling", code: "GBP", word: true}, {text: "pound sterling", code: "GBP", word: true},
		{text: "British pounds", code: "GBP", word: true}, {text: "sterling", code: "GBP", word: true},
		{text: "pounds", code: "GBP", word: true}, {text: "pound", code: "GBP", word: true},
		{text: "Chinese yuan", code: "CNY", word: true}, {text: "yuan renminbi", code: "CNY", word: true},
		{text: "yuan", code: "CNY", word: true},
		{text: "bucks", code: "USD", word: true, exact: true}, {text: "quid", code: "GBP", word: true, exact: true},
		{text: "renminbi", code: "CNY", word: true},
		{text: "Korean won", code: "KRW", word: true}, {text: "rupees", code: "INR", word: true},
		{text: "Swiss francs", code: "CHF", word: true},
		{text: "bitcoins", code: "BTC", word: true}, {text: "bitcoin", code: "BTC", word: true},
		{text: "CAD", code: "CAD", exact: true}, {text: "KRW", code: "KRW", exact: true},
		{text: "INR", code: "INR", exact: true}, {text: "BTC", code: "BTC", exact: true},
	}...)
}

// codeAffixes are the ISO codes matched in any case ("USD 5", "usd 100",
// "100 eur", "rmb 300"): none of them is an English word. CAD, KRW and INR
// stay upper-case only (the tables list them with exact: true).
func codeAffixes() []affix {
	var out []affix
	for _, c := range [...][2]string{
		{"USD", "USD"}, {"JPY", "JPY"}, {"EUR", "EUR"}, {"GBP", "GBP"}, {"CNY", "CNY"},
		{"RMB", "CNY"}, {"HKD", "HKD"}, {"AUD", "AUD"}, {"CHF", "CHF"}, {"SGD", "SGD"},
		{"NZD", "NZD"}, {"TWD", "TWD"},
	} {
		out = append(out, affix{text: c[0], code: c[1], word: true, code3: true})
	}
	return out
}

// affixIndex buckets affixes by one byte (the first or the last of their
// text, both cases for case-insensitive words), longest first in each
// bucket, so a lookup tries only the few that can match.
type affixIndex [256][]affix

func newAffixIndex(table []affix, last bool) *affixIndex {
	var ix affixIndex
	for _, a := range sortAffixes(table) {
		c := a.text[0]
		if last {
			c = a.text[len(a.text)-1]
		}
		ix[c] = append(ix[c], a)
		if a.word && !a.exact {
			if l, u := lower(c), upper(c); l != u {
				other := l
				if c == l {
					other = u
				}
				ix[other] = append(ix[other], a)
			}
		}
	}
	return &ix
}

func upper(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - ('a' - 'A')
	}
	return c
}

func sortAffixes(a []affix) []affix {
	out := append([]affix(nil), a...)
	// Longest first so "US$" wins over "$" and "人民元" over "元".
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && len(out[j].text) > len(out[j-1].text); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// isASCIIWordy reports whether an affix starts or ends with an ASCII letter
// and so needs a word boundary on that side.
func startsASCIILetter(s string) bool {
	return s != "" && (s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z')
}

func endsASCIILetter(s string) bool {
	return s != "" && (s[len(s)-1] >= 'a' && s[len(s)-1] <= 'z' || s[len(s)-1] >= 'A' && s[len(s)-1] <= 'Z')
}

// matchPrefixBefore finds a currency prefix ending at i (allowing one space
// between it and the number) that starts at or after lo. It returns the
// prefix and where it starts. A code inside a currency pair or a token
// ("EUR/USD 1.08", "BTC-USD 95,000", "--min-usd 100") is not a prefix.
func (p *Parser) matchPrefixBefore(s string, i, lo int) (a affix, start int, ok bool) {
	for _, k := range [2]int{i, i - 1} {
		if k < lo || k < 0 {
			continue
		}
		if k == i-1 && s[k] != ' ' {
			continue
		}
		if k == 0 {
			continue
		}
		for _, a := range p.preLast[s[k-1]] {
			st := k - len(a.text)
			if st < lo {
				continue
			}
			if !affixEq(s[st:k], a) {
				continue
			}
			if startsASCIILetter(a.text) && !wordStart(s, st) {
				continue
			}
			if startsASCIILetter(a.text) && st > 0 && (s[st-1] == '/' || s[st-1] == '-' || s[st-1] == '_') {
				return affix{}, i, false // "EUR/USD 1.08", "BTC-USD 95,000", "--min-usd 100"
			}
			return a, st, true
		}
	}
	return affix{}, i, false
}

// matchPrefixAt finds a currency prefix starting at i (the second half of a
// range: "$8 million to $10 million"), returning the number start after it.
func (p *Parser) matchPrefixAt(s string, i int) (code string, next int, ok bool) {
	if i >= len(s) {
		return "", i, false
	}
	for _, a := range p.preFirst[s[i]] {
		if i+len(a.text) > len(s) || !affixEq(s[i:i+len(a.text)], a) {
			continue
		}
		if startsASCIILetter(a.text) && !wordStart(s, i) {
			continue
		}
		n := i + len(a.text)
		if n < len(s) && s[n] == ' ' {
			n++
		}
		if n < len(s) && isDigit(s[n]) {
			return a.code, n, true
		}
	}
	return "", i, false
}

// matchSuffixAt finds a currency suffix at i (allowing one space before it).
// It returns the currency, the end of the suffix and the affix itself.
func (p *Parser) matchSuffixAt(s string, i int) (a affix, end int, ok bool) {
	for _, k := range [2]int{i, i + 1} {
		if k > len(s) {
			continue
		}
		if k == i+1 && (i >= len(s) || s[i] != ' ' && s[i] != '-') {
			continue
		}
		if k >= len(s) {
			continue
		}
		for _, a := range p.sufFirst[s[k]] {
			e := k + len(a.text)
			if e > len(s) || !affixEq(s[k:e], a) {
				continue
			}
			if endsASCIILetter(a.text) && !wordEnd(s, e) {
				continue
			}
			if startsASCIILetter(a.text) && k == i && !a.exact && !a.word {
				continue
			}
			if a.text == "元" && !yuanFollower(s, e) {
				continue
			}
			if k > i && s[i] == '-' && !a.word {
				continue // only "5-billion-dollar" style words take a hyphen
			}
			if symbolAffix(a.text) && digitAfter(s, e) {
				continue // "5 $10 bills": the symbol is the next amount's prefix
			}
			return a, e, true
		}
	}
	return affix{}, i, false
}

// symbolAffix reports currency symbols that may be written on either side
// of a number.
func symbolAffix(t string) bool {
	return t == "$" || t == "¥" || t == "€" || t == "£"
}

// digitAfter reports a digit at i, after an optional space.
func digitAfter(s string, i int) bool {
	if i < len(s) && s[i] == ' ' {
		i++
	}
	return i < len(s) && isDigit(s[i])
}

// yuanFollower rejects 元 that starts a word rather than naming the yuan:
// 元素, 一元化, 二元論, 元年…
func yuanFollower(s string, e int) bool {
	if e >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[e:])
	return !strings.ContainsRune("素化論的管性年来々祖気凶首帥旦号本", r)
}

func affixEq(s string, a affix) bool {
	if a.exact || !a.word {
		return s == a.text
	}
	return len(s) == len(a.text) && hasPrefixFold(s, a.text)
}
