package sitegen

import (
	"fmt"
	"text/template"
	"time"
)

const (
	enName     = "Blockrate Newswire"
	enPageSize = 6 // releases per listing page
	enFeedSize = 8 // entries in the Atom feed, newest first
)

// RenderEN renders the English site: a press-release wire with
// /news/YYYY/MM/DD/slug.html permalinks and relative links, paginated /news/
// listings, category and tag pages, an Atom feed at /feed.atom (the newest
// enFeedSize releases) and a sitemap index pointing to a news sitemap (every
// release) and a pages sitemap.
func RenderEN(arts []*Article) (*Output, error) {
	o := newOutput()
	for _, a := range arts {
		d := a.Published.In(et)
		a.Path = fmt.Sprintf("/news/%04d/%02d/%02d/%s.html", d.Year(), d.Month(), d.Day(), a.Slug)
	}
	cats, tags := terms(arts)
	latest := newest(arts)
	base := func(p page) page {
		p.Base = Base
		p.Categories = cats
		p.Tags = tags
		if p.Popular == nil {
			p.Popular = popular(arts, p.Art, 4)
		}
		return p
	}
	var news, pagesSM []sitemapURL
	for _, a := range arts {
		p := base(page{Path: a.Path, Title: a.Title, Desc: a.Excerpt, Art: a})
		if a.DateStyle == "jsonld" {
			ld, err := newsArticleLD(a, Base+a.Path, enName, "en")
			if err != nil {
				return nil, err
			}
			p.JSONLD = ld
		}
		b, err := execute(enTemplates, "article", p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", a.File, err)
		}
		o.add(a.Path[1:], b, a.LastMod())
		news = append(news, sitemapURL{Loc: Base + a.Path, LastMod: a.LastMod(), Art: a})
	}
	list := listed(arts)
	pages := paginate(list, enPageSize)
	for i, pg := range pages {
		p := base(page{Title: "All releases", List: pg, PageNo: i + 1, Desc: "Press releases and wire analysis on bitcoin miners and AI infrastructure"})
		p.Path = enNewsPage(i + 1)
		if i > 0 {
			p.Prev = enNewsPage(i)
		}
		if i+1 < len(pages) {
			p.Next = enNewsPage(i + 2)
		}
		if err := enListing(o, p, newest(pg)); err != nil {
			return nil, err
		}
		pagesSM = append(pagesSM, sitemapURL{Loc: Base + p.Path, LastMod: newest(pg)})
	}
	home := base(page{Path: "/", Title: "Press releases on bitcoin mining and AI infrastructure", List: pages[0], Desc: "A sample newswire for kozan's demo"})
	b, err := execute(enTemplates, "home", home)
	if err != nil {
		return nil, err
	}
	o.add("index.html", b, latest)
	pagesSM = append(pagesSM, sitemapURL{Loc: Base + "/", LastMod: latest})
	for _, c := range cats {
		var in []*Article
		for _, a := range list {
			if a.Category == c {
				in = append(in, a)
			}
		}
		p := base(page{Path: "/category/" + c.Slug + "/", Title: c.Label, List: in, Desc: "Releases in " + c.Label})
		if err := enListing(o, p, newest(in)); err != nil {
			return nil, err
		}
		pagesSM = append(pagesSM, sitemapURL{Loc: Base + p.Path, LastMod: newest(in)})
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
		p := base(page{Path: "/tag/" + t.Slug + "/", Title: "Topic: " + t.Label, List: in, Desc: "Releases about " + t.Label})
		if err := enListing(o, p, newest(in)); err != nil {
			return nil, err
		}
	}
	if err := addStatic(o, enTemplates, base, latest, []staticPage{
		{"about/index.html", "about", "/about/", "About " + enName},
		{"admin/index.html", "login", "/admin/", "Client login"},
		{"404.html", "notfound", "/404", "Page not found"},
	}); err != nil {
		return nil, err
	}
	pagesSM = append(pagesSM, sitemapURL{Loc: Base + "/about/", LastMod: latest})
	feed := feedItems(arts, enFeedSize)
	b, err = execute(enTemplates, "atom", struct {
		Base    string
		Items   []*Article
		Updated time.Time
	}{Base, feed, latest})
	if err != nil {
		return nil, err
	}
	o.add("feed.atom", b, latest)
	b, err = execute(xmlTemplates, "newsset", struct {
		Name, Lang string
		URLs       []sitemapURL
	}{enName, "en", news})
	if err != nil {
		return nil, err
	}
	o.add("sitemap-news.xml", b, latest)
	b, err = execute(xmlTemplates, "urlset", pagesSM)
	if err != nil {
		return nil, err
	}
	o.add("sitemap-pages.xml", b, latest)
	b, err = execute(xmlTemplates, "index", []sitemapURL{{Loc: Base + "/sitemap-news.xml", LastMod: latest}, {Loc: Base + "/sitemap-pages.xml", LastMod: latest}})
	if err != nil {
		return nil, err
	}
	o.add("sitemap.xml", b, latest)
	o.add("robots.txt", []byte("# Blockrate Newswire\nUser-agent: *\nDisallow: /admin/\nDisallow: /search\n\nSitemap: "+Base+"/sitemap.xml\n"), latest)
	o.add("assets/wire.css", []byte(enCSS), time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC))
	return o, nil
}

