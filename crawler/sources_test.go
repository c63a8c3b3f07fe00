package crawler

import (
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestDeploySources checks the shape of every source in
// deploy/sources.yaml: it parses, has a name and language, absolute URLs,
// compiling patterns, and its follow patterns match the sample article URL
// given in the "# e.g." comment above it (and its deny patterns do not).
func TestDeploySources(t *testing.T) {
	b, err := os.ReadFile("../deploy/sources.yaml")
	if err != nil {
		t.Fatalf("read sources: %v", err)
	}
	// The file's sources, read as kozan.yaml's keys name them (cmd/kozan
	// maps the same keys onto Source; its tests check the mapping).
	var cfg struct {
		Crawl struct {
			StripParams []string `yaml:"strip_params"`
		} `yaml:"crawl"`
		Sources []struct {
			Name      string   `yaml:"name"`
			Lang      string   `yaml:"lang"`
			Feeds     []string `yaml:"feeds"`
			Sitemaps  []string `yaml:"sitemaps"`
			StartURLs []string `yaml:"start_urls"`
			Follow    []string `yaml:"follow"`
			Deny      []string `yaml:"deny"`
			MaxDepth  int      `yaml:"max_depth"`
		} `yaml:"sources"`
	}
	if err := yaml.Unmarshal(b, &cfg); err != nil {
		t.Fatalf("parse: %v", err)
	}
	samples := sampleURLs(string(b))
	if len(cfg.Sources) < 15 {
		t.Errorf("only %d sources, want a broad default list", len(cfg.Sources))
	}
	langs := map[string]int{}
	for _, s := range cfg.Sources {
		t.Run(s.Name, func(t *testing.T) {
			langs[s.Lang]++
			if s.Lang != "ja" && s.Lang != "en" {
				t.Errorf("lang %q, want ja or en", s.Lang)
			}
			if len(s.Follow) == 0 {
				t.Errorf("no follow patterns")
			}
			for _, u := range append(append(append([]string{}, s.Feeds...), s.Sitemaps...), s.StartURLs...) {
				p, err := url.Parse(u)
				if err != nil || p.Scheme != "https" || p.Host == "" {
					t.Errorf("%q is not an absolute https URL", u)
				}
			}
			sample, ok := samples[s.Name]
			if !ok {
				t.Fatalf("no '# e.g. URL' comment above the source")
			}
			c, err := New(Config{StripParams: cfg.Crawl.StripParams}, []Source{{Name: s.Name, Lang: s.Lang, Feeds: s.Feeds,
				Sitemaps: s.Sitemaps, StartURLs: s.StartURLs, Follow: s.Follow, Deny: s.Deny, MaxDepth: s.MaxDepth}}, nil, Options{})
			if err != nil {
				t.Fatalf("New: %v", err)
			}
			src := c.sources[s.Name]
			canon, err := Canonical(sample, cfg.Crawl.StripParams)
			if err != nil {
				t.Fatal(err)
			}
			if !c.follows(src, canon) {
				t.Errorf("follow %v does not match the sample %s (or a deny does)", s.Follow, canon)
			}
			u, _ := url.Parse(canon)
			if !c.guard.hostAllowed(u.Host) {
				t.Errorf("sample host %s is not a source host", u.Host)
			}
			for _, re := range src.follow {
				if re.MatchString(u.Scheme + "://" + u.Host + "/") {
					t.Errorf("follow %s matches the home page", re)
				}
			}
		})
	}
	if langs["ja"] < 3 || langs["en"] < 10 {
		t.Errorf("languages %v, want Japanese and English sources", langs)
	}
}

var reSample = regexp.MustCompile(`(?m)^\s*# e\.g\. (\S+)\s*\n\s*- name: (\S+)`)

// sampleURLs maps each source name to the sample URL in the comment just above it.
func sampleURLs(yaml string) map[string]string {
	m := map[string]string{}
	for _, sm := range reSample.FindAllStringSubmatch(yaml, -1) {
		m[strings.TrimSpace(sm[2])] = sm[1]
	}
	return m
}
