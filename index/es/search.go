package es

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/kozan-dev/kozan/pipeline"
)

// Highlight tags: control characters that never occur in NFKC article text.
const (
	preTag  = "\x02"
	postTag = "\x03"
)

// maxSnippetRunes bounds a snippet's length.
const maxSnippetRunes = 240

// SearchBody returns the _search request Search sends: a bool query whose
// should clauses are a multi_match of queryTokens over the *_tokens fields
// (all tokens required) and a phrase multi_match of the raw query over the
// cjk sub-fields, with highlights on both.
func SearchBody(query, queryTokens string, limit int) map[string]any {
	if strings.TrimSpace(queryTokens) == "" {
		queryTokens = query
	}
	hl := map[string]any{"number_of_fragments": 5, "fragment_size": 120}
	return map[string]any{
		"size":             limit,
		"track_total_hits": false,
		"_source":          []string{"id", "url.full", "title", "published_at", "lang", "source", "text"},
		"query": map[string]any{"bool": map[string]any{
			"should": []any{
				map[string]any{"multi_match": map[string]any{
					"query": queryTokens, "fields": []string{"title_tokens^2", "text_tokens"}, "operator": "and",
				}},
				map[string]any{"multi_match": map[string]any{
					"query": query, "fields": []string{"title.cjk^2", "text.cjk"}, "type": "phrase",
				}},
			},
			"minimum_should_match": 1,
		}},
		"highlight": map[string]any{
			"pre_tags": []string{preTag}, "post_tags": []string{postTag},
			"fields": map[string]any{"text_tokens": hl, "text.cjk": hl, "title_tokens": map[string]any{}, "title.cjk": map[string]any{}},
		},
	}
}

// Search finds articles. query is the raw query (matched as a phrase on the
// cjk sub-fields), queryTokens the same query tokenized the way the index
// was (kagome tokens joined by spaces; "" means query). Each hit's Snippet
// is the article sentence with the most highlighted terms, matches in
// [brackets].
func (c *Client) Search(ctx context.Context, query, queryTokens string, limit int) ([]pipeline.SearchHit, error) {
	if strings.TrimSpace(query) == "" && strings.TrimSpace(queryTokens) == "" {
		return nil, fmt.Errorf("search: empty query")
	}
	if limit <= 0 {
		limit = 10
	}
	var res struct {
		Hits struct {
			Hits []struct {
				ID     string  `json:"_id"`
				Score  float64 `json:"_score"`
				Source struct {
					ID  string `json:"id"`
					URL struct {
						Full string `json:"full"`
					} `json:"url"`
					Title       string     `json:"title"`
					PublishedAt *time.Time `json:"published_at"`
					Lang        string     `json:"lang"`
					Source      string     `json:"source"`
					Text        string     `json:"text"`
				} `json:"_source"`
				Highlight map[string][]string `json:"highlight"`
			} `json:"hits"`
		} `json:"hits"`
	}
	path := "/" + c.Alias(KindArticles) + "/_search"
	if _, err := c.do(ctx, http.MethodPost, path, SearchBody(query, queryTokens, limit), &res); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	hits := make([]pipeline.SearchHit, 0, len(res.Hits.Hits))
	for _, h := range res.Hits.Hits {
		id := h.Source.ID
		if id == "" {
			id = h.ID
		}
		var frags []string
		for _, f := range []string{"text_tokens", "text.cjk", "title_tokens", "title.cjk"} {
			frags = append(frags, h.Highlight[f]...)
		}
		terms := HighlightTerms(frags)
		if len(terms) == 0 {
			terms = queryTerms(query, queryTokens)
		}
		text := h.Source.Text
		if strings.TrimSpace(text) == "" {
			text = h.Source.Title
		}
		hits = append(hits, pipeline.SearchHit{
			ArticleID: id, URL: h.Source.URL.Full, Title: h.Source.Title, PublishedAt: h.Source.PublishedAt,
			Lang: h.Source.Lang, Source: h.Source.Source, Score: h.Score,
			Snippet: Snippet(text, terms),
		})
	}
	return hits, nil
}

