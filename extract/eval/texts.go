package eval

import (
	"crypto/sha256"
	"encoding/hex"
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
	sum := sha256.Sum256(b)
	t.SHA256 = hex.EncodeToString(sum[:])
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
