package org

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	kztext "github.com/kozan-dev/kozan/extract/text"
)

// Japanese organisation names no list has. News writes them with a legal
// form (株式会社X, X株式会社, (株)X), a group word (Xホールディングス,
// Xグループ), the counter 社 (米X社), or bare, as a katakana name in a party
// slot (ルミナ・ラボと…契約, グルポ・アミスタッドに売却). Names may mix kanji,
// katakana, Latin and a leading hiragana word (みちのくパワー株式会社).

// JALegalForms are the Japanese legal forms written before or after a name;
// they are not part of the name. Read only.
var JALegalForms = []string{"株式会社", "(株)", "有限会社", "合同会社"}

// jaGroupWords end a name and stay part of it; kanji marks the ones a
// kanji-only name may carry (南海ホールディングス, not 企業グループ).
var jaGroupWords = []struct {
	s     string
	kanji bool
}{
	{"ホールディングス", true}, {"グループ", false}, {"キャピタル", false}, {"パートナーズ", false},
	{"テクノロジーズ", false}, {"インベストメンツ", false},
	// A property vehicle and a REIT: 「ナガヤマ特定目的会社」「ユナイテッド・アーバン投資法人」.
	{"特定目的会社", true}, {"投資法人", true},
	// Funds written with their legal form, limited partnerships for
	// investment and LLPs: 「東京都蓄電所投資事業有限責任組合」「キャピタリンク2号有限責任事業組合」.
	{"投資事業有限責任組合", true}, {"有限責任事業組合", true},
	// Lenders: 「百十四銀行、香川銀行、高松信用金庫とシンジケートローンを組成」.
	{"銀行", true}, {"信用金庫", true}, {"信用組合", true},
	// Insurers and securities houses lend, arrange and invest too:
	// 「東京海上日動火災保険」「太陽生命」「新韓投資証券」.
	{"保険", true}, {"生命", true}, {"証券", true},
}

// jaPartyAfter are particles after a bare katakana name that put it in a
// party slot of a deal sentence (主導: 「X主導のコンソーシアムに売却」, the
// name leads the side it stands for).
var jaPartyAfter = []string{"との", "と", "は", "が", "も", "に", "から", "へ", "向け", "を", "より", "傘下", "側", "主導"}

// jaFunction are hiragana function words that may stand between a clause
// and a name ("…であるみちのくパワー株式会社"); longest first.
var jaFunction = []string{"について", "に対して", "に対する", "に関して", "に関する", "に向けて", "を通じて", "によって", "による", "とともに",
	"ついて", "対して", "関して", "向けて", "通じて", "よって", "よる", "ともに", "として", "により", "していた", "している", "されている", "された", "される", "させる", "である", "となる",
	"における", "にある", "および", "ならびに", "から", "まで", "より", "など", "ほか", "する", "した", "して",
	"いる", "ある", "なる", "れる", "られる", "った", "また", "かつ", "の", "は", "が", "と", "を", "に", "で",
	"も", "へ", "や", "て", "た", "る"}

// jaCountry are one-kanji country prefixes (米エヌビディア, 英アーム); they
// are stripped only before katakana or Latin, so 中部電力 stays whole.
var jaCountry = map[rune]bool{'米': true, '英': true, '中': true, '独': true, '仏': true, '豪': true, '加': true,
	'日': true, '韓': true, '台': true, '印': true, '露': true, '蘭': true, '伊': true, '西': true, '瑞': true,
	'星': true, '泰': true, '越': true, '比': true, '伯': true, '墨': true, '亜': true, '芬': true, '諾': true}

// jaLeadWords are kanji words that open a span before a name without being
// part of it (子会社X株式会社, 米大手X社).
var jaLeadWords = []string{"米国", "英国", "中国", "韓国", "台湾", "香港", "大手", "子会社", "新会社", "傘下", "同",
	"当", "国内", "海外", "地場", "地元", "新興", "中堅", "老舗"}

// jaRoleTail are words glued after a name in press releases (株式会社X代表取締役).
var jaRoleTail = []string{"代表取締役", "代表", "取締役", "社長", "会長", "本社", "広報", "執行役員"}

// jaListTail are the kanji of a list's conjunctions (及び, 並びに, 又は) and
// of "and others" (他, 等), with the kana that must follow a conjunction's.
var jaListTail = []struct{ kanji, next string }{{"及", "び"}, {"並", "びに"}, {"又", "は"}, {"他", ""}, {"等", ""}}

func isHira(r rune) bool  { return r >= 0x3041 && r <= 0x309F }
func isKanji(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF || r == '々' || r == 0x3006 }

// jaNameRune reports runes of a Japanese-text name (hiragana aside).
func jaNameRune(r rune) bool {
	return isKana(r) || isKanji(r) || isLatin(r) || r == '&' || r == '・'
}

