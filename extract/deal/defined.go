package deal

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kozan-dev/kozan/extract/org"
	"github.com/kozan-dev/kozan/extract/text"
)

// extendByAcronym stretches a name cut short at a lower-case connector to
// the whole name its acronym in brackets spells: "The National Bank [for
// Financing Infrastructure and Development] (NaBFID)", "Caisse [de dépôt
// et placement du Québec] (CDPQ)": the capitals of the words from the
// name's start to the bracket are the acronym's capitals, in order.
func extendByAcronym(txt string, ms []mention) []mention {
	var idx *spanIndex // built on the first candidate: most texts have none
	var swallow [][2]int
	for i := range ms {
		m := &ms[i]
		if m.Known {
			continue
		}
		rest := txt[m.Span[1]:min(len(txt), m.Span[1]+120)]
		open := strings.Index(rest, " (")
		if open <= 0 || strings.ContainsAny(rest[:open], ",.;:()\n\"“”") {
			continue
		}
		closeAt := strings.IndexByte(rest[open:], ')')
		if closeAt < 0 {
			continue
		}
		acr := strings.Trim(rest[open+2:open+closeAt], "\"“”'’ ")
		end := m.Span[1] + open
		if !acronymSpells(acr, txt[m.Span[0]:end]) {
			continue
		}
		if idx == nil {
			sorted := make([][2]int, len(ms))
			for k := range ms {
				sorted[k] = ms[k].Span
			}
			sort.Slice(sorted, func(a, b int) bool { return sorted[a][0] < sorted[b][0] })
			x := newSpanIndex(len(sorted), func(k int) [2]int { return sorted[k] })
			idx = &x
		}
		if idx.overlaps([2]int{end - 1, end + 1}) && runsPast(ms, m.Span[1], end) {
			continue // a name running past the bracket: no stretching
		}
		swallow = append(swallow, [2]int{m.Span[1], end})
		m.Span[1] = end
		m.Text = txt[m.Span[0]:end]
		m.Name = m.Text
		m.weak = false
	}
	if len(swallow) == 0 {
		return ms
	}
	// The names the long one swallowed ("Development") go.
	sort.Slice(swallow, func(a, b int) bool { return swallow[a][0] < swallow[b][0] })
	w := newSpanIndex(len(swallow), func(k int) [2]int { return swallow[k] })
	out := make([]mention, 0, len(ms))
	for _, o := range ms {
		gone := false
		w.each(o.Span, func(k int) {
			if swallow[k][0] <= o.Span[0] && o.Span[1] <= swallow[k][1] {
				gone = true
			}
		})
		if !gone {
			out = append(out, o)
		}
	}
	return out
}

// runsPast reports a mention starting in [from, end) that ends past end.
func runsPast(ms []mention, from, end int) bool {
	for _, o := range ms {
		if o.Span[0] >= from && o.Span[0] < end && o.Span[1] > end {
			return true
		}
	}
	return false
}

// acronymSpells reports an acronym (two to eight letters, at least two
// capitals) whose capitals are, in order, the first letters of the
// capitalised words of name, the name holding at least one lower-case
// connector (for, of, and, de, du…) a name finder stops at.
func acronymSpells(acr, name string) bool {
	if len(acr) < 2 || len(acr) > 8 {
		return false
	}
	var caps []rune
	for _, r := range acr {
		switch {
		case unicode.IsUpper(r):
			caps = append(caps, r)
		case unicode.IsLower(r) || r == '&':
		default:
			return false
		}
	}
	if len(caps) < 2 {
		return false
	}
	var initials []rune
	connector := false
	for _, w := range strings.Fields(name) {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			initials = append(initials, r)
		case unicode.IsLower(r):
			connector = true
		default:
			return false
		}
	}
	return connector && string(initials) == string(caps)
}

