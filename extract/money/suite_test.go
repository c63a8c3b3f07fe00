package money

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/kozan-dev/kozan/extract/text"
	"github.com/kozan-dev/kozan/pipeline"
)

// Floors for TestSuite: the share of suite cases Find gets exactly right and
// the number of amounts it reports that the suite does not expect.
const (
	suiteFloor     = 0.98
	suiteMaxExtras = 0
)

// suiteCase is one line of testdata/suite.tsv.
type suiteCase struct {
	line int
	in   string
	want []w
}

// readSuite parses testdata/suite.tsv: a sentence, then one field per
// expected amount, text|value|currency|qualifier[|max].
func readSuite(t *testing.T) []suiteCase {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "suite.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []suiteCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		c := suiteCase{line: n, in: fields[0]}
		for _, fld := range fields[1:] {
			parts := strings.Split(fld, "|")
			if len(parts) < 4 || len(parts) > 5 {
				t.Fatalf("suite.tsv:%d: bad amount field %q", n, fld)
			}
			v, err := strconv.ParseFloat(parts[1], 64)
			if err != nil {
				t.Fatalf("suite.tsv:%d: value %q: %v", n, parts[1], err)
			}
			a := w{text: parts[0], value: v, cur: parts[2], qual: parts[3]}
			if len(parts) == 5 {
				if a.max, err = strconv.ParseFloat(parts[4], 64); err != nil {
					t.Fatalf("suite.tsv:%d: max %q: %v", n, parts[4], err)
				}
			}
			c.want = append(c.want, a)
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// suiteMatch reports whether got is exactly the expected list (text, value,
// currency, qualifier, max) and how many of got's amounts are extra (their
// text is not among the expected ones).
func suiteMatch(got []pipeline.Amount, want []w) (exact bool, extras int) {
	texts := map[string]bool{}
	for _, x := range want {
		texts[x.text] = true
	}
	for _, g := range got {
		if !texts[g.Text] {
			extras++
		}
	}
	if len(got) != len(want) {
		return false, extras
	}
	for k, g := range got {
		x := want[k]
		if g.Text != x.text || !close(g.Value, x.value) || g.Currency != x.cur || g.Qualifier != x.qual || !close(g.Max, x.max) {
			return false, extras
		}
	}
	return true, extras
}

// TestSuite runs Find on every sentence of testdata/suite.tsv (normalised
// with text.Normalize, as the extractor does) and reports the exact-match
// rate and the number of extra amounts; it fails below the floors. Misses
// are logged (visible with -v or on failure).
func TestSuite(t *testing.T) {
	cases := readSuite(t)
	if len(cases) < 200 {
		t.Fatalf("suite has %d cases, want at least 200", len(cases))
	}
	p := New(Config{})
	exact, extras, negatives := 0, 0, 0
	for _, c := range cases {
		got := p.Find(text.Normalize(c.in))
		ok, ex := suiteMatch(got, c.want)
		extras += ex
		if len(c.want) == 0 {
			negatives++
		}
		if ok {
			exact++
			continue
		}
		t.Logf("suite.tsv:%d %q\n  got  %s\n  want %s", c.line, c.in, show(got), showWant(c.want))
	}
	rate := float64(exact) / float64(len(cases))
	t.Logf("suite: %d/%d exact (%.3f), %d extra amounts, %d no-amount cases", exact, len(cases), rate, extras, negatives)
	fmt.Printf("money suite: %d/%d exact (%.3f), %d extra amounts\n", exact, len(cases), rate, extras)
	if rate < suiteFloor {
		t.Errorf("exact-match rate %.3f below floor %.3f", rate, suiteFloor)
	}
	if extras > suiteMaxExtras {
		t.Errorf("%d extra amounts, want at most %d", extras, suiteMaxExtras)
	}
}

func showWant(ws []w) string {
	var b strings.Builder
	for _, x := range ws {
		fmt.Fprintf(&b, "{%s %v max=%v %s q=%q} ", x.text, x.value, x.max, x.cur, x.qual)
	}
	return b.String()
}
