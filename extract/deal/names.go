package deal

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kozan-dev/kozan/extract/org"
	"github.com/kozan-dev/kozan/extract/text"
)

// Names beyond the finders': investees, list members, a bank named again,
// acronyms, Reuters codes, names written longer than the list has them.

// investees finds katakana names that receive an investment, which no list
// and no dictionary knows: "コールドレーンに3,000万ドルを出資", "グリッドノヴァへの
// 出資", "…に投資". The run of katakana right before に/への is a name when
// 出資/投資 follows in the same clause and it is no common noun (org.IsStop).
func investees(txt string) []org.Mention {
	var out []org.Mention
	for _, verb := range []string{"出資", "投資"} {
		text.EachIndex(txt, verb, func(at, _ int) {
			lo := strings.LastIndexAny(txt[:at], "、。\n") + 1
			seg := txt[lo:at]
			for _, mark := range []string{"への", "に"} {
				p := strings.LastIndex(seg, mark)
				if p <= 0 {
					continue
				}
				end := lo + p
				start := end
				for start > lo {
					r, n := utf8.DecodeLastRuneInString(txt[:start])
					if !(isKatakana(r) || r == '・') {
						break
					}
					start -= n
				}
				for start < end && strings.HasPrefix(txt[start:], "・") {
					start += len("・")
				}
				name := txt[start:end]
				if utf8.RuneCountInString(name) < 3 || org.IsStop(name) || org.KanaGeneric(name) {
					continue
				}
				out = append(out, org.Mention{Name: name, Text: name, Span: [2]int{start, end}})
				break
			}
		})
	}
	return out
}

// corpNameEnds are the last words of Japanese company names that may hold
// hiragana the unknown-name finder stops at ("株式会社東北みらい銀行").
var corpNameEnds = []string{"銀行", "信用金庫", "証券", "電力", "信託", "商事", "物産", "リース", "キャピタル", "ファイナンス"}

// listMembers returns the members of lists of organisations that no list
// knows and no corporate word marks ("provided by ABN AMRO, DNB, Eksfin,
// Nordea, and SEB"): between two organisations found (ms, sorted), items
// of one to three capitalised words joined only by list marks are
// organisations too. Both ends must be found names, so "in Texas, Ohio and
// Georgia" or a list opening a sentence is left alone.
func listMembers(txt string, ms []mention) []mention {
	return listGaps(txt, ms, 120, func(gap string, off int) []mention {
		if !strings.HasPrefix(gap, ", ") || strings.ContainsAny(gap, ".;:()\n") {
			return nil
		}
		end := off + len(gap)
		inner := strings.TrimSpace(strings.TrimPrefix(gap, ", "))
		inner = strings.TrimSpace(strings.TrimSuffix(inner, " and"))
		inner = strings.TrimSuffix(inner, ",")
		if inner == "" || inner == "and" {
			return nil
		}
		var found []mention
		off += len(", ")
		for _, it := range strings.Split(inner, ", ") {
			start := strings.Index(txt[off:end], it)
			if !listItemName(it) || start < 0 {
				return nil
			}
			sp := [2]int{off + start, off + start + len(it)}
			found = append(found, mention{Mention: org.Mention{Name: it, Text: it, Span: sp}})
			off = sp[1]
		}
		return found
	})
}

// listGaps gives f the text between each two neighbouring names of ms
// (sorted) at most max bytes apart, and where it starts, and returns the
// list members f reads in them.
func listGaps(txt string, ms []mention, max int, f func(gap string, off int) []mention) []mention {
	var add []mention
	for i := 0; i+1 < len(ms); i++ {
		a, b := ms[i], ms[i+1]
		if b.Span[0] <= a.Span[1] || b.Span[0]-a.Span[1] > max {
			continue
		}
		add = append(add, f(txt[a.Span[1]:b.Span[0]], a.Span[1])...)
	}
	return add
}

// listMembersJA is listMembers for Japanese: between two organisations
// found and joined by 、, items written in Latin letters, digits or
// katakana alone (「九州電力、IIJ、QTnet、1FINITY、ノーチラス・テクノロジーズ」)
// are organisations too.
func listMembersJA(txt string, ms []mention) []mention {
	return append(listGapsJA(txt, ms), countedListHeads(txt, ms)...)
}

