package org

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	kztext "github.com/kozan-dev/kozan/extract/text"
)

// Mention is one organisation name found in a text.
type Mention struct {
	Name  string // canonical name (gazetteer), or the name as written when unknown
	Text  string // the matched text
	Span  [2]int // byte offsets into the text
	Known bool   // found in the gazetteer
	Role  string // gazetteer role ("" when unknown)
}

// Find returns the organisations mentioned in text, known and unknown, in
// text order and without overlaps (known names win over unknown ones).
func (g *Gazetteer) Find(text string) []Mention {
	known := g.findKnown(text)
	unk := g.tickered(text, findUnknown(text))
	known = g.preferLonger(known, unk)
	all := merge(known, unk)
	// A short name a filing defines after a name, known or not ("Bitmain
	// Technologies Limited (“Seller”)"), stands for it where it is used.
	return g.cutAtEnd(text, shortForms(text, formerNames(text, merge(all, definedTerms(text, all)))))
}

// cutAtEnd adds the known name whose first letters end the text mid-word:
// an excerpt cut short ("…a loan facility with Coinbas", "…involving
// TeraWul", "Core Scientif"). The cut part must hold at least five
// letters and three fifths of the name, and open on a word of its own.
func (g *Gazetteer) cutAtEnd(text string, ms []Mention) []Mention {
	last, _ := utf8.DecodeLastRuneInString(text)
	if !isLatin(last) || len(ms) > 0 && ms[len(ms)-1].Span[1] >= len(text) {
		return ms
	}
	tail := text[max(0, len(text)-60):]
	best, bestLen := -1, 0
	for i := range g.entries {
		e := &g.entries[i]
		for n := -1; n < len(e.Aliases); n++ { // the name, then each alias, without a slice of them per entry
			a := e.Name
			if n >= 0 {
				a = e.Aliases[n]
			}
			for k := len(a) - 1; k >= 5 && k*5 >= len(a)*3; k-- {
				if !strings.HasSuffix(tail, a[:k]) || !utf8.ValidString(a[:k]) {
					continue
				}
				at := len(text) - k
				if prev, _ := utf8.DecodeLastRuneInString(text[:at]); at > 0 && isLatin(prev) {
					continue
				}
				if k > bestLen {
					best, bestLen = i, k
				}
				break
			}
		}
	}
	if best < 0 {
		return ms
	}
	sp := [2]int{len(text) - bestLen, len(text)}
	for _, m := range ms {
		if m.Span[1] > sp[0] {
			return ms // a name found over it already
		}
	}
	e := g.entries[best]
	return append(ms, Mention{Name: e.Name, Text: text[sp[0]:], Span: sp, Known: true, Role: e.Role})
}

// shortForms gives a name written short with the counter 社 the identity of
// the longer name it opens, told before: 「ガウ・キャピタル・パートナーズは…。
// ガウ社は…」 names one company twice.
func shortForms(text string, ms []Mention) []Mention {
	var longs map[string]int // a name's first word before ・ -> the first mention of that name
	for i := range ms {
		m := &ms[i]
		if head, _, ok := strings.Cut(m.Name, "・"); ok {
			if longs == nil {
				longs = map[string]int{}
			}
			if _, seen := longs[head]; !seen {
				longs[head] = i
			}
			continue
		}
		if m.Known || !strings.HasPrefix(text[m.Span[1]:], "社") || utf8.RuneCountInString(m.Name) < 2 {
			continue
		}
		if j, ok := longs[m.Name]; ok {
			m.Name, m.Known, m.Role = ms[j].Name, ms[j].Known, ms[j].Role
		}
	}
	return ms
}

// tickered makes a name no list knows the company whose ticker follows it
// in brackets: "Applied Blockchain (APLD)" is Applied Digital under its
// former name, "Acme Mining (NASDAQ: WULF)" TeraWulf.
func (g *Gazetteer) tickered(text string, unk []Mention) []Mention {
	for i := range unk {
		m := &unk[i]
		if e, ok := g.tickerAfter(text, m.Span[1]); ok {
			m.Name, m.Known, m.Role = g.entries[e].Name, true, g.entries[e].Role
		} else if e, ok := g.glossAfter(text, m.Span[1]); ok && hasKanaOrKanji(m.Text) {
			// ホインストーンUS(Whinstone US): a Japanese spelling glossed
			// with a name the list knows is that company.
			m.Name, m.Known, m.Role = g.entries[e].Name, true, g.entries[e].Role
		}
	}
	return unk
}

