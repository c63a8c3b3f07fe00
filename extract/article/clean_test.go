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
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader("<html><body>" + tt.html + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
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
