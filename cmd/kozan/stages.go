package main

import (
	"github.com/kozan-dev/kozan/config"
	"github.com/kozan-dev/kozan/crawler"
	"github.com/kozan-dev/kozan/index/es"
	"github.com/kozan-dev/kozan/pipeline"
)

// The stages own their configuration types; kozan.yaml (package config)
// is read here alone and mapped onto them.

// crawlerConfig maps kozan.yaml's crawl section onto the crawler's config.
func crawlerConfig(c config.Crawl) crawler.Config {
	redirects := c.MaxRedirects
	if redirects == 0 {
		redirects = -1 // max_redirects: 0 in kozan.yaml follows none
	}
	return crawler.Config{UserAgent: c.UserAgent, Parallelism: c.Parallelism, Delay: c.Delay, Timeout: c.Timeout,
		MaxBody: int64(c.MaxBody), MaxPages: c.MaxPages, IgnoreRobots: !c.RespectsRobots(), Retries: c.Retries,
		MaxRedirects: redirects, Horizon: c.Horizon, StripParams: c.StripParams, AllowHosts: c.AllowHosts,
		AllowPrivate: c.AllowPrivate}
}

// crawlerSources maps kozan.yaml's sources onto the crawler's.
func crawlerSources(ss []config.Source) []crawler.Source {
	out := make([]crawler.Source, 0, len(ss))
	for _, s := range ss {
		out = append(out, crawler.Source{Name: s.Name, Lang: s.Lang, Feeds: s.Feeds, Sitemaps: s.Sitemaps,
			StartURLs: s.StartURLs, Follow: s.Follow, Deny: s.Deny, MaxDepth: s.MaxDepth,
			Selectors: pipeline.Selectors(s.Selectors)})
	}
	return out
}

// configSources writes the crawler's sources (the demo's) as kozan.yaml's.
func configSources(ss []crawler.Source) []config.Source {
	out := make([]config.Source, 0, len(ss))
	for _, s := range ss {
		out = append(out, config.Source{Name: s.Name, Lang: s.Lang, Feeds: s.Feeds, Sitemaps: s.Sitemaps,
			StartURLs: s.StartURLs, Follow: s.Follow, Deny: s.Deny, MaxDepth: s.MaxDepth,
			Selectors: config.Selectors(s.Selectors)})
	}
	return out
}

// esConfig maps kozan.yaml's elasticsearch section onto the client's config.
func esConfig(e config.Elasticsearch) es.Config {
	return es.Config{Addresses: e.Addresses, IndexPrefix: e.IndexPrefix, CAFile: e.CAFile,
		Fingerprint: e.Fingerprint, Timeout: e.Timeout}
}
