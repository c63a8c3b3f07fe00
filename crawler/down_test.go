package crawler

import (
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// TestDownSources: a host that refuses connections is a failure of its
// source (counted by reason, the source down), not a robots.txt denial; a
// run where every source failed is an error; a mix is not, and says which
// source is down.
func TestDownSources(t *testing.T) {
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	down := "http://" + ln.Addr().String()
	ln.Close()
	missing := httptest.NewServer(http.NotFoundHandler())
	defer missing.Close()
	good := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body><p>a listing</p></body></html>"))
	}))
	defer good.Close()

	src := func(name, base string) Source {
		return Source{Name: name, Lang: "en", StartURLs: []string{base + "/news/"}}
	}
	tests := []struct {
		name    string
		sources []Source
		allFail bool
		up      map[string]bool
		reason  map[string]string
	}{
		{"down", []Source{src("down", down)}, true, map[string]bool{"down": false}, map[string]string{"down": "connection_refused"}},
		{"404 and down", []Source{src("down", down), src("missing", missing.URL)}, true,
			map[string]bool{"down": false, "missing": false}, map[string]string{"down": "connection_refused", "missing": "status_404"}},
		{"good and down", []Source{src("down", down), src("good", good.URL)}, false,
			map[string]bool{"down": false, "good": true}, map[string]string{"down": "connection_refused"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := defaultSetup()
			cfg.Crawl.Delay, cfg.Crawl.Timeout, cfg.Crawl.Retries = 0, time.Second, 1
			cfg.Sources = tt.sources
			c, err := New(cfg.Crawl, cfg.Sources, newFakeState(), Options{Logger: testLogger(t), RetryBase: time.Millisecond})
			if err != nil {
				t.Fatal(err)
			}
			_, err = collect(t, c)
			if got := errors.Is(err, ErrAllSourcesFailed); got != tt.allFail {
				t.Errorf("Crawl error %v: every source failed %v, want %v", err, got, tt.allFail)
			}
			st := c.Stats()
			if st.RobotsDenied != 0 {
				t.Errorf("robots_denied %d: an unreachable host is no denial", st.RobotsDenied)
			}
			for name, up := range tt.up {
				if got := st.Sources[name]; got.Up != up {
					t.Errorf("source %s: %+v, want up %v", name, got, up)
				}
			}
			for name, reason := range tt.reason {
				if st.Sources[name].Errors[reason] == 0 || st.Errors[reason] == 0 {
					t.Errorf("source %s errors %v (all %v), want %s", name, st.Sources[name].Errors, st.Errors, reason)
				}
			}
		})
	}
}
