package crawler

import (
	"bytes"
	"fmt"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/saintfish/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// headScanLimit bounds how far into a document DecodeHTML looks for a
// <meta charset> when no </head> is found earlier.
const headScanLimit = 64 << 10

var (
	reMetaCharset = regexp.MustCompile(`(?is)<meta\s[^>]*?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)`)
	reXMLEncoding = regexp.MustCompile(`(?is)^\s*<\?xml[^>]*?encoding\s*=\s*["']([a-zA-Z0-9_:.\-]+)["']`)
	reHeadEnd     = regexp.MustCompile(`(?i)</head\s*>|<body[\s>]`)
)

// DecodeHTML converts an HTML or XML document to UTF-8 and returns the body and
// the name of the charset it was decoded from. The charset is taken, in order,
// from a byte-order mark, the Content-Type header, an XML prolog, and a
// <meta charset> or http-equiv Content-Type anywhere in the head; an
// undeclared body that is valid UTF-8 is UTF-8, otherwise it is detected.
//
// The declarations in the returned body (meta charset, XML prolog encoding)
// are rewritten to utf-8, so that a later parser (gofeed, encoding/xml,
// trafilatura) cannot decode the text a second time.
func DecodeHTML(body []byte, contentType string) ([]byte, string, error) {
	enc, name := sniffCharset(body, contentType)
	out := body
	if enc != nil && name != "utf-8" {
		var err error
		out, _, err = transform.Bytes(enc.NewDecoder(), body)
		if err != nil {
			return nil, name, fmt.Errorf("decode %s: %w", name, err)
		}
	} else {
		out = bytes.TrimPrefix(out, []byte("\xef\xbb\xbf"))
		if !utf8.Valid(out) {
			out = bytes.ToValidUTF8(out, []byte("\uFFFD"))
		}
	}
	out = bytes.TrimPrefix(out, []byte("\xef\xbb\xbf"))
	return relabelUTF8(out), name, nil
}

// sniffCharset decides the encoding of body; the name is the WHATWG name.
func sniffCharset(body []byte, contentType string) (encoding.Encoding, string) {
	switch {
	case bytes.HasPrefix(body, []byte("\xef\xbb\xbf")):
		return unicode.UTF8, "utf-8"
	case bytes.HasPrefix(body, []byte("\xfe\xff")):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be"
	case bytes.HasPrefix(body, []byte("\xff\xfe")):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le"
	}
	if contentType != "" {
		if _, params, err := mime.ParseMediaType(contentType); err == nil {
			if e, n := lookupCharset(params["charset"]); e != nil {
				return e, n
			}
		}
	}
	if m := reXMLEncoding.FindSubmatch(head(body)); m != nil {
		if e, n := lookupCharset(string(m[1])); e != nil {
			return e, n
		}
	}
	if m := reMetaCharset.FindSubmatch(head(body)); m != nil {
		if e, n := lookupCharset(string(m[1])); e != nil {
			return e, n
		}
	}
	if utf8.Valid(body) {
		return unicode.UTF8, "utf-8"
	}
	if r, err := chardet.NewHtmlDetector().DetectBest(body); err == nil {
		if e, n := lookupCharset(r.Charset); e != nil {
			return e, n
		}
	}
	return unicode.UTF8, "utf-8"
}

// lookupCharset maps a label to an encoding; UTF-16 labels inside an 8-bit
// document are treated as UTF-8, as browsers do.
func lookupCharset(label string) (encoding.Encoding, string) {
	label = strings.ToLower(strings.TrimSpace(label))
	if label == "" {
		return nil, ""
	}
	e, name := charset.Lookup(label)
	if e == nil {
		return nil, ""
	}
	if strings.HasPrefix(name, "utf-16") {
		return unicode.UTF8, "utf-8"
	}
	return e, name
}

// head returns the part of body before </head> (or <body>), at most
// headScanLimit bytes.
func head(body []byte) []byte {
	b := body
	if len(b) > headScanLimit {
		b = b[:headScanLimit]
	}
	if loc := reHeadEnd.FindIndex(b); loc != nil {
		b = b[:loc[0]]
	}
	return b
}

// relabelUTF8 rewrites charset declarations in the head and the XML prolog to
// utf-8. The body is modified only in the head.
func relabelUTF8(body []byte) []byte {
	h := head(body)
	n := len(h)
	h2 := reXMLEncoding.ReplaceAllFunc(h, func(m []byte) []byte {
		i := bytes.LastIndex(m, reXMLEncoding.FindSubmatch(m)[1])
		return append(append(append([]byte{}, m[:i]...), "UTF-8"...), m[i+len(reXMLEncoding.FindSubmatch(m)[1]):]...)
	})
	h2 = reMetaCharset.ReplaceAllFunc(h2, func(m []byte) []byte {
		sub := reMetaCharset.FindSubmatch(m)[1]
		i := bytes.LastIndex(m, sub)
		return append(append(append([]byte{}, m[:i]...), "utf-8"...), m[i+len(sub):]...)
	})
	if bytes.Equal(h, h2) {
		return body
	}
	out := make([]byte, 0, len(body)-n+len(h2))
	out = append(out, h2...)
	return append(out, body[n:]...)
}
