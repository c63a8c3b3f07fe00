package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
)

// ArticleID is sha256 of the canonical URL, hex-encoded.
func ArticleID(canonicalURL string) string {
	sum := sha256.Sum256([]byte(canonicalURL))
	return hex.EncodeToString(sum[:])
}

// DealID is sha256 over the article ID, company, counterparty, amount,
// currency and kind, hex-encoded. The parts are separated by a NUL byte.
func DealID(articleID string, d Deal) string {
	h := sha256.New()
	value, currency := "", ""
	if d.Amount != nil {
		value = strconv.FormatFloat(d.Amount.Value, 'f', -1, 64)
		currency = d.Amount.Currency
	}
	for _, part := range []string{articleID, d.Company, string(d.Counterparty), value, currency, string(d.Kind)} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// ShortID is the first 12 characters of an id (or of any hex hash), the
// form kozan prints; commands take any unique prefix of an id.
func ShortID(id string) string {
	if len(id) > 12 {
		return id[:12]
	}
	return id
}