// spreadNames makes every use of a Japanese name the text shows once to be
// an organisation's a mention too: 「小売電気事業者のエネルギーパワーは先月、」
// makes the later 「エネルギーパワーは、…三菱UFJ銀行と…契約を締結し」 a
// party's, where the finders (which need a sign at each use) see only
// common words. Only names of three runes or more the finders did not
// find weak and whose use shows an organisation (an organisation word
// ending it, a legal form around it, a description before it) spread, and
// only to uses not glued to a longer word.
func (x *Extractor) spreadNames(txt string, ms []mention) []mention {
	// At most maxSpread names spread, each looked for once over the text:
	// the cost stays linear in the text however many names a long page
	// holds.
	const maxSpread = 50
	var spread []mention
	seen := map[string]bool{}
	for _, m := range ms {
		if len(spread) == maxSpread {
			break
		}
		if m.Known || m.weak || seen[m.Text] || utf8.RuneCountInString(m.Text) < 3 || !hasJapanese(m.Text) {
			continue
		}
		if !x.rules.orgEnd(m.Name) && !legalAround(txt, m.Span) && !describedJA(txt[:m.Span[0]]) {
			continue // a name whose use here shows no organisation: 石狩データセンター, フランクフルト
		}
		seen[m.Text] = true
		spread = append(spread, m)
	}
	if len(spread) == 0 {
		return ms
	}
	spans := make([][2]int, len(ms))
	for i, m := range ms {
		spans[i] = m.Span
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] })
	idx := newSpanIndex(len(spans), func(i int) [2]int { return spans[i] })
	var add []mention
	taken := map[int]bool{} // starts of the uses added, so two names never claim one span
	for _, m := range spread {
		text.EachIndex(txt, m.Text, func(at, off int) {
			sp := [2]int{at, off}
			if taken[at] || !aliasBounded(txt, sp) || idx.overlaps(sp) {
				return
			}
			taken[at] = true
			a := m
			a.Span = sp
			add = append(add, a)
		})
	}
	return withAdded(ms, add)
}

// describedJA reports text before a name ending on a description of an
// organisation: 「蓄電池メーカーである」「小売電気事業者の」.
func describedJA(before string) bool {
	return text.HasAnySuffix(strings.TrimSuffix(before, "の"), orgDescribers...) ||
		text.HasAnySuffix(strings.TrimSuffix(before, "である"), orgDescribers...)
}

