package review

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/japanese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// decodeText turns a CSV review file into UTF-8 text without a BOM.
//
//   - UTF-8, with or without a BOM, is taken as it is.
//   - UTF-16 with a BOM (Excel's "Unicode text") is decoded.
//   - Otherwise, if the bytes decode as Shift_JIS (Windows-31J, what
//     Japanese Excel writes for "CSV") without a single invalid sequence and
//     the result holds Japanese text, they are decoded. Text in another
//     encoding almost never passes both tests.
//   - Anything else is an error naming the line of the first bad byte.
func decodeText(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte(bom)):
		data = data[len(bom):]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		dec := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil {
			return "", fmt.Errorf("not valid UTF-16 text: %w", err)
		}
		return strings.TrimPrefix(string(out), bom), nil
	}
	if utf8.Valid(data) {
		return string(data), nil
	}
	if out, err := japanese.ShiftJIS.NewDecoder().Bytes(data); err == nil &&
		!bytes.ContainsRune(out, utf8.RuneError) && hasJapanese(out) {
		return string(out), nil
	}
	off := firstInvalid(data)
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	return "", fmt.Errorf("line %d: the file is not UTF-8 text (byte 0x%02X); "+
		"save it as \"CSV UTF-8\" (Excel: Save As → CSV UTF-8 (Comma delimited)) or as .xlsx", line, data[off])
}

// hasJapanese reports whether b holds kana or kanji.
func hasJapanese(b []byte) bool {
	for _, r := range string(b) {
		if unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Han) {
			return true
		}
	}
	return false
}

// firstInvalid is the offset of the first byte that is not valid UTF-8.
func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}
