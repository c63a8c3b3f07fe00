package money

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/kozan-dev/kozan/pipeline"
)

// Config configures a Parser. The zero value works: USD amounts get a USD
// value, every other currency gets none.
type Config struct {
	// FXUSD maps an ISO currency code to its value in US dollars per unit
	// (JPY 0.0067 means 1 yen = 0.0067 USD). USD is always 1; BTC never
	// gets a USD value.
	FXUSD map[string]float64
	// SkipBTC drops bitcoin counts ("500 BTC", "500ビットコイン") from Find;
	// by default they are amounts with Currency "BTC" and no USD value.
	SkipBTC bool
}

// Parser finds money amounts in normalised text. It is immutable after New
// and safe for concurrent use.
type Parser struct {
	fx       map[string]float64
	skipBTC  bool
	preLast  *affixIndex // currency prefixes by last byte
	preFirst *affixIndex // currency prefixes by first byte
	sufFirst *affixIndex // currency suffixes by first byte
	jaPre    *qualIndex  // Japanese qualifiers before an amount, by last byte
	enPre    *qualIndex  // English qualifiers before an amount, by last byte (lower case)
	suf      []qualWord  // qualifiers after an amount
}

// New returns a Parser with the FX table copied from cfg.
func New(cfg Config) *Parser {
	fx := make(map[string]float64, len(cfg.FXUSD)+1)
	for k, v := range cfg.FXUSD {
		if v > 0 {
			fx[strings.ToUpper(k)] = v
		}
	}
	fx["USD"] = 1
	pre := prefixTable()
	return &Parser{
		fx:       fx,
		skipBTC:  cfg.SkipBTC,
		preLast:  newAffixIndex(pre, true),
		preFirst: newAffixIndex(pre, false),
		sufFirst: newAffixIndex(suffixTable(), false),
		jaPre:    newQualIndex(jaPrefixQuals()),
		enPre:    newQualIndex(enPrefixQuals()),
		suf:      suffixQuals(),
	}
}

// Find returns every money mention in text, which must already be
// normalised with text.Normalize. Amounts are sorted by span start and do
// not overlap; Span holds byte offsets into text and Text == text[Span[0]:Span[1]].
//
// A run of spaces reads as one space ("7  万  円", "5  million dollars"):
// the amounts are found in a copy with runs collapsed and their spans
// mapped back.
func (p *Parser) Find(text string) []pipeline.Amount {
	if !strings.Contains(text, "  ") {
		return p.find(text)
	}
	// cuts[j] is a byte of the copy after which cuts[j].gone spaces in all
	// were dropped: a copy's offset k maps to k plus the gone of the last
	// cut at or before it (a few cuts per page, not an index per byte).
	type cut struct{ at, gone int }
	var cuts []cut
	var sb strings.Builder
	sb.Grow(len(text))
	gone := 0
	for i := 0; i < len(text); i++ {
		if text[i] == ' ' && i > 0 && text[i-1] == ' ' {
			gone++
			if n := len(cuts); n > 0 && cuts[n-1].at == sb.Len() {
				cuts[n-1].gone = gone
			} else {
				cuts = append(cuts, cut{sb.Len(), gone})
			}
			continue
		}
		sb.WriteByte(text[i])
	}
	orig := func(k int) int {
		j := sort.Search(len(cuts), func(j int) bool { return cuts[j].at > k }) // cuts at or before k: [0, j)
		if j == 0 {
			return k
		}
		return k + cuts[j-1].gone
	}
	out := p.find(sb.String())
	for k := range out {
		a := &out[k]
		a.Span = [2]int{orig(a.Span[0]), orig(a.Span[1]-1) + 1}
		a.Text = text[a.Span[0]:a.Span[1]]
	}
	return out
}

// find is Find on a text without runs of spaces.
func (p *Parser) find(text string) []pipeline.Amount {
	var out []pipeline.Amount
	last := 0
	keep := func(a pipeline.Amount) {
		if !p.skipBTC || a.Currency != "BTC" {
			out = append(out, a)
		}
		last = a.Span[1]
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case isDigit(c) && startsNumber(text, i):
				if a, ok := p.parseAt(text, i, last); ok {
					keep(a)
					i = last
					continue
				}
			case isWordNumberStart(c) && wordStart(text, i):
				if n, ok := parseWordNumber(text, i); ok {
					if a, ok := p.amountFrom(text, n, last); ok {
						keep(a)
						i = last
						continue
					}
					i = n.end
					continue
				}
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		if isNumeralStart(r) && startsNumber(text, i) {
			if a, ok := p.parseAt(text, i, last); ok {
				keep(a)
				i = last
				continue
			}
		} else if r >= 'い' && r <= 'ろ' && isKanaNumberStart(r) {
			if n, ok := parseKanaNumber(text, i); ok {
				if a, ok := p.amountFrom(text, n, last); ok {
					keep(a)
					i = last
					continue
				}
			}
		}
		i += w
	}
	yuanByConversion(text, out)
	p.fillUSD(out)
	return out
}

// yuanByConversion reads bare ¥ figures as yuan when the dollar figure
// converting one of them right after ("approximately ¥3.06bn (roughly
// $466m)") sets a rate of yuan, not of yen: 4 to 12 to the dollar (the
// yen's has been above 75 since 1973). A text writes one currency with
// the sign, so every bare ¥ figure of it is then yuan.
func yuanByConversion(text string, as []pipeline.Amount) {
	bare := func(a *pipeline.Amount) bool {
		return a.Currency == "JPY" && (strings.Contains(a.Text, "¥") || strings.Contains(a.Text, "￥")) && !strings.Contains(a.Text, "JP")
	}
	yuan := false
	for k := 0; k+1 < len(as) && !yuan; k++ {
		a, b := &as[k], as[k+1]
		if !bare(a) || b.Currency != "USD" || b.Value <= 0 || a.Value <= 0 || b.Span[0]-a.Span[1] > 12 ||
			!strings.Contains(text[a.Span[1]:b.Span[0]], "(") {
			continue
		}
		r := a.Value / b.Value
		yuan = r >= 4 && r <= 12
	}
	if !yuan {
		return
	}
	for k := range as {
		if bare(&as[k]) {
			as[k].Currency = "CNY"
		}
	}
}

