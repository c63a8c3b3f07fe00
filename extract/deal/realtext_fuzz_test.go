package deal

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/kozan-dev/kozan/extract/text"
)

// TestRealTextsNoPanic runs the extractor over every cached real-news
// text, when the cache is present (it is outside the repository and absent
// in CI), and over every sentence of them on its own: a rule that reads
// past a span's end shows here first.
func TestRealTextsNoPanic(t *testing.T) {
	dir := os.Getenv("KOZAN_REALNEWS_DIR")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			t.Skip("no home directory")
		}
		dir = filepath.Join(home, ".cache", "kozan", "realnews")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Skipf("no cached real-news texts in %s", dir)
	}
	x := newExtractor(t)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := text.Normalize(string(b))
		x.Extract("", s)
		for _, sp := range text.Sentences(s) {
			x.Extract(s[sp.Start:sp.End], s[sp.Start:sp.End])
		}
	}
}