// HighlightTerms returns the distinct terms marked in highlight fragments
// (between the private pre and post tags), longest first.
func HighlightTerms(frags []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, f := range frags {
		for {
			i := strings.Index(f, preTag)
			if i < 0 {
				break
			}
			f = f[i+len(preTag):]
			j := strings.Index(f, postTag)
			if j < 0 {
				break
			}
			t := f[:j]
			if k := strings.LastIndex(t, preTag); k >= 0 { // a stray pre tag: the innermost one counts
				t = t[k+len(preTag):]
			}
			f = f[j+len(postTag):]
			// A token-field highlight may span several tokens: keep each.
			for _, w := range strings.Fields(t) {
				if k := strings.ToLower(w); !seen[k] && usefulTerm(w) {
					seen[k] = true
					out = append(out, w)
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

func queryTerms(query, queryTokens string) []string {
	seen := map[string]bool{}
	var out []string
	for _, w := range append(strings.Fields(queryTokens), strings.Fields(query)...) {
		if k := strings.ToLower(w); !seen[k] && usefulTerm(w) {
			seen[k] = true
			out = append(out, w)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// usefulTerm drops one-rune terms that are not letters of a word by
// themselves (particles like の, punctuation).
func usefulTerm(w string) bool {
	if w == "" {
		return false
	}
	if utf8.RuneCountInString(w) > 1 {
		return true
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.Is(unicode.Han, r) || unicode.IsDigit(r) || unicode.In(r, unicode.Latin, unicode.Katakana)
}

// Snippet picks the sentence of text holding the most distinct terms
// (case-insensitive; ties go to the earlier sentence) and puts every match
// in [brackets]; overlapping or adjacent matches merge into one bracket.
// Long sentences are cut around the first match.
func Snippet(text string, terms []string) string {
	sents := sentences(text)
	if len(sents) == 0 {
		return ""
	}
	best, bestScore := 0, -1
	for i, s := range sents {
		score := 0
		for _, t := range terms {
			if len(findAll(s, t)) > 0 {
				score++
			}
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	s := sents[best]
	var spans [][2]int
	for _, t := range terms {
		spans = append(spans, findAll(s, t)...)
	}
	spans = mergeSpans(spans)
	s, spans = clip(s, spans, maxSnippetRunes)
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		b.WriteString(s[last:sp[0]])
		b.WriteByte('[')
		b.WriteString(s[sp[0]:sp[1]])
		b.WriteByte(']')
		last = sp[1]
	}
	b.WriteString(s[last:])
	return strings.TrimSpace(b.String())
}

// sentences splits text after 。！？!? and newlines, and after ". " in
// Latin text. Empty sentences are dropped.
func sentences(text string) []string {
	var out []string
	start := 0
	add := func(end int) {
		if s := strings.TrimSpace(text[start:end]); s != "" {
			out = append(out, s)
		}
		start = end
	}
	for i, r := range text {
		switch r {
		case '。', '！', '？', '!', '?', '\n':
			add(i + utf8.RuneLen(r))
		case '.':
			if j := i + 1; j < len(text) && (text[j] == ' ' || text[j] == '\n') {
				add(j)
			}
		}
	}
	add(len(text))
	return out
}

// findAll returns the byte spans of the case-insensitive (ASCII) matches
// of term in s.
func findAll(s, term string) [][2]int {
	if term == "" {
		return nil
	}
	ls, lt := lowerASCII(s), lowerASCII(term)
	var out [][2]int
	for off := 0; off <= len(ls)-len(lt); {
		i := strings.Index(ls[off:], lt)
		if i < 0 {
			break
		}
		start, end := off+i, off+i+len(lt)
		// Matches start and end on rune boundaries, and an ASCII word
		// matches whole: "ai" is not in "said".
		if utf8.RuneStart(ls[start]) && (end == len(ls) || utf8.RuneStart(ls[end])) &&
			!(isWordByte(lt[0]) && start > 0 && isWordByte(ls[start-1])) &&
			!(isWordByte(lt[len(lt)-1]) && end < len(ls) && isWordByte(ls[end])) {
			out = append(out, [2]int{start, end})
		}
		off = start + 1
		for off < len(ls) && !utf8.RuneStart(ls[off]) {
			off++
		}
	}
	return out
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// lowerASCII lowercases ASCII letters only, so byte offsets are kept.
func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func mergeSpans(spans [][2]int) [][2]int {
	if len(spans) == 0 {
		return nil
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] })
	out := [][2]int{spans[0]}
	for _, sp := range spans[1:] {
		last := &out[len(out)-1]
		if sp[0] <= last[1] {
			last[1] = max(last[1], sp[1])
			continue
		}
		out = append(out, sp)
	}
	return out
}

// clip cuts s to about n runes around the first span, keeping whole runes
// and whole spans, and shifts the spans.
func clip(s string, spans [][2]int, n int) (string, [][2]int) {
	if utf8.RuneCountInString(s) <= n {
		return s, spans
	}
	center := 0
	if len(spans) > 0 {
		center = spans[0][0]
	}
	// Start up to n/3 runes before the first match.
	start := center
	for k := 0; k < n/3 && start > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:start])
		start -= size
	}
	end := start
	for k := 0; k < n && end < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
	}
	var kept [][2]int
	for _, sp := range spans {
		if sp[0] >= start && sp[1] <= end {
			kept = append(kept, [2]int{sp[0] - start, sp[1] - start})
		}
	}
	out := s[start:end]
	prefix, suffix := "", ""
	if start > 0 {
		prefix = "…"
	}
	if end < len(s) {
		suffix = "…"
	}
	for i := range kept {
		kept[i][0] += len(prefix)
		kept[i][1] += len(prefix)
	}
	return prefix + out + suffix, kept
}
