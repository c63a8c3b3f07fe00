// Package article turns a fetched news page into a pipeline.Article: the
// main text and nothing else, the title, the publication date, the
// language, the author, the site name and the canonical URL.
//
// Files: article.go holds Extract, Options and the not-an-article checks;
// clean.go removes page furniture (navigation, sidebars, share bars, cookie
// notices, "関連記事"/"Related stories" teaser blocks); body.go finds the
// article body by density when no selector matches; traf.go wraps
// go-trafilatura; render.go turns the body into lines of NFKC text (tables
// of figures as "a | b | c" rows); meta.go reads JSON-LD, meta tags, the
// title, author and canonical URL; pubdate.go chooses the publication date
// from its sources; date.go holds ParseDate; lang.go holds DetectLang.
//
// Main text: the source's body selector first, then well-known CMS and wire
// containers (entry-content, articleBody, bw-release-story…), then
// go-trafilatura, then the densest block of running text. Boilerplate is
// removed before any of them runs.
package article
