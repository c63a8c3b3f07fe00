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

// Floors for TestSuite and TestForms: the share of cases Find gets exactly
// right and the number of amounts it reports that the file does not expect.
const (
	suiteFloor     = 0.98
	suiteMaxExtras = 0
	formsFloor     = 0.98
	formsMaxExtras = 0
	probeFloor     = 0.98
	probeMaxExtras = 0
)

// suiteCase is one line of a suite file (testdata/suite.tsv, forms.tsv).
type suiteCase struct {
	line int
	in   string
	want []w
}

// readSuite parses a suite file in testdata: a sentence, then one field per
// expected amount, text|value|currency|qualifier[|max].
func readSuite(t *testing.T, name string) []suiteCase {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
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
				t.Fatalf("%s:%d: bad amount field %q", name, n, fld)
			}
			v, err := strconv.ParseFloat(parts[1], 64)
			if err != nil {
				t.Fatalf("%s:%d: value %q: %v", name, n, parts[1], err)
			}
			// The sentence is normalised as the extractor does (full-width
			// digits, odd spaces); the amount's text is read the same way.
			a := w{text: text.Normalize(parts[0]), value: v, cur: parts[2], qual: parts[3]}
			if len(parts) == 5 {
				if a.max, err = strconv.ParseFloat(parts[4], 64); err != nil {
					t.Fatalf("%s:%d: max %q: %v", name, n, parts[4], err)
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
	runSuite(t, "suite.tsv", suiteFloor, suiteMaxExtras)
}

// TestForms runs testdata/forms.tsv, the suite of forms beyond this field's
// news (scale codes, fractions, sub-units, kana, negative amounts, currency
// names and symbols of many countries, traps), the same way.
func TestForms(t *testing.T) {
	runSuite(t, "forms.tsv", formsFloor, formsMaxExtras)
}

// TestProbe runs testdata/probe.tsv, probe2.tsv and probe3.tsv, cases a second team
// member wrote from lists of forms without reading the parser or the other
// suites.
func TestProbe(t *testing.T) {
	runSuite(t, "probe.tsv", probeFloor, probeMaxExtras)
	runSuite(t, "probe2.tsv", probeFloor, probeMaxExtras)
	runSuite(t, "probe3.tsv", probeFloor, probeMaxExtras)
	runSuite(t, "probe4.tsv", probeFloor, probeMaxExtras)
}

func runSuite(t *testing.T, name string, floor float64, maxExtras int) {
	cases := readSuite(t, name)
	if len(cases) < 200 {
		t.Fatalf("%s has %d cases, want at least 200", name, len(cases))
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
		t.Logf("%s:%d %q\n  got  %s\n  want %s", name, c.line, c.in, show(got), showWant(c.want))
	}
	rate := float64(exact) / float64(len(cases))
	t.Logf("%s: %d/%d exact (%.3f), %d extra amounts, %d no-amount cases", name, exact, len(cases), rate, extras, negatives)
	fmt.Printf("money %s: %d/%d exact (%.3f), %d extra amounts\n", name, exact, len(cases), rate, extras)
	if rate < floor {
		t.Errorf("%s: exact-match rate %.3f below floor %.3f", name, rate, floor)
	}
	if extras > maxExtras {
		t.Errorf("%s: %d extra amounts, want at most %d", name, extras, maxExtras)
	}
}

func showWant(ws []w) string {
	var b strings.Builder
	for _, x := range ws {
		fmt.Fprintf(&b, "{%s %v max=%v %s q=%q} ", x.text, x.value, x.max, x.cur, x.qual)
	}
	return b.String()
}
