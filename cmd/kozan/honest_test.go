package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestHonestRuns: a down host fails its source; the exit code says whether
// every source failed (1), some did (3) or the run was cut short (4); the
// summary and metrics files are written in every case, with per-source
// labels; the log has a start record and a finish record at the right level.
func TestHonestRuns(t *testing.T) {
	down := refusingURL(t)
	good := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body><p>nothing new today</p></body></html>")
	}))
	defer good.Close()
	slow := hangingServer(t)
	missing := httptest.NewServer(http.NotFoundHandler())
	defer missing.Close()

	tests := []struct {
		name       string
		sources    map[string]string
		args       []string
		code       int
		outcome    string
		level      string
		down       []string
		metrics    []string
		noMetrics  []string
		wantStderr string
	}{
		{"down host", map[string]string{"down": down}, nil, exitFailed, outcomeFailed, "ERROR", []string{"down"},
			[]string{"kozan_run_success 0", `kozan_source_up{source="down"} 0`, `kozan_crawl_errors_by_reason{reason="connection_refused"}`, "kozan_run_exit_code 1"},
			[]string{"kozan_crawl_errors 0"}, "every source failed"},
		{"404 and down", map[string]string{"down": down, "missing": missing.URL}, nil, exitFailed, outcomeFailed, "ERROR", []string{"down", "missing"},
			[]string{"kozan_run_success 0", `kozan_source_up{source="missing"} 0`}, nil, "every source failed"},
		{"good and down", map[string]string{"down": down, "good": good.URL}, nil, exitPartial, outcomePartial, "WARN", []string{"down"},
			[]string{"kozan_run_success 0", `kozan_source_up{source="good"} 1`, `kozan_source_up{source="down"} 0`, "kozan_run_exit_code 3"}, nil, "1 of 2 sources failed (down: connection_refused"},
		{"good", map[string]string{"good": good.URL}, nil, exitOK, outcomeOK, "INFO", nil,
			[]string{"kozan_run_success 1", `kozan_source_up{source="good"} 1`, "kozan_run_cut_short 0"}, nil, ""},
		{"cut short by --timeout", map[string]string{"slow": slow.URL}, []string{"--timeout", "500ms"}, exitCutShort, outcomeCutShort, "WARN", nil,
			[]string{"kozan_run_success 0", "kozan_run_cut_short 1", "kozan_run_exit_code 4"}, nil, "cut short by the --timeout deadline"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			cfg := filepath.Join(dir, "kozan.yaml")
			var b strings.Builder
			b.WriteString("store: kozan.db\ncrawl: {delay: 10ms, timeout: 5s, retries: 1}\nsources:\n")
			for name, u := range tt.sources {
				fmt.Fprintf(&b, "  - {name: %s, lang: en, start_urls: ['%s/news/']}\n", name, u)
			}
			os.WriteFile(cfg, []byte(b.String()), 0o644)
			metrics, summary := filepath.Join(dir, "kozan.prom"), filepath.Join(dir, "summary.json")
			args := append([]string{"run", "--config", cfg, "--metrics-file", metrics, "--summary-file", summary}, tt.args...)
			code, _, errOut := kozan(t, "", args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.code, errOut)
			}
			recs := logRecords(t, errOut)
			if len(recs) < 2 || recs[0]["msg"] != "run started" {
				t.Fatalf("first record is not \"run started\":\n%s", errOut)
			}
			last := recs[len(recs)-1]
			if last["msg"] != "run finished" || last["level"] != tt.level || last["outcome"] != tt.outcome {
				t.Errorf("last record %v, want run finished at %s, outcome %s", last, tt.level, tt.outcome)
			}
			if tt.wantStderr != "" && !strings.Contains(fmt.Sprint(last["err"]), tt.wantStderr) {
				t.Errorf("err %q does not say %q", last["err"], tt.wantStderr)
			}
			var rep runReport
			raw, err := os.ReadFile(summary)
			if err != nil {
				t.Fatalf("no summary file: %v", err)
			}
			if err := json.Unmarshal(raw, &rep); err != nil {
				t.Fatal(err)
			}
			if rep.Outcome != tt.outcome || rep.ExitCode != tt.code || rep.StartedAt.IsZero() || rep.RuleSet == "" ||
				strings.Join(rep.SourcesDown, ",") != strings.Join(tt.down, ",") || rep.CutShort != (tt.code == exitCutShort) {
				t.Errorf("summary %s", raw)
			}
			prom, err := os.ReadFile(metrics)
			if err != nil {
				t.Fatalf("no metrics file: %v", err)
			}
			for _, m := range append(tt.metrics, "kozan_run_start_timestamp_seconds ") {
				if !strings.Contains(string(prom), m) {
					t.Errorf("metrics lack %q:\n%s", m, prom)
				}
			}
			for _, m := range tt.noMetrics {
				if strings.Contains(string(prom), m+"\n") {
					t.Errorf("metrics say %q", m)
				}
			}
		})
	}
}

