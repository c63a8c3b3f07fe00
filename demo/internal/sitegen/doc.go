// Package sitegen renders the two demo news sites from their article sources
// (demo/content/{ja,en}/*.txt) into the static files that package demo embeds
// and serves. It runs only when the files are regenerated
// (go test ./demo -run TestSitesUpToDate -update); the served files are plain
// HTML, RSS, Atom, sitemaps and robots.txt, with the placeholder {{BASE}}
// where the site's base URL goes.
//
// Files: content.go parses article sources; site.go holds the Site model,
// the shared page data and Render; ja.go renders the Japanese site (a
// WordPress-like news theme, RSS 2.0, plain sitemap); en.go renders the
// English site (a press-release wire, Atom, sitemap index with a news
// sitemap); xml.go holds the feed and sitemap writers.
package sitegen
