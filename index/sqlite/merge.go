package sqlite

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/kozan-dev/kozan/pipeline"
)

// Merge tolerances.
const (
	// MergeAmountTolerance is the largest relative difference between two
	// amounts of the same deal (compared in USD when both are known, else in
	// the same currency).
	MergeAmountTolerance = 0.05
	// MergeWindow is the largest distance between the publication dates of
	// two reports of the same deal.
	MergeWindow = 30 * 24 * time.Hour
)

// SameDeal reports whether a and b, reported at aAt and bAt (publication
// dates, or extraction dates when unknown), are the same agreement, and why
// (or why not). They are when:
//   - the parties are the same, in either order, a missing counterparty on one
//     side matching either party of the other;
//   - the amounts are within MergeAmountTolerance (USD values when both are
//     known, else the same currency), or one of them is missing;
//   - when an amount is missing, the kinds are equal or one of them is
//     "other" (with both amounts known and close, outlets that label the same
//     contract a lease and an HPC contract still report one deal);
//   - the dates are within MergeWindow.
//
// Two different amounts between the same parties are never the same deal.
func SameDeal(a, b pipeline.Deal, aAt, bAt time.Time) (bool, string) {
	parties, ok := sameParties(a, b)
	if !ok {
		return false, "different parties"
	}
	amount, ok := closeAmounts(a.Amount, b.Amount)
	if !ok {
		return false, amount
	}
	var kind string
	switch {
	case a.Kind == b.Kind:
		kind = "same kind " + string(a.Kind)
	case a.Kind == pipeline.KindOther || b.Kind == pipeline.KindOther:
		kind = fmt.Sprintf("kinds %s and %s (one is other)", a.Kind, b.Kind)
	case a.Amount != nil && b.Amount != nil:
		kind = fmt.Sprintf("kinds %s and %s (same amount)", a.Kind, b.Kind)
	default:
		return false, fmt.Sprintf("different kinds %s and %s", a.Kind, b.Kind)
	}
	gap := aAt.Sub(bAt)
	if gap < 0 {
		gap = -gap
	}
	if gap > MergeWindow {
		return false, fmt.Sprintf("dates %d days apart", int(gap.Hours()/24))
	}
	return true, fmt.Sprintf("%s; %s; %s; dates %d days apart", parties, amount, kind, int(gap.Hours()/24))
}

// sameParties compares the parties of two deals.
func sameParties(a, b pipeline.Deal) (string, bool) {
	ac, ap := norm(a.Company), norm(string(a.Counterparty))
	bc, bp := norm(b.Company), norm(string(b.Counterparty))
	if ac == "" || bc == "" {
		return "", false
	}
	switch {
	case ap != "" && bp != "":
		if (ac == bc && ap == bp) || (ac == bp && ap == bc) {
			return fmt.Sprintf("same parties %s and %s", a.Company, a.Counterparty), true
		}
		return "", false
	case ap == "" && bp == "":
		if ac == bc {
			return "same company " + a.Company + ", no counterparty", true
		}
		return "", false
	case ap == "": // a names one party: it must be one of b's
		if ac == bc || ac == bp {
			return fmt.Sprintf("%s is a party of both; one counterparty missing", a.Company), true
		}
		return "", false
	default: // bp == ""
		if bc == ac || bc == ap {
			return fmt.Sprintf("%s is a party of both; one counterparty missing", b.Company), true
		}
		return "", false
	}
}

// closeAmounts compares two amounts; the string says how.
func closeAmounts(a, b *pipeline.Amount) (string, bool) {
	switch {
	case a == nil && b == nil:
		return "no amounts", true
	case a == nil || b == nil:
		return "one amount missing", true
	case a.USD != nil && b.USD != nil:
		if within(*a.USD, *b.USD) {
			return fmt.Sprintf("USD %s and %s within %g%%", fmtNum(*a.USD), fmtNum(*b.USD), MergeAmountTolerance*100), true
		}
		return fmt.Sprintf("different amounts: USD %s and %s", fmtNum(*a.USD), fmtNum(*b.USD)), false
	case strings.EqualFold(a.Currency, b.Currency):
		if within(a.Value, b.Value) {
			return fmt.Sprintf("%s %s and %s within %g%%", a.Currency, fmtNum(a.Value), fmtNum(b.Value), MergeAmountTolerance*100), true
		}
		return fmt.Sprintf("different amounts: %s %s and %s", a.Currency, fmtNum(a.Value), fmtNum(b.Value)), false
	default:
		return fmt.Sprintf("amounts in %s and %s cannot be compared", a.Currency, b.Currency), false
	}
}

// within reports whether x and y differ by at most MergeAmountTolerance of
// the larger.
func within(x, y float64) bool {
	if x == y {
		return true
	}
	m := math.Max(math.Abs(x), math.Abs(y))
	return math.Abs(x-y) <= MergeAmountTolerance*m
}

// fmtNum formats an amount compactly (3.7bn, 250m, 12000).
func fmtNum(v float64) string {
	switch a := math.Abs(v); {
	case a >= 1e9:
		return strconv.FormatFloat(v/1e9, 'f', -1, 64) + "bn"
	case a >= 1e6:
		return strconv.FormatFloat(v/1e6, 'f', -1, 64) + "m"
	default:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
}

// norm folds a party name for comparison.
func norm(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
