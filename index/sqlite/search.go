package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kozan-dev/kozan/pipeline"
)

// maxSnippet is the longest snippet, in runes, before brackets are added.
const maxSnippet = 240

// Search finds articles whose title or text tokens contain every query token
// (queryTokens are space-joined tokens from the same tokenizer as the index),
// best first by bm25 (title weighted double), at most limit (default 20).
// Each token is quoted, so user input cannot break the FTS5 syntax. The
// snippet is the first sentence of the raw text containing a query term,
// with the terms in [brackets].
func (s *Store) Search(ctx context.Context, queryTokens string, limit int) ([]pipeline.SearchHit, error) {
	terms := queryTerms(queryTokens)
	if len(terms) == 0 {
		return nil, errors.New("search: empty query")
	}
	if limit <= 0 {
		limit = 20
	}
	quoted := make([]string, len(terms))
	for i, t := range terms {
		quoted[i] = `"` + strings.ReplaceAll(t, `"`, `""`) + `"`
	}
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.url, a.title, a.published_at, a.lang, a.source, a.text,
		bm25(articles_fts, 2.0, 1.0) AS rank
		FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
		WHERE articles_fts MATCH ? ORDER BY rank, a.id LIMIT ?`, strings.Join(quoted, " AND "), limit)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", queryTokens, err)
	}
	defer rows.Close()
	var hits []pipeline.SearchHit
	for rows.Next() {
		var h pipeline.SearchHit
		var text string
		var rank float64
		var pub sql.NullInt64
		if err := rows.Scan(&h.ArticleID, &h.URL, &h.Title, &pub, &h.Lang, &h.Source, &text, &rank); err != nil {
			return nil, fmt.Errorf("search %q: %w", queryTokens, err)
		}
		h.PublishedAt = fromNullNanos(pub)
		h.Score = -rank
		h.Snippet = Snippet(text, h.Title, terms)
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search %q: %w", queryTokens, err)
	}
	return hits, nil
}

// queryTerms splits query tokens, dropping those without a letter or digit
// (the index's unicode61 tokenizer drops them too) and repeats.
func queryTerms(q string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range strings.Fields(q) {
		if !strings.ContainsFunc(t, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) {
			continue
		}
		if k := strings.ToLower(t); !seen[k] {
			seen[k] = true
			out = append(out, t)
		}
	}
	return out
}

// Snippet returns the first sentence of text that contains one of terms
// (ASCII case-insensitively; ASCII terms only on word boundaries), with every
// occurrence of a term in [brackets]. When no sentence does, it tries the
// title, and then falls back to the start of the text.
func Snippet(text, title string, terms []string) string {
	for _, sent := range sentences(text) {
		if m := matches(sent, terms); len(m) > 0 {
			return bracket(sent, m)
		}
	}
	if m := matches(title, terms); len(m) > 0 {
		return bracket(title, m)
	}
	for _, sent := range sentences(text) {
		return clip(sent, 0)
	}
	return ""
}

// sentences splits text after 。！？!? and line breaks, and after ". " in
// Latin text, trimming space.
func sentences(text string) []string {
	var out []string
	start := 0
	emit := func(end int) {
		if s := strings.TrimSpace(text[start:end]); s != "" {
			out = append(out, s)
		}
		start = end
	}
	for i, r := range text {
		switch r {
		case '。', '！', '？', '!', '?', '\n':
			emit(i + utf8.RuneLen(r))
		case '.':
			if j := i + 1; j < len(text) && (text[j] == ' ' || text[j] == '\n') && !isNumberAround(text, i) {
				emit(j)
			}
		}
	}
	emit(len(text))
	return out
}

// isNumberAround reports whether the '.' at i sits between digits (3.7).
func isNumberAround(text string, i int) bool {
	return i > 0 && i+1 < len(text) && isDigit(text[i-1]) && isDigit(text[i+1])
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// span is a byte range [0] to [1].
type span [2]int

// matches finds non-overlapping occurrences of terms in s, longest first at
// each position; touching occurrences are joined.
func matches(s string, terms []string) []span {
	ls := asciiLower(s)
	var found []span
	for _, t := range terms {
		lt := asciiLower(t)
		ascii := isASCII(lt)
		for off := 0; ; {
			i := strings.Index(ls[off:], lt)
			if i < 0 {
				break
			}
			i += off
			j := i + len(lt)
			off = j
			if ascii && (i > 0 && isWordByte(ls[i-1]) || j < len(ls) && isWordByte(ls[j])) {
				continue
			}
			found = append(found, span{i, j})
		}
	}
	sort.Slice(found, func(a, b int) bool {
		if found[a][0] != found[b][0] {
			return found[a][0] < found[b][0]
		}
		return found[a][1] > found[b][1]
	})
	var out []span
	for _, f := range found {
		switch {
		case len(out) == 0 || f[0] > out[len(out)-1][1]:
			out = append(out, f)
		case f[0] == out[len(out)-1][1]: // touching: one bracket
			out[len(out)-1][1] = f[1]
		}
	}
	return out
}

// bracket puts [ ] around the spans of s, clipping a long sentence around
// the first match.
func bracket(s string, m []span) string {
	from, to := 0, len(s)
	if utf8.RuneCountInString(s) > maxSnippet {
		from = m[0][0]
		// back off up to a third of the budget before the first match
		for n := 0; from > 0 && n < maxSnippet/3; n++ {
			_, size := utf8.DecodeLastRuneInString(s[:from])
			from -= size
		}
		to = from
		for n := 0; to < len(s) && n < maxSnippet; n++ {
			_, size := utf8.DecodeRuneInString(s[to:])
			to += size
		}
	}
	var b strings.Builder
	if from > 0 {
		b.WriteString("…")
	}
	pos := from
	for _, sp := range m {
		if sp[0] < from || sp[1] > to {
			continue
		}
		b.WriteString(s[pos:sp[0]])
		b.WriteString("[")
		b.WriteString(s[sp[0]:sp[1]])
		b.WriteString("]")
		pos = sp[1]
	}
	b.WriteString(s[pos:to])
	if to < len(s) {
		b.WriteString("…")
	}
	return b.String()
}

// clip shortens s to maxSnippet runes from byte offset from.
func clip(s string, from int) string {
	to := from
	for n := 0; to < len(s) && n < maxSnippet; n++ {
		_, size := utf8.DecodeRuneInString(s[to:])
		to += size
	}
	if to < len(s) {
		return s[from:to] + "…"
	}
	return s[from:to]
}

// asciiLower lowers ASCII letters only, keeping byte offsets.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
