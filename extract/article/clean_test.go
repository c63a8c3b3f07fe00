package article

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestClean(t *testing.T) {
	body := strings.Repeat("The miner said it signed a ten-year lease for its Texas site with a cloud company. ", 8)
	tests := []struct {
		name       string
		html       string
		keep, drop []string
	}{
		{"figure table kept",
			`<div class="entry-content"><p>` + body + `</p><figure class="wp-block-table"><table><tr><td>Q1</td><td>12.5</td></tr></table></figure></div>`,
			[]string{"Q1 | 12.5"}, nil},
		{"image figure dropped",
			`<div class="entry-content"><p>` + body + `</p><figure><img src="a.jpg"><figcaption>Photo: agency</figcaption></figure></div>`,
			nil, []string{"Photo: agency"}},
		{"layout wrapper named sidebar kept",
			`<div class="container sidebar_right"><h1>Headline</h1><p>` + body + `</p></div><div class="sidebar"><p>Short teaser text here.</p></div>`,
			[]string{"ten-year lease"}, []string{"Short teaser"}},
		{"related heading block dropped",
			`<div><p>` + body + `</p><div class="box"><h3>関連記事</h3><ul><li><a href="/1">他社が買収</a></li></ul></div></div>`,
			nil, []string{"他社が買収", "関連記事"}},
		{"inline related teaser dropped",
			`<div><p>` + body + `</p><p><strong>Read more:</strong> <a href="/x">Another miner sells its site</a></p></div>`,
			nil, []string{"Another miner"}},
		{"hidden and share dropped",
			`<div><p>` + body + `</p><div style="display: none">secret</div><div class="share-buttons"><a>Tweet</a></div></div>`,
			nil, []string{"secret", "Tweet"}},
		{"amp ad dropped",
			`<div><p>` + body + `</p><amp-ad type="x"><div placeholder>Ad copy</div></amp-ad></div>`,
			nil, []string{"Ad copy"}},
		{"elementor widget kept",
			`<div class="elementor-widget-container"><p>` + body + `</p></div><div class="elementor-widget-container"><p>Other text.</p></div>`,
			[]string{"ten-year lease", "Other text."}, nil},
		{"BEM modifier and has- words are not furniture",
			`<section class="o-section o-section--has-ads"><p>` + body + `</p></section><section class="report__section--ads"><p>Second part of the report.</p></section><div class="ads"><p>Buy now.</p></div>`,
			[]string{"ten-year lease", "Second part"}, []string{"Buy now"}},
		{"heading id from its text is not furniture",
			`<div><p>` + body + `</p><h3 id="nav_the_numbers">The numbers</h3><p>` + body + `</p></div>`,
			[]string{"The numbers"}, nil},
		{"lede in an article header kept, site header dropped",
			`<header class="site-header"><p>Miner news every day from the team at the Ledger, read by the industry around the world.</p></header>` +
				`<main><article><header><h1>Miner signs lease</h1><p>The deal gives the cloud company 100 megawatts of power at the Texas site for ten years from 2027.</p></header><p>` + body + `</p></article></main>`,
			[]string{"gives the cloud company 100 megawatts"}, []string{"Miner news every day"}},
		{"post in noscript kept",
			`<div class="post-body"><script type="text/template"><p>` + body + `</p></script><noscript><p>` + body + `</p><p>Closing line of the post.</p></noscript></div>`,
			[]string{"ten-year lease", "Closing line"}, nil},
		{"pixel in noscript dropped",
			`<div><p>` + body + `</p><noscript><img src="https://t.example.com/p.gif">Tracking pixel</noscript></div>`,
			nil, []string{"Tracking pixel"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader("<html><body>" + tt.html + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			expandNoscript(root)
			clean(root)
			got := renderText(root)
			for _, k := range tt.keep {
				if !strings.Contains(got, k) {
					t.Errorf("lost %q:\n%s", k, got)
				}
			}
			for _, d := range tt.drop {
				if strings.Contains(got, d) {
					t.Errorf("kept %q:\n%s", d, got)
				}
			}
		})
	}
}

func TestLinkTextsSkipsAnchors(t *testing.T) {
	page := `<html><body><ul class="toc"><li><a href="#numbers">The numbers</a></li><li><a href="/story#outlook">Outlook</a></li></ul>` +
		`<nav><ul><li><a href="/markets/">Markets</a></li><li><a href="#">Menu</a></li></ul></nav></body></html>`
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	got := linkTexts(root)
	for _, tt := range []struct {
		text string
		want bool
	}{{"The numbers", false}, {"Outlook", false}, {"Markets", true}, {"Menu", true}} {
		if got[tt.text] != tt.want {
			t.Errorf("linkTexts[%q] = %v, want %v", tt.text, got[tt.text], tt.want)
		}
	}
}

func TestFillGaps(t *testing.T) {
	own := []string{"By Jane Doe", "The miner signed a lease.", "Key terms", "Capacity: 100 MW", "Term: 10 years",
		"Photo: agency", "The deal closes in May.", "Share this"}
	body := []bool{false, true, true, true, true, false, true, false}
	tests := []struct {
		name, traf, want string
	}{
		{"short lines put back, caption and edges not",
			"The miner signed a lease.\nThe deal closes in May.",
			"The miner signed a lease.\nKey terms\nCapacity: 100 MW\nTerm: 10 years\nThe deal closes in May."},
		{"trafilatura's own lines stay in place",
			"Hi.\nThe miner signed a lease.\nThe deal closes in May.",
			"Hi.\nThe miner signed a lease.\nKey terms\nCapacity: 100 MW\nTerm: 10 years\nThe deal closes in May."},
		{"too little in common: unchanged",
			"A long introduction that only trafilatura found on the page.\nThe miner signed a lease.\nThe deal closes in May.",
			"A long introduction that only trafilatura found on the page.\nThe miner signed a lease.\nThe deal closes in May."},
		{"another body: unchanged",
			"A different story about a bank.\nIt lends money to miners in Texas.",
			"A different story about a bank.\nIt lends money to miners in Texas."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fillGaps(own, body, tt.traf); got != tt.want {
				t.Errorf("fillGaps =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestRenderLinesBody(t *testing.T) {
	page := `<div><h2>Key terms</h2><ul><li>Capacity: 100 MW</li><li><a href="/x">Linked teaser headline</a></li></ul>` +
		`<div class="credit">Photo: agency</div><table><tr><td>Q1</td><td>12.5</td></tr></table></div>`
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	lines, body := renderLines(root)
	want := map[string]bool{"Key terms": true, "Capacity: 100 MW": true, "Linked teaser headline": false,
		"Photo: agency": false, "Q1 | 12.5": true}
	if len(lines) != len(want) || len(body) != len(lines) {
		t.Fatalf("lines %q body %v", lines, body)
	}
	for i, l := range lines {
		if body[i] != want[l] {
			t.Errorf("%q: body = %v, want %v", l, body[i], want[l])
		}
	}
}