// fillUSD sets USD from the FX table, with one allocation for all amounts.
func (p *Parser) fillUSD(as []pipeline.Amount) {
	if len(as) == 0 {
		return
	}
	vals := make([]float64, len(as))
	for k := range as {
		a := &as[k]
		if a.Currency == "BTC" {
			continue
		}
		if rate, ok := p.fx[a.Currency]; ok {
			vals[k] = a.Value * rate
			a.USD = &vals[k]
		}
	}
}

// Parse parses s as a single money expression ("約9600万ドル", "$1.4bn",
// "up to $8.7 billion"); surrounding spaces are ignored. It reports false
// unless one amount covers the whole of s. Span is relative to s.
func (p *Parser) Parse(s string) (pipeline.Amount, bool) {
	t := strings.TrimSpace(s)
	off := strings.Index(s, t)
	as := p.Find(s)
	if len(as) != 1 || as[0].Span[0] != off || as[0].Span[1] != off+len(t) || t == "" {
		return pipeline.Amount{}, false
	}
	return as[0], true
}

// startsNumber reports whether a number may start at i: not inside another
// number ("2026" seen from "026", "3.7" from "7").
func startsNumber(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	if r < utf8.RuneSelf {
		c := byte(r)
		if isDigit(c) {
			return false
		}
		if (c == '.' || c == ',') && i >= 2 && isDigit(s[i-2]) {
			return false
		}
		return true
	}
	return !isNumeralRune(r)
}

// side is a currency written on one side of a number.
type side struct {
	code       string
	start, end int
	a          affix
	ok         bool
}

// parseAt parses an amount whose first number starts at i; nothing before
// lo may be used (it belongs to the previous amount).
func (p *Parser) parseAt(s string, i, lo int) (pipeline.Amount, bool) {
	n1, ok := parseNumber(s, i)
	if !ok {
		return pipeline.Amount{}, false
	}
	return p.amountFrom(s, n1, lo)
}

