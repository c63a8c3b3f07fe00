package deal

import (
	"strings"

	"github.com/kozan-dev/kozan/extract/org"
	"github.com/kozan-dev/kozan/pipeline"
)

// asWritten names each known party the way the article writes it, among
// the gazetteer's names for it: a reader of a 2023 story about "Cipher
// Mining" expects that name, not the one the company took later, and one
// of 2026 the new one; a story that says "Macquarie" throughout is about
// Macquarie, not Macquarie Group. The name is the list's own name when the
// text uses it (a story of "Riot Platforms… Riot" is about Riot Platforms;
// a name like a ticker, MARA, only when it is used most),
// else the list's spelling of the name in Latin letters the text uses
// most, a use in kana or kanji counting for the list's name (the longest
// on a tie; tickers only when they are the name).
func (x *Extractor) asWritten(d *doc, ds []pipeline.Deal) []pipeline.Deal {
	seen := map[string]map[string]int{} // canonical -> spelling -> uses
	for _, m := range d.mentions {
		if !m.Known {
			continue
		}
		s := writtenName(m.Text)
		if s == "" {
			s = m.Name // written in kana or kanji: a vote for the list's name
		} else if org.IsTicker(s) && s != m.Name {
			continue
		}
		if seen[m.Name] == nil {
			seen[m.Name] = map[string]int{}
		}
		seen[m.Name][x.gaz.Spelling(s)]++
	}
	name := func(n string) string {
		if seen[n][n] > 0 && !org.IsTicker(n) {
			return n
		}
		best, bn := n, seen[n][n] // "Marathon Digital (MARA)": the ticker-like name counts once per use
		for s, c := range seen[n] {
			if c > bn || c == bn && s != n && best != n && (len(s) > len(best) || len(s) == len(best) && s < best) {
				best, bn = s, c
			}
		}
		return best
	}
	for i := range ds {
		ds[i].Company = name(ds[i].Company)
		if ds[i].Counterparty != "" {
			ds[i].Counterparty = pipeline.NullString(name(string(ds[i].Counterparty)))
		}
	}
	return ds
}

// writtenName is a mention's text as a name: in Latin letters, without a
// possessive or a legal form; "" when the text is not Latin.
func writtenName(s string) string {
	s = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(s), "'s"), "’s")
	for _, r := range s {
		if r >= 0x3000 {
			return ""
		}
	}
	ws := strings.Fields(strings.ReplaceAll(s, ",", " "))
	for len(ws) > 1 && (legalForm[strings.ToLower(strings.TrimRight(ws[len(ws)-1], "."))] || ws[len(ws)-1] == "&") {
		ws = ws[:len(ws)-1] // "Mitsui & Co.": the "&" goes with the legal form
	}
	return strings.Join(ws, " ")
}
