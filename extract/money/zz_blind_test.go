package money

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/kozan-dev/kozan/extract/text"
)

func TestZZBlind(t *testing.T) {
	f, err := os.Open("/tmp/moneyblind/blind.tsv")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	p := New(Config{})
	sc := bufio.NewScanner(f)
	n, exact, extras, qualdiff := 0, 0, 0, 0
	for ln := 1; sc.Scan(); ln++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fs := strings.Split(line, "\t")
		var want [][]string
		mark := ""
		for _, x := range fs[1:] {
			if strings.HasPrefix(x, "#") {
				mark = x
				continue
			}
			want = append(want, strings.Split(x, "|"))
		}
		n++
		got := p.Find(text.Normalize(fs[0]))
		ok := len(got) == len(want)
		qd := false
		if ok {
			for k, g := range got {
				v, _ := strconv.ParseFloat(want[k][1], 64)
				mx := 0.0
				if len(want[k]) == 5 {
					mx, _ = strconv.ParseFloat(want[k][4], 64)
				}
				if g.Text != text.Normalize(want[k][0]) || math.Abs(g.Value-v) > 1e-6*math.Max(1, v) || g.Currency != want[k][2] || math.Abs(g.Max-mx) > 1e-6*math.Max(1, mx) {
					ok = false
				}
				if g.Qualifier != want[k][3] {
					qd = true
				}
			}
		}
		texts := map[string]bool{}
		for _, x := range want {
			texts[text.Normalize(x[0])] = true
		}
		for _, g := range got {
			if !texts[g.Text] {
				extras++
			}
		}
		if ok {
			exact++
			if qd {
				qualdiff++
				var gs []string
				for _, g := range got {
					gs = append(gs, g.Qualifier)
				}
				fmt.Printf("QUAL %d %s got %v want %v\n", ln, mark, gs, want)
			}
			continue
		}
		var gs []string
		for _, g := range got {
			gs = append(gs, fmt.Sprintf("{%s %v max=%v %s q=%s}", g.Text, g.Value, g.Max, g.Currency, g.Qualifier))
		}
		fmt.Printf("MISS %d %s %q\n   got  %v\n   want %v\n", ln, mark, fs[0], gs, want)
	}
	fmt.Printf("blind: %d/%d exact (ignoring qualifier), %d qualifier diffs, %d extras\n", exact, n, qualdiff, extras)
}