// amountFrom completes an amount around the number n1: currencies,
// a range, qualifiers.
func (p *Parser) amountFrom(s string, n1 number, lo int) (pipeline.Amount, bool) {
	i := n1.start
	if n1.vague {
		// 数十億円, 十数億ドル: a size, not an amount (as "billions of
		// dollars"); no value is exactly right.
		return pipeline.Amount{}, false
	}
	if followedByBlocker(s, n1.end) {
		return pipeline.Amount{}, false
	}
	var pre side
	// "$(10.4) million": a figure in brackets right after the currency's
	// sign is an accounting negative (a bracketed whole, "($5 million)",
	// is not: in news it is mostly a conversion).
	acct := i >= 2 && s[i-1] == '(' && n1.end < len(s) && s[n1.end] == ')' && !n1.article
	if acct {
		if a, st, ok := p.matchPrefixBefore(s, i-1, lo); ok && a.text == strings.TrimSpace(a.text) {
			pre = side{code: a.code, start: st, end: i - 1, a: a, ok: true}
		} else {
			acct = false
		}
	}
	if a, st, ok := p.matchPrefixBefore(s, i, lo); !acct && ok && !nameAfterEuro(s, a, st, n1) {
		pre = side{code: a.code, start: st, end: i, a: a, ok: true}
		if code, at, ok := dollarCodeBefore(s, st, lo); ok && a.code == "USD" && strings.TrimSpace(a.text) == "$" {
			pre.code, pre.start = code, at // "CAD $46 million": the code names the dollar
		}
	}
	// "USD -2.1 million", "EUR -350m": a minus between a currency code and
	// its figure.
	codeNeg := false
	if !pre.ok && !acct && i >= 2 && s[i-1] == '-' && !isDigit(s[i-2]) {
		a, st, ok := p.matchPrefixBefore(s, i-1, lo)
		if t := strings.TrimSpace(a.text); ok && len(a.text) >= 3 && startsASCIILetter(t) && endsASCIILetter(t) {
			pre = side{code: a.code, start: st, end: i - 1, a: a, ok: true}
			codeNeg = true
		}
	}
	if n1.plain && !acct {
		n1 = p.widen(s, n1, pre.ok)
	}
	var suf side
	sufAt := n1.end
	if acct {
		sufAt++ // past the closing bracket
	}
	if a, e, ok := p.matchSuffixAt(s, sufAt); ok {
		suf = side{code: a.code, start: sufAt, end: e, a: a, ok: true}
	}
	if suf.ok && (suf.a.exact || suf.a.code3) && suf.a.scale == 0 && !n1.scaled {
		// "412 USD million", "57 EUR bn": a scale word after the code, the
		// way tables write their units.
		if u, e := englishScale(s, suf.end); u >= 1e6 && s[suf.end] == ' ' {
			suf.a.scale, suf.end = u, e
		}
	}
	if n1.words && !n1.scaled && !pre.ok && suf.ok && suf.code == "KRW" && strings.EqualFold(strings.TrimSpace(s[suf.start:suf.end]), "won") {
		return pipeline.Amount{}, false // "though one won't": the verb, not a won
	}
	code := pickCode(pre, suf)
	if pre.ok && suf.ok && suf.code != code {
		suf = side{} // "$100,000 bitcoin": the suffix belongs to the next words
	}
	if n1.article && (pre.ok || !articleCurrency(s, suf)) {
		return pipeline.Amount{}, false
	}
	start := i
	if pre.ok {
		start = pre.start
	}
	end := n1.end
	if acct {
		end++
	}
	if suf.ok {
		end = suf.end
	}

	// A scaled code on either side ("MUSD 12", "12 MUSD") multiplies.
	mult := 1.0
	if pre.ok {
		mult = pre.a.mult()
	}
	if suf.ok && suf.a.scale != 0 {
		mult = suf.a.mult()
	}
	value, maxV := n1.value*mult, 0.0
	if suf.ok && suf.a.cents {
		value = n1.value / 100
	}
	isRange := false
	unitText := suf
	if r, ok := p.rangeAfter(s, start, end, n1, code); ok && !acct && !n1.article && centsRange(pre, suf, r.suf) {
		m := 1.0
		if pre.ok && r.suf.a.scale == 0 {
			m = pre.a.mult()
		}
		if r.suf.a.cents {
			m = 0.01 // 「2〜3セント」, "2-3 cents": hundredths, both ends ("$30 to 68 cents" is no range)
		}
		value, maxV, end, isRange = r.lo*m, r.hi*m, r.end, true
		if r.from >= lo {
			start = r.from
		}
		code = r.code
		unitText = r.suf
	}
	if code == "" {
		return pipeline.Amount{}, false
	}
	if !p.plausible(s, i, n1, pre, unitText, code) {
		return pipeline.Amount{}, false
	}
	if codeNeg && !isRange {
		value = -value // a range is never negative ("USD-1-2")
	}
	if acct {
		if u, e := englishScale(s, end); u > 1 && !suf.ok {
			value, end = value*u, e // "$(10.4) million", "$(10.4)M"
		}
		value = -value
	} else if !isRange && !suf.a.cents {
		if c, e, ok := p.centsAfter(s, end, n1, code); ok {
			value = math.Round((value+c)*100) / 100 // sub-units are hundredths: no float residue (2.53, not 2.5300000000000002)
			end = e
		}
	}

	// A sign written before the amount makes it negative: "-$5 million",
	// ▲3億円, △3億円 (Japanese accounting), マイナス2億円, "minus $2 million".
	if !isRange && !acct {
		if st, ok := signBefore(s, start, lo); ok {
			value = -value
			start = st
		}
	}

	qual := ""
	approx := isRange
	// Up to two qualifiers before ("最大約", "up to about").
	for range 2 {
		q, st, ok := p.prefixQual(s, start, lo)
		if !ok {
			break
		}
		qual = combineQual(qual, q)
		approx = approx || q == pipeline.QualAbout
		start = st
	}
	if q, e, ok := p.suffixQual(s, end); ok {
		qual = combineQual(qual, q)
		approx = approx || q == pipeline.QualAbout
		end = e
	}
	if qual == pipeline.QualAbout {
		approx = true
	}
	a := pipeline.Amount{
		Value:     value,
		Max:       maxV,
		Currency:  code,
		Approx:    approx,
		Qualifier: qual,
		Text:      s[start:end],
		Span:      [2]int{start, end},
	}
	return a, true
}

// centsRange reports whether the ends of a range agree on cents: neither
// in cents, or the second in cents and the first bare or in cents too
// ("2-3 cents", 「2セント〜3セント」); "$30 to 68 cents" is two amounts.
func centsRange(pre, suf, suf2 side) bool {
	if !suf2.a.cents {
		return !suf.a.cents
	}
	return !pre.ok && (!suf.ok || suf.a.cents)
}

// pickCode chooses between a prefix and a suffix currency: a dollar suffix
// ("$5 Hong Kong dollars") names the dollar a bare "$" left open; otherwise
// the prefix wins (the caller drops a conflicting suffix: "$100,000
// bitcoin" is a price in USD).
func pickCode(pre, suf side) string {
	switch {
	case pre.ok && suf.ok:
		if pre.code == "USD" && dollarFamily(suf.code) {
			return suf.code
		}
		return pre.code
	case pre.ok:
		return pre.code
	case suf.ok:
		return suf.code
	}
	return ""
}

// dollarFamily reports currencies also written with a bare "$".
func dollarFamily(code string) bool {
	switch code {
	case "USD", "HKD", "CAD", "AUD", "SGD", "NZD", "TWD":
		return true
	}
	return false
}

// countedWords reports a number in words that starts with a count ("ten",
// "one", "twenty-five", "five million"), not with an article, a fraction
// or a bare scale word ("a billion", "half a million", "billion").
func countedWords(t string) bool {
	first := strings.ToLower(t)
	if k := strings.IndexAny(first, " -"); k >= 0 {
		first = first[:k]
	}
	v, kind := wordValue(first)
	return kind == 'u' && v > 0 // a unit word from one to ninety, as words.go reads it
}

// followedByBlocker reports text right after a number that makes it
// something other than money: a percentage.
func followedByBlocker(s string, i int) bool {
	return i < len(s) && s[i] == '%'
}