// findJapanese finds unknown organisations in Japanese text.
func findJapanese(text string) []Mention {
	if !hasKanaOrKanji(text) {
		return nil
	}
	var out []Mention
	// add keeps text[s:e] unless its base text[s:b] (the name without a
	// group word) is a common word; a legal form is strong evidence, so
	// only a single common word is refused there.
	add := func(s, b, e int, legal bool) {
		for _, lf := range JALegalForms {
			// 株式会社Xホールディングス: the legal form is not part of the name.
			if strings.HasPrefix(text[s:e], lf) && s+len(lf) < b {
				s += len(lf)
			}
		}
		name := text[s:e]
		if s >= b || jaGenericName(text[s:b]) {
			return
		}
		if !legal && kanaGeneric(text[s:b]) {
			return
		}
		out = append(out, Mention{Name: name, Text: name, Span: [2]int{s, e}})
	}
	for _, lf := range JALegalForms {
		kztext.EachIndex(text, lf, func(at, off int) {
			// X株式会社: the name precedes; else 株式会社X: it follows.
			if s := jaBackward(text, at, true, true); s < at {
				add(s, at, at, true)
			} else if s, e := jaForward(text, off); e > s {
				add(s, e, e, true)
			}
		})
	}
	for _, gw := range jaGroupWords {
		kztext.EachIndex(text, gw.s, func(at, off int) {
			if off < len(text) {
				if r, _ := utf8.DecodeRuneInString(text[off:]); isKana(r) {
					return // part of a longer katakana word
				}
			}
			s := jaBackward(text, at, gw.kanji, false)
			if s < at && (gw.kanji || hasKanaOrLatin(text[s:at])) {
				add(s, at, off, false)
			}
		})
	}
	// X社: katakana or Latin names with the counter 社 (米ノヴァリス社).
	for off := 0; ; {
		k := strings.Index(text[off:], "社")
		if k < 0 {
			break
		}
		at := off + k
		off = at + len("社")
		if strings.HasPrefix(text[off:], "会") || strings.HasPrefix(text[off:], "長") || strings.HasPrefix(text[off:], "員") ||
			strings.HasPrefix(text[off:], "内") || strings.HasPrefix(text[off:], "外") || strings.HasPrefix(text[off:], "債") {
			continue
		}
		s := jaBackward(text, at, false, false)
		if p, _ := utf8.DecodeLastRuneInString(text[:at]); p >= '0' && p <= '9' {
			continue // マイナー8社: a count of companies
		}
		if s < at {
			add(s, at, at, false)
		}
	}
	for _, sp := range findDatedSubjects(text) {
		// 「小売電気事業者のエネルギーパワーは先月、」: a description of an
		// organisation before the dated subject makes even a name of
		// common words one.
		before := text[:sp[0]]
		described := strings.HasSuffix(before, "の") && describes(strings.TrimSuffix(before, "の")) ||
			strings.HasSuffix(before, "である") && describes(strings.TrimSuffix(before, "である"))
		add(sp[0], sp[1], sp[1], described)
	}
	for _, sp := range findTickered(text) {
		add(sp[0], sp[1], sp[1], false)
	}
	for _, sp := range findAddressed(text) {
		add(sp[0], sp[1], sp[1], false)
	}
	out = append(out, findBareKatakana(text)...)
	out = append(out, findBracketed(text)...)
	out = append(out, findPublicBodies(text)...)
	return dedupeMentions(out)
}

// publicBodyEnds close the names of local governments and public bodies
// that sign agreements: 秋田県, 男鹿市, モンロー郡港湾局.
var publicBodyEnds = []string{"県", "市", "町", "村", "港湾局", "開発公社", "公社", "省", "庁", "政府"}

// findPublicBodies finds a local government or public body named as the
// other side of an agreement in its clause: 「秋田県、男鹿市と立地協定を結
// んだ」「モンロー郡港湾局との間でリース契約を締結」. A place named anywhere
// else is a place, not a party.
func findPublicBodies(text string) []Mention {
	if !strings.Contains(text, "協定") && !strings.Contains(text, "契約") && !strings.Contains(text, "覚書") && !strings.Contains(text, "提携") {
		return nil // no agreement told: no public body is a party
	}
	var out []Mention
	for _, end := range publicBodyEnds {
		kztext.EachIndex(text, end, func(at, e int) {
			// The name: kanji or katakana before the end, two to eight runes.
			s := at
			for s > 0 {
				r, n := utf8.DecodeLastRuneInString(text[:s])
				if !isKanji(r) && !isKana(r) || r == 'の' || r == 'は' || r == 'が' || r == 'と' {
					break
				}
				s -= n
			}
			for _, lead := range []string{"同国", "同州", "同市", "同県", "同政府"} {
				if strings.HasPrefix(text[s:at], lead) && len(text[s:at]) > len(lead) {
					s += len(lead) // 「同国エネルギー石油省と契約」: the ministry, not "the country"
					break
				}
			}
			if c := utf8.RuneCountInString(text[s:at]); c < 2 || c > 8 || !publicPartyAfter(text[e:]) {
				return
			}
			if end == "市" || end == "町" || end == "村" {
				// 「北海道石狩市」「香川県三豊市」: the city, without its prefecture.
				for _, pref := range []string{"北海道", "東京都", "大阪府", "京都府", "県"} {
					if k := strings.Index(text[s:at], pref); k >= 0 && utf8.RuneCountInString(text[s+k+len(pref):at]) >= 1 {
						s += k + len(pref)
						break
					}
				}
			}
			out = append(out, Mention{Name: text[s:e], Text: text[s:e], Span: [2]int{s, e}})
		})
	}
	return out
}

// publicPartyAfter reports what follows a public body's name making it a
// side of an agreement told in the same clause: と/との/との間で (or 、 and
// another body), or は/が with a partner named with と, and an agreement
// word before the clause ends.
func publicPartyAfter(rest string) bool {
	if strings.HasPrefix(rest, "(") || strings.HasPrefix(rest, "（") {
		// 「エネルギー石油省(MOEP)と契約」: its abbreviation in brackets.
		if k := strings.IndexAny(rest, ")）"); k > 0 && k <= 40 {
			_, n := utf8.DecodeRuneInString(rest[k:])
			rest = rest[k+n:]
		}
	}
	if strings.HasPrefix(rest, "、") {
		rest = rest[len("、"):] // 「秋田県、男鹿市と立地協定」: a list of bodies
		k := strings.Index(rest, "と")
		if k < 0 || k > 30 {
			return false
		}
		rest = rest[k:]
	}
	if strings.HasPrefix(rest, "は") || strings.HasPrefix(rest, "が") {
		// 「香川県がエヌビディアと連携協定を締結」「石狩市はXと立地協定を
		// 結んだ」: the body is the subject, its partner named with と.
		rest = rest[len("は"):]
		if k := strings.IndexAny(rest, "。"); k >= 0 {
			rest = rest[:k]
		}
		k := strings.Index(rest, "と")
		if k < 0 || k > 90 {
			return false
		}
	} else if !strings.HasPrefix(rest, "と") {
		return false
	}
	if k := strings.IndexAny(rest, "。"); k >= 0 {
		rest = rest[:k]
	}
	if len(rest) > 120 {
		rest = rest[:120]
	}
	return kztext.ContainsAny(rest, "協定", "契約", "覚書", "提携")
}

