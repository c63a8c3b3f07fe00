package crawler

import (
	"context"
	"errors"
	"net"
	"net/url"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/japanese"
)

func enc(t testing.TB, e interface{ String(string) (string, error) }, s string) []byte {
	b, err := e.String(s)
	if err != nil {
		t.Fatal(err)
	}
	return []byte(b)
}

func TestDecodeHTML(t *testing.T) {
	const ja = "採掘企業が電力契約を締結"
	longHead := "<script>" + strings.Repeat("/* padding */", 200) + "</script>"
	tests := []struct {
		name, ct    string
		body        []byte
		wantCharset string
	}{
		{"utf8 plain", "text/html", []byte("<html><body>" + ja + "</body></html>"), "utf-8"},
		{"header shift_jis", "text/html; charset=Shift_JIS", enc(t, japanese.ShiftJIS.NewEncoder(), "<p>"+ja+"</p>"), "shift_jis"},
		{"header euc-jp", "text/html; charset=euc-jp", enc(t, japanese.EUCJP.NewEncoder(), "<p>"+ja+"</p>"), "euc-jp"},
		{"meta after 1024 bytes", "text/html", enc(t, japanese.ShiftJIS.NewEncoder(), "<html><head>"+longHead+`<meta charset="Shift_JIS"></head><body>`+ja+"</body></html>"), "shift_jis"},
		{"http-equiv euc", "", enc(t, japanese.EUCJP.NewEncoder(), `<head><meta http-equiv="Content-Type" content="text/html; charset=EUC-JP"></head><body>`+ja), "euc-jp"},
		{"iso-2022-jp meta", "text/html", enc(t, japanese.ISO2022JP.NewEncoder(), `<head><meta charset="iso-2022-jp"></head><body>`+ja), "iso-2022-jp"},
		{"xml prolog", "application/xml", enc(t, japanese.ShiftJIS.NewEncoder(), `<?xml version="1.0" encoding="Shift_JIS"?><rss><title>`+ja+`</title></rss>`), "shift_jis"},
		{"bom beats header", "text/html; charset=Shift_JIS", []byte("\xef\xbb\xbf<p>" + ja + "</p>"), "utf-8"},
		{"undeclared shift_jis detected", "text/html", enc(t, japanese.ShiftJIS.NewEncoder(), "<html><body><p>"+strings.Repeat(ja+"。", 20)+"</p></body></html>"), "shift_jis"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, cs, err := DecodeHTML(tc.body, tc.ct)
			if err != nil {
				t.Fatal(err)
			}
			if cs != tc.wantCharset {
				t.Errorf("charset = %q, want %q", cs, tc.wantCharset)
			}
			if !strings.Contains(string(got), ja) {
				t.Errorf("decoded body lacks %q: %.120q", ja, got)
			}
			if strings.HasPrefix(string(got), "\ufeff") {
				t.Errorf("BOM kept")
			}
			// Exactly once: decoding the result again changes nothing.
			again, cs2, err := DecodeHTML(got, "")
			if err != nil || string(again) != string(got) || cs2 != "utf-8" {
				t.Errorf("second decode changed the body or charset (%q)", cs2)
			}
		})
	}
}

