package demo

import (
	"bytes"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net"
	"net/http"
	"net/url"
	"path"
	"strings"
	"sync"
	"time"
)

// Site names: the config source names of the two sites.
const (
	SiteJA = "demo-ja" // the Japanese news site
	SiteEN = "demo-en" // the English press-release wire
)

// siteDirs maps a site name to its directory under sites/.
var siteDirs = map[string]string{SiteJA: "sites/ja", SiteEN: "sites/en"}

//go:embed sites
var sitesFS embed.FS

// basePlaceholder is replaced with the site's base URL in every served file;
// its query-escaped form (in share links) with the escaped base URL.
const (
	basePlaceholder        = "{{BASE}}"
	basePlaceholderEscaped = "%7B%7BBASE%7D%7D"
)

// Server serves the two demo sites on 127.0.0.1, one listener (port) each.
type Server struct {
	sites     map[string]*site
	closeOnce sync.Once
	stop      func() bool
}

type site struct {
	name  string
	base  string // http://127.0.0.1:PORT
	files map[string]*file
	srv   *http.Server

	mu   sync.Mutex
	hits map[string]int // request path → requests
}

// file is one servable file with its validators.
type file struct {
	body  []byte
	ctype string
	etag  string
	mod   time.Time
}

// Start listens on two loopback ports and serves the embedded sites until
// Close is called or ctx is done.
func Start(ctx context.Context) (*Server, error) {
	mods, err := loadManifest()
	if err != nil {
		return nil, err
	}
	s := &Server{sites: map[string]*site{}}
	for _, name := range []string{SiteJA, SiteEN} {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			s.Close()
			return nil, fmt.Errorf("demo: listen for %s: %w", name, err)
		}
		st := &site{name: name, base: "http://" + ln.Addr().String(), hits: map[string]int{}}
		if st.files, err = loadSite(siteDirs[name], st.base, mods[name]); err != nil {
			ln.Close()
			s.Close()
			return nil, fmt.Errorf("demo: %s: %w", name, err)
		}
		st.srv = &http.Server{
			Handler:           st,
			ReadHeaderTimeout: 10 * time.Second,
			ErrorLog:          log.New(io.Discard, "", 0),
			BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
		}
		s.sites[name] = st
		go st.srv.Serve(ln) //nolint:errcheck // returns http.ErrServerClosed on Close
	}
	s.stop = context.AfterFunc(ctx, s.Close)
	return s, nil
}

// Close stops both servers at once; it is safe to call more than once.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		if s.stop != nil {
			s.stop()
		}
		for _, st := range s.sites {
			if st.srv != nil {
				st.srv.Close()
			}
		}
	})
}

// URL returns the base URL (http://127.0.0.1:PORT, no trailing slash) of the
// site named SiteJA or SiteEN, or "" for another name.
func (s *Server) URL(site string) string {
	if st, ok := s.sites[site]; ok {
		return st.base
	}
	return ""
}

// Hits reports how many requests the site received for the path (query
// ignored): tests use it to check that a crawler kept out of robots.txt
// Disallow paths or fetched a page only once.
func (s *Server) Hits(site, path string) int {
	st, ok := s.sites[site]
	if !ok {
		return 0
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.hits[path]
}

func loadManifest() (map[string]map[string]time.Time, error) {
	b, err := sitesFS.ReadFile("sites/manifest.json")
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	var m map[string]map[string]time.Time
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("demo: manifest: %w", err)
	}
	return m, nil
}

// loadSite reads every file of a site, substituting the base URL.
func loadSite(dir, base string, mods map[string]time.Time) (map[string]*file, error) {
	files := map[string]*file{}
	err := fs.WalkDir(sitesFS, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := sitesFS.ReadFile(p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, dir+"/")
		b = bytes.ReplaceAll(b, []byte(basePlaceholder), []byte(base))
		b = bytes.ReplaceAll(b, []byte(basePlaceholderEscaped), []byte(url.QueryEscape(base)))
		sum := sha256.Sum256(b)
		mod, ok := mods[name]
		if !ok {
			return fmt.Errorf("%s: not in manifest.json", name)
		}
		files[name] = &file{body: b, ctype: contentType(name), etag: `"` + hex.EncodeToString(sum[:10]) + `"`, mod: mod}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", dir, err)
	}
	if files["404.html"] == nil {
		return nil, errors.New("no 404.html")
	}
	return files, nil
}

// contentType is the Content-Type a real server sends for the file.
func contentType(name string) string {
	switch path.Ext(name) {
	case ".html":
		return "text/html; charset=utf-8"
	case ".rss":
		return "application/rss+xml; charset=UTF-8"
	case ".atom":
		return "application/atom+xml; charset=utf-8"
	case ".xml":
		return "application/xml; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".json":
		return "application/json"
	default:
		return "text/plain; charset=utf-8"
	}
}

// ServeHTTP serves one file. Directory paths serve their index.html (or
// index.rss for a feed); a directory path without its slash, and a
// WordPress shortlink /?p=ID, redirect permanently to the canonical path.
func (st *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	st.mu.Lock()
	st.hits[r.URL.Path]++
	st.mu.Unlock()
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Server", "nginx")
	p := r.URL.Path
	if p == "/" {
		if id := r.URL.Query().Get("p"); id != "" {
			if _, ok := st.files["archives/"+id+"/index.html"]; ok {
				http.Redirect(w, r, "/archives/"+id+"/", http.StatusMovedPermanently)
				return
			}
		}
	}
	f, redirect := st.lookup(p)
	if redirect != "" {
		http.Redirect(w, r, redirect, http.StatusMovedPermanently)
		return
	}
	if f == nil {
		nf := st.files["404.html"]
		w.Header().Set("Content-Type", nf.ctype)
		w.WriteHeader(http.StatusNotFound)
		if r.Method == http.MethodGet {
			w.Write(nf.body) //nolint:errcheck // the client went away
		}
		return
	}
	w.Header().Set("Content-Type", f.ctype)
	w.Header().Set("ETag", f.etag)
	w.Header().Set("Cache-Control", "public, max-age=300")
	http.ServeContent(w, r, "", f.mod, bytes.NewReader(f.body))
}

// lookup finds the file for a request path, or the path to redirect to.
func (st *site) lookup(p string) (f *file, redirect string) {
	if !strings.HasPrefix(p, "/") || strings.Contains(p, "..") || strings.Contains(p, "//") {
		return nil, ""
	}
	name := p[1:]
	if name == "404.html" {
		return nil, ""
	}
	if name == "" || strings.HasSuffix(name, "/") {
		for _, idx := range []string{"index.html", "index.rss"} {
			if f := st.files[name+idx]; f != nil {
				return f, ""
			}
		}
		return nil, ""
	}
	if f := st.files[name]; f != nil {
		return f, ""
	}
	for _, idx := range []string{"/index.html", "/index.rss"} {
		if st.files[name+idx] != nil {
			return nil, p + "/"
		}
	}
	return nil, ""
}