// definedNames reads the short names a Japanese text defines for an
// organisation, 「投資会社のマーチャント・バンカーズ(以下、「MBK」)は」,
// 「ウエストホールディングス(以下、ウエストHD)と」: each later use of the
// short name is a mention of the long one, the names found inside the
// definition ("HD") go, and a long name no finder had becomes a mention
// when the definition shows it is an organisation's (a Latin short name,
// an organisation word ending the long one, or a description before it).
// A short name that is a common noun (本契約, 当社, 再エネ, 転換社債)
// defines no organisation.
func (x *Extractor) definedNames(txt string, ms []mention) []mention {
	if !strings.Contains(txt, "(以下") {
		return ms
	}
	// At most maxDefs definitions, each short name looked for once over
	// the text: the cost stays linear however long the page.
	const maxDefs = 50
	type definition struct {
		open, end int
		long      mention
		alias     string
	}
	var defs []definition
	text.EachIndex(txt, "(以下", func(open, after int) {
		if len(defs) == maxDefs {
			return
		}
		alias, end, ok := definedAlias(txt, after)
		if !ok {
			return
		}
		long, ok := x.definedLong(txt, ms, open, alias)
		if !ok {
			return
		}
		long.weak = false
		defs = append(defs, definition{open, end, long, alias})
	})
	if len(defs) == 0 {
		return ms
	}
	// The definitions' own names ("HD" of 「以下、ウエストHD」) go, and the
	// long names found by the scan join.
	out := make([]mention, 0, len(ms)+len(defs))
	for _, m := range ms {
		inside := false
		for _, d := range defs {
			if m.Span[0] >= d.open && m.Span[1] <= d.end {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, m)
		}
	}
	for _, d := range defs {
		if !overlaps(out, d.long.Span) {
			out = append(out, d.long)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Span[0] < out[j].Span[0] })
	// Each later use of a short name stands for its long name, unless it
	// sits inside a longer name.
	var uses []mention
	for _, d := range defs {
		text.EachIndex(txt[d.end:], d.alias, func(at, off int) {
			sp := [2]int{d.end + at, d.end + off}
			if aliasBounded(txt, sp) {
				a := d.long
				a.Text, a.Span = d.alias, sp
				uses = append(uses, a)
			}
		})
	}
	sort.Slice(uses, func(i, j int) bool { return uses[i].Span[0] < uses[j].Span[0] })
	idx := newSpanIndex(len(out), func(i int) [2]int { return out[i].Span })
	drop := make([]bool, len(out))
	var kept []mention
	for _, u := range uses {
		if len(kept) > 0 && kept[len(kept)-1].Span[1] > u.Span[0] {
			continue // two short names over one span: the first
		}
		inLonger := false
		idx.each(u.Span, func(i int) {
			o := out[i].Span
			if o[0] < u.Span[1] && u.Span[0] < o[1] && (o[0] < u.Span[0] || o[1] > u.Span[1]) {
				inLonger = true
			}
		})
		if inLonger {
			continue
		}
		idx.each(u.Span, func(i int) {
			if o := out[i].Span; o[0] < u.Span[1] && u.Span[0] < o[1] {
				drop[i] = true
			}
		})
		kept = append(kept, u)
	}
	final := make([]mention, 0, len(out)+len(kept))
	for i, m := range out {
		if !drop[i] {
			final = append(final, m)
		}
	}
	final = append(final, kept...)
	sort.Slice(final, func(i, j int) bool { return final[i].Span[0] < final[j].Span[0] })
	return final
}

// definedAlias reads the short name of 「(以下、「MBK」)」 from i, right after
// "(以下": the name, the offset after the closing bracket, and whether the
// short name may be an organisation's.
func definedAlias(txt string, i int) (string, int, bool) {
	rest := txt[i:]
	rest = strings.TrimLeft(rest, "、, ")
	i = len(txt) - len(rest)
	var alias string
	switch {
	case strings.HasPrefix(rest, "「"), strings.HasPrefix(rest, "『"), strings.HasPrefix(rest, "“"), strings.HasPrefix(rest, "\""):
		_, n := utf8.DecodeRuneInString(rest)
		closeAt := strings.IndexAny(rest[n:], "」』”\"")
		if closeAt < 0 {
			return "", 0, false
		}
		alias = rest[n : n+closeAt]
		rest = rest[n+closeAt:]
		_, c := utf8.DecodeRuneInString(rest)
		rest = rest[c:]
	default:
		k := strings.IndexAny(rest, ")。、\n")
		if k < 0 {
			return "", 0, false
		}
		alias = rest[:k]
		rest = rest[k:]
	}
	if !strings.HasPrefix(rest, ")") {
		return "", 0, false // 「(以下、「A」という。)」 and longer notes: no plain definition
	}
	end := len(txt) - len(rest) + 1
	alias = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(alias), "社"))
	if utf8.RuneCountInString(alias) < 2 || len(alias) > 40 || genericAlias(alias) {
		return "", 0, false
	}
	return alias, end, true
}

// genericAlias reports a short name that is a common noun, not an
// organisation's: 本契約, 当社, 同社, 本顧客, 割当予定先, 再エネ, 転換社債,
// 米国, GWh.
func genericAlias(a string) bool {
	if text.HasAnyPrefix(a, "本", "当", "同", "上記", "前記", "総称") {
		return true
	}
	if text.HasAnySuffix(a, "契約", "案件", "債", "社債", "法", "顧客", "先", "事業", "計画", "施設", "物件", "株式", "増資",
		"ファンド", "プロジェクト", "フレームワーク", "エネ", "国", "県", "市", "氏") {
		return true
	}
	for _, r := range a {
		if unicode.IsDigit(r) || unicode.IsLower(r) && r < 0x80 && !strings.ContainsAny(a, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
			return true
		}
	}
	return a == "GWh" || a == "MWh"
}