// plausible applies the guards against numbers that only look like money.
func (p *Parser) plausible(s string, i int, n number, pre side, suf side, code string) bool {
	// "a billion-dollar deal", "a half-million-dollar home": a scale word or
	// a fraction with a hyphenated currency is an adjective, not a stated
	// amount; a counted one is ("a ten-dollar bill", "its one-yen bid",
	// "a five-million-dollar grant"), as with digits ("5-billion-dollar").
	if n.words && suf.ok && suf.start < len(s) && s[suf.start] == '-' && !countedWords(s[n.start:n.end]) {
		return false
	}
	// A number glued to a Latin letter it did not consume is a token such as
	// "3D", "5G" or "10x", not an amount: "CAD 3D", "$5G".
	if !suf.ok && n.end < len(s) && isASCIILetterByte(s[n.end]) && !(n.scaled && gluedCellEnd(s, n.end) && scaleWordBefore(s, n.end)) {
		return false
	}
	// A lone kanji digit after another kanji is a word: 関東一円, 統一元.
	if !pre.ok && n.end-n.start == 3 {
		if _, ok := kanjiDigit(rune0(s[n.start:])); ok && n.start > 0 {
			if r, _ := utf8.DecodeLastRuneInString(s[:n.start]); r >= 0x3400 && !isNumeralRune(r) {
				return false
			}
		}
	}
	// "20 pounds" is money unless the words around make it a weight
	// ("weighs 5 pounds", "10 pounds of rice", "a 20-pound bird", 体重150ポンド);
	// "5 million pounds" and "£500" are always money.
	if suf.ok && !pre.ok && !n.scaled && poundWeight(s, n.start, suf) {
		return false
	}
	if suf.ok && !pre.ok && !pencePlausible(s, n, suf) {
		return false
	}
	// "5,000 bitcoin miners", "200,000 Bitcoin mining machines", "10 Bitcoin
	// ATMs": the word bitcoin describes the things counted.
	if suf.ok && !pre.ok && code == "BTC" && btcAttributive(s[suf.end:]) {
		return false
	}
	// "In 2020 won weakened": a year before the verb, not 2020 won.
	if suf.ok && !pre.ok && suf.a.text == "won" && n.plain && n.dec == 0 && n.end-n.start == 4 && n.value >= 1900 && n.value < 2100 {
		return false
	}
	// PHP is also a programming language ("PHP 8.2"): as a code it needs a
	// scale, thousands or cents ("PHP 5,000", "PHP 2.5 billion", "PHP 99.50").
	if pre.ok && pre.a.text == "PHP" || suf.ok && suf.a.text == "PHP" {
		if !n.scaled && !strings.ContainsRune(s[n.start:n.end], ',') && n.dec != 2 {
			return false
		}
	}
	if pre.ok && shortLocalSign[pre.a.text] && !n.scaled && !strings.ContainsRune(s[n.start:n.end], ',') && n.dec == 0 {
		return false // "SR 20", "KD 5", "QR 50": a model, a grade or a code, not riyals or dinars
	}
	// "R" is the rand's sign only at a word's start and before a scaled
	// or grouped figure ("R2bn", "R1,500"): "R2" alone is a model or a road.
	if pre.ok && pre.a.text == "R" {
		if pre.start > 0 && isASCIIAlnum(s[pre.start-1]) || !n.scaled && !strings.ContainsRune(s[n.start:n.end], ',') {
			return false
		}
	}
	// An English-style number glued to a Latin word ("H100 dollars",
	// "A5 million") is a model name, unless a currency prefix explains it.
	if !pre.ok && i > 0 && isASCIIAlnum(s[i-1]) && !n.scaled {
		return false
	}
	return true
}

func isASCIILetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func rune0(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// span of a range.
type rangeResult struct {
	lo, hi float64
	end    int
	code   string
	suf    side
	// from is where the range's text starts when a word before the first
	// amount belongs to it ("between $1 and $2 billion"), else -1.
	from int
}

// rangeAfter looks for the second half of a range after the first amount
// ("$8-10 million", "8~10億ドル", "$8 million to $10 million", "between
// $8m and $10m").
func (p *Parser) rangeAfter(s string, start, end int, n1 number, code1 string) (rangeResult, bool) {
	q, kind := rangeSep(s, end)
	if kind == "" {
		return rangeResult{}, false
	}
	before := wordBefore(s, start)
	from := -1
	switch kind {
	case "to":
		if before == "from" && !rangeVerbs[wordBefore(s, start-len(" from"))] || before == "by" || changeVerbs[before] {
			// "rose $1.20 to $84.35", "cut its target from $20 to $15": a
			// change, two amounts; "range from $2 to $4" is one range.
			return rangeResult{}, false
		}
	case "and":
		if before != "between" {
			return rangeResult{}, false
		}
		k := start
		if k > 0 && s[k-1] == ' ' {
			k--
		}
		from = k - len("between") // "between $1 and $2 billion" is the range's text
	}
	var pre2 side
	numAt := q
	if c, nx, ok := p.matchPrefixAt(s, q); ok {
		pre2 = side{code: c, start: q, end: nx, ok: true}
		numAt = nx
	}
	if numAt >= len(s) {
		return rangeResult{}, false
	}
	if r := rune0(s[numAt:]); !isNumeralStart(r) || r == '数' {
		return rangeResult{}, false
	}
	n2, ok := parseNumber(s, numAt)
	if !ok || followedByBlocker(s, n2.end) {
		return rangeResult{}, false
	}
	var suf2 side
	if a, e, ok := p.matchSuffixAt(s, n2.end); ok {
		suf2 = side{code: a.code, start: n2.end, end: e, a: a, ok: true}
	}
	code2 := pickCode(pre2, suf2)
	if pre2.ok && suf2.ok && suf2.code != code2 {
		suf2 = side{}
	}
	if code1 != "" && code2 != "" && code1 != code2 {
		return rangeResult{}, false
	}
	if code2 == "" && kind != "dash" && !n2.scaled {
		return rangeResult{}, false // "$5 to 10 people"
	}
	code := code1
	if code == "" {
		code = code2
	}
	if code == "" {
		return rangeResult{}, false
	}
	lo := n1.value
	if !n1.scaled && n2.scaled && n1.value <= n2.coef {
		if n1.plain {
			lo = scaleOf(n1.mant, n1.dec, n2.unit)
		} else {
			lo = n1.value * n2.unit
		}
	}
	if !(lo < n2.value) {
		return rangeResult{}, false
	}
	e := n2.end
	m := 1.0
	if suf2.ok {
		e = suf2.end
		m = suf2.a.mult()
	}
	if kind == "kara" && changeAfter(s[e:]) {
		return rangeResult{}, false // 「100億円から200億円に増額」: a change, two amounts
	}
	return rangeResult{lo: lo * m, hi: n2.value * m, end: e, code: code, suf: suf2, from: from}, true
}

// changeVerbs are English words before "X to Y" that make it a change
// from one amount to another, not a range.
var changeVerbs = map[string]bool{
	"rose": true, "rise": true, "rises": true, "rising": true, "fell": true, "fall": true, "falls": true, "falling": true,
	"increased": true, "increase": true, "increases": true, "decreased": true, "decrease": true, "climbed": true, "jumped": true,
	"dropped": true, "declined": true, "grew": true, "slid": true, "gained": true, "lost": true, "surged": true, "soared": true,
	"plunged": true, "tumbled": true, "slipped": true, "eased": true, "edged": true, "raised": true, "cut": true, "lifted": true,
	"lowered": true, "boosted": true, "reduced": true, "trimmed": true, "up": true, "down": true, "moved": true, "went": true,
}

// rangeVerbs are English words before "from X to Y" that make it a
// range.
var rangeVerbs = map[string]bool{
	"range": true, "ranges": true, "ranging": true, "ranged": true, "vary": true, "varies": true, "varying": true,
	"varied": true, "anywhere": true, "cost": true, "costs": true, "priced": true, "valued": true, "estimated": true,
}

// changeAfter reports words after a Japanese 「AからB」 that make it a
// change from one amount to another (に増額, へ引き上げ), not a range; a
// level reached (になる, に上る, に達する) keeps the range.
func changeAfter(rest string) bool {
	switch {
	case strings.HasPrefix(rest, "へ"):
		return true
	case strings.HasPrefix(rest, "に"):
		r := rest[len("に"):]
		for _, w := range [...]string{"な", "上る", "のぼ", "達", "上り"} {
			if strings.HasPrefix(r, w) {
				return false
			}
		}
		return true
	}
	return false
}

// rangeSep reads a range separator at i: "-", "–", "~" (with optional
// spaces), " to ", " and ".
func rangeSep(s string, i int) (int, string) {
	p := i
	if p < len(s) && s[p] == ' ' {
		p++
	}
	switch {
	case strings.HasPrefix(s[p:], "-"), strings.HasPrefix(s[p:], "~"):
		p++
	case strings.HasPrefix(s[p:], "–"):
		p += len("–")
	case p == i && strings.HasPrefix(s[p:], "から") && p+len("から") < len(s) && isNumeralStart(rune0(s[p+len("から"):])):
		return p + len("から"), "kara" // 「100億から200億円」
	case p > i && strings.HasPrefix(s[p:], "to ") || p > i && strings.HasPrefix(s[p:], "and "):
		kind := "to"
		if s[p] == 'a' {
			kind = "and"
		}
		return p + len(kind) + 1, kind
	default:
		return i, ""
	}
	if p < len(s) && s[p] == ' ' {
		p++
	}
	return p, "dash"
}

// wordBefore returns the lowercased ASCII word just before position i
// (skipping one space), or "".
func wordBefore(s string, i int) string {
	k := i
	if k > 0 && s[k-1] == ' ' {
		k--
	}
	j := k
	for j > 0 && (s[j-1] >= 'a' && s[j-1] <= 'z' || s[j-1] >= 'A' && s[j-1] <= 'Z') {
		j--
	}
	return strings.ToLower(s[j:k])
}

// nameAfterEuro reports a name made of the word euro (starting at st) and
// a number: a year ("Euro 2024" is a tournament, not €2024) or, written
// "Euro", a single digit ("Euro 6" is an emissions standard).
func nameAfterEuro(s string, a affix, st int, n number) bool {
	if a.text != "euro" || !n.plain || n.dec != 0 {
		return false
	}
	if n.end-n.start == 4 && n.value >= 1900 && n.value < 2100 {
		return true
	}
	return n.end-n.start == 1 && s[st] == 'E'
}

// widen extends a plain Arabic number with what only a currency makes
// likely: a single-letter scale after a space ("$2.5 m", after a prefix
// only) and thousands separated by spaces ("1 500 円", "€ 1 200"), kept when
// a currency suffix follows or a prefix precedes.
func (p *Parser) widen(s string, n number, hasPre bool) number {
	if hasPre {
		if u, e := spacedLetterScale(s, n.end); u != 0 {
			n.value = scaleOf(n.mant, n.dec, u)
			n.coef, n.unit = scaleOf(n.mant, n.dec, 1), u
			n.scaled, n.plain = true, false
			n.end = e
			return n
		}
	}
	if n.dec != 0 || n.end-n.start > 3 && !commaGrouped(s[n.start:n.end]) {
		return n // "$3,000 000 USD" mixes the two separators: a comma-grouped number goes on
	}
	mant, k := spacedGroups(s, n.end, n.mant)
	if k == n.end {
		return n
	}
	dec := 0
	if k+1 < len(s) && (s[k] == ',' || s[k] == '.') && isDigit(s[k+1]) {
		j := k + 1
		m := mant
		for j < len(s) && isDigit(s[j]) {
			m = m*10 + float64(s[j]-'0')
			dec++
			j++
		}
		mant, k = m, j
	}
	if _, _, ok := p.matchSuffixAt(s, k); !ok && (!hasPre || digitAfter(s, k) || n.end-n.start > 3) {
		return n // "$3,000 500 people": a comma-grouped number goes on only before a currency
	}
	n.mant, n.dec, n.end = mant, dec, k
	n.value = scaleOf(mant, dec, 1)
	n.coef = n.value
	return n
}

// commaGrouped reports digits in comma-separated groups of three after a
// first group of one to three ("3,000", "12,500,000").
func commaGrouped(t string) bool {
	first := strings.IndexByte(t, ',')
	if first < 1 || first > 3 {
		return false
	}
	for i := 0; i < len(t); i++ {
		switch {
		case t[i] == ',':
			if (len(t)-i-1)%4 != 3 {
				return false
			}
		case !isDigit(t[i]):
			return false
		}
	}
	return (len(t)-first)%4 == 0
}

// spacedLetterScale reads " m", " M", " k", " bn"-less single letters after
// a space ("$2.5 m") at i.
func spacedLetterScale(s string, i int) (float64, int) {
	if i+1 >= len(s) || s[i] != ' ' || !wordEnd(s, i+2) {
		return 0, i
	}
	switch s[i+1] {
	case 'k', 'K':
		return 1e3, i + 2
	case 'm', 'M':
		return 1e6, i + 2
	case 'b', 'B':
		return 1e9, i + 2
	}
	return 0, i
}

// poundWeight reports a "pound(s)" or ポンド suffix that the words around
// make a weight.
func poundWeight(s string, start int, suf side) bool {
	switch suf.a.text {
	case "ポンド":
		lo := max(start-12, 0)
		w := s[lo:start]
		return strings.Contains(w, "重さ") || strings.Contains(w, "体重") ||
			strings.Contains(w, "重量") || strings.Contains(w, "重み")
	case "pound", "pounds":
	default:
		return false
	}
	if s[suf.start] == '-' {
		return true // "a 20-pound bird"
	}
	rest := s[suf.end:]
	for _, f := range [...]string{" of ", " per square", " heavier", " lighter", " overweight", " underweight"} {
		if hasPrefixFold(rest, f) {
			return true
		}
	}
	// Up to three words back: "weighs 5 pounds", "lost 20 pounds".
	k := start
	for range 3 {
		w := wordBefore(s, k)
		if w == "" {
			break
		}
		for _, stem := range [...]string{"weigh", "lost", "lose", "losing", "gain", "lift", "heav"} {
			if strings.HasPrefix(w, stem) {
				return true
			}
		}
		if k > 0 && s[k-1] == ' ' {
			k--
		}
		k -= len(w)
	}
	return false
}

// articleCurrency checks the currency after "a" or "half a": a lower-case
// currency word after a space ("a dollar", "half a euro") that ends the
// phrase — punctuation, the end, or a word of rate or sum follows ("a
// dollar a day", "a pound each", "a dollar and fifty cents"). "A dollar
// store", "a euro zone" and "a yen for travel" are not amounts.
func articleCurrency(s string, suf side) bool {
	if !suf.ok || suf.start >= len(s) || s[suf.start] != ' ' || suf.a.code3 || suf.a.cents && suf.a.text != "cent" && suf.a.text != "penny" {
		return false
	}
	if c := suf.a.text[0]; c < 'a' || c > 'z' {
		return false
	}
	rest := s[suf.end:]
	if rest == "" || strings.ContainsRune(".,;:!?)", rune(rest[0])) {
		return true
	}
	for _, f := range [...]string{" a ", " an ", " each", " per ", " apiece", " and ", " or ", " in ", " more", " less", " off"} {
		if strings.HasPrefix(rest, f) {
			return true
		}
	}
	return false
}

// pencePlausible checks the glued "p" of pence ("20p", "12.5p"): at most
// three whole digits, not a video resolution (720p, 1080p), and a price
// word around it: a verb of price or movement before ("rose 20p", "costs
// 85p", "to 145p") or "a share", "each"… after.
func pencePlausible(s string, n number, suf side) bool {
	if suf.a.text != "p" {
		return true
	}
	if !n.plain || n.value >= 1000 {
		return false
	}
	switch n.value {
	case 144, 240, 360, 480, 540, 576, 720, 1080, 1440, 2160, 4320:
		return false
	}
	rest := s[suf.end:]
	for _, f := range [...]string{" a share", " per share", " each", " a litre", " per litre", " a unit",
		" per unit", " a day", " a week", " a month", " a pint", " per kwh", " a kwh", " coin", " piece"} {
		if hasPrefixFold(rest, f) {
			return true
		}
	}
	switch wordBefore(s, n.start) {
	case "to", "at", "from", "by", "is", "was", "were", "are", "be", "cost", "costs", "costing", "paid",
		"pay", "pays", "price", "priced", "only", "just", "rose", "fell", "up", "down", "gained", "lost",
		"added", "shed", "dropped", "jumped", "slipped", "climbed", "closed", "opened", "and", "or",
		"for", "about", "around", "nearly", "than", "of", "under", "over", "raised", "cut":
		return true
	}
	return false
}

// centsAfter reads the sub-units that complete a whole amount:
// "3ドル50セント", "5 dollars 50 cents", "ten dollars and fifty cents",
// "£2 and 20 pence", "3 euros and 50 cents", "545ドルと5セント",
// "2222円13銭", "3元5角2分", "五元三角". It returns the value to add and the
// new end.
func (p *Parser) centsAfter(s string, end int, n number, code string) (float64, int, bool) {
	if n.scaled || n.vague || n.dec != 0 || n.value != float64(int64(n.value)) || n.value < 0 {
		return 0, end, false
	}
	if code == "CNY" {
		if add, e, ok := jiaoFen(s, end); ok {
			return add, e, true
		}
		return maoFen(s, end, n.words)
	}
	if !hundredths(code) && code != "JPY" {
		return 0, end, false
	}
	q := subunitStart(s, end)
	n2, ok := subunitNumber(s, q, n.words)
	if !ok && !n.words {
		// "1 dollar and forty-two cents": words, then the unit must follow.
		n2, ok = subunitNumber(s, q, true)
		if ok {
			if a, _, found := p.matchSuffixAt(s, n2.end); !found || !a.cents {
				ok = false
			}
		}
	}
	if !ok || n2.value >= 100 {
		return 0, end, false
	}
	// "$20 and 43c": a glued c is cents after a whole amount; "£4 and
	// 30p" a glued p pence.
	if n2.end < len(s) && s[n2.end] == 'c' && wordEnd(s, n2.end+1) && !n2.words && (centsFamily(code) || code == "MYR") ||
		n2.end < len(s) && s[n2.end] == 'p' && wordEnd(s, n2.end+1) && !n2.words && code == "GBP" {
		return n2.value / 100, n2.end + 1, true
	}
	a, e, ok := p.matchSuffixAt(s, n2.end)
	if !ok && bareCents(s, n.start, end, q, n2) && code != "JPY" {
		return n2.value / 100, n2.end, true
	}
	if !ok || !a.cents || a.glued {
		return 0, end, false
	}
	if a.code != code && !(genericCents(a) && (centsFamily(code) || code == "MYR")) {
		return 0, end, false
	}
	return n2.value / 100, e, true
}

// bareCents reports hundredths written without their unit at the end of a
// phrase: "thirteen dollars forty five", "100ユーロと30です", "$100 and
// fifty.", "one dollar and two and…". The number n2 (at q, after the
// amount's end) must close the phrase; without "and"/と between them the
// amount must end with a currency word, not a digit ("$5 10" is two
// numbers).
// After "between", "and" joins a range's bounds ("between $5 and 10.").
func bareCents(s string, start, end, q int, n2 number) bool {
	joined := q > end+1 // "and " or と
	if joined && strings.Contains(strings.ToLower(s[max(0, start-16):start]), "between") {
		return false
	}
	if !joined {
		if r, _ := utf8.DecodeLastRuneInString(s[:end]); r < utf8.RuneSelf && !isASCIILetterByte(byte(r)) {
			return false
		}
	}
	rest := s[n2.end:]
	switch {
	case rest == "":
		return true
	case strings.ContainsRune(".,;!?", rune(rest[0])) && (len(rest) == 1 || rest[1] == ' ' || rest[1] == '\n'):
		return true
	case strings.HasPrefix(rest, "。"), strings.HasPrefix(rest, "、"), strings.HasPrefix(rest, "です"):
		return true
	case hasPrefixFold(rest, " and "):
		return true
	}
	return false
}

// subunitStart skips what joins whole units to their sub-units: a space,
// "and" or と.
func subunitStart(s string, end int) int {
	q := end
	if strings.HasPrefix(s[q:], "と") {
		return q + len("と")
	}
	if q < len(s) && s[q] == ' ' {
		q++
		if hasPrefixFold(s[q:], "and ") {
			q += len("and ")
		}
	}
	return q
}

// subunitNumber reads the whole number of sub-units at q: digits, kanji or,
// after a number in words, words.
func subunitNumber(s string, q int, words bool) (number, bool) {
	if q >= len(s) {
		return number{}, false
	}
	var n number
	ok := false
	switch r := rune0(s[q:]); {
	case isDigit(s[q]) || r >= utf8.RuneSelf && isNumeralStart(r) && r != '数':
		n, ok = parseNumber(s, q)
	case words && wordStart(s, q) && isWordNumberStart(s[q]):
		n, ok = parseWordNumber(s, q)
	}
	if !ok || n.scaled || n.dec != 0 || n.vague {
		return number{}, false
	}
	return n, true
}

// hundredths reports currencies whose sub-unit is a hundredth and that
// news writes with it (cents, pence, paise, sen): not the yen (銭 is read
// on its own), won, dong, rupiah or bitcoin.
func hundredths(code string) bool {
	switch code {
	case "", "JPY", "KRW", "VND", "IDR", "CLP", "ISK", "UGX", "XOF", "XAF", "PYG", "BTC", "IRR", "IQD":
		return false
	}
	return true
}

// centsFamily reports currencies whose hundredths are "cents" (セント, ¢).
func centsFamily(code string) bool {
	return dollarFamily(code) || code == "EUR"
}

// genericCents reports the cent words that name any currency's hundredths.
func genericCents(a affix) bool {
	switch a.text {
	case "cents", "cent", "セント", "¢":
		return true
	}
	return false
}

// jiaoFen reads the tenths (角) and hundredths (分) of a yuan after 元:
// "3元5角", "3元5角2分", "50元6角3分", "五元三角", "5人民元と3角".
func jiaoFen(s string, end int) (float64, int, bool) {
	q := subunitStart(s, end)
	add, e := 0.0, end
	for _, u := range [...]struct {
		kanji string
		frac  float64
	}{{"角", 0.1}, {"分", 0.01}} {
		n2, ok := subunitNumber(s, q, false)
		if !ok || n2.value >= 10 || !strings.HasPrefix(s[n2.end:], u.kanji) {
			continue
		}
		k := n2.end + len(u.kanji)
		if r := rune0(s[min(k, len(s)):]); k < len(s) && isKanji(r) && !isNumeralRune(r) {
			break // 三角形, 2分析: the kanji starts a word
		}
		add += n2.value * u.frac
		e, q = k, k
	}
	if e == end {
		return 0, end, false
	}
	return add, e, true
}

// maoFen reads the tenths and hundredths of a yuan written in English
// after "yuan" or "kuai": "3 yuan 5 jiao", "one kuai and five mao", "2 kuai
// 5 mao 3 fen", and the spoken "one kuai five mao five" whose last number
// is fen.
func maoFen(s string, end int, words bool) (float64, int, bool) {
	q := subunitStart(s, end)
	add, e := 0.0, end
	for _, u := range [...]struct {
		names []string
		frac  float64
	}{{[]string{"mao", "jiao"}, 0.1}, {[]string{"fen"}, 0.01}} {
		n2, ok := subunitNumber(s, q, words)
		if !ok || n2.value >= 10 || n2.end >= len(s) || s[n2.end] != ' ' {
			continue
		}
		k := -1
		for _, name := range u.names {
			if hasPrefixFold(s[n2.end+1:], name) && wordEnd(s, n2.end+1+len(name)) {
				k = n2.end + 1 + len(name)
			}
		}
		if k < 0 {
			continue
		}
		add += n2.value * u.frac
		e, q = k, k
		if u.frac == 0.1 && k < len(s) && s[k] == ' ' {
			q = k + 1
			// "five mao five": a bare number after the tenths is fen.
			if n3, ok := subunitNumber(s, q, words); ok && n3.value < 10 && wordEnd(s, n3.end) && !(n3.end < len(s) && s[n3.end] == ' ' && hasPrefixFold(s[n3.end+1:], "fen")) {
				return math.Round((add+n3.value*0.01)*100) / 100, n3.end, true
			}
		}
	}
	if e == end {
		return 0, end, false
	}
	return math.Round(add*100) / 100, e, true
}

// isKanji reports a CJK ideograph.
func isKanji(r rune) bool { return r >= 0x3400 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF }

// signBefore finds a minus sign written right before an amount starting at
// i: "-" (not after a letter, digit or another sign, so "Q3-5億円" and
// ranges stay positive), ▲ or △ (Japanese accounting), マイナス, "minus ",
// "negative ".
// It returns where the sign starts.
func signBefore(s string, i, lo int) (int, bool) {
	for _, m := range [...]string{"▲", "△", "マイナス"} {
		if st := i - len(m); st >= lo && strings.HasSuffix(s[:i], m) {
			return st, true
		}
	}
	if i-1 >= lo && s[i-1] == '-' {
		if i-1 == 0 {
			return i - 1, true
		}
		c := s[i-2]
		if c >= utf8.RuneSelf {
			r, _ := utf8.DecodeLastRuneInString(s[:i-1])
			if !isNumeralRune(r) && r != '〜' {
				return i - 1, true
			}
			return i, false
		}
		if !isASCIIAlnum(c) && !strings.ContainsRune(".,-~/+_=:'\"&$€£¥", rune(c)) {
			return i - 1, true
		}
		return i, false
	}
	for _, w := range [...]string{"minus ", "negative "} {
		if st := i - len(w); st >= lo && hasPrefixFold(s[st:i], w) && wordStart(s, st) {
			return st, true
		}
	}
	return i, false
}

// dollarCodeBefore reads the ISO code of a dollar other than the US one
// written before a bare "$" ("CAD $46 million", "AUD $2 billion") and
// returns it with where it starts.
func dollarCodeBefore(s string, dollar, lo int) (string, int, bool) {
	b := strings.TrimRight(s[lo:dollar], " ")
	if len(b) < 3 {
		return "", 0, false
	}
	code := b[len(b)-3:]
	switch code {
	case "CAD", "AUD", "NZD", "HKD", "SGD", "TWD":
	default:
		return "", 0, false
	}
	if len(b) > 3 && isASCIILetterByte(b[len(b)-4]) {
		return "", 0, false
	}
	return code, lo + len(b) - 3, true
}

// btcAttributive reports a noun right after a bitcoin count that the word
// bitcoin describes ("miners", "mining machines", "ATMs"): machines or
// places counted, not coins.
func btcAttributive(rest string) bool {
	if !strings.HasPrefix(rest, " ") && !strings.HasPrefix(rest, "-") {
		return false
	}
	w := strings.TrimLeft(rest[:min(len(rest), 24)], " -") // the next word only: never the whole rest of a long page
	if k := strings.IndexAny(w, " ,.;:)"); k >= 0 {
		w = w[:k]
	}
	return btcNouns[strings.ToLower(w)]
}

// btcNouns are the things a number before "bitcoin" may count.
var btcNouns = map[string]bool{"miner": true, "miners": true, "mining": true, "machine": true, "machines": true,
	"rig": true, "rigs": true, "atm": true, "atms": true, "kiosk": true, "kiosks": true, "node": true, "nodes": true,
	"mine": true, "mines": true, "farm": true, "farms": true, "wallet": true, "wallets": true, "address": true,
	"addresses": true, "holder": true, "holders": true, "user": true, "users": true, "company": true,
	"companies": true, "etf": true, "etfs": true, "server": true, "servers": true, "asic": true, "asics": true}

// shortLocalSign are two-letter local currency abbreviations that are
// also other things; they read as money only before a scaled, grouped or
// decimal figure ("SR3.75 billion", "Dh1,200", "KD 2.5").
var shortLocalSign = map[string]bool{"SR": true, "QR": true, "KD": true, "Dh": true}
