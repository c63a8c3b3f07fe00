package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalSeed scores the extractor on the seed article with its own answer
// key, as README shows.
func TestEvalSeed(t *testing.T) {
	gold := filepath.Join("..", "..", "..", "shared", "seed", "gold.json")
	if _, err := os.Stat(gold); err != nil {
		t.Skip("seed answer key not present at ../shared/seed")
	}
	code, out, errOut := kozan(t, "", "eval", "--gold", gold)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"precision", "recall", "F1", "errors: wrong_party"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = kozan(t, "", "eval", "--json", "--gold", gold)
	if code != exitOK {
		t.Fatalf("--json exit %d", code)
	}
	var all struct {
		Type, Group string
		F1          float64
		TP          int
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var l struct {
			Type, Group string
			F1          float64
			TP          int
		}
		if err := json.Unmarshal([]byte(line), &l); err != nil {
			t.Fatalf("not JSON lines: %q: %v", line, err)
		}
		if l.Type == "score" && l.Group == "all" {
			all = l
		}
	}
	if all.TP == 0 || all.F1 < 0.8 {
		t.Errorf("seed score %+v: want most of its 17 deals", all)
	}
}

// TestEvalUserKey scores a key a user writes, with a changed and a missing
// text reported and skipped, and checks --check and the usage errors.
func TestEvalUserKey(t *testing.T) {
	dir := t.TempDir()
	texts := map[string]string{
		"u1": "Ridgeline Compute said it agreed to acquire Copperfield Data Centers for $410 million in cash.\n",
		"u2": "Ridgeline Compute mined 312 bitcoin in October; its shares rose 4% to $11.20.\n",
		"u3": "This text was edited after the key was written.\n",
	}
	sum := func(s string) string { h := sha256.Sum256([]byte(s)); return hex.EncodeToString(h[:]) }
	for id, body := range texts {
		if err := os.WriteFile(filepath.Join(dir, id+".txt"), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	key := fmt.Sprintf(`{"id":"u1","lang":"en","sha256":%q,"split":"dev","deals":[{"company":"Ridgeline Compute","counterparty":"Copperfield Data Centers","amount":410000000,"currency":"USD","approx":false,"kind":"acquisition","evidence":"agreed to acquire Copperfield Data Centers for $410 million"}],"not_deals":[]}
{"id":"u2","lang":"en","sha256":%q,"split":"dev","deals":[],"not_deals":[{"amount":11.2,"currency":"USD","what":"share price"}]}
{"id":"u3","lang":"en","sha256":%q,"split":"dev","deals":[],"not_deals":[]}
{"id":"u4","lang":"en","sha256":"00","split":"dev","deals":[],"not_deals":[]}
`, sum(texts["u1"]), sum(texts["u2"]), sum("the text as it was"))
	gold := filepath.Join(dir, "key.jsonl")
	if err := os.WriteFile(gold, []byte(key), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := kozan(t, "", "eval", "--gold", gold, "--texts", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"skipped u3: changed", "skipped u4: missing", "dev/en"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = kozan(t, "", "eval", "--by-rule", "--gold", gold, "--texts", dir)
	if code != exitOK || !strings.Contains(out, "precision") || !strings.Contains(out, "en.trigger.acquisition") {
		t.Errorf("--by-rule: exit %d, out:\n%s", code, out)
	}
	code, out, _ = kozan(t, "", "eval", "--check", "--gold", gold, "--texts", dir)
	if code != exitFailed || !strings.Contains(out, "u3 (line 3): text changed") || !strings.Contains(out, "u4 (line 4): text missing") {
		t.Errorf("--check: exit %d, out:\n%s", code, out)
	}
	if strings.Contains(out, "u1 ") || strings.Contains(out, "u2 ") {
		t.Errorf("--check reported a consistent record:\n%s", out)
	}
	// Rebuilding the cache: --missing lists u3 (changed) and u4 (missing);
	// --put writes a text only once its sha256 is the record's.
	code, out, _ = kozan(t, "", "eval", "--missing", "--gold", gold, "--texts", dir)
	if code != exitOK || !strings.Contains(out, "  u3  ") || !strings.Contains(out, "  u4  ") || strings.Contains(out, "  u1  ") {
		t.Errorf("--missing: exit %d, out:\n%s", code, out)
	}
	if code, _, errOut := kozan(t, `"the text as it was"`, "eval", "--put", "u3", "--gold", gold, "--texts", dir); code != exitOK {
		t.Errorf("--put u3: exit %d: %s", code, errOut)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "u3.txt")); string(b) != "the text as it was" {
		t.Errorf("--put u3 wrote %q", b)
	}
	if code, _, errOut := kozan(t, "not the text\n", "eval", "--put", "u4", "--gold", gold, "--texts", dir); code != exitFailed || !strings.Contains(errOut, "sha256") {
		t.Errorf("--put u4 with a wrong text: exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "u4.txt")); err == nil {
		t.Error("--put wrote a text whose sha256 does not match")
	}
	if code, _, _ := kozan(t, "x", "eval", "--put", "nosuch", "--gold", gold, "--texts", dir); code != exitUsage {
		t.Errorf("--put of an unknown record: exit %d, want %d", code, exitUsage)
	}
	for _, args := range [][]string{{"eval"}, {"eval", "--gold", gold, "--json", "--explain"}} {
		if code, _, errOut := kozan(t, "", args...); code != exitUsage {
			t.Errorf("%v: exit %d (%s), want %d", args, code, errOut, exitUsage)
		}
	}
	if code, _, errOut := kozan(t, "", "eval", "--gold", filepath.Join(dir, "nope.jsonl")); code != exitFailed || !strings.Contains(errOut, "nope.jsonl") {
		t.Errorf("missing key: exit %d, %q", code, errOut)
	}
}

// TestUserRuleFiles: a rule file named in kozan.yaml is added to the
// built-in rules; a broken one stops the command with its name.
func TestUserRuleFiles(t *testing.T) {
	dir := t.TempDir()
	text := "Northwind Hashing Inc. signed a $1.2 billion lease with Bluepeak Compute Inc."
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("rules.yaml", "parties:\n  - id: user.party.bluepeak\n    about: our own subsidiary, never a counterparty\n    names: [Bluepeak Compute]\n")
	cfg := write("kozan.yaml", "rules: [rules.yaml]\n")
	_, plain, _ := kozan(t, text, "extract", "--json", "-")
	if !strings.Contains(plain, `"counterparty":"Bluepeak Compute`) {
		t.Fatalf("without the user's rule the lease should name Bluepeak Compute: %s", plain)
	}
	code, out, errOut := kozan(t, text, "extract", "--explain", "--config", cfg, "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "by user.party.bluepeak") || strings.Contains(out, "Northwind Hashing ↔ Bluepeak") {
		t.Errorf("the user's rule did not set Bluepeak Compute aside:\n%s", out)
	}
	bad := write("bad.yaml", "rules: [broken.yaml]\n")
	write("broken.yaml", "parties:\n  - {id: party.media, roles: [media]}\n")
	if code, _, errOut := kozan(t, text, "extract", "--config", bad, "-"); code != exitFailed || !strings.Contains(errOut, "broken.yaml") || !strings.Contains(errOut, "used twice") {
		t.Errorf("broken rule file: exit %d, %q", code, errOut)
	}
}

// TestDealsCompanyAliases: --company and --counterparty find a known
// company's deals by any name the company list gives it.
func TestDealsCompanyAliases(t *testing.T) {
	if testing.Short() {
		t.Skip("demo crawl in -short mode")
	}
	dir := t.TempDir()
	if code, _, errOut := kozan(t, "", "demo", "--keep", dir); code != exitOK {
		t.Fatalf("demo: %d %s", code, errOut)
	}
	cfg := filepath.Join(dir, "kozan.yaml")
	count := func(args ...string) int {
		code, out, errOut := kozan(t, "", append([]string{"deals", "--json", "--config", cfg}, args...)...)
		if code != exitOK {
			t.Fatalf("%v: exit %d %s", args, code, errOut)
		}
		if strings.TrimSpace(out) == "" {
			return 0
		}
		return len(strings.Split(strings.TrimSpace(out), "\n"))
	}
	want := count("--company", "Cipher Digital")
	if want == 0 {
		t.Fatal("the demo holds no Cipher Digital deal")
	}
	for _, alias := range []string{"Cipher Mining", "cipher mining", "サイファー・マイニング"} {
		if got := count("--company", alias); got != want {
			t.Errorf("--company %q: %d deals, want %d", alias, got, want)
		}
	}
	if got := count("--counterparty", "Amazon Web Services"); got != count("--counterparty", "AWS") {
		t.Errorf("--counterparty AWS and Amazon Web Services differ")
	}
	if got := count("--company", "No Such Miner"); got != 0 {
		t.Errorf("an unknown company matched %d deals", got)
	}
}
