package crawler

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"slices"
	"strings"
)

// defaultStrip lists query parameters that never identify a page. Any
// parameter starting with "utm_" is removed too.
var defaultStrip = []string{"fbclid", "gclid", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid", "_ga", "igshid"}

// Canonical returns the canonical form of an absolute http(s) URL, the
// identity kozan stores a page under:
//
//   - scheme and host are lower-cased, the default port (80, 443) and a
//     trailing dot in the host are removed;
//   - the fragment is dropped;
//   - utm_* parameters, fbclid, gclid (and a few other click IDs) and every
//     parameter named in strip are removed; the remaining query parameters
//     are sorted by name (values keep their order); an empty query is dropped;
//   - the path is cleaned of "." and ".." segments and duplicate slashes; an
//     empty path becomes "/"; a trailing slash is kept as the site wrote it
//     (servers may treat /a and /a/ as different pages; sites that do not
//     say so with rel=canonical, which the crawler follows).
//
// Canonical does not resolve AMP variants; see ampOriginal.
func Canonical(raw string, strip []string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", fmt.Errorf("canonical %q: %w", raw, err)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("canonical %q: not an http(s) URL", raw)
	}
	if u.Host == "" {
		return "", fmt.Errorf("canonical %q: %w", raw, errors.New("no host"))
	}
	u.User = nil
	host, port := u.Hostname(), u.Port()
	host = strings.TrimRight(strings.ToLower(host), ".")
	if host == "" {
		return "", fmt.Errorf("canonical %q: %w", raw, errors.New("no host"))
	}
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	if port != "" {
		u.Host = net.JoinHostPort(host, port)
	} else if strings.Contains(host, ":") {
		u.Host = "[" + host + "]"
	} else {
		u.Host = host
	}
	u.Fragment, u.RawFragment = "", ""
	u.Path = cleanPath(u.Path)
	u.RawPath = ""
	u.RawQuery = cleanQuery(u.RawQuery, strip)
	u.ForceQuery = false
	return u.String(), nil
}

// cleanPath removes dot segments and duplicate slashes, keeping a trailing slash.
func cleanPath(p string) string {
	if p == "" {
		return "/"
	}
	trailing := strings.HasSuffix(p, "/")
	var out []string
	for _, seg := range strings.Split(p, "/") {
		switch seg {
		case "", ".":
		case "..":
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
		default:
			out = append(out, seg)
		}
	}
	s := "/" + strings.Join(out, "/")
	if trailing && s != "/" {
		s += "/"
	}
	return s
}

// cleanQuery drops tracking parameters and sorts the rest by name.
func cleanQuery(raw string, strip []string) string {
	if raw == "" {
		return ""
	}
	type kv struct{ k, raw string }
	var keep []kv
	for _, part := range strings.Split(raw, "&") {
		if part == "" {
			continue
		}
		k, _, _ := strings.Cut(part, "=")
		name, err := url.QueryUnescape(k)
		if err != nil {
			name = k
		}
		if dropParam(name, strip) {
			continue
		}
		keep = append(keep, kv{name, part})
	}
	slices.SortStableFunc(keep, func(a, b kv) int { return strings.Compare(a.k, b.k) })
	parts := make([]string, len(keep))
	for i, p := range keep {
		parts[i] = p.raw
	}
	return strings.Join(parts, "&")
}

func dropParam(name string, strip []string) bool {
	l := strings.ToLower(name)
	if strings.HasPrefix(l, "utm_") || slices.Contains(defaultStrip, l) {
		return true
	}
	for _, s := range strip {
		if strings.EqualFold(s, name) {
			return true
		}
	}
	return false
}

// ampOriginal returns the non-AMP URL of a canonical AMP URL (a path ending in
// /amp or /amp/, an amp or amp=1 query parameter, an "amp." host when hostOK
// accepts the host without it) and true, or the URL unchanged and false.
func ampOriginal(canon string, hostOK func(string) bool) (string, bool) {
	u, err := url.Parse(canon)
	if err != nil {
		return canon, false
	}
	changed := false
	if q := u.Query(); q.Has("amp") && (q.Get("amp") == "" || q.Get("amp") == "1" || q.Get("amp") == "true") {
		var parts []string
		for _, part := range strings.Split(u.RawQuery, "&") {
			if k, _, _ := strings.Cut(part, "="); k != "amp" {
				parts = append(parts, part)
			}
		}
		u.RawQuery = strings.Join(parts, "&")
		changed = true
	}
	switch {
	case strings.HasSuffix(u.Path, "/amp/"):
		u.Path = strings.TrimSuffix(u.Path, "amp/")
		changed = true
	case strings.HasSuffix(u.Path, "/amp"):
		u.Path = strings.TrimSuffix(u.Path, "amp")
		changed = true
	case strings.HasPrefix(u.Path, "/amp/"):
		u.Path = strings.TrimPrefix(u.Path, "/amp")
		changed = true
	}
	if h := u.Host; strings.HasPrefix(h, "amp.") && hostOK != nil && hostOK(strings.TrimPrefix(h, "amp.")) {
		u.Host = strings.TrimPrefix(h, "amp.")
		changed = true
	}
	if !changed {
		return canon, false
	}
	return u.String(), true
}
