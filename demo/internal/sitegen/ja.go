package sitegen

import (
	"fmt"
	"text/template"
	"time"
)

const (
	jaName     = "ハッシュレート・タイムズ"
	jaPageSize = 6 // articles per listing page
	jaFeedSize = 8 // items in the RSS feed, newest first
)

// RenderJA renders the Japanese site: a WordPress-like news theme with
// /archives/ID/ permalinks, paginated /news/ listings, category and tag
// archives, an RSS 2.0 feed at /feed/ (the newest jaFeedSize stories, links
// carrying utm_* parameters as feed plugins add them) and a plain sitemap.
func RenderJA(arts []*Article) (*Output, error) {
	o := newOutput()
	for _, a := range arts {
		if a.ID == "" {
			return nil, fmt.Errorf("%s: the Japanese site needs an id", a.File)
		}
		a.Path = "/archives/" + a.ID + "/"
	}
	cats, tags := terms(arts)
	latest := newest(arts)
	base := func(p page) page {
		p.Base = Base
		p.Categories = cats
		p.Tags = tags
		if p.Popular == nil {
			p.Popular = popular(arts, p.Art, 5)
		}
		return p
	}
	var sm []sitemapURL
	for _, a := range arts {
		p := base(page{Path: a.Path, Title: a.Title, Desc: a.Excerpt, Art: a})
		var err error
		if a.DateStyle == "jsonld" {
			p.JSONLD, err = newsArticleLD(a, Base+a.Path, jaName, "ja")
		} else {
			p.JSONLD, err = breadcrumbLD([2]string{"ホーム", Base + "/"}, [2]string{a.Category.Label, Base + "/category/" + a.Category.Slug + "/"}, [2]string{a.Title, Base + a.Path})
		}
		if err != nil {
			return nil, err
		}
		b, err := execute(jaTemplates, "article", p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", a.File, err)
		}
		o.add("archives/"+a.ID+"/index.html", b, a.LastMod())
		sm = append(sm, sitemapURL{Loc: Base + a.Path, LastMod: a.LastMod()})
	}
	list := listed(arts)
	pages := paginate(list, jaPageSize)
	for i, pg := range pages {
		p := base(page{Title: "ニュース一覧", List: pg, PageNo: i + 1, Desc: "マイニング企業とAIインフラの最新ニュース一覧"})
		p.Path = jaNewsPage(i + 1)
		if i > 0 {
			p.Prev = jaNewsPage(i)
		}
		if i+1 < len(pages) {
			p.Next = jaNewsPage(i + 2)
		}
		if err := jaListing(o, p, newest(pg)); err != nil {
			return nil, err
		}
		sm = append(sm, sitemapURL{Loc: Base + p.Path, LastMod: newest(pg)})
	}
	home := base(page{Path: "/", Title: "マイニングとAIインフラのニュース", List: pages[0], Desc: "ビットコインマイニング企業のAI・HPC転換を追うニュースサイト(デモ用サンプル)"})
	b, err := execute(jaTemplates, "home", home)
	if err != nil {
		return nil, err
	}
	o.add("index.html", b, latest)
	for _, c := range cats {
		var in []*Article
		for _, a := range list {
			if a.Category == c {
				in = append(in, a)
			}
		}
		p := base(page{Path: "/category/" + c.Slug + "/", Title: "カテゴリー: " + c.Label, List: in, Desc: c.Label + "の記事一覧"})
		if err := jaListing(o, p, newest(in)); err != nil {
			return nil, err
		}
	}
	for _, t := range tags {
		var in []*Article
		for _, a := range list {
			for _, at := range a.Tags {
				if at == t {
					in = append(in, a)
				}
			}
		}
		p := base(page{Path: "/tag/" + t.Slug + "/", Title: "タグ: " + t.Label, List: in, Desc: t.Label + "に関する記事"})
		if err := jaListing(o, p, newest(in)); err != nil {
			return nil, err
		}
	}
	if err := addStatic(o, jaTemplates, base, latest, []staticPage{
		{"about/index.html", "about", "/about/", "このサイトについて"},
		{"wp-admin/index.html", "login", "/wp-admin/", "ログイン"},
		{"404.html", "notfound", "/404", "ページが見つかりません"},
	}); err != nil {
		return nil, err
	}
	sm = append(sm, sitemapURL{Loc: Base + "/about/", LastMod: latest})
	feed := feedItems(arts, jaFeedSize)
	b, err = execute(jaTemplates, "rss", struct {
		Base    string
		Items   []*Article
		Updated time.Time
	}{Base, feed, latest})
	if err != nil {
		return nil, err
	}
	o.add("feed/index.rss", b, latest)
	b, err = execute(xmlTemplates, "urlset", append([]sitemapURL{{Loc: Base + "/", LastMod: latest}}, sm...))
	if err != nil {
		return nil, err
	}
	o.add("sitemap.xml", b, latest)
	o.add("robots.txt", []byte("User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\nSitemap: "+Base+"/sitemap.xml\n"), latest)
	o.add("assets/style.css", []byte(jaCSS), time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC))
	return o, nil
}

