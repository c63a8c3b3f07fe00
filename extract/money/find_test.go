package money

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/kozan-dev/kozan/extract/text"
)

func TestFindSpans(t *testing.T) {
	p := New(Config{})
	tests := []struct {
		name string
		in   string
		want []string // each amount's text; its span is the first occurrence at or after the previous one
	}{
		{"japanese sentence", "IRENは約92億ドル超を調達し、現金は28億ドル。", []string{"約92億ドル超", "28億ドル"}},
		{"english sentence", "It raised $1.4bn and up to €300m.", []string{"$1.4bn", "up to €300m"}},
		{"start and end", "$5 million", []string{"$5 million"}},
		{"after multibyte", "資金は5億円", []string{"5億円"}},
		{"repeated amount", "5億円と5億円", []string{"5億円", "5億円"}},
		{"percent between", "12%増の3億ドル、8%減の2億ドル", []string{"3億ドル", "2億ドル"}},
		{"scale word on the next line", "Net income was $31\nmillion for the quarter.", []string{"$31\nmillion"}},
		{"footnote after a scale letter", "It bought servers for $27.4m2, with delivery in June.", []string{"$27.4m"}},
		{"area is no footnote", "The hall covers 500m2 of floor.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := p.Find(tt.in)
			if len(got) != len(tt.want) {
				t.Fatalf("Find(%q) = %s, want %q", tt.in, show(got), tt.want)
			}
			from := 0
			for k, a := range got {
				st := from + strings.Index(tt.in[from:], tt.want[k])
				want := [2]int{st, st + len(tt.want[k])}
				if a.Span != want || a.Text != tt.want[k] {
					t.Errorf("amount %d = %q %v, want %q %v", k, a.Text, a.Span, tt.want[k], want)
				}
				from = want[1]
			}
		})
	}
}

func TestParse(t *testing.T) {
	p := New(Config{})
	tests := []struct {
		in    string
		ok    bool
		value float64
		cur   string
		qual  string
	}{
		{"約9600万ドル", true, 9.6e7, "USD", "about"},
		{"  $1.4bn ", true, 1.4e9, "USD", ""},
		{"up to $8.7 billion", true, 8.7e9, "USD", "up_to"},
		{"一億二千万円", true, 1.2e8, "JPY", ""},
		{"92億ドル超", true, 9.2e9, "USD", "over"},
		{"$8-10 million", true, 8e6, "USD", ""},
		{"128億ドルの契約", false, 0, "", ""},
		{"契約128億ドル", false, 0, "", ""},
		{"$5 and $6", false, 0, "", ""},
		{"50 EH/s", false, 0, "", ""},
		{"", false, 0, "", ""},
		{"1億株", false, 0, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := p.Parse(tt.in)
			if ok != tt.ok {
				t.Fatalf("Parse(%q) ok = %v, want %v (%s)", tt.in, ok, tt.ok, show(p.Find(tt.in)))
			}
			if !ok {
				return
			}
			if !close(got.Value, tt.value) || got.Currency != tt.cur || got.Qualifier != tt.qual {
				t.Errorf("Parse(%q) = %v %s %q, want %v %s %q", tt.in, got.Value, got.Currency, got.Qualifier, tt.value, tt.cur, tt.qual)
			}
		})
	}
}

func TestUSD(t *testing.T) {
	p := New(Config{FXUSD: map[string]float64{"JPY": 0.0067, "eur": 1.1, "BTC": 90000}})
	tests := []struct {
		in   string
		want float64 // -1: nil
	}{
		{"200億円", 2e10 * 0.0067},
		{"$9.7 billion", 9.7e9},
		{"€120m", 1.2e8 * 1.1},
		{"500 BTC", -1},
		{"3億元", -1},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			a, ok := p.Parse(tt.in)
			if !ok {
				t.Fatalf("Parse(%q) failed", tt.in)
			}
			switch {
			case tt.want < 0 && a.USD != nil:
				t.Errorf("USD = %v, want nil", *a.USD)
			case tt.want >= 0 && (a.USD == nil || !close(*a.USD, tt.want)):
				t.Errorf("USD = %v, want %v", a.USD, tt.want)
			}
		})
	}
	if a, _ := New(Config{}).Parse("1兆円"); a.USD != nil {
		t.Errorf("zero Config: JPY USD = %v, want nil", *a.USD)
	}
}

func TestSkipBTC(t *testing.T) {
	in := "It sold 500 BTC (500ビットコイン) for $45 million."
	if got := New(Config{}).Find(in); len(got) != 3 || got[0].Currency != "BTC" || got[1].Currency != "BTC" {
		t.Errorf("default: %s, want two BTC amounts and one USD", show(got))
	}
	got := New(Config{SkipBTC: true}).Find(in)
	if len(got) != 1 || got[0].Text != "$45 million" {
		t.Errorf("SkipBTC: %s, want only $45 million", show(got))
	}
}

// checkAmounts verifies the Find invariants on any input.
func checkAmounts(t *testing.T, p *Parser, in string) {
	t.Helper()
	bounds := map[int]bool{len(in): true}
	for i := range in {
		bounds[i] = true
	}
	prev := 0
	for _, a := range p.Find(in) {
		s, e := a.Span[0], a.Span[1]
		if s < prev || e <= s || e > len(in) {
			t.Fatalf("bad span %v (prev end %d, len %d) in %q", a.Span, prev, len(in), in)
		}
		if !bounds[s] || !bounds[e] {
			t.Fatalf("span %v not on rune boundaries in %q", a.Span, in)
		}
		if in[s:e] != a.Text {
			t.Fatalf("Text %q != text[span] %q", a.Text, in[s:e])
		}
		if a.Currency == "" || a.Value != a.Value {
			t.Fatalf("bad amount %+v in %q", a, in)
		}
		// Only a written sign makes a value negative, and never a range.
		if a.Value < 0 && (a.Max != 0 || !signed(a.Text)) {
			t.Fatalf("negative amount without a sign %+v in %q", a, in)
		}
		if a.Currency == "BTC" && a.USD != nil {
			t.Fatalf("BTC with USD value in %q", in)
		}
		prev = e
	}
}

