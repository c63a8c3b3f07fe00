package money

import (
	"strings"
	"unicode/utf8"

	"github.com/kozan-dev/kozan/pipeline"
)

// qualWord is a word that bounds or softens an amount.
type qualWord struct {
	text string
	qual string
}

// jaPrefixQuals come right before a Japanese amount ("約9600万ドル").
func jaPrefixQuals() []qualWord {
	return []qualWord{
		{"最大で", pipeline.QualUpTo}, {"最大", pipeline.QualUpTo}, {"最高で", pipeline.QualUpTo},
		{"最高", pipeline.QualUpTo}, {"上限", pipeline.QualUpTo},
		{"最低でも", pipeline.QualOver}, {"最低", pipeline.QualOver}, {"少なくとも", pipeline.QualOver},
		{"おおよそ", pipeline.QualAbout}, {"およそ", pipeline.QualAbout}, {"凡そ", pipeline.QualAbout},
		{"概ね", pipeline.QualAbout}, {"推定", pipeline.QualAbout}, {"ほぼ", pipeline.QualAbout},
		{"約", pipeline.QualAbout}, {"超", pipeline.QualOver},
		{"~", pipeline.QualAbout},
	}
}

// suffixQuals come right after an amount ("92億ドル超", "$1bn or more").
func suffixQuals() []qualWord {
	return []qualWord{
		{"以上", pipeline.QualOver}, {"超え", pipeline.QualOver}, {"超", pipeline.QualOver}, {"強", pipeline.QualOver},
		{"余り", pipeline.QualOver}, {"あまり", pipeline.QualOver}, {"余", pipeline.QualOver},
		{"未満", pipeline.QualUnder}, {"以下", pipeline.QualUnder}, {"弱", pipeline.QualUnder},
		{"足らず", pipeline.QualUnder}, {"近く", pipeline.QualUnder},
		{"前後", pipeline.QualAbout}, {"程度", pipeline.QualAbout}, {"ほど", pipeline.QualAbout},
		{"くらい", pipeline.QualAbout}, {"ぐらい", pipeline.QualAbout},
		{" or more", pipeline.QualOver}, {" or less", pipeline.QualUnder}, {"-plus", pipeline.QualOver},
		{"+", pipeline.QualOver},
	}
}

// enPrefixQuals are English words before an amount, matched case-insensitively
// on word boundaries, with one space between them and the amount.
func enPrefixQuals() []qualWord {
	return []qualWord{
		// A negated bound first, before the bound it holds: "no more
		// than $5m" is at most $5m.
		{"no more than", pipeline.QualUnder}, {"not more than", pipeline.QualUnder}, {"at most", pipeline.QualUnder},
		{"no less than", pipeline.QualOver}, {"not less than", pipeline.QualOver},
		{"up to", pipeline.QualUpTo}, {"as much as", pipeline.QualUpTo}, {"as high as", pipeline.QualUpTo},
		{"a maximum of", pipeline.QualUpTo}, {"a max of", pipeline.QualUpTo},
		{"more than", pipeline.QualOver}, {"over", pipeline.QualOver}, {"above", pipeline.QualOver},
		{"in excess of", pipeline.QualOver}, {"upwards of", pipeline.QualOver}, {"upward of", pipeline.QualOver},
		{"north of", pipeline.QualOver}, {"at least", pipeline.QualOver}, {"a minimum of", pipeline.QualOver},
		{"exceeding", pipeline.QualOver}, {"just over", pipeline.QualOver}, {"well over", pipeline.QualOver},
		{"greater than", pipeline.QualOver},
		{"less than", pipeline.QualUnder}, {"under", pipeline.QualUnder}, {"below", pipeline.QualUnder},
		{"nearly", pipeline.QualUnder}, {"almost", pipeline.QualUnder}, {"just under", pipeline.QualUnder},
		{"just shy of", pipeline.QualUnder}, {"close to", pipeline.QualUnder}, {"fewer than", pipeline.QualUnder},
		{"about", pipeline.QualAbout}, {"approximately", pipeline.QualAbout}, {"approx.", pipeline.QualAbout},
		{"approx", pipeline.QualAbout}, {"around", pipeline.QualAbout}, {"roughly", pipeline.QualAbout},
		{"some", pipeline.QualAbout}, {"circa", pipeline.QualAbout}, {"an estimated", pipeline.QualAbout},
		{"estimated", pipeline.QualAbout}, {"ca.", pipeline.QualAbout},
	}
}

