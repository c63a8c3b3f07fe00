package sitegen

import (
	"text/template"
	"time"
)

// sitemapURL is one <url> of a sitemap.
type sitemapURL struct {
	Loc     string
	LastMod time.Time
	Art     *Article // set in news sitemaps
}

var xmlTemplates = template.Must(template.New("xml").Funcs(funcs).Parse(`
{{define "urlset"}}<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{{- range .}}
  <url>
    <loc>{{esc .Loc}}</loc>
    <lastmod>{{iso .LastMod}}</lastmod>
  </url>
{{- end}}
</urlset>
{{end}}
{{define "newsset"}}<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
{{- range .URLs}}
  <url>
    <loc>{{esc .Loc}}</loc>
    <lastmod>{{iso .LastMod}}</lastmod>
    <news:news>
      <news:publication>
        <news:name>{{esc $.Name}}</news:name>
        <news:language>{{$.Lang}}</news:language>
      </news:publication>
      <news:publication_date>{{iso .Art.Published}}</news:publication_date>
      <news:title>{{esc .Art.Title}}</news:title>
    </news:news>
  </url>
{{- end}}
</urlset>
{{end}}
{{define "index"}}<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{{- range .}}
  <sitemap>
    <loc>{{esc .Loc}}</loc>
    <lastmod>{{iso .LastMod}}</lastmod>
  </sitemap>
{{- end}}
</sitemapindex>
{{end}}
`))