// glossAfter returns the known company whose name stands alone in brackets
// right after end: ホインストーンUS(Whinstone US).
func (g *Gazetteer) glossAfter(text string, end int) (int, bool) {
	rest := text[end:min(len(text), end+80)]
	if !strings.HasPrefix(rest, "(") {
		return 0, false
	}
	k := strings.IndexByte(rest, ')')
	if k < 0 {
		return 0, false
	}
	e, ok := g.keys[foldKey(strings.TrimSpace(rest[1:k]))]
	return e, ok
}

// ByTicker returns the known company whose ticker stands in brackets right
// after a name ending at end: the name is that company's (a former name,
// a unit). ok is false when there is none.
func (g *Gazetteer) ByTicker(text string, end int) (canonical string, ok bool) {
	e, ok := g.tickerAfter(text, end)
	if !ok {
		return "", false
	}
	return g.entries[e].Name, true
}

func (g *Gazetteer) tickerAfter(text string, end int) (int, bool) {
	rest := strings.TrimLeft(text[end:min(len(text), end+40)], " ,.")
	if !strings.HasPrefix(rest, "(") {
		return 0, false
	}
	k := strings.IndexByte(rest, ')')
	if k < 0 {
		return 0, false
	}
	t := strings.TrimSpace(rest[1:k])
	if c := strings.LastIndexByte(t, ':'); c >= 0 {
		t = strings.TrimSpace(t[c+1:])
	}
	if !IsTicker(t) {
		return 0, false
	}
	e, ok := g.keys[foldKey(t)]
	return e, ok && slices.Contains(g.entries[e].Tickers, t)
}

// IsTicker reports the shape of an exchange symbol: two to five capitals.
func IsTicker(t string) bool { return kztext.Capitals(t, 2, 5) }

// legalOnly are words that extend a known name without changing the
// company ("Tether Holdings", "Riot Platforms, Inc.").
var legalOnly = map[string]bool{"holdings": true, "group": true, "inc": true, "corp": true, "corporation": true,
	"ltd": true, "limited": true, "llc": true, "co": true, "plc": true, "company": true, "sa": true, "ag": true,
	"nv": true, "gmbh": true, "lp": true, "ホールディングス": true, "グループ": true, "株式会社": true, "社": true,
	"hd": true}

// punctSpace turns the commas and dots of a legal form into spaces.
var punctSpace = strings.NewReplacer(",", " ", ".", " ")

// preferLonger drops a known mention inside a longer unknown name that
// names another company ("Block" in "Block Mining"), unless the longer name
// is the known one with a legal form, or itself canonical.
func (g *Gazetteer) preferLonger(known, unk []Mention) []Mention {
	out := known[:0:0]
	// Only an unknown name starting where the known one starts can drop
	// it: look those up by start instead of scanning every unknown name
	// for every known one (quadratic on a long page).
	byStart := make(map[int][]int, len(unk))
	for i, u := range unk {
		byStart[u.Span[0]] = append(byStart[u.Span[0]], i)
	}
	for _, k := range known {
		drop := false
		for _, ui := range byStart[k.Span[0]] {
			u := unk[ui]
			if u.Span[1] <= k.Span[1] {
				continue
			}
			if _, ok := g.Canonical(u.Name); ok {
				continue
			}
			rest := u.Text[k.Span[1]-u.Span[0]:]
			if domainRE.MatchString(u.Text) && strings.HasPrefix(rest, ".") {
				continue // Anthropic.ai, Amazon.com: the known company under its web address
			}
			if kanaRest := strings.Trim(rest, "・ "); kanaRest != "" && kanaGeneric(kanaRest) && isKanaAt(kanaRest, 0) {
				continue // グリフォン・デジタル・マイニング: the known name with common words
			}
			extra := strings.Fields(punctSpace.Replace(rest))
			onlyLegal := true
			for _, w := range extra {
				if !legalOnly[strings.ToLower(w)] {
					onlyLegal = false
				}
			}
			if !onlyLegal {
				drop = true
			}
		}
		if !drop {
			out = append(out, k)
		}
	}
	return out
}

