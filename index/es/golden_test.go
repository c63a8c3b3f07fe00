package es

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output; review the diff, then run go test ./index/es -run Golden -update\ngot:\n%s", path, got)
	}
}

// TestGoldenTemplates pins the index templates Setup puts: a change here
// is a mapping change, and Setup will create the next index version.
func TestGoldenTemplates(t *testing.T) {
	f := newFakeES(t)
	c := newTestClient(t, f, Options{})
	if _, err := c.Setup(context.Background()); err != nil {
		t.Fatal(err)
	}
	got, err := json.MarshalIndent(map[string]any{"kozan-articles": f.templates["kozan-articles"], "kozan-deals": f.templates["kozan-deals"]}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "templates.golden.json", append(got, '\n'))
}

// TestGoldenBulk pins the NDJSON bulk body Index sends for the demo items.
func TestGoldenBulk(t *testing.T) {
	f := newFakeES(t)
	c := newTestClient(t, f, Options{Tokenize: func(s string) string { return s }})
	ctx := context.Background()
	if _, err := c.Setup(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Index(ctx, demoItems()); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	for _, line := range f.bulkBodies[0] {
		b, err := json.Marshal(line)
		if err != nil {
			t.Fatal(err)
		}
		buf.Write(b)
		buf.WriteByte('\n')
	}
	golden(t, "bulk.golden.ndjson", buf.Bytes())
}