// qualIndex buckets qualifier words by the last byte of their text (lower
// case), keeping the table order in each bucket, so a lookup before an
// amount tries only the words that can end there.
type qualIndex [256][]qualWord

func newQualIndex(qs []qualWord) *qualIndex {
	var ix qualIndex
	for _, q := range qs {
		c := lower(q.text[len(q.text)-1])
		ix[c] = append(ix[c], q)
	}
	return &ix
}

// notYaku are kanji that make 約 part of a word (契約, 予約…), not "about".
const notYaku = "契予節要規制集公条條協確特解婚成先誓盟違締売"

// prefixQual finds a qualifier ending at i (the amount start) that starts at
// or after lo. It returns the qualifier and its start.
func (p *Parser) prefixQual(s string, i, lo int) (string, int, bool) {
	if q, st, ok := p.jaPrefixQual(s, i, lo); ok {
		return q, st, true
	}
	if i-1 < lo || s[i-1] != ' ' {
		return "", i, false
	}
	if q, st, ok := p.jaPrefixQual(s, i-1, lo); ok && s[st] >= utf8.RuneSelf {
		return q, st, true // "約 100億円"
	}
	// English: one space between the words and the amount.
	k := i - 1
	if k < 1 {
		return "", i, false
	}
	for _, q := range p.enPre[lower(s[k-1])] {
		st := k - len(q.text)
		if st < lo || !hasPrefixFold(s[st:k], q.text) || !wordStart(s, st) {
			continue
		}
		return q.qual, st, true
	}
	return "", i, false
}

// jaPrefixQual finds a Japanese qualifier (or "~") ending exactly at i.
func (p *Parser) jaPrefixQual(s string, i, lo int) (string, int, bool) {
	if i < 1 {
		return "", i, false
	}
	for _, q := range p.jaPre[s[i-1]] {
		st := i - len(q.text)
		if st < lo || s[st:i] != q.text {
			continue
		}
		if q.text == "約" && st > 0 {
			r, _ := utf8.DecodeLastRuneInString(s[:st])
			if strings.ContainsRune(notYaku, r) {
				continue
			}
		}
		if q.text == "~" && st > 0 {
			// "8~10億ドル" is a range, not "about 10億ドル".
			r, _ := utf8.DecodeLastRuneInString(s[:st])
			if isNumeralRune(r) || r == '.' {
				continue
			}
		}
		return q.qual, st, true
	}
	return "", i, false
}

// suffixDeny returns, for a one-kanji suffix qualifier, the kanji that make
// it the start of another word instead.
func suffixDeny(q string) (string, bool) {
	switch q {
	case "余":
		return "剰裕地談波計白韻暇興", true
	case "強":
		return "化調気み制力烈硬行引固靭", true
	case "弱":
		return "体気含まめ点小者", true
	}
	return "", false
}

// suffixQual finds a qualifier starting at i (the amount end).
func (p *Parser) suffixQual(s string, i int) (string, int, bool) {
	for _, q := range p.suf {
		e := i + len(q.text)
		if e > len(s) || !hasPrefixFold(s[i:e], q.text) {
			continue
		}
		if q.text[0] == ' ' && !wordEnd(s, e) {
			continue
		}
		if deny, ok := suffixDeny(q.text); ok && e < len(s) {
			if r, _ := utf8.DecodeRuneInString(s[e:]); strings.ContainsRune(deny, r) {
				continue // 余剰, 強化, 弱体…: the kanji starts the next word
			}
		}
		if q.text == "+" && e < len(s) && isDigit(s[e]) {
			continue
		}
		return q.qual, e, true
	}
	return "", i, false
}

// combineQual merges two qualifiers: a bound (over, under, up_to) wins over
// about; the first bound wins over a later one.
func combineQual(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	case a == pipeline.QualAbout:
		return b
	}
	return a
}
