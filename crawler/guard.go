package crawler

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strings"
	"sync"
)

// Resolver looks up host addresses; *net.Resolver implements it.
type Resolver interface {
	LookupIPAddr(ctx context.Context, host string) ([]net.IPAddr, error)
}

var (
	errOffHost = errors.New("host is not a configured source host")
	errPrivate = errors.New("host resolves to a private, loopback or link-local address")
)

// guard decides which hosts may be fetched: hosts named in the sources
// (any address, so loopback test sites work), their subdomains on the same
// port (www. dropped), and allow_hosts; a host that is not named in the
// sources is refused when it resolves to a private address, unless
// allow_private is set.
type guard struct {
	sourceHosts  map[string]bool // host[:port] as in canonical URLs
	sourceNames  map[string]bool // hostnames only
	allowHosts   map[string]bool // hostnames or host:port from allow_hosts
	allowPrivate bool
	resolver     Resolver

	mu    sync.Mutex
	cache map[string]error // hostname → errPrivate or nil
}

func newGuard(sourceURLs []string, allowHosts []string, allowPrivate bool, r Resolver) *guard {
	g := &guard{sourceHosts: map[string]bool{}, sourceNames: map[string]bool{}, allowHosts: map[string]bool{},
		allowPrivate: allowPrivate, resolver: r, cache: map[string]error{}}
	if g.resolver == nil {
		g.resolver = net.DefaultResolver
	}
	for _, s := range sourceURLs {
		c, err := Canonical(s, nil)
		if err != nil {
			continue
		}
		u, _ := url.Parse(c)
		g.sourceHosts[u.Host] = true
		g.sourceNames[u.Hostname()] = true
	}
	for _, h := range allowHosts {
		g.allowHosts[strings.ToLower(strings.TrimSpace(h))] = true
	}
	return g
}

// hostAllowed reports whether a canonical host[:port] is a source host,
// a subdomain of one on the same port, or in allow_hosts.
func (g *guard) hostAllowed(host string) bool {
	if g.sourceHosts[host] || g.allowHosts[host] {
		return true
	}
	name, port := splitHostPort(host)
	if g.allowHosts[name] {
		return true
	}
	if _, err := netip.ParseAddr(name); err == nil {
		return false
	}
	for sh := range g.sourceHosts {
		sname, sport := splitHostPort(sh)
		if sport != port {
			continue
		}
		base := strings.TrimPrefix(sname, "www.")
		if name == base || strings.HasSuffix(name, "."+base) {
			return true
		}
	}
	return false
}

// named reports whether the hostname is named in the sources or allow_hosts
// explicitly enough to skip the private-address check.
func (g *guard) named(name string) bool {
	return g.allowPrivate || g.sourceNames[name]
}

// check returns errOffHost or errPrivate (wrapped) when u may not be fetched.
func (g *guard) check(ctx context.Context, u *url.URL) error {
	if !g.hostAllowed(u.Host) {
		return fmt.Errorf("%s: %w", u.Host, errOffHost)
	}
	name := u.Hostname()
	if g.named(name) {
		return nil
	}
	g.mu.Lock()
	err, ok := g.cache[name]
	g.mu.Unlock()
	if ok {
		return err
	}
	_, err = g.resolvePublic(ctx, name)
	if err != nil && !errors.Is(err, errPrivate) {
		return nil // resolution failures surface when the request is made
	}
	g.mu.Lock()
	g.cache[name] = err
	g.mu.Unlock()
	return err
}

// resolvePublic resolves name and fails with errPrivate if any address is
// not public.
func (g *guard) resolvePublic(ctx context.Context, name string) ([]net.IPAddr, error) {
	if ip, err := netip.ParseAddr(name); err == nil {
		if !publicAddr(ip) {
			return nil, fmt.Errorf("%s: %w", name, errPrivate)
		}
		return []net.IPAddr{{IP: net.IP(ip.AsSlice())}}, nil
	}
	addrs, err := g.resolver.LookupIPAddr(ctx, name)
	if err != nil {
		return nil, fmt.Errorf("resolve %s: %w", name, err)
	}
	for _, a := range addrs {
		ip, ok := netip.AddrFromSlice(a.IP)
		if !ok || !publicAddr(ip.Unmap()) {
			return nil, fmt.Errorf("%s (%s): %w", name, a.IP, errPrivate)
		}
	}
	if len(addrs) == 0 {
		return nil, fmt.Errorf("resolve %s: no address", name)
	}
	return addrs, nil
}

// dialContext dials through the guard: hosts not named in the sources must
// resolve to public addresses only, which also defeats DNS rebinding.
func (g *guard) dialContext(d *net.Dialer) func(ctx context.Context, network, addr string) (net.Conn, error) {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		name, port, err := net.SplitHostPort(addr)
		if err != nil {
			return nil, err
		}
		if g.named(strings.ToLower(name)) {
			return d.DialContext(ctx, network, addr)
		}
		addrs, err := g.resolvePublic(ctx, name)
		if err != nil {
			return nil, err
		}
		var last error
		for _, a := range addrs {
			c, err := d.DialContext(ctx, network, net.JoinHostPort(a.IP.String(), port))
			if err == nil {
				return c, nil
			}
			last = err
		}
		return nil, last
	}
}

func publicAddr(ip netip.Addr) bool {
	return ip.IsValid() && !ip.IsLoopback() && !ip.IsPrivate() && !ip.IsLinkLocalUnicast() &&
		!ip.IsLinkLocalMulticast() && !ip.IsUnspecified() && !ip.IsMulticast() &&
		!ip.IsInterfaceLocalMulticast() && !netip.MustParsePrefix("100.64.0.0/10").Contains(ip)
}

func splitHostPort(host string) (string, string) {
	if h, p, err := net.SplitHostPort(host); err == nil {
		return strings.Trim(h, "[]"), p
	}
	return strings.Trim(host, "[]"), ""
}