// jaPersonTail ends a subject that is a person or an office, not a company
// (田中社長は12日, 経産相は12日).
var jaPersonTail = []string{"社長", "会長", "頭取", "氏", "大統領", "首相", "長官", "大臣", "相", "知事", "市長", "議長",
	"代表", "幹部", "関係者", "担当者", "責任者", "アナリスト", "広報", "CEO", "CFO", "COO", "教授", "記者", "政府", "当局"}

// jaDescriptor are words that describe a company before its name.
var jaDescriptor = []string{"企業", "会社", "大手", "業者", "事業者", "新興", "傘下", "マイナー", "メーカー", "運営"}

// findDatedSubjects finds the subject of a Japanese wire lead: a name
// before は and a day, then a comma (北辰電力は12日、…と発表した). Wire news
// opens nearly every company story this way, so the name needs no legal
// form; kanji, katakana and Latin are read back from は, a country prefix
// and lead words stripped, and people and offices refused.
func findDatedSubjects(text string) [][2]int {
	var out [][2]int
	for off := 0; ; {
		k := strings.Index(text[off:], "は")
		if k < 0 {
			return out
		}
		at := off + k
		off = at + len("は")
		if !datedComma(text[off:]) {
			continue
		}
		s := jaBackward(text, at, true, false)
		if s >= at || utf8.RuneCountInString(text[s:at]) < 2 {
			continue
		}
		s = afterDescriptor(text, s, at)
		name := text[s:at]
		if strings.HasSuffix(name, "社") {
			continue // X社: the counter rule reads it
		}
		person := legalEnd(name) // not a person: the legal-form rule reads this name
		for _, w := range jaPersonTail {
			if strings.HasSuffix(name, w) {
				person = true
			}
		}
		if !person { // nor a legal form
			out = append(out, [2]int{s, at})
		}
	}
}

// afterDescriptor is where a name read back from at starts once a
// description glued before it (ビットコイン採掘企業X) is cut at its last
// generic word.
func afterDescriptor(text string, s, at int) int {
	for _, w := range jaDescriptor {
		if k := strings.LastIndex(text[s:at], w); k >= 0 && utf8.RuneCountInString(text[s+k+len(w):at]) >= 2 {
			s += k + len(w)
		}
	}
	return s
}

// findTickered finds the names a Japanese market story writes with their
// securities code: データセクション<3905>(東証グロース), シャープ(6753),
// X<285A>. A listed company needs no legal form.
func findTickered(text string) [][2]int {
	var out [][2]int
	for off := 0; off < len(text); {
		k := strings.IndexAny(text[off:], "<(＜（")
		if k < 0 {
			break
		}
		at := off + k
		_, n := utf8.DecodeRuneInString(text[at:])
		off = at + n
		code := text[off:min(len(text), off+4)]
		if len(code) < 4 || !securitiesCode(code) {
			continue
		}
		closing := strings.TrimPrefix(text[off+4:], ".T") // <9433.T>
		if !strings.HasPrefix(closing, ">") && !strings.HasPrefix(closing, ")") && !strings.HasPrefix(closing, "＞") && !strings.HasPrefix(closing, "）") {
			continue
		}
		if round := text[at] == '(' || strings.HasPrefix(text[at:], "（"); round && (code[:2] == "19" || code[:2] == "20") {
			continue // (2025): a year more likely than a code
		}
		s := afterDescriptor(text, jaBackward(text, at, true, false), at)
		if utf8.RuneCountInString(text[s:at]) < 2 || jaGenericName(text[s:at]) {
			continue
		}
		out = append(out, [2]int{s, at})
	}
	return out
}

// findAddressed finds the names a Japanese business story writes with
// their head office in brackets: NTTアノードエナジー(東京都港区、岸本照之社長),
// ミナトパワー(本社:大阪市北区). Only a company is introduced this way.
func findAddressed(text string) [][2]int {
	var out [][2]int
	for off := 0; off < len(text); {
		k := strings.IndexAny(text[off:], "(（")
		if k < 0 {
			break
		}
		at := off + k
		_, n := utf8.DecodeRuneInString(text[at:])
		off = at + n
		if !kztext.HasAnyPrefix(text[off:], "東京都", "北海道", "大阪府", "京都府", "本社", "本店", "所在地", "本部") && !prefectureAt(text[off:]) {
			continue
		}
		s := afterDescriptor(text, jaBackward(text, at, true, false), at)
		if utf8.RuneCountInString(text[s:at]) < 2 || jaGenericName(text[s:at]) || legalEnd(text[s:at]) {
			continue // X株式会社(本社:…): the legal-form rule reads it
		}
		out = append(out, [2]int{s, at})
	}
	return out
}

// legalEnd reports a name ending in a Japanese legal form.
func legalEnd(name string) bool {
	for _, lf := range JALegalForms {
		if strings.HasSuffix(name, lf) {
			return true
		}
	}
	return false
}

// prefectureAt reports a prefecture (…県) opening s, up to four kanji.
func prefectureAt(s string) bool {
	for i, r := range s {
		if r == '県' {
			return i >= len("千葉") && i <= len("鹿児島県")
		}
		if !isKanji(r) || i > len("鹿児島") {
			return false
		}
	}
	return false
}

// securitiesCode reports a Tokyo securities code: four digits, or three
// digits and a capital (285A).
func securitiesCode(c string) bool {
	for i := 0; i < 3; i++ {
		if !isDigitByte(c[i]) {
			return false
		}
	}
	return isDigitByte(c[3]) || c[3] >= 'A' && c[3] <= 'Z'
}

