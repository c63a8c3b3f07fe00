package eval

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func sumOf(s string) string {
	b := sha256.Sum256([]byte(s))
	return hex.EncodeToString(b[:])
}

// TestPutText writes a record's text only when its bytes have the
// record's sha256, from the search tool's JSON string or from raw text.
func TestPutText(t *testing.T) {
	const body = "Harbor Cloud signed a lease.\nNorthwind\u00a0Data paid $5\u2011million.\n"
	rec := Record{ID: "zz01", SHA256: sumOf(body)}
	for _, tc := range []struct {
		name, in string
		err      error // nil: written
	}{
		{"json string as the tool prints it", `"Harbor Cloud signed a lease.\nNorthwind\u00a0Data paid $5\u2011million.\n"` + "\n", nil},
		{"raw text with a heredoc's final newline", body + "\n", nil},
		{"raw text as it is", body, nil},
		{"a non-breaking space typed as a space", `"Harbor Cloud signed a lease.\nNorthwind Data paid $5\u2011million.\n"`, ErrTextMismatch},
		{"the final newline left out of the json string", `"Harbor Cloud signed a lease.\nNorthwind\u00a0Data paid $5\u2011million."`, ErrTextMismatch},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			err := PutText(dir, rec, []byte(tc.in))
			b, rerr := os.ReadFile(filepath.Join(dir, "zz01.txt"))
			if tc.err != nil {
				if !errors.Is(err, tc.err) {
					t.Fatalf("err %v, want %v", err, tc.err)
				}
				if rerr == nil {
					t.Fatalf("a mismatching text was written: %q", b)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != body {
				t.Fatalf("wrote %q, want %q", b, body)
			}
		})
	}
	if err := PutText(t.TempDir(), rec, []byte(`"unterminated \"`)); err == nil || errors.Is(err, ErrTextMismatch) {
		t.Errorf("a malformed JSON string: err %v, want a decoding error", err)
	}
	if err := PutText(t.TempDir(), Record{ID: "zz02"}, []byte("x")); err == nil {
		t.Error("a record without sha256: want an error")
	}
}

// TestMissingByQuery groups the records without a verified text by query.
func TestMissingByQuery(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a1.txt"), []byte("kept"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a2.txt"), []byte("changed"), 0o644); err != nil {
		t.Fatal(err)
	}
	recs := []Record{
		{ID: "a1", Query: "q1", SHA256: sumOf("kept")},
		{ID: "a2", Query: "q1", SHA256: sumOf("other")},
		{ID: "a3", Query: "q2", SHA256: sumOf("x")},
		{ID: "a4", Query: "q1", SHA256: sumOf("y")},
	}
	qs, by := MissingByQuery(dir, recs)
	if len(qs) != 2 || qs[0] != "q1" || qs[1] != "q2" {
		t.Fatalf("queries %q", qs)
	}
	if len(by["q1"]) != 2 || by["q1"][0].ID != "a2" || by["q1"][1].ID != "a4" || len(by["q2"]) != 1 {
		t.Fatalf("groups %v", by)
	}
}
