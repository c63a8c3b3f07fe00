package eval

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// TextStatus says whether a record's cached text can be scored.
type TextStatus string

// Text statuses. Only TextOK and TextUnverified texts are scored: a missing
// or changed text is reported and skipped, never scored as empty.
const (
	TextOK         TextStatus = "ok"         // present, sha256 matches
	TextUnverified TextStatus = "unverified" // present, the record has no sha256
	TextMissing    TextStatus = "missing"    // no file
	TextChanged    TextStatus = "changed"    // sha256 differs from the record's
	TextUnreadable TextStatus = "unreadable" // another read error
	TextFailed     TextStatus = "failed"     // read, but the deal rules failed on it (a bug)
)

// Scorable reports whether a text of this status is scored.
func (s TextStatus) Scorable() bool { return s == TextOK || s == TextUnverified }

// Text is a record's cached text and its status.
type Text struct {
	Path   string
	Body   string
	Status TextStatus
	SHA256 string // of the bytes read, when read
	Err    error  // why it is not scorable
}

// sha256Hex is the hex sha256 of b, as a record holds it.
func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// ReadText reads the record's text from dir and checks its sha256.
func ReadText(dir string, r Record) Text {
	p := filepath.Join(dir, r.TextFile())
	t := Text{Path: p}
	b, err := os.ReadFile(p)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		t.Status, t.Err = TextMissing, fmt.Errorf("%s: no cached text", p)
		return t
	case err != nil:
		t.Status, t.Err = TextUnreadable, fmt.Errorf("read text: %w", err)
		return t
	}
	t.SHA256 = sha256Hex(b)
	t.Body = string(b)
	switch {
	case r.SHA256 == "":
		t.Status = TextUnverified
	case strings.EqualFold(r.SHA256, t.SHA256):
		t.Status = TextOK
	default:
		t.Status = TextChanged
		t.Err = fmt.Errorf("%s: sha256 %s, the key says %s", p, t.SHA256, r.SHA256)
	}
	return t
}

// ErrTextMismatch: the text given for a record does not have the record's
// sha256 (PutText): a character copied wrong, or the page has changed since
// it was annotated.
var ErrTextMismatch = errors.New("the text does not have the record's sha256")

// PutText writes the text of record r to dir, as the cache rebuild of
// realnews/README.md needs it: in is either the excerpt as the search tool
// prints it, a JSON string literal in double quotes (escapes decoded), or
// the raw text, of which one final newline (a heredoc's) is dropped. It
// writes only a text whose bytes have the record's sha256 and returns
// ErrTextMismatch, writing nothing, otherwise.
func PutText(dir string, r Record, in []byte) error {
	if r.SHA256 == "" {
		return fmt.Errorf("%s: the record has no sha256 to check the text against", r.ID)
	}
	var cands [][]byte
	if t := bytes.TrimSpace(in); len(t) >= 2 && t[0] == '"' && t[len(t)-1] == '"' {
		var s string
		if err := json.Unmarshal(t, &s); err != nil {
			return fmt.Errorf("%s: the text starts and ends with a double quote but is no JSON string: %w", r.ID, err)
		}
		cands = append(cands, []byte(s))
	} else {
		cands = append(cands, bytes.TrimSuffix(in, []byte("\n")), in)
	}
	for _, b := range cands {
		if !strings.EqualFold(sha256Hex(b), r.SHA256) {
			continue
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("put text: %w", err)
		}
		p := filepath.Join(dir, r.TextFile())
		tmp := p + ".tmp"
		if err := os.WriteFile(tmp, b, 0o644); err != nil {
			return fmt.Errorf("put text: %w", err)
		}
		if err := os.Rename(tmp, p); err != nil {
			return fmt.Errorf("put text: %w", err)
		}
		return nil
	}
	return fmt.Errorf("%s: %d bytes: %w (look for non-breaking spaces, zero-width joiners, non-breaking hyphens and curly quotes the tool's output hides)", r.ID, len(cands[0]), ErrTextMismatch)
}

// MissingByQuery returns the records of recs whose text in dir is missing
// or changed, grouped by the query that finds them (in the order the queries
// first occur): one search call each when the cache is rebuilt.
func MissingByQuery(dir string, recs []Record) (queries []string, byQuery map[string][]Record) {
	byQuery = map[string][]Record{}
	for _, r := range recs {
		switch ReadText(dir, r).Status {
		case TextMissing, TextChanged:
		default:
			continue
		}
		if _, ok := byQuery[r.Query]; !ok {
			queries = append(queries, r.Query)
		}
		byQuery[r.Query] = append(byQuery[r.Query], r)
	}
	return queries, byQuery
}