// countedListHeads finds the first member of a Japanese list of companies
// counted after it when that member is written in Latin letters or
// katakana and the finders missed it: 「RUTILEA、東北電力、日立製作所、
// 日本政策投資銀行の4社は」. Only a list its count closes qualifies.
func countedListHeads(txt string, ms []mention) []mention {
	var add []mention
	for i := 0; i < len(ms); i++ {
		j := i
		for j+1 < len(ms) && ms[j].Span[1] <= ms[j+1].Span[0] && jaListGap(txt[ms[j].Span[1]:ms[j+1].Span[0]]) {
			j++
		}
		last := ms[j].Span[1]
		if k := closingAside(txt[last:]); k > 0 {
			last += k
		}
		if rest := strings.TrimPrefix(txt[last:], "社"); !groupCountRE.MatchString(rest) && !countedCompaniesRE.MatchString(rest) {
			i = j
			continue
		}
		// The item before the list's first member, back to the clause's start.
		end := ms[i].Span[0]
		if !strings.HasSuffix(txt[:end], "、") {
			i = j
			continue
		}
		stop := end - len("、")
		start := 0
		if k := strings.LastIndexAny(txt[:stop], "、。\n「」"); k >= 0 {
			_, n := utf8.DecodeRuneInString(txt[k:])
			start = k + n
		}
		it := strings.TrimSpace(txt[start:stop])
		if it != "" && listItemNameJA(it) {
			off := start + strings.Index(txt[start:stop], it)
			add = append(add, mention{Mention: org.Mention{Name: it, Text: it, Span: [2]int{off, off + len(it)}}})
		}
		i = j
	}
	return add
}

// listGapsJA finds the names between two organisations of a Japanese list
// (listMembersJA).
func listGapsJA(txt string, ms []mention) []mention {
	return listGaps(txt, ms, 90, func(gap string, off int) []mention {
		// An aside in brackets after a name (IIJ(インターネットイニシアティブ)) is skipped.
		if k := closingAside(gap); k > 0 {
			gap, off = gap[k:], off+k
		}
		for _, c := range []string{")", "）"} { // the name was the aside: インターネットイニシアティブ(IIJ)、
			if strings.HasPrefix(gap, c) {
				gap, off = gap[len(c):], off+len(c)
			}
		}
		inner, ok := strings.CutPrefix(gap, "、")
		if !ok || !strings.HasSuffix(inner, "、") {
			return nil
		}
		off += len("、")
		var found []mention
		for _, it := range strings.Split(strings.TrimSuffix(inner, "、"), "、") {
			if !listItemNameJA(it) {
				return nil
			}
			sp := [2]int{off, off + len(it)}
			found = append(found, mention{Mention: org.Mention{Name: it, Text: it, Span: sp}})
			off = sp[1] + len("、")
		}
		return found
	})
}

// closingAside returns the length of a bracketed aside opening s, or 0.
func closingAside(s string) int {
	for _, p := range [][2]string{{"(", ")"}, {"（", "）"}} {
		if strings.HasPrefix(s, p[0]) {
			if k := strings.Index(s, p[1]); k > 0 {
				return k + len(p[1])
			}
		}
	}
	return 0
}

// listItemNameJA reports a Japanese list item that is a name by its
// letters: Latin letters and digits (QTnet, 1FINITY), or katakana of at
// least three runes that are no common words; no particle, no kanji.
func listItemNameJA(it string) bool {
	n, latin, kana := 0, 0, 0
	for _, r := range it {
		n++
		switch {
		case r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z':
			latin++
		case r >= '0' && r <= '9' || r == '-' || r == '.' || r == '&' || r == ' ':
		case r >= 0x30A0 && r <= 0x30FF: // katakana, ・ and ー
			kana++
		default:
			return false
		}
	}
	if n == 0 || n > 24 || org.IsStop(it) {
		return false
	}
	if latin > 0 {
		return latin+kana >= 2 && hasUpper(it)
	}
	return kana >= 3 && !org.KanaGeneric(it)
}

