package main

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
)

// writeMetrics writes the run's outcome and counters in the Prometheus text
// format for node_exporter's textfile collector, atomically (temp file +
// rename, see writeFile). It is written for every run that was not locked
// out, also a failed or cut-short one, so kozan_run_success and
// kozan_source_up tell the truth. Times are Unix seconds, durations seconds.
func writeMetrics(path string, r runReport) error {
	var b bytes.Buffer
	family := func(name, help string) {
		fmt.Fprintf(&b, "# HELP %s %s\n# TYPE %s gauge\n", name, help, name)
	}
	gauge := func(name, help string, v any) {
		family(name, help)
		fmt.Fprintf(&b, "%s %v\n", name, v)
	}
	boolean := func(v bool) int {
		if v {
			return 1
		}
		return 0
	}
	gauge("kozan_run_success", "1 if the last run ended with every source answering (exit 0), else 0.", boolean(r.ExitCode == exitOK))
	gauge("kozan_run_exit_code", "Exit code of the last run (0 ok, 1 failed, 3 some sources failed, 4 cut short).", r.ExitCode)
	gauge("kozan_run_cut_short", "1 if the last run was stopped by --timeout or a signal.", boolean(r.CutShort))
	gauge("kozan_run_start_timestamp_seconds", "When the last run started.", r.StartedAt.Unix())
	gauge("kozan_run_last_timestamp_seconds", "When the last run finished.", r.FinishedAt.Unix())
	gauge("kozan_run_duration_seconds", "How long the last run took.", r.DurationSeconds)
	family("kozan_run_info", "The rule set the last run extracted with.")
	fmt.Fprintf(&b, "kozan_run_info{rule_set=%s} 1\n", label(r.RuleSet))
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
	if len(r.Crawl.Errors) > 0 {
		family("kozan_crawl_errors_by_reason", "Failed fetches in the last run, by reason.")
		for _, reason := range slices.Sorted(maps.Keys(r.Crawl.Errors)) {
			fmt.Fprintf(&b, "kozan_crawl_errors_by_reason{reason=%s} %d\n", label(reason), r.Crawl.Errors[reason])
		}
	}
	if len(r.Crawl.Sources) > 0 {
		names := slices.Sorted(maps.Keys(r.Crawl.Sources))
		family("kozan_source_up", "1 if some fetch of the source succeeded in the last run (or it had nothing to fetch), 0 if all failed.")
		for _, n := range names {
			fmt.Fprintf(&b, "kozan_source_up{source=%s} %d\n", label(n), boolean(r.Crawl.Sources[n].Up))
		}
		family("kozan_source_fetches", "Fetches of the source in the last run, by result.")
		for _, n := range names {
			s := r.Crawl.Sources[n]
			fmt.Fprintf(&b, "kozan_source_fetches{source=%s,result=\"ok\"} %d\n", label(n), s.OK)
			fmt.Fprintf(&b, "kozan_source_fetches{source=%s,result=\"failed\"} %d\n", label(n), s.Failed)
		}
	}
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

// label quotes a Prometheus label value.
func label(v string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, "\n", `\n`, `"`, `\"`).Replace(v) + `"`
}
