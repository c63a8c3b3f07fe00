package main

import (
	"bytes"
	"fmt"
	"io"
	"time"
)

// writeMetrics writes the run's counters in the Prometheus text format for
// node_exporter's textfile collector, atomically (temp file + rename, see writeFile).
func writeMetrics(path string, r runReport) error {
	var b bytes.Buffer
	gauge := func(name, help string, v any) {
		fmt.Fprintf(&b, "# HELP %s %s\n# TYPE %s gauge\n%s %v\n", name, help, name, name, v)
	}
	gauge("kozan_run_last_timestamp_seconds", "When the last run finished.", time.Now().Unix())
	gauge("kozan_run_duration_seconds", "How long the last run took.", r.Duration.Seconds())
	gauge("kozan_run_pages", "Pages the crawler produced in the last run.", r.Pages)
	gauge("kozan_run_not_modified", "Pages answered 304 in the last run.", r.NotModified)
	gauge("kozan_run_articles", "Articles stored in the last run.", r.Articles)
	gauge("kozan_run_deals", "Deals extracted in the last run.", r.Deals)
	gauge("kozan_run_skipped", "Pages that held no article in the last run.", r.Skipped)
	gauge("kozan_run_failed", "Pages whose extraction failed in the last run.", r.Failed)
	gauge("kozan_crawl_requests", "HTTP requests in the last run.", r.Crawl.Requests)
	var errs int64
	for _, n := range r.Crawl.Errors {
		errs += n
	}
	gauge("kozan_crawl_errors", "Failed fetches in the last run.", errs)
	if r.ES != nil {
		gauge("kozan_es_indexed", "Documents Elasticsearch acknowledged in the last run.", r.ES.Indexed)
		gauge("kozan_es_failed", "Documents Elasticsearch rejected in the last run.", r.ES.Failed)
		gauge("kozan_es_pending", "Documents waiting in the outbox after the last run.", r.ES.Pending)
	}
	return writeFile(path, func(w io.Writer) error {
		_, err := w.Write(b.Bytes())
		return err
	})
}
