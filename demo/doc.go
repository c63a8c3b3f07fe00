// Package demo serves kozan's two bundled sample news sites on loopback and
// holds their answer key, so that `kozan demo` can run the whole pipeline with
// no network.
//
// The sites are fictional (every page says so): demo-ja, a Japanese
// WordPress-like news site discovered through its RSS 2.0 feed and its
// paginated /news/ listing, and demo-en, an English press-release wire
// discovered through its Atom feed and a sitemap index. Their stories report
// AI/HPC deals of bitcoin miners (contracts, leases, hosting, acquisitions,
// financing, backstops, asset sales, stakes, purchases, partnerships) and
// figures that are not deals (earnings, market caps, power prices).
//
// Files: server.go holds Start, Server and the file handler (ETag,
// Last-Modified, 304s, redirects, {{BASE}} substitution, hit counts);
// sources.go the crawler.Source of each site; expected.go the answer key
// (expected.json: the deals, and the figures that are not deals) and its types.
// The served files under sites/ are
// generated from the article sources under content/ by internal/sitegen:
// edit content/ or the templates, then run
// `go test ./demo -run TestSitesUpToDate -update`.
package demo
