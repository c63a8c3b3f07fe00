// Package crawler is kozan's production crawler: it reads the configured
// sources (RSS 2.0, RSS 1.0/RDF and Atom feeds, sitemaps and sitemap indexes,
// listing pages with pagination) and sends article candidate pages to the
// pipeline, UTF-8 decoded exactly once.
//
// colly (github.com/gocolly/colly/v2) performs every fetch; kozan wraps it
// with what colly lacks: robots.txt with Crawl-delay and Sitemap lines,
// per-host parallelism and delay, bounded retries with exponential backoff
// and Retry-After, conditional GET from the store's crawl state, charset
// decoding from header/BOM/meta/XML prolog, canonical URLs with AMP and
// rel=canonical resolution, duplicate detection by body hash, a private
// address guard, and a Shared state (in memory or Redis) so that several
// processes can split one crawl.
//
// With a Classifier (Options), every fetched article candidate is
// classified: a listing's links are followed like a start page's (so a
// follow rule that matches the whole site finds the articles through
// sections, tags and pagination), and every page goes on to the pipeline
// with its class, which the extractor honours: only articles are stored.
//
// Files:
//   - crawler.go: Options, New, Crawler, Crawl, the worker loop and task handling.
//   - fetch.go: the colly collector, the politeness/retry transport, the dial guard.
//   - robots.go: robots.txt per host (Disallow, Crawl-delay, Sitemap).
//   - feed.go: feed parsing (gofeed with a lenient fallback) and lenient dates.
//   - sitemap.go: sitemap index, urlset and news sitemap parsing (.xml.gz too).
//   - links.go: links, pagination and rel=canonical/amphtml from HTML pages.
//   - canonical.go: Canonical and AMP variants.
//   - charset.go: DecodeHTML.
//   - guard.go: which hosts may be fetched (sources, allow_hosts, private addresses).
//   - shared.go: the Shared interface (frontier, visited set, host slots) and its in-memory form.
//   - redis.go: NewRedisShared, RedisShared: the Redis form of Shared for scale-out
//     (tasks are lent for a lease, so a crashed process strands nothing), and
//     the article fingerprints the processes' stores share (ClaimFingerprint).
//   - stats.go: Stats, the counters a run reports.
package crawler
