package text

import (
	"strings"
	"testing"
)

func TestSimhash(t *testing.T) {
	en := "TeraWulf said on Tuesday that it had signed a ten-year lease with Fluidstack worth about $9.5 billion. " +
		"The company will deliver 200 MW of critical IT load at its Lake Mariner campus in New York. " +
		"Google will backstop $1.8 billion of Fluidstack's lease obligations in exchange for warrants. " +
		"Shares of TeraWulf rose 12% in premarket trading after the announcement."
	ja := "米ビットコインマイニング大手のテラウルフは11日、英AIクラウドのフルードスタックと10年間のHPCリース契約を結んだと発表した。" +
		"ニューヨーク州のレイクマリナー拠点で200メガワットのIT容量を提供する。グーグルはリース債務のうち18億ドルを保証する。"
	tests := []struct {
		name    string
		a, b    string
		maxDist int // the pair must be at most this far apart
		minDist int // and at least this far
	}{
		{"same text", en, en, 0, 0},
		{"white space and case", en, strings.ToUpper(strings.ReplaceAll(en, " ", "  ")), 0, 0},
		{"headline added, last sentence changed", en, "TeraWulf and Fluidstack agree AI lease\n" +
			strings.Replace(en, "after the announcement", "after the deal was announced", 1), 8, 0},
		{"japanese, one sentence changed", ja, strings.Replace(ja, "18億ドルを保証する", "18億ドル分を保証する", 1), 8, 0},
		{"unrelated stories", en, "Cipher Mining agreed a 15-year lease with Amazon Web Services for 300 MW at its Barber Lake site in Texas. " +
			"Rent payments begin in August 2026, and Cipher will fund the buildout with project debt and cash on hand. " +
			"The deal makes Cipher one of the largest providers of powered land to hyperscalers.", 64, 16},
		{"english against japanese", en, ja, 64, 16},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Distance(Simhash(tt.a), Simhash(tt.b))
			if d > tt.maxDist || d < tt.minDist {
				t.Errorf("distance %d, want %d..%d", d, tt.minDist, tt.maxDist)
			}
		})
	}
	if Simhash("") != 0 || Simhash(" … ") != 0 {
		t.Error("a text without words has a fingerprint")
	}
}