// logRecords parses JSON log lines.
func logRecords(t *testing.T, s string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(s), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("log line is not JSON: %q", line)
		}
		out = append(out, m)
	}
	return out
}

// TestRunFatalErrorIsJSON: a run that fails before it starts crawling (a bad
// config) still logs its end as a JSON record, writes its summary, and
// exits 1; a dry run creates no store.
func TestRunFatalErrorIsJSON(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "kozan.yaml")
	os.WriteFile(bad, []byte("crawl:\n  paralelism: 3\n"), 0o644)
	summary := filepath.Join(dir, "summary.json")
	code, _, errOut := kozan(t, "", "run", "--config", bad, "--summary-file", summary)
	if code != exitFailed {
		t.Errorf("exit %d", code)
	}
	recs := logRecords(t, errOut)
	if last := recs[len(recs)-1]; last["level"] != "ERROR" || !strings.Contains(fmt.Sprint(last["err"]), "paralelism") {
		t.Errorf("last record %v", last)
	}
	if _, err := os.Stat(summary); err != nil {
		t.Errorf("no summary: %v", err)
	}

	down := refusingURL(t)
	good := filepath.Join(dir, "dry.yaml")
	os.WriteFile(good, []byte("store: sub/dry.db\nsources:\n  - {name: a, lang: en, start_urls: ['"+down+"/']}\n"), 0o644)
	kozan(t, "", "run", "--config", good, "--dry-run")
	if _, err := os.Stat(filepath.Join(dir, "sub")); err == nil {
		t.Error("a dry run created the store directory")
	}
}

// TestRunStoppedBySignal: SIGTERM (the context main cancels) stops the run:
// exit 4, a WARN "run finished" with stopped_by_signal, and the files.
func TestRunStoppedBySignal(t *testing.T) {
	slow := hangingServer(t)
	dir := t.TempDir()
	cfg := filepath.Join(dir, "kozan.yaml")
	os.WriteFile(cfg, []byte("store: kozan.db\nsources:\n  - {name: slow, lang: en, start_urls: ['"+slow.URL+"/']}\n"), 0o644)
	summary := filepath.Join(dir, "summary.json")
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(300*time.Millisecond, cancel)
	var out, errb bytes.Buffer
	code := run(ctx, []string{"run", "--config", cfg, "--summary-file", summary, "--metrics-file", filepath.Join(dir, "m.prom")},
		strings.NewReader(""), &out, &errb)
	if code != exitCutShort {
		t.Errorf("exit %d, want %d:\n%s", code, exitCutShort, errb.String())
	}
	recs := logRecords(t, errb.String())
	last := recs[len(recs)-1]
	if last["msg"] != "run finished" || last["level"] != "WARN" || last["stopped_by_signal"] != true {
		t.Errorf("last record %v", last)
	}
	raw, _ := os.ReadFile(summary)
	var rep runReport
	if err := json.Unmarshal(raw, &rep); err != nil || !rep.Stopped || !rep.CutShort || len(rep.SourcesDown) != 0 {
		t.Errorf("summary %s (%v)", raw, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "m.prom")); err != nil {
		t.Errorf("no metrics file: %v", err)
	}
}