// datedComma reports whether s opens with a day and a comma: 12日、,
// 2月12日、, 今月12日、, 同日、, 12日までに、.
func datedComma(s string) bool {
	rel := false
	for _, p := range []string{"今月", "先月", "来月", "同月", "昨年", "今年", "先週", "今週"} {
		if t, ok := strings.CutPrefix(s, p); ok {
			s, rel = t, true
		}
	}
	if rel && (strings.HasPrefix(s, "、") || strings.HasPrefix(s, ",")) {
		return true // 「エネルギーパワーは先月、」
	}
	switch {
	case strings.HasPrefix(s, "同日"), strings.HasPrefix(s, "本日"), strings.HasPrefix(s, "昨日"), strings.HasPrefix(s, "前日"):
		s = s[len("同日"):]
	default:
		n := 0
		for n < len(s) && isDigitByte(s[n]) {
			n++
		}
		if n == 0 || n > 2 {
			return false
		}
		s = s[n:]
		if strings.HasPrefix(s, "月") {
			s = s[len("月"):]
			n = 0
			for n < len(s) && isDigitByte(s[n]) {
				n++
			}
			if n == 0 || n > 2 {
				return false
			}
			s = s[n:]
		}
		if !strings.HasPrefix(s, "日") {
			return false
		}
		s = s[len("日"):]
	}
	for _, p := range []string{"までに", "付で", "付け", "付", "夜", "朝", "午前", "午後"} {
		s = strings.TrimPrefix(s, p)
	}
	return strings.HasPrefix(s, "、") || strings.HasPrefix(s, ",")
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

func hasKanaOrKanji(s string) bool {
	for _, r := range s {
		if isKana(r) || isKanji(r) || isHira(r) {
			return true
		}
	}
	return false
}

func hasKanaOrLatin(s string) bool {
	for _, r := range s {
		if isKana(r) || isLatin(r) {
			return true
		}
	}
	return false
}

// jaForward reads a name starting at i (after 株式会社): a leading hiragana
// word, then kanji, katakana and Latin, up to a particle, punctuation or a
// bracket. It returns the name's span.
func jaForward(text string, i int) (int, int) {
	s := i
	j := i
	seenOther := false
	if h := hiraPrefix(text[i:]); h != "" && stripFunction(h) != h {
		return s, s // 「株式会社は」: a particle, not a name
	}
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		switch {
		case isHira(r) && !seenOther:
		case jaNameRune(r):
			seenOther = true
		case r == ' ' && j > s && isLatinAt(text, prevStart(text, j)) && j+n < len(text) && isLatinAt(text, j+n):
		default:
			goto done
		}
		j += n
	}
done:
	if !seenOther {
		return s, s
	}
	e := j
	if strings.HasPrefix(text[e:], "け") && strings.HasSuffix(text[s:e], "向") && e-len("向") > s {
		e -= len("向") // 株式会社X向けに: the customer particle, not the name
	}
	for {
		cut := false
		for _, w := range jaRoleTail {
			if strings.HasSuffix(text[s:e], w) && e-len(w) > s {
				e -= len(w)
				cut = true
			}
		}
		// 「株式会社岩手銀行及び株式会社足利銀行他」: a list's conjunction or
		// its "and others" is no part of the name.
		for _, c := range jaListTail {
			if strings.HasSuffix(text[s:e], c.kanji) && e-len(c.kanji) > s && strings.HasPrefix(text[e:], c.next) {
				e -= len(c.kanji)
				cut = true
			}
		}
		if !cut {
			break
		}
	}
	e = s + len(strings.TrimRight(text[s:e], "・ "))
	if utf8.RuneCountInString(text[s:e]) > 30 {
		return s, s
	}
	return s, e
}

// hiraPrefix returns the leading hiragana run of s.
func hiraPrefix(s string) string {
	for i, r := range s {
		if !isHira(r) {
			return s[:i]
		}
	}
	return s
}

// jaBackward reads a name ending at byte offset end, backwards: katakana,
// Latin and (when kanji is true) kanji; with hira, a short hiragana word
// after a clause ending (…であるみちのくパワー). It returns the name's start
// (end when there is none), country and lead words stripped.
func jaBackward(text string, end int, kanji, hira bool) int {
	i := end
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if isKana(r) || isLatin(r) || r == '&' || r == '・' || kanji && isKanji(r) {
			i -= n
			continue
		}
		if r == ' ' && i < end && isLatinAt(text, i) && i-n > 0 && isLatinAt(text, prevStart(text, i-n)) {
			i -= n
			continue
		}
		break
	}
	if i == end {
		return end
	}
	if hira && i > 0 && !isLatinAt(text, i) { // "…を進めているQuarrystone Capital株式会社": no hiragana before a Latin name
		if r, _ := utf8.DecodeLastRuneInString(text[:i]); isHira(r) {
			h := i
			for h > 0 {
				r2, n2 := utf8.DecodeLastRuneInString(text[:h])
				if !isHira(r2) {
					break
				}
				h -= n2
			}
			rest := stripFunction(text[h:i])
			if rest != "" && utf8.RuneCountInString(rest) <= 6 {
				i -= len(rest)
			}
		}
	}
	// Strip leading context words and a country prefix before katakana or
	// Latin.
	for changed := true; changed; {
		changed = false
		for _, w := range jaLeadWords {
			if strings.HasPrefix(text[i:end], w) && len(w) < end-i {
				i += len(w)
				changed = true
			}
		}
		if j := afterCountryMark(text, i, end); j > i {
			i, changed = j, true
		}
	}
	for strings.HasPrefix(text[i:end], "・") {
		i += len("・")
	}
	if utf8.RuneCountInString(text[i:end]) > 30 {
		return end
	}
	return i
}

// stripFunction drops leading function words from a hiragana run and
// returns what is left (a hiragana name part, or "").
func stripFunction(h string) string {
	for h != "" {
		cut := false
		for _, w := range jaFunction {
			if strings.HasPrefix(h, w) {
				h = h[len(w):]
				cut = true
				break
			}
		}
		if !cut {
			break
		}
	}
	return h
}

