package article

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kozan-dev/kozan/pipeline"
	"golang.org/x/net/html"
)

// TestBlocksApart extracts pages written without white space between their
// blocks (testdata/blocks/NAME.html) and compares the main text with
// NAME.golden.txt (-update rewrites them). Each case also names lines the
// text must hold whole, and glued strings it must not hold: a headline or
// a date run into a body sentence, two sentences without a space.
func TestBlocksApart(t *testing.T) {
	tests := []struct {
		name, lang string
		lines      []string // whole lines of the text
		glued      []string // never in the text
	}{
		{name: "h1_time_p",
			lines: []string{
				"TeraWulf said on Tuesday that it had signed a ten-year high-performance computing lease with Fluidstack worth $8700 million.",
				"The company will deliver 200 MW of critical IT load at its Lake Mariner campus in New York, starting in the second half of 2027.",
				"Shares rise",
			},
			glued: []string{"Fluidstack2026", "2026-11-12TeraWulf", "million.The", "2027.Google", "riseShares"}},
		{name: "loose_br",
			lines: []string{
				"Cipher Mining said it agreed a 15-year lease with Amazon Web Services for 300 MW of capacity at its Barber Lake site in Texas, worth about $5.5 billion.",
				"The lease starts in July 2026, with rent payments beginning in August.",
				"Financing",
				"The company plans to fund the buildout with project debt and cash on hand, it said in a statement released on Monday morning.",
			},
			glued: []string{"2026Cipher", "RoeCipher", "AWSNovember", "FinancingThe", "States.Financing"}},
		{name: "spans",
			lines: []string{"SYDNEY, Nov. 3"},
			glued: []string{"contractSYDNEY", "3IREN", "campus.The", "billion.\"This", "said.The"}},
		{name: "lists_tables",
			lines: []string{
				"Total contract value of about $10.2 billion",
				"Delivery in the first half of 2027",
				"Site | Capacity | Start",
				"Denton, Texas | 70 MW | 2027",
				"Moelis and Company advised Core Scientific on the contracts.",
			},
			glued: []string{"filing on Thursday.Total", "billionTwelve", "2027Site", "2026Advisers", "AdvisersMoelis"}},
		{name: "ja_glued", lang: "ja",
			lines: []string{
				"ニューヨーク州のレイクマリナー拠点で200メガワットのIT容量を提供する。",
				"グーグルはフルードスタックのリース債務のうち18億ドルを保証する。",
				"株価は上昇",
			},
			glued: []string{"契約2026", "日記者", "太郎米", "上昇発表", "保証する。株価"}},
		{name: "legacy_table",
			lines: []string{
				"Bitfarms said it agreed to sell its Paso Pe site in Paraguay to HIVE Digital for up to $56 million in cash and shares.",
				"The sale is expected to close in the first quarter of 2027, subject to customary conditions.",
			},
			glued: []string{"site2026", "30Bitfarms", "shares.The", "conditions.Bitfarms"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body, err := os.ReadFile(filepath.Join("testdata", "blocks", tt.name+".html"))
			if err != nil {
				t.Fatal(err)
			}
			page := pipeline.Page{URL: "https://news.example.com/" + tt.name, Lang: tt.lang, Status: http.StatusOK,
				Header: http.Header{"Content-Type": {"text/html; charset=utf-8"}}, Body: body, FetchedAt: testNow}
			a, err := Extract(page, testOptions())
			if err != nil {
				t.Fatal(err)
			}
			have := map[string]bool{}
			for _, l := range strings.Split(a.Text, "\n") {
				have[l] = true
			}
			for _, l := range tt.lines {
				if !have[l] {
					t.Errorf("no line %q in\n%s", l, a.Text)
				}
			}
			for _, g := range tt.glued {
				if strings.Contains(a.Text, g) {
					t.Errorf("glued %q in\n%s", g, a.Text)
				}
			}
			path := filepath.Join("testdata", "blocks", tt.name+".golden.txt")
			got := a.Text + "\n"
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if got != string(want) {
				t.Errorf("text differs from %s:\ngot:\n%s\nwant:\n%s", path, got, want)
			}
		})
	}
}

// TestRenderKeepsBlocksApart checks the renderer alone, engine aside.
func TestRenderKeepsBlocksApart(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"time between heading and text", `<div><h1>Deal</h1><time>2026-11-12</time>Text follows.</div>`, "Deal\n2026-11-12\nText follows."},
		{"time inside a sentence", `<p>On <time>Nov. 12</time>, TeraWulf said.</p>`, "On Nov. 12, TeraWulf said."},
		{"byline span", `<div>Headline<span class="byline">By Jo</span>Body text.</div>`, "Headline\nBy Jo\nBody text."},
		{"byline in a paragraph", `<p>Written <span class="author">by Jo</span> today.</p>`, "Written by Jo today."},
		{"styled block", `<div><span style="display:block">One</span><span style="display: block">Two</span></div>`, "One\nTwo"},
		{"glued sentences", `<p><span>It rose 5%.</span><span>The firm said.</span></p>`, "It rose 5%. The firm said."},
		{"abbreviations stay", `<p>The U.S.A. and Node.js and example.com, Ph.D. holders.</p>`, "The U.S.A. and Node.js and example.com, Ph.D. holders."},
		{"layout cells", `<table><tr><td>Left</td><td>Right</td></tr></table>`, "Left | Right"},
		{"list items", `<ul><li>One</li><li>Two</li></ul>`, "One\nTwo"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader("<html><body>" + tt.in + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			if got := renderText(root); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestWrapLooseText checks which loose text goes into a paragraph.
func TestWrapLooseText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"text beside a heading", `<div><h1>H</h1>Text<br>more</div>`, `<div><h1>H</h1><p>Text<br/>more</p></div>`},
		{"double break splits", `<div><h2>H</h2>One<br><br>Two</div>`, `<div><h2>H</h2><p>One<br/></p><br/><p>Two</p></div>`},
		{"time stays apart", `<div><h1>H</h1><time>T</time>Text</div>`, `<div><h1>H</h1><time>T</time><p>Text</p></div>`},
		{"only text: untouched", `<div>Text <b>bold</b></div>`, `<div>Text <b>bold</b></div>`},
		{"links alone: untouched", `<div><p>P</p><a href="/">Home</a> <a href="/x">X</a></div>`, `<div><p>P</p><a href="/">Home</a> <a href="/x">X</a></div>`},
		{"data cell: untouched", `<table><tr><td>a<h4>b</h4></td></tr></table>`, `<table><tbody><tr><td>a<h4>b</h4></td></tr></tbody></table>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader("<html><body>" + tt.in + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			wrapLooseText(root)
			var b strings.Builder
			body := findBody(root)
			for c := body.FirstChild; c != nil; c = c.NextSibling {
				if err := html.Render(&b, c); err != nil {
					t.Fatal(err)
				}
			}
			if got := b.String(); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}