// runeInfo is one kept rune of the matching key (16 bytes: findKnown
// holds one per rune of the text).
type runeInfo struct {
	fold, raw  rune
	start, end int32
}

// maxPooledRunes bounds the rune buffers findKnown keeps for the next
// text: a buffer for a page of many megabytes is dropped after use.
const maxPooledRunes = 1 << 20

// findKnown matches gazetteer aliases.
func (g *Gazetteer) findKnown(text string) []Mention {
	if len(g.byFirst) == 0 || text == "" {
		return nil
	}
	bp, _ := g.runes.Get().(*[]runeInfo)
	if bp == nil {
		bp = new([]runeInfo)
	}
	defer func() {
		if cap(*bp) <= maxPooledRunes {
			g.runes.Put(bp)
		}
	}()
	rs := (*bp)[:0]
	if n := utf8.RuneCountInString(text); cap(rs) < n {
		rs = make([]runeInfo, 0, n) // grown once: appending copies a page's runes again and again
	}
	for i, r := range text {
		if ignorable(r) {
			continue
		}
		rs = append(rs, runeInfo{fold: fold(r), raw: r, start: int32(i), end: int32(i + utf8.RuneLen(r))})
	}
	*bp = rs
	var out []Mention
	for i := 0; i < len(rs); {
		if !g.mayStart(rs[i].fold) {
			i++
			continue
		}
		matched := 0
		// Two-rune heads hold the longer aliases: try them first.
		heads := [2][2]rune{{rs[i].fold, -1}, {rs[i].fold, 0}}
		if i+1 < len(rs) {
			heads[0][1] = rs[i+1].fold
		}
		for _, h := range heads {
			if h[1] < 0 {
				continue
			}
			ps := g.byFirst[h]
			for pi := range ps {
				p := &ps[pi]
				if n := g.matchAt(text, rs, i, p); n > 0 {
					e := g.entries[p.entry]
					s, t := int(rs[i].start), int(rs[i+n-1].end)
					out = append(out, Mention{Name: e.Name, Text: text[s:t], Span: [2]int{s, t}, Known: true, Role: e.Role})
					matched = n
					break
				}
			}
			if matched > 0 {
				break
			}
		}
		if matched > 0 {
			i += matched
		} else {
			i++
		}
	}
	return out
}

// mayStart reports whether some alias key may begin with the folded rune
// r: a bit test for the Basic Multilingual Plane, true above it.
func (g *Gazetteer) mayStart(r rune) bool {
	if r < 0 || r >= firstBits {
		return true
	}
	if g.first == nil {
		return false
	}
	return g.first[r>>6]&(1<<(uint(r)&63)) != 0
}

// matchAt reports the number of runes p matches at rs[i], or 0.
func (g *Gazetteer) matchAt(text string, rs []runeInfo, i int, p *pattern) int {
	n := len(p.key)
	if i+n > len(rs) {
		return 0
	}
	for j := 0; j < n; j++ {
		ri := rs[i+j]
		if ri.fold != p.key[j] {
			return 0
		}
		if p.exact && ri.raw != p.raw[j] {
			return 0
		}
		if p.caps[j] && !unicode.IsUpper(ri.raw) {
			return 0
		}
		// A match may skip spaces and dots only inside the text of one
		// name: never across a line break.
		if j > 0 && ri.start != rs[i+j-1].end && containsBreak(text[rs[i+j-1].end:ri.start]) {
			return 0
		}
	}
	s, t := int(rs[i].start), int(rs[i+n-1].end)
	if s > 0 {
		prev, _ := utf8.DecodeLastRuneInString(text[:s])
		if p.latinA && isLatin(prev) || p.kanaA && isKana(prev) {
			return 0
		}
	}
	if t < len(text) {
		next, _ := utf8.DecodeRuneInString(text[t:])
		if p.latinZ && isLatin(next) || p.kanaZ && isKana(next) {
			return 0
		}
		if p.kanaZ && otherCompanyAfter(text[t:], g.entries[p.entry], true) ||
			endsHira(text[:t]) && isKana(next) && otherCompanyAfter(text[t:], g.entries[p.entry], false) {
			return 0
		}
		// 「関電工」 is not 関電 (Kansai Electric) followed by 工: a short
		// kanji name glued to a kanji that no name takes after it goes on
		// into another name.
		if n <= 2 && isKanji(rs[i+n-1].raw) && isKanji(next) && !strings.ContainsRune(kanjiAfterName, next) &&
			hasHiragana(text[max(0, s-30):min(len(text), t+30)]) { // Japanese, not Chinese (腾讯供货)
			return 0
		}
	}
	return n
}