// findBareKatakana finds katakana names (with ・) without a legal form in a
// party slot: followed by と/は/が/に/から/向け…, possibly after an English
// name in brackets (ルミナ・ラボ(Lumina Labs)と).
func findBareKatakana(text string) []Mention {
	var out []Mention
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isKana(r) || r == 'ー' {
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if isKana(r2) || r2 == '・' && j+n2 < len(text) && isKanaAt(text, j+n2) {
				j += n2
				continue
			}
			break
		}
		s, e := i, j
		i = j
		ks, ke := s, e // the katakana run alone, for the tests of common words
		if s > 0 {
			p, _ := utf8.DecodeLastRuneInString(text[:s])
			if isLatin(p) {
				// SCゼウス・データセンター: a short capital prefix glued
				// to the name is part of it.
				if ls := capsGlued(text, s); ls >= 0 {
					s = ls
				} else {
					continue
				}
			} else if p == '・' || p == '同' || p == '当' || p == '新' || p == '旧' {
				continue
			}
		}
		if e < len(text) {
			if r2, _ := utf8.DecodeRuneInString(text[e:]); r2 == '社' {
				continue
			} else if isLatin(r2) {
				// サンエナジー1, アドバイズX: a short digit or Latin tail
				// glued to the name is part of it.
				te := e
				for te < len(text) && te-e <= 4 && isASCIIAlnum(text[te]) {
					te++
				}
				if te-e > 3 || te < len(text) && isLatinAt(text, te) {
					continue
				}
				e = te
			}
		}
		// role is read back only when a test needs it: most katakana
		// runs are too short or in no party slot.
		role, roleRead := false, false
		roleBefore := func() bool {
			if !roleRead {
				role, roleRead = JARoleBefore(text, s), true
			}
			return role
		}
		subject := agreementSubject(text[e:])
		run := text[ks:ke]
		// A name ending in a corporate word may open a list of companies
		// (フラワーコミュニケーションズ/北海道電力/東急不動産の3社は).
		listed := kztext.HasAnyPrefix(text[e:], "/", "／", "、") && kanaCorpEnd(run)
		// KBアセット・マネジメント, IMMインベストメント: capitals glued
		// before a corporate word name a company, common as the word is.
		// The field's abbreviations are no name's part (AIグループ: a team).
		capsCorp := s < ks && capsCorpTail(run) && !isStopToken(text[s:ks])
		if utf8.RuneCountInString(strings.ReplaceAll(run, "・", "")) < 3 || !jaPartyFollows(text[e:]) && !(jaCopula(text[e:]) && roleBefore()) && !subject && !listed ||
			kanaGeneric(run) && !kanaCorpName(run) && !capsCorp && !(jaCompanySign(text, s, e) && strings.Contains(run, "・")) ||
			kanaSite(run) && !(s < ks && jaCompanySign(text, s, e)) && !namedFund(run) {
			continue
		}
		// A single katakana word is a common noun more often than a name:
		// it needs a sign of a company (ルミナ・ラボ has one in its ・).
		if !strings.Contains(run, "・") && !capsCorp && !jaCompanySign(text, s, e) && !kanaCorpEnd(run) && !roleBefore() &&
			!(subject && utf8.RuneCountInString(run) >= 5) && !(partnerSlot(text[e:]) && utf8.RuneCountInString(run) >= 4) {
			continue
		}
		out = append(out, Mention{Name: text[s:e], Text: text[s:e], Span: [2]int{s, e}})
	}
	return out
}

// findBracketed finds names in corner brackets after a descriptor, in a
// party slot: AIスタートアップ「ネクサラAI」と, 採掘企業「ハッシュワン」から.
// A product in brackets (GPU「B300」を, サービス「X」) has no company
// descriptor before it. The span is the name inside the brackets.
func findBracketed(text string) []Mention {
	var out []Mention
	for off := 0; ; {
		k := strings.Index(text[off:], "「")
		if k < 0 {
			break
		}
		s := off + k + len("「")
		off = s
		// A name of at most 20 runes ends within 80 bytes.
		e := strings.Index(text[s:min(len(text), s+80+len("」"))], "」")
		if e <= 0 || utf8.RuneCountInString(text[s:s+e]) > 20 {
			continue
		}
		e += s
		name := text[s:e]
		ok := true
		for _, r := range name {
			if !jaNameRune(r) && r != ' ' && !(r >= '0' && r <= '9') {
				ok = false
				break
			}
		}
		if !ok || utf8.RuneCountInString(name) < 2 || jaGenericName(name) || kanaGeneric(name) {
			continue
		}
		before := strings.TrimSuffix(text[:s-len("「")], "の")
		desc := false
		for _, d := range jaDescriptors {
			if strings.HasSuffix(before, d) && d != "クラウド" && d != "プラットフォーム" && d != "開発" && d != "運営" {
				desc = true
				break
			}
		}
		after := text[e+len("」"):]
		// 「「ザパラ・マイニング」と「パタゴニア360」の合弁会社」: two names
		// in brackets joined by と in an agreement's sentence.
		pair := (strings.HasPrefix(after, "と「") || strings.HasSuffix(text[:s-len("「")], "」と")) && agreementInSentence(after)
		if !pair && (!desc || !jaPartyFollows(after)) {
			continue
		}
		out = append(out, Mention{Name: name, Text: name, Span: [2]int{s, e}})
	}
	return out
}

// agreementSubject reports what follows the subject of a sentence telling
// an agreement with a partner: は or が, then と before an agreement word
// (「デジタルダイナミックは、日本アジア投資とともに合弁会社を設立」).
func agreementSubject(rest string) bool {
	if !strings.HasPrefix(rest, "は") && !strings.HasPrefix(rest, "が") {
		return false
	}
	if k := strings.Index(rest, "。"); k >= 0 {
		rest = rest[:k]
	}
	k := strings.Index(rest, "と")
	return k > 0 && agreementInSentence(rest[k:])
}

