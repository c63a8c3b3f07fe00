package deal

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/kozan-dev/kozan/extract/text"
)

func TestZZDebug(t *testing.T) {
	raw := os.Getenv("DBG")
	if raw == "" {
		t.Skip()
	}
	x := newExtractor(t)
	title := ""
	if i := strings.Index(raw, "||"); i >= 0 {
		title, raw = raw[:i], raw[i+2:]
	}
	txt := text.Normalize(raw)
	d := x.analyze(txt)
	for _, s := range splitSentences(txt) {
		isJA := hasJapanese(txt[s[0]:s[1]])
		ms := x.sentenceMentions(d, s, isJA)
		if isJA {
			labelJA(txt, ms)
		} else {
			labelEN(txt, s, ms)
		}
		fmt.Printf("SENT %q\n", txt[s[0]:s[1]])
		for _, m := range ms {
			fmt.Printf("  M %q name=%q label=%d known=%v weak=%v miner=%v\n", m.Text, m.Name, m.label, m.Known, m.weak, m.miner)
		}
		for _, a := range amountsIn(d.amounts, s) {
			fmt.Printf("  A %q %v %s max=%v\n", txt[a.Span[0]:a.Span[1]], a.Value, a.Currency, a.Max)
		}
		for _, c := range cuesIn(d.cues, s) {
			if c.w.class != cueContext {
				fmt.Printf("  C %q class=%d kind=%s\n", txt[c.start:c.end], c.w.class, c.w.kind)
			}
		}
	}
	res := x.Extract(text.Normalize(title), txt)
	for _, dl := range res.Deals {
		fmt.Printf("DEAL %s\n", describe(dl))
	}
}