func enNewsPage(n int) string {
	if n == 1 {
		return "/news/"
	}
	return fmt.Sprintf("/news/page/%d/", n)
}

func enListing(o *Output, p page, mod time.Time) error {
	b, err := execute(enTemplates, "listing", p)
	if err != nil {
		return fmt.Errorf("%s: %w", p.Path, err)
	}
	o.add(p.Path[1:]+"index.html", b, mod)
	return nil
}

const enCSS = `body{margin:0;font-family:Georgia,"Times New Roman",serif;color:#1a1a1a;background:#fff}
.masthead{border-bottom:1px solid #ccc;padding:10px 24px;display:flex;justify-content:space-between;align-items:center}
.brand{font:bold 22px Helvetica,Arial,sans-serif;color:#0b3d91;text-decoration:none}
.masthead nav a{font:14px Helvetica,Arial,sans-serif;margin-left:16px;color:#333}
.layout{display:flex;gap:32px;max-width:1080px;margin:24px auto}
main{flex:1}.rail{width:280px;font:14px Helvetica,Arial,sans-serif}
.release-title{font-size:30px;line-height:1.25}.release-subtitle{font-style:italic;color:#444}
.release-meta,.provider{font:13px Helvetica,Arial,sans-serif;color:#666}
.release-body p{font-size:17px;line-height:1.7}.dateline{font-weight:bold}
.share a{font:12px Helvetica,Arial,sans-serif;margin-right:10px}
.release-list li{margin-bottom:18px;list-style:none}
.site-footer{border-top:1px solid #ccc;padding:20px 24px;font:13px Helvetica,Arial,sans-serif;color:#555}
.sample-note{font-weight:bold}
`

