package sitegen

import (
	"bufio"
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Block is one block of an article body.
type Block struct {
	Kind string // "p", "h2", "quote" or "li"
	Text string
}

// Term is a category or tag: a URL slug and a label.
type Term struct {
	Slug  string
	Label string
}

// Article is one story as written in a content file.
type Article struct {
	File      string    // content file name, for error messages
	ID        string    // numeric post ID (Japanese site) or "" (English site)
	Slug      string    // URL slug
	Title     string    //
	Excerpt   string    // listing and feed summary
	Author    string    //
	Dateline  string    // press-release dateline city ("AUSTIN, Texas"), English site
	Published time.Time //
	Modified  time.Time // zero when never updated
	DateStyle string    // how the page states its date: time, jsonld, meta, text, reiwa
	Category  Term      //
	Tags      []Term    //
	Popular   bool      // listed in the sidebar's popular teasers
	Hidden    string    // "feed": left out of the feed (older than its window); "listing": left out of listings
	Body      []Block   //
	Path      string    // site path, set by the site renderer
}

// LastMod is the article's modification time, or its publication time.
func (a *Article) LastMod() time.Time {
	if a.Modified.IsZero() {
		return a.Published
	}
	return a.Modified
}

// DateStyles lists the accepted date_style values.
var dateStyles = map[string]bool{"time": true, "jsonld": true, "meta": true, "text": true, "reiwa": true}

// ParseArticle parses one content file: "key: value" header lines, a blank
// line, then the body. In the body, blank lines separate paragraphs; a line
// starting "## " is a heading, "> " a quotation, "- " a list item.
func ParseArticle(name string, b []byte) (*Article, error) {
	a := &Article{File: name}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	line := 0
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%s:%d: %s", name, line, fmt.Sprintf(format, args...))
	}
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" {
			break
		}
		k, v, ok := strings.Cut(s, ":")
		if !ok {
			return nil, bad("header line without colon: %q", s)
		}
		v = strings.TrimSpace(v)
		var err error
		switch strings.TrimSpace(k) {
		case "id":
			if _, err = strconv.Atoi(v); err != nil {
				return nil, bad("id: %v", err)
			}
			a.ID = v
		case "slug":
			a.Slug = v
		case "title":
			a.Title = v
		case "excerpt":
			a.Excerpt = v
		case "author":
			a.Author = v
		case "dateline":
			a.Dateline = v
		case "published":
			a.Published, err = time.Parse(time.RFC3339, v)
		case "modified":
			a.Modified, err = time.Parse(time.RFC3339, v)
		case "date_style":
			if !dateStyles[v] {
				return nil, bad("unknown date_style %q", v)
			}
			a.DateStyle = v
		case "category":
			a.Category, err = parseTerm(v)
		case "tags":
			for _, t := range strings.Split(v, ",") {
				term, err := parseTerm(t)
				if err != nil {
					return nil, bad("tags: %v", err)
				}
				a.Tags = append(a.Tags, term)
			}
		case "popular":
			a.Popular, err = strconv.ParseBool(v)
		case "hidden":
			if v != "feed" && v != "listing" {
				return nil, bad("hidden must be feed or listing, got %q", v)
			}
			a.Hidden = v
		default:
			return nil, bad("unknown header %q", k)
		}
		if err != nil {
			return nil, bad("%s: %v", k, err)
		}
	}
	var para []string
	flush := func() {
		if len(para) > 0 {
			a.Body = append(a.Body, Block{Kind: "p", Text: joinLines(para)})
			para = nil
		}
	}
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		switch {
		case s == "":
			flush()
		case strings.HasPrefix(s, "## "):
			flush()
			a.Body = append(a.Body, Block{Kind: "h2", Text: strings.TrimSpace(s[3:])})
		case strings.HasPrefix(s, "> "):
			flush()
			a.Body = append(a.Body, Block{Kind: "quote", Text: strings.TrimSpace(s[2:])})
		case strings.HasPrefix(s, "- "):
			flush()
			a.Body = append(a.Body, Block{Kind: "li", Text: strings.TrimSpace(s[2:])})
		default:
			para = append(para, s)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	flush()
	switch {
	case a.Title == "":
		return nil, fmt.Errorf("%s: title is required", name)
	case a.Slug == "":
		return nil, fmt.Errorf("%s: slug is required", name)
	case a.Published.IsZero():
		return nil, fmt.Errorf("%s: published is required", name)
	case a.DateStyle == "":
		return nil, fmt.Errorf("%s: date_style is required", name)
	case a.Category.Slug == "":
		return nil, fmt.Errorf("%s: category is required", name)
	case len(a.Body) == 0:
		return nil, fmt.Errorf("%s: empty body", name)
	}
	return a, nil
}

func parseTerm(s string) (Term, error) {
	slug, label, ok := strings.Cut(strings.TrimSpace(s), "|")
	if !ok || slug == "" || label == "" {
		return Term{}, fmt.Errorf("want slug|label, got %q", s)
	}
	return Term{Slug: strings.TrimSpace(slug), Label: strings.TrimSpace(label)}, nil
}

// joinLines joins wrapped source lines: with a space after Latin text,
// with nothing after Japanese.
func joinLines(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			prev := []rune(lines[i-1])
			if prev[len(prev)-1] < 0x2000 {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}
