package article_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/kozan-dev/kozan/extract/article"
	"github.com/kozan-dev/kozan/pipeline"
)

func ExampleExtract() {
	html := `<html lang="ja"><head><title>採掘大手、AI向けに拠点転換 | 例ニュース</title>
<meta property="og:site_name" content="例ニュース">
<meta property="article:published_time" content="2026-02-19T18:30:00+09:00"></head>
<body><nav><a href="/">ホーム</a></nav>
<article><h1>採掘大手、AI向けに拠点転換</h1>
<div class="entry-content">
<p>ビットコイン採掘大手のサンプル・マイニングは19日、北海道の採掘拠点を生成AI向けのデータセンターに転換すると発表した。投資額は約420億円。</p>
<p>転換後の施設は国内のクラウド事業者が10年間借り受ける。年間の賃料は50億円前後になる見通しだ。</p>
</div></article>
<aside><h3>人気記事</h3><ul><li><a href="/x">別の会社、777億円で買収</a></li></ul></aside>
</body></html>`
	a, err := article.Extract(pipeline.Page{URL: "https://news.example.jp/a/1", Body: []byte(html)},
		article.Options{Now: func() time.Time { return time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC) }})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Title)
	fmt.Println(a.PublishedAt.Format(time.RFC3339), a.Lang, a.SiteName)
	fmt.Println(strings.Contains(a.Text, "777億円"))
	fmt.Println(a.Text)
	// Output:
	// 採掘大手、AI向けに拠点転換
	// 2026-02-19T09:30:00Z ja 例ニュース
	// false
	// ビットコイン採掘大手のサンプル・マイニングは19日、北海道の採掘拠点を生成AI向けのデータセンターに転換すると発表した。投資額は約420億円。
	// 転換後の施設は国内のクラウド事業者が10年間借り受ける。年間の賃料は50億円前後になる見通しだ。
}