// agreementInSentence reports an agreement word before the end of the
// sentence rest opens.
func agreementInSentence(rest string) bool {
	if k := strings.Index(rest, "。"); k >= 0 {
		rest = rest[:k]
	}
	return kztext.ContainsAny(rest, "合弁", "提携", "協業", "契約", "協定", "覚書", "買収", "出資", "合併")
}

// kanaCorpEnds end a katakana company name written in common words
// (テキサス・グリッド・パートナーズ, ノース・ベイ・キャピタル).
var kanaCorpEnds = []string{"パートナーズ", "キャピタル", "テクノロジーズ", "ホールディングス", "インダストリーズ",
	"ソリューションズ", "ベンチャーズ", "インベストメンツ", "システムズ", "ネットワークス", "エナジー", "ラボ", "ラボズ", "コミュニケーションズ"}

// kanaCorpEndsDigital are kanaCorpEnds and デジタル.
var kanaCorpEndsDigital = append(kanaCorpEnds[:len(kanaCorpEnds):len(kanaCorpEnds)], "デジタル")

// kanaCorpEnd reports a katakana word ending in a corporate word after a
// word of its own (アンカレッジデジタル, ノースベイキャピタル), not a run of
// common words (ビットコインデジタル).
func kanaCorpEnd(run string) bool {
	for _, w := range kanaCorpEndsDigital {
		if head, ok := strings.CutSuffix(run, w); ok && utf8.RuneCountInString(head) >= 3 && !kanaGeneric(head) {
			return true
		}
	}
	return false
}

// capsCorpTail reports a katakana run ending in a corporate word, alone
// or after other words (アセット・マネジメント, インベストメント), for a
// name whose own part is the capitals glued before it.
func capsCorpTail(run string) bool {
	k := strings.ReplaceAll(run, "・", "")
	return kztext.HasAnySuffix(k, kanaCorpEnds...) ||
		kztext.HasAnySuffix(k, "インベストメント", "マネジメント", "マネージメント", "ファイナンス", "グループ", "パワー", "テレコム")
}

// kanaCorpName reports a katakana run of at least three ・-joined words
// whose last word is a corporate word: a company even when every word is
// common.
func kanaCorpName(run string) bool {
	parts := strings.Split(run, "・")
	if len(parts) < 3 {
		return false
	}
	last := parts[len(parts)-1]
	for _, w := range kanaCorpEnds {
		if last == w {
			return true
		}
	}
	return false
}

// jaRoleNouns name the other side of a deal before は (相手先は…X).
var jaRoleNouns = []string{"相手先", "売却先", "譲渡先", "買い手", "顧客", "取引先", "提携先", "融資元", "借入先",
	"出資先", "引受先", "契約先", "発注先", "購入先", "調達先", "委託先", "賃借人", "借り手", "貸し手", "入居企業", "テナント"}

// JARoleBefore reports a role noun with は opening the clause before pos
// ("相手先はAIクラウド企業のX", "売却先は現地の企業X"): the name at pos is
// the other side of the deal told.
func JARoleBefore(text string, pos int) bool {
	lo := pos - 90
	if lo < 0 {
		lo = 0
	}
	for lo < pos && !utf8.RuneStart(text[lo]) {
		lo++
	}
	b := text[lo:pos]
	if k := strings.LastIndexAny(b, "。、"); k >= 0 {
		_, n := utf8.DecodeRuneInString(b[k:])
		// A role noun may open the clause before an apposition comma.
		if !strings.Contains(b[k+n:], "は") {
			prev := b[:k]
			if j := strings.LastIndexAny(prev, "。、"); j >= 0 {
				_, m := utf8.DecodeRuneInString(prev[j:])
				prev = prev[j+m:]
			}
			if roleOpens(prev) && describes(prev) {
				return true
			}
		}
		b = b[k+n:]
	}
	return roleOpens(b)
}

// describes reports a clause ending in a descriptor (…の採掘企業).
func describes(b string) bool {
	for _, d := range jaDescriptors {
		if strings.HasSuffix(b, d) {
			return true
		}
	}
	return false
}

func roleOpens(b string) bool {
	for _, r := range jaRoleNouns {
		if strings.HasPrefix(b, r) && strings.HasPrefix(b[len(r):], "は") {
			return true
		}
	}
	return false
}

// jaCopula reports a copula after a name (Xで、 Xだ Xとなる): "相手先はXで…".
func jaCopula(rest string) bool {
	return strings.HasPrefix(rest, "で") || strings.HasPrefix(rest, "だ") || strings.HasPrefix(rest, "となる") ||
		strings.HasPrefix(rest, "。") || strings.HasPrefix(rest, "です")
}

// jaDescriptors end a description before "の" and a name
// (AIスタートアップのX, 地域電力会社のX, データセンター開発のX).
var jaDescriptors = []string{"企業", "会社", "大手", "スタートアップ", "新興", "事業者", "業者", "メーカー", "プロバイダー",
	"銀行", "ファンド", "商社", "マイナー", "開発", "運営", "子会社", "傘下", "社", "部門", "法人", "専業", "最大手",
	"中堅", "ベンチャー", "運用会社", "投資会社", "電力会社", "通信会社", "事業会社", "クラウド", "取引所", "プラットフォーム"}

// jaCountryNames are countries and places a company is said to be of
// (米国のX, カナダのX).
var jaCountryNames = []string{"米国", "英国", "中国", "韓国", "台湾", "香港", "カナダ", "ドイツ", "フランス", "シンガポール",
	"オーストラリア", "インド", "ノルウェー", "スウェーデン", "アイスランド", "アラブ首長国連邦", "サウジアラビア", "アブダビ", "ドバイ"}