func jaNewsPage(n int) string {
	if n == 1 {
		return "/news/"
	}
	return fmt.Sprintf("/news/page/%d/", n)
}

func jaListing(o *Output, p page, mod time.Time) error {
	b, err := execute(jaTemplates, "listing", p)
	if err != nil {
		return fmt.Errorf("%s: %w", p.Path, err)
	}
	o.add(p.Path[1:]+"index.html", b, mod)
	return nil
}

const jaCSS = `body{margin:0;font-family:"Hiragino Sans","Noto Sans JP",sans-serif;color:#222;background:#f4f5f7}
.ticker{background:#111;color:#f7c843;font-size:12px;padding:4px 16px}
.site-header{background:#fff;border-bottom:3px solid #e8731a;padding:12px 16px}
.site-title{font-size:26px;font-weight:bold;margin:0}.site-title a{color:#222;text-decoration:none}
.global-nav ul{list-style:none;display:flex;gap:18px;padding:0;margin:8px 0 0}
.container{display:flex;gap:24px;max-width:1120px;margin:16px auto}
.site-main{flex:1;background:#fff;padding:24px}.sidebar{width:300px}
.widget{background:#fff;padding:16px;margin-bottom:16px}.widget-title{font-size:15px;border-left:4px solid #e8731a;padding-left:8px}
.entry-title{font-size:24px;line-height:1.4}.entry-meta{color:#777;font-size:13px}
.entry-content p{line-height:1.9}.share-bar a{display:inline-block;margin-right:8px;padding:4px 10px;border-radius:3px;background:#eee;font-size:12px}
.post-summary{border-bottom:1px solid #eee;padding:12px 0}.pagination a{margin-right:12px}
.site-footer{background:#222;color:#ccc;padding:24px 16px;font-size:13px}.site-footer a{color:#ccc}
.sample-note{color:#f7c843}
`