// hasUpper reports an upper-case ASCII letter in s.
func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// listItemName reports one to three capitalised words (letters, digits,
// & and hyphens) that are no stop word: a list member's name.
func listItemName(it string) bool {
	ws := strings.Fields(it)
	if len(ws) == 0 || len(ws) > 3 {
		return false
	}
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && w != "&" {
			return false
		}
		for _, c := range w {
			if !unicode.IsLetter(c) && !unicode.IsDigit(c) && c != '&' && c != '-' && c != '.' {
				return false
			}
		}
		if k := strings.IndexByte(w, '-'); k >= 0 && k+1 < len(w) && w[k+1] >= 'a' && w[k+1] <= 'z' {
			return false // "NYSE-listed", "Texas-based": a description of the name after it
		}
	}
	return !org.IsStop(it)
}

// sameBank names 同行 ("the said bank") by the last bank named before it
// within a few sentences: 「Silvergate Bankからの与信枠の借り換えを行い、同
// 行からの融資をさらに1億ドル追加した」. 同行する (to go along) is no
// bank.
func (x *Extractor) sameBank(txt string, ms []mention) []mention {
	const w = "同行"
	if !strings.Contains(txt, w) {
		return ms
	}
	bank := func(m mention) bool {
		if m.Known {
			return x.gaz.Role(m.Name) == "lender"
		}
		return strings.HasSuffix(m.Name, "銀行") || strings.HasSuffix(m.Name, "Bank")
	}
	var add []mention
	text.EachIndex(txt, w, func(at, off int) {
		if !text.HasAnyPrefix(txt[off:], "から", "は", "が", "の", "と", "に", "より") || strings.HasPrefix(txt[off:], "の上") {
			return
		}
		for i := len(ms) - 1; i >= 0; i-- {
			m := ms[i]
			if m.Span[1] > at {
				continue
			}
			if at-m.Span[1] > 600 {
				break
			}
			if bank(m) {
				if !overlaps(ms, [2]int{at, off}) {
					add = append(add, mention{Mention: org.Mention{Name: m.Name, Text: w, Span: [2]int{at, off}, Known: m.Known, Role: m.Role}})
				}
				break
			}
		}
	})
	if len(add) == 0 {
		return ms
	}
	ms = append(ms, add...)
	sort.Slice(ms, func(i, j int) bool { return ms[i].Span[0] < ms[j].Span[0] })
	return ms
}

// extendAcronymNames stretches a known Latin name glued to a katakana run
// that ends in a legal form ("SBIインベストメント株式会社",
// "GMOインターネット株式会社"): the group's subsidiary, another company.
func extendAcronymNames(txt string, ms []mention) []mention {
	for i := range ms {
		m := &ms[i]
		if !m.Known || !isASCIIWord(strings.ReplaceAll(m.Text, " ", "")) {
			continue
		}
		p, n := m.Span[1], 0
		for p < len(txt) && isKatakanaAt(txt, p) {
			_, sz := utf8.DecodeRuneInString(txt[p:])
			p += sz
			n++
		}
		if n < 3 || hasCorpSuffix(txt[p:]) == 0 || i+1 < len(ms) && ms[i+1].Span[0] < p {
			continue
		}
		stretchName(m, txt, p)
	}
	return ms
}

// stretchName makes a name end at p: a longer name no list knows.
func stretchName(m *mention, txt string, p int) {
	m.Span[1] = p
	m.Text = txt[m.Span[0]:p]
	m.Name = m.Text
	m.Known, m.miner = false, false
}

// jaBusinessOf reports the words after a Japanese deal word telling a
// company's line of business (「リースを手掛ける」「融資事業を展開する」): the
// word describes the company named next, it tells no deal.
func jaBusinessOf(rest string) bool {
	rest = strings.TrimPrefix(strings.TrimPrefix(rest, "事業"), "業務")
	return text.HasAnyPrefix(rest, "を手掛ける", "を手がける", "を手掛け、", "を手がけ、", "を展開する", "を営む", "を主力とする", "を本業とする")
}

