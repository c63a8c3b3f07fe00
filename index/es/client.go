package es

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/elastic/go-elasticsearch/v8"
	"github.com/elastic/go-elasticsearch/v8/esapi"
)

// Environment variables that carry credentials. They are read through
// Options.Getenv and never logged.
const (
	EnvAPIKey   = "KOZAN_ES_API_KEY"
	EnvUsername = "KOZAN_ES_USERNAME"
	EnvPassword = "KOZAN_ES_PASSWORD"
)

// DefaultTimeout bounds one HTTP request when Config.Timeout is zero.
const DefaultTimeout = 30 * time.Second

// Config says where and how to reach Elasticsearch: the client's own type,
// which cmd/kozan fills from kozan.yaml. Addresses are required; the rest
// has useful zero values.
type Config struct {
	Addresses   []string      // http(s) URLs of the cluster's nodes
	IndexPrefix string        // index and alias names start with it; default "kozan"
	CAFile      string        // PEM file of the CA to trust; "": the system's
	Fingerprint string        // SHA-256 of the server's certificate (hex), instead of a CA
	Timeout     time.Duration // per request; default DefaultTimeout
}

// retryStatuses are the HTTP statuses the transport retries with backoff.
func retryStatuses() []int {
	return []int{http.StatusTooManyRequests, http.StatusBadGateway,
		http.StatusServiceUnavailable, http.StatusGatewayTimeout}
}

// Options are what New needs besides the config. The zero value works.
type Options struct {
	Logger    *slog.Logger        // default: discard
	Getenv    func(string) string // default os.Getenv; the only source of credentials
	Transport http.RoundTripper   // HTTP transport for ES and Kibana (tests); default: a tuned http.Transport
	Now       func() time.Time    // clock for event.ingested; default time.Now
	Tokenize  func(string) string // evidence → space-joined tokens for evidence_tokens; nil: evidence as-is
	// Canonical gives a party's name in the company list (deals name a
	// party as their article writes it): company and counterparty hold
	// it, for aggregations that count a company once whatever its
	// articles called it, and company_written / counterparty_written the
	// article's spelling. nil: both as written.
	Canonical func(string) string
	Backoff   func(int) time.Duration // backoff before retry attempt n (1-based); default exponential 250ms·2ⁿ⁻¹, capped at 8s
	// MaxRetries bounds the transport's retries per request (429/502/503/504 and
	// network errors); default 4.
	MaxRetries int
	// ItemPasses bounds the extra bulk passes for items that failed with 429/5xx; default 2.
	ItemPasses int
	// Refresh is the bulk refresh parameter ("", "true", "wait_for"); tests use "wait_for".
	Refresh string
}

// Client talks to Elasticsearch (and Kibana for saved objects). It is safe
// for concurrent use.
type Client struct {
	es       *elasticsearch.Client
	http     *http.Client // for Kibana
	prefix   string
	log      *slog.Logger
	now      func() time.Time
	tokenize func(string) string
	canon    func(string) string
	backoff  func(int) time.Duration
	passes   int
	refresh  string
	timeout  time.Duration
	auth     func(*http.Request)
}

// New builds a client from the config. Credentials come from the environment
// only: KOZAN_ES_API_KEY, else KOZAN_ES_USERNAME and KOZAN_ES_PASSWORD.
func New(cfg Config, opt Options) (*Client, error) {
	if len(cfg.Addresses) == 0 {
		return nil, errors.New("elasticsearch: no addresses configured")
	}
	getenv := opt.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	log := opt.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	c := &Client{
		prefix:   cfg.IndexPrefix,
		log:      log,
		now:      opt.Now,
		tokenize: opt.Tokenize,
		canon:    opt.Canonical,
		backoff:  opt.Backoff,
		passes:   opt.ItemPasses,
		refresh:  opt.Refresh,
		timeout:  cfg.Timeout,
	}
	if c.prefix == "" {
		c.prefix = "kozan"
	}
	if c.now == nil {
		c.now = time.Now
	}
	if c.backoff == nil {
		c.backoff = ExponentialBackoff(250*time.Millisecond, 8*time.Second)
	}
	if c.passes <= 0 {
		c.passes = 2
	}
	if c.timeout <= 0 {
		c.timeout = DefaultTimeout
	}
	maxRetries := opt.MaxRetries
	if maxRetries <= 0 {
		maxRetries = 4
	}

	esc := elasticsearch.Config{
		Addresses:              cfg.Addresses,
		APIKey:                 strings.TrimSpace(getenv(EnvAPIKey)),
		CertificateFingerprint: cfg.Fingerprint,
		RetryOnStatus:          retryStatuses(),
		MaxRetries:             maxRetries,
		RetryBackoff:           c.backoff,
		Logger:                 &roundTripLogger{log: log},
	}
	if esc.APIKey == "" {
		esc.Username = getenv(EnvUsername)
		esc.Password = getenv(EnvPassword)
	}
	rt := opt.Transport
	if rt == nil {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.DialContext = (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext
		t.ResponseHeaderTimeout = c.timeout
		t.TLSHandshakeTimeout = 10 * time.Second
		rt = t
	}
	if cfg.CAFile != "" {
		pem, err := os.ReadFile(cfg.CAFile)
		if err != nil {
			return nil, fmt.Errorf("elasticsearch: read ca_file: %w", err)
		}
		ht, ok := rt.(*http.Transport)
		if !ok {
			return nil, fmt.Errorf("elasticsearch: ca_file needs an *http.Transport, got %T", rt)
		}
		ht = ht.Clone()
		if ht.TLSClientConfig == nil {
			ht.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12}
		}
		ht.TLSClientConfig.RootCAs = x509.NewCertPool()
		if !ht.TLSClientConfig.RootCAs.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("elasticsearch: ca_file %s holds no PEM certificate", cfg.CAFile)
		}
		rt = ht
	}
	esc.Transport = rt
	es, err := elasticsearch.NewClient(esc)
	if err != nil {
		return nil, fmt.Errorf("elasticsearch: %w", err)
	}
	c.es = es

	// The Kibana client shares the transport (and its TLS trust) and the credentials.
	c.http = &http.Client{Transport: rt, Timeout: 2 * c.timeout}
	apiKey, user, pass := esc.APIKey, esc.Username, esc.Password
	c.auth = func(r *http.Request) {
		switch {
		case apiKey != "":
			r.Header.Set("Authorization", "ApiKey "+apiKey)
		case user != "" || pass != "":
			r.SetBasicAuth(user, pass)
		}
	}
	return c, nil
}