// signed reports whether an amount's text carries a minus sign, after any
// qualifier words, or the brackets of an accounting negative ("$(10.4)").
func signed(text string) bool {
	return strings.ContainsAny(text, "-▲△") || strings.Contains(text, "マイナス") ||
		strings.Contains(strings.ToLower(text), "minus ") || strings.Contains(strings.ToLower(text), "negative ") ||
		strings.Contains(text, "(") && strings.Contains(text, ")")
}

var fuzzSeeds = []string{
	"128億ドル", "1億6850万ドル", "約9600万ドル超", "数百億ドル", "一億二千万円", "$8-10 million",
	"between $8m and $10m", "US$ 3.7 billion", "8~10億ドル", "500 BTC", "1,000 万円", "5 億ドル",
	"€", "$", "~$", "約", "1,2,3", "1.2.3億", "数数数億ドル", "十十十円", "億億円", "$5-", "$5 to", "0.円",
	"99999999999999999999999999億ドル", "1兆1兆1兆円", "$1,000,000,000,000,000,000,000",
	"MUSD 10-15", "12 MUSD", "kUSD", "$5MM", "Rs 5 lakh crore", "₹2-3 lakh", "3元5角2分", "五元三角形",
	"2222円13銭", "545ドルと5セント", "-$5 million", "▲3億円", "△", "マイナス", "minus $", "-", "--5円",
	"いちおくえん", "にせんにひゃくごじゅうろく ドル", "いっ", "はっせ", "ごえん", "一万億円", "億万", "二〇〇万円",
	"half a", "a quarter of a billion dollars", "a billion and a half dollars", "one and a half", "a dollar",
	"\\50", "C:\\2024", "20p", "720p", "EUR 2.5 Mio. Euro", "3,5 Mrd.", "1 000 000 円", "10 000 ₽", "R$ 89,90",
}

func FuzzFind(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	p := New(Config{FXUSD: map[string]float64{"JPY": 0.0067}})
	f.Fuzz(func(t *testing.T, in string) {
		checkAmounts(t, p, in)
	})
}

func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	p := New(Config{})
	f.Fuzz(func(t *testing.T, in string) {
		a, ok := p.Parse(in)
		if !ok {
			return
		}
		if a.Span[0] < 0 || a.Span[1] > len(in) || in[a.Span[0]:a.Span[1]] != a.Text {
			t.Fatalf("Parse(%q) span %v text %q", in, a.Span, a.Text)
		}
		if strings.TrimSpace(in) != a.Text {
			t.Fatalf("Parse(%q) covers %q, not the whole input", in, a.Text)
		}
	})
}

// benchText is ~26 KB of Japanese news-style prose with amounts, made by
// repeating sentences written for this benchmark.
func benchText() string {
	sentences := []string{
		"データセンター運営会社の北辰エナジーは、米クラウド大手と10年間で約48億ドルの計算能力供給契約を締結したと発表した。",
		"同社の2025年通期売上高は1億2340万ドルで、前年比31%増となった。",
		"ハッシュレートは42EH/sに達し、保有ビットコインは3,150BTCとなっている。",
		"新工場の建設費は最大1,200億円を見込み、うち200億円を銀行融資で賄う。",
		"株価は一時12%上昇し、時価総額は数千億円規模に膨らんだ。",
		"The operator also agreed to sell its Texas site for $85 million, according to a filing.",
	}
	var b strings.Builder
	for b.Len() < 26*1024 {
		for _, s := range sentences {
			b.WriteString(s)
		}
	}
	return b.String()
}

func BenchmarkFind(b *testing.B) {
	p := New(Config{FXUSD: map[string]float64{"JPY": 0.0067}})
	s := benchText()
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		p.Find(s)
	}
}

// BenchmarkFindForms runs Find over every sentence of testdata/forms.tsv:
// English and Japanese text dense with the less common forms.
func BenchmarkFindForms(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join("testdata", "forms.tsv"))
	if err != nil {
		b.Fatal(err)
	}
	var sents []string
	for _, line := range strings.Split(string(raw), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		sents = append(sents, text.Normalize(strings.SplitN(line, "\t", 2)[0]))
	}
	p := New(Config{FXUSD: map[string]float64{"JPY": 0.0067}})
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sents {
			p.Find(s)
		}
	}
}

// TestFindCostLinear: on a text four times as long, Find allocates at most
// 1.5 times as much per input byte. Every currency form is read with a
// look at a few bytes around the number, never at the rest of the text
// (a bitcoin count once lower-cased all the text after it: quadratic on a
// long page). It measures memory, not time.
func TestFindCostLinear(t *testing.T) {
	p := New(Config{})
	unit := "Northwind sold 300 bitcoin and bought 5,000 bitcoin miners for $12 million; 同社は500ビットコインを売却し、20億円を調達した。 It paid €3.5m (US$3.8m) and NIS 2.8 billion. "
	cost := func(n int) float64 {
		s := strings.Repeat(unit, n)
		runtime.GC()
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		p.Find(s)
		runtime.ReadMemStats(&m1)
		return float64(m1.TotalAlloc-m0.TotalAlloc) / float64(len(s))
	}
	small, large := cost(500), cost(2000)
	if large > 1.5*small {
		t.Errorf("Find allocates %.0f bytes per input byte on a long text, %.0f on one four times shorter: not linear", large, small)
	}
}
