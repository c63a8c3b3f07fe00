package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// DefaultPath is the config file read when --config is not given.
const DefaultPath = "kozan.yaml"

// Config is the whole of kozan.yaml.
type Config struct {
	Store         string             `yaml:"store"`
	State         string             `yaml:"state"` // "" (the store) or redis://host:port/db for scale-out
	Elasticsearch *Elasticsearch     `yaml:"elasticsearch"`
	Kibana        Kibana             `yaml:"kibana"`
	Crawl         Crawl              `yaml:"crawl"`
	FXUSD         map[string]float64 `yaml:"fx_usd"`
	Companies     string             `yaml:"companies"`
	// Rules are extra deal-rule files (the form of extract/deal/rules/*.yaml:
	// lexicon entries, party, figure, sentence and deal rules), added to the
	// built-in ones.
	Rules   []string `yaml:"rules"`
	Sources []Source `yaml:"sources"`
	HTML    HTML     `yaml:"html"`
	// NearDuplicateBits is how many bits of 64 the simhash fingerprints of
	// two articles' main texts may differ by for the later one to be stored
	// as a copy (an alias) of the first. 0: the default, 8; negative: off.
	NearDuplicateBits int `yaml:"near_duplicate_bits"`

	Dir string `yaml:"-"` // directory of the config file; relative paths resolve against it
}

// HTML says whether the store keeps each article's fetched HTML (gzip
// compressed), so that `kozan reextract` can run newer extraction rules
// over it without fetching it again.
type HTML struct {
	Keep    *bool    `yaml:"keep"`     // default true
	MaxSize ByteSize `yaml:"max_size"` // a page larger than this (before compression) is not kept; default 2MiB
}

// Keeps reports whether fetched HTML is kept.
func (h HTML) Keeps() bool { return h.Keep == nil || *h.Keep }

// Elasticsearch says where to index. Credentials come from the environment
// only (KOZAN_ES_API_KEY, KOZAN_ES_USERNAME, KOZAN_ES_PASSWORD).
type Elasticsearch struct {
	Addresses   []string      `yaml:"addresses"`
	IndexPrefix string        `yaml:"index_prefix"`
	CAFile      string        `yaml:"ca_file"`
	Fingerprint string        `yaml:"fingerprint"`
	Timeout     time.Duration `yaml:"timeout"`
}

// Kibana says where saved objects are imported.
type Kibana struct {
	URL string `yaml:"url"`
}

// Crawl holds the crawler's politeness and budgets.
type Crawl struct {
	UserAgent     string        `yaml:"user_agent"`
	Parallelism   int           `yaml:"parallelism"` // concurrent requests per host
	Delay         time.Duration `yaml:"delay"`       // between requests to one host
	Timeout       time.Duration `yaml:"timeout"`     // per request
	MaxBody       ByteSize      `yaml:"max_body"`
	MaxPages      int           `yaml:"max_pages"` // per run
	RespectRobots *bool         `yaml:"respect_robots"`
	Retries       int           `yaml:"retries"`       // per request, on 5xx/429/transport errors
	MaxRedirects  int           `yaml:"max_redirects"` // per request
	Horizon       time.Duration `yaml:"horizon"`       // feed/sitemap items older than this are skipped (0: no limit)
	StripParams   []string      `yaml:"strip_params"`  // query parameters removed from URLs, beside utm_*, fbclid, gclid
	AllowHosts    []string      `yaml:"allow_hosts"`   // extra hosts links may go to (besides the sources' hosts)
	AllowPrivate  bool          `yaml:"allow_private"` // allow hosts that resolve to private/loopback addresses
}

// Source is one news site.
type Source struct {
	Name      string    `yaml:"name"`
	Lang      string    `yaml:"lang"`
	Feeds     []string  `yaml:"feeds"`
	Sitemaps  []string  `yaml:"sitemaps"`
	StartURLs []string  `yaml:"start_urls"`
	Follow    []string  `yaml:"follow"`
	Deny      []string  `yaml:"deny"`
	MaxDepth  int       `yaml:"max_depth"`
	Selectors Selectors `yaml:"selectors"`
}

// Selectors are optional CSS selectors of a source's pages.
type Selectors struct {
	Title string `yaml:"title"`
	Body  string `yaml:"body"`
	Date  string `yaml:"date"`
}

// Defaults returns the configuration used when a key is absent.
// (NearDuplicateBits 0 leaves the default to the store.)
func Defaults() Config {
	t := true
	return Config{
		Store: "kozan.db",
		Crawl: Crawl{
			UserAgent: "kozan/1 (+https://github.com/kozan-dev/kozan)", Parallelism: 2,
			Delay: time.Second, Timeout: 20 * time.Second, MaxBody: 5 << 20, MaxPages: 500,
			RespectRobots: &t, Retries: 3, MaxRedirects: 5,
		},
		HTML:  HTML{MaxSize: 2 << 20},
		FXUSD: map[string]float64{"USD": 1, "JPY": 0.0067, "CNY": 0.14, "EUR": 1.08, "GBP": 1.27, "HKD": 0.128},
	}
}