// latinPerson reports a Latin name of two capitalised words, the first a
// given name and neither a corporate word ("Patrick Fleury" in a Japanese
// text, where no English frame tells a person).
func latinPerson(name string) bool {
	ws := strings.Fields(name)
	return len(ws) == 2 && org.GivenName(ws[0]) && !org.CorporateWord(ws[1]) && !org.CorporateWord(ws[0]) &&
		ws[1][0] >= 'A' && ws[1][0] <= 'Z' && strings.ContainsAny(ws[1], lowerLetters) // a surname, not "Sharon AI"
}

// ricExchanges are the exchange codes a Reuters instrument code ends on
// (RUM.O, NB2.DE, 9984.T, ORCL.N).
var ricExchanges = map[string]bool{"O": true, "OQ": true, "N": true, "A": true, "K": true, "P": true, "T": true, "DE": true,
	"F": true, "L": true, "HK": true, "KS": true, "KQ": true, "SS": true, "SZ": true, "PA": true, "AS": true, "MI": true,
	"TO": true, "V": true, "AX": true, "SI": true, "BO": true, "NS": true, "TW": true, "S": true, "SW": true, "ST": true,
	"OL": true, "CO": true, "HE": true, "MC": true, "BR": true, "LS": true, "VI": true, "WA": true, "IS": true, "SA": true, "MX": true}

// rics returns the spans of the Reuters instrument codes in txt, each
// from its ticker to the end of its exchange's code: a ticker, a dot and
// the exchange's code, written after a name. The ticker may be glued to a
// Latin name before it (CoreWeaveCRWV.O, IRENIREN.O): rics cuts it out.
// It reads the text once, from each dot, without an expression (a long
// page has many dots and few codes).
func rics(txt string) [][2]int {
	var out [][2]int
	for i := 0; ; i++ {
		k := strings.IndexByte(txt[i:], '.')
		if k < 0 {
			return out
		}
		i += k
		e := i + 1
		for e < len(txt) && txt[e] >= 'A' && txt[e] <= 'Z' && e-i <= 2 {
			e++
		}
		if e == i+1 || !ricExchanges[txt[i+1:e]] || e < len(txt) && (isWordByte(txt[e]) || txt[e] == '.') {
			continue
		}
		st := i
		for st > 0 && i-st < 30 && isWordByte(txt[st-1]) {
			st--
		}
		if i-st < 2 || st > 0 && (isWordByte(txt[st-1]) || txt[st-1] == '.') {
			continue // "U.S.A", "Inc.A"
		}
		run := txt[st:i]
		tick := run
		switch {
		case len(run)%2 == 0 && run[:len(run)/2] == run[len(run)/2:]:
			tick = run[len(run)/2:] // IRENIREN.O
		case strings.ContainsAny(run, lowerLetters):
			j := len(run)
			for j > 0 && (run[j-1] >= 'A' && run[j-1] <= 'Z' || run[j-1] >= '0' && run[j-1] <= '9') {
				j--
			}
			tick = run[j:] // CoreWeaveCRWV.O
		}
		if len(tick) < 2 || len(tick) > 6 || strings.ContainsAny(tick, lowerLetters) {
			continue
		}
		out = append(out, [2]int{i - len(tick), e})
	}
}

const lowerLetters = "abcdefghijklmnopqrstuvwxyz"