var jaTemplates = template.Must(template.New("ja").Funcs(funcs).Parse(`
{{define "head"}}<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{esc .Title}} | ` + jaName + `</title>
<meta name="description" content="{{attr .Desc}}">
{{- if .NoIndex}}
<meta name="robots" content="noindex, nofollow">
{{- end}}
<link rel="canonical" href="{{.Base}}{{.Path}}">
<link rel="alternate" type="application/rss+xml" title="` + jaName + ` &raquo; フィード" href="{{.Base}}/feed/">
<link rel="stylesheet" id="theme-style-css" href="{{.Base}}/assets/style.css?ver=2.4.1" media="all">
<meta property="og:locale" content="ja_JP">
<meta property="og:site_name" content="` + jaName + `">
<meta property="og:title" content="{{attr .Title}}">
<meta property="og:url" content="{{.Base}}{{.Path}}">
{{- if .Art}}
<meta property="og:type" content="article">
<meta property="og:description" content="{{attr .Art.Excerpt}}">
<link rel="shortlink" href="{{.Base}}/?p={{.Art.ID}}">
{{- if eq .Art.DateStyle "meta"}}
<meta property="article:published_time" content="{{iso .Art.Published}}">
{{- if not .Art.Modified.IsZero}}
<meta property="article:modified_time" content="{{iso .Art.Modified}}">
{{- end}}
{{- end}}
<meta property="article:section" content="{{attr .Art.Category.Label}}">
{{- range .Art.Tags}}
<meta property="article:tag" content="{{attr .Label}}">
{{- end}}
{{- else}}
<meta property="og:type" content="website">
{{- end}}
<meta name="twitter:card" content="summary_large_image">
{{- if .JSONLD}}
<script type="application/ld+json">
{{.JSONLD}}
</script>
{{- end}}
{{- if .Prev}}
<link rel="prev" href="{{.Base}}{{.Prev}}">
{{- end}}
{{- if .Next}}
<link rel="next" href="{{.Base}}{{.Next}}">
{{- end}}
</head>
{{end}}

{{define "top"}}
<div class="ticker" aria-label="マーケット">BTC/JPY 15,820,000円 ・ ネットワークハッシュレート 1,012 EH/s ・ ハッシュプライス 47.2ドル/PH/日</div>
<header id="masthead" class="site-header">
<div class="site-branding">
<p class="site-title"><a href="{{.Base}}/" rel="home">` + jaName + `</a></p>
<p class="site-description">ビットコインマイニングとAIインフラのニュース</p>
</div>
<nav id="site-navigation" class="global-nav" aria-label="メインメニュー">
<ul id="menu-main" class="menu">
<li class="menu-item"><a href="{{.Base}}/">ホーム</a></li>
<li class="menu-item"><a href="{{.Base}}/news/">ニュース</a></li>
{{- range .Categories}}
<li class="menu-item"><a href="{{$.Base}}/category/{{.Slug}}/">{{esc .Label}}</a></li>
{{- end}}
<li class="menu-item"><a href="{{.Base}}/about/">このサイトについて</a></li>
</ul>
</nav>
<form role="search" method="get" class="search-form" action="{{.Base}}/"><label><span class="screen-reader-text">検索:</span><input type="search" class="search-field" placeholder="検索 &hellip;" name="s"></label><input type="submit" class="search-submit" value="検索"></form>
</header>
{{end}}

{{define "sidebar"}}
<aside id="secondary" class="sidebar widget-area">
<section id="popular-posts-2" class="widget widget_popular_posts">
<h2 class="widget-title">人気記事</h2>
<ol class="popular-list">
{{- range .Popular}}
<li><a href="{{$.Base}}{{.Path}}"><span class="popular-title">{{esc .Title}}</span></a><span class="popular-date">{{jadot .Published}}</span></li>
{{- end}}
</ol>
</section>
<section id="categories-2" class="widget widget_categories">
<h2 class="widget-title">カテゴリー</h2>
<ul>
{{- range .Categories}}
<li class="cat-item"><a href="{{$.Base}}/category/{{.Slug}}/">{{esc .Label}}</a></li>
{{- end}}
</ul>
</section>
<section id="tag_cloud-2" class="widget widget_tag_cloud">
<h2 class="widget-title">タグ</h2>
<div class="tagcloud">
{{- range .Tags}}
<a href="{{$.Base}}/tag/{{.Slug}}/" class="tag-cloud-link">{{esc .Label}}</a>
{{- end}}
</div>
</section>
<section class="widget widget_text">
<h2 class="widget-title">メールマガジン</h2>
<p>毎朝7時にマイニング業界の主要ニュースをお届けします。登録は無料です。</p>
</section>
</aside>
{{end}}

{{define "footer"}}
<footer id="colophon" class="site-footer">
<nav class="footer-nav"><a href="{{.Base}}/about/">このサイトについて</a> | <a href="{{.Base}}/about/#policy">編集方針</a> | <a href="{{.Base}}/feed/">RSS</a> | <a href="{{.Base}}/sitemap.xml">サイトマップ</a> | <a href="{{.Base}}/wp-admin/">ログイン</a></nav>
<p class="sample-note">このサイトは kozan のデモ用サンプルサイトです。掲載記事・企業間の取引・数値はすべて架空のものです。(Sample site for kozan's demo; all stories are fictional.)</p>
<p class="copyright">&copy; 2026 ` + jaName + `</p>
</footer>
</body>
</html>
{{end}}

{{define "share"}}
<div class="share-bar">
<span class="share-label">シェアする</span>
<a class="share-x" href="https://twitter.com/intent/tweet?url={{q (print .Base .Path)}}&amp;text={{q .Art.Title}}" rel="nofollow noopener" target="_blank">X(Twitter)</a>
<a class="share-fb" href="https://www.facebook.com/sharer/sharer.php?u={{q (print .Base .Path)}}" rel="nofollow noopener" target="_blank">Facebook</a>
<a class="share-hatena" href="https://b.hatena.ne.jp/entry/panel/?url={{q (print .Base .Path)}}" rel="nofollow noopener" target="_blank">はてブ</a>
<a class="share-line" href="https://social-plugins.line.me/lineit/share?url={{q (print .Base .Path)}}" rel="nofollow noopener" target="_blank">LINE</a>
</div>
{{end}}

{{define "date"}}
{{- if eq .DateStyle "time"}}<time class="entry-date published" datetime="{{iso .Published}}">{{jadate .Published}}</time>
{{- if not .Modified.IsZero}} <time class="updated" datetime="{{iso .Modified}}">(更新 {{jadate .Modified}})</time>{{end}}
{{- else if eq .DateStyle "reiwa"}}<span class="posted-on">{{reiwa .Published}}</span>
{{- else if eq .DateStyle "text"}}<span class="posted-on">{{jatime .Published}}</span>
{{- else}}<span class="posted-on">{{jadot .Published}}</span>
{{- end}}
{{- end}}

{{define "article"}}{{template "head" .}}<body class="post-template-default single single-post postid-{{.Art.ID}} single-format-standard">
{{template "top" .}}
<div id="content" class="container">
<main id="main" class="site-main">
<nav class="breadcrumb" aria-label="パンくずリスト"><a href="{{.Base}}/">ホーム</a> &rsaquo; <a href="{{.Base}}/category/{{.Art.Category.Slug}}/">{{esc .Art.Category.Label}}</a> &rsaquo; <span>{{esc .Art.Title}}</span></nav>
<article id="post-{{.Art.ID}}" class="post-{{.Art.ID}} post type-post status-publish format-standard hentry category-{{.Art.Category.Slug}}">
<header class="entry-header">
<span class="cat-label"><a href="{{.Base}}/category/{{.Art.Category.Slug}}/" rel="category tag">{{esc .Art.Category.Label}}</a></span>
<h1 class="entry-title">{{esc .Art.Title}}</h1>
<div class="entry-meta">{{template "date" .Art}} <span class="byline">文: <span class="author vcard">{{esc .Art.Author}}</span></span></div>
</header>
{{template "share" .}}
<div class="entry-content">
{{- range .Art.Body}}
{{- if eq .Kind "h2"}}
<h2>{{esc .Text}}</h2>
{{- else if eq .Kind "quote"}}
<blockquote><p>{{esc .Text}}</p></blockquote>
{{- else if eq .Kind "li"}}
<ul><li>{{esc .Text}}</li></ul>
{{- else}}
<p>{{esc .Text}}</p>
{{- end}}
{{- end}}
</div>
<footer class="entry-footer">
<span class="tags-links">タグ: {{range $i, $t := .Art.Tags}}{{if $i}}、{{end}}<a href="{{$.Base}}/tag/{{$t.Slug}}/" rel="tag">{{esc $t.Label}}</a>{{end}}</span>
</footer>
{{template "share" .}}
</article>
<section class="newsletter-cta"><p>ニュースレター「週刊ハッシュレート」の購読はこちらから。最新の取引情報を毎週金曜日にお届けします。</p></section>
</main>
{{template "sidebar" .}}
</div>
{{template "footer" .}}{{end}}

{{define "entries"}}
<div class="post-list">
{{- range .List}}
<article class="post-summary post-{{.ID}} category-{{.Category.Slug}}">
<h2 class="entry-title"><a href="{{$.Base}}{{.Path}}" rel="bookmark">{{esc .Title}}</a></h2>
<div class="entry-meta"><time class="entry-date published" datetime="{{iso .Published}}">{{jadate .Published}}</time> <a href="{{$.Base}}/category/{{.Category.Slug}}/">{{esc .Category.Label}}</a></div>
<p class="excerpt">{{esc .Excerpt}}</p>
<a class="more-link" href="{{$.Base}}{{.Path}}">続きを読む</a>
</article>
{{- end}}
</div>
{{end}}

{{define "listing"}}{{template "head" .}}<body class="archive blog paged-{{.PageNo}}">
{{template "top" .}}
<div id="content" class="container">
<main id="main" class="site-main">
<header class="page-header"><h1 class="page-title">{{esc .Title}}</h1></header>
{{template "entries" .}}
{{- if or .Prev .Next}}
<nav class="navigation pagination" aria-label="投稿のページ送り">
<div class="nav-links">
{{- if .Prev}}<a class="prev page-numbers" href="{{.Base}}{{.Prev}}">&laquo; 前へ</a>{{end}}
<span aria-current="page" class="page-numbers current">{{.PageNo}}</span>
{{- if .Next}}<a class="next page-numbers" href="{{.Base}}{{.Next}}">次へ &raquo;</a>{{end}}
</div>
</nav>
{{- end}}
</main>
{{template "sidebar" .}}
</div>
{{template "footer" .}}{{end}}

{{define "home"}}{{template "head" .}}<body class="home blog">
{{template "top" .}}
<div id="content" class="container">
<main id="main" class="site-main">
<h1 class="screen-reader-text">` + jaName + `</h1>
<h2 class="section-title">新着ニュース</h2>
{{template "entries" .}}
<p class="more-news"><a href="{{.Base}}/news/">ニュース一覧へ &raquo;</a></p>
</main>
{{template "sidebar" .}}
</div>
{{template "footer" .}}{{end}}

{{define "about"}}{{template "head" .}}<body class="page">
{{template "top" .}}
<div id="content" class="container">
<main id="main" class="site-main">
<article class="page type-page">
<h1 class="entry-title">このサイトについて</h1>
<div class="entry-content">
<p>` + jaName + `は、kozan のデモ用に作られたサンプルのニュースサイトです。ビットコインマイニング企業がAI・HPC(高性能計算)向けデータセンター事業へ軸足を移す動きを、日本語のニュースサイトらしい体裁で再現しています。</p>
<p><strong>掲載している記事、企業間の契約、金額、発言はすべて架空のものです。</strong>実在の企業名を使っていますが、実際の取引や業績とは関係ありません。</p>
<h2 id="policy">編集方針</h2>
<p>記事は架空の取材にもとづいて書かれています。kozan のクローラーと抽出器がこのサイトから取引を読み取れるかを確かめるための素材です。</p>
</div>
</article>
</main>
{{template "sidebar" .}}
</div>
{{template "footer" .}}{{end}}

{{define "login"}}<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="UTF-8">
<meta name="robots" content="noindex, nofollow">
<title>ログイン &lsaquo; ` + jaName + `</title>
</head>
<body class="login">
<div id="login">
<h1>` + jaName + ` 管理画面</h1>
<form name="loginform" id="loginform" action="{{.Base}}/wp-login.php" method="post">
<p><label for="user_login">ユーザー名</label><input type="text" name="log" id="user_login"></p>
<p><label for="user_pass">パスワード</label><input type="password" name="pwd" id="user_pass"></p>
<p class="submit"><input type="submit" value="ログイン"></p>
</form>
</div>
</body>
</html>
{{end}}

{{define "notfound"}}{{template "head" .}}<body class="error404">
{{template "top" .}}
<div id="content" class="container">
<main id="main" class="site-main">
<h1 class="page-title">お探しのページは見つかりませんでした</h1>
<p>URLが変更されたか、記事が削除された可能性があります。<a href="{{.Base}}/news/">ニュース一覧</a>からお探しください。</p>
</main>
{{template "sidebar" .}}
</div>
{{template "footer" .}}{{end}}

{{define "rss"}}<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:atom="http://www.w3.org/2005/Atom"
	xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
<channel>
	<title>` + jaName + `</title>
	<atom:link href="{{.Base}}/feed/" rel="self" type="application/rss+xml" />
	<link>{{.Base}}/</link>
	<description>ビットコインマイニングとAIインフラのニュース(デモ用サンプル、記事は架空)</description>
	<lastBuildDate>{{.Updated.Format "Mon, 02 Jan 2006 15:04:05 -0700"}}</lastBuildDate>
	<language>ja</language>
	<sy:updatePeriod>hourly</sy:updatePeriod>
	<sy:updateFrequency>1</sy:updateFrequency>
	<generator>https://wordpress.org/?v=6.8</generator>
{{- range .Items}}
	<item>
		<title>{{esc .Title}}</title>
		<link>{{$.Base}}{{.Path}}?utm_source=rss&amp;utm_medium=rss&amp;utm_campaign={{.Slug}}</link>
		<dc:creator><![CDATA[{{.Author}}]]></dc:creator>
		<pubDate>{{.Published.Format "Mon, 02 Jan 2006 15:04:05 -0700"}}</pubDate>
		<category><![CDATA[{{.Category.Label}}]]></category>
{{- range .Tags}}
		<category><![CDATA[{{.Label}}]]></category>
{{- end}}
		<guid isPermaLink="false">{{$.Base}}/?p={{.ID}}</guid>
		<description><![CDATA[{{.Excerpt}}]]></description>
	</item>
{{- end}}
</channel>
</rss>
{{end}}
`))
