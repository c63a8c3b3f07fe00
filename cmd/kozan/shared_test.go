package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kozan-dev/kozan/index/sqlite"
	"github.com/redis/go-redis/v9"
)

// TestSharedStateCopyAcrossStores: two `kozan run` processes share Redis
// state and write stores of their own. Process A crawls the news section
// and stores the TeraWulf–Fluidstack story; process B crawls the partner
// wire, whose copy of that story has another headline, other chrome and
// changed words. B stores neither the copy nor its deals: it records the
// copy's URL with the original's, and its crawl state (a second run of B
// downloads nothing again). Without the shared fingerprints B's store held
// the copy as an article of its own, and its deals twice across the stores.
func TestSharedStateCopyAcrossStores(t *testing.T) {
	redisURL := os.Getenv("KOZAN_TEST_REDIS_URL")
	if redisURL == "" {
		t.Skip("KOZAN_TEST_REDIS_URL is not set (e.g. redis://127.0.0.1:6379/0); skipping the shared-state copy test")
	}
	prefix := fmt.Sprintf("kozan:test:%d:", time.Now().UnixNano())
	t.Cleanup(func() { deleteRedisPrefix(t, redisURL, prefix) })

	site := newNewsSite(t)
	base := site.srv.URL
	dir := t.TempDir()
	write := func(name, source, start, follow string) string {
		path := filepath.Join(dir, name+".yaml")
		yaml := fmt.Sprintf("store: %s.db\nstate: %s\ncrawl: {delay: 5ms}\nsources:\n"+
			"  - {name: %s, lang: en, start_urls: ['%s'], follow: ['^%s']}\n",
			name, redisURL, source, base+start, regexp.QuoteMeta(base+follow))
		if err := os.WriteFile(path, []byte(yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	cfgA := write("a", "news", "/", "/2026/11/12/")
	cfgB := write("b", "partners", "/partners/", "/partners/wire/")
	runProcess := func(cfg string) {
		t.Helper()
		var out, errb bytes.Buffer
		a := &app{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" },
			logLevel: "warn", configPath: cfg, statePrefix: prefix}
		if err := a.setupLogger(); err != nil {
			t.Fatal(err)
		}
		defer a.close()
		if err := a.runOnce(context.Background(), runFlags{}); err != nil {
			t.Fatalf("run %s: %v\n%s", filepath.Base(cfg), err, errb.String())
		}
	}
	runProcess(cfgA)
	runProcess(cfgB)

	orig, copyPath := "/2026/11/12/terawulf-fluidstack-lease/", "/partners/wire/terawulf-fluidstack-ai-lease.html"
	if got, _ := storedArticles(t, cfgA, base); !slices.Equal(got, []string{orig}) {
		t.Errorf("store A holds %v, want the original %s", got, orig)
	}
	if got, _ := storedArticles(t, cfgB, base); len(got) != 0 {
		t.Errorf("store B holds %v, want nothing: the copy's original is in store A", got)
	}
	if code, out, errOut := kozan(t, "", "deals", "--json", "--config", cfgB); code != exitOK || strings.TrimSpace(out) != "" {
		t.Errorf("store B deals: exit %d, %q %s; want none", code, out, errOut)
	}
	if code, out, _ := kozan(t, "", "deals", "--json", "--config", cfgA); code != exitOK || !strings.Contains(out, "Fluidstack") {
		t.Errorf("store A deals: exit %d, %q; want the TeraWulf–Fluidstack deal", code, out)
	}
	s, err := sqlite.Open(context.Background(), filepath.Join(dir, "b.db"), sqlite.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.CopyOf(context.Background(), base+copyPath)
	s.Close()
	if err != nil || !ok || got != base+orig {
		t.Errorf("store B: CopyOf(copy) = %q, %v, %v; want %s", got, ok, err, base+orig)
	}

	// B again, once the shared visited set has forgotten the URLs: the
	// copy answers 304 and is not downloaded again.
	deleteRedisPrefix(t, redisURL, prefix+"seen:")
	before := site.fetched()[copyPath]
	runProcess(cfgB)
	if after := site.fetched()[copyPath]; after != before {
		t.Errorf("the second run of B downloaded the unchanged copy again (%d → %d)", before, after)
	}
}

// deleteRedisPrefix deletes the keys under prefix on the test Redis (the
// fingerprint list does not expire).
func deleteRedisPrefix(t *testing.T, url, prefix string) {
	t.Helper()
	o, err := redis.ParseURL(url)
	if err != nil {
		t.Fatal(err)
	}
	rdb := redis.NewClient(o)
	defer rdb.Close()
	ctx := context.Background()
	iter := rdb.Scan(ctx, 0, prefix+"*", 100).Iterator()
	for iter.Next(ctx) {
		rdb.Del(ctx, iter.Val())
	}
	if err := iter.Err(); err != nil {
		t.Errorf("clean up %s*: %v", prefix, err)
	}
}
