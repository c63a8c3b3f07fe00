package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/kozan-dev/kozan/demo"
	"github.com/kozan-dev/kozan/index/sqlite"
)

// fakeES answers bulk requests like Elasticsearch 8 and counts how often each
// document ID arrives.
type fakeES struct {
	mu   sync.Mutex
	docs map[string]int
}

func (f *fakeES) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Elastic-Product", "Elasticsearch")
	w.Header().Set("Content-Type", "application/json")
	if !strings.HasSuffix(r.URL.Path, "/_bulk") {
		fmt.Fprint(w, `{"acknowledged":true}`)
		return
	}
	sc := bufio.NewScanner(r.Body)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var items []string
	for sc.Scan() {
		var action map[string]struct {
			Index string `json:"_index"`
			ID    string `json:"_id"`
		}
		if err := json.Unmarshal(sc.Bytes(), &action); err != nil {
			http.Error(w, err.Error(), 400)
			return
		}
		for op, meta := range action {
			f.mu.Lock()
			f.docs[meta.ID]++
			f.mu.Unlock()
			items = append(items, fmt.Sprintf(`{%q:{"_index":%q,"_id":%q,"status":200,"result":"updated"}}`, op, meta.Index, meta.ID))
			if op != "delete" {
				sc.Scan() // the document line
			}
		}
	}
	fmt.Fprintf(w, `{"took":1,"errors":false,"items":[%s]}`, strings.Join(items, ","))
}

// TestOutboxSurvivesAnOutage: ES down for a whole run loses nothing; once it is
// back, `kozan es sync` delivers everything exactly once.
func TestOutboxSurvivesAnOutage(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls the demo sites")
	}
	srv, err := demo.Start(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	// A port nothing listens on: ES is down.
	dead := refusingURL(t)

	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "kozan.yaml")
	writeCfg := func(esURL string) {
		writeSourcesConfig(t, cfgPath, srv, fmt.Sprintf("elasticsearch: {addresses: [%q], timeout: 2s}\n", esURL))
	}
	writeCfg(dead)
	code, _, errOut := kozan(t, "", "run", "--config", cfgPath)
	if code != exitOK {
		t.Fatalf("run with ES down: exit %d, want 0 (nothing is lost)\n%s", code, errOut)
	}
	pending := outboxLen(t, filepath.Join(dir, "kozan.db"))
	if pending == 0 {
		t.Fatal("ES was down but the outbox is empty: documents were lost")
	}

	fake := &fakeES{docs: map[string]int{}}
	es := httptest.NewServer(fake)
	defer es.Close()
	writeCfg(es.URL)
	code, out, errOut := kozan(t, "", "es", "sync", "--config", cfgPath)
	if code != exitOK {
		t.Fatalf("es sync: exit %d\n%s\n%s", code, out, errOut)
	}
	if n := outboxLen(t, filepath.Join(dir, "kozan.db")); n != 0 {
		t.Errorf("after sync %d documents still pending", n)
	}
	if len(fake.docs) != pending {
		t.Errorf("ES received %d distinct documents, the outbox held %d", len(fake.docs), pending)
	}
	for id, n := range fake.docs {
		if n != 1 {
			t.Errorf("document %s delivered %d times", id, n)
		}
	}
	// A second sync has nothing to send.
	before := len(fake.docs)
	if code, _, errOut := kozan(t, "", "es", "sync", "--config", cfgPath); code != exitOK {
		t.Fatalf("second sync: %s", errOut)
	}
	for id, n := range fake.docs {
		if n != 1 {
			t.Errorf("second sync re-sent %s", id)
		}
	}
	if len(fake.docs) != before {
		t.Error("second sync sent new documents")
	}
}

func outboxLen(t *testing.T, path string) int {
	t.Helper()
	s, err := sqlite.Open(context.Background(), path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	n, err := s.OutboxLen(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// writeSourcesConfig writes a config at path for the demo server's sources,
// a store beside it, and extra YAML.
func writeSourcesConfig(t *testing.T, path string, srv *demo.Server, extra string) {
	t.Helper()
	var b bytes.Buffer
	fmt.Fprintf(&b, "store: kozan.db\n%scrawl: {delay: 10ms}\nsources:\n", extra)
	for _, s := range srv.Sources() {
		fmt.Fprintf(&b, "  - name: %s\n    lang: %s\n", s.Name, s.Lang)
		for key, list := range map[string][]string{"feeds": s.Feeds, "sitemaps": s.Sitemaps, "start_urls": s.StartURLs, "follow": s.Follow, "deny": s.Deny} {
			q, _ := json.Marshal(list) // YAML is a superset of JSON
			fmt.Fprintf(&b, "    %s: %s\n", key, q)
		}
		fmt.Fprintf(&b, "    max_depth: %d\n", s.MaxDepth)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
