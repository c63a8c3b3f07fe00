package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestSearchFallsBack: with Elasticsearch configured but down (refusing, or
// accepting and never answering), search answers from the store's index and
// says so; --local goes there without asking Elasticsearch.
func TestSearchFallsBack(t *testing.T) {
	refused := refusingURL(t)
	slow := hangingServer(t)
	var asked atomic.Int64
	counting := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { asked.Add(1) }))
	defer counting.Close()

	tests := []struct {
		name, es string
		args     []string
		fallback bool
	}{
		{"connection refused", refused, nil, true},
		{"no answer", slow.URL, nil, true},
		{"--local", counting.URL, []string{"--local"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, _ := seedStore(t)
			os.WriteFile(cfg, []byte(fmt.Sprintf("store: kozan.db\nelasticsearch: {addresses: [%q]}\n", tt.es)), 0o644)
			start := time.Now()
			code, out, errOut := kozan(t, "", append([]string{"search", "--config", cfg, "TeraWulf"}, tt.args...)...)
			if code != exitOK || !strings.Contains(out, "TeraWulf and Fluidstack") {
				t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
			}
			if said := strings.Contains(errOut, "searching the local store instead"); said != tt.fallback {
				t.Errorf("stderr %q: fallback notice %v, want %v", errOut, said, tt.fallback)
			}
			if d := time.Since(start); d > searchTimeout+2*time.Second {
				t.Errorf("took %s", d)
			}
		})
	}
	if n := asked.Load(); n != 0 {
		t.Errorf("--local asked Elasticsearch %d times", n)
	}
}
