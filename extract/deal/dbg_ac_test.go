package deal

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDbgAhoCorasick(t *testing.T) {
	r, err := LoadRules()
	if err != nil {
		t.Fatal(err)
	}
	ps := &r.phrases
	files, _ := filepath.Glob("/tmp/snap5/e*.txt")
	bad := 0
	for _, f := range files[:300] {
		b, _ := os.ReadFile(f)
		lower := asciiLower(string(b))
		h := ps.scan(lower)
		for k, w := range ps.words {
			got := int(h.off[k+1] - h.off[k])
			want := 0
			for i := 0; ; {
				j := strings.Index(lower[i:], w)
				if j < 0 {
					break
				}
				want++
				i += j + 1
			}
			if got != want {
				bad++
				if bad < 10 {
					t.Logf("%s: %q got %d want %d", filepath.Base(f), w, got, want)
				}
			}
		}
	}
	t.Logf("mismatches: %d", bad)
}