// outsideRICs drops the names read inside a Reuters instrument code
// (「ノーザン・データ」NB2.DE read as NB and DE): a code names no other
// party than the name before it. That name, when no name was read there,
// is a listed company's: the katakana, the Latin or the quoted words right
// before the code (「ランブル」RUM.O, ビットディア・テクノロジーズBTDR.O).
// A known name read in a code no name comes before stays (MSFT.O alone).
func (x *Extractor) outsideRICs(txt string, ms []mention) []mention {
	for _, c := range rics(txt) {
		sp, named := nameBeforeRIC(txt, c[0])
		ms = slices.DeleteFunc(ms, func(m mention) bool {
			return m.Span[0] >= c[0] && m.Span[1] <= c[1] && (named || !m.Known)
		})
		if !named {
			continue
		}
		// The name's mention reaches over the code (and a bracket closing
		// it), so the particle after the code is the name's: ランブルRUM.Oは.
		end := c[1]
		if r, n := utf8.DecodeRuneInString(txt[end:]); r == ')' || r == '>' || r == '\uff09' || r == '\uff1e' {
			end += n
		}
		at := slices.IndexFunc(ms, func(m mention) bool { return m.Span[0] < sp[1] && sp[0] < m.Span[1] })
		switch {
		case at < 0:
			ms = append(ms, x.codeNamed(txt, [2]int{sp[0], sp[1]}, end))
		case ms[at].Span[1] == sp[1]:
			ms[at].Span[1] = end
		case !ms[at].Known && ms[at].Span[1] > sp[1] && ms[at].Span[1] <= end:
			ms[at] = x.codeNamed(txt, [2]int{ms[at].Span[0], sp[1]}, end) // IRENIREN.O read as one name
		}
	}
	return ms
}

// codeNamed is the mention of the name at sp, written before a Reuters
// code that ends at end: a name the company list knows is that company.
func (x *Extractor) codeNamed(txt string, sp [2]int, end int) mention {
	name := txt[sp[0]:sp[1]]
	m := mention{Mention: org.Mention{Name: name, Text: name, Span: [2]int{sp[0], end}}}
	if c, ok := x.gaz.Canonical(name); ok {
		m.Name, m.Known = c, true
	}
	return m
}

// ricMarks may stand between a name and its Reuters code.
var ricMarks = []string{"」", " ", "(", "<", "\uff08", "\uff1c"}

// ricAfter reports a Reuters instrument code right after a name ending at
// end, or after a mark from ricMarks: a listed company's name.
func ricAfter(txt string, end int) bool {
	rest := txt[end:min(len(txt), end+40)]
	for _, c := range rics(rest) {
		if c[0] == 0 || slices.Contains(ricMarks, rest[:c[0]]) {
			return true
		}
	}
	return false
}

// nameBeforeRIC returns the span of the name written right before a
// Reuters code starting at i, after at most one mark from ricMarks: words
// in 「」, a katakana run (with ・ and ー) or Latin letters glued to the
// code.
func nameBeforeRIC(txt string, i int) ([2]int, bool) {
	j := i
	for _, p := range ricMarks[1:] {
		if strings.HasSuffix(txt[:j], p) {
			j -= len(p)
			break
		}
	}
	if strings.HasSuffix(txt[:j], "」") {
		end := j - len("」")
		k := strings.LastIndex(txt[:end], "「")
		if k < 0 || end-k-len("「") > 60 || end == k+len("「") {
			return [2]int{}, false
		}
		return [2]int{k + len("「"), end}, true
	}
	k := j
	latin := j == i && j > 0 && isWordByte(txt[j-1])
	for k > 0 {
		r, n := utf8.DecodeLastRuneInString(txt[:k])
		if latin && !(r < utf8.RuneSelf && isWordByte(byte(r))) || !latin && !unicode.Is(unicode.Katakana, r) && r != 'ー' && r != '・' {
			break
		}
		k -= n
	}
	if j-k < 2*len("ア") && !latin || j-k < 2 {
		return [2]int{}, false
	}
	return [2]int{k, j}, true
}

// extendLatinNames stretches a Latin name in Japanese text over the
// capitalised Latin words written after it up to the Japanese that follows
// (「NTT DC REITは」 is NTT DC REIT, not NTT): a known name followed by more
// of its words names a unit of its own.
func extendLatinNames(txt string, ms []mention) []mention {
	for i := range ms {
		m := &ms[i]
		if !isASCIIWord(strings.ReplaceAll(m.Text, " ", "")) {
			continue
		}
		p, words, plain := m.Span[1], 0, true
		for p+1 < len(txt) && txt[p] == ' ' && txt[p+1] >= 'A' && txt[p+1] <= 'Z' && words < 3 {
			q := p + 1
			for q < len(txt) && (txt[q] >= 'A' && txt[q] <= 'Z' || txt[q] >= 'a' && txt[q] <= 'z' || txt[q] >= '0' && txt[q] <= '9' || txt[q] == '&' || txt[q] == '.' || txt[q] == '-') {
				q++
			}
			w := strings.TrimSuffix(txt[p+1:q], ".")
			if strings.ContainsAny(w, "0123456789") || notNameWords[strings.ToLower(w)] || org.LegalForm(w) {
				plain = false // "Nvidia H100", "Microsoft Azure", "Acme Inc": a product or a legal form, no unit's name
				break
			}
			p, words = q, words+1
		}
		if !plain || words == 0 || p >= len(txt) || !hasJapanese(txt[p:min(len(txt), p+3)]) || i+1 < len(ms) && ms[i+1].Span[0] < p {
			continue
		}
		stretchName(m, txt, p)
	}
	return ms
}