// Load reads the config at path. When path is "" it reads DefaultPath if that
// exists, else returns the defaults (store kozan.db in the working directory).
func Load(path string) (Config, error) {
	if path == "" {
		if _, err := os.Stat(DefaultPath); errors.Is(err, os.ErrNotExist) {
			c := Defaults()
			c.Dir = "."
			return c, nil
		}
		path = DefaultPath
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return Config{}, fmt.Errorf("config: %w", err)
	}
	c, err := Parse(b)
	if err != nil {
		return Config{}, fmt.Errorf("config %s: %w", path, err)
	}
	c.Dir = filepath.Dir(path)
	if c.Store != "" && !filepath.IsAbs(c.Store) {
		c.Store = filepath.Join(c.Dir, c.Store)
	}
	if c.Companies != "" && !filepath.IsAbs(c.Companies) {
		c.Companies = filepath.Join(c.Dir, c.Companies)
	}
	for i, r := range c.Rules {
		if !filepath.IsAbs(r) {
			c.Rules[i] = filepath.Join(c.Dir, r)
		}
	}
	return c, nil
}

// Parse decodes and validates YAML over the defaults. Unknown keys are an
// error naming the key and its line.
func Parse(b []byte) (Config, error) {
	c := Defaults()
	fx := c.FXUSD
	c.FXUSD = nil
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) {
		return Config{}, fmt.Errorf("parse: %w", err)
	}
	for k, v := range c.FXUSD {
		fx[strings.ToUpper(k)] = v
	}
	c.FXUSD = fx
	if err := c.Validate(); err != nil {
		return Config{}, err
	}
	return c, nil
}

// Validate checks values that YAML types alone cannot.
func (c *Config) Validate() error {
	var errs []error
	bad := func(format string, a ...any) { errs = append(errs, fmt.Errorf(format, a...)) }
	if c.Crawl.Parallelism < 0 || c.Crawl.MaxPages < 0 || c.Crawl.Retries < 0 || c.Crawl.MaxRedirects < 0 {
		bad("crawl: parallelism, max_pages, retries and max_redirects must not be negative")
	}
	if c.Crawl.Delay < 0 || c.Crawl.Timeout < 0 {
		bad("crawl: delay and timeout must not be negative")
	}
	if c.NearDuplicateBits > 32 {
		bad("near_duplicate_bits: %d of 64 would call unrelated stories copies (at most 32; default 8)", c.NearDuplicateBits)
	}
	for k, v := range c.FXUSD {
		if v <= 0 {
			bad("fx_usd.%s: rate must be positive, got %v", k, v)
		}
	}
	if c.State != "" && !strings.HasPrefix(c.State, "redis://") && !strings.HasPrefix(c.State, "rediss://") {
		bad("state: want redis://host:port/db or nothing, got %q", c.State)
	}
	if es := c.Elasticsearch; es != nil {
		if len(es.Addresses) == 0 {
			bad("elasticsearch.addresses: at least one address is needed")
		}
		for _, a := range es.Addresses {
			if u, err := url.Parse(a); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				bad("elasticsearch.addresses: %q is not an http(s) URL", a)
			}
			if u, err := url.Parse(a); err == nil && u.User != nil {
				bad("elasticsearch.addresses: %q carries credentials; use KOZAN_ES_USERNAME/KOZAN_ES_PASSWORD or KOZAN_ES_API_KEY", redactURL(a))
			}
		}
		if es.IndexPrefix == "" {
			es.IndexPrefix = "kozan"
		}
	}
	names := map[string]bool{}
	for i, s := range c.Sources {
		where := fmt.Sprintf("sources[%d]", i)
		if s.Name == "" {
			bad("%s: name is required", where)
		} else {
			where = fmt.Sprintf("sources[%d] (%s)", i, s.Name)
		}
		if names[s.Name] {
			bad("%s: duplicate source name", where)
		}
		names[s.Name] = true
		if s.Lang != "" && s.Lang != "ja" && s.Lang != "en" {
			bad("%s: lang must be ja or en, got %q", where, s.Lang)
		}
		if len(s.Feeds)+len(s.Sitemaps)+len(s.StartURLs) == 0 {
			bad("%s: needs at least one of feeds, sitemaps, start_urls", where)
		}
		for _, lists := range [][]string{s.Feeds, s.Sitemaps, s.StartURLs} {
			for _, u := range lists {
				if p, err := url.Parse(u); err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
					bad("%s: %q is not an absolute http(s) URL", where, u)
				}
			}
		}
		for _, lists := range [][]string{s.Follow, s.Deny} {
			for _, re := range lists {
				if _, err := regexp.Compile(re); err != nil {
					bad("%s: bad regexp %q: %v", where, re, err)
				}
			}
		}
		if s.MaxDepth < 0 {
			bad("%s: max_depth must not be negative", where)
		}
	}
	return errors.Join(errs...)
}

// RespectsRobots reports whether robots.txt is honoured (default true).
func (c Crawl) RespectsRobots() bool { return c.RespectRobots == nil || *c.RespectRobots }

// Source returns the source with the name, or false.
func (c *Config) Source(name string) (Source, bool) {
	for _, s := range c.Sources {
		if s.Name == name {
			return s, true
		}
	}
	return Source{}, false
}

func redactURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "(unparseable URL)"
	}
	u.User = nil
	return u.String()
}
