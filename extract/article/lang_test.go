package article

import (
	"os"
	"path/filepath"
	"testing"
)

func TestDetectLang(t *testing.T) {
	tests := []struct {
		name, text, hint, want string
	}{
		{"japanese", "ビットコイン採掘大手は19日、データセンターに転換すると発表した。", "", "ja"},
		{"japanese with latin names", "TeraWulfとFluidstackが締結したHPC契約は、Googleの保証付きで総額128億ドルに上る。", "en", "ja"},
		{"english", "Hashline Mining said on Tuesday it has agreed to lease 200 megawatts to Corvane Cloud.", "", "en"},
		{"english with a japanese name", "The Tokyo-listed miner (東都マイニング) signed a five-year hosting agreement with a US developer of AI models on Thursday.", "ja", "en"},
		{"short text follows hint", "AI", "ja", "ja"},
		{"short text no hint", "AI", "", "en"},
		{"short kana no hint", "はい", "", "ja"},
		{"empty with hint", "", "ja-JP", "ja"},
		{"empty", "", "", "en"},
		{"hint with region", "OK", "en_US", "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DetectLang(tt.text, tt.hint); got != tt.want {
				t.Errorf("DetectLang(%q, %q) = %q, want %q", tt.text, tt.hint, got, tt.want)
			}
		})
	}
}

func TestCleanTitle(t *testing.T) {
	tests := []struct {
		title, site string
		guess       bool
		want        string
	}{
		{"Miner signs lease | Mining Ledger", "Mining Ledger", false, "Miner signs lease"},
		{"Miner signs lease - Mining Ledger", "", true, "Miner signs lease"},
		{"採掘大手がAIに転換｜仮想通貨ウォッチ", "仮想通貨ウォッチ", false, "採掘大手がAIに転換"},
		{"採掘大手がAIに転換 | 仮想通貨ウォッチ", "", true, "採掘大手がAIに転換"},
		{"Mining Ledger | Miner signs a long lease with a cloud company", "", true, "Miner signs a long lease with a cloud company"},
		{"Miner signs lease - Mining Ledger", "", false, "Miner signs lease - Mining Ledger"},
		{"Plain headline", "Site", true, "Plain headline"},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			if got := cleanTitle(tt.title, tt.site, tt.guess); got != tt.want {
				t.Errorf("cleanTitle(%q, %q, %v) = %q, want %q", tt.title, tt.site, tt.guess, got, tt.want)
			}
		})
	}
}

func TestCanonicalURL(t *testing.T) {
	tests := []struct {
		name, head, page, want string
	}{
		{"same host", `<link rel="canonical" href="https://a.example.com/x">`, "https://a.example.com/x?utm=1", "https://a.example.com/x"},
		{"relative", `<link rel="canonical" href="/story/1">`, "https://a.example.com/amp/story/1", "https://a.example.com/story/1"},
		{"amp subdomain", `<link rel="canonical" href="https://www.a.example.com/s">`, "https://amp.a.example.com/s", "https://www.a.example.com/s"},
		{"other site", `<link rel="canonical" href="https://aggregator.example.net/s">`, "https://a.example.com/s", "https://a.example.com/s"},
		{"javascript", `<link rel="canonical" href="javascript:alert(1)">`, "https://a.example.com/s", "https://a.example.com/s"},
		{"none", ``, "https://a.example.com/s", "https://a.example.com/s"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := mustDoc(t, "<html><head>"+tt.head+"</head><body></body></html>")
			if got := canonicalURL(doc, tt.page); got != tt.want {
				t.Errorf("canonicalURL = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestDetectLangSeed reads the seed article (Japanese with many Latin
// company names) when the shared seed directory is there.
func TestDetectLangSeed(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "seed", "*.txt"))
	if len(files) == 0 {
		t.Skip("no seed articles in ../shared/seed")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if got := DetectLang(string(b), "en"); got != "ja" {
			t.Errorf("%s: DetectLang = %q, want ja", filepath.Base(f), got)
		}
	}
}

func TestIsNotFoundTitle(t *testing.T) {
	tests := []struct {
		title string
		want  bool
	}{
		{"404 Not Found", true},
		{"Page not found", true},
		{"Oops! That page can't be found. Error 404", true},
		{"お探しのページは見つかりません", true},
		{"404エラー ページが見つかりません", true},
		{"Error 404 - Page Not Found", true},
		{"Bitcoin miner not found guilty of fraud in Texas", false},
		{"マイニング機器のエラー率が改善、404台を交換", false},
		{"Miner posts 404 BTC in January", false},
		{"Hashline Mining signs 10-year HPC lease", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			if got := isNotFoundTitle(tt.title); got != tt.want {
				t.Errorf("isNotFoundTitle(%q) = %v, want %v", tt.title, got, tt.want)
			}
		})
	}
}