// jaCompanySign reports a sign that the katakana word text[s:e] names a
// company: a country prefix (米X), a descriptor and の before it
// (スタートアップのX), or its English name in brackets after it (X(Acme)).
func jaCompanySign(text string, s, e int) bool {
	if s > 0 {
		p, n := utf8.DecodeLastRuneInString(text[:s])
		if jaCountry[p] {
			if s-n == 0 {
				return true
			}
			pp, _ := utf8.DecodeLastRuneInString(text[:s-n])
			if !isKanji(pp) {
				return true
			}
		}
		if p == 'の' || p == '、' {
			// スタートアップのX; apposition: ビットコインマイナー、X;
			// 米国のX, カナダのX.
			before := text[:s-n]
			if p == 'の' {
				for _, c := range jaCountryNames {
					if strings.HasSuffix(before, c) {
						return true
					}
				}
			}
			for _, d := range jaDescriptors {
				if strings.HasSuffix(before, d) {
					return true
				}
			}
		}
		if isKanji(p) {
			// 電力関連企業X: a kanji descriptor glued to the name.
			for _, d := range jaDescriptors {
				if isKanji([]rune(d)[0]) && utf8.RuneCountInString(d) >= 2 && strings.HasSuffix(text[:s], d) {
					return true
				}
			}
		}
	}
	rest := text[e:]
	if SharesFollow(rest) || acquiredObject(rest) {
		return true
	}
	if strings.HasPrefix(rest, "(") && len(rest) > 1 && isLatinAt(rest, 1) {
		if r, _ := utf8.DecodeRuneInString(rest[1:]); r >= 'A' && r <= 'Z' {
			return true
		}
	}
	return false
}

// jaSharesOf open the words after a name that speak of its shares: only a
// company has them (バーテラの発行済み全株式, レイジングワイヤの株式の8割).
var jaSharesOf = []string{"の株式", "の全株式", "の発行済", "の全発行済", "の普通株式", "の全ての株式", "のすべての株式", "の株主", "の持ち株", "の持株"}

// acquiredObject reports rest opening on を and its clause ending on a
// takeover (「Xを65億ドルで買収」, 「Xを完全子会社化」): only a company
// is bought that way; assets are 取得 or 購入.
func acquiredObject(rest string) bool {
	if !strings.HasPrefix(rest, "を") {
		return false
	}
	clause := rest[:min(len(rest), 60)]
	if k := strings.IndexAny(clause, "。、"); k >= 0 {
		clause = clause[:k]
	}
	return kztext.ContainsAny(clause, "買収", "子会社化", "傘下に収め")
}

// SharesFollow reports rest opening on one of jaSharesOf: the name before
// it is a company, in the slot of a deal about its shares.
func SharesFollow(rest string) bool {
	return kztext.HasAnyPrefix(rest, jaSharesOf...)
}

// capsGlued is where one to four ASCII capitals glued before i start
// (SCゼウス), or -1 when the Latin before i is longer or not capitals.
func capsGlued(text string, i int) int {
	k := i
	for k > 0 && i-k < 5 && text[k-1] >= 'A' && text[k-1] <= 'Z' {
		k--
	}
	if k == i || i-k > 4 || k > 0 && isASCIIAlnum(text[k-1]) || postTitles[text[k:i]] {
		return -1
	}
	return k
}

// postTitles are capitals glued before a person's name, not a name's
// prefix: 「TetherのCEOパオロ・アルドイノ」.
var postTitles = map[string]bool{"CEO": true, "CFO": true, "COO": true, "CTO": true, "CIO": true, "CSO": true, "CMO": true, "EVP": true, "SVP": true, "VP": true}

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isKanaAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return isKana(r)
}

// kanaSiteWords end the katakana name of a site or facility
// (リバーベンド・キャンパス), not of a company.
var kanaSiteWords = []string{"キャンパス", "サイト", "センター", "プラント", "パーク", "ファーム", "タワー", "ビル",
	"ステーション", "プロジェクト", "フェーズ", "ハブ", "ゾーン", "レイク", "リバー", "ダム", "ポート", "モデル", "チップ",
	"サービス", "プラン", "ファンド", "ポートフォリオ"}

// namedFund reports the name of a fund written with its own name before
// it (シンパテイア・パワー・ファンド): a party, unlike a kind of fund
// (ビットコイン・ファンド, プライベート・エクイティ・ファンド).
func namedFund(run string) bool {
	head, ok := strings.CutSuffix(run, "・ファンド")
	if !ok || head == "" {
		return false
	}
	first, _, _ := strings.Cut(head, "・")
	return !kanaGeneric(first) && !kanaGeneric(head)
}

// kanaSite reports a katakana run ending in a site or facility word.
func kanaSite(run string) bool {
	for _, w := range kanaSiteWords {
		if strings.HasSuffix(run, w) {
			return true
		}
	}
	return false
}

// hanGloss reports the name in Chinese characters written in brackets
// after a katakana name (ホライズン・ロボティクス(地平線机器人)は): ideographs
// only, two to twelve, and no address or title (東京都港区, 本社, 社長).
func hanGloss(s string) bool {
	n := 0
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
		n++
	}
	if n < 2 || n > 12 {
		return false
	}
	for _, w := range []string{"都", "道", "府", "県", "市", "区", "町", "村", "本社", "社長", "会長", "代表", "株式", "証券", "東証"} {
		if strings.Contains(s, w) {
			return false
		}
	}
	return true
}

// jaPartyFollows reports a party particle at the start of rest, after an
// optional name in brackets, written in Latin letters or glossed in
// Chinese characters.
// partnerSlot reports rest opening on the partner's slot of a
// partnership or an agreement (「アストマックスと共同で」「…と業務提携」
// 「…との間で」): a katakana word there names the partner.
func partnerSlot(rest string) bool {
	return kztext.HasAnyPrefix(rest, "と共同で", "と共同して", "と提携", "と業務提携", "と資本提携", "と資本業務提携", "との業務提携",
		"との資本業務提携", "との提携", "との合弁", "と合弁", "との間で", "と協業", "との協業", "と連携協定", "との連携協定", "との共同出資")
}