// definedLong is the organisation a definition at open ("(以下") names:
// the mention ending right before it (a legal form or 社 between
// allowed), else the run of name characters before it when the
// definition shows it is an organisation's.
func (x *Extractor) definedLong(txt string, ms []mention, open int, alias string) (mention, bool) {
	before := strings.TrimRight(txt[:open], " ")
	for _, f := range []string{"株式会社", "(株)", "社"} {
		before = strings.TrimSuffix(before, f)
	}
	// "NTT Finance Americas Inc.(以下「NTTFA」)": a Latin legal form ends
	// the name.
	if k := strings.LastIndexAny(before, " ,"); k >= 0 && org.LegalForm(before[k+1:]) {
		before = strings.TrimRight(before[:k], " ,")
	}
	for _, m := range ms { // not sorted yet: the finders' names come in turn
		if m.Span[1] <= open && m.Span[1] >= len(before) {
			return m, true
		}
	}
	s := len(before)
	for s > 0 {
		r, n := utf8.DecodeLastRuneInString(before[:s])
		if !definedNameRune(r) {
			break
		}
		s -= n
	}
	name := strings.TrimPrefix(before[s:], "株式会社")
	s = len(before) - len(name)
	name = strings.TrimSpace(name)
	if utf8.RuneCountInString(name) < 2 || strings.ContainsAny(name, "0123456789") || org.KanaGeneric(name) {
		return mention{}, false
	}
	// The definition shows an organisation: a Latin short name for a
	// longer name (大和エナジー・インフラ(以下、「DEI」)), or an
	// organisation word ending the long name.
	latin := true
	for _, r := range alias {
		if !(r >= 'A' && r <= 'Z' || r == '&' || r == '-') {
			latin = false
		}
	}
	if !latin && !x.rules.orgEnd(name) && !describedJA(txt[:s]) {
		return mention{}, false
	}
	sp := [2]int{s, s + len(name)}
	return mention{Mention: org.Mention{Name: name, Text: name, Span: sp}}, true
}

// definedNameRune reports a rune a Japanese organisation's name may hold:
// katakana, kanji, Latin letters and digits, ・ ー & and a dot; a space, a
// hiragana, a bracket or a punctuation mark ends it.
func definedNameRune(r rune) bool {
	switch {
	case r >= 0x30A0 && r <= 0x30FF, isKanjiRune(r), r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		return true
	}
	return r == '・' || r == 'ー' || r == '&' || r == '.'
}

// isKanjiRune reports a CJK ideograph or 々.
func isKanjiRune(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF || r == '々' }

// aliasBounded reports a use of a short name at sp that is not part of a
// longer word: no Latin letter or digit glued to a Latin short name, no
// katakana glued to a katakana one.
func aliasBounded(txt string, sp [2]int) bool {
	prev, _ := utf8.DecodeLastRuneInString(txt[:sp[0]])
	next, _ := utf8.DecodeRuneInString(txt[sp[1]:])
	first, _ := utf8.DecodeRuneInString(txt[sp[0]:sp[1]])
	last, _ := utf8.DecodeLastRuneInString(txt[sp[0]:sp[1]])
	glued := func(a, b rune) bool {
		latin := func(r rune) bool { return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }
		kana := func(r rune) bool { return r >= 0x30A0 && r <= 0x30FF }
		return latin(a) && latin(b) || kana(a) && kana(b)
	}
	return !glued(prev, first) && !glued(last, next)
}