// joinGlossed joins a Latin name split by its katakana reading:
// 「Northwind(ノースウインド)Group」 leaves "Northwind" and a bare "Group"
// (and the reading, when the list knows it), and a corporate word alone
// names nothing: the two are one name, "Northwind Group" (or the list's
// company the first part is). ms are in text order.
func joinGlossed(txt string, ms []mention) []mention {
	out := ms[:0]
	for _, n := range ms {
		if n.Known || strings.Contains(n.Name, " ") || !org.CorporateWord(n.Name) {
			out = append(out, n)
			continue
		}
		k := len(out) - 1
		if k >= 1 && out[k].Span[1] <= n.Span[0] && !glossedBy(txt, out[k], n) && glossedBy(txt, out[k-1], n) {
			k-- // the reading in the bracket is a name the list knows
		}
		if k < 0 || out[k].Span[1] > n.Span[0] || !glossedBy(txt, out[k], n) {
			out = append(out, n)
			continue
		}
		m := out[k]
		if !m.Known {
			m.Name += " " + n.Name
		}
		m.Span[1], m.Text = n.Span[1], txt[m.Span[0]:n.Span[1]]
		out = append(out[:k], m)
	}
	return out
}

// glossedBy reports a Latin name m and a name n after it with only a
// katakana reading in brackets between them.
func glossedBy(txt string, m, n mention) bool {
	return m.Span[1] <= n.Span[0] && isASCIIWord(strings.ReplaceAll(m.Text, " ", "")) && readingGloss(txt[m.Span[1]:n.Span[0]])
}

// readingGloss reports a bracketed katakana reading, 「(ノースウインド)」.
func readingGloss(s string) bool {
	var body string
	switch {
	case strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")"):
		body = s[1 : len(s)-1]
	case strings.HasPrefix(s, "（") && strings.HasSuffix(s, "）"):
		body = s[len("（") : len(s)-len("）")]
	}
	if body == "" {
		return false
	}
	for _, r := range body {
		if !isKatakana(r) && r != '・' && r != ' ' {
			return false
		}
	}
	return true
}

// notNameWords after a Latin name in Japanese text name a product, a
// field or a title, not a unit of the company; legal forms are
// org.LegalForm's, and "company" and "incorporated" written out.
var notNameWords = map[string]bool{"azure": true, "cloud": true, "ai": true, "gpu": true, "gpus": true, "api": true, "copilot": true,
	"gemini": true, "chatgpt": true, "claude": true, "blackwell": true, "hopper": true, "grace": true, "rubin": true, "antminer": true,
	"whatsminer": true, "avalon": true, "ceo": true, "cfo": true, "company": true, "incorporated": true}