// ExponentialBackoff returns base·2ⁿ⁻¹ for attempt n (1-based), capped at max.
func ExponentialBackoff(base, max time.Duration) func(int) time.Duration {
	return func(attempt int) time.Duration {
		if attempt < 1 {
			attempt = 1
		}
		d := base
		for i := 1; i < attempt && d < max; i++ {
			d *= 2
		}
		return min(d, max)
	}
}

// Alias returns the alias documents of kind ("articles" or "deals") are
// written to and searched in, e.g. "kozan-deals".
func (c *Client) Alias(kind string) string { return c.prefix + "-" + kind }

// Ping checks that the server answers and is Elasticsearch.
func (c *Client) Ping(ctx context.Context) error {
	var info struct {
		Version struct {
			Number string `json:"number"`
		} `json:"version"`
	}
	if _, err := c.do(ctx, http.MethodGet, "/", nil, &info); err != nil {
		return fmt.Errorf("elasticsearch: %w", err)
	}
	c.log.Debug("elasticsearch reachable", "version", info.Version.Number)
	return nil
}

// Refresh makes everything written so far searchable in both aliases.
func (c *Client) Refresh(ctx context.Context) error {
	_, err := c.do(ctx, http.MethodPost, "/"+c.Alias("articles")+","+c.Alias("deals")+"/_refresh", nil, nil)
	return err
}

// statusError is a non-2xx reply from Elasticsearch.
type statusError struct {
	Method, Path string
	Status       int
	Type, Reason string
}

func (e *statusError) Error() string {
	if e.Type != "" {
		return fmt.Sprintf("%s %s: %d %s: %s", e.Method, e.Path, e.Status, e.Type, e.Reason)
	}
	return fmt.Sprintf("%s %s: %d", e.Method, e.Path, e.Status)
}

// isStatus reports whether err is a statusError with the status.
func isStatus(err error, status int) bool {
	var se *statusError
	return errors.As(err, &se) && se.Status == status
}

// do performs one JSON request through the go-elasticsearch transport
// (retries, product check, auth) and decodes a 2xx reply into out. It
// returns the status; a non-2xx status is a *statusError.
func (c *Client) do(ctx context.Context, method, path string, body, out any) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, 4*c.timeout)
	defer cancel()
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return 0, fmt.Errorf("%s %s: encode: %w", method, path, err)
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, path, rd)
	if err != nil {
		return 0, fmt.Errorf("%s %s: %w", method, path, err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Accept", "application/json")
	res, err := c.es.Perform(req)
	if err != nil {
		return 0, fmt.Errorf("%s %s: %w", method, path, err)
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(res.Body, 64<<20))
	if err != nil {
		return res.StatusCode, fmt.Errorf("%s %s: read reply: %w", method, path, err)
	}
	if res.StatusCode < 200 || res.StatusCode > 299 {
		se := &statusError{Method: method, Path: path, Status: res.StatusCode}
		var e struct {
			Error struct {
				Type   string `json:"type"`
				Reason string `json:"reason"`
			} `json:"error"`
		}
		if json.Unmarshal(raw, &e) == nil {
			se.Type, se.Reason = e.Error.Type, e.Error.Reason
		}
		return res.StatusCode, se
	}
	if out != nil && len(raw) > 0 && method != http.MethodHead {
		if err := json.Unmarshal(raw, out); err != nil {
			return res.StatusCode, fmt.Errorf("%s %s: decode reply: %w", method, path, err)
		}
	}
	return res.StatusCode, nil
}

// transport exposes the go-elasticsearch client as an esapi.Transport.
func (c *Client) transport() esapi.Transport { return c.es }

// roundTripLogger logs each request at debug level: method, path, status and
// duration. It never sees headers or bodies, so credentials cannot leak.
type roundTripLogger struct{ log *slog.Logger }

func (l *roundTripLogger) LogRoundTrip(req *http.Request, res *http.Response, err error, _ time.Time, d time.Duration) error {
	if req == nil {
		return nil
	}
	attrs := []any{"method", req.Method, "path", req.URL.Path, "duration", d}
	if res != nil {
		attrs = append(attrs, "status", res.StatusCode)
	}
	if err != nil {
		attrs = append(attrs, "err", err)
	}
	l.log.Debug("elasticsearch request", attrs...)
	return nil
}

func (l *roundTripLogger) RequestBodyEnabled() bool  { return false }
func (l *roundTripLogger) ResponseBodyEnabled() bool { return false }
