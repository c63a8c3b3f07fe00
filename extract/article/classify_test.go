package article

import (
	"bufio"
	"bytes"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-shiori/dom"
	"github.com/kozan-dev/kozan/pipeline"
	"golang.org/x/net/html"
)

// realPageModules are the module versions whose evaluation pages
// testdata/classify_real.tsv labels.
var realPageModules = map[string]string{
	"trafilatura": filepath.Join("github.com", "markusmobius", "go-trafilatura@v1.12.2"),
	"htmldate":    filepath.Join("github.com", "markusmobius", "go-htmldate@v1.9.1"),
}

// TestClassifyRealPages classifies real pages nobody on kozan wrote
// (go-trafilatura's and go-htmldate's evaluation sets, read from the module
// cache, never copied here) against labels set by hand in
// testdata/classify_real.tsv, and prints the confusion matrix. Real
// articles must not be lost: article recall ≥ 0.99. It skips when the
// modules are not in the module cache.
//
//	go test ./extract/article -run TestClassifyRealPages -v
func TestClassifyRealPages(t *testing.T) {
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Skip("no go command to find the module cache")
	}
	cache := strings.TrimSpace(string(out))
	f, err := os.Open(filepath.Join("testdata", "classify_real.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	classes := []pipeline.PageClass{pipeline.PageArticle, pipeline.PageListing, pipeline.PageOther}
	matrix := map[pipeline.PageClass]map[pipeline.PageClass]int{}
	for _, c := range classes {
		matrix[c] = map[pipeline.PageClass]int{}
	}
	n, missing := 0, 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) != 4 {
			t.Fatalf("bad line %q", line)
		}
		mod, file, want, url := fields[0], fields[1], pipeline.PageClass(fields[2]), fields[3]
		body := readModulePage(cache, mod, file)
		if body == nil {
			missing++
			continue
		}
		got := (*Classifier)(nil).Classify(pipeline.Page{URL: url, Status: http.StatusOK,
			Header: http.Header{"Content-Type": {"text/html"}}, Body: body})
		matrix[want][got.Class]++
		n++
		if got.Class != want {
			t.Logf("%-7s labelled %-7s (%s) %s", got.Class, want, got.Signal, url)
		}
	}
	if n < 100 {
		t.Skipf("only %d labelled pages readable (%d missing): modules not in the module cache", n, missing)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d real pages; rows: label, columns: classified as\n%-8s", n, "")
	for _, c := range classes {
		fmt.Fprintf(&b, "%9s", c)
	}
	b.WriteString("   recall\n")
	for _, w := range classes {
		fmt.Fprintf(&b, "%-8s", w)
		row := 0
		for _, g := range classes {
			fmt.Fprintf(&b, "%9d", matrix[w][g])
			row += matrix[w][g]
		}
		fmt.Fprintf(&b, "   %.3f\n", float64(matrix[w][w])/float64(max(row, 1)))
	}
	t.Log(b.String())
	arts := 0
	for _, g := range classes {
		arts += matrix[pipeline.PageArticle][g]
	}
	if r := float64(matrix[pipeline.PageArticle][pipeline.PageArticle]) / float64(arts); r < 0.99 {
		t.Errorf("article recall %.3f < 0.99: real articles would be lost", r)
	}
}

// readModulePage reads an evaluation page of a module in the module cache,
// decoded to UTF-8 the way go-trafilatura's own scripts do; nil when absent.
func readModulePage(cache, mod, file string) []byte {
	dir, ok := realPageModules[mod]
	if !ok {
		return nil
	}
	for _, sub := range []string{"comparison", "mock", "mediacloud"} {
		raw, err := os.ReadFile(filepath.Join(cache, dir, "test-files", sub, file))
		if err != nil {
			continue
		}
		root, err := dom.Parse(bytes.NewReader(raw))
		if err != nil {
			return nil
		}
		var b bytes.Buffer
		if err := html.Render(&b, root); err != nil {
			return nil
		}
		return b.Bytes()
	}
	return nil
}