// firstWordNames adds the later uses of an English name's first word
// standing alone as mentions of the name: "Constellation Energy" … then
// "Constellation also struck an agreement with Meta", "Core's filing"
// after "Core Scientific". The word must be capitalised, not an acronym,
// not a stop, place, corporate or given-name word, and the first word of
// one name of the text only, or of the one named more often than the
// others it opens; a use inside another capitalised run is
// none, and one opening a sentence needs a verb or a possessive after it
// ("Advanced gas-cooled reactors" after "Advanced Blockchain" is no use).
func firstWordNames(txt string, ms []mention) []mention {
	owner := map[string]int{} // first word → index in ms, -1 when two names share it
	count := map[string]int{}
	for _, m := range ms {
		count[m.Name]++
	}
	for i, m := range ms {
		sp := strings.IndexByte(m.Text, ' ')
		if sp < 0 || !strings.HasPrefix(m.Name, m.Text[:sp]) {
			continue
		}
		w := m.Text[:sp]
		if len(w) < 3 || w[0] < 'A' || w[0] > 'Z' || text.Capitals(w, len(w), len(w)) || !asciiWord(w) ||
			org.IsStop(w) || org.OnlyStopOrPlace([]string{w}) || org.CorporateWord(w) || org.IsDemonym(w) || org.GivenName(w) {
			continue
		}
		if j, ok := owner[w]; ok && j >= 0 && !sameName(ms[j].Name, m.Name) && count[ms[j].Name] <= count[m.Name] {
			// Two names share the word, the first no more used than the
			// later: the word alone may be either. The text's company
			// named more often keeps it ("Compass Datacenters" … "a
			// Compass affiliate called Compass Investors I LLC").
			owner[w] = -1
		} else if !ok {
			owner[w] = i
		}
	}
	if len(owner) == 0 {
		return ms
	}
	idx := newSpanIndex(len(ms), func(i int) [2]int { return ms[i].Span })
	var add []mention
	uses := map[string]int{}
	// One pass over the text's capitalised ASCII words: a long page with
	// many names costs its length, not its length times its names.
	for at := 0; at < len(txt); {
		c := txt[at]
		if c < 'A' || c > 'Z' || at > 0 && isWordByte(txt[at-1]) {
			at++
			continue
		}
		end := at + 1
		for end < len(txt) && (txt[end]|0x20) >= 'a' && (txt[end]|0x20) <= 'z' {
			end++
		}
		w := txt[at:end]
		i, ok := owner[w]
		next := end
		if !ok || i < 0 || end < len(txt) && isWordByte(txt[end]) || uses[w] >= 50 || idx.overlaps([2]int{at, end}) {
			at = next
			continue
		}
		at = next
		rest := txt[end:]
		if len(rest) > 1 && rest[0] == ' ' && rest[1] >= 'A' && rest[1] <= 'Z' {
			continue // "Constellation Brands": another name
		}
		before := strings.TrimRight(txt[:end-len(w)], " ")
		opens := before == "" || strings.HasSuffix(before, "\n") || text.HasAnySuffix(before, ".", "!", "?", "\"", "“", ":")
		if !opens {
			k := strings.LastIndexByte(before, ' ')
			if pw := before[k+1:]; pw != "" && pw[0] >= 'A' && pw[0] <= 'Z' {
				continue // inside a capitalised run
			}
		} else if !text.HasAnyPrefix(rest, "'s ", "’s ", " also ", " has ", " have ", " had ", " said", " says", " is ", " was ",
			" will ", " signed", " agreed", " struck", " announced", " reported", " inked", ", ") {
			continue
		}
		uses[w]++
		o := ms[i]
		o.Span, o.Text, o.weak = [2]int{end - len(w), end}, w, false
		add = append(add, o)
	}
	return withAdded(ms, add)
}

// withAdded returns ms with add's mentions, all in order of their starts.
func withAdded(ms, add []mention) []mention {
	if len(add) == 0 {
		return ms
	}
	ms = append(ms, add...)
	sort.SliceStable(ms, func(a, b int) bool { return ms[a].Span[0] < ms[b].Span[0] })
	return ms
}

// asciiWord reports a word of ASCII letters only.
func asciiWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}