func jaPartyFollows(rest string) bool {
	if SharesFollow(rest) {
		return true
	}
	if strings.HasPrefix(rest, "(") {
		k := strings.IndexByte(rest[:min(len(rest), 81)], ')')
		if k < 0 || k > 80 {
			return false
		}
		inner := rest[1:k]
		if inner == "" || !isLatinAt(inner, 0) && !hanGloss(inner) {
			return false
		}
		rest = rest[k+1:]
	}
	for _, p := range jaPartyAfter {
		if strings.HasPrefix(rest, p) {
			// 「…とする」「…としている」 are verbs, not the partner particle.
			if p == "と" && (strings.HasPrefix(rest, "とし") || strings.HasPrefix(rest, "とな")) {
				return false
			}
			// 「…について」「…における」 name a topic or a place.
			if p == "に" && (strings.HasPrefix(rest, "につ") || strings.HasPrefix(rest, "にお") || strings.HasPrefix(rest, "にて") ||
				strings.HasPrefix(rest, "によ") || strings.HasPrefix(rest, "に関") || strings.HasPrefix(rest, "に伴") ||
				strings.HasPrefix(rest, "に向") || strings.HasPrefix(rest, "になる") || strings.HasPrefix(rest, "にな")) {
				return false
			}
			return true
		}
	}
	return false
}

// jaGenericName reports a suffix- or prefix-marked name that is a common
// word (同社, データセンター, 電力).
func jaGenericName(name string) bool {
	if isStopToken(name) || jaGenericKanji[name] {
		return true
	}
	kana, other := false, false
	for _, r := range name {
		switch {
		case isKana(r) || r == '・':
			kana = true
		default:
			other = true
		}
	}
	if kana && !other {
		// Long-vowel spellings vary: キャパシティー is キャパシティ,
		// サーバ is サーバー.
		k := strings.ReplaceAll(name, "・", "")
		return kanaStop[k] || kanaStop[strings.TrimSuffix(k, "ー")] || kanaStop[k+"ー"]
	}
	return utf8.RuneCountInString(name) < 2
}

// jaGenericKanji are kanji words that take a legal or group word without
// naming a company.
var jaGenericKanji = map[string]bool{"同": true, "当": true, "本": true, "各": true, "全": true, "自": true,
	"子": true, "親": true, "新": true, "関連": true, "持株": true, "運営": true, "事業": true, "企業": true,
	"傘下": true, "合弁": true, "金融": true, "投資": true, "銀行": true, "証券": true, "商社": true, "電力": true,
	"地元": true, "国内": true, "海外": true, "上場": true, "非上場": true, "大手": true, "米国": true,
	"日本": true, "中国": true, "三社": true, "両": true, "他": true, "別": true, "中核": true, "主要": true,
	// 中央銀行, 地方銀行, 取引銀行: a kind of bank, not one.
	"中央": true, "地方": true, "地域": true, "民間": true, "商業": true, "開発": true, "政府系": true, "都市": true,
	"信託": true, "外資": true, "外国": true, "取引": true, "主力": true, "複数": true, "幹事": true, "地元の": true,
	"国有": true, "国営": true, "大手行": true, "ネット": true, "協力": true,
	// 生命保険, 損害保険, 火災保険: a kind of insurance, not an insurer.
	"生命": true, "損害": true, "損保": true, "火災": true, "海上": true, "自動車": true, "医療": true, "地震": true,
	"再": true, "簡易": true, "社会": true, "雇用": true, "健康": true, "介護": true, "年金": true, "外貨": true,
	"有価": true, "預託": true} // 有価証券, 預託証券: papers, not a securities house

// dedupeMentions keeps, of overlapping mentions, the longest (then the
// first), in text order.
func dedupeMentions(ms []Mention) []Mention {
	if len(ms) < 2 {
		return ms
	}
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].Span[0] != ms[j].Span[0] {
			return ms[i].Span[0] < ms[j].Span[0]
		}
		return ms[i].Span[1] > ms[j].Span[1]
	})
	out := ms[:0]
	for _, m := range ms {
		if n := len(out); n > 0 && m.Span[0] < out[n-1].Span[1] {
			if m.Span[1]-m.Span[0] > out[n-1].Span[1]-out[n-1].Span[0] {
				out[n-1] = m
			}
			continue
		}
		out = append(out, m)
	}
	return out
}

// katakanaGiven are given names written in katakana, first in a person's
// name (パトリック・フルーリー, ジェンスン・フアン): a name opening with one is
// a person's, no organisation's.
var katakanaGiven = wordSet(`
ジョン ジョナサン マイケル マイク デビッド デイビッド デヴィッド ジェームズ ロバート ウィリアム リチャード トーマス トム パトリック
マーク ポール ピーター ジョージ スティーブ スティーブン スティーヴン アダム アンドリュー ブライアン クリス クリストファー ダニエル
エリック ジェフ ジェフリー ケビン ケヴィン マット マシュー ニック ニコラス ライアン サム サミュエル スコット ティム ティモシー
ジャック ジェイソン ジョー ジョセフ ラリー サティア サンダー ジェンスン イーロン ドナルド フランク ヘンリー チャールズ エドワード
アンソニー アレックス アレクサンダー ベン ベンジャミン ジャスティン ジョシュ ジョシュア ザック ザッカリー マーティン ケネス カール
ハンス フレッド ウォーレン ビル ジム ジミー ジェイ ジャン ピエール ルイ フランソワ ミシェル アンドレ オリバー ハリー チャーリー
ジェニファー メアリー エリザベス サラ リサ キャサリン アン アンナ マリア ローラ エミリー ジュリア レイチェル スーザン カレン
`)

// KatakanaPerson reports a katakana name that opens with a given name
// and is written with a middle dot: a person's name.
func KatakanaPerson(name string) bool {
	first, _, ok := strings.Cut(name, "・")
	return ok && katakanaGiven[first]
}
