package crawler

import (
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// maxSitemap bounds an uncompressed sitemap (the protocol's own limit is 50 MB).
const maxSitemap = 50 << 20

// sitemapDoc covers <sitemapindex> and <urlset> (with news:news extensions).
type sitemapDoc struct {
	XMLName  xml.Name
	Sitemaps []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
	} `xml:"sitemap"`
	URLs []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
		News    struct {
			Title   string `xml:"title"`
			PubDate string `xml:"publication_date"`
		} `xml:"news"`
	} `xml:"url"`
}

// gunzipIfNeeded inflates a gzip body (a .xml.gz that neither the server nor
// colly decoded) up to maxSitemap bytes; other bodies are returned as is.
func gunzipIfNeeded(body []byte) ([]byte, error) {
	if len(body) < 2 || body[0] != 0x1f || body[1] != 0x8b {
		return body, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("gunzip: %w", err)
	}
	defer zr.Close()
	out, err := io.ReadAll(io.LimitReader(zr, maxSitemap+1))
	if err != nil {
		return nil, fmt.Errorf("gunzip: %w", err)
	}
	if len(out) > maxSitemap {
		return nil, fmt.Errorf("gunzip: sitemap over %d bytes", maxSitemap)
	}
	return out, nil
}

// parseSitemap reads a UTF-8 sitemap index or urlset. It returns the child
// sitemaps and the page URLs, with news titles and dates (or lastmod) as hints.
func parseSitemap(body []byte) (children, pages []feedItem, err error) {
	var doc sitemapDoc
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.Strict = false
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	if err := dec.Decode(&doc); err != nil {
		return nil, nil, fmt.Errorf("parse sitemap: %w", err)
	}
	switch strings.ToLower(doc.XMLName.Local) {
	case "sitemapindex", "urlset":
	default:
		return nil, nil, fmt.Errorf("parse sitemap: root element %q", doc.XMLName.Local)
	}
	for _, s := range doc.Sitemaps {
		if loc := strings.TrimSpace(s.Loc); loc != "" {
			children = append(children, feedItem{Link: loc, Date: parseDate(s.LastMod)})
		}
	}
	for _, u := range doc.URLs {
		loc := strings.TrimSpace(u.Loc)
		if loc == "" {
			continue
		}
		it := feedItem{Link: loc, Title: strings.TrimSpace(u.News.Title)}
		if d := parseDate(u.News.PubDate); d != nil {
			it.Date = d
		} else {
			it.Date = parseDate(u.LastMod)
		}
		pages = append(pages, it)
	}
	return children, pages, nil
}
