package demo

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/kozan-dev/kozan/demo/internal/sitegen"
)

var update = flag.Bool("update", false, "regenerate sites/ from content/")

// TestSitesUpToDate checks that the served files are what internal/sitegen
// renders from content/; with -update it rewrites them.
func TestSitesUpToDate(t *testing.T) {
	outs, err := sitegen.Render(os.DirFS("content"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]byte{}
	for site, o := range outs {
		for name, b := range o.Files {
			want[filepath.Join(siteDirs[site], name)] = b
		}
	}
	man, err := sitegen.Manifest(outs)
	if err != nil {
		t.Fatal(err)
	}
	want["sites/manifest.json"] = man
	got := map[string][]byte{}
	if _, err := os.Stat("sites"); err == nil {
		err = filepath.WalkDir("sites", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(p)
			got[p] = b
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if *update {
		for p := range got {
			if _, ok := want[p]; !ok {
				if err := os.Remove(p); err != nil {
					t.Fatal(err)
				}
			}
		}
		for p, b := range want {
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	var names []string
	for p := range want {
		names = append(names, p)
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			names = append(names, p)
		}
	}
	sort.Strings(names)
	for _, p := range names {
		if !bytes.Equal(got[p], want[p]) {
			t.Errorf("%s is stale (got %d bytes, want %d); run go test ./demo -run TestSitesUpToDate -update", p, len(got[p]), len(want[p]))
		}
	}
}
