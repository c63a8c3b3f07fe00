package article

import (
	"bytes"
	"io"
	"net/http"
	"reflect"
	"testing"

	"github.com/kozan-dev/kozan/pipeline"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/japanese"
)

// TestShiftJISAsTheCrawlerDecodes encodes the legacy portal fixture to real
// Shift_JIS bytes, decodes them as the crawler does (x/net/html/charset
// from the Content-Type and <meta charset>), and checks Extract gives the
// same Article as from the UTF-8 fixture: the leftover
// <meta charset="Shift_JIS"> in the decoded body must not make anything
// decode it a second time.
func TestShiftJISAsTheCrawlerDecodes(t *testing.T) {
	f := fixture{name: "sjis_portal_ja", url: "http://www.kabu-portal.example.jp/news/kiji.cgi?id=88121", lang: "ja"}
	page := loadPage(t, f)
	want, err := Extract(page, testOptions())
	if err != nil {
		t.Fatal(err)
	}

	sjis, err := japanese.ShiftJIS.NewEncoder().Bytes(page.Body)
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	if bytes.Equal(sjis, page.Body) {
		t.Fatal("the fixture holds no Japanese text to encode")
	}
	r, err := charset.NewReader(bytes.NewReader(sjis), "text/html") // no charset in the header: sniffed from <meta>
	if err != nil {
		t.Fatal(err)
	}
	decoded, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	page.Body = decoded
	page.Header = http.Header{"Content-Type": {"text/html; charset=Shift_JIS"}}
	got, err := Extract(page, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decoded Shift_JIS page differs:\ngot  %+v\nwant %+v", got, want)
	}
	if !bytes.Contains(decoded, []byte(`charset="Shift_JIS"`)) {
		t.Error("the decoded body should still declare Shift_JIS, as a crawled page does")
	}
}

func TestNotDecodedTwice(t *testing.T) {
	// UTF-8 bytes that a Shift_JIS decoder would turn into mojibake.
	body := []byte(`<html><head><meta charset="shift_jis"><title>採掘</title></head><body><article><p>` +
		string(bytes.Repeat([]byte("ビットコイン採掘企業がデータセンターを建設する。"), 12)) + `</p></article></body></html>`)
	a, err := Extract(pipeline.Page{URL: "https://a.example.jp/1", Status: 200, Body: body}, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains([]byte(a.Text), []byte("ビットコイン採掘企業")) {
		t.Errorf("text was re-decoded: %q", a.Text)
	}
}