var enTemplates = template.Must(template.New("en").Funcs(funcs).Parse(`
{{define "head"}}<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{esc .Title}} | ` + enName + `</title>
<meta name="description" content="{{attr .Desc}}">
{{- if .NoIndex}}
<meta name="robots" content="noindex">
{{- end}}
<link rel="canonical" href="{{.Base}}{{.Path}}">
<link rel="alternate" type="application/atom+xml" title="` + enName + ` - latest releases" href="/feed.atom">
<link rel="stylesheet" href="/assets/wire.css">
<meta property="og:site_name" content="` + enName + `">
<meta property="og:title" content="{{attr .Title}}">
<meta property="og:url" content="{{.Base}}{{.Path}}">
{{- if .Art}}
<meta property="og:type" content="article">
<meta property="og:description" content="{{attr .Art.Excerpt}}">
{{- if eq .Art.DateStyle "meta"}}
<meta property="article:published_time" content="{{iso .Art.Published}}">
{{- if not .Art.Modified.IsZero}}
<meta property="article:modified_time" content="{{iso .Art.Modified}}">
{{- end}}
{{- end}}
{{- else}}
<meta property="og:type" content="website">
{{- end}}
<meta name="twitter:card" content="summary">
<meta name="twitter:site" content="@blockratewire">
{{- if .JSONLD}}
<script type="application/ld+json">
{{.JSONLD}}
</script>
{{- end}}
{{- if .Prev}}
<link rel="prev" href="{{.Prev}}">
{{- end}}
{{- if .Next}}
<link rel="next" href="{{.Next}}">
{{- end}}
</head>
{{end}}

{{define "top"}}
<a class="skip" href="#main">Skip to content</a>
<header class="masthead">
<a class="brand" href="/">` + enName + `</a>
<nav aria-label="Primary">
<a href="/news/">All releases</a>
{{- range .Categories}}
<a href="/category/{{.Slug}}/">{{esc .Label}}</a>
{{- end}}
<a href="/about/">About</a>
<a href="/admin/">Client login</a>
</nav>
</header>
{{end}}

{{define "rail"}}
<aside class="rail" aria-label="Sidebar">
<section class="popular">
<h2>Popular</h2>
<ul>
{{- range .Popular}}
<li><a href="{{.Path}}">{{esc .Title}}</a></li>
{{- end}}
</ul>
</section>
<section class="market-data">
<h2>Market data</h2>
<ul>
<li>BTC/USD: $104,250</li>
<li>Hashprice: $47.10/PH/day</li>
<li>Network hashrate: 1,012 EH/s</li>
</ul>
</section>
<section class="topics">
<h2>Topics</h2>
<ul>
{{- range .Tags}}
<li><a href="/tag/{{.Slug}}/">{{esc .Label}}</a></li>
{{- end}}
</ul>
</section>
<section class="distribute">
<h2>Distribute your news</h2>
<p>Reach 4,000 newsrooms and terminals. <a href="/about/#distribution">Learn more</a></p>
</section>
</aside>
{{end}}

{{define "footer"}}
<footer class="site-footer">
<p class="sample-note">Blockrate Newswire is a sample site for kozan's demo; all stories are fictional. Company names are used for illustration only; none of these deals, figures or quotes are real.</p>
<p><a href="/about/">About</a> &middot; <a href="/feed.atom">Atom feed</a> &middot; <a href="/sitemap.xml">Sitemap</a> &middot; <a href="/admin/">Client login</a></p>
<p>&copy; 2026 ` + enName + `. All rights reserved.</p>
</footer>
</body>
</html>
{{end}}

{{define "date"}}
{{- if eq .DateStyle "time"}}<time datetime="{{iso .Published}}">{{endate .Published}}</time>
{{- else}}<span class="release-date">{{endate .Published}}</span>
{{- end}}
{{- end}}

{{define "article"}}{{template "head" .}}<body class="release-page">
{{template "top" .}}
<div class="layout">
<main id="main">
<article class="release">
<p class="provider">News provided by <strong>{{esc .Art.Author}}</strong></p>
<h1 class="release-title">{{esc .Art.Title}}</h1>
<p class="release-subtitle">{{esc .Art.Excerpt}}</p>
<div class="release-meta">{{template "date" .Art}} &middot; <a href="/category/{{.Art.Category.Slug}}/">{{esc .Art.Category.Label}}</a></div>
<div class="share" aria-label="Share">
<a href="https://twitter.com/intent/tweet?url={{q (print .Base .Path)}}" rel="nofollow">Share on X</a>
<a href="https://www.linkedin.com/sharing/share-offsite/?url={{q (print .Base .Path)}}" rel="nofollow">LinkedIn</a>
<a href="mailto:?subject={{q .Art.Title}}">Email</a>
</div>
<div class="release-body">
{{- range $i, $b := .Art.Body}}
{{- if eq $b.Kind "h2"}}
<h2>{{esc $b.Text}}</h2>
{{- else if eq $b.Kind "quote"}}
<blockquote><p>{{esc $b.Text}}</p></blockquote>
{{- else if eq $b.Kind "li"}}
<ul><li>{{esc $b.Text}}</li></ul>
{{- else if and (eq $i 0) $.Art.Dateline}}
<p><span class="dateline">{{esc $.Art.Dateline}}, {{endateline $.Art.Published}} /` + enName + `/ --</span> {{esc $b.Text}}</p>
{{- else}}
<p>{{esc $b.Text}}</p>
{{- end}}
{{- end}}
</div>
<p class="release-tags">Topics: {{range $i, $t := .Art.Tags}}{{if $i}}, {{end}}<a href="/tag/{{$t.Slug}}/">{{esc $t.Label}}</a>{{end}}</p>
<p class="source-note">SOURCE {{esc .Art.Author}}</p>
</article>
</main>
{{template "rail" .}}
</div>
{{template "footer" .}}{{end}}

{{define "entries"}}
<ul class="release-list">
{{- range .List}}
<li>
<p class="release-date"><time datetime="{{iso .Published}}">{{enday .Published}}</time> &middot; {{esc .Author}}</p>
<h2><a href="{{.Path}}">{{esc .Title}}</a></h2>
<p>{{esc .Excerpt}}</p>
</li>
{{- end}}
</ul>
{{end}}

{{define "listing"}}{{template "head" .}}<body class="listing">
{{template "top" .}}
<div class="layout">
<main id="main">
<h1>{{esc .Title}}</h1>
{{template "entries" .}}
{{- if or .Prev .Next}}
<nav class="pager" aria-label="Pages">
{{- if .Prev}}<a rel="prev" href="{{.Prev}}">&larr; Newer releases</a>{{end}}
<span>Page {{.PageNo}}</span>
{{- if .Next}}<a rel="next" href="{{.Next}}">Older releases &rarr;</a>{{end}}
</nav>
{{- end}}
</main>
{{template "rail" .}}
</div>
{{template "footer" .}}{{end}}

{{define "home"}}{{template "head" .}}<body class="home">
{{template "top" .}}
<div class="layout">
<main id="main">
<h1>Latest releases</h1>
{{template "entries" .}}
<p><a href="/news/">See all releases &rarr;</a></p>
</main>
{{template "rail" .}}
</div>
{{template "footer" .}}{{end}}

{{define "about"}}{{template "head" .}}<body class="page">
{{template "top" .}}
<div class="layout">
<main id="main">
<h1>About ` + enName + `</h1>
<p>` + enName + ` is a sample site for kozan's demo; all stories are fictional. It imitates a press-release wire that covers bitcoin miners and their move into AI and high-performance computing (HPC) data centers.</p>
<p>Real company names appear for illustration only. None of the agreements, amounts, results or quotes on this site happened.</p>
<h2 id="distribution">Distribution</h2>
<p>In the fiction of this site, issuers send releases that we publish to our feed, our news sitemap and our listing pages.</p>
</main>
{{template "rail" .}}
</div>
{{template "footer" .}}{{end}}

{{define "login"}}<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex">
<title>Client login | ` + enName + `</title>
</head>
<body class="login">
<h1>Client login</h1>
<form method="post" action="/admin/session">
<label>Email <input type="email" name="email"></label>
<label>Password <input type="password" name="password"></label>
<button type="submit">Sign in</button>
</form>
</body>
</html>
{{end}}

{{define "notfound"}}{{template "head" .}}<body class="error">
{{template "top" .}}
<div class="layout">
<main id="main">
<h1>Page not found</h1>
<p>The release you are looking for may have been moved or withdrawn. Browse <a href="/news/">all releases</a>.</p>
</main>
{{template "rail" .}}
</div>
{{template "footer" .}}{{end}}

{{define "atom"}}<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>` + enName + `: latest releases</title>
  <subtitle>Press releases on bitcoin mining and AI infrastructure (sample site; all stories are fictional)</subtitle>
  <id>{{.Base}}/</id>
  <link rel="self" type="application/atom+xml" href="{{.Base}}/feed.atom"/>
  <link rel="alternate" type="text/html" href="{{.Base}}/"/>
  <updated>{{iso .Updated}}</updated>
  <generator>wirepress 3.2</generator>
{{- range .Items}}
  <entry>
    <title>{{esc .Title}}</title>
    <link rel="alternate" type="text/html" href="{{$.Base}}{{.Path}}"/>
    <id>{{$.Base}}{{.Path}}</id>
    <published>{{iso .Published}}</published>
    <updated>{{iso .LastMod}}</updated>
    <author><name>{{esc .Author}}</name></author>
    <category term="{{.Category.Slug}}" label="{{attr .Category.Label}}"/>
    <summary type="text">{{esc .Excerpt}}</summary>
  </entry>
{{- end}}
</feed>
{{end}}
`))