// extendCorpNames stretches an unknown name right after 株式会社 to the
// nearest company-name ending within a few characters, with no punctuation
// or は/が/を in between.
func extendCorpNames(txt string, ms []mention) []mention {
	const corp = "株式会社"
	for i := range ms {
		m := &ms[i]
		if m.Known || !strings.HasSuffix(txt[:m.Span[0]], corp) {
			continue
		}
		best := -1
		// A name of at most 14 runes ends within 56 bytes: look no further.
		win := txt[m.Span[0]:min(len(txt), m.Span[0]+14*utf8.UTFMax)]
		for _, e := range corpNameEnds {
			k := strings.Index(win, e)
			if k < 0 {
				continue
			}
			end := m.Span[0] + k + len(e)
			if end <= m.Span[1] || utf8.RuneCountInString(txt[m.Span[0]:end]) > 14 ||
				strings.ContainsAny(txt[m.Span[1]:end-len(e)], "、。,()はがを") {
				continue
			}
			if best < 0 || end < best {
				best = end
			}
		}
		if best < 0 || i+1 < len(ms) && ms[i+1].Span[0] < best {
			continue
		}
		stretchName(m, txt, best)
	}
	// 「南星エンジニアリングと」: kagome read the name without the
	// company word glued to it; the name holds it.
	for i := range ms {
		m := &ms[i]
		if m.Known {
			continue
		}
		n := hasCorpSuffix(txt[m.Span[1]:])
		if n == 0 || !corpWordGlued(txt[m.Span[1]:m.Span[1]+n]) || i+1 < len(ms) && ms[i+1].Span[0] < m.Span[1]+n {
			continue
		}
		stretchName(m, txt, m.Span[1]+n)
		m.weak = false
	}
	return ms
}

// corpWordGlued reports a company word written as part of a name (エンジ
// ニアリング, ホールディングス), not a legal form around it (株式会社, (株)),
// an abbreviation (HD) or a facility (Malagaデータセンター).
func corpWordGlued(w string) bool {
	switch w {
	case "株式会社", "(株)", "合同会社", "有限会社", "HD", "データセンター":
		return false
	}
	return true
}

// docMiner is the known miner the article names most (the first on a tie).
func docMiner(ms []mention) (mention, bool) {
	return mostOf(ms, func(m mention) bool { return m.miner })
}

// timesNamed is how many of ms name name.
func timesNamed(ms []mention, name string) int {
	n := 0
	for _, m := range ms {
		if m.Name == name {
			n++
		}
	}
	return n
}

// mostOf is the organisation of ms that keep accepts which the article
// names most (the first on a tie).
func mostOf(ms []mention, keep func(mention) bool) (mention, bool) {
	n := map[string]int{}
	var best mention
	found := false
	for _, m := range ms {
		if !keep(m) {
			continue
		}
		n[m.Name]++
		if !found || n[m.Name] > n[best.Name] {
			best, found = m, true
		}
	}
	return best, found
}

// toLower is strings.ToLower (text.Lower), without its per-rune case
// lookup for Japanese text: the figure rules lower the text around every
// figure.
func toLower(s string) string { return text.Lower(s) }

// listSlotNames returns the members of Japanese lists of organisations that
// no finder read: one or two words standing between two names, set off by
// 、 on both sides (「東京センチュリー、日本郵政、芙蓉総合リース」), are members
// too. ms must be in text order. The members are weak names: only a rule
// that gives their role makes them parties.
func listSlotNames(txt string, ms []mention) []mention {
	const mark = "、"
	var out []mention
	for i := 0; i+1 < len(ms); i++ {
		a, b := ms[i], ms[i+1]
		if a.Span[1] >= b.Span[0] {
			continue
		}
		gap := txt[a.Span[1]:b.Span[0]]
		inner, ok := strings.CutPrefix(gap, mark)
		if !ok {
			continue
		}
		if inner, ok = strings.CutSuffix(inner, mark); !ok || inner == "" {
			continue
		}
		parts := strings.Split(inner, mark)
		if len(parts) > 2 || slices.IndexFunc(parts, func(p string) bool { return !slotName(p) }) >= 0 {
			continue
		}
		off := a.Span[1] + len(mark)
		for _, p := range parts {
			out = append(out, mention{Mention: org.Mention{Name: p, Text: p, Span: [2]int{off, off + len(p)}}, weak: true})
			off += len(p) + len(mark)
		}
	}
	return out
}

// slotName reports a word that may name an organisation standing in a
// list: two to twenty runes of kanji, katakana or Latin letters and
// digits, no hiragana (a clause), no stop word.
func slotName(p string) bool {
	n := utf8.RuneCountInString(p)
	if n < 2 || n > 20 || org.IsStop(p) {
		return false
	}
	for _, r := range p {
		if !(isKanjiRune(r) || isKatakana(r) || r == '・' || r == '&' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}
