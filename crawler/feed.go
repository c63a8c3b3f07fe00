package crawler

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// feedItem is one entry of a feed or sitemap.
type feedItem struct {
	Link  string
	Title string
	Date  *time.Time
}

// parseFeed reads an RSS 2.0, RSS 1.0/RDF or Atom feed already decoded to
// UTF-8 (DecodeHTML rewrote its prolog, so gofeed does not decode again).
// When gofeed rejects the feed, a tolerant scan of <item>/<entry> elements
// takes over. Dates gofeed cannot parse are parsed leniently, so an odd zone
// never drops an item.
func parseFeed(body []byte) ([]feedItem, error) {
	f, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		items, ferr := scanFeed(body)
		if ferr != nil || len(items) == 0 {
			return nil, fmt.Errorf("parse feed: %w", errors.Join(err, ferr))
		}
		return items, nil
	}
	items := make([]feedItem, 0, len(f.Items))
	for _, it := range f.Items {
		link := strings.TrimSpace(it.Link)
		if link == "" && len(it.Links) > 0 {
			link = strings.TrimSpace(it.Links[0])
		}
		if link == "" && strings.HasPrefix(it.GUID, "http") {
			link = it.GUID
		}
		if link == "" {
			continue
		}
		fi := feedItem{Link: link, Title: strings.TrimSpace(it.Title)}
		switch {
		case it.PublishedParsed != nil:
			fi.Date = it.PublishedParsed
		case it.Published != "":
			fi.Date = parseDate(it.Published)
		case it.UpdatedParsed != nil:
			fi.Date = it.UpdatedParsed
		case it.Updated != "":
			fi.Date = parseDate(it.Updated)
		}
		if fi.Date != nil && fi.Date.IsZero() {
			fi.Date = nil
		}
		items = append(items, fi)
	}
	return items, nil
}

// scanFeed is the fallback parser: any <item> or <entry> with a link.
func scanFeed(body []byte) ([]feedItem, error) {
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var (
		items []feedItem
		cur   *feedItem
		field string
		text  strings.Builder
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return items, nil
		}
		if err != nil {
			return items, fmt.Errorf("scan feed: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			switch {
			case name == "item" || name == "entry":
				cur = &feedItem{}
			case cur == nil:
			case name == "link":
				for _, a := range t.Attr {
					if a.Name.Local == "href" && cur.Link == "" {
						rel := attr(t.Attr, "rel")
						if rel == "" || rel == "alternate" {
							cur.Link = strings.TrimSpace(a.Value)
						}
					}
				}
				field, text = name, strings.Builder{}
			case name == "title" || name == "pubdate" || name == "date" || name == "published" || name == "updated":
				field, text = name, strings.Builder{}
			}
		case xml.CharData:
			if field != "" {
				text.Write(t)
			}
		case xml.EndElement:
			name := strings.ToLower(t.Name.Local)
			if cur != nil && name == field {
				v := strings.TrimSpace(text.String())
				switch field {
				case "link":
					if cur.Link == "" {
						cur.Link = v
					}
				case "title":
					cur.Title = v
				default:
					if cur.Date == nil {
						cur.Date = parseDate(v)
					}
				}
				field = ""
			}
			if (name == "item" || name == "entry") && cur != nil {
				if cur.Link != "" {
					items = append(items, *cur)
				}
				cur = nil
			}
		}
	}
}

func attr(as []xml.Attr, name string) string {
	for _, a := range as {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

var (
	// reZoneOffset matches a zone name glued to a numeric offset: "PRC+0800", "GMT+09:00", "JST+0900".
	reZoneOffset = regexp.MustCompile(`\b[A-Za-z]{2,5}([+-]\d{2}:?\d{2})\b`)
	reJapanese   = regexp.MustCompile(`(\d{4})年\s*(\d{1,2})月\s*(\d{1,2})日(?:\s*(\d{1,2})[時:](\d{2})分?)?`)
	dateLayouts  = []string{
		time.RFC3339Nano, time.RFC3339, time.RFC1123Z, time.RFC1123, time.RFC822Z, time.RFC822, time.RFC850,
		"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 -07:00", "Mon, 2 Jan 2006 15:04:05 MST", "Mon, 2 Jan 2006 15:04 -0700",
		"2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05", "Mon, 02 Jan 2006", "2 Jan 2006",
		"2006-01-02T15:04:05-0700", "2006-01-02T15:04:05", "2006-01-02T15:04Z07:00", "2006-01-02 15:04:05 -0700",
		"2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02", "2006/01/02 15:04:05", "2006/01/02 15:04", "2006/01/02",
		"January 2, 2006", "Jan 2, 2006",
	}
	zoneOffsets = map[string]int{"JST": 9, "KST": 9, "CST": -6, "EST": -5, "EDT": -4, "PST": -8, "PDT": -7,
		"CET": 1, "CEST": 2, "BST": 1, "HKT": 8, "SGT": 8, "PRC": 8, "UTC": 0, "GMT": 0, "UT": 0, "Z": 0}
)

// parseDate parses the date formats feeds and sitemaps use in the wild; it
// returns nil when nothing fits (the item is kept, undated).
func parseDate(s string) *time.Time {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return nil
	}
	if m := reJapanese.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		h, mi := 0, 0
		if m[4] != "" {
			h, _ = strconv.Atoi(m[4])
			mi, _ = strconv.Atoi(m[5])
		}
		t := time.Date(y, time.Month(mo), d, h, mi, 0, 0, time.FixedZone("JST", 9*3600))
		return &t
	}
	cands := []string{s, reZoneOffset.ReplaceAllString(s, "$1")}
	for _, c := range cands {
		for _, l := range dateLayouts {
			if t, err := time.Parse(l, c); err == nil {
				t = fixZone(t, c)
				return &t
			}
		}
	}
	return nil
}

// fixZone gives a time parsed with an unknown zone abbreviation (Go keeps
// it as offset 0) the offset the abbreviation stands for.
func fixZone(t time.Time, s string) time.Time {
	name, off := t.Zone()
	if off != 0 || name == "" || name == "UTC" {
		return t
	}
	if h, ok := zoneOffsets[strings.ToUpper(name)]; ok && h != 0 && strings.Contains(s, name) {
		return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(),
			time.FixedZone(name, h*3600))
	}
	return t
}