// kanjiAfterName are the kanji written right after a company's short name
// that are not part of it: 東電系, 関電側, 中電管内, 東電社長, 東電株.
const kanjiAfterName = "系社側傘管株等子幹首会長本向製内以前元現新両各同他及並又全"

// endsHira reports s ending on a hiragana: a name such as みずほ, which a
// katakana word glued to it carries on into another company's (みずほリース).
// A kanji name glued to one (三井住友ファイナンス) is left alone: its
// shorter readings would be taken for names instead.
func endsHira(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return isHira(r)
}

// hasHiragana reports a hiragana in s: Japanese text.
func hasHiragana(s string) bool {
	return strings.ContainsFunc(s, isHira)
}

// jaNameWords are katakana words that go on a company's name after a
// middle dot, with the English word they stand for: 「ソフトバンク・テクノロジー」
// is its own company, not SoftBank (while 「ソフトバンク・KDDI」 lists two),
// but 「ビットディア・テクノロジーズ」 is Bitdeer, whose names hold
// "Technologies". A group word (・グループ, ・ホールディングス) names the same
// company and is no such word.
var jaNameWords = []struct{ ja, en string }{
	{"テクノロジー", "technolog"}, {"ジャパン", "japan"}, {"エナジー", "energy"}, {"エネルギー", "energy"},
	{"キャピタル", "capital"}, {"パートナーズ", "partners"}, {"インベストメント", "invest"}, {"ファンド", "fund"},
	{"ビジョン", "vision"}, {"コーポレーション", "corporation"}, {"システムズ", "systems"}, {"ソリューション", "solution"},
	{"サービス", "service"}, {"ネットワーク", "network"}, {"コミュニケーション", "communication"},
	{"インターナショナル", "international"}, {"ベンチャーズ", "ventures"}, {"マネジメント", "management"},
	{"ファイナンス", "financ"}, {"リアルティ", "realty"}, {"インフラ", "infra"}, {"ロボティクス", "robotics"},
	{"モバイル", "mobile"}, {"クラウド", "cloud"}, {"データセンター", "data cent"}, {"リース", "leas"},
}

// otherCompanyAfter reports rest opening on one of jaNameWords that none of
// e's names holds, after a middle dot when dot: the name goes on into
// another company's (「ソフトバンク・テクノロジー」; glued to a name ending on
// hiragana, 「みずほリース」).
func otherCompanyAfter(rest string, e Entry, dot bool) bool {
	seps := []string{"・", "･"}
	if !dot {
		seps = []string{""}
	}
	for _, sep := range seps {
		after, ok := strings.CutPrefix(rest, sep)
		if !ok {
			continue
		}
		for _, w := range jaNameWords {
			if !strings.HasPrefix(after, w.ja) {
				continue
			}
			if strings.Contains(strings.ToLower(e.Name), w.en) {
				return false
			}
			for _, a := range e.Aliases {
				if strings.Contains(strings.ToLower(a), w.en) || strings.Contains(a, w.ja) {
					return false
				}
			}
			return true
		}
	}
	return false
}

// containsBreak reports whether skipped text is longer than a name's
// separators ("J.P. Morgan", "Hut 8", "コア・サイエンティフィック").
func containsBreak(s string) bool {
	return len(s) > 3
}

// merge combines known and unknown mentions in text order, dropping
// unknown ones that overlap a known one.
func merge(known, unk []Mention) []Mention {
	if len(unk) == 0 {
		return known
	}
	out := make([]Mention, 0, len(known)+len(unk))
	out = append(out, known...)
	// known are in text order and do not overlap (findKnown moves past each
	// match), so their ends are in order too: the first one ending after u
	// starts is the only one that may overlap it.
	for _, u := range unk {
		i := sort.Search(len(known), func(i int) bool { return known[i].Span[1] > u.Span[0] })
		if i == len(known) || known[i].Span[0] >= u.Span[1] {
			out = append(out, u)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Span[0] < out[j].Span[0] })
	return out
}
