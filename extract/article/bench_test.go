package article

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/kozan-dev/kozan/pipeline"
)

// bigPage builds a news page of about size bytes in the shape real ones
// have: scripts and styles in the head, a mega-menu, an article of many
// paragraphs with a table (textShare of the page), a sidebar of teasers
// and a footer.
func bigPage(size int, textShare float64) []byte {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Miner signs lease | Ledger</title>
<meta property="og:type" content="article"><meta property="article:published_time" content="2026-02-17T13:45:00Z">
<style>` + strings.Repeat(".c{margin:0;padding:0}\n", 300) + `</style>
<script>` + strings.Repeat("window.x=(window.x||0)+1;\n", 400) + `</script></head><body class="single">`)
	if textShare < 0.5 { // a typical page: more scripts and tracking
		b.WriteString(`<script>` + strings.Repeat("window.dataLayer.push({event:'view',id:12345});\n", int(float64(size)*(0.5-textShare)/48)) + `</script>`)
	}
	b.WriteString(`
<header class="site-header"><nav><ul>`)
	for i := 0; i < 80; i++ {
		fmt.Fprintf(&b, `<li class="menu-item"><a href="/section/%d/">Section %d</a></li>`, i, i)
	}
	b.WriteString(`</ul></nav></header><main><article><h1>Miner signs lease</h1><div class="entry-content">`)
	para, start := 0, b.Len()
	for b.Len()-start < int(float64(size)*textShare) {
		fmt.Fprintf(&b, `<p>Paragraph %d: the company said it will lease %d megawatts of capacity to a cloud provider for ten years, and that the <a href="/x">agreement</a> is worth about $%d million in contracted revenue over its term.</p>`+"\n", para, 10+para, 100+para)
		if para%20 == 10 {
			b.WriteString(`<table><tr><th>Quarter</th><th>Revenue</th></tr><tr><td>Q1</td><td>12.5</td></tr><tr><td>Q2</td><td>14.1</td></tr></table>`)
		}
		para++
	}
	b.WriteString(`</div></article><aside class="sidebar"><h3>Most Read</h3><ul>`)
	for i := 0; b.Len() < size-200; i++ {
		fmt.Fprintf(&b, `<li class="teaser"><a href="/t/%d">Teaser headline %d about another miner and its deal</a></li>`, i, i)
	}
	b.WriteString(`</ul></aside></main><footer>© Ledger</footer></body></html>`)
	return []byte(b.String())
}

// BenchmarkExtract100KB measures a typical news page of 100 KB (about 15 KB
// of article text, the rest scripts, menus and teasers); the target is
// under 10 ms per page.
func BenchmarkExtract100KB(b *testing.B) { benchExtract(b, bigPage(100<<10, 0.15)) }

// BenchmarkExtract100KBTextHeavy measures a 100 KB page that is 70% article
// text (a long report): the worst case.
func BenchmarkExtract100KBTextHeavy(b *testing.B) { benchExtract(b, bigPage(100<<10, 0.7)) }

// BenchmarkExtract100KBShort measures a 100 KB page around a short story
// (about 2 KB of text, under the length at which trafilatura's first
// result is trusted without its fallback comparison).
func BenchmarkExtract100KBShort(b *testing.B) { benchExtract(b, bigPage(100<<10, 0.02)) }

func benchExtract(b *testing.B, body []byte) {
	page := pipeline.Page{URL: "https://ledger.example.com/p/1", Status: 200,
		Header: http.Header{"Content-Type": {"text/html"}}, Body: body}
	opt := testOptions()
	if _, err := Extract(page, opt); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Extract(page, opt); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseDate(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		ParseDate("2026年2月20日 15時30分", "ja", testNow)
	}
}
