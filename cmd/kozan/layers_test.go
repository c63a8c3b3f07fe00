package main

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/kozan-dev/kozan/config"
)

// TestStagesOwnTheirConfig: kozan.yaml's package (config) is imported by
// cmd/kozan alone — the stages take their own config types — and pipeline's
// types carry no yaml tags. Test files may use config where they test it.
func TestStagesOwnTheirConfig(t *testing.T) {
	root := filepath.Join("..", "..")
	const cfgPkg = "github.com/kozan-dev/kozan/config"
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || d.Name() == "third_party" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		dir := filepath.ToSlash(filepath.Dir(rel))
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if p == cfgPkg && dir != "cmd/kozan" {
				t.Errorf("%s imports config: only cmd/kozan may; the stage takes its own config type", rel)
			}
		}
		if dir == "pipeline" {
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			if strings.Contains(string(b), "yaml:\"") {
				t.Errorf("%s: pipeline types carry yaml tags", rel)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestCrawlerConfigMapping: kozan.yaml's crawl keys keep their meaning on
// the crawler's own config (a 0 redirect limit is none; robots.txt obeyed
// unless respect_robots is false).
func TestCrawlerConfigMapping(t *testing.T) {
	c := config.Defaults()
	got := crawlerConfig(c.Crawl)
	if got.IgnoreRobots || got.MaxRedirects != 5 || got.Retries != 3 || got.MaxBody != 5<<20 || got.MaxPages != 500 {
		t.Errorf("defaults map to %+v", got)
	}
	off := false
	c.Crawl.RespectRobots = &off
	c.Crawl.MaxRedirects = 0
	if got := crawlerConfig(c.Crawl); !got.IgnoreRobots || got.MaxRedirects >= 0 {
		t.Errorf("respect_robots: false, max_redirects: 0 map to %+v", got)
	}
	src := config.Source{Name: "x", Lang: "ja", Feeds: []string{"https://x.example/feed"}, MaxDepth: 3,
		Selectors: config.Selectors{Title: "h1", Body: "article", Date: "time"}}
	back := configSources(crawlerSources([]config.Source{src}))
	if len(back) != 1 || back[0].Name != "x" || back[0].MaxDepth != 3 || back[0].Selectors != src.Selectors || back[0].Feeds[0] != src.Feeds[0] {
		t.Errorf("a source does not survive the round trip: %+v", back)
	}
}
