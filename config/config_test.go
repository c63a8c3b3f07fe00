package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestGoodConfigs(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.good.yaml")
	if len(files) == 0 {
		t.Fatal("no good fixtures")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			if _, err := Load(f); err != nil {
				t.Fatalf("Load: %v", err)
			}
		})
	}
}

func TestFullConfigValues(t *testing.T) {
	c, err := Load("testdata/full.good.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join("testdata", "data", "kozan.db"); c.Store != want {
		t.Errorf("store = %q, want %q (relative to the config file)", c.Store, want)
	}
	if c.Crawl.Delay != time.Second || c.Crawl.Timeout != 20*time.Second || c.Crawl.MaxBody != 5<<20 {
		t.Errorf("crawl = %+v", c.Crawl)
	}
	if c.FXUSD["JPY"] != 0.0067 || c.FXUSD["GBP"] == 0 || c.FXUSD["USD"] != 1 {
		t.Errorf("fx = %v: want configured rates merged over defaults", c.FXUSD)
	}
	if len(c.Sources) != 1 || c.Sources[0].Selectors.Body != "div.entry-content" || c.Sources[0].MaxDepth != 2 {
		t.Errorf("sources = %+v", c.Sources)
	}
	if c.Elasticsearch == nil || c.Elasticsearch.IndexPrefix != "kozan" {
		t.Errorf("elasticsearch = %+v", c.Elasticsearch)
	}
	if !c.Crawl.RespectsRobots() {
		t.Error("robots must be respected")
	}
}

func TestBadConfigs(t *testing.T) {
	want := map[string][]string{
		"unknown-key.bad.yaml":        {"line 4", "paralelism"},
		"unknown-source-key.bad.yaml": {"line 4", "selector"},
		"bad-regexp.bad.yaml":         {"sources[0] (a)", "bad regexp"},
		"no-urls.bad.yaml":            {"lonely", "at least one of feeds, sitemaps, start_urls"},
		"bad-lang.bad.yaml":           {"lang must be ja or en", `"jp"`},
		"duplicate-source.bad.yaml":   {"sources[1] (a)", "duplicate source name"},
		"relative-url.bad.yaml":       {`"/feed.xml" is not an absolute http(s) URL`},
		"bad-size.bad.yaml":           {"line 1", "unknown unit"},
		"bad-duration.bad.yaml":       {"line 1", "soon"},
		"es-credentials.bad.yaml":     {"carries credentials", "KOZAN_ES_PASSWORD"},
		"bad-fx.bad.yaml":             {"fx_usd.JPY", "positive"},
		"bad-state.bad.yaml":          {"state:", "redis://"},
		"not-a-map.bad.yaml":          {"line 1", "cannot unmarshal"},
	}
	files, _ := filepath.Glob("testdata/*.bad.yaml")
	if len(files) != len(want) {
		t.Errorf("%d bad fixtures, %d expectations: keep them in step", len(files), len(want))
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			_, err := Load(f)
			if err == nil {
				t.Fatal("Load succeeded, want an error")
			}
			for _, w := range want[name] {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
			if !strings.Contains(err.Error(), f) {
				t.Errorf("error %q does not name the file", err)
			}
			if strings.Contains(err.Error(), "hunter2") {
				t.Errorf("error leaks a secret: %q", err)
			}
		})
	}
}

func TestMissingAndUnreadable(t *testing.T) {
	if _, err := Load(filepath.Join(t.TempDir(), "nope.yaml")); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing file: got %v", err)
	}
	dir := t.TempDir()
	if _, err := Load(dir); err == nil {
		t.Error("a directory as config: want an error")
	}
	// No --config and no kozan.yaml in the working directory: defaults.
	wd, _ := os.Getwd()
	t.Cleanup(func() { os.Chdir(wd) })
	os.Chdir(t.TempDir())
	c, err := Load("")
	if err != nil || c.Store != "kozan.db" {
		t.Errorf("default config: %+v, %v", c.Store, err)
	}
}

func TestParseByteSize(t *testing.T) {
	for in, want := range map[string]ByteSize{"5MiB": 5 << 20, "10MB": 10e6, "512k": 512 << 10, "1048576": 1 << 20, "1.5 GiB": 3 << 29} {
		got, err := ParseByteSize(in)
		if err != nil || got != want {
			t.Errorf("ParseByteSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "MiB", "-5MB", "5 furlongs"} {
		if _, err := ParseByteSize(in); err == nil {
			t.Errorf("ParseByteSize(%q): want an error", in)
		}
	}
}