func TestCanonical(t *testing.T) {
	tests := []struct{ in, want string }{
		{"HTTP://Example.COM:80/a/b?utm_source=x&b=2&a=1#frag", "http://example.com/a/b?a=1&b=2"},
		{"https://example.com:443", "https://example.com/"},
		{"https://example.com/a/./b/../c/", "https://example.com/a/c/"},
		{"https://example.com//a//b", "https://example.com/a/b"},
		{"https://example.com/a?fbclid=1&gclid=2&utm_medium=m", "https://example.com/a"},
		{"https://example.com/a?ref=home&id=3", "https://example.com/a?id=3"},
		{"https://example.com./a/", "https://example.com/a/"},
		{"http://127.0.0.1:8080/news/1.html?", "http://127.0.0.1:8080/news/1.html"},
		{"https://ex.com/?p=12", "https://ex.com/?p=12"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := Canonical(tc.in, []string{"ref"})
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("Canonical(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
	for _, bad := range []string{"ftp://x/a", "/relative", "http://"} {
		if _, err := Canonical(bad, nil); err == nil {
			t.Errorf("Canonical(%q) accepted", bad)
		}
	}
}

func TestAMPOriginal(t *testing.T) {
	ok := func(h string) bool { return h == "example.com" }
	tests := []struct {
		in, want string
		changed  bool
	}{
		{"https://example.com/news/x/amp/", "https://example.com/news/x/", true},
		{"https://example.com/news/x/amp", "https://example.com/news/x/", true},
		{"https://example.com/news/x?amp=1", "https://example.com/news/x", true},
		{"https://amp.example.com/news/x", "https://example.com/news/x", true},
		{"https://amp.other.com/news/x", "https://amp.other.com/news/x", false},
		{"https://example.com/news/ampere", "https://example.com/news/ampere", false},
	}
	for _, tc := range tests {
		got, changed := ampOriginal(tc.in, ok)
		if got != tc.want || changed != tc.changed {
			t.Errorf("ampOriginal(%q) = %q, %v; want %q, %v", tc.in, got, changed, tc.want, tc.changed)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
	}{
		{"Mon, 02 Feb 2026 10:00:00 PRC+0800", time.Date(2026, 2, 2, 2, 0, 0, 0, time.UTC)},
		{"Mon, 02 Feb 2026 10:00:00 GMT+09:00", time.Date(2026, 2, 2, 1, 0, 0, 0, time.UTC)},
		{"Mon, 02 Feb 2026 10:00:00 JST", time.Date(2026, 2, 2, 1, 0, 0, 0, time.UTC)},
		{"Tue, 17 Feb 2026 10:00:00 GMT", time.Date(2026, 2, 17, 10, 0, 0, 0, time.UTC)},
		{"2026-02-18T09:00:00+09:00", time.Date(2026, 2, 18, 0, 0, 0, 0, time.UTC)},
		{"2026-02-19", time.Date(2026, 2, 19, 0, 0, 0, 0, time.UTC)},
		{"2026年2月20日 10時30分", time.Date(2026, 2, 20, 1, 30, 0, 0, time.UTC)},
	}
	for _, tc := range tests {
		got := parseDate(tc.in)
		if got == nil || !got.Equal(tc.want) {
			t.Errorf("parseDate(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
	if got := parseDate("sometime soon"); got != nil {
		t.Errorf("parseDate(garbage) = %v, want nil", got)
	}
}

type fakeResolver map[string]string

func (f fakeResolver) LookupIPAddr(_ context.Context, host string) ([]net.IPAddr, error) {
	if ip, ok := f[host]; ok {
		return []net.IPAddr{{IP: net.ParseIP(ip)}}, nil
	}
	return nil, errors.New("no such host")
}

func TestGuard(t *testing.T) {
	r := fakeResolver{"intranet.example": "10.0.0.5", "cdn.example": "93.184.216.34", "meta.example": "169.254.169.254"}
	g := newGuard([]string{"http://127.0.0.1:8080/feed", "https://www.news.example/rss"},
		[]string{"intranet.example", "cdn.example", "meta.example"}, false, r)
	tests := []struct {
		u    string
		want error
	}{
		{"http://127.0.0.1:8080/a", nil},            // named in sources: any address
		{"http://127.0.0.1:9090/a", errOffHost},     // same IP, other port: another site
		{"https://news.example/a", nil},             // www. sibling of a source host
		{"https://jp.news.example/a", nil},          // subdomain
		{"https://evil.example/a", errOffHost},      // not configured
		{"https://intranet.example/a", errPrivate},  // allow_hosts, but private
		{"https://meta.example/latest", errPrivate}, // link-local metadata address
		{"https://cdn.example/a", nil},              // allow_hosts, public
		{"http://192.168.1.1/admin", errOffHost},    // bare private IP, not configured
	}
	for _, tc := range tests {
		u, _ := url.Parse(tc.u)
		err := g.check(context.Background(), u)
		if !errors.Is(err, tc.want) && !(err == nil && tc.want == nil) {
			t.Errorf("check(%s) = %v, want %v", tc.u, err, tc.want)
		}
	}
	g2 := newGuard(nil, []string{"intranet.example"}, true, r)
	if err := g2.check(context.Background(), &url.URL{Scheme: "https", Host: "intranet.example"}); err != nil {
		t.Errorf("allow_private: %v", err)
	}
}

func isUTF8(b []byte) bool { return utf8.Valid(b) }

func FuzzDecodeHTML(f *testing.F) {
	f.Add([]byte("<html><head><meta charset=shift_jis></head><body>\x82\xa0</body></html>"), "text/html")
	f.Add([]byte("\xef\xbb\xbf<p>x</p>"), "text/html; charset=euc-jp")
	f.Add([]byte(`<?xml version="1.0" encoding="EUC-JP"?><rss/>`), "")
	f.Add([]byte("\xff\xfe<\x00p\x00>\x00"), "")
	f.Fuzz(func(t *testing.T, body []byte, ct string) {
		out, _, err := DecodeHTML(body, ct)
		if err != nil {
			return
		}
		if !isUTF8(out) {
			t.Errorf("output is not UTF-8")
		}
	})
}

func FuzzCanonical(f *testing.F) {
	for _, s := range []string{"HTTP://A.com:80/x/../y?utm_a=1&b=2#f", "https://[::1]:443/a", "http://a.com/%zz", "https://a.com/?a=1&a=0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		c, err := Canonical(raw, nil)
		if err != nil {
			return
		}
		c2, err := Canonical(c, nil)
		if err != nil || c2 != c {
			t.Errorf("not idempotent: %q → %q → %q (%v)", raw, c, c2, err)
		}
	})
}

func FuzzParseFeed(f *testing.F) {
	f.Add([]byte(`<rss><channel><item><link>http://a/1</link><pubDate>Mon, 02 Feb 2026 10:00:00 PRC+0800</pubDate></item></channel></rss>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="http://a/2"/></entry></feed>`))
	f.Add([]byte(`<urlset><url><loc>http://a/3</loc><lastmod>2026-01-01</lastmod></url></urlset>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _ = parseFeed(b)
		_, _, _ = parseSitemap(b)
		_, _ = scanFeed(b)
		_ = parseDate(string(b))
	})
}
